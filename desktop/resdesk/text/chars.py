"""The characters a document may hold: those a Word or XML file can carry (XML 1.0's `Char`), defined once.

Control characters (U+0001 …, except tab, line feed and carriage return), the non-characters U+FFFE
and U+FFFF and halves of surrogate pairs make lxml, and so every Word and AKN export, fail. They are
kept out at the doors: the command line refuses them in its options (naming the option), a text file
loses them on import (XML and Word files cannot hold them: their parser refuses), the editor cleans
them out of what is pasted, and the document file itself refuses to store them whichever way they
came (`resdesk.store.docfile`), so no export ever meets one.
"""

from __future__ import annotations

import re

# Control characters but tab, line feed and carriage return; halves of surrogate pairs; the two
# non-characters at the end of the BMP.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# U+FFFE and U+FFFF in UTF-8 (what a text file can hold of them: the text importer refuses control
# characters as binary data, and reads vertical tabs and form feeds as line and page breaks).
_NONCHARACTER_BYTES = re.compile(rb"\xef\xbf[\xbe\xbf]")


# The same controls as JSON writes them (json.dumps escapes them as \u0001; tab and line breaks are \t, \n,
# \r): an unescaped backslash, then the escape. Values stored as JSON carry them this way.
_ESCAPED = re.compile(r"(?<!\\)(?:\\\\)*\\u00(0[0-8bcef]|1[0-9a-f])", re.IGNORECASE)


def first_unwritable(text: str) -> str | None:
    """The first character of `text` that a Word or XML file cannot hold, or None."""
    found = _UNWRITABLE.search(text)
    return found.group() if found else None


def first_unwritable_in_json(text: str) -> str | None:
    """The first unwritable character in JSON text, raw or escaped (a JSON string holding "\u0001"), or None."""
    found = _ESCAPED.search(text)
    return chr(int(found.group(1), 16)) if found else first_unwritable(text)


def describe(char: str) -> str:
    """"U+0001 (a control character)", for the sentence that refuses it."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        what = "half of a character, left by a broken encoding"
    elif code in (0xFFFE, 0xFFFF):
        what = "not a character at all"
    else:
        what = "a control character"
    return f"U+{code:04X} ({what})"


def unwritable_sentence(char: str, where: str) -> str:
    """One sentence refusing `char` found in `where` ("The text of --with", "The text")."""
    return f"{where} contains {describe(char)}, which a Word or XML file cannot hold; remove it and try again."


def clean(text: str) -> str:
    """`text` without the characters a Word or XML file cannot hold (for what is pasted into the editor)."""
    return _UNWRITABLE.sub("", text)


def clean_text_file(data: bytes) -> bytes:
    """The UTF-8 bytes of a text file to import without U+FFFE and U+FFFF (left by broken conversions)."""
    return _NONCHARACTER_BYTES.sub(b"", data)
