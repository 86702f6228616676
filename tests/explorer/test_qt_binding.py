"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 releases a reference to ``None`` on every call
that returns nothing; after a few thousand repaints the interpreter aborts.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.update()
        widget.setToolTip("x")
    assert sys.getrefcount(None) >= before - 50
