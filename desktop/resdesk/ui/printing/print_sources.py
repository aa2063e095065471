"""What to print for a document file and a set of export options (clean, tracked, compilation)."""

from __future__ import annotations

from resdesk.errors import UserError
from resdesk.formats.export_options import ExportOptions
from resdesk.model.document import Document
from resdesk.ui.printing.content import Flow, clean_flow


def flow_for(source, options: ExportOptions) -> Flow:
    """The Flow to print: `source` is an open DocumentFile, or a Document (clean printing only)."""
    if isinstance(source, Document):
        if options.mode != "clean":
            raise UserError(f"A {options.mode} print needs the document file with its amendments.")
        return clean_flow(source)
    from resdesk.store.documents import load

    document = load(source, options.rev)
    if options.mode == "clean":
        return clean_flow(document)
    return marked_up_flow(source, document, options)


def marked_up_flow(doc, document: Document, options: ExportOptions) -> Flow:
    """Tracked or compilation printing of `document` with its amendments in the file `doc`."""
    from resdesk.amend.filters import AmendmentFilter
    from resdesk.model.amendment import parse_status
    from resdesk.store.amendments import amendments
    from resdesk.store.delegations import document_delegations, resolve_delegation
    from resdesk.ui.printing.tracked_flow import Palette, compilation_flow, tracked_flow
    from resdesk.views.markup import markup

    if options.from_rev or options.to_rev:
        raise UserError("A PDF shows the proposals on one version (--rev); comparing two versions with "
                        "--from and --to is for the Word export.")
    delegations = tuple(resolve_delegation(doc, name).name for name in options.delegations or ()) or None
    statuses = tuple(parse_status(s) for s in options.statuses or ())
    selection = AmendmentFilter(statuses=statuses, delegations=delegations) if statuses else \
        AmendmentFilter(delegations=delegations)
    view = markup(document, amendments(doc, document.version), selection)
    known = document_delegations(doc)
    palette = Palette({d.name: d.colour for d in known}, {d.name: d.short_name for d in known})
    build = tracked_flow if options.mode == "tracked" else compilation_flow
    return build(document, view, palette)


def resolve(document_source):
    """A Document or DocumentFile from what the GUI hands over (either, or a callable returning either)."""
    return document_source() if callable(document_source) else document_source


def render_to_device(document_source, options: ExportOptions, device) -> int:
    """Print `document_source` on any QPagedPaintDevice (QPrinter, QPdfWriter); the number of pages.

    The layout follows the device's paper as it is (`render.prepare_device` sets it from
    `options.page`; a user may change it in the print dialog).
    """
    from resdesk.ui.printing.pdf_export import settings_from
    from resdesk.ui.printing.render import render

    return render(flow_for(resolve(document_source), options), settings_from(options), device)
