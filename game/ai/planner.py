"""Lookahead for the AI: project many plans at once with the batch economy model.

A *plan* is what a side might do now: a package of terms (signed this turn) and/or
unilateral orders and a statement. :func:`project` runs every plan forward in one
batch of the vectorised economy model (arrays shaped plans × regions) and returns,
for each, the instrument levels and both sides' *public* meters at the horizon.

Only public information is used: the instrument levels, the economy state and the
agreements in force are public (see :mod:`game.engine.view`). How a projection is
*scored* is up to the caller: with the side's own briefing for itself, and with a
guessed briefing (:mod:`game.ai.opponent`) for the other side.

With ``schedule=True`` (the stronger levels) a projection follows the rules'
schedule exactly: terms with a duration snap back when they run out (rule 4.5),
phased terms start late, and terms of earlier agreements start or snap back within
the horizon too. With ``schedule=False`` (the weaker levels) every term is treated
as permanent and immediate. A package that is a comprehensive deal ends the talks
(rule 5.4) but its effects play out to the deadline before scoring, with both
delegations implementing it each week (trust and uncertainty as for a conciliatory
statement, no approval cost); the levels that know the rule project it so (to their
horizon, like any package).

Approval and threat credibility (public meters) are projected by the rules' own functions
(:mod:`game.engine.rules.politics`): the agreement's lift and each side's price for what it
concedes at signing (rules 3.7-3.8), the economy's pressure each step, the plan's
statement (a threat's rally scaled by credibility), the price of easing by orders, and a
threat the plan leaves unfulfilled (rule 4.10). So a plan's score sees what it costs at home.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game import economy as eco
from game.engine.actions import Term
from game.engine.preview import projected_meters
from game.engine.rules import (
    TRUST_STATEMENT,
    Rules,
    agreement_credibility,
    agreement_credibility_after_signing,
    said_trust,
    trust_lift,
)
from game.engine.rules.politics import (
    NO_PRICE,
    THREAT_WINDOW,
    Price,
    ThreatStatus,
    approval_at_signing,
    approval_change,
    concession_prices,
    credibility_after,
    threat_status,
    tough_streak,
)
from game.engine.view import View
from game.registry.instruments import hurts_other
from game.scenario.models import METER_RANGES

Levels = dict[str, float]


@dataclass(frozen=True)
class Plan:
    """What this side might do now: sign ``terms``, order ``moves``, say ``statement``."""

    terms: tuple[Term, ...] = ()
    moves: Mapping[str, float] = field(default_factory=dict)
    statement: str = "none"


@dataclass(frozen=True)
class Outcome:
    """A plan's projected end state (at the horizon)."""

    levels: Levels
    meters: dict[str, dict[str, float]]
    shared: dict[str, float]
    steps: int  # economy steps projected


def horizon_steps(v: View, horizon: int | None) -> int:
    """Economy steps from now to the horizon: ``None`` means to the deadline."""
    remaining = max(1, v.deadline_turns - v.turn + 1)
    return remaining if horizon is None else max(1, min(horizon, remaining))


def _credibility(trust_pct: float, signed: bool, in_force: bool, signed_before: int = 0) -> float:
    if signed:
        return agreement_credibility_after_signing(trust_pct, signed_before)
    return agreement_credibility(trust_pct, in_force=in_force)


def level_path(rules: Rules, v: View, plan: Plan, steps: int, *, schedule: bool) -> list[Levels]:
    """Instrument levels after each of the next ``steps`` resolutions under ``plan``."""
    base = dict(v.levels)
    base.update({k: float(x) for k, x in plan.moves.items()})
    term_ids = {t.instrument for t in plan.terms}
    path: list[Levels] = []
    for k in range(steps):
        turn = v.turn + k
        lv = dict(base)
        if schedule:
            # earlier agreements: phased terms start, expired terms snap back (rules 4.2, 4.5)
            for ag in v.active_agreements:
                for bt in ag.terms:
                    if not getattr(bt, "active", True) or bt.instrument in term_ids:
                        continue
                    started = getattr(bt, "from_turn", 0) <= v.turn  # already in the current levels
                    if bt.until_turn is not None and turn > bt.until_turn:
                        lv[bt.instrument] = bt.prior if started else base[bt.instrument]
                    elif not started and turn >= bt.from_turn:
                        lv[bt.instrument] = bt.value
        for t in plan.terms:
            start = v.turn + (t.start_after_turns if schedule else 0)
            expired = schedule and t.duration_turns is not None and turn >= start + t.duration_turns
            if turn < start or expired:
                lv[t.instrument] = base[t.instrument]  # not yet in force, or snapped back
            else:
                lv[t.instrument] = float(t.value)
        path.append(lv)
    return path


def project(
    rules: Rules,
    v: View,
    plans: Sequence[Plan],
    *,
    horizon: int | None,
    schedule: bool,
    ends_game: Sequence[bool] | None = None,
) -> list[Outcome]:
    """Project every plan to the horizon in one batch; ``ends_game[i]``: plan i ends the talks
    now (rule 5.4: it is then played out and scored at the deadline)."""
    if not plans:
        return []
    steps = horizon_steps(v, horizon)
    n = len(plans)
    deal = [bool(ends_game is not None and ends_game[i]) for i in range(n)]
    trust = v.shared.get("trust_pct", 0.0)
    in_force = bool(v.active_agreements)
    signed_before = len(v.agreements)  # rule 3.7: each agreement lifts less than the one before
    # the distinct input sets: one per (levels, statement, signed) combination
    keys: dict[tuple, int] = {}
    inputs: list[eco.Inputs] = []
    index = np.zeros((steps, n), dtype=int)
    final_levels: list[Levels] = []
    for i, plan in enumerate(plans):
        signed = bool(plan.terms)
        said = min(100.0, max(0.0, said_trust(trust, [TRUST_STATEMENT.get(plan.statement, 0.0)])))
        cred = _credibility(said, signed, in_force, signed_before)
        path = level_path(rules, v, plan, steps, schedule=schedule)
        final_levels.append(path[-1])
        for k, lv in enumerate(path):
            if k == 0:
                statements = {v.side: plan.statement}
            elif deal[i]:
                # rule 5.4: a deal's play-out calms uncertainty as conciliatory statements from
                # both sides would (at home it is no statement: see _Politics)
                statements = {s: "conciliatory" for s in rules.sides}
            else:
                statements = {v.side: "none"}
            key = (tuple(sorted(lv.items())), tuple(sorted(statements.items())), cred)
            j = keys.get(key)
            if j is None:
                j = keys[key] = len(inputs)
                inputs.append(rules.econ_inputs(lv, statements=statements, shocks=None, credibility=cred))
            index[k, i] = j
    stacked = eco.stack_inputs(inputs)
    fields = [f.name for f in dataclasses.fields(stacked)]
    state = v.econ.repeat(n)
    politics = [_Politics.start(rules, v, plan, deal[i]) for i, plan in enumerate(plans)]
    approval = {s: np.array([p.approval[s] for p in politics]) for s in rules.sides}
    lo, hi = METER_RANGES["approval_pct"]
    # what each step adds to the economy's pressure on approval (rule 4.8): only the plan's own
    # statement and orders now, and its threat's fate, differ from nothing
    extra = {s: np.zeros((steps, n)) for s in rules.sides}
    for i, p in enumerate(politics):
        for k in {0, p.threat_turn} & set(range(steps)):
            extra[p.side][k, i] = p.change(p.side, k, 0.0)
    m: eco.Meters | None = None
    for k in range(steps):
        idx = index[k]
        step_inputs = type(stacked)(**{f: getattr(stacked, f)[idx] for f in fields})
        state, m, _attr = eco.step(
            rules.econ.params, state, step_inputs, rules.econ.dt_years, rules.econ.world
        )
        # rule 4.8, as the rules resolve it: the economy's pressure, statements, prices, threats
        for s in rules.sides:
            pressure = m.approval_pressure_pp[:, rules.econ.region_index[s]]
            approval[s] = np.clip(approval[s] + pressure + extra[s][k], lo, hi)
    assert m is not None
    for i, p in enumerate(politics):
        for s in rules.sides:
            p.approval[s] = float(approval[s][i])
    out: list[Outcome] = []
    for i, plan in enumerate(plans):
        shared_trust = said_trust(trust, [TRUST_STATEMENT.get(plan.statement, 0.0)]) + (
            trust_lift(signed_before) if plan.terms else 0.0
        )
        if deal[i]:
            # rule 5.4: each week of the play-out, both sides' conciliatory words (rule 4.8)
            for _ in range(steps - 1):
                shared_trust = said_trust(
                    min(100.0, shared_trust), [TRUST_STATEMENT["conciliatory"]] * len(rules.sides)
                )
        out.append(
            _outcome(rules, v, m, i, final_levels[i], steps, min(100.0, max(0.0, shared_trust)), politics[i])
        )
    return out


@dataclass
class _Politics:
    """One plan's politics along its projection (rules 3.7-3.8, 4.8, 4.10), by the rules' own
    functions (:mod:`game.engine.rules.politics`) from public meters: approval (public), threat
    credibility (public) and the faction pressure the plan's prices add (the faction's decay
    and its export channel are left out: no objective reads the meter)."""

    statement: str
    deal: bool
    approval: dict[str, float]
    credibility: dict[str, float]
    faction: dict[str, float]
    order_price: Price
    side: str
    threat: ThreatStatus | None  # the plan's own threat's fate, if it makes one
    threat_turn: int  # the step at which its fate is known
    streak: int  # the side's tough statements in a row before now (rule 4.8)

    @classmethod
    def start(cls, rules: Rules, v: View, plan: Plan, deal: bool) -> _Politics:
        approval = {s: float(v.meters.get(s, {}).get("approval_pct", 50.0)) for s in rules.sides}
        faction = {s: float(v.meters.get(s, {}).get("faction_pressure_pct", 0.0)) for s in rules.sides}
        credibility = {s: float(v.meters.get(s, {}).get("threat_credibility_pct", 50.0)) for s in rules.sides}
        if plan.terms:  # signed at the table, before the turn resolves (rules 3.7-3.8)
            prices = rules.signing_prices(v.levels, plan.terms)
            for s in rules.sides:
                price = prices.get(s, NO_PRICE)
                approval[s] = approval_at_signing(approval[s], price, len(v.agreements), comprehensive=deal)
                faction[s] += price.faction_pct
        moves = {k: float(x) for k, x in plan.moves.items()}
        order_price = concession_prices(
            rules.instruments, v.levels, ((k, x, False) for k, x in moves.items())
        ).get(v.side, NO_PRICE)
        faction[v.side] += order_price.faction_pct
        threat: ThreatStatus | None = None
        threat_turn = 0
        if plan.statement == "threatening":
            escalated = any(hurts_other(rules.instruments[k], x - v.levels[k]) for k, x in moves.items())
            # no later moves are projected: a threat not carried out now is left unfulfilled
            for threat_turn in range(THREAT_WINDOW + 1):
                threat = threat_status(
                    0,
                    threat_turn,
                    escalated=escalated and threat_turn == 0,
                    signed=bool(plan.terms) and threat_turn == 0,
                )
                if threat != "pending":
                    break
        streak = tough_streak(v.news, v.side, v.turn)
        return cls(
            plan.statement,
            deal,
            approval,
            credibility,
            faction,
            order_price,
            v.side,
            threat,
            threat_turn,
            streak,
        )

    def change(self, side: str, k: int, pressure_pp: float) -> float:
        """Approval change of ``side`` at projected step ``k`` (rule 4.8): the other side is
        projected to say nothing, and this one to say nothing after its plan's turn."""
        mine = side == self.side
        statement = self.statement if (mine and k == 0) else "none"
        return float(
            approval_change(
                pressure_pp,
                statement,
                self.credibility[side],
                implementing=self.deal and k > 0,
                price=self.order_price if (mine and k == 0) else NO_PRICE,
                backdown=mine and self.threat == "unfulfilled" and k == self.threat_turn,
                streak=self.streak if (mine and k == 0) else 0,
            )
        )

    def credibility_at_end(self, side: str) -> float:
        if side != self.side:
            return self.credibility[side]
        return credibility_after(self.credibility[side], self.threat)


def _outcome(
    rules: Rules,
    v: View,
    m: eco.Meters,
    g: int,
    levels: Levels,
    steps: int,
    trust: float,
    politics: _Politics,
) -> Outcome:
    meters, shared = projected_meters(rules, v, m, g)
    shared["trust_pct"] = trust
    for s in rules.sides:
        meters[s]["approval_pct"] = politics.approval[s]
        meters[s]["faction_pressure_pct"] = min(100.0, politics.faction[s])
        meters[s]["threat_credibility_pct"] = politics.credibility_at_end(s)
    return Outcome(levels, meters, shared, steps)
