"""Everything Qt: the application, windows, views and printing (the only package that imports PySide6)."""
