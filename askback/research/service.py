"""The research service: sources in, facts with evidence stored, a summary out.

Pages whose content hash is unchanged since the last run are skipped before any parsing,
which is what makes a re-run of a large handbook nearly free.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy.orm import Session

from askback.errors import AskbackError
from askback.nlp.embeddings import Embedder
from askback.research.boilerplate import boilerplate, normalise
from askback.research.documents import Document, RawPage, Sentence
from askback.research.extract import extract
from askback.research.quantities import quantities
from askback.research.segment import sentences
from askback.research.sources import Skip, expected_items, read_source
from askback.research.topics import TopicClassifier
from askback.research.vectors import EmbedProgress, embed_cached, embed_fixed, static_for, text_hash
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as store
from askback.store.research import FactDraft

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors
    from askback.research.render import RenderMode


@dataclass
class ResearchSummary:
    company: str
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0
    pages_removed: int = 0
    sentences: int = 0
    facts: int = 0
    embedded: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    semantic: bool = True


@dataclass(frozen=True)
class _Parsed:
    raw: RawPage
    document: Document
    sentences: list[Sentence]
    digest: str


Stage = Literal["fetching", "parsing", "embedding", "storing"]


@dataclass(frozen=True)
class Step:
    """How far a run has got, for a progress bar: ``done`` of ``total`` in ``stage``.

    ``total`` is an estimate while fetching (a crawl's page limit; a folder's file count) and
    exact afterwards; ``item`` names the page being read, when there is one.
    """

    stage: Stage
    done: int
    total: int
    item: str = ""


OnStep = Callable[[Step], None]


def research(
    runtime: Runtime,
    company_name: str,
    sources: Sequence[str],
    max_pages: int = 50,
    allow_private: bool = False,
    on_step: OnStep | None = None,
    render: RenderMode = "auto",
    close_calls_only: bool = True,
) -> ResearchSummary:
    """Read ``sources``, turn their sentences into facts and store them; what changed, in a summary.

    ``close_calls_only`` (the default) lets the static table decide the clear topics and
    embeds only the close calls with MiniLM (:mod:`askback.research.gate`): on the 18F
    handbook 2,883 sentences instead of 4,993, with the same held-out topic figures. Nothing
    later needs the vectors of the rest: the answered check and the expertise questions embed
    (and store) the few sentences they compare. False embeds every keyword sentence."""
    started = time.perf_counter()
    report = on_step or (lambda step: None)
    with runtime.session() as session:
        existing = companies.find(session, company_name)  # created below, once something was read
        known = store.page_hashes(session, existing.id) if existing else {}
    everything_new = not known  # then this run's sentences are all the company's facts
    summary = ResearchSummary(company=existing.name if existing else company_name.strip())
    pending: list[tuple[RawPage, str]] = []
    seen: dict[str, set[str]] = {}
    normalised = [normalise_source(s) for s in sources]
    expected = sum(expected_items(s, max_pages) for s in normalised)
    read = 0
    for source in normalised:
        seen[source] = set()
        for item in read_source(source, max_pages=max_pages, allow_private=allow_private, render=render):
            read += 1
            report(Step("fetching", read, max(expected, read), item.ref))
            if isinstance(item, Skip):
                summary.skipped.append((item.ref, item.reason))
                continue
            item = _unique_ref(item, known)
            before = known.setdefault(item.ref, (item.source, ""))  # claimed by this source from now on
            seen[source].add(item.ref)
            digest = hashlib.sha256(pipeline_tag().encode() + item.body).hexdigest()
            if before[1] == digest:
                summary.pages_unchanged += 1
                continue
            if before[1]:
                summary.pages_changed += 1
            else:
                summary.pages_new += 1
            pending.append((item, digest))
    parsed = []
    for done, (item, digest) in enumerate(pending, start=1):
        document = extract(item)
        summary.notes.extend((item.ref, note) for note in document.notes)
        parsed.append(_Parsed(item, document, sentences(document.blocks), digest))
        report(Step("parsing", done, len(pending), item.ref))
    if not summary.pages_unchanged and not any(p.sentences for p in parsed):
        raise AskbackError(_nothing_read(sources, summary.skipped + summary.notes))
    with runtime.session() as session:
        company = companies.ensure(session, company_name)
    stored = _store(runtime, company.id, parsed, seen, summary, report, close_calls_only)
    if parsed:  # how the company writes its name, and its other names, from its own material
        from askback.research import names

        with runtime.session() as session:
            found = companies.get(session, company.slug)
            texts = [text for _, page in sorted(stored) for text in page]  # in the order facts are read
            summary.company = names.learn(session, found, texts if everything_new else None).name
    summary.seconds = time.perf_counter() - started
    return summary


def _nothing_read(sources: Sequence[str], why: list[tuple[str, str]]) -> str:
    """Why a research run read no text, in one line; nothing was stored, no company was made."""
    reasons = "; ".join(f"{ref}: {reason}" for ref, reason in why[:5])
    more = f" (and {len(why) - 5} more)" if len(why) > 5 else ""
    found = f": {reasons}{more}" if reasons else " (no file askback reads was found)"
    return f"nothing was read from {', '.join(sources)}{found}; nothing was stored"


@lru_cache(maxsize=1)
def pipeline_tag() -> str:
    """What a page's facts depend on besides the page: askback's version and its topic data.
    It is part of each page's stored hash, so an upgrade that classifies differently
    processes every page again on the next run instead of keeping stale topics."""
    import askback
    from askback.research import topics

    digest = hashlib.sha256(askback.__version__.encode())
    for path in (topics.DATA, topics.TRAINING, topics.THRESHOLDS):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def normalise_source(source: str) -> str:
    """One spelling per folder ("docs", "./docs/", "/abs/docs"), so re-runs recognise their pages."""
    if source == "-" or "://" in source or source.startswith(("file:", "data:", "javascript:")):
        return source
    path = Path(source).expanduser()
    return str(path.resolve()) if path.exists() else source  # a missing path is reported as typed


def _unique_ref(item: RawPage, known: dict[str, tuple[str, str]]) -> RawPage:
    """Two folders may both hold index.md: the second one's pages are named by their folder too."""
    owner = known.get(item.ref, (item.source, ""))[0]
    if owner == item.source or item.source == "-" or "://" in item.source:
        return item
    return replace(item, ref=f"{Path(item.source).name}/{item.ref}")


def _store(
    runtime: Runtime,
    company_id: int,
    parsed: list[_Parsed],
    seen: dict[str, set[str]],
    summary: ResearchSummary,
    report: OnStep,
    close_calls_only: bool = True,
) -> list[tuple[str, list[str]]]:
    """Store the pages' facts; each page's reference and the sentences stored from it."""
    furniture = boilerplate([p.sentences for p in parsed])
    kept = [[s for s in p.sentences if normalise(s.text) not in furniture] for p in parsed]
    texts = [s.text for page in kept for s in page]
    summary.sentences = len(texts)
    with runtime.session() as session:
        topics = _classify(
            session,
            texts,
            summary,
            runtime,
            lambda done, total: report(Step("embedding", done, total)),
            close_calls_only,
        )
        cursor = 0
        for stored, (page, page_sentences) in enumerate(zip(parsed, kept, strict=True), start=1):
            drafts = []
            for s in page_sentences:
                drafts.append(_draft(s, topics[cursor]))
                cursor += 1
            summary.facts += sum(1 for d in drafts if d.topics)
            store.save_page(
                session,
                company_id,
                source=page.raw.source,
                ref=page.raw.ref,
                content_type=page.raw.content_type,
                title=page.document.title,
                content_hash=page.digest,
                fetched_at=page.raw.fetched_at,
                facts=drafts,
            )
            report(Step("storing", stored, len(parsed), page.raw.ref))
        for source, refs in seen.items():
            if not source.startswith(("http://", "https://")) and source != "-":
                summary.pages_removed += store.remove_missing(session, company_id, source, refs)
        companies.mark_researched(session, company_id, datetime.now(UTC))
    return [(p.raw.ref, [s.text for s in page]) for p, page in zip(parsed, kept, strict=True)]


def _classify(
    session: Session,
    texts: list[str],
    summary: ResearchSummary,
    runtime: Runtime,
    on_embedding: EmbedProgress | None,
    close_calls_only: bool = True,
) -> list[list[tuple[str, float]]]:
    import numpy as np

    if not texts:
        return []  # nothing new: the model need not even be loaded
    try:
        embedder: Embedder = runtime.embedder()
    except AskbackError as exc:
        summary.semantic = False
        summary.notes.append(("embeddings", f"{exc}; topics come from keywords only"))
        return TopicClassifier(None).classify(texts)
    started = time.perf_counter()
    classifier = TopicClassifier(lambda prototypes: embed_fixed(embedder, prototypes))
    classifier.warm_up()  # the topic examples: embedded once per machine, then read from a file
    summary.embed_seconds = time.perf_counter() - started
    static = static_for(embedder) if close_calls_only else None
    if static is not None:
        return _classify_gated(session, texts, summary, embedder, static, classifier, on_embedding)
    hits = [classifier.matcher.hits(t) for t in texts]
    wanted = [i for i, h in enumerate(hits) if h]  # only sentences with a keyword hit are embedded
    vectors = np.zeros((len(texts), embedder.dimensions), dtype=np.float32)
    if wanted:
        started = time.perf_counter()
        found, summary.embedded = embed_cached(session, embedder, [texts[i] for i in wanted], on_embedding)
        summary.embed_seconds += time.perf_counter() - started
        vectors[wanted] = found
    return classifier.classify(texts, vectors, hits)


def _classify_gated(
    session: Session,
    texts: list[str],
    summary: ResearchSummary,
    embedder: Embedder,
    static: Embedder,
    classifier: TopicClassifier,
    on_embedding: EmbedProgress | None,
) -> list[list[tuple[str, float]]]:
    """The static model for clear cases, the model itself for close calls (:mod:`gate`)."""
    from askback.research import gate

    started = time.perf_counter()

    def exact(close: Sequence[str]) -> Vectors:
        vectors, summary.embedded = embed_cached(session, embedder, close, on_embedding)
        return vectors

    result = gate.classify(texts, static, exact, classifier)
    summary.embed_seconds += time.perf_counter() - started
    return result.topics


def _draft(sentence: Sentence, topics: list[tuple[str, float]]) -> FactDraft:
    return FactDraft(
        position=sentence.position,
        headings=sentence.headings,
        text=sentence.text,
        text_hash=text_hash(sentence.text),
        quantities=[q.as_dict() for q in quantities(sentence.text)],
        topics=topics,
    )


def research_page(runtime: Runtime, company_name: str, page: RawPage) -> ResearchSummary:
    """One page read elsewhere (a job posting) stored like any researched page: its sentences
    become facts of the company, with the page as their source."""
    started = time.perf_counter()
    with runtime.session() as session:
        company = companies.ensure(session, company_name)
    summary = ResearchSummary(company=company.name, pages_new=1)
    document = extract(page)
    summary.notes.extend((page.ref, note) for note in document.notes)
    digest = hashlib.sha256(pipeline_tag().encode() + page.body).hexdigest()
    parsed = _Parsed(page, document, sentences(document.blocks), digest)
    _store(runtime, company.id, [parsed], {}, summary, lambda step: None)
    summary.seconds = time.perf_counter() - started
    return summary
