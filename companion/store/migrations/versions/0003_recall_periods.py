"""Each symptom answer keeps its recall period; the daily check-in's first question and end.

Existing symptom answers all came from the daily check-in, whose questions asked about
"today", so they become recall_days = 1. Existing ESAS-r answers are ESAS-r's own form,
which asks how the patient feels "NOW", so they become recall_days = 0 (a separate table:
every row there is an ESAS-r item, nothing to guess). One day may now hold a daily and a
weekly answer to the same question, so the unique key gains recall_days.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.add_column(sa.Column("compared_with_yesterday", sa.String(length=10)))
        batch_op.add_column(sa.Column("daily_done_at", sa.DateTime()))

    with op.batch_alter_table("symptom_answer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recall_days", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.drop_constraint("uq_answer_per_day", type_="unique")
        batch_op.create_unique_constraint(
            "uq_answer_per_recall", ["checkin_id", "symptom_id", "attribute", "recall_days"]
        )
        batch_op.create_check_constraint(
            op.f("ck_symptom_answer_recall_period"), "recall_days IN (1, 7)"
        )

    with op.batch_alter_table("esas_answer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recall_days", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_check_constraint(op.f("ck_esas_answer_recall_now"), "recall_days = 0")


def downgrade() -> None:
    with op.batch_alter_table("esas_answer", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_esas_answer_recall_now"), type_="check")
        batch_op.drop_column("recall_days")

    # Weekly answers have no place in the older schema.
    op.execute("DELETE FROM symptom_answer WHERE recall_days <> 1")
    with op.batch_alter_table("symptom_answer", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_symptom_answer_recall_period"), type_="check")
        batch_op.drop_constraint("uq_answer_per_recall", type_="unique")
        batch_op.create_unique_constraint(
            "uq_answer_per_day", ["checkin_id", "symptom_id", "attribute"]
        )
        batch_op.drop_column("recall_days")

    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_column("daily_done_at")
        batch_op.drop_column("compared_with_yesterday")
