"""Load the demo company and a demo candidate profile into the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from askback.core.models import Company, Profile
from askback.research.service import ResearchSummary, research
from askback.store import companies, profiles
from askback.store.db import Database

DEMO_DIR = Path(__file__).parent
SITE_DIR = DEMO_DIR / "site"


@dataclass(frozen=True)
class DemoCompany:
    name: str
    slug: str
    url: str
    about: str
    profile: Profile
    site: Path


def demo_company() -> DemoCompany:
    import yaml

    raw = yaml.safe_load((DEMO_DIR / "company.yaml").read_text(encoding="utf-8"))
    p = raw.get("profile", {})
    return DemoCompany(
        name=raw["name"],
        slug=raw["slug"],
        url=raw["url"],
        about=raw.get("about", ""),
        profile=Profile(
            role=p.get("role", ""),
            seniority=p.get("seniority", ""),
            priorities={k: float(v) for k, v in p.get("priorities", {}).items()},
            signals=tuple(p.get("signals", ())),
        ),
        site=SITE_DIR,
    )


def load_demo(db: Database) -> tuple[Company, Profile, ResearchSummary]:
    """Register and research the demo company; give the user the demo profile if they have none.

    Research is incremental, so running the demo again costs little.
    """
    demo = demo_company()
    with db.session() as session:
        company = companies.ensure(session, demo.name, url=demo.url, about=demo.about)
        profile = profiles.load(session)
        if profile is None:
            profiles.save(session, demo.profile)
            profile = demo.profile
    summary = research(db, demo.name, [str(demo.site)])
    return company, profile, summary
