"""Builds `templates/un-resolution.docx`, the reference template, from scratch with python-docx.

It lives in the package (not in packaging/) so the tests can rebuild it and check
that the committed file is exactly what this code makes. Run
``python -m resdesk.formats.docx.template_builder [OUTPUT]`` after changing the styles.

The template holds the styles (`styles.STYLES`), a Letter section with the UN
margins, odd/even running headers switched on, and nothing else: no theme, no
thumbnail, no custom XML, so it stays a few kilobytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.parser import parse_xml
from docx.shared import Twips

from resdesk.formats.docx import geometry
from resdesk.formats.docx.package import EPOCH, deterministic_bytes, set_properties
from resdesk.formats.docx.styles import styles_xml

DEFAULT_OUTPUT = Path(__file__).resolve().parents[4] / "templates" / "un-resolution.docx"

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    f'<w:defaultTabStop w:val="{geometry.FIRST_LINE}"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)

_DROPPED_PARTS = ("stylesWithEffects", "webSettings", "theme", "customXml", "numbering", "fontTable")


def build_template() -> bytes:
    document = docx.Document()
    part = document.part
    for rel_id, rel in sorted(part.rels.items()):
        if any(word in rel.reltype for word in _DROPPED_PARTS):
            part.drop_rel(rel_id)
    package_rels = part.package.rels
    for rel_id, rel in sorted(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rel_id]
    part._styles_part._element = parse_xml(styles_xml())
    part._settings_part._element = parse_xml(_SETTINGS.encode())
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    section = document.sections[0]
    width, height = geometry.PAGES["letter"]
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.left_margin, section.right_margin = Twips(geometry.MARGIN_LEFT), Twips(geometry.MARGIN_RIGHT)
    section.top_margin, section.bottom_margin = Twips(geometry.MARGIN_TOP), Twips(geometry.MARGIN_BOTTOM)
    section.header_distance, section.footer_distance = Twips(geometry.HEADER_DISTANCE), Twips(geometry.FOOTER_DISTANCE)
    section.gutter = Twips(0)
    set_properties(document, title="", author="", when=EPOCH)
    return deterministic_bytes(document, EPOCH)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    output.write_bytes(build_template())
    print(output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
