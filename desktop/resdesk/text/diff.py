"""Word-level diff: tokens, edits, replacements derived from an edit, and merging replacements.

Text is cut into tokens that are words, runs of white space, or single
punctuation marks. The words and punctuation marks of the two texts are
aligned with `difflib.SequenceMatcher` (its popularity heuristic off, so the
same two texts always give the same edits); white space never anchors an
alignment, so words line up with words ("to continue to strengthen" ->
"to strengthen further" keeps "to" and "strengthen"). What lies between two
aligned words is one edit, trimmed of the white space both sides share.
Offsets are character offsets into the text, as marks use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*|\s+|[^\w\s]")

# Two changes with at most this many unchanged words between them become one replacement
# ("continue to strengthen" -> "strengthen further" rather than two small changes).
MERGE_GAP = 1


def tokenise(text: str) -> list[str]:
    """Words (with inner apostrophes and hyphens), runs of white space, single punctuation marks."""
    return _TOKEN.findall(text)


def _words(text: str) -> list[tuple[str, int, int]]:
    """The non-space tokens of `text` with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if not m.group().isspace()]


@dataclass(frozen=True)
class Edit:
    """Delete `text[start:end]` of the old text and put `insert` in its place (start == end: a pure insertion)."""

    start: int
    end: int
    insert: str


def _edit(old: str, new: str, a_start: int, a_end: int, b_start: int, b_end: int) -> Edit | None:
    """The edit turning old[a_start:a_end] into new[b_start:b_end], without the white space both share.

    Shared white space is trimmed at the end first, so an inserted or deleted
    word takes the space before it with it ("strengthen{+ further+}").
    """
    while a_end > a_start and b_end > b_start and old[a_end - 1] == new[b_end - 1] and old[a_end - 1].isspace():
        a_end, b_end = a_end - 1, b_end - 1
    while a_start < a_end and b_start < b_end and old[a_start] == new[b_start] and old[a_start].isspace():
        a_start, b_start = a_start + 1, b_start + 1
    if old[a_start:a_end] == new[b_start:b_end]:
        return None
    return Edit(a_start, a_end, new[b_start:b_end])


def word_edits(old: str, new: str) -> list[Edit]:
    """The word-level edits turning `old` into `new`, in text order, offsets into `old`."""
    a, b = _words(old), _words(new)
    matcher = SequenceMatcher(None, [w for w, _, _ in a], [w for w, _, _ in b], autojunk=False)
    edits = []
    a_at = b_at = 0  # end of the last aligned word in each text
    for i, j, size in matcher.get_matching_blocks():
        a_next = a[i][1] if i < len(a) else len(old)
        b_next = b[j][1] if j < len(b) else len(new)
        edit = _edit(old, new, a_at, a_next, b_at, b_next)
        if edit:
            edits.append(edit)
        for k in range(size):  # the white space between aligned words may differ
            if k:
                edit = _edit(old, new, a[i + k - 1][2], a[i + k][1], b[j + k - 1][2], b[j + k][1])
                if edit:
                    edits.append(edit)
        if size:
            a_at, b_at = a[i + size - 1][2], b[j + size - 1][2]
    return edits


@dataclass(frozen=True)
class Replacement:
    """The characters `[start, end)` of a text, which read `old`, become `new`."""

    start: int
    end: int
    old: str
    new: str


def replacement_from_edit(before: str, after: str) -> list[Replacement]:
    """The word-level replacements that turn `before` into `after` (what typing in a paragraph proposes).

    Changes with at most `MERGE_GAP` unchanged words between them are one
    replacement. A pure insertion takes the word before it as its anchor (or
    the word after it at the start of the text), so it reads "after “word”,
    insert …" and a stale anchor is detected.
    """
    groups: list[list] = []  # [start, end, new text] in `before`
    for edit in word_edits(before, after):
        if groups and len(_words(before[groups[-1][1]:edit.start])) <= MERGE_GAP:
            groups[-1][2] += before[groups[-1][1]:edit.start] + edit.insert
            groups[-1][1] = edit.end
        else:
            groups.append([edit.start, edit.end, edit.insert])
    words = _words(before)
    result = []
    for start, end, new in groups:
        while end > start and new and before[end - 1] == new[-1] and new[-1].isspace():
            end, new = end - 1, new[:-1]
        while end > start and new and before[start] == new[0] and new[0].isspace():
            start, new = start + 1, new[1:]
        if start == end:  # a pure insertion: anchor it on a neighbouring word
            previous = [w for w in words if w[2] <= start]
            following = [w for w in words if w[1] >= end]
            if previous:
                anchor = previous[-1][1]
                new, start = before[anchor:start] + new, anchor
            elif following:
                anchor = following[0][2]
                new, end = new + before[end:anchor], anchor
        result.append(Replacement(start, end, before[start:end], new))
    return result


def overlapping(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two ranges `[start, end)` touch the same characters.

    Two insertions at the same point overlap (their order would be a choice);
    an insertion strictly inside a range overlaps it; ranges that only meet at
    an end do not.
    """
    (s1, e1), (s2, e2) = first, second
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def merge_replacements(text: str, replacements: list[Replacement]) -> str:
    """`text` with several non-overlapping replacements applied (in any order given).

    Raises ValueError if a replacement's `old` is not at its place or two of them overlap.
    """
    ordered = sorted(replacements, key=lambda r: (r.start, r.end))
    for previous, current in zip(ordered, ordered[1:], strict=False):
        if overlapping((previous.start, previous.end), (current.start, current.end)):
            raise ValueError(f"replacements at {previous.start} and {current.start} overlap")
    out, at = [], 0
    for replacement in ordered:
        if text[replacement.start:replacement.end] != replacement.old:
            raise ValueError(f"“{replacement.old}” is not at offset {replacement.start}")
        out.append(text[at:replacement.start])
        out.append(replacement.new)
        at = replacement.end
    out.append(text[at:])
    return "".join(out)
