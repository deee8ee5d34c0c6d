"""A question from what the candidate read about the interviewer: their bio, a talk, a post.

    I read that you spoke at FOSDEM about moving the routing solver to Kafka. What part of
    that is the team still working out?

The sentence chosen says what the person works on: it has them as its subject (their name, or
he, she, they) and a verb, and is short enough to say back. It is turned to the second person
("Dana leads" -> "you lead") and cited as "your notes on Dana Ruiz".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from askback.core import taxonomy
from askback.core.models import ListenFor, Question
from askback.nlp.form import question_form
from askback.plan import checks

MIN_WORDS, MAX_WORDS = 4, 18
CLOSING = "What part of that is the team still working out?"
# Third-person verbs turned to the second person when the sentence is said back.
IRREGULAR = {"is": "are", "has": "have", "was": "were", "does": "do", "goes": "go"}
PRONOUNS = ("he", "she", "they")
# A sentence saying who someone is ("Dana is VP Engineering") says nothing about their work.
NOT_WORK = frozenset({"is", "was", "are", "were", "and", "or", "who", "said", "joined", "lives"})
OBJECT_STARTS = frozenset({"about", "on", "the", "a", "an", "to", "for", "with", "in", "our", "their", "its"})


@dataclass(frozen=True)
class FromNotes:
    question: Question
    quote: str  # the sentence of the notes it rests on


def notes_question(name: str, notes: str, role: str) -> FromNotes | None:
    """The first sentence of ``notes`` that can be said back to ``name`` as a question."""
    from askback.nlp.sentences import split_sentences

    subjects = _subjects(name)
    for sentence in split_sentences(notes):
        said = _second_person(sentence, subjects)
        if said is None:
            continue
        text = f"I read that you {said}. {CLOSING}"
        if question_form(text) == "open" and not any(
            check(text) for check in (checks.too_long, checks.double_barrelled, checks.leading, checks.private_life)
        ):
            return FromNotes(_question(name, text, role), sentence.strip())
    return None


def _subjects(name: str) -> tuple[str, ...]:
    parts = name.split()
    return tuple(dict.fromkeys([name, parts[0], parts[-1], *PRONOUNS])) if parts else PRONOUNS


def _second_person(sentence: str, subjects: tuple[str, ...]) -> str | None:
    text = sentence.strip().rstrip(".!")
    lowered = text.lower()
    subject = next((s for s in sorted(subjects, key=len, reverse=True) if lowered.startswith(s.lower() + " ")), None)
    if subject is None:
        return None
    rest = text[len(subject) :].strip()
    words = rest.split()
    if not MIN_WORDS - 1 <= len(words) <= MAX_WORDS or "?" in rest:
        return None
    verb = words[0]
    if not re.fullmatch(r"[a-z]+", verb) or verb in NOT_WORK:
        return None
    if subject.lower() != "they":
        words[0] = _you(verb)
        for i in range(1, len(words) - 1):  # "leads the platform and writes about ..."
            if words[i - 1] == "and" and words[i].endswith("s") and words[i + 1] in OBJECT_STARTS:
                words[i] = _you(words[i])
    return " ".join(words)


def _you(verb: str) -> str:
    """ "leads" -> "lead", "writes" -> "write", "spoke" -> "spoke" (past tense keeps its form)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def _question(name: str, text: str, role: str) -> Question:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Question(
        id=f"notes-{slug}",
        text=text,
        category="impact",
        subtopic="technical-challenges",
        form="open",
        roles=(role,),
        stages=tuple(taxonomy.STAGE_IDS),
        signals=("curiosity",),
        priorities=(),
        googleable=(),
        follow_ups=("Who else works on it with you?",),
        listen_for=ListenFor(
            ("talks at length and specifically: what they care about is live work",),
            ("the work is finished or abandoned and nobody owns what is left",),
        ),
        source="notes",
    )
