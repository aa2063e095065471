"""The document lock: held on its open file descriptor, its identity checked before every write; a writer
that finds it taken waits a moment before it is refused."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from builders import small_document
from conftest import run_cli
from resdesk.errors import DocumentLockedError
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document, load, set_meta
from resdesk.store.lock import lock_path


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "d.resdesk"
    create_document(target, small_document()).close()
    return target


def test_a_lock_file_deleted_while_open_is_taken_again_before_the_next_write(path):
    with DocumentFile.open(path) as first:
        lock_path(path).unlink()
        set_meta(first, {"symbol": "A/1"})
        assert lock_path(path).exists()
        with pytest.raises(DocumentLockedError):
            DocumentFile.open(path, wait=0)
    assert not lock_path(path).exists()


def test_a_writer_let_in_by_a_deleted_lock_file_stops_the_first_one_from_writing(path):
    first = DocumentFile.open(path)
    lock_path(path).unlink()
    second = DocumentFile.open(path, wait=0)  # nothing could tell it: the first one's lock file was gone
    with pytest.raises(DocumentLockedError, match="was opened for writing in another window or process"):
        set_meta(first, {"symbol": "from the first"})
    set_meta(second, {"symbol": "from the second"})
    first.close()
    # Closing the first did not delete the lock file of the second, which still holds it.
    assert lock_path(path).exists()
    with pytest.raises(DocumentLockedError):
        DocumentFile.open(path, wait=0)
    second.close()
    with DocumentFile.open(path, readonly=True) as reader:
        assert load(reader).meta.symbol == "from the second"


def test_release_leaves_a_lock_file_that_is_not_ours(path):
    first = DocumentFile.open(path)
    lock_path(path).unlink()
    lock_path(path).write_text("someone else's\n")
    first.close()
    assert lock_path(path).read_text() == "someone else's\n"


def _hold(path, seconds: float) -> subprocess.Popen:
    """Another process holding the document open for `seconds`, once it printed "open"."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from resdesk.store.docfile import DocumentFile
        doc = DocumentFile.open({str(path)!r})
        print("open", flush=True)
        time.sleep({seconds})
        doc.close()
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_a_writer_waits_a_moment_for_the_lock(path):
    holder = _hold(path, 0.5)
    try:
        with DocumentFile.open(path, wait=5) as doc:
            set_meta(doc, {"symbol": "after the wait"})
    finally:
        holder.wait(timeout=30)


def test_a_writer_is_refused_once_the_moment_is_over(path):
    holder = _hold(path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(DocumentLockedError, match="open in another window or process"):
            DocumentFile.open(path, wait=0.4)
        assert time.monotonic() - started >= 0.4
    finally:
        holder.kill()
        holder.wait()


def test_a_cli_writer_retries_while_another_one_finishes(path):
    holder = _hold(path, 0.8)
    try:
        result = run_cli("meta", path, "--set", "symbol=A/C.3/68/L.5/Rev.1")
    finally:
        holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    with DocumentFile.open(path, readonly=True) as reader:
        assert load(reader).meta.symbol == "A/C.3/68/L.5/Rev.1"
