"""Travel outside the United Kingdom (SOA 2003 s.86; SI 2004/1220 as amended by SI 2012/1876)
at the edges of its rules: the first day every trip is notifiable (13 August 2012), the 8 days of
reg 3(2) of 2004, the length of a trip still under way, becoming subject exactly 7 days before
departure, a departure on the assessment date, a trip before the person was subject, a change of
details on the last day for notice or across the spring clock change, and a return on the
assessment date. Every date is worked by hand in the comment above it.
"""

from __future__ import annotations

from datetime import date

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind, DutyState
from sexoffender_rules.england_and_wales.travel import _as_amended
from sexoffender_rules.law import Citation
from sexoffender_rules.model import AbsenceAbroad, Case, Notification, Person, Trigger

PERSON = Person(reference="FICTIONAL-0966", date_of_birth=date(1980, 1, 1))


def case(
    cautioned: date, *trips: AbsenceAbroad, notifications: tuple[Notification, ...] = ()
) -> Case:
    """Cautioned on ``cautioned`` (an adult: 2 years, s.82(1)) and notified that day."""
    return Case(
        person=PERSON,
        triggers=(Trigger(id="t1", kind="caution", date=cautioned),),
        absences_abroad=trips,
        notifications=(
            Notification(id="n1", date=cautioned, kind="initial"),
            *notifications,
        ),
    )


def travel(on: date, departure: date, **details: object) -> Notification:
    return Notification(id="n2", date=on, kind="travel", departure=departure, **details)  # type: ignore[arg-type]


def rules(found: Duty) -> list[str]:
    """The travel rules (s.86) ``found`` gives reasons under, in order."""
    return [r.rule_id for r in found.reasons if r.rule_id.startswith("ew.s86.")]


def duties(of: Case, as_of: date, kind: DutyKind) -> tuple[Duty, ...]:
    return assess(of, as_of).duties_of(kind)


def test_a_two_day_trip_leaving_on_13_august_2012_is_notifiable_with_12_hours_late() -> None:
    # From 13 August 2012 every trip is notifiable, that day included. Details not known 7 days
    # ahead: 12 hours (not the earlier 24) before 13:00 BST on 13 August is 01:00 BST that day,
    # so a notification on 13 August is in time.
    trip = AbsenceAbroad(start=date(2012, 8, 13), end=date(2012, 8, 14), details_known_late=True)
    notified = travel(date(2012, 8, 13), date(2012, 8, 13), departure_time="13:00")
    [found] = duties(
        case(date(2012, 1, 9), trip, notifications=(notified,)),
        date(2012, 9, 3),
        DutyKind.FOREIGN_TRAVEL,
    )
    assert (found.deadline, found.state) == (date(2012, 8, 13), DutyState.MET)
    assert rules(found) == ["ew.s86.travel", "ew.s86.travel-late-details", "ew.s86.travel"]


def test_a_trip_of_8_days_leaving_by_9_may_2004_is_notifiable_one_of_7_is_not() -> None:
    # reg 3(2) of 2004: a trip of less than 8 days leaving on or before 9 May 2004 need not be
    # notified. Leaving 5 May and back 12 May is 8 days counting both: notifiable. Cautioned on
    # 3 May, fewer than 7 days before: due 24 hours before 00:00 on 5 May, by 4 May.
    eight = AbsenceAbroad(start=date(2004, 5, 5), end=date(2004, 5, 12))
    [found] = duties(case(date(2004, 5, 3), eight), date(2004, 6, 1), DutyKind.FOREIGN_TRAVEL)
    assert found.deadline == date(2004, 5, 4)
    assert rules(found) == ["ew.s86.travel-3-days", "ew.s86.travel-late-details-24-hours"]
    seven = AbsenceAbroad(start=date(2004, 5, 5), end=date(2004, 5, 11))
    assert duties(case(date(2004, 5, 3), seven), date(2004, 6, 1), DutyKind.FOREIGN_TRAVEL) == ()


def test_a_trip_under_way_before_2012_is_as_long_as_its_expected_return() -> None:
    # Leaving 6 June 2011, expected back 10 June, still abroad on 6 June: 5 days counting both,
    # so notifiable (3 days or more); 7 days before 6 June is 30 May.
    trip = AbsenceAbroad(start=date(2011, 6, 6), expected_return=date(2011, 6, 10))
    [found] = duties(case(date(2011, 1, 10), trip), date(2011, 6, 6), DutyKind.FOREIGN_TRAVEL)
    assert found.deadline == date(2011, 5, 30)


def test_a_trip_back_earlier_than_expected_is_as_long_as_it_was() -> None:
    # The documented reading (ew.s86.travel-3-days): the return recorded counts before the one
    # expected. Leaving 6 June 2011 and back on 7 June (2 days), though expected back on 12 June:
    # under 3 days, not notifiable; assessed on the day of return.
    trip = AbsenceAbroad(
        start=date(2011, 6, 6), end=date(2011, 6, 7), expected_return=date(2011, 6, 12)
    )
    assert duties(case(date(2011, 1, 10), trip), date(2011, 6, 7), DutyKind.FOREIGN_TRAVEL) == ()


def test_subject_exactly_7_days_before_departure_the_7_day_rule_applies() -> None:
    # Cautioned on Saturday 13 June 2026, 7 days before a departure on 20 June: not "fewer than
    # 7 days", so due not less than 7 days before departure, by 13 June (the day cautioned).
    trip = AbsenceAbroad(start=date(2026, 6, 20), end=date(2026, 6, 27))
    [found] = duties(case(date(2026, 6, 13), trip), date(2026, 7, 1), DutyKind.FOREIGN_TRAVEL)
    assert found.deadline == date(2026, 6, 13)
    assert rules(found) == ["ew.s86.travel", "ew.s86.travel"]


def test_a_trip_leaving_on_the_assessment_date_is_assessed() -> None:
    # Leaving on 20 June 2026, assessed that day, not notified: due by 13 June, overdue.
    trip = AbsenceAbroad(start=date(2026, 6, 20))
    [found] = duties(case(date(2026, 1, 5), trip), date(2026, 6, 20), DutyKind.FOREIGN_TRAVEL)
    assert (found.deadline, found.state) == (date(2026, 6, 13), DutyState.OVERDUE)


def test_a_trip_before_the_person_was_subject_gives_no_duty_and_does_not_stop_the_next() -> None:
    # A trip in December 2025, before the caution of 5 January 2026, gives no duty; the trip
    # leaving 20 June 2026 does (due by 13 June).
    before = AbsenceAbroad(start=date(2025, 12, 1), end=date(2025, 12, 5))
    later = AbsenceAbroad(start=date(2026, 6, 20), end=date(2026, 6, 27))
    found = duties(case(date(2026, 1, 5), before, later), date(2026, 7, 1), DutyKind.FOREIGN_TRAVEL)
    assert [(d.fact, d.deadline) for d in found] == [("absences_abroad[1]", date(2026, 6, 13))]


def test_a_change_on_the_last_day_for_24_hours_notice_gives_a_duty() -> None:
    # Leaving at 00:00 on 20 June 2026 (no time given): 24 hours before is 00:00 on 19 June, so
    # notice is due by 19 June, and a change that day can still be notified that day (notifications
    # record dates: ew.s86.travel-change, documented reading). Not notified: overdue.
    trip = AbsenceAbroad(
        start=date(2026, 6, 20), end=date(2026, 6, 27), details_changed=date(2026, 6, 19)
    )
    notified = travel(date(2026, 6, 1), date(2026, 6, 20), expected_return=date(2026, 6, 27))
    [found] = duties(
        case(date(2026, 1, 5), trip, notifications=(notified,)),
        date(2026, 7, 1),
        DutyKind.TRAVEL_CHANGE,
    )
    assert (found.trigger_date, found.deadline, found.state) == (
        date(2026, 6, 19),
        date(2026, 6, 19),
        DutyState.OVERDUE,
    )


def test_a_change_is_timed_from_the_departure_time_first_notified_across_the_clock_change() -> None:
    # Leaving at 01:30 BST on Monday 30 March 2026, as notified on 2 March; the details changed on
    # 25 March, and no fresh notification gives a time. 01:30 BST on 30 March is 00:30 UTC; 24
    # hours earlier is 00:30 UTC on 29 March, 00:30 GMT (the clocks went forward at 01:00 GMT
    # that day): due by 29 March. (From 00:00 on 30 March it would have been 28 March.)
    trip = AbsenceAbroad(
        start=date(2026, 3, 30), end=date(2026, 4, 2), details_changed=date(2026, 3, 25)
    )
    notified = travel(
        date(2026, 3, 2),
        date(2026, 3, 30),
        departure_time="01:30",
        expected_return=date(2026, 4, 2),
    )
    [found] = duties(
        case(date(2026, 1, 5), trip, notifications=(notified,)),
        date(2026, 4, 6),
        DutyKind.TRAVEL_CHANGE,
    )
    assert (found.deadline, found.state) == (date(2026, 3, 29), DutyState.OVERDUE)


def test_a_change_to_a_trip_whose_notification_is_not_recorded_counts_from_midnight() -> None:
    # A change of details recorded on 15 June for a trip leaving 20 June whose travel
    # notification is not in the record: no departure time is known, so 24 hours before 00:00
    # on 20 June, by 19 June.
    trip = AbsenceAbroad(
        start=date(2026, 6, 20), end=date(2026, 6, 27), details_changed=date(2026, 6, 15)
    )
    [found] = duties(case(date(2026, 1, 5), trip), date(2026, 7, 1), DutyKind.TRAVEL_CHANGE)
    assert (found.deadline, found.discharged_by) == (date(2026, 6, 19), None)


def test_a_return_on_the_assessment_date_is_due_within_3_days() -> None:
    # Back on Saturday 27 June 2026, not notified in advance, assessed that day: 3 days
    # beginning with 27 June end on 29 June; still open.
    trip = AbsenceAbroad(start=date(2026, 6, 20), end=date(2026, 6, 27))
    [found] = duties(case(date(2026, 1, 5), trip), date(2026, 6, 27), DutyKind.TRAVEL_RETURN)
    assert (found.trigger_date, found.deadline, found.state) == (
        date(2026, 6, 27),
        date(2026, 6, 29),
        DutyState.OPEN,
    )


def test_the_citation_of_the_regulations_as_amended() -> None:
    # Built afresh: the rules' own citations are made when the module is imported.
    cited = _as_amended("notification of return (regulation not seen)")
    assert cited == Citation(
        instrument="SI 2004/1220 (Sexual Offences Act 2003 (Travel Notification Requirements) "
        "Regulations 2004) as amended",
        provision="notification of return (regulation not seen)",
        checked=date(2026, 12, 2),
        source=cited.source,
    )
    assert cited.source.startswith("regulations' text not seen. Nacro,")
