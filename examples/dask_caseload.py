"""A caseload partitioned over JSON Lines files, assessed with Dask (``pip install
'sexoffender-rules[dask]'``): one results file per input file, and the report by force.

Each input file is one partition, read and assessed in order by one task, so every result keeps
its file and line number. The results of each partition are written as JSON Lines (one object a
line: ``caseload``, ``line``, ``reference`` and the ``status`` document of
``sexoffender-rules status --format json``, or the ``problems`` of a line that did not load);
the report is each partition's :class:`~sexoffender_rules.caseload.CaseloadReport` merged
(:meth:`~sexoffender_rules.caseload.CaseloadReport.merge`). Both come from one computation:
each case is assessed once.

Run it on a local cluster::

    python examples/dask_caseload.py 'register/part-*.jsonl' results/ 2024-03-31

The library does no I/O: Dask reads and writes the files here.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from sexoffender_rules import CaseloadReport, CaseResult, Policy, assess_many
from sexoffender_rules.caseload import status_to_data
from sexoffender_rules.whereabouts import PROFILES, Profile


def assess_partition(
    lines: Iterable[tuple[str, str]], as_of: date, profile: Profile, policy: Policy | None
) -> list[tuple[str, CaseResult]]:
    """The results of one partition's ``(line, path)`` pairs, in order; blank lines are skipped
    and not assessed, but counted in the line numbers (as the command line does)."""
    pairs = list(lines)
    path = pairs[0][1] if pairs else ""
    numbered = ((n, text) for n, (text, _) in enumerate(pairs, start=1) if text.strip())
    return [(path, r) for r in assess_many(numbered, as_of, profile=profile, policy=policy)]


def result_record(item: tuple[str, CaseResult]) -> dict[str, Any]:
    """One result as JSON-ready data, with the file and line it came from."""
    path, result = item
    record: dict[str, Any] = {"caseload": path, "line": result.line}
    if result.status is not None:
        record["reference"] = result.reference
        record["status"] = status_to_data(result.status)
    else:
        record["problems"] = list(result.problems)
    return record


def partition_report(items: Iterable[tuple[str, CaseResult]], as_of: date, label: str) -> Any:
    return CaseloadReport(as_of=as_of, profile=label).add_all(r for _, r in items)


def merged(reports: Iterable[CaseloadReport]) -> CaseloadReport:
    return functools.reduce(CaseloadReport.merge, reports)


def run(
    pattern: str | list[str],
    output: str | Path,
    as_of: date,
    profile: Profile | None = None,
    policy: Policy | None = None,
) -> CaseloadReport:
    """Assess every case of the files ``pattern`` names on ``as_of``; write one results file per
    input file into ``output`` (``results-0.jsonl``, ``results-1.jsonl``, ... in the order of
    the input files) and return the report by force. Runs on the current Dask scheduler (a
    ``distributed.Client`` if one is open)."""
    chosen = profile or PROFILES["trace-enquiry"]
    lines = db.read_text(pattern, blocksize=None, include_path=True)
    results = lines.map_partitions(assess_partition, as_of, chosen, policy)
    written = (
        results.map(result_record)
        .map(json.dumps)
        .to_textfiles(str(Path(output) / "results-*.jsonl"), compute=False)
    )
    report = results.reduction(
        functools.partial(partition_report, as_of=as_of, label=chosen.label), merged
    )
    _, total = dask.compute(written, report)
    return total  # type: ignore[no-any-return]


if __name__ == "__main__":
    from dask.distributed import Client, LocalCluster

    from sexoffender_rules.caseload import render_text

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        table = run(sys.argv[1], sys.argv[2], date.fromisoformat(sys.argv[3]))
    print(render_text(table, True))
