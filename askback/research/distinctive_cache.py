"""A company's distinctive terms, computed once per state of its research and kept on disk.

Finding them reads every sentence the company wrote (a handbook has over 10,000), which takes
seconds; a plan needs them in milliseconds. The cache key is the company, its number of
sentences and its newest sentence id, so any new research recomputes them, and the version of
the background and the scoring, so an upgrade does too.
"""

from __future__ import annotations

import json
from contextlib import suppress

from sqlalchemy.orm import Session

from askback import config
from askback.core.models import Company
from askback.research import distinctive
from askback.store import research as research_store


def for_company(session: Session, company: Company) -> distinctive.Distinctive:
    count, newest = research_store.fact_signature(session, company.id)
    if count == 0:
        return distinctive.Distinctive((), 0)
    key = f"{company.id}-{count}-{newest}-{distinctive.background_version()}"
    path = config.home() / "cache" / "distinctive" / f"{company.slug}-{key}.json"
    if path.exists():
        with suppress(ValueError, KeyError, TypeError):  # a damaged cache file is rebuilt below
            return distinctive.from_json(json.loads(path.read_text(encoding="utf-8")))
    facts = research_store.facts(session, company.id, with_topics_only=False)
    found = distinctive.find(facts, (company.name, company.slug, *company.aliases))
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"{company.slug}-{company.id}-*.json"):
        old.unlink(missing_ok=True)
    path.write_text(json.dumps(distinctive.to_json(found)), encoding="utf-8")
    return found
