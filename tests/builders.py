"""Small documents built in code, for tests that do not need an importer."""

from __future__ import annotations

from resdesk.model.document import (
    FORMULA,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    Annex,
    Block,
    Document,
    Footnote,
    Meta,
)
from resdesk.text.inline import FOOTNOTE, ITALIC, LINK, Mark


def small_document() -> Document:
    """Two PPs (one with a footnote and a link), two OPs, the second with two sub-paragraphs, an annex."""
    pp2_text = "Recalling its resolution 66/171 of 19 December 2011,"
    return Document(
        meta=Meta(symbol="A/C.3/68/L.5", committee="Third Committee", session="Sixty-eighth session",
                  agenda_item="108", agenda_title="Crime prevention and criminal justice",
                  distribution="Limited", date="2013-10-01", original_language="en",
                  sponsors=["Andorra", "Brazil"], title="A small test resolution"),
        blocks=[
            Block("b1", FORMULA, "The General Assembly,"),
            Block("b2", PREAMBULAR, "Reaffirming the Strategy, and its review,",
                  [Mark(FOOTNOTE, 23, 23, "f1")]),
            Block("b3", PREAMBULAR, pp2_text, [Mark(LINK, 25, 31, "https://undocs.org/en/A/RES/66/171")]),
            Block("b4", OPERATIVE, "Urges Member States to act, as set out in the Treaty Series;",
                  [Mark(ITALIC, 46, 59), Mark(FOOTNOTE, 60, 60, "f1")]),
            Block("b5", OPERATIVE, "Requests the Secretary-General:"),
            Block("b6", SUBPARAGRAPH, "To report;", parent="b5"),
            Block("b7", SUBPARAGRAPH, "To consult.", parent="b5"),
        ],
        footnotes={"f1": Footnote("f1", "General Assembly resolution 60/288.")},
        annexes=[Annex("Annex", [Block("b8", OPERATIVE, "Decides to remain seized of the matter.")])],
    )
