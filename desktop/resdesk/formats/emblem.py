"""The UN emblem image the user supplies for page 1 (never shipped: its use is restricted), checked as any
input file is: a file, not empty, not too large, and really a PNG or JPEG image of a sane size."""

from __future__ import annotations

from pathlib import Path

from resdesk.errors import BadInputError

MAX_EMBLEM_BYTES = 5 * 1024 * 1024
MAX_EMBLEM_PIXELS = 10_000  # per side
_HEADERS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def read_emblem(path: str | Path) -> bytes:
    """The bytes of the emblem image at `path`; BadInputError (one sentence) if it is not one we can place."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise BadInputError(f"{name} is not a file: choose a PNG or JPEG image of the emblem.")
    size = path.stat().st_size
    if size == 0 or size > MAX_EMBLEM_BYTES:
        raise BadInputError(f"{name} is {'empty' if size == 0 else 'too large'}: an emblem image is a PNG or JPEG "
                            f"file of up to {MAX_EMBLEM_BYTES // 1024 // 1024} MB.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInputError(f"{name} cannot be read ({error.strerror}).") from None
    emblem_pixels(data, name)
    return data


def emblem_pixels(data: bytes, name: str = "The emblem image") -> tuple[int, int]:
    """(width, height) in pixels of a PNG or JPEG image; BadInputError if it is neither, broken or absurd."""
    from docx.image.image import Image  # python-docx reads both headers as Word will (start-up stays lean)

    if not any(data.startswith(header) for header in _HEADERS):
        raise BadInputError(f"{name} is not a PNG or JPEG image.")
    try:
        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on a damaged header
        raise BadInputError(f"{name} is a damaged image: its header cannot be read.") from None
    if not (0 < width <= MAX_EMBLEM_PIXELS and 0 < height <= MAX_EMBLEM_PIXELS):
        raise BadInputError(f"{name} is {width} × {height} pixels: an emblem image is at most "
                            f"{MAX_EMBLEM_PIXELS} pixels a side.")
    return width, height
