"""Code 39, the barcode of the job number on a UN document's first page ("*1349218*").

Each character is nine elements, bar and space alternating from a bar, three of them wide (hence
"3 of 9"); characters are separated by a narrow space and the code starts and ends with "*". The
table is the standard's (ISO/IEC 16388), written as wide (1) and narrow (0) elements.
"""

from __future__ import annotations

from resdesk.errors import UserError

PATTERNS = {
    "0": "000110100", "1": "100100001", "2": "001100001", "3": "101100000", "4": "000110001",
    "5": "100110000", "6": "001110000", "7": "000100101", "8": "100100100", "9": "001100100",
    "A": "100001001", "B": "001001001", "C": "101001000", "D": "000011001", "E": "100011000",
    "F": "001011000", "G": "000001101", "H": "100001100", "I": "001001100", "J": "000011100",
    "K": "100000011", "L": "001000011", "M": "101000010", "N": "000010011", "O": "100010010",
    "P": "001010010", "Q": "000000111", "R": "100000110", "S": "001000110", "T": "000010110",
    "U": "110000001", "V": "011000001", "W": "111000000", "X": "010010001", "Y": "110010000",
    "Z": "011010000", "-": "010000101", ".": "110000100", " ": "011000100", "$": "010101000",
    "/": "010100010", "+": "010001010", "%": "000101010", "*": "010010100",
}
WIDE = 3  # a wide element is three narrow ones


def job_barcode_text(job_number: str) -> str:
    """What the UN encodes for a job number: its digits ("13-49218" -> "1349218")."""
    return "".join(c for c in job_number if c.isdigit())


def bars(text: str) -> list[tuple[int, int]]:
    """The bars of `text` in Code 39 with its start and stop characters: (start, width) in narrow modules."""
    data = f"*{text.upper()}*"
    unknown = sorted({c for c in text.upper() if c not in PATTERNS or c == "*"})
    if unknown:
        raise UserError(f"Code 39 cannot encode {''.join(unknown)!r}.")
    result = []
    position = 0
    for char in data:
        for index, element in enumerate(PATTERNS[char]):
            width = WIDE if element == "1" else 1
            if index % 2 == 0:
                result.append((position, width))
            position += width
        position += 1  # the narrow space between characters
    return result


def width(text: str) -> int:
    """The width of `text`'s barcode in narrow modules (the last character's gap not counted)."""
    start, last = bars(text)[-1]
    return start + last


def row(text: str) -> list[bool]:
    """The barcode of `text` as one row of narrow modules, True for a bar."""
    modules = [False] * width(text)
    for start, size in bars(text):
        modules[start:start + size] = [True] * size
    return modules
