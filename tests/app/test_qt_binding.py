"""The Qt binding keeps Python's reference counts: a crash there would take the whole app down."""

from __future__ import annotations

import sys

from app.qt import QColor, QRect


def test_a_qt_method_returning_nothing_leaves_none_alone() -> None:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on each such call; after some tens of
    # thousands (a month of the calendar drawn, a long session) Python frees None and aborts.
    colour, rect = QColor("#123456"), QRect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        colour.setAlpha(100)
        rect.setWidth(3)
    assert sys.getrefcount(None) - before > -100
