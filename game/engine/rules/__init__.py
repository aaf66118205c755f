"""The rules engine: legality, the table, resolution, events, politics, the end.

Rule numbers refer to docs/rules.md; every refusal names one. The engine is pure
and deterministic: (scenario, seed, actions) -> state, bit for bit.

One class, :class:`Rules`, in parts, each a module with one job:

- :mod:`~game.engine.rules.base`: the scenario bound to the economy model, shared helpers;
- :mod:`~game.engine.rules.politics`: the price of politics — what concessions cost at home,
  how approval moves, the fate of threats (rules 3.8, 4.8, 4.10) — for the rules and the AI's
  projection alike;
- :mod:`~game.engine.rules.legality`: what may be done, and the refusals (rules 1-3);
- :mod:`~game.engine.rules.events`: scripted and random events (rule 4.9);
- :mod:`~game.engine.rules.resolution`: resolving a turn — moves, terms, breaches, trust and
  politics, the economy step, the meters — and the end (rules 4 and 5);
- :mod:`~game.engine.rules.table`: offers, counters, rejections, acceptances and the
  agreements they sign, and :meth:`Rules.apply` (rules 3 and 4.6);
- :mod:`~game.engine.rules.core`: :class:`Rules` itself and the set-up of a new game;
- :mod:`~game.engine.rules.constants`: the politics and trust numbers (rules 2.4, 3.7, 4.3, 4.7, 4.8, 5.3).
"""

from __future__ import annotations

from game.engine.rules.base import Econ
from game.engine.rules.constants import (
    APPROVAL_AGREEMENT,
    APPROVAL_STATEMENT,
    CAPITAL_BREACH,
    CAPITAL_REGEN_BASE,
    CAPITAL_STATEMENT,
    FACTION_SENSITIVITY,
    RECESSION_TURNS,
    TRUST_AGREEMENT,
    TRUST_BREACH,
    TRUST_DEESCALATION,
    TRUST_ESCALATION,
    TRUST_STATEMENT,
    UNCERTAINTY_BREACH,
    UNCERTAINTY_STATEMENT,
    UNCERTAINTY_WALK_OUT,
    UPPER_BOUND_KINDS,
    agreement_credibility,
    agreement_credibility_after_signing,
    agreement_lift,
    said_trust,
    trust_lift,
)
from game.engine.rules.core import Rules
from game.engine.rules.table import DealCheck

__all__ = [
    "APPROVAL_AGREEMENT",
    "APPROVAL_STATEMENT",
    "CAPITAL_BREACH",
    "CAPITAL_REGEN_BASE",
    "CAPITAL_STATEMENT",
    "FACTION_SENSITIVITY",
    "RECESSION_TURNS",
    "TRUST_AGREEMENT",
    "TRUST_BREACH",
    "TRUST_DEESCALATION",
    "TRUST_ESCALATION",
    "TRUST_STATEMENT",
    "UNCERTAINTY_BREACH",
    "UNCERTAINTY_STATEMENT",
    "UNCERTAINTY_WALK_OUT",
    "UPPER_BOUND_KINDS",
    "DealCheck",
    "Econ",
    "Rules",
    "agreement_credibility",
    "agreement_credibility_after_signing",
    "agreement_lift",
    "said_trust",
    "trust_lift",
]
