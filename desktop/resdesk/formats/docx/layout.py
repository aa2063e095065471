"""Page and masthead: paper size, the first-page masthead and session block, running headers and footers.

First page: "United Nations" and the symbol (first component 20 pt), a thin
rule, "General Assembly" bold 20 pt with the Distr./date/Original block at
≈ 397 pt, a thick rule, the session block; no running header. Later pages: the
symbol bold 8.5 pt left on even pages and right on odd pages above a thin rule,
"n/N" (PAGE/NUMPAGES fields, bold 8.5 pt) on the outer side of the footer and the
job number (7 pt) on the inner side.
"""

from __future__ import annotations

from docx.shared import Twips
from lxml import etree

from resdesk.formats.docx import geometry, picture
from resdesk.formats.docx.oxml import bookmark, border, el, field_runs, paragraph_properties, run, run_properties, w
from resdesk.formats.emblem import emblem_pixels
from resdesk.model.document import Meta
from resdesk.un import code39
from resdesk.un import masthead as words
from resdesk.un import page as un
from resdesk.un.address import document_address, qr_modules
from resdesk.un.languages import is_rtl
from resdesk.un.symbols import symbol_parts


def _paragraph(style: str, runs: list[etree._Element], *extra_ppr: etree._Element | None) -> etree._Element:
    paragraph = el("p", paragraph_properties(style, *extra_ppr))
    paragraph.extend(runs)
    return paragraph


MASTHEAD_HINT = "_RDm_"


def hinted(paragraph: etree._Element, fact: str, ctx) -> etree._Element:
    """Mark a masthead paragraph with a hidden bookmark naming the fact it shows (read back by our importer)."""
    start, end = bookmark(f"{MASTHEAD_HINT}{fact}", ctx.bookmark_id())
    paragraph.find(w("pPr")).addnext(start)
    start.addnext(end)
    return paragraph


def _right_tab(page: str) -> etree._Element:
    return el("tabs", el("tab", val="right", pos=geometry.text_width(page)))


def _bidi(meta: Meta) -> etree._Element | None:
    """`w:bidi` for a masthead paragraph of a text written right to left: the paragraph, its tabs and indents
    mirrored, as the UN's Arabic masthead is (one element per paragraph)."""
    return el("bidi") if is_rtl(meta.language) else None


def _cover_alignment(meta: Meta) -> etree._Element | None:
    """The Distr./date/Original block of a text written right to left is in the cover's language (English, left to
    right: a right-to-left paragraph would reorder "22 December 2023"); it ends where the mirrored block does."""
    return el("jc", val="right") if is_rtl(meta.language) else None


def _words(meta: Meta, **props) -> etree._Element | None:
    """The run properties of masthead words in the text's language (right to left in Arabic)."""
    rtl = is_rtl(meta.language)
    return run_properties(rtl=rtl, cs=rtl, **props)


def _exact(line: float, before: int = 0) -> etree._Element:
    return el("spacing", before=before, after=0, line=geometry.twips(line), lineRule="exact")


#: Page 1's top line, exactly this high: "United Nations" on un.PUBLISHER_BASELINE, the thin rule under it.
_TOP_LINE = (un.THIN_RULE - un.PUBLISHER_BASELINE - 1) / (1 - geometry.BASELINE_SHARE)
#: LibreOffice sets a table that opens the text 12 pt low; a paragraph this high (points) before it prevents that.
_LEAD = 1.0
_TABLE_TOP = geometry.MARGIN_TOP / 20 + _LEAD
_ORGAN_LINE = (un.ORGAN_BASELINE - _TABLE_TOP) / geometry.BASELINE_SHARE
_BLOCK_LINE = un.RIGHT_BLOCK_PITCH
_HEADER_LINE = 10.0


def first_page_header(hdr: etree._Element, meta: Meta, page: str) -> None:
    """Page 1's header: "United Nations" and the symbol (first component 20 pt) over the thin rule, where the
    UN puts them (above the body's top margin, which pages 2… need for their first line)."""
    head, rest = symbol_parts(meta.symbol)
    runs = [run("\t"), run(words.publisher(meta.language), _words(meta, size=un.PUBLISHER_SIZE)), run("\t")]
    if head:
        runs.append(run(head, run_properties(size=un.SYMBOL_HEAD_SIZE)))
    if rest:
        runs.append(run(rest, run_properties(size=un.SYMBOL_REST_SIZE)))
    top = geometry.HEADER_DISTANCE / 20
    before = geometry.before_for(top, un.PUBLISHER_BASELINE, _TOP_LINE)
    tabs = el("tabs", el("tab", val="left", pos=geometry.MASTHEAD_LEFT),
              el("tab", val="right", pos=geometry.text_width(page)))
    line = _paragraph("Masthead", runs, el("pBdr", border("bottom", 4, 1)), tabs, _bidi(meta),
                      _exact(_TOP_LINE, before))
    _replace_content(hdr, [line])


def masthead(meta: Meta, page: str, ctx) -> list[etree._Element]:
    """Page 1 under its header: a one-row table closed by the thick rule, the organ (bold 20 pt) and the session
    block in its left cell, the Distr./date/Original block in its right one; the row is as high as the UN's
    masthead, or higher when a long session block needs it; then the space before the text."""
    width = geometry.text_width(page)
    left_width = geometry.MASTHEAD_RIGHT_BLOCK
    top = _TABLE_TOP
    organ_name = words.organ_name(meta.organ, meta.language)
    organ = hinted(_paragraph("Masthead", [run(organ_name, _words(meta, bold=True, size=un.ORGAN_SIZE))],
                              _bidi(meta), _exact(_ORGAN_LINE), el("ind", left=geometry.MASTHEAD_LEFT)), "organ", ctx)
    left_cell = [organ, *session_block(meta, ctx, top + _ORGAN_LINE)]
    right_cell = []
    block_top = geometry.before_for(top, un.ORGAN_BASELINE, _BLOCK_LINE)
    for index, (fact, line) in enumerate(_right_lines(meta)):
        paragraph = _paragraph("Masthead", [run(line)] if line else [], _exact(_BLOCK_LINE, 0 if index else block_top),
                               _cover_alignment(meta))
        right_cell.append(hinted(paragraph, fact, ctx) if fact else paragraph)
    rule = un.thick_rule_y(len(words.session_lines(meta)))
    table = el(
        "tbl",
        el("tblPr", el("bidiVisual") if is_rtl(meta.language) else None,  # the organ's cell on the right
           el("tblW", w=width, type="dxa"), el("tblInd", w=0, type="dxa"),
           el("tblBorders", border("bottom", 12, 0)), el("tblLayout", type="fixed"),
           el("tblCellMar", el("left", w=0, type="dxa"), el("right", w=0, type="dxa"))),
        el("tblGrid", el("gridCol", w=left_width), el("gridCol", w=width - left_width)),
        el("tr", el("trPr", el("trHeight", val=geometry.twips(rule - top - un.THICK_RULE_WIDTH / 2), hRule="atLeast")),
           el("tc", el("tcPr", el("tcW", w=left_width, type="dxa")), *left_cell),
           el("tc", el("tcPr", el("tcW", w=width - left_width, type="dxa")), *(right_cell or [_empty("Masthead")]))),
    )
    return [_paragraph("Masthead", [], _exact(_LEAD)), table, _paragraph("Masthead", [], _exact(un.AFTER_MASTHEAD))]


def _right_lines(meta: Meta) -> list[tuple[str, str]]:
    """(fact, line) of the right-hand block; the empty line above "Original: …" names no fact."""
    lines = []
    if meta.distribution:
        lines.append(("distribution", words.distribution_line(meta.distribution, meta.language)))
    if meta.date:
        lines.append(("date", words.date_line(meta.date, meta.language)))
    if meta.original_language:
        lines += [("", ""), ("original", words.original_line(meta.original_language, meta.language))]
    return lines


def _empty(style: str) -> etree._Element:
    return _paragraph(style, [])


def session_block(meta: Meta, ctx, top: float) -> list[etree._Element]:
    """The session block at the page margin, its first line on un.SESSION_FIRST_BASELINE (the paragraph before it
    ends at `top`); the agenda item's title wraps within un.SESSION_WRAP."""
    wrap = el("ind", right=geometry.MASTHEAD_RIGHT_BLOCK - geometry.twips(un.SESSION_WRAP))
    paragraphs = []
    for index, (fact, text, bold) in enumerate(words.session_lines(meta)):
        before = 0 if index else geometry.before_for(top, un.SESSION_FIRST_BASELINE, un.SESSION_PITCH)
        paragraph = _paragraph("SessionBlock", [run(text, _words(meta, bold=bold))], _bidi(meta),
                               _exact(un.SESSION_PITCH, before), wrap)
        paragraphs.append(hinted(paragraph, fact, ctx))
    return paragraphs


def running_header(hdr: etree._Element, symbol: str, *, align: str) -> None:
    """Fill a header part: the symbol bold 8.5 pt (Header style) at `align` ("left"/"right")."""
    before = geometry.before_for(geometry.HEADER_DISTANCE / 20, un.RUNNING_HEAD_BASELINE, _HEADER_LINE)
    rule = el("pBdr", border("bottom", 2, round(un.THIN_RULE - un.RUNNING_HEAD_BASELINE
                                                  - (1 - geometry.BASELINE_SHARE) * _HEADER_LINE)))
    _replace_content(hdr, [_paragraph("Header", [run(symbol)] if symbol else [], rule, _exact(_HEADER_LINE, before),
                                      el("jc", val=align))])


def running_footer(ftr: etree._Element, job_number: str, page: str, *, odd: bool) -> None:
    """Fill a footer part: "n/N" on the outer side, the job number (7 pt) on the inner side."""
    bold = run_properties(bold=True)
    number = [*field_runs("PAGE", "2", bold), run("/", run_properties(bold=True)), *field_runs("NUMPAGES", "2", bold)]
    job = [run(job_number, run_properties(size=7))] if job_number else []
    content = [*job, run("\t"), *number] if odd else [*number, run("\t"), *job]
    _replace_content(ftr, [_paragraph("Footer", content, _right_tab(page))])


def first_page_footer(ftr: etree._Element, part, meta: Meta, page: str) -> None:
    """The first-page footer: "13-49218 (E)    011013" in 10 pt on the UN's baseline and the job number in Code 39
    under it (a picture, the PDF's bars), when there is a job number; the QR code of the document's address at the
    right, when there is a symbol. `part` is the footer's story."""
    text = words.job_line(meta.job_number, meta.language, meta.date)
    line = 12.0
    # the footer ends FOOTER_DISTANCE above the edge; the space after lifts the line onto its baseline
    after = geometry.twips(un.FIRST_FOOTER_BASELINE_FROM_BOTTOM - geometry.FOOTER_DISTANCE / 20
                           - (1 - geometry.BASELINE_SHARE) * line)
    spacing = el("spacing", before=0, after=max(0, after), line=geometry.twips(line), lineRule="exact")
    runs = [run(text, run_properties(size=un.FIRST_FOOTER_SIZE))] if text else []
    if text:
        modules = code39.row(code39.job_barcode_text(meta.job_number))
        box = un.barcode_box(len(modules), geometry.PAGES[page][1] / 20)
        runs.append(picture.anchored(part, picture.png([modules]), box, picture_id=picture.FIRST_PICTURE_ID,
                                     name="Job number barcode"))
    qr = qr_modules(meta.symbol)
    if qr:
        box = un.qr_box(*(size / 20 for size in geometry.PAGES[page]))
        runs.append(picture.anchored(part, picture.png(qr), box, picture_id=picture.FIRST_PICTURE_ID + 1,
                                     name=f"QR code: {document_address(meta.symbol)}"))
    # the frame first: LibreOffice then anchors it to the line below without giving it a line of its own
    _replace_content(ftr, [_recycle_frame(meta, page), _paragraph("Footer", runs, spacing)])


_RECYCLE_FRAME_WIDTH = 250.0  # points: room for the longest language's words


def _recycle_frame(meta: Meta, page: str) -> etree._Element:
    """ "Please recycle ♲" in a frame fixed on the page, its right end and baseline where `un.recycle_place` says."""
    right, baseline = un.recycle_place(*(size / 20 for size in geometry.PAGES[page]))
    line = un.RECYCLE_SIZE * 1.2
    frame = el("framePr", w=geometry.twips(_RECYCLE_FRAME_WIDTH), h=geometry.twips(line), hRule="exact",
               hAnchor="page", vAnchor="page", x=geometry.twips(right - _RECYCLE_FRAME_WIDTH),
               y=geometry.twips(baseline - geometry.BASELINE_SHARE * line), wrap="around")
    return _paragraph("Footer", [run(words.recycle_line(meta.language), _words(meta, size=un.RECYCLE_SIZE))], frame,
                      el("spacing", before=0, after=0, line=geometry.twips(line), lineRule="exact"),
                      el("ind", left=0, right=0, firstLine=0), el("jc", val="right"))


def _replace_content(container: etree._Element, paragraphs: list[etree._Element]) -> None:
    for child in list(container):
        container.remove(child)
    container.extend(paragraphs)


def setup_section(document, meta: Meta, page: str, emblem: bytes = b"") -> None:
    """Paper size, a different first page (with the user's `emblem` image, if any), and the four running
    headers/footers of the only section."""
    section = document.sections[0]
    width, height = geometry.PAGES[page]
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.different_first_page_header_footer = True
    first_page_header(_story(section.first_page_header), meta, page)
    if emblem:
        _place_emblem(section.first_page_header, emblem, meta, page)
    first_page_footer(_story(section.first_page_footer), section.first_page_footer.part, meta, page)
    running_header(_story(section.header), meta.symbol, align="right")
    running_header(_story(section.even_page_header), meta.symbol, align="left")
    running_footer(_story(section.footer), meta.job_number, page, odd=True)
    running_footer(_story(section.even_page_footer), meta.job_number, page, odd=False)


def _place_emblem(header, emblem: bytes, meta: Meta, page: str) -> None:
    """The emblem left of the organ (right of it in a mirrored masthead), in front of page 1's header line."""
    box = un.emblem_box(emblem_pixels(emblem), geometry.PAGES[page][0] / 20, mirrored=is_rtl(meta.language))
    line = header._element.find(w("p"))
    line.append(picture.anchored(header.part, emblem, box, picture_id=picture.FIRST_PICTURE_ID + 2,
                                 name="UN emblem"))


def _story(header_footer) -> etree._Element:
    header_footer.is_linked_to_previous = False
    return header_footer._element
