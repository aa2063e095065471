"""Rendering a Flow onto any paged paint device: QPdfWriter, QPrinter, the print preview's printer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from resdesk.errors import UserError
from resdesk.ui.printing.content import Flow, Paragraph, Table
from resdesk.ui.printing.masthead_layout import masthead
from resdesk.ui.printing.page_geometry import BODY_PITCH, BODY_SIZE, PageGeometry
from resdesk.ui.printing.paginate import TABLE_PADDING, LaidTable, Page, Paginator
from resdesk.ui.printing.painting import PagePainter
from resdesk.ui.printing.textlayout import LaidParagraph, Units, baseline_offset, lay_out

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}


@dataclass(frozen=True)
class PrintSettings:
    """How to print: paper ("letter" or "a4"), margin line numbers, watermark text ("" for none)."""

    paper: str = "letter"
    line_numbers: bool = False
    watermark: str = ""
    emblem: bytes = b""  # the user's image of the UN emblem for page 1 (b"": none)


def prepare_device(device, paper: str) -> None:
    """Set the paper size and paint from the paper's corner (our own margins are in the layout)."""
    layout = QPageLayout(QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Point)
    device.setPageLayout(layout)
    if isinstance(device, QPrinter):
        device.setFullPage(True)


def device_geometry(device) -> PageGeometry:
    rect = device.pageLayout().fullRectPoints()
    return PageGeometry(float(rect.width()), float(rect.height()), baseline_offset(BODY_SIZE, BODY_PITCH, device))


def lay_out_table(table: Table, device, units: Units, geometry: PageGeometry) -> LaidTable:
    columns = max((len(row) for row in table.rows), default=1)
    width = geometry.column_width / columns
    lefts = [geometry.column_left + i * width for i in range(columns)]
    rows, heights = [], []
    for row in table.rows:
        cells = [lay_out(cell, device, units, lefts[i] + TABLE_PADDING, width - 2 * TABLE_PADDING)
                 for i, cell in enumerate(row)]
        rows.append(cells)
        heights.append(max((c.line_count * c.pitch for c in cells), default=0.0) + 2 * TABLE_PADDING)
    return LaidTable(rows, heights, lefts, width, table.space_after)


def paginate(flow: Flow, device, geometry: PageGeometry, first_top: float) -> list[Page]:
    units = Units(device.logicalDpiY() / 72.0)
    column = (geometry.column_left, geometry.column_width)
    items: list[LaidParagraph | LaidTable] = []
    for item in flow.items:
        if isinstance(item, Paragraph):
            items.append(lay_out(item, device, units, *column))
        else:
            items.append(lay_out_table(item, device, units, geometry))
    notes = {note_id: lay_out(note, device, units, *column) for note_id, note in flow.footnotes.items()}
    return Paginator(geometry, first_top, geometry.body_top, notes).run(items)


def render(flow: Flow, settings: PrintSettings, device) -> int:
    """Paint `flow` on `device` (whose paper size is already set); the number of pages painted."""
    if isinstance(device, QPrinter):
        device.setFullPage(True)  # our coordinates start at the paper's corner, whatever the printer's margins
    geometry = device_geometry(device)
    painter = QPainter()
    if not painter.begin(device):
        raise UserError("The printer or PDF file cannot be written to.")
    try:
        page_painter = PagePainter(painter, device, geometry, flow, line_numbers=settings.line_numbers,
                                   watermark=settings.watermark, emblem=settings.emblem)
        ops, first_top = masthead(flow.meta, geometry, page_painter.measure, page_painter.wrap)
        pages = paginate(flow, device, geometry, first_top)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            page_painter.paint_page(page, number, len(pages), ops)
    finally:
        painter.end()
    return len(pages)
