"""Small conversions for the items: layout values to Qt values, and tooltips as HTML."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from explorer.layout.geometry import Point, Rect


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def qpoint(point: Point) -> QPointF:
    return QPointF(point.x, point.y)


def escape(text: str) -> str:
    """``escape(text)``, quotes included, without importing :mod:`html`: its import
    loads the 2,000 names of ``html.entities`` (~2 ms before the first paint) that
    escaping never uses."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def tooltip_html(title: str, description: str, note: str = "") -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else ""
    parts = [f"<b>{escape(title)}</b>"]
    if first_line:
        parts.append(escape(first_line))
    if note:
        parts.append(f"<i>{escape(note)}</i>")
    return "<br>".join(parts)
