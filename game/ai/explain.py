"""The AI's reasons for its actions, as data (:mod:`game.engine.reasons`).

Every offer, acceptance and rejection says what it is about in concrete terms —
instruments with their levels, objectives with their values and targets, the red
line crossed — as :class:`~game.engine.reasons.Reason` values; the words ("Rejected.
We still need to restore US exports to China ($83bn under these terms, against a
target of $140bn) while China's tariff on US goods stays at 125%.") are rendered when
shown, in the reader's language, by :mod:`game.reasons_text`.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def red_line_reasons(rules: Rules, v: View, lines: Sequence[RedLine]) -> tuple[Reason, ...]:
    """Every red line the package crosses, with its instrument and level (issue 13 coarsens
    the level and the words)."""
    return tuple(
        Reason(
            kind=ReasonKind.RED_LINE,
            red_line=rl.id,
            instrument=rl.instrument,
            op=rl.op,
            level=rl.value,
            text=rl.text,
        )
        for rl in lines
    )


def shortfall_reasons(rules: Rules, v: View, outcome: Outcome, terms: Sequence[Term]) -> tuple[Reason, ...]:
    """The objective furthest short of target under these terms, and what holds it back."""
    sc = score_briefing(v.side, v.briefing, outcome.levels, outcome.meters, outcome.shared)
    objs = {o.id: o for o in v.briefing.objectives}
    total_w = sum(o.weight for o in v.briefing.objectives)
    worst = max(sc.items, key=lambda i: (1.0 - i.credit) * i.weight / total_w)
    obj = objs[worst.id]
    value = objective_value(obj, outcome.levels, outcome.meters, outcome.shared)
    private = Private(weight=obj.weight, credit=worst.credit)
    holder: Instrument | None
    meter: str | None
    level: float | None
    if obj.instrument is not None and obj.instrument in rules.instruments:
        holder = rules.instruments[obj.instrument]
        meter, level = None, value  # the objective is the instrument's level itself
    else:
        holder = _blocker(rules, v, obj, terms)
        meter, level = obj.meter, (outcome.levels[holder.id] if holder else None)
    return (
        Reason(
            kind=ReasonKind.SHORTFALL,
            objective=obj.id,
            text=obj.text,
            value=value,
            target=obj.target,
            meter=meter,
            meter_side=obj.side if meter else None,
            instrument=holder.id if holder else None,
            level=level,
            private=private,
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
