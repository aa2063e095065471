"""Temporary files beside their target, so that a rename can put them in place atomically; file digests."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

_UMASK = os.umask(0)  # reading the umask means setting it: once, at import, before any thread starts
os.umask(_UMASK)


def temporary_sibling(target: Path, suffix: str = ".tmp") -> Path:
    """Create and return an empty, new, hidden file in `target`'s folder (never an existing one).

    Its mode is that of a file the user saves normally (0644 less the umask): `mkstemp` makes it private to
    the user, and the file renamed into place keeps the mode."""
    directory = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(suffix=suffix, prefix=f".{target.stem}-", dir=directory)
    os.close(handle)
    os.chmod(name, 0o644 & ~_UMASK)
    return Path(name)


def fsync_file(path: Path) -> None:
    """Flush a file's content to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(renamed: Path) -> None:
    """Flush the folder holding `renamed`, so that the rename itself survives a power cut (POSIX; Windows
    makes a rename durable itself and cannot open a folder)."""
    if os.name != "posix":
        return
    fd = os.open(renamed.parent if str(renamed.parent) else ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex: tells whether a source file changed since it was read."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
