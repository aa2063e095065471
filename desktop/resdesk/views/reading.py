"""The text as a person reads it in a terminal (`resdesk outline DOC`).

Labels stand in a left column; the text follows UN layout in spirit: the
enacting formula and opening phrases set as the language sets them (italics,
bold in Chinese: ANSI on a terminal, *asterisks* otherwise), OP numbers,
sub-paragraph letters, footnote markers as superscripts and each footnote under
the paragraph that refers to it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from resdesk.amend.labels import document_labels, printed_numbers
from resdesk.model import tree
from resdesk.model.document import FORMULA, HEADING, SUBPARAGRAPH, TABLE, Block, Document
from resdesk.text.inline import FOOTNOTE, ITALIC
from resdesk.un import masthead as un_masthead
from resdesk.un.languages import Emphasis
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.un.sponsors import sponsor_line
from resdesk.un.symbols import is_revision
from resdesk.views.outline import block_footnote_ids

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LABEL_WIDTH = 12


@dataclass(frozen=True)
class Style:
    """How italics and bold are shown: ANSI escapes on a terminal, asterisks in a pipe or file."""

    italic_on: str = "*"
    italic_off: str = "*"
    bold_on: str = "**"
    bold_off: str = "**"

    @staticmethod
    def for_terminal(is_tty: bool) -> Style:
        return Style("\x1b[3m", "\x1b[23m", "\x1b[1m", "\x1b[22m") if is_tty else Style()

    def around(self, emphasis: Emphasis) -> tuple[str, str]:
        """What opens and what closes text set with `emphasis`."""
        on = (self.bold_on if emphasis.bold else "") + (self.italic_on if emphasis.italic else "")
        off = (self.italic_off if emphasis.italic else "") + (self.bold_off if emphasis.bold else "")
        return on, off


def _inline(block: Block, language: str, markers: dict[str, str], style: Style) -> str:
    """Block text with its opening set as the language sets it, italic marks and footnote markers."""
    inserts: dict[int, list[str]] = {}

    def add(position: int, text: str) -> None:
        inserts.setdefault(position, []).append(text)

    opening = opening_extent(block.text, block.kind, language)
    if opening:
        on, off = style.around(opening_emphasis(language))
        add(0, on)
        add(opening, off)
    for mark in block.marks:
        if mark.kind == ITALIC and mark.end > mark.start:
            add(mark.start, style.italic_on)
            add(mark.end, style.italic_off)
        elif mark.kind == FOOTNOTE:
            add(mark.start, markers.get(mark.target, "?").translate(SUPERSCRIPT))
    out = []
    for position, char in enumerate(block.text):
        out.extend(inserts.get(position, ()))
        out.append(char)
    out.extend(inserts.get(len(block.text), ()))
    return "".join(out)


def _wrap(label: str, text: str, width: int, indent: int = 0) -> list[str]:
    body_width = max(20, width - LABEL_WIDTH - indent)
    lines = textwrap.wrap(text, body_width) or [""]
    pad = " " * (LABEL_WIDTH + indent)
    first = label.ljust(LABEL_WIDTH)[:LABEL_WIDTH] + " " * indent + lines[0]
    return [first] + [pad + line for line in lines[1:]]


def _table_rows(block: Block) -> list[str]:
    """A table's rows with columns aligned and separated by " | "."""
    rows = [[cell.text for cell in row] for row in block.rows]
    columns = max((len(row) for row in rows), default=0)
    widths = [max((len(row[c]) for row in rows if c < len(row)), default=0) for c in range(columns)]
    return [" | ".join(text.ljust(widths[c]) for c, text in enumerate(row)).rstrip() for row in rows]


def _masthead(document: Document) -> list[str]:
    meta = document.meta
    language = meta.language
    lines = []
    if meta.symbol:
        lines.append(meta.symbol)
    lines.append(un_masthead.organ_name(meta.organ, language))
    if meta.distribution:
        lines.append(un_masthead.distribution_line(meta.distribution, language))
    if meta.date:
        lines.append(un_masthead.date_line(meta.date, language))
    if meta.original_language:
        lines.append(un_masthead.original_line(meta.original_language, language))
    for value in (meta.session, meta.committee):
        if value:
            lines.append(value)
    if meta.agenda_item:
        lines.append(un_masthead.agenda_line(meta.agenda_item, language))
    if meta.agenda_title:
        lines.append(meta.agenda_title)
    lines.append("")
    if meta.note:
        lines += [un_masthead.note_heading(language), meta.note]
    if meta.sponsors:
        lines.append(sponsor_line(meta.sponsors, language, revised=is_revision(meta.symbol)))
    if meta.title:
        lines += ["", meta.title]
    if document.version != "original":
        lines.append(f"[{document.version}]")
    return lines + [""]


def _notes(lines: list[str], notes, width: int) -> None:
    """Lines under a paragraph (its comments), each reply one step further in."""
    for depth, text in notes:
        lines.extend(_wrap("", text, width, 4 + 2 * depth))


def elsewhere_text(notes: list[tuple[int, str]], width: int = 100) -> str:
    """The comments on paragraphs the version shown no longer has, after the text ("" when none)."""
    if not notes:
        return ""
    lines = ["", "Comments on paragraphs this version no longer has:"]
    _notes(lines, notes, width)
    return "\n".join(lines) + "\n"


def outline_text(document: Document, *, style: Style = Style(), width: int = 100,
                 notes: dict[str, list[tuple[int, str]]] | None = None) -> str:
    """The whole text for a terminal; `notes` by block id (its comments, see `resdesk.views.comment_text`)
    are put under their paragraph, after its footnotes."""
    labels = document_labels(document)
    markers = document.footnote_markers()
    language = document.meta.language
    lines = _masthead(document)

    def section(blocks: list[Block]) -> None:
        numbers = printed_numbers(blocks, language)
        depths = tree.depths(blocks)
        for block in blocks:
            text = _inline(block, language, markers, style)
            label = labels.get(block.id, "")
            number = numbers.get(block.id, "")
            if block.kind == SUBPARAGRAPH and block.parent is not None:
                lines.extend(_wrap(label, f"{number} {text}", width, 4 * depths[block.id]))
            elif block.kind == HEADING:
                heading = f"{block.number} {text}".strip()
                lines.extend(["", *_wrap("", heading, width)])
            elif block.kind == TABLE:
                lines.extend(" " * LABEL_WIDTH + row for row in _table_rows(block))
            else:
                lines.extend(_wrap(label, f"{number} {text}".strip(), width, 4 if block.kind == FORMULA else 0))
            for note_id in block_footnote_ids(block):
                note = document.footnotes.get(note_id)
                if note is not None:
                    marker = markers.get(note_id, "?").translate(SUPERSCRIPT)
                    lines.extend(_wrap("", f"{marker} {note.text}", width, 4))
            _notes(lines, (notes or {}).get(block.id, ()), width)
            lines.append("")

    section(document.blocks)
    for annex in document.annexes:
        lines.extend(["", un_masthead.annex_title(annex.title, language), ""])
        section(annex.blocks)
    return "\n".join(lines).rstrip() + "\n"
