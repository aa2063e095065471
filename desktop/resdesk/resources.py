"""Paths to the data shipped with the package (works from a checkout and from a wheel)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file under `resources/`, e.g. resource("lexicon", "en.txt")."""
    return resources.files("resdesk.resources").joinpath(*parts)


def template(*parts: str) -> Traversable:
    """A file under `templates/`, e.g. template("un-resolution.docx")."""
    return resources.files("resdesk.templates").joinpath(*parts)
