"""Employee accounts (text, Markdown, CSV, JSON files) and offers, from any input: read whole with
the fields checked, or refused with a message naming the file and row, never a crash."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import ANY_TEXT, FAST
from typer.testing import CliRunner

from askback.assess import accounts, offers
from askback.cli import app
from askback.errors import UsageError
from askback.store.assess import OfferRecord

DEFAULTS = accounts.AccountDraft(text="", who=None, role="", when="", source="conversation")
FIELD_VALUES = st.one_of(
    ANY_TEXT.map(lambda s: s[:60]),
    st.sampled_from(["current", "former", "Former ", "review", "conversation", "2026-09", "2026-13", ""]),
)
ROW = st.dictionaries(st.sampled_from([*accounts.FIELDS, "salary", " Text "]), FIELD_VALUES, max_size=6)


def as_csv(rows: list[dict[str, str]]) -> str:
    header = sorted({key for row in rows for key in row}) or ["text"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT.map(lambda s: s[:30]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from([*accounts.FIELDS, "x"]), inner, max_size=4)
    ),
    max_leaves=12,
)
CONTENT = st.one_of(
    st.tuples(st.just(".csv"), st.lists(ROW, max_size=4).map(as_csv)),
    st.tuples(st.just(".csv"), ANY_TEXT),
    st.tuples(st.just(".json"), st.lists(ROW, max_size=4).map(json.dumps)),
    st.tuples(st.just(".json"), JSON_VALUES.map(lambda v: json.dumps(v, allow_nan=True))),
    st.tuples(st.just(".json"), ANY_TEXT),
    st.tuples(st.sampled_from([".txt", ".md", ".markdown"]), ANY_TEXT),
)


@FAST
@given(content=CONTENT, raw=st.booleans(), noise=st.binary(max_size=40))
@example(content=(".csv", "text,who\nWe pair a lot,former\n,current\n"), raw=False, noise=b"")
def test_an_accounts_file_is_read_whole_or_refused(
    tmp_path: Path, content: tuple[str, str], raw: bool, noise: bytes
) -> None:
    suffix, text = content
    path = tmp_path / f"accounts{suffix}"
    path.write_bytes(noise + text.encode("utf-8") if raw else text.encode("utf-8"))
    try:
        drafts = accounts.read_file(path, DEFAULTS)
    except UsageError as exc:
        assert str(exc)
        return
    assert drafts
    for draft in drafts:
        assert draft.text and draft.text == draft.text.strip()
        assert draft.who in (None, *accounts.WHO) and draft.source in accounts.SOURCES


NUMBERS = st.one_of(st.floats(), st.integers(-(10**9), 10**9).map(float))


@FAST
@given(
    base=NUMBERS,
    bonus=NUMBERS,
    per_year=st.one_of(st.none(), NUMBERS),
    currency=st.sampled_from(["EUR", "usd", "EURO", ""]),
    period=st.sampled_from(["year", "month", "week"]),
    rate=st.one_of(NUMBERS.map(str), st.sampled_from(["nan", "inf", "-1", "0.92", "x"])),
)
@example(base=100.0, bonus=0.0, per_year=math.nan, currency="EUR", period="year", rate="0.92")
def test_an_offer_is_checked_or_refused_and_then_always_shown(
    base: float, bonus: float, per_year: float | None, currency: str, period: str, rate: str
) -> None:
    equity = {"value_per_year": per_year} if per_year is not None else {}
    offer = OfferRecord(
        company_id=1, title="Engineer", base=base, currency=currency, period=period, bonus_percent=bonus, equity=equity
    )
    try:
        checked = offers.check_offer(offer)
        rates = offers.parse_rates([f"{currency}={rate}"])
        shown = offers.yearly(checked, "GBP", rates).as_dict()
    except UsageError:  # refused: a bad value, or no rate for the offer's currency
        return
    assert all(math.isfinite(v) for v in (shown["base"], shown["bonus"], shown["equity"], shown["total"]))


@pytest.mark.parametrize("base", ["nan", "inf", "-inf", "0", "-1"])
def test_offers_add_with_a_non_number_is_a_usage_error(base: str) -> None:
    result = CliRunner().invoke(app, ["offers", "add", "--company", "Acme", "--base", base, "--currency", "EUR"])
    assert isinstance(result.exception, UsageError)


def test_a_huge_offer_is_refused_or_shown() -> None:
    offer = OfferRecord(company_id=1, title="Engineer", base=1e308, currency="EUR", period="month")
    try:
        checked = offers.check_offer(offer)
    except UsageError:
        return
    shown = offers.yearly(checked, "EUR", {}).as_dict()
    assert math.isfinite(shown["total"])
