"""The interpreter tuned for a responsive window: GIL hand-over, and the garbage collector
kept off while many long-lived objects are made. One place for all of it."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits (Python's default is 0.005).

While the layout thread runs Python, each of the UI thread's many short calls into
Python (painting a list, a timer) waits up to this long for the GIL: at 5 ms a
single repaint could stall for 90 ms; at 1 ms the UI never waits more than 40 ms.
"""
FREEZE_AFTER_MS = 300
"""The collector resumes (and start-up's objects are frozen) this long after the window shows."""


def tune_gil() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL)


def freeze_startup_objects() -> None:
    """Moves what start-up made (modules, models, notes, widgets; all kept) out of the collector's sight.

    A full collection otherwise walks those 100,000 objects again and again: 50 ms
    each time, and when it runs in the layout thread it holds the UI thread too.
    Turns the collector back on (the app keeps it off while starting).
    """
    gc.collect()
    gc.freeze()
    gc.enable()


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
