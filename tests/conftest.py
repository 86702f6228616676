"""Test configuration shared by every test: Qt always runs offscreen."""

import os
import random
import sys
from typing import Any

import pytest

_TEST_HOME = pytest.StashKey[str]()

# Set before any Qt import so that every test, locally and in CI, runs without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def pytest_configure(config) -> None:
    """Keep every test away from the user's real data and cache folders."""
    import tempfile

    base = tempfile.mkdtemp(prefix="arch-explorer-tests-")
    os.environ["ARCH_EXPLORER_DATA_DIR"] = os.path.join(base, "data")
    os.environ["ARCH_EXPLORER_CACHE_DIR"] = os.path.join(base, "cache")
    os.environ["ARCH_EXPLORER_STATE_DIR"] = os.path.join(base, "state")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(base, "config")  # Qt's default settings file
    # One rotating fuzzing seed for the whole run: parallel workers inherit it from here.
    os.environ.setdefault("RELIABILITY_SEED", str(random.SystemRandom().randrange(2**32)))
    config.stash[_TEST_HOME] = base


def pytest_unconfigure(config) -> None:
    """Remove this process's data and cache folders: a test run leaves nothing in /tmp."""
    import shutil

    base = config.stash.get(_TEST_HOME, None)
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A parallel worker hands its bulk-fuzzing counts to the main process (see below)."""
    output = getattr(session.config, "workeroutput", None)
    bulk = sys.modules.get("tests.reliability._bulk")
    if output is not None and bulk is not None:
        output["bulk_counts"] = dict(bulk.COUNTS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """In the main process of a parallel run: add up what each worker's bulk fuzzing checked."""
    from tests.reliability._bulk import COUNTS

    COUNTS.update(node.workeroutput.get("bulk_counts", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many generated inputs the bulk fuzzing checked, and its seeds."""
    bulk = sys.modules.get("tests.reliability._bulk")
    for line in bulk.summary_lines() if bulk is not None else ():
        terminalreporter.write_line(line)


@pytest.fixture(scope="session", autouse=True)
def built_in_layouts() -> None:
    """Lays the small built-in models out once into this run's layout cache.

    The window never runs Graphviz on the UI thread: it draws a small model on the spot only
    when a cache holds its layout (as after the app's first run), else in the background.
    With the cache filled first, a test sees the same window whatever ran before it; tests of
    the background path use a cache folder of their own, or models of their own, and wait.
    """
    from explorer.diagram.loading import SYNC_MAX_COMPONENTS
    from explorer.layout.service import LayoutService
    from explorer.sources import load_models

    service = LayoutService()
    for architecture in load_models().architectures.values():
        if len(architecture.components) <= SYNC_MAX_COMPONENTS:
            service.layout_for(architecture)
