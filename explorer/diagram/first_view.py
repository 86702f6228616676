"""Where a diagram opens: at a zoom that makes its labels readable, on its busiest region.

A fitted diagram of 25+ components on a laptop screen draws its labels at 4-6 px.
So the first view is instead the zoom at which the smallest component label is
:data:`READABLE_LABEL_PX` on screen (never less than the fit), centred on the
region of that size holding the most whole components; the minimap shows the rest.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from weakref import WeakKeyDictionary

from PySide6.QtCore import QRectF, QSizeF

from explorer.diagram.scene import DiagramScene

READABLE_LABEL_PX = 11.0
"""On-screen font size (pixels) the smallest label gets. At the built-ins' 11 px labels that
is zoom 1, where text is also drawn at its crispest."""
_MAX_CANDIDATES = 200
"""Enough starting points for a dense region; more would only slow large models."""
_MAX_COUNTED = 300
"""Components counted per candidate on a large model: an even sample ranks regions just as well,
and keeps the first view of 2,000 components to a few milliseconds on the UI thread."""


def label_pixel_sizes(scene: DiagramScene) -> dict[str, float]:
    """Each labelled component's label font size, in scene units (pixels at zoom 1)."""
    # The items fitted their labels when they were made; fitting 1,000 again took 20 ms.
    sizes = ((item.element_id, item.label_pixel_size()) for item in scene.component_items())
    return {element_id: float(size) for element_id, size in sizes if size is not None}


class _Facts:
    """What the first view needs from a scene's components, gathered once per scene.

    A plain class: a dataclass would compile its methods at import, before the first paint.
    """

    __slots__ = ("rects", "smallest_label_px")

    def __init__(self, rects: list[QRectF], smallest_label_px: float | None) -> None:
        self.rects = rects
        """Each component's rectangle, in reading order."""
        self.smallest_label_px = smallest_label_px


_FACTS: WeakKeyDictionary[DiagramScene, _Facts] = WeakKeyDictionary()


def prepare(scene: DiagramScene) -> None:
    """Gathers what the first view needs now (2,000 components: 5-15 ms), not when it is shown.

    The scene loader calls it in a turn of its own; a scene never prepared is read when first shown.
    """
    _facts(scene)


def _facts(scene: DiagramScene) -> _Facts:
    facts = _FACTS.get(scene)
    if facts is None:
        items = scene.component_items()
        sizes = [size for item in items if (size := item.label_pixel_size()) is not None]
        # Items sit where the layout put them (never moved): their own rectangles are the scene's.
        rects = [item.boundingRect() for item in items]
        facts = _FACTS[scene] = _Facts(rects, float(min(sizes)) if sizes else None)
    return facts


def component_rects(scene: DiagramScene) -> list[QRectF]:
    """Each component's rectangle in the scene, in reading order."""
    return _facts(scene).rects


def readable_zoom(scene: DiagramScene, target_px: float = READABLE_LABEL_PX) -> float | None:
    """The zoom at which every component label is at least ``target_px`` on screen (None: no labels)."""
    smallest = _facts(scene).smallest_label_px
    return target_px / smallest if smallest else None


def densest_region(rects: list[QRectF], size: QSizeF, bounds: QRectF) -> QRectF:
    """A ``size`` rectangle inside ``bounds`` (when it fits) holding the most of ``rects`` whole.

    Candidates start a little above and left of each rectangle, or centre on it;
    ties go to the earliest (the scene lists components in reading order).
    """
    step = max(1, len(rects) // _MAX_CANDIDATES)
    counted = sorted(
        (r.left(), r.top(), r.right(), r.bottom()) for r in rects[:: max(1, len(rects) // _MAX_COUNTED)]
    )
    lefts = [box[0] for box in counted]
    best = QRectF(bounds.topLeft(), size)
    best_count = -1
    pad = min(size.width(), size.height()) * 0.04
    for rect in rects[::step]:
        for left, top in (
            (rect.left() - pad, rect.top() - pad),
            (rect.center().x() - size.width() / 2, rect.center().y() - size.height() / 2),
        ):
            window = _clamped(QRectF(left, top, size.width(), size.height()), bounds)
            x0, y0, x1, y1 = window.left(), window.top(), window.right(), window.bottom()
            # Only rectangles starting inside the window's width can lie wholly inside it.
            within = counted[bisect_left(lefts, x0) : bisect_right(lefts, x1)]
            count = sum(1 for _a, b, c, d in within if y0 <= b and c <= x1 and d <= y1)
            if count > best_count:
                best, best_count = window, count
    return best


def _clamped(window: QRectF, bounds: QRectF) -> QRectF:
    """``window`` moved (not resized) inside ``bounds``; centred on an axis it is larger on."""
    moved = QRectF(window)
    for along_x in (True, False):
        low, high = (bounds.left(), bounds.right()) if along_x else (bounds.top(), bounds.bottom())
        start = moved.left() if along_x else moved.top()
        length = moved.width() if along_x else moved.height()
        fits = length < high - low
        start = min(max(start, low), high - length) if fits else (low + high - length) / 2
        if along_x:
            moved.moveLeft(start)
        else:
            moved.moveTop(start)
    return moved
