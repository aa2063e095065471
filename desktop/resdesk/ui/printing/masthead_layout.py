"""The first page's masthead and session block (un-format.md §3), as drawing operations in points."""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.model.document import Meta
from resdesk.ui.printing.page_geometry import PageGeometry
from resdesk.un import masthead as words
from resdesk.un.symbols import symbol_parts

RIGHT_BLOCK_X = 397.0
SESSION_WRAP = 250.0  # the agenda item's title wraps within this width at the page margin


@dataclass(frozen=True)
class Text:
    """`text` starting at `x` on baseline `y`."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class HRule:
    x1: float
    x2: float
    y: float
    width: float


def masthead(meta: Meta, geometry: PageGeometry, measure, wrap) -> tuple[list[Text | HRule], float]:
    """The masthead's drawing operations and the y where the text below it starts.

    `measure(text, size, bold)` is the width of a text in points; `wrap(text, size, width)`
    breaks a text into lines no wider than `width` points.
    """
    left, right = geometry.margin_left, geometry.margin_right
    language = meta.language
    ops: list[Text | HRule] = [Text(left, 50.0, words.publisher(language), 14.0)]
    if meta.symbol:
        head, rest = symbol_parts(meta.symbol)
        rest_x = right - measure(rest, 10.0, False)
        ops.append(Text(rest_x - measure(head, 20.0, False), 50.0, head, 20.0))
        ops.append(Text(rest_x, 50.0, rest, 10.0))
    ops.append(HRule(left, right, 58.0, 0.5))
    ops.append(Text(left, 88.0, words.organ_name(meta.organ or "General Assembly", language), 20.0, bold=True))
    block = []
    if meta.distribution:
        block.append(words.distribution_line(meta.distribution, language))
    if meta.date:
        block.append(words.date_line(meta.date, language))
    if meta.original_language:
        block.append("")
        block.append(words.original_line(meta.original_language, language))
    for index, line in enumerate(block):
        if line:
            ops.append(Text(RIGHT_BLOCK_X, 72.0 + 12.0 * index, line, 10.0))
    rule_y = max(112.0, 72.0 + 12.0 * len(block))
    ops.append(HRule(left, right, rule_y, 1.5))
    y = rule_y + 18.0
    lines: list[tuple[str, bool]] = []
    if meta.session:
        lines.append((meta.session, True))
    if meta.committee:
        lines.append((meta.committee, False))
    if meta.agenda_item:
        lines.append((words.agenda_line(meta.agenda_item, language), False))
    if meta.agenda_title:
        lines.extend((part, True) for part in wrap(meta.agenda_title, 10.0, SESSION_WRAP))
    for text, bold in lines:
        ops.append(Text(left, y, text, 10.0, bold=bold))
        y += 12.0
    return ops, y + 18.0
