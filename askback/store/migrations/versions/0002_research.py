"""Research: pages, facts with their topics, and embeddings cached by content hash.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("ref", sa.String(2000), nullable=False),
        sa.Column("content_type", sa.String(60), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.UniqueConstraint("company_id", "ref"),
    )
    op.create_index("ix_pages_company_id", "pages", ["company_id"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("page_id", sa.Integer(), sa.ForeignKey("pages.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("headings", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("quantities", sa.JSON(), nullable=False),
    )
    op.create_index("ix_facts_company_id", "facts", ["company_id"])
    op.create_index("ix_facts_page_id", "facts", ["page_id"])
    op.create_index("ix_facts_text_hash", "facts", ["text_hash"])
    op.create_table(
        "fact_topics",
        sa.Column("fact_id", sa.Integer(), sa.ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("topic", sa.String(60), primary_key=True),
        sa.Column("confidence", sa.Float(), nullable=False),
    )
    op.create_index("ix_fact_topics_topic", "fact_topics", ["topic"])
    op.create_table(
        "embeddings",
        sa.Column("text_hash", sa.String(64), primary_key=True),
        sa.Column("model", sa.String(80), primary_key=True),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    for table in ("embeddings", "fact_topics", "facts", "pages"):
        op.drop_table(table)
