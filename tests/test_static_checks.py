"""The test command also holds the package to mypy --strict and ruff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "mypy", "--strict", "src/sexoffender_rules", "tools", "fuzz"],
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "src",
            "tests",
            "benchmarks",
            "docs",
            "tools",
            "fuzz",
        ],
    ],
    ids=["mypy-strict", "ruff"],
)
def test_static_check_is_clean(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
