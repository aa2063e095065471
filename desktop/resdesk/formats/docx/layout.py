"""Page and masthead: paper size, the first-page masthead and session block, running headers and footers.

First page: "United Nations" and the symbol (first component 20 pt), a thin
rule, "General Assembly" bold 20 pt with the Distr./date/Original block at
≈ 397 pt, a thick rule, the session block; no running header. Later pages: the
symbol bold 8.5 pt left on even pages and right on odd pages above a thin rule,
"n/N" (PAGE/NUMPAGES fields, bold 8.5 pt) on the outer side of the footer and the
job number (7 pt) on the inner side.
"""

from __future__ import annotations

from lxml import etree

from resdesk.formats.docx import geometry
from resdesk.formats.docx.oxml import bookmark, border, el, field_runs, paragraph_properties, run, run_properties, w
from resdesk.model.document import Meta
from resdesk.un import masthead as words
from resdesk.un.languages import code_of, language
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


def masthead(meta: Meta, page: str, ctx) -> list[etree._Element]:
    """The masthead: a paragraph with the symbol, then a two-cell table closed by a thick rule."""
    head, rest = symbol_parts(meta.symbol)
    symbol_runs = [run("\t")]
    if head:
        symbol_runs.append(run(head, run_properties(size=20)))
    if rest:
        symbol_runs.append(run(rest, run_properties(size=10)))
    top = _paragraph("Masthead", [run(words.publisher(meta.language), run_properties(size=14)), *symbol_runs],
                     el("pBdr", border("bottom", 4, 1)), _right_tab(page),
                     el("spacing", after=0, line=480, lineRule="atLeast"))
    width = geometry.text_width(page)
    left_width = geometry.MASTHEAD_RIGHT_BLOCK
    right_lines = []
    if meta.distribution:
        right_lines.append(("distribution", words.distribution_line(meta.distribution, meta.language)))
    if meta.date:
        right_lines.append(("date", words.date_line(meta.date, meta.language)))
    if meta.original_language:
        right_lines += [("", ""), ("original", words.original_line(meta.original_language, meta.language))]
    right_cell = [hinted(_paragraph("Masthead", [run(line)]), fact, ctx) if fact else _empty("Masthead")
                  for fact, line in right_lines] or [_empty("Masthead")]
    organ_name = words.organ_name(meta.organ, meta.language)
    organ = hinted(_paragraph("Masthead", [run(organ_name, run_properties(bold=True, size=20))],
                              el("spacing", before=80, after=80, line=400, lineRule="atLeast")), "organ", ctx)
    if meta.symbol:
        hinted(top, "symbol", ctx)
    table = el(
        "tbl",
        el("tblPr", el("tblW", w=width, type="dxa"), el("tblInd", w=0, type="dxa"),
           el("tblBorders", border("bottom", 12, 0)), el("tblLayout", type="fixed"),
           el("tblCellMar", el("left", w=0, type="dxa"), el("right", w=0, type="dxa"))),
        el("tblGrid", el("gridCol", w=left_width), el("gridCol", w=width - left_width)),
        el("tr",
           el("tc", el("tcPr", el("tcW", w=left_width, type="dxa")), organ),
           el("tc", el("tcPr", el("tcW", w=width - left_width, type="dxa")), *right_cell, _empty("Masthead"))),
    )
    return [top, table, _empty("Masthead")]


def _empty(style: str) -> etree._Element:
    return _paragraph(style, [])


def session_block(meta: Meta, ctx) -> list[etree._Element]:
    """Session (bold), committee, agenda item, agenda title (bold), then an empty line."""
    lines: list[tuple[str, str, bool]] = []
    if meta.session:
        lines.append(("session", meta.session, True))
    if meta.committee:
        lines.append(("committee", meta.committee, False))
    if meta.agenda_item:
        lines.append(("agenda", words.agenda_line(meta.agenda_item, meta.language), False))
    if meta.agenda_title:
        lines.append(("agendatitle", meta.agenda_title, True))
    paragraphs = [hinted(_paragraph("SessionBlock", [run(text, run_properties(bold=bold))]), fact, ctx)
                  for fact, text, bold in lines]
    return paragraphs + [_empty("SessionBlock")] if paragraphs else []


def running_header(hdr: etree._Element, symbol: str, *, align: str) -> None:
    """Fill a header part: the symbol bold 8.5 pt (Header style) at `align` ("left"/"right")."""
    _replace_content(hdr, [_paragraph("Header", [run(symbol)] if symbol else [], el("jc", val=align))])


def running_footer(ftr: etree._Element, job_number: str, page: str, *, odd: bool) -> None:
    """Fill a footer part: "n/N" on the outer side, the job number (7 pt) on the inner side."""
    bold = run_properties(bold=True)
    number = [*field_runs("PAGE", "2", bold), run("/", run_properties(bold=True)), *field_runs("NUMPAGES", "2", bold)]
    job = [run(job_number, run_properties(size=7))] if job_number else []
    content = [*job, run("\t"), *number] if odd else [*number, run("\t"), *job]
    _replace_content(ftr, [_paragraph("Footer", content, _right_tab(page))])


def first_page_footer(ftr: etree._Element, meta: Meta) -> None:
    """The first-page footer: the job number with its language letter ("13-49218 (E)"), when set."""
    text = ""
    if meta.job_number:
        letter = language(meta.language).job_letter if code_of(meta.language) else meta.language.upper()
        text = f"{meta.job_number} ({letter})"
    _replace_content(ftr, [_paragraph("Footer", [run(text, run_properties(size=7))] if text else [])])


def empty_header(hdr: etree._Element) -> None:
    """The first page has no running header (and no rule: the Header style's border stays off)."""
    _replace_content(hdr, [_empty("Normal")])


def _replace_content(container: etree._Element, paragraphs: list[etree._Element]) -> None:
    for child in list(container):
        container.remove(child)
    container.extend(paragraphs)


def setup_section(document, meta: Meta, page: str) -> None:
    """Paper size, a different first page, and the four running headers/footers of the only section."""
    from docx.shared import Twips

    section = document.sections[0]
    width, height = geometry.PAGES[page]
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.different_first_page_header_footer = True
    empty_header(_story(section.first_page_header))
    first_page_footer(_story(section.first_page_footer), meta)
    running_header(_story(section.header), meta.symbol, align="right")
    running_header(_story(section.even_page_header), meta.symbol, align="left")
    running_footer(_story(section.footer), meta.job_number, page, odd=True)
    running_footer(_story(section.even_page_footer), meta.job_number, page, odd=False)


def _story(header_footer) -> etree._Element:
    header_footer.is_linked_to_previous = False
    return header_footer._element
