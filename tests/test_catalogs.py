"""The gettext catalogs of the Qt-free layers: complete, in step with the code, and compiled.

``scripts/catalogs.py check`` in test form: the committed template holds exactly the
messages the code marks (``t``, ``nt``, ``pt``, ``N_``, ``IllegalAction``), every language's
``.po`` is merged with it and translates every message with the same placeholders, and the
committed ``.mo`` (what the game reads) holds exactly the ``.po``'s translations.
"""

from __future__ import annotations

import gettext
import sys
from pathlib import Path

import pytest

from game import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import catalogs  # noqa: E402

LANGS = catalogs.languages()


def test_there_is_a_chinese_catalog() -> None:
    assert "zh" in LANGS
    assert "zh" in i18n.available_languages()


def test_template_holds_what_the_code_marks() -> None:
    committed = catalogs.read_catalog(catalogs.POT)
    code = catalogs.extracted()
    assert {(m.context, m.id) for m in committed if m.id} == {(m.context, m.id) for m in code if m.id}, (
        "game/locale/tariff_talks.pot is out of date: run `python scripts/catalogs.py extract` and `update`"
    )
    # The messages every layer relies on are there: a refusal, a news line, a registry label.
    ids = {m.id for m in code}
    assert "the game is over" in ids
    assert "{who} walks out: the talks collapse" in ids


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    catalog = catalogs.read_catalog(catalogs.po_path(lang), lang)
    assert catalogs.problems(catalog, catalogs.extracted()) == []


def test_a_missing_or_wrong_translation_is_found() -> None:
    """The completeness check can fail: an untranslated message and a lost placeholder."""
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("Turn {turn}")
    template.add("Hello")
    catalog = Catalog(locale="zh")
    catalog.add("Turn {turn}", "回合")  # lost {turn}
    found = catalogs.problems(catalog, template)
    assert any("untranslated" in p and "Hello" in p for p in found)
    assert any("placeholders differ" in p and "Turn {turn}" in p for p in found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_mo_holds_exactly_the_po(lang: str) -> None:
    po = catalogs.read_catalog(catalogs.po_path(lang), lang)
    mo = catalogs.mo_messages(catalogs.po_path(lang).with_suffix(".mo"))
    assert mo == catalogs.po_messages(po), (
        "the .mo is not compiled from the .po: run `python scripts/catalogs.py compile`"
    )
    assert mo, "an empty catalog"


class _Any:
    """Formats with any format spec (``{cost:.0f}``, ``{x!r}``)."""

    def __format__(self, spec: str) -> str:
        return "X"

    def __repr__(self) -> str:
        return "X"


@pytest.mark.parametrize("lang", LANGS)
def test_every_translation_formats(lang: str) -> None:
    """A translation with a broken brace or a format spec its field cannot take fails here,
    not in front of a player."""
    po = catalogs.read_catalog(catalogs.po_path(lang), lang)
    for m in po:
        if not m.id or not catalogs._translated(m):
            continue
        strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
        for s in strings:
            fields = {name: _Any() for name in catalogs.placeholders(s)}
            s.format(**fields)


def test_t_reads_the_catalog_and_falls_back_to_english() -> None:
    assert i18n.t("zh", "the game is over") == "游戏已结束"
    assert i18n.t("zh_CN", "the game is over") == "游戏已结束"
    assert i18n.t("fr", "the game is over") == "the game is over"  # no catalog: English
    assert (
        i18n.t("en", "{who} walks out: the talks collapse", who="China")
        == "China walks out: the talks collapse"
    )
    assert i18n.nt("zh", "{n} turn, then back", "{n} turns, then back", 3, n=3) == "3回合后恢复"
    assert i18n.nt("en", "{n} turn, then back", "{n} turns, then back", 1, n=1) == "1 turn, then back"
    assert i18n.pt("zh", "article", "the {name}", name="美国") == "美国"


def test_pseudo_locale_keeps_placeholders_and_lengthens() -> None:
    out = i18n.t("en-XA", "{who} walks out: the talks collapse", who="China")
    assert out.startswith("[") and out.endswith("]") and "China" in out
    assert "walks" not in out  # accented
    assert len(out) > len("China walks out: the talks collapse")


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """Babel cannot see a ``t(...)`` written inside an f-string's braces (Python 3.11 reads the
    f-string as one token): its message would never reach the catalogs and would show in
    English in every language."""
    import ast

    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "game").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    name = (
                        call.func.attr
                        if isinstance(call.func, ast.Attribute)
                        else getattr(call.func, "id", "")
                    )
                    if name in ("t", "nt", "pt"):
                        found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert found == [], "move these translation calls out of their f-strings: " + ", ".join(found)


def test_every_message_is_a_plain_string() -> None:
    """The message of ``t``/``nt``/``pt``/``N_``/``IllegalAction``/``SaveError`` must be a string literal (its
    fields go in keyword arguments): an f-string or a variable is not extracted, so it would
    show in English in every language. (A variable holding an ``N_`` message is fine where the
    call's message is that variable: ``t(lang, LABEL)``; this test looks for f-strings.)"""
    import ast

    position = {
        "t": 1,
        "nt": 1,
        "pt": 2,
        "N_": 0,
        "IllegalAction": 1,
        "SaveError": 0,
        "_save_error": 0,
        "Said": 0,
    }
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "game").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            k = position.get(name)
            if k is not None and len(node.args) > k and isinstance(node.args[k], ast.JoinedStr):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == [], "write these messages with {placeholders} and keyword fields: " + ", ".join(found)


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalog whose translation names a field the code does not pass shows the English
    sentence, not a traceback."""

    class Broken(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "{nonexistent} 坏了"

    i18n.translation.cache_clear()
    monkeypatch.setattr(i18n, "translation", lambda lang: Broken())
    assert i18n.t("zh", "Turn {turn}", turn=3) == "Turn 3"


def test_said_is_english_text_that_can_be_read_in_another_language() -> None:
    said = i18n.Said("this save was written in an older format ({format}) and was upgraded", format=1)
    assert said == "this save was written in an older format (1) and was upgraded"  # a str: logs, tests
    assert "older format" in said
    assert said.text("zh") == "此存档以旧格式（1）写成，已升级"
    assert i18n.text_of(said, "zh") == said.text("zh")
    assert i18n.text_of("plain", "zh") == "plain"
