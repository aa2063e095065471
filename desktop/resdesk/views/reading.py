"""The text as a person reads it in a terminal (`resdesk outline DOC`).

Labels stand in a left column; the text follows UN layout in spirit: the
enacting formula and opening phrases in italics (ANSI italics on a terminal,
*asterisks* otherwise), OP numbers, sub-paragraph letters, footnote markers as
superscripts and each footnote under the paragraph that refers to it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from resdesk.amend.labels import document_labels, subparagraph_depth, subparagraph_marker
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, SUBPARAGRAPH, TABLE, Block, Document
from resdesk.text.dates import un_date
from resdesk.text.inline import FOOTNOTE, ITALIC
from resdesk.views.outline import block_footnote_ids, opening_of

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LABEL_WIDTH = 12
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic",
                  "zh": "Chinese"}


@dataclass(frozen=True)
class Style:
    """How italics are shown: ANSI escapes on a terminal, asterisks in a pipe or file."""

    italic_on: str = "*"
    italic_off: str = "*"

    @staticmethod
    def for_terminal(is_tty: bool) -> Style:
        return Style("\x1b[3m", "\x1b[23m") if is_tty else Style()


def _inline(block: Block, opening: str, markers: dict[str, str], style: Style) -> str:
    """Block text with italics (opening phrase and italic marks) and footnote markers."""
    inserts: dict[int, list[str]] = {}

    def add(position: int, text: str) -> None:
        inserts.setdefault(position, []).append(text)

    if opening:
        add(0, style.italic_on)
        add(len(opening), style.italic_off)
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
    lines = []
    if meta.symbol:
        lines.append(meta.symbol)
    lines.append(meta.organ)
    if meta.distribution:
        lines.append(f"Distr.: {meta.distribution}")
    if meta.date:
        lines.append(un_date(meta.date))
    if meta.original_language:
        lines.append(f"Original: {LANGUAGE_NAMES.get(meta.original_language, meta.original_language)}")
    for value in (meta.session, meta.committee):
        if value:
            lines.append(value)
    if meta.agenda_item:
        lines.append(f"Agenda item {meta.agenda_item}")
    if meta.agenda_title:
        lines.append(meta.agenda_title)
    lines.append("")
    if meta.adopted:
        lines += meta.adoption_lines()
    elif meta.sponsors:
        lines.append(", ".join(meta.sponsors) + ": draft resolution")
    if meta.note:
        lines += ["Note by the Secretariat", meta.note]
    if meta.title or meta.resolution_number:
        lines += ["", meta.numbered_title()]
    if document.version != "original":
        lines.append(f"[{document.version}]")
    return lines + [""]


def outline_text(document: Document, *, style: Style = Style(), width: int = 100) -> str:
    """The whole text for a terminal."""
    labels = document_labels(document)
    markers = document.footnote_markers()
    language = document.meta.language
    lines = _masthead(document)

    def section(blocks: list[Block]) -> None:
        depth = subparagraph_depth(blocks)
        op_number = 0
        sibling_index: dict[str, int] = {}
        for block in blocks:
            text = _inline(block, opening_of(block, language), markers, style)
            label = labels.get(block.id, "")
            if block.kind == FORMULA:
                op_number = 0  # each part of a resolution in parts numbers its OPs from 1
                lines.extend(_wrap("", f"{style.italic_on}{block.text}{style.italic_off}", width, 4))
            elif block.kind == OPERATIVE:
                op_number += 1
                lines.extend(_wrap(label, f"{op_number}. {text}", width))
            elif block.kind == SUBPARAGRAPH and block.parent is not None:
                sibling_index[block.parent] = sibling_index.get(block.parent, 0) + 1
                level = depth.get(block.id, 1)
                marker = subparagraph_marker(sibling_index[block.parent], level, language)
                lines.extend(_wrap(label, f"{marker} {text}", width, 4 * level))
            elif block.kind == HEADING:
                heading = f"{block.number} {text}".strip()
                lines.extend(["", *_wrap("", heading, width)])
            elif block.kind == TABLE:
                lines.extend(" " * LABEL_WIDTH + row for row in _table_rows(block))
            else:
                lines.extend(_wrap(label, text, width))
            for note_id in block_footnote_ids(block):
                note = document.footnotes.get(note_id)
                if note is not None:
                    marker = markers.get(note_id, "?").translate(SUPERSCRIPT)
                    lines.extend(_wrap("", f"{marker} {note.text}", width, 4))
            lines.append("")

    section(document.blocks)
    lines.extend(line.rjust(width) for line in document.meta.closing_lines())
    for annex in document.annexes:
        lines.extend(["", annex.title or "Annex", ""])
        section(annex.blocks)
    return "\n".join(lines).rstrip() + "\n"
