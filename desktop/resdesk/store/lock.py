"""An advisory lock that says "this document is open in a window or process".

The lock is a small file beside the document (`NAME.resdesk-lock`) locked with
the operating system's file locks (fcntl on POSIX, msvcrt on Windows), so a
killed process never leaves a stale lock behind: the system releases it.
SQLite's own locks cannot serve: they only last for one transaction.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

RETRY_INTERVAL = 0.05  # seconds between two tries of a writer that waits for the lock

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
    """Holds the lock of one document file for as long as it is open for writing.

    The lock lives on the open file descriptor, and the file at the lock's path must stay that very file:
    `verify` (before every write) notices a lock file deleted or replaced behind our back, takes the new
    one if nobody holds it, and refuses if another writer got in through the gap. `release` removes the
    file at the path only while it is still ours.
    """

    def __init__(self, document: Path):
        self.path = lock_path(document)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, trying again for up to `wait` seconds; False when another process or window holds it."""
        deadline = time.monotonic() + wait
        while True:
            fd = self._take()
            if fd is not None:
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(RETRY_INTERVAL)
        self._fd = fd
        return True

    def _take(self) -> int | None:
        """A descriptor of the lock file at our path, locked by us, or None when another holder has it."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return None
            # The holder before us may have removed the file between our open and
            # our lock: then we hold a lock on a file nobody else can see. Retry.
            if self._is_at_path(fd):
                break
            os.close(fd)
        # Who holds it, for a person who finds the file; a full disk may refuse the words, not the lock.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{_host()} {os.getpid()}\n".encode())
        return fd

    def _is_at_path(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

    def verify(self) -> bool:
        """Whether we still hold the lock at its path; a lock file removed or replaced is taken again if free.

        False when another window or process took the lock in the meantime: it is now the writer.
        """
        if self._fd is None:
            return False
        if self._is_at_path(self._fd):
            return True
        fd = self._take()
        if fd is None:
            return False
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        if self._is_at_path(self._fd):
            with contextlib.suppress(OSError):
                self.path.unlink()
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
