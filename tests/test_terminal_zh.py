"""The terminal game in Chinese (``--lang zh``) is Chinese throughout: help, briefing, meters,
news, the table, refusals and prompts. What stays in Latin letters is what the player types
(command names, instrument ids) and what the players wrote themselves."""

from __future__ import annotations

import io
import re

from game.ai import make_ai
from game.session import Session
from game.terminal import TerminalSeat

SCRIPT = (
    "help\nhelp offer\nbriefing\ninstruments\nbogus\nset 2 15\nset 2 x\norders\nsay firm Hold\n"
    "table\nnews\nmeters\ndone\n"
    "offer us_tariff_reciprocal=34 us_suspension=24/13 cn_tariff_us=34 cn_suspension=24/13\n"
) + "preview\nwhy growth_pct\ntable\nreject\npass\npass\ndone\n" * 40

#: Two or more English words in a row: a sentence that was not translated.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z']+(?:[ ,.:;]+[A-Za-z][A-Za-z']+)+")
#: What may stay: the command examples of the help text and the ids typed with them.
ALLOWED = {"why growth", "pct us", "say conciliatory", "reject cn"}


def _play(geneva, lang: str) -> str:
    out = io.StringIO()
    seat = TerminalSeat(lang=lang, stdin=io.StringIO(SCRIPT), stdout=out)
    session = Session.new(geneva, {"us": seat, "china": make_ai()}, seed=3)
    session.play_to_end()
    assert session.over
    return out.getvalue()


def test_terminal_in_chinese_has_no_english_sentence(geneva) -> None:
    text = _play(geneva, "zh")
    # The screens are there, in Chinese: briefing, a refusal, the unknown command, the table.
    for words in ("机密简报", "被拒绝 — 规则", "未知命令 'bogus'", "'x' 不是数字", "新闻：", "指标", "（保密）"):
        assert words in text, words
    english = {m for m in ENGLISH_RUN.findall(text) if m not in ALLOWED and not m.startswith("us.")}
    assert english == set(), f"untranslated: {sorted(english)[:20]}"


def test_terminal_in_english_is_unchanged_by_the_catalogs(geneva) -> None:
    text = _play(geneva, "en")
    assert "PRIVATE BRIEFING" in text and "Refused — rule" in text and "'x' is not a number" in text
    assert "机密" not in text


def test_terminal_in_the_pseudo_locale_shows_every_word_marked(geneva) -> None:
    """en-XA accents every message: plain English left on the screen went around the catalogs."""
    text = _play(geneva, "en-XA")
    assert "[ÞŔÎṼÅŢÉ ƁŔÎÉƑÎÑĜ" in text
    english = {m for m in ENGLISH_RUN.findall(text) if m not in ALLOWED and not m.startswith("us.")}
    assert english <= {"Hold"}, f"not through the catalogs: {sorted(english)[:20]}"
