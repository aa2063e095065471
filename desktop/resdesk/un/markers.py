"""Paragraph numbers and footnote markers as each language prints them, and as readers find them at the
start of a line.

Operative paragraphs are numbered "1.", "2." ("1 -" in Arabic); sub-paragraph levels run
(a) -> (i) -> a. -> i. (French, Spanish and Russian print "a)" and "i)"), then start again. Footnote
markers are "1", "2" ("(1)" in Arabic).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from resdesk.un.languages import language
from resdesk.un.numerals import letter_value, letters, roman, roman_value


def subparagraph_number(index: int, depth: int) -> str:
    """The bare number of the `index`-th (1-based) sub-paragraph at `depth` (1-based): "a", "i", …"""
    level = (depth - 1) % 4
    return letters(index) if level in (0, 2) else roman(index)


def subparagraph_marker(index: int, depth: int, language_code: str = "en") -> str:
    """How the number is printed: "(a)", "(i)", "a.", "i."; French, Spanish and Russian "a)", "i)"."""
    style = language(language_code).subparagraph_markers[(depth - 1) % 4]
    return style.format(subparagraph_number(index, depth))


def subparagraph_markers_read(index: int, depth: int, language_code: str = "en") -> set[str]:
    """The markers a reader takes for the `index`-th sub-paragraph at `depth`: the printed one, and at the
    first level the language's own letter where its older files type one ("(أ)" for "(a)" in Arabic)."""
    markers = {subparagraph_marker(index, depth, language_code)}
    own = language(language_code).subparagraph_letters
    if (depth - 1) % 4 == 0 and index <= len(own):
        markers.add(f"({own[index - 1]})")
    return markers


def operative_number(number: int, language_code: str = "en") -> str:
    """How an operative paragraph's number is printed: "3." ("3 -" in Arabic)."""
    return language(language_code).operative_number.format(number)


def footnote_marker_brackets(language_code: str) -> tuple[str, str]:
    """What stands before and after a footnote's number: ("(", ")") in Arabic, ("", "") elsewhere."""
    before, after = language(language_code).footnote_marker.split("{}")
    return before, after


def footnote_marker(number: int | str, language_code: str = "en") -> str:
    """How a footnote's marker is printed: "1" ("(1)" in Arabic)."""
    return language(language_code).footnote_marker.format(number)


#: The Latin ordinals of provisional labels: a new paragraph proposed after OP3 is "OP3 bis", the next "OP3 ter".
LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def latin_suffix(index: int) -> str:
    """1 -> "bis", 2 -> "ter", … 9 -> "decies"; past that "decies 2", "decies 3" (no common usage exists)."""
    if index <= len(LATIN_SUFFIXES):
        return LATIN_SUFFIXES[index - 1]
    return f"{LATIN_SUFFIXES[-1]} {index - len(LATIN_SUFFIXES) + 1}"


#: A provisional label's ordinal after a typed number or marker ("3 bis.", "(b) ter"), as a tracked text prints it.
_PROVISIONAL = rf"(?: (?:{'|'.join(LATIN_SUFFIXES)})(?: \d+)?)?"
#: "3." or "3 -" (older Arabic files also "3-" or "3 –"), or a provisional "3 bis."; the digits may be
#: Arabic-Indic. Up to 9999 paragraphs; a line opening with a year ("2013. The…", a wrapped sentence) does not
#: start one.
_OPERATIVE_NUMBER = rf"\s*(?!(?:19|20)\d\d\.)(\d{{1,4}}){_PROVISIONAL}(?:\.| ?[-\u2013])[\t ]+"
_SUBPARAGRAPH_MARKER = (r"\s*(?:\((?P<paren>[a-z]{1,6})\)|(?P<half>[a-z]{1,6})\)|(?P<dot>[a-z]{1,6})\.)"
                        + _PROVISIONAL + r"[\t ]+")
#: The depths a letter and a Roman numeral stand for, by how the marker is written: "(a)"/"(i)" and
#: French and Spanish "a)"/"i)" are levels 1 and 2, "a."/"i." levels 3 and 4.
_DEPTHS = {"paren": (1, 2), "half": (1, 2), "dot": (3, 4)}


class LeadingMarker(NamedTuple):
    """A sub-paragraph marker found at the start of a text."""

    number: str  # "a", "iv" (which of a letter or a numeral "i" is, only the context can tell)
    letter_depth: int  # its depth if it is a letter
    roman_depth: int  # its depth if it is a Roman numeral
    end: int  # where the text after the marker and its tab or space starts

    @property
    def letter(self) -> int:
        return letter_value(self.number)

    @property
    def roman(self) -> int:
        return roman_value(self.number)


def leading_operative_number(text: str) -> re.Match | None:
    """A typed operative number at the start of `text` ("3." or "3 -", then a tab or space); group 1 is the number
    (`int` reads Arabic-Indic digits too)."""
    return re.match(_OPERATIVE_NUMBER, text)


def leading_marker(text: str) -> LeadingMarker | None:
    """The sub-paragraph marker that opens `text` ("(a) ", "a) ", "a.\t", "(iv) "), or None."""
    match = re.match(_SUBPARAGRAPH_MARKER, text)
    if not match:
        return None
    style = next(name for name in _DEPTHS if match.group(name))
    number = match.group(style)
    if not (letter_value(number) or roman_value(number)):
        return None
    return LeadingMarker(number, *_DEPTHS[style], match.end())
