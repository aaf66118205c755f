"""Player-facing words shared by the terminal and the window: meter labels, side
names, news lines. English and Simplified Chinese."""

from __future__ import annotations

from game.engine.state import NewsItem
from game.scenario.models import Scenario, tr

METER_LABELS: dict[str, tuple[str, str]] = {
    "growth_pct": ("Growth outlook %", "增长预期 %"),
    "recession_prob_pct": ("Recession risk %", "衰退概率 %"),
    "inflation_pct": ("Inflation %", "通胀 %"),
    "exports_bn": ("Exports to other side $bn", "对对方出口（十亿美元）"),
    "trade_balance_bn": ("Bilateral balance $bn", "双边贸易差额（十亿美元）"),
    "market_index": ("Market index", "股市指数"),
    "approval_pct": ("Approval %", "支持率 %"),
    "political_capital": ("Political capital", "政治资本"),
    "faction_pressure_pct": ("Faction pressure %", "利益集团压力 %"),
    "world_growth_pct": ("World growth %", "全球增长 %"),
    "uncertainty_index": ("Policy uncertainty", "政策不确定性"),
    "trust_pct": ("Trust %", "互信 %"),
}

STATEMENT_WORDS: dict[str, tuple[str, str]] = {
    "conciliatory": ("a conciliatory statement", "发表和解性声明"),
    "firm": ("a firm statement", "发表强硬声明"),
    "threatening": ("a threatening statement", "发出威胁性声明"),
}

END_WORDS: dict[str, tuple[str, str]] = {
    "walk_out": ("walks out: the talks collapse", "退出谈判：谈判破裂"),
    "trust": ("Trust has run out: the talks collapse", "互信耗尽：谈判破裂"),
    "recession": ("A recession ends the talks", "经济衰退导致谈判结束"),
    "deal": ("A comprehensive deal is signed", "签署全面协议"),
    "deadline": ("The deadline has passed", "谈判期限已到"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def meter_label(meter: str, lang: str = "en") -> str:
    pair = METER_LABELS.get(meter)
    return _pick(pair, lang) if pair else meter


def side_name(scenario: Scenario, side: str | None, lang: str = "en") -> str:
    if side is None:
        return ""
    try:
        return tr(scenario.side(side).name, lang)
    except KeyError:
        return side


def instrument_name(scenario: Scenario, iid: str, lang: str = "en") -> str:
    try:
        return tr(scenario.instrument(iid).name, lang)
    except KeyError:
        return iid


def describe_news(scenario: Scenario, item: NewsItem, lang: str = "en") -> str:
    """One line of news for the feed."""
    who = side_name(scenario, item.side, lang)
    zh = lang == "zh"
    if item.kind == "event" and item.event_id:
        for ev in scenario.events:
            if ev.id == item.event_id:
                body = tr(ev.news, lang)
                return tr(ev.headline, lang) + (f" — {body}" if body else "")
        return item.event_id
    if item.kind == "statement":
        words = _pick(STATEMENT_WORDS.get(item.headline, (item.headline, item.headline)), lang)
        quote = f": “{item.text}”" if item.text else ""
        return f"{who}{'' if zh else ' makes '}{words}{quote}"
    if item.kind == "order":
        name = instrument_name(scenario, item.headline, lang)
        return f"{who}{'调整' if zh else ' moves '}{name}{'：' if zh else ': '}{item.text}"
    if item.kind == "agreement":
        return f"{'双方达成协议（' if zh else 'Agreement signed (proposed by '}{who}{'提出）' if zh else ')'}"
    if item.kind == "breach":
        return f"{who}{'违反协议：协议作废' if zh else ' breaches the agreement: it is void'}"
    if item.kind == "snap_back":
        name = instrument_name(scenario, item.headline, lang)
        return f"{name}{'恢复至协议前水平' if zh else ' snaps back to its level before the agreement'}"
    if item.kind == "end":
        text = _pick(END_WORDS.get(item.headline, (item.headline, item.headline)), lang)
        return f"{who} {text}" if item.headline == "walk_out" else text
    return item.headline
