"""Writing an output file atomically: build it under a temporary name, rename when complete."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from resdesk.errors import UserError
from resdesk.files import fsync_directory, fsync_file, temporary_sibling


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it vanishes.

    Exporters write to the yielded path (python-docx `save`, a PDF writer, …);
    nobody ever sees a half-written file under the real name. The file is on the disk
    before the rename and the rename is on the disk before this returns (a power cut
    leaves the old file or the new one, whole). A write the disk refuses is one sentence.
    """
    target = Path(target)
    try:
        temp = temporary_sibling(target, target.suffix + ".tmp")
    except OSError as error:
        raise _not_written(target, error) from None
    try:
        yield temp
        fsync_file(temp)
        os.replace(temp, target)
        fsync_directory(target)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _not_written(target, error) from None
        raise


def _not_written(target: Path, error: OSError) -> UserError:
    if error.errno == errno.ENOSPC:
        return UserError(f"The disk has no space left for {target.name}, so it was not written; free some space "
                         "or choose another place.")
    return UserError(f"{target.name} cannot be written there ({error.strerror or error}); nothing was written.")
