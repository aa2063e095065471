"""Colours for delegations in the markup view: deterministic, distinguishable, readable on white.

The palette is built by farthest-point sampling in CIELAB: from a fixed grid
of sRGB colours, keep those readable as text on white (WCAG AA contrast, 4.5:1)
and clearly coloured (chroma ≥ 30, so no colour passes for black or grey
"unchanged" text); start with a dark red and repeatedly take the candidate
farthest (ΔE) from every colour already chosen, ties going to the first in
grid order. The result is the same on every machine, and colour n is as far as
possible from colours 0…n-1, so the first 50 stay distinguishable.
"""

from __future__ import annotations

import math
from functools import lru_cache

MIN_CONTRAST = 4.5
MIN_CHROMA = 30.0
_STEPS = tuple(range(0, 256, 17))  # 16 levels per channel
_FIRST = (0xAA, 0x00, 0x00)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour with channels in 0…1."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(rgb: tuple[float, float, float]) -> float:
    return 1.05 / (relative_luminance(rgb) + 0.05)


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour with channels in 0…1."""
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def hex_rgb(value: str) -> tuple[float, float, float]:
    """"#1f77b4" -> (0.12, 0.47, 0.71)."""
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


@lru_cache(maxsize=1)
def _candidates() -> list[tuple[tuple[int, int, int], tuple[float, float, float]]]:
    result = []
    for r in _STEPS:
        for g in _STEPS:
            for b in _STEPS:
                rgb = (r / 255, g / 255, b / 255)
                if contrast_with_white(rgb) < MIN_CONTRAST:
                    continue
                lightness, a, bb = lab(rgb)
                if math.hypot(a, bb) >= MIN_CHROMA:
                    result.append(((r, g, b), (lightness, a, bb)))
    return result


_chosen: list[str] = []
_distance: list[float] = []


def colour(index: int) -> str:
    """The `index`-th colour (0-based) of the palette as "#rrggbb"."""
    candidates = _candidates()
    if not _chosen:
        first = lab(tuple(c / 255 for c in _FIRST))
        _chosen.append(_hex(_FIRST))
        _distance.extend(math.dist(first, point) for _, point in candidates)
    while len(_chosen) <= index:
        best = max(range(len(candidates)), key=lambda i: (_distance[i], -i))
        if _distance[best] == 0:  # every candidate used: the palette repeats
            return _chosen[index % len(_chosen)]
        rgb, point = candidates[best]
        _chosen.append(_hex(rgb))
        for i, (_, other) in enumerate(candidates):
            _distance[i] = min(_distance[i], math.dist(point, other))
    return _chosen[index]
