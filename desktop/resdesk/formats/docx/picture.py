"""Pictures placed on the page in Word: a PNG written from a grid of modules (the barcode, the QR code), and a
floating picture at a fixed place on the page (`wp:anchor` relative to the page, as `resdesk.un.page` gives it).

The PNG is written here with zlib and struct so the same modules always give the same bytes.
"""

from __future__ import annotations

import io
import struct
import zlib

from lxml import etree

from resdesk.formats.docx.oxml import R_NS, w

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
EMU_PER_POINT = 12700
#: docPr ids of our pictures: unique in the package, far from any the template might hold.
FIRST_PICTURE_ID = 9001


def png(rows: list[list[bool]]) -> bytes:
    """A black and white PNG (8-bit grey) of `rows`, one pixel a module, True black."""
    height, width = len(rows), len(rows[0])

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(0 if dark else 255 for dark in row) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def _e(ns: str, tag: str, *children: etree._Element, **attrs) -> etree._Element:
    element = etree.Element(f"{{{ns}}}{tag}", {k: str(v) for k, v in attrs.items()})
    element.extend(children)
    return element


def _emu(points: float) -> int:
    return round(points * EMU_PER_POINT)


def anchored(part, image: bytes, box: tuple[float, float, float, float], *, picture_id: int,
             name: str) -> etree._Element:
    """A run holding `image` (PNG or JPEG bytes) as a picture at `box` (left, top, width, height; points from the
    page's top-left corner) in front of the text, its file added to `part` (the story the run goes in)."""
    rel_id, _ = part.get_or_add_image(io.BytesIO(image))
    left, top, width, height = box
    cx, cy = str(_emu(width)), str(_emu(height))
    pic = _e(PIC_NS, "pic",
             _e(PIC_NS, "nvPicPr", _e(PIC_NS, "cNvPr", id=0, name=name), _e(PIC_NS, "cNvPicPr")),
             _e(PIC_NS, "blipFill", _e(A_NS, "blip", **{f"{{{R_NS}}}embed": rel_id}),
                _e(A_NS, "stretch", _e(A_NS, "fillRect"))),
             _e(PIC_NS, "spPr", _e(A_NS, "xfrm", _e(A_NS, "off", x=0, y=0), _e(A_NS, "ext", cx=cx, cy=cy)),
                _e(A_NS, "prstGeom", _e(A_NS, "avLst"), prst="rect")))
    offset_h, offset_v = _e(WP_NS, "posOffset"), _e(WP_NS, "posOffset")
    offset_h.text, offset_v.text = str(_emu(left)), str(_emu(top))
    anchor = _e(WP_NS, "anchor",
                _e(WP_NS, "simplePos", x=0, y=0),
                _e(WP_NS, "positionH", offset_h, relativeFrom="page"),
                _e(WP_NS, "positionV", offset_v, relativeFrom="page"),
                _e(WP_NS, "extent", cx=cx, cy=cy),
                _e(WP_NS, "effectExtent", l=0, t=0, r=0, b=0),
                _e(WP_NS, "wrapNone"),
                _e(WP_NS, "docPr", id=picture_id, name=name, descr=name),
                _e(WP_NS, "cNvGraphicFramePr"),
                _e(A_NS, "graphic", _e(A_NS, "graphicData", pic, uri=PIC_NS)),
                distT=0, distB=0, distL=0, distR=0, simplePos=0, relativeHeight=picture_id, behindDoc=0,
                locked=1, layoutInCell=1, allowOverlap=1)
    run = etree.Element(w("r"))
    drawing = etree.SubElement(run, w("drawing"))
    drawing.append(anchor)
    return run
