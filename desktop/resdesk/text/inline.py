"""Inline text: plain characters plus marks over ranges of them.

A block's text is a plain string; formatting and references are `Mark`s over
character offsets `[start, end)`:

- ``italic`` / ``bold``: a span of formatting beyond the derived opening phrase
  (a series title in a footnote, a foreign term);
- ``link``: a reference such as "66/171" whose target is a document symbol or URL;
- ``footnote``: a zero-width anchor (start == end) at the place of the footnote
  marker, whose target is the footnote's id;
- ``opening``: from offset 0, the opening phrase of a PP or OP as the file it was
  imported from marks it, where the lexicon finds another phrase ("Takes into account"
  where the lexicon says "Takes") or none.

Keeping marks apart from the characters lets the word diff, search and labels
work on plain text, and lets every exporter decide how a mark looks.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

ITALIC = "italic"
BOLD = "bold"
LINK = "link"
FOOTNOTE = "footnote"
OPENING = "opening"

MARK_KINDS = (ITALIC, BOLD, LINK, FOOTNOTE, OPENING)


@dataclass(frozen=True)
class Mark:
    kind: str
    start: int
    end: int
    target: str = ""

    def to_json(self) -> list:
        return [self.kind, self.start, self.end, self.target] if self.target else [self.kind, self.start, self.end]

    @staticmethod
    def from_json(value: list) -> Mark:
        kind, start, end, *rest = value
        return Mark(kind, int(start), int(end), rest[0] if rest else "")


def footnote_anchors(marks: list[Mark]) -> list[Mark]:
    """The footnote anchors among `marks`, in text order."""
    return sorted((m for m in marks if m.kind == FOOTNOTE), key=lambda m: (m.start, m.end))


def marked_opening(marks: list[Mark]) -> int | None:
    """Where the opening phrase the source file marked ends (its `opening` mark), or None: the `marked`
    argument of `resdesk.un.phrases.opening_extent`."""
    return next((mark.end for mark in marks if mark.kind == OPENING and mark.start == 0), None)


def leading_emphasis(text: str, marks: list[Mark]) -> tuple[int, list[Mark]]:
    """Where the run of italic/bold spans that opens `text` ends (0 if it opens with none), and
    `marks` without the spans of that run.

    The run is the spans from offset 0, each starting where the previous one ends (give or take a
    space): Arabic files split "وإذ تلاحظ" into a bold "و" and a bold italic "إذ تلاحظ", or
    "وإذ تشير" and "أيضا" into two spans.
    """
    formatting = sorted((m for m in marks if m.kind in (ITALIC, BOLD)), key=lambda m: (m.start, m.end))
    run = set()
    reached = 0
    for mark in formatting:
        if mark.start > reached:
            break
        run.add(mark)
        reached = max(reached, mark.end)
        while reached < len(text) and text[reached] == " ":
            reached += 1
    end = max((mark.end for mark in run), default=0)
    return end, [mark for mark in marks if mark not in run]


def sorted_marks(marks: list[Mark]) -> list[Mark]:
    """Marks in a canonical order, so equal texts serialise to equal bytes."""
    return sorted(marks, key=lambda m: (m.start, m.end, m.kind, m.target))


def shift_marks(marks: list[Mark], at: int, removed: int, inserted: int) -> list[Mark]:
    """Marks after replacing `removed` characters at offset `at` by `inserted` new ones.

    Marks wholly inside the removed range disappear, except footnote anchors,
    which move to the start of the change (a footnote is never lost by editing
    the words around its marker). Marks that overlap the change shrink or grow
    with it. An opening mark stays at offset 0: words typed before or inside the
    phrase join it, and a change across its end cuts it there.
    """
    end_removed = at + removed
    delta = inserted - removed
    result: list[Mark] = []
    for mark in marks:
        if mark.kind == OPENING:
            end = mark.end if mark.end <= at else (mark.end + delta if mark.end >= end_removed else at)
            if end:
                result.append(Mark(OPENING, 0, end))
            continue
        if mark.kind == FOOTNOTE:
            if mark.start >= end_removed and mark.start > at:
                pos = mark.start + delta
            elif mark.start <= at:
                pos = mark.start
            else:
                pos = at
            result.append(Mark(mark.kind, pos, pos, mark.target))
            continue
        start, end = mark.start, mark.end
        if end <= at:
            result.append(mark)
            continue
        if start >= end_removed:
            result.append(Mark(mark.kind, start + delta, end + delta, mark.target))
            continue
        new_start = start if start < at else at
        new_end = end + delta if end > end_removed else at + inserted
        if start >= at and end <= end_removed:
            continue
        if new_end > new_start:
            result.append(Mark(mark.kind, new_start, new_end, mark.target))
    return sorted_marks(result)


class Coverage:
    """Which italic, bold and link marks cover each piece of a text, the pieces taken left to right.

    Exporters cut a text at every mark boundary and ask, for each piece, whether it is italic or bold and
    which link it lies in (the first link mark over it, in the order of `marks`). Asking every mark for
    every piece made them quadratic (14,000 links in a paragraph took 20 s); this sweep is linear but for
    sorting. `at(left)` must be called with non-decreasing offsets, each the start of a piece that no mark
    boundary cuts.
    """

    def __init__(self, marks: list[Mark]):
        self._waiting = sorted(((mark.start, index, mark) for index, mark in enumerate(marks)
                                if mark.kind in (ITALIC, BOLD, LINK) and mark.start < mark.end), reverse=True)
        self._ends: dict[str, list[int]] = {ITALIC: [], BOLD: []}  # heaps of the ends of covering marks
        self._links: list[tuple[int, int, str]] = []  # heap of (index in marks, end, target)

    def at(self, left: int) -> tuple[bool, bool, str]:
        """(italic, bold, link target or "") of the piece starting at `left`."""
        while self._waiting and self._waiting[-1][0] <= left:
            _, index, mark = self._waiting.pop()
            if mark.kind == LINK:
                heapq.heappush(self._links, (index, mark.end, mark.target))
            else:
                heapq.heappush(self._ends[mark.kind], mark.end)
        for ends in self._ends.values():
            while ends and ends[0] <= left:
                heapq.heappop(ends)
        while self._links and self._links[0][1] <= left:
            heapq.heappop(self._links)
        return bool(self._ends[ITALIC]), bool(self._ends[BOLD]), self._links[0][2] if self._links else ""
