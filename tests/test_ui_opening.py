"""`resdesk gui draft.txt` imports a source once: run again, it reopens the document it made."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from conftest import SEED, run_cli  # noqa: E402

pytest_plugins = ("ui_support",)


def test_the_same_source_reopens_the_document_it_made(qt_settings, tmp_path, capsys):
    from resdesk.ui.app import resolve_path

    source = tmp_path / "draft.txt"
    source.write_bytes(SEED.read_bytes())
    first = resolve_path(str(source))
    assert first == tmp_path / "draft.resdesk"
    stamp = first.stat().st_mtime_ns
    assert resolve_path(str(source)) == first and first.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.resdesk", "draft.txt", "settings"]
    assert capsys.readouterr().err == ""


def test_a_changed_source_is_imported_again_beside_the_earlier_document(qt_settings, tmp_path, capsys):
    from resdesk.ui.opening import import_beside

    source = tmp_path / "draft.txt"
    source.write_bytes(SEED.read_bytes())
    first = import_beside(source)
    source.write_bytes(SEED.read_bytes() + b"\n")  # edited since
    second = import_beside(source)
    assert second == tmp_path / "draft (2).resdesk"
    assert capsys.readouterr().err == ("resdesk: draft.txt changed since draft.resdesk was made from it; imported "
                                       "again into draft (2).resdesk.\n")
    assert import_beside(source) == second  # the changed text is now known too
    source.write_bytes(SEED.read_bytes())
    assert import_beside(source) == first  # and the first text still opens the first document


def test_a_document_made_by_resdesk_import_is_found_too(qt_settings, tmp_path):
    from resdesk.ui.opening import import_beside

    source = tmp_path / "draft.txt"
    source.write_bytes(SEED.read_bytes())
    assert run_cli("import", source, "-o", tmp_path / "draft.resdesk").returncode == 0
    (tmp_path / "draft (2).resdesk").write_bytes(b"not a document")  # skipped, not an error
    assert import_beside(source) == tmp_path / "draft.resdesk"
