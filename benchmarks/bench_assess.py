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


def changes_case(changes: int) -> Case:
    """A fictional person who changes name and home address on alternate days, never notifying:
    every change is a duty, and each looks up the notifications of its own kind."""
    start = date(2010, 1, 4)
    events: list[NameUsed | HomeAddressChange] = []
    for i in range(changes):
        day = add_days(start, i + 1)
        if i % 2:
            events.append(NameUsed(date=day, name="NAME-X"))
        else:
            events.append(
                HomeAddressChange(
                    date=day, home_address=HomeAddress(kind="residence", reference=f"ADDR-{i % 3}")
                )
            )
    return Case(
        person=Person(reference="FICTIONAL-BENCH-2", date_of_birth=date(1970, 1, 1)),
        triggers=[
            Trigger(
                id="t1", kind="conviction", date=start, disposal=ImprisonmentForPublicProtection()
            )
        ],
        events=events,
        notifications=[Notification(id="n0", date=start, kind="initial", names=("NAME-A",))],
    )


def _measure(case: Case, as_of: date) -> tuple[int, int, float]:
    facts = len(case.notifications) + len(case.events) + len(case.detentions) + len(case.triggers)
    began = time.perf_counter()
    result = assess(case, as_of)
    return facts, len(result.duties), time.perf_counter() - began


def main() -> None:
    header = f"{'facts':>8} {'duties':>8} {'seconds':>9} {'microseconds/fact':>18}"
    print("Weekly notification with changes and custody:")
    print(header)
    for weeks in (100, 400, 1600, 6400):
        facts, duties, seconds = _measure(weekly_case(weeks), add_days(date(2013, 1, 7), 7 * weeks))
        print(f"{facts:>8} {duties:>8} {seconds:>9.3f} {seconds / facts * 1e6:>18.1f}")
    print("Unnotified changes of name and address on alternate days:")
    print(header)
    for changes in (1000, 4000, 16000):
        facts, duties, seconds = _measure(changes_case(changes), date(2060, 1, 1))
        print(f"{facts:>8} {duties:>8} {seconds:>9.3f} {seconds / facts * 1e6:>18.1f}")


if __name__ == "__main__":
    main()
