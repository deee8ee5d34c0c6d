"""Companies: the employers a candidate researches and interviews with."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from askback.core.models import Company
from askback.errors import NotFoundError, UsageError
from askback.store.models import CompanyRow


def slugify(name: str) -> str:
    """ "Harbor & Pine" -> "harbor-and-pine": the ampersand is read as a word, as people say it."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("&", " and ")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug


def to_company(row: CompanyRow) -> Company:
    return Company(
        id=row.id,
        slug=row.slug,
        name=row.name,
        url=row.url,
        about=row.about,
        created_at=row.created_at,
        researched_at=row.researched_at,
        aliases=tuple(row.aliases or ()),
    )


def find_row(session: Session, name: str) -> CompanyRow | None:
    """By slug or by name, case-insensitively: users type either; or by one of its other names."""
    slug = slugify(name)
    row = session.scalars(select(CompanyRow).where(CompanyRow.slug == slug)).first()
    if row is None and slug:
        row = next(
            (r for r in session.scalars(select(CompanyRow)) if any(slugify(a) == slug for a in r.aliases or ())),
            None,
        )
    return row


def find(session: Session, name: str) -> Company | None:
    """The company of that name or slug, if there is one."""
    row = find_row(session, name)
    return to_company(row) if row is not None else None


def get(session: Session, name: str) -> Company:
    """The company of that name; :class:`NotFoundError` says which known one it looks like."""
    row = find_row(session, name)
    if row is None:
        alike = _look_alike(session, name)
        hint = f"did you mean {alike}?" if alike else "`askback companies` lists the known ones"
        raise NotFoundError(f"no company called {name!r}; {hint}")
    return to_company(row)


def resolve(session: Session, name: str) -> Company:
    """The company of that name, created if it is new, unless the name looks like a typo of a
    known company's (``northwind-rely``): then :class:`NotFoundError` suggests that one. A new
    company with a look-alike name is made on purpose with ``ensure`` (``askback companies
    add``, or research)."""
    if find_row(session, name) is None:
        alike = _look_alike(session, name)
        if alike:
            raise NotFoundError(
                f"no company called {name!r}; did you mean {alike}? (askback companies add {name!r} adds it)"
            )
    return ensure(session, name)


def _look_alike(session: Session, name: str) -> str | None:
    from askback.core.rules import look_alike

    return look_alike(slugify(name) or name, list(session.scalars(select(CompanyRow.slug))))


def ensure(session: Session, name: str, url: str | None = None, about: str | None = None) -> Company:
    """The company of that name, created if it is new."""
    slug = slugify(name)
    if not slug:
        raise UsageError(f"{name!r} is not a usable company name: it needs letters or digits")
    row = find_row(session, name)
    if row is None:
        row = CompanyRow(slug=slug, name=name.strip(), url=url, about=about)
        session.add(row)
        session.flush()
    else:
        row.url = url or row.url
        row.about = about or row.about
    return to_company(row)


def name_source(session: Session, company_id: int) -> str:
    """Where the shown name came from: "typed", "material" or "user"."""
    row = session.get(CompanyRow, company_id)
    return row.name_from if row is not None else "typed"


def set_names(
    session: Session, company_id: int, name: str, aliases: list[str], name_from: str | None = None
) -> Company:
    """The shown name (its slug stays, so links and typed names keep working) and other names."""
    row = session.get(CompanyRow, company_id)
    if row is None:
        raise NotFoundError(f"no company with id {company_id}")
    row.name = name
    row.aliases = list(aliases)
    if name_from is not None:
        row.name_from = name_from
    session.flush()
    return to_company(row)


def list_all(session: Session) -> list[Company]:
    return [to_company(r) for r in session.scalars(select(CompanyRow).order_by(CompanyRow.name))]


def mark_researched(session: Session, company_id: int, when: datetime) -> None:
    row = session.get(CompanyRow, company_id)
    if row is not None:
        row.researched_at = when
