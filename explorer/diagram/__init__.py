"""The clickable diagram: a scene built from a layout, its items and the view that shows it.

Import the modules themselves: an export needs the scene and its items, not the view.
"""
