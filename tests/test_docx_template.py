"""The reference template: rebuilt by code, small, with the Secretariat's style names and the UN page."""

from __future__ import annotations

from docx_support import W, part, parts
from resdesk.formats.docx.template_builder import DEFAULT_OUTPUT, build_template
from resdesk.resources import template


def test_committed_template_is_what_the_builder_makes():
    assert DEFAULT_OUTPUT.read_bytes() == build_template()
    assert template("un-resolution.docx").read_bytes() == build_template()


def test_template_is_small_and_bare():
    data = build_template()
    assert len(data) < 12_000
    names = parts(data)
    assert names[0] == "[Content_Types].xml"
    assert not any("theme" in n or "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n for n in names)


def test_styles_are_named_as_the_secretariat_names_them():
    styles = part(build_template(), "word/styles.xml")
    ids = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
    assert {"SingleTxt", "H1", "HCh", "H23", "H4", "FootnoteText", "FootnoteReference", "HMTitle"} <= ids
    single = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "SingleTxt")
    spacing = single.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule"), spacing.get(f"{W}after")) == ("240", "exact", "120")
    assert single.find(f"{W}pPr/{W}jc").get(f"{W}val") == "both"
    indent = single.find(f"{W}pPr/{W}ind")
    # the body column starts at 123.4 pt = 60 pt margin + 63.4 pt; PP first line 23.75 pt
    assert (indent.get(f"{W}left"), indent.get(f"{W}firstLine")) == ("1268", "475")
    fonts = styles.find(f"{W}docDefaults//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    assert fonts.get(f"{W}eastAsia") == "SimSun"
    assert fonts.get(f"{W}cs") == "Times New Roman"
    assert styles.find(f"{W}docDefaults//{W}sz").get(f"{W}val") == "20"


def test_template_page_is_letter_with_un_margins_and_odd_even_headers():
    data = build_template()
    section = part(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    size = section.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("12240", "15840")
    margins = section.find(f"{W}pgMar")
    assert (margins.get(f"{W}left"), margins.get(f"{W}right")) == ("1200", "1200")
    assert part(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
