"""``tariff-talks forecast``: play a scenario's scripted events to a date and print the outlook."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from game.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, load_scenario_or_report
from game.i18n import t


def forecast_command(args: argparse.Namespace) -> int:
    from game.forecast import forecast

    lang = args.lang or "en"
    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    date = None
    if args.date is not None:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(
                t(lang, "--date {date!r} is not a date: use YYYY-MM-DD", date=args.date)
            ) from None
    try:
        result = forecast(scenario, date=date, turn=args.turn)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(t(lang, "Forecast for {date} (turn {turn}):", date=result["date"], turn=result["turn"]))
        print("  " + t(lang, "world growth {growth}%", growth=f"{result['world']['growth_pct']:.2f}"))
        for side in scenario.side_ids:
            r = result[side]
            line = t(
                lang,
                "growth {growth}%  recession {recession}%  inflation {inflation}%",
                growth=f"{r['growth_pct']:.2f}",
                recession=f"{r['recession_prob_pct']:.1f}",
                inflation=f"{r['inflation_pct']:.2f}",
            )
            print(f"  {side:<6} {line}")
    return EXIT_OK
