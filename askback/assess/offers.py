"""Offers as yearly figures in one currency, so a monthly salary with a bonus can be set beside
a yearly one with options.

Exchange rates come from the user (``USD=0.92``: one US dollar is 0.92 of the target
currency): askback works offline and a silently stale rate would mislead, so a missing rate
is an error rather than a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from askback.errors import UsageError
from askback.store.assess import OfferRecord

PERIODS = {"year": 1, "month": 12}
EQUITY_KINDS = ("options", "rsu", "shares")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Yearly:
    """One offer per year in the target currency."""

    offer: OfferRecord
    currency: str
    rate: float  # target currency per unit of the offer's currency
    base: float
    bonus: float
    equity: float

    @property
    def total(self) -> float:
        return self.base + self.bonus + self.equity

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.offer.title,
            "currency": self.currency,
            "base": round(self.base),
            "bonus": round(self.bonus),
            "equity": round(self.equity),
            "total": round(self.total),
            "offer_currency": self.offer.currency,
            "rate": self.rate,
            "location": self.offer.location,
            "start": self.offer.start,
            "deadline": self.offer.deadline.isoformat() if self.offer.deadline else None,
        }


MAX_BONUS_PERCENT = 100.0


def currency_code(value: str) -> str:
    """An ISO 4217 code, upper-cased; the list of codes is Babel's (CLDR), not our own."""
    from babel.numbers import list_currencies

    code = value.strip().upper()
    if not _CURRENCY.match(code) or code not in list_currencies():
        raise UsageError(f"a currency is an ISO 4217 code such as EUR or USD, not {value!r}")
    return code


def parse_rates(values: Sequence[str] | None) -> dict[str, float]:
    """``["USD=0.92", "GBP=1.17"]`` -> ``{"USD": 0.92, "GBP": 1.17}``."""
    rates: dict[str, float] = {}
    for value in values or ():
        code, sep, number = value.partition("=")
        try:
            rate = float(number)
        except ValueError:
            rate = -1.0
        if not sep or not math.isfinite(rate) or rate <= 0:
            raise UsageError(f"a rate looks like USD=0.92 (one USD in your currency), not {value!r}")
        rates[currency_code(code)] = rate
    return rates


def equity_per_year(equity: Mapping[str, Any]) -> float:
    """A yearly value: given directly, or units times value per unit spread over the vesting years.

    The cliff delays the first year's shares but does not change the yearly average over the
    full vesting period, which is what makes offers comparable.
    """
    if not equity:
        return 0.0
    if equity.get("value_per_year") is not None:
        return float(equity["value_per_year"])
    units, price = float(equity.get("amount", 0)), float(equity.get("value_per_unit", 0))
    years = float(equity.get("vesting_years") or 4)
    return units * price / years


def check_equity(equity: Mapping[str, Any]) -> dict[str, Any]:
    """The equity fields, validated: what the CLI, the demo and the web app all store."""
    clean = {k: v for k, v in equity.items() if v is not None}
    if not clean:
        return {}
    kind = clean.get("kind", "options")
    if kind not in EQUITY_KINDS:
        raise UsageError(f"equity kind is one of {', '.join(EQUITY_KINDS)}, not {kind!r}")
    numbers = ("amount", "value_per_unit", "vesting_years", "cliff_years", "value_per_year")
    for key in numbers:
        value = clean.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise UsageError(f"equity {key.replace('_', ' ')} must be a number of at least 0, not {clean[key]!r}")
    if "value_per_year" not in clean and not ("amount" in clean and "value_per_unit" in clean):
        raise UsageError("equity needs a value per year, or a number of units and a value per unit")
    if clean.get("vesting_years", 1) == 0:
        raise UsageError("equity vesting years must be above 0")
    return {"kind": kind, **{k: clean[k] for k in numbers if k in clean}}


MAX_BASE = 1e10  # far above any salary, far below where yearly sums overflow


def check_offer(offer: OfferRecord) -> OfferRecord:
    if not math.isfinite(offer.base) or not math.isfinite(offer.bonus_percent):
        raise UsageError("base pay and bonus must be numbers")
    if offer.base <= 0:
        raise UsageError(f"base pay must be above 0, not {offer.base:g}")
    if offer.base > MAX_BASE:
        raise UsageError(f"base pay must be at most {MAX_BASE:,.0f}, not {offer.base:g}")
    if offer.period not in PERIODS:
        raise UsageError(f"period is year or month, not {offer.period!r}")
    if not 0 <= offer.bonus_percent <= MAX_BONUS_PERCENT:
        raise UsageError(f"bonus percent must be from 0 to {MAX_BONUS_PERCENT:g}, not {offer.bonus_percent:g}")
    currency_code(offer.currency)
    check_equity(offer.equity)
    return offer


def yearly(offer: OfferRecord, currency: str, rates: Mapping[str, float]) -> Yearly:
    """``offer`` per year in ``currency``; raises :class:`UsageError` naming a missing rate."""
    rate = 1.0 if offer.currency == currency else rates.get(offer.currency)
    if rate is None:
        raise UsageError(
            f"no exchange rate from {offer.currency} to {currency}: add --rate {offer.currency}=N "
            f"(N {currency} for one {offer.currency})"
        )
    base = offer.base * PERIODS[offer.period]
    bonus = base * offer.bonus_percent / 100
    return Yearly(offer, currency, rate, base * rate, bonus * rate, equity_per_year(offer.equity) * rate)


def target_currency(offers: Sequence[OfferRecord], requested: str | None) -> str | None:
    """The currency to compare in: the one asked for, else the offers' own if they share one."""
    if requested:
        return currency_code(requested)
    codes = sorted({o.currency for o in offers})
    if len(codes) > 1:
        raise UsageError(
            f"the offers are in {', '.join(codes)}: choose one with --currency and give --rate for the others"
        )
    return codes[0] if codes else None
