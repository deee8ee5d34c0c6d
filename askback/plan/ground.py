"""Questions grounded in research: each cites a fact of this company and asks what the public
page cannot say.

A fact becomes a question in three steps. First, is it worth building on: something the company
says about itself, a whole sentence, not a how-to step, a pointer to a chat channel, a heading
or an index entry? Second, what kind of fact is it (a number, a named practice, a value, an
event, a scale, a trade-off or a policy), which decides how it is cited and what is asked
(``data/patterns.yaml``). Third, how good is it: facts that use the company's own terms and
numbers, that suit the candidate's discipline, and that are confidently on a topic come first.
Every question carries the fact it rests on, so the candidate can say where they read it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from askback.core.models import Fact, ListenFor, Question
from askback.nlp.text import STOP_WORDS
from askback.plan.patterns import TopicPattern, patterns
from askback.research.distinctive import Distinctive, background
from askback.research.topics import KeywordMatcher, load_spec

MAX_SENTENCE_HOOK_WORDS = 15
MAX_QUANTITY_TAIL = 6
# Small words that belong to a quantity's phrase ("16 weeks of paid leave", "$500 per month").
QUANTITY_GLUE = frozenset({"of", "per", "a", "an", "each", "every", "paid"})
# Words a quantity's phrase does not end on: "2087 hours rather", "120 days due".
NOT_AN_END = frozenset({"rather", "due", "more", "less", "after", "before", "later", "earlier", "ago", "prior", "only"})
MIN_FACT_WORDS, MAX_FACT_WORDS = 6, 40
SUBJECT_WORDS = 4  # the first words of a sentence, where its subject is
# Topics of the company's own rules, where a sentence whose subject is the practice ("Promotions
# are decided twice a year") is the company speaking; elsewhere ("Tablet users can install the
# app") the subject is as often somebody else.
POLICY_TOPICS = frozenset(
    {
        "leave",
        "parental-leave",
        "benefits",
        "retirement",
        "learning-budget",
        "promotion",
        "performance-review",
        "career-ladder",
        "working-hours",
        "remote-policy",
        "on-call",
        "engineering-practices",
        "hiring-process",
        "compensation-philosophy",
        "equity",
        "meetings",
    }
)
PER_TOPIC = 3
CALENDAR_NAMES = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name) if n)
VALUES = "values"  # the pattern a stance is asked with, whatever subject it names
MAX_GROUNDED = 48
# A clause ends at punctuation, but not at the comma or point inside a number ("EUR 1,500", "3.5").
CLAUSE_END = re.compile(r"[;:()]|[,.](?!\d)")
QUOTES = re.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")
APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=\ws)['’](?=\s)")  # "they're", "customers' needs"
# Sentences a candidate could not quote as something the company says about itself: notes left
# in the draft, lead-ins to a list, instructions for a tool, pointers to chat channels and links.
UNQUOTABLE = re.compile(
    r"\b(?:TODO|FIXME|TBD|XXX|lorem ipsum|coming soon)\b|[:;,]\s*$"
    r"|\b(?:click|pane|drop-?down|button|menu bar|navigation bar|checkbox|log ?in to|sign ?in to|tab)\b"
    r"|[–—-]\s*(?:learn|find out|read|see)\b"  # an index entry: "Awards – Learn about the awards"
    r"|(?:^|\s)#[\w-]+|@\w|https?://|www\.|\.(?:com|gov|org|io)\b|\bslack\b|\bchannels?\b|\bask in\b"
    r"|\b(?:this|the following|below|above) (?:page|section|guide|document|list|table)\b|\be\.g\.$|\[|\]"
    r"|,\s*(?:select|click|enter|go to|choose|type)\b"
    r"|\b(?:listed|described|mentioned|shown|outlined|explained|noted) (?:above|below|earlier)\b"
    r"|:[a-z_+-]+:",  # an emoji short code (":bow:")
    re.IGNORECASE,
)
INSTRUCTION = re.compile(
    r"^(?:please\s+)?(?:click|select|choose|go to|navigate|enter|type|open|visit|see|use|make sure|ensure|"
    r"follow|fill|submit|check|read|download|install|run|add|create|email|contact|ask|reach out|log|sign|"
    r"find|search|set|update|upload|save|send|note|remember|don't|do not|be|keep|take|make|let|try|avoid|"
    r"consider|include|remove|confirm|request|provide|review|schedule|book|record|complete|write|join|post|"
    r"share|start|think|feel free|look|give|get|apply|call|put|bring|tell|turn|allow|expect|plan|pick|reach|"
    r"stop|wait|watch|walk|bear in mind|encourage|establish|seek|advocate|assist|help|support|partner|collaborate|coordinate|"
    r"communicate|identify|maintain|develop|mentor|drive|own|lead|manage|build|if you|when you|once you|before you|after you|to |for more|learn|refer|link|"
    r"here|this (?:page|section|guide)|in this|below|above|step \d|first,|next,|then,|finally,)\b",
    re.IGNORECASE,
)
# "OLU - On-Line University, where ..." and "GitHub - A detailed guide" are glossary and index
# entries; "These steps also apply ..." leans on a sentence the candidate would not have quoted.
LABEL = re.compile(r"^[\w&./()':' -]{1,40}?\s[-–—]\s")
# Asking how much of these "people on this team actually took" would be tactless.
SENSITIVE = re.compile(r"\b(?:bereavement|funeral|sick|illness|medical|disability|miscarriage|harass\w*)\b", re.I)
GLUED_HEADING = re.compile(r"^[A-Z][\w-]*(?: [A-Z][\w-]*)? (?:We|Our|Everyone|All)\b")  # "Integrity We are ..."
PREPOSITION = re.compile(
    r"^(?:for|after|before|with|without|at|in|on|from|by|to|into|through|within|during|across|per|under|over)\b", re.I
)
FINITE = re.compile(
    r"\b(?:we|they|is|are|was|were|has|have|had|will|can|may|must|should|does|do|did|gets?|uses?|offers?|"
    r"provides?|pays?|works?|meets?|holds?|runs?)\b",
    re.IGNORECASE,
)
CONTEXTUAL = re.compile(
    r"^(?:these|this|that|those|it|they|such|here|there|both|either|neither|other|also|while|although|though|"
    r"if|when|whenever|because|since|as|once|unless|until|for example|for instance|for reference|broadly|"
    r"however|additionally|otherwise|instead|then|so|and|or|but|finally|first|next|similarly|likewise|previously)\b",
    re.IGNORECASE,
)
# What the law or a contract says is the same at every employer: "complies with all applicable
# laws", "the Economy Act allows ...".
LEGAL = re.compile(
    r"\b(?:applicable (?:laws?|regulations?|legislation)|in accordance with|compl(?:y|ies|iance) with|"
    r"required by (?:law|statute)|pursuant to|to the extent permitted|equal opportunity employer)\b"
    r"|\b(?:[A-Z]\w+ )+Act\b",
)
# "these holidays", "those steps": the sentence leans on one before it.
ANAPHORIC = re.compile(r"\b(?:these|those|such) [a-z]", re.IGNORECASE)
PLEASE = re.compile(r"\bplease\b|\breference the\b|\bsee the\b", re.IGNORECASE)
SELF = re.compile(
    r"\b(?:we|our|us|the company|everyone|everybody|employees?|team members?|staff|each person|people|parents|new hires|"
    r"new joiners|new starters|joiners|engineers?|developers?|designers?|colleagues|teammates|managers|teams?)\b"
    r"|^(?:every|each|all) [a-z]",  # a rule for the whole company: "Every pull request is reviewed"
    re.IGNORECASE,
)
# A noun phrase and no verb: "A standard survey sent annually to customers.", "Exposure to a
# variety of projects." (with a verb, "Access to the office is limited to staff", it is a sentence)
FRAGMENT_UNLESS_VERB = re.compile(
    r"^(?:A|An|The) [\w-]+(?: [\w-]+)? (?:\w+ed|sent|made|built|held|run|given|taken|written|done|known|kept)\b"
    r"|^[A-Z][a-z]+ (?:to|of|for|in|on|with) "
)
# Fragments a candidate could not say "your handbook says" about: "Launched by 18F in 2017.",
# "Provides training to employees.", "An application used by our teams.", "Push Notifications,
# for which ...": no subject, or no verb.
FRAGMENT = re.compile(
    r"^[A-Z][a-z]+ed by\b"
    r"|^(?:Provides|Includes|Offers|Supports|Helps|Ensures|Manages|Leads|Owns|Communicates|Coordinates|"
    r"Maintains|Develops|Assists|Serves|Oversees|Creates|Builds|Drives|Collaborates|Advises|Conducts|"
    r"Performs|Facilitates|Consults)\b"
    r"|^[A-Z][a-z]+(?:es|s) (?:a|an|the|its|their|all|any|each|[A-Z]{2,}s?)\b"
    r"|^(?:A|An|The) [\w-]+(?: [\w-]+)? [a-z]+ed by\b"
    r"|^[^,]{1,40}, (?:for|in|of|by|with) which\b"
)
SECOND_PERSON = re.compile(r"\byou(?:r|'ll|'re)?\b", re.IGNORECASE)
EVENT = re.compile(
    r"\b(?:in|since|by) (?:19|20)\d\d\b|\b(?:launched|announced|acquired|raised|founded|released|opened|"
    r"reorganised|reorganized|merged|moved to|went live|won|shipped)\b",
    re.IGNORECASE,
)
# What the company refuses to do is a stance it takes: "We do not celebrate people for working
# through the night" asks when it last mattered, not who takes part.
REFUSAL = re.compile(
    r"\b(?:we|our \w+)\s+(?:do not|don't|never|will never|won't|refuse to)\s+(?!have\b|need\b|yet\b)", re.I
)
TRADE_OFF = re.compile(
    r"\b(?:but|rather than|instead of|trade-?offs?|balance|even when|even if|at the cost of)\b", re.I
)
MANY = re.compile(r"\d|\b(?:million|billion|thousands|hundreds|dozens)\b", re.IGNORECASE)
SCALE = re.compile(
    r"\b(?:million|billion|thousands?|hundreds?|users|customers|visitors|requests|agencies|clients)\b", re.I
)
DANGLING = frozenset(
    ["a", "an", "and", "as", "at", "by", "during", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
SOURCE_NAMES = (
    ("blog", "your blog"),
    ("benefit", "your benefits page"),
    ("career", "your careers page"),
    ("engineering", "your engineering page"),
    ("value", "your values page"),
    ("press", "your press page"),
    ("about", "your about page"),
    ("guidebook", "your guidebook"),
    ("handbook", "your handbook"),
)
# How much each thing counts when choosing among facts worth building on.
DISTINCTIVE_WEIGHT = 1.0
QUANTITY_WEIGHT = 0.3
SELF_WEIGHT = 0.3
NAMED_WEIGHT = 0.2
COMMON_WORD = 3  # background documents that use a word for it to count as an ordinary word
LENGTH_COST = 0.03  # a sentence too long to quote whole is cited by a phrase, which says less
OTHER_DISCIPLINE = -0.8
OWN_DISCIPLINE = 0.3
# Last words that make a capitalised name a job title or a group of people, not a practice.
NOT_PRACTICES = frozenset(
    [
        "manager",
        "owner",
        "lead",
        "master",
        "director",
        "officer",
        "engineer",
        "specialist",
        "member",
        "team",
        "staff",
        "employee",
        "department",
        "division",
        "office",
        "group",
        "committee",
        "board",
        "president",
    ]
)
# A page about another discipline's ladder or reviews says nothing about the candidate's own.
DISCIPLINE_BOUND = frozenset({"career-ladder", "promotion", "performance-review", "team-structure"})


@dataclass(frozen=True)
class Grounded:
    question: Question
    fact: Fact
    kind: str
    weight: float


def where(fact: Fact) -> str:
    lowered = fact.source.lower()
    for marker, name in SOURCE_NAMES:
        if marker in lowered:
            return name.capitalize()
    return "Your handbook" if lowered.endswith((".md", ".markdown", ".mdx")) else "Your site"


def quotable(fact: Fact) -> bool:
    """Whether the fact can be quoted back at all: not a draft note, a lead-in to a list, a
    how-to step, a pointer to a chat channel or a link (other questions quote facts too)."""
    text = _plain_apostrophes(fact.text.strip())
    return not UNQUOTABLE.search(text) and not INSTRUCTION.match(text) and not PLEASE.search(text)


def worth_asking(fact: Fact) -> bool:
    """Whether a question can be built on the fact: quotable, and a whole sentence the company
    says about itself, not a heading, a label, a glossary entry or a fragment."""
    text = _plain_apostrophes(fact.text.strip())
    words = text.split()
    if not MIN_FACT_WORDS <= len(words) <= MAX_FACT_WORDS or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if not text.endswith((".", "!")) or "?" in text or text.rstrip(".") in (fact.title, *fact.headings):
        return False
    if re.search(r"[a-z]\. [A-Z0-9]", text):  # two sentences run together
        return False
    if re.search(r"[\w)]:\s", text) and (not fact.quantities or "):" in text):  # "Figma: for wireframing"
        return False
    if PREPOSITION.match(text) and not FINITE.search(text):  # "After 5 years with the company, ..."
        return False
    if SECOND_PERSON.search(text) and not fact.quantities:  # "you" sentences are mostly instructions
        return False
    if LABEL.match(text) or CONTEXTUAL.match(text) or GLUED_HEADING.match(text) or SENSITIVE.search(text):
        return False
    if _fragment(text) or _office_tool(text) or LEGAL.search(text) or ANAPHORIC.search(text):
        return False
    return quotable(fact)


def about_itself(fact: Fact, names: Sequence[str], topic: str = "") -> bool:
    """Whether the fact is the company speaking of itself ("we", "our", "employees", its name),
    a rule addressed to its people with a number in it ("you can carry over 15 days"), or a
    sentence whose subject is the practice itself ("Promotions are decided twice a year"). A
    handbook is also full of other parties' facts (airport trains, a law, a vendor's product),
    which make odd questions for this team."""
    text = fact.text
    if SELF.search(text) or (SECOND_PERSON.search(text) and fact.quantities):
        return True
    if topic in POLICY_TOPICS and topic in _keywords().hits(" ".join(text.split()[:SUBJECT_WORDS])):
        return True
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in names if n)


def _plain_apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def _fragment(text: str) -> bool:
    """No subject or no verb, or a heading in title case ("HR Links Online Training and Guidance")."""
    if FRAGMENT.search(text) or (FRAGMENT_UNLESS_VERB.search(text) and not FINITE.search(text)):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in STOP_WORDS]
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitals / len(words) >= 0.7


def _office_tool(text: str) -> bool:
    """Sentences about the office tools everybody uses (a shared calendar, a video call, a drive
    of documents) are instructions in disguise: the company's own practice is elsewhere."""
    return _office_tools().search(text) is not None


@lru_cache(maxsize=1)
def _office_tools() -> re.Pattern[str]:
    names = "|".join(re.escape(t) for t in sorted(patterns().office_tools, key=len, reverse=True))
    return re.compile(rf"\b(?:{names})s?\b", re.IGNORECASE)


def kind_of(fact: Fact, topic: str, distinctive: Distinctive | None) -> str:
    """What the fact is, which decides how it is cited and what is asked about it."""
    if topic == "values":
        return "trade-off" if TRADE_OFF.search(fact.text) else "value"
    if REFUSAL.search(fact.text):
        return "value"
    citable = len(fact.text.split()) <= MAX_SENTENCE_HOOK_WORDS or _quantity_hook(fact) is not None
    if fact.quantities and citable:
        counted = any(q.get("kind") == "count" for q in fact.quantities)
        return "scale" if counted and SCALE.search(fact.text) else "number"
    if topic in {"news", "funding"} or EVENT.search(fact.text):
        return "event"
    if distinctive is not None and _named_term(fact, distinctive) is not None:
        return "practice"
    if TRADE_OFF.search(fact.text):
        return "trade-off"
    if SCALE.search(fact.text) and topic in {"customers", "successes", "product"} and MANY.search(fact.text):
        return "scale"
    return "policy"


def hook(fact: Fact, kind: str = "policy", distinctive: Distinctive | None = None) -> tuple[str, str] | None:
    """The piece of the fact that is cited, and how it is led in ("sentence", "phrase",
    "practice" or "value"); None when nothing short and whole can be quoted."""
    text = _unquoted(fact.text.strip().rstrip(".!"))
    if len(text.split()) <= MAX_SENTENCE_HOOK_WORDS:
        return f"“{_lower_first(text)}”", "sentence"
    if kind in {"number", "scale"}:
        short = _quantity_hook(fact)
        if short is not None:
            return short, "phrase"
    if kind in {"practice", "value"} and distinctive is not None:
        term = _named_term(fact, distinctive)
        if term is not None:
            return f"“{term}”", kind
    return None


def _lower_first(text: str) -> str:
    """ "Core hours are ..." reads better mid-sentence as "core hours are ..."; a name
    ("Northwind Relay pays ...", "Drupal engineers meet ...") or an acronym stays as it is.
    A word is taken for an ordinary one when ordinary company text uses it in lower case."""
    first = text.split()[0]
    lowered = first.lower()
    if lowered in CALENDAR_NAMES:
        return text  # "Friday drinks ...": a day's or a month's name keeps its capital
    common = lowered in STOP_WORDS or background()[0].get(lowered, 0) >= COMMON_WORD
    if first.istitle() and len(first) > 1 and first != "I" and common:
        return text[0].lower() + text[1:]
    return text


def _unquoted(text: str) -> str:
    """The text without quotation marks, keeping apostrophes ("they're", "customers' needs")."""
    kept = APOSTROPHE.sub("\x00", text)
    return re.sub(r"\s{2,}", " ", QUOTES.sub("", kept)).replace("\x00", "'").strip()


def _quantity_hook(fact: Fact) -> str | None:
    """The quantity with the few words around it that say what it counts ("a personal learning
    budget of $2000 a year", "four hours of sick leave per pay period"), stopping where another
    clause starts; None when nothing is left but the number ("8 hours" alone says too little)."""
    text = _unquoted(fact.text.strip().rstrip(".!"))
    for quantity in fact.quantities:
        said = str(quantity["text"])
        at = text.find(said)
        if at < 0:
            continue
        before = _lead_in(CLAUSE_END.split(text[:at])[-1].split())
        after = _tail(CLAUSE_END.split(text[at + len(said) :])[0].split())
        if before or after:
            return "“" + " ".join([*before, said, *after]) + "”"
    return None


def _lead_in(words: list[str]) -> list[str]:
    """The noun phrase just before a quantity: "a personal learning budget of"."""
    kept: list[str] = []
    for word in reversed(words[-MAX_QUANTITY_TAIL:]):
        if word.lower() in STOP_WORDS and word.lower() not in QUANTITY_GLUE | {"the"}:
            break
        kept.insert(0, word)
    articles = [i for i, w in enumerate(kept) if w.lower() in {"a", "an", "the"}]
    if articles:  # "set aside a travel budget of": the phrase starts at its article
        kept = kept[articles[0] :]
    while kept and kept[0].lower() in QUANTITY_GLUE - {"a", "an", "the"}:
        kept = kept[1:]
    content = [w for w in kept if w.lower() not in QUANTITY_GLUE | {"the"}]
    return kept if content and kept[-1].lower() in {"of", "per"} else []


def _tail(words: list[str]) -> list[str]:
    """What a quantity counts, after it: "of sick leave per pay period"."""
    kept: list[str] = []
    for word in words[:MAX_QUANTITY_TAIL]:
        if word.lower() in STOP_WORDS and word.lower() not in QUANTITY_GLUE:
            break
        kept.append(word)
    kept = _trim(kept)
    while kept and (kept[-1].lower() in NOT_AN_END or kept[-1].lower().endswith("ly")):
        kept = _trim(kept[:-1])
    glued = bool(kept) and kept[0].lower() in QUANTITY_GLUE
    return kept if glued and not all(w.lower() in QUANTITY_GLUE for w in kept) else []


def _named_term(fact: Fact, distinctive: Distinctive) -> str | None:
    """A named practice of the company that this fact is about: one of its own names or quoted
    terms that the fact's heading carries too, or that the fact puts in quotes."""
    heading = " ".join(fact.headings).lower()
    for term in distinctive.in_text(fact.text):
        if term.kind == "term" and " " not in term.key:
            continue
        if term.key.split()[-1].rstrip("s") in NOT_PRACTICES:
            continue
        if (term.key in heading and term.text[:1].isupper()) or term.kind == "quoted":
            cleaned = _unquoted(term.text)
            if cleaned:
                return cleaned
    return None


def _trim(words: list[str]) -> list[str]:
    """A phrase cut at the word limit does not end on "to" or "of"."""
    while words and words[-1].lower() in DANGLING:
        words = words[:-1]
    return words


@lru_cache(maxsize=4096)
def discipline(text: str) -> str | None:
    """The discipline a role title or a page's path and headings belong to, if any word says."""
    lowered = f" {re.sub(r'[^a-z0-9]+', ' ', text.lower())} "
    best: tuple[int, str] | None = None
    for name, words in patterns().disciplines.items():
        for word in words:
            if f" {word} " in lowered and (best is None or len(word) > best[0]):
                best = (len(word), name)
    return best[1] if best else None


def _discipline_fit(fact: Fact, topic: str, role: str) -> float | None:
    """A weight for the fact's discipline against the candidate's; None to leave it out."""
    mine = discipline(role) if role else None
    if mine is None:
        return 0.0
    theirs = discipline(" ".join((fact.source, fact.title, *fact.headings)))
    if theirs is None:
        return 0.0
    if theirs == mine:
        return OWN_DISCIPLINE
    return None if topic in DISCIPLINE_BOUND else OTHER_DISCIPLINE


def weigh(fact: Fact, topic: str, distinctive: Distinctive | None, role: str, names: Sequence[str]) -> float | None:
    """How good the fact is to build a question on; None when it should not be used at all."""
    fit = _discipline_fit(fact, topic, role)
    if fit is None:
        return None
    confidence = dict(fact.topics).get(topic, 0.0)
    weight = confidence + fit
    if distinctive is not None:
        weight += DISTINCTIVE_WEIGHT * distinctive.fact_score(fact)
        if _named_term(fact, distinctive) is not None:
            weight += NAMED_WEIGHT
    if fact.quantities:
        weight += QUANTITY_WEIGHT
    weight -= LENGTH_COST * max(0, len(fact.text.split()) - MAX_SENTENCE_HOOK_WORDS)
    lowered = fact.text.lower()
    if SELF.search(fact.text) or any(n.lower() in lowered for n in names if n):
        weight += SELF_WEIGHT
    return round(weight, 4)


def grounded_questions(
    facts: Sequence[Fact],
    distinctive: Distinctive | None = None,
    role: str = "",
    names: Sequence[str] = (),
    per_topic: int = PER_TOPIC,
    limit: int = MAX_GROUNDED,
    about_itself_only: bool = True,
) -> list[Grounded]:
    """Grounded questions from the best facts per topic, best first, each citing its fact.
    ``about_itself_only`` keeps to what the company says of itself; the facts that answer a
    bank question are cited even when they state a policy without saying whose it is."""
    table = patterns().topics
    ranked: list[tuple[float, str, Fact]] = []
    for fact in facts:
        if not fact.topics or not worth_asking(fact):
            continue
        topic = topic_of(fact)
        if topic is None or (about_itself_only and not about_itself(fact, names, topic)):
            continue
        weight = weigh(fact, topic, distinctive, role, names)
        if weight is not None:
            ranked.append((weight, topic, fact))
    ranked.sort(key=lambda r: (-r[0], r[2].id))
    found: list[Grounded] = []
    per: dict[str, int] = {}
    seen_texts: set[str] = set()
    for weight, topic, fact in ranked:
        if per.get(topic, 0) >= per_topic or fact.text in seen_texts:
            continue
        grounded = build(fact, topic, table[topic], distinctive, weight)
        if grounded is not None:
            found.append(grounded)
            per[topic] = per.get(topic, 0) + 1
            seen_texts.add(fact.text)
        if len(found) >= limit:
            break
    return found


@lru_cache(maxsize=1)
def _keywords() -> KeywordMatcher:
    """The topics' strong keywords: a fact without one of its topic's may be on another subject,
    so it gets the ask for its kind ("How does that play out on this team in practice?")."""
    return KeywordMatcher(load_spec().keywords)


def topic_of(fact: Fact) -> str | None:
    """The fact's topic that has a pattern, preferring one whose own keywords the fact uses: a
    learning budget "for each full-time team member" is about learning, not working hours."""
    table = patterns().topics
    known = [t for t, _ in fact.topics if t in table]
    if len(known) < 2:
        return known[0] if known else None
    said = _keywords().hits(fact.text)
    return next((t for t in known if t in said), known[0])


def build(
    fact: Fact, topic: str, pattern: TopicPattern, distinctive: Distinctive | None, weight: float = 0.0
) -> Grounded | None:
    """The question a pattern makes of one fact, or None when the fact has nothing to cite."""
    kind = kind_of(fact, topic, distinctive)
    cited = hook(fact, kind, distinctive)
    if cited is None:
        return None
    short, lead = cited
    sure = topic in _keywords().hits(fact.text)
    if kind == "value" and kind not in pattern.asks and VALUES in patterns().topics:
        # "We do not celebrate people for working through the night" names a social-life
        # keyword and states a value: it is asked, filed and listened to as one.
        topic, pattern, sure = VALUES, patterns().topics[VALUES], True
    ask = patterns().kinds[kind] if not sure else pattern.ask(kind)
    text = patterns().leads[lead].format(where=where(fact), hook=short) + " " + ask
    question = Question(
        id=f"grounded-{topic}-{fact.id}",
        text=text,
        category=pattern.category,
        subtopic=pattern.subtopic,
        form="open",
        roles=pattern.roles,
        stages=pattern.stages,
        signals=pattern.signals,
        priorities=pattern.priorities,
        googleable=(),
        follow_ups=(pattern.follow_up,),
        listen_for=ListenFor((pattern.good,), (pattern.red_flag,)),
        source="research",
    )
    return Grounded(question, fact, kind, weight)
