"""Run-time hook of the frozen application: where Qt's plugins are, without importing Qt.

It replaces PyInstaller's own PySide6 hook, which imports QtCore at start (to check Qt's embedded
qt.conf, which PySide6 itself writes when it is imported) and so cost every command, even
`resdesk --version`, some 70 ms. Qt's plugins (platforms, image formats, print support) are in
PySide6/Qt/plugins of the bundle (PySide6/plugins on Windows, as in the wheels).
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", *([] if sys.platform == "win32" else ["Qt"]),
                                            "plugins")
