"""What the application remembers between runs (QSettings: organisation "Resolution Desk", app "resdesk")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

APP_NAME = "Resolution Desk"  # as the user reads it: window titles, message boxes
ORGANIZATION = "Resolution Desk"
APPLICATION = "resdesk"
RECENT_KEY = "recentFiles"
MAX_RECENT = 10
EMBLEM_KEY = "export/emblem"  # the user's image of the UN emblem for page 1 (none is shipped)


def recent_files() -> list[str]:
    """Recently opened documents that still exist, newest first."""
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [path for path in (value or []) if Path(path).exists()]


def add_recent_file(path: Path) -> None:
    paths = [str(Path(path).resolve())]
    paths += [p for p in recent_files() if p != paths[0]]
    QSettings().setValue(RECENT_KEY, paths[:MAX_RECENT])


def emblem_path() -> str:
    """The emblem image the user chose for page 1 ("" for none)."""
    return str(QSettings().value(EMBLEM_KEY, "") or "")


def set_emblem_path(path: str) -> None:
    QSettings().setValue(EMBLEM_KEY, path)
