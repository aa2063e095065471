"""The first page's masthead and session block, as drawing operations in points, at the UN's places
(`resdesk.un.page`, which the Word export follows too)."""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.model.document import Meta
from resdesk.ui.printing.page_geometry import PageGeometry
from resdesk.un import masthead as words
from resdesk.un import page as un
from resdesk.un.languages import is_rtl
from resdesk.un.symbols import symbol_parts


@dataclass(frozen=True)
class Text:
    """`text` starting at `x` on baseline `y`."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    follows: bool = False  # continues the text before it (the symbol's "/RES/78/226" after its "A")


@dataclass(frozen=True)
class HRule:
    x1: float
    x2: float
    y: float
    width: float


def right_block(meta: Meta) -> list[str]:
    """The lines at the masthead's right ("" for the empty line above "Original: …")."""
    block = []
    if meta.distribution:
        block.append(words.distribution_line(meta.distribution, meta.language))
    if meta.date:
        block.append(words.date_line(meta.date, meta.language))
    if meta.original_language:
        block += ["", words.original_line(meta.original_language, meta.language)]
    return block


def session_lines(meta: Meta, wrap) -> list[tuple[str, bool]]:
    """The session block's lines (text, bold), the agenda item's title wrapped."""
    lines: list[tuple[str, bool]] = []
    for fact, text, bold in words.session_lines(meta):
        if fact == "agendatitle":
            lines.extend((part, bold) for part in wrap(text, 10.0, un.SESSION_WRAP))
        else:
            lines.append((text, bold))
    return lines


def masthead(meta: Meta, geometry: PageGeometry, measure, wrap) -> tuple[list[Text | HRule], float]:
    """The masthead's drawing operations and the y where the text below it starts.

    `measure(text, size, bold)` is the width of a text in points; `wrap(text, size, width)`
    breaks a text into lines no wider than `width` points.
    """
    left, right = geometry.margin_left, geometry.margin_right
    language = meta.language
    top = un.PUBLISHER_BASELINE
    ops: list[Text | HRule] = [Text(un.MASTHEAD_LEFT, top, words.publisher(language), un.PUBLISHER_SIZE)]
    if meta.symbol:
        head, rest = symbol_parts(meta.symbol)
        rest_x = right - measure(rest, un.SYMBOL_REST_SIZE, False)
        ops.append(Text(rest_x - measure(head, un.SYMBOL_HEAD_SIZE, False), top, head, un.SYMBOL_HEAD_SIZE))
        ops.append(Text(rest_x, top, rest, un.SYMBOL_REST_SIZE, follows=True))
    ops.append(HRule(left, right, un.THIN_RULE, un.THIN_RULE_WIDTH))
    organ = words.organ_name(meta.organ or "General Assembly", language)
    ops.append(Text(un.MASTHEAD_LEFT, un.ORGAN_BASELINE, organ, un.ORGAN_SIZE, bold=True))
    for index, line in enumerate(right_block(meta)):
        if line:
            ops.append(Text(un.RIGHT_BLOCK_LEFT, un.ORGAN_BASELINE + un.RIGHT_BLOCK_PITCH * index, line, 10.0))
    lines = session_lines(meta, wrap)
    for index, (text, bold) in enumerate(lines):
        ops.append(Text(left, un.SESSION_FIRST_BASELINE + un.SESSION_PITCH * index, text, 10.0, bold=bold))
    rule_y = un.thick_rule_y(len(lines))
    ops.append(HRule(left, right, rule_y, un.THICK_RULE_WIDTH))
    if is_rtl(language):
        ops = mirrored(ops, geometry.width, measure)
    return ops, rule_y + un.AFTER_MASTHEAD


def mirrored(ops: list[Text | HRule], width: float, measure) -> list[Text | HRule]:
    """The masthead of a text written right to left, as the UN's Arabic documents set it: every text and rule in
    its mirror image (`width - x`), "United Nations" and the organ at the right, the symbol and the
    Distr./date/Original block at the left, the session block ending at the right page margin."""
    result: list[Text | HRule] = []
    for index, op in enumerate(ops):
        if isinstance(op, HRule):
            result.append(HRule(width - op.x2, width - op.x1, op.y, op.width))
        elif op.follows:  # keeps its place after the text it continues
            before = result[-1]
            result.append(Text(before.x + measure(before.text, before.size, before.bold), op.y, op.text, op.size,
                               op.bold, follows=True))
        else:
            end = index + 1
            while end < len(ops) and isinstance(ops[end], Text) and ops[end].follows:
                end += 1
            last = ops[end - 1]
            result.append(Text(width - last.x - measure(last.text, last.size, last.bold), op.y, op.text, op.size,
                               op.bold))
    return result
