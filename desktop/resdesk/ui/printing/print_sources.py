"""What to print for a document and a set of export options: clean, tracked, compilation, an amendment document,
or a comparison."""

from __future__ import annotations

from resdesk.errors import UserError
from resdesk.model.document import Document
from resdesk.ui.printing.amendment_flow import amendment_flow
from resdesk.ui.printing.compilation_flow import compilation_flow
from resdesk.ui.printing.content import Flow, clean_flow
from resdesk.ui.printing.tracked_flow import tracked_flow
from resdesk.views.export import prepare_export
from resdesk.views.export_input import ExportInput, ExportOptions


def print_flow(prepared: ExportInput) -> Flow:
    """The Flow of a prepared export: a comparison and a tracked export as tracked changes, a compilation, an
    amendment document, or the clean text (the version, or it with the chosen amendments accepted)."""
    options = prepared.options
    if options.comparing or options.mode == "tracked":
        return tracked_flow(prepared)
    if options.mode == "compilation":
        return compilation_flow(prepared)
    if options.mode == "amendments":
        return amendment_flow(prepared)
    return clean_flow(prepared.text)


def flow_for(source, options: ExportOptions) -> Flow:
    """The Flow to print: `source` is an open DocumentFile, or a Document (clean printing only)."""
    if isinstance(source, Document):
        if options.mode != "clean":
            raise UserError(f"A {options.mode} print needs the document file with its amendments.")
        return clean_flow(source)
    return print_flow(prepare_export(source, options))


def resolve(document_source):
    """A Document or DocumentFile from what the GUI hands over (either, or a callable returning either)."""
    return document_source() if callable(document_source) else document_source


def render_to_device(document_source, options: ExportOptions, device) -> int:
    """Print `document_source` on any QPagedPaintDevice (QPrinter, QPdfWriter); the number of pages.

    The layout follows the device's paper as it is (`render.prepare_device` sets it from
    `options.page`; a user may change it in the print dialog).
    """
    # pdf_export imports this module; render imports Qt, which the CLI loads only once QT_HASH_SEED is set
    from resdesk.ui.printing.pdf_export import settings_from
    from resdesk.ui.printing.render import render

    return render(flow_for(resolve(document_source), options), settings_from(options), device)
