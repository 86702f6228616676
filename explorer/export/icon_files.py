"""Icon files for the SVG writer: their pixel size from the file's header, their bytes as a ``data:`` URI.

An icon is embedded once (in ``<defs>``) and placed with ``<use>`` wherever a
component shows it. A file that cannot be read is drawn as the window draws
it: a rounded placeholder square. A document only painted on this machine (a PNG
export's) may name a PNG icon by its path instead: Qt's SVG renderer then reads the
file itself, decoding the same pixels without the document's base64 (~100 KB at
``containers-vs-vms``; ~4 ms of its parse).
"""

from __future__ import annotations

import base64
import re
import struct
from pathlib import Path
from typing import NamedTuple

from explorer.export.svg_look import SvgLook
from explorer.layout.geometry import Rect

SVG_SOURCE_SIZE = 512
"""The longer side the window rasterises vector icons at (their aspect ratio is what counts here)."""
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(rb"""\b(width|height|viewBox)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN_PATH = re.compile(r"/[A-Za-z0-9/._+-]+")
"""An absolute path Qt's SVG renderer takes as a file name, with nothing to escape in XML."""
_PNG_HEADER_BYTES = 24


class IconFile(NamedTuple):
    """One icon: its id in the document, its pixel size, its file as a ``data:`` URI ("" if unreadable)."""

    ident: str
    size: tuple[int, int]
    uri: str

    @property
    def readable(self) -> bool:
        return bool(self.uri)

    def definition(self) -> str:
        width, height = self.size
        return f'<image id="{self.ident}" width="{width}" height="{height}" xlink:href="{self.uri}"/>'

    def use(self, rect: Rect, look: SvgLook) -> str:
        """The icon drawn into ``rect`` (or the placeholder, when the file could not be read)."""
        if not self.readable:
            corner = rect.width / 6
            return (
                f'<rect x="{rect.x + 4:.3f}" y="{rect.y + 4:.3f}" width="{rect.width - 8:.3f}" '
                f'height="{rect.height - 8:.3f}" rx="{corner:.3f}" fill="{look.placeholder_fill}" '
                f'stroke="{look.placeholder_border}"/>'
            )
        sx, sy = rect.width / self.size[0], rect.height / self.size[1]
        return (
            f'<use xlink:href="#{self.ident}" '
            f'transform="matrix({sx:.6f} 0 0 {sy:.6f} {rect.x:.3f} {rect.y:.3f})"/>'
        )


def read_icon(path: Path, ident: str, *, linked: bool = False) -> IconFile:
    """The icon at ``path`` (PNG or SVG); unreadable, it keeps a square size and no data.

    ``linked``: a PNG at a plain absolute path (:data:`_PLAIN_PATH`) is named by that path
    rather than embedded, for a document painted here and never saved (its header is read).
    """
    link = linked and _PLAIN_PATH.fullmatch(str(path)) is not None
    try:
        data = _header(path) if link else path.read_bytes()
    except OSError:
        return IconFile(ident, (0, 0), "")
    if data.startswith(_PNG_SIGNATURE) and data[12:16] == b"IHDR":
        width, height = struct.unpack_from(">II", data, 16)
        if width and height:
            return IconFile(ident, (width, height), str(path) if link else _uri("image/png", data))
    elif link:  # not a PNG: embedded, as always
        return read_icon(path, ident)
    elif path.suffix.lower() == ".svg" and (size := _svg_size(data)) is not None:
        return IconFile(ident, size, _uri("image/svg+xml", data))
    return IconFile(ident, (0, 0), "")


def _header(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(_PNG_HEADER_BYTES)


def _uri(kind: str, data: bytes) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _svg_size(data: bytes) -> tuple[int, int] | None:
    """The pixel size the window rasterises an SVG icon at: its aspect ratio, the longer side 512."""
    root = _SVG_ROOT.search(data)
    if root is None:
        return None
    attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(root.group(0))}
    width, height = _length(attributes.get(b"width")), _length(attributes.get(b"height"))
    if not (width and height):
        box = [float(n) for n in _NUMBER.findall(attributes.get(b"viewbox", b""))]
        width, height = (box[2], box[3]) if len(box) == 4 else (0.0, 0.0)
    if width <= 0 or height <= 0:
        return (SVG_SOURCE_SIZE, SVG_SOURCE_SIZE)
    scale = SVG_SOURCE_SIZE / max(width, height)
    return (max(1, round(width * scale)), max(1, round(height * scale)))


def _length(value: bytes | None) -> float:
    if value is None or value.strip().endswith(b"%"):
        return 0.0
    number = _NUMBER.match(value.strip())
    return float(number.group(0)) if number else 0.0
