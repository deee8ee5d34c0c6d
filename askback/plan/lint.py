"""The question linter: every question, from the bank, from research or typed by the user,
goes through the same checks.

``lint_questions`` loads what the checks need once (the embedding model, the labelled
examples, the company's facts) and then judges each question: its category and form,
whether it is specific to the company, whether the research already answers it, and the
problems a candidate would want to hear about, each with a stable code and, where possible,
a better question.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from askback.core.models import Company, Fact
from askback.errors import AskbackError, UsageError
from askback.nlp.form import question_form
from askback.nlp.text import content_tokens
from askback.plan import checks
from askback.plan.answered import Evidence, FactIndex
from askback.plan.checks import Problem
from askback.runtime import Runtime

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors
    from askback.plan.categorise import Categoriser, Neighbour

NEAR_DUPLICATE_SEMANTIC = 0.85
NEAR_DUPLICATE_LEXICAL = 0.6
OBVIOUS_SEMANTIC = 0.8
AUDIENCE_NEIGHBOUR = 0.7  # how close the nearest bank question must be for its roles to count


@dataclass
class LintResult:
    text: str
    category: str | None
    form: str
    specific: bool
    answered: Evidence | None
    problems: list[Problem] = field(default_factory=list)
    suggestion: str | None = None

    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "category": self.category,
            "form": self.form,
            "specific": self.specific,
            "answered": self.answered.as_dict() if self.answered else None,
            "problems": [{"code": p.code, "message": p.message} for p in self.problems],
            "suggestion": self.suggestion,
        }


@dataclass
class LintContext:
    company: Company | None = None
    interviewer: str | None = None
    stage: str | None = None
    facts: list[Fact] = field(default_factory=list)
    fact_index: FactIndex | None = None
    company_terms: frozenset[str] = frozenset()
    embedder: Embedder | None = None
    categoriser: Categoriser | None = None
    obvious_vectors: Vectors | None = None
    semantics: _Semantics | None = None


def lint_questions(
    runtime: Runtime,
    texts: Sequence[str],
    company: str | None = None,
    interviewer: str | None = None,
    stage: str | None = None,
) -> list[LintResult]:
    context = load_context(runtime, company, interviewer, stage)
    results = lint_with(context, texts)
    if context.fact_index is not None:
        from askback.plan.answered_index import save_computed

        with runtime.session() as session:
            save_computed(context.fact_index, session)  # the sentences it had to embed, for next time
    return results


def load_context(runtime: Runtime, company: str | None, interviewer: str | None, stage: str | None) -> LintContext:
    """What the checks need, loaded once per runtime: the model's example vectors, and a
    company's facts, terms and answered index for the state of its research (any new research
    builds them again). A plan lints several times, and the web app on every request."""
    from askback.core import taxonomy
    from askback.store import companies
    from askback.store import research as research_store

    if interviewer is not None and interviewer not in taxonomy.ROLE_IDS:
        raise UsageError(f"unknown interviewer {interviewer!r}; choose one of {', '.join(taxonomy.ROLE_IDS)}")
    if stage is not None and stage not in taxonomy.STAGE_IDS:
        raise UsageError(f"unknown stage {stage!r}; choose one of {', '.join(taxonomy.STAGE_IDS)}")
    context = LintContext(interviewer=interviewer, stage=stage)
    signature = (0, 0)
    with runtime.session() as session:
        if company is not None:
            found = context.company = companies.get(session, company)
            signature = research_store.fact_signature(session, found.id)
            context.facts = research_store.facts(session, found.id)
            facts = context.facts
            context.company_terms = runtime.shared(
                ("lint-terms", found.id), (signature, found.names), lambda: distinctive_terms(found, facts)
            )
        _load_semantics(session, runtime, context, signature)
    return context


def _load_semantics(session: object, runtime: Runtime, context: LintContext, signature: tuple[int, int]) -> None:
    """The embedding model and what is compared with it; without it the linter still works lexically."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    try:
        context.embedder = embedder = runtime.embedder()
    except AskbackError:
        return
    semantics = runtime.shared("lint-semantics", id(embedder), lambda: _Semantics.load(embedder))
    context.semantics = semantics
    context.categoriser = semantics.categoriser
    context.obvious_vectors = semantics.obvious_vectors
    company = context.company
    if company is not None and context.facts:
        from askback.plan.answered_index import company_index

        context.fact_index = company_index(runtime, session, company.id, embedder, signature)


class _Semantics:
    """The vectors the checks compare questions with, for one embedder, and the vectors of
    questions already linted (a plan checks mostly the same questions after each rebuild)."""

    REMEMBERED = 2000

    def __init__(self, categoriser: Categoriser, obvious_vectors: Vectors) -> None:
        import threading
        from collections import OrderedDict

        self.categoriser = categoriser
        self.obvious_vectors = obvious_vectors
        self._known: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def load(cls, embedder: Embedder) -> _Semantics:
        from askback.plan.categorise import Categoriser, examples
        from askback.research.vectors import embed_fixed

        example_vectors = embed_fixed(embedder, [e.text for e in examples()])
        return cls(
            Categoriser(embedder, example_vectors),
            embed_fixed(embedder, checks.rules()["obvious"]["prototypes"]),
        )

    def embed(self, embedder: Embedder, texts: Sequence[str]) -> Vectors:
        """``texts`` embedded, each text once for the life of the runtime (the last thousands)."""
        import numpy as np

        with self._lock:
            known = {t: self._known[t] for t in texts if t in self._known}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, embedder.embed(missing), strict=True))
            with self._lock:
                self._known.update((t, known[t]) for t in missing)
                while len(self._known) > self.REMEMBERED:
                    self._known.popitem(last=False)
        if not texts:
            return np.zeros((0, embedder.dimensions), dtype=np.float32)
        result: Vectors = np.stack([known[t] for t in texts])
        return result


def distinctive_terms(company: Company, facts: Sequence[Fact]) -> frozenset[str]:
    """Names and terms from the company's own material that the general question bank never
    uses. The company's name alone does not count: putting it into a generic question does not
    make the question specific."""
    from askback.bank.loader import load_bank

    general = {t for q in load_bank() for t in content_tokens(q.text)}
    general |= {t for name in company.names for t in content_tokens(name)} | {company.slug}
    terms: set[str] = set()
    for fact in facts:
        words = fact.text.split()
        for before, word in itertools.pairwise(words):
            bare = word.strip(".,;:!?()\"'“”‘’")
            starts_sentence = before.endswith((".", ":", "!", "?"))
            if len(bare) > 2 and bare[:1].isupper() and not starts_sentence:
                terms.update(content_tokens(bare))
    return frozenset(t for t in terms if t not in general and len(t) > 2)


def lint_with(context: LintContext, texts: Sequence[str]) -> list[LintResult]:
    vectors = _embed(context, texts)
    categories = context.categoriser.categorise(texts, vectors) if context.categoriser and vectors is not None else None
    nearest = context.categoriser.nearest_bank(vectors) if context.categoriser and vectors is not None else None
    results = []
    for i, text in enumerate(texts):
        result = _lint_one(
            context,
            text,
            vectors[i] if vectors is not None else None,
            categories[i][0] if categories else None,
            nearest[i] if nearest else None,
        )
        results.append(result)
    _mark_duplicates(texts, vectors, results)
    return results


def _embed(context: LintContext, texts: Sequence[str]) -> Vectors | None:
    if context.embedder is None:
        return None
    return _vectors(context, context.embedder, [t if t.strip() else "-" for t in texts])


def _vectors(context: LintContext, embedder: Embedder, texts: Sequence[str]) -> Vectors:
    if context.semantics is None:
        return embedder.embed(list(texts))
    return context.semantics.embed(embedder, texts)


def _lint_one(
    context: LintContext, text: str, vector: Vectors | None, category: str | None, nearest: Neighbour | None
) -> LintResult:
    if checks.empty(text):
        return LintResult(text, None, "open", False, None, [Problem("empty", "there is no question here")])
    form = question_form(text)
    specific = bool(context.company_terms & set(content_tokens(text)))
    close_bank = nearest if nearest is not None and nearest.similarity >= AUDIENCE_NEIGHBOUR else None
    subtopic = close_bank.example.subtopic if close_bank else None
    result = LintResult(text, category, form, specific, None)
    result.answered = _answered(context, text, vector)
    problems = [
        checks.not_a_question(text),
        checks.not_english(text),
        checks.closed(form),
        checks.private_life(text),
        checks.leading(text),
        checks.double_barrelled(text),
        checks.too_long(text),
        _obvious(context, text, vector),
        _answered_problem(result.answered),
        _generic(context, specific),
        checks.audience(subtopic, context.interviewer, _roles(close_bank)),
        checks.moment(subtopic, context.stage),
    ]
    result.problems = [p for p in problems if p is not None]
    result.suggestion = _suggest(context, result, close_bank, nearest)
    return result


def _as_any_company(context: LintContext, text: str) -> str:
    """The question with the company's name made generic: "What does Acme do?" is still obvious."""
    if context.company is None:
        return text
    import re

    for name in sorted(context.company.names, key=len, reverse=True):
        text = re.sub(re.escape(name), "your company", text, flags=re.IGNORECASE)
    return text


def answered_in(context: LintContext, texts: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Which of ``texts`` the company's research already answers: text -> (source, quote).

    The planner's last check on its own questions, the same one ``askback lint`` makes."""
    if context.fact_index is None or context.embedder is None:
        return {}
    vectors = _vectors(context, context.embedder, texts)
    found = {}
    for i, text in enumerate(texts):
        evidence = _answered(context, text, vectors[i])
        if evidence is not None:
            found[text] = (evidence.source, evidence.quote)
    return found


def _roles(neighbour: Neighbour | None) -> tuple[str, ...]:
    from askback.bank.loader import by_id

    if neighbour is None or neighbour.example.question_id is None:
        return ()
    question = by_id().get(neighbour.example.question_id)
    return question.roles if question else ()


def _answered(context: LintContext, text: str, vector: Vectors | None) -> Evidence | None:
    if context.fact_index is None or vector is None:
        return None
    return context.fact_index.answer(text, vector)


def _answered_problem(evidence: Evidence | None) -> Problem | None:
    if evidence is None:
        return None
    return Problem(
        "answered",
        f"the company's own material already answers this ({evidence.source}: “{evidence.quote}”); "
        "asking it shows you did not read it, so build on it instead",
    )


def _obvious(context: LintContext, text: str, vector: Vectors | None) -> Problem | None:
    found = checks.obvious_by_pattern(_as_any_company(context, text))
    vectors = context.obvious_vectors
    if (
        found is None
        and vector is not None
        and vectors is not None
        and float((vectors @ vector).max()) >= OBVIOUS_SEMANTIC
    ):
        found = checks.obvious_problem()
    return found


def _generic(context: LintContext, specific: bool) -> Problem | None:
    if context.company is None or specific:
        return None
    hint = " (askback research adds what the company says about itself)" if not context.facts else ""
    return Problem(
        "generic", f"this could be asked of any company; tie it to something particular to {context.company.name}{hint}"
    )


def _suggest(
    context: LintContext, result: LintResult, close_bank: Neighbour | None, nearest: Neighbour | None
) -> str | None:
    codes = set(result.codes())
    if codes & {"empty", "private-life", "not-english"}:
        return None
    if result.answered is not None:
        deeper = _grounded_for(context, result.answered)
        if deeper:
            return deeper
    if "closed" in codes:
        rewritten = open_rewrite(result.text)
        if rewritten:
            return rewritten
    wants_better = codes & {
        "closed",
        "obvious",
        "leading",
        "double-barrelled",
        "too-long",
        "not-a-question",
        "answered",
    }
    if wants_better and nearest is not None and nearest.similarity >= 0.5 and nearest.example.question_id:
        from askback.bank.loader import by_id

        question = by_id().get(nearest.example.question_id)
        if question is not None:
            return question.render(context.company.name if context.company else "the company")
    return None


def _grounded_for(context: LintContext, evidence: Evidence) -> str | None:
    from askback.plan.ground import grounded_questions

    fact = next((f for f in context.facts if f.id == evidence.fact_id), None)
    if fact is None:
        return None
    found = grounded_questions([fact])
    return found[0].question.text if found else None


def open_rewrite(text: str) -> str | None:
    """A closed question turned open by its opening words, where a simple rewrite reads well."""
    import re

    stripped = text.strip().rstrip("?").strip()
    offered = re.match(r"^(?:(is|are) there|do you (?:have|offer|provide)) (any |a |an )?(.+)$", stripped, re.I)
    if offered:
        return _how_it_works(
            offered.group(3), plural=(offered.group(1) or "").lower() == "are", counted=bool(offered.group(2))
        )
    rules = (
        (r"^do(?:es)? (you|the team|people|engineers|your team|managers|they) (.+)$", "How do {0} {1}?"),
        (r"^can i (.+)$", "What would it take for me to {0}?"),
        (r"^will i (.+)$", "How likely is it that I would {0}?"),
    )
    for pattern, template in rules:
        match = re.match(pattern, stripped, re.IGNORECASE)
        if match:
            rewritten = template.format(*match.groups())
            rewritten = rewritten.replace("How do the team", "How does the team").replace(
                "How do your team", "How does your team"
            )
            return rewritten[0].upper() + rewritten[1:]
    return None


def _how_it_works(thing: str, plural: bool, counted: bool) -> str:
    """ "Is there a learning budget" -> "How does the learning budget work here in practice?"."""
    if thing.lower().endswith("work"):  # "remote work": not "how does remote work work"
        return f"What does {thing} look like here in practice?"
    if plural or (thing.endswith("s") and not thing.endswith("ss")):
        return f"How do {thing} work here in practice?"
    return f"How does {'the ' if counted else ''}{thing} work here in practice?"


def _mark_duplicates(texts: Sequence[str], vectors: Vectors | None, results: list[LintResult]) -> None:
    from askback.nlp.similarity import TfidfIndex

    lexical = TfidfIndex(texts)
    for j in range(len(texts)):
        if not texts[j].strip():
            continue
        for i in range(j):
            if not texts[i].strip():
                continue
            semantic = float(vectors[i] @ vectors[j]) if vectors is not None else 0.0
            shared = set(lexical.tokens[i]) & set(lexical.tokens[j])
            lexically_same = len(shared) >= 2 and lexical.similarity(i, j) >= NEAR_DUPLICATE_LEXICAL
            if semantic >= NEAR_DUPLICATE_SEMANTIC or lexically_same:
                results[j].problems.append(
                    Problem("near-duplicate", f"asks much the same as question {i + 1}; keep the better of the two")
                )
                break
