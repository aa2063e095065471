"""Text files without blank lines between paragraphs, and operative paragraphs numbered 1000 and beyond:
they merged into one giant paragraph, or into OP999."""

from __future__ import annotations

from conftest import SEED
from resdesk.amend.labels import document_labels
from resdesk.formats.text_import import import_text
from resdesk.model.document import OPERATIVE


def test_lines_without_blank_lines_between_them_are_paragraphs_each():
    seed = SEED.read_bytes()
    without_blank_lines = b"\n".join(line for line in seed.split(b"\n") if line.strip()) + b"\n"
    expected, found = import_text(seed, "seed.txt"), import_text(without_blank_lines, "seed.txt")
    assert [(b.kind, b.text, b.marks) for b in found.blocks] == [(b.kind, b.text, b.marks) for b in expected.blocks]
    assert found.meta.title == expected.meta.title and found.meta.note == expected.meta.note


def test_a_wrapped_paragraph_stays_one():
    text = (b"The General Assembly,\n\nRecalling its resolution 66/171 of 19 December 2011,\nRecalling also the "
            b"outcome of the meeting held in\n2013. It was a good meeting,\nRequests the Secretary-General to "
            b"report;\n")
    blocks = import_text(text, "draft.txt").blocks
    assert [b.text for b in blocks[1:]] == [
        "Recalling its resolution 66/171 of 19 December 2011,",
        "Recalling also the outcome of the meeting held in 2013. It was a good meeting,",
        "Requests the Secretary-General to report;"]


def test_operative_paragraphs_numbered_1000_and_beyond(tmp_path):
    ops = "\n".join(f"{n}. Requests the Secretary-General to report on item {n};" for n in range(1, 1101))
    document = import_text(f"The General Assembly,\n\n{ops}\n".encode(), "draft.txt")
    operative = [b for b in document.blocks if b.kind == OPERATIVE]
    assert len(operative) == 1100
    assert operative[-1].text == "Requests the Secretary-General to report on item 1100;"
    assert document_labels(document)[operative[-1].id] == "OP1100"
