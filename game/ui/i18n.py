"""The window's language: a translator for every string wrapped in ``tr()``.

Every user-visible string goes through ``QObject.tr`` or
``QCoreApplication.translate``; this translator answers them from a dictionary
(source text -> Simplified Chinese) so no compiled ``.qm`` file is needed.
Strings without a translation fall back to English. Scenario texts are chosen
by language separately (``game.scenario.models.tr``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from game.ui.i18n_zh import ZH

_installed: DictTranslator | None = None


class DictTranslator(QTranslator):
    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        return self.table.get(source)

    def isEmpty(self) -> bool:
        return not self.table


def set_language(lang: str) -> None:
    """Install the translator for ``lang`` ("en" or "zh") on the running application."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang == "zh":
        _installed = DictTranslator(ZH)
        app.installTranslator(_installed)
