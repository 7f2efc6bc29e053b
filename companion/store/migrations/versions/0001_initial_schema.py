"""Initial schema: profile, symptom log, treatment history, visits and questions.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "biopsy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("site", sa.String(length=120), nullable=False),
        sa.Column("er", sa.String(length=12), nullable=False),
        sa.Column("pr", sa.String(length=12), nullable=False),
        sa.Column("her2_ihc", sa.String(length=4), nullable=True),
        sa.Column("her2_fish", sa.String(length=12), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_biopsy")),
    )
    with op.batch_alter_table("biopsy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_biopsy_day"), ["day"], unique=False)

    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("weight_kg", sa.Double(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
    )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkin_day"), ["day"], unique=True)

    op.create_table(
        "dismissed_suggestion",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_dismissed_suggestion")),
    )
    op.create_table(
        "metastasis_site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("found_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metastasis_site")),
    )
    op.create_table(
        "other_medicine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("library_id", sa.String(length=80), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("dose", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_other_medicine")),
    )
    op.create_table(
        "pinned_symptom",
        sa.Column("symptom_id", sa.String(length=80), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("symptom_id", name=op.f("pk_pinned_symptom")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("care_team_phone", sa.String(length=60), nullable=False),
        sa.Column("emergency_number", sa.String(length=20), nullable=False),
        sa.Column("temperature_unit", sa.String(length=1), nullable=False),
        sa.Column("welcome_done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("topic", sa.String(length=30), nullable=False),
        sa.Column("bank_id", sa.String(length=80), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question")),
    )
    op.create_table(
        "test_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("lvef_percent", sa.Double(), nullable=True),
        sa.Column("marker_name", sa.String(length=40), nullable=True),
        sa.Column("marker_value", sa.Double(), nullable=True),
        sa.Column("marker_unit", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_result")),
    )
    with op.batch_alter_table("test_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_test_result_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_test_result_kind"), ["kind"], unique=False)

    op.create_table(
        "therapy_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("setting", sa.String(length=20), nullable=False),
        sa.Column("regimen", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=30), nullable=True),
        sa.Column("end_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_line")),
    )
    op.create_table(
        "treatment_procedure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_procedure")),
    )
    with op.batch_alter_table("treatment_procedure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_treatment_procedure_day"), ["day"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("with_whom", sa.String(length=40), nullable=False),
        sa.Column("clinician", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "administration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["therapy_line.id"],
            name=op.f("fk_administration_line_id_therapy_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_administration")),
    )
    with op.batch_alter_table("administration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_administration_line_id"), ["line_id"], unique=False)

    op.create_table(
        "esas_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("value BETWEEN 0 AND 10", name=op.f("ck_esas_answer_value_range")),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_esas_answer_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_esas_answer")),
        sa.UniqueConstraint("checkin_id", "item", name="uq_esas_per_day"),
    )
    with op.batch_alter_table("esas_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_esas_answer_checkin_id"), ["checkin_id"], unique=False)

    op.create_table(
        "line_drug",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("library_id", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["therapy_line.id"],
            name=op.f("fk_line_drug_line_id_therapy_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_drug")),
    )
    with op.batch_alter_table("line_drug", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_line_drug_line_id"), ["line_id"], unique=False)

    op.create_table(
        "red_flag_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=80), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_red_flag_event_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_flag_event")),
        sa.UniqueConstraint("checkin_id", "rule_id", name="uq_flag_per_day"),
    )
    with op.batch_alter_table("red_flag_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_red_flag_event_checkin_id"), ["checkin_id"], unique=False
        )

    op.create_table(
        "symptom_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("symptom_id", sa.String(length=80), nullable=False),
        sa.Column("attribute", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("value BETWEEN 0 AND 4", name=op.f("ck_symptom_answer_value_range")),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_symptom_answer_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_symptom_answer")),
        sa.UniqueConstraint("checkin_id", "symptom_id", "attribute", name="uq_answer_per_day"),
    )
    with op.batch_alter_table("symptom_answer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_symptom_answer_symptom", ["symptom_id", "checkin_id"], unique=False
        )

    op.create_table(
        "visit_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("asked", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_visit_question_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_question_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_question")),
        sa.UniqueConstraint("visit_id", "question_id", name="uq_question_once_per_visit"),
    )
    with op.batch_alter_table("visit_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_question_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("visit_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_question_visit_id"))

    op.drop_table("visit_question")
    with op.batch_alter_table("symptom_answer", schema=None) as batch_op:
        batch_op.drop_index("ix_symptom_answer_symptom")

    op.drop_table("symptom_answer")
    with op.batch_alter_table("red_flag_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_red_flag_event_checkin_id"))

    op.drop_table("red_flag_event")
    with op.batch_alter_table("line_drug", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_line_drug_line_id"))

    op.drop_table("line_drug")
    with op.batch_alter_table("esas_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_esas_answer_checkin_id"))

    op.drop_table("esas_answer")
    with op.batch_alter_table("administration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_administration_line_id"))

    op.drop_table("administration")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_starts_at"))

    op.drop_table("visit")
    op.drop_table("therapy_line")
    with op.batch_alter_table("treatment_procedure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_procedure_day"))

    op.drop_table("treatment_procedure")
    with op.batch_alter_table("test_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_test_result_kind"))
        batch_op.drop_index(batch_op.f("ix_test_result_day"))

    op.drop_table("test_result")
    op.drop_table("question")
    op.drop_table("profile")
    op.drop_table("pinned_symptom")
    op.drop_table("other_medicine")
    op.drop_table("metastasis_site")
    op.drop_table("dismissed_suggestion")
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkin_day"))

    op.drop_table("checkin")
    with op.batch_alter_table("biopsy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_biopsy_day"))

    op.drop_table("biopsy")
