"""The rules and limits on what a candidate gives askback, in one place.

The CLI and the web app parse text into values; the services check those values here, so a
weight, a rating, a company's site or a typo in a company's name is judged the same way
whichever front end it came through. Pure functions, no I/O.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from askback.core import taxonomy
from askback.errors import UsageError

MINUTES_PER_QUESTION = 2.5  # what one question takes in an interview, with its answer
MIN_MINUTES, MAX_MINUTES = 3, 120  # the time a plan can be made for
MAX_WEIGHT = 10.0  # a priority's weight runs from 0 (does not matter) to this
MIN_RATING, MAX_RATING = 1, 5  # an answer's or a category's rating
MAX_ROLE_CHARS = 200
NAME_LIKENESS = 0.8  # how alike two company names must be for one to look like a typo of the other


def priorities(weights: Mapping[str, float]) -> dict[str, float]:
    """Known priorities with weights from 0 to :data:`MAX_WEIGHT`; a weight of 0 means the
    priority does not matter and is left out."""
    checked: dict[str, float] = {}
    for name, weight in weights.items():
        if name not in taxonomy.PRIORITY_IDS:
            raise UsageError(f"unknown priority {name!r}; choose from {', '.join(taxonomy.PRIORITY_IDS)}")
        if not 0 <= weight <= MAX_WEIGHT:  # also refuses NaN
            raise UsageError(
                f"a priority's weight is from 0 (does not matter) to {MAX_WEIGHT:g}; {name} has {weight:g}"
            )
        if weight > 0:
            checked[name] = float(weight)
    return checked


def signals(values: Iterable[str]) -> tuple[str, ...]:
    """Known soft skills, each once, in the order given."""
    values = tuple(values)
    for value in values:
        if value not in taxonomy.SIGNAL_IDS:
            raise UsageError(f"unknown signal {value!r}; choose from {', '.join(taxonomy.SIGNAL_IDS)}")
    return tuple(dict.fromkeys(values))


def seniority(value: str) -> str:
    """A known seniority, or "" for none."""
    value = value.strip()
    if value and value not in taxonomy.SENIORITIES:
        raise UsageError(f"unknown seniority {value!r}; choose one of {', '.join(taxonomy.SENIORITIES)}")
    return value


def role(value: str) -> str:
    return " ".join(value.split())[:MAX_ROLE_CHARS]


def rating(value: int | None) -> int | None:
    """An answer's or a category's rating: from 1 (bad) to 5 (great), or none."""
    if value is not None and not MIN_RATING <= value <= MAX_RATING:
        raise UsageError(f"a rating is from {MIN_RATING} to {MAX_RATING}, not {value}")
    return value


def answer(text: str, stars: int | None) -> None:
    """An answer says something: words, a rating from 1 to 5 (``stars``), or both."""
    rating(stars)
    if not text.strip() and stars is None:
        raise UsageError("an answer needs some words or a rating; nothing was saved")


def minutes(value: int) -> int:
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise UsageError(f"--minutes must be between {MIN_MINUTES} and {MAX_MINUTES}, not {value}")
    return value


def questions_for(minutes: float) -> int:
    """How many questions fit in ``minutes``."""
    return max(0, int(minutes / MINUTES_PER_QUESTION))


def research_topic(topic: str | None) -> str | None:
    """A known research topic, or none."""
    if topic is not None and topic not in taxonomy.RESEARCH_TOPIC_IDS:
        raise UsageError(f"unknown research topic {topic!r}; askback taxonomy topics lists them")
    return topic


def web_address(url: str | None) -> str | None:
    """A company's site: an http:// or https:// address, or none. Anything else (a
    ``javascript:`` URL, a file path) would become a link in the web app."""
    url = (url or "").strip()
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        raise UsageError(f"a company's site is an http:// or https:// address, not {url!r}")
    return url


def look_alike(name: str, known: Sequence[str]) -> str | None:
    """The known name ``name`` is most likely a typo of, if one is close enough."""
    found = difflib.get_close_matches(name.lower(), [k.lower() for k in known], n=1, cutoff=NAME_LIKENESS)
    if not found:
        return None
    return next(k for k in known if k.lower() == found[0])
