"""Test configuration shared by every test: Qt always runs offscreen."""

import os

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
