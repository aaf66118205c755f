"""Difficulty levels: what an AI *can* do, not only how well it does it.

Each level changes real capabilities:

- **concession** (:attr:`Level.concession`): how soon it gives in — the weaker levels
  multiply their style's concession exponent (Faratin et al. 1998's ``beta``: easy ×8,
  normal ×2.5, hard ×2) and the expert holds out longer (×0.6, Boulware), so a stronger
  level that holds out gets more from them (issue 13: with a one- or four-week horizon
  they used to be *stubborn* instead — costs now, gains later — which a stronger level
  could not exploit and a beginner found no fun);
- **lookahead**: how far ahead packages and orders are projected with the economy
  model (to the deadline at every level; :attr:`Level.horizon` can shorten it);
- **rules knowledge**: whether the projection knows that a comprehensive deal ends the
  talks (rule 5.4: it is final, and its play-out counts as both sides' conciliatory
  statements; projected to the level's horizon like any package), and whether it follows the
  schedule of terms — durations and snap-backs, earlier agreements expiring;
- **breadth**: how packages are searched — a coarse uniform grid ("give a fraction
  of everything, ask a fraction of everything"), or mixed packages built from
  single-instrument projections along the Pareto frontier (partial tariff cuts,
  suspensions with durations, purchases, pledges);
- **noise**: random error (seeded from the view, so still deterministic) in how it
  values packages;
- **opponent modelling** (:mod:`game.ai.opponent`): easy and normal the lines named in
  refusals and the caps of silent refusals (once they conceded part of an instrument and
  refused more, never asked beyond what they conceded until they offer more); hard plus
  refusal patterns, halving towards a hidden line and a belief over the other side's type
  (particles over its public prior, weighted by everything it does); expert plus a named
  line's public rough bound as the limit of asks and learned priorities;
- **reply lookahead** (expert, :mod:`game.ai.lookahead`): an offer valued by the chance the
  belief gives that they take it and what their refusal would leave (their expected reply,
  the rest of the talks);
- **tactics** (expert): acceptance that prices the weeks a refusal would cost, learnt
  from how often the other side takes our offers; *closing* with their own offer
  corrected to our red lines; the *nibble* (one notch more before accepting);
- **walking out** (:attr:`Level.walks_out`): every level but easy walks out when the talks
  promise less than its walk-away (rule 6.3);
- **memory**: how long a breach is held against the other side;
- **orders**: whether unilateral moves and statements are simulated too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.i18n import N_

Breadth = Literal["grid3", "grid5", "frontier"]


@dataclass(frozen=True)
class Level:
    name: str
    description: str
    horizon: int | None  # turns of lookahead; None = to the deadline
    knows_ending: bool  # a comprehensive deal is final and plays out to the deadline (rule 5.4)
    schedule: bool  # durations and snap-backs of terms
    breadth: Breadth
    noise_pts: float  # s.d. of the error in valuing a package (score points)
    opponent: int  # opponent-modelling quality 0..3
    memory_turns: int | None  # breaches remembered this long (None: all game)
    plan_orders: bool  # simulate unilateral moves and statements
    acceptance: Literal["aspiration", "next", "combi"]  # acceptance condition (Baarslag et al. 2014)
    nibble: bool = False  # before accepting, ask for a little more while the week leaves room
    closing: bool = False  # offer their own package within our red lines when holding out costs more
    #: value an offer by what follows it: the chance they take it, and what a refusal leaves us
    #: (their expected reply, the rest of the talks) — :mod:`game.ai.lookahead`
    reply_lookahead: bool = False
    #: multiplies the style's concession exponent (Faratin's ``beta``): above 1 the level gives in
    #: sooner than its style would — the weaker levels are softer bargainers, and exploitable
    concession: float = 1.0
    #: walks out when the talks promise less than its walk-away (rule 6.3); the beginner's level
    #: does not — it misjudges values too much to tell a hopeless table from a slow one
    walks_out: bool = True
    #: the share of games in which it remembers that a comprehensive deal ends the talks (with
    #: :attr:`knows_ending`): in the others it offers the whole package as it stands instead of
    #: stopping short of one; drawn once a game from its own private draw (rule 7.3), so the
    #: seed decides it — a beginner sometimes settles for a truce, sometimes goes for the deal
    ending_known: float = 1.0


LEVEL_SPECS: dict[str, Level] = {
    "easy": Level(
        "easy",
        N_(
            "Gives in quickly, never walks out, offers all-or-nothing packages and misjudges values; it respects "
            "the red lines the other side names and the limits its silent refusals show, and reads nothing more "
            "into them."
        ),
        horizon=None,
        knows_ending=True,
        schedule=False,
        breadth="grid3",
        noise_pts=4.0,
        opponent=1,
        memory_turns=3,
        plan_orders=False,
        acceptance="aspiration",
        # (with no opponent model at all, two easy AIs asked each other across their red lines
        # all game: a stalemate or a fragile truce in 60% of games, and no game for a beginner)
        concession=8.0,
        walks_out=False,
        # (knowing it in every game, two easy AIs ended 88% of games in a truce; offering only
        # whole packages, they signed a comprehensive deal in 97% and the US fell 3 points
        # behind China; half and half: a deal 65%, a truce 35%, within 2 points)
        ending_known=0.5,
    ),
    "normal": Level(
        "normal",
        N_(
            "Gives in sooner than the stronger levels, offers graded packages, and respects red lines the other "
            "side names and the limits its silent refusals show."
        ),
        horizon=None,
        knows_ending=True,
        schedule=False,
        breadth="grid5",
        # (at 1.5 points of noise and a concession exponent ×3.2, it scored barely more than
        # easy against the expert: 2-3 points on duplicate boards, in 60-65% of them)
        noise_pts=1.0,
        opponent=1,
        memory_turns=None,
        plan_orders=False,
        acceptance="aspiration",
        concession=2.5,
    ),
    "hard": Level(
        "hard",
        N_(
            "Looks to the deadline, builds mixed packages (partial cuts, suspensions, purchases, pledges), "
            "reads refusal patterns and the other side's economy, and homes in on a red line by halving."
        ),
        horizon=None,
        knows_ending=True,
        schedule=True,
        breadth="frontier",
        noise_pts=0.5,
        opponent=2,
        memory_turns=None,
        plan_orders=True,
        acceptance="next",
        concession=2.0,
    ),
    "expert": Level(
        "expert",
        N_(
            "Everything hard does, without the noise, and looks one reply ahead: weighs each offer by the "
            "chance the other side takes it and what a refusal would leave; takes a named red line's rough "
            "bound as a limit, learns what the other side wants most, closes on the other side's own package "
            "when holding out would cost more, and asks for a little more before accepting."
        ),
        horizon=None,
        knows_ending=True,
        schedule=True,
        breadth="frontier",
        noise_pts=0.0,
        opponent=3,
        memory_turns=None,
        plan_orders=True,
        acceptance="combi",
        nibble=True,
        closing=True,
        reply_lookahead=True,
        concession=0.6,
    ),
}
