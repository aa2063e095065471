"""The compilation text in Word: the facilitator's working document (`resdesk.views.compilation`).

Each paragraph under its label (bold, then a tab), its opening phrase in italics as in the text;
under it every proposal, indented: its id and delegation in the delegation's colour, the
co-sponsors, the status, the instruction in UN wording and the proposals it collides with; for a
change of words, the paragraph as it would read (deleted words struck through, new ones underlined,
in the delegation's colour). Text not yet agreed (a proposed paragraph, the words a proposal not yet
agreed would change) stands in [square brackets]. A key of the
delegations opens the text and a table of the proposals by delegation and status closes it: the
same things as the compilation PDF.
"""

from __future__ import annotations

import dataclasses

from lxml import etree

from resdesk.formats.docx import geometry
from resdesk.formats.docx.body import Progress, annex_title, opening_length, table_element
from resdesk.formats.docx.clean import finish, new_word_document, opening_matter
from resdesk.formats.docx.inline import RunContext, inline_runs
from resdesk.formats.docx.oxml import el, paragraph_properties, run, run_properties
from resdesk.model.document import TABLE, Cell
from resdesk.views.compilation import (
    INTRODUCTION,
    SUMMARY_HEADER,
    SUMMARY_TITLE,
    Entry,
    Proposal,
    bracketed,
    co_sponsor_words,
    moved_note,
)
from resdesk.views.export_input import ExportInput, Palette
from resdesk.views.markup import DELETE, EQUAL, INSERT

PROPOSAL_INDENT = geometry.COLUMN_LEFT + geometry.TEXT_TAB


def _paragraph(ctx: RunContext, runs: list[etree._Element], *, style: str = "SingleTxt",
               indent: bool = False, keep_with_next: bool = False) -> etree._Element:
    ppr = paragraph_properties(style, el("keepNext") if keep_with_next else None, el("bidi") if ctx.rtl else None,
                               el("ind", left=PROPOSAL_INDENT) if indent else None)
    paragraph = el("p", ppr)
    paragraph.extend(runs)
    return paragraph


def _text(ctx: RunContext, text: str, **props) -> etree._Element:
    return run(text, run_properties(rtl=ctx.rtl, cs=ctx.rtl, **props))


def _colour(palette: Palette, name: str | None) -> str:
    return palette.colour(name).lstrip("#")


def legend(ctx: RunContext, names: list[str], palette: Palette) -> list[etree._Element]:
    """The delegations whose proposals are shown: short name (as in the proposals) and full name."""
    if not names:
        return [_paragraph(ctx, [_text(ctx, "No proposals are shown.", italic=True)])]
    items = [_paragraph(ctx, [_text(ctx, "Proposals shown: ", bold=True),
                              _text(ctx, "in the colour of each delegation, new words underlined, deleted words "
                                         "struck through.")], keep_with_next=True)]
    for name in names:
        short, colour = palette.short(name), _colour(palette, name)
        runs = [_text(ctx, short, bold=True, color=colour)]
        if short != name:
            runs.append(_text(ctx, f"\u2003{name}"))
        items.append(_paragraph(ctx, runs, indent=True))
    return items


def entry_paragraph(ctx: RunContext, entry: Entry, language: str, palette: Palette) -> etree._Element:
    record = entry.record
    runs = [_text(ctx, record.label + "\t", bold=True)] if record.label else []
    if entry.moved:
        runs.append(_text(ctx, moved_note(entry.proposed_by, palette.short) + " ", italic=True))
    opening = opening_length(dataclasses.replace(record.block, text=entry.text), language)
    runs += [_text(ctx, "[")] if entry.bracketed else []
    runs += inline_runs(ctx, entry.text, entry.marks, italic_until=opening)
    runs += [_text(ctx, "]")] if entry.bracketed else []
    return _paragraph(ctx, runs, keep_with_next=bool(entry.proposals))


def proposal_paragraphs(ctx: RunContext, proposal: Proposal, entry: Entry, language: str,
                        palette: Palette) -> list[etree._Element]:
    amendment = proposal.amendment
    colour = _colour(palette, amendment.author)
    runs = [_text(ctx, f"{amendment.id} ", bold=True), _text(ctx, palette.short(amendment.author), bold=True,
                                                             color=colour)]
    if amendment.co_sponsors:
        runs.append(_text(ctx, co_sponsor_words(amendment, palette.short)))
    runs += [_text(ctx, f" ({proposal.status_words()}): ", italic=True), _text(ctx, proposal.instruction)]
    if proposal.collides_with:
        runs.append(_text(ctx, " " + proposal.collision_words(palette.short), bold=True))
    items = [_paragraph(ctx, runs, indent=True, keep_with_next=bool(proposal.reading))]
    if proposal.reading:
        block = entry.record.block
        opening = opening_length(block, language)
        reading: list[etree._Element] = []
        for segment in proposal.reading:
            changed = segment.op != EQUAL
            text = bracketed(segment.text) if changed and proposal.bracketed else segment.text
            italic = 0 if segment.op == INSERT else max(0, opening - segment.start)
            reading += inline_runs(ctx, text, [] if changed else list(segment.marks),
                                   italic_until=italic, underline=segment.op == INSERT,
                                   strike=segment.op == DELETE, color=colour if changed else "")
        items.append(_paragraph(ctx, reading, indent=True))
    return items


def render_compilation(prepared: ExportInput, *, progress: Progress | None = None) -> bytes:
    """The .docx bytes of the compilation text of a prepared export."""
    base, page, palette = prepared.base, prepared.options.page, prepared.palette
    language = base.meta.language
    book = prepared.compilation
    word, ctx = new_word_document(base, page, prepared.options.emblem)
    elements = opening_matter(base, ctx, page)
    elements.append(_paragraph(ctx, [_text(ctx, INTRODUCTION)], style="H23"))
    elements += legend(ctx, book.delegations, palette)
    total = len(book.entries)
    annex = 0
    for done, entry in enumerate(book.entries, start=1):
        if entry.record.annex != annex:
            annex = entry.record.annex
            elements.append(annex_title(base.annexes[annex - 1].title, ctx.rtl, base.meta.language))
        if entry.record.kind == TABLE and entry.proposed_by is None:
            elements.append(table_element(ctx, entry.record.block.rows, page, rtl=ctx.rtl))
        else:
            elements.append(entry_paragraph(ctx, entry, language, palette))
        for proposal in entry.proposals:
            elements += proposal_paragraphs(ctx, proposal, entry, language, palette)
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total)
    elements.append(_paragraph(ctx, [_text(ctx, SUMMARY_TITLE)], style="H1"))
    rows = [[Cell(title, header=True) for title in SUMMARY_HEADER]]
    rows += [[Cell(value) for value in row] for row in book.summary]
    elements.append(table_element(ctx, rows, page, rtl=ctx.rtl))
    with_new = dataclasses.replace(base, footnotes=prepared.markup.shown_footnotes(base))
    return finish(word, with_new, ctx, elements, author=prepared.author)
