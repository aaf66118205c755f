"""A human who rejects without a reason is understood (issue 13's "done when").

A note-less US player concedes the fentanyl tariff part-way (20% to 10%) in its own offers and
rejects, with no reason, every offer of the AI's that asks more of it. From the first such
refusal on, no offer or counter of the AI's, in any remaining week, asks the tariff below 10% —
for every style at normal, hard and expert (the levels that read refusals), with Geneva's
hidden types on and with every number fixed (the fixed copy, no priors).
"""

from __future__ import annotations

import pytest

from game.ai import STYLES, make_ai
from game.engine import Counter, EndTalks, Game, Propose, Reject, SubmitOrders, Term
from game.engine.actions import Action
from game.scenario.models import Scenario

FENTANYL = "us_tariff_fentanyl"
CONCEDED = 10.0


def _us_offer() -> tuple[Term, ...]:
    # the fentanyl tariff cut part-way, the reciprocal tariff not cut: an opening China counters
    return (
        Term(instrument=FENTANYL, value=CONCEDED),
        Term(instrument="cn_tariff_us", value=100),
    )


def _seed_where_the_us_can_offer_10(sc: Scenario) -> int:
    for seed in range(1, 50):
        g = Game(sc, seed)
        us = g.state.briefings.get("us") or sc.briefings["us"]
        if all(r.value <= CONCEDED for r in us.red_lines if r.instrument == FENTANYL):
            return seed
    raise AssertionError("no seed lets the US cut the fentanyl tariff to 10%")


def _play(sc: Scenario, style: str, level: str) -> tuple[list[tuple[int, float | None]], int]:
    """The whole game: (for every AI offer or counter after the first silent refusal of an ask
    beyond 10%, its turn and fentanyl level; the number of silent refusals of such asks)."""
    seed = _seed_where_the_us_can_offer_10(sc)
    g = Game(sc, seed)
    ai = make_ai(style, level)
    later: list[tuple[int, float | None]] = []
    refused_beyond = 0
    while not g.over:
        side = g.to_move()[0]
        if side == "china":
            action: Action = ai.decide(g.view("china"))
            if isinstance(action, Propose | Counter) and refused_beyond:
                asked = {t.instrument: t.value for t in action.terms}
                later.append((g.state.turn, asked.get(FENTANYL)))
            g.play(action)
            continue
        if g.state.phase == "orders":
            g.play(SubmitOrders(side="us"))
            continue
        pending = g.state.offers[g.state.pending_offer] if g.state.pending_offer is not None else None
        if pending is not None:
            asked = {t.instrument: t.value for t in pending.terms}
            if asked.get(FENTANYL, 20.0) < CONCEDED - 1e-9:
                refused_beyond += 1
            g.play(Reject(side="us"))  # no reason
        elif g.state.levels[FENTANYL] > CONCEDED:
            g.play(Propose(side="us", terms=_us_offer()))  # every week, until China takes it
        else:
            g.play(EndTalks(side="us"))
    return later, refused_beyond


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("level", ["normal", "hard", "expert"])
@pytest.mark.parametrize("priors", [True, False], ids=["priors", "fixed"])
def test_a_silent_refusal_caps_the_ask_at_what_they_conceded(geneva, geneva_fixed, style, level, priors):
    sc = geneva if priors else geneva_fixed
    assert sc.briefings["us"].has_priors is priors
    later, refused = _play(sc, style, level)
    assert refused >= 1, "the AI never asked beyond the 10% conceded: nothing to learn from"
    assert later, "the AI made no offer after the silent refusal"
    beyond = [(turn, x) for turn, x in later if x is not None and x < CONCEDED - 1e-9]
    assert not beyond, f"asked the fentanyl tariff below 10% again: {beyond}"
    assert len({turn for turn, _ in later}) >= 2  # the cap holds across weeks, not just one
