"""Operative numbers and sub-paragraph markers typed into a paragraph's text instead of marked up.

Older UN files write "(a)" and a tab before a sub-paragraph as plain text in an unnumbered
paragraph, and older Arabic files (some of the 77th session too) type the operative number
("1 -" and a tab) before the opening phrase, with no <num>. They are taken for numbers only
where they continue the numbering in progress (the next operative number; the next marker of
a list that is open), so a paragraph that merely starts with "(a)" or "2030" stays as it is.
"""

from __future__ import annotations

import re

from resdesk.un.markers import leading_operative_number, subparagraph_markers_read

# "(a)", "(iv)", "(أ)", "a.", "i)" then whitespace: which marker it is, `subparagraph_markers_read` says.
_TYPED_MARKER = re.compile(r"(\([^\s()]{1,5}\)|[a-z]{1,4}[.)]) +(?=\S)")


def typed_op_number(text: str, expected: int) -> int:
    """How many characters of `text` are a typed operative number ("1 -", "1."), when it is `expected`; else 0."""
    match = leading_operative_number(text)
    if match is None or match.start() != 0 or int(match.group(1)) != expected or match.end() == len(text):
        return 0
    return match.end()


class OpenList:
    """The list of sub-paragraphs open under the last PP or OP, to place typed markers in it.

    `stack[d]` is [block id, sub-paragraphs it has so far]: the paragraph at 0, then the last
    sub-paragraph of each level.
    """

    def __init__(self, language: str):
        self.language = language
        self.stack: list[list] = []
        self.ends_with_colon = False

    def open(self, block_id: str, text: str) -> None:
        """A new PP or OP: its own list starts (empty)."""
        self.stack = [[block_id, 0]]
        self.ends_with_colon = text.rstrip().endswith(":")

    def close(self) -> None:
        """A heading, a table or a new part: no list is open any more."""
        self.stack = []

    def add(self, block_id: str, parent: str | None, text: str) -> None:
        """A sub-paragraph (marked up or typed) of `parent` joins the list."""
        for depth, (open_id, _) in enumerate(self.stack):
            if open_id == parent:
                self.stack = self.stack[: depth + 1]
                self.stack[depth][1] += 1
                self.stack.append([block_id, 0])
                self.ends_with_colon = text.rstrip().endswith(":")
                return

    def place(self, text: str) -> tuple[str, int] | None:
        """(parent id, length of the marker) when `text` opens with the next marker of the open list.

        Continuing the deepest level comes first, a new deeper level first after a paragraph
        ending with a colon ("(i)" after "(h) … as follows:" starts a level; after "(h) …;" it
        is the letter i), then the shallower levels.
        """
        match = _TYPED_MARKER.match(text)
        if match is None or not self.stack:
            return None
        marker = match.group(1)
        deepest = len(self.stack) - 1
        same = list(range(deepest, 0, -1))
        deeper = [deepest + 1]
        for depth in (deeper + same if self.ends_with_colon else same + deeper):
            parent_id, count = self.stack[depth - 1]
            if marker in subparagraph_markers_read(count + 1, depth, self.language):
                return parent_id, match.end()
        return None


def typed_marker_length(text: str) -> int:
    """How many characters of `text` are a sub-paragraph marker typed before it ("(a)" and spaces), or 0."""
    match = _TYPED_MARKER.match(text)
    return match.end() if match else 0
