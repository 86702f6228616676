"""Computes layouts on demand and keeps them, so switching back is instant."""

from __future__ import annotations

from explorer.layout.geometry import Layout
from explorer.layout.graphviz_layout import compute_layout
from models.architecture import Architecture


class LayoutService:
    """Memoises one layout per architecture value (a changed model is laid out again)."""

    def __init__(self) -> None:
        self._layouts: dict[str, tuple[Architecture, Layout]] = {}

    def layout_for(self, architecture: Architecture) -> Layout:
        cached = self._layouts.get(architecture.id)
        if cached is not None and cached[0] == architecture:
            return cached[1]
        layout = compute_layout(architecture)
        self._layouts[architecture.id] = (architecture, layout)
        return layout

    def forget(self, architecture_id: str) -> None:
        self._layouts.pop(architecture_id, None)
