"""Dates as the UN writes them ("1 October 2013") and as we store them (ISO 8601)."""

from __future__ import annotations

import datetime as _dt
import re

from resdesk.errors import UserError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def parse_date(value: str) -> str:
    """"1 October 2013" or "2013-10-01" -> "2013-10-01"; anything else is a UserError."""
    value = value.strip()
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", value)
    if match and match.group(2).capitalize() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS.index(match.group(2).capitalize()) + 1, int(match.group(3))
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    raise UserError(f"{value!r} is not a date; write it as 1 October 2013 or 2013-10-01.")


def un_date(iso: str) -> str:
    """"2013-10-01" -> "1 October 2013" (the UN's style: no ordinal, no comma)."""
    if not iso:
        return ""
    date = _dt.date.fromisoformat(iso)
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
