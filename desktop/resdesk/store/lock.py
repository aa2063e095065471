"""An advisory lock that says "this document is open in a window or process".

The lock is a small file beside the document (`NAME.resdesk-lock`) locked with
the operating system's file locks (fcntl on POSIX, msvcrt on Windows), so a
killed process never leaves a stale lock behind: the system releases it.
SQLite's own locks cannot serve: they only last for one transaction.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _host() -> str:
    """This computer's name, for a person who finds the lock file."""
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


def lock_path(document: Path) -> Path:
    return document.with_name(document.name + "-lock")


class DocumentLock:
    """Holds the lock of one document file for as long as it is open for writing."""

    def __init__(self, document: Path):
        self.path = lock_path(document)
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process or window holds it."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The holder before us may have removed the file between our open and
            # our lock: then we hold a lock on a file nobody else can see. Retry.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{_host()} {os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
