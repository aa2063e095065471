"""Temporary files beside their target (the atomic save's first step) and file digests."""

from __future__ import annotations

import os
import stat

from resdesk.files import file_digest, temporary_sibling


def test_a_temporary_sibling_is_new_hidden_beside_its_target_and_saved_with_the_users_mode(tmp_path):
    target = tmp_path / "draft.resdesk"
    first, second = temporary_sibling(target), temporary_sibling(target)
    assert first != second and first.parent == second.parent == tmp_path
    assert first.name.startswith(".draft-") and first.suffix == ".tmp" and first.read_bytes() == b""
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(first.stat().st_mode) == 0o644 & ~umask  # not mkstemp's 0600: a saved file keeps it


def test_a_digest_tells_whether_a_file_changed(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text("The General Assembly,")
    before = file_digest(source)
    assert before == file_digest(source) and len(before) == 64
    source.write_text("The General Assembly,\n")
    assert file_digest(source) != before
