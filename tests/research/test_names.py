"""A company's names: as it writes itself, and the other names it goes by."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from askback.core.models import Company
from askback.errors import NotFoundError, UsageError
from askback.research import names
from askback.runtime import Runtime
from askback.store import companies
from askback.store.research import FactDraft, save_page


def test_the_name_is_the_spelling_the_material_uses_most() -> None:
    typed = Company(id=1, slug="civicactions", name="civicactions")
    texts = [
        "CivicActions is remote.",
        "At CivicActions we work in sprints.",
        "CivicActions' team is small.",
        "civicactions.com",
    ]
    assert names.written_name(typed, texts) == "CivicActions"


def test_a_spelling_seen_once_is_not_enough() -> None:
    typed = Company(id=1, slug="acme", name="acme")
    assert names.written_name(typed, ["ACME makes anvils."]) is None


def test_other_names_come_from_name_in_brackets() -> None:
    company = Company(id=1, slug="technology-transformation-services", name="Technology Transformation Services")
    texts = ["Technology Transformation Services (TTS) builds tools."] * 3 + ["We are part of GSA (General Services)."]
    assert names.aliases_in(company, texts) == ["TTS"]


def add_facts(runtime: Runtime, company: Company, texts: list[str]) -> None:
    with runtime.session() as session:
        drafts = [FactDraft(i, (), t, str(i), [], []) for i, t in enumerate(texts)]
        save_page(
            session,
            company.id,
            source="folder",
            ref="about.md",
            content_type="text/markdown",
            title="About",
            content_hash="hash",
            fetched_at=datetime.now(UTC),
            facts=drafts,
        )


def test_research_renames_a_typed_name_but_never_one_the_user_chose(runtime: Runtime) -> None:
    with runtime.session() as session:
        company = companies.ensure(session, "civicactions")
    add_facts(runtime, company, ["CivicActions is remote.", "CivicActions has a guidebook.", "CivicActions pays well."])
    with runtime.session() as session:
        assert names.learn(session, company).name == "CivicActions"
    names.edit(runtime, "civicactions", new_name="Civic Actions Inc")
    with runtime.session() as session:
        again = names.learn(session, companies.get(session, "civicactions"))
    assert again.name == "Civic Actions Inc"


def test_an_alias_finds_the_company_and_can_be_removed(runtime: Runtime) -> None:
    with runtime.session() as session:
        companies.ensure(session, "18F")
    edited = names.edit(runtime, "18f", add=["GSA TTS"])
    assert edited.aliases == ("GSA TTS",)
    with runtime.session() as session:
        assert companies.get(session, "gsa-tts").name == "18F"
    assert names.edit(runtime, "18F", remove=["gsa tts"]).aliases == ()
    with runtime.session() as session, pytest.raises(NotFoundError):
        companies.get(session, "GSA TTS")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"new_name": "!!!"}, "not a usable company name"), ({"remove": ["Nobody"]}, "has no other name 'Nobody'")],
)
def test_bad_name_edits_are_one_clear_line(runtime: Runtime, kwargs: dict[str, object], message: str) -> None:
    with runtime.session() as session:
        companies.ensure(session, "Acme")
    with pytest.raises(UsageError, match=message):
        names.edit(runtime, "Acme", **kwargs)  # type: ignore[arg-type]
