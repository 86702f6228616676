"""Test configuration shared by every test: Qt always runs offscreen."""

import os

# Set before any Qt import so that every test, locally and in CI, runs without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
