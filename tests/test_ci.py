"""CI runs what the README says, and the bundle it builds carries what the game reads."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sh_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_ci_runs_the_readmes_test_command_with_the_slow_tests() -> None:
    _setup, tests = _sh_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[:2]
    assert tests.endswith("-m pytest --slow"), tests  # the README's test command runs everything
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci, "the README's test command and .ci/run's must be the same line"
    assert "set -euo pipefail" in ci
    bundle = next(i for i, line in enumerate(ci) if "packaging/build.py --selftest" in line)
    assert ci.index(tests) < bundle  # then the bundle is built and self-tested


def _build_module():
    spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_check_covers_every_folder_the_spec_ships() -> None:
    build = _build_module()
    spec = (ROOT / "packaging" / "tariff-talks.spec").read_text(encoding="utf-8")
    for pattern, target in build.CARRIED:
        assert list(ROOT.glob(pattern)), f"{pattern} matches nothing in the project"
        shipped = target.split("/{", 1)[0]
        assert f'"{pattern}"' in spec or f'"{shipped}"' in spec, f"the spec does not ship {pattern}"
    expected = build.expected_files()
    assert any(p.name == "tariff_talks.mo" for p, _ in expected)  # the gettext catalogs
    assert any(p.suffix == ".qm" for p, _ in expected)  # the window's
    assert any(p.name == "geneva-2025.yaml" for p, _ in expected)
