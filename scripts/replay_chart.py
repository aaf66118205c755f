"""Chart of the 2025 replay against the published figures, as a pure-Python SVG.

    python scripts/replay_chart.py [weekly.csv] [-o docs/img/history-2025.svg]

The CSV has a ``date`` column (ISO, the end of each turn) and any of the columns
``world_growth_pct``, ``us.growth_pct``, ``china.growth_pct``,
``us.recession_prob_pct``, ``uncertainty_index`` (the format of
``python -m game.economy.calibration --replay-csv FILE``; the engine's export can
write the same). Without a CSV the economy model's own replay of
``calibration_timeline("history", extended=True)`` is drawn. Published figures
(up to 30 April 2025, from shared/data/calibration-2025.md) are drawn as points.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

D = dt.date
#: (column, date, value, label) of the published figures
PUBLISHED: list[tuple[str, dt.date, float, str]] = [
    ("world_growth_pct", D(2025, 1, 17), 3.3, "IMF Jan"),
    ("us.growth_pct", D(2025, 1, 17), 2.7, "IMF Jan"),
    ("china.growth_pct", D(2025, 1, 17), 4.6, "IMF Jan"),
    ("world_growth_pct", D(2025, 4, 22), 2.8, "IMF Apr"),
    ("us.growth_pct", D(2025, 4, 22), 1.8, "IMF Apr"),
    ("china.growth_pct", D(2025, 4, 22), 4.0, "IMF Apr"),
    ("us.recession_prob_pct", D(2025, 3, 5), 20.0, "GS"),
    ("us.recession_prob_pct", D(2025, 3, 28), 35.0, "GS"),
    ("us.recession_prob_pct", D(2025, 4, 6), 45.0, "GS"),
    ("us.recession_prob_pct", D(2025, 4, 3), 60.0, "JPM"),
    ("us.recession_prob_pct", D(2025, 4, 3), 54.0, "Kalshi"),
    ("us.recession_prob_pct", D(2025, 4, 7), 66.0, "Kalshi"),
]
PANELS: list[tuple[str, list[tuple[str, str, str]], tuple[float, float]]] = [
    (
        "2025 growth outlook (%)",
        [
            ("world_growth_pct", "world", "#555555"),
            ("us.growth_pct", "US", "#1f4e9c"),
            ("china.growth_pct", "China", "#c8102e"),
        ],
        (0.0, 6.0),
    ),
    ("US 12-month recession probability (%)", [("us.recession_prob_pct", "US", "#1f4e9c")], (0.0, 100.0)),
    (
        "Trade-policy uncertainty index (100 = normal)",
        [("uncertainty_index", "index", "#7a4fa3")],
        (0.0, 1000.0),
    ),
]
W, PH, ML, MR, MT, GAP = 760, 200, 60, 110, 30, 50


def read_csv(text: str) -> tuple[list[dt.date], dict[str, list[float]]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    dates = [dt.date.fromisoformat(r["date"]) for r in rows]
    cols = {k: [float(r[k]) for r in rows] for k in rows[0] if k != "date" and k != "turn"} if rows else {}
    return dates, cols


def svg(dates: list[dt.date], cols: dict[str, list[float]], title: str) -> str:
    d0, d1 = D(2025, 1, 1), max([*dates, D(2025, 12, 31)])
    span = (d1 - d0).days
    height = MT + len(PANELS) * (PH + GAP) + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" viewBox="0 0 {W} {height}" '
        'font-family="sans-serif" font-size="11">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{W / 2}" y="18" text-anchor="middle" font-size="14">{escape(title)}</text>',
    ]
    pw = W - ML - MR

    def x(d: dt.date) -> float:
        return ML + pw * (d - d0).days / span

    for k, (ptitle, series, (lo, hi)) in enumerate(PANELS):
        top = MT + k * (PH + GAP) + 10

        def y(v: float, top: float = top, lo: float = lo, hi: float = hi) -> float:
            return top + PH * (1 - (min(max(v, lo), hi) - lo) / (hi - lo))

        out.append(f'<text x="{ML}" y="{top - 6}" font-weight="bold">{escape(ptitle)}</text>')
        out.append(f'<rect x="{ML}" y="{top}" width="{pw}" height="{PH}" fill="none" stroke="#999"/>')
        for i in range(5):
            v = lo + (hi - lo) * i / 4
            out.append(f'<line x1="{ML}" x2="{ML + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eee"/>')
            out.append(f'<text x="{ML - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
        for m in range(1, 13):
            d = D(2025, m, 1)
            out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{top}" y2="{top + PH}" stroke="#f2f2f2"/>')
            out.append(f'<text x="{x(d) + 2:.1f}" y="{top + PH + 14}">{d.strftime("%b")}</text>')
        for n, (col, label, colour) in enumerate(series):
            if col not in cols:
                continue
            pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in zip(dates, cols[col], strict=True))
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
            ly = top + 14 + 16 * n
            out.append(
                f'<line x1="{ML + pw + 10}" x2="{ML + pw + 30}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"/>'
            )
            out.append(f'<text x="{ML + pw + 34}" y="{ly + 4}">{escape(label)} (model)</text>')
            for pcol, pd, pv, plabel in PUBLISHED:
                if pcol == col:
                    out.append(
                        f'<circle cx="{x(pd):.1f}" cy="{y(pv):.1f}" r="4" fill="white" stroke="{colour}" stroke-width="2">'
                        f"<title>{escape(plabel)} {pd.isoformat()}: {pv:g}</title></circle>"
                    )
        ly = top + 14 + 16 * len(series)
        out.append(
            f'<circle cx="{ML + pw + 20}" cy="{ly}" r="4" fill="white" stroke="#333" stroke-width="2"/>'
        )
        out.append(f'<text x="{ML + pw + 34}" y="{ly + 4}">published</text>')
    out.append(
        f'<text x="{ML}" y="{height - 6}" fill="#666">Points: figures dated up to 30 Apr 2025 (calibration). '
        "After April the line is out of sample.</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", help="weekly meters (default: the economy model's own replay)")
    ap.add_argument("-o", "--output", default=str(ROOT / "docs" / "img" / "history-2025.svg"))
    args = ap.parse_args(argv)
    if args.csv:
        text = Path(args.csv).read_text(encoding="utf-8")
        title = f"2025 replay ({Path(args.csv).name}) vs published figures"
    else:
        from game.economy import default_params
        from game.economy.calibration import weekly_csv

        text = weekly_csv(default_params())
        title = "Economy model: 2025 replay (weekly, from 6 Jan) vs published figures"
    dates, cols = read_csv(text)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(svg(dates, cols, title), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
