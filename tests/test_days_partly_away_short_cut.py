"""A day partly spent away in the 3 days for a notification (SOA 2003 s.83(1), (6); s.84(1),
(4)): whether the day of release counts is a reading of the law (``Policy.partial_days``). Each
window says what its deadline would be under the other reading, so the engine can tell whether
the result depends on the reading by settling the duty again, without assessing the whole case
a second time (``Ruleset.local_readings``); these tests count the assessments made.
"""

from __future__ import annotations

from datetime import date

from assessments_made import counting
from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.law import Ruleset
from sexoffender_rules.model import Case, Detention, Notification, Person, Trigger
from sexoffender_rules.policy import PartialDays, Policy

PERSON = Person(reference="FICTIONAL-0963", date_of_birth=date(1984, 5, 17))


def released(notified: date) -> Case:
    """Cautioned on Monday 5 January 2026 and notified that day; remanded from Monday 2 March;
    released on Tuesday 10 March 2026, the release notified on ``notified``.

    Under liberty_at_end_of_day (the default) the day of release counts: the 3 days beginning
    with it are the 10th, 11th and 12th, so the release is to be notified by 12 March. Under
    whole_day_at_liberty it does not: the 11th, 12th and 13th, by 13 March.
    """
    return Case(
        person=PERSON,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        detentions=(Detention(kind="remand", start=date(2026, 3, 2), end=date(2026, 3, 10)),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="n2", date=notified, kind="change", release=True),
        ),
    )


def release_duty(
    case: Case, ruleset: Ruleset, policy: Policy | None = None
) -> tuple[date | None, DutyState, bool, tuple[str, ...]]:
    """The release duty's deadline and state, whether its reasons name the reading of a day
    partly away, and the assessment's flags."""
    result = assess(case, date(2026, 3, 20), policy, ruleset=ruleset)
    [duty] = [d for d in result.duties if d.trigger_date == date(2026, 3, 10)]
    named = any(r.startswith("partial_days=") for reason in duty.reasons for r in reason.readings)
    return duty.deadline, duty.state, named, result.flags


def test_notified_by_both_deadlines_the_case_is_assessed_once_and_nothing_is_flagged() -> None:
    # Notified on 12 March: within the 3 days under either reading, so the duty is met either
    # way; its window says so, and the case is not assessed again.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    assert release_duty(released(date(2026, 3, 12)), ruleset) == (
        date(2026, 3, 12),
        DutyState.MET,
        True,
        (),
    )
    assert calls == [date(2026, 3, 20)]


def test_notified_between_the_deadlines_the_duty_met_late_is_flagged() -> None:
    # Notified on 13 March: late under the default reading (due 12 March), on time under
    # whole_day_at_liberty (due 13 March). The window's other deadline settles differently, so
    # the case is assessed again under the other reading to say what differs.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    deadline, _, named, flags = release_duty(released(date(2026, 3, 13)), ruleset)
    assert (deadline, named) == (date(2026, 3, 12), True)
    assert len(calls) == 2
    assert [f.split(":")[0] for f in flags] == [
        "The result depends on the reading partial_days=liberty_at_end_of_day"
    ]


def test_under_the_stricter_reading_the_other_deadline_is_earlier_and_is_flagged() -> None:
    # The policy reads the day of release as away (whole_day_at_liberty): due by 13 March, and
    # notified on 13 March, met. Under the other reading, liberty_at_end_of_day, it was due by
    # 12 March and met late: the window says so, and the result is flagged.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    policy = Policy(partial_days=PartialDays.WHOLE_DAY_AT_LIBERTY)
    deadline, state, named, flags = release_duty(released(date(2026, 3, 13)), ruleset, policy)
    assert (deadline, state, named) == (date(2026, 3, 13), DutyState.MET, True)
    assert len(calls) == 2
    assert [f.split(":")[0] for f in flags] == [
        "The result depends on the reading partial_days=whole_day_at_liberty"
    ]


def test_still_remanded_the_deadline_is_not_fixed_under_either_reading() -> None:
    # Cautioned on Friday 6 March 2026 and remanded from Saturday 7 March; on 9 March he is still
    # on remand: of the 3 days for the initial notification only the 6th is counted so far under
    # either reading, so the deadline is not yet fixed whichever way a day of release is read,
    # and the case is assessed once.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    remanded = Case(
        person=PERSON,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
        detentions=(Detention(kind="remand", start=date(2026, 3, 7)),),
    )
    result = assess(remanded, date(2026, 3, 9), ruleset=ruleset)
    [initial] = result.duties_of(DutyKind.INITIAL)
    assert initial.deadline is None
    assert any(r.startswith("partial_days=") for reason in initial.reasons for r in reason.readings)
    assert result.flags == ()
    assert calls == [date(2026, 3, 9)]
