"""The labelled sets the README's figures come from: split once by a stable rule, never mixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from askback.evaluate.answered import SETS, held_out, load, sources_of
from askback.plan.answered import vocabulary

ROOT = Path(__file__).resolve().parents[2]
HANDBOOKS = {"18F": "18f-handbook", "CivicActions": "civicactions-guidebook"}


@pytest.mark.parametrize("company", sorted(HANDBOOKS))
def test_each_handbook_has_150_questions_split_by_the_hash_and_kept_apart(company: str) -> None:
    tuning = next(s for s in SETS if s.company == company and not s.held_out)
    kept = next(s for s in SETS if s.company == company and s.held_out)
    tuning_rows, kept_rows = load(ROOT / tuning.path), load(ROOT / kept.path)
    assert len(tuning_rows) + len(kept_rows) >= 150
    assert not held_out(str(tuning_rows[0]["question"])) and all(not held_out(str(r["question"])) for r in tuning_rows)
    assert all(held_out(str(r["question"])) for r in kept_rows)
    questions = [str(r["question"]).strip().lower() for r in tuning_rows + kept_rows]
    assert len(set(questions)) == len(questions)


@pytest.mark.parametrize("labelled", [s for s in SETS if s.corpus], ids=lambda s: s.path)
def test_every_answered_row_names_a_page_of_its_handbook_and_no_other_row_does(labelled: object) -> None:
    corpus = ROOT.parent / "shared" / "corpora" / HANDBOOKS[labelled.company]  # type: ignore[attr-defined]
    for row in load(ROOT / labelled.path):  # type: ignore[attr-defined]
        assert bool(row["answered"]) == bool(sources_of(row)), row["question"]
        if corpus.exists():
            assert all((corpus / s).is_file() for s in sources_of(row)), row["question"]


def test_the_civicactions_sets_keep_their_attribution() -> None:
    note = (ROOT / "tests" / "data" / "answered_civicactions.LICENSE.md").read_text(encoding="utf-8")
    assert "CivicActions Guidebook, by CivicActions, CC BY 4.0" in note


def test_the_policy_vocabulary_names_each_phrase_once() -> None:
    phrases = [p.lower() for group in vocabulary().values() for p in group]
    assert phrases and len(phrases) == len(set(phrases))
    assert all(len(group) >= 2 for group in vocabulary().values())
    assert json.dumps(vocabulary())  # plain strings only
