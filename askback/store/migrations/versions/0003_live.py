"""The live interview: a status and a note per plan item, general notes and category ratings per plan.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_items") as batch:
        batch.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="open"))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("note_saved_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("category_ratings", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("category_ratings")
        batch.drop_column("notes")
    with op.batch_alter_table("plan_items") as batch:
        batch.drop_column("note_saved_at")
        batch.drop_column("note")
        batch.drop_column("status")
