"""What is distinctive about a company: its own terms and named practices, against ordinary text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from askback.core.models import Fact
from askback.research import distinctive

ROOT = Path(__file__).resolve().parents[2]


def facts(*texts: str) -> list[Fact]:
    return [Fact(i, t, "handbook.md", "Handbook", (), i, ()) for i, t in enumerate(texts)]


# Ordinary company prose: the background's own paragraphs, which are by definition not distinctive.
ORDINARY = distinctive.paragraphs(distinctive.BACKGROUND_TEXT.read_text(encoding="utf-8"))[:40]
OWN = [
    "Every change goes through the Contrib First review before release.",
    "Under Contrib First we send fixes upstream to Drupal.",
    "Contrib First means the patch goes to Drupal before our own code.",
    "We work in six-week cycles followed by a cooldown week.",
    "Each six-week cycles ends with a demo.",
    "Plans are set for six-week cycles by the whole team.",
    "Most client sites run on Drupal.",
]


def test_the_company_s_own_terms_outrank_ordinary_words() -> None:
    found = distinctive.find(facts(*(ORDINARY + OWN)), names=("Acme",))
    keys = [t.key for t in found.terms]
    assert "contrib first" in keys
    assert "drupal" in keys
    assert "employee" not in keys and "team" not in keys


def test_named_practices_are_found_by_their_shape() -> None:
    found = distinctive.find(facts(*(ORDINARY + OWN)))
    named = {t.key: t.kind for t in found.named()}
    assert named.get("contrib first") == "name"
    assert named.get("six-week cycles") == "cadence"


def test_the_company_s_name_is_never_one_of_its_terms() -> None:
    texts = [f"Acme Robotics {t}" for t in OWN]
    found = distinctive.find(facts(*texts), names=("Acme Robotics",))
    assert not {"acme", "robotics", "acme robotics"} & {t.key for t in found.terms}


def test_a_sentence_with_the_company_s_terms_scores_above_an_ordinary_one() -> None:
    corpus = facts(*(ORDINARY + OWN))
    found = distinctive.find(corpus)
    assert found.fact_score(corpus[-7]) > found.fact_score(corpus[0])


def test_nothing_researched_means_nothing_distinctive() -> None:
    assert distinctive.find([]).terms == ()


def test_terms_survive_the_cache_format() -> None:
    found = distinctive.find(facts(*(ORDINARY + OWN)))
    assert distinctive.from_json(distinctive.to_json(found)) == found


def test_the_shipped_background_matches_its_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_background.py"), "--check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
