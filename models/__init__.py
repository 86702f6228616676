"""The internal model of Architecture Explorer: pure Python, no Qt, no Graphviz.

The loader (and PyYAML with it) is imported on first use of its names, not with
the package: the window's start reads the built-in models from a snapshot.
"""

from typing import TYPE_CHECKING, Any

from models.architecture import Architecture, Component, Group, LayoutHints, Relation
from models.errors import ModelError

if TYPE_CHECKING:
    from models.loader import LoadResult, load_architecture_file, load_architecture_text, load_architectures

_LOADER_NAMES = ("LoadResult", "load_architecture_file", "load_architecture_text", "load_architectures")

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


def __getattr__(name: str) -> Any:
    if name in _LOADER_NAMES:
        from models import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'models' has no attribute {name!r}")
