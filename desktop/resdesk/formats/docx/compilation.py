"""The compilation text: the facilitator's working document.

Each paragraph of the version with its label, then every proposal on it with its
delegation and status ("OP3 bis [Brazil]: …", "[Canada: delete]", "OP15 alt 1
[Mexico]: …"); text not yet agreed stands in [square brackets]; a closing table
lists the amendments by delegation and status. Built from THE markup view.
"""

from __future__ import annotations

from lxml import etree

from resdesk.amend.filters import AmendmentFilter
from resdesk.formats.docx.body import Progress, table_element
from resdesk.formats.docx.clean import finish, new_word_document, opening_matter
from resdesk.formats.docx.inline import inline_runs
from resdesk.formats.docx.oxml import el, paragraph_properties, run, run_properties
from resdesk.model.amendment import (
    AGREED,
    ALTERNATIVE,
    DELETE_BLOCK,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    STATUSES,
    Amendment,
)
from resdesk.model.document import TABLE, Cell, Document
from resdesk.views.markup import ALTERNATIVE_TEXT, DELETED, INSERTED, MOVED_FROM, MOVED_TO, NORMAL, markup

STATUS_WORDS = {"agreed-ad-ref": "agreed ad ref"}


def bracketed(text: str, amendment: Amendment) -> str:
    """Text not yet agreed stands in square brackets."""
    return text if amendment.status == AGREED else f"[{text}]"


def tag(amendment: Amendment) -> str:
    """"[Brazil]", "[Brazil, agreed ad ref]", "[Brazil, Chile]" (co-sponsors follow the author)."""
    names = ", ".join(amendment.sponsors())
    status = "" if amendment.status == "proposed" else f", {STATUS_WORDS.get(amendment.status, amendment.status)}"
    return f"[{names}{status}]"


def replacement_text(block_text: str, amendment: Amendment) -> str:
    """The paragraph with one word-level proposal applied, the new words bracketed unless agreed."""
    new = bracketed(amendment.new, amendment) if amendment.new else ""
    return block_text[: amendment.start] + new + block_text[amendment.end:]


def proposal_line(amendment: Amendment, label: str, block_text: str, labels: dict[str, str],
                  anchor_labels: dict[str, str]) -> str:
    if amendment.kind == REPLACE:
        if not amendment.new:
            return f"{label} {tag(amendment)}: delete “{amendment.old}”"
        return f"{label} {tag(amendment)}: {replacement_text(block_text, amendment)}"
    if amendment.kind == DELETE_BLOCK:
        return f"[{', '.join(amendment.sponsors())}: delete]"
    if amendment.kind == MOVE_BLOCK:
        where = anchor_labels.get(amendment.after, "another paragraph")
        return f"[{', '.join(amendment.sponsors())}: move after {where}]"
    if amendment.kind == ALTERNATIVE:
        return f"{labels.get(amendment.id, label)} {tag(amendment)}: {bracketed(amendment.new, amendment)}"
    if amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
        return f"{labels.get(amendment.id, label)} {tag(amendment)}: {bracketed(amendment.new_block.text, amendment)}"
    return f"{label} {tag(amendment)}"


def _paragraph(ctx, text: str, *, label: str = "", bold_label: bool = True, style: str = "SingleTxt",
               indent: bool = False) -> etree._Element:
    ppr = paragraph_properties(style, el("bidi") if ctx.rtl else None,
                               el("ind", left=2218, hanging=950) if indent else None)
    paragraph = el("p", ppr)
    if label:
        paragraph.append(run(label + "\t", run_properties(bold=bold_label, rtl=ctx.rtl, cs=ctx.rtl)))
    paragraph.extend(inline_runs(ctx, text, []))
    return paragraph


def summary_rows(amendments: list[Amendment], labels: dict[str, str]) -> list[list[Cell]]:
    rows = [[Cell(title, header=True) for title in ("Delegation", "Paragraph", "Proposal", "Status")]]
    kinds = {REPLACE: "change words", INSERT_BLOCK: "new paragraph", DELETE_BLOCK: "delete", MOVE_BLOCK: "move",
             ALTERNATIVE: "alternative"}
    order = {status: index for index, status in enumerate(STATUSES)}
    for amendment in sorted(amendments, key=lambda a: (a.author, order.get(a.status, 99), a.number)):
        rows.append([Cell(amendment.author), Cell(labels.get(amendment.id, "")), Cell(kinds.get(amendment.kind, "")),
                     Cell(STATUS_WORDS.get(amendment.status, amendment.status))])
    return rows


def render_compilation(base: Document, items: list[Amendment], selection: AmendmentFilter, *, page: str = "letter",
                       author: str = "", progress: Progress | None = None) -> bytes:
    """The .docx bytes of the compilation text of `base` with the amendments `selection` keeps."""
    view = markup(base, items, selection)
    word, ctx = new_word_document(base, page)
    elements = opening_matter(base, ctx, page)
    elements.append(_paragraph(ctx, "Compilation text: each paragraph with the proposals on it. Text not yet agreed "
                                    "is in [square brackets].", style="H23"))
    anchor_labels = {record.id: record.label for record in view.blocks}
    total = len(view.blocks)
    for done, record in enumerate(view.blocks, start=1):
        block = record.block
        if record.state in (NORMAL, DELETED, MOVED_FROM):
            if block.kind == TABLE:
                elements.append(table_element(ctx, block.rows, page))
            else:
                paragraph = _paragraph(ctx, "", label=record.label or "")
                paragraph.extend(inline_runs(ctx, block.text, block.marks))
                elements.append(paragraph)
            for ident in record.amendments():
                amendment = view.amendments[ident]
                if amendment.kind in (ALTERNATIVE, INSERT_BLOCK):
                    continue
                line = proposal_line(amendment, record.label, block.text, view.labels, anchor_labels)
                elements.append(_paragraph(ctx, line, indent=True))
        elif record.state in (INSERTED, ALTERNATIVE_TEXT):
            amendment = view.amendments[record.amendment]
            elements.append(_paragraph(ctx, proposal_line(amendment, record.label, block.text, view.labels,
                                                          anchor_labels), indent=True))
        elif record.state == MOVED_TO:
            amendment = view.amendments[record.amendment]
            names = ", ".join(amendment.sponsors())
            elements.append(_paragraph(ctx, f"[{names}: {record.label} moved here] {bracketed(block.text, amendment)}",
                                       indent=True))
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total)
    shown = [view.amendments[i] for i in sorted(view.amendments, key=lambda i: view.amendments[i].number)]
    elements.append(_paragraph(ctx, "Amendments by delegation and status", style="H1"))
    elements.append(table_element(ctx, summary_rows(shown, view.labels), page))
    return finish(word, base, ctx, elements, author=author)
