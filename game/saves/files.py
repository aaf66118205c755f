"""Saving and loading games: :func:`save_game`, :func:`load_game`, :func:`read_save_info`.

A game is its scenario, its seed and its actions, so a save stores those (with
the scenario's whole text) and loading *replays* the actions: the state is
re-derived, never trusted from the file. The final state hash saved with the
game is then compared with the replayed one.

Decisions (what ``load_game`` does when things are not quite right):

- **The embedded scenario copy is authoritative.** The game is always replayed
  with the scenario text saved in the file. If the scenario's file in
  ``scenario_dir`` (default: the bundled scenarios) now differs, a warning says
  so; if the save's actions are also legal under the current file,
  ``LoadedGame.current_game`` holds that replay, and the UI may offer
  "continue with the updated scenario". If the embedded copy is damaged (its
  hash does not match) but the current file has exactly the saved hash, that
  file is used instead, with a warning.
- **A final-hash mismatch is a warning, not an error**: every action replayed
  legally, so the game is a legal game, but not the very one that was saved
  (the engine or economy changed since, or the file was edited).
  ``LoadedGame.verified`` is False and the warning names the turn where it
  diverged. ``tariff-talks replay FILE`` treats the same mismatch as a failure.
- **Everything else is a** :class:`SaveError` with a plain message and
  ``backup_available``: missing, unreadable, too large, binary, truncated,
  corrupted or too deeply nested files; files that are not saves; saves from a
  newer version; wrong types or values; an invalid scenario copy; an action
  that does not replay. Loading changes nothing on disk and no game in memory.
- A checksum over the whole file detects edits made outside the game: a warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine import Action, Game, action_from_dict, action_to_dict
from game.i18n import Said
from game.saves.atomic import atomic_write, backup_path
from game.saves.checkpoints import Divergence, replay_checked
from game.saves.errors import SaveError
from game.saves.migrations import MigrationError, migrate
from game.saves.record import SaveRecord, attach_record, now, record_of
from game.saves.scenario_source import (
    BUNDLED_SCENARIO_DIRS,
    ScenarioSource,
    choose_source,
    find_current_file,
    parse_scenario_text,
    read_scenario_file,
    scenario_copy,
    sha256_text,
)
from game.saves.schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_DEPTH,
    MAX_SAVE_BYTES,
    SaveFile,
    SaveMeta,
    ScenarioCopy,
)
from game.scenario.models import Scenario

#: File name extension of save files (a suggestion for dialogs; any name works).
SAVE_SUFFIX = ".ttsave.json"


def app_version() -> str:
    """The installed game's version (the pyproject's, if not installed)."""
    try:
        from importlib.metadata import version

        return version("tariff-talks")
    except Exception:
        return "0.3.0"


# ---------------------------------------------------------------------- saving
def game_meta(game: Game, user: Mapping[str, Any] | None = None) -> SaveMeta:
    st = game.state
    sides = list(game.scenario.side_ids)
    scores: dict[str, float] = {}
    outcome = None
    try:
        scores = {s: round(float(game.score(s).total), 6) for s in sides}
        if game.over:
            outcome = game.outcome().id
    except Exception:  # scoring is for listings only; never fail a save over it
        pass
    return SaveMeta(
        turn=st.turn,
        phase=st.phase,
        sides=sides,
        over=game.over,
        end_reason=st.end_reason,
        outcome=outcome,
        scores=scores,
        actions=len(game.actions),
        user=dict(user or {}),
    )


def canonical_checksum(data: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of a save object without its ``checksum`` key."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def encode_save(
    game: Game,
    seats: Mapping[str, str] | None = None,
    meta: Mapping[str, Any] | None = None,
    *,
    scenario_path: str | os.PathLike[str] | None = None,
) -> bytes:
    """The bytes of a save of ``game`` (what :func:`save_game` writes).

    What the save needs besides the game's actions — its first save's time, its scenario's
    text, its checkpoints so far — comes from the game's save record (:mod:`game.saves.record`),
    created by its first save or by :func:`load_game`, and updated here.
    """
    record = record_of(game)
    source = choose_source(game.scenario, scenario_path, record.source_for(game.scenario))
    record.remember(source)
    checkpoints = record.checkpoints(game)
    doc = SaveFile(
        format=FORMAT_NAME,
        format_version=FORMAT_VERSION,
        app_version=app_version(),
        created_at=record.created_at,
        updated_at=now(),
        scenario=scenario_copy(source),
        seed=game.seed,
        seats={str(k): str(v) for k, v in (seats or {}).items()},
        actions=[action_to_dict(a) for a in game.actions],
        meta=game_meta(game, meta),
        checkpoints=checkpoints,
        final_state_hash=game.state_hash(),
    )
    data = doc.model_dump(mode="json")
    data["checksum"] = canonical_checksum(data)
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    return text.encode("utf-8") + b"\n"


def save_game(
    path: str | os.PathLike[str],
    game: Game,
    seats: Mapping[str, str] | None = None,
    meta: Mapping[str, Any] | None = None,
    *,
    scenario_path: str | os.PathLike[str] | None = None,
) -> Path:
    """Save ``game`` to ``path`` atomically, keeping the previous save as ``path.bak``.

    ``seats``: side -> label (``"human"``, ``"ai:pragmatist:normal"``…), restored
    by :func:`load_game`. ``meta``: your own JSON-serialisable data (a title, the
    player's name…), returned as ``LoadedGame.user_meta``. ``scenario_path``: the
    file the scenario was loaded from, so its exact text is embedded (see
    :mod:`game.saves.scenario_source` for how it is found otherwise).

    The folder must exist. The file at ``path`` is always either the previous
    complete save or the new one, even if the process is killed mid-write; the
    previous one becomes ``path.bak`` only if it was a valid save. Returns the
    path. Raises SaveError (kind ``io``, nothing changed) if the file system
    refuses, or (kind ``invalid``) if ``seats``/``meta`` cannot be stored.
    """
    p = Path(path)
    try:
        data = encode_save(game, seats, meta, scenario_path=scenario_path)
    except (ValidationError, ValueError, TypeError) as err:
        raise SaveError("this game cannot be saved: {error}", p, kind="invalid", error=_short(err)) from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError("this game is too large to save", p, kind="too_large")
    try:
        atomic_write(p, data, backup_if=_looks_valid)
    except OSError as err:
        raise SaveError(
            "could not write the save: {error}", p, kind="io", error=err.strerror or err
        ) from None
    return p


# --------------------------------------------------------------------- reading
@dataclass
class SaveInfo:
    """What a save says about itself, read without replaying (for Open dialogs and recent games)."""

    path: Path
    format_version: int  # the version the file was written in
    app_version: str
    created_at: dt.datetime
    updated_at: dt.datetime
    scenario_id: str
    scenario_version: str
    scenario_file: str | None
    seed: int
    seats: dict[str, str]
    actions: int
    meta: SaveMeta | None  # None for saves migrated from formats without it
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Document:
    path: Path
    doc: SaveFile
    original_version: int
    checksum_ok: bool | None


def _backup_ok(path: Path) -> bool:
    bak = backup_path(path)
    return bak.is_file() and _looks_valid(bak)


def _looks_valid(path: Path) -> bool:
    """True if ``path`` reads as a save (without replaying it)."""
    try:
        _read_document(path, check_backup=False)
    except SaveError:
        return False
    return True


def _short(err: BaseException, limit: int = 300) -> str:
    if isinstance(err, ValidationError):
        parts = []
        for e in err.errors(include_url=False)[:3]:
            loc = ".".join(str(x) for x in e.get("loc", ())) or "(top)"
            parts.append(f"{loc}: {e.get('msg', 'invalid')}")
        more = err.error_count() - len(parts)
        s = "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
    else:
        s = str(err) or type(err).__name__
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _depth_ok(obj: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(obj, 1)]
    while stack:
        o, d = stack.pop()
        if isinstance(o, dict):
            if d > limit:
                return False
            stack.extend((v, d + 1) for v in o.values())
        elif isinstance(o, list):
            if d > limit:
                return False
            stack.extend((v, d + 1) for v in o)
    return True


def _read_document(path: Path, *, check_backup: bool = True) -> _Document:
    """Read, parse, migrate and validate a save (no replay). Raises SaveError."""

    def _save_error(message: str, kind: Any, **fields: Any) -> SaveError:
        return SaveError(message, path, check_backup and _backup_ok(path), kind=kind, **fields)

    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise _save_error("there is no save file here", "not_found") from None
    except IsADirectoryError:
        raise _save_error("this is a folder, not a save file", "io") from None
    except OSError as err:
        raise _save_error("the file cannot be read: {error}", "io", error=err.strerror or err) from None
    if len(raw) > MAX_SAVE_BYTES:
        raise _save_error(
            "the file is too large to be a save (over {mb} MB)",
            "too_large",
            mb=MAX_SAVE_BYTES // (1024 * 1024),
        )
    if not raw.strip():
        raise _save_error("the file is empty (perhaps a save that was interrupted)", "truncated")
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # a byte-order mark
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason != "unexpected end of data" or err.end != len(body):
            raise _save_error(
                "the file is not a save: it is not text (binary data or a damaged file)", "not_text"
            ) from None
        # cut off inside a multi-byte character (Chinese text, say): text that ends too early,
        # which the JSON check below reports as truncated
        text = body[: err.start].decode("utf-8")
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass  # as expected: the JSON check below says where it ends
        else:
            raise _save_error("the file is damaged: stray bytes follow the save", "corrupted") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.pos >= len(text.rstrip()) - 1 or "Unterminated" in err.msg:
            raise _save_error(
                "the file is truncated: it ends in the middle of the save", "truncated"
            ) from None
        raise _save_error(
            "the file is corrupted: it is not valid JSON at line {line}, column {column} ({error})",
            "corrupted",
            line=err.lineno,
            column=err.colno,
            error=err.msg,
        ) from None
    except RecursionError:
        raise _save_error("the file is corrupted: its data is nested far too deeply", "corrupted") from None
    except (ValueError, MemoryError) as err:
        raise _save_error("the file is corrupted: {error}", "corrupted", error=_short(err)) from None
    if not isinstance(data, dict):
        raise _save_error("the file is not a Tariff Talks save (it holds no save object)", "not_a_save")
    if not _depth_ok(data, MAX_DEPTH):
        raise _save_error(
            "the file is corrupted: its data is nested more than {depth} levels deep",
            "corrupted",
            depth=MAX_DEPTH,
        )
    try:
        data, version = migrate(data)
    except MigrationError as err:
        raise _save_error("the file is not a readable save: {error}", "not_a_save", error=err) from None
    if version > FORMAT_VERSION:
        made_by = data.get("app_version")
        by = f" ({made_by})" if isinstance(made_by, str) and len(made_by) < 40 else ""
        raise _save_error(
            "this save was made by a newer version of Tariff Talks{by} in save format {format}; "
            "this version ({version}) reads formats up to {newest}. Update the game to open it.",
            "future_version",
            by=by,
            format=version,
            version=app_version(),
            newest=FORMAT_VERSION,
        )
    checksum = data.get("checksum")
    try:
        doc = SaveFile.model_validate(data)
    except ValidationError as err:
        raise _save_error(
            "the save is damaged or was edited by hand: {error}", "invalid", error=_short(err)
        ) from None
    except (RecursionError, ValueError, TypeError) as err:
        raise _save_error("the save is damaged: {error}", "invalid", error=_short(err)) from None
    checksum_ok: bool | None = None
    if isinstance(checksum, str):
        try:
            checksum_ok = canonical_checksum(data) == checksum
        except (ValueError, TypeError):
            checksum_ok = False
    return _Document(path, doc, version, checksum_ok)


def read_save_info(path: str | os.PathLike[str]) -> SaveInfo:
    """Read a save's identity and metadata without replaying it (fast). Raises SaveError."""
    d = _read_document(Path(path))
    doc = d.doc
    warnings: list[str] = []
    if d.checksum_ok is False:
        warnings.append(_EDITED)
    return SaveInfo(
        path=d.path,
        format_version=d.original_version,
        app_version=doc.app_version,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
        scenario_id=doc.scenario.id,
        scenario_version=doc.scenario.version,
        scenario_file=doc.scenario.file_name,
        seed=doc.seed,
        seats=dict(doc.seats),
        actions=len(doc.actions),
        meta=doc.meta,
        warnings=warnings,
    )


_EDITED = Said("the file was changed outside the game since it was saved (its checksum does not match)")


# --------------------------------------------------------------------- loading
@dataclass
class LoadedGame:
    """A game rebuilt from a save by replaying its actions.

    - ``game``: the replayed :class:`~game.engine.Game` (with the embedded scenario);
    - ``seats``: side -> seat label as saved (``"human"``, ``"ai:STYLE:LEVEL"``);
    - ``warnings``: sentences to show the player (empty when all is well);
    - ``verified``: the replayed state has the saved final hash;
    - ``scenario_changed``: the scenario's current file differs from the saved copy;
    - ``current_game``: if it differs and every action is legal under the current
      file, the game replayed with it (else None);
    - ``scenario_file``: the current file of the scenario, if found.
    """

    path: Path
    game: Game
    seats: dict[str, str]
    warnings: list[str]
    verified: bool
    info: SaveInfo
    user_meta: dict[str, Any]
    scenario_text: str
    scenario_file: Path | None = None
    scenario_changed: bool = False
    current_game: Game | None = None
    divergence: Divergence | None = None

    @property
    def from_backup(self) -> bool:
        return self.path.name.endswith(".bak")


def decode_actions(doc: SaveFile, path: Path, backup: bool) -> list[Action]:
    actions: list[Action] = []
    n = len(doc.actions)
    for i, raw in enumerate(doc.actions):
        try:
            actions.append(action_from_dict(raw))
        except (ValidationError, ValueError, TypeError, RecursionError) as err:
            raise SaveError(
                "action {n} of {total} is not a valid action (damaged or edited by hand): {error}",
                path,
                backup,
                kind="illegal_action",
                n=i + 1,
                total=n,
                error=_short(err),
            ) from None
    return actions


def _describe_action(a: Action) -> str:
    return f"{a.side} {a.type}"


def _replay(
    scenario: Scenario, seed: int, actions: list[Action], path: Path, backup: bool, what: str
) -> Game:
    game = Game(scenario, seed)
    for i, a in enumerate(actions):
        turn = game.state.turn
        try:
            game.play(a)
        except Exception as err:
            raise SaveError(
                "{what}action {n} of {total} ({action}, turn {turn}) does not replay: {error}",
                path,
                backup,
                kind="illegal_action",
                what=what,
                n=i + 1,
                total=len(actions),
                action=_describe_action(a),
                turn=turn,
                error=_short(err),
            ) from None
    return game


def _scenario_from_doc(
    copy: ScenarioCopy, path: Path, backup: bool, current: Path | None, warnings: list[str]
) -> tuple[Scenario, str]:
    """Parse the embedded scenario (or the current file if the copy is damaged and the file matches)."""
    text = copy.text
    if sha256_text(text) != copy.sha256:
        cur_text = None
        if current is not None:
            try:
                cur_text, _ = read_scenario_file(current)
            except (OSError, UnicodeDecodeError):
                cur_text = None
        if current is not None and cur_text is not None and sha256_text(cur_text) == copy.sha256:
            warnings.append(
                Said(
                    "the copy of the scenario inside the save is damaged; used {file}, "
                    "which is identical to the copy that was saved",
                    file=current.name,
                )
            )
            text = cur_text
        else:
            raise SaveError(
                "the copy of the scenario inside the save is damaged (its hash does not match) "
                "and no identical scenario file was found",
                path,
                backup,
                kind="scenario",
            )
    filename = copy.file_name or "scenario-in-save.yaml"
    try:
        scenario = parse_scenario_text(text, copy.text_format, filename)
    except Exception as err:
        diags = getattr(err, "diagnostics", None)
        detail = diags[0].format() if diags else _short(err)
        raise SaveError(
            "the copy of the scenario inside the save is not a valid scenario: {error}",
            path,
            backup,
            kind="scenario",
            error=detail,
        ) from None
    return scenario, text


def load_game(
    path: str | os.PathLike[str], *, scenario_dir: str | os.PathLike[str] | None = None
) -> LoadedGame:
    """Load a save: read, validate, migrate, replay, verify. Raises :class:`SaveError`.

    ``scenario_dir``: where to look for the scenario's current file (default: the
    bundled scenarios), to tell whether it changed since the save (see the module
    docstring for what happens then). Never modifies any file; never raises
    anything but SaveError for a bad file.

    To open the backup after a SaveError with ``backup_available``:
    ``load_game(backup_path(path))``.
    """
    p = Path(path)
    try:
        return _load(p, scenario_dir)
    except SaveError as err:
        if not err.backup_available and err.kind not in ("not_found",):
            err.backup_available = _backup_ok(p)
        raise


def _load(p: Path, scenario_dir: str | os.PathLike[str] | None) -> LoadedGame:
    d = _read_document(p)
    doc = d.doc
    backup = False  # filled in by load_game if loading fails
    warnings: list[str] = []
    if d.original_version < FORMAT_VERSION:
        warnings.append(
            Said(
                "this save was written in an older format ({format}) and was upgraded",
                format=d.original_version,
            )
        )
    if d.checksum_ok is False:
        warnings.append(_EDITED)
    dirs = (Path(scenario_dir),) if scenario_dir is not None else BUNDLED_SCENARIO_DIRS
    try:
        current = find_current_file(doc.scenario, doc.scenario.id, dirs)
    except Exception:
        current = None
    scenario, text = _scenario_from_doc(doc.scenario, p, backup, current, warnings)
    if doc.scenario.id and (
        scenario.meta.id != doc.scenario.id or scenario.meta.version != doc.scenario.version
    ):
        warnings.append(
            Said(
                "the save names scenario {named} version {named_version}, but its copy is {copy} version {version}",
                named=doc.scenario.id,
                named_version=doc.scenario.version,
                copy=scenario.meta.id,
                version=scenario.meta.version,
            )
        )
    if current is None and not doc.scenario.id:
        current = find_current_file(doc.scenario, scenario.meta.id, dirs)
    sides = set(scenario.side_ids)
    seats = {k: v for k, v in doc.seats.items() if k in sides}
    if len(seats) != len(doc.seats):
        warnings.append(
            Said(
                "ignored seats for sides that are not in the scenario: {sides}",
                sides=", ".join(sorted(set(doc.seats) - sides)),
            )
        )
    actions = decode_actions(doc, p, backup)
    game = _replay(scenario, doc.seed, actions, p, backup, "")
    verified = False
    divergence = None
    if doc.final_state_hash is None:
        warnings.append(Said("this save has no state hash to check the replay against (older format)"))
    elif game.state_hash() == doc.final_state_hash:
        verified = True
    else:
        if doc.checkpoints:
            _g, divergence = replay_checked(scenario, doc.seed, actions, doc.checkpoints)
        if divergence is not None:
            warnings.append(
                Said(
                    "the game replays to a different state than when it was saved (by version {saved_by}; "
                    "this is {version}): {where}. The replayed game is loaded",
                    saved_by=doc.app_version,
                    version=app_version(),
                    where=divergence.said(),
                )
            )
        else:
            warnings.append(
                Said(
                    "the game replays to a different state than when it was saved (by version {saved_by}; "
                    "this is {version}). The replayed game is loaded",
                    saved_by=doc.app_version,
                    version=app_version(),
                )
            )
    # the scenario's current file
    scenario_changed = False
    current_game: Game | None = None
    if current is not None:
        try:
            cur_text, cur_scenario = read_scenario_file(current)
        except (OSError, UnicodeDecodeError):
            cur_text, cur_scenario = None, None
        if cur_text is not None and sha256_text(cur_text) != sha256_text(text) and cur_scenario != scenario:
            scenario_changed = True
            msg = Said(
                "the scenario file {file} has changed since this save; replayed with the saved copy "
                "(the current file has errors)",
                file=current.name,
            )
            if cur_scenario is not None:
                try:
                    current_game = _replay(cur_scenario, doc.seed, actions, p, backup, "")
                    # continuing with the current file: the same game, the file's text
                    attach_record(
                        current_game,
                        SaveRecord(
                            created_at=doc.created_at,
                            source=ScenarioSource(cur_scenario, cur_text, "yaml", current.name),
                        ),
                    )
                    msg = Said(
                        "the scenario file {file} has changed since this save; replayed with the saved copy; "
                        "its moves are also legal under the current file, which you may continue with instead",
                        file=current.name,
                    )
                except SaveError as err:
                    msg = Said(
                        "the scenario file {file} has changed since this save; replayed with the saved copy; "
                        "under the current file the game cannot be replayed ({error})",
                        file=current.name,
                        error=err.message,
                    )
            warnings.append(msg)
    elif doc.scenario.file_name and scenario_dir is not None:
        warnings.append(
            Said(
                "the scenario file {file} is no longer in {folder}; replayed with the saved copy",
                file=doc.scenario.file_name,
                folder=scenario_dir,
            )
        )
    # what the next save of the loaded game needs: its creation time and its scenario's text
    attach_record(
        game,
        SaveRecord(
            created_at=doc.created_at,
            source=ScenarioSource(scenario, text, doc.scenario.text_format, doc.scenario.file_name),
        ),
    )
    info = SaveInfo(
        path=p,
        format_version=d.original_version,
        app_version=doc.app_version,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
        scenario_id=scenario.meta.id,
        scenario_version=scenario.meta.version,
        scenario_file=doc.scenario.file_name,
        seed=doc.seed,
        seats=seats,
        actions=len(actions),
        meta=doc.meta,
        warnings=list(warnings),
    )
    return LoadedGame(
        path=p,
        game=game,
        seats=seats,
        warnings=warnings,
        verified=verified,
        info=info,
        user_meta=dict(doc.meta.user) if doc.meta else {},
        scenario_text=text,
        scenario_file=current,
        scenario_changed=scenario_changed,
        current_game=current_game,
        divergence=divergence,
    )


def read_document(path: str | os.PathLike[str]) -> tuple[SaveFile, int]:
    """The validated (migrated) contents of a save and its original format version. Raises SaveError."""
    d = _read_document(Path(path))
    return d.doc, d.original_version
