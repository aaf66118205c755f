"""A game in the pseudo-locale en-XA: no string of the window's catalog shows in plain English.

Qt looks a ``self.tr("…")`` up under the class of the widget; a string whose context lupdate
read differently from Qt (a method moved to another class, a ``tr`` called on another
object) would be in the catalog and still show untranslated. In en-XA every translated
string is accented, so a window string seen as it is in the source was not translated.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from uitest_driver import GENEVA, play_step, visible_texts, wait_for_human

ROOT = Path(__file__).resolve().parents[2]


def window_sources() -> list[str]:
    """The English of every window string of two words or more (shorter ones, "Turn", could
    be part of any other text)."""
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    out = set()
    for m in tool.read_ts(tool.TS_DIR / "tariff_talks_zh.ts"):
        # the words before the first placeholder or markup: what shows verbatim when untranslated
        head = re.split(r"\{|%n|<|&", m.source)[0].strip()
        if len(re.findall(r"[A-Za-z]{2,}", head)) >= 2:
            out.add(head)
    return sorted(out)


def test_a_game_in_the_pseudo_locale_shows_no_window_string_untranslated(window, qtbot) -> None:
    from game.ui.dialogs import GameConfig
    from game.ui.i18n import set_language

    sources = window_sources()
    assert len(sources) > 300
    set_language("en-XA")
    window.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 3, "en-XA"))
    seen: set[str] = set()
    for _ in range(12):
        wait_for_human(window, qtbot)
        if window.session.over:
            break
        for tab in range(window.page.tabs.count()):
            window.page.tabs.setCurrentIndex(tab)
            qtbot.wait(10)
            seen.update(visible_texts(window))
        play_step(window, qtbot)
    assert len(seen) > 100
    plain = sorted({s for s in sources for text in seen if s in text})
    assert not plain, f"window strings shown untranslated in en-XA: {plain}"
