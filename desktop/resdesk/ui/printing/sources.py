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

    if options.mode == "clean":
        return clean_flow(load(source, options.rev))
    raise UserError(f"{options.mode.capitalize()} printing is not available yet; print the clean text.")


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
