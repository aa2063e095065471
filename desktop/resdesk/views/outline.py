"""The outline of a text: the JSON interface (`resdesk outline --json`) and the terminal reading.

The JSON shape is a public interface; keep it stable:

    {"meta": {...}, "blocks": [{"id", "kind", "label", "opening", "text",
                                "footnotes": [{"marker", "text"}], "children": [...]}],
     "annexes": [{"title", "blocks": [...]}]}
"""

from __future__ import annotations

from resdesk.amend.anchors import TextIndex, anchor_holds, proposal_labels
from resdesk.amend.collisions import find_collisions
from resdesk.amend.instructions import instruction
from resdesk.amend.labels import document_labels
from resdesk.amend.sub_amendments import holds as sub_holds
from resdesk.model import tree
from resdesk.model.amendment import ALTERNATIVE, DELETE_BLOCK, INSERT_BLOCK
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TABLE, Block, Document
from resdesk.text.inline import footnote_anchors, marked_opening
from resdesk.un.phrases import opening_extent
from resdesk.views.consolidated import consolidated
from resdesk.views.markup import markup


def opening_of(block: Block, language: str) -> str:
    """The opening phrase of a PP or OP ("" for other blocks, the enacting formula included)."""
    if block.kind not in (PREAMBULAR, OPERATIVE):
        return ""
    return block.text[:opening_extent(block.text, block.kind, language, marked_opening(block.marks))]


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
        "adoption_line": meta.adoption_line,
        "report_line": meta.report_line,
        "resolution_number": meta.resolution_number,
        "meeting": meta.meeting,
        "meeting_date": meta.meeting_date,
        "adoption_date": meta.adoption_date,
        "version": document.version,
    }


def outline_json(document: Document) -> dict:
    """The machine-readable outline of a text."""
    labels = document_labels(document)
    markers = document.footnote_markers()

    def section(blocks: list[Block]) -> list[dict]:
        children = tree.children(blocks)
        return [_block_json(block, document, labels, markers, children) for block in tree.top_level(blocks)]

    return {
        "meta": meta_json(document),
        "blocks": section(document.blocks),
        "annexes": [{"title": annex.title, "blocks": section(annex.blocks)} for annex in document.annexes],
    }


# -- the negotiation: amendments, comments and the three views -------------------------------------
#
# `negotiation_outline` adds to the outline above (whose keys stay as they are):
#
#     "view": "base" | "markup" | "consolidated",
#     "amendments": [{"id", "author", "co_sponsors", "status", "kind", "target", "label", "instruction",
#                     "old", "new", "after", "justification", "collides_with": [ids], "stale", "amends",
#                     "vote": null | {"yes", "no", "abstain", "recorded", "without_vote", "division",
#                                     "outcome"}}],
#     "comments": [{"id", "author", "on", "block", "amendment", "text", "private", "reply_to"}]
#
# and a "comment_count" to every block and every amendment (comments on it, private ones included).
# `target` is the label of the amended paragraph in the version shown (for a new paragraph: the one it
# follows; `after` is the label a moved paragraph is to follow); `label` is the provisional label
# ("OP3 bis", "OP15 alt 1"); `amends` the id of the amendment a sub-amendment amends (else ""); `vote` the
# figures of the vote that adopted or rejected it, with the outcome in the UN's words. In the markup view
# each block also carries "key", "state", "amendment", "author" and
# "segments": [{"op", "text", "author", "amendment"}] (see `resdesk.views.markup`).
# Private comments are listed (this is the file's own view) with "private": true; exports use
# `resdesk.model.comment.shared_comments` and never show them.

VIEWS = ("base", "markup", "consolidated")


def amendments_json(document: Document, amendments: list, collisions: dict[str, list[str]]) -> list[dict]:
    index = TextIndex.of(document)
    labels = proposal_labels(index, amendments)
    by_id = {a.id: a for a in amendments}
    result = []
    for amendment in amendments:
        parent = by_id.get(amendment.amends)
        holds = anchor_holds(index, amendment)
        if amendment.amends:  # a sub-amendment's words are in the amendment it amends
            holds = holds and parent is not None and sub_holds(amendment, parent)
        old, new = amendment.old, amendment.new
        if amendment.kind == INSERT_BLOCK:
            old, new = "", amendment.new_block.text if amendment.new_block else ""
        elif amendment.kind in (DELETE_BLOCK, ALTERNATIVE) and amendment.target in index.blocks:
            old = index.blocks[amendment.target].text
        result.append({
            "id": amendment.id,
            "author": amendment.author,
            "co_sponsors": list(amendment.co_sponsors),
            "status": amendment.status,
            "kind": amendment.kind,
            "target": index.labels.get(amendment.target, ""),
            "label": labels.get(amendment.id, ""),
            "instruction": instruction(index, amendment, parent, labels.get(amendment.amends, ""))
            if amendment.target in index.blocks else "",
            "old": old,
            "new": new,
            "after": index.labels.get(amendment.after, "") if amendment.after else "",
            "justification": amendment.justification,
            "collides_with": collisions.get(amendment.id, []),
            "stale": amendment.stale or not holds,
            "amends": amendment.amends,
            "vote": amendment.vote.to_json() if amendment.vote else None,
        })
    return result


def amendment_list(document: Document, amendments: list, comments: list) -> list[dict]:
    """The JSON objects of every amendment of a version, with what they collide with and how many comments
    are on each: `outline --json`'s "amendments" and `resdesk amendments --json`, made here only."""
    result = amendments_json(document, amendments, find_collisions(document, amendments, TextIndex.of(document)))
    counts = _comment_counts(comments)
    for item in result:
        item["comment_count"] = counts.get(item["id"], 0)
    return result


def _comment_counts(comments: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for comment in comments:
        key = comment.amendment or comment.block
        counts[key] = counts.get(key, 0) + 1
    return counts


def comments_json(document: Document, comments: list) -> list[dict]:
    labels = document_labels(document)
    return [{"id": c.id, "author": c.author, "on": c.amendment or labels.get(c.block) or c.block,
             "block": c.block, "amendment": c.amendment, "text": c.text, "private": c.private,
             "reply_to": c.reply_to} for c in comments]


def _markup_blocks(document: Document, records: list) -> list[dict]:
    markers = document.footnote_markers()
    top: list[dict] = []
    open_items: list[dict] = []
    for record in records:
        block = record.block
        item = {
            "id": record.id,
            "kind": record.kind,
            "label": record.label,
            "opening": opening_of(block, document.meta.language) if record.state != "alternative" else "",
            "text": table_text(block) if block.kind == TABLE else record.new_text() if record.state in (
                "inserted", "alternative") else block.text,
            "footnotes": [
                {"marker": markers.get(note_id, ""), "text": document.footnotes[note_id].text}
                for note_id in block_footnote_ids(block) if note_id in document.footnotes
            ] if record.state not in ("inserted", "alternative") else [],
            "children": [],
            "key": record.key,
            "state": record.state,
            "amendment": record.amendment,
            "author": record.author,
            "collisions": record.collisions,
            "segments": [{"op": s.op, "text": s.text, "author": s.author, "amendment": s.amendment}
                         for s in record.segments],
        }
        if block.kind == TABLE:
            item["rows"] = [[cell.text for cell in row] for row in block.rows]
        parent = next((o for o in reversed(open_items) if o["id"] == record.parent), None) \
            if record.kind == SUBPARAGRAPH else None
        if parent is not None:
            parent["children"].append(item)
        else:
            top.append(item)
            open_items = []
        open_items.append(item)
    return top


def negotiation_outline(document: Document, amendments: list, comments: list, *, view: str = "base",
                        selection=None, accepted: tuple[str, ...] | None = None) -> dict:
    """The outline of a version with its amendments and comments, in the base, markup or consolidated view.

    `selection` (an AmendmentFilter) chooses what the markup shows; `accepted`
    the statuses the consolidated view applies (default agreed and agreed ad ref).
    """
    if view not in VIEWS:
        raise ValueError(view)
    if view == "consolidated":
        kwargs = {"statuses": accepted} if accepted else {}
        shown = consolidated(document, amendments, delegations=selection.delegations if selection else None,
                             **kwargs)
        result = outline_json(shown)
    else:
        result = outline_json(document)
    if view == "markup":
        marked = markup(document, amendments, selection)
        by_annex: dict[int, list] = {}
        for record in marked.blocks:
            by_annex.setdefault(record.annex, []).append(record)
        result["blocks"] = _markup_blocks(document, by_annex.get(0, []))
        for number, annex in enumerate(result["annexes"], start=1):
            annex["blocks"] = _markup_blocks(document, by_annex.get(number, []))
    result["view"] = view
    result["amendments"] = amendment_list(document, amendments, comments)
    result["comments"] = comments_json(document, comments)
    counts = _comment_counts(comments)
    for top in [result["blocks"]] + [annex["blocks"] for annex in result["annexes"]]:
        _count_comments(top, counts)
    return result


def _count_comments(blocks: list[dict], counts: dict[str, int]) -> None:
    for item in blocks:
        item["comment_count"] = counts.get(item["id"], 0) if item.get("state") in (None, "normal", "deleted",
                                                                                     "moved-to") else 0
        _count_comments(item["children"], counts)
