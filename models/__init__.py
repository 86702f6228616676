"""The internal model of Architecture Explorer: pure Python, no Qt, no Graphviz."""

from models.architecture import Architecture, Component, Group, LayoutHints, Relation
from models.errors import ModelError
from models.loader import LoadResult, load_architecture_file, load_architecture_text, load_architectures

__all__ = [
    "Architecture",
    "Component",
    "Group",
    "LayoutHints",
    "LoadResult",
    "ModelError",
    "Relation",
    "load_architecture_file",
    "load_architecture_text",
    "load_architectures",
]
