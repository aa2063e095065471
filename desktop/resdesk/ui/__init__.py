"""Everything Qt: the application, the main window, its panels, undo commands.

Nothing outside this package imports PySide6 (see the invariants in docs/design.md).
"""
