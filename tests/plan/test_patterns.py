"""The grounded question patterns are data: the shipped file loads, and mistakes in it are caught."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from askback.core import taxonomy
from askback.errors import DataError
from askback.plan.patterns import KINDS, PATTERNS_FILE, patterns


def test_the_shipped_patterns_cover_every_kind_and_suit_some_role_at_each_stage() -> None:
    found = patterns()
    assert set(found.kinds) == set(KINDS)
    for role, stage in (("recruiter", "screen"), ("peer", "technical"), ("skip-level", "final")):
        assert any(role in p.roles and stage in p.stages for p in found.topics.values()), (role, stage)
    assert set(found.topics) <= set(taxonomy.RESEARCH_TOPIC_IDS)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["topics"]["leave"].update(roles=["intern"]), "unknown role 'intern'"),
        (lambda d: d["topics"]["leave"].update(subtopic="mistakes"), "subtopic 'mistakes' is not in category"),
        (
            lambda d: d["topics"]["leave"]["asks"].update(any="How long is it, and who covers the work?"),
            "an ask must be one question",
        ),
        (lambda d: d.update(topics={**d["topics"], "gossip": d["topics"]["leave"]}), "unknown research topic"),
        (lambda d: d["kinds"].pop("event"), "kinds must give an ask"),
    ],
)
def test_a_mistake_in_the_patterns_file_is_named(tmp_path: Path, change: object, message: str) -> None:
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    assert callable(change)
    change(data)
    broken = tmp_path / "patterns.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        patterns.__wrapped__(broken)
