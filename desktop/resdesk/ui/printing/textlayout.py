"""Breaking a Paragraph into lines with QTextLayout, on the exact pitch of UN documents.

Each line is given its own width and position (first-line indent, OP tab,
sub-paragraph markers), and every baseline sits at a fixed distance from the line's top, so
the pitch is exactly `Paragraph.pitch` whatever the fonts inside the line (an italic
phrase, a superscript marker). Positions are in device units (`Units`): laying out
against the very device that will be painted keeps Qt's metrics and the output in step.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from resdesk.ui.printing.content import Paragraph, Run, Style
from resdesk.ui.printing.fonts import serif
from resdesk.un.languages import LATIN, Script, script_runs
from resdesk.un.page import NOTE_MARK_SIZE

NO_BREAK_SPACE, NO_BREAK_HYPHEN = "\u00a0", "\u2011"

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


def char_format(style: Style, size: float, script: Script = LATIN) -> QTextCharFormat:
    """The format of a run of one script, in that script's face (`fonts.serif`)."""
    fmt = QTextCharFormat()
    fmt.setFont(serif(size, bold=style.bold, italic=style.italic, script=script))
    if style.underline:
        fmt.setFontUnderline(True)
    if style.strike:
        fmt.setFontStrikeOut(True)
    if style.superscript:  # a footnote mark: the UN's 6.5 pt, raised, whatever the text's size
        fmt.setFont(serif(NOTE_MARK_SIZE, bold=style.bold, script=script))
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


def _runs_between(spans: list[tuple[int, int, Run]], ends: list[int], start: int, end: int) -> list[Run]:
    """The runs on the line [start, end): overlapping it, or empty and at its start (a footnote marker).
    Found by bisection in the runs in text order: a scan of every run for every line was quadratic."""
    found = []
    for index in range(bisect.bisect_left(ends, start), len(spans)):
        s, e, run = spans[index]
        if s >= end and s != start:
            break
        if s < end and e > start or s == e == start:
            found.append(run)
    return found


def lay_out(paragraph: Paragraph, device, units: Units, left: float, width: float) -> LaidParagraph:
    """Break `paragraph` into lines for a column starting at `left` points, `width` points wide."""
    text = paragraph.text.replace("\n", " ").replace("\t", " ")
    spans = []  # (start, end, run)
    position = 0
    for run in paragraph.runs:
        spans.append((position, position + len(run.text), run))
        position += len(run.text)
    formats = _formats(paragraph, spans)
    ends = [e for _s, e, _run in spans]
    baseline = baseline_offset(paragraph.size, paragraph.pitch, device)
    widths = [units(max(width - indent, 10.0)) for indent in (paragraph.first_indent, paragraph.indent)]
    layout = _layout(text, paragraph, device, formats, paragraph.align)
    _place_lines(layout, paragraph, units, left, baseline, widths)
    if NO_BREAK_HYPHEN in text or (paragraph.align == "justify" and NO_BREAK_SPACE in text):
        layout = _relaid(text, paragraph, device, formats, layout, units, left, baseline, widths)
    laid = LaidParagraph(paragraph, layout, baseline, left, width)
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        start, end = line.textStart(), line.textStart() + line.textLength()
        on_line = _runs_between(spans, ends, start, end)
        laid.line_notes.append([run.footnote for run in on_line if run.footnote])
        tags = []
        for run in on_line:
            if run.tag and (run.tag, run.tag_color) not in tags:
                tags.append((run.tag, run.tag_color))
        laid.line_tags.append(tags)
    return laid


def _formats(paragraph: Paragraph, spans) -> list:
    """The format ranges of the runs: each styled run, and each stretch of another script than Latin, in the face
    of its script (the layout's own font is the Latin one)."""
    formats = []
    for start, _, run in spans:
        for begin, end, script in script_runs(run.text):
            if run.style == Style() and script is LATIN:
                continue
            rng = QTextLayout.FormatRange()
            rng.start, rng.length = start + begin, end - begin
            rng.format = char_format(run.style, paragraph.size, script)
            formats.append(rng)
    return formats


def _layout(text: str, paragraph: Paragraph, device, formats: list, align: str) -> QTextLayout:
    layout = QTextLayout(text, serif(paragraph.size), device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if paragraph.rtl:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    start, end = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    if paragraph.rtl:
        start, end = end, start
    option.setAlignment({"justify": Qt.AlignmentFlag.AlignJustify, "right": end}.get(align, start))
    layout.setTextOption(option)
    layout.setFormats(formats)
    return layout


def _place_lines(layout: QTextLayout, paragraph: Paragraph, units: Units, left: float, baseline: float,
                 widths: list[float]) -> None:
    """Lay out the lines of `layout`, the first `widths[0]` device units wide and the others `widths[1]`, each on
    the paragraph's pitch."""
    layout.beginLayout()
    index = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(widths[min(index, 1)])
        indent = paragraph.first_indent if index == 0 else paragraph.indent
        x = left if paragraph.rtl else left + indent  # right to left: the indent is on the right
        line.setPosition(QPointF(units(x), units(index * paragraph.pitch + baseline) - line.ascent()))
        index += 1
    layout.endLayout()


#: Ends a line where Qt broke it (the space that ended it is not drawn either way).
_LINE_SEPARATOR = "\u2028"
#: What a justified line is left short of its width, in device units, so that it still holds what it held.
_SLACK = 0.5


def _relaid(text: str, paragraph: Paragraph, device, formats: list, broken: QTextLayout, units: Units,
            left: float, baseline: float, widths: list[float]) -> QTextLayout:
    """The lines of `broken` laid out again, with their breaks, the way Word and LibreOffice set them: justified by
    widening their spaces alone (Qt widens no-break spaces too, and a text layer then reads "19\u00a0 November",
    a gap after the no-break space), and no-break hyphens drawn as the hyphen of the run's own face (the serif
    faces have no U+2011 glyph; Qt took it from another face). The space that ends a line becomes a line
    separator, so the lines end where Qt broke them; should they come out otherwise all the same, `broken` is
    kept."""
    shown = list(text.replace(NO_BREAK_HYPHEN, "-"))
    for index in range(broken.lineCount() - 1):
        line = broken.lineAt(index)
        end = line.textStart() + line.textLength() - 1
        if shown[end] == " ":
            shown[end] = _LINE_SEPARATOR
    shown = "".join(shown)
    justify = paragraph.align == "justify"
    align = "left" if justify else paragraph.align
    spacing = _word_spacing(shown, paragraph, device, formats, units, left, baseline, widths) if justify else []
    relaid = _layout(shown, paragraph, device, [*formats, *spacing], align)
    _place_lines(relaid, paragraph, units, left, baseline, widths)
    return relaid if _breaks(relaid) == _breaks(broken) else broken


def _word_spacing(shown: str, paragraph: Paragraph, device, formats: list, units: Units, left: float,
                  baseline: float, widths: list[float]) -> list:
    """Format ranges that widen the spaces (U+0020 alone) of every line but the last to fill the line."""
    natural = _layout(shown, paragraph, device, formats, "left")
    _place_lines(natural, paragraph, units, left, baseline, widths)
    spacing = []
    for index in range(natural.lineCount() - 1):
        line = natural.lineAt(index)
        start = line.textStart()
        content = shown[start:start + line.textLength()].rstrip(" " + _LINE_SEPARATOR)
        spaces = [start + offset for offset, char in enumerate(content) if char == " "]
        extra = widths[min(index, 1)] - line.naturalTextWidth() - _SLACK
        if not spaces or extra <= 0:
            continue
        for at in spaces:
            rng = QTextLayout.FormatRange()
            rng.start, rng.length = at, 1
            rng.format = QTextCharFormat()
            rng.format.setFontWordSpacing(extra / len(spaces))
            spacing.append(rng)
    return spacing


def _breaks(layout: QTextLayout) -> list[tuple[int, int]]:
    return [(layout.lineAt(i).textStart(), layout.lineAt(i).textLength()) for i in range(layout.lineCount())]
