"""The window shows the AI's reasons rendered in its own language (they are data, not English
prose): the table's answer card and the replay viewer, in Chinese."""

from __future__ import annotations

from uitest_driver import GENEVA

from game.ai import make_ai
from game.reasons_text import answer_text, offer_text
from game.scenario.loader import load_scenario
from game.session import Session
from game.ui.replay import ReplayViewer


def test_the_replay_renders_reasons_in_its_language(qtbot) -> None:
    scenario = load_scenario(GENEVA)
    session = Session.new(scenario, {s: make_ai() for s in scenario.side_ids}, seed=12)
    session.play_to_end()
    game = session.game
    offer = next(o for o in game.state.offers if o.reasons and o.response_reasons)
    viewer = ReplayViewer(game, "zh")
    qtbot.addWidget(viewer)
    viewer.slider.setValue(offer.turn)
    text = viewer.events.toPlainText()
    zh, en = offer_text(scenario, offer, "zh"), offer_text(scenario, offer, "en")
    assert zh != en  # the scenario's names at least are Chinese
    assert zh in text and en not in text
    assert answer_text(scenario, offer, "zh") in text


def test_the_tables_answer_card_is_in_the_windows_language(window, qtbot) -> None:
    from test_ui_table import build, click, plain, ready, start, submit_orders, table

    start(window, qtbot, lang="zh")
    submit_orders(window, qtbot)
    t = table(window)
    build(window, qtbot, [("cn_tariff_us", 0.0, 0), ("cn_purchases", 50.0, 0)])  # asks all, gives nothing
    click(qtbot, t.send_btn)
    ready(window, qtbot)
    offer = window.session.game.state.offers[0]
    assert offer.response_reasons and not offer.response_note  # data, no prose
    why = answer_text(window.session.scenario, offer, "zh", head=False)
    assert why and why != answer_text(window.session.scenario, offer, "en", head=False)
    assert why[:30] in plain(t.result)
