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


#: English names that read with "the" in a sentence ("the United States", "the EU").
_ARTICLE_FIRST_WORDS = ("United", "Republic", "People's", "European", "EU", "UK", "US", "USA")
_ARTICLE_LAST_WORDS = ("States", "Kingdom", "Republic", "Union", "Netherlands", "Philippines", "Emirates")


def side_subject(scenario: Scenario, side: str | None, lang: str = "en", *, start: bool = False) -> str:
    """The side's name as it reads in a sentence: "the United States", "China"
    (``start``: at the start of a sentence, "The United States"). Chinese: the name."""
    name = side_name(scenario, side, lang)
    if lang == "zh" or not name:
        return name
    words = name.split()
    if words[0] in _ARTICLE_FIRST_WORDS or words[-1] in _ARTICLE_LAST_WORDS:
        return ("The " if start else "the ") + name
    return name


def side_possessive(scenario: Scenario, side: str | None, lang: str = "en", *, start: bool = False) -> str:
    """The possessive: ``the United States'``, ``China's`` (English); ``中国的`` (Chinese)."""
    subject = side_subject(scenario, side, lang, start=start)
    if lang == "zh":
        return f"{subject}的"
    return f"{subject}'" if subject.endswith("s") else f"{subject}'s"


def instrument_name(scenario: Scenario, iid: str, lang: str = "en") -> str:
    try:
        return tr(scenario.instrument(iid).name, lang)
    except KeyError:
        return iid


def describe_news(scenario: Scenario, item: NewsItem, lang: str = "en") -> str:
    """One line of news for the feed."""
    who = side_subject(scenario, item.side, lang, start=True)  # "The United States moves …"
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
        by = side_subject(scenario, item.side, lang)
        return f"{'双方达成协议（' if zh else 'Agreement signed (proposed by '}{by}{'提出）' if zh else ')'}"
    if item.kind == "breach":
        return f"{who}{'违反协议：协议作废' if zh else ' breaches the agreement: it is void'}"
    if item.kind == "snap_back":
        name = instrument_name(scenario, item.headline, lang)
        return f"{name}{'恢复至协议前水平' if zh else ' snaps back to its level before the agreement'}"
    if item.kind == "end":
        text = _pick(END_WORDS.get(item.headline, (item.headline, item.headline)), lang)
        return f"{who}{'' if zh else ' '}{text}" if item.headline == "walk_out" else text
    return item.headline


# ---------------------------------------------------------------- the window's words
# Additions for the desktop window (game/ui). Game-domain words live here, in both
# languages, so the terminal and the window say the same thing.

STATEMENT_LABELS: dict[str, tuple[str, str]] = {
    "none": ("No statement", "不发表声明"),
    "conciliatory": ("Conciliatory", "和解"),
    "firm": ("Firm", "强硬"),
    "threatening": ("Threatening", "威胁"),
}

#: Causes the economy model records for a meter's change ("why did this move?").
CHANNEL_LABELS: dict[str, tuple[str, str]] = {
    "trade": ("Trade (tariffs and measures)", "贸易（关税与措施）"),
    "price": ("Prices (tariff pass-through)", "价格（关税传导）"),
    "prices": ("Prices (tariff pass-through)", "价格（关税传导）"),
    "uncertainty": ("Policy uncertainty", "政策不确定性"),
    "news": ("News and events", "新闻与事件"),
    "events": ("News and events", "新闻与事件"),
    "shock": ("Shocks", "冲击"),
    "shocks": ("Shocks", "冲击"),
    "momentum": ("Momentum of the economy", "经济惯性"),
    "persistence": ("Momentum of the economy", "经济惯性"),
    "baseline": ("Baseline trend", "基准趋势"),
    "diversion": ("Trade diversion", "贸易转移"),
    "purchases": ("Purchase commitments", "采购承诺"),
    "measures": ("Non-tariff measures", "非关税措施"),
    "agreement": ("Agreements", "协议"),
    "credibility": ("Credibility of agreements", "协议可信度"),
    "world": ("World economy", "世界经济"),
    "market": ("Markets", "市场"),
    "inflation": ("Inflation", "通胀"),
    "growth": ("Growth", "增长"),
}

#: For each meter, +1 if a rise is good for the side, -1 if bad, 0 if neither.
METER_GOOD_DIRECTION: dict[str, int] = {
    "growth_pct": 1,
    "recession_prob_pct": -1,
    "inflation_pct": -1,
    "exports_bn": 1,
    "trade_balance_bn": 1,
    "market_index": 1,
    "approval_pct": 1,
    "political_capital": 1,
    "faction_pressure_pct": -1,
    "world_growth_pct": 1,
    "uncertainty_index": -1,
    "trust_pct": 1,
}

#: Meter display precision (decimals).
METER_DECIMALS: dict[str, int] = {
    "growth_pct": 2,
    "recession_prob_pct": 0,
    "inflation_pct": 1,
    "exports_bn": 0,
    "trade_balance_bn": 0,
    "market_index": 0,
    "approval_pct": 0,
    "political_capital": 0,
    "faction_pressure_pct": 0,
    "world_growth_pct": 2,
    "uncertainty_index": 0,
    "trust_pct": 0,
}

_LEVEL_WORDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # kind -> (word at min, word at max)
    "measure": (("lifted", "取消"), ("in force", "实施")),
    "pledge": (("none", "无"), ("in force", "实施")),
    "consultation": (("no", "否"), ("yes", "是")),
}

DIFFICULTY_LABELS: dict[str, tuple[str, str]] = {
    "tutorial": ("Tutorial", "教程"),
    "easy": ("Easy", "简单"),
    "normal": ("Normal", "普通"),
    "hard": ("Hard", "困难"),
}

END_REASON_LABELS: dict[str, tuple[str, str]] = {
    "deal": ("a comprehensive deal was signed", "签署了全面协议"),
    "walk_out": ("a delegation walked out", "一方代表团退出谈判"),
    "trust": ("trust ran out", "互信耗尽"),
    "recession": ("a recession ended the talks", "经济衰退导致谈判结束"),
    "deadline": ("the deadline passed", "谈判期限已到"),
}


def statement_label(statement: str, lang: str = "en") -> str:
    pair = STATEMENT_LABELS.get(statement)
    return _pick(pair, lang) if pair else statement


def channel_label(channel: str, lang: str = "en") -> str:
    pair = CHANNEL_LABELS.get(channel)
    if pair:
        return _pick(pair, lang)
    return channel.replace("_", " ").capitalize()


def difficulty_label(difficulty: str, lang: str = "en") -> str:
    pair = DIFFICULTY_LABELS.get(difficulty)
    return _pick(pair, lang) if pair else difficulty


def end_reason_label(reason: str | None, lang: str = "en") -> str:
    if reason is None:
        return ""
    pair = END_REASON_LABELS.get(reason)
    return _pick(pair, lang) if pair else reason


def format_meter(meter: str, value: float) -> str:
    """A meter's value with its usual precision (units are in the label)."""
    return f"{value:,.{METER_DECIMALS.get(meter, 1)}f}"


def format_level(scenario: Scenario, iid: str, value: float, lang: str = "en") -> str:
    """An instrument's level in words: ``30%``, ``$25bn``, ``in force``."""
    try:
        ins = scenario.instrument(iid)
    except KeyError:
        return f"{value:g}"
    if ins.unit == "pct":
        return f"{value:g}%"
    if ins.unit == "bn":
        return f"{value * 10:g}亿美元" if lang == "zh" else f"${value:g}bn"
    words = _LEVEL_WORDS.get(ins.kind)
    if words is not None and ins.max - ins.min <= ins.step + 1e-9:
        if abs(value - ins.min) < 1e-9:
            return _pick(words[0], lang)
        if abs(value - ins.max) < 1e-9:
            return _pick(words[1], lang)
    return f"{value:g}"


def format_duration(turns: int | None, turn_days: int = 7, lang: str = "en") -> str:
    """A term's duration: ``for 13 turns (91 days)`` or ``until the end``."""
    if turns is None:
        return "直至游戏结束" if lang == "zh" else "until the end of the game"
    days = turns * turn_days
    if lang == "zh":
        return f"为期{turns}回合（{days}天）"
    return f"for {turns} turn{'s' if turns != 1 else ''} ({days} days)"


def describe_term(
    scenario: Scenario,
    instrument: str,
    value: float,
    duration_turns: int | None,
    lang: str = "en",
    start_after_turns: int = 0,
) -> str:
    """One term of a package in words (with its phase-in, if any)."""
    name = instrument_name(scenario, instrument, lang)
    level = format_level(scenario, instrument, value, lang)
    dur = format_duration(duration_turns, scenario.meta.turn_days, lang)
    if lang == "zh":
        start = f"，{start_after_turns}回合后生效" if start_after_turns else ""
        return f"{name}：{level}，{dur}{start}"
    start = (
        f", from {start_after_turns} turn{'s' if start_after_turns != 1 else ''} after signing"
        if start_after_turns
        else ""
    )
    return f"{name}: {level}, {dur}{start}"


def term_change(scenario: Scenario, iid: str, now: float | None, value: float, lang: str = "en") -> str:
    """``US reciprocal tariff on China: 145% → 30%`` (or ``…: stays 30%`` when it does not move)."""
    name = instrument_name(scenario, iid, lang)
    to = format_level(scenario, iid, value, lang)
    sep = "：" if lang == "zh" else ": "
    if now is None:
        return f"{name}{sep}{to}"
    if abs(now - value) < 1e-9:
        return f"{name}{sep}{'保持' if lang == 'zh' else 'stays '}{to}"
    return f"{name}{sep}{format_level(scenario, iid, now, lang)} → {to}"


def term_line(scenario: Scenario, term: object, now: float | None = None, lang: str = "en") -> str:
    """One term of a package as a short line: the change, then how long and from when, e.g.
    ``US reciprocal tariff on China: 145% → 30% · 13 turns, then back`` (nothing said when it
    lasts to the end and starts at once)."""
    iid = term.instrument  # type: ignore[attr-defined]
    dur = term.duration_turns  # type: ignore[attr-defined]
    start = getattr(term, "start_after_turns", 0) or 0
    out = term_change(scenario, iid, now, term.value, lang)  # type: ignore[attr-defined]
    extra = []
    if lang == "zh":
        if dur is not None:
            extra.append(f"{dur}回合后恢复")
        if start:
            extra.append(f"签署{start}回合后生效")
        return out + (f"（{'，'.join(extra)}）" if extra else "")
    if dur is not None:
        extra.append(f"{dur} turn{'s' if dur != 1 else ''}, then back")
    if start:
        extra.append(f"starts {start} turn{'s' if start != 1 else ''} after signing")
    return out + (" · " + ", ".join(extra) if extra else "")


_OP_WORDS: dict[str, tuple[str, str]] = {
    ">=": ("at least", "不低于"),
    ">": ("above", "高于"),
    "<=": ("at most", "不高于"),
    "<": ("below", "低于"),
    "==": ("exactly", "等于"),
}


def red_line_words(scenario: Scenario, line: object, lang: str = "en") -> str:
    """A red line for its own side's player: its text and what it holds, in display names,
    e.g. ``We do not trade away the chip export controls (US chip export controls: stay in force)``."""
    iid = line.instrument  # type: ignore[attr-defined]
    op, value = line.op, line.value  # type: ignore[attr-defined]
    text = tr(line.text, lang).rstrip(".。")  # type: ignore[attr-defined]
    name = instrument_name(scenario, iid, lang)
    level = format_level(scenario, iid, value, lang)
    try:
        ins = scenario.instrument(iid)
        binary = ins.max - ins.min <= ins.step + 1e-9
        at_edge = (op == ">=" and abs(value - ins.max) < 1e-9) or (op == "<=" and abs(value - ins.min) < 1e-9)
    except KeyError:
        binary = at_edge = False
    if binary and at_edge:
        holds = f"保持{level}" if lang == "zh" else f"stays {level}"
    else:
        holds = f"{_pick(_OP_WORDS.get(op, (op, op)), lang)}{'' if lang == 'zh' else ' '}{level}"
    if lang == "zh":
        return f"{text}（{name}：{holds}）"
    return f"{text} ({name}: {holds})"


def describe_package_term(scenario: Scenario, term: object, lang: str = "en") -> str:
    """A :class:`~game.engine.actions.Term` in words."""
    return describe_term(
        scenario,
        term.instrument,  # type: ignore[attr-defined]
        term.value,  # type: ignore[attr-defined]
        term.duration_turns,  # type: ignore[attr-defined]
        lang,
        getattr(term, "start_after_turns", 0) or 0,
    )


#: What happened in 2025, for the debrief's comparison (scenario id -> rows of
#: (topic, what happened, instrument ids whose final levels the game shows)).
#: From shared/data/calibration-2025.md.
HISTORY_2025: dict[str, list[tuple[tuple[str, str], tuple[str, str], tuple[str, ...]]]] = {
    "geneva_2025": [
        (
            ("US tariff on China", "美国对华关税"),
            (
                "145% → 30% on 12–14 May (Geneva): 24 points of the reciprocal tariff suspended for 90 days, "
                "10% kept, plus the 20% fentanyl tariff",
                "5月12–14日（日内瓦）：145%降至30%——对等关税暂停24个百分点90天，保留10%，另加20%芬太尼关税",
            ),
            ("us_tariff_reciprocal", "us_suspension", "us_tariff_fentanyl"),
        ),
        (
            ("China's tariff on US goods", "中国对美关税"),
            (
                "125% → 10% on 14 May: 24 points suspended for 90 days, 10% kept",
                "5月14日：125%降至10%——暂停24个百分点90天，保留10%",
            ),
            ("cn_tariff_us", "cn_suspension"),
        ),
        (
            ("Rare earths", "稀土"),
            (
                "Licensing stayed; the London framework (9–10 June) traded licences for easing recent US "
                "export curbs; wider October rules paused for a year in November",
                "许可制度保留；伦敦框架（6月9–10日）以发放许可换取美方放宽近期出口管制；10月扩大的规则于11月暂停一年",
            ),
            ("cn_rare_earth_licensing",),
        ),
        (
            ("Fentanyl", "芬太尼"),
            (
                "Kuala Lumpur / Busan (30 Oct – 10 Nov): fentanyl tariff 20% → 10% for enforcement cooperation",
                "吉隆坡/釜山（10月30日–11月10日）：以执法合作换取芬太尼关税由20%降至10%",
            ),
            ("us_tariff_fentanyl", "cn_fentanyl_pledge"),
        ),
        (
            ("Purchases", "采购"),
            (
                "November: soybeans 12 Mt by January, then 25 Mt a year for three years",
                "11月：1月前采购大豆1200万吨，此后三年每年2500万吨",
            ),
            ("cn_purchases",),
        ),
        (
            ("Truce", "休战"),
            (
                "Extended to 10 November at Stockholm (28 July – 12 August), then for a year",
                "斯德哥尔摩会谈（7月28日–8月12日）延长至11月10日，此后再延长一年",
            ),
            (),
        ),
    ]
}
