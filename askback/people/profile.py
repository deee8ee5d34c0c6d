"""The candidate's experience as a service: read a CV and keep what it says with the profile.

What ``askback profile set --experience`` and the web app's profile page call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askback.core.people import Experience
from askback.errors import UsageError
from askback.people.experience import read_experience
from askback.people.reading import read_document
from askback.runtime import Runtime
from askback.store import people as store


@dataclass(frozen=True)
class Record:
    """What was read from the candidate's CV, and from which file."""

    source: str
    items: tuple[Experience, ...]

    @property
    def achievements(self) -> tuple[Experience, ...]:
        return tuple(e for e in self.items if e.kind == "achievement")

    @property
    def skills(self) -> tuple[str, ...]:
        named = [e.text for e in self.items if e.kind == "skill"]
        found = [s for e in self.achievements for s in e.skills]
        return tuple(dict.fromkeys(named + [s for s in found if s.lower() not in {n.lower() for n in named}]))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "skills": list(self.skills),
            "achievements": [
                {"text": e.text, "action": e.action, "result": e.result, "skills": list(e.skills)}
                for e in self.achievements
            ],
        }


def set_experience(runtime: Runtime, path: Path | str) -> Record:
    """Read ``path`` (Markdown, text, HTML or PDF) and replace the saved experience with it.

    A file with no achievement and no skill is refused, naming the file, and nothing changes.
    """
    document = read_document(path)
    found = read_experience(document.blocks)
    if not found:
        raise UsageError(
            f"{path}: no achievements or skills found; write achievements as lines that start with "
            "a verb (Led ..., Built ..., Cut ...) and skills under a Skills heading"
        )
    with runtime.session() as session:
        store.save_experience(session, Path(path).name, found)
    return Record(Path(path).name, tuple(found))


def experience(runtime: Runtime) -> Record:
    with runtime.session() as session:
        source, found = store.experience(session)
    return Record(source, tuple(found))
