"""The rules' numbers: politics and trust constants (docs/rules.md, rules 2.4, 3.7, 4.3, 4.7, 4.8 and 5.3)."""

from __future__ import annotations

#: Instruments whose commitment in an agreement is an upper bound ("at most");
#: the others are lower bounds ("at least").
UPPER_BOUND_KINDS = frozenset({"tariff", "measure"})

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
CAPITAL_REGEN_BASE = 3.0
UNCERTAINTY_WALK_OUT = 150.0
UNCERTAINTY_BREACH = 60.0
FACTION_SENSITIVITY = 1.5  # pressure points per % of exports lost
RECESSION_TURNS = 2  # consecutive turns at or above the threshold that end the game
