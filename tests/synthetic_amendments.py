"""A synthetic negotiation for benchmarks: a long UN-style text and many amendments by many delegations.

Deterministic (a seeded random generator): the same arguments give the same
document and amendments.
"""

from __future__ import annotations

import random

from resdesk.model.amendment import (
    AGREED,
    ALTERNATIVE,
    BRACKETED,
    DELETE_BLOCK,
    INSERT_BLOCK,
    MOVE_BLOCK,
    PROPOSED,
    REPLACE,
    Amendment,
)
from resdesk.model.delegation import bundled_delegations
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document, Footnote, Meta
from resdesk.text.diff import tokenise
from resdesk.text.inline import FOOTNOTE, Mark

OPENINGS_PP = ["Recalling", "Reaffirming", "Deeply concerned about", "Noting with appreciation", "Recognizing also"]
OPENINGS_OP = ["Urges", "Also requests", "Calls upon", "Encourages", "Further invites", "Decides"]
WORDS = ["further", "all relevant", "Member States", "effective", "regional", "urgently", "as appropriate",
         "sustainable", "within existing resources", "in close cooperation with"]


def synthetic_document(paragraphs: int = 700) -> Document:
    """A text of `paragraphs` PPs and OPs (30 % PPs); every tenth OP has two sub-paragraphs; some footnotes."""
    blocks = [Block("b1", FORMULA, "The General Assembly,")]
    footnotes = {}
    preambular = paragraphs * 3 // 10
    for n in range(1, preambular + 1):
        text = (f"{OPENINGS_PP[n % 5]} the importance of item {n} of the programme of work, and of its "
                f"resolution 66/{100 + n} on cooperation among States in matters of common concern,")
        marks = []
        if n % 25 == 0:
            note = f"f{len(footnotes) + 1}"
            footnotes[note] = Footnote(note, f"Resolution 66/{100 + n}.")
            marks.append(Mark(FOOTNOTE, len(text), len(text), note))
        blocks.append(Block(f"b{len(blocks) + 1}", PREAMBULAR, text, marks))
    for n in range(1, paragraphs - preambular + 1):
        ident = f"b{len(blocks) + 1}"
        if n % 10 == 0:
            blocks.append(Block(ident, OPERATIVE, f"{OPENINGS_OP[n % 6]} the Secretary-General, on matter {n}:"))
            for letter in "ab":
                blocks.append(Block(f"b{len(blocks) + 1}", SUBPARAGRAPH,
                                    f"To report on item {n} ({letter}) to the General Assembly;", parent=ident))
        else:
            blocks.append(Block(ident, OPERATIVE, f"{OPENINGS_OP[n % 6]} Member States to continue to strengthen "
                                f"cooperation on matter {n}, in accordance with international law and within "
                                "existing resources, and to share information and best practices;"))
    return Document(meta=Meta(symbol="A/C.3/81/L.99", title="A synthetic resolution"), blocks=blocks,
                    footnotes=footnotes)


def synthetic_amendments(document: Document, count: int = 1000, delegations: int = 50,
                         seed: int = 4) -> list[Amendment]:
    """`count` amendments by `delegations` delegations: mostly word-level replacements, some of every kind."""
    rng = random.Random(seed)
    names = [d.name for d in bundled_delegations()[:delegations]]
    paragraphs = [b for b in document.blocks if b.kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)]
    tops = [b for b in paragraphs if b.kind != SUBPARAGRAPH]
    result = []
    for number in range(1, count + 1):
        block = rng.choice(paragraphs)
        roll = rng.random()
        fields = {"id": f"a{number}", "version": document.version, "author": rng.choice(names),
                  "status": rng.choice((PROPOSED, PROPOSED, PROPOSED, AGREED, BRACKETED)), "target": block.id}
        if roll < 0.70:
            tokens = tokenise(block.text)
            first = rng.randrange(len(tokens))
            last = min(len(tokens), first + rng.randint(0, 7))
            start = sum(len(t) for t in tokens[:first])
            end = start + sum(len(t) for t in tokens[first:last])
            old = block.text[start:end]
            new = " ".join(rng.sample(WORDS, rng.randint(0, 2)))
            if new == old:
                new += " also"
            result.append(Amendment(kind=REPLACE, start=start, end=end, old=old, new=new, **fields))
        elif roll < 0.80:
            anchor = rng.choice(tops)
            fields["target"] = anchor.id
            result.append(Amendment(kind=INSERT_BLOCK, new_block=Block(f"n{number}", anchor.kind,
                                                                       f"New paragraph number {number};"),
                                    **fields))
        elif roll < 0.88:
            result.append(Amendment(kind=DELETE_BLOCK, old=block.text, **fields))
        elif roll < 0.93:
            moved, after = rng.sample(tops, 2)
            fields["target"] = moved.id
            result.append(Amendment(kind=MOVE_BLOCK, after=after.id, **fields))
        else:
            result.append(Amendment(kind=ALTERNATIVE, old=block.text, new=f"Alternative text {number};", **fields))
    return result
