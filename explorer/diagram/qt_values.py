"""Small conversions for the items: layout values to Qt values, and tooltips as HTML."""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF

from explorer.layout.geometry import Point, Rect


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def qpoint(point: Point) -> QPointF:
    return QPointF(point.x, point.y)


def tooltip_html(title: str, description: str, note: str = "") -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else ""
    parts = [f"<b>{html.escape(title)}</b>"]
    if first_line:
        parts.append(html.escape(first_line))
    if note:
        parts.append(f"<i>{html.escape(note)}</i>")
    return "<br>".join(parts)
