"""Which importer a file needs, decided from its first bytes (never from its name alone).

The CLI and the GUI pass the first 4 KB of a file; the answer is "akn", "docx"
or "text", and anything else is refused with one sentence that says what the
file seems to be. Pure: no I/O, stdlib only.
"""

from __future__ import annotations

import re

from resdesk.errors import BadInputError

HEAD_BYTES = 4096

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # the first begins like UTF-16's: test it first
# C0 control characters that never occur in a text file (tab, line feed, vertical tab,
# form feed and carriage return do).
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1f]")
# The XML prolog: declaration, comments, processing instructions and a DOCTYPE
# (without an internal subset), in any order, then the root element's name.
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*>)*", re.DOTALL)
_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def detect_format(name: str, head: bytes) -> str:
    """"akn", "docx" or "text" for a file called `name` whose first bytes are `head`.

    Raises BadInputError for anything Resolution Desk cannot import: empty files,
    PDF, old .doc, RTF, XML that is not Akoma Ntoso, binary data and text that is
    not UTF-8.
    """
    if not head:
        raise _refuse(name, "is empty")
    if head.startswith(_ZIP):
        return "docx"
    if head.startswith(b"%PDF"):
        raise _refuse(name, "is a PDF document", "; import the Word or text version instead")
    if head.startswith(_OLE):
        raise _refuse(name, "is an old-format Word document (.doc)", "; save it as .docx first")
    if head.startswith(_UTF32_BOMS):
        raise _refuse(name, "is UTF-32 text", "; save it as UTF-8 first")
    if head.startswith(_UTF16_BOMS):
        raise _refuse(name, "is UTF-16 text", "; save it as UTF-8 first")
    if _BINARY.search(head):
        raise _refuse(name, "contains binary data")
    text = _decode_head(head)
    if text is None:
        raise _refuse(name, "is text in an encoding other than UTF-8", "; save it as UTF-8 first")
    if text.startswith("{\\rtf"):
        raise _refuse(name, "is an RTF document", "; save it as .docx or plain text first")
    if text.lstrip().startswith("<"):
        return _xml_format(name, text)
    return "text"


def _decode_head(head: bytes) -> str | None:
    """The head as text without its BOM, or None if it is not UTF-8.

    A multi-byte character cut by the end of the head is not an error.
    """
    head = head.removeprefix(_UTF8_BOM)
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(head) - 3:
            return head[: error.start].decode("utf-8")
        return None


def _xml_format(name: str, text: str) -> str:
    """ "akn" if the root element of this XML head is akomaNtoso, else a refusal."""
    prolog = _PROLOG.match(text)
    root = _ROOT.match(text, prolog.end())
    if root is None:
        # The prolog is longer than the head: fall back to sniffing for the root's name.
        if re.search(r"<(?:[\w.-]+:)?akomaNtoso\b", text):
            return "akn"
        raise _refuse(name, "is an XML document that is not Akoma Ntoso")
    if root.group(1) == "akomaNtoso":
        return "akn"
    raise _refuse(name, f"is an XML document whose root element is <{root.group(1)}>, not Akoma Ntoso")


def _refuse(name: str, what: str, advice: str = "") -> BadInputError:
    return BadInputError(
        f"{name} {what}, which is not a format Resolution Desk can import "
        f"(plain text, Akoma Ntoso XML or Word .docx){advice}."
    )
