"""The windowed executable of the Windows and macOS builds: `resdesk gui [FILE]`, with no console.

The Start menu, the Dock and the `.resdesk` file association start it with the document as its
only argument (on macOS PyInstaller turns the Finder's open-document event into that argument).
"""

import sys

from resdesk.cli import main

sys.exit(main(["gui", *sys.argv[1:2]]))
