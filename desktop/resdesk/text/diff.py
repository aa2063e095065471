"""Word-level diff: tokens, edits, replacements derived from an edit, and merging replacements.

Text is cut into tokens that are words, runs of white space, or single
punctuation characters, and diffed with `difflib.SequenceMatcher` on those
tokens with its junk heuristic off, which makes the result deterministic
(the same two texts always give the same edits). Offsets are character
offsets into the text, as marks use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*|\s+|[^\w\s]")

# Two changes separated by at most this many unchanged tokens become one replacement
# ("continue to strengthen" -> "strengthen further" rather than two small changes).
MERGE_GAP = 2


def tokenise(text: str) -> list[str]:
    """Words (with inner apostrophes and hyphens), runs of white space, single punctuation marks."""
    return _TOKEN.findall(text)


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


@dataclass(frozen=True)
class Edit:
    """Delete `text[start:end]` of the old text and put `insert` in its place (start == end: a pure insertion)."""

    start: int
    end: int
    insert: str


def word_edits(old: str, new: str) -> list[Edit]:
    """The word-level edits turning `old` into `new`, in text order, offsets into `old`."""
    a, b = tokenise(old), tokenise(new)
    a_at, b_at = _offsets(a), _offsets(b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [Edit(a_at[i1], a_at[i2], new[b_at[j1]:b_at[j2]])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


@dataclass(frozen=True)
class Replacement:
    """The characters `[start, end)` of a text, which read `old`, become `new`."""

    start: int
    end: int
    old: str
    new: str


def replacement_from_edit(before: str, after: str) -> list[Replacement]:
    """The word-level replacements that turn `before` into `after` (what typing in a paragraph proposes).

    Changes separated by at most `MERGE_GAP` unchanged tokens are one
    replacement; each replacement covers whole words. A pure insertion takes
    the word before it as its anchor (or the word after it at the start of the
    text), so it reads "after “word”, insert …" and a stale anchor is detected.
    """
    a, b = tokenise(before), tokenise(after)
    a_at, b_at = _offsets(a), _offsets(b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    groups: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups and i1 - groups[-1][1] <= MERGE_GAP and j1 - groups[-1][3] == i1 - groups[-1][1]:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    result = []
    for i1, i2, j1, j2 in groups:
        if i1 == i2:  # a pure insertion: anchor it on a neighbouring word
            if i1 > 0:
                back = i1 - 1
                while back > 0 and not a[back].strip():
                    back -= 1
                j1 -= i1 - back
                i1 = back
            elif i2 < len(a):
                forward = i2
                while forward < len(a) - 1 and not a[forward].strip():
                    forward += 1
                j2 += forward + 1 - i2
                i2 = forward + 1
        result.append(Replacement(a_at[i1], a_at[i2], before[a_at[i1]:a_at[i2]], after[b_at[j1]:b_at[j2]]))
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
