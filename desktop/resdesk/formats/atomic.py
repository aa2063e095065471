"""Writing an output file atomically: build it under a temporary name, rename when complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from resdesk.files import temporary_sibling


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it vanishes.

    Exporters write to the yielded path (python-docx `save`, a PDF writer, …);
    nobody ever sees a half-written file under the real name.
    """
    target = Path(target)
    temp = temporary_sibling(target, target.suffix + ".tmp")
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
