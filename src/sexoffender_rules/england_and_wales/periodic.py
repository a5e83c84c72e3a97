"""Periodic notification (SOA 2003 s.85): annual notification after each notification
under s.83(1), s.84(1) or s.85(1) (s.85(1)), the first after the commencement of Part 2
(s.85(2)), weekly notification for a person with no sole or main residence (s.85(5)(a), (6); SI
2012/1876, from 13 August 2012) and the extension for time away (s.85(3)-(4)). The periods are
parameters of the ruleset (:data:`PERIODIC_PARAMETERS`), so a reform can change them.

>>> WEEKLY_NOTIFICATION_FROM.isoformat()
'2012-08-13'
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..assessment import DutyKind, Reason, Registration, Source
from ..calendar import END_OF_TIME, CalendarPeriod, DateInterval, last_day_of_period_after
from ..engine import Alternative, DutyFinding, Timeline, other_readings
from ..law import Citation, Rule, Ruleset
from ..model import HomeAddress, Notification
from ._common import (
    _S85_SEEN,
    CHECKED,
    PART_2_COMMENCEMENT,
    REGS_2012,
    WEEKLY_NOTIFICATION_FROM,
    _rule,
    _soa,
    _soa_s81,
)
from ._duties import _month_end_reading, _s81_open, _service_unknown
from .changes import _homes_notified, _occurred
from .prescribed import _cycle_kinds, _prescribed_cycle_reasons

PERIODIC_PARAMETERS: dict[str, CalendarPeriod] = {
    "periodic_interval": CalendarPeriod(years=1),
    "weekly_interval": CalendarPeriod(weeks=1),
}
"""The applicable periods of s.85(5): one year (s.85(5)(b)); one week where the last home address
notified is not a sole or main residence (s.85(5)(a), (6); SI 2012/1876).

>>> str(PERIODIC_PARAMETERS["periodic_interval"]), str(PERIODIC_PARAMETERS["weekly_interval"])
('1 year', '1 week')
"""

RULES = (
    _rule(
        "ew.s85.annual",
        "Annual notification",
        "Within one year after each notification under s.83(1), s.84(1) or s.85(1) (ending on the "
        "corresponding date; policy.corresponding_date), the person must notify again, unless "
        "they have meanwhile given a notification under s.84(1). An advance notification is a "
        "notification under s.84(1) (s.84(2)). Documented reading: any notification under "
        "s.83(1), s.84(1) or s.85(1) within the period answers the duty, as each gives the "
        "s.83(5) information the duty asks for.",
        _soa("s.85(1), (2), (5)(b)", "third-party verbatim copy of the revised text"),
    ),
    _rule(
        "ew.s85.first_after_commencement",
        "First periodic notification after 1 May 2004",
        "For a person who is a relevant offender from 1 May 2004 (subject under s.81), the "
        "commencement of Part 2 is itself an event: the person must notify within one year "
        "after it (by 1 May 2005, later if s.85(3) extends it), unless a notification under "
        "s.83(1), s.84(1) or s.85(1) is given within that year; a notification given on 1 May "
        "2004 itself counts (documented choice). A notification under the 1997 Act does not "
        "start the year.",
        _soa_s81("s.85(1), (2)(a)", _S85_SEEN),
    ),
    _rule(
        "ew.s85.weekly",
        "Weekly notification without a sole or main residence",
        "Where the last home address notified was a place where the person can regularly be "
        "found (no sole or main residence), the applicable period is one week. The period of a "
        "cycle is the one in force on the day the cycle starts. A home address notified in "
        "advance counts from the day of the move it covered.",
        _soa("s.85(5)(a), (6)", "third-party verbatim copy; E&W s.85(6) cut off"),
        Citation(
            instrument=REGS_2012,
            provision="",
            checked=CHECKED,
            source="regulation number and wording not seen; in force 13 Aug 2012 per the "
            "Home Office publication page",
        ),
        in_force=DateInterval(WEEKLY_NOTIFICATION_FROM, END_OF_TIME),
    ),
    _rule(
        "ew.s85.extension",
        "Periodic deadline while detained or abroad",
        "Where the applicable period would end while the person is remanded or committed to "
        "custody, serving a sentence, detained in hospital or outside the UK, it continues until "
        "the end of 3 days beginning when that ceases (spells that follow one another at once "
        "joined into one).",
        _soa("s.85(3)-(4)", "third-party verbatim copy of the revised text"),
    ),
)


def periodic_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.85: a periodic duty after each day on which a notification under s.83(1), s.84(1) or
    s.85(1) was given, discharged by the next such notification; and, for a person subject from
    1 May 2004 (s.81), one after that day (s.85(2)(a)).

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0011", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2024, 2, 27)),),
    ...     notifications=(Notification(id="n1", date=date(2024, 2, 29), kind="initial"),))
    >>> assess(case, date(2024, 3, 1)).duties_of(DutyKind.PERIODIC)[0].deadline
    datetime.date(2025, 2, 28)
    """
    subject = registration_.subject_days
    annual = ruleset.rule("ew.s85.annual")
    weekly = ruleset.rule("ew.s85.weekly")
    extension = ruleset.rule("ew.s85.extension")
    kinds = _cycle_kinds(timeline.policy)
    cycle: list[Notification] = [
        n for n in timeline.notifications if n.kind in kinds and n.date in subject
    ]
    starts: list[Notification] = []
    for n in cycle:
        if not starts or n.date > starts[-1].date:
            starts.append(n)
    yield from _first_after_commencement(timeline, registration_, ruleset, cycle)
    homes = _homes_notified(_occurred(timeline, registration_), cycle)
    cursor = 0
    last_home: HomeAddress | None = None
    for i, started in enumerate(starts):
        # The last home address notified on or before the day the cycle starts (s.85(6)).
        while cursor < len(homes) and homes[cursor][0] <= started.date:
            last_home = homes[cursor][1]
            cursor += 1
        path = timeline.path(started)
        no_residence = last_home is not None and not last_home.has_residence
        if no_residence and weekly.in_force_on(started.date):
            rule, period = weekly, ruleset.parameter("weekly_interval")
            basis = "the last home address notified is a place with no sole or main residence"
        else:
            rule, period = annual, ruleset.parameter("periodic_interval")
            if no_residence:
                basis = "weekly notification was not yet in force"
            elif last_home is None:
                basis = "no home address has been notified, so s.85(6) does not apply"
            else:
                basis = "the last home address notified is a sole or main residence"
        due = last_day_of_period_after(started.date, period, timeline.policy)
        reasons = [
            rule.reason(
                f"Notified on {started.date.isoformat()}; {basis}: the next notification is due "
                f"within {period} after it, by {due.isoformat()}.",
                facts=[path],
                dates=[("due", due)],
                readings=_corresponding_date_readings(started.date, period, timeline),
            )
        ]
        deadline, alternatives = _extended(timeline, due, extension, reasons)
        following = starts[i + 1] if i + 1 < len(starts) else None
        reasons += _prescribed_cycle_reasons(timeline, ruleset, started, following)
        yield DutyFinding(
            kind=DutyKind.PERIODIC,
            rule_id=rule.id,
            trigger_date=started.date,
            fact=path,
            deadline=deadline,
            discharged_by=following,
            reasons=tuple(reasons),
            alternatives=alternatives,
        )


def _corresponding_date_readings(
    start: date, period: CalendarPeriod, timeline: Timeline
) -> list[str]:
    """The reading of a period after ``start`` with no corresponding day
    (``policy.corresponding_date``), named where the period can end on a day its month lacks:
    months from the 29th, 30th or 31st, or whole years from 29 February; never for weeks."""
    if not period.total_months:
        return []
    return _month_end_reading(
        start,
        "corresponding_date",
        timeline.policy.corresponding_date.value,
        months=period.total_months % 12 != 0,
    )


def _extended(
    timeline: Timeline, due: date, extension: Rule, reasons: list[Reason]
) -> tuple[date | None, tuple[Alternative, ...]]:
    """s.85(3): the deadline of a periodic notification due on ``due``, continued where that day
    falls while detained or abroad (``None`` while the spell has not ended), and the deadline
    under each other reading of a day partly spent away where the reason names the reading or
    the deadline differs; the reason for an extension is added to ``reasons``."""
    deadline = timeline.away.extended_deadline(due)
    extended = deadline != due
    if extended:
        reasons.append(
            extension.reason(
                f"{due.isoformat()} falls while detained or abroad: the period continues until "
                + (
                    f"the end of 3 days beginning when that ends, {deadline.isoformat()}."
                    if deadline
                    else "3 days after that ends, which it has not yet."
                ),
                dates=[("deadline", deadline)] if deadline else [],
                readings=[f"partial_days={timeline.policy.partial_days.value}"],
            )
        )
    # A due day at liberty under the policy's reading falls away under another only if it is a
    # day the readings count differently (a day of release or return).
    if not extended and due not in timeline.away.disputed:
        return deadline, ()
    alternatives = []
    for other in other_readings(timeline.policy.partial_days):
        theirs = timeline.away_under(other).extended_deadline(due)
        if extended or theirs != deadline:
            changes = () if theirs == deadline else (("deadline", theirs),)
            alternatives.append(Alternative("partial_days", other, changes))
    return deadline, tuple(alternatives)


def _first_after_commencement(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset, cycle: list[Notification]
) -> Iterator[DutyFinding]:
    """s.85(2)(a): for a person subject from 1 May 2004 (s.81), the commencement of Part 2 is an
    event, and for a person subject under a notification order, the date of service of the order
    (s.98(4)); the first notification under Part 2 on or after that day discharges the duty."""
    events: dict[date, list[Source]] = {}
    for s in registration_.sources:
        if s.initial_from is None and s.subject_from == PART_2_COMMENCEMENT and not _s81_open(s):
            events.setdefault(PART_2_COMMENCEMENT, []).append(s)
        elif s.commencement is not None and s.commencement in s.subject_days:
            events.setdefault(s.commencement, []).append(s)
    extension = ruleset.rule("ew.s85.extension")
    period = ruleset.parameter("periodic_interval")
    for start, sources in sorted(events.items()):
        facts = [s.fact for s in sources]
        due = last_day_of_period_after(start, period, timeline.policy)
        unserved: list[str] = []
        if sources[0].applied_by is None:
            rule = ruleset.rule("ew.s85.first_after_commencement")
            words = (
                f"Subject from 1 May 2004 through {', '.join(facts)} (s.81(1)): the commencement "
                "of Part 2 is an event under s.85(2)(a)"
            )
        else:
            rule = ruleset.rule("ew.s98.notification_order")
            unserved = [path for s in sources if (path := _service_unknown(s))]
            served = (
                f"whose date of service is not recorded (the day it was made, {start.isoformat()}, "
                "the earliest it can be, stands in for it)"
                if unserved
                else f"served on {start.isoformat()}"
            )
            words = (
                f"Subject through {', '.join(facts)} under a notification order {served}: the "
                "date of service is read as the commencement of Part 2 (s.98(4)), an event under "
                "s.85(2)(a)"
            )
        reasons = [
            rule.reason(
                f"{words}; the next notification is due within {period} after it, by "
                f"{due.isoformat()}.",
                facts=facts,
                dates=[("due", due)],
                readings=_corresponding_date_readings(start, period, timeline),
            )
        ]
        deadline, alternatives = _extended(timeline, due, extension, reasons)
        yield DutyFinding(
            kind=DutyKind.PERIODIC,
            rule_id=rule.id,
            trigger_date=start,
            fact=facts[0],
            deadline=deadline,
            discharged_by=next((n for n in cycle if n.date >= start), None),
            reasons=tuple(reasons),
            alternatives=alternatives,
            missing=tuple(f"{path}.served" for path in unserved),
        )
