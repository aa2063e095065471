"""Dates as the UN writes them in each language ("1 October 2013", "1er octobre 2013",
"1 de octubre de 2013", "1 октября 2013 года", "1 تشرين الأول/أكتوبر 2013", "2013年10月1日")
and as we store them (ISO 8601)."""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache

from resdesk.errors import UserError
from resdesk.un.languages import LANGUAGES, language

_NUMBERED = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_WORDED = r"(\d{1,2})(?:er|º|°)?\s+(?:de\s+)?(.+?)\s+(?:de\s+)?(\d{4})(?:\s+(?:года|г\.))?"


@cache
def _month_numbers() -> dict[str, int]:
    """Every way a month is named, folded to lower case -> its number (each half of an Arabic name too)."""
    months: dict[str, int] = {}
    for lang in LANGUAGES.values():
        if lang.months[0].isdigit():
            continue
        for number, name in enumerate(lang.months, start=1):
            for form in (name, *name.split("/")):
                months[form.casefold()] = number
        months.update(lang.month_aliases)
    return months


def read_date(text: str) -> str:
    """The ISO date a text writes in any of the six languages' styles or as ISO; "" if it is no date."""
    value = " ".join(text.split())
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    months = _month_numbers()
    if match := re.fullmatch(_NUMBERED, value):
        year, month, day = (int(group) for group in match.groups())
    elif (match := re.fullmatch(_WORDED, value)) and match.group(2).casefold() in months:
        day, month, year = int(match.group(1)), months[match.group(2).casefold()], int(match.group(3))
    else:
        return ""
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def parse_date(value: str) -> str:
    """A date typed by the user (any language's style, or ISO) -> ISO; anything else is a UserError."""
    iso = read_date(value)
    if not iso:
        raise UserError(f"{value.strip()!r} is not a date; write it as 1 October 2013 or 2013-10-01.")
    return iso


def format_date(iso: str, language_code: str = "en") -> str:
    """"2013-10-01" as the language writes it ("1 October 2013": no ordinal, no comma); "" for no date."""
    if not iso:
        return ""
    date = _dt.date.fromisoformat(iso)
    lang = language(language_code)
    day = lang.first_day if date.day == 1 else str(date.day)
    return lang.date_format.format(day=day, month=lang.months[date.month - 1], year=date.year,
                                   month_number=date.month)
