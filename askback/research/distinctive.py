"""What sets a company apart: its own terms, named practices, cadences and numbers.

A word or phrase is the company's own when its material uses it far more often than ordinary
company text does. The yardstick is ``data/background.md``, generic handbook prose written for
askback; each paragraph there and each sentence of the company counts as one document, and a
term is scored by the log-odds of its document frequency in the company against the
background, with a small prior, divided by its standard error (Monroe, Colaresi and Quinn's
"fightin' words" z-score). The z-score keeps a word used twice from outranking one used fifty
times, and the prior keeps a word the background never uses from scoring infinitely high.

Named practices are found by shape, then kept only if they are distinctive: capitalised
multi-word terms not at the start of a sentence ("Team Working Agreements"), quoted names
("take what you need"), and cadences ("six-week cycles", "every two weeks").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from askback.core.models import Fact
from askback.nlp.text import STOP_WORDS

BACKGROUND_TEXT = Path(__file__).with_name("data") / "background.md"
BACKGROUND_TERMS = Path(__file__).with_name("data") / "background_terms.json"
PRIOR = 0.5  # pseudo-count added to every term the company uses
BACKGROUND_PRIOR = 0.1  # smaller: a term ordinary text never uses is taken to be rare in it
MIN_COUNT = 3  # a term the company uses in fewer sentences is not a practice of it
MIN_LOG_ODDS = 1.5  # at least e^1.5, about 4.5 times the odds of ordinary company text
MAX_N = 3
MAX_TERMS = 300
MAX_TERM_SCORE = 8.0
MEMO_LIMIT = 50_000
COMMON_SHARE = 0.02  # a term in more than this share of the sentences is a name, not a practice

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’.+-]*[A-Za-z0-9+]|[A-Za-z0-9]")
_CAPITALISED = re.compile(
    r"(?<![.!?:]\s)(?<!^)\b((?:[A-Z][a-zA-Z0-9]+|[A-Z]{2,}[a-z]?)(?:\s+(?:of|for|and|the|&)?\s*[A-Z][a-zA-Z0-9]+){1,4})"
)
_QUOTED = re.compile(r"[“\"]([A-Za-z][^“”\"\s]*(?:\s+[^“”\"\s]+){1,5})[”\"]")  # two to six words
_CADENCE = re.compile(
    r"\b(?:(?:every|each|once a|twice a|once every)\s+(?:other\s+)?(?:\w+\s+)?(?:day|week|month|quarter|year|sprint|cycle)s?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)[- ](?:day|week|month)\s+(?:cycles?|sprints?|iterations?|rotations?|shifts?)"
    r"|(?:daily|weekly|biweekly|fortnightly|monthly|quarterly|annual|yearly)\s+(?:stand-?ups?|meetings?|retros?|retrospectives?|reviews?|check-ins?|syncs?|demos?|planning|all-hands|cycles?|reports?))\b",
    re.IGNORECASE,
)
# Words that carry no practice of their own, on top of the stop words: the company's material
# uses them constantly, but only because they are how any page is written.
_FILLER = frozenset(
    [
        "please",
        "note",
        "see",
        "also",
        "use",
        "using",
        "used",
        "make",
        "made",
        "can",
        "will",
        "need",
        "needs",
        "new",
        "way",
        "ways",
        "etc",
        "e.g",
        "i.e",
        "page",
        "pages",
        "link",
        "links",
        "click",
        "here",
        "below",
        "above",
        "following",
        "include",
        "includes",
        "including",
    ]
)


@dataclass(frozen=True)
class Term:
    """One of the company's own words or phrases, with how strongly it is theirs."""

    text: str  # as the company most often writes it
    key: str  # lower-case form used for matching
    score: float  # log-odds z-score against the background
    count: int  # sentences of the company that use it
    kind: str  # "term", "name", "quoted" or "cadence"


@dataclass(frozen=True)
class Distinctive:
    """A company's distinctive terms, ready to score its facts."""

    terms: tuple[Term, ...]
    sentences: int = 0  # how many sentences they were found in

    @property
    def common_at(self) -> float:
        return max(MIN_COUNT, COMMON_SHARE * self.sentences)

    @cached_property
    def by_key(self) -> dict[str, Term]:
        return {t.key: t for t in self.terms}

    @cached_property
    def _phrases(self) -> tuple[Term, ...]:
        """Named terms are also found inside other words' runs ("take what you need")."""
        return tuple(t for t in self.terms if t.kind != "term")

    @cached_property
    def _seen(self) -> dict[str, list[Term]]:
        return {}

    def in_text(self, text: str) -> list[Term]:
        """The company's terms that appear in ``text``, strongest first (remembered per text:
        the planner asks about the same sentence several times)."""
        known = self._seen.get(text)
        if known is not None:
            return known
        by_key = self.by_key
        words = tokens(text)
        found = {
            by_key[gram]
            for n in range(1, MAX_N + 1)
            for i in range(len(words) - n + 1)
            if (gram := " ".join(words[i : i + n])) in by_key
        }
        lowered = text.lower()
        found.update(t for t in self._phrases if t.key in lowered)
        result = sorted(found, key=lambda t: (-t.score, t.key))
        if len(self._seen) < MEMO_LIMIT:
            self._seen[text] = result
        return result

    def fact_score(self, fact: Fact) -> float:
        """How much of what a sentence says is particular to this company (0 when nothing is).

        Terms on every page ("TTS", "GSA" in a government handbook) are the organisation's
        names, not its practices, so they do not make one sentence stand out."""
        found = [t for t in self.in_text(fact.text) if t.count <= self.common_at]
        return round(sum(min(t.score, MAX_TERM_SCORE) for t in found[:3]) / MAX_TERM_SCORE, 4)

    def named(self) -> list[Term]:
        """Named practices: names, quoted names and cadences, strongest first."""
        return [t for t in self.terms if t.kind != "term"]


def tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def ngrams(words: Sequence[str]) -> Iterable[str]:
    """Word runs of one to three words that neither start nor end on a stop word."""
    lowered = [w.lower() for w in words]
    for n in range(1, MAX_N + 1):
        for i in range(len(words) - n + 1):
            if _edge_word(lowered[i]) or _edge_word(lowered[i + n - 1]) or lowered[i].isdigit():
                continue
            yield " ".join(words[i : i + n])


def _edge_word(word: str) -> bool:
    return word in STOP_WORDS or word in _FILLER or len(word) < 2


def _document_frequencies(documents: Iterable[str]) -> tuple[dict[str, Counter[str]], int]:
    """Per lower-case term, how many documents use each way of writing it; and the documents."""
    raw: Counter[str] = Counter()
    total = 0
    for document in documents:
        total += 1
        raw.update(set(ngrams(_TOKEN.findall(document.replace("’", "'")))))
    folded: dict[str, Counter[str]] = {}
    for written, count in raw.items():
        folded.setdefault(written.lower(), Counter())[written] = count
    return folded, total


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a Markdown text, comments left out."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def build_background(documents: Sequence[str]) -> dict[str, Any]:
    """What ``background_terms.json`` holds: the number of documents and each term's count."""
    folded, total = _document_frequencies(documents)
    return {"documents": total, "terms": {key: sum(forms.values()) for key, forms in folded.items()}}


@lru_cache(maxsize=1)
def background() -> tuple[dict[str, int], int]:
    """Document frequencies of ordinary company text (see ``scripts/build_background.py``)."""
    data = json.loads(BACKGROUND_TERMS.read_text(encoding="utf-8"))
    return data["terms"], int(data["documents"])


def log_odds(count: int, total: int, base_count: int, base_total: int) -> float:
    """Smoothed log-odds ratio of a document using the term, company against background."""
    a, b = count + PRIOR, base_count + BACKGROUND_PRIOR
    return math.log(a / (total + 2 * PRIOR - a)) - math.log(b / (base_total + 2 * BACKGROUND_PRIOR - b))


def find(facts: Sequence[Fact], names: Sequence[str] = ()) -> Distinctive:
    """The company's distinctive terms. ``names`` (the company's own names) never count: a
    company's name says nothing about how it works."""
    texts = [f.text for f in facts]
    folded, total = _document_frequencies(texts)
    if total == 0:
        return Distinctive((), 0)
    base, base_total = background()
    own = {n.lower() for n in names} | {w for n in names for w in tokens(n)}
    named = _named_practices(texts)
    scored: dict[str, Term] = {}
    for key, forms in folded.items():
        count = sum(forms.values())
        if count < MIN_COUNT or key in own:
            continue
        score = log_odds(count, total, base.get(key, 0), base_total)
        if score >= MIN_LOG_ODDS:
            kind = named[key][1] if key in named else "term"
            scored[key] = Term(forms.most_common(1)[0][0], key, round(score, 3), count, kind)
    for key, (written, kind, count) in named.items():
        if key not in scored and key not in own and count >= 2:
            score = log_odds(count, total, base.get(key, 0), base_total)
            if score >= MIN_LOG_ODDS:
                scored[key] = Term(written, key, round(score, 3), count, kind)
    ranked = sorted(scored.values(), key=lambda t: (-t.score * math.log1p(t.count), t.key))
    return Distinctive(tuple(_without_parts(ranked)[:MAX_TERMS]), total)


def _without_parts(terms: list[Term]) -> list[Term]:
    """A word that only ever appears inside a longer term of about the same count is that
    term's part ("Working" inside "Team Working Agreements"): keep the whole.

    Each longer term lends its count to every shorter run of words inside it, so a term's
    test is one look-up (a handbook has tens of thousands of terms; comparing every pair took
    seconds)."""
    inside: dict[str, int] = {}
    for other in terms:
        words = other.key.split()
        for n in range(1, len(words)):
            for i in range(len(words) - n + 1):
                part = " ".join(words[i : i + n])
                inside[part] = max(inside.get(part, 0), other.count)
    return [t for t in terms if inside.get(t.key, -1) < 0.8 * t.count]


def _named_practices(texts: Sequence[str]) -> dict[str, tuple[str, str, int]]:
    """Capitalised names, quoted names and cadences: key -> (as written, kind, sentences)."""
    found: dict[str, tuple[str, str, int]] = {}
    for text in texts:
        seen: set[str] = set()
        for kind, pattern in (("name", _CAPITALISED), ("quoted", _QUOTED), ("cadence", _CADENCE)):
            for match in pattern.finditer(text):
                written = match.group(1) if pattern.groups else match.group(0)
                written = written.strip(" .,;:")
                key = written.lower().replace("’", "'")
                if key in seen or len(key) < 4 or all(w in STOP_WORDS for w in key.split()):
                    continue
                seen.add(key)
                text_, kind_, count = found.get(key, (written, kind, 0))
                found[key] = (text_, kind_, count + 1)
    return found


def to_json(found: Distinctive) -> dict[str, Any]:
    return {"sentences": found.sentences, "terms": [[t.text, t.key, t.score, t.count, t.kind] for t in found.terms]}


def from_json(data: dict[str, Any]) -> Distinctive:
    return Distinctive(tuple(Term(*row) for row in data["terms"]), int(data["sentences"]))


def background_version() -> str:
    """Changes whenever the background or the scoring does, so cached results are redone."""
    import hashlib

    digest = hashlib.sha256(BACKGROUND_TERMS.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]
