"""Tracked and compilation printing, from the amendment engine's markup view (`resdesk.views.markup`).

Tracked: the text with every shown proposal in place: insertions underlined, deletions
struck through, both in the proposing delegation's colour, and the delegation's short
name in the right margin beside every line that holds its change, so a black-and-white
copy still says who proposed what. A legend of the delegations opens the text.

Compilation: the facilitator's working document: each paragraph of the version with its
label, then every proposal on it: the delegation, the status, what it does (in the words
of UN amendment documents) and the paragraph as it would read, with text not yet agreed
in [square brackets].
"""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.amend.anchors import TextIndex
from resdesk.amend.instructions import instruction
from resdesk.amend.labels import printed_numbers
from resdesk.model.amendment import AGREED, REPLACE, Amendment
from resdesk.model.delegation import derived_short_name
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, SUBPARAGRAPH, Document
from resdesk.ui.printing.content import (
    Flow,
    Paragraph,
    Run,
    Style,
    annex_heading,
    footnote_paragraphs,
    front_matter,
    heading_paragraph,
    set_direction,
    styled_runs,
    subparagraph,
)
from resdesk.ui.printing.page_geometry import INDENT_STEP, OP_TEXT, PP_INDENT
from resdesk.un.languages import ITALIC, Emphasis
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.views.markup import (
    ALTERNATIVE_TEXT,
    DELETE,
    DELETED,
    EQUAL,
    INSERT,
    INSERTED,
    MOVED_FROM,
    MOVED_TO,
    Markup,
    MarkupBlock,
    Segment,
    inline_segments,
)

FALLBACK_COLOUR = "#555555"


@dataclass(frozen=True)
class Palette:
    """Colour and short name of each delegation, by name."""

    colours: dict[str, str]
    short_names: dict[str, str]

    def colour(self, name: str | None) -> str:
        return self.colours.get(name or "", "") or FALLBACK_COLOUR

    def short(self, name: str | None) -> str:
        """The name for the margin: never a long name (a delegation the document does not know is shortened)."""
        return self.short_names.get(name or "", "") or derived_short_name(name or "")


def bracketed(text: str) -> str:
    """"[text]", with the spaces around the words left outside the brackets."""
    core = text.strip()
    if not core:
        return text
    head = text[:len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    return f"{head}[{core}]{tail}"


def segment_runs(segments: list[Segment], italic_until: int, markers: dict[str, str], palette: Palette,
                 whole: tuple[str, str | None] | None = None, brackets: bool = False,
                 opening: Emphasis = ITALIC) -> list[Run]:
    """Runs of marked-up segments, the first `italic_until` characters set as an opening (`opening`).
    `whole` = (op, author) marks every segment as one block-level change (a deleted or moved
    paragraph); `brackets` puts inserted text in [square brackets]."""
    runs: list[Run] = []
    position = 0  # offset in the text as printed (an inserted paragraph's opening is found on it)
    for segment in segments:
        op, author = segment.op, segment.author
        if whole and op == EQUAL:
            op, author = whole
        colour = palette.colour(author) if op != EQUAL else ""
        base = Style(underline=op == INSERT, strike=op == DELETE, color=colour)
        if segment.op == INSERT and not whole:
            italic = 0  # words proposed inside a paragraph are never part of its opening phrase
        else:
            offset = position if segment.op == INSERT else segment.start
            italic = max(0, min(len(segment.text), italic_until - offset))
        text = bracketed(segment.text) if brackets and op == INSERT else segment.text
        pieces = styled_runs(text, list(segment.marks), markers, italic, base, opening)
        if op != EQUAL:
            for run in pieces:
                run.tag, run.tag_color = palette.short(author), colour
        runs.extend(pieces)
        position += len(segment.text)
    return runs


def record_paragraph(record: MarkupBlock, runs: list[Run], numbers: dict[str, str]) -> Paragraph:
    """A record placed as its kind asks (as in clean printing), with its printed number from `numbers`
    (`resdesk.amend.labels.printed_numbers` of the version). A proposed paragraph's provisional label
    ("OP3 bis", "PP2 bis", "OP15 alt 1") opens its text in bold: it is wider than the OP tab."""
    if record.state in (INSERTED, ALTERNATIVE_TEXT):
        prefix = [Run(f"{record.label} ", Style(bold=True))]
        return Paragraph(prefix + runs, first_indent=PP_INDENT + INDENT_STEP * max(record.depth - 1, 0))
    number = numbers.get(record.id, "")
    if record.kind == OPERATIVE and number:
        return Paragraph(runs, first_indent=OP_TEXT, label=number, label_at=PP_INDENT)
    if record.kind == SUBPARAGRAPH and number:
        return subparagraph(runs, number, max(record.depth, 1))
    if record.kind == HEADING:
        return heading_paragraph(runs, record.block.number, record.block.level)
    return Paragraph(runs, first_indent=PP_INDENT, keep_with_next=record.kind == FORMULA)


def version_numbers(document: Document) -> dict[str, str]:
    """The printed number of every block of the version (main text and annexes), by id."""
    numbers: dict[str, str] = {}
    for blocks in [document.blocks] + [annex.blocks for annex in document.annexes]:
        numbers.update(printed_numbers(blocks, document.meta.language or "en"))
    return numbers


def record_runs(record: MarkupBlock, markers: dict[str, str], palette: Palette, language: str) -> list[Run]:
    emphasis = opening_emphasis(language)
    if record.state in (INSERTED, ALTERNATIVE_TEXT):
        italic = opening_extent(record.new_text(), record.kind, language)
        return segment_runs(record.segments, italic, markers, palette, whole=(INSERT, record.author),
                            opening=emphasis)
    italic = opening_extent(record.block.text, record.kind, language)
    whole = (DELETE, record.author) if record.state in (DELETED, MOVED_FROM) else (
        (INSERT, record.author) if record.state == MOVED_TO else None)
    return segment_runs(record.segments, italic, markers, palette, whole=whole, opening=emphasis)


def legend(view: Markup, palette: Palette) -> list[Paragraph]:
    """The legend: each delegation whose proposals are shown (in order of its first proposal), with
    its short name as in the margin, its full name, and samples of its insertions and deletions."""
    names: list[str] = []
    for amendment in sorted(view.amendments.values(), key=lambda a: a.number):
        if amendment.author not in names:
            names.append(amendment.author)
    if not names:
        return [Paragraph([Run("No proposals are shown.", Style(italic=True))], align="left", numbered=False,
                          space_after=12.0)]
    items = [Paragraph([Run("Proposals shown: ", Style(bold=True)),
                        Run("insertions underlined, deletions struck through, in the colour of the delegation "
                            "whose short name stands in the right margin beside the line.")],
                       align="left", numbered=False, keep_with_next=True)]
    for name in names:
        short, colour = palette.short(name), palette.colour(name)
        runs = [Run(short, Style(bold=True, color=colour))]
        if name != short:
            runs.append(Run(f" \u2003{name}"))
        runs += [Run(" \u2003"), Run("inserted", Style(underline=True, color=colour)), Run(" "),
                 Run("deleted", Style(strike=True, color=colour))]
        items.append(Paragraph(runs, first_indent=PP_INDENT, indent=PP_INDENT, align="left", space_after=0.0,
                               numbered=False))
    items[-1].space_after = 18.0
    return items


def tracked_flow(document: Document, view: Markup, palette: Palette) -> Flow:
    language = document.meta.language or "en"
    markers = document.footnote_markers()
    numbers = version_numbers(document)
    items: list = front_matter(document.meta) + legend(view, palette)
    annex = 0
    for record in view.blocks:
        if record.annex != annex:
            annex = record.annex
            items.append(annex_heading(document.annexes[annex - 1].title, language))
        items.append(record_paragraph(record, record_runs(record, markers, palette, language), numbers))
    notes = footnote_paragraphs(document, markers)
    set_direction(items, notes, language)
    return Flow(document.meta, items, notes)


# -- compilation ------------------------------------------------------------------------------------


def status_words(status: str | None) -> str:
    return (status or "proposed").replace("-", " ")


def proposal_paragraphs(index: TextIndex, record: MarkupBlock, amendment: Amendment, markers: dict[str, str],
                        palette: Palette, language: str) -> list[Paragraph]:
    """One proposal on a paragraph: who, status and instruction; then the paragraph as it would read."""
    colour = palette.colour(amendment.author)
    who = [Run(palette.short(amendment.author), Style(bold=True, color=colour), tag=palette.short(amendment.author),
               tag_color=colour)]
    if amendment.co_sponsors:
        who.append(Run(" with " + ", ".join(palette.short(n) for n in amendment.co_sponsors)))
    who += [Run(" (" + status_words(amendment.status) + "): ", Style(italic=True)),
            Run(instruction(index, amendment))]
    items = [Paragraph(who, first_indent=OP_TEXT, indent=OP_TEXT, align="left", space_after=3.0)]
    brackets = amendment.status != AGREED
    if amendment.kind == REPLACE:
        block = record.block
        segments = inline_segments(block, [amendment])
        italic = opening_extent(block.text, block.kind, language)
        runs = segment_runs(segments, italic, markers, palette, brackets=brackets, opening=opening_emphasis(language))
        items.append(Paragraph(runs, first_indent=OP_TEXT, indent=OP_TEXT, space_after=6.0, align="left"))
    return items


def compilation_flow(document: Document, view: Markup, palette: Palette) -> Flow:
    """Each paragraph with its label, then each proposal on it. A proposed new paragraph or
    alternative comes under its provisional label; a moved paragraph is shown again where it
    would go, its proposal being listed at its present place."""
    language = document.meta.language or "en"
    markers = document.footnote_markers()
    index = TextIndex.of(document)
    items: list = front_matter(document.meta) + legend(view, palette)
    annex = 0
    for record in view.blocks:
        if record.annex != annex:
            annex = record.annex
            items.append(annex_heading(document.annexes[annex - 1].title, language))
        label = [Run(record.label, Style(bold=True)), Run("\u2003")] if record.label else []
        if record.state in (INSERTED, ALTERNATIVE_TEXT, MOVED_TO):
            amendment = view.amendments[record.amendment]
            text = record.block.text if record.state == MOVED_TO else record.new_text()
            shown = text if amendment.status == AGREED else bracketed(text)
            if record.state == MOVED_TO:
                note = f"(moved here by {palette.short(amendment.author)}, {status_words(amendment.status)}) "
                label.append(Run(note, Style(italic=True)))
            items.append(Paragraph(label + styled_runs(shown, [], markers), align="left",
                                   keep_with_next=record.state != MOVED_TO))
            if record.state != MOVED_TO:
                items.extend(proposal_paragraphs(index, record, amendment, markers, palette, language))
            continue
        italic = opening_extent(record.block.text, record.kind, language)
        items.append(Paragraph(label + styled_runs(record.block.text, record.block.marks, markers, italic,
                                                   opening=opening_emphasis(language)),
                               keep_with_next=bool(record.amendments())))
        for ident in record.amendments():
            items.extend(proposal_paragraphs(index, record, view.amendments[ident], markers, palette, language))
    notes = footnote_paragraphs(document, markers)
    set_direction(items, notes, language)
    return Flow(document.meta, items, notes)
