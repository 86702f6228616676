"""Garbage collection pauses that overlap (two layout parts, the UI making items) end together."""

from __future__ import annotations

import gc
import threading

import pytest

from explorer import runtime_tuning
from explorer.runtime_tuning import collector_paused
from explorer.ui_collector import UiThreadCollector


@pytest.fixture
def automatic_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a process without a window (the command line): Python's own collector."""
    monkeypatch.setattr(runtime_tuning, "_ui_thread_collects", False)


@pytest.mark.usefixtures("automatic_collector")
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


@pytest.mark.usefixtures("automatic_collector")
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


def test_with_a_window_no_pause_turns_the_automatic_collector_back_on(qapp) -> None:
    # A worker ending its pause used to turn it on, and then collected the UI's Qt objects.
    assert runtime_tuning.ui_thread_collects()
    assert not gc.isenabled()
    with collector_paused():
        pass
    runtime_tuning.freeze_startup_objects()
    gc.unfreeze()
    assert not gc.isenabled()


def test_the_ui_thread_collects_what_is_due_but_not_during_a_pause(qapp) -> None:
    collector = UiThreadCollector(qapp)
    try:
        threshold = gc.get_threshold()[0]
        garbage = [[] for _ in range(threshold + 10)]
        for item in garbage:
            item.append(item)  # cycles: only the collector frees them
        del garbage, item
        with collector_paused():
            assert collector.collect_if_due() is None
        assert collector.collect_if_due() is not None
        assert gc.get_count()[0] < threshold
    finally:
        collector.deleteLater()
