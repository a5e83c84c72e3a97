"""Travel: a change of notified details (24 hours before departure) and the return (3 days).

Worked by hand: caution Mon 2026-01-05 (adult, 2 years); initial notification 2026-01-06; a trip
leaving Sat 2026-06-20, notified 2026-06-01 (7 days ahead: due by 2026-06-13).
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from sexoffender_rules import (
    ENGLAND_AND_WALES,
    AbsenceAbroad,
    Case,
    CaseValidationError,
    DutyKind,
    DutyState,
    Notification,
    Person,
    Trigger,
    assess,
)
from sexoffender_rules.documents import case_from_data, case_to_data


def _case(absence: AbsenceAbroad, *notifications: Notification) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0257", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        absences_abroad=(absence,),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 6), kind="initial"),
            *notifications,
        ),
    )


def _travel(id_: str, on: date, **details: object) -> Notification:
    return Notification(id=id_, date=on, kind="travel", departure=date(2026, 6, 20), **details)


TRIP = AbsenceAbroad(start=date(2026, 6, 20), end=date(2026, 6, 27))
AS_OF = date(2026, 7, 15)


@pytest.mark.parametrize(
    ("clock", "deadline"),
    [
        # 24 hours before 10:00 BST on 20 June is 10:00 BST on 19 June.
        ("10:00", date(2026, 6, 19)),
        # 24 hours before 00:30 BST on 20 June is 00:30 BST on 19 June.
        ("00:30", date(2026, 6, 19)),
        # No time given: 00:00 on 20 June, so 00:00 on 19 June.
        (None, date(2026, 6, 19)),
    ],
)
def test_change_deadline_is_24_hours_before_departure(clock: str | None, deadline: date) -> None:
    case = _case(
        attrs.evolve(TRIP, details_changed=date(2026, 6, 15)),
        _travel("n2", date(2026, 6, 1), departure_time=clock, expected_return=date(2026, 6, 27)),
    )
    [duty] = assess(case, AS_OF).duties_of(DutyKind.TRAVEL_CHANGE)
    assert (duty.trigger_date, duty.deadline) == (date(2026, 6, 15), deadline)
    # The notification before the change does not answer it: overdue from the next day.
    assert duty.state is DutyState.OVERDUE
    assert duty.breach is not None
    assert duty.breach.start == date(2026, 6, 20)


def test_change_across_the_october_clock_change() -> None:
    # Departure Sun 2026-10-25 at 09:00 GMT (clocks went back at 02:00 BST that morning) =
    # 09:00 UTC; 24 hours earlier is 09:00 UTC on 24 October = 10:00 BST: due by 24 October.
    # Departure at 00:30 BST on 25 October (before the change) = 23:30 UTC on 24 October; 24 hours
    # earlier is 23:30 UTC on 23 October = 00:30 BST on 24 October: due by 24 October as well.
    trip = AbsenceAbroad(
        start=date(2026, 10, 25), end=date(2026, 10, 27), details_changed=date(2026, 10, 20)
    )
    for clock in ("09:00", "00:30"):
        case = _case(
            trip,
            Notification(
                id="n2",
                date=date(2026, 10, 1),
                kind="travel",
                departure=date(2026, 10, 25),
                departure_time=clock,
                expected_return=date(2026, 10, 27),
            ),
        )
        [duty] = assess(case, date(2026, 11, 1)).duties_of(DutyKind.TRAVEL_CHANGE)
        assert duty.deadline == date(2026, 10, 24), clock


def test_a_fresh_notification_on_or_after_the_change_answers_it() -> None:
    case = _case(
        attrs.evolve(TRIP, details_changed=date(2026, 6, 15)),
        _travel("n2", date(2026, 6, 1), expected_return=date(2026, 6, 25)),
        _travel("n3", date(2026, 6, 15), expected_return=date(2026, 6, 27)),
    )
    result = assess(case, AS_OF)
    [change] = result.duties_of(DutyKind.TRAVEL_CHANGE)
    assert (change.state, change.discharged_by) == (DutyState.MET, "n3")
    [travel] = result.duties_of(DutyKind.FOREIGN_TRAVEL)
    assert (travel.state, travel.discharged_by) == (DutyState.MET, "n2")
    # n3 gave the return that happened: no return duty.
    assert result.duties_of(DutyKind.TRAVEL_RETURN) == ()


def test_a_change_after_the_last_moment_for_notice_gives_no_duty() -> None:
    # Changed on the day of departure (00:00 departure: the 24-hour point was 19 June).
    case = _case(
        attrs.evolve(TRIP, details_changed=date(2026, 6, 20)),
        _travel("n2", date(2026, 6, 1), expected_return=date(2026, 6, 27)),
    )
    assert assess(case, AS_OF).duties_of(DutyKind.TRAVEL_CHANGE) == ()


@pytest.mark.parametrize(
    ("notified_return", "due"),
    [
        (None, True),  # not notified in advance
        (date(2026, 6, 25), True),  # differs: came back later
        (date(2026, 6, 28), True),  # differs: came back earlier
        (date(2026, 6, 27), False),  # as notified
    ],
)
def test_return_duty_arises_unless_notified_as_it_happened(
    notified_return: date | None, due: bool
) -> None:
    case = _case(TRIP, _travel("n2", date(2026, 6, 1), expected_return=notified_return))
    duties = assess(case, AS_OF).duties_of(DutyKind.TRAVEL_RETURN)
    assert len(duties) == int(due)
    if due:
        # 3 days beginning with Sat 27 June: 27, 28, 29 June.
        assert (duties[0].trigger_date, duties[0].deadline) == (
            date(2026, 6, 27),
            date(2026, 6, 29),
        )


def test_the_last_notification_before_departure_gives_the_notified_return() -> None:
    # n3 (after departure) cannot notify the return in advance; n2 is the last before leaving.
    case = _case(
        TRIP,
        _travel("n2", date(2026, 6, 1), expected_return=date(2026, 6, 25)),
        _travel("n3", date(2026, 6, 22), expected_return=date(2026, 6, 27)),
    )
    [duty] = assess(case, AS_OF).duties_of(DutyKind.TRAVEL_RETURN)
    assert duty.state is DutyState.OVERDUE


def test_a_return_notification_answers_the_return_and_only_its_trip() -> None:
    other_trip = Notification(
        id="r1", date=date(2026, 6, 28), kind="return", departure=date(2026, 5, 1)
    )
    this_trip = Notification(
        id="r2", date=date(2026, 6, 30), kind="return", departure=date(2026, 6, 20)
    )
    case = _case(TRIP, _travel("n2", date(2026, 6, 1)), other_trip, this_trip)
    [duty] = assess(case, AS_OF).duties_of(DutyKind.TRAVEL_RETURN)
    assert (duty.state, duty.discharged_by) == (DutyState.MET_LATE, "r2")
    assert duty.breach is not None
    assert duty.breach.start == date(2026, 6, 30)


def test_no_return_duty_while_still_abroad_or_for_a_trip_not_notifiable() -> None:
    abroad = attrs.evolve(TRIP, end=None)
    assert assess(_case(abroad), AS_OF).duties_of(DutyKind.TRAVEL_RETURN) == ()
    # A 2-day trip in 2011 was not notifiable: no duty of any kind for it.
    old = Case(
        person=Person(reference="FICTIONAL-0258", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2011, 1, 10)),),
        absences_abroad=(AbsenceAbroad(start=date(2011, 6, 20), end=date(2011, 6, 21)),),
    )
    kinds = {d.kind for d in assess(old, date(2011, 7, 1)).duties}
    assert not kinds & {DutyKind.FOREIGN_TRAVEL, DutyKind.TRAVEL_RETURN}


def test_the_figures_are_parameters() -> None:
    longer = ENGLAND_AND_WALES.derive(
        name="longer notice",
        parameters={"travel_change_hours": 48, "travel_return_days": 7, "travel_notice_days": 14},
    )
    case = _case(
        attrs.evolve(TRIP, details_changed=date(2026, 6, 10)),
        _travel("n2", date(2026, 6, 1)),
    )
    result = assess(case, AS_OF, ruleset=longer)
    [travel] = result.duties_of(DutyKind.FOREIGN_TRAVEL)
    [change] = result.duties_of(DutyKind.TRAVEL_CHANGE)
    [back] = result.duties_of(DutyKind.TRAVEL_RETURN)
    # 14 days before 20 June; 48 hours before 00:00 on 20 June; 7 days beginning with 27 June.
    assert (travel.deadline, change.deadline, back.deadline) == (
        date(2026, 6, 6),
        date(2026, 6, 18),
        date(2026, 7, 3),
    )


def test_return_and_change_facts_are_validated_and_round_trip() -> None:
    with pytest.raises(CaseValidationError, match=r"notifications\[1\]\.departure: required"):
        _case(TRIP, Notification(id="r", date=date(2026, 6, 28), kind="return"))
    with pytest.raises(CaseValidationError, match=r"notifications\[1\]\.expected_return: only"):
        _case(
            TRIP,
            Notification(
                id="r",
                date=date(2026, 6, 28),
                kind="return",
                departure=date(2026, 6, 20),
                expected_return=date(2026, 6, 27),
            ),
        )
    with pytest.raises(CaseValidationError, match=r"absences_abroad\[0\]\.details_changed"):
        _case(attrs.evolve(TRIP, details_changed=date(2026, 6, 21)))
    case = _case(
        attrs.evolve(TRIP, details_changed=date(2026, 6, 15)),
        Notification(id="r", date=date(2026, 6, 28), kind="return", departure=date(2026, 6, 20)),
    )
    assert case_from_data(case_to_data(case)) == case
