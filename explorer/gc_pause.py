"""A pause of Python's cyclic garbage collector while many long-lived objects are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while tens of thousands of objects that live on are made.

    Python collects after every 700 new objects; with a large heap a full collection
    takes 50 ms, and in a worker thread it holds the UI thread as well.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
