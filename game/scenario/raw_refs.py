"""Cross-references checked on the raw document, for files that do not parse.

:mod:`game.scenario.checks` checks references on the parsed models, so a file with
one misspelt key would hide every unknown instrument or side until that key is
fixed. This pass reads the plain data leniently — whatever is a mapping with the
expected key — so that the author sees *every* problem in one run. It only runs
when the models did not parse, and it reports only names that do not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.scenario.diagnostics import Diagnostic, Locator, Path
from game.scenario.model_errors import suggestion
from game.scenario.models import METER_RANGES

ROW = "row"


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def _ids(data: Any, key: str) -> list[str]:
    return [str(item["id"]) for _, item in _items(data, key) if isinstance(item.get("id"), str)]


def raw_reference_checks(data: dict[str, Any], locator: Locator, filename: str) -> list[Diagnostic]:
    sides = _ids(data, "sides")
    instruments = _ids(data, "instruments")
    out: list[Diagnostic] = []

    def error(message: str, path: Path) -> None:
        line, col = locator.value(path)
        out.append(Diagnostic("error", message, filename, line, col, path))

    def instrument(value: Any, path: Path) -> None:
        if isinstance(value, str) and instruments and value not in instruments:
            error(f"unknown instrument '{value}'{suggestion(value, instruments)}", path)

    def side(value: Any, path: Path, *, row: bool = False) -> None:
        choices = [*sides, ROW] if row else sides
        if isinstance(value, str) and sides and value not in choices:
            error(f"unknown side '{value}'{suggestion(value, choices)}", path)

    def meter(value: Any, path: Path) -> None:
        if isinstance(value, str) and value not in METER_RANGES:
            error(f"unknown meter '{value}'{suggestion(value, list(METER_RANGES))}", path)

    def subject(item: dict[str, Any], base: Path) -> None:
        instrument(item.get("instrument"), (*base, "instrument"))
        side(item.get("side"), (*base, "side"))
        meter(item.get("meter"), (*base, "meter"))

    for i, ins in _items(data, "instruments"):
        side(ins.get("owner"), ("instruments", i, "owner"), row=True)
        side(ins.get("target"), ("instruments", i, "target"), row=True)
        instrument(ins.get("applies_to"), ("instruments", i, "applies_to"))
    briefings = data.get("briefings")
    if isinstance(briefings, dict):
        for name, briefing in briefings.items():
            side(name, ("briefings", name))
            for k, obj in _items(briefing, "objectives"):
                subject(obj, ("briefings", name, "objectives", k))
            for k, rl in _items(briefing, "red_lines"):
                instrument(rl.get("instrument"), ("briefings", name, "red_lines", k, "instrument"))
    for i, event in _items(data, "events"):
        when = event.get("when")
        if isinstance(when, dict):
            instrument(when.get("on_change"), ("events", i, "when", "on_change"))
            for k, cond in _items(when, "conditions"):
                subject(cond, ("events", i, "when", "conditions", k))
        for k, eff in _items(event, "effects"):
            subject(eff, ("events", i, "effects", k))
    end = data.get("end")
    deal = end.get("comprehensive_deal") if isinstance(end, dict) else None
    required = deal.get("required_instruments") if isinstance(deal, dict) else None
    if isinstance(required, list):
        for k, name in enumerate(required):
            instrument(name, ("end", "comprehensive_deal", "required_instruments", k))
    return out
