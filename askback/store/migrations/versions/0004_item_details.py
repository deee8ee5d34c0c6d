"""Plan items keep their follow-ups, what to listen for and the evidence they cite.

A saved plan then stands on its own: editing the bank later, or re-researching a company,
does not change what a candidate prepared.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_items") as batch:
        batch.add_column(sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_items") as batch:
        batch.drop_column("details")
