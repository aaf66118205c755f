"""The debrief page and its exports, driven as a person would: finish a game in the window,
read the page, click Export PNG… / Export PDF… (the file dialog answered with a path), and
read the PDF back with ``pdftotext``."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QTableWidget
from uitest_driver import GENEVA, answer_box, click, package_for, visible_texts, wait_for_human

from game.ai import make_ai
from game.engine import Accept, Action, EndTalks, Propose, Reject, SubmitOrders, Term, View
from game.scenario.loader import load_scenario
from game.session import HumanSeat, Session
from game.ui.dialogs import GameConfig

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed: apt-get install poppler-utils"
)

#: The document's section headings as a reader sees them (page-starting ones marked True).
HEADINGS = {
    "en": {
        "Scores": False,
        "Final meters": True,
        "Agreement terms": False,
        "The meters over the game": True,
        "The zone of possible agreement": True,
        "Timeline of moves and agreements": True,
        "What really happened": False,
    },
    "zh": {
        "得分": False,
        "最终指标": True,
        "协议条款": False,
        "整局游戏中的各项指标": True,
        "可能达成协议的区间": True,
        "行动与协议时间线": True,
        "历史上的实际情况": False,
    },
}
SIDE_NAMES = {"en": ("United States", "China"), "zh": ("美国", "中国")}
TITLE = {"en": "Debrief — Geneva, May 2025", "zh": "复盘 — 2025年5月日内瓦"}

#: Wording the debrief used to get wrong.
BAD_WORDING = [
    re.compile(r"United States's"),
    re.compile(r"(?<![Tt]he )United States (will|makes|moves|offers|walks|walked|breaches|accepts)"),
    re.compile(r"\bif United States\b"),
    re.compile(r"\b1 (errors|terms|agreements|warnings|hints)\b"),
    re.compile(r"agreement\(s\)"),
    re.compile(r"&#x27;|&quot;|&amp;"),  # HTML escapes shown as text
]


@pytest.fixture(autouse=True)
def english_after(qapp):
    """A game in Chinese is remembered (the window's language setting): later tests start in English."""
    from game.ui.main_window import settings

    before = settings().value("lang", None)
    yield
    from game.ui.i18n import set_language

    set_language("en")
    if before is None:
        settings().remove("lang")
    else:
        settings().setValue("lang", before)


# ------------------------------------------------------------------ playing a game
def ai_session(us: str, china: str, seed: int = 1) -> Session:
    sc = load_scenario(GENEVA)
    return Session.new(sc, {"us": make_ai(us), "china": make_ai(china)}, seed=seed)


def wait_debrief(window, qtbot):
    qtbot.waitUntil(lambda: window.debrief is not None and window.debrief.isVisible(), timeout=60_000)
    debrief = window.debrief
    qtbot.waitUntil(lambda: debrief.zopa is not None, timeout=60_000)
    qtbot.wait(20)
    return debrief


def ai_game_in_window(window, qtbot, lang: str = "en", us: str = "pragmatist", china: str = "pragmatist"):
    """An AI-vs-AI game put in the window and watched to its end: the debrief."""
    window.start_session(ai_session(us, china), GameConfig(GENEVA, "us", "ai", china, "normal", 1, lang))
    return wait_debrief(window, qtbot)


@dataclass
class PackageSeat:
    """A delegation that puts one package on the table at its first move there, rejects
    what it is offered and otherwise ends its turns (the test decides who proposes)."""

    terms: tuple[Term, ...]
    label: str = "script"
    is_human: bool = False

    def decide(self, v: View) -> Action:
        if v.phase == "orders":
            return SubmitOrders(side=v.side)
        if v.pending_offer is not None and v.pending_offer.side != v.side:
            return Reject(side=v.side)
        if v.exchanges_left > 0 and not any(o.side == v.side for o in v.offers):
            return Propose(side=v.side, terms=self.terms, message="A way down for both of us.")
        return EndTalks(side=v.side)


def play_and_accept(window, qtbot, human: str):
    """The other side proposes a Geneva-like package; the human side plays through the
    window and accepts it with the Accept button, then ends its turns; returns the debrief."""
    sc = load_scenario(GENEVA)
    proposer = next(s for s in sc.side_ids if s != human)
    terms = tuple(
        Term(instrument=i, value=x, duration_turns=d or None) for i, x, d in package_for(proposer, 1)
    )
    session = Session.new(sc, {human: HumanSeat(label="human"), proposer: PackageSeat(terms)}, seed=1)
    window.start_session(session, GameConfig(GENEVA, human, "ai", "pragmatist", "normal", 1, "en"))
    accepted = False
    for _ in range(300):
        wait_for_human(window, qtbot)
        if window.session.over:
            break
        v = window.controller.view()
        page = window.page
        if v.phase == "orders":
            click(qtbot, page.end_btn)
            continue
        page.tabs.setCurrentIndex(1)
        pending = v.pending_offer
        if pending is not None and pending.side != human:
            assert window.check_action(Accept(side=human)) is None  # the package is within both red lines
            click(qtbot, page.table.accept_btn)
            accepted = True
            continue
        click(qtbot, page.end_btn)
    assert window.session.over, "the game did not end"
    assert accepted, "no offer came to accept"
    return wait_debrief(window, qtbot)


# ------------------------------------------------------------------ reading it
def page_texts(debrief) -> list[str]:
    """What the debrief page shows: labels (rich text as plain) and table cells."""
    out = []
    for lab in debrief.content.findChildren(QLabel):
        text = lab.text()
        if lab.textFormat() == Qt.TextFormat.RichText or "<br/>" in text:
            text = re.sub(r"<br\s*/?>", "\n", text)
            text = re.sub(r"<[^>]+>", "", text)
            text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        out.append(text)
    for table in debrief.content.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                it = table.item(r, c)
                if it is not None:
                    out.append(it.text())
    return out


def timeline_lines(debrief) -> list[str]:
    lines = []
    for lab in debrief.timeline_labels:
        text = re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", lab.text()))
        # the first line is "Turn n"; an offer's line starts with its side's coloured dot
        lines += [t.strip().removeprefix("● ") for t in text.split("\n")[1:] if t.strip()]
    return lines


def squash(text: str) -> str:
    """Without any whitespace (pdftotext wraps lines and splits table cells), ligatures ("ﬀ") undone."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            [PDFTOTEXT, "-f", str(k), "-l", str(k), "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for k in range(1, n + 1)
    ]


def export_by_click(debrief, qtbot, monkeypatch, path: Path, kind: str) -> None:
    asked = []

    def fake_dialog(parent, caption, directory, filt):
        asked.append((caption, filt))
        return str(path), filt

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    click(qtbot, debrief.png_btn if kind == "png" else debrief.pdf_btn)
    assert asked, "the export button did not ask for a file name"
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 0, timeout=30_000)
    assert str(path) in debrief.export_status.text()  # the page says where it went


# ------------------------------------------------------------------------- tests
def test_the_png_is_the_debrief_without_its_export_buttons(window, qtbot, monkeypatch, tmp_path) -> None:
    debrief = ai_game_in_window(window, qtbot)
    for btn in (debrief.png_btn, debrief.pdf_btn):
        assert btn.isVisible()
        assert not debrief.content.isAncestorOf(btn)  # the grabbed widget does not hold the buttons
    path = tmp_path / "debrief.png"
    export_by_click(debrief, qtbot, monkeypatch, path, "png")
    img = QImage(str(path))
    assert not img.isNull()
    dpr = img.devicePixelRatio()
    content = debrief.content
    assert (round(img.width() / dpr), round(img.height() / dpr)) == (content.width(), content.height())
    # the whole debrief, taller than the window (not just what is scrolled into view)
    assert content.height() > debrief.scroll_area.viewport().height()
    # and nothing of the bar: its height is not in the image
    assert content.mapTo(debrief, content.rect().topLeft()).y() >= debrief.bar.height()
    # the 2025 comparison as the image shows it: every row whole, its source line below the table
    # (the export once grabbed before the layout had moved the line under the refitted table):
    # the geometry just as render_pixmap grabs it, with no event processed in between
    debrief.resize(debrief.width() - 120, debrief.height())
    debrief.render_pixmap()
    table = debrief._history_table
    rows = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= rows
    source = next(
        lab for lab in table.parentWidget().findChildren(QLabel) if lab.text().startswith("Source:")
    )
    assert source.geometry().top() >= table.geometry().bottom()


@needs_pdftotext
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_is_a_document_with_headings_scores_and_page_breaks(
    window, qtbot, monkeypatch, tmp_path, lang
) -> None:
    debrief = ai_game_in_window(window, qtbot, lang)
    path = tmp_path / f"debrief-{lang}.pdf"
    export_by_click(debrief, qtbot, monkeypatch, path, "pdf")
    assert path.read_bytes()[:5] == b"%PDF-"
    pages = pdf_pages(path)
    assert len(pages) > 1
    text = "\n".join(pages)
    flat = squash(text)
    assert squash(TITLE[lang]) in flat
    for heading in HEADINGS[lang]:
        assert squash(heading) in flat, heading
    # each section marked to start a page is the first line of a page
    firsts = [next((ln.strip() for ln in p.splitlines() if ln.strip()), "") for p in pages]
    assert firsts[0].startswith(TITLE[lang])
    for heading, new_page in HEADINGS[lang].items():
        if new_page:
            assert heading in firsts, (heading, firsts)
    # no heading is left at the foot of a page, away from its text (the last line is the page number)
    for k, page in enumerate(pages, start=1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert squash(lines[-1]) == f"{k}/{len(pages)}"
        assert len(lines) < 2 or lines[-2] not in HEADINGS[lang], (k, lines[-2])
    # both sides and both scores, as the page prints them
    for name in SIDE_NAMES[lang]:
        assert name in text
    game = window.session.game
    for s in game.scenario.side_ids:
        card_title = next(
            lab.text()
            for lab in debrief.content.findChildren(QLabel)
            if lab.objectName() == "cardTitle"
            and lab.text().startswith(SIDE_NAMES[lang][game.scenario.side_ids.index(s)])
        )
        score_words = re.search(r"(score|得分) \d+\.\d", card_title).group(0)
        assert squash(card_title) in flat, card_title
        assert squash(score_words) in flat
    # every line of the page's timeline is in the document, whole
    for line in timeline_lines(debrief):
        assert squash(line) in flat, line
    # the agreement terms and final meters are tables of text
    for table in debrief.agreement_tables:
        for r in range(table.rowCount()):
            assert squash(table.item(r, 0).text()) in flat
    if lang == "en":
        assert "Growth outlook %" in text
        for bad in BAD_WORDING:
            assert not bad.search(text), bad.pattern


@pytest.mark.parametrize("human", ["us", "china"])
def test_the_debrief_names_the_side_that_accepted(window, qtbot, human) -> None:
    debrief = play_and_accept(window, qtbot, human)
    st = window.session.game.state
    accepted = [o for o in st.offers if o.status == "accepted"]
    assert accepted and all(o.side != human for o in accepted)  # the human accepted the AI's offer
    proposer_words = {"us": "The United States' package of", "china": "China's package of"}
    accepter_words = {"us": "accepted by the United States", "china": "accepted by China"}
    proposer = "china" if human == "us" else "us"
    lines = timeline_lines(debrief)
    signed = [ln for ln in lines if "accepted by" in ln]
    assert len(signed) == len(accepted)
    for ln in signed:
        assert ln.startswith(proposer_words[proposer]), ln
        assert accepter_words[human] in ln, ln
        assert accepter_words[proposer] not in ln
    texts = page_texts(debrief)
    heading = next(t for t in texts if t.startswith("Agreement 1, signed on turn"))
    names = {"us": "the United States", "china": "China"}
    assert f"proposed by {names[proposer]}, accepted by {names[human]}" in heading
    for text in texts:
        for bad in BAD_WORDING:
            assert not bad.search(text), (bad.pattern, text)
    # the AI's explanations ("… if the United States will …") read as English too
    from game.reasons_text import answer_text, offer_text

    for o in st.offers:
        for note in (offer_text(window.session.scenario, o), answer_text(window.session.scenario, o)):
            for bad in BAD_WORDING[:3]:
                assert not bad.search(note), (bad.pattern, note)


def test_a_walk_out_is_told_once_and_names_who_walked(window, qtbot) -> None:
    window.start_game(GameConfig(GENEVA, "china", "ai", "pragmatist", "normal", 1, "en"))
    wait_for_human(window, qtbot)
    answer_box("Yes")  # "Walk out?" — the question box, answered as a person would
    click(qtbot, window.page.walk_btn)
    debrief = wait_debrief(window, qtbot)
    assert window.session.game.state.end_reason == "walk_out"
    assert "China walked out" in debrief.end_label.text()
    lines = timeline_lines(debrief)
    walk = [ln for ln in lines if "walks out" in ln]
    assert walk == ["China walks out: the talks collapse"]
    shown = "\n".join(visible_texts(window))
    assert shown.count("China walks out") == 1
    for bad in BAD_WORDING:
        assert not bad.search(shown), bad.pattern
    check_axes(debrief)  # the charts of a game that ended before a turn resolved


def check_axes(debrief) -> None:
    from game.ui.debrief import NON_NEGATIVE, axis_labels

    views = [v for v in debrief.findChildren(QChartView) if v.property("meter")]
    assert len(views) >= 12
    for view in views:
        meter = view.property("meter")
        axes = view.chart().axes()
        assert len(axes) == 2
        for axis in axes:
            assert isinstance(axis, QValueAxis)
            labels = axis_labels(axis)
            assert len(labels) >= 2, (meter, labels)
            assert len(set(labels)) == len(labels), (meter, labels)  # no "2.74, 2.74"
        y = view.chart().axes(Qt.Orientation.Vertical)[0]
        if meter in NON_NEGATIVE:
            assert y.min() >= 0, (meter, y.min())
        # the data lies within the axis
        for series in view.chart().series():
            for p in series.points():
                assert y.min() - 1e-9 <= p.y() <= y.max() + 1e-9, (meter, p.y(), y.min(), y.max())


def test_chart_axes_have_distinct_labels_and_no_negative_shares(window, qtbot) -> None:
    debrief = ai_game_in_window(window, qtbot, us="conceder", china="hardliner")
    check_axes(debrief)


@pytest.mark.parametrize(
    ("lo", "hi", "floor"),
    [
        (2.74, 2.74, None),
        (2.70, 2.78, None),
        (0.0, 11.4, 0.0),
        (0.0, 0.0, 0.0),
        (-223, 223, None),
        (87.4, 99.1, 0.0),
    ],
)
def test_nice_axis(lo, hi, floor) -> None:
    from game.ui.debrief import nice_axis

    start, end, step, decimals = nice_axis(lo, hi, floor=floor)
    assert start <= lo + 1e-9 and end >= hi - 1e-9
    if floor is not None:
        assert start >= floor
    ticks = [start + k * step for k in range(round((end - start) / step) + 1)]
    labels = [f"{t:.{decimals}f}" for t in ticks]
    assert 2 <= len(labels) <= 6
    assert len(set(labels)) == len(labels), labels


def test_an_export_that_cannot_be_written_says_where_and_why(window, qtbot, monkeypatch, tmp_path) -> None:
    debrief = ai_game_in_window(window, qtbot)
    path = tmp_path / "no such folder" / "debrief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(path), "")))
    seen: list[str] = []
    answer_box("Ok", seen=seen)  # the warning, dismissed as a person would
    click(qtbot, debrief.pdf_btn)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert str(path) in seen[0] and "No such file or directory" in seen[0]
    assert not path.exists()
    assert debrief.export_status.text().startswith("Could not write")
    assert window.debrief is debrief and debrief.isVisible()  # the debrief is still there


def test_the_editor_counts_one_error_in_the_singular(qtbot, qapp, tmp_path) -> None:
    """'1 errors' (the walkthrough met it beside the debrief's wording): one error reads '1 error'."""
    from PySide6.QtGui import QTextCursor

    from game.ui.editor import ScenarioEditor

    path = tmp_path / "tutorial.yaml"
    shutil.copyfile(GENEVA.parent / "tutorial.yaml", path)
    ed = ScenarioEditor(None, path, lambda *_: None)
    ed.confirm_on_close = False
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    text = ed.text.toPlainText()
    line = next(i for i, ln in enumerate(text.splitlines(), start=1) if "kind: tariff" in ln)
    col = text.splitlines()[line - 1].index("tariff") + 1
    ed.tabs.setCurrentWidget(ed.text)
    ed.text.go_to(line, col)
    cursor = ed.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, len("tariff"))
    ed.text.setTextCursor(cursor)
    qtbot.keyClick(ed.text, Qt.Key.Key_Delete)
    qtbot.keyClicks(ed.text, "tarrif")  # the author misspells a kind: one error
    qtbot.waitUntil(lambda: ed.problems.count() > 0, timeout=30_000)
    counts = {
        sev: sum(1 for d in ed.diagnostics if d.severity == sev) for sev in ("error", "warning", "hint")
    }
    assert counts["error"] == 1
    summary = ed.summary.text()
    assert summary.startswith("1 error, "), summary
    assert not re.search(r"\b1 (errors|warnings|hints)\b", summary), summary
    for sev in ("warning", "hint"):
        n = counts[sev]
        assert (f"1 {sev}" if n == 1 else f"{n} {sev}s") in summary


def test_a_heading_never_ends_a_page_away_from_its_text(qapp, tmp_path) -> None:
    """Wherever the page ends, the heading moves to the next page with its text."""
    from PySide6.QtGui import QPdfWriter, QTextDocument, QTextFormat

    from game.ui.report import paginate

    moved = 0
    for n in range(30, 90):
        doc = QTextDocument()
        filler = "".join(f"<p>Line {k} of the filler.</p>" for k in range(n))
        doc.setHtml(f"<html><body>{filler}<h2>The heading</h2><p>Its text.</p></body></html>")
        writer = QPdfWriter(str(tmp_path / f"{n}.pdf"))
        page = paginate(doc, writer)
        layout = doc.documentLayout()
        heading = next(b for b in _blocks(doc) if b.text() == "The heading")
        text = heading.next()
        assert int(layout.blockBoundingRect(heading).top() // page.height()) == int(
            layout.blockBoundingRect(text).top() // page.height()
        ), n
        if heading.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            moved += 1
    assert moved >= 1  # the sweep met a page that would have ended on the heading


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()
