"""What `resdesk gui [FILE]` opens: a document, a source imported beside it, or the bundled example."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from resdesk.store.docfile import SQLITE_HEADER, SUFFIX

EXAMPLE = "early-warning-draft.txt"


def is_document(path: Path) -> bool:
    """A `.resdesk` file, or any SQLite file (which `DocumentFile.open` then checks properly)."""
    if path.suffix == SUFFIX:
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def free_document_name(folder: Path, stem: str) -> Path:
    """`STEM.resdesk` in `folder`, or `STEM (2).resdesk`, `STEM (3).resdesk`… if taken."""
    candidate = folder / f"{stem}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){SUFFIX}"
        number += 1
    return candidate


def import_beside(source: Path, parent: QWidget | None = None, notes: list[str] | None = None) -> Path | None:
    """Import a text/AKN/Word file into a new document beside it (asking where when that folder is read-only).

    Returns the new document's path, or None if the user cancelled. `notes` receives what the
    importer could not place (see `read_source`), for the window to tell.
    """
    from resdesk.formats.sources import read_source
    from resdesk.store.documents import create_document

    document = read_source(source, notes=notes)  # errors first: nothing is written for a bad file
    folder = source.resolve().parent
    target = free_document_name(folder, source.stem)
    if not os.access(folder, os.W_OK):
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            parent, "Save the imported document as", str(Path(documents) / target.name),
            "Resolution Desk documents (*.resdesk)")
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
    create_document(target, document, force=target.exists(), source=source.name).close()
    return target


def example_document() -> Path:
    """The bundled example, imported once into the user's data folder and reused afterwards."""
    from resdesk.formats.text_import import import_text
    from resdesk.resources import resource
    from resdesk.store.documents import create_document

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(EXAMPLE).stem + SUFFIX)
    if not target.exists():
        source = resource("examples", EXAMPLE)
        create_document(target, import_text(source.read_bytes(), EXAMPLE), source=EXAMPLE).close()
    return target
