"""How wide text prints in DejaVu Sans, measured as Qt measures it, without Qt.

The SVG writer lays out labels, titles and plates before any viewer draws them,
and must agree with the window (which prints in the platform's sans, DejaVu
Sans on Linux) to within a fraction of a pixel. The font file's own advances,
cut to 1/64 pixel per glyph as Qt's FreeType engine does, and its kerning pairs
and its f-ligatures (ff, fi, fl, ffi, ffl) give Qt's widths to a few hundredths
of a pixel. Without the font file, widths come from
:func:`explorer.layout.labels.sans_ems`, the estimate the layout itself uses.
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import BinaryIO, NamedTuple

from explorer.layout.labels import sans_ems

FAMILY = "DejaVu Sans"
FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
"""What SVG text asks for: the window's font first, then the closest in width."""
_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/truetype",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "~/Library/Fonts",
    "/Library/Fonts",
)
# DejaVu Sans's vertical metrics (font units), the same in its bold.
_UNITS = 2048
_ASCENT = 1901
_DESCENT = 483
_CAP_HEIGHT = 1493
_LIGATURES = (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02"))
"""The standard ligatures HarfBuzz forms in DejaVu Sans, longest first, and their presentation forms."""
_BOLD_WIDENING = 1.1
"""Bold against regular DejaVu Sans, on average (only when the font file is missing)."""


class _Font(NamedTuple):
    """The parts of a TrueType file that set advances: character → glyph, glyph → advance, kerning."""

    units: int
    glyphs: _Format4
    advances: array[int]
    kerning: _Kerning

    def advance(self, glyph: int) -> int:
        return self.advances[min(glyph, len(self.advances) - 1)]


class FontMeasure:
    """One font size (pixels) and weight: vertical metrics and line widths, as ``QFontMetricsF`` gives them.

    ``cap_height`` is Qt's for an unhinted font (the export's title): hinting moves it a pixel either way.
    """

    def __init__(self, pixel_size: int, *, bold: bool = False) -> None:
        self.pixel_size = pixel_size
        self.bold = bold
        self.ascent = math.floor(_ASCENT * pixel_size * 64 / _UNITS) / 64
        self.descent = math.floor(_DESCENT * pixel_size * 64 / _UNITS) / 64
        self.height = self.ascent + self.descent
        self.cap_height = float(math.ceil(_CAP_HEIGHT * pixel_size / _UNITS))
        self._font = _font(bold)
        self._widths: dict[str, float] = {}

    def spacing(self) -> float:
        """From one baseline to the next (DejaVu Sans has no leading)."""
        return self.height

    def width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._measure(text)
        return width

    def _measure(self, text: str) -> float:
        font = self._font
        if font is None:
            return sans_ems(text) * self.pixel_size * (_BOLD_WIDENING if self.bold else 1.0)
        scale = self.pixel_size * 64 / font.units
        if "f" in text:
            for letters, ligature in _LIGATURES:
                if ord(ligature) in font.glyphs:
                    text = text.replace(letters, ligature)
        total, previous = 0, -1
        for char in text:
            glyph = font.glyphs.get(ord(char))
            if glyph is None:
                total += math.floor(sans_ems(char) * self.pixel_size * 64)
                previous = -1
                continue
            total += math.floor(font.advance(glyph) * scale)
            kern = font.kerning.get((previous, glyph))
            if kern:
                total += round(kern * scale)
            previous = glyph
        return total / 64

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` at spaces (a longer word keeps its own line)."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if line and self.width(candidate) > width:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        return lines

    def wrapped_height(self, lines: int) -> float:
        """The height of ``lines`` wrapped lines, as Qt's text layout stacks them (whole pixels apart)."""
        return (lines - 1) * math.ceil(self.height) + self.height if lines else 0.0


@cache
def measure(pixel_size: int, *, bold: bool = False) -> FontMeasure:
    """The shared measure of one font (its widths are remembered)."""
    return FontMeasure(pixel_size, bold=bold)


@cache
def _font(bold: bool) -> _Font | None:
    for folder in _FOLDERS:
        path = Path(folder).expanduser() / _FILES[bold]
        try:
            with path.open("rb") as file:
                return _read_font(file)
        except (OSError, struct.error, KeyError, ValueError):
            continue
    return None


def _read_font(file: BinaryIO) -> _Font:
    """A TrueType file's character map (format 4), advances (``hmtx``) and kerning (``kern`` format 0).

    Only those tables are read (a tenth of the 750 kB file).
    """
    count = struct.unpack(">H", file.read(12)[4:6])[0]
    directory = file.read(16 * count)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", directory, 16 * index)
        tables[tag] = (offset, length)

    def table(tag: bytes) -> bytes:
        offset, length = tables[tag]
        file.seek(offset)
        return file.read(length)

    units = struct.unpack_from(">H", table(b"head"), 18)[0]
    metrics = struct.unpack_from(">H", table(b"hhea"), 34)[0]
    # ``hmtx``: (advance, left side bearing) per glyph, 16-bit big-endian words: every other word.
    words = array("H", table(b"hmtx")[: 4 * metrics])
    if sys.byteorder == "little":
        words.byteswap()
    advances = words[0::2]
    kerning = _Kerning(table(b"kern") if b"kern" in tables else b"")
    return _Font(units, _character_map(table(b"cmap")), advances, kerning)


def _character_map(data: bytes) -> _Format4:
    subtables = struct.unpack_from(">H", data, 2)[0]
    for index in range(subtables):
        platform, encoding, start = struct.unpack_from(">HHI", data, 4 + 8 * index)
        if (platform, encoding) == (3, 1) and struct.unpack_from(">H", data, start)[0] == 4:
            return _Format4(data, start)
    raise ValueError("no Unicode BMP character map")


class _Format4:
    """A format-4 character map, looked up a character at a time (reading all 5,000 costs 20 ms)."""

    def __init__(self, data: bytes, start: int) -> None:
        segments = struct.unpack_from(">H", data, start + 6)[0] // 2
        self._data = data
        self._ends = struct.unpack_from(f">{segments}H", data, start + 14)
        self._firsts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
        self._deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
        self._ranges_at = start + 16 + 6 * segments
        self._ranges = struct.unpack_from(f">{segments}H", data, self._ranges_at)
        self._found: dict[int, int | None] = {}

    def get(self, code: int) -> int | None:
        """The glyph of character ``code``, None if the font has none."""
        if code in self._found:
            return self._found[code]
        glyph = 0
        segment = bisect_left(self._ends, code)
        if segment < len(self._ends) and self._firsts[segment] <= code and code < 0xFFFF:
            delta, offset = self._deltas[segment], self._ranges[segment]
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = self._ranges_at + 2 * segment + offset + 2 * (code - self._firsts[segment])
                glyph = struct.unpack_from(">H", self._data, at)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
        self._found[code] = glyph or None
        return glyph or None

    def __contains__(self, code: int) -> bool:
        return self.get(code) is not None


class _Kerning:
    """The horizontal format-0 pairs of a ``kern`` table, looked up in place.

    Each subtable's pairs are sorted by (left, right) glyph (the format's rule; sorted here
    when a font breaks it): a pair is found by bisection instead of reading the ~2,700 pairs
    into a dictionary first. Of two equal pairs the later wins, as it did in that dictionary.
    """

    def __init__(self, kern: bytes) -> None:
        self._subtables: list[tuple[list[int], array[int]]] = []
        if not kern:
            return
        subtables = struct.unpack_from(">H", kern, 2)[0]
        at = 4
        for _ in range(subtables):
            _version, length, coverage = struct.unpack_from(">HHH", kern, at)
            if coverage >> 8 == 0 and coverage & 1:  # format 0, horizontal
                count = struct.unpack_from(">H", kern, at + 6)[0]
                pairs = kern[at + 14 : at + 14 + 6 * count]
                if len(pairs) != 6 * count:
                    raise ValueError("a kern table cut short")
                words = array("H", pairs)
                values = array("h", pairs)
                if sys.byteorder == "little":
                    words.byteswap()
                    values.byteswap()
                # (left << 16) + right, by C-level maps: no Python call per pair.
                keys = list(map(int.__add__, map((1 << 16).__mul__, words[0::3]), words[1::3]))
                kerns = values[2::3]
                if any(map(int.__ge__, keys, keys[1:])):
                    merged = dict(zip(keys, kerns, strict=True))
                    keys = sorted(merged)
                    kerns = array("h", map(merged.__getitem__, keys))
                self._subtables.append((keys, kerns))
            at += length

    def get(self, pair: tuple[int, int]) -> int | None:
        """The kerning of glyph ``pair[0]`` followed by ``pair[1]`` (font units), None if unkerned."""
        key = (pair[0] << 16) + pair[1]
        for keys, values in reversed(self._subtables):
            index = bisect_left(keys, key)
            if index < len(keys) and keys[index] == key:
                return values[index]
        return None
