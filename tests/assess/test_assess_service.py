"""The services the CLI and the web app call: accounts, corroboration and the comparison."""

from __future__ import annotations

import json

import pytest
from assess_helpers import FIXTURES, PRIORITIES
from embedders import WordsEmbedder

from askback.assess import service
from askback.assess.accounts import AccountDraft, read_file
from askback.errors import NotFoundError, UsageError
from askback.runtime import Runtime

NO_DEFAULTS = AccountDraft(text="")


def test_two_people_saying_the_same_in_different_words_is_corroborated(runtime: Runtime) -> None:
    service.add_accounts(runtime, "Acme", read_file(FIXTURES / "accounts.csv", NO_DEFAULTS))
    summary = service.accounts_summary(runtime, "acme")
    [corroborated] = summary.corroborated
    assert corroborated.people == 2
    assert "three weeks" in corroborated.text
    assert {s.account_id for s in corroborated.statements} == {r.id for r in summary.accounts}
    assert summary.by_category()[corroborated.category]["corroborated"] == [corroborated]


def test_one_person_saying_it_twice_counts_once(runtime: Runtime) -> None:
    service.add_accounts(runtime, "Solo", read_file(FIXTURES / "one-person.md", AccountDraft("", who="former")))
    summary = service.accounts_summary(runtime, "solo")
    assert summary.corroborated == []
    [repeated] = [g for g in summary.groups if len(g.statements) == 2]
    assert repeated.people == 1 and repeated.bucket == "single-claim"


def test_sentences_are_stored_classified_with_their_flags(runtime: Runtime) -> None:
    [(account_id, new)] = service.add_accounts(
        runtime,
        "Acme",
        [AccountDraft("They say we are like a family. On-call is paid extra, 300 euros a week.", who="current")],
    )
    assert new
    _, record = service.get_account(runtime, account_id)
    # paid on-call is the green flag "Sustainable, paid on-call" (askback taxonomy flags)
    assert [(s.kind, s.flags) for s in record.sentences] == [
        ("opinion", ("like-a-family",)),
        ("claim", ("sustainable-on-call",)),
    ]


def test_the_database_caches_the_user_s_sentences_and_not_the_models_examples(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flag and claim examples askback ships are cached once per machine, in a file.

    Another embedder than the one the shipped fits were made with fits its own reader; a few
    hundred training sentences show where their vectors go as well as nine thousand would."""
    from sqlalchemy import func, select

    from askback import config
    from askback.assess import claims, flags
    from askback.store.models import EmbeddingRow

    few_flags, few_claims = flags.training_sentences()[:300], claims.training_rows()[:300]
    monkeypatch.setattr(flags, "training_sentences", lambda: few_flags)
    monkeypatch.setattr(claims, "training_rows", lambda: few_claims)

    said = "They say we are like a family. On-call is paid extra, 300 euros a week."
    service.add_accounts(Runtime(runtime.db, embedder=WordsEmbedder()), "Acme", [AccountDraft(said, who="current")])
    with runtime.session() as session:
        assert session.scalar(select(func.count()).select_from(EmbeddingRow)) == 2  # the account's two sentences
    assert list((config.home() / "cache").glob("vectors-*.npz"))


def test_the_same_account_twice_is_stored_once(runtime: Runtime) -> None:
    draft = AccountDraft("Pay is fair and reviews are quick.", who="current")
    first = service.add_accounts(runtime, "Acme", [draft])
    second = service.add_accounts(runtime, "Acme", [draft])
    assert second == [(first[0][0], False)]
    assert len(service.list_accounts(runtime, "acme")[1]) == 1


def test_a_bad_account_stores_none_of_them(runtime: Runtime) -> None:
    with pytest.raises(UsageError, match="who is current or former"):
        service.add_accounts(runtime, "Acme", [AccountDraft("Fine."), AccountDraft("Also fine.", who="boss")])
    with pytest.raises(NotFoundError):
        service.list_accounts(runtime, "acme")


def test_compare_ranks_and_explains(two_companies: Runtime) -> None:
    result = service.compare(two_companies, ["Good Co", "busy-co"], "EUR", {"USD": 0.9}, PRIORITIES)
    assert [c.company.slug for c in result.companies] == ["good-co", "busy-co"]
    good, busy = result.companies
    assert good.total > busy.total
    assert good.categories["growth"].score > busy.categories["growth"].score
    assert any(e.kind == "category-rating" for e in good.categories["growth"].evidence)
    assert {f.match.flag.id for f in busy.flags} >= {"like-a-family", "wear-many-hats"}
    assert busy.categories["culture"].score < 5
    assert good.offer is not None and good.offer.total == 72_000
    assert busy.offer is not None and busy.offer.total == pytest.approx(99_000)
    assert busy.pay == 10.0 and good.pay == pytest.approx(72_000 / 99_000 * 10)
    assert good.unknowns and all(u.question is not None for u in good.unknowns)
    [(company, disagreement)] = result.disagreements
    assert company.slug == "good-co" and disagreement.reason == "rated 4/5 and 2/5"
    assert [f.priority for f in result.sensitivity] == ["mentoring", "remote", "pay"]
    data = json.loads(json.dumps(result.as_dict()))
    assert data["ranking"] == ["good-co", "busy-co"]
    assert data["companies"][0]["categories"]["growth"]["evidence"]


def test_compare_needs_a_rate_for_every_other_currency(two_companies: Runtime) -> None:
    with pytest.raises(UsageError, match="no exchange rate from USD to EUR"):
        service.compare(two_companies, ["good-co", "busy-co"], "EUR", {}, PRIORITIES)


def test_compare_names_an_unknown_company(two_companies: Runtime) -> None:
    with pytest.raises(NotFoundError, match="no company called 'nope'"):
        service.compare(two_companies, ["good-co", "nope"], "EUR", {"USD": 0.9}, PRIORITIES)


def test_offers_are_listed_per_year_in_one_currency(two_companies: Runtime) -> None:
    found = service.list_offers(two_companies, None, "EUR", {"USD": 0.9})
    assert [(c.slug, round(y.total)) for c, y in found] == [("good-co", 72_000), ("busy-co", 99_000)]


def test_the_models_are_trained_once_per_runtime_not_per_request(runtime: Runtime) -> None:
    # A web server answers many requests with one runtime: refitting the claim models on each
    # (the stance of every training sentence, read again) made each page seconds slower.
    with runtime.session() as session:
        first = service.Models(session, runtime)
    with runtime.session() as session:
        second = service.Models(session, runtime)
    assert second.claims is first.claims
    assert second.flags is first.flags
