"""Label wrapping, DOT-safe label text and the node metrics that make room for labels.

Graphviz nodes here have a fixed size (as in ``diagrams``), so Graphviz never
grows a node to fit its label: long labels would spill over their neighbours.
Instead labels are wrapped here, by an estimate of their printed width, and
each node is made tall enough for its icon and its wrapped lines. The same
numbers are used to build the DOT text and to read the layout back, so the
boxes handed to the view match what Graphviz reserved.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from explorer.layout.geometry import Rect

POINTS_PER_INCH = 72.0

# Typography for the overview: labels large next to their icons, so names read
# before the shapes do. Every text size (and the node width that wraps labels)
# is multiplied by the layout's text scale; icons and paddings are not.
NODE_FONT_SIZE = 14.0
EDGE_FONT_SIZE = 12.0
GROUP_FONT_SIZE = 13.0

NODE_WIDTH = 136.0
"""About 1.9 inches: room for about 16 average characters a line at 14 points."""
ICON_SIZE = 56.0
COMPACT_ICON = 0.6
"""Icons on a compact (slide) layout, relative to the ordinary ones: the names carry a slide."""
ICON_TOP_PAD = 4.0
ICON_LABEL_GAP = 4.0
LINE_HEIGHT = 17.5
"""Graphviz (Pango, DejaVu Sans) puts 14-point lines about 15 points apart; this leaves slack."""
COMPACT_LINE_HEIGHT = 16.6
"""A compact (slide) layout's lines: DejaVu Sans prints them 1.16 em apart, and a slide spends no more."""
EDGE_LINE_HEIGHT = 15.0
LABEL_SIDE_PAD = 2.0

NODE_LABEL_EMS = (NODE_WIDTH - 2 * LABEL_SIDE_PAD) / NODE_FONT_SIZE
COMPACT_LABEL_EMS = 8.0
"""Label lines on a compact (slide) layout with icons above them: narrower columns, more across a slide."""
BESIDE_LABEL_EMS = 11.0
"""Label lines on a compact layout with icons beside them: fewer lines, so the rows stay low."""
FIT_SLACK = 1.03
"""A compact node is as wide as its label (measured in DejaVu Sans, :func:`sans_ems`) times this: the
view's font may print a little wider. Any slack is a gap between a beside icon and its centred label."""
BESIDE_GAP_EMS = 0.3
"""Between an icon and the label beside it, in ems of the label's font."""
BESIDE_ICON = 0.9
"""Icons beside their labels, relative to compact ones: with :data:`PLATE_ROOM` above and below, a
row is no taller than before the room was made."""
PLATE_ROOM = 3.0
"""Points around an icon beside its label: the plate a dark slide draws behind some icons."""
COMPACT_SIDE_PAD = 4.0
"""Left and right of a compact (slide) node's icon and label: room for the plate a dark slide draws
behind some icons. The group margin (growing with the text) keeps them off their group's border."""
EDGE_LABEL_EMS = 14.0
MAX_NODE_LINES = 5
MAX_EDGE_LINES = 3
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
MAX_LABEL_CHARS = 200
"""Label text past this is cut (with an ellipsis) before it is wrapped or given to Graphviz."""

_SANS_CHARS = "".join(chr(code) for code in range(0x20, 0x7F))
_SANS_PER_MILLE = """
318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636
636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787
695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278
579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838
"""
_SANS_EMS = dict(zip(_SANS_CHARS, (int(width) / 1000 for width in _SANS_PER_MILLE.split()), strict=True))
"""DejaVu Sans advances (ems) of printable ASCII, as Qt measures them: the sans Graphviz and the view
print labels in here, so a slide's nodes can be cut to their labels' width."""

_NARROW = frozenset("ijlI.,:;'!|ftr ()[]{}")
_WIDE = frozenset("mwMW@%")
# A piece is a run up to and including a break character, so "kube-proxy" can wrap after "-".
_PIECE = re.compile(r"[^\s\-/_.]*[\-/_.]+|[^\s\-/_.]+")


@dataclass(frozen=True)
class NodeMetrics:
    """The inside of a component node with ``line_count`` label lines.

    An icon square at the top, the label band at the very bottom (where
    Graphviz writes a ``labelloc=b`` label), a gap between the two.
    """

    line_count: int
    text_scale: float = 1.0
    compact: bool = False
    beside: bool = False
    """The icon left of the label, both centred on the node's middle (a compact layout short of height)."""

    @property
    def width(self) -> float:
        return node_width(self.text_scale, self.compact)

    def fitted_width(self, lines: tuple[str, ...]) -> float:
        """A compact node's width: as wide as its own label (and icon), never the common column width."""
        text = max((sans_ems(line) for line in lines), default=0.0) * NODE_FONT_SIZE * self.text_scale
        label = text * FIT_SLACK
        if self.beside:
            return 2 * self.side_pad + self.icon_size + self._beside_gap + label
        return 2 * self.side_pad + max(label, self.icon_size)

    @property
    def icon_size(self) -> float:
        return icon_size(self.text_scale, self.compact) * (BESIDE_ICON if self.beside else 1.0)

    @property
    def side_pad(self) -> float:
        """Between the node's left or right side and its icon or label."""
        return COMPACT_SIDE_PAD if self.compact else LABEL_SIDE_PAD

    @property
    def label_height(self) -> float:
        return self.line_count * (COMPACT_LINE_HEIGHT if self.compact else LINE_HEIGHT) * self.text_scale

    @property
    def height(self) -> float:
        if self.beside:
            # Rows are kept apart by Graphviz's nodesep and borders by the group margin: a slide short
            # of height spares no more than the room for an icon's plate.
            return max(self.icon_size + 2 * PLATE_ROOM, self.label_height)
        return ICON_TOP_PAD + self.icon_size + ICON_LABEL_GAP + self.label_height

    def icon_box(self, box: Rect) -> Rect:
        side = self.icon_size
        if self.beside:
            return Rect(box.x + self.side_pad, box.center.y - side / 2, side, side)
        return Rect(box.center.x - side / 2, box.y + ICON_TOP_PAD, side, side)

    def label_box(self, box: Rect) -> Rect:
        if self.beside:
            left = box.x + self.side_pad + self.icon_size + self._beside_gap
            top = box.center.y - self.label_height / 2
            return Rect(left, top, max(0.0, box.right - self.side_pad - left), self.label_height)
        if self.compact:
            inner = Rect(box.x + self.side_pad, box.y, max(0.0, box.width - 2 * self.side_pad), box.height)
            return Rect(inner.x, inner.bottom - self.label_height, inner.width, self.label_height)
        return Rect(box.x, box.bottom - self.label_height, box.width, self.label_height)

    @property
    def _beside_gap(self) -> float:
        return BESIDE_GAP_EMS * NODE_FONT_SIZE * self.text_scale


def icon_size(text_scale: float = 1.0, compact: bool = False) -> float:
    """An icon's side in points: it grows with the text, but more slowly, so labels gain on icons."""
    return ICON_SIZE * math.sqrt(text_scale) * (COMPACT_ICON if compact else 1.0)


def node_width(text_scale: float = 1.0, compact: bool = False) -> float:
    """A node's width in points: the label column grows with the text, never under the icon."""
    return max(NODE_WIDTH * text_scale, icon_size(text_scale, compact) + 2 * LABEL_SIDE_PAD)


def edge_label_size(lines: tuple[str, ...] | list[str], text_scale: float = 1.0) -> tuple[float, float]:
    """Width and height in points of an edge label's lines, estimated as Graphviz and the view print them."""
    if not lines:
        return 0.0, 0.0
    size = EDGE_FONT_SIZE * text_scale
    return max(text_ems(line) for line in lines) * size, len(lines) * EDGE_LINE_HEIGHT * text_scale


@cache
def char_ems(char: str) -> float:
    """Estimated advance of one character in ems, close to DejaVu Sans (Graphviz's default sans)."""
    if char in _NARROW:
        return 0.32
    if char in _WIDE:
        return 0.95
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char.isupper():
        return 0.68
    return 0.6


def text_ems(text: str) -> float:
    return sum(char_ems(char) for char in text)


def sans_ems(text: str) -> float:
    """``text``'s width in ems printed in DejaVu Sans (the rough :func:`char_ems` past ASCII)."""
    return sum(_SANS_EMS.get(char) or char_ems(char) for char in text)


def clean_text(text: str) -> str:
    """``text`` on one line: line breaks and tabs become spaces, control characters go.

    Control characters (NUL above all) must never reach Graphviz, which reads C strings,
    and lone surrogates cannot even be encoded for it. Text longer than
    :data:`MAX_LABEL_CHARS` is cut with an ellipsis: no label is that long on
    screen, and Graphviz must never be handed megabytes.
    """
    head = text[: MAX_LABEL_CHARS * 4]  # room for what cleaning removes, without reading it all
    printable = "".join(" " if char.isspace() else char for char in head if _is_printable(char))
    cleaned = " ".join(printable.split())
    if len(cleaned) > MAX_LABEL_CHARS or len(head) < len(text):
        return cleaned[:MAX_LABEL_CHARS].rstrip() + ELLIPSIS
    return cleaned


@lru_cache(maxsize=8192)
def wrap_label(text: str, max_ems: float, max_lines: int) -> tuple[str, ...]:
    """Lines of ``text`` no wider than ``max_ems``, broken at spaces, hyphens, slashes, dots.

    Line breaks in ``text`` are kept. Words too long for a line are cut by
    character (which is also how CJK text wraps). Past ``max_lines`` the last
    line ends with an ellipsis.
    """
    lines: list[str] = []
    head = text[: MAX_LABEL_CHARS * 4]
    for paragraph in head.splitlines():
        lines.extend(_wrap_paragraph(clean_text(paragraph), max_ems))
        if len(lines) > max_lines:
            break
    if len(lines) > max_lines or (len(head) < len(text) and lines):
        kept = lines[:max_lines]
        lines = [*kept[:-1], _with_ellipsis(kept[-1].removesuffix(ELLIPSIS), max_ems)]
    return tuple(lines)


def label_ems(compact: bool = False, beside: bool = False) -> float:
    """How wide (in ems) a component's label lines may be in a layout of this profile."""
    if not compact:
        return NODE_LABEL_EMS
    return BESIDE_LABEL_EMS if beside else COMPACT_LABEL_EMS


def node_label_lines(label: str, max_ems: float = NODE_LABEL_EMS) -> tuple[str, ...]:
    """``label`` wrapped for a component; a width narrower than the ordinary one widens to the
    label's longest word (up to the ordinary width) rather than cut it."""
    if max_ems < NODE_LABEL_EMS:
        longest = max((text_ems(piece) for piece in _PIECE.findall(clean_text(label))), default=0.0)
        max_ems = min(NODE_LABEL_EMS, max(max_ems, longest))
    return wrap_label(label, max_ems, MAX_NODE_LINES)


def edge_label_lines(label: str) -> tuple[str, ...]:
    return wrap_label(label, EDGE_LABEL_EMS, MAX_EDGE_LINES)


def dot_label(lines: tuple[str, ...] | list[str]) -> str:
    """DOT label text for ``lines``: backslashes doubled, lines joined with DOT's ``\\n``.

    Doubling backslashes disarms DOT's escapes (``\\N``, ``\\l``, ``\\G``, …); the
    DOT writer escapes the double quotes when it quotes the value, and never reads a
    label as an HTML-like one, so ``<…>`` stays text.
    """
    return "\\n".join(line.replace("\\", "\\\\") for line in lines)


def _is_printable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) not in ("Cc", "Cs")


def _wrap_paragraph(text: str, max_ems: float) -> list[str]:
    lines: list[str] = []
    line, width = "", 0.0
    for word in text.split():
        for index, piece in enumerate(_PIECE.findall(word)):
            addition = f" {piece}" if index == 0 and line else piece
            addition_width = text_ems(addition)
            if width + addition_width <= max_ems:
                line, width = line + addition, width + addition_width
                continue
            if line:
                lines.append(line)
            line = _cut_long_piece(piece, max_ems, lines)
            width = text_ems(line)
    if line:
        lines.append(line)
    return lines


def _cut_long_piece(piece: str, max_ems: float, lines: list[str]) -> str:
    """Appends full-width slices of ``piece`` to ``lines``; returns the rest."""
    line = ""
    for char in piece:
        if line and text_ems(line + char) > max_ems:
            lines.append(line)
            line = ""
        line += char
    return line


def _with_ellipsis(line: str, max_ems: float) -> str:
    while line and text_ems(line + ELLIPSIS) > max_ems:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
