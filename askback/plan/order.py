"""Conversation order: people and the role first, strategy, pay and next steps last.

Each subtopic carries its place in a conversation in the taxonomy; ordering is a stable sort
on it, so questions on one subject stay together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from askback.core import taxonomy

T = TypeVar("T")


def conversation_order(items: Sequence[T], subtopic_of: Callable[[T], str]) -> list[T]:
    return sorted(items, key=lambda item: taxonomy.subtopic(subtopic_of(item)).order)
