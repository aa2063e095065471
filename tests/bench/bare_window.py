"""The baseline for start-up: a bare PySide6 window (a QTextEdit) showing a text file.

`python bare_window.py TEXT_FILE` prints `first-paint <epoch seconds>` at its first
paint and exits; with `--rss` it prints its resident memory (kB) instead, once shown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTextEdit


class BareEditor(QTextEdit):
    painted = False

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not BareEditor.painted:
            BareEditor.painted = True
            if "--rss" in sys.argv:
                status = Path("/proc/self/status").read_text()
                rss = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
                sys.stdout.write(f"rss-kb {rss}\n")
            else:
                sys.stdout.write(f"first-paint {time.time():.6f}\n")
            sys.stdout.flush()
            os._exit(0)


def main() -> None:
    app = QApplication(sys.argv[:1])
    editor = BareEditor()
    with open(sys.argv[1], encoding="utf-8") as handle:
        editor.setPlainText(handle.read())
    editor.resize(1400, 900)
    editor.show()
    app.exec()


if __name__ == "__main__":
    main()
