"""Rules on the marks of the text: pairs that open and close, what negotiation leaves behind, spaces,
quotation marks (all six languages, footnotes included, unless said otherwise).

Editorial Manual, "Paragraphs and subparagraphs", section "Identification of alternative versions of
a paragraph": while a text is negotiated, versions of a paragraph are in square brackets and labelled
bis, ter…; these terms and the brackets are removed once agreement is reached, so an issued text holds
none. Resolutions, II.H "Punctuation"; and the way adopted texts are printed (the AKN samples): one
space between words, typographic quotation marks and apostrophes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from resdesk.check.context import Context, rule_data
from resdesk.check.findings import Fix, Hit
from resdesk.check.rule import rule
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Block

TEXTS = (FORMULA, PREAMBULAR, OPERATIVE, SUBPARAGRAPH, HEADING, TEXT)

_PAIRS = {"(": ")", "[": "]", "“": "”", "«": "»", "（": "）", "【": "】", "《": "》"}
#: Russian nests „…“ inside «…» (and quotes English titles in “…”): there “ also closes „. Arabic, written
#: right to left, opens with ” and closes with “.
_PAIRS_BY_LANGUAGE = {
    "ru": {"(": ")", "[": "]", "«": "»", "„": "“", "“": "”"},
    "ar": {"(": ")", "[": "]", "«": "»", "”": "“"},
}
#: French and Spanish number sub-paragraphs "a)", "ii)": such a ")" opens nothing.
_MARKER_CLOSE = re.compile(r"(?:^|(?<=[\s(]))[a-z]{1,5}\)")


_QUOTES = "“”„«»"


def _mark(char: str) -> str:
    """How a message names a mark: “(”, or the quotation mark “ (quoting a quotation mark reads badly)."""
    return f"the quotation mark {char}" if char in _QUOTES else f"“{char}”"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _pairs(language: str) -> dict[str, str]:
    return _PAIRS_BY_LANGUAGE.get(language, _PAIRS)


_PAIR_MARKS = re.compile("[" + re.escape("".join(sorted({*_PAIRS.keys(), *_PAIRS.values(), "„"}))) + "]")


@rule("unbalanced", kinds=TEXTS, footnotes=True)
def unbalanced(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Every parenthesis, bracket and quotation mark that opens also closes (Editorial Manual, resolutions, II.H
    "Punctuation"; a bracket left open is also the trace of an unfinished negotiation)."""
    pairs = _pairs(context.language)
    closers = {close: open_ for open_, close in pairs.items()}
    markers = {m.end() - 1 for m in _MARKER_CLOSE.finditer(text)} if context.language in ("fr", "es") else set()
    stack: list[tuple[str, int]] = []
    crossed: list[str] = []  # opened inside a pair that closed first: their closers come later, "(«…)»"
    for mark in _PAIR_MARKS.finditer(text):
        position, char = mark.start(), mark.group()
        opener = closers.get(char)
        if opener is not None and position not in markers and any(open_ == opener for open_, _ in stack):
            while stack[-1][0] != opener:
                inner, _ = stack.pop()
                crossed.append(inner)
                crossing = f"{_mark(char)} closes {_mark(opener)} while {_mark(inner)} inside it is still open."
                yield Hit("unbalanced", _capital(crossing), position, position + 1)
            stack.pop()
        elif char in pairs:
            stack.append((char, position))
        elif opener in crossed:
            crossed.remove(opener)
        elif opener is not None and position not in markers:
            yield Hit("unbalanced", _capital(f"{_mark(char)} closes nothing: its {_mark(opener)} is missing."),
                      position, position + 1)
    for char, position in stack:
        yield Hit("unbalanced", _capital(f"{_mark(char)} opens and is never closed."), position, position + 1)


_PLACEHOLDER = re.compile(r"\[\s*(?:…|\.\s?\.\s?\.|x+|X+)?\s*\]")
_LABEL = re.compile(r"\b(?:PP|OP)\s?\d+(?:\s?\([a-z]+\))*(?:\s(?:alt\s\d+|[a-z]+ies|bis|ter|quater))?\b")
_ALTERNATIVE = re.compile(r"\b[Aa]lt\.?\s\d+\b")


@rule("negotiation-leftover", kinds=TEXTS)
def negotiation_leftover(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A text to be issued holds no placeholder "[…]", no negotiation label ("OP3 bis", "PP2", "alt 1")
    and no Latin suffix of a provisional paragraph ("5 bis"): Editorial Manual, "Paragraphs and
    subparagraphs", "Identification of alternative versions of a paragraph". In English, "article 8 bis"
    and the like (treaty provisions) are references, not leftovers."""
    for match in _PLACEHOLDER.finditer(text) if "[" in text else ():
        yield Hit("negotiation-leftover", f"“{match.group()}” marks text still to be written.", *match.span())
    for pattern, sign in ((_LABEL, "P"), (_ALTERNATIVE, "lt")):
        for match in pattern.finditer(text) if sign in text else ():
            yield Hit("negotiation-leftover", f"The negotiation label “{match.group()}” is left in the text.",
                      *match.span())
    if context.data:
        yield from _latin_suffixes(text, context)


@cache
def _suffix_pattern(language: str) -> re.Pattern:
    suffixes = "|".join(rule_data(language)["negotiation"]["suffixes"])
    return re.compile(rf"^(?:{suffixes})\b|(?<![\w.])\d+ ?(?:{suffixes})\b")


def _latin_suffixes(text: str, context: Context) -> Iterator[Hit]:
    """"5 bis", or "bis" opening the paragraph, unless a treaty provision ("article 8 bis")."""
    provisions = set(context.data["negotiation"]["provision_words"])
    for found in _suffix_pattern(context.language).finditer(text):
        start = found.start()
        before = text[:start].split()[-1:]
        if _LABEL.search(text, max(0, start - 6), found.end()) or (before and before[0].lower() in provisions):
            continue  # reported as a label already, or a reference to a treaty provision
        yield Hit("negotiation-leftover", f"“{text[start:found.end()]}” is a provisional label, left in the text.",
                  start, found.end())


_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


@rule("double-space", kinds=TEXTS, footnotes=True)
def double_space(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Words are separated by one space (UN texts are set with single spaces; double spaces are a trace
    of typing and are removed in editing)."""
    for match in _DOUBLE_SPACE.finditer(text) if "  " in text else ():
        yield Hit("double-space", "Two spaces where one belongs.", *match.span(), Fix(*match.span(), " "))


_OPENS_AFTER = " \u00a0([{“‘«—–-/\n"
_STRAIGHT = re.compile("[\"']")


@rule("straight-quote", kinds=TEXTS, footnotes=True)
def straight_quote(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Quotation marks and apostrophes are typographic (“ ” ‘ ’), as in every UN text: a title after
    "entitled" is in “…” (the UN's published texts; `../shared/docs/un-format.md`)."""
    for quote in _STRAIGHT.finditer(text) if '"' in text or "'" in text else ():
        position, char = quote.start(), quote.group()
        opening = position == 0 or text[position - 1] in _OPENS_AFTER
        if char == '"':
            curly = ("“" if opening else "”") if context.language == "en" else ""
            message = "Use curly quotation marks (“ ”), not straight ones."
        else:
            curly = ("‘" if opening else "’") if context.language == "en" else ("" if opening else "’")
            message = "Use the typographic apostrophe or quotation mark (’ ‘), not a straight one."
        yield Hit("straight-quote", message, position, position + 1,
                  Fix(position, position + 1, curly) if curly else None)
