"""The interpreter tuned for a responsive window: GIL hand-over, and the garbage collector
kept off while many long-lived objects are made. One place for all of it."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Iterator

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits (Python's default is 0.005).

While the layout thread runs Python, each of the UI thread's many short calls into
Python (painting a list, a timer) waits up to this long for the GIL: at 5 ms a
single repaint could stall for 90 ms; at 1 ms the UI never waits more than 40 ms.
"""
FREEZE_AFTER_MS = 300
"""The collector resumes (and start-up's objects are frozen) this long after the window shows."""


_pause_lock = threading.Lock()
_pauses = 0
_resume = False
"""Whether the collector comes back on when the last of the current pauses ends."""
_ui_thread_collects = False
"""True once :func:`collect_on_ui_thread` took collections off every other thread."""


def tune_gil() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL)


def freeze_startup_objects() -> None:
    """Moves what start-up made (modules, models, notes, widgets; all kept) out of the collector's sight.

    A full collection otherwise walks those 100,000 objects again and again: 50 ms
    each time, and when it runs in the layout thread it holds the UI thread too.
    Turns the collector back on (the app keeps it off while starting).
    """
    global _resume
    gc.collect()
    gc.freeze()
    if _ui_thread_collects:
        return  # the UI thread's timer collects (see collect_on_ui_thread)
    with _pause_lock:
        if _pauses:
            _resume = True  # on once the pauses under way end
        else:
            gc.enable()


def collect_on_ui_thread() -> None:
    """Turns the automatic collector off for good: the UI thread collects instead
    (:class:`explorer.ui_collector.UiThreadCollector`).

    An automatic collection runs in whichever thread happens to allocate, and reference
    cycles hold Qt objects (a scene, a dialog, their signal connections): destroyed from
    a layout worker they crashed the process (a segfault or an abort, once in 20 runs
    of the export dialog's tests). Pauses no longer turn it back on.
    """
    global _ui_thread_collects, _resume
    with _pause_lock:
        _ui_thread_collects = True
        _resume = False
        gc.disable()


def ui_thread_collects() -> bool:
    return _ui_thread_collects


def paused() -> bool:
    """True while a :func:`collector_paused` block runs in any thread."""
    return _pauses > 0


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while tens of thousands of objects that live on are made.

    Python collects after every 700 new objects; with a large heap a full collection
    takes 50 ms, and in a worker thread it holds the UI thread as well. Pauses in
    several threads at once (two layout parts and the UI thread making items) are
    counted: the collector comes back when the last one ends, not when the first does
    (a full collection in the middle of packing 2,000 components held the UI for 150 ms).
    """
    global _pauses, _resume
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled() and not _ui_thread_collects
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def keep_out_of_collections() -> None:
    """Moves every object made so far out of the collector's sight, as start-up's are.

    Called once a large scene is made: its tens of thousands of objects were made with
    the collector paused, so the next collections (young, then middle-aged) would walk
    them all, 25-40 ms each at 2,000 components, in the middle of panning. They live as
    long as the scene, and a dropped scene is freed by reference counting (it holds no
    reference cycles), so they need no collecting.
    """
    gc.freeze()
