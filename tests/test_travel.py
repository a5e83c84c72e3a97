"""Foreign travel notification (SOA 2003 s.86; SI 2004/1220 as amended by SI 2012/1876)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.england_and_wales.travel import latest_notice_day
from sexoffender_rules.errors import CaseValidationError, InvalidValueError
from sexoffender_rules.model import (
    AbsenceAbroad,
    Case,
    Notification,
    OtherDisposal,
    Person,
    Trigger,
)

PERSON = Person(reference="FICTIONAL-0250", date_of_birth=date(1980, 1, 1))
FINE = Trigger(id="t1", kind="conviction", date=date(2026, 1, 5), disposal=OtherDisposal())


def _case(*notifications: Notification, **absence: Any) -> Case:
    trip = AbsenceAbroad(
        start=absence.pop("start", date(2026, 7, 20)),
        end=absence.pop("end", date(2026, 7, 22)),
        **absence,
    )
    initial = Notification(id="n1", date=date(2026, 1, 5), kind="initial", names=("NAME-A",))
    return Case(
        person=PERSON,
        triggers=(FINE,),
        absences_abroad=(trip,),
        notifications=(initial, *notifications),
    )


def _travel(case: Case, as_of: date = date(2026, 8, 1)) -> Any:
    [duty] = assess(case, as_of).duties_of(DutyKind.FOREIGN_TRAVEL)
    return duty


@pytest.mark.parametrize("field", ["departure", "departure_time", "destination", "expected_return"])
def test_travel_fields_are_refused_on_other_kinds(field: str) -> None:
    value: Any = "09:00" if field == "departure_time" else "PLACE-1"
    if field in ("departure", "expected_return"):
        value = date(2026, 7, 20)
    with pytest.raises(CaseValidationError) as info:
        _case(Notification(id="n2", date=date(2026, 7, 1), kind="change", **{field: value}))
    assert f"notifications[1].{field}: only a travel notification has one" in str(info.value)


def test_a_travel_notification_needs_its_departure() -> None:
    with pytest.raises(CaseValidationError) as info:
        _case(Notification(id="n2", date=date(2026, 7, 1), kind="travel"))
    assert "notifications[1].departure: required" in str(info.value)


def test_a_return_before_the_departure_is_refused() -> None:
    n = Notification(
        id="n2",
        date=date(2026, 7, 1),
        kind="travel",
        departure=date(2026, 7, 20),
        expected_return=date(2026, 7, 19),
    )
    with pytest.raises(CaseValidationError) as info:
        _case(n)
    assert "notifications[1].expected_return: is before the departure" in str(info.value)


@pytest.mark.parametrize("clock", ["9:00", "24:00", "12:60", "noon", "12:3a"])
def test_a_departure_time_must_be_hh_mm(clock: str) -> None:
    with pytest.raises(InvalidValueError):
        Notification(
            id="n2",
            date=date(2026, 7, 1),
            kind="travel",
            departure=date(2026, 7, 20),
            departure_time=clock,
        )


def test_travel_facts_survive_the_wire_format() -> None:
    n = Notification(
        id="n2",
        date=date(2026, 7, 1),
        kind="travel",
        departure=date(2026, 7, 20),
        departure_time="23:45",
        destination="PLACE-1",
        expected_return=date(2026, 7, 22),
    )
    case = _case(n, details_known_late=True)
    assert case_from_data(case_to_data(case)) == case


def test_a_notification_of_another_day_does_not_answer_the_trip() -> None:
    other = Notification(id="n2", date=date(2026, 7, 1), kind="travel", departure=date(2026, 7, 21))
    duty = _travel(_case(other))
    assert duty.state is DutyState.OVERDUE
    assert duty.discharged_by is None


def test_a_notification_after_departure_ends_the_failure_late() -> None:
    # Documented reading: the failure continues until the trip is notified, even after departure.
    after = Notification(
        id="n2", date=date(2026, 7, 25), kind="travel", departure=date(2026, 7, 20)
    )
    duty = _travel(_case(after))
    assert duty.state is DutyState.MET_LATE
    assert (duty.breach.start, duty.breach.end) == (date(2026, 7, 14), date(2026, 7, 26))


def test_details_known_late_moves_the_deadline_to_twelve_hours_before() -> None:
    n = Notification(
        id="n2",
        date=date(2026, 7, 19),
        kind="travel",
        departure=date(2026, 7, 20),
        departure_time="18:00",
    )
    assert _travel(_case(n)).state is DutyState.MET_LATE  # 7-day rule: due 13 July
    late = _travel(_case(n, details_known_late=True))
    assert (late.deadline, late.state) == (date(2026, 7, 20), DutyState.MET)  # 06:00 on 20 July


def test_before_13_august_2012_the_late_details_floor_is_24_hours() -> None:
    # 10:00 BST on 2012-08-12: 24 hours before is 10:00 on 11 August; from 13 August, 12 hours.
    assert latest_notice_day(date(2012, 8, 12), "10:00", 24) == date(2012, 8, 11)
    assert latest_notice_day(date(2012, 8, 13), "10:00", 12) == date(2012, 8, 12)
    assert latest_notice_day(date(2012, 8, 13), "13:00", 12) == date(2012, 8, 13)


@pytest.mark.parametrize(
    ("departure", "clock", "expected"),
    [
        # Clocks go forward at 01:00 GMT on 29 March 2026: 12:30 BST is 11:30 UTC.
        (date(2026, 3, 29), "12:30", date(2026, 3, 28)),
        (date(2026, 3, 29), "13:30", date(2026, 3, 29)),  # 12:30 UTC - 12 h = 00:30 GMT
        # A time in the skipped hour is moved forward: 01:30 -> 02:30 BST = 01:30 UTC.
        (date(2026, 3, 29), "01:30", date(2026, 3, 28)),
        # Clocks go back at 01:00 UTC on 25 October 2026: 11:30 GMT is 11:30 UTC.
        (date(2026, 10, 25), "11:30", date(2026, 10, 25)),  # 23:30 UTC = 00:30 BST
        (date(2026, 10, 25), "10:30", date(2026, 10, 24)),  # 22:30 UTC = 23:30 BST
    ],
)
def test_twelve_hours_are_elapsed_time_across_clock_changes(
    departure: date, clock: str, expected: date
) -> None:
    assert latest_notice_day(departure, clock, 12) == expected


def test_a_short_trip_in_the_first_days_of_the_2004_regulations_needs_no_notice() -> None:
    # SI 2004/1220 reg 3(2): under 8 days with departure on or before 9 May 2004 -> no duty;
    # a 3-day trip leaving on 10 May 2004 is notifiable (3 days or more before 13 August 2012).
    person = Person(reference="FICTIONAL-0251", date_of_birth=date(1970, 1, 1))
    fine = Trigger(id="t1", kind="conviction", date=date(2004, 5, 3), disposal=OtherDisposal())

    def duties(start: date) -> int:
        trip = AbsenceAbroad(start=start, end=date.fromordinal(start.toordinal() + 4))
        case = Case(person=person, triggers=(fine,), absences_abroad=(trip,))
        return len(assess(case, date(2004, 6, 1)).duties_of(DutyKind.FOREIGN_TRAVEL))

    assert (duties(date(2004, 5, 9)), duties(date(2004, 5, 10))) == (0, 1)
