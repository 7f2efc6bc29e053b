"""Medicine schedules, their dose history and the dose log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "medicine_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("library_id", sa.String(length=80), nullable=True),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("pattern", sa.String(length=20), nullable=False),
        sa.Column("times", sa.String(length=120), nullable=False),
        sa.Column("cycle_length", sa.Integer(), nullable=True),
        sa.Column("first_day", sa.Integer(), nullable=True),
        sa.Column("last_day", sa.Integer(), nullable=True),
        sa.Column("every_weeks", sa.Integer(), nullable=True),
        sa.Column("min_interval_hours", sa.Double(), nullable=True),
        sa.Column("daily_max", sa.Double(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("logged_from", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["therapy_line.id"],
            name=op.f("fk_medicine_schedule_line_id_therapy_line"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medicine_schedule")),
    )
    with op.batch_alter_table("medicine_schedule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_medicine_schedule_line_id"), ["line_id"], unique=False)

    op.create_table(
        "medicine_dose",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["medicine_schedule.id"],
            name=op.f("fk_medicine_dose_schedule_id_medicine_schedule"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medicine_dose")),
    )
    with op.batch_alter_table("medicine_dose", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_medicine_dose_schedule_id"), ["schedule_id"], unique=False
        )

    op.create_table(
        "dose_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot", sa.String(length=5), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("amount", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["medicine_schedule.id"],
            name=op.f("fk_dose_log_schedule_id_medicine_schedule"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dose_log")),
    )
    with op.batch_alter_table("dose_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dose_log_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_dose_log_schedule_id"), ["schedule_id"], unique=False)


def downgrade() -> None:
    op.drop_table("dose_log")
    op.drop_table("medicine_dose")
    op.drop_table("medicine_schedule")
