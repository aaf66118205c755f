"""``tariff-talks forecast``: play a scenario's scripted events to a date and print the outlook."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from game.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, load_scenario_or_report


def forecast_command(args: argparse.Namespace) -> int:
    from game.forecast import forecast

    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    date = None
    if args.date is not None:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a date: use YYYY-MM-DD") from None
    try:
        result = forecast(scenario, date=date, turn=args.turn)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"Forecast for {result['date']} (turn {result['turn']}):")
        print(f"  world growth {result['world']['growth_pct']:.2f}%")
        for region in ("us", "china"):
            r = result[region]
            print(
                f"  {region:<6} growth {r['growth_pct']:.2f}%  recession {r['recession_prob_pct']:.1f}%  "
                f"inflation {r['inflation_pct']:.2f}%"
            )
    return EXIT_OK
