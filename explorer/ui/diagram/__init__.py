"""The clickable diagram: a scene built from a layout, its items and the view that shows it."""

from explorer.ui.diagram.items import ComponentItem, EdgeItem, GroupItem
from explorer.ui.diagram.scene import DiagramScene
from explorer.ui.diagram.view import DiagramView

__all__ = ["ComponentItem", "DiagramScene", "DiagramView", "EdgeItem", "GroupItem"]
