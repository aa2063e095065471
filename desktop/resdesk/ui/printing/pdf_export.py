"""`resdesk export DOC -o OUT.pdf`: the UN-layout PDF of a prepared export, painted by Qt on a QPdfWriter.

Works without a display (an offscreen QGuiApplication is created when none exists)
and writes atomically: painted in memory, checked whole, written under a temporary
name, flushed, renamed. The same inputs give the same bytes: the PDF's dates come
from the document's own date and its document id from its contents.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

from resdesk.errors import UserError
from resdesk.formats.atomic import atomic_output
from resdesk.ui.printing.print_sources import print_flow
from resdesk.ui.printing.qtapp import ensure_gui_application
from resdesk.views.export_input import ExportInput, ExportOptions

PDF_RESOLUTION = 1200  # device units per inch: layout positions are exact to 0.06 pt
_DATE_FIELD = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)(\d{14})")
_XMP_DATE = re.compile(rb"(xmp:(?:CreateDate|ModifyDate|MetadataDate)=\")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")


def settings_from(options: ExportOptions):
    """The print settings of export `options`."""
    from resdesk.ui.printing.render import PrintSettings  # render imports Qt: only once qtapp has set QT_HASH_SEED

    return PrintSettings(paper=options.page, line_numbers=options.line_numbers, watermark=options.watermark,
                         emblem=options.emblem)


def write_pdf(flow, settings, path: Path) -> int:
    """Paint `flow` into a new PDF at `path`; the number of pages.

    Qt's PDF writer reports no write error (a full disk left a truncated PDF, and an exit status of 0), so
    the PDF is painted in memory, checked to be whole (it ends with %%EOF), dated, and only then written to
    `path` by us, where a failed write raises (`atomic_output` then removes the temporary file).
    """
    # Qt only once `ensure_gui_application` has set QT_HASH_SEED (the same document, the same PDF bytes)
    from PySide6.QtCore import QBuffer, QIODevice, QUuid
    from PySide6.QtGui import QPdfWriter

    from resdesk.ui.printing.render import prepare_device, render

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Resolution Desk")
    writer.setTitle(flow.meta.symbol or flow.meta.title)
    fingerprint = hashlib.sha256(repr((flow, settings)).encode()).digest()[:16]
    writer.setDocumentId(QUuid(str(uuid.UUID(bytes=fingerprint))))
    prepare_device(writer, settings.paper)
    pages = render(flow, settings, writer)
    del writer  # finishes the PDF
    data = fixed_dates(bytes(buffer.data()), flow.meta.date)
    if not data.rstrip().endswith(b"%%EOF"):
        raise UserError("The PDF could not be made whole, so it was not written.")
    with open(path, "wb") as handle:
        handle.write(data)
    return pages


def fixed_dates(data: bytes, iso_date: str) -> bytes:
    """The PDF with the time of writing replaced by the document's date (same length: offsets stay valid)."""
    day = (iso_date or "2000-01-01").replace("-", "")
    data = _DATE_FIELD.sub(lambda m: m.group(1) + (day + "000000").encode(), data)
    return _XMP_DATE.sub(lambda m: m.group(1) + f"{day[:4]}-{day[4:6]}-{day[6:]}T00:00:00".encode(), data)


def export_pdf(prepared: ExportInput, output: Path) -> int:
    """Write the PDF of a prepared export at `output`; the number of pages."""
    ensure_gui_application()
    flow = print_flow(prepared)
    with atomic_output(output) as temp:
        return write_pdf(flow, settings_from(prepared.options), temp)
