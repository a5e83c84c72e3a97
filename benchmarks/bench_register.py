"""Benchmark: a whole synthetic national register, each stage beside ``json.loads`` of the same text.

Run on purpose (never in the test suite; a smoke test runs it once on a tiny register)::

    python benchmarks/bench_register.py --size 2000            # a quick run
    python benchmarks/bench_register.py --size 70052 --runs 3  # the national register

The seeded register (``generate_register(size, seed)``) is written once to JSON Lines in
``--directory`` and reused by later runs of the same size and seed. Every figure is the median of
``--runs`` runs, as wall time and CPU time (``time.process_time``; child processes counted where
there are some), beside the same run's baseline (``json.loads``, or ``json.loads`` +
``json.dumps`` for the end-to-end figures), so that ratios hold on a loaded machine; the load
average is printed with each section. ``--json FILE`` writes every figure as JSON.

Sections (``--sections``, comma-separated; all by default):

- ``stages``: ``json.loads``, ``case_from_data`` and ``assess`` over the register, in chunks of
  1,000 lines (nothing held beyond a chunk), and each result written as a line of JSON
  (``assessment_to_data`` and ``json.dumps``).
- ``end_to_end``: ``assess_many`` from the lines of the file to a JSON Lines file of statuses
  (``status_to_data``), and the command line ``report`` on the file, against ``json.loads`` +
  ``json.dumps`` of every line.
- ``workers``: ``assess_many`` counted into a :class:`CaseloadReport` with 1 and 2 workers.
- ``memory``: the peak resident memory (``ru_maxrss``) of a fresh process streaming the register
  into a report, and of one holding every result, beside one that only imports the library; and
  the bytes a held result takes (``tracemalloc``, over at most 2,000 cases).
- ``scaling``: one case of 10, 100, 1,000 and 10,000 facts.
- ``repeated``: the register assessed at 12 monthly dates, and under two policies, loaded once,
  against as many separate runs.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sexoffender_rules import CaseloadReport, Policy, assess, assess_many, generate_register
from sexoffender_rules._gc import fewer_collections
from sexoffender_rules.caseload import status_to_data
from sexoffender_rules.documents import assessment_to_data, case_from_data, case_to_data

SECTIONS = ("stages", "end_to_end", "workers", "memory", "scaling", "repeated")
AS_OF = date(2024, 3, 31)
CHUNK = 1_000
NATIONAL = 70_052  # the cases of the national register (docs/caseload.md)


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


class Clock:
    """Wall and CPU time of the block, counting child processes that have ended."""

    def __enter__(self) -> Clock:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._children = children.ru_utime + children.ru_stime
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self._wall
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (
            time.process_time() - self._cpu + children.ru_utime + children.ru_stime - self._children
        )


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median_figure(runs: list[dict[str, float]], base: str, cases: int) -> dict[str, Any]:
    """Medians over runs of each stage's wall and CPU time, and of its ratio to ``base`` in the
    same run."""
    figure: dict[str, Any] = {}
    for name in runs[0]:
        if name.endswith("_cpu"):
            continue
        wall = [r[name] for r in runs]
        cpu = [r[f"{name}_cpu"] for r in runs]
        figure[name] = {
            "wall_s": statistics.median(wall),
            "cpu_s": statistics.median(cpu),
            "us_per_case": 1e6 * statistics.median(wall) / max(cases, 1),
            "ratio_wall": statistics.median(r[name] / r[base] for r in runs),
            "ratio_cpu": statistics.median(r[f"{name}_cpu"] / r[f"{base}_cpu"] for r in runs),
        }
    return figure


def show(title: str, figure: dict[str, Any], base: str) -> None:
    print(f"\n{title} (load average {load()}; ratios to {base} in the same run)")
    print(f"  {'stage':<34}{'wall s':>9}{'cpu s':>9}{'µs/case':>10}{'x wall':>8}{'x cpu':>8}")
    for name, f in figure.items():
        print(
            f"  {name:<34}{f['wall_s']:>9.3f}{f['cpu_s']:>9.3f}{f['us_per_case']:>10.1f}"
            f"{f['ratio_wall']:>8.2f}{f['ratio_cpu']:>8.2f}"
        )


def timed(row: dict[str, float], name: str, action: Callable[[], object]) -> Any:
    with Clock() as clock:
        value = action()
    row[name] = row.get(name, 0.0) + clock.wall
    row[f"{name}_cpu"] = row.get(f"{name}_cpu", 0.0) + clock.cpu
    return value


# --------------------------------------------------------------------------------------------
# The register
# --------------------------------------------------------------------------------------------


def write_register(directory: Path, size: int, seed: int) -> Path:
    """The register's JSON Lines file, written once for each size and seed."""
    path = directory / f"register-{size}-{seed}.jsonl"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            for document in generate_register(size, seed):
                out.write(json.dumps(document, separators=(",", ":")) + "\n")
        partial.rename(path)
    return path


def chunks(path: Path) -> Iterator[list[bytes]]:
    with path.open("rb") as handle:
        chunk: list[bytes] = []
        for line in handle:
            chunk.append(line)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def numbered(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as handle:
        yield from enumerate(handle, start=1)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def loaded(row: dict[str, float], chunk: list[bytes], name: str) -> list[Any]:
    """The cases of ``chunk``, timing ``json.loads`` and then ``case_from_data`` as ``name``."""
    data = timed(row, "json.loads", lambda: [json.loads(x) for x in chunk])
    return timed(row, name, lambda: [case_from_data(x) for x in data])


def written(results: list[Any]) -> list[str]:
    """Each assessment's results as a line of JSON."""
    return [json.dumps(assessment_to_data(a), separators=(",", ":")) for a in results]


def stages(path: Path, runs: int, cases: int) -> dict[str, Any]:
    rows = []
    for _ in range(runs):
        row: dict[str, float] = {}
        for chunk in chunks(path):
            built = loaded(row, chunk, "case_from_data")
            results = timed(row, "assess", lambda b=built: [assess(x, AS_OF) for x in b])
            timed(row, "assessment_to_data + json.dumps", lambda r=results: written(r))
        row["load and assess"] = row["json.loads"] + row["case_from_data"] + row["assess"]
        row["load and assess_cpu"] = (
            row["json.loads_cpu"] + row["case_from_data_cpu"] + row["assess_cpu"]
        )
        rows.append(row)
    figure = median_figure(rows, "json.loads", cases)
    show("Stages", figure, "json.loads")
    return figure


def _baseline_io(path: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as sink:
        for _, line in numbered(path):
            sink.write(json.dumps(json.loads(line), separators=(",", ":")) + "\n")


def _assess_to_lines(path: Path, out: Path, workers: int = 1) -> None:
    with out.open("w", encoding="utf-8") as sink:
        for result in assess_many(numbered(path), AS_OF, workers=workers):
            data = status_to_data(result.status) if result.status else {"problems": result.problems}
            sink.write(json.dumps(data, separators=(",", ":")) + "\n")


def _cli_report(path: Path, workers: int = 1) -> None:
    command = [sys.executable, "-m", "sexoffender_rules", "report", str(path)]
    command += ["--as-of", AS_OF.isoformat(), "--by", "force", "--workers", str(workers)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def end_to_end(path: Path, runs: int, cases: int, scratch: Path) -> dict[str, Any]:
    rows = []
    out = scratch / "results.jsonl"
    for _ in range(runs):
        row: dict[str, float] = {}
        timed(row, "json.loads + json.dumps", lambda: _baseline_io(path, out))
        timed(row, "assess_many to JSON Lines", lambda: _assess_to_lines(path, out))
        timed(row, "command line report", lambda: _cli_report(path))
        rows.append(row)
    out.unlink(missing_ok=True)
    figure = median_figure(rows, "json.loads + json.dumps", cases)
    show("End to end", figure, "json.loads + json.dumps")
    return figure


def _report(path: Path, workers: int, summary: bool) -> None:
    report = CaseloadReport(as_of=AS_OF)
    more = {"summary": True} if summary else {}
    report.add_all(assess_many(numbered(path), AS_OF, workers=workers, **more))


# Full results and, where assess_many can return them (to compare with earlier versions),
# summaries.
KEPT = ((False, "full results"),) + (
    ((True, "summaries"),) if "summary" in inspect.signature(assess_many).parameters else ()
)


def _pickling(path: Path, runs: int, most: int = 2_000) -> dict[str, Any]:
    """What sending full results back from a worker costs, in one process: ``pickle.dumps`` of
    the results of up to ``most`` cases in chunks of 64, as a worker sends them, and
    ``pickle.loads`` of them, under the default collector threshold and with it raised as
    ``assess_many`` raises it; CPU µs a case, median."""
    results = []
    for result in assess_many(numbered(path), AS_OF):
        results.append(result)
        if len(results) == most:
            break
    chunks = [results[i : i + 64] for i in range(0, len(results), 64)]
    blobs = [pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL) for c in chunks]

    def cpu(action: Callable[[], object]) -> float:
        times = []
        for _ in range(max(runs, 3)):
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
        return 1e6 * statistics.median(times) / len(results)

    def guarded() -> None:
        with fewer_collections():
            for blob in blobs:
                pickle.loads(blob)

    figure = {
        "pickled bytes a case": sum(map(len, blobs)) / len(results),
        "pickle.dumps µs a case": cpu(
            lambda: [pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL) for c in chunks]
        ),
        "pickle.loads µs a case": cpu(lambda: [pickle.loads(b) for b in blobs]),
        "pickle.loads µs a case, threshold raised": cpu(guarded),
    }
    print(f"  full results of {len(results):,} cases pickled in chunks of 64 (CPU, median):")
    for name, value in figure.items():
        print(f"    {name}: {value:.0f}")
    return figure


def workers_section(path: Path, runs: int, cases: int) -> dict[str, Any]:
    rows = []
    for _ in range(runs):
        row: dict[str, float] = {}
        timed(row, "json.loads", lambda: [json.loads(x) for _, x in numbered(path)])
        for summary, kept in KEPT:
            for workers in (1, 2):
                name = f"assess_many, {workers} worker{'s' * (workers > 1)}, {kept}"
                timed(row, name, lambda w=workers, s=summary: _report(path, w, s))
        rows.append(row)
    figure = median_figure(rows, "json.loads", cases)
    show("Workers", figure, "json.loads")
    figure.update(_pickling(path, runs))
    for _, kept in KEPT:
        figure[f"speed-up of 2 workers, {kept}"] = statistics.median(
            r[f"assess_many, 1 worker, {kept}"] / r[f"assess_many, 2 workers, {kept}"] for r in rows
        )
        print(
            f"  speed-up of 2 workers over 1, {kept} (wall): {figure[f'speed-up of 2 workers, {kept}']:.2f}"
        )
    return figure


_MEMORY_CHILD = """
import json, resource, sys
from datetime import date, timedelta
from sexoffender_rules import CaseloadReport, assess_many
mode, path = sys.argv[1], sys.argv[2]
as_of = date.fromisoformat(sys.argv[3])
def lines():
    with open(path, "rb") as handle:
        yield from enumerate(handle, start=1)
if mode == "stream":
    CaseloadReport(as_of=as_of).add_all(assess_many(lines(), as_of))
elif mode == "hold":
    held = list(assess_many(lines(), as_of))
try:  # the high-water mark of this process (ru_maxrss may start at its parent's on Linux)
    with open("/proc/self/status") as status:
        print([line.split()[1] for line in status if line.startswith("VmHWM:")][0])
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(path: Path, cases: int) -> dict[str, Any]:
    figure: dict[str, Any] = {}
    for mode in ("import", "stream", "hold"):
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, mode, str(path), AS_OF.isoformat()],
            check=True,
            capture_output=True,
            text=True,
        )
        figure[f"peak MB, {mode}"] = int(done.stdout.split()[-1]) / 1024
    sample = min(cases, 2_000)
    lines = [line for _, line in zip(range(sample), numbered(path), strict=False)]
    tracemalloc.start()
    held = list(assess_many(lines, AS_OF))
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figure["KB per held result (tracemalloc)"] = size / len(held) / 1024
    figure["held results MB, this register (from the KB per result)"] = (
        size / len(held) * cases / 2**20
    )
    figure["held results MB, 70,052 cases (from the KB per result)"] = (
        size / len(held) * NATIONAL / 2**20
    )
    print(f"\nMemory (load average {load()}; {cases:,} cases)")
    for name, value in figure.items():
        print(f"  {name:<50}{value:>10.1f}")
    return figure


def _facts_case(facts: int) -> Any:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_assess import weekly_case

    weeks = max(2, round(facts / 1.24))
    return weekly_case(weeks)


def scaling(runs: int, sizes: list[int]) -> dict[str, Any]:
    figure: dict[str, Any] = {}
    print(f"\nScaling: one case of growing size (load average {load()})")
    print(f"  {'facts':>7}{'wall s':>9}{'cpu s':>9}{'cpu µs/fact':>12}{'x json.loads cpu':>18}")
    for target in sizes:
        case = _facts_case(target)
        facts = len(case.notifications) + len(case.events) + len(case.detentions)
        text = json.dumps(case_to_data(case))
        # The day after the last fact, so that every fact counts.
        on = max(n.date for n in case.notifications) + timedelta(days=1)
        repeat = max(1, 2_000 // target)
        rows = []
        for _ in range(runs):
            row: dict[str, float] = {}
            for _ in range(repeat):
                timed(row, "json.loads", lambda t=text: json.loads(t))
                timed(row, "assess", lambda c=case, d=on: assess(c, d))
            rows.append(row)
        f = median_figure(rows, "json.loads", repeat)["assess"]
        f["facts"] = facts
        f["cpu_s_per_case"] = f["cpu_s"] / repeat
        f["wall_s_per_case"] = f["wall_s"] / repeat
        figure[str(target)] = f
        print(
            f"  {facts:>7}{f['wall_s_per_case']:>9.4f}{f['cpu_s_per_case']:>9.4f}"
            f"{1e6 * f['cpu_s_per_case'] / facts:>12.1f}{f['ratio_cpu']:>18.1f}"
        )
    if "1000" in figure and "10000" in figure:
        # Each case's time scaled to exactly 1,000 and 10,000 facts (a time per fact times
        # the round count), so the ratio is not skewed by the few facts more or less.
        large, small = figure["10000"], figure["1000"]
        grow = (large["cpu_s_per_case"] / large["facts"] * 10_000) / (
            small["cpu_s_per_case"] / small["facts"] * 1_000
        )
        figure["10,000 facts over 1,000 (cpu)"] = grow
        print(f"  10,000 facts cost {grow:.1f} times 1,000 facts (cpu, scaled to exact counts)")
    return figure


def repeated(path: Path, runs: int, cases: int) -> dict[str, Any]:
    dates = [date(2023, month, 1) for month in range(4, 13)] + [
        date(2024, month, 1) for month in range(1, 4)
    ]
    policies = [Policy(), Policy(release_notified_by_attendance=False)]
    rows = []
    for _ in range(runs):
        row: dict[str, float] = {}
        for chunk in chunks(path):
            built = loaded(row, chunk, "load once")
            for day in dates:
                timed(
                    row, "12 dates, loaded once", lambda b=built, d=day: [assess(x, d) for x in b]
                )
            for policy in policies:
                timed(
                    row,
                    "2 policies, loaded once",
                    lambda b=built, p=policy: [assess(x, AS_OF, p) for x in b],
                )
        one_load = row["json.loads"] + row["load once"]
        one_load_cpu = row["json.loads_cpu"] + row["load once_cpu"]
        for name, count in (("12 dates, loaded once", 12), ("2 policies, loaded once", 2)):
            single = row[name] / count
            single_cpu = row[f"{name}_cpu"] / count
            separate = f"{count} separate runs"
            row[separate] = count * (one_load + single)
            row[f"{separate}_cpu"] = count * (one_load_cpu + single_cpu)
            row[name] += one_load
            row[f"{name}_cpu"] += one_load_cpu
        del row["load once"], row["load once_cpu"]
        rows.append(row)
    figure = median_figure(rows, "json.loads", cases)
    show("Repeated assessment", figure, "json.loads")
    return figure


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000, help="cases (70052: national)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (median)")
    parser.add_argument("--directory", type=Path, default=Path("benchmarks/.data"))
    parser.add_argument("--sections", default=",".join(SECTIONS))
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument(
        "--facts", default="10,100,1000,10000", help="facts per case in the scaling section"
    )
    args = parser.parse_args(argv)
    chosen = [s for s in args.sections.split(",") if s]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"--sections: unknown {sorted(unknown)}")
    path = write_register(args.directory, args.size, args.seed)
    text_bytes = path.stat().st_size
    print(
        f"Register: {args.size:,} cases, seed {args.seed}, {text_bytes / 2**20:.1f} MB "
        f"({text_bytes / max(args.size, 1) / 1024:.2f} KB a case); Python "
        f"{sys.version.split()[0]}; {os.cpu_count()} cores; load average {load()}"
    )
    figures: dict[str, Any] = {
        "size": args.size,
        "seed": args.seed,
        "runs": args.runs,
        "as_of": AS_OF.isoformat(),
        "python": sys.version.split()[0],
        "load_average_start": os.getloadavg(),
    }
    for section in chosen:
        gc.collect()
        if section == "stages":
            figures[section] = stages(path, args.runs, args.size)
        elif section == "end_to_end":
            figures[section] = end_to_end(path, args.runs, args.size, args.directory)
        elif section == "workers":
            figures[section] = workers_section(path, args.runs, args.size)
        elif section == "memory":
            figures[section] = memory(path, args.size)
        elif section == "scaling":
            figures[section] = scaling(args.runs, [int(n) for n in args.facts.split(",")])
        elif section == "repeated":
            figures[section] = repeated(path, args.runs, args.size)
    figures["load_average_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
