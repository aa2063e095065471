"""What `resdesk gui [FILE]` opens: a document, a source imported beside it, or the bundled example.

A source (text, AKN, Word) is imported once: the document made from it
remembers the source's name and SHA-256 (`store.documents.imported_from`), and
`resdesk gui draft.txt` run again reopens `draft.resdesk` instead of making
`draft (2).resdesk`. When the source changed since (its bytes differ), it is
imported again into the next free name and stderr says so: the document made
from the earlier text may hold a negotiation, so it is never replaced, and the
changed text is what the user asked to open.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from resdesk.errors import UserError
from resdesk.files import file_digest
from resdesk.formats.sources import read_source
from resdesk.formats.text_import import import_text
from resdesk.resources import resource
from resdesk.store.docfile import SQLITE_HEADER, SUFFIX, DocumentFile
from resdesk.store.documents import create_document, imported_from

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


def _documents_beside(source: Path) -> list[Path]:
    """The documents an import of `source` made beside it: `STEM.resdesk`, `STEM (2).resdesk`, …"""
    folder = source.resolve().parent
    found = [folder / f"{source.stem}{SUFFIX}"]
    while found[-1].exists():
        found.append(folder / f"{source.stem} ({len(found) + 1}){SUFFIX}")
    return found[:-1]


def earlier_import(source: Path, digest: str) -> tuple[Path | None, Path | None]:
    """The document made beside `source` from these very bytes, if any; else the last one made from an
    earlier text of it (None when there is none)."""
    changed = None
    for candidate in _documents_beside(source):
        try:
            with DocumentFile.open(candidate, readonly=True) as doc:
                name, made_from = imported_from(doc)
        except (UserError, sqlite3.DatabaseError):
            continue  # not one of ours, or damaged: not what this source made
        if name == source.name and made_from == digest:
            return candidate, None
        if name == source.name:
            changed = candidate
    return None, changed


def import_beside(source: Path, parent: QWidget | None = None, notes: list[str] | None = None) -> Path | None:
    """The document made from a text/AKN/Word file: the one an earlier import of the same bytes made beside
    it, or a new one beside it (asking where when that folder is read-only).

    Returns the document's path, or None if the user cancelled. `notes` receives what the importer could
    not place (see `read_source`), for the window to tell (nothing when an earlier import is reused).
    """
    digest = file_digest(source)
    same, changed = earlier_import(source, digest)
    if same is not None:
        return same
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
    create_document(target, document, force=target.exists(), source=source.name, source_digest=digest).close()
    if changed is not None:
        print(f"resdesk: {source.name} changed since {changed.name} was made from it; imported again into "
              f"{target.name}.", file=sys.stderr)
    return target


def example_document() -> Path:
    """The bundled example, imported once into the user's data folder and reused afterwards."""
    from resdesk.store.documents import create_document

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(EXAMPLE).stem + SUFFIX)
    if not target.exists():
        source = resource("examples", EXAMPLE)
        create_document(target, import_text(source.read_bytes(), EXAMPLE), source=EXAMPLE).close()
    return target
