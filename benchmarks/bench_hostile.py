"""Benchmark: the cost of hostile documents as they grow (docs/testing.md, "Cost on hostile input").

Run on purpose::

    python benchmarks/bench_hostile.py                        # every shape at 1,000 and 10,000
    python benchmarks/bench_hostile.py --sizes 1000,10000,100000 --shapes chain,concurrent

Each shape is a fictional case document of ``n`` facts of one kind, built as JSON text, then
decoded (``parse_json``), loaded (``case_from_data``) and assessed on 1 January 2026 (or given to
the loader only, for a document the loader must refuse). It prints the CPU time of each step, the
CPU time per fact, the outcome (the number of duties, or the error's class), and for each size
after the first the growth of the total against the size: about 1 where the cost is in
proportion to the size, about the ratio of the sizes where it grows with their square.

Shapes:

- ``cautions``: a caution on each of ``n`` days from 1 January 2005 (beyond 7,000, several a
  day, so that every one is before the assessment date), each notified the next day (every
  source running at once with hundreds of others: the search for an earlier event under s.83(2)).
- ``chain``: ``n`` terms of 1 week imposed on 1 January 2020, each consecutive to the one before
  (one aggregate, s.82(3)-(4)).
- ``concurrent``: ``n`` terms of 12 months imposed the same day, not linked.
- ``staggered``: a term of 400 days imposed on each of ``n`` days, spread as the cautions are
  (each partly concurrent with those imposed in the 399 days after it, s.82(3)-(4)).
- ``same_day``: ``n`` advance notifications of one change of name and ``n`` uses of that name on
  one day.
- ``cycle``: ``n`` terms each consecutive to the next, the last to the first (refused).
- ``calendar_ends``: a person born on 1 January 0001, sentenced to life imprisonment on
  1 January 9998, with ``n`` notifications spread from that day to 31 December 9999, assessed on
  31 December 9999 (periodic deadlines after the end of the calendar).
- ``huge_term``: ``n`` terms of 10**9 years (refused: beyond the calendar).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sexoffender_rules import assess
from sexoffender_rules.documents import case_from_data, parse_json
from sexoffender_rules.errors import SexOffenderRulesError

AS_OF = date(2026, 1, 1)
DAYS = 7_000


def _document(reference: str, **facts: Any) -> dict[str, Any]:
    return {
        "format": "sexoffender-rules/case",
        "version": 1,
        "person": {"reference": reference, "date_of_birth": "1970-01-01"},
        **facts,
    }


def _day(start: date, days: int) -> str:
    return (start + timedelta(days=days)).isoformat()


def _spread(i: int, n: int) -> int:
    """The day, counted from the first, of the ``i``-th of ``n`` facts: one a day up to 7,000
    facts (19 years, all before the assessment date), spread evenly over 7,000 days beyond."""
    return i if n <= DAYS else i * DAYS // n


def cautions(n: int) -> dict[str, Any]:
    """A caution on each of ``n`` days (several a day beyond 7,000), each notified the next
    day."""
    start = date(2005, 1, 1)
    return _document(
        "FICTIONAL-HOSTILE-CAUTIONS",
        triggers=[
            {"id": f"t{i}", "kind": "caution", "date": _day(start, _spread(i, n))} for i in range(n)
        ],
        notifications=[
            {"id": f"n{i}", "date": _day(start, _spread(i, n) + 1), "kind": "initial"}
            for i in range(n)
        ],
    )


def _term(i: int, day: str, term: dict[str, int], **link: str) -> dict[str, Any]:
    return {
        "id": f"t{i}",
        "kind": "conviction",
        "date": day,
        "disposal": {"type": "imprisonment", "term": term, **link},
    }


def chain(n: int) -> dict[str, Any]:
    """``n`` terms of 1 week on one day, each consecutive to the one before."""
    return _document(
        "FICTIONAL-HOSTILE-CHAIN",
        triggers=[
            _term(i, "2020-01-01", {"weeks": 1}, **({"consecutive_to": f"t{i - 1}"} if i else {}))
            for i in range(n)
        ],
    )


def concurrent(n: int) -> dict[str, Any]:
    """``n`` terms of 12 months imposed the same day, not linked."""
    return _document(
        "FICTIONAL-HOSTILE-CONCURRENT",
        triggers=[_term(i, "2020-01-01", {"months": 12}) for i in range(n)],
    )


def staggered(n: int) -> dict[str, Any]:
    """A term of 400 days imposed on each of ``n`` days (several a day beyond 7,000)."""
    start = date(2005, 1, 1)
    return _document(
        "FICTIONAL-HOSTILE-STAGGERED",
        triggers=[_term(i, _day(start, _spread(i, n)), {"days": 400}) for i in range(n)],
    )


def same_day(n: int) -> dict[str, Any]:
    """``n`` advance notifications of one change of name, and ``n`` uses of the name, on one day."""
    return _document(
        "FICTIONAL-HOSTILE-SAME-DAY",
        triggers=[{"id": "t1", "kind": "caution", "date": "2024-01-01"}],
        events=[{"type": "name_used", "date": "2024-06-01", "name": "NAME-X"}] * n,
        notifications=[
            {"id": "n0", "date": "2024-01-02", "kind": "initial"},
            *(
                {
                    "id": f"a{i}",
                    "date": "2024-05-30",
                    "kind": "advance",
                    "expected_date": "2024-06-01",
                    "names": ["NAME-X"],
                }
                for i in range(n)
            ),
        ],
    )


def cycle(n: int) -> dict[str, Any]:
    """``n`` terms each consecutive to the next, the last to the first."""
    return _document(
        "FICTIONAL-HOSTILE-CYCLE",
        triggers=[
            _term(i, "2020-01-01", {"months": 1}, consecutive_to=f"t{(i + 1) % n}")
            for i in range(n)
        ],
    )


def calendar_ends(n: int) -> dict[str, Any]:
    """A person born on 1 January 0001, convicted on 1 January 9998 with life imprisonment, and
    ``n`` notifications spread from that day to 31 December 9999."""
    first, last = date(9998, 1, 1), date(9999, 12, 31)
    document = _document(
        "FICTIONAL-HOSTILE-CALENDAR-ENDS",
        triggers=[
            {
                "id": "t1",
                "kind": "conviction",
                "date": first.isoformat(),
                "disposal": {"type": "life"},
            }
        ],
        notifications=[
            {
                "id": f"n{i}",
                "date": (
                    first + timedelta(days=i * (last - first).days // max(1, n - 1))
                ).isoformat(),
                "kind": "initial" if i == 0 else "periodic",
            }
            for i in range(n)
        ],
    )
    document["person"]["date_of_birth"] = "0001-01-01"
    return document


def huge_term(n: int) -> dict[str, Any]:
    """``n`` terms of 10**9 years."""
    return _document(
        "FICTIONAL-HOSTILE-HUGE-TERM",
        triggers=[_term(i, "2020-01-01", {"years": 10**9}) for i in range(n)],
    )


SHAPES: dict[str, Callable[[int], dict[str, Any]]] = {
    "cautions": cautions,
    "chain": chain,
    "concurrent": concurrent,
    "staggered": staggered,
    "same_day": same_day,
    "cycle": cycle,
    "calendar_ends": calendar_ends,
    "huge_term": huge_term,
}


def measure(shape: str, n: int) -> dict[str, Any]:
    """Decode, load and assess the document of ``shape`` and size ``n``; CPU times in seconds."""
    text = json.dumps(SHAPES[shape](n))
    began = time.process_time()
    data = parse_json(text)
    decoded = time.process_time()
    outcome: str
    assessed = loaded = decoded
    try:
        case = case_from_data(data)
        loaded = time.process_time()
        as_of = date(9999, 12, 31) if shape == "calendar_ends" else AS_OF
        outcome = f"{len(assess(case, as_of).duties)} duties"
        assessed = time.process_time()
    except SexOffenderRulesError as error:
        loaded = assessed = time.process_time()
        outcome = type(error).__name__
    return {
        "facts": n,
        "megabytes": len(text) / 1e6,
        "decode_s": decoded - began,
        "load_s": loaded - decoded,
        "assess_s": assessed - loaded,
        "total_s": assessed - began,
        "outcome": outcome,
    }


def main(argv: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="facts per document")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="which shapes")
    parser.add_argument("--json", help="write the figures to this file as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    figures: dict[str, list[dict[str, Any]]] = {}
    print(
        f"{'shape':<14} {'facts':>8} {'MB':>6} {'decode s':>9} {'load s':>8} {'assess s':>9} "
        f"{'µs/fact':>8} {'growth':>7}  outcome"
    )
    for shape in args.shapes.split(","):
        rows = figures.setdefault(shape, [])
        for n in sizes:
            row = measure(shape, n)
            if rows:
                before = rows[-1]
                per_fact_before = before["total_s"] / before["facts"]
                row["growth"] = (
                    (row["total_s"] / n) / per_fact_before if per_fact_before else float("nan")
                )
            rows.append(row)
            growth = f"{row['growth']:7.2f}" if "growth" in row else " " * 7
            print(
                f"{shape:<14} {n:>8,} {row['megabytes']:>6.1f} {row['decode_s']:>9.2f} "
                f"{row['load_s']:>8.2f} {row['assess_s']:>9.2f} "
                f"{row['total_s'] / n * 1e6:>8.1f} {growth}  {row['outcome']}",
                flush=True,
            )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
    return figures


if __name__ == "__main__":
    main()
