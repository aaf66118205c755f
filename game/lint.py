"""The scenario lint: plays a scenario's numbers and reports what reading cannot find.

It runs after a scenario validates and plays it headless with a few scripted
strategies over several seeds:

- **agreement zone** — is there a package (from a grid of concessions by both sides)
  that leaves both sides at or above their walk-away values? If not, no deal can
  ever be rational and the AI will never sign one;
- **meters in range** — under passive play and under all-out escalation, does a
  meter hit the end of its range before the deadline (a sign of mis-set numbers)?
- **every event can fire** — an event that never fired in any of the simulated games
  probably has a trigger that cannot hold.

It lives outside ``game/scenario`` because it needs the engine; the ``validate``
command runs it on every file that validates (``--no-lint`` skips it).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from game.engine import (
    Accept,
    Action,
    EndTalks,
    Game,
    IllegalAction,
    Propose,
    Reject,
    SubmitOrders,
    Term,
    View,
)
from game.engine.hidden_types import briefing as drawn_briefing
from game.engine.hidden_types import guess_from_prior
from game.engine.preview import project_packages
from game.engine.rules import Rules
from game.engine.scoring import score_briefing
from game.registry import instruments as kind_registry
from game.registry import meters as meter_registry
from game.scenario.diagnostics import Diagnostic, Severity
from game.scenario.models import METER_RANGES, Instrument, Scenario

Locate = Callable[[tuple[str | int, ...]], tuple[int, int]]

SEEDS = (0, 1, 2, 3, 4, 5)
GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


@dataclass
class _Finding:
    severity: Severity
    message: str
    path: tuple[str | int, ...]


# --------------------------------------------------------------------------- strategies
def _clamp_to_red_lines(scenario: Scenario, iid: str, value: float) -> float:
    """Keep a level inside every red line (of either side) on its instrument."""
    for briefing in scenario.briefings.values():
        for rl in briefing.red_lines:
            if rl.instrument == iid:
                if rl.op in (">=", ">"):
                    value = max(value, rl.value)
                elif rl.op in ("<=", "<"):
                    value = min(value, rl.value)
    return value


def _concession(scenario: Scenario, ins: Instrument, current: float, frac: float) -> float:
    """A level ``frac`` of the way from ``current`` to the friendliest, on the grid, inside red lines."""
    target = _clamp_to_red_lines(
        scenario, ins.id, current + (kind_registry.friendliest(ins) - current) * frac
    )
    k = round((target - ins.min) / ins.step)
    value = ins.min + k * ins.step
    if _clamp_to_red_lines(scenario, ins.id, value) != value:
        value = ins.min + (k - kind_registry.kind_of(ins).concession) * ins.step
    return round(min(ins.max, max(ins.min, value)), 9)


def _affordable(rules: Rules, v: View, targets: dict[str, float], statement: str) -> dict[str, float]:
    """As many of the moves as the side's political capital pays for, in order."""
    moves: dict[str, float] = {}
    for iid, value in targets.items():
        trial = {**moves, iid: value}
        if rules.orders_cost_levels(v.levels, trial, statement) <= v.political_capital:
            moves = trial
    return moves


class _Strategy:
    """A scripted player for the lint: ``passive``, ``escalate`` or ``deal``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def decide(self, rules: Rules, v: View) -> Action:
        own = [i for i in rules.scenario.instruments if i.owner == v.side and i.player_controlled]
        if v.phase == "orders":
            if self.kind == "escalate":
                targets = {
                    i.id: kind_registry.hostile(i) for i in own if kind_registry.kind_of(i).upper_bound
                }
                return SubmitOrders(
                    side=v.side, moves=_affordable(rules, v, targets, "threatening"), statement="threatening"
                )
            return SubmitOrders(side=v.side, statement="conciliatory" if self.kind == "deal" else "none")
        if v.pending_offer is not None:
            return Accept(side=v.side) if self.kind == "deal" else Reject(side=v.side)
        signed_this_turn = any(a.signed_turn == v.turn for a in v.agreements)
        if self.kind == "deal" and v.exchanges_left > 0 and not signed_this_turn:
            # concede a quarter of the way more each turn, so that events reacting to
            # partial concessions get their chance before any comprehensive deal
            sc = rules.scenario
            frac = min(1.0, v.turn / 4)
            terms = tuple(
                Term(instrument=i.id, value=value)
                for i in sc.instruments
                if kind_registry.tradable(i, rules.sides)
                and abs((value := _concession(sc, i, v.levels[i.id], frac)) - v.levels[i.id]) > 1e-9
            )
            if terms:
                return Propose(side=v.side, terms=terms)
        return EndTalks(side=v.side)


def _play(scenario: Scenario, rules: Rules, seed: int, kind: str) -> Game:
    if kind == "deal" and scenario.end.ends_on_deal:
        # play on past a comprehensive deal, so that later events are tried too
        scenario = scenario.model_copy(
            update={"end": scenario.end.model_copy(update={"ends_on_deal": False})}
        )
        rules = Rules(scenario)
    game = Game(scenario, seed, rules=rules)
    strategy = _Strategy(kind)
    for _ in range(20_000):
        movers = game.to_move()
        if not movers:
            break
        side = movers[0]
        action = strategy.decide(rules, game.view(side))
        try:
            game.play(action)
        except IllegalAction:
            # a red line or a capital limit: fall back to the plainest legal move
            fallback: Action = EndTalks(side=side)
            if game.state.phase == "orders":
                fallback = SubmitOrders(side=side)
            elif game.state.pending_offer is not None:
                fallback = Reject(side=side)
            game.play(fallback)
    return game


# ------------------------------------------------------------------------------ checks
def _zone(scenario: Scenario, rules: Rules) -> list[_Finding]:
    """Is there a package that both sides prefer to their walk-away values?"""
    game = Game(scenario, 0, rules=rules)
    a, b = scenario.side_ids
    # rule 7.3: with priors, the zone of the typical types (every prior at its middle, red lines
    # on their steps); the games the lint plays use each seed's own draw
    ba, bb = (
        guess_from_prior(scenario, scenario.briefings[s])
        if scenario.briefings[s].has_priors
        else drawn_briefing(scenario, game.state, s)
        for s in (a, b)
    )
    owned = {
        s: [i for i in scenario.instruments if i.owner == s and kind_registry.tradable(i, (a, b))]
        for s in (a, b)
    }
    packages: list[tuple[Term, ...]] = []
    for ca, cb in itertools.product(GRID, GRID):
        terms = []
        for side, frac in ((a, ca), (b, cb)):
            for ins in owned[side]:
                cur = game.state.levels[ins.id]
                value = _concession(scenario, ins, cur, frac)
                if abs(value - cur) > 1e-9:
                    terms.append(Term(instrument=ins.id, value=value))
        if terms:
            levels = rules.package_levels(game.state.levels, tuple(terms))
            if not rules.crossed_red_lines(a, levels, ba) and not rules.crossed_red_lines(b, levels, bb):
                packages.append(tuple(terms))
    if not packages:
        return [
            _Finding(
                "warning", "no package on the concession grid respects both sides' red lines", ("briefings",)
            )
        ]
    view = game.view(a)
    projections = project_packages(rules, view, packages, turns=min(6, scenario.end.deadline_turns))
    best = (-1.0, -1.0)
    for p in projections:
        sa = score_briefing(a, ba, p.levels, p.meters, p.shared).total
        sb = score_briefing(b, bb, p.levels, p.meters, p.shared).total
        if sa >= ba.walk_away and sb >= bb.walk_away:
            return []
        best = max(best, (sa, sb), key=lambda x: min(x[0] - ba.walk_away, x[1] - bb.walk_away))
    return [
        _Finding(
            "warning",
            f"no agreement zone: none of {len(packages)} sampled packages leaves both sides at or above their "
            f"walk-away values ({a} {ba.walk_away:g}, {b} {bb.walk_away:g}); "
            f"the closest gives {a} {best[0]:.0f} and {b} {best[1]:.0f}",
            ("briefings", a, "walk_away"),
        )
    ]


def _ranges(games: dict[str, list[Game]]) -> list[_Finding]:
    findings: list[_Finding] = []
    seen: set[str] = set()
    rules_meters = meter_registry.rules_meters()
    for kind, group in games.items():
        for game in group:
            for rec in game.state.history[1:]:
                cells = [(f"{s}.{m}", v) for s, ms in rec.meters.items() for m, v in ms.items()]
                cells += list(rec.shared.items())
                for name, value in cells:
                    meter = name.split(".")[-1]
                    if meter in rules_meters:
                        continue  # game meters (the rules compute them): reaching their bounds is part of play
                    lo, hi = METER_RANGES[meter]
                    if (value <= lo or value >= hi) and name not in seen:
                        seen.add(name)
                        findings.append(
                            _Finding(
                                "warning",
                                f"{name} reaches the end of its range ({value:g}) by turn {rec.turn} under "
                                f"{kind} play: check the economy parameters and starting levels",
                                ("economy",),
                            )
                        )
    return findings


def _events(scenario: Scenario, games: dict[str, list[Game]]) -> list[_Finding]:
    fired: set[str] = set()
    total = 0
    for group in games.values():
        for game in group:
            total += 1
            fired |= set(game.state.fired_events)
    return [
        _Finding(
            "warning",
            f"event '{ev.id}' never fired in {total} simulated games (passive, escalating and deal-making "
            "play over several seeds): can its trigger ever hold?",
            ("events", idx, "when") if ev.when is not None else ("events", idx),
        )
        for idx, ev in enumerate(scenario.events)
        if ev.id not in fired
    ]


def lint_scenario(scenario: Scenario, filename: str, locate: Locate) -> list[Diagnostic]:
    """Play the scenario's numbers; return located warnings."""
    rules = Rules(scenario)
    games = {
        kind: [_play(scenario, rules, seed, kind) for seed in SEEDS]
        for kind in ("passive", "escalate", "deal")
    }
    findings = _zone(scenario, rules) + _ranges(games) + _events(scenario, games)
    out = []
    for f in findings:
        line, col = locate(f.path)
        out.append(Diagnostic(f.severity, f.message, filename, line, col, f.path))
    return out


def lint_file(scenario: Scenario, filename: str) -> list[Diagnostic]:
    """The lint for a file that validated: positions come from re-reading it."""
    from pathlib import Path

    from game.scenario.loader import load_yaml_with_positions

    _, positions, _ = load_yaml_with_positions(Path(filename).read_bytes(), filename)
    return lint_scenario(scenario, filename, locator_for(positions))


def locator_for(positions: dict) -> Locate:
    """The position of a path, or of its nearest located ancestor."""

    def locate(path: tuple[str | int, ...]) -> tuple[int, int]:
        p = tuple(path)
        key_pos = getattr(positions, "key_positions", {})
        while p:
            if p in key_pos:  # the key names the thing: `when:` rather than its first line
                return key_pos[p]
            if p in positions:
                return positions[p]
            p = p[:-1]
        return (1, 1)

    return locate
