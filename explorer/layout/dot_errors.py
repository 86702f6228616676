"""How a layout can fail, apart from the ``dot`` process itself.

Kept apart from :mod:`explorer.layout.dot_process` so that code which only catches
these (the layout service, the window, the command line) does not import
``subprocess`` and the rest of running Graphviz: a layout read from the cache needs none.
"""

from __future__ import annotations

import threading

TIMEOUT_SECONDS = 120.0
"""How long ``dot`` may take before it is stopped."""


class GraphvizNotFoundError(RuntimeError):
    """Graphviz's ``dot`` is not on PATH; the message says how to install it."""


class GraphvizFailedError(RuntimeError):
    """``dot`` crashed, timed out or printed something that is not a layout."""


class GraphvizCrashedError(GraphvizFailedError):
    """``dot`` was killed by a signal (Graphviz 2.43 aborts on an assertion in some orthogonal routings)."""


class GraphvizTimeoutError(GraphvizFailedError):
    """``dot`` took longer than allowed and was stopped."""


class LayoutCancelledError(Exception):
    """The job was cancelled before its layout was ready."""


def raise_if_cancelled(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise LayoutCancelledError()
