"""THE marked-up view of a version: every proposal inline, with its author.

This is the one function that computes marked-up segments; the screen calls
`markup(...)`, and the export pipeline (`resdesk.views.export.prepare_export`)
hands its result to the Word and PDF exporters (tracked changes, compilation,
comparisons), so they can never disagree about what changed.

    markup(document, amendments, AmendmentFilter(statuses=..., delegations=...)) -> Markup

`Markup.blocks` is a list of `MarkupBlock` records in reading order (main text,
then annex 1, 2, …; `annex` says which). There is one record per block of the
version, plus one per proposal that adds a place:

========== ==============================================================
state      meaning of the record
========== ==============================================================
normal     a block of the version (word-level proposals inside it appear
           in its segments)
deleted    a block of the version that `amendment` (by `author`) proposes to
           delete; a deleted paragraph's sub-paragraphs are deleted with it
           (same amendment). Its segments still show word-level proposals.
moved-from a block at its old place, moved by `amendment`: its segments are
           the plain text (all "equal"); sub-paragraphs follow, moved-from too
moved-to   the same block at its new place (after the anchor block and the
           anchor's sub-paragraphs); word-level proposals are shown here.
           Proposals placed after a moved block stay at its old place
           (after its moved-from records).
           A block that two (colliding) proposals move is shown at each
           destination (moved-from once, with the first one entered);
           both are in `collisions`.
inserted   a proposed new block (`id` is the id it keeps once accepted),
           placed after its anchor block and the anchor's sub-paragraphs
           (a new first sub-paragraph of the anchor: right after the anchor),
           with its provisional `label` ("OP3 bis", "OP3 ter", "PP2 bis",
           "OP0 bis" for a new first OP, "OP5 (0) bis"); one "insert" segment;
           the new block's own sub-paragraphs follow it, inserted by the same
           amendment ("OP3 bis (a)")
alternative a proposed alternative text for block `id`, right after that
           block's own record, labelled "OP15 alt 1"; one "insert" segment
========== ==============================================================

Blocks placed after one anchor (new or moved there) come in order of entry.
`key` is unique in the view (the block id, or
"ID/moved-from/AMENDMENT", "ID/moved-to/AMENDMENT", "ID/alternative/AMENDMENT");
`id` is the block id, shared by the records of one block.

Each record's `segments` is a list of `Segment(op, text, author, amendment,
marks, start)` NamedTuples (so `(op, text, author, amendment)` unpack
first):

- `op` is "equal", "insert" or "delete"; `author` and `amendment` are the
  proposing delegation's name and the amendment id ("a3"), None for equal text;
- the concatenation of "equal" and "delete" texts is the block's text in the
  version; "equal" and "insert" (ignoring other authors) is the text with the
  proposals accepted;
- `marks` are the version's marks over the segment, with offsets relative to
  the segment's own text: italic/bold/link spans are clipped to it; a footnote
  anchor (zero width) belongs to the segment it follows (offset == len(text)),
  so "Strategy,¹" keeps its marker after the comma even when the next words are
  deleted; inserted words have no marks (a new block keeps its own, if any);
- `start` is the character offset in the version's block text where the
  segment starts (for an insertion: where it is inserted).

Within one block, each word-level proposal is diffed word by word (its old
words against its new ones), so a replacement shows as small deletions and
insertions at their exact place. Deleted words are shown once: when
overlapping proposals delete the same words, the earliest proposal (by
position, then entry) owns the deletion; both proposals are then in
`collisions` and their segments keep their own authors. Insertions at the
same place come in order of entry. Adjacent segments of the same op and
amendment are merged.

A footnote change shows in its paragraph's segments when it adds or takes out
an anchor: an "insert" or "delete" segment with no text whose marks hold the
anchor, at its place (after the words inserted there); the footnote's text as
changed is in `Markup.footnotes` (`FootnoteMarkup`: its segments over the
footnote's text, word by word), for changed, new and deleted footnotes alike.

`collisions` on a record lists the amendments shown in it that collide with
another (see `resdesk.amend.collisions` for the policy); `Markup.collisions`
maps every colliding amendment to the ids it collides with.

A sub-amendment shown with the amendment it amends is shown in it: that amendment's new words read
as amended (`resdesk.amend.sub_amendments.fold`); `Markup.amendments` keeps both as they were
proposed and `Markup.parents` names, for every sub-amendment shown, the amendment it amends.

Only amendments passing the filter and whose anchor still holds are shown;
`Markup.labels` has the provisional label of every amendment of the version
(counted over all of them, so labels do not change with filters or statuses).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from resdesk.amend.anchors import TextIndex, anchor_holds, opens_paragraph, placement_after, proposal_labels
from resdesk.amend.collisions import find_collisions
from resdesk.amend.filters import AmendmentFilter
from resdesk.amend.sub_amendments import fold
from resdesk.model import tree
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    Amendment,
)
from resdesk.model.document import SUBPARAGRAPH, Block, Document, Footnote
from resdesk.text.diff import replacement_from_edit, word_edits
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.un.markers import subparagraph_number

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

NORMAL = "normal"
INSERTED = "inserted"
DELETED = "deleted"
MOVED_FROM = "moved-from"
MOVED_TO = "moved-to"
ALTERNATIVE_TEXT = "alternative"
STATES = (NORMAL, INSERTED, DELETED, MOVED_FROM, MOVED_TO, ALTERNATIVE_TEXT)


class Segment(NamedTuple):
    op: str
    text: str
    author: str | None
    amendment: str | None
    marks: tuple[Mark, ...] = ()
    start: int = 0


@dataclass
class MarkupBlock:
    """One record of the markup view (see the module docstring)."""

    key: str
    id: str
    kind: str
    label: str
    state: str
    segments: list[Segment]
    block: Block
    annex: int = 0
    parent: str | None = None
    depth: int = 0
    amendment: str | None = None
    author: str | None = None
    status: str | None = None
    collisions: list[str] = field(default_factory=list)

    def old_text(self) -> str:
        """The text in the version (equal and deleted segments)."""
        return "".join(s.text for s in self.segments if s.op != INSERT)

    def new_text(self) -> str:
        """The text with every shown proposal accepted (equal and inserted segments)."""
        return "".join(s.text for s in self.segments if s.op != DELETE)

    def amendments(self) -> list[str]:
        """Ids of the amendments shown in this record (block-level first, then inline, in order)."""
        ids = [self.amendment] if self.amendment else []
        for segment in self.segments:
            if segment.amendment and segment.amendment not in ids:
                ids.append(segment.amendment)
        return ids


@dataclass
class FootnoteMarkup:
    """A footnote a shown amendment changes, adds or takes out: its segments over the footnote's text
    (equal, deleted and inserted words, by the amendment's author)."""

    id: str
    amendment: str
    author: str
    segments: list[Segment]

    def new_text(self) -> str:
        return "".join(s.text for s in self.segments if s.op != DELETE)


@dataclass
class Markup:
    version: str
    blocks: list[MarkupBlock]
    amendments: dict[str, Amendment]
    labels: dict[str, str]
    collisions: dict[str, list[str]]
    parents: dict[str, Amendment] = field(default_factory=dict)
    footnotes: dict[str, FootnoteMarkup] = field(default_factory=dict)

    def footnote_markers(self) -> dict[str, str]:
        """The printed marker ("1", "2", …) of every footnote the view shows, by id, in order of first anchor
        (anchors inserted or taken out by a proposal count too)."""
        markers: dict[str, str] = {}
        for record in self.blocks:
            for segment in record.segments:
                for mark in segment.marks:
                    if mark.kind == FOOTNOTE and mark.target not in markers:
                        markers[mark.target] = str(len(markers) + 1)
        return markers

    def shown_footnotes(self, document: Document) -> dict[str, Footnote]:
        """The version's footnotes and those the shown proposals bring (new paragraphs', new footnotes)."""
        notes = dict(document.footnotes)
        for amendment in self.amendments.values():
            for ident, note in amendment.footnotes.items():
                notes.setdefault(ident, note)
        return notes

    def record(self, key: str) -> MarkupBlock:
        for record in self.blocks:
            if record.key == key:
                return record
        raise KeyError(key)


# -- segments of one block ----------------------------------------------------------------------


def _marks_in(marks: list[Mark], start: int, end: int, first: bool) -> tuple[Mark, ...]:
    """Marks over base range [start, end), relative to `start` (footnote anchors: see module docstring)."""
    result = []
    for mark in marks:
        if mark.kind == FOOTNOTE:
            if start < mark.start <= end or (first and mark.start == start):
                result.append(Mark(mark.kind, mark.start - start, mark.start - start, mark.target))
        elif mark.start < end and mark.end > start:
            result.append(Mark(mark.kind, max(mark.start, start) - start, min(mark.end, end) - start, mark.target))
    return tuple(result)


def plain_segments(block: Block) -> list[Segment]:
    """The block's text as one equal segment (none for an empty text)."""
    if not block.text:
        return []
    return [Segment(EQUAL, block.text, None, None, _marks_in(block.marks, 0, len(block.text), True), 0)]


# Segments by (text, marks, the proposals' identities and words): after a change, every paragraph but
# the one that changed is found here (the markup view is computed again on every keystroke of a proposal).
_SEGMENTS: dict[tuple, tuple[Segment, ...]] = {}
_SEGMENTS_KEPT = 4096


def inline_segments(block: Block, replacements: list[Amendment], notes: list[Amendment] = ()) -> list[Segment]:
    """Segments of a block's text with its word-level proposals (in the order given: position, then entry)
    and the footnote anchors its footnote changes add or take out."""
    if not replacements and not notes:
        return plain_segments(block)
    key = (block.text, tuple(block.marks), tuple((a.id, a.author, a.kind, a.start, a.old, a.new)
                                                 for a in [*replacements, *notes]))
    segments = _SEGMENTS.get(key)
    if segments is None:
        if len(_SEGMENTS) >= _SEGMENTS_KEPT:
            _SEGMENTS.clear()
        segments = _SEGMENTS[key] = tuple(_inline_segments(block, replacements, list(notes)))
    return list(segments)


def _anchor_changes(block: Block, notes: list[Amendment]) -> tuple[dict[int, list[tuple]], set[Mark]]:
    """The anchors footnote changes add or take out, by offset ((op, mark, amendment) each), and the
    block's own anchors taken out."""
    changes: dict[int, list[tuple]] = {}
    gone: set[Mark] = set()
    for note in notes:
        if not note.old:
            changes.setdefault(note.start, []).append((INSERT, Mark(FOOTNOTE, 0, 0, note.footnote_id), note))
        elif not note.new:
            anchors = [m for m in block.marks if m.kind == FOOTNOTE and m.target == note.footnote_id]
            if anchors:
                nearest = min(anchors, key=lambda m: (abs(m.start - note.start), m.start))
                gone.add(nearest)
                changes.setdefault(nearest.start, []).append((DELETE, Mark(FOOTNOTE, 0, 0, nearest.target), note))
    return changes, gone


def _inline_segments(block: Block, replacements: list[Amendment], notes: list[Amendment]) -> list[Segment]:
    text = block.text
    anchors, gone = _anchor_changes(block, notes)
    marks = [m for m in block.marks if m not in gone]
    deletions: list[tuple[int, int, Amendment]] = []
    insertions: dict[int, list[tuple[str, Amendment]]] = {}
    cuts = {0, len(text), *anchors}
    for amendment in replacements:
        for edit in word_edits(amendment.old, amendment.new):
            start, end = amendment.start + edit.start, amendment.start + edit.end
            if end > start:
                deletions.append((start, end, amendment))
                cuts.update((start, end))
            if edit.insert:
                insertions.setdefault(end, []).append((edit.insert, amendment))
                cuts.add(end)
    points = sorted(p for p in cuts if 0 <= p <= len(text))
    pieces: list[tuple] = []  # (op, start, end, amendment, inserted text, marks of an anchor change)
    owner = None

    def insert_at(point: int) -> None:
        # The insertion that replaces the words just deleted comes right after them, then the anchors.
        here = sorted(insertions.get(point, ()), key=lambda item: item[1] is not owner)
        pieces.extend((INSERT, point, point, amendment, inserted, ()) for inserted, amendment in here)
        pieces.extend((op, point, point, amendment, "", (mark,)) for op, mark, amendment in anchors.get(point, ()))

    for start, end in zip(points, points[1:], strict=False):
        insert_at(start)
        owner = next((a for s, e, a in deletions if s <= start and end <= e), None)
        pieces.append((DELETE if owner else EQUAL, start, end, owner, None, ()))
    insert_at(len(text))
    merged: list[list] = []
    for op, start, end, amendment, inserted, anchor in pieces:
        previous = merged[-1] if merged else None
        if previous and not anchor and not previous[5] and previous[0] == op and previous[3] is amendment and \
                op != INSERT and previous[2] == start:
            previous[2] = end
        elif previous and not anchor and not previous[5] and op == INSERT and previous[0] == INSERT and \
                previous[3] is amendment:
            previous[4] += inserted
        else:
            merged.append([op, start, end, amendment, inserted, anchor])
    segments = []
    for op, start, end, amendment, inserted, anchor in merged:
        author = amendment.author if amendment else None
        ident = amendment.id if amendment else None
        if anchor:
            segments.append(Segment(op, "", author, ident, anchor, start))
        elif op == INSERT:
            segments.append(Segment(INSERT, inserted, author, ident, (), start))
        else:
            segments.append(Segment(op, text[start:end], author, ident,
                                    _marks_in(marks, start, end, start == 0), start))
    return segments


def footnote_markup(document: Document, note: Amendment) -> FootnoteMarkup:
    """The segments of the footnote a footnote change concerns: its words changed, or all new, or all gone."""
    own = document.footnotes.get(note.footnote_id)
    if not note.old:
        new = note.footnotes[note.footnote_id]
        segments = [Segment(INSERT, new.text, note.author, note.id, tuple(new.marks), 0)]
    elif not note.new:
        segments = [Segment(DELETE, note.old, note.author, note.id, tuple(own.marks) if own else (), 0)]
    else:
        words = [replace(note, kind=REPLACE, start=r.start, end=r.end, old=r.old, new=r.new)
                 for r in replacement_from_edit(note.old, note.new)]
        segments = _inline_segments(Block(note.footnote_id, FOOTNOTE, note.old, list(own.marks) if own else []),
                                    words, [])
    return FootnoteMarkup(note.footnote_id, note.id, note.author, segments)


# -- the view ----------------------------------------------------------------------------------


def _order(amendment: Amendment) -> tuple:
    return (amendment.start, amendment.end, amendment.number)


def markup(document: Document, amendments: list[Amendment], selection: AmendmentFilter | None = None) -> Markup:
    """The marked-up view of `document` with the amendments that pass `selection` (default: the live ones)."""
    selection = selection or AmendmentFilter()
    index = TextIndex.of(document)
    labels = proposal_labels(index, amendments)
    shown = sorted((a for a in selection.select(amendments) if anchor_holds(index, a)), key=lambda a: a.number)
    collisions = find_collisions(document, shown, index)

    replacements: dict[str, list[Amendment]] = {}
    notes: dict[str, list[Amendment]] = {}
    footnotes: dict[str, FootnoteMarkup] = {}
    opening: dict[str, list[Amendment]] = {}
    deletions: dict[str, Amendment] = {}
    alternatives: dict[str, list[Amendment]] = {}
    moved: dict[str, Amendment] = {}
    attached: dict[str, list[Amendment]] = {}
    placed = fold(shown).amendments
    for amendment in placed:
        if amendment.kind == REPLACE:
            replacements.setdefault(amendment.target, []).append(amendment)
        elif amendment.kind == DELETE_BLOCK:
            deletions.setdefault(amendment.target, amendment)
        elif amendment.kind == ALTERNATIVE:
            alternatives.setdefault(amendment.target, []).append(amendment)
        elif amendment.kind == MOVE_BLOCK:
            moved.setdefault(amendment.target, amendment)
        elif amendment.kind == FOOTNOTE_CHANGE and amendment.footnote_id not in footnotes:
            notes.setdefault(amendment.target, []).append(amendment)
            footnotes[amendment.footnote_id] = footnote_markup(document, amendment)
    for amendment in placed:  # in order of entry
        if opens_paragraph(amendment):
            opening.setdefault(amendment.target, []).append(amendment)
        elif amendment.kind in (INSERT_BLOCK, MOVE_BLOCK):
            attached.setdefault(placement_after(amendment), []).append(amendment)
    for items in replacements.values():
        items.sort(key=_order)

    depth = tree.depths(document.all_blocks())

    records: list[MarkupBlock] = []

    def flags(record: MarkupBlock) -> MarkupBlock:
        record.collisions = [ident for ident in record.amendments() if ident in collisions]
        return record

    def add(block: Block, state: str, via: Amendment | None, segments: list[Segment], key: str,
            label: str | None = None) -> None:
        records.append(flags(MarkupBlock(
            key=key, id=block.id, kind=block.kind, label=index.labels.get(block.id, "") if label is None else label,
            state=state, segments=segments, block=block, annex=index.part.get(block.id, 0), parent=block.parent,
            depth=depth.get(block.id, 0), amendment=via.id if via else None, author=via.author if via else None,
            status=via.status if via else None)))

    def emit_moved_from(block_id: str, via: Amendment, stack: frozenset) -> None:
        for ident in index.subtree(block_id):
            block = index.blocks[ident]
            add(block, MOVED_FROM, via, plain_segments(block), f"{ident}/{MOVED_FROM}/{via.id}")
        emit_attachments(block_id, stack)

    def emit_inserted(amendment: Amendment, block_id: str) -> None:
        """A new block and its own sub-paragraphs, labelled "OP3 bis", "OP3 bis (a)"."""
        places = tree.sibling_numbers(amendment.new_blocks())
        names = {amendment.new_block.id: labels.get(amendment.id, "")}
        for new in amendment.new_blocks():
            depth.setdefault(new.id, depth.get(new.parent, 0) + 1 if new.kind == SUBPARAGRAPH else 0)
            index.part.setdefault(new.id, index.part[block_id])
            if new is not amendment.new_block:
                names[new.id] = f"{names.get(new.parent, '')} ({subparagraph_number(places[new.id], depth[new.id])})"
            add(new, INSERTED, amendment, [Segment(INSERT, new.text, amendment.author, amendment.id,
                                                   tuple(new.marks), 0)], new.id, names[new.id])

    def emit_attachments(block_id: str, stack: frozenset) -> None:
        for amendment in attached.get(block_id, ()):
            if amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
                emit_inserted(amendment, block_id)
            elif amendment.kind == MOVE_BLOCK and amendment.target not in stack:
                emit(amendment.target, MOVED_TO, amendment, stack | {amendment.target}, arriving=True)

    def emit(block_id: str, state: str, via: Amendment | None, stack: frozenset, arriving: bool = False) -> None:
        block = index.blocks[block_id]
        own_state, own_via = state, via
        if state != DELETED and block_id in deletions:
            own_state, own_via = DELETED, deletions[block_id]
        key = block_id if own_state in (NORMAL, DELETED) else f"{block_id}/{own_state}/{own_via.id}"
        add(block, own_state, own_via,
            inline_segments(block, replacements.get(block_id, []), notes.get(block_id, [])), key)
        for alternative in alternatives.get(block_id, ()):
            add(block, ALTERNATIVE_TEXT, alternative,
                [Segment(INSERT, alternative.new, alternative.author, alternative.id, (), 0)],
                f"{block_id}/{ALTERNATIVE_TEXT}/{alternative.id}", labels.get(alternative.id, ""))
        for amendment in opening.get(block_id, ()):
            emit_inserted(amendment, block_id)
        child_state = own_state if own_state in (DELETED, MOVED_TO) else NORMAL
        child_via = own_via if child_state != NORMAL else None
        for child in index.children.get(block_id, ()):
            if child in moved:
                emit_moved_from(child, moved[child], stack)
            else:
                emit(child, child_state, child_via, stack)
        if not arriving:  # what follows a moved block stays at its old place
            emit_attachments(block_id, stack)

    for blocks in index.parts():
        for block in blocks:
            if not index.is_top(block):
                continue
            if block.id in moved:
                emit_moved_from(block.id, moved[block.id], frozenset({block.id}))
            else:
                emit(block.id, NORMAL, None, frozenset({block.id}))

    every = {a.id: a for a in amendments}
    parents = {a.id: every[a.amends] for a in shown if a.amends in every}
    return Markup(version=document.version, blocks=records, amendments={a.id: a for a in shown},
                  labels=labels, collisions=collisions, parents=parents, footnotes=footnotes)
