"""Importing an Akoma Ntoso (AKN4UN) resolution, as published by the UN, into a Document.

The mapping, in reading order:

- coverPage → Meta (symbol, organ, committee, session, agenda item, date, …);
  workflow steps → sponsors; the preface's docTitle → the title;
- preamble: formula → a "formula" block, container → "preambular", crossHeading → "heading";
- mainBody: paragraph with num → "operative"; paragraph with heading/subheading →
  "heading" (its num as the heading's number); list intro → part of its paragraph's text;
  point → "subparagraph" whose parent is the paragraph or enclosing point; table →
  "table"; paragraphs without num: see `_classify_unnumbered`;
- attachments → annexes with the same mapping; conclusions (adoption meeting) → nothing.

Inline text: layout whitespace (tabs, line breaks and indentation inside
``xml:space="preserve"`` paragraphs) is collapsed to single spaces, or dropped next to
CJK characters, so Chinese gets no invented spaces. Italic/bold spans become marks,
except the run of spans forming the opening phrase of a PP or OP (derived from the text
elsewhere, not stored); links become link marks; authorialNote becomes a footnote with
a zero-width anchor at its place.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml import etree

from resdesk.errors import BadInputError
from resdesk.formats.safe_xml import parse_xml
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    TEXT,
    Annex,
    Block,
    Cell,
    Document,
    Footnote,
    Meta,
)
from resdesk.model.ids import IdAllocator
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Mark, shift_marks, sorted_marks
from resdesk.un.languages import COMMAS, code_of
from resdesk.un.masthead import canonical_organ, read_agenda, read_line
from resdesk.un.sponsors import split_sponsors

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS = {"a": AKN_NS}
_PREFIX = f"{{{AKN_NS}}}"
_PREFIX_LENGTH = len(_PREFIX)

# Elements under which the text lives; a document element without one has no body.
_BODIES = ("mainBody", "body", "debateBody", "judgmentBody", "amendmentBody")
# Hierarchical containers whose num/heading become a heading block before their content.
_DIVISIONS = frozenset({
    "section", "part", "chapter", "title", "subtitle", "division", "subdivision", "hcontainer",
    "article", "clause", "book", "subsection", "level", "tblock", "subchapter", "subpart",
})
_POINTS = frozenset({"point", "subparagraph", "item", "indent", "alinea"})
_LISTS = frozenset({"list", "blockList"})
_LINE_BREAKS = frozenset({"eol", "eop", "br"})
_SKIPPED_INLINE = frozenset({"img", "noteRef", "marker"})
_HEADING_LEVELS = {"H1": 1, "HCh": 1, "H23": 2, "H4": 2, "H56": 2}
# The whitespace runs that change: a lone space between two characters stays as it is, so it is not
# visited (most of a text's runs; a 90 KB resolution has about 10,000 of them).
_WHITESPACE_RUN = re.compile(r"[ \t\n\r]*[\t\n\r][ \t\n\r]*| {2,}|^ | $")
_LAYOUT_WHITESPACE = re.compile(r"[\t\n\r]")


def import_akn(data: bytes, name: str = "file") -> Document:
    """The Document read from the AKN4UN XML `data`; `name` names the file in error messages.

    Raises BadInputError (one sentence) for anything that is not a readable
    Akoma Ntoso document with a body.
    """
    root = parse_xml(data, name, expected="Akoma Ntoso file")
    document_element = _document_element(root, name)
    return _Importer().document(document_element)


def _document_element(root: etree._Element, name: str) -> etree._Element:
    """The statement/act/doc element under akomaNtoso that has a body."""
    if root.tag != _tag("akomaNtoso"):
        found = etree.QName(root)
        if found.localname == "akomaNtoso":
            namespace = found.namespace or "no namespace"
            raise BadInputError(
                f"{name} is in a version of Akoma Ntoso other than 3.0 ({namespace}), "
                "which cannot be imported."
            )
        raise BadInputError(
            f"{name} is not an Akoma Ntoso file (its root element is <{found.localname}>, not <akomaNtoso> "
            "in the Akoma Ntoso 3.0 namespace)."
        )
    for child in _elements(root):
        if _body_of(child) is not None:
            return child
    raise BadInputError(f"{name} is an Akoma Ntoso file without a statement, act or document body to import.")


class _Importer:
    """State of one import: id allocators and the footnotes found so far, in reading order."""

    def __init__(self) -> None:
        self.block_id = IdAllocator("b")
        self.footnote_id = IdAllocator("f")
        self.footnotes: dict[str, Footnote] = {}
        self._notes_seen: dict[tuple[str, str], str] = {}

    # -- whole documents -------------------------------------------------------------------

    def document(self, element: etree._Element) -> Document:
        meta = _meta(element)
        blocks = self.text_blocks(element, main=True)
        annexes = [self.annex(attachment) for attachment in _attachments(element)]
        return Document(meta=meta, blocks=blocks, footnotes=self.footnotes, annexes=annexes)

    def annex(self, element: etree._Element) -> Annex:
        title_element = element.find("a:preface//a:docTitle", _NS)
        title = _plain(title_element) if title_element is not None else element.get("name", "")
        return Annex(title=title, blocks=self.text_blocks(element, main=False))

    def text_blocks(self, element: etree._Element, main: bool) -> list[Block]:
        """Blocks of the preamble and body of a document element, openings removed from PP/OP marks."""
        preamble = _child(element, "preamble")
        blocks = self.preamble(preamble) if preamble is not None else []
        has_preamble = any(block.kind == PREAMBULAR for block in blocks)
        blocks += self.body(_body_of(element), main=main, has_preamble=has_preamble)
        for block in blocks:
            if block.kind in (FORMULA, PREAMBULAR, OPERATIVE):
                block.marks = _without_opening(block.text, block.marks)
        return blocks

    # -- preamble and body -------------------------------------------------------------------

    def preamble(self, preamble: etree._Element) -> list[Block]:
        blocks: list[Block] = []
        for child in _elements(preamble):
            name = _local(child)
            if name == "formula":
                blocks.append(self.simple_block(FORMULA, _paragraphs(child)))
            elif name == "crossHeading":
                blocks.append(self.heading(child, [child]))
            elif name in ("recitals", "citations"):
                blocks += self.preamble(child)
            elif name in ("container", "recital", "citation", "p"):
                blocks += self.container(child, PREAMBULAR)
        return blocks

    def container(self, element: etree._Element, kind: str) -> list[Block]:
        """A container: its tables as table blocks, and its text (if any) as one block of `kind`."""
        tables = element.findall(".//a:table", _NS)
        if tables and not _paragraphs(element, outside_tables=True):
            return [self.table(table) for table in tables]
        return self.unit(element, kind)

    def body(self, body: etree._Element, main: bool, has_preamble: bool) -> list[Block]:
        items = list(_body_items(body))
        numbered = any(_child(el, "num") is not None for kind, el in items if kind == "paragraph")
        unnumbered = [el for kind, el in items if kind == "paragraph" and _child(el, "num") is None
                      and _heading_element(el) is None]
        single_op = main and not numbered and len(unnumbered) == 1
        blocks: list[Block] = []
        leading = True  # still in the run of paragraphs that opens the body
        for kind, element in items:
            if kind == "paragraph":
                new = self.paragraph(element)
                first = next((b for b in new if b.kind != HEADING), None)
                if first is not None and first.kind == TEXT:
                    first.kind = _classify_unnumbered(first, leading and has_preamble, single_op)
                leading = leading and first is not None and first.kind == PREAMBULAR
            else:
                heading = _heading_element(element)
                new = [self.heading(element, [heading]) if kind == "heading" else self.table(element)]
                leading = False
            blocks += new
        return blocks

    def paragraph(self, element: etree._Element) -> list[Block]:
        """A body paragraph: a heading, an OP (with its sub-paragraphs) or an unnumbered text.

        A paragraph in a UN heading style (class H1, HCh, H23…) whose text is in
        content/p rather than in a heading element is a heading too.
        """
        heading = _heading_element(element)
        text_parts, children = _split_parts(element)
        if heading is not None and not (text_parts or children):
            return [self.heading(element, [heading])]
        if heading is None and element.get("class") in _HEADING_LEVELS and text_parts and not children:
            return [self.heading(element, text_parts)]
        blocks = [self.heading(element, [heading], numbered=False)] if heading is not None else []
        kind = OPERATIVE if _child(element, "num") is not None else TEXT
        return blocks + self.unit(element, kind)

    def unit(self, element: etree._Element, kind: str, parent: str | None = None) -> list[Block]:
        """A paragraph or point: its own block, then its points, tables and wrap-ups in order."""
        block = Block(self.block_id(), kind, parent=parent)
        text_parts, children = _split_parts(element)
        block.text, block.marks = self.inline(text_parts)
        blocks = [block]
        for child_kind, child in children:
            if child_kind == "point":
                blocks += self.unit(child, SUBPARAGRAPH, parent=block.id)
            elif child_kind == "table":
                blocks.append(self.table(child))
            else:
                blocks.append(self.simple_block(TEXT, _paragraphs(child)))
        return blocks

    def simple_block(self, kind: str, paragraphs: list[etree._Element]) -> Block:
        block = Block(self.block_id(), kind)
        block.text, block.marks = self.inline(paragraphs)
        return block

    def heading(self, element: etree._Element, parts: list[etree._Element], numbered: bool = True) -> Block:
        """A heading block; the num (e.g. "A.") is kept as its number and removed from its text."""
        block = Block(self.block_id(), HEADING, level=_heading_level(element, parts[0]))
        num = _child(element, "num") if numbered else None
        block.number = _plain(num) if num is not None else ""
        text, marks = self.inline(parts)
        if block.number and text.startswith(block.number):
            cut = len(block.number) + (1 if text[len(block.number):].startswith(" ") else 0)
            text, marks = text[cut:], shift_marks(marks, 0, cut, 0)
        block.text, block.marks = text, marks
        return block

    def table(self, table: etree._Element) -> Block:
        """A table block; rows whose cells are all empty (layout rules) are left out."""
        block = Block(self.block_id(), TABLE)
        for row in table.iter(_tag("tr")):
            cells = []
            for cell in _elements(row):
                if _local(cell) in ("th", "td"):
                    text, marks = self.inline(_paragraphs(cell) or [cell])
                    cells.append(Cell(text=text, marks=marks, header=_local(cell) == "th"))
            if any(cell.text or cell.marks for cell in cells):
                block.rows.append(cells)
        return block

    # -- inline text --------------------------------------------------------------------------

    def inline(self, paragraphs: list[etree._Element]) -> tuple[str, list[Mark]]:
        """Text and marks of `paragraphs` joined (by layout whitespace) into one text."""
        raw = _RawText()
        for index, paragraph in enumerate(paragraphs):
            if index:
                raw.add("\n")
            self._walk(paragraph, raw)
        return raw.finish()

    def _walk(self, element: etree._Element, raw: _RawText) -> None:
        raw.add(element.text)
        for child in _elements(element):
            name = _local(child)
            if name == "authorialNote":
                raw.mark(FOOTNOTE, raw.length, raw.length, self.footnote(child))
            elif name in _LINE_BREAKS:
                raw.add("\n")
            elif name in _SKIPPED_INLINE or (name == "sup" and _is_marker_bracket(child)):
                pass
            else:
                start = raw.length
                self._walk(child, raw)
                for kind in _formatting(child):
                    raw.mark(kind, start, raw.length)
                if name == "a" and child.get("href"):
                    raw.mark(LINK, start, raw.length, child.get("href"))
            raw.add(child.tail)

    def footnote(self, note: etree._Element) -> str:
        """The id of the footnote for `note`; a repeat (same marker, same text) reuses the first one."""
        text, marks = self.inline(_paragraphs(note) or [note])
        if text.startswith("()"):  # Arabic files keep an empty "()" where the marker was
            cut = 3 if text[2:3] == " " else 2
            text, marks = text[cut:], shift_marks(marks, 0, cut, 0)
        marker = note.get("marker", "").strip()
        key = (marker, text)
        if marker and key in self._notes_seen:
            return self._notes_seen[key]
        footnote_id = self.footnote_id()
        self.footnotes[footnote_id] = Footnote(id=footnote_id, text=text, marks=marks)
        self._notes_seen[key] = footnote_id
        return footnote_id


class _RawText:
    """Text with layout whitespace still in it, and marks over raw offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[tuple[str, int, int, str]] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def mark(self, kind: str, start: int, end: int, target: str = "") -> None:
        self.marks.append((kind, start, end, target))

    def finish(self) -> tuple[str, list[Mark]]:
        """Collapse the layout whitespace, moving the marks with the characters they cover."""
        offsets = {offset for _, start, end, _ in self.marks for offset in (start, end)}
        text, where = collapse_whitespace("".join(self.parts), offsets)
        marks = set()
        for kind, raw_start, raw_end, target in self.marks:
            start, end = where[raw_start], where[raw_end]
            if kind == FOOTNOTE:
                marks.add(Mark(kind, start, start, target))
                continue
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                marks.add(Mark(kind, start, end, target))
        return text, sorted_marks(list(marks))


def collapse_whitespace(raw: str, offsets=()) -> tuple[str, dict[int, int]]:
    """`raw` with whitespace runs made single spaces and ends stripped, and where `offsets` went.

    A run that contains a tab or line break is layout: next to a CJK character it
    is dropped (Chinese puts no spaces between words). Other characters, including
    no-break spaces, are kept. The returned dict maps each raw offset in `offsets`
    to its offset in the result: the start of a run maps before its space, a
    position inside or at the end of a run maps after it. Work is per run, not per
    character, so a hostile 10 MB paragraph costs little.
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, int, int]] = []  # raw start, raw end, new start, characters kept
    length = last = 0
    for match in _WHITESPACE_RUN.finditer(raw):
        start, end = match.span()
        pieces.append(raw[last:start])
        length += start - last
        before = raw[start - 1] if length else ""
        after = raw[end] if end < len(raw) else ""
        layout = _LAYOUT_WHITESPACE.search(match.group()) is not None
        keep = bool(before and after) and not (layout and (_is_cjk(before) or _is_cjk(after)))
        runs.append((start, end, length, int(keep)))
        if keep:
            pieces.append(" ")
            length += 1
        last = end
    pieces.append(raw[last:])
    starts = [run[0] for run in runs]
    where = {}
    for offset in offsets:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            where[offset] = offset
            continue
        start, end, new_start, kept = runs[index]
        if offset == start:
            where[offset] = new_start
        elif offset < end:
            where[offset] = new_start + kept
        else:
            where[offset] = new_start + kept + offset - end
    return "".join(pieces), where


def _is_cjk(char: str) -> bool:
    """CJK ideographs, kana, CJK punctuation and full-width forms."""
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFE30 <= code <= 0xFE4F or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x2FFFF)


def _without_opening(text: str, marks: list[Mark]) -> list[Mark]:
    """`marks` without the italic/bold spans that make up the opening phrase at the start of `text`.

    The opening is the run of formatting spans from offset 0, each starting where the
    previous one ends (give or take a space): Arabic files split it into a bold "و"
    followed by a bold italic phrase.
    """
    formatting = sorted((m for m in marks if m.kind in (ITALIC, BOLD)), key=lambda m: (m.start, m.end))
    opening = set()
    reached = 0
    for mark in formatting:
        if mark.start > reached:
            break
        opening.add(mark)
        reached = max(reached, mark.end)
        while reached < len(text) and text[reached] == " ":
            reached += 1
    return [mark for mark in marks if mark not in opening]


def _classify_unnumbered(block: Block, may_be_preambular: bool, single_op: bool) -> str:
    """The kind of a body paragraph without a number.

    - in the run that opens the body of a text with a preamble, ending with a comma:
      a preambular paragraph placed in the body (the French 78/226 has one);
    - the only paragraph of a body without numbered paragraphs: the single operative
      paragraph, which the UN leaves unnumbered (75/19);
    - anything else (76/1's "Adopts the following declaration:" and its "We, Heads of
      State…" chapeau, the abbreviations note under a table in 75/246): free text.
    """
    if may_be_preambular and block.text.endswith(tuple(COMMAS)):  # a preambular paragraph ends with a comma
        return PREAMBULAR
    if single_op:
        return OPERATIVE
    return TEXT


# -- structure helpers ----------------------------------------------------------------------


def _tag(local: str) -> str:
    return _PREFIX + local


def _local(element: etree._Element) -> str:
    """The local name of an AKN element; "" for elements of other namespaces."""
    tag = element.tag
    return tag[_PREFIX_LENGTH:] if tag.startswith(_PREFIX) else ""


def _elements(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _child(element: etree._Element, local: str) -> etree._Element | None:
    return element.find(_PREFIX + local)


def _body_of(element: etree._Element) -> etree._Element | None:
    for name in _BODIES:
        body = _child(element, name)
        if body is not None:
            return body
    return None


def _heading_element(element: etree._Element) -> etree._Element | None:
    if _local(element) == "crossHeading":
        return element
    heading = _child(element, "heading")
    return heading if heading is not None else _child(element, "subheading")


def _heading_level(element: etree._Element, heading: etree._Element) -> int:
    """1 for H1/HCh, 2 for H23/H4/H56 (by class); otherwise 2 for a subheading, 1 for the rest."""
    level = _HEADING_LEVELS.get(element.get("class", ""))
    if level is None:
        level = _HEADING_LEVELS.get(heading.get("class", ""))
    if level is None:
        level = 2 if _local(heading) == "subheading" else 1
    return level


def _body_items(body: etree._Element):
    """(kind, element) for each paragraph, heading and table of a body, flattening divisions."""
    for child in _elements(body):
        name = _local(child)
        if name == "paragraph" or name == "p" or name in _LISTS:
            yield "paragraph", child
        elif name == "crossHeading":
            yield "heading", child
        elif name == "table":
            yield "table", child
        elif name in ("container", "blockContainer"):
            for part in _elements(child):
                if _local(part) == "table":
                    yield "table", part
                elif _local(part) in ("p", "paragraph") or _local(part) in _LISTS:
                    yield "paragraph", part
        elif name in _DIVISIONS:
            if _heading_element(child) is not None:
                yield "heading", child
            yield from _body_items(child)


def _split_parts(element: etree._Element) -> tuple[list[etree._Element], list[tuple[str, etree._Element]]]:
    """The paragraphs that make up the text of a paragraph or point, and what follows it.

    Text: content/p, intro/p and list/intro/p (the chapeau of a list is part of its
    paragraph). Followers, in order: ("point", point), ("table", table), ("wrapUp", wrapUp).
    """
    if _local(element) == "p":
        return [element], []
    text: list[etree._Element] = []
    children: list[tuple[str, etree._Element]] = []
    for child in _elements(element):
        name = _local(child)
        if name == "p":
            text.append(child)
        elif name in ("content", "intro") or name in _LISTS:
            sub_text, sub_children = _split_parts(child)
            text += sub_text
            children += sub_children
        elif name in _POINTS:
            children.append(("point", child))
        elif name == "table":
            children.append(("table", child))
        elif name == "wrapUp":
            children.append(("wrapUp", child))
    return text, children


def _paragraphs(element: etree._Element, outside_tables: bool = False) -> list[etree._Element]:
    """The `p` elements of `element` that are not inside another p (nor a table, if asked)."""
    found = []
    for paragraph in element.iter(_tag("p")):
        ancestors = list(paragraph.iterancestors())
        ancestors = ancestors[: ancestors.index(element)] if element in ancestors else ancestors
        if any(_local(a) in ("p", "authorialNote") for a in ancestors):
            continue
        if outside_tables and any(_local(a) == "table" for a in ancestors):
            continue
        found.append(paragraph)
    return found


def _formatting(element: etree._Element) -> list[str]:
    """The mark kinds an inline element stands for: class "italic", "bold", "bold italic"; <i>, <b>."""
    classes = set(element.get("class", "").split())
    name = _local(element)
    kinds = []
    if "italic" in classes or name == "i":
        kinds.append(ITALIC)
    if "bold" in classes or name == "b":
        kinds.append(BOLD)
    return kinds


def _is_marker_bracket(sup: etree._Element) -> bool:
    """True for the superscript "(" and ")" around a footnote marker in Arabic files."""
    text = (sup.text or "").strip()
    if len(sup) or text not in ("(", ")"):
        return False
    if text == "(":
        neighbour, gap = sup.getnext(), sup.tail
    else:
        neighbour = sup.getprevious()
        gap = neighbour.tail if neighbour is not None else None
    return neighbour is not None and _local(neighbour) == "authorialNote" and not (gap or "").strip()


def _attachments(element: etree._Element) -> list[etree._Element]:
    """The document elements of the attachments (annexes), in order."""
    found = []
    for holder in element.findall("a:attachments/a:attachment", _NS) + element.findall(
        "a:components/a:component", _NS
    ):
        found += [child for child in _elements(holder) if _body_of(child) is not None]
    return found


def _plain(element: etree._Element) -> str:
    """The normalised text of an element and its descendants (notes left out)."""
    raw = _RawText()
    _plain_walk(element, raw)
    return raw.finish()[0]


def _plain_walk(element: etree._Element, raw: _RawText) -> None:
    raw.add(element.text)
    for child in _elements(element):
        if _local(child) in _LINE_BREAKS:
            raw.add("\n")
        elif _local(child) != "authorialNote":
            _plain_walk(child, raw)
        raw.add(child.tail)


# -- metadata ---------------------------------------------------------------------------------


def _meta(element: etree._Element) -> Meta:
    meta = Meta(language="", organ="")
    cover = _child(element, "coverPage")
    if cover is not None:
        _cover_meta(cover, element, meta)
    title = element.find("a:preface//a:docTitle", _NS)
    if title is not None:
        meta.title = _plain(title)
    language = element.find("a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage", _NS)
    if language is not None:
        code = language.get("language", "").strip().lower()
        meta.language = code_of(code) or (code if len(code) == 2 else "")
    docket = element.find("a:meta//a:docketNumber", _NS)
    if docket is not None:
        meta.job_number = re.sub(r"\s*\([^)]*\)\s*$", "", _plain(docket))
    meta.sponsors = _sponsors(element)
    return meta


def _cover_meta(cover: etree._Element, element: etree._Element, meta: Meta) -> None:
    def text(path: str) -> str:
        found = cover.find(path, _NS)
        return _plain(found) if found is not None else ""

    meta.symbol = text(".//a:docNumber")
    meta.organ = canonical_organ(text(".//a:docAuthority[@refersTo='#issuingBody']"))
    meta.session = text(".//a:session")
    meta.agenda_title = text(".//a:inline[@name='agenda item name']")
    meta.note = text(".//a:inline[@name='note']")  # the sentence under "Note by the Secretariat"
    meta.distribution = _fact(text(".//a:docStatus"), "distribution")
    date = cover.find(".//a:docDate", _NS)
    if date is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.get("date", "")):
        meta.date = date.get("date")
    agenda = cover.find(".//a:inline[@name='agenda item']", _NS)
    if agenda is not None:
        meta.agenda_item = _agenda_item(agenda)
    for paragraph in cover.iter(_tag("p")):
        meta.original_language = _fact(_plain(paragraph), "original_language") or meta.original_language
    proponent = cover.find(".//a:docProponent", _NS)
    if proponent is not None:
        meta.committee = _committee(proponent, element)


def _fact(line: str, fact: str) -> str:
    """The value of a cover-page line read as THE masthead reader reads it, if it is that fact; else ""
    (a distribution written without "Distr." is kept as it is)."""
    found = read_line(line)
    if found is not None and found[0] == fact:
        return found[1]
    return line if fact == "distribution" else ""


def _agenda_item(agenda: etree._Element) -> str:
    """"107", "3 (b)", "13 and 117": what follows "Agenda item(s)".

    The element's title first (the Arabic file's title is "3 (b)" where its words say "3 (ب)"), then
    the words as the masthead reader reads them in any language ("Point 72 b) de l’ordre du jour"),
    else the words from the first number to the last number or closing parenthesis.
    """
    words = _plain(agenda)
    if agenda.get("title", "").strip():
        return agenda.get("title").strip()
    if item := read_agenda(words):
        return item
    match = re.search(r"\d.*[\d)]", words)
    return match.group() if match else words


def _committee(proponent: etree._Element, element: etree._Element) -> str:
    """"Third Committee" for "[on the report of the Third Committee (…)]"; "" for plenary texts."""
    words = _plain(proponent)
    refers = proponent.get("refersTo", "").lstrip("#")
    if refers == "noMainCommittee" or "without reference to a Main Committee" in words:
        return ""
    match = re.search(r"on the report of the (.+?Committee)", words)
    if match:
        return match.group(1)
    if refers:
        for term in element.iterfind("a:meta/a:references/*", _NS):
            if term.get("eId") == refers and refers.endswith("Committee"):
                return term.get("showAs", "")
    return ""


def _sponsors(element: etree._Element) -> list[str]:
    """Sponsors and additional sponsors listed in the workflow (descriptions such as
    "submitted by the Chair …" are not names and give none)."""
    sponsors: list[str] = []
    for step in element.iterfind("a:meta/a:workflow/a:step", _NS):
        by = " ".join(step.get("by", "").split())
        if step.get("outcome", "").startswith("draftResolution") and by[:1].isupper():
            for name in split_sponsors(by):
                if name not in sponsors:
                    sponsors.append(name)
    return sponsors


