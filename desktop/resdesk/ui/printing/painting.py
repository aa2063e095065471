"""Painting laid-out pages with QPainter: masthead, running headers and footers, body lines,
labels, footnotes, margin line numbers and change tags, the watermark.

Coordinates come in points and are converted to device units here, so the same code
paints a QPdfWriter, a QPrinter and the print preview's printer.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen

from resdesk.ui.printing.content import Flow
from resdesk.ui.printing.fonts import serif
from resdesk.ui.printing.masthead_layout import HRule, Text
from resdesk.ui.printing.page_geometry import PageGeometry
from resdesk.ui.printing.paginate import Page, PlacedLine
from resdesk.ui.printing.textlayout import Units, char_format, mark_raise
from resdesk.un import code39
from resdesk.un import masthead as words
from resdesk.un import page as un
from resdesk.un.address import qr_modules
from resdesk.un.languages import is_rtl

HEADER_SIZE, JOB_SIZE, LINE_NUMBER_SIZE, TAG_SIZE = un.RUNNING_HEAD_SIZE, un.JOB_SIZE, 7.0, 7.0
LINE_NUMBER_GAP = 10.0  # from the right end of a line number to the column's left edge
TAG_GAP = 8.0  # from the column's right edge to a change tag
FLAG_BAR_GAP = 5.0  # from a flag's bar (beside a flagged paragraph's lines) to the column's left edge
FLAG_BAR_WIDTH = 2.0
WATERMARK_SIZE = 44.0
WATERMARK_COLOR = QColor(205, 205, 205)


class PagePainter:
    def __init__(self, painter: QPainter, device, geometry: PageGeometry, flow: Flow, *,
                 line_numbers: bool, watermark: str, emblem: bytes = b""):
        self.painter = painter
        self.device = device
        self.units = Units(device.logicalDpiY() / 72.0)
        self.geometry = geometry
        self.flow = flow
        self.line_numbers = line_numbers
        self.watermark = watermark
        self.emblem = emblem

    # -- primitives ---------------------------------------------------------------------------

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        metrics = QFontMetricsF(serif(size, bold=bold), self.device)
        return metrics.horizontalAdvance(text) / self.units.per_point

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if current and self.measure(candidate, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        return lines

    def text(self, x: float, baseline: float, text: str, size: float, *, bold: bool = False,
             italic: bool = False, color: str = "") -> None:
        u = self.units
        self.painter.setFont(serif(size, bold=bold, italic=italic))
        self.painter.setPen(QColor(color) if color else QColor(Qt.GlobalColor.black))
        self.painter.drawText(QPointF(u(x), u(baseline)), text)

    def text_right(self, right: float, baseline: float, text: str, size: float, *, bold: bool = False,
                   color: str = "") -> None:
        self.text(right - self.measure(text, size, bold), baseline, text, size, bold=bold, color=color)

    def rule(self, x1: float, y1: float, x2: float, y2: float, width: float) -> None:
        u = self.units
        pen = QPen(QColor(Qt.GlobalColor.black))
        pen.setWidthF(u(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.painter.setPen(pen)
        self.painter.drawLine(QLineF(u(x1), u(y1), u(x2), u(y2)))

    # -- page parts ---------------------------------------------------------------------------

    def paint_watermark(self) -> None:
        u, g = self.units, self.geometry
        painter = self.painter
        painter.save()
        painter.translate(u(g.width / 2), u(g.height / 2))
        painter.rotate(-math.degrees(math.atan2(g.height, g.width)))
        width = self.measure(self.watermark, WATERMARK_SIZE, True)
        self.text(-width / 2, WATERMARK_SIZE / 3, self.watermark, WATERMARK_SIZE, bold=True,
                  color=WATERMARK_COLOR.name())
        painter.restore()

    def paint_masthead(self, ops: list[Text | HRule]) -> None:
        for op in ops:
            if isinstance(op, HRule):
                self.rule(op.x1, op.y, op.x2, op.y, op.width)
            else:
                self.text(op.x, op.y, op.text, op.size, bold=op.bold)

    def paint_emblem(self) -> None:
        """The user's emblem image left of the organ (right of it in a mirrored masthead); nothing without one."""
        image = QImage.fromData(self.emblem) if self.emblem else QImage()
        if image.isNull():
            return
        u = self.units
        left, top, width, height = un.emblem_box((image.width(), image.height()), self.geometry.width,
                                                 mirrored=is_rtl(self.flow.meta.language))
        self.painter.drawImage(QRectF(u(left), u(top), u(width), u(height)), image)

    def paint_header_footer(self, number: int, total: int) -> None:
        """Pages 2…: symbol above a thin rule (left on even pages, right on odd ones); "n/N" on
        the outer side of the foot, the job number on the inner side."""
        g = self.geometry
        meta = self.flow.meta
        even = number % 2 == 0
        if meta.symbol:
            if even:
                self.text(g.margin_left, un.RUNNING_HEAD_BASELINE, meta.symbol, HEADER_SIZE, bold=True)
            else:
                self.text_right(g.margin_right, un.RUNNING_HEAD_BASELINE, meta.symbol, HEADER_SIZE, bold=True)
        self.rule(g.margin_left, un.THIN_RULE, g.margin_right, un.THIN_RULE, un.THIN_RULE_WIDTH)
        folio = f"{number}/{total}"
        job = meta.job_number
        if even:
            self.text(g.margin_left, g.footer_baseline, folio, HEADER_SIZE, bold=True)
            if job:
                self.text_right(g.margin_right, g.footer_baseline, job, JOB_SIZE)
        else:
            self.text_right(g.margin_right, g.footer_baseline, folio, HEADER_SIZE, bold=True)
            if job:
                self.text(g.margin_left, g.footer_baseline, job, JOB_SIZE)

    def paint_first_footer(self) -> None:
        """Page 1's foot: "13-49218 (E)    011013" in 10 pt and the job number in Code 39 under it; the QR code and
        "Please recycle ♲" at its right."""
        meta, g = self.flow.meta, self.geometry
        self.paint_qr_code()
        right, baseline = un.recycle_place(g.width, g.height)
        self.text_right(right, baseline, words.recycle_line(meta.language), un.RECYCLE_SIZE)
        line = words.job_line(meta.job_number, meta.language, meta.date)
        if not line:
            return
        self.text(g.margin_left, g.from_bottom(un.FIRST_FOOTER_BASELINE_FROM_BOTTOM), line, un.FIRST_FOOTER_SIZE)
        u, text = self.units, code39.job_barcode_text(meta.job_number)
        left, top, _, height = un.barcode_box(code39.width(text), g.height)
        for start, width in code39.bars(text):
            rect = QRectF(u(left + start * un.BARCODE_MODULE), u(top), u(width * un.BARCODE_MODULE), u(height))
            self.painter.fillRect(rect, QColor(Qt.GlobalColor.black))

    def paint_qr_code(self) -> None:
        """The QR code of the document's address at the foot's right (none without a symbol): a square a module."""
        modules = qr_modules(self.flow.meta.symbol)
        if not modules:
            return
        g, u = self.geometry, self.units
        left, top, size, _ = un.qr_box(g.width, g.height)
        module = size / len(modules)
        for row, dark_modules in enumerate(modules):
            for column, dark in enumerate(dark_modules):
                if dark:
                    rect = QRectF(u(left + column * module), u(top + row * module), u(module), u(module))
                    self.painter.fillRect(rect, QColor(Qt.GlobalColor.black))

    def paint_line(self, line: PlacedLine) -> None:
        u = self.units
        laid = line.laid
        self.painter.setPen(QColor(Qt.GlobalColor.black))  # text without a colour of its own is drawn in the pen's
        laid.layout.lineAt(line.index).draw(self.painter, QPointF(0, u(line.paragraph_top)))
        paragraph = laid.paragraph
        if line.index == 0 and paragraph.label:
            style = paragraph.label_style
            font = char_format(style, paragraph.size).font()
            self.painter.setFont(font)
            self.painter.setPen(QColor(style.color) if style.color else QColor(Qt.GlobalColor.black))
            x = laid.left + paragraph.label_at
            if paragraph.rtl:
                x = laid.left + laid.width - paragraph.label_at - self.measure(paragraph.label, paragraph.size)
            raised = mark_raise() if style.superscript else 0.0
            self.painter.drawText(QPointF(u(x), u(line.baseline - raised)), paragraph.label)
        if paragraph.flag:
            self.paint_flag(line)
        tags = laid.line_tags[line.index]
        x = self.geometry.column_right + TAG_GAP
        for short_name, color in tags:
            self.text(x, line.baseline, short_name, TAG_SIZE, bold=True, color=color)
            x += self.measure(short_name + " ", TAG_SIZE, True)

    def paint_flag(self, line: PlacedLine) -> None:
        """A flagged paragraph ("collision"): a bar beside each of its lines, its flag in the left margin beside
        the first one (clear of the margin line numbers)."""
        paragraph = line.laid.paragraph
        color = QColor(paragraph.flag_color) if paragraph.flag_color else QColor(Qt.GlobalColor.black)
        u, x = self.units, self.geometry.column_left - FLAG_BAR_GAP
        self.painter.fillRect(QRectF(u(x - FLAG_BAR_WIDTH), u(line.top), u(FLAG_BAR_WIDTH), u(line.laid.pitch)), color)
        if line.index == 0:
            self.text(self.geometry.margin_left, line.baseline, paragraph.flag, TAG_SIZE, bold=True,
                      color=color.name())

    def paint_page(self, page: Page, number: int, total: int, masthead_ops: list[Text | HRule]) -> None:
        if self.watermark:
            self.paint_watermark()
        if number == 1:
            self.paint_masthead(masthead_ops)
            self.paint_emblem()
            self.paint_first_footer()
        else:
            self.paint_header_footer(number, total)
        counted = 0
        for line in page.lines:
            self.paint_line(line)
            if self.line_numbers and line.numbered:
                counted += 1
                self.text_right(self.geometry.column_left - LINE_NUMBER_GAP, line.baseline, str(counted),
                                LINE_NUMBER_SIZE)
        for rule in page.rules:
            self.rule(rule.x1, rule.y1, rule.x2, rule.y2, rule.width)
        for note in page.notes:
            for index in range(note.laid.line_count):
                self.paint_line(PlacedLine(note.laid, index, note.top + index * note.laid.pitch, False))
