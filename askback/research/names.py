"""A company's names: the one it writes itself, and the others it goes by.

A candidate types "civicactions" or "18f"; the material writes "CivicActions" and "18F". After
research, the most common spelling in the company's own sentences that means the same name
(the same slug) becomes the shown name, unless the user set one. Other names come from the
material ("Technology Transformation Services (TTS)" gives "TTS" to a company called
"Technology Transformation Services") or from the user (``askback companies edit --alias``);
the linter and the planner treat every name alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from askback.core.models import Company
from askback.errors import UsageError
from askback.store import companies
from askback.store import research as research_store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from askback.runtime import Runtime

MIN_USES = 3  # a spelling or an alias seen fewer times may be a typo or a one-off
MAX_ALIAS_CHARS = 60
_CANDIDATE = re.compile(r"[A-Za-z0-9][\w&.'’-]*(?: [A-Z0-9][\w&.'’-]*){0,4}")


def written_name(company: Company, texts: Sequence[str]) -> str | None:
    """The company's name as its own material most often writes it, if it writes it enough."""
    words = len(company.name.split())
    found: Counter[str] = Counter()
    seen: dict[str, bool] = {}  # each spelling is slugified once: a handbook repeats its words
    for text in texts:
        tokens = text.split()
        for i in range(len(tokens) - words + 1):
            said = " ".join(tokens[i : i + words]).strip(".,;:!?()\"'“”‘’")
            if said.endswith(("'s", "’s")):
                said = said[:-2]
            same = seen.get(said)
            if same is None:
                same = seen[said] = bool(said) and companies.slugify(said) == company.slug
            if same:
                found[said] += 1
    if not found:
        return None
    best, uses = found.most_common(1)[0]
    return best if uses >= MIN_USES else None


def aliases_in(company: Company, texts: Sequence[str]) -> list[str]:
    """Other names the material gives the company: "Name (Other)" or "Other (Name)"."""
    name = re.escape(company.name)
    patterns = (
        re.compile(rf"\b{name} \(([A-Z][\w&.' -]{{1,{MAX_ALIAS_CHARS}}}?)\)"),
        re.compile(rf"\b([A-Z][\w&.'-]*(?: [A-Z&][\w&.'-]*){{0,5}}) \({name}\)"),
    )
    found: Counter[str] = Counter()
    for text in texts:
        for pattern in patterns:
            found.update(m.group(1).strip() for m in pattern.finditer(text))
    return [alias for alias, uses in found.most_common() if uses >= MIN_USES and alias.lower() != company.name.lower()]


def learn(session: Session, company: Company, texts: Sequence[str] | None = None) -> Company:
    """After research: the shown name from the material (unless the user chose one) and any
    aliases it gives. ``texts`` are all the company's sentences when the caller has them (a
    first research run), which spares reading them back; otherwise they are read."""
    if texts is None:
        texts = [f.text for f in research_store.facts(session, company.id, with_topics_only=False)]
    name = company.name
    if companies.name_source(session, company.id) == "typed":
        name = written_name(company, texts) or company.name
    learned = aliases_in(replace_name(company, name), texts)
    aliases = list(dict.fromkeys([*company.aliases, *learned]))
    if name == company.name and aliases == list(company.aliases):
        return company
    return companies.set_names(session, company.id, name=name, aliases=aliases, name_from="material")


def replace_name(company: Company, name: str) -> Company:
    from dataclasses import replace

    return replace(company, name=name)


def edit(
    runtime: Runtime,
    company_name: str,
    new_name: str | None = None,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> Company:
    """Rename a company or change its other names; research will not override a name set here."""
    with runtime.session() as session:
        company = companies.get(session, company_name)
        name = new_name.strip() if new_name is not None else company.name
        if not companies.slugify(name):
            raise UsageError(f"{new_name!r} is not a usable company name: it needs letters or digits")
        unknown = [a for a in remove if a.lower() not in {x.lower() for x in company.aliases}]
        if unknown:
            raise UsageError(f"{company.name} has no other name {unknown[0]!r}")
        dropped = {a.lower() for a in remove}
        aliases = [a for a in company.aliases if a.lower() not in dropped]
        for alias in (a.strip() for a in add):
            if not companies.slugify(alias):
                raise UsageError(f"{alias!r} is not a usable name: it needs letters or digits")
            if alias.lower() != name.lower() and alias.lower() not in {a.lower() for a in aliases}:
                aliases.append(alias)
        return companies.set_names(
            session, company.id, name=name, aliases=aliases, name_from="user" if new_name is not None else None
        )
