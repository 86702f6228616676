"""Walkthroughs: ordered steps that tell what happens on one architecture.

Pure Python: the window, export and revision build on these values.
"""

from models.loader import WALKTHROUGH_SUFFIXES, is_walkthrough_file
from models.walkthroughs._loader import (
    WalkthroughLoadResult,
    load_walkthrough_file,
    load_walkthrough_text,
    load_walkthroughs,
)
from models.walkthroughs._model import DIRECTIONS, Step, Walkthrough
from models.walkthroughs.catalog import load_walkthrough_catalog

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
