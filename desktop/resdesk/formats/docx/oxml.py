"""Low-level WordprocessingML: elements, runs, fields, footnote references, borders.

Every function returns new lxml elements in the `w:` namespace; nothing here
knows about resolutions.
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS, "r": R_NS}


_NAMES: dict[str, str] = {}
_ROOTS = ("document", "footnotes", "comments", "hdr", "ftr")


def w(tag: str) -> str:
    """The Clark name of a `w:` tag or attribute."""
    name = _NAMES.get(tag)
    if name is None:
        name = _NAMES[tag] = f"{{{W_NS}}}{tag}"
    return name


def el(tag: str, *children: etree._Element | None, **attrs: str | int) -> etree._Element:
    """A `w:` element with `w:`-namespaced attributes (``val=`` → ``w:val``) and the given children.

    The hot path of every export (tens of thousands of calls), hence the name cache.
    """
    attrib = {w(name): str(value) for name, value in attrs.items()} if attrs else None
    element = etree.Element(w(tag), attrib, nsmap=NSMAP if tag in _ROOTS else None)
    for child in children:
        if child is not None:
            element.append(child)
    return element


def sub(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    child = el(tag, **attrs)
    parent.append(child)
    return child


def text_element(text: str, tag: str = "t") -> etree._Element:
    """A `w:t` (or `w:delText`/`w:instrText`) keeping leading and trailing spaces."""
    element = el(tag)
    element.text = text
    if text != text.strip():
        element.set(XML_SPACE, "preserve")
    return element


def run_properties(*, style: str = "", italic: bool = False, bold: bool = False, size: float = 0,
                   superscript: bool = False, rtl: bool = False, cs: bool = False,
                   underline: bool = False, strike: bool = False, color: str = "") -> etree._Element | None:
    """`w:rPr` with the properties in schema order, or None when there are none (`color`: "RRGGBB")."""
    children = []
    if style:
        children.append(el("rStyle", val=style))
    if bold:
        children.append(el("b"))
        if cs:
            children.append(el("bCs"))
    if italic:
        children.append(el("i"))
        if cs:
            children.append(el("iCs"))
    if strike:
        children.append(el("strike"))
    if color:
        children.append(el("color", val=color))
    if size:
        half_points = str(round(size * 2))
        children.append(el("sz", val=half_points))
        children.append(el("szCs", val=half_points))
    if underline:
        children.append(el("u", val="single"))
    if superscript:
        children.append(el("vertAlign", val="superscript"))
    if rtl:
        children.append(el("rtl"))
    return el("rPr", *children) if children else None


def run(text: str, rpr: etree._Element | None = None, tag: str = "t") -> etree._Element:
    """A `w:r` of plain text; tabs become `w:tab` elements."""
    element = el("r")
    if rpr is not None:
        element.append(rpr)
    for index, piece in enumerate(text.split("\t")):
        if index:
            element.append(el("tab"))
        if piece:
            element.append(text_element(piece, tag))
    return element


def copy_rpr(rpr: etree._Element | None) -> etree._Element | None:
    return None if rpr is None else etree.fromstring(etree.tostring(rpr))


def tab_run() -> etree._Element:
    return el("r", el("tab"))


def field_runs(instruction: str, result: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """A complex field (PAGE, NUMPAGES, NOTEREF …) as runs, with `result` as its cached text."""
    runs = []
    for kind in ("begin", None, "separate", "result", "end"):
        element = el("r")
        if rpr is not None:
            element.append(copy_rpr(rpr))
        if kind is None:
            element.append(text_element(f" {instruction} ", "instrText"))
        elif kind == "result":
            element.append(text_element(result))
        else:
            element.append(el("fldChar", fldCharType=kind))
        runs.append(element)
    return runs


def footnote_reference_run(footnote_id: int) -> etree._Element:
    return el("r", el("rPr", el("rStyle", val="FootnoteReference")), el("footnoteReference", id=footnote_id))


def paragraph_properties(style: str = "", *children: etree._Element | None) -> etree._Element:
    ppr = el("pPr")
    if style:
        ppr.append(el("pStyle", val=style))
    for child in children:
        if child is not None:
            ppr.append(child)
    return ppr


def border(side: str, size_eighths: int, space: int = 1) -> etree._Element:
    """One side of a paragraph or table border, a single line `size_eighths`/8 pt thick."""
    return el(side, val="single", sz=size_eighths, space=space, color="auto")


def bookmark(name: str, bookmark_id: int) -> tuple[etree._Element, etree._Element]:
    return el("bookmarkStart", id=bookmark_id, name=name), el("bookmarkEnd", id=bookmark_id)
