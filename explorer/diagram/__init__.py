"""The clickable diagram: a scene built from a layout, its items and the view that shows it."""

from explorer.diagram.edge_item import EdgeItem
from explorer.diagram.items import ComponentItem, GroupItem
from explorer.diagram.scene import DiagramScene
from explorer.diagram.view import DiagramView

__all__ = ["ComponentItem", "DiagramScene", "DiagramView", "EdgeItem", "GroupItem"]
