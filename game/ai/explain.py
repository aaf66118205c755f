"""The AI's reasons for its actions, as data (:mod:`game.engine.reasons`).

Every offer, acceptance and rejection says what it is about in concrete terms —
instruments with their levels, the red line crossed, the term that decided a refusal —
as :class:`~game.engine.reasons.Reason` values; the words ("Rejected. We need more on
China's tariff on US goods.") are rendered when shown, in the reader's language, by
:mod:`game.reasons_text`. A refusal never gives the side's secrets away: a red line's
exact level and words, an objective's target and value go to the reason's private part
(the side's own advisers read them); the public part names the instrument, the direction
and at most a rough bound (:func:`rough_bound`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from game.ai.opponent import friendly_sign
from game.ai.planner import Outcome
from game.engine.actions import Term
from game.engine.reasons import Private, Reason, ReasonKind, TermRef, band_for
from game.engine.rules import Rules
from game.engine.scoring import objective_value, score_briefing
from game.engine.view import View
from game.registry import instruments as kind_registry
from game.scenario.models import Instrument, Objective, RedLine

#: how much a kind of term matters when a reason can name only two
_SALIENCE = {
    "tariff": 3.0,
    "suspension": 2.0,
    "measure": 1.0,
    "purchase": 1.2,
    "pledge": 0.9,
    "consultation": 0.4,
}


def _biggest(rules: Rules, v: View, terms: Sequence[Term], owner: str, k: int = 2) -> list[Term]:
    def size(t: Term) -> float:
        ins = rules.instruments[t.instrument]
        moved = abs(t.value - v.levels.get(ins.id, ins.start)) / max(1e-9, ins.max - ins.min)
        return moved * _SALIENCE.get(ins.kind, 1.0)

    return sorted(
        (t for t in terms if rules.instruments[t.instrument].owner == owner), key=size, reverse=True
    )[:k]


def term_ref(rules: Rules, v: View, t: Term, *, dropped: bool = False) -> TermRef:
    ins = rules.instruments[t.instrument]
    return TermRef(
        instrument=t.instrument,
        value=t.value,
        before=v.levels.get(ins.id, ins.start),
        duration_turns=t.duration_turns,
        dropped=dropped,
    )


def _gain(mine: float, base: float) -> Private:
    return Private(gain=mine - base, score=mine, no_deal=base)


def offer_reasons(
    rules: Rules, v: View, terms: Sequence[Term], mine: float, base: float
) -> tuple[Reason, ...]:
    """Why we propose ``terms``: the two biggest terms each way, and how much better than no deal."""
    named = _biggest(rules, v, terms, v.side) + _biggest(rules, v, terms, v.other)
    return (
        Reason(
            kind=ReasonKind.OFFER,
            terms=tuple(term_ref(rules, v, t) for t in named),
            more_terms=max(0, len(terms) - len(named)),
            band=band_for(mine - base),
            private=_gain(mine, base),
        ),
    )


def accept_reasons(
    rules: Rules, v: View, terms: Sequence[Term], mine: float, base: float
) -> tuple[Reason, ...]:
    asks = _biggest(rules, v, terms, v.other)
    return (
        Reason(
            kind=ReasonKind.ACCEPT,
            terms=tuple(term_ref(rules, v, t) for t in asks),
            band=band_for(mine - base),
            private=_gain(mine, base),
        ),
    )


def nibble_reasons(rules: Rules, v: View, theirs: Sequence[Term], ours: Sequence[Term]) -> tuple[Reason, ...]:
    """'Almost there: we would sign this if China will buy $30bn a year of US farm goods and
    energy.' — the terms our counter changes (or leaves out) of theirs."""
    before = {t.instrument: t for t in theirs}
    after = {t.instrument: t for t in ours}
    changes: list[TermRef] = []
    for iid in sorted(set(before) | set(after)):
        b, a = before.get(iid), after.get(iid)
        if a is not None and (b is None or abs(a.value - b.value) > 1e-9):
            changes.append(term_ref(rules, v, a))
        elif a is None and b is not None:
            changes.append(term_ref(rules, v, b, dropped=True))
    return (Reason(kind=ReasonKind.NIBBLE, terms=tuple(changes)),)


#: how a style states a red line's bound in public: ``rough`` (a coarse level on the far side
#: of the line), ``tighter`` (a bluff: a level inside the line) or ``none`` (no bound at all)
Bluff = Literal["rough", "tighter", "none"]
#: the coarse grid of a public bound, as a share of the instrument's range
BOUND_GRID = 0.25


def rough_bound(ins: Instrument, rl: RedLine, current: float, bluff: Bluff) -> float | None:
    """The public bound of red line ``rl`` on ``ins``, never its exact level.

    ``rough``: the line rounded *outward* to a grid of a quarter of the range (strictly beyond
    the line, in the direction it forbids: "not above about $50bn" for a $30bn line), so the
    line lies between the current level and the bound; no bound when that is the end of the
    range (it would say nothing). ``tighter``: a bluff, half a grid step inside the line
    (towards the current level, never past it). ``none``: no bound."""
    if bluff == "none" or rl.op == "==":
        return None
    span = ins.max - ins.min
    grid = BOUND_GRID * span
    below_forbidden = rl.op in (">=", ">")  # the line forbids going below its level
    line = rl.value
    if bluff == "rough":
        k = (
            math.floor((line - ins.min) / grid - 1e-9)
            if below_forbidden
            else math.ceil((line - ins.min) / grid + 1e-9)
        )
        x = ins.min + k * grid
        # onto the instrument's step, still outward
        steps = (x - ins.min) / ins.step
        x = ins.min + ins.step * (math.floor(steps + 1e-9) if below_forbidden else math.ceil(steps - 1e-9))
        if below_forbidden and (x <= ins.min + 1e-9 or x >= line - 1e-9):
            return None
        if not below_forbidden and (x >= ins.max - 1e-9 or x <= line + 1e-9):
            return None
        return round(x, 9)
    # the bluff: tighter than the line, by half a grid step, not beyond where the instrument is
    x = line + grid / 2.0 if below_forbidden else line - grid / 2.0
    steps = (x - ins.min) / ins.step
    x = ins.min + ins.step * (math.ceil(steps - 1e-9) if below_forbidden else math.floor(steps + 1e-9))
    x = min(x, max(current, line)) if below_forbidden else max(x, min(current, line))
    x = min(ins.max, max(ins.min, x))
    if abs(x - line) < 1e-9:
        return None
    return round(x, 9)


def red_line_reasons(
    rules: Rules, v: View, lines: Sequence[RedLine], bluff: Bluff = "rough"
) -> tuple[Reason, ...]:
    """Every red line the package crosses: public, its instrument, its direction (``op``) and at
    most a rough bound (:func:`rough_bound`, by the style's ``bluff``); private, its exact level
    and the scenario's words for it."""
    out: list[Reason] = []
    for rl in lines:
        ins = rules.instruments.get(rl.instrument)
        bound = None if ins is None else rough_bound(ins, rl, v.levels.get(ins.id, ins.start), bluff)
        out.append(
            Reason(
                kind=ReasonKind.RED_LINE,
                red_line=rl.id,
                instrument=rl.instrument,
                op=rl.op,
                bound=bound,
                private=Private(level=rl.value, text=rl.text),
            )
        )
    return tuple(out)


def shortfall_reasons(
    rules: Rules,
    v: View,
    outcome: Outcome,
    terms: Sequence[Term],
    deciding: str | None = None,
    *,
    guess: bool = True,
) -> tuple[Reason, ...]:
    """Why a package falls short: public, the term that decided it (``deciding``: the instrument
    whose change would most improve the package for us, found by the negotiator; else the
    other side's instrument that most holds our worst objective back, when ``guess``; else no
    instrument at all: "we cannot agree to these terms") — whose owner says the
    direction ("too far on …" on ours, "we need more on …" on theirs); private, the objective
    furthest short of target with its value, target and words, and where the instrument stays."""
    sc = score_briefing(v.side, v.briefing, outcome.levels, outcome.meters, outcome.shared)
    objs = {o.id: o for o in v.briefing.objectives}
    total_w = sum(o.weight for o in v.briefing.objectives)
    worst = max(sc.items, key=lambda i: (1.0 - i.credit) * i.weight / total_w)
    obj = objs[worst.id]
    value = objective_value(obj, outcome.levels, outcome.meters, outcome.shared)
    holder: Instrument | None
    if deciding is not None and deciding in rules.instruments:
        holder = rules.instruments[deciding]
    elif not guess:
        holder = None
    elif obj.instrument is not None and obj.instrument in rules.instruments:
        holder = rules.instruments[obj.instrument]
    else:
        holder = _blocker(rules, v, obj, terms)
    level = None
    if holder is not None:
        level = next((t.value for t in terms if t.instrument == holder.id), v.levels.get(holder.id))
    private = Private(
        weight=obj.weight, credit=worst.credit, value=value, target=obj.target, text=obj.text, level=level
    )
    return (
        Reason(
            kind=ReasonKind.SHORTFALL,
            objective=obj.id,
            meter=obj.meter,
            meter_side=obj.side if obj.meter else None,
            instrument=holder.id if holder else None,
            private=private,
        ),
    )


def walk_out_reasons(expected: float, no_deal: float, walk_away: float) -> tuple[Reason, ...]:
    """Why we walk out: the best we can expect from the talks is worth less than walking away
    (rule 6.3); the numbers are private."""
    return (
        Reason(
            kind=ReasonKind.WALK_OUT,
            private=Private(score=expected, no_deal=no_deal, walk_away=walk_away),
        ),
    )


def _blocker(rules: Rules, v: View, obj: Objective, terms: Sequence[Term]) -> Instrument | None:
    """The other side's instrument that most holds this objective back: their tariff on us, usually."""
    cands = [
        i
        for i in rules.scenario.instruments
        if i.owner == v.other
        and i.target == v.side
        and i.player_controlled
        and kind_registry.kind_of(i).upper_bound  # raising it hurts us: a tariff, a measure
    ]
    if not cands:
        return None
    levels = dict(v.levels)
    for t in terms:
        levels[t.instrument] = t.value

    def harm(i: Instrument) -> float:
        frac = (levels[i.id] - i.min) / max(1e-9, i.max - i.min)
        w = (
            i.share * 3.0
            if kind_registry.kind_of(i).channel == "tariff"
            else abs(i.effects.target_exports_pct) / 10.0 + 0.1
        )
        return frac * w * (1 if friendly_sign(i) < 0 else -1)

    best = max(cands, key=harm)
    return best if harm(best) > 0 else None
