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
  deletion inside the move (rejecting the move takes them away with it);
- alternative: the paragraph's text deleted and the alternative inserted, with a
  comment naming it ("OP15 alt 1, proposed by Mexico").

Typed numbers that change (a new OP renumbers the following ones) are a
deletion of the old number and an insertion of the new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from resdesk.formats.docx.body import BlockWriter, annex_title, opening_length
from resdesk.formats.docx.inline import RunContext, inline_runs
from resdesk.formats.docx.oxml import el, run, run_properties, w
from resdesk.formats.docx.revisions import Revisions, comment_range
from resdesk.model.amendment import Amendment
from resdesk.model.comment import Comment
from resdesk.model.document import TABLE, Document
from resdesk.un.phrases import opening_extent
from resdesk.views.markup import (
    ALTERNATIVE_TEXT,
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

RENUMBERING_AUTHOR = "Secretariat"


@dataclass
class TrackedText:
    """What the tracked renderer needs besides the markup."""

    base: Document
    consolidated: Document
    markup: Markup
    skipped: list[Amendment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    moves_as_delete_insert: bool = False
    labels: dict[str, str] = field(default_factory=dict)


def _numbers(ctx: RunContext, document: Document) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for blocks in [document.blocks] + [annex.blocks for annex in document.annexes]:
        writer = BlockWriter(ctx, blocks, document.meta.language)
        numbers.update({block.id: writer.number(block) for block in blocks})
    return numbers


class TrackedWriter:
    def __init__(self, ctx: RunContext, text: TrackedText, page: str):
        self.ctx = ctx
        self.page = page
        self.commented: set[str] = set()
        self.text = text
        self.language = text.base.meta.language
        self.revisions = Revisions()
        self.old_numbers = _numbers(ctx, text.base)
        self.new_numbers = _numbers(ctx, text.consolidated)
        self.writers = [BlockWriter(ctx, blocks, self.language)
                        for blocks in [text.base.blocks] + [a.blocks for a in text.base.annexes]]
        self.alternatives = {record.id: record for record in text.markup.blocks if record.state == ALTERNATIVE_TEXT}
        self.amendments = text.markup.amendments

    def _date(self, amendment_id: str | None) -> str:
        amendment = self.amendments.get(amendment_id or "")
        return amendment.created if amendment else ""

    # -- runs ---------------------------------------------------------------------------------

    def segment_runs(self, record: MarkupBlock, segment: Segment, italic_until: int) -> list[etree._Element]:
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
        for segment in record.segments:
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
        old = self.old_numbers.get(record.id, "") if state in (NORMAL, DELETED, MOVED_FROM) else ""
        new = self.new_numbers.get(record.id, "") if state in (NORMAL, INSERTED, MOVED_TO) else ""
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
        author, date = record.author or "", self._date(record.amendment)
        state = record.state
        moves = not self.text.moves_as_delete_insert
        if state == MOVED_FROM and not moves:
            state = DELETED
        if state == MOVED_TO and not moves:
            state = INSERTED
        mark = None
        if state == NORMAL:
            alternative = self.alternatives.get(record.id)
            if alternative is not None:
                return self.alternative(record, alternative, writer)
            content = self.content(record)
        elif state == DELETED:
            mark = self.revisions.mark("del", author, date)
            content = self.content(record, ("del", author, date), skip=(INSERT,))
        elif state == INSERTED:
            mark = self.revisions.mark("ins", author, date)
            content = self.content(record, ("ins", author, date))
        elif state == MOVED_FROM:
            mark = self.revisions.mark("moveFrom", author, date)
            content = self.content(record, ("moveFrom", author, date), skip=(INSERT,))
        else:  # moved-to
            mark = self.revisions.mark("moveTo", author, date)
            content = self.content(record, ("moveTo", author, date))
        lead = self.lead(record, writer, state, author, date)
        paragraph = writer.paragraph(record.block, content, mark_revision=mark, lead=lead, depth=record.depth or None,
                                     hint=record.state != MOVED_TO)
        if state in (MOVED_FROM, MOVED_TO):
            side = "moveFrom" if state == MOVED_FROM else "moveTo"
            start, end = self.revisions.move_range(side, self.move_name(record), author, date)
            paragraph.find(w("pPr")).addnext(start)
            paragraph.append(end)
        self.comment_on(paragraph, record)
        return paragraph

    def move_name(self, record: MarkupBlock) -> str:
        """The name shared by the moveFrom and moveTo ranges of one moved paragraph."""
        key = f"{record.amendment}/{record.id}"
        if key not in self.revisions.move_names:
            self.revisions.move_names[key] = len(self.revisions.move_names) + 1
        return f"move{self.revisions.move_names[key]}"

    def alternative(self, record: MarkupBlock, alternative: MarkupBlock, writer: BlockWriter) -> etree._Element:
        author, date = alternative.author or "", self._date(alternative.amendment)
        old = self.content(record, ("del", author, date), skip=(INSERT,))
        new_text = "".join(s.text for s in alternative.segments)
        italic = opening_extent(new_text, record.block.kind, self.language)
        runs = inline_runs(self.ctx, new_text, [], italic_until=italic)
        new = self.revisions.wrap("ins", author, date, runs)
        paragraph = writer.paragraph(record.block, old + new,
                                     lead=self.lead(record, writer, NORMAL, author, date), depth=record.depth or None)
        label = alternative.label or self.text.labels.get(alternative.amendment or "", "")
        ident = self.revisions.comment(author, date, f"{label}, proposed by {author}: an alternative text for "
                                       f"{record.label or 'this paragraph'}.")
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
        for comment in self.text.comments:
            if comment.id in self.commented:
                continue
            if (primary and comment.block == record.id) or (comment.amendment and comment.amendment in amendment_ids):
                self.commented.add(comment.id)
                text = comment.text if not comment.reply_to else f"(reply) {comment.text}"
                ids.append(self.revisions.comment(comment.author, comment.created, text))
        if primary:
            for amendment in self.text.skipped:
                if amendment.target == record.id and amendment.id not in self.commented:
                    self.commented.add(amendment.id)
                    ids.append(self.revisions.comment(amendment.author, amendment.created,
                                                      skipped_note(amendment, self.text.labels)))
        if ids:
            comment_range(paragraph, ids)


def skipped_note(amendment: Amendment, labels: dict[str, str]) -> str:
    """The comment for a proposal not shown as a change because it collides with one that is."""
    label = labels.get(amendment.id, "")
    what = {
        "replace": f"replace “{amendment.old}” with “{amendment.new}”" if amendment.new else
                   f"delete “{amendment.old}”",
        "alternative": f"the alternative text “{amendment.new}”",
        "insert-block": f"a new paragraph: “{amendment.new_block.text if amendment.new_block else ''}”",
        "delete-block": "delete the paragraph",
        "move-block": "move the paragraph",
    }.get(amendment.kind, amendment.kind)
    return (f"{amendment.author} proposes ({label}): {what}. Not shown as a change: it collides with another "
            "proposal on this paragraph.")


def tracked_elements(ctx: RunContext, text: TrackedText, page: str, progress=None) -> tuple[list, Revisions]:
    """Body elements of the tracked text, and the revisions/comments made."""
    writer = TrackedWriter(ctx, text, page)
    elements = []
    records = text.markup.blocks
    current_annex = 0
    for done, record in enumerate(records, start=1):
        if record.annex != current_annex:
            current_annex = record.annex
            annex = text.base.annexes[record.annex - 1] if record.annex - 1 < len(text.base.annexes) else None
            elements.append(annex_title(annex.title if annex else "", ctx.rtl, text.base.meta.language))
        element = writer.record(record)
        if element is not None:
            elements.append(element)
        if progress is not None and (done % 50 == 0 or done == len(records)):
            progress(done, len(records))
    return elements, writer.revisions
