"""Helpers the duty modules share: the window of days beginning with a day (time away not
counted, SOA 2003 s.83(1), s.84(1), s.85(3)), the notes on month-end readings, the first
notification under Part 2, and which notifications start a new periodic cycle (s.85(1)).
"""

from __future__ import annotations

from datetime import date

from ..assessment import Reason, Source
from ..calendar import last_day_of_days_beginning_with
from ..engine import Alternative, Timeline, other_readings
from ..law import Rule
from ..model import Notification, NotificationKind


def _window(
    timeline: Timeline, start: date, days: int, rule: Rule, what: str, facts: list[str]
) -> tuple[date | None, Reason, tuple[Alternative, ...]]:
    """Last day of the period of ``days`` days beginning with ``start``, time away not counted;
    the reason; and the deadline under each other reading of a day partly spent away, where the
    reason names the reading."""
    deadline = timeline.away.last_counted_day(start, days)
    plain = last_day_of_days_beginning_with(start, days)
    reading = f"partial_days={timeline.policy.partial_days.value}"
    if deadline is None:
        text = (
            f"{what}: {days} days beginning with {start.isoformat()}, not counting time "
            "detained or abroad; the person is still away, so the deadline is not yet fixed."
        )
        alternatives = _partial_days_deadlines(timeline, deadline, start, days)
        return None, rule.reason(text, facts=facts, readings=[reading]), alternatives
    text = f"{what}: {days} days beginning with {start.isoformat()} end on {deadline.isoformat()}"
    if deadline != plain:
        text += f" (not counting {(deadline - plain).days} days detained or abroad)"
    # The reading is named wherever a day it counts differently (a day of release or return)
    # falls in the window: only there can the deadline depend on it. Where none does, every
    # reading counts the same days up to the deadline, so the deadline is the same.
    disputed = timeline.away.readings_differ_within(start, deadline)
    reason = rule.reason(
        text + ".",
        facts=facts,
        dates=[("deadline", deadline)],
        readings=[reading] if disputed else [],
    )
    return (
        deadline,
        reason,
        _partial_days_deadlines(timeline, deadline, start, days) if disputed else (),
    )


def _partial_days_deadlines(
    timeline: Timeline, deadline: date | None, start: date, days: int
) -> tuple[Alternative, ...]:
    """The deadline of the window under each other reading of a day partly spent away."""
    return tuple(
        Alternative(
            "partial_days",
            other,
            _changed_deadline(deadline, timeline.away_under(other).last_counted_day(start, days)),
        )
        for other in other_readings(timeline.policy.partial_days)
    )


def _changed_deadline(deadline: date | None, other: date | None) -> tuple[tuple[str, object], ...]:
    return () if other == deadline else (("deadline", other),)


def _month_end_reading(day: date, name: str, value: str, *, months: bool) -> list[str]:
    """The reading of month ends, named only where it can matter: adding months to the 29th,
    30th or 31st, or whole years to 29 February, may land on a day the month lacks."""
    matters = day.day > 28 if months else (day.month, day.day) == (2, 29)
    return [f"{name}={value}"] if matters else []


def _first_part_2_notification(timeline: Timeline, start: date) -> Notification | None:
    """The first notification on or after ``start`` that gives the s.83(5) information (one
    recorded as initial, change or periodic). For a person registered before Part 2 came into
    force, the first notification under it answers s.83(1) whatever it was recorded as (a
    documented reading: the police may have recorded it as the annual one)."""
    found = [
        timeline.index.first(("kind", kind), start)
        for kind in (NotificationKind.INITIAL, NotificationKind.CHANGE, NotificationKind.PERIODIC)
    ]
    given = [n for n in found if n is not None]
    return min(given, key=lambda n: (n.date, n.id)) if given else None


Key = tuple[str, object]


def _s81_open(source: Source) -> bool:
    """Whether it is undetermined if s.81(1) applies at all (s.81(3)-(4) fact not recorded)."""
    return any(".current_on_1_september_1997:" in m for m in source.missing)


def _service_unknown(source: Source) -> str | None:
    """The path of the order whose date of service, not recorded, would start the initial
    notification of ``source`` (s.103G(3), s.107(5), s.100(6), s.98(4)) and, for a notification
    order, be an event for the annual one (s.85(2)(a)); ``None`` if none. A duty whose deadline
    runs from it names ``<path>.served`` in ``DutyFinding.missing``."""
    for m in source.missing:
        path, found, _ = m.partition(".served:")
        if found:
            return path
    return None


_CYCLE_KINDS = (
    NotificationKind.INITIAL,
    NotificationKind.CHANGE,
    NotificationKind.ADVANCE,
    NotificationKind.PERIODIC,
)
