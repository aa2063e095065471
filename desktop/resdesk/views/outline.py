"""The outline of a text: the JSON interface (`resdesk outline --json`) and the terminal reading.

The JSON shape is a public interface; keep it stable:

    {"meta": {...}, "blocks": [{"id", "kind", "label", "opening", "text",
                                "footnotes": [{"marker", "text"}], "children": [...]}],
     "annexes": [{"title", "blocks": [...]}]}
"""

from __future__ import annotations

from resdesk.amend.labels import document_labels
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TABLE, Block, Document
from resdesk.text.inline import footnote_anchors
from resdesk.text.phrases import opening_phrase


def opening_of(block: Block, language: str) -> str:
    """The italic opening phrase of a PP or OP ("" for other blocks)."""
    if block.kind not in (PREAMBULAR, OPERATIVE):
        return ""
    return opening_phrase(block.text, block.kind, language)


def table_text(block: Block) -> str:
    """A table as text: cells separated by tabs, rows by newlines."""
    return "\n".join("\t".join(cell.text for cell in row) for row in block.rows)


def block_footnote_ids(block: Block) -> list[str]:
    """Ids of the footnotes anchored in a block, in text order (repeats kept once)."""
    marks = list(block.marks)
    for row in block.rows:
        for cell in row:
            marks.extend(cell.marks)
    seen: list[str] = []
    for anchor in footnote_anchors(marks):
        if anchor.target not in seen:
            seen.append(anchor.target)
    return seen


def _block_json(block: Block, document: Document, labels: dict, markers: dict, children: dict) -> dict:
    item = {
        "id": block.id,
        "kind": block.kind,
        "label": labels.get(block.id, ""),
        "opening": opening_of(block, document.meta.language),
        "text": table_text(block) if block.kind == TABLE else block.text,
        "footnotes": [
            {"marker": markers.get(note_id, ""), "text": document.footnotes[note_id].text}
            for note_id in block_footnote_ids(block)
            if note_id in document.footnotes
        ],
        "children": [_block_json(child, document, labels, markers, children)
                     for child in children.get(block.id, [])],
    }
    if block.kind == TABLE:
        item["rows"] = [[cell.text for cell in row] for row in block.rows]
    return item


def blocks_tree(blocks: list[Block]) -> tuple[list[Block], dict[str, list[Block]]]:
    """Top-level blocks, and the sub-paragraphs of each block by parent id."""
    ids = {block.id for block in blocks}
    top: list[Block] = []
    children: dict[str, list[Block]] = {}
    for block in blocks:
        if block.kind == SUBPARAGRAPH and block.parent in ids:
            children.setdefault(block.parent, []).append(block)
        else:
            top.append(block)
    return top, children


def meta_json(document: Document) -> dict:
    meta = document.meta
    return {
        "symbol": meta.symbol,
        "organ": meta.organ,
        "committee": meta.committee,
        "session": meta.session,
        "agenda_item": meta.agenda_item,
        "agenda_title": meta.agenda_title,
        "distribution": meta.distribution,
        "date": meta.date,
        "original_language": meta.original_language,
        "language": meta.language,
        "sponsors": list(meta.sponsors),
        "title": meta.title,
        "note": meta.note,
        "version": document.version,
    }


def outline_json(document: Document) -> dict:
    """The machine-readable outline of a text."""
    labels = document_labels(document)
    markers = document.footnote_markers()

    def section(blocks: list[Block]) -> list[dict]:
        top, children = blocks_tree(blocks)
        return [_block_json(block, document, labels, markers, children) for block in top]

    return {
        "meta": meta_json(document),
        "blocks": section(document.blocks),
        "annexes": [{"title": annex.title, "blocks": section(annex.blocks)} for annex in document.annexes],
    }
