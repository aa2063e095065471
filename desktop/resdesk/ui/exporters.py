"""The exporter of each output format, for the CLI (`export`, `compare`) and File ▸ Export… alike.

Importing this module loads neither Qt nor python-docx: a format's modules load when it is first asked
for, so `resdesk export -o x.docx` never starts Qt and `-o x.xml` never loads python-docx.
"""

from __future__ import annotations


def exporter(fmt: str, options=None):
    """The export function of `fmt` ("docx", "akn" or "pdf"), called as `export(prepared, output[, progress])`.
    With `options` (an `ExportOptions`), what the format cannot honour is refused first, in one sentence
    (Akoma Ntoso holds a clean text: no tracked mode)."""
    if fmt == "docx":
        from resdesk.formats.docx_export import export_docx

        return export_docx
    if fmt == "akn":
        from resdesk.formats.akn_export import check_akn, export_akn

        if options is not None:
            check_akn(options)
        return export_akn
    from resdesk.ui.printing.pdf_export import export_pdf

    return export_pdf
