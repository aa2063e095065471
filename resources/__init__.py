"""Data shipped with Resolution Desk (the example resolution, lexicons, delegations, icons).

This folder is installed as the package `resdesk.resources`, so the same calls
find the files in a checkout and in an installed wheel.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file under `resources/`, e.g. resource("lexicon", "en.txt")."""
    return resources.files(__name__).joinpath(*parts)


def template(*parts: str) -> Traversable:
    """A file under `templates/`, e.g. template("un-resolution.docx")."""
    return resources.files("resdesk.templates").joinpath(*parts)
