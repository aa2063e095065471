"""Rules on writing numbers (English).

Editorial Manual, "Numbers, dates and time": "Numbers expressed in words" (numbers under 10, and
any number that opens a sentence), "Numbers expressed in figures" (10 and above; percentages,
always in figures, with "per cent" written out; decimals; measures and sums of money), "Millions,
billions and trillions" and "Numbers occurring together or in a series" (a series keeps the style
of its highest number). Numbers that are names or references stay as they are: "Goal 3",
"article 6", "chapter 4", "the 2030 Agenda", "Supplement No. 23" (the words are in
`resources/check/en.toml`). Tables and headings are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from resdesk.check.context import Context, rule_data
from resdesk.check.findings import Fix, Hit
from resdesk.check.rule import rule
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Block
from resdesk.un.languages import ENGLISH

MONTHS = ENGLISH.months

RUNNING_TEXT = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, TEXT)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_BEFORE = re.compile(r"([\w$.]+)\W*$")
_WORDS_AFTER = re.compile(r"\s*([\w.%°$-]+)(?:\s+([\w.-]+))?(?:\s+([\w.-]+))?")
#: The numbers of a list before a figure ("articles 4 and ", "paragraphs 1, 2 and "): its head word decides.
_LIST_TAIL = re.compile(r"(?:\d+(?:\s?\([a-z]{1,5}\))*(?:,\s|\s(?:and|or|to)\s|[–-]))+$")


def number_words(value: int, data: dict) -> str:
    """3 -> "three", 42 -> "forty-two" (0 to 99; larger numbers are written in figures anyway)."""
    numbers = data["numbers"]
    if value < 10:
        return numbers["units"][value]
    if value < 20:
        return numbers["teens"][value - 10]
    tens, units = divmod(value, 10)
    return numbers["tens"][tens] + (f"-{numbers['units'][units]}" if units else "")


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


class _Numbers:
    """The English number data, compiled once."""

    def __init__(self, data: dict):
        numbers = data["numbers"]
        self.data = data
        self.references = frozenset(numbers["reference_words"])
        self.units = frozenset(numbers["unit_words"])
        self.following = tuple(numbers["following_phrases"])
        self.preceding = tuple(numbers["preceding_words"])
        self.months = frozenset(MONTHS)
        self.abbreviations = frozenset(data["words"]["abbreviations"])
        names = sorted(numbers["names"], key=len, reverse=True)
        self.names = re.compile("|".join(re.escape(name) for name in names))
        word_values = {word: value for value, word in enumerate(numbers["teens"], start=10)}
        word_values.update({word: 10 * value for value, word in enumerate(numbers["tens"]) if word})
        self.word_values = word_values
        units = "|".join(numbers["units"][1:])
        tens = "|".join(word for word in numbers["tens"] if word)
        self.large_words = re.compile(rf"\b(?:(?P<tens>{tens})(?:[-‑](?P<unit>{units}))?|(?P<teen>"
                                      + "|".join(numbers["teens"]) + r"))\b(?![-‑]\w)")
        self.approximate = frozenset(numbers["approximate_after"])
        self.unit_values = {word: value for value, word in enumerate(numbers["units"])}


def _compiled(context: Context) -> _Numbers:
    return _numbers(context.language)


@cache
def _numbers(language: str) -> _Numbers:
    return _Numbers(rule_data(language))


def _in_names(numbers: _Numbers, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in numbers.names.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _sentence_start(text: str, at: int, numbers: _Numbers) -> bool:
    """Whether position `at` opens a sentence (the paragraph, or after ". " that is not an abbreviation)."""
    before = text[:at].rstrip()
    if not before:
        return True
    if before[-1] not in ".!?":
        return False
    word = before[:-1].split()[-1:] or [""]
    return word[0].lower() not in numbers.abbreviations and not re.fullmatch(r"[A-Z]", word[0])


def _is_plain_figure(text: str, match: re.Match) -> bool:
    """A whole number standing on its own: not part of a symbol ("A/75/5"), a code ("COVID-19"), an
    ordinal ("5th"), a range ("5–9") or a decimal."""
    start, end = match.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before not in " \u00a0" or after not in " \u00a0,;:.)" or "." in match.group() or "," in match.group():
        return False
    return not (after in ",." and text[end + 1:end + 2].isdigit())


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around `[start, end)` without it (a paragraph is mostly one sentence)."""
    left = text.rfind(". ", 0, start)
    right = text.find(". ", end)
    return text[left + 1 if left >= 0 else 0:start] + " " + text[end:right if right >= 0 else len(text)]


def _keeps_figure(text: str, match: re.Match, numbers: _Numbers) -> bool:
    """Whether a figure under 10 is a reference, a measure, money, a date or one of a series."""
    start, end = match.span()
    head = text[:start].lower()
    previous = _WORD_BEFORE.search(_LIST_TAIL.sub("", head))
    if previous and previous.group(1) in numbers.references:
        return True
    if head.rstrip().endswith(numbers.preceding) or head.endswith("$"):
        return True
    rest = text[end:end + 40]
    after = _WORDS_AFTER.match(rest)
    following = [word for word in (after.groups() if after else ()) if word]
    if following and (following[0].lower().rstrip(".,;:") in numbers.units or following[0] in numbers.months):
        return True
    if rest.lower().lstrip().startswith(numbers.following):
        return True
    if len(following) >= 3 and following[0] in ("and", "to", "or") and following[2].rstrip(".,;:") in numbers.months:
        return True  # "22 and 23 September 2024", "from 4 to 6 November"
    for other in _NUMBER.finditer(_sentence(text, start, end)):
        value = other.group().replace(",", "")
        if value.replace(".", "").isdigit() and "." not in value and 10 <= int(value) < 1900:
            return True  # a series: "from 5 to 15 States" keeps figures
    return False


@rule("number-in-words", english=True, kinds=RUNNING_TEXT)
def small_number(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Numbers under 10 are written in words ("three reports"), except references, names, measures,
    sums of money, dates, percentages and numbers in a series with larger ones (Editorial Manual,
    "Numbers, dates and time": "Numbers expressed in words", "Numbers expressed in figures",
    "Numbers occurring together or in a series")."""
    numbers = _compiled(context)
    names = _in_names(numbers, text)
    for match in _NUMBER.finditer(text):
        if not _is_plain_figure(text, match) or _inside(names, *match.span()):
            continue
        value = int(match.group())
        if not 1 <= value <= 9 or _sentence_start(text, match.start(), numbers) or _keeps_figure(text, match, numbers):
            continue
        word = number_words(value, context.data)
        yield Hit("number-in-words", f"Write numbers under 10 in words: “{word}”.", *match.span(),
                  Fix(*match.span(), word))


@rule("number-opens-sentence", english=True, kinds=RUNNING_TEXT)
def opening_number(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A number that opens a sentence is written in words ("Sixty staff members…"): Editorial Manual,
    "Numbers, dates and time", "Numbers expressed in words". Names such as "2030 Agenda" are not numbers."""
    numbers = _compiled(context)
    names = _in_names(numbers, text)
    for match in _NUMBER.finditer(text):
        if not _sentence_start(text, match.start(), numbers) or _inside(names, *match.span()):
            continue
        digits = match.group()
        fix = None
        if digits.isdigit() and int(digits) < 100:
            word = _capitalized(number_words(int(digits), context.data))
            fix = Fix(*match.span(), word)
        yield Hit("number-opens-sentence", "A sentence does not open with a figure: write the number in words "
                  "or reword the sentence.", *match.span(), fix)


@rule("number-in-figures", english=True, kinds=RUNNING_TEXT)
def large_number(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Numbers of 10 and above are written in figures ("12 States"), except at the start of a sentence,
    in names ("Group of Twenty") and in isolated approximate periods ("some twenty years"), which the
    Manual allows in words (Editorial Manual, "Numbers, dates and time", "Numbers expressed in figures")."""
    numbers = _compiled(context)
    names = _in_names(numbers, text)
    for match in numbers.large_words.finditer(text):
        if _inside(names, *match.span()) or _sentence_start(text, match.start(), numbers):
            continue
        following = text[match.end():match.end() + 20].split()[:1]
        if following and following[0].rstrip(".,;:").lower() in numbers.approximate:
            continue
        if match["teen"]:
            value = numbers.word_values[match["teen"]]
        else:
            value = numbers.word_values[match["tens"]] + (numbers.unit_values[match["unit"]] if match["unit"] else 0)
        yield Hit("number-in-figures", f"Write numbers of 10 and above in figures: “{value}”.", *match.span(),
                  Fix(*match.span(), str(value)))


_PERCENT_SIGN = re.compile(r" ?%")
_PERCENT_WORD = re.compile(r"\bpercent\b")
_PER_CENT = re.compile(r" per cent\b")
_LAST_WORD = re.compile(r"\b[a-z]+(?:[-‑][a-z]+)?$")


@rule("per-cent", english=True, kinds=RUNNING_TEXT)
def per_cent(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Percentages are written in figures followed by "per cent" in words ("5 per cent"); the % sign is
    for tables (Editorial Manual, "Numbers, dates and time", "Numbers expressed in figures")."""
    numbers = _compiled(context)
    if "%" in text:
        for match in _PERCENT_SIGN.finditer(text):
            yield Hit("per-cent", "Write “per cent” in words, not “%”.", *match.span(), Fix(*match.span(), " per cent"))
    if "percent" in text:
        for match in _PERCENT_WORD.finditer(text):
            yield Hit("per-cent", "Write “per cent” in two words.", *match.span(), Fix(*match.span(), "per cent"))
    for match in _PER_CENT.finditer(text) if "per cent" in text else ():
        before = _LAST_WORD.search(text, max(0, match.start() - 20), match.start())
        if before is None:
            continue
        word = before.group()
        value = numbers.unit_values.get(word, numbers.word_values.get(word))
        if value is None or _sentence_start(text, before.start(), numbers):
            continue
        yield Hit("per-cent", f"Percentages are written in figures: “{value} per cent”.", *before.span(),
                  Fix(*before.span(), str(value)))
