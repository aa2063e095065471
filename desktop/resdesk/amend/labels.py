"""Negotiation labels: PP1…, OP1…, OP5 (a), OP5 (a) (i), computed from block order.

Labels are never identity (blocks have stable ids); they are recomputed
whenever the order or kinds of blocks change.
"""

from __future__ import annotations

from collections.abc import Iterable

from resdesk.model import tree
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document
from resdesk.un.markers import latin_suffix, operative_number, subparagraph_marker, subparagraph_number


def compute_labels(blocks: Iterable[Block], prefix: str = "") -> dict[str, str]:
    """Labels of `blocks` (one text or one annex, in reading order), by block id.

    PPs and OPs are counted in order (a single operative paragraph is still
    "OP1"); a sub-paragraph is its parent's label followed by "(a)", "(i)", …;
    a heading's label is its own number ("I.", "A.") or ""; other blocks have "".
    A resolution in parts (A, B: each with its own enacting formula) counts each
    part from 1, and names the part: "A OP1", "B PP2" (by the heading before the
    part's formula, else "Part 2").
    """
    blocks = list(blocks)
    depths = tree.depths(blocks)
    places = tree.sibling_numbers(blocks)
    parts = in_parts(blocks)
    labels: dict[str, str] = {}
    pp = op = part = 0
    part_name = heading = ""
    for block in blocks:
        if block.kind == FORMULA and parts:
            part += 1
            pp = op = 0
            part_name = f"{heading.rstrip('.') or f'Part {part}'} "
        if block.kind == PREAMBULAR:
            pp += 1
            labels[block.id] = f"{prefix}{part_name}PP{pp}"
        elif block.kind == OPERATIVE:
            op += 1
            labels[block.id] = f"{prefix}{part_name}OP{op}"
        elif block.kind == SUBPARAGRAPH and block.parent in labels:
            number = subparagraph_number(places[block.id], depths[block.id])
            labels[block.id] = f"{labels[block.parent]} ({number})"
        elif block.kind == HEADING:
            labels[block.id] = block.number
            heading = block.number
        else:
            labels[block.id] = ""
        if block.kind not in (HEADING, FORMULA):
            heading = ""
    return labels


def in_parts(blocks: list[Block]) -> bool:
    """Whether a text is a resolution in parts (A, B): each part has its own enacting formula."""
    return sum(1 for block in blocks if block.kind == FORMULA) > 1


def document_labels(document: Document) -> dict[str, str]:
    """Labels of every block of the document, annexes included ("Annex OP1", "Annex 2 OP1")."""
    labels = compute_labels(document.blocks)
    several = len(document.annexes) > 1
    for index, annex in enumerate(document.annexes, start=1):
        prefix = f"Annex {index} " if several else "Annex "
        labels.update(compute_labels(annex.blocks, prefix))
    return labels


def printed_numbers(blocks: list[Block], language: str) -> dict[str, str]:
    """What is printed before each block of one text, by id, as `language` prints it: "3." for an OP
    (nothing for a lone OP, which the UN leaves unnumbered; each part of a resolution in parts counts
    from 1), "(a)" for a sub-paragraph, a heading's own number ("I."); other blocks have none."""
    depths = tree.depths(blocks)
    places = tree.sibling_numbers(blocks)
    operatives = sum(1 for block in blocks if block.kind == OPERATIVE)
    numbers: dict[str, str] = {}
    op = 0
    for block in blocks:
        if block.kind == FORMULA:
            op = 0  # each part of a resolution in parts numbers its OPs from 1
        if block.kind == OPERATIVE:
            op += 1
            numbers[block.id] = operative_number(op, language) if operatives > 1 else ""
        elif block.id in places:
            numbers[block.id] = subparagraph_marker(places[block.id], depths[block.id], language)
        elif block.kind == HEADING:
            numbers[block.id] = block.number
        else:
            numbers[block.id] = ""
    return numbers


# -- provisional labels of proposals -------------------------------------------------------------

def inserted_label(anchor_label: str, index: int) -> str:
    """The provisional label of the `index`-th new paragraph (1-based) proposed after `anchor_label`.

    "OP3", 1 -> "OP3 bis"; "OP3", 2 -> "OP3 ter"; "PP0", 1 -> "PP0 bis" (a new
    first preambular paragraph, placed after the enacting formula).
    """
    return f"{anchor_label} {latin_suffix(index)}"


def alternative_label(label: str, index: int) -> str:
    """The label of the `index`-th alternative proposed for a paragraph: "OP15 alt 1"."""
    return f"{label} alt {index}"


def zero_label(kind: str, prefix: str = "") -> str:
    """The anchor label for a new first paragraph of a kind: "PP0" or "OP0" (see `inserted_label`)."""
    return f"{prefix}{'PP' if kind == PREAMBULAR else 'OP'}0"
