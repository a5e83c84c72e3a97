"""The benchmark comparing versions of ``assess`` runs on a tiny register (a smoke test: no
timing asserted)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from sexoffender_rules import generate_register

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_the_assess_cpu_benchmark_runs_and_prints_its_line(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "bench_assess_cpu", BENCHMARKS / "bench_assess_cpu.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_assess_cpu"] = module
    spec.loader.exec_module(module)
    register = tmp_path / "register.jsonl"
    register.write_text(
        "".join(json.dumps(d) + "\n" for d in generate_register(4, seed=1)), encoding="utf-8"
    )
    shown = module.main([str(register), "--cases", "3", "--label", "tiny"])
    assert shown.startswith("tiny: 3 cases; json.loads ")
    assert "ratio" in shown
