"""The command line speaks the reader's language (``--lang``): its help, its usage errors,
a game's summary and ``replay --step`` — in Chinese, and marked in the pseudo-locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
GENEVA = str(ROOT / "scenarios" / "geneva-2025.yaml")
#: Two or more English words in a row (what an untranslated sentence looks like).
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?: [a-z][a-z']+)+\b")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def subcommands() -> list[str]:
    action = next(a for a in build_parser()._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("cmd", ["", *subcommands()])
def test_help_in_chinese(capsys: pytest.CaptureFixture[str], cmd: str) -> None:
    code, out, _ = run(capsys, "--lang", "zh", *([cmd] if cmd else []), "--help")
    assert code == 0
    assert out.startswith("用法：") and "选项" in out and "显示此帮助信息并退出" in out
    # Every flag's help is Chinese: what English is left is a metavar, a flag or a file name.
    flags = re.sub(r"--[a-z-]+(?: (?:cmd:)?[A-Z][A-Z_\[\]]*)?", "FLAG", out.replace("tariff-talks", "PROG"))
    english = ENGLISH_RUN.findall(flags)
    assert english == [], english


def test_usage_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "zh", "simulate", "--games", "0")
    assert code == 2 and "--games 至少为 1" in err and "错误" in err
    code, _, err = run(capsys, "--lang", "zh", "simulate", "--bogus")
    assert code == 2 and "错误：" in err


def test_english_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("usage: ") and "show this help message and exit" in out
    code, _, err = run(capsys, "simulate", "--games", "0")
    assert code == 2 and "--games must be at least 1" in err


def test_replay_step_in_chinese_and_in_the_pseudo_locale(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save = tmp_path / "g.json"
    code, _, _ = run(capsys, "simulate", "--scenario", GENEVA, "--seed", "1", "--save", str(save))
    assert code == 0
    code, out, _ = run(capsys, "--lang", "zh", "replay", "--step", str(save))
    assert code == 0
    assert "第1回合" in out and "美国指令：" in out and "全球：" in out
    step = out.split("replayed")[0]  # the last line is the check's own report
    assert not [m for m in ENGLISH_RUN.findall(step) if not m.startswith("geneva")], step[:400]
    code, out, _ = run(capsys, "--lang", "en-XA", "replay", "--step", str(save))
    assert code == 0 and "[Ţûŕñ {turn}" not in out and "[Ţûŕñ 1 ~" in out
