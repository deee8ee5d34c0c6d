"""After the interviews: employee accounts with their classified sentences, and job offers.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("who", sa.String(20), nullable=True),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("said_when", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("company_id", "text_hash"),
    )
    op.create_index("ix_accounts_company_id", "accounts", ["company_id"])
    op.create_table(
        "account_sentences",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("sentiment", sa.String(20), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
    )
    op.create_index("ix_account_sentences_account_id", "account_sentences", ["account_id"])
    op.create_table(
        "offers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("base", sa.Float(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("bonus_percent", sa.Float(), nullable=False),
        sa.Column("equity", sa.JSON(), nullable=True),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("start", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_offers_company_id", "offers", ["company_id"])


def downgrade() -> None:
    op.drop_index("ix_offers_company_id", "offers")
    op.drop_table("offers")
    op.drop_index("ix_account_sentences_account_id", "account_sentences")
    op.drop_table("account_sentences")
    op.drop_index("ix_accounts_company_id", "accounts")
    op.drop_table("accounts")
