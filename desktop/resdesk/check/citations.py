"""Rules on citing resolutions and writing dates (English).

Editorial Manual, "Resolutions and other formal decisions of United Nations organs": I.B
"Resolutions and decisions of the General Assembly" and I.C "… of the Security Council" (how
resolutions are identified: "resolution 31/1", "resolutions 31/6 A and B", Security Council
resolutions with their year), II.J "References to other resolutions and decisions"; and the page
"Numbers, dates and time", section "Dates" (day, month, year, without ordinal or comma:
"19 December 2006"). Month names come from `resdesk.un.languages`, the program's one language table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resdesk.check.context import Context
from resdesk.check.findings import Fix, Hit
from resdesk.check.rule import rule
from resdesk.errors import UserError
from resdesk.model.document import Block
from resdesk.un.dates import parse_date
from resdesk.un.languages import ENGLISH

MONTHS = ENGLISH.months

_MONTHS = "(?:" + "|".join(MONTHS) + ")"
_MONTH = f"(?P<month>{_MONTHS})"
_ORDINAL = r"(?:st|nd|rd|th)"
#: "June 29, 2012", "June 29th 2012"
_MONTH_FIRST = re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}}){_ORDINAL}?,? (?P<year>\d{{4}})\b")
#: "29th June 2012", "29th of June, 2012", "29 June, 2012"
_DAY_FIRST = re.compile(rf"\b(?P<day>\d{{1,2}})(?P<ordinal>{_ORDINAL})?(?P<of> of)? {_MONTH}(?P<comma>,)? "
                        rf"(?P<year>\d{{4}})\b")
#: "June 29" without a year (a year after it is the first pattern's)
_MONTH_DAY = re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}}){_ORDINAL}?\b(?!,? \d)")
_DATE = re.compile(rf"\b(?P<day>\d{{1,2}}) {_MONTH} (?P<year>\d{{4}})\b")


def _has_month(text: str) -> bool:
    """A quick look before the date patterns: most paragraphs hold no date."""
    return any(month in text for month in MONTHS)


def _un_date(match: re.Match) -> str:
    return f"{int(match['day'])} {match['month']} {match['year']}"


@rule("date-format", footnotes=True, english=True)
def date_format(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A date is written day, month, year, with no ordinal and no comma: "19 December 2006", not
    "December 19, 2006" or "19th December, 2006" (Editorial Manual, "Numbers, dates and time", "Dates")."""
    if not _has_month(text):
        return
    for match in _MONTH_FIRST.finditer(text):
        yield Hit("date-format", f"Write the date as the UN does: “{_un_date(match)}”.", match.start(), match.end(),
                  Fix(match.start(), match.end(), _un_date(match)))
    for match in _MONTH_DAY.finditer(text):
        day = f"{int(match['day'])} {match['month']}"
        yield Hit("date-format", f"Write the date as the UN does: “{day}”.", match.start(), match.end(),
                  Fix(match.start(), match.end(), day))
    for match in _DAY_FIRST.finditer(text):
        if match["ordinal"] or match["of"] or match["comma"]:
            yield Hit("date-format", f"Write the date as the UN does: “{_un_date(match)}” (no ordinal, no comma).",
                      match.start(), match.end(), Fix(match.start(), match.end(), _un_date(match)))


@rule("date-invalid", footnotes=True, english=True)
def impossible_date(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A date that cannot exist ("31 June 2012", "29 February 2013") is a typing error to be checked
    against the source (Editorial Manual, "Numbers, dates and time", "Dates")."""
    for match in _DATE.finditer(text) if _has_month(text) else ():
        try:
            parse_date(match.group())
        except UserError:
            yield Hit("date-invalid", f"“{match.group()}” is not a date: check the day against the source.",
                      match.start(), match.end())


_SYMBOL = re.compile(r"\b(?P<before>(?:General Assembly |Security Council |Economic and Social Council )?"
                     r"(?P<word>resolutions?|decisions?) )?(?P<prefix>[ASE]/(?:RES|DEC))/(?P<number>[\w/.-]+\d)"
                     r"(?P<year> \(\d{4}\))?")


@rule("citation-symbol", english=True)
def citation_symbol(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A resolution is cited by its number, not by its document symbol: "resolution 61/171", not
    "A/RES/61/171"; a Security Council resolution with its year, "resolution 1757 (2007)" (Editorial
    Manual, resolutions, I "System of identification" and II.J "References to other resolutions")."""
    names = context.data["citations"]["symbols"]
    for match in _SYMBOL.finditer(text) if "/RES/" in text or "/DEC/" in text else ():
        prefix = match["prefix"]
        if prefix not in names:
            continue
        number = match["number"]
        if prefix == "S/RES":
            number = re.sub(r"\s*\(\d{4}\)$", "", number)
            cited = f"{number}{match['year'] or ' (YEAR)'}"
        else:
            cited = number
        if match["word"]:
            start = match.start("prefix")
            replacement = cited
        else:
            start = match.start()
            replacement = f"{names[prefix]} {cited}"
        end = match.end()
        fix = None if "(YEAR)" in replacement else Fix(start, end, replacement)
        yield Hit("citation-symbol", f"Cite the resolution by its number: “{replacement}”, not its symbol.",
                  start, end, fix)


_GA_NUMBER = r"\d{1,3}/\d{1,4}(?: [A-Z](?: and [A-Z])?)?"
_SC_NUMBER = r"\d{2,4} \(\d{4}\)"
_CITATION = rf"(?:{_GA_NUMBER}|{_SC_NUMBER})(?: of \d{{1,2}} {_MONTHS} \d{{4}})?"
_SINGULAR_LIST = re.compile(rf"\b(?P<word>resolution|decision) {_CITATION}(?:, {_CITATION})* and "
                            rf"(?:{_GA_NUMBER}|{_SC_NUMBER})")


@rule("citation-plural", english=True)
def citation_plural(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Two or more resolutions cited together are "resolutions 66/171 and 66/178", in the plural
    (Editorial Manual, resolutions, I.B: "resolutions 31/6 A and B")."""
    for match in _SINGULAR_LIST.finditer(text) if "resolution " in text or "decision " in text else ():
        end = match.end("word")
        plural = f"{match['word']}s"
        yield Hit("citation-plural", f"Several are cited: write “{plural}”.", match.start(), match.end(),
                  Fix(match.start("word"), end, plural))


_COUNCIL = re.compile(r"\b(?:Security )?Council resolutions? (?P<list>\d{2,4}(?: ?\(\d{4}\))?"
                      r"(?:(?:, | and )\d{2,4}(?: ?\(\d{4}\))?)*)(?![\w/])")
_ROMAN_SESSION = re.compile(r" ?\([IVXLC]+\)")
_COUNCIL_ITEM = re.compile(r"(?P<number>\d{2,4})(?P<space> ?)(?P<year>\(\d{4}\))?")


@rule("citation-council-year", footnotes=True, english=True)
def council_year(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A Security Council resolution is cited with its year in parentheses, "resolution 1757 (2007)"
    (Editorial Manual, resolutions, I.C "Resolutions and decisions of the Security Council")."""
    for match in _COUNCIL.finditer(text) if "Council resolution" in text else ():
        offset = match.start("list")
        for item in _COUNCIL_ITEM.finditer(match["list"]):
            start, end = offset + item.start(), offset + item.end()
            if _ROMAN_SESSION.match(text, end):
                continue  # an Economic and Social Council resolution of the old style, "1296 (XLIV)"
            if not item["year"]:
                yield Hit("citation-council-year", f"Cite Security Council resolution {item['number']} with its "
                          f"year: “resolution {item['number']} (YEAR)”.", start, end)
            elif not item["space"]:
                yield Hit("citation-council-year", "Put a space before the year of a Security Council resolution.",
                          start, end, Fix(offset + item.end("number"), offset + item.end("number"), " "))
