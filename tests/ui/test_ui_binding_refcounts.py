"""PySide6 6.12.0 on Python 3.11 leaked a reference to None per void Qt call and
crashed long sessions; the project pins PySide6 below it. This guards the pin."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(3000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 50
