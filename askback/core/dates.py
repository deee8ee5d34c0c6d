"""Dates the user types: ``2026-12-10``, ``2026-12-10 14:30`` or ``2026-12-10T14:30``.

ISO dates only: "next Tuesday" means different days to different people and a wrong interview
date is worse than a refused one.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from askback.errors import UsageError

_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")


def parse_day(text: str, what: str = "date") -> date:
    day, time = parse_when(text, what)
    if time:
        raise UsageError(f"a {what} is a day such as 2026-12-10, not {text!r}")
    return day


def parse_when(text: str, what: str = "date") -> tuple[date, str]:
    """(the day, ``HH:MM`` or "") from ``YYYY-MM-DD`` with an optional time."""
    match = _DATE_TIME.match(text.strip())
    if match is None:
        raise UsageError(f"a {what} looks like 2026-12-10 or 2026-12-10 14:30, not {text!r}")
    try:
        day = datetime.strptime(match.group(1), "%Y-%m-%d").date()
    except ValueError:
        raise UsageError(f"{match.group(1)} is not a day of the calendar") from None
    if match.group(2) is None:
        return day, ""
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise UsageError(f"{match.group(2)}:{match.group(3)} is not a time of day")
    return day, f"{hour:02d}:{minute:02d}"
