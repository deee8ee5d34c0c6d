"""The registry of trained parts: one entry per part, in the order the README shows them."""

from __future__ import annotations

from askback.evaluate.answered import ANSWERED
from askback.evaluate.category import CATEGORY
from askback.evaluate.claims import CLAIMS
from askback.evaluate.flags import FLAGS
from askback.evaluate.part import TrainedPart
from askback.evaluate.topics import TOPICS

PARTS: dict[str, TrainedPart] = {part.name: part for part in (TOPICS, ANSWERED, CATEGORY, FLAGS, CLAIMS)}


def get(name: str) -> TrainedPart:
    try:
        return PARTS[name]
    except KeyError:
        raise KeyError(f"no trained part {name!r}; choose from {', '.join(PARTS)}") from None
