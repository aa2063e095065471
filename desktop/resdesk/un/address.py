"""A document's address on the web and its QR code on page 1 (issue 14).

The UN prints on page 1 a QR code of `http://undocs.org/<symbol>`, the address that opens the document in the
reader's language; a text without a symbol has no address, and no QR code.
"""

from __future__ import annotations

import segno

ADDRESS_PREFIX = "http://undocs.org/"


def document_address(symbol: str) -> str:
    """The address of the document `symbol` ("" without a symbol)."""
    symbol = symbol.strip()
    return f"{ADDRESS_PREFIX}{symbol}" if symbol else ""


def qr_modules(symbol: str) -> list[list[bool]]:
    """The QR code of the document's address, row by row without its quiet zone (True dark); [] without a symbol.

    Error correction M (a printed page's smudges), never a Micro QR code (phones do not all read them)."""
    address = document_address(symbol)
    if not address:
        return []
    code = segno.make(address, error="m", boost_error=False, micro=False)
    return [[bool(module) for module in row] for row in code.matrix]
