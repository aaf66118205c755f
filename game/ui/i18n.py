"""The window's language: Qt's own translation mechanism, ``.ts`` sources and ``.qm`` catalogs.

Every player-visible string of the window goes through ``self.tr("…")`` (a widget's
class is its context), ``SomeContext.tr("…")`` (a :class:`TrContext`, for words outside a
widget), ``QCoreApplication.translate("Context", "…")``, or is marked where it is defined
with ``QT_TRANSLATE_NOOP("Context", "…")`` and translated when shown. Counts use Qt's
plurals: ``self.tr("%n turn(s) left", "", n)``.

``pyside6-lupdate`` extracts them into ``game/ui/translations/tariff_talks_<lang>.ts`` (the
source a translator edits, in Qt Linguist or any editor), ``pyside6-lrelease`` compiles
each into the ``.qm`` this module loads: ``scripts/translations.py update|build|check``
(see ``docs/translating.md``). The languages offered are English plus every ``.qm``
present, so a new language is a new ``.ts`` file and no code. Qt's own ``qtbase``
catalog for the language is installed too, so standard buttons (OK, Cancel, Save,
Discard…) and file dialogs follow. ``en-XA`` (the pseudo-locale of :mod:`game.i18n`) needs
no catalog: :class:`PseudoTranslator` accents every string, the window's and Qt's.

Scenario texts are chosen by language separately (``game.scenario.models.tr``), and the
Qt-free layers render their words through :mod:`game.i18n` with the same language code.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from game.i18n import PSEUDO, pseudo

#: The folder of the window's catalogs (shipped in the package, see pyproject.toml).
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
#: Catalog files are ``<CATALOG>_<lang>.ts`` / ``.qm``.
CATALOG = "tariff_talks"
#: The language of the source strings (no catalog).
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
#: A file dialog's filter, "Scenarios (*.yaml *.yml)": its patterns must stay as they are.
_FILE_FILTER = re.compile(r"(.*?)\s*\(([^()]*\*[^()]*)\)")


class TrContext:
    """A translation context for words outside a widget: ``class Dialogs(TrContext)``, then
    ``Dialogs.tr("Easy")`` (lupdate reads ``Name.tr("…")`` as context ``Name``, as Qt's
    ``Name::tr`` in C++). Plurals as in ``QObject.tr``: ``Name.tr("%n term(s)", "", n)``."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


class PseudoTranslator(QTranslator):
    """The pseudo-locale ``en-XA``: every string, the window's and Qt's, accented and about
    30% longer (no catalog of its own: the English plural forms, then accents).

    Strings without a letter (separators such as ``", "``) are left alone: there is
    nothing in them to read as untranslated. ``%n`` stays as it is, for Qt to fill."""

    def __init__(self) -> None:
        super().__init__()
        self.english = QTranslator(self)
        self.english.load(str(catalog_path(SOURCE_LANGUAGE)))

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not any(ch.isalpha() for ch in source):
            return None
        text = self.english.translate(context, source, disambiguation, n) or source
        filters = [_FILE_FILTER.fullmatch(f) for f in text.split(";;")]
        if all(filters):
            return ";;".join(f"{_accent(m[1])} ({m[2]})" for m in filters if m)
        return _accent(text)


def _accent(text: str) -> str:
    return pseudo(text.replace("%n", "{%n}")).replace("{%n}", "%n")

    def isEmpty(self) -> bool:
        return False


def catalog_path(lang: str, suffix: str = ".qm") -> Path:
    """``game/ui/translations/tariff_talks_<lang>.qm`` (or ``.ts``)."""
    return TRANSLATIONS_DIR / f"{CATALOG}_{lang}{suffix}"


def available_languages() -> list[str]:
    """English plus every language with a compiled catalog, found by its ``.qm`` file (the
    pseudo-locale is not listed, but :func:`is_known` accepts it)."""
    found = sorted(p.stem.removeprefix(f"{CATALOG}_") for p in TRANSLATIONS_DIR.glob(f"{CATALOG}_*.qm"))
    return [SOURCE_LANGUAGE, *[c for c in found if c != SOURCE_LANGUAGE]]


def is_known(lang: str | None) -> bool:
    """``lang`` is a language the window can run in (a catalog's, English or ``en-XA``)."""
    return bool(lang) and (lang == PSEUDO or lang in available_languages())


def language_name(lang: str) -> str:
    """The language's name in that language, for the language menus: "English", "简体中文"."""
    if lang == SOURCE_LANGUAGE:
        return "English"
    if lang == PSEUDO:
        return pseudo("English")
    name = QLocale(lang).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else lang


def current_language() -> str:
    """The code of the language installed by :func:`set_language` (``"en"`` before any)."""
    return _current


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own catalogs (``qtbase_zh_CN.qm`` …)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def translators_for(lang: str) -> list[QTranslator]:
    """The translators that put the window in ``lang``: its catalog, then Qt's own (English:
    its plural forms only; the pseudo-locale: one translator computing every string)."""
    if lang == PSEUDO:
        return [PseudoTranslator()]
    out: list[QTranslator] = []
    window = QTranslator()
    if window.load(str(catalog_path(lang))):
        out.append(window)
    if lang == SOURCE_LANGUAGE:
        return out  # its catalog: the plural forms only
    qt = QTranslator()
    if qt.load(QLocale(lang), "qtbase", "_", qt_translations_dir()):
        out.append(qt)
    return out


def set_language(lang: str) -> None:
    """Install the translators for ``lang`` on the running application (English for an
    unknown code), replacing those of the previous language."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = lang if is_known(lang) else SOURCE_LANGUAGE
    for translator in translators_for(code):
        app.installTranslator(translator)
        _installed.append(translator)
    _current = code
