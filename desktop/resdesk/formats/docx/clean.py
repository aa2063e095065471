"""The clean export: one version of the text as a UN "L." document."""

from __future__ import annotations

from resdesk.formats.docx import layout
from resdesk.formats.docx.body import (
    BlockWriter,
    Progress,
    annex_title,
    closing,
    footnotes_element,
    front_matter,
)
from resdesk.formats.docx.inline import RunContext
from resdesk.formats.docx.oxml import el, w
from resdesk.formats.docx.package import (
    FOOTNOTES_CT,
    add_xml_part,
    deterministic_bytes,
    open_template,
    set_custom_properties,
    set_properties,
    stamp,
)
from resdesk.model.document import TABLE, Document
from resdesk.un.languages import code_of, is_rtl, language
from resdesk.un.markers import footnote_marker_brackets
from resdesk.un.phrases import opening_emphasis

SPONSORS_PROPERTY = "Sponsors"
ADOPTION_DATE_PROPERTY = "AdoptionDate"
COMMITTEE_PROPERTY = "Committee"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def set_language(word, code: str) -> None:
    """Tag the text's language in the document defaults (spelling, hyphenation, and the font Word picks
    for ambiguous characters: Chinese punctuation then uses the East Asian font)."""
    lang = word.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if not code_of(code) or lang is None:
        return
    conventions = language(code)
    lang.set(w("val"), conventions.word_tag)
    slot = {"eastAsia": "eastAsia", "cs": "bidi"}.get(conventions.word_slot)
    if slot:
        lang.set(w(slot), conventions.word_tag)


def new_word_document(document: Document, page: str, emblem: bytes = b""):
    """The template with the page and the running headers/footers set up (`emblem`: the user's image of the UN
    emblem for page 1, PNG or JPEG bytes, b"" for none), an empty body, and its run context."""
    word = open_template()
    set_language(word, document.meta.language)
    layout.setup_section(word, document.meta, page, emblem)
    language = document.meta.language
    ctx = RunContext(part=word.part, rtl=is_rtl(language), opening=opening_emphasis(language),
                     brackets=footnote_marker_brackets(language))
    return word, ctx


def opening_matter(document: Document, ctx: RunContext, page: str) -> list:
    meta = document.meta
    return [*layout.masthead(meta, page, ctx), *front_matter(document, ctx)]


def finish(word, document: Document, ctx: RunContext, elements: list, *, author: str,
           footnote_runs=None) -> bytes:
    """Put `elements` in the body before the section properties, add footnotes (`footnote_runs`: see
    `footnotes_element`) and properties, save."""
    body = word.element.body
    section = body[-1]
    for element in elements:
        section.addprevious(element)
    if ctx.footnote_order:
        add_xml_part(word, "/word/footnotes.xml", FOOTNOTES_CT, FOOTNOTES_RT,
                     footnotes_element(ctx, document.footnotes, footnote_runs))
        settings = word.settings.element
        footnote_pr = el("footnotePr", el("footnote", id=-1), el("footnote", id=0))
        compat = settings.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}compat")
        compat.addprevious(footnote_pr)
    when = stamp(document.meta.date)
    set_properties(word, title=document.meta.title, author=author, when=when, language=document.meta.language)
    meta = document.meta
    # What an A/RES does not print (sponsors; the committee, but in its report line) or prints in words (its
    # date of adoption), kept for our import.
    hidden = {SPONSORS_PROPERTY: "; ".join(meta.sponsors) if meta.adopted else "",
              ADOPTION_DATE_PROPERTY: meta.adoption_date,
              COMMITTEE_PROPERTY: meta.committee if meta.report_line else ""}
    if any(hidden.values()):
        set_custom_properties(word, {name: value for name, value in hidden.items() if value})
    return deterministic_bytes(word, when)


def render_clean(document: Document, *, page: str = "letter", author: str = "",
                 progress: Progress | None = None, emblem: bytes = b"") -> bytes:
    """The .docx bytes of `document` in UN layout (`emblem`: see `new_word_document`)."""
    word, ctx = new_word_document(document, page, emblem)
    elements = opening_matter(document, ctx, page)
    total = len(document.all_blocks())
    done = 0
    texts = [(None, document.blocks)] + [(annex, annex.blocks) for annex in document.annexes]
    for annex, blocks in texts:
        if annex is not None:
            elements.append(annex_title(annex.title, ctx.rtl, document.meta.language))
        writer = BlockWriter(ctx, blocks, document.meta.language)
        for block in blocks:
            if block.kind == TABLE:
                elements.append(writer.table(block, page))
            else:
                elements.append(writer.paragraph(block, writer.block_runs(block)))
            done += 1
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        if annex is None:
            elements += closing(document.meta, ctx)
    return finish(word, document, ctx, elements, author=author)
