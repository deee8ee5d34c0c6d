"""The people in the room and the candidate's own record: interviewers, the interviews
scheduled with them, the experience read from the candidate's CV, an offer's deadline, and
the named person a plan is aimed at.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interviewers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("company_id", "name"),
    )
    op.create_index("ix_interviewers_company_id", "interviewers", ["company_id"])
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), sa.ForeignKey("interviewers.id", ondelete="SET NULL"), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("time", sa.String(5), nullable=False),
        sa.Column("stage", sa.String(40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_interviews_company_id", "interviews", ["company_id"])
    op.create_table(
        "experiences",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
    )
    op.create_index("ix_experiences_profile_id", "experiences", ["profile_id"])
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(sa.Column("experience_source", sa.String(500), nullable=False, server_default=""))
    with op.batch_alter_table("offers") as batch:
        batch.add_column(sa.Column("deadline", sa.Date(), nullable=True))
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("interviewer_name", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("interviewer_name")
    with op.batch_alter_table("offers") as batch:
        batch.drop_column("deadline")
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("experience_source")
    op.drop_index("ix_experiences_profile_id", "experiences")
    op.drop_table("experiences")
    op.drop_index("ix_interviews_company_id", "interviews")
    op.drop_table("interviews")
    op.drop_index("ix_interviewers_company_id", "interviewers")
    op.drop_table("interviewers")
