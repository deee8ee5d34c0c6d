"""Pages, facts and embeddings: what research stores and what planning reads back."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Engine, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from askback.core.models import Fact
from askback.store.models import EmbeddingRow, FactRow, FactTopicRow, PageRow


@dataclass(frozen=True)
class FactDraft:
    position: int
    headings: tuple[str, ...]
    text: str
    text_hash: str
    quantities: list[dict[str, Any]]
    topics: list[tuple[str, float]]


def page_hashes(session: Session, company_id: int) -> dict[str, tuple[str, str]]:
    """ref -> (the source it came from, its content hash)."""
    rows = session.execute(
        select(PageRow.ref, PageRow.source, PageRow.content_hash).where(PageRow.company_id == company_id)
    )
    return {ref: (source, digest) for ref, source, digest in rows}


def save_page(
    session: Session,
    company_id: int,
    *,
    source: str,
    ref: str,
    content_type: str,
    title: str,
    content_hash: str,
    fetched_at: datetime,
    facts: Sequence[FactDraft],
) -> int:
    """Store a new or changed page and replace its facts, in the caller's transaction."""
    page = session.scalars(select(PageRow).where(PageRow.company_id == company_id, PageRow.ref == ref)).first()
    if page is None:
        page = PageRow(company_id=company_id, ref=ref)
        session.add(page)
    else:
        session.execute(delete(FactRow).where(FactRow.page_id == page.id))
    page.source, page.content_type, page.title = source, content_type, title[:500]
    page.content_hash, page.fetched_at, page.sentences = content_hash, fetched_at, len(facts)
    session.flush()
    if facts:
        _insert_facts(session, company_id, page.id, facts)
    return page.id


def _insert_facts(session: Session, company_id: int, page_id: int, facts: Sequence[FactDraft]) -> None:
    rows = [
        {
            "company_id": company_id,
            "page_id": page_id,
            "position": f.position,
            "headings": list(f.headings),
            "text": f.text,
            "text_hash": f.text_hash,
            "quantities": f.quantities,
        }
        for f in facts
    ]
    # One multi-row statement, then the ids by position (unique in a page): INSERT .. RETURNING
    # with ordered results makes SQLite insert row by row, which took a second for a handbook.
    session.execute(insert(cast(Table, FactRow.__table__)), rows)
    ids = {
        position: fact_id
        for position, fact_id in session.execute(select(FactRow.position, FactRow.id).where(FactRow.page_id == page_id))
    }
    topics = [
        {"fact_id": ids[fact.position], "topic": topic, "confidence": confidence}
        for fact in facts
        for topic, confidence in fact.topics
    ]
    if topics:
        session.execute(insert(cast(Table, FactTopicRow.__table__)), topics)


def remove_missing(session: Session, company_id: int, source: str, seen: set[str]) -> int:
    """Drop pages of ``source`` that no longer exist there (a file deleted from a folder)."""
    stale = [
        page_id
        for page_id, ref in session.execute(
            select(PageRow.id, PageRow.ref).where(PageRow.company_id == company_id, PageRow.source == source)
        )
        if ref not in seen
    ]
    if stale:
        session.execute(delete(PageRow).where(PageRow.id.in_(stale)))
    return len(stale)


# A company's facts as last read, per engine: a plan reads them in several steps (grounding,
# posting, expertise, the linter), and the web app for every request. Keyed by the facts'
# signature (count, newest id), which any research changes, so a stale list is never returned.
_READ: weakref.WeakKeyDictionary[Engine, dict[tuple[int, str | None, bool], tuple[tuple[int, int], list[Fact]]]] = (
    weakref.WeakKeyDictionary()
)
MAX_REMEMBERED = 8


def facts(session: Session, company_id: int, topic: str | None = None, with_topics_only: bool = True) -> list[Fact]:
    """The company's facts in reading order (with a topic only, by default), read once per
    state of its research."""
    engine = session.get_bind()
    signature = fact_signature(session, company_id)
    key = (company_id, topic, with_topics_only)
    remembered = _READ.get(engine, {}) if isinstance(engine, Engine) else {}
    hit = remembered.get(key)
    if hit is not None and hit[0] == signature:
        return list(hit[1])
    found = _read_facts(session, company_id, topic, with_topics_only)
    if isinstance(engine, Engine):
        table = _READ.setdefault(engine, {})
        if len(table) >= MAX_REMEMBERED:
            table.clear()
        table[key] = (signature, found)
    return list(found)


def _read_facts(session: Session, company_id: int, topic: str | None, with_topics_only: bool) -> list[Fact]:
    """Read as plain rows: building ORM objects (and their topic lists) for 10,000 sentences
    took seconds, and a :class:`Fact` needs none of their behaviour."""
    tagged = select(FactTopicRow.fact_id)
    if topic is not None:
        tagged = tagged.where(FactTopicRow.topic == topic)
    topics: dict[int, list[tuple[str, float]]] = {}
    chosen = (
        select(FactTopicRow.fact_id, FactTopicRow.topic, FactTopicRow.confidence)
        .join(FactRow, FactRow.id == FactTopicRow.fact_id)
        .where(FactRow.company_id == company_id)
        .order_by(FactTopicRow.fact_id, FactTopicRow.topic)  # ties in confidence: by name, as before
    )
    for fact_id, name, confidence in session.execute(chosen):
        topics.setdefault(fact_id, []).append((name, confidence))
    query = (
        select(
            FactRow.id,
            FactRow.text,
            FactRow.headings,
            FactRow.position,
            FactRow.quantities,
            PageRow.ref,
            PageRow.title,
        )
        .join(PageRow, FactRow.page_id == PageRow.id)
        .where(FactRow.company_id == company_id)
        .order_by(PageRow.ref, FactRow.position)
    )
    if topic is not None or with_topics_only:
        query = query.where(FactRow.id.in_(tagged))
    return [
        Fact(
            id=fact_id,
            text=text,
            source=ref,
            title=title,
            headings=tuple(headings),
            position=position,
            topics=tuple(sorted(topics.get(fact_id, ()), key=lambda x: -x[1])),
            quantities=tuple(quantities),
        )
        for fact_id, text, headings, position, quantities, ref, title in session.execute(query)
    ]


def fact_signature(session: Session, company_id: int) -> tuple[int, int]:
    """(number of facts, newest fact id): changes whenever the company's research does."""
    row = session.execute(
        select(func.count(FactRow.id), func.max(FactRow.id)).where(FactRow.company_id == company_id)
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def counts(session: Session, company_id: int) -> tuple[int, int]:
    """(pages, facts with a topic) for a company."""
    pages = session.scalar(select(func.count()).select_from(PageRow).where(PageRow.company_id == company_id))
    with_topic = session.scalar(
        select(func.count(func.distinct(FactTopicRow.fact_id)))
        .join(FactRow, FactRow.id == FactTopicRow.fact_id)
        .where(FactRow.company_id == company_id)
    )
    return int(pages or 0), int(with_topic or 0)


def cached_vectors(session: Session, hashes: Iterable[str], model: str) -> dict[str, bytes]:
    wanted = list(set(hashes))
    found: dict[str, bytes] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(EmbeddingRow.text_hash, EmbeddingRow.vector).where(
            EmbeddingRow.model == model, EmbeddingRow.text_hash.in_(chunk)
        )
        found.update({h: v for h, v in session.execute(query)})
    return found


def store_vectors(session: Session, vectors: dict[str, bytes], model: str) -> None:
    """Insert vectors, ignoring ones a concurrent job stored first (same text, same vector)."""
    if not vectors:
        return
    rows = [{"text_hash": h, "model": model, "vector": v} for h, v in vectors.items()]
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(EmbeddingRow).on_conflict_do_nothing(), rows)
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(EmbeddingRow).on_conflict_do_nothing(), rows)
    else:
        session.execute(insert(EmbeddingRow), rows)
