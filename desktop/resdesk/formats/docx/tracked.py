"""The tracked-changes export: the base version with the chosen amendments as real Word revisions.

Rendered from THE markup view (`resdesk.views.markup.markup`), restricted to the
amendments that the consolidated view applies (`resdesk.amend.apply`): so
"Accept all" gives exactly the consolidated text and "Reject all" exactly the
base. A proposal that collides with an applied one cannot be both a change and
consistent with the consolidated text: it becomes a comment by its delegation
on its paragraph instead.

Per record of the view:

- normal: equal runs, `w:ins` and `w:del` runs by each amendment's delegation;
- deleted / inserted: every run and the paragraph mark (`w:pPr/w:rPr/w:del|ins`);
- moved-from / moved-to: `w:moveFrom` / `w:moveTo` with named range markers, paragraph
  marks too (or a deletion and an insertion with `moves_as_delete_insert`); word-level
  proposals on a moved paragraph are shown at its new place, its deleted words as a
  deletion inside the move (rejecting the move takes them away with it), and so is a
  deleted sub-paragraph of a moved paragraph; a sub-paragraph moved among the
  sub-paragraphs of a moved paragraph arrives with it, at its new place among them;
- alternative: the paragraph's text deleted and the alternative inserted, with a
  comment naming it ("OP15 alt 1, proposed by Mexico").

A footnote an amendment changes has its words inserted and deleted in the footnote; a new or a deleted
footnote's reference is inserted or deleted where it stands. Typed numbers that change (a new OP
renumbers the following ones) are a deletion of the old number and an insertion of the new one. A
comparison of two
versions is written the same way, its changes by the delegations that made them.
Shared comments on what is shown become Word comments, a reply as a threaded reply.
"""

from __future__ import annotations

from lxml import etree

from resdesk.amend.anchors import TextIndex, proposal_labels
from resdesk.amend.instructions import instruction
from resdesk.formats.docx.body import BlockWriter, Progress, annex_title, closing, opening_length
from resdesk.formats.docx.clean import finish, new_word_document, opening_matter
from resdesk.formats.docx.inline import RunContext, inline_runs
from resdesk.formats.docx.oxml import el, run, run_properties, w
from resdesk.formats.docx.package import add_xml_part
from resdesk.formats.docx.revisions import (
    COMMENTS_CT,
    COMMENTS_EXTENDED_CT,
    COMMENTS_EXTENDED_RT,
    COMMENTS_RT,
    Revisions,
    comment_range,
)
from resdesk.model.amendment import ALTERNATIVE, Amendment
from resdesk.model.document import TABLE, Document
from resdesk.un.phrases import opening_extent
from resdesk.views.export_input import ExportInput
from resdesk.views.markup import (
    ALTERNATIVE_TEXT,
    DELETE,
    DELETED,
    EQUAL,
    INSERT,
    INSERTED,
    MOVED_FROM,
    MOVED_TO,
    NORMAL,
    Markup,
    MarkupBlock,
    Segment,
)
from resdesk.views.tracked_numbers import tracked_numbers

RENUMBERING_AUTHOR = "Secretariat"


def _numbers(ctx: RunContext, document: Document) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for blocks in [document.blocks] + [annex.blocks for annex in document.annexes]:
        writer = BlockWriter(ctx, blocks, document.meta.language)
        numbers.update({block.id: writer.number(block) for block in blocks})
    return numbers


class TrackedWriter:
    """Writes the records of `prepared.revisions` (the applied amendments) as Word revisions."""

    def __init__(self, ctx: RunContext, prepared: ExportInput, page: str):
        self.ctx = ctx
        self.page = page
        self.commented: set[str] = set()
        self.comment_ids: dict[str, int] = {}  # our comment id -> its Word comment id
        self.prepared = prepared
        self.base = prepared.base
        self.markup: Markup = prepared.revisions
        self.moves = not prepared.options.moves_as_delete_insert
        self.language = self.base.meta.language
        self.revisions = Revisions()
        self.old_numbers = _numbers(ctx, self.base)
        self.new_numbers = _numbers(ctx, prepared.text)
        self.writers = [BlockWriter(ctx, blocks, self.language)
                        for blocks in [self.base.blocks] + [a.blocks for a in self.base.annexes]]
        self.alternatives = {record.id: record for record in self.markup.blocks if record.state == ALTERNATIVE_TEXT}
        # the moved paragraphs whose new place the records being written are in: (depth, move id), outermost first
        self.arriving: list[tuple[int, str]] = []
        self.amendments = self.markup.amendments
        self.index = TextIndex.of(self.base)

    def _date(self, amendment_id: str | None) -> str:
        amendment = self.amendments.get(amendment_id or "")
        return amendment.created if amendment else ""

    # -- runs ---------------------------------------------------------------------------------

    def segment_runs(self, record: MarkupBlock, segment: Segment, italic_until: int) -> list[etree._Element]:
        if not segment.text:  # a footnote anchor added or taken out
            return inline_runs(self.ctx, "", list(segment.marks))
        if segment.op == INSERT and record.state == INSERTED:  # a new paragraph: italic in its opening phrase only
            return inline_runs(self.ctx, segment.text, list(segment.marks), italic_until=italic_until)
        if segment.op == INSERT:
            opening = segment.start < italic_until
            return [run(segment.text, run_properties(italic=opening and self.ctx.opening.italic,
                                                     bold=opening and self.ctx.opening.bold,
                                                     rtl=self.ctx.rtl, cs=self.ctx.rtl))]
        italic = max(0, italic_until - segment.start)
        return inline_runs(self.ctx, segment.text, list(segment.marks), italic_until=italic)

    def content(self, record: MarkupBlock, whole: tuple[str, str, str] | None = None,
                skip: tuple[str, ...] = ()) -> list[etree._Element]:
        """The record's segments as runs; `whole` = (tag, author, date) wraps equal text too (a block-level change)."""
        italic_until = opening_length(record.block, self.language)
        elements: list[etree._Element] = []
        for segment in _deletion_last(record.segments):
            if segment.op in skip:
                continue
            runs = self.segment_runs(record, segment, italic_until)
            if segment.op == EQUAL:
                if whole is None:
                    elements.extend(runs)
                else:
                    elements.extend(self.revisions.wrap(whole[0], whole[1], whole[2], runs))
            elif segment.op == INSERT:
                tag = "moveTo" if whole and whole[0] == "moveTo" and segment.amendment == record.amendment else "ins"
                elements.extend(self.revisions.wrap(tag, segment.author or "", self._date(segment.amendment), runs))
            elif whole and whole[0] in ("ins", "moveTo"):
                # words deleted from a moved (or moved-as-inserted) paragraph: a deletion inside the
                # move, so that rejecting the move takes them away with it
                deleted = self.revisions.wrap("del", segment.author or whole[1], self._date(segment.amendment), runs)
                elements.extend(self.revisions.wrap(whole[0], whole[1], whole[2], deleted))
            else:
                tag = whole[0] if whole and whole[0] in ("del", "moveFrom") else "del"
                author = segment.author or (whole[1] if whole else "")
                elements.extend(self.revisions.wrap(tag, author, self._date(segment.amendment), runs))
        return elements

    def lead(self, record: MarkupBlock, writer: BlockWriter, state: str, author: str, date: str) -> list:
        """The number and tab: unchanged, renumbered (deleted + inserted), or part of a whole-paragraph change."""
        old, new = tracked_numbers(record, state, self.old_numbers, self.new_numbers,
                                   comparing=self.prepared.target is not None, language=self.language)
        if old == new:
            return writer.number_runs(old)
        tags = {DELETED: "del", MOVED_FROM: "moveFrom", INSERTED: "ins", MOVED_TO: "moveTo"}
        if state in tags:
            number = old or new
            return self.revisions.wrap(tags[state], author, date, writer.number_runs(number))
        result = []
        if old:
            result += self.revisions.wrap("del", RENUMBERING_AUTHOR, date, writer.number_runs(old))
        if new:
            result += self.revisions.wrap("ins", RENUMBERING_AUTHOR, date, writer.number_runs(new))
        return result

    # -- records ------------------------------------------------------------------------------

    def record(self, record: MarkupBlock) -> etree._Element | None:
        writer = self.writers[min(record.annex, len(self.writers) - 1)]
        if record.state == ALTERNATIVE_TEXT:
            return None
        if record.kind == TABLE:
            return self.table(record, writer)
        while self.arriving and record.depth <= self.arriving[-1][0]:
            self.arriving.pop()
        outer = self.arriving[0][1] if self.arriving else None  # inside a moved paragraph's new place: its move
        if record.state == MOVED_TO:
            self.arriving.append((record.depth, outer or record.amendment))
        if outer is not None and record.state == MOVED_FROM:
            return None  # moved among the sub-paragraphs of a moved paragraph: shown at its place on arrival
        if outer is not None and record.state == DELETED:
            return self.deleted_on_arrival(record, writer, outer)
        move = (outer or record.amendment) if record.state == MOVED_TO else record.amendment
        author, date = record.author or "", self._date(record.amendment)
        if move != record.amendment:  # arriving with the moved paragraph it belongs to
            author, date = self.amendments[move].author, self._date(move)
        state = record.state
        if state == MOVED_FROM and not self.moves:
            state = DELETED
        if state == MOVED_TO and not self.moves:
            state = INSERTED
        mark: tuple = ()
        if state == NORMAL:
            alternative = self.alternatives.get(record.id)
            if alternative is not None:
                return self.alternative(record, alternative, writer)
            content = self.content(record)
        elif state == DELETED:
            mark = (self.revisions.mark("del", author, date),)
            content = self.content(record, ("del", author, date), skip=(INSERT,))
        elif state == INSERTED:
            mark = (self.revisions.mark("ins", author, date),)
            content = self.content(record, ("ins", author, date))
        elif state == MOVED_FROM:
            mark = (self.revisions.mark("moveFrom", author, date),)
            content = self.content(record, ("moveFrom", author, date), skip=(INSERT,))
        else:  # moved-to
            mark = (self.revisions.mark("moveTo", author, date),)
            content = self.content(record, ("moveTo", author, date))
        lead = self.lead(record, writer, state, author, date)
        paragraph = writer.paragraph(record.block, content, mark_revisions=mark, lead=lead,
                                     depth=record.depth or None, hint=record.state != MOVED_TO)
        if state in (MOVED_FROM, MOVED_TO):
            self.add_move_range(paragraph, "moveFrom" if state == MOVED_FROM else "moveTo", move, record.id,
                                author, date)
        self.comment_on(paragraph, record)
        return paragraph

    def footnote_runs(self, note_id: str) -> list[etree._Element] | None:
        """The runs of a footnote whose text an applied amendment changes (its words inserted and deleted by
        the amendment's delegation), None for the others."""
        changed = self.markup.footnotes.get(note_id)
        if changed is None:
            return None
        date = self._date(changed.amendment)
        elements: list[etree._Element] = []
        for segment in changed.segments:
            runs = inline_runs(self.ctx, segment.text, list(segment.marks))
            if segment.op == EQUAL:
                elements.extend(runs)
            else:
                elements.extend(self.revisions.wrap("ins" if segment.op == INSERT else "del", changed.author, date,
                                                    runs))
        return elements

    def deleted_on_arrival(self, record: MarkupBlock, writer: BlockWriter, move: str) -> etree._Element:
        """A sub-paragraph deleted from a moved paragraph, at the paragraph's new place: a deletion inside the
        move, so that accepting both takes it away, and rejecting the move takes it back to its old place."""
        author, date = record.author or "", self._date(record.amendment)
        mover, moved = self.amendments[move].author, self._date(move)
        arrival = "moveTo" if self.moves else "ins"
        italic_until = opening_length(record.block, self.language)
        runs = [run_ for segment in record.segments if segment.op != INSERT
                for run_ in self.segment_runs(record, segment, italic_until)]
        deleted = self.revisions.wrap("del", author, date,
                                      writer.number_runs(self.old_numbers.get(record.id, "")) + runs)
        deletion, arrived = self.revisions.mark("del", author, date), self.revisions.mark(arrival, mover, moved)
        marks = (arrived, deletion) if arrival == "ins" else (deletion, arrived)  # the schema's order
        paragraph = writer.paragraph(record.block, [], mark_revisions=marks, depth=record.depth or None,
                                     lead=self.revisions.wrap(arrival, mover, moved, deleted), hint=False)
        if self.moves:
            self.add_move_range(paragraph, "moveTo", move, record.id, mover, moved)
        self.comment_on(paragraph, record)
        return paragraph

    def add_move_range(self, paragraph: etree._Element, side: str, move: str, block_id: str, author: str,
                       date: str) -> None:
        start, end = self.revisions.move_range(side, self.move_name(move, block_id), author, date)
        paragraph.find(w("pPr")).addnext(start)
        paragraph.append(end)

    def move_name(self, move: str, block_id: str) -> str:
        """The name shared by the moveFrom and moveTo ranges of one moved paragraph."""
        key = f"{move}/{block_id}"
        if key not in self.revisions.move_names:
            self.revisions.move_names[key] = len(self.revisions.move_names) + 1
        return f"move{self.revisions.move_names[key]}"

    def alternative(self, record: MarkupBlock, alternative: MarkupBlock, writer: BlockWriter) -> etree._Element:
        author, date = alternative.author or "", self._date(alternative.amendment)
        old = self.content(record, ("del", author, date), skip=(INSERT,))
        new_text = "".join(s.text for s in alternative.segments)
        italic = opening_extent(new_text, record.block.kind, self.language)  # a new text: no marking of a file
        runs = inline_runs(self.ctx, new_text, [], italic_until=italic)
        new = self.revisions.wrap("ins", author, date, runs)
        paragraph = writer.paragraph(record.block, old + new,
                                     lead=self.lead(record, writer, NORMAL, author, date), depth=record.depth or None)
        label = alternative.label or self.prepared.labels.get(alternative.amendment or "", "")
        ident = self.revisions.comment(author, date, alternative_note(label, author, record.label))
        comment_range(paragraph, [ident])
        self.comment_on(paragraph, record, extra=alternative.amendments())
        return paragraph

    def table(self, record: MarkupBlock, writer: BlockWriter) -> etree._Element:
        table = writer.table(record.block, self.page)
        tags = {DELETED: "del", MOVED_FROM: "del", INSERTED: "ins", MOVED_TO: "ins"}
        if record.state in tags:
            tag = tags[record.state]
            author, date = record.author or "", self._date(record.amendment)
            for tr in table.iter(w("tr")):
                for r in list(tr.iter(w("r"))):
                    parent, position = r.getparent(), r.getparent().index(r)
                    parent.remove(r)
                    parent.insert(position, self.revisions.wrap(tag, author, date, [r])[0])
                trpr = tr.find(w("trPr"))
                if trpr is None:
                    trpr = el("trPr")
                    tr.insert(0, trpr)
                trpr.append(self.revisions.mark(tag, author, date))
        return table

    # -- comments -----------------------------------------------------------------------------

    def comment_on(self, paragraph: etree._Element, record: MarkupBlock, extra: list[str] = ()) -> None:
        """Shared comments on this block or its amendments, and notes for colliding proposals, as Word comments.

        Block comments go to the block's own record (for a moved block, its old place); amendment
        comments to the first record showing the amendment; each comment once.
        """
        primary = record.state in (NORMAL, DELETED, INSERTED, MOVED_FROM)
        amendment_ids = set(record.amendments()) | set(extra)
        ids = []
        for comment in self.prepared.comments:
            if comment.id in self.commented:
                continue
            if (primary and comment.block == record.id) or (comment.amendment and comment.amendment in amendment_ids):
                self.commented.add(comment.id)
                ident = self.revisions.comment(comment.author, comment.created, comment.text,
                                               reply_to=self.comment_ids.get(comment.reply_to))
                self.comment_ids[comment.id] = ident
                ids.append(ident)
        if primary:
            for amendment in self.prepared.skipped:
                if amendment.target == record.id and amendment.id not in self.commented:
                    self.commented.add(amendment.id)
                    ids.append(self.revisions.comment(amendment.author, amendment.created,
                                                      skipped_note(amendment, self.prepared.labels, self.index)))
        if ids:
            comment_range(paragraph, ids)


def _deletion_last(segments: list[Segment]) -> list[Segment]:
    """The segments, but for a paragraph that ends with words replaced (";" becoming ":" before new
    sub-paragraphs): the new words before the old ones. Either order is the same change; ending on the
    insertion lets LibreOffice merge it with an inserted paragraph after it, and Reject All there then
    joins the next paragraphs."""
    if len(segments) >= 2 and segments[-2].op == DELETE and segments[-1].op == INSERT and segments[-1].text:
        return [*segments[:-2], segments[-1], segments[-2]]
    return segments


def alternative_note(label: str, author: str, paragraph: str) -> str:
    """The comment naming an alternative text ("OP15 alt 1, proposed by Mexico: …")."""
    return f"{label}, proposed by {author}: an alternative text for {paragraph or 'this paragraph'}."


def our_notes(document: Document, amendments: list[Amendment]) -> set[str]:
    """Every comment a tracked export of `document` with `amendments` may write itself (an alternative's, a
    colliding proposal's): read back from such a file, they are no one's comments."""
    index = TextIndex.of(document)
    labels = proposal_labels(index, amendments)
    notes = {skipped_note(a, labels, index) for a in amendments}
    notes.update(alternative_note(labels.get(a.id, ""), a.author, index.labels.get(a.target, ""))
                 for a in amendments if a.kind == ALTERNATIVE)
    return notes


def skipped_note(amendment: Amendment, labels: dict[str, str], index: TextIndex) -> str:
    """The comment for a proposal not shown as a change because it collides with one that is."""
    return (f"{amendment.author} proposes ({labels.get(amendment.id, '')}): {instruction(index, amendment)}. "
            "Not shown as a change: it collides with another proposal on this paragraph.")


def tracked_elements(ctx: RunContext, prepared: ExportInput, page: str, progress=None) -> tuple[list, TrackedWriter]:
    """Body elements of the tracked text, and the writer (its revisions, comments and footnotes)."""
    writer = TrackedWriter(ctx, prepared, page)
    elements = []
    records = writer.markup.blocks
    annexes = prepared.base.annexes
    current_annex = 0
    for done, record in enumerate(records, start=1):
        if record.annex != current_annex:
            elements += closing(prepared.base.meta, ctx) if current_annex == 0 else []
            current_annex = record.annex
            annex = annexes[record.annex - 1] if record.annex - 1 < len(annexes) else None
            elements.append(annex_title(annex.title if annex else "", ctx.rtl, prepared.base.meta.language))
        element = writer.record(record)
        if element is not None:
            elements.append(element)
        if progress is not None and (done % 50 == 0 or done == len(records)):
            progress(done, len(records))
    elements += closing(prepared.base.meta, ctx) if current_annex == 0 else []
    return elements, writer


def render_tracked(prepared: ExportInput, *, progress: Progress | None = None) -> bytes:
    """The .docx bytes of a tracked export (or a comparison): the base with the applied amendments as revisions."""
    page = prepared.options.page
    base = prepared.base
    word, ctx = new_word_document(base, page, prepared.options.emblem)
    elements = opening_matter(base, ctx, page)
    body, writer = tracked_elements(ctx, prepared, page, progress)
    revisions = writer.revisions
    if revisions.comments:
        add_xml_part(word, "/word/comments.xml", COMMENTS_CT, COMMENTS_RT, revisions.comments_element())
        add_xml_part(word, "/word/commentsExtended.xml", COMMENTS_EXTENDED_CT, COMMENTS_EXTENDED_RT,
                     revisions.comments_extended_element())
    footnotes = dict(base.footnotes)
    for note_id, note in prepared.text.footnotes.items():
        footnotes.setdefault(note_id, note)
    merged = Document(meta=base.meta, footnotes=footnotes, version=base.version)
    return finish(word, merged, ctx, elements + body, author=prepared.author, footnote_runs=writer.footnote_runs)
