"""The agent protocol: bring your own negotiator (``docs/agents.md``).

A seat ``cmd:PROGRAM [ARGS]`` (:class:`~game.agents.seat.AgentSeat`) runs a program and talks
JSON lines with it: the game writes the side's view (:func:`~game.agents.encode.encode_view`,
derived from ``view(state, side)`` alone, the one wire form of a view, which network play
reuses), the program answers with an action (:func:`~game.agents.encode.decode_action`).
The messages of both directions are the models of :mod:`game.agents.protocol`.

A layer beside :mod:`game.ai`: it uses the engine, the scenario models and the session's
seat protocol, never the UI or the command line.
"""

from __future__ import annotations

from game.agents.encode import AgentError, decode_action, encode_view, view_json
from game.agents.protocol import PROTOCOL, AgentView, agent_json_schema
from game.agents.seat import (
    DEFAULT_TIMEOUT_S,
    MAX_ATTEMPTS,
    AgentSeat,
    AgentSpecError,
    Incident,
    incident_text,
    is_agent_spec,
    parse_agent_spec,
)
from game.session import pass_action

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "MAX_ATTEMPTS",
    "PROTOCOL",
    "AgentError",
    "AgentSeat",
    "AgentSpecError",
    "AgentView",
    "Incident",
    "agent_json_schema",
    "decode_action",
    "encode_view",
    "incident_text",
    "is_agent_spec",
    "parse_agent_spec",
    "pass_action",
    "view_json",
]
