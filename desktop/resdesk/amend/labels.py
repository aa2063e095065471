"""Negotiation labels: PP1…, OP1…, OP5 (a), OP5 (a) (i), computed from block order.

Labels are never identity (blocks have stable ids); they are recomputed
whenever the order or kinds of blocks change.
"""

from __future__ import annotations

from collections.abc import Iterable

from resdesk.model import tree
from resdesk.model.document import HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document
from resdesk.un.markers import operative_number, subparagraph_marker, subparagraph_number


def compute_labels(blocks: Iterable[Block], prefix: str = "") -> dict[str, str]:
    """Labels of `blocks` (one text or one annex, in reading order), by block id.

    PPs and OPs are counted in order (a single operative paragraph is still
    "OP1"); a sub-paragraph is its parent's label followed by "(a)", "(i)", …;
    a heading's label is its own number ("I.", "A.") or ""; other blocks have "".
    """
    blocks = list(blocks)
    depths = tree.depths(blocks)
    places = tree.sibling_numbers(blocks)
    labels: dict[str, str] = {}
    pp = op = 0
    for block in blocks:
        if block.kind == PREAMBULAR:
            pp += 1
            labels[block.id] = f"{prefix}PP{pp}"
        elif block.kind == OPERATIVE:
            op += 1
            labels[block.id] = f"{prefix}OP{op}"
        elif block.kind == SUBPARAGRAPH and block.parent in labels:
            number = subparagraph_number(places[block.id], depths[block.id])
            labels[block.id] = f"{labels[block.parent]} ({number})"
        elif block.kind == HEADING:
            labels[block.id] = block.number
        else:
            labels[block.id] = ""
    return labels


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
    (nothing for a lone OP, which the UN leaves unnumbered), "(a)" for a sub-paragraph, a heading's
    own number ("I."); other blocks have none."""
    depths = tree.depths(blocks)
    places = tree.sibling_numbers(blocks)
    operatives = sum(1 for block in blocks if block.kind == OPERATIVE)
    numbers: dict[str, str] = {}
    op = 0
    for block in blocks:
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

LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def latin_suffix(index: int) -> str:
    """1 -> "bis", 2 -> "ter", … 9 -> "decies"; past that "decies 2", "decies 3" (no common usage exists)."""
    if index <= len(LATIN_SUFFIXES):
        return LATIN_SUFFIXES[index - 1]
    return f"{LATIN_SUFFIXES[-1]} {index - len(LATIN_SUFFIXES) + 1}"


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
