"""Benchmark: the cost of one assessment as the number of facts grows.

Run on purpose: ``python benchmarks/bench_assess.py``. It prints the time per fact for cases of
growing size; the engine walks the facts once, so the time per fact should stay roughly flat.
"""

from __future__ import annotations

import time
from datetime import date

from sexoffender_rules import (
    Case,
    Detention,
    HomeAddress,
    HomeAddressChange,
    NameUsed,
    Notification,
    Person,
    Trigger,
    add_days,
    assess,
)
from sexoffender_rules.model import ImprisonmentForPublicProtection


def weekly_case(weeks: int) -> Case:
    """A fictional person on weekly notification for ``weeks`` weeks, with a change of name and
    of location every 10 weeks and a short custody spell every 25 weeks."""
    start = date(2013, 1, 7)
    home = HomeAddress(kind="no_sole_or_main_residence", reference="LOC-0")
    notifications = [Notification(id="n0", date=start, kind="initial", home_address=home)]
    events: list[NameUsed | HomeAddressChange] = []
    detentions = []
    for week in range(1, weeks):
        day = add_days(start, 7 * week)
        if week % 10 == 0:
            home = HomeAddress(kind="no_sole_or_main_residence", reference=f"LOC-{week}")
            events.append(HomeAddressChange(date=add_days(day, -1), home_address=home))
            events.append(NameUsed(date=add_days(day, -1), name=f"NAME-{week}"))
        if week % 25 == 0:
            detentions.append(
                Detention(kind="remand", start=add_days(day, 1), end=add_days(day, 3))
            )
        notifications.append(
            Notification(
                id=f"n{week}",
                date=day,
                kind="periodic",
                home_address=home,
                names=(f"NAME-{week - week % 10}",),
            )
        )
    return Case(
        person=Person(reference="FICTIONAL-BENCH", date_of_birth=date(1970, 1, 1)),
        triggers=[
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2013, 1, 7),
                disposal=ImprisonmentForPublicProtection(),
            )
        ],
        events=events,
        detentions=detentions,
        notifications=notifications,
    )


def main() -> None:
    print(f"{'facts':>8} {'duties':>8} {'seconds':>9} {'microseconds/fact':>18}")
    for weeks in (100, 400, 1600, 6400):
        case = weekly_case(weeks)
        facts = len(case.notifications) + len(case.events) + len(case.detentions) + 1
        as_of = add_days(date(2013, 1, 7), 7 * weeks)
        began = time.perf_counter()
        result = assess(case, as_of)
        seconds = time.perf_counter() - began
        print(f"{facts:>8} {len(result.duties):>8} {seconds:>9.3f} {seconds / facts * 1e6:>18.1f}")


if __name__ == "__main__":
    main()
