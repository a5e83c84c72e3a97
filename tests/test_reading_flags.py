"""An assessment flags every result that depends on a reading the statute leaves open.

Each expectation is worked by hand from the statute; the flag must appear exactly where the other
reading gives a different answer, and name both readings.
"""

from __future__ import annotations

from datetime import date

from sexoffender_rules import (
    Detention,
    FailureAfterRequirementsEnd,
    Notification,
    Person,
    Policy,
    Trigger,
    assess,
)
from sexoffender_rules.model import Case


def person(ref: str) -> Person:
    return Person(reference=ref, date_of_birth=date(1980, 1, 1))


def test_a_period_beginning_with_29_february_is_flagged() -> None:
    # Adult cautioned 29 Feb 2020: 2 years beginning with it. The anniversary in 2022 is 1 Mar
    # (leap_day=next_day), so the period ends 28 Feb 2022; under previous_day the anniversary is
    # 28 Feb and the period ends 27 Feb 2022.
    case = Case(
        person=person("FICTIONAL-0162"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2020, 2, 29)),),
        notifications=(Notification(id="n1", date=date(2020, 2, 29), kind="initial"),),
    )
    result = assess(case, date(2020, 3, 10))
    assert result.registration.end == date(2022, 2, 28)
    flags = [f for f in result.flags if "leap_day" in f]
    assert len(flags) == 1, result.flags
    assert "leap_day=next_day" in flags[0]
    assert "leap_day=previous_day the requirements end 2022-02-27" in flags[0]
    # The whole flags, worded in full. The periodic duty runs from the notification of 29 Feb
    # 2020 and is due within one year after it (s.85(1)): 2021 has no 29 Feb, so under
    # corresponding_date=previous_day (the default) it is due by 28 Feb 2021, under next_day by
    # 1 Mar 2021; still open on 10 Mar 2020, its deadline matters. The headline is compliant
    # either way, so the flags name nothing more.
    assert result.flags == (
        "The result depends on the reading leap_day=next_day: under leap_day=previous_day the "
        "requirements end 2022-02-27. Check by hand.",
        "The result depends on the reading corresponding_date=previous_day: under "
        "corresponding_date=next_day the periodic duty from 2020-02-29 is open, due by "
        "2021-03-01. Check by hand.",
    )


def test_no_flag_where_no_reading_is_relied_on() -> None:
    case = Case(
        person=person("FICTIONAL-0163"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2020, 3, 2)),),
        notifications=(Notification(id="n1", date=date(2020, 3, 2), kind="initial"),),
    )
    assert assess(case, date(2020, 3, 10)).flags == ()


def test_a_reading_named_but_giving_the_same_answer_is_not_flagged() -> None:
    # Remanded 1-20 Feb 2026 (released on Fri 20 Feb), then a change notification recording the
    # release on 20 Feb itself. Release duty: 3 days beginning with 20 Feb. Under
    # partial_days=liberty_at_end_of_day the release day counts: 20, 21, 22 -> 22 Feb; under
    # whole_day_at_liberty it does not: 21, 22, 23 -> 23 Feb. Met on 20 Feb either way: the
    # settled duty does not turn on the day it was due, so no flag. Nor does
    # release_notified_by_attendance matter: the notification records the release.
    case = Case(
        person=person("FICTIONAL-0164"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="n2", date=date(2026, 2, 20), kind="change", release=True),
        ),
    )
    result = assess(case, date(2026, 3, 1))
    release = [d for d in result.duties if d.kind.value == "release"]
    assert [(d.deadline, d.state.value) for d in release] == [(date(2026, 2, 22), "met")]
    assert result.flags == (), result.flags


def test_a_partial_day_that_turns_a_late_notification_into_a_met_one_is_flagged() -> None:
    # As above, but the release is recorded on Mon 23 Feb: due by 22 Feb under the default
    # reading (met late, breach 23 Feb), by 23 Feb under whole_day_at_liberty (met).
    case = Case(
        person=person("FICTIONAL-0168"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="n2", date=date(2026, 2, 23), kind="change", release=True),
        ),
    )
    result = assess(case, date(2026, 3, 1))
    (release,) = [d for d in result.duties if d.kind.value == "release"]
    assert (release.deadline, release.state.value) == (date(2026, 2, 22), "met_late")
    flags = [f for f in result.flags if "partial_days=liberty_at_end_of_day" in f]
    assert len(flags) == 1, result.flags
    assert (
        "under partial_days=whole_day_at_liberty the release duty from 2026-02-20 is met"
        in (flags[0])
    )


def test_a_release_answered_only_by_attendance_is_flagged() -> None:
    # As above, but the notification of 21 Feb does not record the release: it answers the
    # release duty only under release_notified_by_attendance=true (the default).
    case = Case(
        person=person("FICTIONAL-0165"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="n2", date=date(2026, 2, 21), kind="change"),
        ),
    )
    result = assess(case, date(2026, 3, 1))
    flags = [f for f in result.flags if "release_notified_by_attendance" in f]
    assert len(flags) == 1, result.flags
    # Under the other reading the release duty (deadline 22 Feb) is unanswered on 1 Mar.
    assert "the release duty from 2026-02-20 is overdue" in flags[0]
    assert "the headline is in_breach" in flags[0]
    assert result.flags == (
        "The result depends on the reading release_notified_by_attendance=true: under "
        "release_notified_by_attendance=false the release duty from 2026-02-20 is overdue, due "
        "by 2026-02-22; the headline is in_breach. Check by hand.",
    )
    # Under release_notified_by_attendance=false the flag names the readings the other way
    # round (a boolean reading has one other value). The duty is then overdue, and the day it
    # was due decides the breach: under partial_days=whole_day_at_liberty the day of release does
    # not count, so it was due by 23 Feb (21, 22, 23), in breach from 24 Feb, not 23 Feb.
    other = assess(case, date(2026, 3, 1), Policy(release_notified_by_attendance=False))
    assert other.flags == (
        "The result depends on the reading partial_days=liberty_at_end_of_day: under "
        "partial_days=whole_day_at_liberty the release duty from 2026-02-20 is overdue, due by "
        "2026-02-23. Check by hand.",
        "The result depends on the reading release_notified_by_attendance=false: under "
        "release_notified_by_attendance=true the release duty from 2026-02-20 is met, due by "
        "2026-02-22; the headline is compliant. Check by hand.",
    )


def test_the_last_day_reading_is_flagged_both_ways() -> None:
    # Caution 10 Jan 2025 (2 years, ending 9 Jan 2027); notified 10 Jan 2025 and 9 Jan 2026:
    # the next periodic deadline is 9 Jan 2027, the last day of the period.
    case = Case(
        person=person("FICTIONAL-0166"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2025, 1, 10)),),
        notifications=(
            Notification(id="n1", date=date(2025, 1, 10), kind="initial"),
            Notification(id="n2", date=date(2026, 1, 9), kind="periodic"),
        ),
    )
    default = assess(case, date(2027, 2, 1))
    assert any("failure_after_requirements_end=one_day" in f for f in default.flags)
    assert any("is not_required" in f for f in default.flags), default.flags
    other = assess(
        case,
        date(2027, 2, 1),
        Policy(failure_after_requirements_end=FailureAfterRequirementsEnd.NO_FAILURE),
    )
    assert any("failure_after_requirements_end=no_failure" in f for f in other.flags)
    assert any("is overdue" in f for f in other.flags), other.flags
