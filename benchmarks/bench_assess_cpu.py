"""Benchmark: the CPU time of ``assess`` over a register file beside ``json.loads`` of its lines.

For comparing two versions of the library on a busy machine: run it in fresh processes, the
versions alternately, each with ``PYTHONPATH`` set to that version's ``src``::

    python benchmarks/bench_register.py --size 2000 --sections stages --runs 1   # writes the file
    PYTHONPATH=src python benchmarks/bench_assess_cpu.py benchmarks/.data/register-2000-1.jsonl

``json.loads`` of the same lines is timed three times before and three times after the
assessments, and the mean of the two medians is the baseline, so that a baseline taken while the
machine was briefly busier or idler moves the ratio less. Each case is assessed once on
31 March 2024 and its result dropped. It prints one line: the label, the baseline, the CPU time
of ``assess`` and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from sexoffender_rules import assess
from sexoffender_rules.documents import case_from_data

AS_OF = date(2024, 3, 31)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("register", type=Path, help="a JSON Lines file of case documents")
    parser.add_argument("--cases", type=int, default=None, help="only the first CASES lines")
    parser.add_argument("--label", default="assess")
    args = parser.parse_args(argv)
    lines = [line for line in args.register.read_bytes().splitlines() if line.strip()]
    lines = lines[: args.cases] if args.cases is not None else lines

    def loads() -> float:
        start = time.process_time()
        for line in lines:
            json.loads(line)
        return time.process_time() - start

    before = statistics.median(loads() for _ in range(3))
    cases = [case_from_data(json.loads(line)) for line in lines]
    start = time.process_time()
    for case in cases:
        assess(case, AS_OF)
    assessing = time.process_time() - start
    after = statistics.median(loads() for _ in range(3))
    baseline = (before + after) / 2
    ratio = f"{assessing / baseline:.1f}" if baseline > 0 else "not measured"
    shown = (
        f"{args.label}: {len(cases)} cases; json.loads {baseline:.3f} s, assess "
        f"{assessing:.3f} s of CPU; ratio {ratio}"
    )
    print(shown)
    return shown


if __name__ == "__main__":
    main()
