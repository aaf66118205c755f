"""One-sentence explanations of the AI's actions (the action's public ``note``).

Every offer, acceptance and rejection says what it is about in concrete terms:
instruments with their levels, objectives with their values and targets, e.g.
"Rejected: we still need to restore US exports to China ($83bn under these terms,
against a target of $140bn) while China's tariff on US goods stays at 125%."
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.opponent import friendly_sign
from game.ai.planner import Outcome
from game.engine.actions import Term
from game.engine.rules import Rules
from game.engine.scoring import objective_value, score_briefing
from game.engine.view import View
from game.scenario.models import Instrument, Objective, RedLine, tr
from game.text import side_subject


def name(ins: Instrument) -> str:
    return tr(ins.name)


#: words for an on/off instrument's two levels (at its minimum, at its maximum)
_BINARY_WORDS = {
    "measure": ("lifted", "in force"),
    "pledge": ("not given", "in force"),
    "consultation": ("not joined", "joined"),
}


def fmt_level(ins: Instrument, value: float) -> str:
    """A level as a player reads it: ``30%``, ``$25bn a year``, ``in force`` (never a bare 1)."""
    if ins.unit == "pct":
        return f"{value:g}%"
    if ins.unit == "bn":
        return f"${value:g}bn a year"
    words = _BINARY_WORDS.get(ins.kind)
    if words is not None and ins.max - ins.min <= ins.step + 1e-9:
        if abs(value - ins.min) < 1e-9:
            return words[0]
        if abs(value - ins.max) < 1e-9:
            return words[1]
    return f"{value:g}"


def stays(ins: Instrument, value: float) -> str:
    """'stays at 125%', 'stays in force', 'stays lifted'."""
    level = fmt_level(ins, value)
    worded = any(level in pair for pair in _BINARY_WORDS.values())
    return f"stays {level}" if worded else f"stays at {level}"


def weeks(v: View, turns: int) -> str:
    days = turns * v.scenario.meta.turn_days
    return f"{days // 7} weeks" if days % 7 == 0 else f"{turns} turns"


def the(ins: Instrument) -> str:
    """The instrument's name with an article unless it has its own ("China's tariff …")."""
    n = name(ins)
    first = n.split(" ", 1)[0]
    return n if first.endswith(("'s", "’s")) else f"the {n}"


def describe_term(rules: Rules, v: View, t: Term) -> str:
    """'cut the US reciprocal tariff on China to 60%', 'lift the rare-earth export licensing', …"""
    ins = rules.instruments[t.instrument]
    cur = v.levels.get(ins.id, ins.start)
    span = f" for {weeks(v, t.duration_turns)}" if t.duration_turns is not None else ""
    binary = ins.max - ins.min <= ins.step + 1e-9
    if ins.kind == "suspension":
        target = rules.instruments.get(ins.applies_to or "")
        of = f" of {the(target)}" if target else ""
        return f"suspend {t.value:g} points{of}{span}"
    if ins.kind == "measure" and binary:
        return (f"lift {the(ins)}" if t.value <= ins.min + 1e-9 else f"impose {the(ins)}") + span
    if ins.kind == "consultation" and binary:
        return (
            "join a standing consultation mechanism"
            if t.value >= ins.max - 1e-9
            else "leave the consultations"
        ) + span
    if ins.kind == "pledge" and binary:
        n = name(ins)
        return (
            f"commit to {n[:1].lower() + n[1:]}" if t.value >= ins.max - 1e-9 else f"drop {the(ins)}"
        ) + span
    if ins.kind == "purchase":
        if t.value > cur:
            return f"commit to purchases of {fmt_level(ins, t.value)}{span}"
        return f"cut {the(ins)} to {fmt_level(ins, t.value)}{span}"
    verb = "cut" if t.value < cur else "raise"
    return f"{verb} {the(ins)} to {fmt_level(ins, t.value)}{span}"


def join(parts: Sequence[str]) -> str:
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


#: how much a kind of term matters when a note can name only two
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


def offer_note(rules: Rules, v: View, terms: Sequence[Term], mine: float, base: float) -> str:
    gives = [describe_term(rules, v, t) for t in _biggest(rules, v, terms, v.side)]
    asks = [describe_term(rules, v, t) for t in _biggest(rules, v, terms, v.other)]
    more = len(terms) - len(gives) - len(asks)
    extra = f" (with {more} more term{'s' if more > 1 else ''})" if more > 0 else ""
    other = side_subject(v.scenario, v.other)  # "the United States", "China"
    if gives and asks:
        head = f"We offer to {join(gives)} if {other} will {join(asks)}{extra}"
    elif gives:
        head = f"We offer to {join(gives)}{extra}"
    else:
        head = f"We ask {other} to {join(asks)}{extra}"
    return f"{head}: {_better_off(mine, base)}."


def _better_off(mine: float, base: float) -> str:
    """How much better than no deal, in words: a negotiator does not quote its own score."""
    gain = mine - base
    if gain >= 15:
        return "it leaves us far better off than no deal"
    if gain >= 5:
        return "it leaves us clearly better off than no deal"
    return "it leaves us somewhat better off than no deal"


def accept_note(rules: Rules, v: View, terms: Sequence[Term], mine: float, base: float) -> str:
    asks = [describe_term(rules, v, t) for t in _biggest(rules, v, terms, v.other)]
    what = f"{side_subject(v.scenario, v.other)} will {join(asks)}, " if asks else ""
    return f"Accepted: {what}which {_better_off(mine, base).replace('it leaves', 'leaves')}."


def nibble_note(rules: Rules, v: View, theirs: Sequence[Term], ours: Sequence[Term]) -> str:
    """'Almost there: we would sign this if China will buy $30bn a year of US farm goods and energy.'
    or '… if we cut the US reciprocal tariff on China to 20% only.'"""
    before = {t.instrument: t for t in theirs}
    after = {t.instrument: t for t in ours}
    parts: list[str] = []
    for iid in sorted(set(before) | set(after)):
        b, a = before.get(iid), after.get(iid)
        mine = rules.instruments[iid].owner == v.side
        if a is not None and (b is None or abs(a.value - b.value) > 1e-9):
            if mine:
                parts.append(f"we {describe_term(rules, v, a)} only")
            else:
                parts.append(f"{side_subject(rules.scenario, v.other)} will {describe_term(rules, v, a)}")
        elif a is None and b is not None:
            parts.append(f"we leave out the promise to {describe_term(rules, v, b)}")
    return f"Almost there: we would sign this if {join(parts)}."


def red_line_note(rules: Rules, v: View, lines: Sequence[RedLine]) -> str:
    """Name every red line the package crosses (and its instrument), in one sentence."""
    whats = []
    for rl in lines:
        ins = rules.instruments.get(rl.instrument)
        whats.append(the(ins) if ins else rl.instrument)
    why = "; ".join(tr(rl.text).rstrip(".").lower() for rl in lines)
    return f"Rejected: we will not move {join(whats)} that far — {why}."


def _fmt_obj_value(obj: Objective, value: float) -> str:
    m = obj.meter or ""
    if m.endswith("_bn"):
        return f"${value:,.0f}bn"
    if m.endswith("_pct"):
        return f"{value:.1f}%"
    return f"{value:.3g}"


def shortfall_note(
    rules: Rules, v: View, outcome: Outcome, terms: Sequence[Term], prefix: str = "Rejected"
) -> str:
    """Name the objective furthest short of target under these terms, and what holds it back."""
    sc = score_briefing(v.side, v.briefing, outcome.levels, outcome.meters, outcome.shared)
    objs = {o.id: o for o in v.briefing.objectives}
    total_w = sum(o.weight for o in v.briefing.objectives)
    worst = max(sc.items, key=lambda i: (1.0 - i.credit) * i.weight / total_w)
    obj = objs[worst.id]
    text = tr(obj.text).rstrip(".")
    text = text[:1].lower() + text[1:]
    value = objective_value(obj, outcome.levels, outcome.meters, outcome.shared)
    if obj.instrument is not None:
        ins = rules.instruments.get(obj.instrument)
        if ins is not None:
            return f"{prefix}: we still need to {text}, and {the(ins)} {stays(ins, value)}."
    blocker = _blocker(rules, v, obj, terms)
    why = f" while {the(blocker)} {stays(blocker, outcome.levels[blocker.id])}" if blocker else ""
    return (
        f"{prefix}: we still need to {text} ({_fmt_obj_value(obj, value)} under these terms, against a "
        f"target of {_fmt_obj_value(obj, obj.target)}){why}."
    )


def _blocker(rules: Rules, v: View, obj: Objective, terms: Sequence[Term]) -> Instrument | None:
    """The other side's instrument that most holds this objective back: their tariff on us, usually."""
    cands = [
        i
        for i in rules.scenario.instruments
        if i.owner == v.other
        and i.target == v.side
        and i.player_controlled
        and i.kind in ("tariff", "measure")
    ]
    if not cands:
        return None
    levels = dict(v.levels)
    for t in terms:
        levels[t.instrument] = t.value

    def harm(i: Instrument) -> float:
        frac = (levels[i.id] - i.min) / max(1e-9, i.max - i.min)
        w = i.share * 3.0 if i.kind == "tariff" else abs(i.effects.target_exports_pct) / 10.0 + 0.1
        return frac * w * (1 if friendly_sign(i) < 0 else -1)

    best = max(cands, key=harm)
    return best if harm(best) > 0 else None
