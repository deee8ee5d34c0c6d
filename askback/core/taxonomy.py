"""The taxonomy: the one place where askback's ids are defined.

Every other module, data file and front end refers to these ids. Keeping them here, as plain
frozen dataclasses, means a typo in a data file fails validation instead of silently
creating a new category.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Subtopic:
    id: str
    label: str
    # Position in a conversation: low numbers are asked early (people, the role),
    # high numbers late (strategy, pay, next steps).
    order: int


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    about: str
    subtopics: tuple[Subtopic, ...]


@dataclass(frozen=True)
class Priority:
    """Something a candidate cares about, and where in the bank it is probed."""

    id: str
    label: str
    categories: tuple[str, ...]
    subtopics: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    about: str


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    about: str


@dataclass(frozen=True)
class Signal:
    id: str
    label: str


@dataclass(frozen=True)
class ResearchTopic:
    id: str
    label: str


def _subs(*items: tuple[str, str, int]) -> tuple[Subtopic, ...]:
    return tuple(Subtopic(id=i, label=label, order=order) for i, label, order in items)


CATEGORIES: tuple[Category, ...] = (
    Category(
        "people",
        "People",
        "who you will work with and for: team make-up, manager, peers, tenure",
        _subs(
            ("team-composition", "Team make-up", 10),
            ("management-style", "Manager and management style", 12),
            ("collaboration", "Working across teams", 14),
            ("tenure", "Tenure and turnover", 16),
            ("onboarding", "Onboarding", 18),
            ("diversity", "Diversity and inclusion", 19),
            ("decision-makers", "Who decides", 17),
        ),
    ),
    Category(
        "culture",
        "Culture",
        "attitude to mistakes, ownership, accountability, disagreement, pressure, values in practice",
        _subs(
            ("mistakes", "Mistakes and failure", 40),
            ("ownership", "Ownership and accountability", 41),
            ("disagreement", "Disagreement", 42),
            ("pressure", "Pressure and deadlines", 43),
            ("values-in-practice", "Values in practice", 44),
            ("feedback", "Feedback", 45),
            ("transparency", "Transparency and information flow", 46),
        ),
    ),
    Category(
        "processes",
        "Processes",
        "how work gets done: planning, delivery, tooling, reviews, incidents, bureaucracy vs agility",
        _subs(
            ("planning", "Planning and prioritisation", 30),
            ("delivery", "Delivery and release", 31),
            ("quality", "Quality, testing and review", 32),
            ("incidents", "Incidents and on-call", 33),
            ("tooling", "Tooling and environment", 34),
            ("meetings", "Meetings and communication", 35),
            ("decision-making", "Decision-making and bureaucracy", 36),
            ("documentation", "Documentation and knowledge", 37),
        ),
    ),
    Category(
        "impact",
        "Impact",
        "the product and the role: what you can change, scale, challenges, strategy",
        _subs(
            ("role-scope", "The role and its scope", 15),
            ("product", "The product", 70),
            ("customers", "Customers and users", 71),
            ("technical-challenges", "Technical challenges", 72),
            ("scale", "Scale", 73),
            ("success-measures", "How success is measured", 74),
            ("business-challenges", "Business challenges", 76),
            ("strategy", "Strategy and direction", 78),
        ),
    ),
    Category(
        "growth",
        "Self-development",
        "learning budget, conferences, mentoring, meetups, blogging, career paths, promotion",
        _subs(
            ("mentoring", "Mentoring and coaching", 50),
            ("learning-budget", "Learning budget and time", 51),
            ("conferences", "Conferences and meetups", 52),
            ("knowledge-sharing", "Blogging, talks and knowledge sharing", 53),
            ("career-path", "Career paths", 54),
            ("promotion", "Promotion", 55),
            ("performance-review", "Performance reviews", 56),
            ("internal-mobility", "Moving between teams", 57),
        ),
    ),
    Category(
        "fun",
        "Fun",
        "whether the work makes you want to get up in the morning: satisfaction, respect, energy",
        _subs(
            ("satisfaction", "Satisfaction", 60),
            ("energy", "Energy and motivation", 61),
            ("respect", "Respect and appreciation", 62),
            ("likes-dislikes", "What people like and dislike", 63),
            ("social", "Social life", 64),
            ("work-life-balance", "Work-life balance", 65),
            ("celebration", "Celebrating wins", 66),
        ),
    ),
    Category(
        "essentials",
        "Essentials",
        "title, pay, benefits, leave, location, remote policy, hiring process logistics",
        _subs(
            ("title-level", "Title and level", 80),
            ("compensation", "Pay", 84),
            ("equity", "Equity", 85),
            ("benefits", "Benefits", 83),
            ("leave", "Leave and holidays", 82),
            ("location-remote", "Location and remote work", 81),
            ("working-hours", "Working hours", 86),
            ("hiring-process", "Hiring process and next steps", 90),
            ("start", "Start date and first weeks", 88),
        ),
    ),
)

ROLES: tuple[Role, ...] = (
    Role("recruiter", "Recruiter", "runs the process; knows policies, pay bands and logistics"),
    Role("hiring-manager", "Hiring manager", "your future manager; knows the team and the role"),
    Role("peer", "Peer", "someone who would work beside you; knows the day-to-day"),
    Role("skip-level", "Skip-level", "one or two levels above the job; knows direction and careers"),
    Role("executive", "Executive", "founder, VP or C-level; knows strategy and the company's bets"),
)

STAGES: tuple[Stage, ...] = (
    Stage("screen", "Screen", "first call, usually with a recruiter"),
    Stage("technical", "Technical", "a skills interview, usually with peers"),
    Stage("team", "Team", "meeting the team and the hiring manager"),
    Stage("final", "Final", "the last round, often with senior people"),
    Stage("offer", "Offer", "after an offer, when uncomfortable questions are safe"),
)

SIGNALS: tuple[Signal, ...] = (
    Signal("team-player", "Team player"),
    Signal("strategic-thinking", "Strategic thinking"),
    Signal("ownership", "Ownership"),
    Signal("growth-mindset", "Growth mindset"),
    Signal("customer-focus", "Customer focus"),
    Signal("leadership", "Leadership"),
    Signal("craft", "Craft"),
    Signal("curiosity", "Curiosity"),
)

PRIORITIES: tuple[Priority, ...] = (
    Priority(
        "mentoring",
        "Mentoring",
        ("growth", "people"),
        ("mentoring", "onboarding", "management-style", "knowledge-sharing"),
    ),
    Priority(
        "on-job-education",
        "Learning on the job",
        ("growth",),
        ("learning-budget", "conferences", "knowledge-sharing", "mentoring"),
    ),
    Priority(
        "work-life-balance",
        "Work-life balance",
        ("fun", "essentials", "culture"),
        ("work-life-balance", "working-hours", "leave", "pressure", "incidents"),
    ),
    Priority(
        "remote",
        "Remote work",
        ("essentials", "processes"),
        ("location-remote", "meetings", "documentation", "collaboration"),
    ),
    Priority("compensation", "Pay and benefits", ("essentials",), ("compensation", "equity", "benefits", "promotion")),
    Priority(
        "career-growth",
        "Career growth",
        ("growth", "impact"),
        ("career-path", "promotion", "performance-review", "internal-mobility", "role-scope"),
    ),
    Priority(
        "scale", "Working at scale", ("impact", "processes"), ("scale", "technical-challenges", "incidents", "tooling")
    ),
    Priority("stability", "Stability", ("impact", "people"), ("business-challenges", "strategy", "tenure")),
    Priority(
        "autonomy", "Autonomy", ("culture", "processes"), ("ownership", "decision-making", "planning", "role-scope")
    ),
    Priority(
        "diversity", "Diversity and inclusion", ("people", "culture"), ("diversity", "values-in-practice", "respect")
    ),
    Priority(
        "social-impact",
        "Social impact",
        ("impact", "culture"),
        ("customers", "product", "success-measures", "values-in-practice"),
    ),
    Priority(
        "psychological-safety",
        "Psychological safety",
        ("culture",),
        ("mistakes", "disagreement", "feedback", "transparency"),
    ),
    Priority(
        "technical-excellence",
        "Technical excellence",
        ("processes", "impact"),
        ("quality", "tooling", "delivery", "technical-challenges"),
    ),
    Priority(
        "team-spirit",
        "Team spirit",
        ("fun", "people"),
        ("social", "respect", "celebration", "collaboration", "team-composition"),
    ),
)

RESEARCH_TOPICS: tuple[ResearchTopic, ...] = tuple(
    ResearchTopic(i, label)
    for i, label in (
        ("values", "Values"),
        ("mission", "Mission"),
        ("product", "Product"),
        ("customers", "Customers"),
        ("business-model", "Business model"),
        ("competitors", "Competitors"),
        ("funding", "Funding"),
        ("news", "News and launches"),
        ("successes", "Successes"),
        ("challenges", "Challenges"),
        ("remote-policy", "Remote policy"),
        ("office-locations", "Office locations"),
        ("working-hours", "Working hours"),
        ("leave", "Leave and vacation"),
        ("parental-leave", "Parental leave"),
        ("benefits", "Benefits"),
        ("retirement", "Retirement"),
        ("compensation-philosophy", "Compensation philosophy"),
        ("equity", "Equity"),
        ("learning-budget", "Learning budget"),
        ("career-ladder", "Career ladder"),
        ("promotion", "Promotion"),
        ("performance-review", "Performance review"),
        ("hiring-process", "Hiring process"),
        ("team-structure", "Team structure"),
        ("tech-stack", "Tech stack"),
        ("engineering-practices", "Engineering practices"),
        ("on-call", "On-call"),
        ("meetings", "Meetings and communication"),
        ("diversity", "Diversity"),
        ("social-life", "Social life"),
        ("open-source", "Open source"),
    )
)

SENIORITIES: tuple[str, ...] = ("junior", "mid", "senior", "staff", "principal", "manager", "director")

CATEGORY_IDS = tuple(c.id for c in CATEGORIES)
ROLE_IDS = tuple(r.id for r in ROLES)
STAGE_IDS = tuple(s.id for s in STAGES)
SIGNAL_IDS = tuple(s.id for s in SIGNALS)
PRIORITY_IDS = tuple(p.id for p in PRIORITIES)
RESEARCH_TOPIC_IDS = tuple(t.id for t in RESEARCH_TOPICS)

_CATEGORY_BY_ID = {c.id: c for c in CATEGORIES}
_PRIORITY_BY_ID = {p.id: p for p in PRIORITIES}
_SUBTOPIC_BY_ID = {s.id: (c.id, s) for c in CATEGORIES for s in c.subtopics}


def category(category_id: str) -> Category:
    return _CATEGORY_BY_ID[category_id]


def priority(priority_id: str) -> Priority:
    return _PRIORITY_BY_ID[priority_id]


def subtopic(subtopic_id: str) -> Subtopic:
    return _SUBTOPIC_BY_ID[subtopic_id][1]


def category_of_subtopic(subtopic_id: str) -> str:
    return _SUBTOPIC_BY_ID[subtopic_id][0]


def subtopic_ids(category_id: str) -> tuple[str, ...]:
    return tuple(s.id for s in _CATEGORY_BY_ID[category_id].subtopics)


def role_label(role_id: str) -> str:
    return next(r.label for r in ROLES if r.id == role_id)


def stage_label(stage_id: str) -> str:
    return next(s.label for s in STAGES if s.id == stage_id)


def signal_label(signal_id: str) -> str:
    return next(s.label for s in SIGNALS if s.id == signal_id)


def weighted_categories(priorities: dict[str, float]) -> dict[str, float]:
    """How much the candidate's priorities weigh each category (the sum of their weights)."""
    weights: dict[str, float] = {}
    for priority_id, weight in priorities.items():
        for category_id in priority(priority_id).categories:
            weights[category_id] = weights.get(category_id, 0.0) + weight
    return weights
