"""The amendment document, once for the Word and the PDF exporter: delegations' amendments to a draft, as
the UN issues them when talks end without consensus ("Amendments to draft resolution A/C.3/78/L.40",
issued as A/C.3/78/L.61).

Its masthead is a document of the same committee: its own symbol when the Secretariat has given one,
"Distr.: Limited", the date of the latest amendment it lists (a date from the file, so the same file gives
the same bytes), "Original: English"; then the draft's session block, the sponsors line ("Brazil and Chile:
amendments to draft resolution A/C.3/68/L.5"), the draft's title, and the instructions numbered 1, 2, 3 in the
order of the paragraphs they amend (`resdesk.amend.voting.text_position`; a sub-amendment right after the
amendment it amends), each as the amendment list words it (`resdesk.amend.instructions`), with the quoted new
text complete, closed by a full stop. A single amendment is "amendment to draft resolution …" and, as a lone
paragraph in UN documents, unnumbered. It is written in English, the language of our instructions. Both
renderers show exactly these things; only the typography is theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.amend.anchors import TextIndex, proposal_labels
from resdesk.amend.instructions import instruction
from resdesk.amend.voting import text_position
from resdesk.errors import UserError
from resdesk.model.amendment import Amendment
from resdesk.model.document import Document, Meta
from resdesk.un.markers import operative_number
from resdesk.un.sponsors import amendments_line

LANGUAGE = "en"


@dataclass
class Instruction:
    number: str     # "1." ("" for a lone amendment)
    text: str       # the instruction, closed by a full stop
    amendment: str  # its id


@dataclass
class AmendmentDocument:
    meta: Meta            # the masthead and session block of the amendment document
    sponsors_line: str
    title: str            # the draft's
    instructions: list[Instruction]


def check_draft(document: Document) -> None:
    """An amendment document names the draft it amends by its symbol: a UserError when it has none."""
    if not document.meta.symbol:
        raise UserError("An amendment document names the draft it amends by its symbol, and this one has none; set "
                        "it first (resdesk meta DOC --set symbol=A/C.3/68/L.5).")


def amendment_document(document: Document, chosen: list[Amendment], amendments: list[Amendment],
                       sponsors: list[str], symbol: str = "") -> AmendmentDocument:
    """The amendment document of `sponsors` listing `chosen` (of the version's `amendments`, which name the
    amendments sub-amendments amend and count the labels), against `document`, the draft; `symbol` is its own."""
    check_draft(document)
    index = TextIndex.of(document)
    labels = proposal_labels(index, amendments)
    by_id = {a.id: a for a in amendments}
    ordered = sorted(chosen, key=lambda a: (text_position(index, a, by_id), a.number))
    several = len(ordered) != 1
    instructions = [
        Instruction(operative_number(number, LANGUAGE) if several else "",
                    instruction(index, a, by_id.get(a.amends), labels.get(a.amends, "")) + ".", a.id)
        for number, a in enumerate(ordered, start=1)]
    draft = document.meta
    meta = Meta(symbol=symbol, organ=draft.organ, committee=draft.committee, session=draft.session,
                agenda_item=draft.agenda_item, agenda_title=draft.agenda_title, distribution="Limited",
                date=max((a.created[:10] for a in chosen if a.created), default=draft.date),
                original_language=LANGUAGE, language=LANGUAGE, title=draft.title)
    return AmendmentDocument(meta, amendments_line(sponsors, draft.symbol, len(ordered)), draft.title, instructions)
