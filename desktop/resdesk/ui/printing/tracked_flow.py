"""Tracked printing, from THE markup view of a prepared export (`resdesk.views.export`).

The text with every shown proposal in place: insertions underlined, deletions
struck through, both in the proposing delegation's colour, and the delegation's short
name in the right margin beside every line that holds its change, so a black-and-white
copy still says who proposed what. A legend of the delegations opens the text. A
paragraph with proposals that collide is marked "collision" in the left margin, with a
bar beside its lines; the words of a bracketed proposal stand in [square brackets], as
the UN writes bracketed text. A comparison of two versions prints the same way, its
changes by the delegations that made them and its paragraphs numbered as in the newer version.
"""

from __future__ import annotations

from dataclasses import replace

from resdesk.amend.labels import printed_numbers
from resdesk.model.amendment import BRACKETED
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, SUBPARAGRAPH, Document, Footnote
from resdesk.text.inline import marked_opening
from resdesk.ui.printing.content import (
    Flow,
    Paragraph,
    Run,
    Style,
    annex_heading,
    closing,
    footnote_paragraphs,
    front_matter,
    heading_paragraph,
    printed_markers,
    set_direction,
    styled_runs,
    subparagraph,
)
from resdesk.ui.printing.page_geometry import INDENT_STEP, OP_TEXT, PP_INDENT
from resdesk.un.languages import ITALIC, Emphasis
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.views.export_input import ExportInput, Palette
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
)
from resdesk.views.tracked_numbers import tracked_numbers

COLLISION = "collision"
COLLISION_COLOUR = "#c62828"  # as the markup view's collision bar


def bracket_runs(runs: list[Run]) -> list[Run]:
    """The runs with their words in [square brackets] (spaces around them stay outside), each bracket in the
    style of the text beside it."""
    text = "".join(run.text for run in runs)
    if not text.strip():
        return runs
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    result, position = [], 0
    for run in runs:
        start, end = position, position + len(run.text)
        position = end
        piece = run.text
        if start < last <= end:
            piece = piece[:last - start] + "]" + piece[last - start:]
        if start <= first < end:
            piece = piece[:first - start] + "[" + piece[first - start:]
        result.append(replace(run, text=piece))
    return result


def segment_runs(segments: list[Segment], italic_until: int, markers: dict[str, str], palette: Palette,
                 whole: tuple[str, str | None] | None = None, bracketed: frozenset[str] = frozenset(),
                 opening: Emphasis = ITALIC) -> list[Run]:
    """Runs of marked-up segments, the first `italic_until` characters set as an opening (`opening`).
    `whole` = (op, author) marks every segment as one block-level change (a deleted or moved
    paragraph); the changes of the amendments in `bracketed` stand in [square brackets]."""
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
        pieces = styled_runs(segment.text, list(segment.marks), markers, italic, base, opening)
        if segment.op != EQUAL and segment.amendment in bracketed:
            pieces = bracket_runs(pieces)
        if op != EQUAL:
            for run in pieces:
                run.tag, run.tag_color = palette.short(author), colour
        runs.extend(pieces)
        position += len(segment.text)
    return runs


def record_paragraph(record: MarkupBlock, runs: list[Run], before: dict[str, str], after: dict[str, str],
                     comparing: bool = False, language: str = "en") -> Paragraph:
    """A record placed as its kind asks (as in clean printing), with the number `tracked_numbers` gives it (as the
    Word file does; `before`/`after`: `version_numbers` of the older and newer versions). An alternative's label
    ("OP15 alt 1") opens its text in bold, and so does a provisional number ("3 bis."): both are wider than the
    OP tab."""
    indent = PP_INDENT + INDENT_STEP * max(record.depth - 1, 0)
    if record.state == ALTERNATIVE_TEXT:
        return Paragraph([Run(f"{record.label} ", Style(bold=True)), *runs], first_indent=indent)
    old, new = tracked_numbers(record, record.state, before, after, comparing=comparing, language=language)
    number = new or old
    if record.state == INSERTED and not comparing and number:  # a provisional number, "3 bis."
        return Paragraph([Run(f"{number} ", Style(bold=True)), *runs], first_indent=indent)
    if record.kind == OPERATIVE and number:
        return Paragraph(runs, first_indent=OP_TEXT, label=number, label_at=PP_INDENT)
    if record.kind == SUBPARAGRAPH and number:
        return subparagraph(runs, number, max(record.depth, 1))
    if record.kind == HEADING:
        return heading_paragraph(runs, record.block.number, record.block.level)
    return Paragraph(runs, first_indent=PP_INDENT, keep_with_next=record.kind == FORMULA)


def version_numbers(*documents: Document) -> dict[str, str]:
    """The printed number of every block of the versions (main text and annexes), by id; a later
    version's number wins (a comparison is numbered as the newer version, deleted paragraphs as the older)."""
    numbers: dict[str, str] = {}
    for document in documents:
        for blocks in [document.blocks] + [annex.blocks for annex in document.annexes]:
            numbers.update(printed_numbers(blocks, document.meta.language or "en"))
    return numbers


def record_runs(record: MarkupBlock, markers: dict[str, str], palette: Palette, language: str,
                bracketed: frozenset[str] = frozenset()) -> list[Run]:
    emphasis = opening_emphasis(language)
    if record.state in (INSERTED, ALTERNATIVE_TEXT):
        italic = opening_extent(record.new_text(), record.kind, language)
        runs = segment_runs(record.segments, italic, markers, palette, whole=(INSERT, record.author),
                            opening=emphasis)
    else:
        italic = opening_extent(record.block.text, record.kind, language, marked_opening(record.block.marks))
        whole = (DELETE, record.author) if record.state in (DELETED, MOVED_FROM) else (
            (INSERT, record.author) if record.state == MOVED_TO else None)
        runs = segment_runs(record.segments, italic, markers, palette, whole=whole, bracketed=bracketed,
                            opening=emphasis)
    return bracket_runs(runs) if record.amendment in bracketed else runs


def legend(view: Markup, palette: Palette, changes_since: str = "") -> list[Paragraph]:
    """The legend: each delegation whose proposals are shown (in order of its first proposal), with
    its short name as in the margin, its full name, and samples of its insertions and deletions
    (`changes_since`: the older version of a comparison)."""
    names: list[str] = []
    for amendment in sorted(view.amendments.values(), key=lambda a: a.number):
        if amendment.author not in names:
            names.append(amendment.author)
    if not names:
        nothing = f"No changes since {changes_since}." if changes_since else "No proposals are shown."
        return [Paragraph([Run(nothing, Style(italic=True))], align="left", numbered=False, space_after=12.0)]
    title = f"Changes since {changes_since}: " if changes_since else "Proposals shown: "
    items = [Paragraph([Run(title, Style(bold=True)),
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


def tracked_flow(prepared: ExportInput) -> Flow:
    """The tracked print of a prepared export (or of a comparison of two versions)."""
    document, view, palette = prepared.base, prepared.markup, prepared.palette
    comparing = prepared.target is not None
    language = document.meta.language or "en"
    markers = printed_markers(document, view.footnote_markers())
    bracketed = frozenset(a.id for a in view.amendments.values() if a.status == BRACKETED)
    items: list = front_matter(document.meta) + legend(view, palette, document.version if comparing else "")
    before = version_numbers(document)
    after = version_numbers(prepared.target) if comparing else before
    annex = 0
    for record in view.blocks:
        if record.annex != annex:
            items += closing(document.meta) if annex == 0 else []
            annex = record.annex
            items.append(annex_heading(document.annexes[annex - 1].title, language))
        paragraph = record_paragraph(record, record_runs(record, markers, palette, language, bracketed), before,
                                     after, comparing, language)
        if record.collisions:
            paragraph.flag, paragraph.flag_color = COLLISION, COLLISION_COLOUR
        items.append(paragraph)
    items += closing(document.meta) if annex == 0 else []
    notes = tracked_footnotes(view, view.shown_footnotes(document), markers, palette)
    set_direction(items, notes, language)
    return Flow(document.meta, items, notes)


def tracked_footnotes(view: Markup, texts: dict[str, Footnote], markers: dict[str, str],
                      palette: Palette) -> dict[str, Paragraph]:
    """The footnotes as printed under a tracked text: a footnote a proposal changes, adds or takes out with
    its words underlined and struck through like the text's."""
    notes = footnote_paragraphs(Document(footnotes=texts), markers)
    for note_id, changed in view.footnotes.items():
        if note_id in notes:
            notes[note_id].runs[2:] = segment_runs(changed.segments, 0, {}, palette)
    return notes
