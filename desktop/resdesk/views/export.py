"""The one export pipeline's entry: `prepare_export(doc, options)` reads the document file once and returns
the `resdesk.views.export_input.ExportInput` every exporter takes; the CLI and the window call it, then the
exporter. `chosen_amendments` tells File ▸ Export… what an export would include before it is written.
"""

from __future__ import annotations

from resdesk.model.amendment import Amendment
from resdesk.store.amendments import amendments
from resdesk.store.comments import comments
from resdesk.store.delegations import acting_as, document_delegations
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load
from resdesk.store.revisions import applied_between
from resdesk.views.amendment_document import check_draft
from resdesk.views.export_input import (
    AMENDMENTS,
    ExportInput,
    ExportOptions,
    Palette,
    comparison_input,
    export_input,
    plain_export,
    refuse_nothing_chosen,
)
from resdesk.views.selection import amendment_filter


def chosen_amendments(doc: DocumentFile, options: ExportOptions) -> list[Amendment]:
    """The amendments an export with `options` includes, in order of entry (File ▸ Export… shows them before
    writing): none for a clean export without filters; for a comparison, the ones the revisions between the two
    versions applied."""
    options.check()
    if options.comparing:
        return applied_between(doc, options.from_rev, options.to_rev)
    if plain_export(options):
        return []
    document = load(doc, options.rev)
    if options.mode == AMENDMENTS:
        check_draft(document)
    chosen = amendment_filter(doc, options.statuses, options.delegations, options.default_statuses).select(
        amendments(doc, document.version))
    refuse_nothing_chosen(options, document.version, chosen)
    return chosen


def prepare_export(doc: DocumentFile, options: ExportOptions) -> ExportInput:
    """Everything the exporters need for `options`, read from the open document file `doc`."""
    options.check()
    palette = Palette.of(document_delegations(doc))
    author = acting_as(doc)
    if options.comparing:
        old, new = load(doc, options.from_rev), load(doc, options.to_rev)
        return comparison_input(old, new, applied_between(doc, old.version, new.version), options,
                                palette=palette, author=author)
    document = load(doc, options.rev)
    selection = amendment_filter(doc, options.statuses, options.delegations, options.default_statuses)
    return export_input(document, amendments(doc, document.version), selection, options,
                        comments=comments(doc), palette=palette, author=author)
