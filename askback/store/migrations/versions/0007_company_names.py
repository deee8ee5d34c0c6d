"""Companies keep the name as the company writes it and the other names it goes by.

``name_from`` says where the shown name came from ("typed" on first use, "material" when
research found how the company spells itself, "user" when set with ``companies edit``), so
research never overrides a name the user chose. ``aliases`` is a JSON list of other names.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("companies") as batch:
        batch.add_column(sa.Column("name_from", sa.String(20), nullable=False, server_default="typed"))
        batch.add_column(sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("aliases")
        batch.drop_column("name_from")
