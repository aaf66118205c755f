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
counter improves on, taken a week later: it loses one week's delay), ``A`` our
aspiration (the style's concession schedule, Faratin et al. 1998) and ``δ`` the share
of the talks still ahead (a refusal late in the talks leaves little to hope for). This
is the one-step lookahead of expected-utility bidding strategies (Baarslag, Hindriks,
Hendrikx, Dirkzwager & Jonker 2014, "Decoupling negotiating agents to explore the space
of negotiation strategies", in *Novel Insights in Agent-based Complex Automated
Negotiation*; the "BOA" bidding component with an opponent model), with the belief of
:mod:`game.ai.opponent` as the opponent model.

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


@dataclass(frozen=True)
class Expectation:
    """An offer with what the lookahead expects of it."""

    eval: Eval
    accept: float  # P(p): the chance they take it now
    value: float  # EU(p)


def continuation(ai: Negotiator, ctx: Context, asp: float, reply: float | None) -> float:
    """``C``: what we can expect after they refuse an offer of ours (module docstring)."""
    base = ctx.base.mine if ctx.base is not None else 0.0
    floor = max(base, ai.walk_away(ctx))
    ahead = max(0.0, 1.0 - ctx.t)
    hope = floor + ahead * max(0.0, asp - floor)
    return max(floor, hope, reply if reply is not None else floor)


def expected_reply(ai: Negotiator, ctx: Context) -> float | None:
    """``R``: the value to us of the reply we expect after a refusal — their latest package
    (a counter improves on it for them at most a little, so it is what they will put back),
    a week later. None if they have offered nothing."""
    from game.ai.negotiator import _canonical
    from game.ai.opponent import last_offer

    v = ctx.v
    last = last_offer(v, v.other)
    if last is None or not last.terms:
        return None
    (ev,) = ai.evaluate(ctx, [_canonical(last.terms)])
    if ev.mine < ai.walk_away(ctx) or ai._crossed(ctx, last):
        return None  # a reply we could not take is no continuation
    return ev.mine - ai.delay_cost(ctx, ev)


def expectations(ai: Negotiator, ctx: Context, evs: Sequence[Eval], asp: float) -> list[Expectation]:
    """``EU`` of every package in ``evs`` (one continuation for all: it does not depend on
    the offer)."""
    c = continuation(ai, ctx, asp, expected_reply(ai, ctx))
    out = []
    for e in evs:
        p = ctx.model.accept_prob(e.terms, e.outcome)
        out.append(Expectation(e, p, p * e.mine + (1.0 - p) * c))
    return out


def best_offer(ai: Negotiator, ctx: Context, evs: Sequence[Eval], asp: float) -> Expectation | None:
    """The offer of greatest ``EU`` (ties — as when the belief gives every package the same
    chance — the likelier to be taken, then the one worth more to them: the trade-off tactic)."""
    ex = expectations(ai, ctx, evs, asp)
    return max(ex, key=lambda x: (round(x.value, 6), x.accept, x.eval.theirs), default=None)
