"""The opening phrase of a preambular or operative paragraph, found from its plain text, and THE rule
for how much of a paragraph is set as an opening (`opening_extent`) and how (`opening_emphasis`).

UN documents italicise the phrase that opens every preambular paragraph ("Recalling also",
"Deeply concerned", "Taking note with appreciation") and every operative paragraph ("Urges",
"Also requests", "Calls upon"). The editor stores plain text, so the phrase is derived: the
longest phrase of the language's lexicon (`resources/lexicon/<language>.txt`, whose header
documents the format) at the start of the text, extended by the adverbs and qualifiers the
lexicon allows before and after it. When no phrase matches, a first word with the shape of a
participle, adjective or third-person verb (as the lexicon's fallback suffixes say) is taken.

Languages without a lexicon get "" (no italic is better than a wrong one).

The enacting formula is set as an opening too, without its comma: the UN's own AKN files write
`<span class="italic">The General Assembly</span>,` (English, Spanish, Russian; the Chinese and Arabic
formulas likewise leave the comma out of their bold and bold italic spans; only the French file
puts it inside). English, French, Spanish and Russian set openings in italics, Chinese in bold,
Arabic in bold italics (`resdesk.un.languages`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from resdesk.resources import resource
from resdesk.un.languages import COMMAS, LANGUAGES, Emphasis, code_of
from resdesk.un.languages import language as conventions  # the parameters below are called `language`

FORMULA = "formula"
PREAMBULAR = "preambular"
OPERATIVE = "operative"
KINDS = (PREAMBULAR, OPERATIVE)

#: Longest phrase returned, in words (in characters for scripts written without spaces).
MAX_WORDS = 6
MAX_CHARS = 12
#: How much of a paragraph is read to find its first MAX_WORDS words.
_SCAN_CHARS = 32 * MAX_WORDS

#: Characters that may end a word and end the phrase with it ("Recalling," → "Recalling").
_TRAILING_PUNCTUATION = ",;:.!?)]}»”’\"'…*"
#: Characters allowed inside a word besides letters ("Secretary-General", "S’inquiétant").
_WORD_JOINERS = str.maketrans("", "", "-‑’'")

_SECTIONS = (
    "preambular",
    "operative",
    "before",
    "after",
    "after preambular",
    "after operative",
    "with",
    "fallback preambular",
    "fallback operative",
    "particles preambular",
    "particles operative",
    "not fallback",
)

#: Phrases as tuples of keys (words, or characters for unspaced scripts) grouped by their first
#: key, longest first: the first phrase that matches is the longest one.
Table = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Lexicon:
    """A language's lexicon, compiled for matching at the start of a paragraph."""

    case: str  # "upper" or "lower": the case of a paragraph's first letter; "" for scripts without case
    unspaced: bool
    bases: dict[str, Table]  # by kind
    before: Table
    after: dict[str, Table]  # by kind
    qualifiers: Table
    particles: dict[str, Table]  # by kind: words that may follow a fallback word
    fallback_suffixes: dict[str, tuple[str, ...]]  # by kind
    excluded_words: frozenset[str]
    excluded_suffixes: tuple[str, ...]


def opening_extent(text: str, kind: str, language_code: str = "en") -> int:
    """How many leading characters of a block are set as its opening: the enacting formula without its
    comma, the opening phrase of a PP or OP, nothing of any other block. Every view and exporter uses this."""
    if kind == FORMULA:
        return len(text.rstrip().rstrip(COMMAS).rstrip())
    return len(opening_phrase(text, kind, language_code))


def opening_emphasis(language_code: str) -> Emphasis:
    """How the language sets an opening: italic; bold in Chinese; bold italic in Arabic."""
    return conventions(language_code).opening


def opening_phrase(text: str, kind: str, language: str = "en") -> str:
    """The italic opening phrase at the start of `text`, or "" if there is none.

    `kind` is "preambular" or "operative"; the result is always a prefix of `text`
    (same characters), ends at the end of a word and never spans more than MAX_WORDS words.
    """
    if kind not in KINDS or not text:
        return ""
    lexicon = load_lexicon(language)
    if lexicon is None:
        return ""
    if lexicon.unspaced:
        tokens = tuple(text[:MAX_CHARS])
        return text[: _phrase_length(tokens, lexicon, kind)]
    if not _opens_paragraph(text[0], lexicon.case):
        return ""
    words = _leading_words(text)
    if not words:
        return ""
    keys = (_lower_first(words[0]), *words[1:])
    return text[: _end_offset(text, words, _phrase_length(keys, lexicon, kind))]


def _opens_paragraph(letter: str, case: str) -> bool:
    """Whether `letter` can start an opening phrase: it has the case paragraphs open with
    ("recalling" in mid-sentence is not a phrase) and is not a space (the phrase starts the text)."""
    if case == "upper":
        return letter.isupper()
    if case == "lower":
        return letter.islower()
    return not letter.isspace()


def _leading_words(text: str) -> list[str]:
    """The first MAX_WORDS words of `text`, stopping after a word that ends with punctuation."""
    head = text[:_SCAN_CHARS]
    pieces = head.split(None, MAX_WORDS)
    if len(pieces) <= MAX_WORDS and len(head) < len(text):
        pieces.pop()  # may be a word cut by the slice
    words = []
    for raw in pieces[:MAX_WORDS]:
        word = raw.rstrip(_TRAILING_PUNCTUATION)
        if not word:
            break
        words.append(word)
        if word != raw:
            break
    return words


def _end_offset(text: str, words: list[str], count: int) -> int:
    """The offset in `text` just after its `count`-th word."""
    end = 0
    for word in words[:count]:
        end = text.index(word, end) + len(word)
    return end


def _phrase_length(tokens: tuple[str, ...], lexicon: Lexicon, kind: str) -> int:
    """How many of `tokens` the opening phrase spans: adverbs before, the base phrase (from the
    lexicon, else a fallback word), then adverbs, a qualifier and adverbs again."""
    start = _repeat(lexicon.before, tokens, 0, times=2)
    base, from_lexicon = _base(tokens, start, lexicon, kind)
    if not base and start:
        start = 0
        base, from_lexicon = _base(tokens, start, lexicon, kind)
    if not base:
        return 0
    end = start + base
    if not from_lexicon:
        end += _longest(lexicon.particles[kind], tokens, end)
    end += _longest(lexicon.after[kind], tokens, end)
    end += _longest(lexicon.qualifiers, tokens, end)
    end += _longest(lexicon.after[kind], tokens, end)
    return end


def _base(tokens: tuple[str, ...], at: int, lexicon: Lexicon, kind: str) -> tuple[int, bool]:
    """Length of the base phrase at `at` and whether it came from the lexicon."""
    length = _longest(lexicon.bases[kind], tokens, at)
    if length:
        return length, True
    if at < len(tokens) and not lexicon.unspaced and _is_fallback_word(tokens[at], lexicon, kind):
        return 1, False
    return 0, False


def _is_fallback_word(word: str, lexicon: Lexicon, kind: str) -> bool:
    """Whether `word` (a key: first letter lower-cased if it opens the text) has the shape of an
    opening word of this kind. A capital inside the phrase ("Also Requests") is no verb form."""
    if word != _lower_first(word) or not word.translate(_WORD_JOINERS).isalpha():
        return False
    if word in lexicon.excluded_words or word.endswith(lexicon.excluded_suffixes):
        return False
    return any(
        word.endswith(suffix) and len(word) >= len(suffix) + 3 for suffix in lexicon.fallback_suffixes[kind]
    )


def _longest(table: Table, tokens: tuple[str, ...], at: int) -> int:
    """Length of the longest phrase of `table` found at `tokens[at:]`, 0 if none."""
    phrases = table.get(tokens[at]) if at < len(tokens) else None
    if phrases:
        for phrase in phrases:
            if tokens[at : at + len(phrase)] == phrase:
                return len(phrase)
    return 0


def _repeat(table: Table, tokens: tuple[str, ...], at: int, times: int) -> int:
    """Length of up to `times` consecutive phrases of `table` from `at` ("Also strongly")."""
    end = at
    for _ in range(times):
        length = _longest(table, tokens, end)
        if not length:
            break
        end += length
    return end - at


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


# --- Loading -----------------------------------------------------------------------------------

@cache
def load_lexicon(language: str) -> Lexicon | None:
    """The compiled lexicon of `language`, or None if none is shipped.

    `language` is a code such as "en", a region variant ("en-GB") or the three-letter code of
    AKN files ("eng"). Each lexicon is read and compiled once, on first use."""
    code = code_of(language)
    return _read_lexicon(code) if code else None


@cache
def _read_lexicon(code: str) -> Lexicon | None:
    path = resource("lexicon", f"{code}.txt")
    if not path.is_file():
        return None
    return compile_lexicon(path.read_text(encoding="utf-8"), unspaced=LANGUAGES[code].unspaced)


def parse_sections(source: str) -> dict[str, list[str]]:
    """The phrases of a lexicon file, by section (see the header of resources/lexicon/en.txt)."""
    sections: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    current: list[str] | None = None
    for number, line in enumerate(source.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            name = " ".join(line[1:-1].split())
            if name not in sections:
                raise ValueError(f"line {number}: unknown lexicon section [{name}]")
            current = sections[name]
        elif current is None:
            raise ValueError(f"line {number}: phrase before the first [section]")
        else:
            current.append(" ".join(line.split()))
    return sections


def compile_lexicon(source: str, unspaced: bool = False) -> Lexicon:
    """A Lexicon from the text of a lexicon file."""
    sections = parse_sections(source)
    first_letters = [p[0] for kind in KINDS for p in sections[kind]]
    case = ""
    if first_letters and first_letters[0].isupper():
        case = "upper"
    elif first_letters and first_letters[0].islower():
        case = "lower"

    def table(phrases: list[str]) -> Table:
        return _table([_tokens(phrase, unspaced) for phrase in phrases])

    excluded = [_lower_first(w) for w in sections["not fallback"] if not w.startswith("-")]
    return Lexicon(
        case=case,
        unspaced=unspaced,
        bases={kind: table(sections[kind]) for kind in KINDS},
        before=table(sections["before"]),
        after={kind: table(sections["after"] + sections[f"after {kind}"]) for kind in KINDS},
        qualifiers=table(sections["with"]),
        particles={kind: table(sections[f"particles {kind}"]) for kind in KINDS},
        fallback_suffixes={kind: _suffixes(sections[f"fallback {kind}"]) for kind in KINDS},
        excluded_words=frozenset(excluded),
        excluded_suffixes=_suffixes(w for w in sections["not fallback"] if w.startswith("-")),
    )


def _tokens(phrase: str, unspaced: bool) -> tuple[str, ...]:
    """A phrase as matching keys: its characters, or its words with the first one lower-cased."""
    if unspaced:
        return tuple(phrase)
    first, *rest = phrase.split()
    return (_lower_first(first), *rest)


def _table(phrases: list[tuple[str, ...]]) -> Table:
    """Token tuples grouped by first token, longest first (for longest match)."""
    grouped: dict[str, set[tuple[str, ...]]] = {}
    for tokens in phrases:
        grouped.setdefault(tokens[0], set()).add(tokens)
    return {first: tuple(sorted(group, key=lambda t: (-len(t), t))) for first, group in grouped.items()}


def _suffixes(lines: Iterable[str]) -> tuple[str, ...]:
    """Word endings written "-ing" in the lexicon, without their dash."""
    return tuple(line.lstrip("-") for line in lines)
