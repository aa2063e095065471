"""A small disk that fills up: a tmpfs the test mounts where it can (CI runs as root), else a skip saying why.

`small_disk` yields a `Disk` whose `path` is the mount point; `fill()` takes every free byte with a filler
file and `free()` gives them back; `read_only()` makes it a read-only folder (chmod would not stop root,
and CI runs as root). The mount is undone (lazily: files may still be open) afterwards.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SIZE = "4m"


class Disk:
    def __init__(self, path: Path):
        self.path = path
        self.filler = path / "filler"

    def fill(self) -> None:
        """Write zeros until the disk refuses even one byte more."""
        with open(self.filler, "ab", buffering=0) as handle:
            for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
                while True:
                    try:
                        handle.write(bytes(chunk))
                    except OSError as error:
                        if error.errno != errno.ENOSPC:
                            raise
                        break

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        """Mount it again read-only: nothing on it can be created or written, not even by root."""
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True, capture_output=True)

    def names(self) -> list[str]:
        return sorted(path.name for path in self.path.iterdir() if path != self.filler)


@pytest.fixture
def small_disk(tmp_path):
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs for the full-disk tests needs root on Linux (CI runs as root)")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here ({result.stderr.strip() or result.returncode})")
    try:
        yield Disk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)
