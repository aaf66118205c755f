"""The desktop window (PySide6). Qt lives in this package and nowhere else.

PySide6 is pinned below 6.12 in pyproject.toml: 6.12.0 on Python 3.11 drops a
reference to ``None`` on every Qt call that returns nothing, and the interpreter
aborts ("Fatal Python error: none_dealloc") after a few thousand calls.
``tests/ui/test_ui_binding_refcounts.py`` guards against that regression.
"""
