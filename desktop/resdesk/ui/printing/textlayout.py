"""Breaking a Paragraph into lines with QTextLayout, on the exact pitch of UN documents.

Each line is given its own width and position (first-line indent, OP tab,
sub-paragraph markers), and every baseline sits at a fixed distance from the line's top, so
the pitch is exactly `Paragraph.pitch` whatever the fonts inside the line (an italic
phrase, a superscript marker). Positions are in device units (`Units`): laying out
against the very device that will be painted keeps Qt's metrics and the output in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from resdesk.ui.printing.content import Paragraph, Style
from resdesk.ui.printing.fonts import serif
from resdesk.un.page import NOTE_MARK_SIZE

NOTE_MARK_RAISE = 50.0  # a footnote mark's baseline above the line's, in % of the mark's font height
_FONT_HEIGHT = 1.107  # Liberation Serif's ascent and descent, in ems


def mark_raise() -> float:
    """How far (points) a footnote mark's baseline stands above the line's."""
    return NOTE_MARK_SIZE * _FONT_HEIGHT * NOTE_MARK_RAISE / 100


@dataclass(frozen=True)
class Units:
    """Points to device units: `Units(device.logicalDpiY() / 72)`."""

    per_point: float

    def __call__(self, points: float) -> float:
        return points * self.per_point


def char_format(style: Style, size: float, slanted: bool = True) -> QTextCharFormat:
    """The format of a run; in a script that cannot be slanted (Arabic: `Paragraph.slanted`), italics
    print bold."""
    fmt = QTextCharFormat()
    fmt.setFont(serif(size, bold=style.bold or (style.italic and not slanted), italic=style.italic and slanted))
    if style.underline:
        fmt.setFontUnderline(True)
    if style.strike:
        fmt.setFontStrikeOut(True)
    if style.superscript:  # a footnote mark: the UN's 6.5 pt, raised, whatever the text's size
        fmt.setFont(serif(NOTE_MARK_SIZE, bold=style.bold))
        fmt.setBaselineOffset(NOTE_MARK_RAISE)
    if style.color:
        fmt.setForeground(QColor(style.color))
    if style.link:  # Qt's PDF engine writes a link annotation over text with an anchor
        fmt.setAnchor(True)
        fmt.setAnchorHref(style.link)
    return fmt


def baseline_offset(size: float, pitch: float, device) -> float:
    """Points from a line's top to its baseline: the font's height centred in the pitch."""
    metrics = QFontMetricsF(serif(size), device)
    units = device.logicalDpiY() / 72.0
    ascent, descent = metrics.ascent() / units, metrics.descent() / units
    return (pitch - ascent - descent) / 2 + ascent


@dataclass
class LaidParagraph:
    """A paragraph broken into lines; line i's top is `i * pitch` points below the paragraph's top."""

    paragraph: Paragraph
    layout: QTextLayout
    baseline: float  # points from a line's top to its baseline
    left: float  # the column the paragraph was laid out in, in points
    width: float
    line_notes: list[list[str]] = field(default_factory=list)  # footnote ids whose marker is on line i
    line_tags: list[list[tuple[str, str]]] = field(default_factory=list)  # (short name, colour) on line i

    @property
    def line_count(self) -> int:
        return self.layout.lineCount()

    @property
    def pitch(self) -> float:
        return self.paragraph.pitch


def lay_out(paragraph: Paragraph, device, units: Units, left: float, width: float) -> LaidParagraph:
    """Break `paragraph` into lines for a column starting at `left` points, `width` points wide."""
    text = paragraph.text.replace("\n", " ").replace("\t", " ")
    layout = QTextLayout(text, serif(paragraph.size), device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if paragraph.rtl:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    start, end = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    if paragraph.rtl:
        start, end = end, start
    option.setAlignment({"justify": Qt.AlignmentFlag.AlignJustify, "right": end}.get(paragraph.align, start))
    layout.setTextOption(option)
    formats = []
    spans = []  # (start, end, run)
    position = 0
    for run in paragraph.runs:
        end = position + len(run.text)
        spans.append((position, end, run))
        if run.style != Style() and run.text:
            rng = QTextLayout.FormatRange()
            rng.start, rng.length = position, len(run.text)
            rng.format = char_format(run.style, paragraph.size, paragraph.slanted)
            formats.append(rng)
        position = end
    layout.setFormats(formats)
    baseline = baseline_offset(paragraph.size, paragraph.pitch, device)
    laid = LaidParagraph(paragraph, layout, baseline, left, width)
    layout.beginLayout()
    index = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        indent = paragraph.first_indent if index == 0 else paragraph.indent
        line.setLineWidth(units(max(width - indent, 10.0)))
        x = left if paragraph.rtl else left + indent  # right to left: the indent is on the right
        line.setPosition(QPointF(units(x), units(index * paragraph.pitch + baseline) - line.ascent()))
        start, end = line.textStart(), line.textStart() + line.textLength()
        on_line = [run for s, e, run in spans if s < end and e > start or (s == e == start)]
        laid.line_notes.append([run.footnote for run in on_line if run.footnote])
        tags = []
        for run in on_line:
            if run.tag and (run.tag, run.tag_color) not in tags:
                tags.append((run.tag, run.tag_color))
        laid.line_tags.append(tags)
        index += 1
    layout.endLayout()
    return laid
