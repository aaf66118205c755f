"""``cmd:PROGRAM [ARGS]``: a seat played by a program, over JSON lines on its stdin/stdout.

The program starts at the seat's first decision. Each time the seat must act, the game
writes a ``view`` message and waits at most ``timeout`` seconds for one answer line
(``start_timeout`` for the first, while the program starts). An answer the protocol cannot
take (:class:`~game.agents.encode.AgentError`) or the engine refuses (``IllegalAction``,
checked through the session the seat is attached to) gets an ``error`` message, and the
program answers again, ``max_attempts`` answers in all; then the seat **forfeits the
decision**: it plays :func:`~game.session.pass_action` (no orders / reject / end
its talks) and the game goes on. A program that is silent past its timeout, exits, writes
a line longer than :data:`MAX_LINE` bytes or cannot be written to is **out**: it is killed
(its process group, by its pid) and reaped, and the seat passes every later decision.
Every such event is an :class:`Incident` in :attr:`AgentSeat.incidents`; the program's
stderr is kept (the last lines) for the report. At the end the game writes ``end`` and
closes the program's stdin; a program still running after :data:`END_GRACE_S` is killed.

Reads and writes run on their own threads (``queue`` with a timeout), so nothing here
blocks past a timeout whatever the program does.
"""

from __future__ import annotations

import collections
import contextlib
import os
import queue
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Literal

from game.agents.encode import AgentError, decode_action, encode_view
from game.agents.protocol import EndMessage, ErrorMessage, ViewMessage
from game.engine import Action, IllegalAction, View
from game.i18n import N_, t
from game.session import pass_action

if TYPE_CHECKING:
    from game.session import Session

#: The seat spec's prefix: ``cmd:PROGRAM [ARGS]``.
PREFIX: Final = "cmd:"
#: Seconds to wait for each answer (configurable per seat: ``--agent-timeout``).
DEFAULT_TIMEOUT_S: Final = 5.0
#: Seconds for the first answer, which includes starting the program (at least the timeout).
START_TIMEOUT_S: Final = 15.0
#: Answers per decision (the first and the retries after an error), then the seat forfeits it.
MAX_ATTEMPTS: Final = 3
#: Longest answer line (bytes); a longer one puts the program out.
MAX_LINE: Final = 1 << 20
#: Seconds a program may take to exit after ``end`` before it is killed.
END_GRACE_S: Final = 2.0
#: Lines of the program's stderr kept for the report.
STDERR_LINES: Final = 200

IncidentKind = Literal["refused", "forfeit", "timeout", "crash", "too_long", "extra"]


class AgentSpecError(ValueError):
    """A ``cmd:`` seat spec that cannot start: empty, badly quoted, or no such program."""


def is_agent_spec(spec: str) -> bool:
    return spec.startswith(PREFIX)


def parse_agent_spec(spec: str, lang: str | None = None) -> list[str]:
    """``cmd:PROGRAM [ARGS]`` -> the argv (split like a shell, :mod:`shlex`), with PROGRAM
    found on PATH (or as a path); :class:`AgentSpecError` with a clear message if not."""
    if not is_agent_spec(spec):
        raise AgentSpecError(t(lang, "{spec!r} is not a program seat: use cmd:PROGRAM [ARGS]", spec=spec))
    try:
        argv = shlex.split(spec[len(PREFIX) :], posix=os.name != "nt")
    except ValueError as err:
        raise AgentSpecError(t(lang, "{spec!r}: {error}", spec=spec, error=str(err))) from None
    if not argv:
        raise AgentSpecError(t(lang, "{spec!r}: name the program after cmd:", spec=spec))
    program = argv[0]
    found = shutil.which(program)
    if found is None:
        where = Path(program)
        if where.is_file():
            raise AgentSpecError(t(lang, "the program {program!r} is not executable", program=program))
        raise AgentSpecError(
            t(lang, "there is no program {program!r} (not a file, not on PATH)", program=program)
        )
    return [found, *argv[1:]]


@dataclass(frozen=True)
class Incident:
    """Something the program did wrong, as data (rendered by :func:`incident_text`)."""

    turn: int
    phase: str
    kind: IncidentKind
    rule: str = ""
    message: str = ""


_INCIDENT_TEXT: dict[str, str] = {
    "refused": N_("answer refused (rule {rule}): {message}"),
    "forfeit": N_("no playable answer after {message} tries: the seat passed this decision"),
    "timeout": N_("no answer within {message} s: the program was stopped; the seat passes from now on"),
    "crash": N_("the program ended ({message}); the seat passes from now on"),
    "too_long": N_(
        "an answer longer than {message} bytes: the program was stopped; the seat passes from now on"
    ),
    "extra": N_("an answer nobody asked for was dropped: {message}"),
}


def incident_text(i: Incident, lang: str | None = None) -> str:
    head = t(lang, "turn {turn}, {phase}", turn=i.turn, phase=i.phase)
    return f"{head}: " + t(lang, _INCIDENT_TEXT[i.kind], rule=i.rule, message=i.message)


_EOF = object()
_TOO_LONG = object()


class AgentSeat:
    """A seat played by a program (see the module docstring). ``decide`` blocks for at most
    about ``max_attempts * timeout`` seconds; the window calls it on a worker thread."""

    is_human = False

    def __init__(
        self,
        spec: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        start_timeout: float | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        lang: str | None = None,
        cwd: str | Path | None = None,
    ) -> None:
        self.label = spec
        self.argv = parse_agent_spec(spec, lang)
        self.timeout = float(timeout)
        self.start_timeout = max(
            self.timeout, START_TIMEOUT_S if start_timeout is None else float(start_timeout)
        )
        self.max_attempts = max(1, int(max_attempts))
        self.lang = lang
        self.cwd = cwd
        self.incidents: list[Incident] = []
        self.decisions = 0
        self.out = False  # the program is gone: every decision passes
        self.exit_code: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[object] = queue.Queue()
        self._to_write: queue.Queue[bytes | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=STDERR_LINES)
        self._threads: list[threading.Thread] = []
        self._check: Callable[[Action], None] | None = None
        self._ended = False
        self._finalizer: weakref.finalize | None = None
        self._closer: threading.Thread | None = None  # finish()'s: lets the program exit after `end`
        self._closing = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------------ the session
    def attach(self, session: Session) -> None:
        """Check answers with ``session``'s game (the engine's own legality) and write ``end``
        when it is over. Called by the Session for every seat that has this method."""
        self._check = lambda action: session.game.check(action)
        side = next((s for s, seat in session.seats.items() if seat is self), None)

        def after(_action: Action) -> None:
            if session.over and not self._ended and side is not None:
                self.finish(session, side)

        session.on_action.append(after)

    def finish(self, session: Session, side: str) -> None:
        """The game is over: write ``end`` (outcome, both scores, the final view) and stop the
        program on a thread of its own (it has :data:`END_GRACE_S` to exit), so that the thread
        that played the last action (the window's) never waits for it."""
        if self._ended:
            return
        self._ended = True
        if self._proc is not None and not self.out:
            game = session.game
            end = EndMessage(
                outcome=game.outcome().id,
                end_reason=game.state.end_reason,
                turns=game.state.turn,
                scores={s: round(game.score(s).total, 3) for s in game.scenario.side_ids},
                view=encode_view(session.view(side)),
            )
            self._write(end.model_dump_json())
        if self._proc is None:
            return
        self._closer = threading.Thread(
            target=self._close, args=(END_GRACE_S,), daemon=True, name=f"agent-{self._proc.pid}-end"
        )
        self._closer.start()

    # ------------------------------------------------------------------- deciding
    def decide(self, v: View) -> Action:
        """One action for ``v``: the program's answer, or the pass if it forfeits or is out."""
        self.decisions += 1
        if self.out:
            return pass_action(v)
        first = self._proc is None
        if first and not self._start(v):
            return pass_action(v)
        self._drop_extra(v)
        line = ViewMessage(view=encode_view(v)).model_dump_json()
        for attempt in range(1, self.max_attempts + 1):
            self._write(line)
            answer = self._read(v, self.start_timeout if first else self.timeout)
            first = False
            if answer is None:
                return pass_action(v)
            try:
                action = decode_action(answer, v)
                if self._check is not None:
                    self._check(action)
                return action
            except (AgentError, IllegalAction) as err:
                message = err.text(self.lang)
                self._note(v, "refused", err.rule, message)
                left = self.max_attempts - attempt
                if left == 0:
                    break
                line = ErrorMessage(
                    rule=err.rule, message=message, attempts_left=left, view=encode_view(v)
                ).model_dump_json()
        self._note(v, "forfeit", message=str(self.max_attempts))
        return pass_action(v)

    # -------------------------------------------------------------------- reports
    @property
    def stderr_text(self) -> str:
        """The last lines the program wrote on stderr."""
        return "\n".join(self._stderr)

    def report(self) -> dict[str, Any]:
        """What happened, as data: the incidents, the exit code, the stderr's last lines."""
        return {
            "seat": self.label,
            "decisions": self.decisions,
            "out": self.out,
            "exit_code": self.exit_code,
            "incidents": [i.__dict__ for i in self.incidents],
            "stderr": list(self._stderr),
        }

    # ------------------------------------------------------------------ the process
    def _start(self, v: View) -> bool:
        kwargs: dict[str, Any] = {}
        if os.name == "posix":
            kwargs["start_new_session"] = True  # its own process group: killed as one
        try:
            proc = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self.cwd,
                **kwargs,
            )
        except OSError as err:
            self._note(v, "crash", message=str(err))
            self.out = True
            return False
        self._proc = proc
        self._finalizer = weakref.finalize(self, _kill, proc)
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        for target, stream in (
            (_read_lines, proc.stdout),
            (_read_stderr, proc.stderr),
            (_write_lines, proc.stdin),
        ):
            sink = (
                self._answers
                if target is _read_lines
                else self._stderr
                if target is _read_stderr
                else self._to_write
            )
            th = threading.Thread(target=target, args=(stream, sink), daemon=True, name=f"agent-{proc.pid}")
            th.start()
            self._threads.append(th)
        return True

    def _write(self, line: str) -> None:
        self._to_write.put(line.encode("utf-8") + b"\n")

    def _read(self, v: View, timeout: float) -> bytes | None:
        """The next answer line, or None (the program is then out, and why is noted)."""
        try:
            got = self._answers.get(timeout=timeout)
        except queue.Empty:
            self._note(v, "timeout", message=f"{timeout:g}")
            self._gone()
            return None
        if got is _EOF:
            self._gone()
            self._note(v, "crash", message=self._exit_words())
            return None
        if got is _TOO_LONG:
            self._note(v, "too_long", message=str(MAX_LINE))
            self._gone()
            return None
        assert isinstance(got, bytes)
        return got

    def _drop_extra(self, v: View) -> None:
        """Answers left over from an earlier decision (the protocol allows one per message)."""
        while True:
            try:
                got = self._answers.get_nowait()
            except queue.Empty:
                return
            if got is _EOF or got is _TOO_LONG:
                self._answers.put(got)  # read again by _read: the program is gone
                return
            assert isinstance(got, bytes)
            self._note(v, "extra", message=got[:200].decode("utf-8", "replace").strip())

    def _exit_words(self) -> str:
        code = self.exit_code
        if code is None:
            return t(self.lang, "its output closed")
        if code < 0:
            return t(self.lang, "killed by signal {signal}", signal=-code)
        return t(self.lang, "exit code {code}", code=code)

    def _gone(self) -> None:
        self.out = True
        self.close(grace=0.0)

    def close(self, grace: float = 0.0) -> None:
        """Stop the program: close its stdin, give it ``grace`` seconds, then kill its process
        group by its pid, and reap it (after ``finish``: once it has had its time to exit).
        Safe to call twice, from any thread."""
        closer = self._closer
        if closer is not None and closer is not threading.current_thread():
            closer.join(timeout=END_GRACE_S + 10.0)
        self._close(grace)

    def _close(self, grace: float) -> None:
        proc = self._proc
        if proc is None:
            return
        with self._closing:  # one at a time; a second call finds it done
            if self._closed:
                return
            self._to_write.put(None)  # the writer closes stdin after what is queued
            if grace > 0:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=grace)
            _kill(proc)
            self.exit_code = proc.returncode
            for th in self._threads:
                th.join(timeout=1.0)
            if not any(th.is_alive() for th in self._threads):  # (a reader still blocked keeps its pipe)
                for stream in (proc.stdout, proc.stderr):
                    if stream is not None:
                        stream.close()
            if self._finalizer is not None:
                self._finalizer.detach()
            self._closed = True

    def _note(self, v: View, kind: IncidentKind, rule: str = "", message: str = "") -> None:
        self.incidents.append(Incident(turn=v.turn, phase=v.phase, kind=kind, rule=rule, message=message))


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` (and its process group on POSIX), by its pid, and reap it."""
    if proc.poll() is None:
        try:
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
        except (ProcessLookupError, PermissionError, OSError):
            pass
    try:
        proc.wait(timeout=5.0)
    except subprocess.TimeoutExpired:  # pragma: no cover - an unkillable process
        print(f"tariff-talks: agent process {proc.pid} did not stop", file=sys.stderr)


def _read_lines(stream: IO[bytes], sink: queue.Queue[object]) -> None:
    try:
        while True:
            line = stream.readline(MAX_LINE + 1)
            if not line:
                break
            if len(line) > MAX_LINE:
                sink.put(_TOO_LONG)
                return
            if line.strip():
                sink.put(line)
    except (OSError, ValueError):
        pass
    sink.put(_EOF)


def _read_stderr(stream: IO[bytes], sink: collections.deque[str]) -> None:
    try:
        for raw in iter(lambda: stream.readline(4096), b""):
            sink.append(raw.decode("utf-8", "replace").rstrip("\n"))
    except (OSError, ValueError):
        pass


def _write_lines(stream: IO[bytes], lines: queue.Queue[bytes | None]) -> None:
    try:
        while (line := lines.get()) is not None:
            stream.write(line)
            stream.flush()
    except (OSError, ValueError):
        pass  # the program is gone: its reader reports it
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.close()
