"""Synthetic resolutions of any length, for benchmarks and tests of long texts.

`synthetic_document(paragraphs=1000, seed=1)` returns a `Document` with exactly
`paragraphs` blocks: the enacting formula, about a quarter preambular
paragraphs, then operative paragraphs, some with sub-paragraphs (and a few of
those with a second level), and footnotes on about one paragraph in twelve.
Texts are assembled from UN phrasing (real opening phrases, realistic
clauses), so lengths and word shapes resemble real drafts (35–90 words a
paragraph).

Deterministic: the same arguments always give the same document (block ids
"b1"… and footnote ids "f1"… in reading order), so results can be compared
between runs and machines.
"""

from __future__ import annotations

import random

from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document, Footnote, Meta
from resdesk.text.inline import FOOTNOTE, Mark

PP_OPENINGS = (
    "Recalling", "Recalling also", "Reaffirming", "Reaffirming also", "Deeply concerned", "Recognizing",
    "Noting with appreciation", "Bearing in mind", "Taking note of", "Welcoming", "Emphasizing",
    "Stressing", "Acknowledging", "Convinced", "Mindful",
)
OP_OPENINGS = (
    "Calls upon", "Encourages", "Invites", "Also invites", "Requests", "Also requests", "Urges",
    "Stresses", "Decides", "Welcomes", "Reaffirms", "Emphasizes", "Recognizes", "Further requests",
    "Takes note of",
)
SUBJECTS = (
    "Member States", "the Secretary-General", "the relevant United Nations entities", "regional organizations",
    "the international financial institutions", "all relevant stakeholders", "the Human Rights Council",
    "national authorities", "the private sector", "civil society organizations",
)
CLAUSES = (
    "to strengthen international cooperation in the field of disaster risk reduction",
    "in accordance with national legislation and international obligations",
    "including through the exchange of information and good practices",
    "with a view to achieving the Sustainable Development Goals by 2030",
    "taking into account the particular needs of developing countries",
    "in close cooperation with the specialized agencies and programmes",
    "within existing resources and in line with relevant mandates",
    "so as to ensure that no one is left behind",
    "while respecting the sovereignty and territorial integrity of States",
    "and to report thereon to the General Assembly at its eighty-second session",
    "the importance of full, equal and meaningful participation of women",
    "the need to mobilize adequate, predictable and sustainable financing",
    "the role of science, technology and innovation in early warning",
    "the contribution of local authorities and communities",
    "the outcome of the high-level meeting held on 18 December 2019",
)
FOOTNOTE_TEXTS = (
    "Resolution 69/283, annex II.", "A/81/256.", "General Assembly resolution 70/1.",
    "United Nations, Treaty Series, vol. 2303, No. 30822.", "See A/CONF.224/CRP.1.",
)


def _sentence(rng: random.Random, opening: str, words: int, end: str) -> str:
    parts = [opening, rng.choice(SUBJECTS)]
    while len(" ".join(parts).split()) < words:
        parts.append(rng.choice(CLAUSES) + ",")
    text = " ".join(parts).rstrip(",")
    return text + end


def synthetic_document(paragraphs: int = 1000, seed: int = 1) -> Document:
    """A draft resolution with exactly `paragraphs` blocks (at least 3); see the module docstring."""
    if paragraphs < 3:
        raise ValueError("a synthetic document has at least 3 blocks (formula, one PP, one OP)")
    rng = random.Random(seed)
    blocks = [Block("b1", FORMULA, "The General Assembly,")]
    footnotes: dict[str, Footnote] = {}
    preambular = max(1, (paragraphs - 1) // 4)

    def add(kind: str, text: str, parent: str | None = None) -> Block:
        block = Block(f"b{len(blocks) + 1}", kind, text, parent=parent)
        if rng.random() < 1 / 12:
            note_id = f"f{len(footnotes) + 1}"
            footnotes[note_id] = Footnote(note_id, rng.choice(FOOTNOTE_TEXTS))
            # In English the marker follows the punctuation: at the very end.
            block.marks.append(Mark(FOOTNOTE, len(text), len(text), note_id))
        blocks.append(block)
        return block

    for _ in range(preambular):
        if len(blocks) >= paragraphs - 1:
            break
        add(PREAMBULAR, _sentence(rng, rng.choice(PP_OPENINGS), rng.randint(35, 90), ","))
    while len(blocks) < paragraphs:
        remaining = paragraphs - len(blocks)
        with_list = remaining >= 4 and rng.random() < 0.15
        end = ":" if with_list else ";"
        op = add(OPERATIVE, _sentence(rng, rng.choice(OP_OPENINGS), rng.randint(35, 90), end))
        if not with_list:
            continue
        for _ in range(min(rng.randint(2, 4), paragraphs - len(blocks))):
            sub = add(SUBPARAGRAPH, _sentence(rng, "To", rng.randint(12, 30), ";").replace("To ", "To support ", 1),
                      parent=op.id)
            if len(blocks) < paragraphs and rng.random() < 0.2:
                add(SUBPARAGRAPH, _sentence(rng, "By", rng.randint(8, 20), ";"), parent=sub.id)
    last = blocks[-1]
    if last.text.endswith((";", ":", ",")):
        last.text = last.text[:-1] + "."
    meta = Meta(symbol="A/C.2/81/L.99", committee="Second Committee", session="Eighty-first session",
                agenda_item="19", agenda_title="Sustainable development", distribution="Limited",
                date="2026-10-14", original_language="en", sponsors=["Andorra", "Fiji", "Ghana"],
                title=f"A synthetic resolution of {paragraphs} paragraphs")
    return Document(meta=meta, blocks=blocks, footnotes=footnotes)
