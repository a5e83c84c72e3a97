"""Benchmark of the legal calendar's hot paths. Run on purpose: ``python benchmarks/bench_calendar.py``.

Not a test: it prints timings and asserts nothing about them.
"""

from __future__ import annotations

import timeit
from datetime import date

from sexoffender_rules.calendar import DisregardedTime, Spell, add_days


def main() -> None:
    spells = [
        Spell(add_days(date(2000, 1, 1), 30 * i), add_days(date(2000, 1, 1), 30 * i + 20))
        for i in range(300)
    ]
    away = DisregardedTime.from_spells(spells)
    starts = [add_days(date(2000, 1, 1), 7 * i) for i in range(1000)]

    def windows() -> None:
        for start in starts:
            away.last_counted_day(start, 3)

    runs = 20
    seconds = timeit.timeit(windows, number=runs)
    per_call = seconds / (runs * len(starts)) * 1e6
    print(f"last_counted_day over 300 spells: {per_call:.1f} microseconds a call")


if __name__ == "__main__":
    main()
