"""`resdesk export DOC -o OUT.pdf`: the UN-layout PDF of a prepared export, painted by Qt on a QPdfWriter.

Works without a display (an offscreen QGuiApplication is created when none exists)
and writes atomically. The same inputs give the same bytes: the PDF's dates come
from the document's own date and its document id from its contents.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

from resdesk.formats.atomic import atomic_output
from resdesk.ui.printing.print_sources import print_flow
from resdesk.ui.printing.qtapp import ensure_gui_application
from resdesk.views.export import ExportInput, ExportOptions

PDF_RESOLUTION = 1200  # device units per inch: layout positions are exact to 0.06 pt
_DATE_FIELD = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)(\d{14})")
_XMP_DATE = re.compile(rb"(xmp:(?:CreateDate|ModifyDate|MetadataDate)=\")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")


def settings_from(options: ExportOptions):
    from resdesk.ui.printing.render import PrintSettings

    return PrintSettings(paper=options.page, line_numbers=options.line_numbers, watermark=options.watermark)


def write_pdf(flow, settings, path: Path) -> int:
    """Paint `flow` into a new PDF at `path`; the number of pages."""
    from PySide6.QtCore import QUuid
    from PySide6.QtGui import QPdfWriter

    from resdesk.ui.printing.render import prepare_device, render

    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Resolution Desk")
    writer.setTitle(flow.meta.symbol or flow.meta.title)
    fingerprint = hashlib.sha256(repr((flow, settings)).encode()).digest()[:16]
    writer.setDocumentId(QUuid(str(uuid.UUID(bytes=fingerprint))))
    prepare_device(writer, settings.paper)
    pages = render(flow, settings, writer)
    del writer  # closes the file
    fix_dates(path, flow.meta.date)
    return pages


def fix_dates(path: Path, iso_date: str) -> None:
    """Replace the time of writing in the PDF by the document's date (same length: offsets stay valid)."""
    day = (iso_date or "2000-01-01").replace("-", "")
    data = path.read_bytes()
    data = _DATE_FIELD.sub(lambda m: m.group(1) + (day + "000000").encode(), data)
    data = _XMP_DATE.sub(lambda m: m.group(1) + f"{day[:4]}-{day[4:6]}-{day[6:]}T00:00:00".encode(), data)
    path.write_bytes(data)


def export_pdf(prepared: ExportInput, output: Path) -> int:
    """Write the PDF of a prepared export at `output`; the number of pages."""
    ensure_gui_application()
    flow = print_flow(prepared)
    with atomic_output(output) as temp:
        return write_pdf(flow, settings_from(prepared.options), temp)
