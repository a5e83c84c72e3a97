"""The Crime and Policing Act 2026 reform at its edges: the rule and ruleset it states, the reason
it gives for a name notified in advance, and a deadline that no longer counts days away
(docs/law/crime-and-policing-act-2026.md)."""

from __future__ import annotations

from datetime import date

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState
from sexoffender_rules.engine import Alternative, Timeline
from sexoffender_rules.england_and_wales import (
    CRIME_AND_POLICING_ACT_2026,
    ENGLAND_AND_WALES,
    crime_and_policing_act_2026,
)
from sexoffender_rules.england_and_wales.changes import change_duties
from sexoffender_rules.england_and_wales.reforms import NAME_IN_ADVANCE, _in_advance
from sexoffender_rules.model import Case, Detention, NameUsed, Notification, Person, Trigger
from sexoffender_rules.policy import PartialDays, Policy

ADULT = Person(reference="FICTIONAL-0990", date_of_birth=date(1970, 1, 1))


def named(first_used: date, notified: date, *detentions: Detention) -> Case:
    # Cautioned Mon 4 May 2026, after Royal Assent (29 April 2026), and notified on 5 May with
    # NAME-A (s.83(1)); NAME-C first used on `first_used` and notified on `notified`.
    return Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 5, 4)),),
        events=(NameUsed(date=first_used, name="NAME-C"),),
        detentions=detentions,
        notifications=(
            Notification(id="n1", date=date(2026, 5, 5), kind="initial", names=("NAME-A",)),
            Notification(id="n2", date=notified, kind="change", names=("NAME-A", "NAME-C")),
        ),
    )


def test_the_reform_states_its_rule_and_its_commencement() -> None:
    # The rule and the ruleset as `sexoffender-rules` lists them: the commencement taken is a
    # parameter, here 1 January 2027, and said to be unconfirmed.
    reform = crime_and_policing_act_2026(date(2027, 1, 1))
    rule = reform.rule(NAME_IN_ADVANCE)
    assert rule.title == (
        "Crime and Policing Act 2026 (commencement unconfirmed): a name notified in advance"
    )
    assert rule.statement == (
        "A name not yet notified that the person first uses on or after the commencement of the "
        "notification provisions of the Crime and Policing Act 2026 must be notified before it "
        "is first used: by the day name_notice_days (a parameter, default 1) before the day of "
        "first use, instead of within 3 days after (s.84(1)(a)). The notifications that answer "
        "the s.84(1) duty answer it (a change notification, or an advance notification under "
        "s.84(2)). Documented readings: the Act's period of advance notice was not seen (the "
        "default, the day before, follows from notifications recording dates, not times); its "
        "commencement is unconfirmed, and this ruleset takes it as a parameter (default Royal "
        "Assent, 29 April 2026)."
    )
    assert (rule.in_force.start, rule.in_force.is_unbounded) == (date(2027, 1, 1), True)
    assert reform.name == (
        "England and Wales with the Crime and Policing Act 2026 (commencement unconfirmed)"
    )
    assert reform.description == (
        "England and Wales with the name notification change of the Crime and Policing Act 2026 "
        "taken as in force from 2027-01-01 (unconfirmed)"
    )
    # Its duty functions still give their answers under each reading of a partial day (the
    # deadline of a name notified in advance counts none), so the reform keeps the baseline's
    # local readings.
    assert reform.local_readings == ENGLAND_AND_WALES.local_readings


def test_the_reason_says_how_many_days_before_first_use_the_name_is_due() -> None:
    # NAME-C first used Tue 1 September 2026, notified on the 2nd. Under the reform the name is
    # due the day before first use, Mon 31 August 2026 (name_notice_days 1), so it is met late;
    # with 7 days of notice, by Tue 25 August 2026.
    case = named(date(2026, 9, 1), date(2026, 9, 2))
    week = CRIME_AND_POLICING_ACT_2026.derive(name="a week", parameters={"name_notice_days": 7})
    for ruleset, days, due in (
        (CRIME_AND_POLICING_ACT_2026, "1 day", date(2026, 8, 31)),
        (week, "7 days", date(2026, 8, 25)),
    ):
        [duty] = assess(case, date(2026, 9, 10), ruleset=ruleset).duties_of(DutyKind.CHANGE_OF_NAME)
        assert (duty.deadline, duty.state) == (due, DutyState.MET_LATE)
        [reason] = [r for r in duty.reasons if r.rule_id == NAME_IN_ADVANCE]
        assert (reason.statement, reason.facts, reason.dates, reason.readings) == (
            "The name was first used on 2026-09-01 (events[0]), on or after the commencement "
            "taken for the Crime and Policing Act 2026 (2026-04-29, unconfirmed): it is to be "
            f"notified at least {days} before that day, by {due.isoformat()}, instead of within "
            "3 days after.",
            ("events[0]",),
            (("deadline", due),),
            (),
        )


def test_a_name_due_before_first_use_depends_on_no_reading_of_a_partial_day() -> None:
    # NAME-C first used Mon 31 August 2026; remanded Tue 1 to Thu 3 September; notified Sat
    # 5 September. Under s.84(1)(a) the 3 days beginning with the 31st do not count time in
    # custody (s.83(6), s.84(5)): at liberty at the end of the day (the default reading) they
    # are 31 August, 3 and 4 September, deadline 4 September, so the notice on the 5th is late;
    # counting only whole days at liberty they are 31 August, 4 and 5 September, and it is in
    # time. The result depends on the reading, and is flagged. Under the reform the name is due
    # the day before first use, 30 August, whatever the reading: late either way, no flag.
    case = named(
        date(2026, 8, 31),
        date(2026, 9, 5),
        Detention(kind="remand", start=date(2026, 9, 1), end=date(2026, 9, 3)),
    )
    as_of = date(2026, 9, 10)
    baseline = assess(case, as_of)
    reform = assess(case, as_of, ruleset=CRIME_AND_POLICING_ACT_2026)
    assert [d.deadline for d in baseline.duties_of(DutyKind.CHANGE_OF_NAME)] == [date(2026, 9, 4)]
    assert [d.deadline for d in reform.duties_of(DutyKind.CHANGE_OF_NAME)] == [date(2026, 8, 30)]
    assert [f for f in baseline.flags if "partial_days" in f] != []
    assert [f for f in reform.flags if "partial_days" in f] == []
    # The finding itself: the reform's rule, its deadline, and the other reading named with no
    # change (its deadline, 5 September under s.84(1)(a), no longer applies).
    timeline = Timeline.build(case, as_of, Policy())
    registration = ENGLAND_AND_WALES.registration(timeline, ENGLAND_AND_WALES)
    [finding] = _in_advance(change_duties, timeline, registration, CRIME_AND_POLICING_ACT_2026)
    assert (finding.rule_id, finding.deadline) == (NAME_IN_ADVANCE, date(2026, 8, 30))
    assert finding.alternatives == (Alternative("partial_days", PartialDays.WHOLE_DAY_AT_LIBERTY),)
