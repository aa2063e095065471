"""`resdesk export … -o OUT.xml`: one version as AKN4UN XML, `statement name="resolutionDraft"`
(`"resolution"` for an adopted one).

The shapes follow the UN's own AKN4UN files (see un-format.md §4), so the same
reader handles theirs and ours: coverPage (symbol, organ, distribution, date,
session, agenda item, sponsors; an adopted resolution's adoption line and report
line instead of sponsors), preface (number and title), preamble (enacting formula,
one container per PP, named by its opening phrase, and crossHeadings for headings
and separators between PPs), mainBody (paragraphs with num and content,
list/intro/point for sub-paragraphs, headings, tables), conclusions (an adopted
resolution's meeting and date), authorialNote footnotes at every anchor (a footnote
anchored twice is written twice with the same marker; Arabic markers between
superscript parentheses), links as `a href`. Annexes are attachments. A resolution
in parts (A, B: each with its own formula) is a documentCollection of one statement
per part, as the UN writes them.

An AKN export holds a clean text: the version, or it with the amendments chosen by
`--status`/`--delegations` accepted (as a clean Word export). Tracked changes, a
compilation and a comparison of two versions are refused in one sentence: our AKN
reader takes every word of a file as the text, so AKN4UN `ins`/`del` markup would
come back as text, and the Word and PDF exports show proposals. An amendment
document is refused too: AKN4UN's `amendmentList` would be a second document type
to write and read, for a document the Secretariat issues in Word and PDF.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from resdesk.amend.labels import in_parts, printed_numbers
from resdesk.errors import UserError
from resdesk.formats.atomic import atomic_output
from resdesk.model import tree
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    Block,
    Cell,
    Document,
    Meta,
)
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Coverage, Mark, marked_opening
from resdesk.un import masthead as words
from resdesk.un.languages import code_of
from resdesk.un.languages import language as language_of
from resdesk.un.markers import footnote_marker_brackets
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.un.sponsors import join_sponsors, sponsor_line
from resdesk.un.symbols import is_revision, link_url
from resdesk.views.export_input import ExportInput, ExportOptions

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
COMMITTEE_ID = "mainCommittee"


def _e(parent: etree._Element | None, tag: str, text: str = "", **attrs: str) -> etree._Element:
    element = etree.Element(f"{{{AKN_NS}}}{tag}", nsmap={None: AKN_NS}) if parent is None else \
        etree.SubElement(parent, f"{{{AKN_NS}}}{tag}")
    for name, value in attrs.items():
        element.set(name.rstrip("_").replace("__", ":"), value)
    if text:
        element.text = text
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    last = next(parent.iterchildren(reversed=True), None)  # len(parent) counts every child: quadratic
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class AknWriter:
    def __init__(self, document: Document):
        self.document = document
        self.markers = document.footnote_markers()
        self.note_count = 0
        self.language = document.meta.language
        self.opening_class = opening_emphasis(self.language).css_class

    # -- inline -------------------------------------------------------------------------------

    def inline(self, parent: etree._Element, text: str, marks: list[Mark], italic_until: int = 0) -> None:
        """Fill `parent` with `text`: the opening (its first `italic_until` characters, in the span class the
        language sets it in: "italic", "bold", "bold italic"), italic/bold spans, links, footnotes."""
        length = len(text)
        anchors = sorted((min(m.start, length), m.target) for m in marks if m.kind == FOOTNOTE)
        spans = [m for m in marks if m.kind in (ITALIC, BOLD, LINK)]
        cuts = {0, length, *(p for p, _ in anchors)}
        if 0 < italic_until < length:
            cuts.add(italic_until)
        for mark in spans:
            cuts.update(p for p in (mark.start, mark.end) if 0 <= p <= length)
        points = sorted(cuts)
        notes: dict[int, list[str]] = {}  # by offset: one look-up per piece, not a scan of every anchor
        for at, note_id in anchors:
            notes.setdefault(at, []).append(note_id)
        self._notes_at(parent, notes, 0)
        coverage = Coverage(spans)
        for left, right in zip(points, points[1:], strict=False):
            piece = text[left:right]
            target = parent
            italic, bold, link = coverage.at(left)
            if left < italic_until:
                target = _e(target, "span", class_=self.opening_class)
            if italic and not (left < italic_until and "italic" in self.opening_class):
                target = _e(target, "span", class_="italic")
            if bold and not (left < italic_until and "bold" in self.opening_class):
                target = _e(target, "span", class_="bold")
            if link:
                target = _e(target, "a", href=link_url(link))
            if target is parent:
                _append_text(parent, piece)
            else:
                target.text = piece
            self._notes_at(parent, notes, right)

    def _notes_at(self, parent: etree._Element, notes: dict[int, list[str]], position: int) -> None:
        """The footnotes anchored at `position`; in Arabic between the superscript parentheses of their marker
        ("(1)"), with the empty "()" standing for the marker before the note's text, as the UN writes them."""
        before, after = footnote_marker_brackets(self.language)
        for note_id in notes.get(position, ()):
            if note_id in self.document.footnotes:
                self.note_count += 1
                if before:
                    _e(parent, "sup", before)
                note = _e(parent, "authorialNote", marker=self.markers.get(note_id, ""), placement="bottom",
                          eId=f"authorialNote_{self.note_count}")
                if after:
                    _e(parent, "sup", after)
                footnote = self.document.footnotes[note_id]
                text = _e(note, "p", f"{before}{after}\t" if before else "")
                self.inline(text, footnote.text, footnote.marks)

    def opening(self, block: Block) -> int:
        """How many leading characters of `block` are its opening (`resdesk.un.phrases.opening_extent`)."""
        return opening_extent(block.text, block.kind, self.language, marked_opening(block.marks))

    def p(self, parent: etree._Element, block: Block) -> etree._Element:
        element = _e(parent, "p")
        self.inline(element, block.text, block.marks, self.opening(block))
        return element

    # -- structure ----------------------------------------------------------------------------

    def table(self, parent: etree._Element, rows: list[list[Cell]], eid: str) -> None:
        container = _e(parent, "container", name="table", eId=eid)
        table = _e(container, "table", eId=f"{eid}_table_1")
        for row in rows:
            tr = _e(table, "tr")
            for cell in row:
                self.inline(_e(_e(tr, "th" if cell.header else "td"), "p"), cell.text, cell.marks)

    def points(self, parent: etree._Element, block: Block, children: dict, numbers: dict, eid: str) -> None:
        """`block`'s sub-paragraphs as list/intro/point (points may hold lists themselves)."""
        lst = _e(parent, "list", eId=f"{eid}_list")
        self.p(_e(lst, "intro", eId=f"{eid}_list_intro"), block)
        for child in children.get(block.id, []):
            number = numbers[child.id]
            point_id = f"{eid}_list_point_{re.sub(r'[^a-z0-9]', '', number.lower())}"
            point = _e(lst, "point", eId=point_id)
            _e(point, "num", number)
            if children.get(child.id):
                self.points(point, child, children, numbers, point_id)
            else:
                self.p(_e(point, "content", eId=f"{point_id}_content"), child)

    def text(self, statement: etree._Element, blocks: list[Block]) -> None:
        """A statement's preamble, main body and closing."""
        preamble = _e(statement, "preamble")
        self.blocks(preamble, _e(statement, "mainBody"), blocks)
        if not len(preamble):
            statement.remove(preamble)
        _conclusions(statement, self.document.meta)

    def blocks(self, preamble: etree._Element | None, body: etree._Element, blocks: list[Block]) -> None:
        numbers = printed_numbers(blocks, self.language)
        ids = {b.id for b in blocks}
        children = tree.children(blocks)
        preamble_end = _preamble_length(blocks) if preamble is not None else 0
        interleaved = _interleaved(blocks)
        for position, block in enumerate(blocks, start=1):
            eid = f"para_{position}"
            if block.kind == SUBPARAGRAPH and block.parent in ids:
                if block.id in interleaved:  # free text between its siblings: as older UN files write them
                    p = _e(_e(_e(body, "paragraph", eId=eid, class_="SingleTxt"), "content"), "p",
                           f"{numbers[block.id]}\t")
                    self.inline(p, block.text, block.marks)
                continue
            in_preamble = position <= preamble_end
            if in_preamble and block.kind == FORMULA:
                self.p(_e(preamble, "formula", name="enactingFormula", eId="formula_1"), block)
                continue
            if in_preamble and block.kind == HEADING:  # a heading or "* * *" between PPs
                heading = _e(preamble, "crossHeading", eId=f"crossHeading_{position}",
                             class_="H1" if block.level <= 1 else "H23")
                if block.number:
                    _e(heading, "num", block.number).tail = " "
                self.inline(heading, block.text, block.marks)
                continue
            if in_preamble:
                name = block.text[: self.opening(block)] or "preambular"
                container = _e(preamble, "container", name=name, eId=f"container_{position}")
                if children.get(block.id):
                    self.points(container, block, children, numbers, f"container_{position}")
                else:
                    self.p(container, block)
                continue
            if block.kind == TABLE:
                self.table(body, block.rows, f"container_{position}")
                continue
            if block.kind == HEADING:
                style = "H1" if block.level <= 1 else "H23"
                paragraph = _e(body, "paragraph", eId=eid, class_=style)
                if block.number:
                    _e(paragraph, "num", block.number)
                self.inline(_e(paragraph, "heading" if style == "H1" else "subheading"), block.text, block.marks)
                continue
            paragraph = _e(body, "paragraph", eId=eid, class_="SingleTxt")
            if block.kind == OPERATIVE and numbers[block.id]:
                _e(paragraph, "num", numbers[block.id])
            if block.kind == PREAMBULAR:
                paragraph.set("refersTo", "#preambular")
            elif block.kind not in (OPERATIVE, SUBPARAGRAPH):
                paragraph.set("refersTo", f"#{block.kind}")
            if children.get(block.id) and children[block.id][0].id not in interleaved:
                self.points(paragraph, block, children, numbers, eid)
            else:
                self.p(_e(paragraph, "content", eId=f"{eid}__content"), block)


def _interleaved(blocks: list[Block]) -> set[str]:
    """The sub-paragraphs of every list that has free text between its sub-paragraphs ("Panel 1: …"
    lines under a sub-paragraph): a list/point structure would move that text after the list, so
    these are written as paragraphs with their marker typed into the text, in reading order."""
    top: dict[str, str] = {}  # sub-paragraph -> its PP or OP
    members: dict[str, list[int]] = {}
    for position, block in enumerate(blocks):
        if block.kind == SUBPARAGRAPH and block.parent is not None:
            top[block.id] = top.get(block.parent, block.parent)
            members.setdefault(top[block.id], []).append(position)
    found: set[str] = set()
    for positions in members.values():
        between = blocks[positions[0]:positions[-1] + 1]
        if any(block.kind != SUBPARAGRAPH for block in between):
            found.update(block.id for block in between if block.kind == SUBPARAGRAPH)
    return found


def _parts(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    """The parts of a resolution in parts, each with the heading naming it ("A.") and its blocks; one part
    (without heading) for any other text. A part starts at its formula, or at the heading just before it."""
    if not in_parts(blocks):
        return [(None, blocks)]
    starts = [index for index, block in enumerate(blocks) if block.kind == FORMULA]
    parts = []
    for number, start in enumerate(starts):
        heading = blocks[start - 1] if start > 0 and blocks[start - 1].kind == HEADING else None
        end = starts[number + 1] if number + 1 < len(starts) else len(blocks)
        if number + 1 < len(starts) and blocks[end - 1].kind == HEADING:
            end -= 1  # the next part's heading
        parts.append((heading, [block for block in blocks[0 if number == 0 else start:end] if block is not heading]))
    return parts


def _preamble_length(blocks: list[Block]) -> int:
    """How many blocks open the text as its preamble: the formula and the PPs, with the headings and
    separators between them (and the PPs' sub-paragraphs), up to the last PP before anything else."""
    end = 0
    for index, block in enumerate(blocks):
        if block.kind in (FORMULA, PREAMBULAR):
            end = index + 1
        elif block.kind not in (HEADING, SUBPARAGRAPH):
            break
    return end


def _cover_page(parent: etree._Element, document: Document) -> None:
    """The cover page in the document's language (its right-hand block as `resdesk.un.masthead` writes it)."""
    meta = document.meta
    lang = meta.language
    cover = _e(parent, "coverPage", eId="coverPage_1")
    _e(_e(cover, "p"), "docAuthority", words.publisher(lang), refersTo="#publisher")
    if meta.symbol:
        _e(_e(cover, "p", class_="upperRight"), "docNumber", meta.symbol, refersTo="#symbol")
    _e(_e(cover, "p"), "docAuthority", words.organ_name(meta.organ, lang), refersTo="#issuingBody", class_="rightBig")
    if meta.distribution:
        _e(_e(cover, "p"), "docStatus", words.distribution_line(meta.distribution, lang), class_="rightSmall")
    if meta.date:
        _e(_e(cover, "p"), "docDate", words.date_line(meta.date, lang), date=meta.date, class_="rightSmall",
           refersTo="#dateOfIssuance")
    if meta.original_language:
        _e(_e(cover, "p"), "inline", words.original_line(meta.original_language, lang), name="original language")
    if meta.session:
        _e(_e(cover, "p"), "session", meta.session, refersTo="#generalAssembly")
    if meta.agenda_item:
        _e(_e(cover, "p"), "inline", words.agenda_line(meta.agenda_item, lang), name="agenda item",
           title=meta.agenda_item)
    if meta.agenda_title:
        _e(_e(cover, "p"), "inline", meta.agenda_title, name="agenda item name")
    if meta.adopted:
        _adoption_lines(cover, meta)
        return
    if meta.committee:
        _e(_e(cover, "p"), "docProponent", meta.committee, refersTo=f"#{COMMITTEE_ID}")
    if meta.note:
        _e(_e(cover, "p", class_="note"), "docType", words.note_heading(lang))
        _e(_e(cover, "p", class_="noteIntroduction"), "inline", meta.note, name="note")
    if meta.sponsors:
        _e(cover, "p", sponsor_line(meta.sponsors, lang, revised=is_revision(meta.symbol)), class_="sponsors")


def _adoption_lines(cover: etree._Element, meta: Meta) -> None:
    """An adopted resolution's cover lines, as the UN writes them: the adoption line as the cover's
    docTitle, the report line as its docProponent (the originating document as an inline)."""
    if meta.adoption_line:
        _e(_e(cover, "p"), "docTitle", meta.adoption_line)
    if meta.report_line:
        refers = f"#{COMMITTEE_ID}" if meta.committee else "#noMainCommittee"
        proponent = _e(_e(cover, "p"), "docProponent", refersTo=refers)
        source = re.fullmatch(r"(.*\()([^()]*)(\)\s*\])", meta.report_line)
        if source:
            proponent.text = source.group(1)
            _e(proponent, "inline", source.group(2), name="originating document").tail = source.group(3)
        else:
            proponent.text = meta.report_line


def _preface(statement: etree._Element, meta: Meta) -> None:
    """The number ("76/153.") and title of the resolution."""
    if not (meta.title or meta.resolution_number):
        return
    preface_p = _e(_e(statement, "preface"), "p")
    if meta.resolution_number:
        _e(preface_p, "docNumber", words.resolution_number_label(meta.resolution_number)).tail = " "
    if meta.title:
        _e(_e(preface_p, "docTitle", refersTo="#resolutionTitle"), "span", meta.title, class_="bold")


def _conclusions(statement: etree._Element, meta: Meta) -> None:
    """An adopted resolution's closing: the meeting, and under it the date of adoption."""
    if not meta.closing_lines():
        return
    event = _e(_e(_e(statement, "conclusions", eId="conclusions"), "p"), "event", refersTo="#adoption")
    if meta.meeting:
        _e(event, "location", meta.meeting, refersTo="#adoptionMeeting")
    if meta.meeting and meta.meeting_date:
        _e(event, "eol")
    if meta.meeting_date:
        date = _e(event, "docDate", meta.meeting_date, refersTo="#adoptionDate")
        if meta.adoption_date:
            date.set("date", meta.adoption_date)


def _workflow_and_references(meta_el: etree._Element, document: Document) -> None:
    """The sponsors as the draft's workflow step (in English, as the UN's files of every language write it);
    the committee as a TLC organization the cover page refers to."""
    meta = document.meta
    if meta.sponsors:
        _e(_e(meta_el, "workflow", source="#resolutionDesk"), "step", date=meta.date or "0001-01-01",
           outcome="draftResolution", as_=meta.symbol, by=join_sponsors(meta.sponsors))
    if meta.committee:
        _e(_e(meta_el, "references", source="#resolutionDesk"), "TLCOrganization", eId=COMMITTEE_ID,
           href="/akn/ontology/organizations/un/mainCommittee", showAs=meta.committee)


def _identification(meta_el: etree._Element, document: Document) -> None:
    meta = document.meta
    date = meta.date or "0001-01-01"
    number = re.sub(r"[^A-Za-z0-9.]+", "-", meta.symbol).strip("-") or "draft"
    language = language_of(meta.language).codes[0] if code_of(meta.language) else (meta.language or "eng")
    work = f"/akn/un/statement/resolutionDraft/unga/{date}/{number}/"
    identification = _e(meta_el, "identification", source="#resolutionDesk")
    for level, uri, date_name, role in (
        ("FRBRWork", work, "submission", "author"),
        ("FRBRExpression", f"{work}{language}@/", "publication", "issuer"),
        ("FRBRManifestation", f"{work}{language}@.xml", "markup", "editor"),
    ):
        frbr = _e(identification, level)
        _e(frbr, "FRBRthis", value=f"{uri.rstrip('/')}/!main")
        _e(frbr, "FRBRuri", value=uri)
        _e(frbr, "FRBRdate", date=date, name=date_name)
        _e(frbr, "FRBRauthor", href="#resolutionDesk" if level == "FRBRManifestation" else "#ga", as_=role)
        if level == "FRBRWork":
            _e(frbr, "FRBRcountry", value="un")
        if level == "FRBRExpression":
            _e(frbr, "FRBRlanguage", language=language)


def akn_tree(document: Document) -> etree._Element:
    """The AKN4UN element tree of `document`: a statement, or for a resolution in parts (A, B: each
    with its own formula) a documentCollection of one statement per part, as the UN writes them."""
    root = _e(None, "akomaNtoso")
    name = "resolution" if document.meta.adopted else "resolutionDraft"
    parts = _parts(document.blocks)
    statement = _e(root, "documentCollection" if len(parts) > 1 else "statement", name=name)
    meta_el = _e(statement, "meta")
    _identification(meta_el, document)
    _workflow_and_references(meta_el, document)
    _cover_page(statement, document)
    _preface(statement, document.meta)
    writer = AknWriter(document)
    if len(parts) > 1:
        collection = _e(statement, "collectionBody")
        for number, (heading, blocks) in enumerate(parts, start=1):
            part = _e(_e(collection, "component", eId=f"cmp_{number}"), "statement", name=name)
            _identification(_e(part, "meta"), document)
            if heading is not None:
                preface_p = _e(_e(part, "preface"), "p")
                _e(preface_p, "docNumber", heading.number.rstrip(".")).tail = " "
                writer.inline(_e(preface_p, "docTitle"), heading.text, heading.marks)
            writer.text(part, blocks)
    else:
        writer.text(statement, document.blocks)
    if document.annexes:
        attachments = _e(statement, "attachments")
        for number, annex in enumerate(document.annexes, start=1):
            doc = _e(_e(attachments, "attachment", eId=f"att_{number}"), "doc", name="annex")
            _identification(_e(doc, "meta"), document)
            _e(_e(_e(doc, "preface"), "p"), "docTitle", words.annex_title(annex.title, document.meta.language))
            writer.blocks(None, _e(doc, "mainBody"), annex.blocks)
    return root


def akn_bytes(document: Document) -> bytes:
    return etree.tostring(akn_tree(document), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def check_akn(options: ExportOptions) -> None:
    """Refuse, in one sentence, what an AKN export cannot hold (see the module docstring)."""
    if options.comparing:
        raise UserError("An Akoma Ntoso export holds one version's text; compare two versions in a .docx or .pdf "
                        "export.")
    if options.mode == "amendments":
        raise UserError("An Akoma Ntoso export holds the clean text of a resolution; export the amendment document "
                        "to .docx or .pdf.")
    if options.mode != "clean":
        raise UserError(f"An Akoma Ntoso export holds the clean text; export a {options.mode} text to .docx or "
                        ".pdf.")


def export_akn(prepared: ExportInput, output: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Write the clean text of a prepared export as AKN4UN XML, atomically."""
    check_akn(prepared.options)
    document = prepared.text
    data = akn_bytes(document)
    with atomic_output(output) as temp:
        temp.write_bytes(data)
    if progress is not None:
        total = len(document.all_blocks())
        progress(total, total)
