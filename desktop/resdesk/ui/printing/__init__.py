"""Printing and PDF in UN layout, painted by Qt (no LibreOffice, no Word).

`content` turns a document into paragraphs of styled runs (clean, tracked or
compilation), `textlayout` breaks them into lines with QTextLayout, `paginate`
places the lines and footnotes on pages, `painting` paints the pages on any
QPagedPaintDevice (QPdfWriter, QPrinter, the print preview's printer).
"""
