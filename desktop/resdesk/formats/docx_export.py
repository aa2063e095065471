"""`resdesk export … -o OUT.docx`: Word files in UN layout (clean, tracked changes, compilation, amendments).

A pure function of a prepared export (`resdesk.views.export.prepare_export`): `export_docx` is what
the CLI and File ▸ Export… call; `progress(done, total)` lets a window show a progress dialog. The
work is in `resdesk.formats.docx`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from resdesk.formats.atomic import atomic_output
from resdesk.formats.docx.amendment_document import render_amendment_document
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx.compilation import render_compilation
from resdesk.formats.docx.tracked import render_tracked
from resdesk.views.export_input import ExportInput


def render_docx(prepared: ExportInput, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The .docx bytes of a prepared export: a comparison and a tracked export as tracked changes, a compilation,
    an amendment document, or the clean text (the version, or it with the chosen amendments accepted)."""
    options = prepared.options
    if options.comparing or options.mode == "tracked":
        return render_tracked(prepared, progress=progress)
    if options.mode == "compilation":
        return render_compilation(prepared, progress=progress)
    if options.mode == "amendments":
        return render_amendment_document(prepared, progress=progress)
    return render_clean(prepared.text, page=options.page, author=prepared.author, progress=progress,
                        emblem=options.emblem)


def export_docx(prepared: ExportInput, output: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Write the Word file of a prepared export to `output` atomically (nothing is left behind on failure)."""
    data = render_docx(prepared, progress)
    with atomic_output(output) as temp:
        temp.write_bytes(data)
