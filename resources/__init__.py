"""Data shipped with Resolution Desk: the example resolution, lexicons, delegations, icons.

This package is also where the path helpers live: a module `resdesk/resources.py`
beside it would shadow the package in an editable install (and be shadowed by it
in a wheel), so `resource()` and `template()` are defined here, importable as
`from resdesk.resources import resource, template` in both layouts.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file under `resources/`, e.g. resource("lexicon", "en.txt")."""
    return resources.files("resdesk.resources").joinpath(*parts)


def template(*parts: str) -> Traversable:
    """A file under `templates/`, e.g. template("un-resolution.docx")."""
    return resources.files("resdesk.templates").joinpath(*parts)
