"""`resdesk export … -o OUT.docx`: Word files in UN layout (clean, tracked changes, compilation).

`export_docx` is what the CLI and File ▸ Export… call; `progress(done, total)`
lets a window show a progress dialog. The work is in `resdesk.formats.docx`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from resdesk.formats.atomic import atomic_output
from resdesk.formats.export_options import ExportOptions


def document_author(doc) -> str:
    """The delegation this document file works for (the one it proposes as), or "": never a user name."""
    from resdesk.store.delegations import acting_as

    return acting_as(doc)


def render_docx(doc, options: ExportOptions, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The .docx bytes for `options` from the open document file `doc`."""
    options.check()
    author = document_author(doc)
    if options.mode == "clean" and options.from_rev is None:
        from resdesk.formats.docx.clean import render_clean

        return render_clean(clean_text(doc, options), page=options.page, author=author, progress=progress)
    from resdesk.formats.docx.modes import render_negotiation

    return render_negotiation(doc, options, author=author, progress=progress)


def clean_text(doc, options: ExportOptions):
    """The text of a clean export: the version, or its consolidated view when `--status`/`--delegations` are given
    (the version with those amendments accepted)."""
    from resdesk.store.documents import load

    document = load(doc, options.rev)
    if not options.statuses and not options.delegations:
        return document
    from resdesk.amend.apply import apply_amendments
    from resdesk.formats.docx.modes import export_filter
    from resdesk.store.amendments import amendments

    chosen = export_filter(doc, options).select(amendments(doc, document.version))
    return apply_amendments(document, chosen).document


def included_amendments(doc, options: ExportOptions) -> list:
    """The amendments an export with `options` includes, in order of entry (for File ▸ Export…, which shows
    them before writing): none for a clean export of the version, the ones accepted into it for a clean
    export with `--status`/`--delegations`, the chosen ones for tracked and compilation exports, the older
    version's amendments for a comparison."""
    from resdesk.formats.docx.modes import export_filter
    from resdesk.store.amendments import amendments
    from resdesk.store.documents import load

    if options.from_rev is not None:
        return amendments(doc, load(doc, options.from_rev).version)
    if options.mode == "clean" and not options.statuses and not options.delegations:
        return []
    return export_filter(doc, options).select(amendments(doc, load(doc, options.rev).version))


def export_docx(doc, options: ExportOptions, output: Path,
                progress: Callable[[int, int], None] | None = None) -> None:
    """Write the Word file for `options` to `output` atomically (nothing is left behind on failure)."""
    data = render_docx(doc, options, progress)
    with atomic_output(output) as temp:
        temp.write_bytes(data)
