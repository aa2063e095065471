"""`resdesk import FILE.docx`: Word files in UN layout, ours and others', into a Document.

Tracked changes are read as if all were accepted (the text a delegation sees
after "Accept all"), or as an `Acceptance` says (`resdesk.formats.docx_proposals`
reads each author's changes so); comments are not text. Hostile packages are
refused by `resdesk.formats.docx.reader` with one sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from resdesk.formats.docx.body import HINT_PREFIX, KIND_CODES
from resdesk.formats.docx.clean import ADOPTION_DATE_PROPERTY, COMMITTEE_PROPERTY, SPONSORS_PROPERTY
from resdesk.formats.docx.layout import MASTHEAD_HINT
from resdesk.formats.docx.masthead import read_masthead
from resdesk.formats.docx.oxml import w
from resdesk.formats.docx.package import CUSTOM_NS, CUSTOM_PROPERTIES_PART
from resdesk.formats.docx.paragraphs import (
    ACCEPT_ALL,
    Acceptance,
    ParagraphReader,
    bookmark_footnotes,
    kept,
    read_styles,
)
from resdesk.formats.docx.reader import DocxPackage
from resdesk.formats.docx.structure import StructureBuilder, TableItem, tidy
from resdesk.model.document import FORMULA, HEADING, Cell, Document, Footnote, Meta
from resdesk.text.inline import BOLD, FOOTNOTE, Mark, shift_marks, sorted_marks
from resdesk.un.dates import read_date
from resdesk.un.languages import code_of, language_of_script
from resdesk.un.masthead import formula_language, is_annex_heading, split_closing

HYPERLINK_RT = "/hyperlink"
CORE_NS = "http://purl.org/dc/elements/1.1/"
FORMULA_HINT = f"{HINT_PREFIX}{KIND_CODES[FORMULA]}_"


def _links(package: DocxPackage, part: str) -> dict[str, str]:
    return {rid: target for rid, (reltype, target, external) in package.relationships(part).items()
            if reltype.endswith(HYPERLINK_RT) and external}


def _number_formats(package: DocxPackage, main: str) -> dict[tuple[str, int], str]:
    """(numId, ilvl) -> numFmt ("decimal", "lowerLetter", …) from numbering.xml."""
    part = package.related(main, "numbering")
    if part is None:
        return {}
    root = package.xml(part)
    abstract: dict[str, dict[int, str]] = {}
    for definition in root.iter(w("abstractNum")):
        levels = {}
        for level in definition.iter(w("lvl")):
            fmt = level.find(w("numFmt"))
            try:
                levels[int(level.get(w("ilvl"), "0"))] = fmt.get(w("val"), "") if fmt is not None else ""
            except ValueError:
                continue
        abstract[definition.get(w("abstractNumId"), "")] = levels
    result = {}
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
        for level, fmt in levels.items():
            result[(num.get(w("numId"), ""), level)] = fmt
    return result


def body_elements(body) -> list[tuple[etree._Element, list[etree._Element]]]:
    """The body's paragraphs and tables in order, each with the tracked changes around it (a block-level
    `w:ins`, `w:del`, `w:moveTo` or `w:moveFrom`); the place of one in this list, from 1, is its origin."""
    found: list[tuple[etree._Element, list[etree._Element]]] = []

    def walk(container, around: list[etree._Element]) -> None:
        for child in container:
            if child.tag in (w("p"), w("tbl")):
                found.append((child, around))
            elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
                walk(child, around)
            elif child.tag in (w("ins"), w("moveTo"), w("del"), w("moveFrom")):
                walk(child, [*around, child])

    walk(body, [])
    return found


def _body_items(reader: ParagraphReader, body) -> list:
    """Paragraphs and tables in order, each with its `origin` (see `body_elements`); a paragraph mark taken out
    (deleted and accepted, or inserted and rejected) joins a paragraph with the next, which gives the joined
    one its origin unless it brings no text (Word records Enter pressed at the end of a paragraph as that
    paragraph's mark inserted: without it, the paragraph is still the one it was)."""
    items: list = []
    pending = None

    def emit(paragraph):
        nonlocal pending
        if pending is not None:
            previous = pending
            shift = len(previous.text)
            previous.marks = sorted_marks(previous.marks + [Mark(m.kind, m.start + shift, m.end + shift, m.target)
                                                            for m in paragraph.marks])
            previous.text += paragraph.text
            previous.bookmarks += paragraph.bookmarks
            previous.mark_deleted = paragraph.mark_deleted
            if paragraph.text.strip() or not previous.text.strip():
                previous.origin = paragraph.origin
            paragraph, pending = previous, None
        if paragraph.mark_deleted:
            pending = paragraph
        else:
            items.append(paragraph)

    for origin, (element, around) in enumerate(body_elements(body), start=1):
        if not all(reader.acceptance.keeps(revision) for revision in around):
            continue
        item = reader.read(element) if element.tag == w("p") else _table(reader, element)
        item.origin = origin
        if element.tag == w("p"):
            emit(item)
        else:
            items.append(item)
    if pending is not None:
        items.append(pending)
    return items


def _table(reader: ParagraphReader, tbl) -> TableItem:
    item = TableItem()
    for tr in tbl.iter(w("tr")):
        if tr.getparent() is not tbl and tr.getparent().tag != w("tbl") or not kept(tr.find(w("trPr")),
                                                                                     reader.acceptance):
            continue
        header = tr.find(f"{w('trPr')}/{w('tblHeader')}") is not None
        row = []
        for tc in tr.findall(w("tc")):
            text, marks = "", []
            for p in tc.iter(w("p")):
                paragraph = reader.read(p)
                item.lines.append((paragraph.text, paragraph.bookmarks))
                if text and paragraph.text:
                    text += " "
                shift = len(text)
                marks += [Mark(m.kind, m.start + shift, m.end + shift, m.target) for m in paragraph.marks]
                text += paragraph.text
            text, marks = tidy(text, marks)
            if header:
                marks = [m for m in marks if not (m.kind == BOLD and m.start == 0 and m.end == len(text))]
            row.append(Cell(text, sorted_marks(marks), header))
        item.rows.append(row)
    return item


def _footnotes(package: DocxPackage, main: str, styles, acceptance: Acceptance) -> dict[str, tuple[str, list[Mark]]]:
    part = package.related(main, "footnotes")
    if part is None:
        return {}
    reader = ParagraphReader(styles, _links(package, part), {}, acceptance)
    notes = {}
    for note in package.xml(part).iter(w("footnote")):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text, marks = "", []
        for p in note.iter(w("p")):
            paragraph = reader.read(p)
            shift = len(text) + (1 if text else 0)
            text = f"{text} {paragraph.text}" if text else paragraph.text
            marks += [Mark(m.kind, m.start + shift, m.end + shift, m.target) for m in paragraph.marks]
        text, marks = tidy(text, [m for m in marks if m.kind != FOOTNOTE])
        if text.startswith("()"):  # the parentheses of an Arabic marker, around the footnote's own reference
            text, marks = tidy(text[2:], shift_marks(marks, 0, 2, 0))
        notes[note.get(w("id"), "")] = text, marks
    return notes


def _custom_property(package: DocxPackage, name: str) -> str:
    """The text of one of our custom document properties (see `package.set_custom_properties`), or ""."""
    if not package.has(CUSTOM_PROPERTIES_PART.lstrip("/")):
        return ""
    for prop in package.xml(CUSTOM_PROPERTIES_PART.lstrip("/")).iter(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == name:
            return "".join(prop.itertext()).strip()
    return ""


def _part_texts(package: DocxPackage, main: str) -> list[str]:
    texts = []
    for _rid, (reltype, target, external) in sorted(package.relationships(main).items()):
        if not external and (reltype.endswith("/header") or reltype.endswith("/footer")) and package.has(target):
            texts.append(" ".join(t.text or "" for t in package.xml(target).iter(w("t"))))
    return texts


def _language(package: DocxPackage, items: list) -> str:
    """The text's language: the package's own (our exports write it), else guessed from the script, else English."""
    if package.has("docProps/core.xml"):
        element = package.xml("docProps/core.xml").find(f"{{{CORE_NS}}}language")
        if element is not None and element.text and element.text.strip():
            return code_of(element.text) or element.text.strip().split("-")[0].lower()
    sample = " ".join(item.text for item in items[:60] if not isinstance(item, TableItem))
    return language_of_script(sample) or "en"


def import_docx(data: bytes, name: str) -> Document:
    """The Document in a .docx file (raises BadInputError for anything that is not a sane Word file)."""
    return read_docx(DocxPackage(data, name)).document


class WordText(NamedTuple):
    """The text of a Word file as one reading of its tracked changes gives it.

    `bookmarks`: for each block our export wrote, the id the block had in the document it was exported
    from (its hidden bookmark; see `formats.docx.body`); `origins`: for each block, the place of the Word
    paragraph (or table) whose mark ends it, the same in every reading of the file (a block whose
    paragraph mark a reading takes out is joined to the next one and takes its place)."""

    document: Document
    bookmarks: dict[str, str]
    origins: dict[str, int]


def read_docx(package: DocxPackage, acceptance: Acceptance = ACCEPT_ALL) -> WordText:
    """The text of a checked Word package with its tracked changes accepted as `acceptance` says."""
    main = package.main
    styles_part = package.related(main, "styles")
    styles = read_styles(package.xml(styles_part) if styles_part else None)
    root = package.xml(main)
    reader = ParagraphReader(styles, _links(package, main), bookmark_footnotes(root), acceptance)
    body = root.find(w("body"))
    if body is None:
        return WordText(Document(), {}, {})
    items = _body_items(reader, body)
    formula_at = next((index for index, item in enumerate(items) if not isinstance(item, TableItem) and (
        any(mark.startswith(FORMULA_HINT) for mark in item.bookmarks) or formula_language(item.text))),
        None)
    if formula_at and _is_hinted(items[formula_at - 1], HEADING):
        formula_at -= 1  # the heading of the first part of a resolution in parts ("A."): ours name it
    meta = read_masthead(_masthead_paragraphs(items[: formula_at or 0]), _part_texts(package, main))
    sponsors = _custom_property(package, SPONSORS_PROPERTY)
    if sponsors and not meta.sponsors:
        meta.sponsors = [name.strip() for name in sponsors.split(";") if name.strip()]
    meta.adoption_date = _custom_property(package, ADOPTION_DATE_PROPERTY) or meta.adoption_date
    meta.committee = _custom_property(package, COMMITTEE_PROPERTY) or meta.committee
    start = formula_at or 0
    meta.language = _language(package, items[start:])
    number_formats = _number_formats(package, main)
    names = {style_id: info.name for style_id, info in styles.items()}
    builder = StructureBuilder(meta.language, names, number_formats)
    body_items = _without_closing(items[start:], meta)
    any_numbered = any(not isinstance(item, TableItem) and (item.numbered or item.text.lstrip()[:1].isdigit())
                       for item in body_items)
    for item in body_items:
        if isinstance(item, TableItem):
            builder.add_table(item)
        else:
            builder.add(item, any_numbered)
    if formula_at is not None and builder.blocks and builder.blocks[0].kind not in (FORMULA, HEADING):
        builder.blocks[0].kind = FORMULA
    document = Document(meta=meta, blocks=builder.blocks, annexes=builder.annexes)
    _attach_footnotes(document, _footnotes(package, main, styles, acceptance))
    return WordText(document, builder.sources, builder.origins)


def _is_hinted(item, kind: str) -> bool:
    """Whether our export marked this paragraph as a block of `kind`."""
    prefix = f"{HINT_PREFIX}{KIND_CODES[kind]}_"
    return not isinstance(item, TableItem) and any(name.startswith(prefix) for name in item.bookmarks)


def _without_closing(items: list, meta: Meta) -> list:
    """The body without an adopted resolution's closing (its meeting and date), which goes into `meta`:
    the paragraphs our export marks as such, else the last lines of the main text when they read as one."""
    facts = {f"{MASTHEAD_HINT}meeting": "meeting", f"{MASTHEAD_HINT}meetingdate": "meeting_date"}
    hinted = {index: facts[name] for index, item in enumerate(items) if not isinstance(item, TableItem)
              for name in item.bookmarks if name in facts}
    if not hinted:
        end = next((index for index, item in enumerate(items)
                    if not isinstance(item, TableItem) and is_annex_heading(item.text)), len(items))
        lines = [index for index in range(max(0, end - 2), end)
                 if not isinstance(items[index], TableItem) and items[index].text.strip()]
        for first in lines:
            closing = split_closing(" ".join(items[index].text for index in lines if index >= first))
            if closing is not None and closing[1]:
                meta.meeting, meta.meeting_date = closing
                meta.adoption_date = meta.adoption_date or read_date(meta.meeting_date)
                return [item for index, item in enumerate(items) if index not in lines or index < first]
        return items
    for index, fact in hinted.items():
        setattr(meta, fact, items[index].text.strip())
    return [item for index, item in enumerate(items) if index not in hinted]


def _masthead_paragraphs(items: list) -> list[tuple[str, list[str]]]:
    """(text, bookmark names) of the paragraphs before the formula, table cells included."""
    paragraphs = []
    for item in items:
        paragraphs += item.lines if isinstance(item, TableItem) else [(item.text, item.bookmarks)]
    return [(text, names) for text, names in paragraphs if text.strip()]


def _attach_footnotes(document: Document, notes: dict) -> None:
    """Word footnote ids in anchors (blocks and table cells) become ours ("f1", … in order of first reference)."""
    ids: dict[str, str] = {}

    def renamed(marks: list[Mark]) -> list[Mark]:
        result = []
        for mark in marks:
            if mark.kind == FOOTNOTE and mark.target.startswith("w:"):
                word_id = mark.target[2:]
                if word_id in notes:
                    ids.setdefault(word_id, f"f{len(ids) + 1}")
                    result.append(Mark(FOOTNOTE, mark.start, mark.end, ids[word_id]))
            else:
                result.append(mark)
        return sorted_marks(result)

    for block in document.all_blocks():
        block.marks = renamed(block.marks)
        for row in block.rows:
            for cell in row:
                cell.marks = renamed(cell.marks)
    for word_id, note_id in ids.items():
        text, marks = notes[word_id]
        document.footnotes[note_id] = Footnote(note_id, text, marks)
