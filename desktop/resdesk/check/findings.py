"""What the checker reports: a finding on a paragraph (or one of its footnotes), with an optional fix.

A fix is a plain text replacement: the characters ``[start, end)`` of the text the finding is
about (the paragraph's, or the footnote's when `footnote` is set) become `text`. The window
applies it as one undoable edit, or in propose mode as a proposal; the command line shows it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    start: int
    end: int
    text: str

    def apply(self, text: str) -> str:
        return text[:self.start] + self.text + text[self.end:]

    def describe(self, text: str) -> str:
        """“June 29, 2012” → “29 June 2012”; an insertion reads “+ ;”."""
        old = text[self.start:self.end]
        if not old:
            return f"insert “{self.text}”"
        if not self.text:
            return f"delete “{old}”"
        return f"“{old}” → “{self.text}”"

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Hit:
    """What a rule finds in one text: the rule, one sentence, where, and how to fix it."""

    rule: str
    message: str
    start: int = 0
    end: int = 0
    fix: Fix | None = None


@dataclass(frozen=True)
class Finding:
    """A hit placed in the document: the paragraph's label and block id (and footnote id if in one)."""

    block: str
    label: str
    rule: str
    message: str
    start: int = 0
    end: int = 0
    fix: Fix | None = None
    footnote: str = ""

    def to_json(self) -> dict:
        result = {"block": self.block, "label": self.label, "rule": self.rule, "message": self.message,
                  "at": [self.start, self.end], "fix": self.fix.to_json() if self.fix else None}
        if self.footnote:
            result["footnote"] = self.footnote
        return result
