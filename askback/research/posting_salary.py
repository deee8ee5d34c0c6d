"""Salary ranges in postings: "€70-85k", "$150,000 - $180,000 + equity", "£55k–£65k per annum",
"up to 90.000 EUR", "₹35-45 LPA", "£25–£30 per hour", "14 000 – 19 000 PLN netto miesięcznie".

Each amount's digits are read by price-parser (it knows "90.000" from "24.50" and "55 000"
from "25,00,000"); the currency symbol or code becomes an ISO 4217 code checked against
Babel's list. A "k" on one end of a range applies to both ("€70-85k"). A sentence is a
salary only when it reads like pay: amounts next to a learning budget or a home-office
stipend are benefits, not the salary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from askback.core.jobs import Salary

# Longest first: "CA$" before "$", "zł" and "kr" as written.
SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD", "S$": "SGD",
    "HK$": "HKD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN",
    "Kč": "CZK", "₩": "KRW", "₪": "ILS", "Fr.": "CHF", "$": "USD", "kr": "SEK", "Rs.": "INR", "Rs": "INR",
    "RM": "MYR", "Rp": "IDR", "₱": "PHP", "₺": "TRY", "₦": "NGN", "KSh": "KES", "₫": "VND", "฿": "THB", "₴": "UAH",
    "R": "ZAR",
}  # fmt: skip
WORDS = {
    "euro": "EUR", "euros": "EUR", "pounds": "GBP", "dollars": "USD", "złotych": "PLN", "francs": "CHF",
    "franken": "CHF", "kronor": "SEK", "kroner": "NOK", "rupees": "INR",
}  # fmt: skip
KRONA_BY_PLACE = {"NOK": ("norway", "oslo", "bergen", "norwegian"), "DKK": ("denmark", "copenhagen", "aarhus")}
DOLLAR_BY_PLACE = {
    "CAD": ("canada", "toronto", "montreal", "montréal", "vancouver", "ottawa", "calgary"),
    "AUD": ("australia", "sydney", "melbourne", "brisbane"),
    "SGD": ("singapore",),
    "NZD": ("new zealand", "auckland", "wellington"),
}

# Indian grouping ("35,00,000") first, then thousands separated by a space, point or comma.
NUMBER = r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ .,\u00a0\u202f’']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
# Letters as a symbol before the amount only right before its digits: "R45,000" is rand, "R or
# Python" is not; after it, as written ("45 000 kr"), but never a lone "R".
_ORDERED = sorted(SYMBOLS, key=len, reverse=True)
SYMBOL = "|".join(re.escape(s) + (r"(?=\s?\d)" if s.isalpha() else "") for s in _ORDERED)
SYMBOL_AFTER = "|".join(re.escape(s) + (r"\b" if s.isalpha() else "") for s in _ORDERED if s != "R")
_ANY_SYMBOL = "|".join(re.escape(s) for s in _ORDERED)
SYMBOL_ENDS = re.compile(rf"^\s*(?:{_ANY_SYMBOL}|\b[A-Z]{{3}}\b)|(?:{_ANY_SYMBOL}|\b[A-Z]{{3}}\b)\s*$")  # "– CA$"
CODE = r"\b[A-Z]{3}\b"
WORD = "|".join(WORDS)
AMOUNT = re.compile(
    rf"(?P<pre>{SYMBOL}|{CODE})?\s?(?P<num>{NUMBER})\s?(?P<k>[kK]\b|thousand\b|tys\.?|(?i:lpa|lakhs?|lacs?)\b)?\s?"
    rf"(?P<post>{SYMBOL_AFTER}|{CODE}|(?i:{WORD})\b)?"
)
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|bis|und|à|a|et|y|e|tot|en|och|og|i|–)\s*$", re.IGNORECASE)
UP_TO = re.compile(r"\b(?:up to|max(?:imum)?|bis zu|jusqu'à|hasta|no more than)\s*$", re.IGNORECASE)
FROM = re.compile(r"\b(?:from|starting at|starts at|at least|minimum|min\.?|ab|à partir de|desde)\s*$", re.IGNORECASE)

PERIOD_WORDS = {
    "hour": r"per hour|an hour|/\s?h(?:ou)?r\b|/h\b|hourly|p/h|per hr|stundenlohn|pro stunde",
    "day": r"per day|a day\b|/\s?day|daily rate|day rate|pro tag|par jour",
    "month": r"per month|a month|/\s?mån\b|per månad|om måneden|pr\.? måned|per måned|/\s?mo(?:nth)?\b|monthly|per maand|miesięcznie|/\s?mies|mensuel|im monat|pro monat"
    r"|al mes|par mois|/\s?mois|/\s?mes\b|monatlich|mensual|maandelijks|per månad|i måneden|/\s?monat",
    "year": r"per annum|p\.a\.|/\s?y(?:ea)?r\b|a year|per year|annual|annually|yearly|brut annuel|im jahr|pro jahr"
    r"|anuales|anual\b|par année|par an\b|jährlich|/\s?año|al año|por año|per jaar|jaarlijks|per år|om året|/\s?an\b"
    r"|/\s?jahr|\blpa\b|lakhs? per annum",
}
SCHEDULE = re.compile(
    r"\b(?:paid|invoiced|billed|payable)\s+(?:monthly|weekly|annually|yearly)\b"
    r"|\b\d{1,2}\s+(?:monthly\s+)?(?:payments|instalments|installments|salaries|salaires|monatsgehälter|pagas)\b"
    r"|\b(?:in|over)\s+\d{1,2}\s+(?:monthly\s+)?(?:payments|instalments|installments)\b",
    re.IGNORECASE,
)
PERIODS = {p: re.compile(words, re.IGNORECASE) for p, words in PERIOD_WORDS.items()}
PAY_CUES = re.compile(
    r"\b(?:salary|salaries|pay|paid|compensation|base|range|rate|wage|ote|ctc|lpa|earn|remuneração|package|remuneration"
    r"|rémunération|vergütung|retribución|salário|salaris|gross|brutto|bruto|brut|netto"
    r"|wynagrodzenie|gehalt|salaire|sueldo|salario|stipendio|lön|lønn|per annum|per hour|per day|hourly)\b",
    re.IGNORECASE,
)
NOT_PAY = re.compile(
    r"\b(?:budget|stipend|allowance|bonus|match|discount|reimburs\w*|raised|funding|revenue|billion|million"
    r"|customers?|users|per employee|equipment|voucher|ticket|contribution)\b",
    re.IGNORECASE,
)
BENEFIT_OF = re.compile(
    r"\b(?:budget|stipend|allowance|bonus|voucher|reimbursement)\s+(?:of\s+)?(?:up to\s+)?\W{0,2}$", re.IGNORECASE
)
AND_UP = re.compile(r"\+(?!\s*(?:equity|bonus|benefits|super|commission|options|stock|shares|rsus?)\b)", re.IGNORECASE)
NO_CENTS = re.compile(r"(?<=\d)[.,]\s?[–-](?!\s?\d)")
ADD_ON = re.compile(r"(?:\+|\bplus)\s*\w+", re.IGNORECASE)


@dataclass(frozen=True)
class _Amount:
    value: float
    currency: str | None
    scale: int  # 1000 for "85k", 100000 for "35 LPA" (lakhs)
    start: int
    end: int


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency(marker: str | None) -> str | None:
    if not marker:
        return None
    code = SYMBOLS.get(marker) or WORDS.get(marker.lower()) or marker.upper()
    return code if code in _iso_codes() else None


def _number(text: str) -> float | None:
    from price_parser import Price

    digits = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", ",").replace("'", ",")
    return Price.fromstring(digits).amount_float


def _no_cents_marks(sentence: str) -> str:
    """ "CHF 110'000.–", "€ 65.000,-": the mark after the amount says "no cents"; blank it out."""
    return NO_CENTS.sub(lambda m: " " * len(m.group(0)), sentence)


def amounts(sentence: str) -> list[_Amount]:
    sentence = _no_cents_marks(sentence)
    found = []
    for m in AMOUNT.finditer(sentence):
        value = _number(m.group("num"))
        if value is None:
            continue
        currency = _currency(m.group("pre")) or _currency(m.group("post"))
        found.append(_Amount(value, currency, _scale(m.group("k")), m.start("num"), m.end()))
    return found


def _scale(unit: str | None) -> int:
    if not unit:
        return 1
    return 100_000 if unit[0] in "lL" else 1_000


def _in_words(sentence: str) -> str | None:
    for word, code in WORDS.items():
        if re.search(rf"\b{word}\b", sentence, re.IGNORECASE):
            return code
    return None


def _local_currency(code: str, context: str, place: str = "") -> str:
    """ "$" and "kr" depend on the country: a Montréal posting's "$" is Canadian. The job's place
    decides first (its country's currency, by Babel, when that currency is written "$" or "kr"
    there), then the places the posting names."""
    if place and (local := _territory_currency("$" if code == "USD" else "kr", place)):
        return local
    lowered = context.lower()
    table = DOLLAR_BY_PLACE if code == "USD" else KRONA_BY_PLACE if code == "SEK" else {}
    for local, places in table.items():
        if any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in places):
            return local
    return code


def _territory_currency(symbol: str, place: str) -> str | None:
    from datetime import date

    from babel.core import UnknownLocaleError
    from babel.languages import get_official_languages
    from babel.numbers import get_currency_symbol, get_territory_currencies

    from askback.research.places import country_code

    country = country_code(place)
    currencies = get_territory_currencies(country, date.today()) if country else []
    if not country or not currencies:
        return None
    for language in (*get_official_languages(country), "en", "es", "pt", "fr"):
        try:
            written = get_currency_symbol(currencies[0], locale=f"{language}_{country}")
        except (UnknownLocaleError, ValueError):
            continue
        if written.rstrip(".").endswith(symbol):
            return currencies[0]
    return None


def _period(sentence: str, high: float) -> str:
    """The first period named, leaving out how the pay is paid out ("CHF 120'000 per year,
    13 monthly payments" is yearly), else a guess from the size of the amount."""
    stated = SCHEDULE.sub(" ", sentence)
    named = sorted((m.start(), period) for period, pattern in PERIODS.items() for m in pattern.finditer(stated))
    if named:
        return named[0][1]
    if high < 200:
        return "hour"
    if high < 1_000:
        return "day"
    return "month" if high < 15_000 else "year"


def parse_salary(sentence: str, context: str = "", place: str = "") -> Salary | None:
    """The pay range a sentence states, or None. ``place`` (the job's) or else ``context`` (the
    whole posting) settles which dollar or krona is meant when the sentence only has the symbol."""
    sentence = _no_cents_marks(sentence)
    found = [a for a in amounts(sentence) if a.value > 0]
    money = [a for a in found if a.currency or a.scale > 1]
    if not money:
        return None
    first = next((a for a in money if not _is_benefit(sentence, a, found)), money[0])
    pair = _pair(sentence, found, first)
    later = [a for a in money if a.start > first.end]
    if pair is None and later and FROM.search(_before(sentence, first)) and UP_TO.search(_before(sentence, later[0])):
        pair = (first, later[0])  # "starts at $95,000 and goes up to $115,000"
    low, high = pair if pair else (first, first)
    scale = max(low.scale, high.scale)
    values = [v * scale if (v < 1_000 and scale > 1) else v for v in (low.value, high.value)]
    if values[0] < 1_000 <= values[1] and 0.3 * values[1] <= values[0] * 1_000 <= values[1]:
        values[0] *= 1_000  # "70–85 000 €"
    explicit = [a.currency for a in found if a.currency and len(a.currency) == 3 and a.currency not in ("USD", "SEK")]
    currency = next(iter(explicit), None) or low.currency or high.currency or _in_words(sentence)
    currency = currency or ("INR" if scale == 100_000 else None)  # lakhs are Indian
    if currency is None:
        return None
    currency = (
        _local_currency(currency, context, place)
        if currency in ("USD", "SEK") and not _named_code(sentence)
        else currency
    )
    period = _period(sentence, values[1])
    if pair is None:
        if UP_TO.search(_before(sentence, first)):
            return Salary(None, values[1], currency, period)
        if FROM.search(_before(sentence, first)) or AND_UP.match(sentence[first.end :]):
            return Salary(values[0], None, currency, period)
    return Salary(values[0], values[1], currency, period)


def _before(sentence: str, amount: _Amount) -> str:
    return SYMBOL_ENDS.sub("", sentence[: amount.start]).rstrip()


def _is_benefit(sentence: str, amount: _Amount, found: list[_Amount]) -> bool:
    """ "a £2,000 learning budget", "a signing bonus of $10,000": money that is not the pay."""
    following = [a.start for a in found if a.start >= amount.end]
    after = sentence[amount.end : min([amount.end + 30, *following])]
    after = re.split(r"[,.;:()]", ADD_ON.sub("", after))[0]
    before = sentence[max(0, amount.start - 25) : amount.start]
    return bool(NOT_PAY.search(after) or BENEFIT_OF.search(before))


def _named_code(sentence: str) -> bool:
    return bool(re.search(r"\b(?:USD|SEK)\b", sentence))


def _pair(sentence: str, found: list[_Amount], first: _Amount) -> tuple[_Amount, _Amount] | None:
    """The range starting at or just before ``first``: "70-85k", "$150,000 - $180,000"."""
    for left, right in itertools.pairwise(found):
        if right.start < first.start:
            continue
        between = sentence[left.end : right.start]
        for pattern in PERIODS.values():  # "$60/hour to $75/hour"
            between = pattern.sub(" ", between)
        between = SYMBOL_ENDS.sub("", between).strip()
        joined = RANGE_JOIN.match(between) or between in ("-", "–", "—")
        if joined and (right.value >= left.value or right.scale > 1):
            return left, right
        if left.start >= first.start:
            break
    return None


def salary_score(sentence: str, headings: Sequence[str] = ()) -> int:
    """How much a sentence reads like the posting's pay, or 0 when it does not at all."""
    sentence = _no_cents_marks(sentence)
    if not any(a.currency or a.scale > 1 for a in amounts(sentence)):
        return 0
    heading = " ".join(headings)
    score = 1
    if PAY_CUES.search(sentence):
        score += 2
    if PAY_CUES.search(heading):
        score += 1
    if any(p.search(sentence) for p in PERIODS.values()):
        score += 1
    found = amounts(sentence)
    money = [a for a in found if a.currency or a.scale > 1]
    if not PAY_CUES.search(sentence) and (
        all(_is_benefit(sentence, a, found) for a in money)
        or NOT_PAY.search(ADD_ON.sub("", sentence[: money[0].start]))
    ):
        return 0  # "a €1,500 learning budget", "we raised $40 million"; not "€75k ... and a €1,000 budget"
    return score
