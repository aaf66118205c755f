"""What-if projections: run the economy forward from a side's view.

Used by the window's offer preview and by the AI's lookahead. Everything here
works from public information (the economy state and instrument levels are
public), so it never needs the other side's secrets. Many candidate packages
are projected at once as one batch of the vectorised economy model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game import economy as eco
from game.engine.actions import Term
from game.engine.rules import Rules, agreement_credibility, agreement_credibility_after_signing
from game.engine.scoring import score_briefing
from game.engine.view import View
from game.registry import meters as meter_registry


@dataclass(frozen=True)
class Projection:
    """Meters projected ``turns`` turns ahead for one package."""

    levels: dict[str, float]
    meters: dict[str, dict[str, float]]  # side -> meter -> value (economy meters only)
    shared: dict[str, float]
    my_score: float  # this side's score with the projected meters


def _levels_with(levels: dict[str, float], terms: Sequence[Term]) -> dict[str, float]:
    out = dict(levels)
    for t in terms:
        out[t.instrument] = float(t.value)
    return out


def project_packages(
    rules: Rules,
    v: View,
    packages: Sequence[Sequence[Term]],
    *,
    turns: int = 4,
    credibility: float | None = None,
) -> list[Projection]:
    """Project each package (terms applied now) ``turns`` turns ahead, in one batch."""
    if not packages:
        return []
    level_sets = [_levels_with(v.levels, p) for p in packages]
    cred = rules_credibility(v) if credibility is None else credibility
    inputs = eco.stack_inputs(
        [
            rules.econ_inputs(
                lv, statements={}, shocks=None, credibility=cred if p else rules_credibility_no_deal(v)
            )
            for lv, p in zip(level_sets, packages, strict=True)
        ]
    )
    state = v.econ.repeat(len(packages))
    m = None
    for _ in range(max(1, turns)):
        state, m, _attr = eco.step(rules.econ.params, state, inputs, rules.econ.dt_years, rules.econ.world)
    assert m is not None
    return [_projection(rules, v, m, g, level_sets[g]) for g in range(len(packages))]


def rules_credibility(v: View) -> float:
    """Credibility of agreements after signing a package now."""
    return agreement_credibility_after_signing(v.shared.get("trust_pct", 0.0), len(v.agreements))


def rules_credibility_no_deal(v: View) -> float:
    """Credibility of the agreements in force (0 with none), without a new one."""
    return agreement_credibility(v.shared.get("trust_pct", 0.0), in_force=bool(v.active_agreements))


def projected_meters(
    rules: Rules, v: View, m: eco.Meters, g: int
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Game ``g`` of a batch of economy meters, as a view's side and shared meters
    (the non-economic meters — approval, capital, trust — stay as the view has them)."""
    ri = rules.econ.region_index
    a, b = rules.sides
    side_specs = [s for s in meter_registry.all_meters() if s.economy is not None and s.scope == "side"]
    shared_specs = [s for s in meter_registry.all_meters() if s.economy is not None and s.scope == "shared"]
    meters: dict[str, dict[str, float]] = {}
    for s in rules.sides:
        r, o = ri[s], ri[b if s == a else a]
        meters[s] = dict(v.meters.get(s, {}))
        meters[s].update({spec.id: spec.economy.read(m, g, r, o) for spec in side_specs if spec.economy})
    shared = dict(v.shared)
    shared.update({spec.id: spec.economy.read(m, g) for spec in shared_specs if spec.economy})
    return meters, shared


def _projection(rules: Rules, v: View, m: eco.Meters, g: int, levels: dict[str, float]) -> Projection:
    meters, shared = projected_meters(rules, v, m, g)
    sc = score_briefing(v.side, v.briefing, levels, meters, shared)
    return Projection(levels, meters, shared, sc.total)


def preview_deltas(
    rules: Rules, v: View, terms: Sequence[Term], *, turns: int = 4
) -> dict[str, dict[str, float]]:
    """How each meter the economy model computes would differ, ``turns`` turns ahead, with
    the package versus without it."""
    with_deal, without = project_packages(rules, v, [tuple(terms), ()], turns=turns)
    economic = [s for s in meter_registry.all_meters() if s.economy is not None]
    out: dict[str, dict[str, float]] = {}
    for s in rules.sides:
        out[s] = {
            k.id: round(with_deal.meters[s][k.id] - without.meters[s][k.id], 6)
            for k in economic
            if k.scope == "side"
        }
    out["shared"] = {
        k.id: round(with_deal.shared[k.id] - without.shared[k.id], 6) for k in economic if k.scope == "shared"
    }
    out["score"] = {v.side: round(with_deal.my_score - without.my_score, 6)}
    return out
