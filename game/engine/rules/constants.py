"""The rules' numbers: politics and trust constants (docs/rules.md, rules 2.4, 3.7, 4.3, 4.7, 4.8 and 5.3)."""

from __future__ import annotations

from collections.abc import Iterable

from game.registry.instruments import upper_bound_kinds

#: Instruments whose commitment in an agreement is an upper bound ("at most");
#: the others are lower bounds ("at least"). From the instrument-kind registry.
UPPER_BOUND_KINDS = upper_bound_kinds()

# --- politics and trust constants (docs/rules.md: statements 2.4 and 4.8, agreements 3.7, breaches 4.3) ---
TRUST_STATEMENT = {"none": 0.0, "conciliatory": 3.0, "firm": -1.0, "threatening": -6.0}
APPROVAL_STATEMENT = {"none": 0.0, "conciliatory": -0.5, "firm": 0.5, "threatening": 1.0}
CAPITAL_STATEMENT = {"none": 0.0, "conciliatory": 2.0, "firm": 0.0, "threatening": 0.0}
UNCERTAINTY_STATEMENT = {"none": 0.0, "conciliatory": -5.0, "firm": 5.0, "threatening": 25.0}
TRUST_ESCALATION = -3.0  # per instrument moved against the other side
TRUST_DEESCALATION = 1.5  # per instrument moved in the other side's favour
TRUST_AGREEMENT = 10.0
TRUST_BREACH = -25.0
CAPITAL_BREACH = -10.0
APPROVAL_AGREEMENT = 2.0
APPROVAL_DEAL = 4.0  # rule 5.4: a comprehensive deal's further lift to both sides' approval
AGREEMENT_FADE = 0.5  # rule 3.7: each agreement lifts trust and approval by this share of the one before
CAPITAL_REGEN_BASE = 3.0
UNCERTAINTY_WALK_OUT = 150.0
UNCERTAINTY_BREACH = 60.0
FACTION_SENSITIVITY = 1.5  # pressure points per % of exports lost
RECESSION_TURNS = 2  # consecutive turns at or above the threshold that end the game


def agreement_credibility(trust_pct: float, *, in_force: bool = True) -> float:
    """Rule 4.7: how credible agreements are (0..1) at ``trust_pct``; 0 with none in force."""
    if not in_force:
        return 0.0
    return 0.5 + 0.5 * trust_pct / 100.0


def said_trust(trust_pct: float, changes: Iterable[float]) -> float:
    """Rule 4.8: what a turn's statements (each side's trust ``changes``) do to ``trust_pct``:
    words build trust slowly — each gain scaled by the share of trust still missing at the
    start of the turn — and cost it in full."""
    room = max(0.0, 1.0 - trust_pct / 100.0)
    return trust_pct + sum(c * room if c > 0 else c for c in changes)


def agreement_lift(signed_before: int) -> float:
    """Rule 3.7: the share of an agreement's full lift (trust and approval) the next signing
    earns after ``signed_before`` agreements: the first earns it all, each later one
    :data:`AGREEMENT_FADE` of the one before — a signing every week for one more step of
    purchases is news no longer."""
    return float(AGREEMENT_FADE ** max(0, signed_before))


def trust_lift(signed_before: int) -> float:
    """Rule 3.7: the trust the next signing adds after ``signed_before`` agreements."""
    return TRUST_AGREEMENT * agreement_lift(signed_before)


def agreement_credibility_after_signing(trust_pct: float, signed_before: int = 0) -> float:
    """The credibility of agreements once a package is signed now: signing adds
    :func:`trust_lift` to trust (at most 100)."""
    return agreement_credibility(min(100.0, trust_pct + trust_lift(signed_before)))
