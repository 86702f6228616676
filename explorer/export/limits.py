"""How large a raster export may be, checked before a single pixel is drawn.

A PNG (or a copied image) is drawn into one image in memory at 4 bytes a pixel,
and encoding needs about as much again. :data:`MAX_PIXELS` keeps that under a
gigabyte: an 8K slide (7680 × 4320) is 33 megapixels and the widest built-in
at 4× (EKS, 70 megapixels) fits; a 20,000-pixel-wide export of a tall diagram
(hundreds of megapixels, gigabytes of memory and minutes of drawing) is refused
with a message that says why.
SVG and PDF stay vector and have no such limit.
"""

from __future__ import annotations

from explorer.atomic_write import ExportError

MAX_PIXELS = 100_000_000
BYTES_PER_PIXEL = 4


class ExportTooLargeError(ExportError):
    """The image asked for has more pixels than :data:`MAX_PIXELS`."""


def check_pixels(width: int, height: int) -> None:
    """Raises :class:`ExportTooLargeError` (one line, naming the limit and why) above the limit."""
    pixels = width * height
    if width > 0 and height > 0 and pixels <= MAX_PIXELS:
        return
    megabytes = pixels * BYTES_PER_PIXEL // 1_000_000
    raise ExportTooLargeError(
        f"the image would be {width:,} × {height:,} pixels ({pixels / 1e6:,.0f} megapixels, "
        f"{megabytes:,} MB of memory to draw); the limit is {MAX_PIXELS // 1_000_000} megapixels "
        "so an export never exhausts memory. Choose a smaller width or scale, or export SVG or PDF"
    )
