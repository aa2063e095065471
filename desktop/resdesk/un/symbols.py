"""Document symbols ("A/C.3/68/L.5", "A/RES/66/171") and where they are read online (undocs.org)."""

from __future__ import annotations

import re

#: A document symbol: a series ("A", "E", "S", "UNEP") then slash-separated parts, one of them with a digit.
_SYMBOL = r"(?=[A-Z]{1,8}/[^\s,;]*\d)[A-Z]{1,8}(?:/[A-Za-z0-9.()\-]+){1,8}"
#: A resolution number as texts cite it: "66/171" (General Assembly), "2013/32" (ECOSOC, by year).
_RESOLUTION = r"(\d{1,3}|\d{4})/(\d{1,4})"


def is_symbol(text: str) -> bool:
    return bool(re.fullmatch(_SYMBOL, text))


def find_symbol(text: str) -> str:
    """The first document symbol in `text`, or ""."""
    match = re.search(rf"(?<![\w/]){_SYMBOL}", text)
    return match.group() if match else ""


def symbol_parts(symbol: str) -> tuple[str, str]:
    """("A", "/C.3/68/L.5") from "A/C.3/68/L.5": the masthead prints the first component large."""
    head, slash, rest = symbol.partition("/")
    return head, slash + rest


def is_revision(symbol: str) -> bool:
    """Whether a symbol names a revised text ("A/C.3/68/L.5/Rev.1"), whose draft is a revised draft resolution."""
    return "/Rev." in symbol


def link_url(target: str) -> str:
    """A link target as a URL: a symbol such as "A/RES/66/171" is read on undocs.org."""
    if "://" in target or target.startswith("mailto:"):
        return target
    return f"https://undocs.org/en/{target.lstrip('/')}"


def citation_target(label: str) -> str:
    """What a link labelled with a resolution number or a symbol points to ("66/171" -> A/RES/66/171 on
    undocs.org; ECOSOC numbers its resolutions by year: "2013/32" -> E/RES/2013/32); else the label."""
    match = re.fullmatch(_RESOLUTION, label)
    if match:
        organ = "E" if len(match.group(1)) == 4 else "A"
        return link_url(f"{organ}/RES/{label}")
    if is_symbol(label):
        return link_url(label)
    return label
