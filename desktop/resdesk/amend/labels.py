"""Negotiation labels: PP1…, OP1…, OP5 (a), OP5 (a) (i), computed from block order.

Labels are never identity (blocks have stable ids); they are recomputed
whenever the order or kinds of blocks change.
"""

from __future__ import annotations

from collections.abc import Iterable

from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(number: int) -> str:
    """Lower-case roman numeral: 1 -> "i", 14 -> "xiv"."""
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letters(number: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa" (the UN doubles letters past z)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def subparagraph_number(index: int, depth: int) -> str:
    """The bare number of the `index`-th (1-based) sub-paragraph at `depth` (1-based).

    Levels are (a) -> (i) -> a. -> i., as in UN texts; this returns "a", "i", …
    without punctuation (see `subparagraph_marker` for how it is printed).
    """
    level = (depth - 1) % 4
    return letters(index) if level in (0, 2) else roman(index)


def subparagraph_marker(index: int, depth: int, language: str = "en") -> str:
    """How a sub-paragraph number is printed: "(a)", "(i)", "a.", "i."; French and Spanish "a)"."""
    number = subparagraph_number(index, depth)
    if language in ("fr", "es"):
        return f"{number})"
    return f"({number})" if (depth - 1) % 4 < 2 else f"{number}."


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
    parts = sum(1 for block in blocks if block.kind == FORMULA) > 1
    labels: dict[str, str] = {}
    depth: dict[str, int] = {}
    children_seen: dict[str, int] = {}
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
            level = depth.get(block.parent, 0) + 1
            depth[block.id] = level
            children_seen[block.parent] = children_seen.get(block.parent, 0) + 1
            number = subparagraph_number(children_seen[block.parent], level)
            labels[block.id] = f"{labels[block.parent]} ({number})"
        elif block.kind == HEADING:
            labels[block.id] = block.number
            heading = block.number
        else:
            labels[block.id] = ""
        if block.kind not in (HEADING, FORMULA):
            heading = ""
    return labels


def document_labels(document: Document) -> dict[str, str]:
    """Labels of every block of the document, annexes included ("Annex OP1", "Annex 2 OP1")."""
    labels = compute_labels(document.blocks)
    several = len(document.annexes) > 1
    for index, annex in enumerate(document.annexes, start=1):
        prefix = f"Annex {index} " if several else "Annex "
        labels.update(compute_labels(annex.blocks, prefix))
    return labels


def subparagraph_depth(blocks: Iterable[Block]) -> dict[str, int]:
    """Depth of every sub-paragraph (1 for (a), 2 for (i), …), by block id."""
    depth: dict[str, int] = {}
    for block in blocks:
        if block.kind == SUBPARAGRAPH and block.parent is not None:
            depth[block.id] = depth.get(block.parent, 0) + 1
    return depth


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
