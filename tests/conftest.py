"""Test configuration shared by every test: Qt always runs offscreen."""

import os

import pytest

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
