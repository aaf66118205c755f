"""The session: drives the phases of a turn for any mix of seats.

A seat is a human (at the terminal or in the window) or an AI. The terminal, the
window and the headless simulator all use this one class, so a game played in
the window and one simulated headless run the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from game.engine import Action, EndTalks, Game, IllegalAction, Reject, Rules, SubmitOrders, View
from game.engine.reasons import Reason, ReasonKind
from game.scenario.models import Scenario


def is_human_label(label: str) -> bool:
    """A seat label (as a save records it) for a person: ``human`` or ``human:NAME``."""
    return label == "human" or label.startswith("human:")


def keeps_secrets(people: int, over: bool) -> bool:
    """Showing the whole game (a replay, its scenario file, the debrief) would reveal one
    person's secrets to another: two or more people play it and it is not over. The one
    test behind the window's closed doors and ``tariff-talks replay --step``'s refusal."""
    return not over and people >= 2


class Seat(Protocol):
    """Who plays a side. A seat may also have ``attach(session)``, which the session calls
    when it is made (a program seat, :class:`game.agents.AgentSeat`, checks its answers with the
    session's game there and hears when it ends)."""

    label: str
    is_human: bool

    def decide(self, v: View) -> Action:
        """Choose an action from this side's view only."""
        ...


@dataclass
class HumanSeat:
    """A person; actions arrive through :meth:`Session.submit` (window) or ``decide`` (terminal)."""

    label: str = "human"
    is_human: bool = True
    ask: Callable[[View], Action] | None = None
    on_refused: Callable[[IllegalAction], None] | None = None

    def refused(self, err: IllegalAction) -> None:
        if self.on_refused is not None:
            self.on_refused(err)

    def decide(self, v: View) -> Action:
        if self.ask is None:
            raise RuntimeError("this human seat takes its actions from the window")
        return self.ask(v)


def pass_action(v: View, reasons: tuple[Reason, ...] = ()) -> Action:
    """The move that changes nothing, legal whenever ``v``'s side must act: orders with no
    moves and no statement, a reject of the offer on the table, or the end of its talks this
    turn. What the script plays, and what a program seat that forfeits a decision plays
    (game.agents)."""
    if v.phase == "orders":
        return SubmitOrders(side=v.side, reasons=reasons)
    if v.pending_offer is not None:
        return Reject(side=v.side, reasons=reasons)
    return EndTalks(side=v.side, reasons=reasons)


@dataclass
class ScriptSeat:
    """A seat that follows the scenario's script: no orders, no offers, declines offers.

    With both seats scripted, only the scenario's events move the instruments — the
    "what really happened" replay of ``history-2025``.
    """

    label: str = "script"
    is_human: bool = False

    def decide(self, v: View) -> Action:
        return pass_action(v, (Reason(kind=ReasonKind.SCRIPTED),))


@dataclass
class Session:
    game: Game
    seats: dict[str, Seat]
    on_action: list[Callable[[Action], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A seat with ``attach(session)`` (a program seat, game.agents) checks its answers with
        # this session's game and hears when it ends.
        for seat in self.seats.values():
            attach = getattr(seat, "attach", None)
            if attach is not None:
                attach(self)

    @classmethod
    def new(cls, scenario: Scenario, seats: dict[str, Seat], seed: int = 0) -> Session:
        return cls(Game(scenario, seed), seats)

    @property
    def scenario(self) -> Scenario:
        return self.game.scenario

    @property
    def rules(self) -> Rules:
        return self.game.rules

    @property
    def over(self) -> bool:
        return self.game.over

    @property
    def keeps_secrets(self) -> bool:
        """Two or more people share this game and it runs (see :func:`keeps_secrets`)."""
        return keeps_secrets(sum(seat.is_human for seat in self.seats.values()), self.over)

    def next_actor(self) -> str | None:
        """The side that acts next. In the orders phase both act privately: the first
        side in the scenario's order that has not yet submitted goes first."""
        movers = self.game.to_move()
        return movers[0] if movers else None

    def next_is_ai(self) -> bool:
        side = self.next_actor()
        return side is not None and not self.seats[side].is_human

    def view(self, side: str) -> View:
        return self.game.view(side)

    def decide_ai(self) -> Action:
        """The AI's choice for the next actor (pure: does not play it)."""
        side = self.next_actor()
        assert side is not None and not self.seats[side].is_human
        return self.seats[side].decide(self.game.view(side))

    def submit(self, action: Action) -> None:
        """Play an action (raises IllegalAction with the rule's number if it is not legal)."""
        self.game.play(action)
        for cb in self.on_action:
            cb(action)

    def step_ai(self) -> Action | None:
        if not self.next_is_ai():
            return None
        action = self.decide_ai()
        self.submit(action)
        return action

    def run_ai(self, max_actions: int = 10_000) -> int:
        """Let AI seats act until a human must act or the game is over."""
        n = 0
        while n < max_actions and self.step_ai() is not None:
            n += 1
        return n

    def play_to_end(self, max_actions: int = 100_000) -> None:
        """Play the whole game, asking every seat (humans through their ``ask``)."""
        for _ in range(max_actions):
            side = self.next_actor()
            if side is None:
                return
            seat = self.seats[side]
            while True:
                action = seat.decide(self.game.view(side))
                try:
                    self.submit(action)
                    break
                except IllegalAction as err:
                    refused = getattr(seat, "refused", None)
                    if not seat.is_human or refused is None:
                        raise
                    refused(err)  # a person gets the rule's number and tries again
        raise RuntimeError("the game did not end")
