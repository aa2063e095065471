"""`resdesk export … -o OUT.xml`: one version as AKN4UN XML, `statement name="resolutionDraft"`.

The shapes follow the UN's own AKN4UN files (see un-format.md §4), so the same
reader handles theirs and ours: coverPage (symbol, organ, distribution, date,
session, agenda item, sponsors), preface (title), preamble (enacting formula and
one container per PP, named by its opening phrase), mainBody (paragraphs with
num and content, list/intro/point for sub-paragraphs, headings, tables),
authorialNote footnotes at every anchor (a footnote anchored twice is written
twice with the same marker), links as `a href`. Annexes are attachments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from resdesk.amend.labels import compute_labels, subparagraph_depth, subparagraph_marker
from resdesk.formats.atomic import atomic_output
from resdesk.formats.export_options import ExportOptions
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
from resdesk.text.dates import un_date
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Coverage, Mark

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE_CODES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "zh": "zho", "ru": "rus"}
COMMITTEE_ID = "mainCommittee"
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese", "ru": "Russian"}


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


def link_url(target: str) -> str:
    if "://" in target or target.startswith("mailto:"):
        return target
    return f"https://undocs.org/en/{target.lstrip('/')}"


class AknWriter:
    def __init__(self, document: Document):
        self.document = document
        self.markers = document.footnote_markers()
        self.note_count = 0
        self.language = document.meta.language

    # -- inline -------------------------------------------------------------------------------

    def inline(self, parent: etree._Element, text: str, marks: list[Mark], italic_until: int = 0) -> None:
        """Fill `parent` with `text`: italic/bold spans, links, footnotes at their anchors."""
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
            if left < italic_until or italic:
                target = _e(target, "span", class_="italic")
            if bold:
                target = _e(target, "span", class_="bold")
            if link:
                target = _e(target, "a", href=link_url(link))
            if target is parent:
                _append_text(parent, piece)
            else:
                target.text = piece
            self._notes_at(parent, notes, right)

    def _notes_at(self, parent: etree._Element, notes: dict[int, list[str]], position: int) -> None:
        for note_id in notes.get(position, ()):
            if note_id in self.document.footnotes:
                self.note_count += 1
                note = _e(parent, "authorialNote", marker=self.markers.get(note_id, ""), placement="bottom",
                          eId=f"authorialNote_{self.note_count}")
                footnote = self.document.footnotes[note_id]
                self.inline(_e(note, "p"), footnote.text, footnote.marks)

    def opening(self, block: Block) -> int:
        if block.kind == FORMULA:
            return len(block.text.rstrip(","))
        if block.kind not in (PREAMBULAR, OPERATIVE):
            return 0
        from resdesk.text.phrases import opening_phrase

        return len(opening_phrase(block.text, block.kind, self.language))

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

    def points(self, parent: etree._Element, block: Block, children: dict, depths: dict, index: dict,
               eid: str) -> None:
        """`block`'s sub-paragraphs as list/intro/point (points may hold lists themselves)."""
        kids = children.get(block.id, [])
        lst = _e(parent, "list", eId=f"{eid}_list")
        self.p(_e(lst, "intro", eId=f"{eid}_list_intro"), block)
        for child in kids:
            number = subparagraph_marker(index[child.id], depths[child.id], self.language)
            point_id = f"{eid}_list_point_{re.sub(r'[^a-z0-9]', '', number.lower())}"
            point = _e(lst, "point", eId=point_id)
            _e(point, "num", number)
            if children.get(child.id):
                self.points(point, child, children, depths, index, point_id)
            else:
                self.p(_e(point, "content", eId=f"{point_id}_content"), child)

    def blocks(self, preamble: etree._Element | None, body: etree._Element, blocks: list[Block]) -> None:
        labels = compute_labels(blocks)
        depths = subparagraph_depth(blocks)
        ids = {b.id for b in blocks}
        children: dict[str, list[Block]] = {}
        index: dict[str, int] = {}
        for block in blocks:
            if block.kind == SUBPARAGRAPH and block.parent in ids:
                children.setdefault(block.parent, []).append(block)
                index[block.id] = len(children[block.parent])
        operatives = sum(1 for b in blocks if b.kind == OPERATIVE)
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
                from resdesk.text.phrases import opening_phrase

                name = opening_phrase(block.text, block.kind, self.language) or "preambular"
                container = _e(preamble, "container", name=name, eId=f"container_{position}")
                if children.get(block.id):
                    self.points(container, block, children, depths, index, f"container_{position}")
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
            if block.kind == OPERATIVE and operatives > 1:
                match = re.search(r"(\d+)$", labels.get(block.id, ""))
                if match:
                    _e(paragraph, "num", f"{match.group(1)}.")
            if block.kind == PREAMBULAR:
                paragraph.set("refersTo", "#preambular")
            elif block.kind not in (OPERATIVE, SUBPARAGRAPH):
                paragraph.set("refersTo", f"#{block.kind}")
            if children.get(block.id):
                self.points(paragraph, block, children, depths, index, eid)
            else:
                self.p(_e(paragraph, "content", eId=f"{eid}__content"), block)


def _cover_page(parent: etree._Element, document: Document) -> None:
    meta = document.meta
    cover = _e(parent, "coverPage", eId="coverPage_1")
    _e(_e(cover, "p"), "docAuthority", "United Nations", refersTo="#publisher")
    if meta.symbol:
        _e(_e(cover, "p", class_="upperRight"), "docNumber", meta.symbol, refersTo="#symbol")
    _e(_e(cover, "p"), "docAuthority", meta.organ, refersTo="#issuingBody", class_="rightBig")
    if meta.distribution:
        _e(_e(cover, "p"), "docStatus", f"Distr.: {meta.distribution}", class_="rightSmall")
    if meta.date:
        _e(_e(cover, "p"), "docDate", un_date(meta.date), date=meta.date, class_="rightSmall",
           refersTo="#dateOfIssuance")
    if meta.original_language:
        name = LANGUAGE_NAMES.get(meta.original_language, meta.original_language)
        _e(_e(cover, "p"), "inline", f"Original: {name}", name="original language")
    if meta.session:
        _e(_e(cover, "p"), "session", meta.session, refersTo="#generalAssembly")
    if meta.agenda_item:
        _e(_e(cover, "p"), "inline", f"Agenda item {meta.agenda_item}", name="agenda item",
           title=meta.agenda_item)
    if meta.agenda_title:
        _e(_e(cover, "p"), "inline", meta.agenda_title, name="agenda item name")
    if meta.committee:
        _e(_e(cover, "p"), "docProponent", meta.committee, refersTo=f"#{COMMITTEE_ID}")
    if meta.sponsors:
        revised = "revised " if "/Rev." in meta.symbol else ""
        _e(cover, "p", f"{sponsor_list(meta.sponsors)}: {revised}draft resolution", class_="sponsors")
    if meta.note:
        _e(_e(cover, "p", class_="note"), "docType", "Note by the Secretariat")
        _e(_e(cover, "p", class_="noteIntroduction"), "inline", meta.note, name="note")


def sponsor_list(sponsors: list[str]) -> str:
    return sponsors[0] if len(sponsors) == 1 else ", ".join(sponsors[:-1]) + " and " + sponsors[-1]


def _workflow_and_references(meta_el: etree._Element, document: Document) -> None:
    """The sponsors as the draft's workflow step; the committee as a TLC organization the cover page refers to."""
    meta = document.meta
    if meta.sponsors:
        _e(_e(meta_el, "workflow", source="#resolutionDesk"), "step", date=meta.date or "0001-01-01",
           outcome="draftResolution", as_=meta.symbol, by=sponsor_list(meta.sponsors))
    if meta.committee:
        _e(_e(meta_el, "references", source="#resolutionDesk"), "TLCOrganization", eId=COMMITTEE_ID,
           href="/akn/ontology/organizations/un/mainCommittee", showAs=meta.committee)


def _identification(meta_el: etree._Element, document: Document) -> None:
    meta = document.meta
    date = meta.date or "0001-01-01"
    number = re.sub(r"[^A-Za-z0-9.]+", "-", meta.symbol).strip("-") or "draft"
    language = LANGUAGE_CODES.get(meta.language, meta.language or "eng")
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
            _e(_e(_e(doc, "preface"), "p"), "docTitle", annex.title or "Annex")
            writer.blocks(None, _e(doc, "mainBody"), annex.blocks)
    return root


def akn_bytes(document: Document) -> bytes:
    return etree.tostring(akn_tree(document), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_akn(doc, options: ExportOptions, output: Path,
               progress: Callable[[int, int], None] | None = None) -> None:
    """Write the version `options.rev` (default: the current one) of `doc` as AKN4UN XML, atomically."""
    from resdesk.store.documents import load

    options.check()
    document = load(doc, options.rev)
    data = akn_bytes(document)
    with atomic_output(output) as temp:
        temp.write_bytes(data)
    if progress is not None:
        total = len(document.all_blocks())
        progress(total, total)
