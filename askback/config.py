"""Where askback keeps its data.

One data directory (``ASKBACK_HOME``, else the platform's user data folder) holds the SQLite
database, caches and exports; ``ASKBACK_DATABASE_URL`` points the database anywhere
SQLAlchemy can reach (PostgreSQL for a shared deployment).
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "ASKBACK_HOME"
DATABASE_ENV = "ASKBACK_DATABASE_URL"


def home() -> Path:
    configured = os.environ.get(HOME_ENV)
    if configured:
        path = Path(configured).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("askback", appauthor=False))
    return path


def database_url() -> str:
    configured = os.environ.get(DATABASE_ENV)
    if configured:
        return configured
    return f"sqlite:///{home() / 'askback.db'}"
