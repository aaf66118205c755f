"""The expert's lookahead through its belief: an offer valued by what follows it.

The weaker levels pick an offer by its value to themselves (an aspiration to meet) and
rank the packages that meet it by how likely the other side is to take them (the
trade-off tactic). The expert also models the other side's *reply* and what it leaves
us (issue 13, part 4): an offer ``p`` is worth, in expectation,

    EU(p) = P(p) · V(p) + (1 − P(p)) · C

where ``V(p)`` is its value to us (our briefing, projected to the deadline), ``P(p)``
the chance the belief gives that they accept it now
(:meth:`game.ai.opponent.OpponentModel.accept_prob`, the weight of the types that value
it at or above what they can otherwise expect and whose lines it does not cross), and
``C`` the *continuation*: what we can expect if they refuse. After a refusal they reply
— a counter we can take, or nothing — and the talks go on:

    C = max(N, R, N + δ · (A − N))

with ``N`` the larger of no deal and our walk-away (rule 6.3: walking out scores at
least it), ``R`` the value to us of the reply we expect (their latest package, which a
counter improves on, plus a week of the progress their offers have made our way lately —
a side that has been conceding is expected to go on, one that stands still to stay put —
less the delay of the weeks a refusal is expected to cost), ``A`` our
aspiration (the style's concession schedule, Faratin et al. 1998) and ``δ`` the share
of the talks still ahead (a refusal late in the talks leaves little to hope for). This
is the one-step lookahead of expected-utility bidding strategies (Baarslag, Hindriks,
Hendrikx, Dirkzwager & Jonker 2014, "Decoupling negotiating agents to explore the space
of negotiation strategies", in *Novel Insights in Agent-based Complex Automated
Negotiation*; the "BOA" bidding component with an opponent model), with the belief of
:mod:`game.ai.opponent` as the opponent model.

The belief is over the scenario's prior, and a side that plays outside it (a person with a
fixed rule) can refuse what every type in it would take: so ``P`` is *calibrated* against
the game's record — scaled by ``κ``, the offers of ours they took against the number the
belief expects of those same offers (:func:`calibration`; never above 1). The hope in
``C`` is not: a refusal says how likely *our offers* are to be taken, not what the talks will
bring — a side that refuses while it counters is bargaining, and what it puts back is ``R``.
(Scaling the hope too made the expert cave to a side that merely held out: the generous side's
offers are the ones the belief expected to be taken, so its ``κ`` fell fastest, and by week 4
of 13 the expert China took a package worth 49.5 to it — 13 more than no deal, 20 less than
its truces — from an expert US that had not moved.)

The same number answers their offers: the expert accepts an offer worth at least the
best ``EU`` of anything it could say instead (AC_next in expectation), and refuses one
worth less even if it meets the aspiration.

Pure functions of a decision's :class:`~game.ai.negotiator.Context`: no state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (negotiator imports this module)
    from game.ai.negotiator import Context, Eval, Negotiator
    from game.engine.state import Offer


@dataclass(frozen=True)
class Expectation:
    """An offer with what the lookahead expects of it."""

    eval: Eval
    accept: float  # P(p): the chance they take it now
    value: float  # EU(p)


#: a chance of acceptance at or below this is none: with no package above it the lookahead has
#: nothing to weigh (every expected value is the continuation) and leaves the pick to the level's
#: plain rule (:meth:`Negotiator.plan_offer`)
NO_CHANCE = 1e-6
#: our latest answered offers the calibration reads (:func:`calibration`)
CALIBRATION_OFFERS = 8
#: answered offers before the record is read at all
CALIBRATION_MIN = 3
#: the weeks of their offers the expected reply's trend reads (:func:`reply_trend`)
TREND_WEEKS = 2


def calibration(ai: Negotiator, ctx: Context) -> float:
    """``κ``, in (0, 1]: how far the belief's chances have held up against this game's record.
    The belief is over the scenario's prior; a side that plays outside it — a person with a
    fixed rule such as "copy their offer back, trimmed" — refuses what every type in it would
    take. Over our latest :data:`CALIBRATION_OFFERS` answered offers, the number they took
    against the number the belief now expects of those same packages (each smoothed by one,
    as Laplace's rule of succession): when the record says less, every chance is scaled down
    by the ratio (never up)."""
    from game.ai.negotiator import _canonical

    v = ctx.v
    answered = [o for o in v.offers if o.side == v.side and o.status in ("accepted", "rejected", "countered")]
    answered = answered[-CALIBRATION_OFFERS:]
    if len(answered) < CALIBRATION_MIN:
        return 1.0
    evs = ai.evaluate(ctx, [_canonical(o.terms) for o in answered])
    expected = sum(ctx.model.accept_prob(e.terms, e.outcome) for e in evs)
    taken = sum(1 for o in answered if o.status == "accepted")
    return min(1.0, (taken + 1.0) / (expected + 1.0))


def continuation(ai: Negotiator, ctx: Context, asp: float, reply: float | None) -> float:
    """``C``: what we can expect after they refuse an offer of ours (module docstring): the
    larger of no deal (or our walk-away), the reply we expect, and the hope of the talks ahead —
    the share of them left times the way from the floor to our aspiration."""
    base = ctx.base.mine if ctx.base is not None else 0.0
    floor = max(base, ai.walk_away(ctx))
    ahead = max(0.0, 1.0 - ctx.t)
    hope = floor + ahead * max(0.0, asp - floor)
    return max(floor, hope, reply if reply is not None else floor)


def expected_reply(ai: Negotiator, ctx: Context) -> float | None:
    """``R``: the value to us of the reply we expect after a refusal — their latest package
    (a counter improves on it for them at most a little, so it is what they will put back),
    improved by a week of their recent progress our way (:func:`reply_trend`), less the delay
    a refusal is expected to cost. None if they have offered nothing."""
    from game.ai.negotiator import _canonical
    from game.ai.opponent import last_offer

    v = ctx.v
    last = last_offer(v, v.other)
    if last is None or not last.terms:
        return None
    (ev,) = ai.evaluate(ctx, [_canonical(last.terms)])
    if ev.mine < ai.walk_away(ctx) or ai._crossed(ctx, last):
        return None  # a reply we could not take is no continuation
    return ev.mine + reply_trend(ai, ctx, last, ev.mine) - ai.delay_cost(ctx, ev)


def reply_trend(ai: Negotiator, ctx: Context, last: Offer, now: float) -> float:
    """How much better for us their next package can be expected to be than their latest
    (``now``, its value to us): their offers' progress our way per week, over their
    packages of the last :data:`TREND_WEEKS` weeks, valued at today's levels — one week of
    it, never negative (a side that has stopped moving is expected to stay put)."""
    from game.ai.negotiator import _canonical

    v = ctx.v
    # (the record is in order: the first of their packages in the window is the earliest)
    first = next(
        (
            o
            for o in v.offers
            if o.side == v.other and o.terms and last.turn - TREND_WEEKS <= o.turn < last.turn
        ),
        None,
    )
    if first is None:
        return 0.0
    (ev,) = ai.evaluate(ctx, [_canonical(first.terms)])
    return max(0.0, (now - ev.mine) / (last.turn - first.turn))


def expectations(ai: Negotiator, ctx: Context, evs: Sequence[Eval], asp: float) -> list[Expectation]:
    """``EU`` of every package in ``evs`` (one continuation for all: it does not depend on
    the offer), the belief's chances calibrated against the record (:func:`calibration`)."""
    kappa = calibration(ai, ctx)
    c = continuation(ai, ctx, asp, expected_reply(ai, ctx))
    out = []
    for e in evs:
        p = kappa * ctx.model.accept_prob(e.terms, e.outcome)
        out.append(Expectation(e, p, p * e.mine + (1.0 - p) * c))
    return out


def best_offer(ai: Negotiator, ctx: Context, evs: Sequence[Eval], asp: float) -> Expectation | None:
    """The offer of greatest ``EU`` (ties — as when the belief gives every package the same
    chance — the likelier to be taken, then the one worth more to them: the trade-off tactic)."""
    ex = expectations(ai, ctx, evs, asp)
    return max(ex, key=lambda x: (round(x.value, 6), x.accept, x.eval.theirs), default=None)
