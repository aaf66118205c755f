"""The probe suite: note-less scripted strategies a person might play (issue 13, part 6).

A *probe* is a seat (``probe:NAME`` wherever a seat is accepted) that plays one simple,
fixed strategy — accept the first offer, stonewall, copy the other side's offer back
trimmed, anchor greedily, escalate, concede only what refusals name. Each decides from its
own side's :class:`~game.engine.View` alone and is a pure function of it (so a game with a
probe is deterministic for its seed), and, like a person who clicks Reject without typing
a reason, it never gives a reason for anything: every action it returns carries no
``reasons`` and no ``note``. That is the point: issue 13 found the AI blind to a human who
rejects without a note. Every action has passed :meth:`Rules.check` on a shadow of the state
built from the view; when a probe's choice is not legal it falls back to the plainest legal
move (no orders, a bare Reject, the table closed).

:func:`run_probes` plays every probe against every AI style and level, on both sides, and
compares each probe's score with the AI's own score in that seat against itself (the
reference): a probe that scores more than the reference has beaten the AI with a trivial
strategy. ``tariff-talks tournament --probes`` prints it; ``docs/ai.md`` keeps the baseline.

The probes' own measure of a package is deliberately naive (a person's, not an economist's):
how far each term moves an instrument from its current level in our favour, as a share of
the instrument's range — our own tariffs and measures count as chips (keeping them high is
"good"), theirs count as gains when they come down.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any, ClassVar

from game.ai.negotiator import rules_for, shadow_state
from game.engine import (
    Accept,
    Action,
    Counter,
    EndTalks,
    IllegalAction,
    Propose,
    Reject,
    Rules,
    SubmitOrders,
    Term,
    View,
)
from game.engine.actions import Statement
from game.engine.reasons import named_instruments
from game.engine.state import Offer
from game.registry import instruments as kind_registry
from game.scenario.models import Instrument, Scenario

Package = tuple[Term, ...]

#: The seat syntax's prefix: ``probe:NAME``.
PREFIX = "probe:"


# ----------------------------------------------------------------------- helpers
def notch(ins: Instrument) -> float:
    """ "A step or so" on ``ins``: a tenth of its range, rounded to whole steps (at least one).
    20 points on a 0-200 tariff, 5 on a 0-50 one moving in steps of 5, 5bn of purchases,
    on/off for a measure."""
    steps = round((ins.max - ins.min) / ins.step)
    return ins.step * max(1, round(steps / 10))


def snap(ins: Instrument, x: float) -> float:
    """``x`` on the instrument's grid, within its range."""
    k = round((x - ins.min) / ins.step)
    return round(min(ins.max, max(ins.min, ins.min + k * ins.step)), 9)


def tradables(rules: Rules, owner: str) -> list[Instrument]:
    """``owner``'s instruments a package may hold (rule 3.2), suspensions left out (a probe
    moves the tariff itself)."""
    return [
        ins
        for ins in rules.scenario.instruments
        if ins.owner == owner
        and kind_registry.tradable(ins, rules.sides)
        and not rules.kinds[ins.id].suspends
    ]


def favour(ins: Instrument, side: str, value: float, current: float) -> float:
    """How far moving ``ins`` from ``current`` to ``value`` is in ``side``'s favour, as a share of
    its range (the probes' naive measure): a concession of theirs counts plus, one of ours minus."""
    moved = (value - current) * kind_registry.kind_of(ins).concession / max(1e-9, ins.max - ins.min)
    return -moved if ins.owner == side else moved


def at_least_as_good(rules: Rules, v: View, offer: Sequence[Term], ours: Sequence[Term]) -> bool:
    """Is ``offer`` at least as good for us as ``ours`` on every instrument either names (a
    term left out keeps the current level)?"""
    a = {t.instrument: t.value for t in offer}
    b = {t.instrument: t.value for t in ours}
    for iid in a.keys() | b.keys():
        ins = rules.instruments[iid]
        cur = v.levels[iid]
        if favour(ins, v.side, a.get(iid, cur), cur) < favour(ins, v.side, b.get(iid, cur), cur) - 1e-9:
            return False
    return True


def within_own_lines(rules: Rules, v: View, terms: Sequence[Term]) -> Package:
    """``terms`` with each of our own terms that would cross one of our red lines anew (rule 3.5)
    moved back towards the current level, a step at a time, until it does not (or dropped)."""
    out: list[Term] = []
    before = set(rules.crossed_red_lines(v.side, v.levels))
    for t in terms:
        ins = rules.instruments[t.instrument]
        cur = v.levels[t.instrument]
        value = t.value
        if ins.owner == v.side:
            while abs(value - cur) > 1e-9:
                after = rules.package_levels(v.levels, (t.model_copy(update={"value": value}),))
                if not set(rules.crossed_red_lines(v.side, after)) - before:
                    break
                value = snap(ins, value + math.copysign(ins.step, cur - value))
            if abs(value - cur) <= 1e-9:
                continue
        out.append(t if value == t.value else t.model_copy(update={"value": value}))
    return tuple(out)


def offers_of(v: View, side: str) -> list[Offer]:
    return [o for o in v.offers if o.side == side]


def last_of(v: View, side: str) -> Offer | None:
    mine = offers_of(v, side)
    return mine[-1] if mine else None


def last_chance(v: View) -> bool:
    """The game's last word: the last turn and no offer left after this answer."""
    return v.turn >= v.deadline_turns and v.exchanges_left <= 0


def greedy_package(rules: Rules, v: View) -> Package:
    """Everything of theirs at its best for us, nothing of ours: the maximal ask."""
    out = []
    for ins in tradables(rules, v.other):
        best = kind_registry.friendliest(ins)
        if abs(best - v.levels[ins.id]) > 1e-9:
            out.append(Term(instrument=ins.id, value=best))
    return tuple(out)


# -------------------------------------------------------------------------- probes
class Probe:
    """Base class: the phase dispatch and the legality check. A subclass says what it does in
    the orders phase, with an offer before it, and with the table to itself."""

    key: ClassVar[str] = "probe"
    description: ClassVar[str] = ""
    is_human: bool = False

    def __init__(self) -> None:
        self.label = PREFIX + self.key

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def decide(self, v: View) -> Action:
        """The probe's action for this view (always legal; never with a reason or a note)."""
        rules = rules_for(v)
        fallback: Action
        candidates: list[Action]
        if v.phase == "orders":
            candidates = [self.orders(rules, v)]
            fallback = SubmitOrders(side=v.side)
        elif v.pending_offer is not None:
            candidates = self.answer(rules, v, v.pending_offer)
            fallback = Reject(side=v.side)
        else:
            candidates = self.table(rules, v)
            fallback = EndTalks(side=v.side)
        shadow = shadow_state(v)
        for action in [*candidates, fallback]:
            try:
                rules.check(shadow, action)
            except IllegalAction:
                continue
            return action
        return fallback  # pragma: no cover - the fallbacks are always legal

    # what a probe does; by default: nothing, refuse, close the table
    def orders(self, rules: Rules, v: View) -> SubmitOrders:
        return SubmitOrders(side=v.side)

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        return [Reject(side=v.side)]

    def table(self, rules: Rules, v: View) -> list[Action]:
        return [EndTalks(side=v.side)]

    # shared moves
    def propose(self, v: View, terms: Sequence[Term]) -> list[Action]:
        if v.exchanges_left <= 0 or not terms:
            return []
        return [Propose(side=v.side, terms=tuple(terms))]

    def counter(self, v: View, terms: Sequence[Term]) -> list[Action]:
        if v.exchanges_left <= 0 or not terms:
            return []
        return [Counter(side=v.side, terms=tuple(terms))]


class AcceptFirst(Probe):
    key = "accept_first"
    description = (
        "accepts every offer at once, the first one included (one that crosses its red lines: "
        "sends it back corrected to them); proposes nothing"
    )

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        # Accept is refused across our own red lines (rule 3.6): then the nearest package we may sign
        return [Accept(side=v.side), *self.counter(v, within_own_lines(rules, v, offer.terms))]


class Stonewall(Probe):
    key = "stonewall"
    description = (
        "moves nothing, rejects every offer without a reason, and accepts on the last turn "
        "(putting their last offer back on the table if it opens that turn)"
    )

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        if v.turn >= v.deadline_turns:
            return [Accept(side=v.side)]
        return [Reject(side=v.side)]

    def table(self, rules: Rules, v: View) -> list[Action]:
        theirs = last_of(v, v.other)
        if v.turn >= v.deadline_turns and theirs is not None:
            return self.propose(v, within_own_lines(rules, v, theirs.terms))
        return [EndTalks(side=v.side)]


class CopyTrimmed(Probe):
    key = "copy_trimmed"
    description = (
        "answers their last offer with a copy of it, the two terms that cost it most shaved by a "
        "step or so; accepts an offer at least as good as its own last one, or the last word"
    )
    #: how many of the costliest terms are shaved
    shave: ClassVar[int] = 2

    def trimmed(self, rules: Rules, v: View, terms: Sequence[Term]) -> Package:
        """Their package with our costliest concessions (by the naive measure) a notch smaller."""
        ours = [
            (favour(rules.instruments[t.instrument], v.side, t.value, v.levels[t.instrument]), k)
            for k, t in enumerate(terms)
            if rules.instruments[t.instrument].owner == v.side
        ]
        costly = {k for cost, k in sorted(ours)[: self.shave] if cost < -1e-9}
        out: list[Term] = []
        for k, t in enumerate(terms):
            if k in costly:
                ins = rules.instruments[t.instrument]
                cur = v.levels[t.instrument]
                back = math.copysign(min(notch(ins), abs(t.value - cur)), cur - t.value)
                t = t.model_copy(update={"value": snap(ins, t.value + back)})
                if abs(t.value - cur) <= 1e-9:
                    continue  # shaved to nothing: the term goes
            out.append(t)
        return within_own_lines(rules, v, out)

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        mine = last_of(v, v.side)
        if last_chance(v) or (mine is not None and at_least_as_good(rules, v, offer.terms, mine.terms)):
            return [Accept(side=v.side)]
        return [*self.counter(v, self.trimmed(rules, v, offer.terms)), Reject(side=v.side)]

    def table(self, rules: Rules, v: View) -> list[Action]:
        theirs = last_of(v, v.other)
        if theirs is None:
            return [EndTalks(side=v.side)]  # nothing to copy yet: wait for their offer
        return [*self.propose(v, self.trimmed(rules, v, theirs.terms)), EndTalks(side=v.side)]


class GreedyAnchor(Probe):
    key = "greedy_anchor"
    description = (
        "proposes the same maximal package every time (all of theirs, nothing of its own) and "
        "rejects everything else"
    )

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        if at_least_as_good(rules, v, offer.terms, greedy_package(rules, v)):
            return [Accept(side=v.side)]
        return [Reject(side=v.side)]

    def table(self, rules: Rules, v: View) -> list[Action]:
        return [*self.propose(v, greedy_package(rules, v)), EndTalks(side=v.side)]


class Escalate(Probe):
    key = "escalate"
    description = (
        "every week raises each of its tariffs and measures a step or so, makes a threatening "
        "statement, and rejects every offer"
    )

    def orders(self, rules: Rules, v: View) -> SubmitOrders:
        moves: dict[str, float] = {}
        for ins in rules.scenario.instruments:
            kind = rules.kinds[ins.id]
            if ins.owner != v.side or not ins.player_controlled or kind.suspends or not kind.upper_bound:
                continue
            cur = v.levels[ins.id]
            up = snap(ins, cur + notch(ins))
            if up <= cur + 1e-9:
                continue
            trial = {**moves, ins.id: up}
            if rules.orders_cost_levels(v.levels, trial, "threatening") <= v.political_capital + 1e-9:
                moves = trial
        statement: Statement = "threatening"
        if rules.orders_cost_levels(v.levels, moves, statement) > v.political_capital + 1e-9:
            moves, statement = {}, "none"
        return SubmitOrders(side=v.side, moves=moves, statement=statement)


class ConcedeNamed(Probe):
    key = "concede_named"
    description = (
        "starts from the maximal ask and gives a step or so only on the instruments their "
        "refusals name, one step a refusal; accepts an offer at least as good as its package"
    )

    def package(self, rules: Rules, v: View) -> Package:
        """The maximal ask, less a notch on each instrument for every refusal of ours that named it
        (ours: a notch conceded from the current level; theirs: a notch less asked)."""
        steps: dict[str, int] = {}
        for o in offers_of(v, v.side):
            if o.status in ("rejected", "countered"):
                for iid in named_instruments(o.response_reasons, limits_only=True):
                    steps[iid] = steps.get(iid, 0) + 1
        terms = {t.instrument: t.value for t in greedy_package(rules, v)}
        for iid, k in sorted(steps.items()):
            ins = rules.instruments.get(iid)
            if ins is None or not kind_registry.tradable(ins, rules.sides) or rules.kinds[iid].suspends:
                continue
            cur = v.levels[iid]
            sign = kind_registry.kind_of(ins).concession
            if ins.owner == v.side:
                value = snap(ins, cur + sign * k * notch(ins))
            else:
                best = kind_registry.friendliest(ins)
                value = snap(ins, best - sign * k * notch(ins))
                if (value - cur) * sign < 0:
                    value = cur  # asked back past where it is: ask nothing
            if abs(value - cur) > 1e-9:
                terms[iid] = value
            else:
                terms.pop(iid, None)
        ordered = [
            Term(instrument=i.id, value=terms[i.id]) for i in rules.scenario.instruments if i.id in terms
        ]
        return within_own_lines(rules, v, ordered)

    def answer(self, rules: Rules, v: View, offer: Offer) -> list[Action]:
        if at_least_as_good(rules, v, offer.terms, self.package(rules, v)):
            return [Accept(side=v.side)]
        return [Reject(side=v.side)]

    def table(self, rules: Rules, v: View) -> list[Action]:
        return [*self.propose(v, self.package(rules, v)), EndTalks(side=v.side)]


#: probe name -> class (each with its one-line ``description``), in the order of issue 13
PROBES: dict[str, type[Probe]] = {
    p.key: p for p in (AcceptFirst, Stonewall, CopyTrimmed, GreedyAnchor, Escalate, ConcedeNamed)
}


def make_probe(name: str) -> Probe:
    """A new probe seat (ValueError if there is no such probe)."""
    if name not in PROBES:
        raise ValueError(f"unknown probe {name!r}; choose from {', '.join(PROBES)}")
    return PROBES[name]()


def is_probe_spec(spec: str) -> bool:
    return spec.startswith(PREFIX)


def parse_probe_spec(spec: str) -> str:
    """``probe:NAME`` -> NAME (ValueError if malformed or unknown)."""
    if not is_probe_spec(spec):
        raise ValueError(f"{spec!r} is not a probe seat: use probe:NAME")
    name = spec[len(PREFIX) :]
    make_probe(name)  # validates
    return name


def probe_choices() -> list[dict[str, str]]:
    """The probes: key and one-line description."""
    return [{"key": k, "description": c.description} for k, c in PROBES.items()]


# ------------------------------------------------------------------------ the suite
def _seat(spec: str) -> Any:
    from game.ai import make_ai

    if is_probe_spec(spec):
        return make_probe(parse_probe_spec(spec))
    style, level = spec.split(":")
    return make_ai(style, level)


def _play(job: tuple[Scenario, int, str, str]) -> Any:
    from game.ai.tournament import play_seats

    scenario, seed, a, b = job
    side_a, side_b = scenario.side_ids
    return play_seats(scenario, seed, {side_a: _seat(a), side_b: _seat(b)}, {side_a: a, side_b: b})


def probe_schedule(
    scenario: Scenario, probes: Sequence[str], entrants: Sequence[str], seeds: int, seed: int
) -> list[tuple[int, str, str]]:
    """(seed, first side's seat, second side's seat) for every game of the suite: each AI
    entrant against itself (the reference), then each probe against it, on either side."""
    plan: list[tuple[int, str, str]] = []
    for k in range(seeds):
        for e in entrants:
            plan.append((seed + k, e, e))
            for p in probes:
                plan.append((seed + k, PREFIX + p, e))
                plan.append((seed + k, e, PREFIX + p))
    return plan


def run_probes(
    scenario: Scenario,
    seeds: int = 1,
    seed: int = 0,
    *,
    probes: Sequence[str] | None = None,
    styles: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Play the probe suite and return its cells and flags (JSON-ready)."""
    from game.ai import LEVELS, STYLES
    from game.ai.tournament import run_jobs

    probes = list(probes or PROBES)
    for p in probes:
        make_probe(p)
    styles = list(styles or STYLES)
    levels = [lv for lv in LEVELS if lv in (levels or LEVELS)]  # weakest first
    entrants = [f"{s}:{lv}" for s in styles for lv in levels]
    plan = probe_schedule(scenario, probes, entrants, seeds, seed)
    results = run_jobs(_play, [(scenario, s, a, b) for s, a, b in plan], jobs=jobs, progress=progress)
    return summarise_probes(scenario, probes, styles, levels, results, seeds=seeds, seed=seed)


def summarise_probes(
    scenario: Scenario,
    probes: Sequence[str],
    styles: Sequence[str],
    levels: Sequence[str],
    results: Sequence[Any],
    *,
    seeds: int,
    seed: int,
) -> dict[str, Any]:
    """Each cell (probe, AI, the probe's side): the probe's and the AI's mean scores, and the
    reference, the AI's mean score in the probe's seat against itself over the same seeds. A
    cell is *beaten* when the probe scores more than the reference. An *inversion*: against
    the same probe, in the same seat, a style at a level scores less than at the level below."""
    from game.ai.tournament import _mean

    sides = scenario.side_ids
    self_play: dict[tuple[str, str], list[float]] = {}  # (entrant, side) -> scores
    games: dict[tuple[str, str, str], list[Any]] = {}  # (probe, entrant, probe side) -> results
    for r in results:
        a, b = (r.seats[s] for s in sides)
        if a == b:
            for s in sides:
                self_play.setdefault((a, s), []).append(r.scores[s])
            continue
        for s in sides:
            if is_probe_spec(r.seats[s]):
                other = sides[1] if s == sides[0] else sides[0]
                games.setdefault((r.seats[s][len(PREFIX) :], r.seats[other], s), []).append(r)
    cells: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str, str], dict[str, Any]] = {}
    for p in probes:
        for st in styles:
            for lv in levels:
                e = f"{st}:{lv}"
                for s in sides:
                    rs = games.get((p, e, s), [])
                    ai_side = sides[1] if s == sides[0] else sides[0]
                    probe_score = _mean([r.scores[s] for r in rs])
                    reference = _mean(self_play.get((e, s), []))
                    cell = {
                        "probe": p,
                        "ai": e,
                        "style": st,
                        "level": lv,
                        "probe_side": s,
                        "games": len(rs),
                        "probe_score": probe_score,
                        "ai_score": _mean([r.scores[ai_side] for r in rs]),
                        "reference": reference,
                        "ai_reference": _mean(self_play.get((e, ai_side), [])),
                        "margin": round(probe_score - reference, 3),
                        "beaten": probe_score > reference + 1e-9,
                        "deal_rate": _mean([1.0 if r.agreements > 0 else 0.0 for r in rs]),
                        "outcomes": _count(r.outcome for r in rs),
                    }
                    cells.append(cell)
                    by_key[(p, e, s)] = cell
    inversions = []
    for p in probes:
        for st in styles:
            for lo, hi in itertools.pairwise(levels):
                for s in sides:
                    a, b = by_key[(p, f"{st}:{hi}", s)], by_key[(p, f"{st}:{lo}", s)]
                    if a["ai_score"] < b["ai_score"] - 1e-9:
                        inversions.append(
                            {
                                "probe": p,
                                "style": st,
                                "probe_side": s,
                                "higher": hi,
                                "lower": lo,
                                "higher_ai_score": a["ai_score"],
                                "lower_ai_score": b["ai_score"],
                            }
                        )
    beaten = [c for c in cells if c["beaten"]]
    return {
        "scenario": scenario.meta.id,
        "seeds": seeds,
        "seed": seed,
        "probes": [{"key": p, "description": PROBES[p].description} for p in probes],
        "styles": list(styles),
        "levels": list(levels),
        "cells": cells,
        "beaten": [
            {k: c[k] for k in ("probe", "ai", "probe_side", "probe_score", "reference", "margin")}
            for c in beaten
        ],
        "inversions": inversions,
        "results": [asdict(r) for r in results],
    }


def _count(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return dict(sorted(out.items()))


def format_probes(summary: dict[str, Any]) -> str:
    """The suite's table as text (English, markdown-like: a report for the AI's developers)."""
    lines = [
        f"Probe suite on {summary['scenario']}: {len(summary['probes'])} probes against "
        f"{len(summary['styles']) * len(summary['levels'])} AIs on both sides, "
        f"{summary['seeds']} seed(s) from {summary['seed']}",
        "",
        "probe score: the probe's mean; AI: the AI's mean in that game; reference: the AI's mean in "
        "the probe's seat against itself (same seeds); BEATEN: the probe scores more than the reference",
        "",
        "| probe | AI | probe seat | probe | AI | reference | margin | deals | |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for c in summary["cells"]:
        lines.append(
            f"| {c['probe']} | {c['ai']} | {c['probe_side']} | {c['probe_score']:.1f} | {c['ai_score']:.1f} "
            f"| {c['reference']:.1f} | {c['margin']:+.1f} | {100 * c['deal_rate']:.0f}% "
            f"| {'BEATEN' if c['beaten'] else ''} |"
        )
    n = len(summary["cells"])
    lines += ["", f"Beaten: {len(summary['beaten'])} of {n} cells"]
    for c in summary["beaten"]:
        lines.append(
            f"  {c['probe']} in the {c['probe_side']} seat against {c['ai']}: "
            f"{c['probe_score']:.1f} > {c['reference']:.1f} ({c['margin']:+.1f})"
        )
    inv = summary["inversions"]
    lines += ["", f"Level inversions (against a probe, a level scores less than the level below): {len(inv)}"]
    for x in inv:
        lines.append(
            f"  {x['style']} {x['higher']} < {x['lower']} against {x['probe']} in the {x['probe_side']} seat: "
            f"{x['higher_ai_score']:.1f} < {x['lower_ai_score']:.1f}"
        )
    return "\n".join(lines)


__all__ = [
    "PREFIX",
    "PROBES",
    "Probe",
    "format_probes",
    "is_probe_spec",
    "make_probe",
    "parse_probe_spec",
    "probe_choices",
    "run_probes",
]
