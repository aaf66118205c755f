"""tariff-talks validate (run_validate): output formats and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from game.cli.scenarios import run_validate

HERE = Path(__file__).parent
MINIMAL = HERE / "data" / "minimal.yaml"


def _run(files: list[str], fmt: str = "text") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_validate(files, fmt, out=out, err=err)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def test_valid_file_exits_zero() -> None:
    code, out, err = _run([str(MINIMAL)])
    assert (code, out) == (0, "")
    assert err.strip() == "0 errors, 0 warnings, 0 hints in 1 file"


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(
        MINIMAL.read_text(encoding="utf-8").replace("when: {turn: 2}", "when: {date: 2030-01-01}")
    )
    code, out, _ = _run([str(path)])
    assert code == 0
    assert out.startswith(f"{path}:")
    assert ": warning: date 2030-01-01 is outside the scenario" in out


def test_errors_and_missing_files_exit_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {id: x}\n")
    missing = tmp_path / "missing.yaml"
    code, out, err = _run([str(MINIMAL), str(bad), str(missing)])
    assert code == 1
    lines = out.splitlines()
    assert f"{missing}:1:1: error: file not found" in lines
    assert all(line.startswith((f"{bad}:", f"{missing}:")) for line in lines)
    assert "in 3 files" in err


def test_json_format_is_a_list_of_objects(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  titel: x\n")
    code, out, _ = _run([str(bad)], "json")
    assert code == 1
    items = json.loads(out)
    assert isinstance(items, list)
    unknown = [i for i in items if "unknown key 'titel'" in i["message"]]
    assert unknown == [
        {
            "file": str(bad),
            "line": 2,
            "col": 3,
            "severity": "error",
            "message": "unknown key 'titel' in meta; did you mean 'title'?",
            "path": ["meta", "titel"],
        }
    ]


def test_json_format_of_a_valid_file_is_an_empty_list() -> None:
    code, out, _ = _run([str(MINIMAL)], "json")
    assert (code, json.loads(out)) == (0, [])


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "validate", "--no-lint", str(MINIMAL), str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=HERE.parent.parent,
    )
    assert result.returncode == 1
    assert result.stdout.strip() == f"{tmp_path / 'nope.yaml'}:1:1: error: file not found"


def test_validate_files_returns_results_and_prints_nothing(tmp_path: Path, capsys) -> None:
    from game.scenario.validate import all_diagnostics, validate_files

    missing = tmp_path / "missing.yaml"
    results = validate_files([str(MINIMAL), str(missing)])
    assert [(r.file, r.ok, r.scenario is not None) for r in results] == [
        (str(MINIMAL), True, True),
        (str(missing), False, False),
    ]
    assert [d.format() for d in all_diagnostics(results)] == [f"{missing}:1:1: error: file not found"]
    assert capsys.readouterr() == ("", "")


def test_a_mistyped_economy_override_is_located_by_every_command(tmp_path: Path) -> None:
    # issue 14: `validate --no-lint` passed it, then validate, simulate and the window's
    # Play-test crashed with a KeyError traceback
    bad = tmp_path / "typo.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "scoring:\n", "economy:\n  overrides:\n    import_elasticity: 2.5\nscoring:\n", 1
    )
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    import_elasticity: 2.5") + 1
    where = f"{bad}:{line}:5: error: unknown economy parameter 'import_elasticity'"
    for args in (
        ["validate", "--no-lint", str(bad)],
        ["validate", str(bad)],
        ["simulate", "--scenario", str(bad)],
    ):
        r = subprocess.run(
            [sys.executable, "-m", "game", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        both = r.stdout + r.stderr
        assert r.returncode == 1, (args, both)
        assert where in both, (args, both)
        assert "Traceback" not in both, (args, both)
