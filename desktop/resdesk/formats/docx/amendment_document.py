"""The amendment document in Word (`resdesk.views.amendment_document`): the masthead (with the session block), the
sponsors line (H1), the draft's title (HMTitle), then the instructions as operative paragraphs are set: the
number, a tab, the text (SingleTxt); a lone instruction unnumbered."""

from __future__ import annotations

from lxml import etree

from resdesk.formats.docx import layout
from resdesk.formats.docx.body import Progress
from resdesk.formats.docx.clean import finish, new_word_document
from resdesk.formats.docx.oxml import el, paragraph_properties, run
from resdesk.model.document import Document
from resdesk.views.export_input import ExportInput


def _paragraph(style: str, text: str) -> etree._Element:
    return el("p", paragraph_properties(style), run(text))


def render_amendment_document(prepared: ExportInput, *, progress: Progress | None = None) -> bytes:
    """The .docx bytes of the amendment document of a prepared export."""
    book = prepared.amendment_document
    page = prepared.options.page
    document = Document(meta=book.meta)
    word, ctx = new_word_document(document, page, prepared.options.emblem)
    elements = [*layout.masthead(book.meta, page, ctx),  # the session block stands in it
                _paragraph("H1", book.sponsors_line), _paragraph("HMTitle", book.title)]
    total = len(book.instructions)
    for done, item in enumerate(book.instructions, start=1):
        elements.append(_paragraph("SingleTxt", f"{item.number}\t{item.text}" if item.number else item.text))
        if progress is not None:
            progress(done, total)
    return finish(word, document, ctx, elements, author=prepared.author)
