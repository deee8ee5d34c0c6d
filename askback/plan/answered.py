"""Does the company's public material already answer a question?

A candidate asks in their own words ("how much PTO do I get"), a handbook answers in its own
("Fewer than 3 years: 4 hours per pay period", under the heading "Annual leave"). So each
question is looked up by words, over every sentence with its page title and headings (BM25,
with a policy vocabulary that makes "PTO" also find "annual leave"), and only the sentences
found are compared in meaning (MiniLM vectors, computed for them if research did not store
one: the check gives the same answers whichever sentences research embedded). Each sentence
found is then described by a few features (how much of the question its words and headings
cover, whether it names the same policy, its closeness in meaning, whether it holds the kind
of answer asked for: an amount for "how much", a duration for "how long") and a logistic pair scorer
learned from labelled questions gives the chance that it answers. Its weights and the bar
live in data/answered.thresholds.yaml (``python -m askback.evaluate answered --tune --write``).

Two rules come before any score: a question about how a policy is lived ("in practice",
"the last time", "how do people feel") is never answered by a handbook, and neither is a
question that asks two things. Precision comes first: a wrong "answered" hides a good question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from askback.core.models import Fact
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.linear import logistic
from askback.nlp.text import content_tokens

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors
    from askback.nlp.lexical import LexicalIndex
    from askback.research.topics import KeywordMatcher

THRESHOLDS = Path(__file__).parent / "data" / "answered.thresholds.yaml"
VOCABULARY = Path(__file__).parent / "data" / "policy_terms.yaml"
MIN_FACT_WORDS = 5  # shorter "facts" are headings and fragments, not answers
# Sentences found by words per question, and so compared in meaning. Measured: 40 did worse in
# cross-validation on the tuning sets; 15 found more answers there but its lower bar let "Who
# would I report to?" be answered by "Report a lost laptop to the security team".
LEXICAL_CANDIDATES = 25
MAX_REMEMBERED = 4096  # judgements an index keeps (the web app lints whatever it is sent)

# Words that say what kind of question it is, not what it is about.
QUESTION_WORDS = frozenset(
    content_tokens(
        "much many long often soon big large get offer offered give company team job role work working employee "
        "employees people staff here there policy policies allowed able need needs want anyone someone new hire "
        "year years day days week weeks month months time thing things way ways actually really usually typically"
    )
)

EXPERIENCE = re.compile(
    r"\b(actually|in practice|really|last time|most recent|recently|a time when|an example|for example|"
    r"how do(?:es)? (?:it|that|people|you|the team) feel|how do you like|what do you like|your (?:own|personal)|"
    r"you personally|surprised?|day[- ]to[- ]day|typical (?:day|week)|what happened|how did|what changed|"
    r"how has|how have|how often do people|do people (?:really|actually)|would you|what would|biggest|hardest|"
    r"favou?rite|worst|best part|enjoy\w*|challenge|struggle|honestly|culture around|vibe|specifically|"
    r"this particular|(?:your|this|my) (?:squad|team|project|group)|most (?:active|popular|common|used)|leaning|"
    r"still|these days|feel|felt|diverse|last year|this year|right now|currently|lately|in your experience|"
    r"most (?:people|folks|engineers|teams)|did (?:it|you)|have you|folks|pick|prefer|usually|typically|on average|"
    r"what did|the last few|how was|(?:done|doing) differently|(?:for|of|in) this (?:role|position|opening))\b",
    re.IGNORECASE,
)
WANTS_QUANTITY = re.compile(
    r"\b(how (?:much|many|long|big|large|often|soon|quickly|fast|far ahead)|what (?:is|'s|are) the (?:amount|budget|salary|range|number|"
    r"percentage|size|length|split)|what percentage|how many (?:days|weeks|hours))\b|\bwhat(?:'s| is) the \w+ (?:budget|allowance|range)\b",
    re.IGNORECASE,
)
TIME_QUESTION = re.compile(r"\bhow (?:long|often|soon|quickly|fast|far ahead)\b", re.IGNORECASE)
ALTERNATIVES = re.compile(r"\b(versus|vs\.?|or (?:were|was|is|are|do|does|did|will|would))\b", re.IGNORECASE)
KIND_HINTS = (
    ("percent", re.compile(r"\b(percent|percentage|%|match(?:ing)?|contribution)\b", re.IGNORECASE)),
    (
        "money",
        re.compile(
            r"\b(pay|paid|salary|salaries|budget|cost|allowance|stipend|bonus|compensat\w*|price|"
            r"money|funding|raised|\$|eur|usd|dollars?|euros?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "duration",
        re.compile(
            r"\b(how long|days?|weeks?|months?|years?|hours?|leave|vacation|pto|holidays?|"
            r"time off|notice|sabbatical|often|soon|quickly|fast)\b",
            re.IGNORECASE,
        ),
    ),
    ("count", re.compile(r"\b(how many|size|headcount|people|employees|engineers|customers|teams?)\b", re.IGNORECASE)),
)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|once|twice|"
    r"daily|weekly|biweekly|bi-weekly|fortnightly|monthly|semi-monthly|quarterly|annually|yearly)\b",
    re.I,
)

FEATURES = (
    "lexical",  # BM25 of the sentence with its headings, saturated: score / (score + 10)
    "coverage",  # share of the question's words (idf-weighted) in the sentence
    "context_coverage",  # ... in the sentence, its page title or its headings
    "concept",  # the sentence or its headings name the policy the question names (vocabulary)
    "concept_missing",  # the question names a policy and the sentence and its headings do not
    "semantic",  # cosine of the two vectors (0 when the sentence has none)
    "has_vector",
    "kind",  # +1 holds the kind of number asked for, -1 is asked for one and holds none, 0 not asked
    "short",  # fewer than MIN_FACT_WORDS words: a heading or fragment
    "unmatched",  # how informative the rarest question word the sentence and its headings lack is
    "semantic_gap",  # how far its closeness in meaning is behind the closest sentence found
    "lexical_share",  # its BM25 as a share of the best found
    "context_semantic",  # cosine of the question with the sentence's page title and headings
    "page_support",  # share of the sentences found that are on its page: a page about the question
)

QUESTION_FEATURES = (
    "best",  # the pair scorer's log-odds for the best sentence
    "margin",  # how far the best sentence is ahead of the second
    "best_coverage",
    "best_context_coverage",
    "best_concept",
    "best_concept_missing",
    "best_semantic",
    "best_has_vector",
    "best_kind",
    "best_unmatched",
    "yes_no",  # "is there", "do you": existence is settled by any sentence that states it
    "same_page",  # share of the five best sentences on the best one's page: a page about it
    # the best evidence on each axis, whichever sentence holds it
    "max_coverage",
    "max_context_coverage",
    "max_semantic",
    "max_lexical",
    "max_coverage_and_semantic",  # coverage x semantic: one sentence close in words and in meaning
    "top_three",  # the pair scorer's mean chance over the three best sentences
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The two scorers' weights and the bar; shipped in data/answered.thresholds.yaml. The pair
    scorer ranks the sentences found for a question; the question scorer, from the best of them,
    gives the chance that the material answers the question at all."""

    weights: tuple[float, ...]  # pair scorer, one per FEATURES entry
    bias: float
    question_weights: tuple[float, ...]  # question scorer, one per QUESTION_FEATURES entry
    question_bias: float
    answered_at: float  # the chance the question scorer must give
    # A question whose chance is below this when the static vectors stand in for MiniLM is not
    # answered, and its sentences are never embedded (0: every question is compared by MiniLM).
    screen_at: float = 0.0

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Settings:
        return cls(
            weights=tuple(file.value(f"weight_{name}") for name in FEATURES),
            bias=file.value("bias"),
            question_weights=tuple(file.value(f"question_weight_{name}") for name in QUESTION_FEATURES),
            question_bias=file.value("question_bias"),
            answered_at=file.value("answered_at"),
            screen_at=file.values.get("screen_at", 0.0),
        )

    def as_values(self) -> dict[str, float]:
        values = {f"weight_{name}": round(w, 4) for name, w in zip(FEATURES, self.weights, strict=True)}
        values["bias"] = round(self.bias, 4)
        values.update(
            {f"question_weight_{n}": round(w, 4) for n, w in zip(QUESTION_FEATURES, self.question_weights, strict=True)}
        )
        values.update(
            question_bias=round(self.question_bias, 4),
            answered_at=self.answered_at,
            screen_at=self.screen_at,
        )
        return values


@lru_cache(maxsize=1)
def shipped_settings() -> Settings:
    return Settings.from_file(load_thresholds(THRESHOLDS))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Policy group -> the phrases that name it (data/policy_terms.yaml, through the one data
    loader: a phrase YAML reads as a number, such as an unquoted 1:1, is refused by name)."""
    from askback.core.datafile import load_data
    from askback.plan.policy_terms import PolicyTerms

    return {name: tuple(phrases) for name, phrases in load_data(VOCABULARY, PolicyTerms).groups.items()}


@lru_cache(maxsize=1)
def _concepts() -> KeywordMatcher:
    from askback.research.topics import KeywordMatcher

    return KeywordMatcher(vocabulary())


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    score: float
    fact_id: int

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "quote": self.quote, "score": round(self.score, 3)}


@dataclass(frozen=True)
class Candidate:
    """A sentence that might answer the question, described for the pair scorer."""

    fact: Fact
    features: tuple[float, ...]


def asks_experience(question: str) -> bool:
    return bool(EXPERIENCE.search(question))


def asks_two_things(question: str) -> bool:
    """Two questions, or a choice between alternatives: one fact rarely settles both."""
    from askback.plan.checks import double_barrelled

    return double_barrelled(question) is not None or bool(ALTERNATIVES.search(question))


def wanted_quantity(question: str) -> str | None:
    """ "any", a quantity kind, or None when the question does not ask for a number. "How
    often" and "how long" ask for a duration or frequency whatever else the question says
    ("how often do we get paid" wants "biweekly", not an amount)."""
    if not WANTS_QUANTITY.search(question):
        return None
    if TIME_QUESTION.search(question):
        return "duration"
    for kind, pattern in KIND_HINTS:
        if pattern.search(question):
            return kind
    return "any"


def context_of(fact: Fact) -> str:
    """What a reader sees above a sentence: its page title and headings."""
    return " ".join(dict.fromkeys((fact.title, *fact.headings)))


@runtime_checkable
class FactVectors(Protocol):
    """MiniLM vectors of a company's facts, by position; a row of zeros for a fact without one."""

    def rows(self, positions: Sequence[int]) -> Vectors: ...

    def texts(self, texts: Sequence[str]) -> Vectors | None:
        """Vectors of other texts (a page's headings), or None where they cannot be computed."""


class Precomputed:
    """Vectors computed beforehand, one row per fact (rows of zeros for facts without one)."""

    def __init__(self, vectors: Vectors) -> None:
        self.vectors = vectors

    def rows(self, positions: Sequence[int]) -> Vectors:
        result: Vectors = self.vectors[list(positions)]
        return result

    def texts(self, texts: Sequence[str]) -> Vectors | None:
        return None


class StaticVectors:
    """Static vectors (:mod:`askback.nlp.static`) of a company's facts by position, computed
    when first asked for and remembered: a lookup per token, about a thousand times cheaper
    than MiniLM, and a rougher guide to meaning, good enough to tell a clear "not answered"."""

    def __init__(self, texts: Sequence[str], embedder: Embedder) -> None:
        self._texts = texts
        self._embedder = embedder
        self._known: dict[int, Vectors] = {}
        self._other: dict[str, Vectors] = {}  # headings and questions

    def rows(self, positions: Sequence[int]) -> Vectors:
        import numpy as np

        missing = [p for p in dict.fromkeys(positions) if p not in self._known]
        if missing:
            self._known.update(zip(missing, self._embedder.embed([self._texts[p] for p in missing]), strict=True))
        result: Vectors = np.stack([self._known[p] for p in positions])
        return result

    def texts(self, texts: Sequence[str]) -> Vectors:
        import numpy as np

        if len(self._other) >= MAX_REMEMBERED:
            self._other.clear()
        known = {t: v for t in dict.fromkeys(texts) if (v := self._other.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            fresh = dict(zip(missing, self._embedder.embed(missing), strict=True))
            self._other.update(fresh)
            known.update(fresh)
        result: Vectors = np.stack([known[t] for t in texts])
        return result


class FactIndex:
    """A company's sentences, ready to be matched against questions: every fact in a lexical
    index, and their vectors, from an array or looked up (and computed) only for the sentences
    words found for a question (:class:`FactVectors`)."""

    def __init__(
        self,
        facts: Sequence[Fact],
        vectors: Vectors | FactVectors | None = None,
        settings: Settings | None = None,
        screen: FactVectors | None = None,
    ) -> None:
        from askback.nlp.lexical import LexicalIndex

        self.facts = list(facts)
        self.vectors: FactVectors | None = (
            None if vectors is None else vectors if isinstance(vectors, FactVectors) else Precomputed(vectors)
        )
        # cheap vectors (nlp/static.py) that decide the clear "not answered" before MiniLM is run
        self.screen = screen
        self.settings = settings or shipped_settings()
        self.lexical: LexicalIndex = LexicalIndex([f.text for f in self.facts], [context_of(f) for f in self.facts])
        self._document_frequency: dict[str, int] = {}
        self._tokens: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._by_id: dict[int, Fact] = {}
        self._searched: dict[tuple[str, ...], dict[int, float]] = {}
        self._policies: dict[int, frozenset[str]] = {}
        # question -> judgement: a plan's questions are checked again on every rebuild and request
        self._assessed: dict[tuple[str, bool, Settings], tuple[tuple[Fact, float] | None]] = {}

    def fact(self, fact_id: int) -> Fact:
        """The indexed fact with this id (as :class:`Evidence` names it)."""
        if not self._by_id:
            self._by_id = {f.id: f for f in self.facts}
        return self._by_id[fact_id]

    def answer(self, question: str, vector: Vectors | None) -> Evidence | None:
        """The fact that answers ``question``, or None."""
        found = self.assess(question, vector)
        if found is None or found[1] < self.settings.answered_at:
            return None
        fact, chance = found
        return Evidence(fact.source, fact.text, chance, fact.id)

    def assess(self, question: str, vector: Vectors | None) -> tuple[Fact, float] | None:
        """The best sentence for ``question`` and the chance that the material answers it.
        With a screen, a question whose chance by the static vectors is below the screen's bar
        keeps that chance, and its sentences are never embedded: MiniLM is only run where it
        can matter. Remembered per question: a plan's questions are checked on every rebuild."""
        key = (question, vector is None, self.settings)
        remembered = self._assessed.get(key)
        if remembered is not None:
            return remembered[0]
        screened = self.screened(question)
        found = judge(question, self.candidates(question, vector), self.settings) if screened is None else screened[0]
        if len(self._assessed) >= MAX_REMEMBERED:
            self._assessed.clear()
        self._assessed[key] = (found,)  # another thread may clear it: the value returned is this one
        return found

    def screened(self, question: str) -> tuple[tuple[Fact, float] | None] | None:
        """What the screen settles without MiniLM: (the static judgement, or None when no
        sentence was found,) for a question clearly not answered; None when MiniLM must judge."""
        if self.screen is None or self.settings.screen_at <= 0:
            return None
        quick = self.screen_candidates(question)
        if quick is None:
            return None
        found = judge(question, quick, self.settings)
        return (found,) if found is None or found[1] < self.settings.screen_at else None

    def screen_candidates(self, question: str) -> list[Candidate] | None:
        """The sentences found, with the static vectors standing in for MiniLM (None without a screen)."""
        if self.screen is None:
            return None
        vector = self.screen.texts([question])
        return self.candidates(question, None if vector is None else vector[0], self.screen)

    def candidates(self, question: str, vector: Vectors | None, vectors: FactVectors | None = None) -> list[Candidate]:
        """Sentences found by words, each with its features (closeness in meaning among them,
        by ``vectors``, MiniLM's unless told); none for questions a handbook never answers
        (experience, two questions in one)."""
        if not self.facts or asks_experience(question) or asks_two_things(question):
            return []
        terms = [t for t in dict.fromkeys(content_tokens(question)) if t not in QUESTION_WORDS]
        groups = set(_concepts().hits(question))
        phrases = list(terms) + [p for g in groups for p in vocabulary()[g]]
        lexical = self._search(tuple(phrases))
        wanted = wanted_quantity(question)
        # asked for a number it does not hold: "how much" is not answered by "we have a budget"
        kept = [p for p in lexical if _kind(self.facts[p], wanted) >= 0]
        source = vectors or self.vectors
        sims, has = self._similarities(kept, vector, source)
        contexts = self._context_similarities(kept, vector, source)
        weights = {t: self._idf(t) for t in terms}
        best_sim = max(sims, default=0.0)
        best_lexical = max((lexical[p] for p in kept), default=0.0) or 1.0
        pages = Counter(self.facts[p].source for p in kept)
        found = []
        for i, p in enumerate(kept):
            fact = self.facts[p]
            own = self._features(fact, p, weights, groups, lexical[p], sims[i], has[i], wanted)
            among = (sims[i] - best_sim, lexical[p] / best_lexical, contexts[i], pages[fact.source] / len(kept))
            found.append(Candidate(fact, (*own, *among)))
        return found

    def _similarities(
        self, positions: Sequence[int], vector: Vectors | None, vectors: FactVectors | None
    ) -> tuple[list[float], list[bool]]:
        """Cosine of each fact with the question, and whether the fact has a vector."""
        if vector is None or vectors is None or not positions:
            return [0.0] * len(positions), [False] * len(positions)
        rows = vectors.rows(positions)
        has = [bool(r.any()) for r in rows]
        return [float(s) for s in rows @ vector], has

    def _context_similarities(
        self, positions: Sequence[int], vector: Vectors | None, vectors: FactVectors | None
    ) -> list[float]:
        """Cosine of the question with each fact's page title and headings (0 without vectors)."""
        if vector is None or vectors is None or not positions:
            return [0.0] * len(positions)
        contexts = [context_of(self.facts[p]) or "-" for p in positions]
        distinct = list(dict.fromkeys(contexts))
        rows = vectors.texts(distinct)
        if rows is None:
            return [0.0] * len(positions)
        by_text = dict(zip(distinct, (float(s) for s in rows @ vector), strict=True))
        return [by_text[c] for c in contexts]

    def _search(self, phrases: tuple[str, ...]) -> dict[int, float]:
        """Position -> BM25 of the sentences the phrases find, remembered for the question's
        second look (the static screen's, then MiniLM's)."""
        found = self._searched.get(phrases)
        if found is None:
            if len(self._searched) >= MAX_REMEMBERED:
                self._searched.clear()
            hits = self.lexical.search(phrases, LEXICAL_CANDIDATES)
            found = self._searched[phrases] = {hit.position: hit.score for hit in hits}
        return found

    def _named(self, position: int) -> frozenset[str]:
        """The policies the sentence or its headings name (whatever the question)."""
        found = self._policies.get(position)
        if found is None:
            fact = self.facts[position]
            found = self._policies[position] = frozenset(_concepts().hits(fact.text + " " + context_of(fact)))
        return found

    def _idf(self, term: str) -> float:
        """How rare a word is among this company's sentences (BM25's idf)."""
        if term not in self._document_frequency:
            if self.lexical.available:
                self._document_frequency[term] = self.lexical.frequency(term)
            else:
                self._document_frequency[term] = sum(term in self._fact_tokens(i)[0] for i in range(len(self.facts)))
        df = self._document_frequency[term]
        return math.log(1 + (len(self.facts) - df + 0.5) / (df + 0.5))

    def _fact_tokens(self, position: int) -> tuple[frozenset[str], frozenset[str]]:
        """(the sentence's tokens, the tokens of the sentence with its title and headings)."""
        if position not in self._tokens:
            fact = self.facts[position]
            body = frozenset(content_tokens(fact.text))
            self._tokens[position] = (body, body | frozenset(content_tokens(context_of(fact))))
        return self._tokens[position]

    def _features(
        self,
        fact: Fact,
        position: int,
        weights: dict[str, float],
        groups: set[str],
        lexical: float,
        sim: float,
        vectored: bool,
        wanted: str | None,
    ) -> tuple[float, ...]:
        body, with_context = self._fact_tokens(position)
        # Measured and left out: counting the question's words for a policy as covered when the
        # sentence names that policy in its own words ("pto" by a sentence on annual leave), or
        # every word of the policy's vocabulary, lowered recall at the same precision in
        # cross-validation on the tuning sets (CivicActions 0.86 -> 0.71, 18F 0.69 -> 0.54).
        named = groups & self._named(position)
        total = sum(weights.values()) or 1.0
        coverage = sum(w for t, w in weights.items() if t in body) / total
        context_coverage = sum(w for t, w in weights.items() if t in with_context) / total
        top = max(weights.values(), default=0.0) or 1.0
        unmatched = max((w for t, w in weights.items() if t not in with_context), default=0.0) / top
        concept = 1.0 if named else 0.0
        concept_missing = 1.0 if groups and not concept else 0.0
        has_vector = 1.0 if vectored else 0.0
        return (
            lexical / (lexical + 10.0),
            coverage,
            context_coverage,
            concept,
            concept_missing,
            sim if has_vector else 0.0,
            has_vector,
            _kind(fact, wanted),
            1.0 if len(fact.text.split()) < MIN_FACT_WORDS else 0.0,
            unmatched,
        )


def judge(question: str, candidates: Sequence[Candidate], settings: Settings) -> tuple[Fact, float] | None:
    """The best of ``candidates`` by the pair scorer and the question scorer's chance that the
    material answers ``question``; None without candidates."""
    ranked = rank(candidates, settings)
    if not ranked:
        return None
    features = question_features(question, ranked)
    return ranked[0][1].fact, logistic(settings.question_weights, settings.question_bias, features)


def rank(candidates: Sequence[Candidate], settings: Settings) -> list[tuple[float, Candidate]]:
    """Candidates with the pair scorer's chance, best first."""
    scored = [(logistic(settings.weights, settings.bias, c.features), c) for c in candidates]
    return sorted(scored, key=lambda pair: -pair[0])


_YES_NO = re.compile(r"^\s*(is|are|do|does|can|will|should|am|may|must)\b", re.IGNORECASE)


def question_features(question: str, ranked: Sequence[tuple[float, Candidate]]) -> tuple[float, ...]:
    """What the question scorer sees: the best sentence's chance and features, and the question."""
    best_chance, best = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    named = dict(zip(FEATURES, best.features, strict=True))
    chance = min(max(best_chance, 1e-6), 1 - 1e-6)
    same_page = sum(1 for _, c in ranked[:5] if c.fact.source == best.fact.source) / 5
    return (
        math.log(chance / (1 - chance)),
        best_chance - second,
        named["coverage"],
        named["context_coverage"],
        named["concept"],
        named["concept_missing"],
        named["semantic"],
        named["has_vector"],
        named["kind"],
        named["unmatched"],
        1.0 if _YES_NO.search(question) else 0.0,
        same_page,
        *_best_on_each_axis(ranked),
    )


def _best_on_each_axis(ranked: Sequence[tuple[float, Candidate]]) -> tuple[float, ...]:
    at = {name: i for i, name in enumerate(FEATURES)}
    rows = [c.features for _, c in ranked]
    return (
        max(r[at["coverage"]] for r in rows),
        max(r[at["context_coverage"]] for r in rows),
        max(r[at["semantic"]] for r in rows),
        max(r[at["lexical"]] for r in rows),
        max(r[at["coverage"]] * r[at["semantic"]] for r in rows),
        sum(chance for chance, _ in ranked[:3]) / 3,
    )


def _kind(fact: Fact, wanted: str | None) -> float:
    if wanted is None:
        return 0.0
    kinds = {str(q["kind"]) for q in fact.quantities}
    if wanted == "any":
        return 1.0 if kinds or _NUMBER.search(fact.text) else -1.0
    if wanted in kinds:
        return 1.0
    # A duration or frequency is often written without a unit the extractor reads ("twice a
    # year"); a number it read as something else (EUR 2,000 a month) is not one.
    return 0.0 if wanted == "duration" and not kinds and _NUMBER.search(fact.text) else -1.0
