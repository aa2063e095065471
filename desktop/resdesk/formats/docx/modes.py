"""The negotiation exports: tracked changes, version comparison, compilation text.

Gathers what each needs from the document file (version, amendments through the
export's filter, shared comments only, delegations) and hands it to the renderer.
"""

from __future__ import annotations

from resdesk.amend.apply import apply_amendments
from resdesk.amend.filters import AmendmentFilter
from resdesk.formats.docx.body import Progress
from resdesk.formats.docx.clean import finish, new_word_document, opening_matter
from resdesk.formats.docx.tracked import TrackedText, tracked_elements
from resdesk.formats.export_options import ExportOptions
from resdesk.model.amendment import LIVE_STATUSES, STATUSES, parse_status
from resdesk.model.document import Document


def export_filter(doc, options: ExportOptions) -> AmendmentFilter:
    """The export's amendments: `--status`/`--delegations`, else every one not withdrawn, rejected or superseded."""
    from resdesk.store.delegations import resolve_delegation

    statuses = tuple(parse_status(s) for s in options.statuses) \
        if options.statuses else LIVE_STATUSES
    delegations = tuple(resolve_delegation(doc, name).name for name in options.delegations) \
        if options.delegations else None
    return AmendmentFilter(statuses=statuses, delegations=delegations)


def tracked_text(base: Document, items: list, selection: AmendmentFilter, comments: list,
                 moves_as_delete_insert: bool) -> TrackedText:
    """The markup of the amendments the consolidated view applies; colliding ones are left as comments."""
    from resdesk.amend.anchors import TextIndex, proposal_labels
    from resdesk.views.markup import markup

    chosen = selection.select(items)
    applied = apply_amendments(base, chosen)
    done = set(applied.applied)
    shown = [a for a in chosen if a.id in done]
    view = markup(base, shown, AmendmentFilter(statuses=STATUSES))
    shown_ids = {a.id for a in chosen}
    return TrackedText(
        base=base, consolidated=applied.document, markup=view,
        skipped=[a for a in chosen if a.id not in done],
        comments=[c for c in comments if not c.amendment or c.amendment in shown_ids],
        moves_as_delete_insert=moves_as_delete_insert,
        labels=proposal_labels(TextIndex.of(base), items),
    )


def _shared_comments(doc) -> list:
    from resdesk.store.comments import comments, shared_comments

    return shared_comments(comments(doc))


def render_negotiation(doc, options: ExportOptions, *, author: str = "", progress: Progress | None = None) -> bytes:
    from resdesk.store.amendments import amendments
    from resdesk.store.documents import load

    if options.from_rev is not None:
        from resdesk.formats.docx.compare import comparison

        base = load(doc, options.from_rev)
        target = load(doc, options.to_rev)
        synthetic = comparison(base, target, amendments(doc, base.version), doc)
        text = tracked_text(base, synthetic, AmendmentFilter(statuses=STATUSES), [], options.moves_as_delete_insert)
        text.base = _with_meta(base, target)
        return render_tracked(text, page=options.page, author=author, progress=progress)
    base = load(doc, options.rev)
    items = amendments(doc, base.version)
    selection = export_filter(doc, options)
    if options.mode == "compilation":
        from resdesk.formats.docx.compilation import render_compilation

        return render_compilation(base, items, selection, page=options.page, author=author, progress=progress)
    text = tracked_text(base, items, selection, _shared_comments(doc), options.moves_as_delete_insert)
    return render_tracked(text, page=options.page, author=author, progress=progress)


def _with_meta(base: Document, target: Document) -> Document:
    """The compared text carries the newer version's masthead (its symbol, date, sponsors)."""
    base.meta = target.meta
    return base


def render_tracked(text: TrackedText, *, page: str = "letter", author: str = "",
                   progress: Progress | None = None) -> bytes:
    """The .docx bytes of a tracked text."""
    from resdesk.formats.docx.package import add_xml_part
    from resdesk.formats.docx.revisions import COMMENTS_CT, COMMENTS_RT

    word, ctx = new_word_document(text.base, page)
    elements = opening_matter(text.base, ctx, page)
    body, revisions = tracked_elements(ctx, text, page, progress)
    if revisions.comments:
        add_xml_part(word, "/word/comments.xml", COMMENTS_CT, COMMENTS_RT, revisions.comments_element())
    footnotes = dict(text.base.footnotes)
    for note_id, note in text.consolidated.footnotes.items():
        footnotes.setdefault(note_id, note)
    merged = Document(meta=text.base.meta, footnotes=footnotes, version=text.base.version)
    return finish(word, merged, ctx, elements + body, author=author)
