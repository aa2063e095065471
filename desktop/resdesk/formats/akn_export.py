"""`resdesk export … -o OUT.xml`: one version as AKN4UN XML, `statement name="resolutionDraft"`.

The shapes follow the UN's own AKN4UN files (see un-format.md §4), so the same
reader handles theirs and ours: coverPage (symbol, organ, distribution, date,
session, agenda item, sponsors), preface (title), preamble (enacting formula and
one container per PP, named by its opening phrase), mainBody (paragraphs with
num and content, list/intro/point for sub-paragraphs, headings, tables),
authorialNote footnotes at every anchor (a footnote anchored twice is written
twice with the same marker), links as `a href`. Annexes are attachments.

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

from resdesk.amend.labels import printed_numbers
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
)
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Mark
from resdesk.un import masthead as words
from resdesk.un.languages import code_of
from resdesk.un.languages import language as language_of
from resdesk.un.phrases import opening_emphasis, opening_extent, opening_phrase
from resdesk.un.sponsors import join_sponsors, sponsor_line
from resdesk.un.symbols import is_revision, link_url
from resdesk.views.export import ExportInput, ExportOptions

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
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
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
        self._notes_at(parent, anchors, 0)
        for left, right in zip(points, points[1:], strict=False):
            piece = text[left:right]
            active = [m for m in spans if m.start <= left and right <= m.end]
            target = parent
            link = next((m.target for m in active if m.kind == LINK), "")
            if left < italic_until:
                target = _e(target, "span", class_=self.opening_class)
            if any(m.kind == ITALIC for m in active) and not (left < italic_until and "italic" in self.opening_class):
                target = _e(target, "span", class_="italic")
            if any(m.kind == BOLD for m in active) and not (left < italic_until and "bold" in self.opening_class):
                target = _e(target, "span", class_="bold")
            if link:
                target = _e(target, "a", href=link_url(link))
            if target is parent:
                _append_text(parent, piece)
            else:
                target.text = piece
            self._notes_at(parent, anchors, right)

    def _notes_at(self, parent: etree._Element, anchors: list[tuple[int, str]], position: int) -> None:
        for at, note_id in anchors:
            if at == position and note_id in self.document.footnotes:
                self.note_count += 1
                note = _e(parent, "authorialNote", marker=self.markers.get(note_id, ""), placement="bottom",
                          eId=f"authorialNote_{self.note_count}")
                footnote = self.document.footnotes[note_id]
                self.inline(_e(note, "p"), footnote.text, footnote.marks)

    def p(self, parent: etree._Element, block: Block) -> etree._Element:
        element = _e(parent, "p")
        self.inline(element, block.text, block.marks, opening_extent(block.text, block.kind, self.language))
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

    def blocks(self, preamble: etree._Element | None, body: etree._Element, blocks: list[Block]) -> None:
        numbers = printed_numbers(blocks, self.language)
        ids = {b.id for b in blocks}
        children = tree.children(blocks)
        in_body = preamble is None
        for position, block in enumerate(blocks, start=1):
            if block.kind == SUBPARAGRAPH and block.parent in ids:
                continue
            eid = f"para_{position}"
            in_body = in_body or block.kind not in (FORMULA, PREAMBULAR)
            in_preamble = not in_body
            if in_preamble and block.kind == FORMULA:
                self.p(_e(preamble, "formula", name="enactingFormula", eId="formula_1"), block)
                continue
            if in_preamble:
                name = opening_phrase(block.text, block.kind, self.language) or "preambular"
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
            if children.get(block.id):
                self.points(paragraph, block, children, numbers, eid)
            else:
                self.p(_e(paragraph, "content", eId=f"{eid}__content"), block)


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
    if meta.committee:
        _e(_e(cover, "p"), "docProponent", meta.committee, refersTo=f"#{COMMITTEE_ID}")
    if meta.note:
        _e(_e(cover, "p", class_="note"), "docType", words.note_heading(lang))
        _e(_e(cover, "p", class_="noteIntroduction"), "inline", meta.note, name="note")
    if meta.sponsors:
        _e(cover, "p", sponsor_line(meta.sponsors, lang, revised=is_revision(meta.symbol)), class_="sponsors")


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
    """The AKN4UN element tree of `document`."""
    root = _e(None, "akomaNtoso")
    statement = _e(root, "statement", name="resolutionDraft")
    meta_el = _e(statement, "meta")
    _identification(meta_el, document)
    _workflow_and_references(meta_el, document)
    _cover_page(statement, document)
    if document.meta.title:
        preface_p = _e(_e(statement, "preface"), "p")
        _e(_e(preface_p, "docTitle", refersTo="#resolutionTitle"), "span", document.meta.title, class_="bold")
    writer = AknWriter(document)
    preamble = _e(statement, "preamble")
    body = _e(statement, "mainBody")
    writer.blocks(preamble, body, document.blocks)
    if not len(preamble):
        statement.remove(preamble)
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
