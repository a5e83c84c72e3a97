"""The register benchmark runs end to end on a tiny register (a smoke test: no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_register_benchmark_runs_and_writes_every_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _load("bench_register")
    out = tmp_path / "figures.json"
    figures = bench.main(
        [
            *("--size", "6", "--runs", "1", "--facts", "10,100"),
            *("--directory", str(tmp_path), "--json", str(out)),
        ]
    )
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["size"] == 6
    assert set(bench.SECTIONS) <= set(written)
    assert (tmp_path / "register-6-1.jsonl").read_text(encoding="utf-8").count("\n") == 6
    stages = written["stages"]
    written_out = "assessment_to_data + json.dumps"
    for stage in ("json.loads", "case_from_data", "assess", "load and assess", written_out):
        assert stages[stage]["wall_s"] > 0
        assert stages[stage]["cpu_s"] >= 0
    assert stages["json.loads"]["ratio_wall"] == 1
    assert "command line report" in written["end_to_end"]
    assert written["workers"]["speed-up of 2 workers, summaries"] > 0
    assert written["workers"]["pickled bytes a case"] > 0
    assert written["workers"]["pickle.loads µs a case, threshold raised"] > 0
    assert written["memory"]["peak MB, stream"] > 0
    assert [int(k) for k in written["scaling"]] == [10, 100]
    assert "12 separate runs" in written["repeated"]
    assert figures["size"] == 6
    printed = capsys.readouterr().out
    assert "load average" in printed
    assert "Repeated assessment" in printed


def test_the_hostile_benchmark_runs_every_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _load("bench_hostile")
    out = tmp_path / "hostile.json"
    figures = bench.main(["--sizes", "4,8", "--json", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == figures
    assert set(figures) == set(bench.SHAPES)
    for rows in figures.values():
        assert [row["facts"] for row in rows] == [4, 8]
        assert "growth" in rows[1]
    # A cycle of consecutive terms and a term longer than the calendar are refused by the loader.
    assert {row["outcome"] for row in figures["cycle"]} == {"CaseValidationError"}
    assert {row["outcome"] for row in figures["huge_term"]} == {"CaseValidationError"}
    # Four terms of 1 week imposed together, each consecutive to the one before, give four
    # initial duties (none notified); eight give eight.
    assert [row["outcome"] for row in figures["chain"]] == ["4 duties", "8 duties"]
    assert "growth" in capsys.readouterr().out
