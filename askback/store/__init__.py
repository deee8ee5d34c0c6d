"""Storage: SQLAlchemy models, Alembic migrations and repositories.

SQLite by default, any SQLAlchemy URL for a shared deployment. Nothing above this layer
writes SQL.
"""
