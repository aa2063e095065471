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
