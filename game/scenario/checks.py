"""Cross-reference checks on a scenario that has parsed.

Pydantic checks each value on its own; these checks look across the file:
that every id a value names exists ("did you mean …?"), that ids are unique,
that events can fire within the scenario's span, that scoring has a tier for
every outcome, and style hints. Each result is located through the document
path of the value it is about.

Rules (severity in brackets):

- sides: ids unique, regions unique, `row` is reserved [error];
- briefings: exactly one per side [error];
- instruments: ids unique; owner/target a side or `row`, target != owner
  [error]; a suspension's `applies_to` names a tariff of the same owner
  [error]; `start` on the step grid [warning];
- objectives, conditions, effects, red lines: meters, sides and instruments
  they name exist; a side's meter has `side`, a shared one has not [error];
  only some meters can be moved by effects [error]; values in range [warning];
- events: ids unique [error]; turns within 1..deadline, from <= to [error];
  dates within the span [warning]; effects' `set` within the instrument's or
  meter's range [warning];
- end: the comprehensive deal's required instruments exist [error];
- scoring: tier ids unique [error]; some tier catches the default outcome
  (no deal, low scores) [warning];
- economy: each override names a parameter of the model ("did you mean …?") and lies
  within its limits (no zero GDP, time constant or weight to divide by) [error]; each of
  `regions` once [error], and not the US, China or a side's [warning]; each of `tariffs`
  between two different modelled regions, once per pair [error];
- numbers are finite [error];
- texts: when any text has a Chinese translation, a hint for each that lacks one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from game.economy.params import override_problems
from game.economy.regions import CORE as CORE_REGIONS
from game.registry import instruments as kind_registry
from game.scenario.diagnostics import Diagnostic, Locator, Path, Severity
from game.scenario.model_errors import did_you_mean, is_text, suggestion
from game.scenario.models import (
    EFFECT_METERS,
    METER_RANGES,
    SHARED_METERS,
    SIDE_METERS,
    Condition,
    Effect,
    Instrument,
    LocalText,
    Objective,
    Prior,
    Scenario,
)

#: The rest of the world: a valid owner or target of background instruments.
ROW = "row"


class Reporter:
    """Collects located diagnostics for one file."""

    def __init__(self, locator: Locator, filename: str) -> None:
        self.locator = locator
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []

    def add(self, severity: Severity, message: str, path: Path, *, key: bool = False) -> None:
        line, col = self.locator.key(path) if key else self.locator.value(path)
        self.diagnostics.append(Diagnostic(severity, message, self.filename, line, col, path))

    def error(self, message: str, path: Path, *, key: bool = False) -> None:
        self.add("error", message, path, key=key)

    def warning(self, message: str, path: Path, *, key: bool = False) -> None:
        self.add("warning", message, path, key=key)

    def hint(self, message: str, path: Path, *, key: bool = False) -> None:
        self.add("hint", message, path, key=key)

    def line_of(self, path: Path) -> int:
        return self.locator.value(path)[0]


def _fmt(x: float) -> str:
    return f"{x:g}"


def _within(value: float, lo: float, hi: float) -> bool:
    """In range, or not a finite number (reported on its own)."""
    return not math.isfinite(value) or lo <= value <= hi


def _on_grid(value: float, origin: float, step: float) -> bool:
    k = (value - origin) / step
    return abs(k - round(k)) <= 1e-6 * max(1.0, abs(k))


class _Checker:
    def __init__(self, scenario: Scenario, reporter: Reporter) -> None:
        self.sc = scenario
        self.r = reporter
        self.side_ids = [s.id for s in scenario.sides]
        self.instruments: dict[str, Instrument] = {}
        for instrument in scenario.instruments:
            self.instruments.setdefault(instrument.id, instrument)

    # -- helpers -----------------------------------------------------------
    def unique(self, ids: Sequence[str], base: Path, field: str, what: str) -> None:
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                line = self.r.line_of((*base, first[ident], field))
                self.r.error(f"duplicate {what} '{ident}' (first on line {line})", (*base, i, field))
            else:
                first[ident] = i

    def side_ref(self, side: str | None, path: Path) -> bool:
        """Whether ``side`` (if given) is a side of the scenario; reports it if not."""
        if side is None or side in self.side_ids:
            return True
        self.r.error(
            f"unknown side '{side}'{suggestion(side, self.side_ids)} (sides: {', '.join(self.side_ids)})",
            path,
        )
        return False

    def instrument_ref(self, ident: str | None, path: Path) -> Instrument | None:
        if ident is None:
            return None
        instrument = self.instruments.get(ident)
        if instrument is None:
            self.r.error(f"unknown instrument '{ident}'{suggestion(ident, list(self.instruments))}", path)
        return instrument

    def meter_ref(self, meter: str | None, side: str | None, path: Path, *, effect: bool = False) -> bool:
        """Check a ``meter`` (+ ``side``) pair at ``path`` (the mapping holding them)."""
        if meter is None:
            return False
        if meter not in METER_RANGES:
            choices = sorted(EFFECT_METERS if effect else METER_RANGES)
            hint = suggestion(meter, choices) or f"; meters: {', '.join(choices)}"
            self.r.error(f"unknown meter '{meter}'{hint}", (*path, "meter"))
            return False
        ok = True
        if effect and meter not in EFFECT_METERS:
            self.r.error(
                f"events cannot move the meter '{meter}' (the economy model does); "
                f"they can move: {', '.join(sorted(EFFECT_METERS))}",
                (*path, "meter"),
            )
            ok = False
        if meter in SIDE_METERS and side is None:
            self.r.error(
                f"'{meter}' is a side's meter: say whose with `side: {self.side_ids[0]}` "
                f"(sides: {', '.join(self.side_ids)})",
                path,
            )
            ok = False
        elif meter in SHARED_METERS and side is not None:
            self.r.error(f"'{meter}' is shared by both sides: remove `side`", (*path, "side"), key=True)
            ok = False
        elif not self.side_ref(side, (*path, "side")):
            ok = False
        return ok

    def subject(
        self, item: Objective | Condition | Effect, path: Path, *, effect: bool = False
    ) -> tuple[float, float] | None:
        """Check what ``item`` names; return the range of its meter or instrument if known."""
        if item.meter is not None:
            if self.meter_ref(item.meter, item.side, path, effect=effect):
                return METER_RANGES[item.meter]
            return None
        instrument = self.instrument_ref(item.instrument, (*path, "instrument"))
        if item.side is not None:
            self.r.warning(
                "`side` is ignored for an instrument (its owner is fixed)", (*path, "side"), key=True
            )
        if instrument is None:
            return None
        return instrument.min, instrument.max

    # -- sections ----------------------------------------------------------
    def sides(self) -> None:
        self.unique(self.side_ids, ("sides",), "id", "side id")
        self.unique([s.region for s in self.sc.sides], ("sides",), "region", "region")
        for i, side in enumerate(self.sc.sides):
            if side.id == ROW:
                self.r.error("the side id 'row' is reserved for the rest of the world", ("sides", i, "id"))

    def briefings(self) -> None:
        keys = list(self.sc.briefings)
        for key in keys:
            if key not in self.side_ids:
                self.r.error(
                    f"briefing for unknown side '{key}'{suggestion(key, self.side_ids)} "
                    f"(sides: {', '.join(self.side_ids)})",
                    ("briefings", key),
                    key=True,
                )
        for side in self.side_ids:
            if side not in self.sc.briefings:
                self.r.error(
                    f"no briefing for the side '{side}': add `{side}:` under briefings",
                    ("briefings",),
                    key=True,
                )
        for side, briefing in self.sc.briefings.items():
            base: Path = ("briefings", side)
            self.unique([o.id for o in briefing.objectives], (*base, "objectives"), "id", "objective id")
            for i, objective in enumerate(briefing.objectives):
                path = (*base, "objectives", i)
                span = self.subject(objective, path)
                if span is not None:
                    lo, hi = span
                    for field in ("baseline", "target"):
                        value = getattr(objective, field)
                        if math.isfinite(value) and not lo <= value <= hi:
                            self.r.warning(
                                f"{field} {_fmt(value)} is outside the possible range {_fmt(lo)}..{_fmt(hi)}",
                                (*path, field),
                            )
            self.unique([x.id for x in briefing.red_lines], (*base, "red_lines"), "id", "red line id")
            for i, red_line in enumerate(briefing.red_lines):
                path = (*base, "red_lines", i)
                instrument = self.instrument_ref(red_line.instrument, (*path, "instrument"))
                prior = red_line.priors.get("value")
                if instrument is not None and prior is not None:
                    self.red_line_prior(prior, instrument, (*path, "value"))
                elif instrument is not None and not _within(red_line.value, instrument.min, instrument.max):
                    self.r.warning(
                        f"value {_fmt(red_line.value)} is outside {instrument.id}'s range "
                        f"{_fmt(instrument.min)}..{_fmt(instrument.max)}",
                        (*path, "value"),
                    )

    def red_line_prior(self, prior: Prior, instrument: Instrument, path: Path) -> None:
        """Rule 7.3: every level a red line's prior can draw is a level of its instrument."""
        ends = list(prior.between) if prior.between is not None else list(prior.one_of or [])
        what = "between" if prior.between is not None else "one_of"
        for x in ends:
            if not instrument.min <= x <= instrument.max:
                self.r.error(
                    f"{what}: {_fmt(x)} is outside {instrument.id}'s range "
                    f"{_fmt(instrument.min)}..{_fmt(instrument.max)}",
                    (*path, what),
                )
                return
            if not _on_grid(x, instrument.min, instrument.step):
                self.r.error(
                    f"{what}: {_fmt(x)} is not on {instrument.id}'s step "
                    f"({_fmt(instrument.step)} from {_fmt(instrument.min)})",
                    (*path, what),
                )
                return

    def instruments_(self) -> None:
        self.unique([i.id for i in self.sc.instruments], ("instruments",), "id", "instrument id")
        parties = [*self.side_ids, ROW]
        for i, instrument in enumerate(self.sc.instruments):
            path: Path = ("instruments", i)
            for field in ("owner", "target"):
                value = getattr(instrument, field)
                if value not in parties:
                    self.r.error(
                        f"{field} '{value}' is not a side{suggestion(value, parties)} "
                        f"(use one of: {', '.join(parties)})",
                        (*path, field),
                    )
            if instrument.target == instrument.owner:
                self.r.error(f"target '{instrument.target}' is the instrument's own owner", (*path, "target"))
            if not _on_grid(instrument.start, instrument.min, instrument.step):
                self.r.warning(
                    f"start {_fmt(instrument.start)} is not on the step grid "
                    f"({_fmt(instrument.min)} + k × {_fmt(instrument.step)})",
                    (*path, "start"),
                )
            if instrument.applies_to is None:
                continue
            if not kind_registry.kind(instrument.kind).suspends:
                self.r.warning("`applies_to` is only read for suspensions", (*path, "applies_to"), key=True)
                continue
            target = self.instrument_ref(instrument.applies_to, (*path, "applies_to"))
            if target is None:
                continue
            if kind_registry.kind(target.kind).channel != "tariff":  # what a suspension reads through
                self.r.error(
                    f"applies_to '{target.id}' is a {target.kind}; a suspension suspends a tariff",
                    (*path, "applies_to"),
                )
            elif target.owner != instrument.owner:
                self.r.error(
                    f"applies_to '{target.id}' is owned by '{target.owner}', "
                    f"but this suspension by '{instrument.owner}'",
                    (*path, "applies_to"),
                )
            elif instrument.max > target.max - target.min:
                self.r.warning(
                    f"can suspend up to {_fmt(instrument.max)} points, more than '{target.id}' "
                    f"ever levies ({_fmt(target.max - target.min)})",
                    (*path, "max"),
                )

    def events(self) -> None:
        meta, end = self.sc.meta, self.sc.end
        deadline = end.deadline_turns
        first_day = meta.start_date
        last_day = first_day + dt.timedelta(days=deadline * meta.turn_days - 1)
        self.unique([e.id for e in self.sc.events], ("events",), "id", "event id")
        for i, event in enumerate(self.sc.events):
            path: Path = ("events", i)
            when = event.when
            for field in ("turn", "from_turn", "to_turn"):
                turn = getattr(when, field)
                if turn is not None and turn > deadline:
                    self.r.error(
                        f"{field} {turn} is after the last turn ({deadline}, end.deadline_turns)",
                        (*path, "when", field),
                    )
            if when.from_turn is not None and when.to_turn is not None and when.from_turn > when.to_turn:
                self.r.error(
                    f"from_turn {when.from_turn} is after to_turn {when.to_turn}: the event never fires",
                    (*path, "when", "from_turn"),
                )
            if when.date is not None:
                if not first_day <= when.date <= last_day:
                    self.r.warning(
                        f"date {when.date.isoformat()} is outside the scenario "
                        f"({first_day.isoformat()} to {last_day.isoformat()}): the event never fires",
                        (*path, "when", "date"),
                    )
                elif when.turn is not None:
                    date_turn = (when.date - first_day).days // meta.turn_days + 1
                    if date_turn != when.turn:
                        self.r.warning(
                            f"date {when.date.isoformat()} falls in turn {date_turn}, not turn {when.turn}: "
                            "the event never fires",
                            (*path, "when", "date"),
                        )
            for j, condition in enumerate(when.conditions):
                self.subject(condition, (*path, "when", "conditions", j))
            if when.on_change is not None:
                self.instrument_ref(when.on_change, (*path, "when", "on_change"))
            if event.probability == 0:
                self.r.warning("probability 0: the event never fires", (*path, "probability"))
            for j, effect in enumerate(event.effects):
                self.effect(effect, (*path, "effects", j))

    def effect(self, effect: Effect, path: Path) -> None:
        span = self.subject(effect, path, effect=True)
        if span is None:
            return
        lo, hi = span
        what = f"'{effect.instrument}'" if effect.instrument is not None else f"the meter '{effect.meter}'"
        if effect.set is not None and not _within(effect.set, lo, hi):
            self.r.warning(
                f"set {_fmt(effect.set)} is outside the range of {what} ({_fmt(lo)}..{_fmt(hi)}); it will be clamped",
                (*path, "set"),
            )
        if effect.add is not None and math.isfinite(effect.add) and abs(effect.add) > hi - lo:
            self.r.warning(
                f"add {_fmt(effect.add)} is more than the whole range of {what} ({_fmt(lo)}..{_fmt(hi)})",
                (*path, "add"),
            )
        if effect.instrument is not None and effect.set is not None:
            instrument = self.instruments[effect.instrument]
            if lo <= effect.set <= hi and not _on_grid(effect.set, instrument.min, instrument.step):
                self.r.hint(f"set {_fmt(effect.set)} is not on {what}'s step grid", (*path, "set"))

    def end(self) -> None:
        deal = self.sc.end.comprehensive_deal
        base: Path = ("end", "comprehensive_deal")
        for i, ident in enumerate(deal.required_instruments):
            instrument = self.instrument_ref(ident, (*base, "required_instruments", i))
            if instrument is not None and not instrument.player_controlled:
                self.r.warning(
                    f"'{ident}' is not player-controlled, so no agreement can include it",
                    (*base, "required_instruments", i),
                )
        playable = sum(1 for i in self.sc.instruments if i.player_controlled)
        if deal.min_terms > playable:
            self.r.warning(
                f"min_terms {deal.min_terms} is more than the {playable} player-controlled instruments: "
                "no comprehensive deal is possible",
                (*base, "min_terms"),
            )
        if self.sc.end.table_from_turn > self.sc.end.deadline_turns:
            self.r.warning(
                f"table_from_turn {self.sc.end.table_from_turn} is after the last turn "
                f"({self.sc.end.deadline_turns}, end.deadline_turns): the table never opens",
                ("end", "table_from_turn"),
            )

    def scoring(self) -> None:
        tiers = self.sc.scoring.tiers
        self.unique([t.id for t in tiers], ("scoring", "tiers"), "id", "tier id")
        catch_all = None
        for i, tier in enumerate(tiers):
            if catch_all is not None:
                self.r.warning(
                    f"tier '{tier.id}' is never reached: tier '{tiers[catch_all].id}' before it matches every outcome",
                    ("scoring", "tiers", i),
                )
                break
            if tier.requires == "any" and tier.min_score_each == 0:
                catch_all = i
        if not any(t.requires in ("any", "none") and t.min_score_each == 0 for t in tiers):
            self.r.warning(
                "no tier catches the default outcome (no deal, low scores): add a last tier with "
                "`requires: any` (or `none`) and `min_score_each: 0`",
                ("scoring", "tiers"),
                key=True,
            )

    def numbers_and_texts(self) -> None:
        texts: list[tuple[Path, Any]] = []
        languages: set[str] = set()  # every language some text of the scenario is written in
        for path, annotation, value in walk_fields(self.sc, ()):
            if isinstance(value, float) and not math.isfinite(value):
                self.r.error(f"{value} is not allowed here: use a finite number", path)
            elif is_text(annotation) and value is not None:
                texts.append((path, value))
                if isinstance(value, LocalText):
                    languages.update(value.languages)
        languages.discard("en")
        for path, value in texts:
            if isinstance(value, str) and value.strip():
                have: tuple[str, ...] = ("en",)
            elif isinstance(value, LocalText):
                have = value.languages
            else:
                continue
            for lang in sorted(languages - set(have)):
                self.r.hint(f"text has no translation into {lang}: write it as {{en: …, {lang}: …}}", path)

    def economy(self) -> None:
        """``economy.overrides``: each name a parameter of the model, each value within the
        parameter's limits (a zero GDP or time constant would divide by zero)."""
        overrides = self.sc.economy.overrides
        for pr in override_problems(overrides):
            value = overrides.get(pr.name)
            if isinstance(value, float) and not math.isfinite(value):
                continue  # (reported by numbers_and_texts)
            self.r.error(pr.message, ("economy", "overrides", pr.name), key=pr.on_key)
        self.world()

    def world(self) -> None:
        """``economy.regions`` and ``economy.tariffs``: each region once, each tariff between two
        different regions the model runs (the US, China, the sides' and the named ones)."""
        eco = self.sc.economy
        side_regions = {s.region for s in self.sc.sides}
        first: dict[str, int] = {}
        for i, r in enumerate(eco.regions):
            if r in first:
                line = self.r.line_of(("economy", "regions", first[r]))
                self.r.error(
                    f"region {r!r} is listed twice (first on line {line})", ("economy", "regions", i)
                )
                continue
            first[r] = i
            if r in CORE_REGIONS or r in side_regions:
                why = "the model always runs it" if r in CORE_REGIONS else "a side governs it"
                self.r.warning(f"region {r!r} need not be listed: {why}", ("economy", "regions", i))
        modelled = set(CORE_REGIONS) | side_regions | set(eco.regions)
        seen: dict[tuple[str, str], int] = {}
        for i, t in enumerate(eco.tariffs):
            path = ("economy", "tariffs", i)
            if t.owner == t.target:
                self.r.error(
                    f"a tariff of {t.owner!r} on itself: 'owner' and 'target' must differ", (*path, "target")
                )
                continue
            for key in ("owner", "target"):
                r = getattr(t, key)
                if r not in modelled and r != "row":
                    self.r.error(
                        f"region {r!r} is not modelled in this scenario: add it to economy.regions "
                        f"(modelled: {', '.join(sorted(modelled))})",
                        (*path, key),
                    )
            if (t.owner, t.target) in seen:
                line = self.r.line_of(("economy", "tariffs", seen[(t.owner, t.target)]))
                self.r.error(f"a second tariff of {t.owner!r} on {t.target!r} (first on line {line})", path)
            seen.setdefault((t.owner, t.target), i)

    def history(self) -> None:
        for i, row in enumerate(self.sc.history):
            for j, ident in enumerate(row.instruments):
                self.instrument_ref(ident, ("history", i, "instruments", j))

    def run(self) -> list[Diagnostic]:
        self.economy()
        self.sides()
        self.instruments_()
        self.briefings()
        self.events()
        self.end()
        self.scoring()
        self.history()
        self.numbers_and_texts()
        return self.r.diagnostics


def walk_fields(obj: Any, path: Path) -> Iterator[tuple[Path, Any, Any]]:
    """``(path, annotation, value)`` for every field set in the file, depth first.

    Dictionary values (``economy.overrides``) are yielded with annotation ``None``.
    """
    if isinstance(obj, BaseModel):
        given = obj.model_fields_set
        for name, field in type(obj).model_fields.items():
            if name not in given:
                continue
            value = getattr(obj, name)
            child = (*path, name)
            yield child, field.annotation, value
            yield from walk_fields(value, child)
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            if isinstance(item, float):
                yield (*path, i), None, item
            yield from walk_fields(item, (*path, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            if not isinstance(item, BaseModel):
                yield (*path, key), None, item
            yield from walk_fields(item, (*path, key))


def check_scenario(scenario: Scenario, locator: Locator, filename: str) -> list[Diagnostic]:
    """Every cross-reference problem of a parsed ``scenario``."""
    return _Checker(scenario, Reporter(locator, filename)).run()


__all__ = ["ROW", "Reporter", "check_scenario", "did_you_mean", "walk_fields"]
