"""Reading a source file (text, AKN, docx) into a Document, with the checks every format shares."""

from __future__ import annotations

from pathlib import Path

from resdesk.errors import BadInputError
from resdesk.formats.detect import detect_format
from resdesk.model.document import Document
from resdesk.text.chars import clean_text_file

MAX_SOURCE_BYTES = 20 * 1024 * 1024
FORMATS = ("auto", "text", "akn", "docx")


def _importer(fmt: str):
    """The import function of a format, imported only when needed (keeps start-up lean)."""
    if fmt == "text":
        from resdesk.formats.text_import import import_text

        return import_text
    if fmt == "akn":
        from resdesk.formats.akn_import import import_akn

        return import_akn
    if fmt == "docx":
        from resdesk.formats.docx_import import import_docx

        return import_docx
    raise BadInputError(f"{fmt!r} is not a format Resolution Desk imports (text, akn or docx).")


def read_source(path: str | Path, fmt: str = "auto", notes: list[str] | None = None) -> Document:
    """Import `path` as `fmt` ("auto" detects it) after checking it is a readable, sane file.

    `notes`, when given, receives one sentence per kind of element the importer could not place
    (kept as free text or, holding no text, left out); the Akoma Ntoso importer reports them.
    """
    path = Path(path)
    return document_from_bytes(source_bytes(path), path.name, fmt, notes)


def document_from_bytes(data: bytes, name: str, fmt: str = "auto", notes: list[str] | None = None) -> Document:
    """Import the bytes of a file called `name` as `fmt` ("auto" detects it); BadInputError if they are
    not a resolution we can read. `notes` as in `read_source`."""
    if fmt == "auto":
        fmt = detect_format(name, data[:4096])
    if fmt == "text":
        data = clean_text_file(data)  # U+FFFF and its like: no Word or AKN export could write them
    if fmt == "akn":
        return _importer(fmt)(data, name, notes)
    return _importer(fmt)(data, name)


def source_bytes(path: Path) -> bytes:
    """The bytes of a file to read in, after the checks every format shares (exists, a file, not empty,
    not too large, readable)."""
    name = path.name
    if not path.exists():
        raise BadInputError(f"{name} does not exist.")
    if not path.is_file():
        raise BadInputError(f"{name} is not a file.")
    size = path.stat().st_size
    if size == 0:
        raise BadInputError(f"{name} is empty.")
    if size > MAX_SOURCE_BYTES:
        raise BadInputError(
            f"{name} is too large ({size / 1024 / 1024:.0f} MB); Resolution Desk imports texts of up to "
            f"{MAX_SOURCE_BYTES // 1024 // 1024} MB."
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise BadInputError(f"{name} cannot be read ({error.strerror}).") from None
