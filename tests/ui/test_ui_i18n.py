"""The window's words: every player-visible string goes through Qt's tr(), lupdate finds it,
and the Qt Linguist catalogs (game/ui/translations/) translate it; the .qm files shipped are
the ones lrelease makes from the .ts sources; Qt's own strings follow the language; the
pseudo-locale en-XA accents everything."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

import game.ui

ROOT = Path(__file__).resolve().parents[2]
UI = Path(game.ui.__file__).resolve().parent


def _tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


translations = _tool()


@pytest.fixture(scope="module")
def code() -> list:
    """What pyside6-lupdate extracts from game/ui now."""
    return translations.extracted()


def test_lupdate_finds_the_window_strings(code) -> None:
    contexts = {m.context for m in code}
    assert len(code) > 500
    assert {"DebriefReport", "Dialogs", "Panels", "ScenarioEditor", "NewGameDialog"} <= contexts
    # obj.tr("…") on a variable would be read as context "obj": Qt looks it up under the class
    assert not [c for c in contexts if not c[:1].isupper()], sorted(contexts)


def test_every_window_string_has_a_finished_chinese_translation(code) -> None:
    problems = translations.catalog_problems(translations.TS_DIR / "tariff_talks_zh.ts", code)
    assert not problems, "\n".join(problems)


def test_the_english_catalog_has_every_plural(code) -> None:
    assert any(m.numerus for m in code)
    problems = translations.catalog_problems(translations.TS_DIR / "tariff_talks_en.ts", code)
    assert not problems, "\n".join(problems)


def test_the_shipped_qm_files_are_built_from_the_ts_sources() -> None:
    assert {p.stem for p in translations.ts_files()} >= {"tariff_talks_en", "tariff_talks_zh"}
    problems = translations.compiled_problems()
    assert not problems, "\n".join(problems)


def _tr_text_argument(node: ast.Call) -> ast.expr | None:
    """The text argument of a Qt translation call (None if the call is not one)."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None  # tr(text, lang): the scenario's texts (game.scenario.models.tr)
    if f.attr == "tr":
        return node.args[0] if node.args else None
    if f.attr == "translate" and isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication":
        return node.args[1] if len(node.args) > 1 else None
    return None


def _base_name(e: ast.expr) -> str:
    """``LABELS`` of ``LABELS``, ``self.LABELS``, ``LABELS[key]``, ``LABELS.get(key, "")``."""
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Attribute):
        return e.attr
    if isinstance(e, ast.Subscript):
        return _base_name(e.value)
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "get":
        return _base_name(e.func.value)
    return ""


def translation_call_problems(source: str) -> list[str]:
    """Translation calls lupdate cannot read: a text that is neither a literal nor a word
    marked with QT_TRANSLATE_NOOP where it is defined (``LABELS = {"a": QT_TRANSLATE_NOOP(
    "Ctx", "A")}``, then ``QCoreApplication.translate("Ctx", LABELS[key])``), a call inside an
    f-string (never seen), a count given to QCoreApplication.translate (lupdate reads
    plural forms from tr() only: write ``Context.tr(text, "", n)``)."""
    tree = ast.parse(source)
    marked = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            noop = any(
                isinstance(c, ast.Call)
                and getattr(c.func, "id", getattr(c.func, "attr", "")) == "QT_TRANSLATE_NOOP"
                for c in ast.walk(node.value)
            )
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if noop:
                marked |= {_base_name(t) for t in targets}
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _tr_text_argument(inner) is not None:
                    bad.append(f"{inner.lineno}: inside an f-string")
        if not isinstance(node, ast.Call):
            continue
        arg = _tr_text_argument(node)
        literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        if arg is not None and not literal and _base_name(arg) not in marked:
            bad.append(f"{node.lineno}: {ast.unparse(node)[:80]}")
        if isinstance(node.func, ast.Attribute) and node.func.attr == "translate" and len(node.args) > 3:
            bad.append(f"{node.lineno}: a count in QCoreApplication.translate(): use tr(text, '', n)")
    return bad


@pytest.mark.parametrize(
    ("source", "ok"),
    [
        ("self.tr('Save')", True),
        ("self.tr(text)", False),
        ("f'<p>{self.tr(\"Save\")}</p>'", False),
        ("QCoreApplication.translate('MainWindow', '%n turn(s)', '', n)", False),
        ("Dialogs.tr('%n turn(s)', '', n)", True),
        ("LABELS = {'a': QT_TRANSLATE_NOOP('Ctx', 'A')}\nQCoreApplication.translate('Ctx', LABELS[k])", True),
        ("LABELS = {'a': 'A'}\nQCoreApplication.translate('Ctx', LABELS[k])", False),
    ],
)
def test_the_call_check_knows_what_lupdate_reads(source: str, ok: bool) -> None:
    assert (translation_call_problems(source) == []) is ok


def test_every_translation_call_has_its_text_in_the_code() -> None:
    bad = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "i18n.py":
            continue  # the translators themselves
        bad += [
            f"{path.relative_to(UI)}:{p}" for p in translation_call_problems(path.read_text(encoding="utf-8"))
        ]
    assert not bad, "\n".join(bad)


def test_the_installed_catalog_answers_every_string_in_chinese(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from game.ui.i18n import set_language

    msgs = [m for m in translations.read_ts(translations.TS_DIR / "tariff_talks_zh.ts") if not m.obsolete]
    set_language("zh")
    try:
        wrong = [
            m.key
            for m in msgs
            if QCoreApplication.translate(m.context, m.source, m.comment or None, 2 if m.numerus else -1)
            != m.forms[0].replace("%n", "2")
        ]
        assert not wrong, wrong[:10]
        assert QCoreApplication.translate("DebriefReport", "not a wrapped string") == "not a wrapped string"
    finally:
        set_language("en")
    m = msgs[0]
    assert QCoreApplication.translate(m.context, m.source, m.comment or None) == m.source


def test_plurals_follow_the_count(qapp) -> None:
    from game.ui.i18n import TrContext, set_language

    class DebriefReport(TrContext):
        pass

    text = "%n agreement(s) signed; {m} in force at the end"
    set_language("en")
    assert DebriefReport.tr(text, "", 1) == "1 agreement signed; {m} in force at the end"
    assert DebriefReport.tr(text, "", 3) == "3 agreements signed; {m} in force at the end"
    set_language("zh")
    try:
        assert DebriefReport.tr(text, "", 3) == "共签署3项协议；结束时{m}项有效"
    finally:
        set_language("en")


def test_qt_standard_buttons_follow_the_language(qapp) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from game.ui.i18n import set_language

    def texts() -> list[str]:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Discard
        )
        try:
            return [b.text().replace("&", "") for b in box.buttons()]
        finally:
            box.deleteLater()

    assert "Cancel" in texts()
    set_language("zh")
    try:
        zh = texts()
        assert "取消" in zh and not [t for t in zh if t.isascii()], zh
    finally:
        set_language("en")


def test_the_pseudo_locale_accents_the_window_and_qt(qapp) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from game.i18n import pseudo
    from game.ui.i18n import TrContext, current_language, set_language

    class Dialogs(TrContext):
        pass

    class DebriefReport(TrContext):
        pass

    set_language("en-XA")
    try:
        assert current_language() == "en-XA"
        assert Dialogs.tr("Easy") == pseudo("Easy") != "Easy"
        # the English plural form, accented, with Qt's count in it
        one = DebriefReport.tr("%n agreement(s) signed; {m} in force at the end", "", 1)
        assert one.startswith("[1 åĝŕééɱéñţ šîĝñéđ; {m} îñ ƒöŕçé"), one
        assert Dialogs.tr(", ") == ", "  # no letters: nothing to see
        # a file dialog's filter keeps its patterns (Qt parses them)
        assert Dialogs.tr("Scenarios (*.yaml *.yml)") == pseudo("Scenarios") + " (*.yaml *.yml)"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert not box.buttons()[0].text().isascii()
        box.deleteLater()
    finally:
        set_language("en")
    assert Dialogs.tr("Easy") == "Easy"


def test_languages_are_the_catalogs_present(tmp_path, monkeypatch) -> None:
    import game.ui.i18n as i18n

    assert i18n.available_languages() == ["en", "zh"]
    assert i18n.is_known("en-XA") and not i18n.is_known("fr")
    for name in ("tariff_talks_en.qm", "tariff_talks_zh.qm", "tariff_talks_fr.qm"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert i18n.available_languages() == ["en", "fr", "zh"]
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("zh") == "简体中文"


def test_an_unknown_language_falls_back_to_english(qapp) -> None:
    from game.ui.i18n import current_language, set_language

    set_language("xx")
    try:
        assert current_language() == "en"
    finally:
        set_language("en")


def test_the_window_starts_in_the_language_asked_for(qapp, monkeypatch) -> None:
    from game.ui.app import start_language
    from game.ui.main_window import settings

    s = settings()
    before = s.value("lang", "")
    monkeypatch.delenv("TARIFF_TALKS_LANG", raising=False)
    try:
        s.setValue("lang", "zh")
        assert start_language() == "zh"  # the last game's
        assert start_language("en-XA") == "en-XA"  # --lang
        assert start_language("zh_CN") == "zh"
        monkeypatch.setenv("TARIFF_TALKS_LANG", "en-XA")
        assert start_language() == "en-XA"
        assert start_language("en") == "en"  # --lang first
        monkeypatch.delenv("TARIFF_TALKS_LANG")
        s.setValue("lang", "en-XA")  # a game in the pseudo-locale is not taken up again
        assert start_language() != "en-XA"
    finally:
        s.setValue("lang", before)


def test_the_command_line_takes_the_pseudo_locale_and_refuses_an_unknown_language(capsys) -> None:
    from game.cli.parser import build_parser
    from game.cli.window import open_window

    assert build_parser().parse_args(["--lang", "en-XA"]).lang == "en-XA"
    assert build_parser().parse_args(["--lang", "zh_CN", "play"]).lang == "zh"
    assert open_window(None, "fr") == 2
    assert "--lang fr" in capsys.readouterr().err
