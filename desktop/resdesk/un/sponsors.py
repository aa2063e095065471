"""Sponsor lists: one split (text -> names), one join (names -> "Andorra, Brazil and Chile") and the
sponsor line ("Brazil and Norway: draft resolution"), in the document's language; the sponsors line of
an amendment document ("Brazil and Chile: amendments to draft resolution A/C.3/68/L.5").

A list is cut at its separators (", " and the conjunction before the last name) but never inside
parentheses ("Fiji (on behalf of the Group of 77 and China)") nor inside the name of a delegation
that contains a separator ("Trinidad and Tobago", "São Tomé and Príncipe", "Canada, Australia and
New Zealand"): the bundled delegations (`resources/delegations.json`) and any names the caller
knows, matched whatever their accents ("São Tomé" is "Sao Tome").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from resdesk.resources import resource
from resdesk.un.languages import LANGUAGES, LIST_SEPARATORS, language

_OPENING = "(（"
_CLOSING = ")）"
#: Conjunctions and separators written against a name without a space (Arabic "و", Chinese "和", "、").
_JOINED = "[و和、]"


@cache
def bundled_names() -> tuple[str, ...]:
    """Full and short names of the bundled delegations."""
    data = json.loads(resource("delegations.json").read_text(encoding="utf-8"))
    names: list[str] = []
    for item in data["delegations"]:
        names += [name for name in (item["name"], item.get("short_name", "")) if name and name not in names]
    return tuple(names)


@cache
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFD", char)[0].lower()
    return folded if len(folded) == 1 else char


def _fold(text: str) -> str:
    """`text` lower-cased without accents, character for character (offsets stay valid)."""
    return text.translate({ord(char): _fold_char(char) for char in set(text)})


@cache
def _separators(code: str) -> re.Pattern:
    """Where a list in the language is cut: its separator, and its conjunctions as whole words."""
    lang = LANGUAGES[code]
    commas = re.escape(lang.list_separator.strip()) + ","
    words = [lang.conjunction.strip(), *lang.other_conjunctions]
    if lang.unspaced:
        joined = rf"\s*(?:{'|'.join(map(re.escape, words))})\s*"
    elif not lang.conjunction.endswith(" "):  # Arabic joins "و" to the next name
        joined = rf"\s+(?:{'|'.join(map(re.escape, words))})(?=\S)"
    else:
        joined = rf"\s+(?:{'|'.join(map(re.escape, words))})\s+"
    after_comma = joined.removeprefix(r"\s+").removeprefix(r"\s*")
    return re.compile(rf"\s*[{commas}]\s*(?:{after_comma})?|{joined}")


@cache
def _bundled_to_protect(separators: re.Pattern) -> frozenset[str]:
    return frozenset(_fold(name) for name in bundled_names() if separators.search(name))


def _protected(text: str, separators: re.Pattern, known: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of `text` that are delegation names the separators would cut (longest names first)."""
    folded = _fold(text)
    spans: list[tuple[int, int]] = []
    names = _bundled_to_protect(separators) | {_fold(name.strip()) for name in known if separators.search(name.strip())}
    for name in sorted(names, key=len, reverse=True):
        if name not in folded:
            continue
        for match in re.finditer(rf"(?:(?<!\w)|(?<={_JOINED})){re.escape(name)}(?:(?!\w)|(?={_JOINED}))", folded):
            start, end = match.span()
            if not any(start < e and s < end for s, e in spans):
                spans.append((start, end))
    return spans


def split_sponsors(text: str, language_code: str = "en", known: Iterable[str] = ()) -> list[str]:
    """ "Andorra, Brazil and Chile" -> ["Andorra", "Brazil", "Chile"]; `known` adds names to keep whole
    (a document's own delegations)."""
    text = " ".join(text.split())
    separators = _separators(language(language_code).code)
    protected = _protected(text, separators, known)
    names, start, depth, scanned = [], 0, 0, 0
    for match in separators.finditer(text):
        for char in text[scanned:match.start()]:
            depth += (char in _OPENING) - (char in _CLOSING)
        scanned = match.start()
        inside = any(s < match.end() and match.start() < e for s, e in protected)
        if depth > 0 or inside:
            continue
        names.append(text[start:match.start()])
        start = match.end()
    names.append(text[start:])
    return [name.strip() for name in names if name.strip()]


def join_sponsors(names: list[str], language_code: str = "en") -> str:
    """["Andorra", "Brazil", "Chile"] -> "Andorra, Brazil and Chile" (in the language's words)."""
    lang = language(language_code)
    if len(names) <= 1:
        return "".join(names)
    return lang.list_separator.join(names[:-1]) + lang.conjunction + names[-1]


def sponsor_line(names: list[str], language_code: str = "en", *, revised: bool = False) -> str:
    """ "Brazil and Norway: draft resolution" ("revised draft resolution" for a revision); "" without sponsors."""
    if not names:
        return ""
    lang = language(language_code)
    words = lang.revised_draft_resolution if revised else lang.draft_resolution
    return f"{join_sponsors(names, language_code)}{lang.sponsor_colon}{words}"


def amendments_line(names: list[str], draft_symbol: str, count: int = 2) -> str:
    """ "Brazil and Chile: amendments to draft resolution A/C.3/68/L.5" ("amendment" for one), in English: the
    language our amendment instructions are written in."""
    lang = language("en")
    words = "amendments" if count != 1 else "amendment"
    return f"{join_sponsors(names, 'en')}{lang.sponsor_colon}{words} to {lang.draft_resolution} {draft_symbol}"


class SponsorLine(NamedTuple):
    names: list[str]
    language: str
    revised: bool


def _words(phrase: str) -> str:
    return r"\s+".join(map(re.escape, phrase.split()))


@cache
def _lines() -> list[tuple[str, re.Pattern]]:
    """Each language's sponsor line as a pattern, compiled on first use."""
    return [(code, re.compile(rf"(?P<names>.+?)\s*[:：]\s*(?:(?P<revised>{_words(lang.revised_draft_resolution)})"
                              rf"|{_words(lang.draft_resolution)})\.?", re.IGNORECASE))
            for code, lang in LANGUAGES.items()]


def read_sponsor_line(text: str) -> SponsorLine | None:
    """The sponsors of a sponsor line in any of the six languages, or None if `text` is not one."""
    text = " ".join(text.split())
    for code, pattern in _lines():
        match = pattern.fullmatch(text)
        if match:
            return SponsorLine(split_sponsors(match.group("names"), code), code, bool(match.group("revised")))
    return None


#: The conjunctions written as a word of their own (not the Arabic "و" nor the Chinese "和").
_CONJUNCTIONS = sorted({word for lang in LANGUAGES.values() if lang.conjunction[:1] == lang.conjunction[-1:] == " "
                        for word in (lang.conjunction.strip(), *lang.other_conjunctions)})
_OPEN_END = rf"(?:[{LIST_SEPARATORS}]|\s(?:{'|'.join(_CONJUNCTIONS)}))$"


def continues_list(line: str) -> bool:
    """Whether a line ends inside a list of names (with a separator or "and"): a long sponsor line wraps so."""
    return bool(re.search(_OPEN_END, line.rstrip()))
