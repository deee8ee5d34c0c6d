"""askback's exceptions, as one small tree.

Front ends catch :class:`AskbackError` and show its message in one line; anything else is a
bug and keeps its traceback.

    AskbackError
    ├── UsageError          bad input from the user (unknown id, bad option value)
    ├── NotFoundError       a named thing does not exist (company, plan, question)
    ├── DataError           a data file askback ships is invalid (named by file and entry)
    │   └── BankError       one of the question bank's files
    └── StoreError          the database cannot be opened or written
"""

from __future__ import annotations


class AskbackError(Exception):
    """Base of every error a user can cause or fix."""


class UsageError(AskbackError):
    """Bad input from the user: the CLI exits with code 2."""


class NotFoundError(AskbackError):
    """A named company, plan or question does not exist."""


class DataError(AskbackError):
    """A data file askback ships is invalid: a bug in askback, named by file and entry."""


class BankError(DataError):
    """The question bank's data files are invalid: a bug in askback, named by file and id."""


class StoreError(AskbackError):
    """The database cannot be opened, migrated or written."""
