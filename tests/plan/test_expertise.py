""" "Shows your expertise" questions: an achievement of the candidate tied to a company fact."""

from __future__ import annotations

import numpy as np
import pytest

from askback.core.models import Fact
from askback.core.people import Experience
from askback.plan import checks
from askback.plan.expertise import expertise_questions, lead_in, quote
from askback.plan.notes import notes_question

RFC = Experience("achievement", "Wrote design proposals as RFCs for every cross-team change.", "wrote")
KAFKA = Experience(
    "achievement",
    "Led the migration of order events from Postgres queues to Kafka, with zero downtime.",
    "led",
    "with zero downtime",
)
FACTS = [
    Fact(
        1,
        "Written proposals: larger changes start as an RFC.",
        "engineering.html",
        "",
        (),
        0,
        (("engineering-practices", 0.9),),
    ),
    Fact(
        2,
        "Data: PostgreSQL 16 as the main database and Kafka for event streaming.",
        "engineering.html",
        "",
        (),
        1,
        (("tech-stack", 0.9),),
    ),
    Fact(3, "We have 25 days of leave a year.", "benefits.html", "", (), 2, (("leave", 0.9),)),
]
TERMS = frozenset({"rfc", "postgresql", "kafka"})


def vectors(*rows: list[float]) -> np.ndarray:
    found = np.array(rows, dtype=np.float32)
    return found / np.linalg.norm(found, axis=1, keepdims=True)


# The achievements point at the first two facts; the leave fact is like neither.
ACHIEVEMENT_VECTORS = vectors([1, 0.1, 0], [0.1, 1, 0])
FACT_VECTORS = vectors([1, 0, 0], [0, 1, 0], [0, 0, 1])


@pytest.mark.parametrize("stage", ["technical", "team"])
def test_each_achievement_meets_the_fact_nearest_in_meaning(stage: str) -> None:
    found = expertise_questions([RFC, KAFKA], ACHIEVEMENT_VECTORS, FACTS, FACT_VECTORS, stage, TERMS)
    assert [(e.experience.action, e.fact.id) for e in found] == [("led", 2), ("wrote", 1)]
    assert found[1].question.text == (
        # 36 words with "At my last job I", one more than a breath: the shorter opening is used
        "Previously I wrote design proposals as RFCs for every cross-team change. Your engineering page "
        "mentions “written proposals: larger changes start as an RFC”. Where does the team find that hardest to keep up?"
    )
    for e in found:
        text = e.question.text
        assert e.question.form == "open" and text.count("?") == 1
        assert not (checks.too_long(text) or checks.double_barrelled(text) or checks.leading(text))


@pytest.mark.parametrize("stage", ["screen", "final", "offer"])
def test_never_at_other_stages(stage: str) -> None:
    assert expertise_questions([RFC, KAFKA], ACHIEVEMENT_VECTORS, FACTS, FACT_VECTORS, stage, TERMS) == []


def test_unrelated_pairs_make_no_question() -> None:
    far = vectors([0, 0, 1], [0, 0, 1])  # both like the leave fact, whose topic has no closing
    assert expertise_questions([RFC, KAFKA], far, FACTS, FACT_VECTORS, "technical", TERMS) == []


def test_the_quote_must_share_a_word_with_the_experience_and_name_the_company() -> None:
    assert quote(FACTS[0], RFC, TERMS) == "“written proposals: larger changes start as an RFC”"
    assert quote(FACTS[0], KAFKA, TERMS) is None  # nothing in common
    assert quote(FACTS[0], RFC, frozenset({"kotlin"})) is None  # nothing only this company says


def test_the_lead_in_leaves_the_result_for_the_interviewer_to_ask() -> None:
    assert lead_in(KAFKA) == "led the migration of order events from Postgres queues to Kafka."
    long = Experience("achievement", "Led " + "very " * 20 + "big things.", "led")
    assert lead_in(long) is None


@pytest.mark.parametrize(
    ("notes", "text"),
    [
        (
            "Dana spoke at FOSDEM about moving the routing solver to Kafka.",
            "I read that you spoke at FOSDEM about moving the routing solver to Kafka. "
            "What part of that is the team still working out?",
        ),
        (
            "Dana Ruiz is VP Engineering. She leads the routing platform and writes about on-call health.",
            "I read that you lead the routing platform and write about on-call health. "
            "What part of that is the team still working out?",
        ),
        ("A great talk on caching.", None),
    ],
)
def test_a_question_from_the_notes_on_an_interviewer(notes: str, text: str | None) -> None:
    found = notes_question("Dana Ruiz", notes, "executive")
    assert (found.question.text if found else None) == text
    if found:
        assert found.question.roles == ("executive",)


def test_minilm_compares_an_achievement_only_with_the_facts_near_it() -> None:
    """Research stores MiniLM vectors only for its close calls; a plan must not embed every
    fact of a large handbook to find the one an achievement speaks to."""
    from embedders import real_model

    from askback.plan import expertise_grounding

    filler = [
        Fact(100 + i, f"Form {i} is filed with the office of records before day {i}.", "forms.md", "", (), i, ())
        for i in range(600)
    ]
    kafka = Fact(99, "Order events move through Kafka topics owned by the platform team.", "eng.md", "", (), 0, ())
    facts = [*filler[:300], kafka, *filler[300:]]
    near = expertise_grounding.nearest_facts(facts, [KAFKA.text], real_model())
    assert kafka in near
    assert len(near) <= expertise_grounding.CANDIDATES + expertise_grounding.SHARED_WORDS
    assert [f.id for f in near] == sorted((f.id for f in near), key=[f.id for f in facts].index)  # in reading order
