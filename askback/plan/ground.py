"""Questions grounded in research: each cites a fact and asks what the public page cannot say.

Patterns from the method askback implements: a stated policy -> how it is lived; a recent
event -> its effect on the team; a stated value -> a concrete example; scale -> the hardest
part; a trade-off -> how it is balanced; growth -> what opens up for someone joining now.
Every question carries the fact it rests on, so the candidate can say where they read it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from askback.core.models import Fact, ListenFor, Question

MAX_HOOK_WORDS = 12
# A clause ends at punctuation, but not at the comma or point inside a number ("EUR 1,500", "3.5").
CLAUSE_END = re.compile(r"[;:()]|[,.](?!\d)")
PER_TOPIC = 2
MAX_GROUNDED = 24
# Sentences a candidate could not quote as something the company says about itself: notes left
# in the draft, lead-ins to a list, and instructions for working a tool.
UNQUOTABLE = re.compile(
    r"\b(?:TODO|FIXME|TBD|XXX|lorem ipsum|coming soon)\b|[:;,]\s*$"
    r"|\b(?:click|pane|drop-?down|button|menu bar|navigation bar|checkbox|log ?in to|sign ?in to)\b"
    r"|[–—-]\s*(?:learn|find out|read|see)\b",  # an index entry: "Awards – Learn about the awards"
    re.IGNORECASE,
)
INSTRUCTION = re.compile(
    r"^(?:please\s+)?(?:click|select|choose|go to|navigate|enter|type|open|visit|see|use|make sure|ensure|"
    r"follow|fill|submit|check|read|download|install|run|add|create|email|contact|ask|reach out|log|sign|"
    r"find|search|set|update|upload|save|send|note|remember|don't|do not)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pattern:
    name: str
    template: str  # {where} and {hook} are filled from the fact
    category: str
    subtopic: str
    roles: tuple[str, ...]
    priorities: tuple[str, ...]
    signals: tuple[str, ...]
    good: str
    red_flag: str
    follow_up: str


POLICY = "policy-to-practice"
PATTERNS: dict[str, Pattern] = {
    "leave": Pattern(
        POLICY,
        "{where} mentions {hook}. How much of that do people on this team really take?",
        "fun",
        "work-life-balance",
        ("peer", "hiring-manager"),
        ("work-life-balance",),
        ("curiosity",),
        "names recent long holidays and how work was covered",
        "nobody takes the full allowance",
        "Who on the team took the longest break this year?",
    ),
    "parental-leave": Pattern(
        POLICY,
        "{where} mentions {hook}. How does the team cover the work while someone is on it?",
        "people",
        "team-composition",
        ("hiring-manager", "peer"),
        ("work-life-balance",),
        ("team-player",),
        "a concrete recent example, with cover arranged calmly",
        "nobody has used it, or cover is improvised",
        "How are returns to work handled?",
    ),
    "learning-budget": Pattern(
        POLICY,
        "{where} mentions {hook}. What did people on this team spend it on last year?",
        "growth",
        "learning-budget",
        ("hiring-manager", "peer"),
        ("on-job-education",),
        ("growth-mindset",),
        "specific courses, books or conferences people chose",
        "the budget goes unused because there is no time",
        "How is time for learning found?",
    ),
    "career-ladder": Pattern(
        "growth",
        "{where} describes {hook}. What would the next step look like for someone joining now?",
        "growth",
        "career-path",
        ("hiring-manager", "skip-level"),
        ("career-growth",),
        ("growth-mindset",),
        "a clear next level with examples of people who reached it",
        "the ladder exists on paper but nobody has moved",
        "Who took that step most recently?",
    ),
    "promotion": Pattern(
        POLICY,
        "{where} mentions {hook}. How did the most recent promotion on this team come about?",
        "growth",
        "promotion",
        ("hiring-manager", "skip-level"),
        ("career-growth",),
        ("growth-mindset",),
        "a recent case and the criteria that decided it",
        "nobody on the team has been promoted in a long time",
        "What evidence mattered most?",
    ),
    "performance-review": Pattern(
        POLICY,
        "{where} mentions {hook}. What did the last review cycle change for people here?",
        "growth",
        "performance-review",
        ("hiring-manager", "peer"),
        ("career-growth",),
        ("growth-mindset",),
        "reviews led to concrete goals or moves",
        "reviews are a form nobody reads",
        "How is feedback gathered in between?",
    ),
    "values": Pattern(
        "value-to-example",
        "{where} lists {hook} as a value. What is a recent decision where it made a difference?",
        "culture",
        "values-in-practice",
        ("hiring-manager", "skip-level", "peer"),
        ("psychological-safety",),
        ("curiosity",),
        "a specific, recent decision that cost something",
        "only slogans, no example",
        "When was it hardest to live up to?",
    ),
    "news": Pattern(
        "event-to-team",
        "{where} mentions {hook}. What did that change for the team's day-to-day work?",
        "impact",
        "product",
        ("hiring-manager", "peer", "skip-level"),
        ("social-impact",),
        ("customer-focus",),
        "specific changes in priorities, load or skills",
        "no visible effect, or chaos",
        "What would you do differently next time?",
    ),
    "successes": Pattern(
        "scale-to-hardest-part",
        "{where} mentions {hook}. What is the hardest part of keeping that up?",
        "impact",
        "scale",
        ("hiring-manager", "skip-level", "executive"),
        ("scale",),
        ("strategic-thinking",),
        "names a real bottleneck and how it is being handled",
        "vague optimism with no bottleneck named",
        "Who is working on that now?",
    ),
    "challenges": Pattern(
        "event-to-team",
        "{where} mentions {hook}. What has the team done differently since?",
        "culture",
        "mistakes",
        ("hiring-manager", "peer", "skip-level"),
        ("psychological-safety",),
        ("ownership",),
        "concrete changes and no blame on individuals",
        "nothing changed, or someone was blamed",
        "How was the follow-up tracked?",
    ),
    "remote-policy": Pattern(
        "trade-off",
        "{where} mentions {hook}. How does the team keep decisions inclusive with that setup?",
        "processes",
        "meetings",
        ("peer", "hiring-manager"),
        ("remote",),
        ("team-player",),
        "written decisions and meeting habits that include everyone",
        "decisions happen in the office corridor",
        "Who was the last person hired remotely, and how did it go?",
    ),
    "working-hours": Pattern(
        "trade-off",
        "{where} mentions {hook}. How does that hold up when a deadline is close?",
        "fun",
        "work-life-balance",
        ("peer", "hiring-manager"),
        ("work-life-balance",),
        ("ownership",),
        "the rule holds, with a recent example",
        "the rule bends every release",
        "What happened the last time it was tested?",
    ),
    "on-call": Pattern(
        "trade-off",
        "{where} mentions {hook}. What did the last few on-call weeks look like for the person on duty?",
        "processes",
        "incidents",
        ("peer", "hiring-manager"),
        ("work-life-balance", "scale"),
        ("ownership",),
        "mostly quiet weeks and a clear escalation path",
        "frequent night pages and burnout",
        "What gets fixed after a noisy week?",
    ),
    "engineering-practices": Pattern(
        POLICY,
        "{where} mentions {hook}. Where does the team find that hardest to keep up?",
        "processes",
        "quality",
        ("peer", "hiring-manager"),
        ("technical-excellence",),
        ("craft",),
        "honest trade-offs and what is being done about them",
        "claims it never slips",
        "What would you change about it?",
    ),
    "team-structure": Pattern(
        "growth",
        "{where} mentions {hook}. Where would someone joining now fit in?",
        "people",
        "team-composition",
        ("hiring-manager", "skip-level"),
        ("career-growth",),
        ("team-player",),
        "a clear place with a reason tied to the team's needs",
        "no clear plan for the new person",
        "Who would I work with most?",
    ),
    "funding": Pattern(
        "event-to-team",
        "{where} mentions {hook}. What has it changed in what this team is expected to deliver?",
        "impact",
        "strategy",
        ("skip-level", "executive", "hiring-manager"),
        ("stability",),
        ("strategic-thinking",),
        "clear priorities and realistic expectations",
        "pressure to grow at any cost",
        "What does success look like a year from now?",
    ),
}
SOURCE_NAMES = (
    ("blog", "your blog"),
    ("benefit", "your benefits page"),
    ("career", "your careers page"),
    ("engineering", "your engineering page"),
    ("value", "your values page"),
    ("press", "your press page"),
    ("about", "your about page"),
    ("handbook", "your handbook"),
)


def where(fact: Fact) -> str:
    lowered = fact.source.lower()
    for marker, name in SOURCE_NAMES:
        if marker in lowered:
            return name.capitalize()
    return "Your handbook" if lowered.endswith((".md", ".markdown")) else "Your site"


def quotable(fact: Fact) -> bool:
    """Whether the fact reads as something the company says about itself, not a draft note, a
    lead-in to a list or a how-to step (handbooks are full of those)."""
    text = fact.text.strip()
    return not UNQUOTABLE.search(text) and not INSTRUCTION.match(text)


def hook(fact: Fact) -> str | None:
    """A short, quotable piece of the fact: the phrase around its first quantity, or the whole
    fact when it is short enough to say."""
    text = fact.text.strip().rstrip(".!")
    words = text.split()
    if len(words) <= MAX_HOOK_WORDS:
        # "Core hours are ..." reads better mid-sentence as "core hours are ..."; a name
        # ("Northwind Relay pays ...") or an acronym ("SRE on-call ...") stays as it is.
        second = words[1] if len(words) > 1 else ""
        if words[0].istitle() and not second[:1].isupper():
            text = text[0].lower() + text[1:]
        return f"“{text}”"
    for quantity in fact.quantities:
        at = text.find(str(quantity["text"]))
        if at >= 0:
            tail = CLAUSE_END.split(text[at:])[0].split()
            words = _trim(tail[:MAX_HOOK_WORDS])
            if len(words) > len(str(quantity["text"]).split()):  # "8 hours" alone says too little
                return "“" + " ".join(words) + "”"
    return None


DANGLING = frozenset(
    ["a", "an", "and", "as", "at", "by", "during", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def _trim(words: list[str]) -> list[str]:
    """A phrase cut at the word limit does not end on "to" or "of"."""
    while words and words[-1].lower() in DANGLING:
        words = words[:-1]
    return words


@dataclass(frozen=True)
class Grounded:
    question: Question
    fact: Fact


def grounded_questions(facts: Sequence[Fact]) -> list[Grounded]:
    """Grounded questions from the best facts per topic, each citing its fact."""
    per_topic: dict[str, list[Fact]] = {}
    for fact in sorted(facts, key=lambda f: (-(f.topics[0][1] if f.topics else 0), -len(f.quantities), f.id)):
        if not fact.topics or not 5 <= len(fact.text.split()) <= 45 or not quotable(fact):
            continue
        topic = fact.topics[0][0]
        if topic in PATTERNS and len(per_topic.setdefault(topic, [])) < PER_TOPIC:
            per_topic[topic].append(fact)
    found = []
    for topic, topic_facts in per_topic.items():
        for fact in topic_facts:
            short = hook(fact)
            if short is not None:
                found.append(Grounded(_question(PATTERNS[topic], fact, short, topic), fact))
    return found[:MAX_GROUNDED]


def _question(p: Pattern, fact: Fact, short: str, topic: str) -> Question:
    return Question(
        id=f"grounded-{topic}-{fact.id}",
        text=p.template.format(where=where(fact), hook=short),
        category=p.category,
        subtopic=p.subtopic,
        form="open",
        roles=p.roles,
        stages=("technical", "team", "final", "offer"),
        signals=p.signals,
        priorities=p.priorities,
        googleable=(),
        follow_ups=(p.follow_up,),
        listen_for=ListenFor((p.good,), (p.red_flag,)),
        source="research",
    )
