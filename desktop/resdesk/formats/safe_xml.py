"""Parsing XML that may be hostile: one function shared by every XML-based importer.

Files come from e-mail and shared drives, so an importer must assume the worst:
a DOCTYPE with entity definitions (billion laughs, external entities that read
local files or the network), gigantic inputs, binary junk, truncated files.
`parse_xml` refuses any document type declaration outright (UN files never need
one), never resolves entities or touches the network, keeps libxml2's limits on
depth and node size (no ``huge_tree``), and turns every failure into a
`BadInputError` whose message is one sentence naming the file.
"""

from __future__ import annotations

import re

from lxml import etree

from resdesk.errors import BadInputError

MAX_XML_BYTES = 20 * 1024 * 1024

# A DOCTYPE or ENTITY declaration, in any case, in the encodings XML allows without
# a declaration (UTF-8 and its ASCII-compatible relatives, UTF-16 in either order).
_DECLARATION = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_UTF16 = ("utf-16-le", "utf-16-be")
_MESSAGE_CHARS = 120


def parse_xml(data: bytes, what: str, expected: str = "XML file") -> etree._Element:
    """The root element of `data`, parsed safely; `what` names the input in error messages.

    `expected` completes the hint given when the data is not well-formed, e.g.
    "Akoma Ntoso file" gives "…; is it a complete Akoma Ntoso file?".
    Raises BadInputError for empty, oversized, DTD-carrying or malformed input.
    """
    if not data or not data.strip():
        raise BadInputError(f"{what} is empty; there is no XML to read.")
    if len(data) > MAX_XML_BYTES:
        raise BadInputError(
            f"{what} is too large ({len(data) / 1024 / 1024:.0f} MB); "
            f"XML files of up to {MAX_XML_BYTES // 1024 // 1024} MB can be read."
        )
    if _declares_dtd(data):
        raise _refused_dtd(what)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise BadInputError(
            f"{what} is not well-formed XML ({_describe(error)}); is it a complete {expected}?"
        ) from None
    except (ValueError, UnicodeError):
        raise BadInputError(f"{what} is not readable XML text; is it a complete {expected}?") from None
    if root is None:
        raise BadInputError(f"{what} contains no XML element; is it a complete {expected}?")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or _has_entity_reference(root):
        raise _refused_dtd(what)
    return root


def _declares_dtd(data: bytes) -> bool:
    """True if the raw bytes contain a DOCTYPE or ENTITY declaration in a common encoding."""
    if _DECLARATION.search(data):
        return True
    for encoding in _UTF16:
        text = data.decode(encoding, errors="ignore")
        if re.search(r"<!\s*(doctype|entity)", text, re.IGNORECASE):
            return True
    return False


def _has_entity_reference(root: etree._Element) -> bool:
    """True if an unresolved entity reference survived parsing (there is no DTD, so none may)."""
    return any(node.tag is etree.Entity for node in root.iter())


def _refused_dtd(what: str) -> BadInputError:
    return BadInputError(
        f"{what} contains a document type declaration (DOCTYPE or ENTITY), "
        "which is refused because it can be used to attack the computer reading it."
    )


def _describe(error: etree.XMLSyntaxError) -> str:
    """'line 3: Opening and ending tag mismatch …' on one line, shortened."""
    message = " ".join(str(error.msg or error).split())
    message = re.sub(r",? line \d+, column \d+$", "", message).strip()
    if len(message) > _MESSAGE_CHARS:
        message = message[: _MESSAGE_CHARS - 1].rstrip() + "…"
    line = error.lineno or (error.position[0] if error.position else 0)
    return f"line {line}: {message}" if line else message
