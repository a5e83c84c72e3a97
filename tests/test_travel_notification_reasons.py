"""The reasons the travel rules give (SOA 2003 s.86; SI 2004/1220 as amended), in full, for
trips worked by hand: which trips are notifiable, the deadline of each duty (7 days, 12 hours,
24 hours, 3 days), and the notification that answers it.

Unless a case says otherwise: cautioned on Monday 5 January 2026 (an adult: 2 years, s.82(1)) and
notified on 6 January (notifications[0]); one trip, absences_abroad[0], leaving on Saturday
20 June 2026 (British Summer Time) and back on Saturday 27 June.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind
from sexoffender_rules.calendar import add_days
from sexoffender_rules.model import AbsenceAbroad, Case, Notification, Person, Trigger

PERSON = Person(reference="FICTIONAL-0965", date_of_birth=date(1980, 1, 1))
TRIP = "absences_abroad[0]"
DEPARTURE = date(2026, 6, 20)
EVERY_TRIP = (
    "ew.s86.travel",
    "A trip abroad leaving on 2026-06-20 (absences_abroad[0]), on or after 13 August 2012: every "
    "trip is notifiable.",
    (TRIP,),
    (("departure", DEPARTURE),),
    (),
)


def case(
    trip: AbsenceAbroad,
    *notifications: Notification,
    cautioned: date = date(2026, 1, 5),
) -> Case:
    return Case(
        person=PERSON,
        triggers=(Trigger(id="t1", kind="caution", date=cautioned),),
        absences_abroad=(trip,),
        notifications=(
            Notification(id="n1", date=add_days(cautioned, 1), kind="initial"),
            *notifications,
        ),
    )


def travel(on: date, departure: date = DEPARTURE, **details: Any) -> Notification:
    return Notification(id="n2", date=on, kind="travel", departure=departure, **details)


def duty(of: Case, kind: DutyKind, as_of: date = date(2026, 7, 15)) -> Duty:
    [found] = assess(of, as_of).duties_of(kind)
    return found


def travel_reasons(found: Duty) -> list[tuple[Any, ...]]:
    """The reasons of the travel rules (s.86) of ``found``, in full."""
    return [
        (r.rule_id, r.statement, r.facts, r.dates, r.readings)
        for r in found.reasons
        if r.rule_id.startswith("ew.s86.")
    ]


def test_a_trip_notified_7_days_ahead() -> None:
    # Notified on 1 June; 7 days before 20 June is 13 June, the last day to notify.
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27))
    found = duty(case(trip, travel(date(2026, 6, 1))), DutyKind.FOREIGN_TRAVEL)
    assert found.fact == TRIP
    assert travel_reasons(found) == [
        EVERY_TRIP,
        (
            "ew.s86.travel",
            "Notification is due not less than 7 days before departure: by 2026-06-13.",
            (),
            (("deadline", date(2026, 6, 13)),),
            (),
        ),
        (
            "ew.s86.travel",
            "Answered by the travel notification of 2026-06-01 (notifications[1]) giving that "
            "day of departure.",
            ("notifications[1]",),
            (),
            (),
        ),
    ]


def test_details_not_known_7_days_ahead_12_hours_before_the_departure_time() -> None:
    # Details not known 7 days ahead; notified on 19 June of a departure at 10:00 BST on 20
    # June: 12 hours before is 22:00 BST on 19 June, so due by 19 June.
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27), details_known_late=True)
    notified = travel(date(2026, 6, 19), departure_time="10:00")
    found = duty(case(trip, notified), DutyKind.FOREIGN_TRAVEL)
    assert travel_reasons(found)[1:] == [
        (
            "ew.s86.travel-late-details",
            "As the details were not known 7 days before departure, notification is due not "
            "less than 12 hours before departure on 2026-06-20 at 10:00, Europe/London: by "
            "2026-06-19.",
            (f"{TRIP}.details_known_late",),
            (("deadline", date(2026, 6, 19)),),
            (),
        ),
        (
            "ew.s86.travel",
            "Answered by the travel notification of 2026-06-19 (notifications[1]) giving that "
            "day of departure.",
            ("notifications[1]",),
            (),
            (),
        ),
    ]


def test_subject_fewer_than_7_days_before_departure_and_no_departure_time() -> None:
    # Cautioned on Tuesday 16 June, 4 days before departure: 12 hours before 00:00 BST on 20 June
    # (no departure time given) is 12:00 on 19 June, so due by 19 June. Not notified.
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27))
    found = duty(case(trip, cautioned=date(2026, 6, 16)), DutyKind.FOREIGN_TRAVEL)
    assert travel_reasons(found) == [
        EVERY_TRIP,
        (
            "ew.s86.travel-late-details",
            "As the person became subject on 2026-06-16, fewer than 7 days before departure, "
            "notification is due not less than 12 hours before departure on 2026-06-20 at 00:00 "
            "(no departure time given), Europe/London: by 2026-06-19.",
            (TRIP,),
            (("deadline", date(2026, 6, 19)),),
            (),
        ),
    ]


def test_before_13_august_2012_a_trip_of_3_days_or_more() -> None:
    # Cautioned 10 January 2011; a trip leaving 6 June 2011 and back on 10 June: 5 days counting
    # both, so notifiable (3 days or more); 7 days before 6 June is 30 May, the day notified.
    trip = AbsenceAbroad(start=date(2011, 6, 6), end=date(2011, 6, 10))
    notified = travel(
        date(2011, 5, 30), departure=date(2011, 6, 6), expected_return=date(2011, 6, 10)
    )
    found = duty(
        case(trip, notified, cautioned=date(2011, 1, 10)),
        DutyKind.FOREIGN_TRAVEL,
        as_of=date(2011, 7, 4),
    )
    assert travel_reasons(found)[:2] == [
        (
            "ew.s86.travel-3-days",
            "A trip abroad leaving on 2011-06-06 (absences_abroad[0]) for 5 days: before 13 "
            "August 2012 a trip of 3 days or more is notifiable.",
            (TRIP,),
            (("departure", date(2011, 6, 6)),),
            (),
        ),
        (
            "ew.s86.travel-3-days",
            "Notification is due not less than 7 days before departure: by 2011-05-30.",
            (),
            (("deadline", date(2011, 5, 30)),),
            (),
        ),
    ]


def test_a_change_of_details_answered_by_a_fresh_notification() -> None:
    # Notified on 1 June (return 25 June); the details changed on 15 June and a fresh
    # notification that day gives a departure at 10:00 BST: 24 hours before is 10:00 BST on
    # 19 June, so due by 19 June; answered on 15 June.
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27), details_changed=date(2026, 6, 15))
    first = travel(date(2026, 6, 1), expected_return=date(2026, 6, 25))
    fresh = Notification(
        id="n3",
        date=date(2026, 6, 15),
        kind="travel",
        departure=DEPARTURE,
        departure_time="10:00",
        expected_return=date(2026, 6, 27),
    )
    found = duty(case(trip, first, fresh), DutyKind.TRAVEL_CHANGE)
    assert found.fact == TRIP
    assert travel_reasons(found) == [
        EVERY_TRIP,
        (
            "ew.s86.travel-change",
            "The notified details changed on 2026-06-15 (absences_abroad[0].details_changed): a "
            "fresh notification is due at least 24 hours before departure on 2026-06-20 at "
            "10:00, Europe/London: by 2026-06-19.",
            (f"{TRIP}.details_changed",),
            (("changed", date(2026, 6, 15)), ("deadline", date(2026, 6, 19))),
            (),
        ),
        (
            "ew.s86.travel-change",
            "Answered by the travel notification of 2026-06-15 (notifications[2]) giving that "
            "departure, on or after the change.",
            ("notifications[2]",),
            (),
            (),
        ),
    ]


def returned(basis: str, facts: tuple[str, ...]) -> tuple[Any, ...]:
    """The reason of the return duty for a return on 27 June: 3 days beginning with it are the
    27th, 28th and 29th."""
    return (
        "ew.s86.travel-return",
        "The person returned on 2026-06-27 (absences_abroad[0].end), a return not notified in "
        f"advance as it happened: {basis}. The return is due within 3 days beginning with the "
        "day of return: by 2026-06-29.",
        facts,
        (("returned", date(2026, 6, 27)), ("deadline", date(2026, 6, 29))),
        (),
    )


def test_a_return_with_no_travel_notification_before_departure() -> None:
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27))
    back = Notification(id="n2", date=date(2026, 6, 28), kind="return", departure=DEPARTURE)
    found = duty(case(trip, back), DutyKind.TRAVEL_RETURN)
    assert found.fact == TRIP
    assert travel_reasons(found) == [
        EVERY_TRIP,
        returned("no travel notification of the trip was given before departure", (TRIP,)),
        (
            "ew.s86.travel-return",
            "Answered by the return notification of 2026-06-28 (notifications[1]) of the return "
            "from that departure.",
            ("notifications[1]",),
            (),
            (),
        ),
    ]


def test_a_return_the_travel_notification_did_not_give() -> None:
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27))
    found = duty(case(trip, travel(date(2026, 6, 1))), DutyKind.TRAVEL_RETURN)
    assert travel_reasons(found)[1:] == [
        returned(
            "the last travel notification before departure (notifications[1]) gave none",
            (TRIP, "notifications[1]"),
        )
    ]


def test_a_return_that_differs_from_the_one_notified() -> None:
    trip = AbsenceAbroad(start=DEPARTURE, end=date(2026, 6, 27))
    notified = travel(date(2026, 6, 1), expected_return=date(2026, 6, 25))
    found = duty(case(trip, notified), DutyKind.TRAVEL_RETURN)
    assert travel_reasons(found)[1:] == [
        returned(
            "it differs from the return on 2026-06-25 that the last travel notification before "
            "departure (notifications[1]) gave",
            (TRIP, "notifications[1]"),
        )
    ]
