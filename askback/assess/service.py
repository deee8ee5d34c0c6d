"""What the CLI and the web app call after the interviews: accounts, offers and the comparison.

Each function opens one transaction, so adding a file of accounts either stores all of them
or none. The models (flag detector, claim classifier) read and write the embedding cache in
the same database; without the embedding model installed they fall back to phrases and TF-IDF.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from askback.assess import accounts as reading
from askback.assess import compare as scoring
from askback.assess import evidence as ev
from askback.assess.claims import ClaimClassifier
from askback.assess.corroborate import (
    SAME_MEANING,
    SAME_MEANING_LEXICAL,
    Group,
    Statement,
    cosine_matrix,
    group,
    lexical_matrix,
)
from askback.assess.disagreements import Disagreement, Heard, disagreements
from askback.assess.evidence import FlagHit
from askback.assess.flags import FlagDetector
from askback.assess.offers import Yearly, check_offer, target_currency, yearly
from askback.assess.reasons import main_reason
from askback.assess.sensitivity import Flip, flips
from askback.assess.text import sentences
from askback.assess.unknowns import Unknown, unknowns
from askback.core.models import Answer, Company, Plan, Question
from askback.core.taxonomy import CATEGORY_IDS, role_label
from askback.errors import UsageError
from askback.runtime import Runtime
from askback.store import answers as answer_store
from askback.store import assess as store
from askback.store import companies as company_store
from askback.store import plans as plan_store
from askback.store import profiles
from askback.store import research as research_store

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from askback.nlp.embeddings import Vectors

MIN_COMPANIES = 2
MAX_COMPANIES = 8

# The records the front ends hand in and get back, named here so that they need not reach into the store.
AccountRecord = store.AccountRecord
OfferRecord = store.OfferRecord


class Models:
    """The flag detector and claim classifier, trained once per runtime. The user's sentences
    are embedded through the database's cache and always handed to them as vectors; what the
    models embed themselves is their own shipped examples, cached once per machine (a 2 MB
    file read in under a millisecond, where the same 1,374 vectors took 21 ms from the
    database)."""

    def __init__(self, session: Session, runtime: Runtime) -> None:
        from askback.research.vectors import cached_arrays, embed_cached, embed_fixed

        self.embed: Callable[[Sequence[str]], Vectors] | None = None  # without a model: phrases and TF-IDF
        shipped: Callable[[Sequence[str]], Vectors] | None = None
        embedder = runtime.embedder_or_none()
        if embedder is not None:
            self.embed = lambda texts: embed_cached(session, embedder, texts)[0]
            shipped = partial(embed_fixed, embedder)
        # Trained once per runtime (a CLI command, a web server), not per request: fitting the
        # claim models reads the stance of every training sentence.
        model = (embedder.name, id(embedder)) if embedder is not None else None
        name = embedder.name if embedder is not None else None
        self.flags = runtime.shared(
            "flag-detector", model, lambda: FlagDetector(shipped, model=name, cache=cached_arrays)
        )
        self.claims = runtime.shared(
            "claim-classifier", model, lambda: ClaimClassifier(shipped, model=name, cache=cached_arrays)
        )

    def vectors(self, texts: Sequence[str]) -> Vectors | None:
        return self.embed(list(texts)) if self.embed is not None and texts else None

    def similarity(self, texts: Sequence[str]) -> tuple[npt.NDArray[np.float64], float]:
        """Pairwise similarity of ``texts`` and the threshold for "says the same thing"."""
        vectors = self.vectors(texts)
        if vectors is None:
            return lexical_matrix(texts), SAME_MEANING_LEXICAL
        return cosine_matrix(vectors), SAME_MEANING


# --- accounts ------------------------------------------------------------------------------


def add_accounts(runtime: Runtime, company_name: str, drafts: Sequence[reading.AccountDraft]) -> list[tuple[int, bool]]:
    """Classify and store accounts, all or none; (account id, whether it was new) for each."""
    checked = [reading.check(d) for d in drafts]
    with runtime.session() as session:
        company = company_store.resolve(session, company_name)
        models = Models(session, runtime)
        results = []
        for draft in checked:
            record, new = store.add_account(session, _classified(models, company.id, draft))
            assert record.id is not None
            results.append((record.id, new))
        return results


def _classified(models: Models, company_id: int, draft: reading.AccountDraft) -> store.AccountRecord:
    from askback.research.vectors import text_hash

    texts = sentences(draft.text)
    vectors = models.vectors(texts)
    classes = models.claims.classify(texts, vectors)
    flags = models.flags.detect(texts, vectors, moods=[c.sentiment for c in classes])
    return store.AccountRecord(
        company_id=company_id,
        text=draft.text,
        text_hash=draft.text_hash,
        who=draft.who,
        role=draft.role,
        when=draft.when,
        source=draft.source,
        sentences=tuple(
            store.SentenceRecord(
                text=t,
                kind=c.kind,
                category=c.category,
                sentiment=c.sentiment,
                confidence=c.confidence,
                flags=tuple(m.flag.id for m in f),
                text_hash=text_hash(t),
            )
            for t, c, f in zip(texts, classes, flags, strict=True)
        ),
    )


def list_accounts(runtime: Runtime, company_name: str) -> tuple[Company, list[store.AccountRecord]]:
    with runtime.session() as session:
        company = company_store.get(session, company_name)
        return company, store.accounts(session, company.id)


def get_account(runtime: Runtime, account_id: int) -> tuple[Company, store.AccountRecord]:
    with runtime.session() as session:
        record = store.account(session, account_id)
        company = next(c for c in company_store.list_all(session) if c.id == record.company_id)
        return company, record


def remove_account(runtime: Runtime, account_id: int) -> None:
    with runtime.session() as session:
        store.remove_account(session, account_id)


def account_name(record: store.AccountRecord) -> str:
    return f"#{record.id} " + reading.describe(record.who, record.role, record.when, record.source)


BUCKETS = ("corroborated", "shared-opinion", "single-claim", "opinion")


@dataclass(frozen=True)
class AccountsSummary:
    """What employees said about one company: corroborated claims (the wheat) apart from single
    claims and opinions (the chaff), per category."""

    company: Company
    accounts: tuple[store.AccountRecord, ...]
    groups: tuple[Group, ...]
    names: dict[int, str] = field(default_factory=dict)

    def by_category(self) -> dict[str, dict[str, list[Group]]]:
        table: dict[str, dict[str, list[Group]]] = {c: {b: [] for b in BUCKETS} for c in CATEGORY_IDS}
        for g in self.groups:
            table[g.category][g.bucket].append(g)
        return {c: buckets for c, buckets in table.items() if any(buckets.values())}

    @property
    def corroborated(self) -> list[Group]:
        return [g for g in self.groups if g.corroborated]

    def as_dict(self) -> dict[str, Any]:
        def one(g: Group) -> dict[str, Any]:
            return {
                "text": g.text,
                "people": g.people,
                "sentiment": g.sentiment,
                "said": [{"account": s.account_id, "text": s.text, "kind": s.kind} for s in g.statements],
            }

        return {
            "company": self.company.name,
            "slug": self.company.slug,
            "accounts": len(self.accounts),
            "categories": {
                c: {b: [one(g) for g in groups] for b, groups in buckets.items()}
                for c, buckets in self.by_category().items()
            },
        }


def accounts_summary(runtime: Runtime, company_name: str) -> AccountsSummary:
    with runtime.session() as session:
        company = company_store.get(session, company_name)
        return _summary(session, Models(session, runtime), company)


def _summary(session: Session, models: Models, company: Company) -> AccountsSummary:
    records = store.accounts(session, company.id)
    statements = [
        Statement(r.id or 0, s.text, s.kind, s.category, s.sentiment, s.flags) for r in records for s in r.sentences
    ]
    groups: list[Group] = []
    if statements:
        matrix, threshold = models.similarity([s.text for s in statements])
        groups = group(statements, matrix, threshold)
    names = {r.id or 0: account_name(r) for r in records}
    return AccountsSummary(company, tuple(records), tuple(groups), names)


# --- offers --------------------------------------------------------------------------------


def add_offer(runtime: Runtime, company_name: str, offer: store.OfferRecord) -> tuple[Company, store.OfferRecord]:
    check_offer(offer)
    with runtime.session() as session:
        company = company_store.resolve(session, company_name)
        saved = store.add_offer(session, _with_company(offer, company.id))
        return company, saved


def _with_company(offer: store.OfferRecord, company_id: int) -> store.OfferRecord:
    from dataclasses import replace

    return replace(offer, company_id=company_id)


def list_offers(
    runtime: Runtime, company_name: str | None, currency: str | None, rates: Mapping[str, float]
) -> list[tuple[Company, Yearly]]:
    """Every offer (or one company's) per year in one currency."""
    with runtime.session() as session:
        known = {c.id: c for c in company_store.list_all(session)}
        ids = [company_store.get(session, company_name).id] if company_name else None
        found = store.offers(session, ids)
    code = target_currency(found, currency)
    return [(known[o.company_id], yearly(o, code, rates)) for o in found] if code else []


# --- compare -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompanyResult:
    company: Company
    rank: int
    total: float
    confidence: str
    categories: dict[str, scoring.CategoryScore]
    pay: float | None  # 0-10 against the best offer compared; None without an offer
    offer: Yearly | None
    flags: tuple[FlagHit, ...]
    unknowns: tuple[Unknown, ...]
    interviews: int
    accounts: int
    corroborated: int
    one_person: int  # statements from one person's account only, shown and weighted below corroborated ones
    reason: str  # the main reason it ranks where it does, in one sentence

    def as_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "company": self.company.name,
            "slug": self.company.slug,
            "reason": self.reason,
            "total": round(self.total, 2),
            "confidence": self.confidence,
            "categories": {c: s.as_dict() for c, s in self.categories.items()},
            "pay": None if self.pay is None else round(self.pay, 1),
            "offer": self.offer.as_dict() if self.offer else None,
            "flags": [f.as_dict() for f in self.flags],
            "unknowns": [u.as_dict(self.company.name) for u in self.unknowns],
            "interviews": self.interviews,
            "accounts": self.accounts,
            "corroborated_claims": self.corroborated,
            "one_person_statements": self.one_person,
        }


@dataclass(frozen=True)
class CompareResult:
    companies: tuple[CompanyResult, ...]  # best first
    priorities: dict[str, float]
    weights: dict[str, float]
    currency: str | None
    disagreements: tuple[tuple[Company, Disagreement], ...]
    sensitivity: tuple[Flip, ...]

    @property
    def names(self) -> dict[str, str]:
        return {c.company.slug: c.company.name for c in self.companies}

    def as_dict(self) -> dict[str, Any]:
        return {
            "ranking": [c.company.slug for c in self.companies],
            "priorities": self.priorities,
            "weights": {k: round(v, 3) for k, v in self.weights.items()},
            "currency": self.currency,
            "companies": [c.as_dict() for c in self.companies],
            "disagreements": [{"company": c.slug, **d.as_dict()} for c, d in self.disagreements],
            "sensitivity": [f.as_dict() for f in self.sensitivity],
        }


@dataclass
class _Inputs:
    company: Company
    evidence: list[scoring.Evidence]
    flags: list[FlagHit]
    heard: list[Heard]
    asked: set[str]
    interviews: int
    accounts: int
    corroborated: int
    one_person: int


def compare(
    runtime: Runtime,
    company_names: Sequence[str],
    currency: str | None = None,
    rates: Mapping[str, float] | None = None,
    priorities: Mapping[str, float] | None = None,
) -> CompareResult:
    """Rank companies by the candidate's priorities, with the evidence, unknowns, disagreements
    between interviewers and how far each weight is from changing first place."""
    names = list(dict.fromkeys(company_names))
    _check_count(len(names))
    from askback.bank.loader import load_bank

    bank = load_bank()
    with runtime.session() as session:
        found = list({c.id: c for c in (company_store.get(session, n) for n in names)}.values())
        _check_count(len(found))  # "acme" and "Acme" are one company
        if priorities is None:
            saved = profiles.load(session)
            priorities = dict(saved.priorities) if saved else {}
        models = Models(session, runtime)
        inputs = [_gather(session, models, c, bank) for c in found]
        offers = _latest_offers(session, found)
    return _result(inputs, offers, dict(priorities), currency, dict(rates or {}), bank)


def still_unknown(runtime: Runtime, companies: Sequence[Company]) -> dict[str, tuple[Unknown, ...]]:
    """What is still unknown about each company (by slug), weighed by the saved priorities, with
    the question that would settle it: the part of a comparison ``askback status`` shows, without
    ranking or pay, so it needs no exchange rates."""
    from askback.bank.loader import load_bank

    bank = load_bank()
    with runtime.session() as session:
        saved = profiles.load(session)
        priorities = dict(saved.priorities) if saved else {}
        models = Models(session, runtime)
        inputs = [_gather(session, models, c, bank) for c in companies]
    weights = scoring.component_weights(priorities)
    return {
        i.company.slug: tuple(unknowns(scoring.category_scores(i.evidence), weights, bank, i.asked, priorities))
        for i in inputs
    }


def _check_count(count: int) -> None:
    if not MIN_COMPANIES <= count <= MAX_COMPANIES:
        raise UsageError(f"compare takes {MIN_COMPANIES} to {MAX_COMPANIES} different companies, not {count}")


def _latest_offers(session: Session, companies: Sequence[Company]) -> dict[int, store.OfferRecord]:
    latest: dict[int, store.OfferRecord] = {}
    for offer in store.offers(session, [c.id for c in companies]):
        latest[offer.company_id] = offer  # oldest first: the last one wins
    return latest


def _result(
    inputs: Sequence[_Inputs],
    offers: Mapping[int, store.OfferRecord],
    priorities: dict[str, float],
    currency: str | None,
    rates: dict[str, float],
    bank: Sequence[Question],
) -> CompareResult:
    code = target_currency(list(offers.values()), currency)
    per_year = {
        i.company.slug: yearly(offers[i.company.id], code, rates) for i in inputs if code and i.company.id in offers
    }
    pay = scoring.pay_scores(
        {i.company.slug: per_year[i.company.slug].total if i.company.slug in per_year else None for i in inputs}
    )
    weights = scoring.component_weights(priorities)
    categories = {i.company.slug: scoring.category_scores(i.evidence) for i in inputs}
    components = {slug: _components(scores, pay[slug]) for slug, scores in categories.items()}
    totals = {slug: scoring.total(parts, weights) for slug, parts in components.items()}
    order = scoring.ranked(totals, [i.company.slug for i in inputs])
    by_slug = {i.company.slug: i for i in inputs}
    results = tuple(
        CompanyResult(
            company=by_slug[slug].company,
            rank=rank,
            total=totals[slug],
            confidence=scoring.overall_confidence(categories[slug], weights),
            categories=categories[slug],
            pay=pay[slug],
            offer=per_year.get(slug),
            flags=tuple(by_slug[slug].flags),
            unknowns=tuple(unknowns(categories[slug], weights, bank, by_slug[slug].asked, priorities)),
            interviews=by_slug[slug].interviews,
            accounts=by_slug[slug].accounts,
            corroborated=by_slug[slug].corroborated,
            one_person=by_slug[slug].one_person,
            reason=main_reason(
                slug, components, weights, order, {c: len(s.evidence) for c, s in categories[slug].items()}
            ),
        )
        for rank, slug in enumerate(order, start=1)
    )
    return CompareResult(
        companies=results,
        priorities=priorities,
        weights=weights,
        currency=code,
        disagreements=tuple((by_slug[s].company, d) for s in order for d in disagreements(by_slug[s].heard)),
        sensitivity=tuple(flips(components, priorities, order)),
    )


def _components(scores: Mapping[str, scoring.CategoryScore], pay: float | None) -> dict[str, float]:
    """What the total is made of; pay without an offer is neutral, like a category without evidence."""
    parts = {c: s.score for c, s in scores.items()}
    parts[scoring.PAY] = scoring.PRIOR_SCORE if pay is None else pay
    return parts


def _gather(session: Session, models: Models, company: Company, bank: Sequence[Question]) -> _Inputs:
    """Everything known about one company, as evidence, flags and answers heard."""
    plans = plan_store.list_all(session, company.id)
    answers = answer_store.for_company(session, company.id)
    heard, evidence, scanned = _from_answers(answers, plans, company, bank)
    evidence += _from_plans(plans)
    scanned += _notes(plans, answers)
    summary = _summary(session, models, company)
    flags = _flags(models, scanned) + _account_flags(summary)
    evidence += ev.from_flags(flags)
    evidence += ev.from_groups(summary.groups, summary.names)
    evidence += ev.from_facts(research_store.facts(session, company.id))
    asked = {a.question_id for a in answers}
    asked |= {i.question_id for p in plans for i in p.items if i.status in ("asked", "covered")}
    return _Inputs(
        company=company,
        evidence=evidence,
        flags=flags,
        heard=_with_sentiment(models, heard),
        asked=asked,
        interviews=sum(1 for p in plans if _recorded(p, answers)),
        accounts=len(summary.accounts),
        corroborated=len(summary.corroborated),
        one_person=sum(1 for g in summary.groups if g.people == 1 and g.sentiment in ev.SENTIMENT_SCORE),
    )


def _recorded(plan: Plan, answers: Sequence[Answer]) -> bool:
    """An interview counts once something was recorded from it: an answer, a rating or a note."""
    return (
        any(a.plan_id == plan.id for a in answers)
        or bool(plan.category_ratings)
        or bool(plan.notes.strip())
        or any(item.note.strip() for item in plan.items)
    )


def _from_answers(
    answers: Sequence[Answer], plans: Sequence[Plan], company: Company, bank: Sequence[Question]
) -> tuple[list[Heard], list[scoring.Evidence], list[tuple[str, str]]]:
    """Ratings as evidence, answers as heard (for disagreements) and as text to scan for flags."""
    by_id = {q.id: q for q in bank}
    items = {i.question_id: (i.text, i.category) for p in plans for i in p.items}
    heard, evidence, scanned = [], [], []
    for answer in answers:
        question, category_id = _question(answer.question_id, by_id, items, company)
        if category_id is None:
            continue
        if answer.rating is not None:
            evidence.append(ev.from_answer(question, category_id, answer.interviewer, answer.rating, answer.text))
        if answer.text:
            heard.append(
                Heard(
                    answer.question_id,
                    question,
                    answer.interviewer,
                    answer.text,
                    answer.rating,
                    "neutral",
                    answer.plan_id,
                )
            )
            scanned.append((answer.text, f'{_who(answer.interviewer)} answering "{_short(question)}"'))
    return heard, evidence, scanned


def _from_plans(plans: Sequence[Plan]) -> list[scoring.Evidence]:
    return [
        ev.from_category_rating(category_id, int(rating), plan.interviewer, plan.stage)
        for plan in plans
        for category_id, rating in plan.category_ratings.items()
    ]


def _notes(plans: Sequence[Plan], answers: Sequence[Answer]) -> list[tuple[str, str]]:
    """General notes and per-question notes (unless a note only repeats the recorded answer)."""
    scanned = []
    for plan in plans:
        if plan.notes.strip():
            scanned.append((plan.notes, f"your notes from the {_who(plan.interviewer)} interview (plan {plan.id})"))
        answered = {a.question_id: a.text.strip() for a in answers if a.plan_id == plan.id}
        for item in plan.items:
            if item.note.strip() and item.note.strip() != answered.get(item.question_id):
                scanned.append((item.note, f'your note on "{_short(item.text)}" ({_who(plan.interviewer)})'))
    return scanned


def _account_flags(summary: AccountsSummary) -> list[FlagHit]:
    """The flags found in accounts when they were added."""
    from askback.assess.flags import FlagMatch, flag_by_id

    known = flag_by_id()
    return [
        FlagHit(FlagMatch(known[flag_id], "stored", "", 1.0), s.text, summary.names.get(r.id or 0, "an account"))
        for r in summary.accounts
        for s in r.sentences
        for flag_id in s.flags
        if flag_id in known
    ]


def _question(
    question_id: str, by_id: Mapping[str, Question], items: Mapping[str, tuple[str, str]], company: Company
) -> tuple[str, str | None]:
    if question_id in by_id:
        q = by_id[question_id]
        return q.render(company.name), q.category
    if question_id in items:
        return items[question_id]
    return question_id, None


def _who(interviewer: str) -> str:
    from askback.core.taxonomy import ROLE_IDS

    return role_label(interviewer).lower() if interviewer in ROLE_IDS else interviewer


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _with_sentiment(models: Models, heard: list[Heard]) -> list[Heard]:
    from dataclasses import replace

    texts = [h.text for h in heard]
    classes = models.claims.classify(texts, models.vectors(texts))
    return [replace(h, sentiment=c.sentiment) for h, c in zip(heard, classes, strict=True)]


def _flags(models: Models, scanned: Sequence[tuple[str, str]]) -> list[FlagHit]:
    pieces = [(s, source) for text, source in scanned for s in sentences(text)]
    texts = [p for p, _ in pieces]
    vectors = models.vectors(texts)
    moods = [c.sentiment for c in models.claims.classify(texts, vectors)]
    matches = models.flags.detect(texts, vectors, moods=moods)
    return [FlagHit(m, text, source) for (text, source), found in zip(pieces, matches, strict=True) for m in found]
