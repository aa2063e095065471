"""The compilation print: the facilitator's working document (`resdesk.views.compilation`), as the Word file shows it.

Each paragraph under its label (bold, then an em space where Word has a tab), its opening phrase in
italics; under it every proposal, indented: its id and the delegation's short name in its colour
(repeated in the right margin), the co-sponsors, the status, the instruction in UN wording and the
proposals it collides with; for a change of words, the paragraph as it would read. Text not yet
agreed stands in [square brackets]. A legend of the delegations opens the text, a table of the
proposals by delegation and status closes it.
"""

from __future__ import annotations

from resdesk.model.document import TABLE, Document
from resdesk.text.inline import marked_opening
from resdesk.ui.printing.content import (
    Flow,
    Paragraph,
    Run,
    Style,
    Table,
    annex_heading,
    footnote_paragraphs,
    front_matter,
    printed_markers,
    set_direction,
    styled_runs,
    table_item,
    title_paragraph,
)
from resdesk.ui.printing.page_geometry import OP_TEXT
from resdesk.ui.printing.tracked_flow import COLLISION_COLOUR, bracket_runs, legend, segment_runs
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.views.compilation import (
    INTRODUCTION,
    SUMMARY_HEADER,
    SUMMARY_TITLE,
    Entry,
    Proposal,
    co_sponsor_words,
    moved_note,
)
from resdesk.views.export_input import ExportInput, Palette

LABEL_GAP = "\u2003"  # an em space: the tab after a label in the Word file


def entry_paragraph(entry: Entry, markers: dict[str, str], palette: Palette, language: str) -> Paragraph:
    record = entry.record
    runs = [Run(record.label, Style(bold=True)), Run(LABEL_GAP)] if record.label else []
    if entry.moved:
        runs.append(Run(moved_note(entry.proposed_by, palette.short) + " ", Style(italic=True)))
    opening = opening_extent(entry.text, record.kind, language, marked_opening(entry.marks))
    text = styled_runs(entry.text, entry.marks, markers, opening, opening=opening_emphasis(language))
    runs += bracket_runs(text) if entry.bracketed else text
    return Paragraph(runs, align="left" if entry.proposed_by else "justify", keep_with_next=bool(entry.proposals))


def proposal_paragraphs(proposal: Proposal, entry: Entry, markers: dict[str, str], palette: Palette,
                        language: str) -> list[Paragraph]:
    """Who proposes what, in which status, colliding with which; then the paragraph as it would read."""
    amendment = proposal.amendment
    colour, short = palette.colour(amendment.author), palette.short(amendment.author)
    who = [Run(f"{amendment.id} ", Style(bold=True)),
           Run(short, Style(bold=True, color=colour), tag=short, tag_color=colour)]
    if amendment.co_sponsors:
        who.append(Run(co_sponsor_words(amendment, palette.short)))
    who += [Run(f" ({proposal.status_words()}): ", Style(italic=True)), Run(proposal.instruction)]
    if proposal.collides_with:
        who.append(Run(" " + proposal.collision_words(palette.short), Style(bold=True, color=COLLISION_COLOUR)))
    items = [Paragraph(who, first_indent=OP_TEXT, indent=OP_TEXT, align="left", space_after=3.0,
                       keep_with_next=bool(proposal.reading))]
    if proposal.reading:
        block = entry.record.block
        bracketed = frozenset({amendment.id}) if proposal.bracketed else frozenset()
        opening = opening_extent(block.text, block.kind, language, marked_opening(block.marks))
        runs = segment_runs(proposal.reading, opening, markers, palette, bracketed=bracketed,
                            opening=opening_emphasis(language))
        items.append(Paragraph(runs, first_indent=OP_TEXT, indent=OP_TEXT, space_after=6.0, align="left"))
    return items


def summary_table(rows: list[tuple[str, ...]]) -> Table:
    def cell(text: str, header: bool = False) -> Paragraph:
        return Paragraph([Run(text, Style(bold=header))], space_after=0.0, align="left")

    return Table([[cell(title, True) for title in SUMMARY_HEADER]] + [[cell(value) for value in row] for row in rows])


def compilation_flow(prepared: ExportInput) -> Flow:
    """The compilation print of a prepared export."""
    document, palette, book = prepared.base, prepared.palette, prepared.compilation
    language = document.meta.language or "en"
    markers = printed_markers(document, prepared.markup.footnote_markers())
    intro = Paragraph([Run(INTRODUCTION, Style(bold=True))], align="left", numbered=False, keep_with_next=True)
    items: list = front_matter(document.meta) + [intro] + legend(prepared.markup, palette)
    annex = 0
    for entry in book.entries:
        if entry.record.annex != annex:
            annex = entry.record.annex
            items.append(annex_heading(document.annexes[annex - 1].title, language))
        if entry.record.kind == TABLE and entry.proposed_by is None:
            items.append(table_item(entry.record.block, markers))
        else:
            items.append(entry_paragraph(entry, markers, palette, language))
        for proposal in entry.proposals:
            items.extend(proposal_paragraphs(proposal, entry, markers, palette, language))
    items.append(title_paragraph(SUMMARY_TITLE))
    items.append(summary_table(book.summary))
    notes = footnote_paragraphs(Document(footnotes=prepared.markup.shown_footnotes(document)), markers)
    set_direction(items, notes, language)
    return Flow(document.meta, items, notes)
