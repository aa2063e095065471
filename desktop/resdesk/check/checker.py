"""Running the rules over a text, whole or one paragraph at a time.

`check(document, previous)` is what the command line runs. The window keeps a `Checker`: the
context (labels, expected punctuation, remembered cross-references) is built once per change of
structure, and after a keystroke only the paragraph typed in is checked again (`replace_block`),
plus the rules that read the whole text (footnotes), which are cheap.
"""

from __future__ import annotations

import resdesk.check.citations
import resdesk.check.footnotes
import resdesk.check.numbers
import resdesk.check.paragraphs
import resdesk.check.references
import resdesk.check.typography  # noqa: F401 (these modules register the rules)
from resdesk.check.context import Context, build_context
from resdesk.check.findings import Finding, Hit
from resdesk.check.references import reference_targets
from resdesk.check.rule import BLOCK, DOCUMENT, REGISTRY, Rule
from resdesk.model.document import Block, Document
from resdesk.text.inline import footnote_anchors


class Checker:
    """The rules over one text; `remembered` and `earlier` come from an earlier state of it (see
    `resdesk.check.references`)."""

    def __init__(self, document: Document, *, remembered: dict | None = None, earlier: str = ""):
        self.context: Context = build_context(document, remembered, earlier)
        self.document_rules = [r for r in REGISTRY if r.scope == DOCUMENT]
        self._by_kind: dict[tuple[str, bool], list[Rule]] = {}

    @property
    def document(self) -> Document:
        return self.context.document

    def replace_block(self, block: Block) -> None:
        """Take a paragraph's new text (same place, same kind: a keystroke, not a change of structure)."""
        self.context.index.blocks[block.id] = block
        for blocks in [self.document.blocks] + [annex.blocks for annex in self.document.annexes]:
            for position, candidate in enumerate(blocks):
                if candidate.id == block.id:
                    blocks[position] = block
                    return

    def block_findings(self, block_id: str) -> list[Finding]:
        """What the paragraph rules find in one block and in the footnotes it refers to first."""
        context = self.context
        block = context.index.blocks[block_id]
        label = context.label(block_id)
        found = [self._finding(block_id, label, hit)
                 for rule in self._rules_for(block) for hit in rule.run(block.text, block, context)]
        for anchor in footnote_anchors(block.marks) if block.marks else ():
            note = context.document.footnotes.get(anchor.target)
            if note is None or context.footnote_owner.get(note.id) != block_id:
                continue
            rules = self._rules_for(block, in_footnote=True)
            found.extend(self._finding(block_id, label, hit, note.id)
                         for rule in rules for hit in rule.run(note.text, block, context))
        return found

    def document_findings(self) -> list[Finding]:
        """What the rules that read the whole text find."""
        return [self._finding(block_id, self.context.label(block_id), hit)
                for rule in self.document_rules for block_id, hit in rule.run(self.context)]

    def findings(self) -> list[Finding]:
        """Everything, in reading order."""
        found = [finding for block in self.document.all_blocks() for finding in self.block_findings(block.id)]
        return sort_findings(found + self.document_findings(), self.context.position)

    def _rules_for(self, block: Block, in_footnote: bool = False) -> list[Rule]:
        key = (block.kind, in_footnote)
        if key not in self._by_kind:
            language = self.context.language
            self._by_kind[key] = [r for r in REGISTRY if r.scope == BLOCK and r.applies(block.kind, language)
                                  and (r.footnotes or not in_footnote)]
        return self._by_kind[key]

    @staticmethod
    def _finding(block_id: str, label: str, hit: Hit, footnote: str = "") -> Finding:
        return Finding(block_id, label, hit.rule, hit.message, hit.start, hit.end, hit.fix, footnote)


def sort_findings(found: list[Finding], position: dict[str, int]) -> list[Finding]:
    return sorted(found, key=lambda f: (position.get(f.block, 0), bool(f.footnote), f.start, f.rule))


def check(document: Document, previous: Document | None = None) -> list[Finding]:
    """Every finding in `document`; cross-references are compared with `previous` (the version it was
    revised from), whose paragraphs they meant."""
    remembered = reference_targets(previous) if previous is not None else {}
    return Checker(document, remembered=remembered, earlier=previous.version if previous else "").findings()
