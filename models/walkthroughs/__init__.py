"""Walkthroughs: ordered steps that tell what happens on one architecture.

Pure Python: the window, export and revision build on these values.
"""

from typing import TYPE_CHECKING, Any

from models.walkthroughs._model import DIRECTIONS, Step, Walkthrough

if TYPE_CHECKING:
    from models.loader import WALKTHROUGH_SUFFIXES, is_walkthrough_file
    from models.walkthroughs._loader import (
        WalkthroughLoadResult,
        load_walkthrough_file,
        load_walkthrough_text,
        load_walkthroughs,
    )
    from models.walkthroughs.catalog import load_walkthrough_catalog

# Loading (and PyYAML with it) is imported on first use: a start that reads the built-in
# walkthroughs from the snapshot draws the first diagram without it.
_LAZY = {
    "WALKTHROUGH_SUFFIXES": "models.loader",
    "is_walkthrough_file": "models.loader",
    "WalkthroughLoadResult": "models.walkthroughs._loader",
    "load_walkthrough_file": "models.walkthroughs._loader",
    "load_walkthrough_text": "models.walkthroughs._loader",
    "load_walkthroughs": "models.walkthroughs._loader",
    "load_walkthrough_catalog": "models.walkthroughs.catalog",
}

__all__ = [
    "DIRECTIONS",
    "WALKTHROUGH_SUFFIXES",
    "Step",
    "Walkthrough",
    "WalkthroughLoadResult",
    "is_walkthrough_file",
    "load_walkthrough_catalog",
    "load_walkthrough_file",
    "load_walkthrough_text",
    "load_walkthroughs",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'models.walkthroughs' has no attribute {name!r}")
