"""Temporary files beside their target, so that a rename can put them in place atomically; file digests.

(`tempfile` would do, but it drags `shutil` and `random` into the start-up of
every command; this is all we need of it.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def temporary_sibling(target: Path, suffix: str = ".tmp") -> Path:
    """Create and return an empty, new, hidden file in `target`'s folder (never an existing one)."""
    directory = target.parent if str(target.parent) else Path(".")
    while True:
        candidate = directory / f".{target.stem}-{os.urandom(4).hex()}{suffix}"
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        return candidate


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
