"""Notification of a release (SOA 2003 s.84(1)(d)): "within the period of 3 days beginning
with ... his release from custody pursuant to an order of a court or from imprisonment, service
detention or detention in a hospital", notify "the fact that he has been released"; time
detained is not counted (s.84(5), s.83(6)). The fact each duty cites, its reasons in full under
both readings of which notification answers it (``Policy.release_notified_by_attendance``), and
the assessments the engine makes to find the flags.

Each case is worked by hand from the statute in its comment. The day of release counts as a day
at liberty under the default reading of a day partly away (``partial_days``
liberty_at_end_of_day), so the 3 days beginning with a release on the 10th are the 10th, 11th
and 12th.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessments_made import counting
from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind, DutyState
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.model import Case, Detention, Notification, Person, Trigger
from sexoffender_rules.policy import Policy

PERSON = Person(reference="FICTIONAL-0981", date_of_birth=date(1979, 6, 2))
# Cautioned on Monday 5 January 2026 as an adult: subject for 2 years (s.82(1)), to
# 4 January 2028; the initial notification is given the same day.
CAUTION = Trigger(id="t1", kind="caution", date=date(2026, 1, 5))
INITIAL = Notification(id="n1", date=date(2026, 1, 5), kind="initial")
# Remanded from Monday 2 March 2026, released on Tuesday 10 March.
REMAND = Detention(kind="remand", start=date(2026, 3, 2), end=date(2026, 3, 10))
WINDOW = (
    "ew.s84.release",
    "Release: 3 days beginning with 2026-03-10 end on 2026-03-12.",
    ("detentions[0]",),
    (("deadline", date(2026, 3, 12)),),
    ("partial_days=liberty_at_end_of_day",),
)
BY_ATTENDANCE = "Answered by any notification given in person on or after the release."
BY_RECORD = "Answered by a notification that records the release."


def said(duty: Duty) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


def case(*notifications: Notification, detentions: tuple[Detention, ...] = (REMAND,)) -> Case:
    return Case(
        person=PERSON,
        triggers=(CAUTION,),
        detentions=detentions,
        notifications=(INITIAL, *notifications),
    )


def releases(case_: Case, as_of: date, policy: Policy | None = None) -> tuple[Duty, ...]:
    return assess(case_, as_of, policy).duties_of(DutyKind.RELEASE)


@pytest.mark.parametrize(("by_attendance", "answered"), [(True, BY_ATTENDANCE), (False, BY_RECORD)])
def test_the_first_notification_after_release_records_it_so_no_reading_is_named(
    by_attendance: bool, answered: str
) -> None:
    # Released 10 March 2026: notify by 12 March. A change notification of 11 March records the
    # release: it is both the first notification after the release and the first that records
    # it, so it answers the duty under either reading, and the reading is not named.
    notified = Notification(id="n2", date=date(2026, 3, 11), kind="change", release=True)
    result = assess(
        case(notified), date(2026, 3, 20), Policy(release_notified_by_attendance=by_attendance)
    )
    [duty] = result.duties_of(DutyKind.RELEASE)
    assert (duty.fact, duty.trigger_date, duty.deadline) == (
        "detentions[0]",
        date(2026, 3, 10),
        date(2026, 3, 12),
    )
    assert (duty.state, duty.discharged_by) == (DutyState.MET, "n2")
    assert said(duty) == [WINDOW, ("ew.s84.release", answered, (), (), ())]
    assert result.flags == ()


def test_a_notification_in_person_before_the_one_that_records_the_release() -> None:
    # Released 10 March 2026: notify by 12 March. A change notification of 11 March (in person,
    # s.87(1)) does not record the release; one of 14 March does. By attendance (the default)
    # the first answers the duty on time; under the other reading only the second does, late.
    # The reading is named, and the result depends on it.
    attended = Notification(id="n2", date=date(2026, 3, 11), kind="change")
    recorded = Notification(id="n3", date=date(2026, 3, 14), kind="change", release=True)
    default = assess(case(attended, recorded), date(2026, 3, 20))
    [duty] = default.duties_of(DutyKind.RELEASE)
    assert (duty.state, duty.discharged_by) == (DutyState.MET, "n2")
    assert said(duty) == [
        WINDOW,
        ("ew.s84.release", BY_ATTENDANCE, (), (), ("release_notified_by_attendance=true",)),
    ]
    assert default.flags == (
        "The result depends on the reading release_notified_by_attendance=true: under "
        "release_notified_by_attendance=false the release duty from 2026-03-10 is met_late, "
        "due by 2026-03-12. Check by hand.",
    )
    strict = assess(
        case(attended, recorded), date(2026, 3, 20), Policy(release_notified_by_attendance=False)
    )
    [duty] = strict.duties_of(DutyKind.RELEASE)
    assert (duty.state, duty.discharged_by) == (DutyState.MET_LATE, "n3")
    assert said(duty)[:2] == [
        WINDOW,
        ("ew.s84.release", BY_RECORD, (), (), ("release_notified_by_attendance=false",)),
    ]
    assert (
        "The result depends on the reading release_notified_by_attendance=false: under "
        "release_notified_by_attendance=true the release duty from 2026-03-10 is met, due by "
        "2026-03-12. Check by hand." in strict.flags
    )


def test_a_release_before_the_person_was_subject_gives_no_duty_and_a_later_one_does() -> None:
    # Remanded 1-20 December 2025, before the caution of 5 January 2026: that release is not a
    # relevant offender's (s.84(1)), so no duty. The release of 10 March 2026 (detentions[1])
    # gives one, due by 12 March, met by the notification of 12 March.
    earlier = Detention(kind="remand", start=date(2025, 12, 1), end=date(2025, 12, 20))
    notified = Notification(id="n2", date=date(2026, 3, 12), kind="change", release=True)
    [duty] = releases(case(notified, detentions=(earlier, REMAND)), date(2026, 3, 20))
    assert (duty.fact, duty.trigger_date, duty.deadline, duty.discharged_by) == (
        "detentions[1]",
        date(2026, 3, 10),
        date(2026, 3, 12),
        "n2",
    )


def test_a_transfer_to_hospital_is_not_a_release_and_the_detention_begun_first_is_cited() -> None:
    # Remanded 2-6 March 2026 and taken to hospital on 6 March until 10 March: the detentions
    # follow one another at once, so the person is released once, on 10 March (s.84(1)(d): a
    # release "from ... detention in a hospital"), due by 12 March. Two detentions listed in the
    # other order both end on 10 March: the one that began first (2 March) is cited, whatever
    # the order they are listed in.
    remand = Detention(kind="remand", start=date(2026, 3, 2), end=date(2026, 3, 6))
    hospital = Detention(kind="hospital", start=date(2026, 3, 6), end=date(2026, 3, 10))
    [duty] = releases(case(detentions=(remand, hospital)), date(2026, 3, 20))
    assert (duty.fact, duty.trigger_date, duty.deadline) == (
        "detentions[1]",
        date(2026, 3, 10),
        date(2026, 3, 12),
    )
    began_later = Detention(kind="hospital", start=date(2026, 3, 5), end=date(2026, 3, 10))
    [duty] = releases(case(detentions=(began_later, REMAND)), date(2026, 3, 20))
    assert (duty.fact, duty.trigger_date) == ("detentions[1]", date(2026, 3, 10))


def test_a_release_whose_3_days_end_after_the_requirements_is_assessed_once() -> None:
    # Remanded from 20 December 2027, released on Monday 3 January 2028; the requirements end
    # with 4 January 2028 (2 years beginning with 5 January 2026). The 3 days beginning with the
    # release end on 5 January (or 6 January if the day of release is not counted), after the
    # requirements end: no notification is required under either reading of a day partly
    # away. A change notification of 4 January does not record the release: which notification
    # answers the duty is a reading too, and it changes nothing either. Each reading's answer
    # is given by the duty (its alternatives), so the case is assessed once, and not flagged.
    late = Detention(kind="remand", start=date(2027, 12, 20), end=date(2028, 1, 3))
    attended = Notification(id="n2", date=date(2028, 1, 4), kind="change")
    ruleset, calls = counting(ENGLAND_AND_WALES)
    result = assess(case(attended, detentions=(late,)), date(2028, 1, 10), ruleset=ruleset)
    [duty] = result.duties_of(DutyKind.RELEASE)
    assert (duty.state, duty.discharged_by, duty.deadline) == (
        DutyState.NOT_REQUIRED,
        None,
        date(2028, 1, 5),
    )
    named = {x for reason in duty.reasons for x in reason.readings}
    assert named == {"partial_days=liberty_at_end_of_day", "release_notified_by_attendance=true"}
    assert result.flags == ()
    assert calls == [date(2028, 1, 10)]
