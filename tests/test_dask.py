"""The Dask recipe (examples/dask_caseload.py) gives what the serial run gives, on a local cluster."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sexoffender_rules.caseload import (
    REGISTER_DATE,
    CaseloadReport,
    assess_many,
    generate_register,
    report_to_data,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_caseload.py"


def _recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_caseload", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_caseload"] = module
    spec.loader.exec_module(module)
    return module


def test_a_partitioned_caseload_through_dask_gives_the_serial_results(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    recipe = _recipe()
    documents = [json.dumps(d) for d in generate_register(45, seed=5)]
    parts = [documents[:20], documents[20:21], documents[21:]]
    parts[0].insert(7, "")  # a blank line: skipped, but counted in the line numbers
    parts[2].insert(3, '{"format": "sexoffender-rules/case"}')  # invalid: reported, not counted
    inputs = tmp_path / "register"
    inputs.mkdir()
    for i, part in enumerate(parts):
        (inputs / f"part-{i}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")

    # The cluster runs in a process of its own: its threads and event loop end with it, and
    # leave nothing behind in this one (tests/test_determinism.py counts what the cycle
    # collector finds).
    script = (
        "import json, sys\n"
        "from datetime import date\n"
        "from dask.distributed import Client, LocalCluster\n"
        f"sys.path.insert(0, {str(EXAMPLE.parent)!r})\n"
        "from dask_caseload import run\n"
        "from sexoffender_rules.caseload import report_to_data\n"
        "with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,\n"
        "                  dashboard_address=None) as cluster, Client(cluster):\n"
        "    report = run(sys.argv[1], sys.argv[2], date.fromisoformat(sys.argv[3]))\n"
        "print(json.dumps(report_to_data(report)))\n"
    )
    done = subprocess.run(
        [
            *(sys.executable, "-c", script),
            *(str(inputs / "part-*.jsonl"), str(tmp_path / "out"), REGISTER_DATE.isoformat()),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])

    serial = CaseloadReport(as_of=REGISTER_DATE)
    for i, part in enumerate(parts):
        path = str(inputs / f"part-{i}.jsonl")
        numbered = [(n, line) for n, line in enumerate(part, start=1) if line.strip()]
        results = list(assess_many(numbered, REGISTER_DATE))
        serial.add_all(results)
        expected = [recipe.result_record((path, r)) for r in results]
        written = (tmp_path / "out" / f"results-{i}.jsonl").read_text(encoding="utf-8")
        got = [json.loads(line) for line in written.splitlines()]
        assert [(g["caseload"].endswith(f"part-{i}.jsonl"), g["line"]) for g in got] == [
            (True, e["line"]) for e in expected
        ]
        assert [{**g, "caseload": None} for g in got] == [
            json.loads(json.dumps({**e, "caseload": None})) for e in expected
        ]
    assert report == json.loads(json.dumps(report_to_data(serial)))
    assert report["invalid"] == 1
    assert serial.total["registered"] == 45
