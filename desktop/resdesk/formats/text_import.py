"""Importing a UN draft resolution from plain text (UTF-8, optionally with light Markdown).

The text is read in four passes:

1. decode and check the bytes (size, binary data, encoding);
2. split the lines into chunks (paragraph candidates), dropping page furniture
   (page numbers, running headers, job numbers, "Please recycle") and collecting
   footnote texts, which stand wherever a page ended;
3. read the masthead, session block, note or sponsor line and title from the
   chunks before the enacting formula ("front matter");
4. turn the chunks after it into blocks: preambular and operative paragraphs,
   sub-paragraphs, headings, with inline marks for `*italic*`, `**bold**`,
   `[66/171](#)` links and superscript footnote markers (¹, ¹²).

Footnotes: a marker refers to the footnote text with the same number wherever
that text stands; a number used twice is one footnote with two anchors. A marker
whose text never appears still gets an anchor and a Footnote with empty text (so
the reference survives and the editor can show an empty footnote to fill in); a
footnote text that no marker in the paragraphs refers to (e.g. one cited only in
the title) is kept as a Footnote without anchor rather than lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from resdesk.errors import BadInputError
from resdesk.formats.marked_openings import opening_marks
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TEXT,
    Block,
    Document,
    Footnote,
    Meta,
)
from resdesk.model.ids import IdAllocator
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Mark, sorted_marks
from resdesk.un.dates import read_date
from resdesk.un.markers import LeadingMarker, leading_marker, leading_operative_number
from resdesk.un.masthead import (
    MAX_FORMULA_LENGTH,
    MastheadReader,
    formula_language,
    formula_organ,
    is_plenary_meeting,
    read_line,
    split_closing,
    stands_alone,
)
from resdesk.un.numerals import letter_value, roman_value
from resdesk.un.phrases import opening_phrase
from resdesk.un.sponsors import continues_list, read_sponsor_line
from resdesk.un.symbols import citation_target, is_symbol

MAX_TEXT_BYTES = 20 * 1024 * 1024

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_FINAL_PUNCTUATION = ".,;:!?"
_CLOSING = "”’\"')]*" + SUPERSCRIPT_DIGITS

# -- pass 1: bytes to text ---------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def _decode(data: bytes, name: str) -> str:
    """The text of `data` with Unix line ends, or BadInputError."""
    if len(data) > MAX_TEXT_BYTES:
        raise BadInputError(
            f"{name} is too large ({len(data) / 1024 / 1024:.0f} MB); Resolution Desk imports texts of up to "
            f"{MAX_TEXT_BYTES // 1024 // 1024} MB."
        )
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: the same first bytes
        raise BadInputError(f"{name} is UTF-32 text; save it as UTF-8 and import it again.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError(f"{name} is UTF-16 text; save it as UTF-8 and import it again.")
    if _BINARY.search(data):
        raise BadInputError(f"{name} is not a text file (it contains binary data).")
    try:
        text = data.removeprefix(_UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise BadInputError(f"{name} is not UTF-8 text; save it as UTF-8 and import it again.") from None
    if not text.strip():
        raise BadInputError(f"{name} is empty." if not text else f"{name} contains only white space.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[str]:
    """Lines with whitespace runs collapsed; a form feed becomes a line of its own (a page break).

    Every Unicode white space counts, so no-break spaces become plain spaces too.
    """
    raw = re.split(r"[\n\v\x85\u2028\u2029]", text.replace("\f", "\n\f\n"))
    return ["\f" if line == "\f" else " ".join(line.split()) for line in raw]


# -- pass 2: lines to chunks -------------------------------------------------------------------

_JOB_NUMBER = re.compile(r"(\d{2}-\d{5})(?:\s*\([A-Z]\))?(?:\s+[\d*]+)*")
_FURNITURE_TOKEN = re.compile(
    r"\d{1,4}/\d{1,4}"  # page "2/5"
    r"|\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\d+\*"  # job number "13-49218 (E)", processing date, barcode text
)
_FURNITURE_LINE = re.compile(
    r"\f|\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|[Pp]age \d+(?: of \d+)?|(?:♲\s*)?Please recycle(?:\s*♲)?",
    re.IGNORECASE,
)
_FOOTNOTE_LINE = re.compile(rf"([{SUPERSCRIPT_DIGITS}]+)\s+(\S.*)")


def _is_furniture(line: str) -> bool:
    """Page numbers, running headers (the symbol), job numbers, form feeds, "Please recycle"."""
    if _FURNITURE_LINE.fullmatch(line):
        return True
    return all(_FURNITURE_TOKEN.fullmatch(token) or is_symbol(token) for token in line.split())


def _job_number(lines: list[str]) -> str:
    for line in lines:
        match = _JOB_NUMBER.fullmatch(line)
        if match:
            return match.group(1)
    return ""


@dataclass
class _Chunk:
    """A paragraph candidate: consecutive lines, and whether a page ended just before it."""

    lines: list[str]
    page_break_before: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.lines)


class _Chunker:
    """Groups lines into chunks and footnote texts.

    A chunk ends at a blank line, at page furniture, at a footnote text, before a
    line that starts a numbered paragraph, and around lines that stand alone in
    the front matter (masthead lines, the formula, a sponsor line).
    """

    def __init__(self):
        self.chunks: list[_Chunk] = []
        self.footnotes: dict[int, str] = {}
        self._open: list[str] = []
        self._note: list[str] | None = None  # lines of the footnote text being read
        self._note_number: int | None = None  # its number, None if that number already had a text
        self._page_break = False
        self._in_body = False
        self._language = "en"
        self._symbol_seen = False

    def feed(self, line: str) -> None:
        if not line:
            self._close()
            self._note = None
        elif self._is_masthead_symbol(line):
            self._close()
            self._symbol_seen = True
            self._open.append(line)
            self._close()
        elif _is_furniture(line):
            self._close()
            self._note = None
            self._page_break = True
        elif (match := _FOOTNOTE_LINE.fullmatch(line)) and _footnote_number(match.group(1)) is not None:
            self._start_footnote(_footnote_number(match.group(1)), match.group(2))
        elif self._note is not None and not _ends_sentence(self._note[-1]) and not _starts_block(line):
            self._continue_footnote(line)
        else:
            self._note = None
            self._add_line(line)

    def finish(self) -> tuple[list[_Chunk], dict[int, str]]:
        self._close()
        return self.chunks, self.footnotes

    def _is_masthead_symbol(self, line: str) -> bool:
        if self._in_body or self._symbol_seen:
            return False
        found = read_line(line)
        return found is not None and found[0] == "symbol"

    def _start_footnote(self, number: int, text: str) -> None:
        """Begin a footnote text; a second text for the same number is ignored (the first one wins)."""
        self._close()
        self._page_break = True
        self._note = [text]
        self._note_number = number if number not in self.footnotes else None
        if self._note_number is not None:
            self.footnotes[number] = text

    def _continue_footnote(self, line: str) -> None:
        self._note.append(line)
        if self._note_number is not None:
            self.footnotes[self._note_number] = " ".join(self._note)

    def _add_line(self, line: str) -> None:
        if self._open and (_starts_block(line) or not self._in_body and self._front_matter_break(line)
                           or self._in_body and self._opens_paragraph(line)):
            self._close()
        self._open.append(line)
        if not self._in_body and (language := _formula_language(line)) is not None:
            self._in_body = True
            self._language = language
            self._close()

    def _opens_paragraph(self, line: str) -> bool:
        """Whether `line` starts a paragraph though no blank line comes before it: the line before ends one
        ("," ";" "."), and this one opens with an opening phrase ("Recalling", "Requests")."""
        if not _ends_sentence(self._open[-1]):
            return False
        text = _plain(_unwrap(line))
        return any(opening_phrase(text, kind, self._language) for kind in (PREAMBULAR, OPERATIVE))

    def _front_matter_break(self, line: str) -> bool:
        """Whether `line` or the line before it stands alone (masthead lines, the formula, a sponsor line).

        A sponsor line whose previous line ends with "," or "and" is the end of a
        long list of sponsors wrapped over several lines, and does not stand alone.
        """
        previous = self._open[-1]
        if _stands_alone(previous) or previous.endswith(":"):  # a note's sentence ends with ":", the title follows
            return True
        if continues_list(previous) and read_sponsor_line(line):
            return False
        return _stands_alone(line)

    def _close(self) -> None:
        if self._open:
            self.chunks.append(_Chunk(self._open, self._page_break))
            self._open = []
            self._page_break = False


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends with punctuation (ignoring closing quotes, brackets and footnote markers)."""
    stripped = text.rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _FINAL_PUNCTUATION


# -- inline markup -------------------------------------------------------------------------------

_INLINE = re.compile(
    r"\*\*(?P<bold>[^*]+?)\*\*"
    r"|\*(?P<italic>[^*\s](?:[^*]*?[^*\s])?)\*"
    r"|\[(?P<label>[^\[\]]+)\]\((?P<href>[^()\s]*)\)"
    rf"| ?(?P<marker>[{SUPERSCRIPT_DIGITS}]+)"
)
_LEADING_ITALIC = re.compile(r"\*(?!\*)([^*]+)\*(?!\*)")
_WRAPPED = re.compile(r"(\*\*?)(?!\*)(.+?)\1")

FootnoteResolver = Callable[[int], str]


def _link_target(label: str, href: str) -> str:
    """The URL of a link: its own, or undocs.org for a resolution number or a document symbol."""
    return href if href and href != "#" else citation_target(label)


def parse_inline(raw: str, footnote_id: FootnoteResolver | None = None) -> tuple[str, list[Mark]]:
    """Plain text and marks of one line of light Markdown.

    `footnote_id` maps a marker's number to a footnote id; without it markers
    are removed without an anchor (for metadata, which has no marks).
    """
    text, marks = _parse(raw, footnote_id)
    return _strip(text, marks)


MAX_MARKER_DIGITS = 4  # footnotes of a resolution are numbered 1 to a few hundred


def _footnote_number(marker: str) -> int | None:
    """The number of a footnote marker in superscript digits; None when it is too long to be one."""
    digits = marker.strip().translate(_SUPERSCRIPT_TO_DIGIT)
    return int(digits) if len(digits) <= MAX_MARKER_DIGITS else None


def _parse(raw: str, footnote_id: FootnoteResolver | None) -> tuple[str, list[Mark]]:
    out: list[str] = []
    marks: list[Mark] = []
    length = 0
    position = 0
    for match in _INLINE.finditer(raw):
        out.append(raw[position : match.start()])
        length += match.start() - position
        position = match.end()
        if match.group("marker"):
            number = _footnote_number(match.group("marker"))
            if number is None:  # thousands of superscript digits: text, not a footnote marker
                out.append(match.group())
                length += len(match.group())
            elif footnote_id is not None:
                marks.append(Mark(FOOTNOTE, length, length, footnote_id(number)))
            continue
        if match.group("label") is not None:
            inner, inner_marks = match.group("label"), []
            kind, target = LINK, _link_target(match.group("label"), match.group("href"))
        else:
            kind = BOLD if match.group("bold") is not None else ITALIC
            inner, inner_marks = _parse(match.group(kind), footnote_id)
            target = ""
        marks.append(Mark(kind, length, length + len(inner), target))
        marks.extend(Mark(m.kind, m.start + length, m.end + length, m.target) for m in inner_marks)
        out.append(inner)
        length += len(inner)
    out.append(raw[position:])
    return "".join(out), marks


def _strip(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """`text` without surrounding spaces, its marks shifted and clamped to match."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    shifted = []
    for mark in marks:
        start = min(max(mark.start - lead, 0), len(text))
        end = min(max(mark.end - lead, 0), len(text))
        if end > start or mark.kind == FOOTNOTE:
            shifted.append(Mark(mark.kind, start, end, mark.target))
    return text, sorted_marks(shifted)


def _plain(raw: str) -> str:
    """The readable text of a metadata line (markup and footnote markers removed)."""
    return parse_inline(raw)[0]


def _drop_opening_italic(raw: str) -> str:
    """A PP or OP without the asterisks of its italic opening phrase.

    The opening phrase is derived from the words by the phrase lexicon; the phrase the asterisks
    mark is kept (as an `opening` mark) only where the lexicon finds another.
    """
    match = _LEADING_ITALIC.match(raw)
    return match.group(1) + raw[match.end() :] if match else raw


def _unwrap(raw: str) -> str:
    """A chunk without emphasis around all of it ("**I. Title**", "*The General Assembly,*")."""
    match = _WRAPPED.fullmatch(raw)
    return match.group(2).strip() if match and "*" not in match.group(2) else raw


# -- pass 3: front matter ----------------------------------------------------------------------

def _formula_language(line: str) -> str | None:
    """The language of an enacting formula ("The General Assembly," -> "en"), None if `line` is not one."""
    if len(line) > MAX_FORMULA_LENGTH:
        return None  # markup never shortens a line much: skip reading long paragraphs
    return formula_language(_plain(_unwrap(line)))


def _stands_alone(line: str) -> bool:
    """A front-matter line that is never part of a longer paragraph."""
    return stands_alone(_plain(_unwrap(line)))


def _split_off_sponsors(lines: list[str]) -> list[str]:
    """The items of a front-matter chunk: a sponsor list wrapped over lines is split from the lines before it.

    The sponsor list starts after the last line that does not end with "," or
    "and" (an agenda item's title directly above a long list of sponsors).
    """
    if len(lines) < 2 or not read_sponsor_line(lines[-1]):
        return [" ".join(lines)]
    start = len(lines) - 1
    while start > 0 and continues_list(lines[start - 1]):
        start -= 1
    return [" ".join(part) for part in (lines[:start], lines[start:]) if part]


def _read_front_matter(chunks: list[_Chunk], meta: Meta) -> None:
    """Fill `meta` from the chunks before the enacting formula (or before the first paragraph)."""
    reader = MastheadReader()
    for item in (item for chunk in chunks for item in _split_off_sponsors(chunk.lines)):
        reader.feed(_plain(_unwrap(item)))
    for field, value in reader.result().items():
        setattr(meta, field, value)


# -- pass 4: body ------------------------------------------------------------------------------

_HEADING = re.compile(r"(?P<num>[IVXLC]+|[A-Z])\.\s+(?P<rest>\S.*)")
_MAX_HEADING_WORDS = 12
_MAX_NUMBERED_HEADING_WORDS = 25


def _operative(text: str) -> str | None:
    """The text of an operative paragraph after its typed number ("3. Urges …"), None if it has none."""
    match = leading_operative_number(text)
    rest = text[match.end():] if match and match.start() == 0 else ""
    return rest if rest.strip() and not rest[0].isspace() else None


def _sub_marker(text: str) -> tuple[LeadingMarker, str] | None:
    """The marker and the rest of a sub-paragraph line "(a) …", "a) …" or "a. …"; None otherwise."""
    marker = leading_marker(text)
    rest = text[marker.end:] if marker is not None and not text[:1].isspace() else ""
    return (marker, rest) if rest and not rest[0].isspace() else None


def _starts_block(line: str) -> bool:
    """Whether a line starts a new paragraph by its number or marker ("1.", "(a)", "I.")."""
    line = _unwrap(line)
    return bool(_operative(line) is not None or _sub_marker(line) or _numbered_heading(line))


def _numbered_heading(text: str) -> re.Match | None:
    match = _HEADING.fullmatch(text)
    if not match or len(match.group("rest").split()) > _MAX_NUMBERED_HEADING_WORDS:
        return None
    if match.group("rest").rstrip(_CLOSING)[-1:] in ",;":
        return None
    return match


def _looks_like_heading(text: str) -> bool:
    """A short line without final punctuation that starts with a capital: "Follow-up", "Annex".

    The closing lines of an adopted resolution ("50th plenary meeting",
    "19 December 2023") are not headings.
    """
    if len(text.split()) > _MAX_HEADING_WORDS:
        return False  # markup never adds words: skip parsing long paragraphs
    plain = _plain(text)
    return (
        0 < len(plain.split()) <= _MAX_HEADING_WORDS
        and plain[0].isupper()
        and not _ends_sentence(plain)
        and not is_plenary_meeting(plain)
        and not read_date(plain)
    )


def _join_page_breaks(chunks: list[_Chunk]) -> list[_Chunk]:
    """Chunks with paragraphs split by a page break put back together.

    A chunk that does not end a sentence is continued by the next one when that
    starts in lower case, or when a page ended between them and the first chunk
    is too long to be a heading.
    """
    joined: list[_Chunk] = []
    for chunk in chunks:
        if joined and _continues(joined[-1], chunk):
            joined[-1] = _Chunk(joined[-1].lines + chunk.lines, joined[-1].page_break_before)
        else:
            joined.append(chunk)
    return joined


def _continues(previous: _Chunk, chunk: _Chunk) -> bool:
    if _ends_sentence(previous.text) or _starts_block(chunk.text):
        return False
    first = chunk.text.lstrip("*[“‘\"'(")[:1]
    if first.islower():
        return True
    return chunk.page_break_before and len(previous.text.split()) > _MAX_HEADING_WORDS


class _BodyReader:
    """Turns body chunks into blocks, tracking the parents of sub-paragraphs and heading numbers."""

    def __init__(self, footnote_id: FootnoteResolver, language: str = "en"):
        self.footnote_id = footnote_id
        self.language = language
        self.new_id = IdAllocator("b")
        self.blocks: list[Block] = []
        self._paragraph: str | None = None  # id of the last PP/OP/free paragraph
        self._open: dict[int, tuple[str, str]] = {}  # depth -> (block id, marker)
        self._seen_operative = False
        self._roman_heading = 0
        self._letter_heading = 0

    def formula(self, raw: str) -> None:
        self._add(FORMULA, _drop_opening_italic(_unwrap(raw)))

    def read(self, raw: str) -> None:
        raw = _unwrap(raw)
        if (rest := _operative(raw)) is not None:
            self._seen_operative = True
            self._paragraph_block(OPERATIVE, rest)
        elif (sub := _sub_marker(raw)) and self._paragraph is not None:
            self._subparagraph(*sub)
        elif match := _numbered_heading(raw):
            self._numbered_heading(match.group("num"), match.group("rest"))
        elif _looks_like_heading(raw):
            self._heading("", 2 if self._roman_heading else 1, raw)
        else:
            self._paragraph_block(TEXT if self._seen_operative else PREAMBULAR, raw)

    def _paragraph_block(self, kind: str, raw: str) -> None:
        marked = None
        if kind in (PREAMBULAR, OPERATIVE):
            italic = _LEADING_ITALIC.match(raw)
            marked = _plain(italic.group(1)).strip() if italic else None
            raw = _drop_opening_italic(raw)
        block = self._add(kind, raw)
        # The phrase the text marks with asterisks is the opening, where the lexicon finds another.
        block.marks = sorted_marks(block.marks + opening_marks(block.text, marked, kind, self.language))
        self._paragraph = block.id
        self._open.clear()

    def _subparagraph(self, marker: LeadingMarker, rest: str) -> None:
        depth = marker.roman_depth if self._is_roman(marker) else marker.letter_depth
        parent = self._paragraph
        for level in range(depth - 1, 0, -1):
            if level in self._open:
                parent = self._open[level][0]
                break
        block = self._add(SUBPARAGRAPH, rest, parent=parent)
        self._open = {level: item for level, item in self._open.items() if level < depth}
        self._open[depth] = (block.id, marker.number)

    def _is_roman(self, marker: LeadingMarker) -> bool:
        """Decide whether a marker such as "i", "v" or "x" is a roman numeral or a letter, by context.

        "(i)" after "(h)" is a letter; after "(a)" it opens a roman list; "(v)" after "(iv)" is roman.
        """
        roman, letter = marker.roman, marker.letter
        if not roman:
            return False
        if not letter:
            return True
        open_roman, open_letter = self._open.get(marker.roman_depth), self._open.get(marker.letter_depth)
        if open_roman and roman_value(open_roman[1]) == roman - 1:
            return True
        if open_letter and letter_value(open_letter[1]) == letter - 1:
            return False
        return open_letter is not None

    def _numbered_heading(self, number: str, rest: str) -> None:
        if self._is_letter_heading(number):
            self._letter_heading = letter_value(number)
            self._heading(f"{number}.", 2, rest)
        else:
            self._roman_heading = roman_value(number)
            self._letter_heading = 0
            self._heading(f"{number}.", 1, rest)

    def _is_letter_heading(self, number: str) -> bool:
        """Whether "I.", "V.", "C." … number a letter heading (level 2) or a roman one (level 1).

        A letter that follows the previous letter heading is a letter ("I." after
        "H."); one that follows the previous roman number is roman ("V." after
        "IV."); otherwise only "I." is taken for roman.
        """
        roman, letter = roman_value(number), letter_value(number)
        if not roman or not letter:
            return not roman
        if letter == self._letter_heading + 1:
            return True
        if roman == self._roman_heading + 1:
            return False
        return number != "I"

    def _heading(self, number: str, level: int, raw: str) -> None:
        block = self._add(HEADING, _unwrap(raw))
        block.number, block.level = number, level
        self._paragraph = None
        self._open.clear()

    def _add(self, kind: str, raw: str, parent: str | None = None) -> Block:
        text, marks = parse_inline(raw, self.footnote_id)
        block = Block(self.new_id(), kind, text, marks, parent=parent)
        self.blocks.append(block)
        return block

    def finish(self) -> list[Block]:
        """The blocks; a text without numbered OPs ends with its single, unnumbered OP."""
        if not self._seen_operative:
            self._single_operative()
        return self.blocks

    def _single_operative(self) -> None:
        top = [block for block in self.blocks if block.kind == PREAMBULAR]
        if not top:
            return
        last = top[-1]
        children = [block for block in self.blocks if block.parent == last.id]
        closing = children[-1].text if children else last.text
        if closing.endswith("."):
            last.kind = OPERATIVE


class _Footnotes:
    """Footnote ids allocated in the order of first reference; texts by marker number."""

    def __init__(self, texts: dict[int, str]):
        self.texts = texts
        self.new_id = IdAllocator("f")
        self.ids: dict[int, str] = {}

    def __call__(self, number: int) -> str:
        if number not in self.ids:
            self.ids[number] = self.new_id()
        return self.ids[number]

    def footnotes(self) -> dict[str, Footnote]:
        for number in self.texts:
            self(number)  # a footnote nobody refers to is kept, after the referenced ones
        result = {}
        for number, footnote_id in self.ids.items():
            text, marks = parse_inline(self.texts.get(number, ""))
            result[footnote_id] = Footnote(footnote_id, text, marks)
        return result


# -- the importer ------------------------------------------------------------------------------


def _body_start(chunks: list[_Chunk]) -> tuple[int, str | None]:
    """Where the paragraphs start: the enacting formula and its language, or else the first PP.

    Without a formula, the body starts at the first numbered OP, or at the run of
    paragraphs ending with a comma (PPs) just before it. Returns (-1, None) when
    the text has neither a formula nor a numbered paragraph.
    """
    for index, chunk in enumerate(chunks):
        language = _formula_language(chunk.text)
        if language is not None:
            return index, language
        if _operative(_unwrap(chunk.text)) is not None:
            while index > 0 and _is_preambular(chunks[index - 1].text):
                index -= 1
            return index, None
    return -1, None


def _without_closing(chunks: list[_Chunk], meta: Meta) -> list[_Chunk]:
    """The body without an adopted resolution's closing ("53rd plenary meeting" over "16 December 2021",
    in one chunk or two), which goes into `meta`."""
    for count in (1, 2):
        if len(chunks) > count:
            closing = split_closing(_plain(" ".join(chunk.text for chunk in chunks[-count:])))
            if closing is not None and closing[1]:
                meta.meeting, meta.meeting_date = closing
                meta.adoption_date = meta.adoption_date or read_date(meta.meeting_date)
                return chunks[:-count]
    return chunks


def _is_preambular(text: str) -> bool:
    """Whether a chunk before the first OP of a text without formula is a PP rather than front matter."""
    stripped = text.rstrip(_CLOSING)
    return stripped.endswith(",") and not _stands_alone(text)


def import_text(data: bytes, name: str = "file") -> Document:
    """Read a UN draft resolution from UTF-8 plain text; BadInputError if it is not one."""
    lines = _lines(_decode(data, name))
    chunker = _Chunker()
    for line in lines:
        chunker.feed(line)
    chunks, footnote_texts = chunker.finish()
    start, language = _body_start(chunks)
    if start < 0:
        raise BadInputError(
            f"{name} contains no resolution paragraphs (no enacting formula such as “The General Assembly,” "
            f"and no numbered paragraph)."
        )
    meta = Meta(organ="", language=language or "en", job_number=_job_number(lines))
    _read_front_matter(chunks[:start], meta)
    footnotes = _Footnotes(footnote_texts)
    reader = _BodyReader(footnotes, meta.language)
    body = _join_page_breaks(chunks[start:])
    if language is not None:
        formula = body.pop(0).text
        meta.organ = meta.organ or formula_organ(_plain(_unwrap(formula)))
        reader.formula(formula)
    meta.organ = meta.organ or "General Assembly"
    for chunk in _without_closing(body, meta):
        reader.read(chunk.text)
    blocks = reader.finish()
    if not any(block.kind in (PREAMBULAR, OPERATIVE, TEXT) for block in blocks):
        raise BadInputError(f"{name} has an enacting formula but no paragraphs after it.")
    return Document(meta=meta, blocks=blocks, footnotes=footnotes.footnotes())
