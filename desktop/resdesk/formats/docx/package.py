"""The .docx package: loading the reference template, core and app properties, extra parts, deterministic bytes.

python-docx writes zip entries stamped with the current time and fills core
properties with its own name; `deterministic_bytes` rewrites the zip with entries
in a fixed order and a fixed date taken from the document, so the same input
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from resdesk.resources import template

APPLICATION = "Resolution Desk"
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
TEMPLATE_NAME = "un-resolution.docx"

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity></Properties>"
).encode()

_ORDER = ("[Content_Types].xml", "_rels/.rels", "docProps/", "word/document.xml", "word/_rels/", "word/")


def open_template():
    """The reference template as a python-docx Document, read from the installed package."""
    with template(TEMPLATE_NAME).open("rb") as stream:
        return docx.Document(io.BytesIO(stream.read()))


def stamp(date_iso: str) -> dt.datetime:
    """The fixed timestamp of an export: the document's date at noon UTC, or 2000-01-01."""
    try:
        day = dt.date.fromisoformat(date_iso)
    except (TypeError, ValueError):
        return EPOCH
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


CORE_PROPERTY_LIMIT = 255


def set_properties(document, *, title: str, author: str, when: dt.datetime, language: str = "") -> None:
    """Core properties with no user name or path: `author` is the delegation or ""."""
    core = document.core_properties
    # Core properties hold at most 255 characters (python-docx refuses more); the page keeps the whole title.
    core.author = author[:CORE_PROPERTY_LIMIT]
    core.last_modified_by = ""
    core.title = title[:CORE_PROPERTY_LIMIT]
    core.subject = ""
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.revision = 1
    core.created = when.replace(tzinfo=None)
    core.modified = when.replace(tzinfo=None)
    if language:
        core.language = language
    app_part = _app_part(document)
    if app_part is not None:
        app_part._blob = _APP_XML


CUSTOM_PROPERTIES_PART = "/docProps/custom.xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PROPERTY_FORMAT = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


def set_custom_properties(document, properties: dict[str, str]) -> None:
    """Document properties of our own (File ▸ Properties ▸ Custom in Word), as text, for facts the page
    does not show but a later import needs (an adopted resolution's sponsors and ISO date of adoption)."""
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(properties.items(), start=2):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=_PROPERTY_FORMAT, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    part = XmlPart(PackURI(CUSTOM_PROPERTIES_PART), CT.OFC_CUSTOM_PROPERTIES, parse_xml(_to_bytes(root)),
                   document.part.package)
    document.part.package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _app_part(document):
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            return rel.target_part
    return None


def add_xml_part(document, partname: str, content_type: str, reltype: str, element) -> XmlPart:
    """Add an XML part (footnotes, comments …) related from the main document part."""
    part = XmlPart(PackURI(partname), content_type, parse_xml(_to_bytes(element)), document.part.package)
    document.part.relate_to(part, reltype)
    return part


def _to_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rank(name: str) -> tuple[int, str]:
    for index, prefix in enumerate(_ORDER):
        if name == prefix or (prefix.endswith("/") and name.startswith(prefix)):
            return index, name
    return len(_ORDER), name


def deterministic_bytes(document, when: dt.datetime) -> bytes:
    """The saved package with entries in a fixed order, each dated `when`."""
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue(), when)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    stamp_tuple = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=_rank):
            info = zipfile.ZipInfo(name, stamp_tuple)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
