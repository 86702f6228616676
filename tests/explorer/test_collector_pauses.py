"""Garbage collection pauses that overlap (two layout parts, the UI making items) end together."""

from __future__ import annotations

import gc
import threading

from explorer.runtime_tuning import collector_paused


def test_the_collector_resumes_when_the_last_overlapping_pause_ends() -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
        seen: list[bool] = []

        def second() -> None:
            first_in.wait()
            with collector_paused():
                second_in.set()
                first_out.wait()
                seen.append(gc.isenabled())  # the first pause has ended; this one has not

        worker = threading.Thread(target=second)
        worker.start()
        with collector_paused():
            first_in.set()
            second_in.wait()
        first_out.set()
        worker.join()
        assert seen == [False]
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()


def test_a_collector_that_was_off_stays_off() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with collector_paused(), collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()
