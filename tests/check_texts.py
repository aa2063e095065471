"""Short resolutions written in a line each, for the editorial checks' tests."""

from __future__ import annotations

from resdesk.check.checker import check
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Block, Document, Meta

KINDS = {"pp": PREAMBULAR, "op": OPERATIVE, "sub": SUBPARAGRAPH, "subsub": SUBPARAGRAPH, "text": TEXT}


def resolution(*paragraphs: tuple[str, str], language: str = "en", date: str = "2024-10-01",
               formula: str = "The General Assembly,") -> Document:
    """A document from ("pp"|"op"|"sub"|"subsub"|"text", text) pairs; "sub" belongs to the last PP or OP,
    "subsub" to the last "sub". Block ids are b1 (the formula), b2, … in order."""
    blocks = [Block("b1", FORMULA, formula)]
    last_paragraph = last_sub = ""
    for kind, text in paragraphs:
        block = Block(f"b{len(blocks) + 1}", KINDS[kind], text)
        if kind == "sub":
            block.parent = last_paragraph
            last_sub = block.id
        elif kind == "subsub":
            block.parent = last_sub
        elif kind in ("pp", "op"):
            last_paragraph = block.id
        blocks.append(block)
    return Document(meta=Meta(language=language, date=date), blocks=blocks)


def rules_found(document: Document, previous: Document | None = None) -> list[tuple[str, str]]:
    """(label, rule id) of every finding."""
    return [(finding.label, finding.rule) for finding in check(document, previous)]


def found(rule: str, *paragraphs: tuple[str, str], **options) -> list:
    """The findings of one rule in a resolution made of `paragraphs`."""
    return [finding for finding in check(resolution(*paragraphs, **options)) if finding.rule == rule]


def fixed(document: Document, rule: str) -> str:
    """The text of the paragraph of the (only) finding of `rule` once its fix is applied."""
    findings = [finding for finding in check(document) if finding.rule == rule]
    assert len(findings) == 1, findings
    finding = findings[0]
    return finding.fix.apply(document.block(finding.block).text)
