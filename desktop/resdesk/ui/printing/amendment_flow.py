"""The amendment document as printed (`resdesk.views.amendment_document`), as the Word file shows it: the
masthead and session block (from its Meta), the sponsors line, the draft's title, then the instructions laid
out as operative paragraphs (the number at the first-line indent, the text at the OP tab); a lone one
unnumbered."""

from __future__ import annotations

from resdesk.ui.printing.content import Flow, Paragraph, Run, sponsors_paragraph, title_paragraph
from resdesk.ui.printing.page_geometry import OP_TEXT, PP_INDENT
from resdesk.views.export_input import ExportInput


def amendment_flow(prepared: ExportInput) -> Flow:
    book = prepared.amendment_document
    items = [sponsors_paragraph(book.sponsors_line), title_paragraph(book.title)]
    for item in book.instructions:
        if item.number:
            items.append(Paragraph([Run(item.text)], first_indent=OP_TEXT, label=item.number, label_at=PP_INDENT))
        else:
            items.append(Paragraph([Run(item.text)], first_indent=PP_INDENT))
    return Flow(book.meta, items)
