"""Alembic environment: runs on the connection askback hands it (see askback.store.db)."""

from __future__ import annotations

from alembic import context

from askback.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - askback always passes its connection
    raise RuntimeError("askback migrations run through askback.store.db.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
