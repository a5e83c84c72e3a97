"""The reasons the engine gives for a duty's outcome, and the other wording it writes.

A reason's statement is the explanation a reader relies on, so each is pinned in full. Every
expected statement, date and state is worked by hand from the Act (the working is in a comment)
and from the documented behaviour of :func:`sexoffender_rules.engine.settle`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from sexoffender_rules import (
    FailureAfterRequirementsEnd,
    Notification,
    Person,
    Policy,
    Trigger,
    assess,
    engine,
)
from sexoffender_rules.assessment import (
    Assessment,
    Duty,
    DutyKind,
    DutyState,
    Headline,
    Reason,
    Registration,
    Responsible,
    Source,
)
from sexoffender_rules.calendar import (
    END_OF_TIME,
    CalendarPeriod,
    DateInterval,
    DisregardedTime,
    IntervalSet,
    Spell,
)
from sexoffender_rules.engine import DutyFinding, NotificationIndex, Timeline, settle
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES as EW
from sexoffender_rules.errors import NotACivilDateError, WrongTypeError
from sexoffender_rules.model import (
    AbsenceAbroad,
    Case,
    Detention,
    HomeAddress,
    NameUsed,
    NotificationKind,
    Order,
    Stay,
)
from sexoffender_rules.policy import NoCorrespondingDay, PartialDays
from sexoffender_rules.records import Death, HomeVisit


def person(ref: str) -> Person:
    return Person(reference=ref, date_of_birth=date(1980, 1, 1))


def only(duties: tuple[Duty, ...], kind: DutyKind) -> Duty:
    (found,) = [d for d in duties if d.kind is kind]
    return found


def last_reason(duty: Duty) -> Reason:
    return duty.reasons[-1]


def test_an_initial_notification_never_given_is_a_continuing_breach() -> None:
    # Adult cautioned Fri 6 Mar 2026: initial notification within 3 days beginning with that day
    # (s.83(1)): 6, 7, 8 Mar, so due by 8 Mar. Not given by 20 Mar: the offence is committed on
    # the day he first fails, 9 Mar (s.91(3)), and continues; the requirements (2 years from
    # 6 Mar 2026, s.82(1)) run past 20 Mar.
    case = Case(
        person=person("FICTIONAL-0901"),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
    )
    duty = only(assess(case, date(2026, 3, 20)).duties, DutyKind.INITIAL)
    reason = last_reason(duty)
    assert reason.rule_id == "ew.s91.breach"
    assert reason.statement == "Not notified by 2026-03-08: in breach from 2026-03-09, continuing."
    assert reason.dates == (("breach_start", date(2026, 3, 9)),)
    assert reason.readings == ()


# --------------------------------------------------------------------------------------------
# settle: one finding, settled on a day, against the days the person is subject
# --------------------------------------------------------------------------------------------
#
# The finding throughout: an initial notification (s.83(1)) for a caution on Fri 6 Mar 2026, due
# within 3 days beginning with that day: 6, 7, 8 Mar, so by Sun 8 Mar 2026. The day of first
# failure is 9 Mar (s.91(3)). ``subject(until)`` makes the person subject from 6 Mar up to, but
# not including, ``until`` (the requirements end the day before it).

CAUTIONED = date(2026, 3, 6)
DUE = date(2026, 3, 8)
FIRST_FAILURE = date(2026, 3, 9)
CESSATION = "ew.s80.cessation"
BREACH = "ew.s91.breach"
GIVEN = Reason(rule_id="ew.s83.initial", citation="SOA 2003 s.83(1)", statement="Due.")


def subject(until: date = END_OF_TIME) -> IntervalSet:
    return IntervalSet.of(DateInterval(CAUTIONED, until))


def notified(day: date) -> Notification:
    return Notification(id="n1", date=day, kind="initial")


def finding(
    deadline: date | None = DUE, notification: Notification | None = None, **more: Any
) -> DutyFinding:
    return DutyFinding(
        kind=DutyKind.INITIAL,
        rule_id="ew.s83.initial",
        trigger_date=CAUTIONED,
        fact="triggers[0]",
        deadline=deadline,
        discharged_by=notification,
        reasons=(GIVEN,),
        **more,
    )


def expected(state: DutyState, *reasons: Reason, **more: Any) -> Duty:
    """The duty settled from :func:`finding`: its facts, its state, the finding's reason and
    the reasons settling added."""
    values: dict[str, Any] = {
        "kind": DutyKind.INITIAL,
        "trigger_date": CAUTIONED,
        "fact": "triggers[0]",
        "deadline": DUE,
        "state": state,
        "reasons": (GIVEN, *reasons),
    }
    return Duty(**(values | more))


def breach_reason(
    statement: str, *dates: tuple[str, date], readings: tuple[str, ...] = ()
) -> Reason:
    rule = EW.rule(BREACH)
    return Reason(
        rule_id=BREACH, citation=rule.citation, statement=statement, dates=dates, readings=readings
    )


def cessation_reason(statement: str, end: date, readings: tuple[str, ...] = ()) -> Reason:
    rule = EW.rule(CESSATION)
    return Reason(
        rule_id=CESSATION,
        citation=rule.citation,
        statement=statement,
        dates=(("requirements_end", end),),
        readings=readings,
    )


def test_a_duty_the_rule_found_not_required_answers_nothing() -> None:
    # The rule's own exception decides: the duty is not required, and the notification that
    # came (7 Mar) is not recorded as answering it.
    exception = Reason(rule_id="ew.s83.initial", citation="SOA 2003 s.83(4)", statement="Exempt.")
    duty = settle(
        finding(notification=notified(date(2026, 3, 7)), not_required=exception),
        date(2026, 3, 20),
        subject(),
        EW,
    )
    assert duty == expected(DutyState.NOT_REQUIRED, exception)


def test_a_pending_duty_is_pending_even_with_its_deadline_passed() -> None:
    duty = settle(finding(pending=True), date(2026, 3, 20), subject(), EW)
    assert duty == expected(DutyState.PENDING)


def test_a_notification_on_the_deadline_meets_the_duty() -> None:
    duty = settle(finding(notification=notified(DUE)), date(2026, 3, 20), subject(), EW)
    assert duty == expected(DutyState.MET, discharged_by="n1")


def test_the_duty_is_open_on_its_deadline_and_overdue_the_day_after() -> None:
    assert settle(finding(), DUE, subject(), EW) == expected(DutyState.OPEN)
    overdue = settle(finding(), FIRST_FAILURE, subject(), EW)
    assert overdue == expected(
        DutyState.OVERDUE,
        breach_reason(
            "Not notified by 2026-03-08: in breach from 2026-03-09, continuing.",
            ("breach_start", FIRST_FAILURE),
        ),
        breach=DateInterval(FIRST_FAILURE, END_OF_TIME),
    )


@pytest.mark.parametrize(
    ("cured", "until", "as_of"),
    [
        # Notified Thu 12 Mar, the requirements running on: in breach 9-12 Mar, the day of the
        # notification included.
        (date(2026, 3, 12), END_OF_TIME, date(2026, 3, 20)),
        # Notified on Thu 19 Mar, the last day of the requirements (subject until 20 Mar),
        # assessed after they ended: in breach 9-19 Mar, cured by the notification.
        (date(2026, 3, 19), date(2026, 3, 20), date(2026, 3, 25)),
    ],
)
def test_a_notification_after_the_deadline_cures_a_continuing_breach(
    cured: date, until: date, as_of: date
) -> None:
    duty = settle(finding(notification=notified(cured)), as_of, subject(until), EW)
    assert duty == expected(
        DutyState.MET_LATE,
        breach_reason(
            f"Not notified by 2026-03-08: in breach from 2026-03-09 until notified on {cured}.",
            ("breach_start", FIRST_FAILURE),
            ("breach_cured", cured),
        ),
        discharged_by="n1",
        breach=DateInterval(FIRST_FAILURE, cured + timedelta(days=1)),
    )


def test_a_continuing_breach_ends_with_the_requirements() -> None:
    # The requirements end with Thu 19 Mar (subject until 20 Mar); assessed on 20 Mar, the first
    # day they no longer apply: the breach ran 9-19 Mar. The notification of 20 Mar came after
    # the requirements ended and answers nothing.
    late = notified(date(2026, 3, 20))
    duty = settle(finding(notification=late), date(2026, 3, 20), subject(date(2026, 3, 20)), EW)
    assert duty == expected(
        DutyState.OVERDUE,
        breach_reason(
            "Not notified by 2026-03-08: in breach from 2026-03-09 until the requirements ended "
            "on 2026-03-19.",
            ("breach_start", FIRST_FAILURE),
        ),
        breach=DateInterval(FIRST_FAILURE, date(2026, 3, 20)),
    )


def test_a_breach_is_continuing_while_the_requirements_still_run() -> None:
    # As above, assessed on 19 Mar, the last day of the requirements: the end is not yet
    # reached, so the breach continues on the assessment date.
    duty = settle(finding(), date(2026, 3, 19), subject(date(2026, 3, 20)), EW)
    assert duty.breach == DateInterval(FIRST_FAILURE, END_OF_TIME)
    assert duty.reasons[-1].statement == (
        "Not notified by 2026-03-08: in breach from 2026-03-09, continuing."
    )


def test_a_failure_that_does_not_continue_is_one_day() -> None:
    # continuing=False: a failure on 9 Mar only, whether cured later (12 Mar) or not.
    statement = (
        "Not notified by 2026-03-08: a failure on 2026-03-09 (s.91(3) does not make this failure "
        "a continuing one)"
    )
    one_day = DateInterval(FIRST_FAILURE, date(2026, 3, 10))
    cured = settle(
        finding(notification=notified(date(2026, 3, 12)), continuing=False),
        date(2026, 3, 20),
        subject(),
        EW,
    )
    assert cured == expected(
        DutyState.MET_LATE,
        breach_reason(statement + "; notified on 2026-03-12.", ("breach_start", FIRST_FAILURE)),
        discharged_by="n1",
        breach=one_day,
    )
    uncured = settle(finding(continuing=False), date(2026, 3, 20), subject(), EW)
    assert uncured == expected(
        DutyState.OVERDUE,
        breach_reason(statement + ".", ("breach_start", FIRST_FAILURE)),
        breach=one_day,
    )


def test_a_deadline_after_the_requirements_end_needs_no_notification() -> None:
    # The requirements end with Sat 7 Mar (subject until 8 Mar), before the deadline of 8 Mar:
    # the duty is not required, and a notification on 7 Mar answers nothing.
    duty = settle(
        finding(notification=notified(date(2026, 3, 7))),
        date(2026, 3, 20),
        subject(date(2026, 3, 8)),
        EW,
    )
    assert duty == expected(
        DutyState.NOT_REQUIRED,
        cessation_reason(
            "The requirements end on 2026-03-07, before the deadline 2026-03-08: no notification "
            "is required.",
            date(2026, 3, 7),
        ),
    )


def test_a_deadline_not_yet_fixed_is_suspended_or_met() -> None:
    # The person is still away (no deadline yet), the requirements run on.
    assert settle(finding(deadline=None), date(2026, 3, 20), subject(), EW) == expected(
        DutyState.SUSPENDED, deadline=None
    )
    met = settle(
        finding(deadline=None, notification=notified(date(2026, 3, 19))),
        date(2026, 3, 20),
        subject(),
        EW,
    )
    assert met == expected(DutyState.MET, deadline=None, discharged_by="n1")


def test_a_deadline_not_yet_fixed_needs_no_notification_once_the_requirements_end() -> None:
    # The requirements end with Fri 20 Mar (subject until 21 Mar). Assessed on 20 Mar with no
    # deadline yet: any deadline falls after the assessment date, so after the requirements end.
    ended = settle(finding(deadline=None), date(2026, 3, 20), subject(date(2026, 3, 21)), EW)
    assert ended == expected(
        DutyState.NOT_REQUIRED,
        cessation_reason(
            "The requirements end on 2026-03-20, before the deadline (not yet fixed): no "
            "notification is required.",
            date(2026, 3, 20),
        ),
        deadline=None,
    )
    # Assessed on 19 Mar, a deadline of 20 Mar could still fall inside the requirements.
    running = settle(finding(deadline=None), date(2026, 3, 19), subject(date(2026, 3, 21)), EW)
    assert running == expected(DutyState.SUSPENDED, deadline=None)


def test_a_deadline_on_the_last_day_of_the_requirements_is_one_day_of_failure() -> None:
    # The requirements end with the deadline day, 8 Mar (subject until 9 Mar). Not notified by
    # then: under failure_after_requirements_end=one_day (the default) a failure on 9 Mar only;
    # the notification of 9 Mar came after the requirements ended and answers nothing.
    duty = settle(
        finding(notification=notified(FIRST_FAILURE)),
        date(2026, 3, 20),
        subject(FIRST_FAILURE),
        EW,
    )
    assert duty == expected(
        DutyState.OVERDUE,
        breach_reason(
            "Not notified by 2026-03-08, the last day of the notification period: a failure on "
            "2026-03-09, which cannot continue because the requirements ended with the deadline "
            "day.",
            ("breach_start", FIRST_FAILURE),
            readings=("failure_after_requirements_end=one_day",),
        ),
        breach=DateInterval(FIRST_FAILURE, date(2026, 3, 10)),
    )


def test_a_deadline_on_the_last_day_of_the_requirements_under_no_failure() -> None:
    policy = Policy(failure_after_requirements_end=FailureAfterRequirementsEnd.NO_FAILURE)
    duty = settle(finding(), date(2026, 3, 20), subject(FIRST_FAILURE), EW, policy)
    assert duty == expected(
        DutyState.NOT_REQUIRED,
        cessation_reason(
            "Not notified by 2026-03-08, the last day of the notification period: the "
            "requirements ended with that day, so no failure followed and no notification is "
            "required.",
            DUE,
            readings=("failure_after_requirements_end=no_failure",),
        ),
    )


def test_a_notification_on_the_deadline_that_is_the_last_day_meets_the_duty() -> None:
    duty = settle(
        finding(notification=notified(DUE)), date(2026, 3, 20), subject(FIRST_FAILURE), EW
    )
    assert duty == expected(DutyState.MET, discharged_by="n1")


def test_the_duty_keeps_who_bears_it() -> None:
    duty = settle(finding(responsible=Responsible.PARENT), DUE, subject(), EW)
    assert duty == expected(DutyState.OPEN, responsible=Responsible.PARENT)


# --------------------------------------------------------------------------------------------
# The timeline: the facts known on the assessment date
# --------------------------------------------------------------------------------------------


def test_the_timeline_keeps_the_facts_known_on_the_assessment_date_in_order() -> None:
    # Assessed on Tue 10 Mar 2026. A fact dated that day is known; one dated later, or known
    # only later, is not. Facts of one day keep the order they were given in (their paths),
    # except notifications, which are taken in the order of their ids.
    as_of = date(2026, 3, 10)
    stay_on = Stay(premises="PREM-1", first_day=date(2026, 3, 8), last_day=date(2026, 3, 12))
    stay_ended = Stay(premises="PREM-2", first_day=date(2026, 3, 1), last_day=as_of)
    case = Case(
        person=person("FICTIONAL-0902"),
        triggers=(
            Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),
            Trigger(id="t2", kind="caution", date=date(2026, 1, 5)),
            Trigger(id="t3", kind="caution", date=date(2026, 3, 6)),
            Trigger(id="t4", kind="caution", date=date(2026, 3, 11)),
            Trigger(id="t5", kind="caution", date=as_of),
        ),
        events=(
            NameUsed(date=date(2026, 3, 9), name="NAME-B"),
            NameUsed(date=date(2026, 3, 11), name="NAME-C"),
            NameUsed(date=date(2026, 3, 2), name="NAME-D", known=date(2026, 3, 11)),
            NameUsed(date=date(2026, 3, 9), name="NAME-E", known=as_of),
            stay_on,
            stay_ended,
            NameUsed(date=as_of, name="NAME-F"),
        ),
        notifications=(
            Notification(id="n-b", date=date(2026, 3, 9), kind="change", names=("NAME-B",)),
            Notification(id="n-a", date=date(2026, 3, 9), kind="change", names=("NAME-E",)),
            Notification(id="n-c", date=date(2026, 3, 11), kind="change", names=("NAME-C",)),
            Notification(id="n-d", date=as_of, kind="change", other_premises=("PREM-2",)),
        ),
        orders=(Order(id="o1", kind="sexual_risk_order", made=date(2026, 2, 2)),),
    )
    timeline = Timeline.build(case, as_of, Policy())
    t1, t2, t3, _, t5 = case.triggers
    assert timeline.triggers == (t2, t1, t3, t5)
    e = case.events
    # The stay still running on 10 Mar is cut at that day; the one ending that day is kept as is.
    clipped = Stay(premises="PREM-1", first_day=date(2026, 3, 8), last_day=as_of)
    assert timeline.events == (stay_ended, clipped, e[0], e[3], e[6])
    assert timeline.events[0] is stay_ended
    n = case.notifications
    assert timeline.notifications == (n[1], n[0], n[3])
    paths = [timeline.path(fact) for fact in timeline.events]
    assert paths == ["events[5]", "events[4]", "events[0]", "events[3]", "events[6]"]
    assert timeline.path(stay_on) == "events[4]"
    assert timeline.path(clipped) == ""  # an equal fact, but not the one in the timeline
    assert timeline.path(t3) == "triggers[2]"
    assert timeline.path(n[3]) == "notifications[3]"
    assert timeline.path(case.orders[0]) == "orders[0]"
    assert timeline.index.all(("any",)) == (n[1], n[0], n[3])


def test_the_timeline_counts_detentions_and_absences_known_on_the_assessment_date() -> None:
    # Assessed on 10 Mar 2026: remanded 1-10 Feb (released 10 Feb); sentenced from 5 Mar, to be
    # released 12 Mar (still detained on 10 Mar); a detention from 14 Mar is not yet known; abroad
    # 15-20 Feb (away, but no release). The detention that ends on the assessment date is a
    # release on it.
    as_of = date(2026, 3, 10)
    case = Case(
        person=person("FICTIONAL-0903"),
        detentions=(
            Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 10)),
            Detention(kind="sentence", start=date(2026, 3, 5), end=date(2026, 3, 12)),
            Detention(kind="remand", start=date(2026, 3, 14), end=date(2026, 3, 20)),
        ),
        absences_abroad=(AbsenceAbroad(start=date(2026, 2, 15), end=date(2026, 2, 20)),),
    )
    policy = Policy()
    timeline = Timeline.build(case, as_of, policy)
    assert timeline.releases == (date(2026, 2, 10),)
    assert timeline.away == DisregardedTime.from_spells(
        [
            Spell(date(2026, 2, 1), date(2026, 2, 10)),
            Spell(date(2026, 3, 5), None),
            Spell(date(2026, 2, 15), date(2026, 2, 20)),
        ],
        policy.partial_days,
    )
    assert timeline.path(case.absences_abroad[0]) == "absences_abroad[0]"
    assert timeline.path(case.detentions[2]) == "detentions[2]"
    released = Timeline.build(case, date(2026, 3, 12), policy)
    assert released.releases == (date(2026, 2, 10), date(2026, 3, 12))
    # Gone abroad on the assessment date, back the next day: away from that day, not yet back.
    abroad = Case(
        person=person("FICTIONAL-0903"),
        absences_abroad=(AbsenceAbroad(start=as_of, end=date(2026, 3, 11)),),
    )
    away = Timeline.build(abroad, as_of, policy).away
    assert away == DisregardedTime.from_spells([Spell(as_of, None)], policy.partial_days)
    assert away != DisregardedTime.from_spells([], policy.partial_days)


def test_detentions_that_follow_one_another_are_one_release() -> None:
    # Sentence 1 Jan - 1 Feb 2026, transferred to hospital on 1 Feb until 1 Mar: one release, on
    # 1 Mar. A remand beginning and ending on 10 Mar is a run, and a release, of its own; a
    # detention held within a longer one (5-6 Jan) ends no run.
    case = Case(
        person=person("FICTIONAL-0904"),
        detentions=(
            Detention(kind="hospital", start=date(2026, 2, 1), end=date(2026, 3, 1)),
            Detention(kind="sentence", start=date(2026, 1, 1), end=date(2026, 2, 1)),
            Detention(kind="remand", start=date(2026, 1, 5), end=date(2026, 1, 6)),
            Detention(kind="remand", start=date(2026, 3, 10), end=date(2026, 3, 10)),
        ),
    )
    timeline = Timeline.build(case, date(2026, 4, 1), Policy())
    assert timeline.releases == (date(2026, 3, 1), date(2026, 3, 10))


def test_a_detention_still_running_swallows_those_within_it() -> None:
    # Detained from 1 Jan 2026 with no release yet; a remand 5-6 Jan within it is no release.
    case = Case(
        person=person("FICTIONAL-0905"),
        detentions=(
            Detention(kind="sentence", start=date(2026, 1, 1)),
            Detention(kind="remand", start=date(2026, 1, 5), end=date(2026, 1, 6)),
        ),
    )
    assert Timeline.build(case, date(2026, 4, 1), Policy()).releases == ()
    # Sentenced 1 Jan - 1 Feb 2026, then detained in hospital from 1 Feb with no release yet:
    # the run has not ended.
    transferred = Case(
        person=person("FICTIONAL-0905"),
        detentions=(
            Detention(kind="sentence", start=date(2026, 1, 1), end=date(2026, 2, 1)),
            Detention(kind="hospital", start=date(2026, 2, 1)),
        ),
    )
    assert Timeline.build(transferred, date(2026, 4, 1), Policy()).releases == ()


# --------------------------------------------------------------------------------------------
# The notification index
# --------------------------------------------------------------------------------------------


def test_a_notification_is_indexed_by_every_key_it_answers_to_once() -> None:
    # The keys listed in NotificationIndex.build, each holding the notification once even where
    # a name or reference is repeated.
    home = HomeAddress(kind="residence", reference="ADDR-1")
    change = Notification(
        id="n1",
        date=date(2022, 1, 3),
        kind="change",
        names=("NAME-B", "NAME-B"),
        home_address=home,
        other_premises=("PREM-1", "PREM-1"),
        release=True,
        prescribed=("BANK-1", "BANK-1"),
    )
    kind = NotificationKind.CHANGE
    keys = [
        ("any",),
        ("kind", kind),
        ("name", "NAME-B"),
        ("name", "NAME-B", kind),
        ("home", home),
        ("home", home, kind),
        ("premises", "ADDR-1"),
        ("premises", "ADDR-1", kind),
        ("premises", "PREM-1"),
        ("premises", "PREM-1", kind),
        ("release",),
        ("prescribed", "BANK-1"),
        ("prescribed", "BANK-1", kind),
    ]
    index = NotificationIndex.build([change])
    assert index.by_key == dict.fromkeys(keys, ((change.date,), (change,)))


def test_non_occurrence_and_travel_notifications_are_indexed_by_their_dates() -> None:
    not_moving = Notification(
        id="n1", date=date(2022, 1, 3), kind="non_occurrence", expected_date=date(2022, 1, 2)
    )
    travel = Notification(
        id="n2", date=date(2022, 1, 4), kind="travel", departure=date(2022, 1, 20)
    )
    back = Notification(id="n3", date=date(2022, 1, 30), kind="return", departure=date(2022, 1, 20))
    index = NotificationIndex.build([not_moving, travel, back])
    assert set(index.by_key) == {
        ("any",),
        ("kind", NotificationKind.NON_OCCURRENCE),
        ("kind", NotificationKind.TRAVEL),
        ("kind", NotificationKind.RETURN),
        ("non_occurrence", date(2022, 1, 2)),
        ("departure", NotificationKind.TRAVEL, date(2022, 1, 20)),
        ("departure", NotificationKind.RETURN, date(2022, 1, 20)),
    }
    assert index.all(("any",)) == (not_moving, travel, back)
    assert (
        index.first(("departure", NotificationKind.RETURN, date(2022, 1, 20)), date(2022, 1, 1))
        is back
    )


def test_index_look_ups_by_date() -> None:
    # Notifications of one name on 3 and 5 Jan 2022.
    n1 = Notification(id="n1", date=date(2022, 1, 3), kind="change", names=("NAME-B",))
    n2 = Notification(id="n2", date=date(2022, 1, 5), kind="change", names=("NAME-B",))
    index = NotificationIndex.build([n1, n2])
    key = ("name", "NAME-B")
    assert index.first(key, date(2022, 1, 3)) is n1  # on the day counts
    assert index.first(key, date(2022, 1, 4)) is n2
    assert index.first(key, date(2022, 1, 6)) is None
    assert index.first(key, date(2022, 1, 3), before=date(2022, 1, 4)) is n1
    assert index.first(key, date(2022, 1, 3), before=date(2022, 1, 3)) is None  # before excludes
    assert index.first(key, date(2022, 1, 4), before=date(2022, 1, 5)) is None
    assert index.first(("name", "NAME-C"), date(2022, 1, 1)) is None
    assert index.last_before(key, date(2022, 1, 3)) is None  # strictly before
    assert index.last_before(key, date(2022, 1, 4)) is n1
    assert index.last_before(key, date(2022, 1, 5)) is n1
    assert index.last_before(key, date(2022, 1, 6)) is n2
    assert index.all(key) == (n1, n2)


def test_the_first_among_several_keys_is_the_earliest_then_the_lowest_id() -> None:
    # Two notifications on one day, indexed in id order: the first among their keys is n-a,
    # however the keys are listed; a later one comes after both.
    a = Notification(id="n-a", date=date(2022, 1, 3), kind="change", names=("NAME-B",))
    b = Notification(id="n-b", date=date(2022, 1, 3), kind="periodic", names=("NAME-B",))
    c = Notification(id="n-c", date=date(2022, 1, 2), kind="initial", names=("NAME-C",))
    index = NotificationIndex.build([c, a, b])
    periodic = ("name", "NAME-B", NotificationKind.PERIODIC)
    change = ("name", "NAME-B", NotificationKind.CHANGE)
    assert index.first_among([periodic, change], date(2022, 1, 1)) is a
    assert index.first_among([change, periodic], date(2022, 1, 1)) is a
    assert index.first_among([periodic, ("name", "NAME-C")], date(2022, 1, 1)) is c
    assert index.first_among([periodic, change], date(2022, 1, 1), before=date(2022, 1, 3)) is None
    assert index.first_among([], date(2022, 1, 1)) is None


# --------------------------------------------------------------------------------------------
# A death ends the requirements
# --------------------------------------------------------------------------------------------


def died_case(death: Death) -> Case:
    # Adult cautioned 6 Mar 2026 (2 years, s.82(1)), notified the same day; a home visit on
    # 1 Apr is the first police record, the death the second.
    return Case(
        person=person("FICTIONAL-0906"),
        triggers=(Trigger(id="t1", kind="caution", date=CAUTIONED),),
        notifications=(notified(CAUTIONED),),
        police_records=(HomeVisit(date=date(2026, 4, 1), outcome="seen_resident"), death),
    )


def death_reason(died: date) -> Reason:
    rule = EW.rule(CESSATION)
    return Reason(
        rule_id=CESSATION,
        citation=rule.citation,
        statement=f"The person died on {died.isoformat()}: the requirements end with that day, "
        "and no duty falls due after it (documented reading: the requirements bind a living "
        "person).",
        facts=("police_records[1]",),
        dates=(("died", died),),
    )


def test_a_death_known_on_the_assessment_date_ends_the_requirements_with_that_day() -> None:
    # Died Fri 10 Apr 2026, known on Sun 12 Apr. Assessed on the 12th: the requirements ended
    # with 10 Apr, so the person is not subject.
    case = died_case(Death(date=date(2026, 4, 10), known=date(2026, 4, 12)))
    registration = assess(case, date(2026, 4, 12)).registration
    assert registration.died == date(2026, 4, 10)
    assert registration.subject is False
    assert registration.reasons[-1] == death_reason(date(2026, 4, 10))
    # On the 11th the death is not yet known.
    before = assess(case, date(2026, 4, 11)).registration
    assert (before.died, before.subject) == (None, True)
    assert death_reason(date(2026, 4, 10)) not in before.reasons


def test_the_person_is_subject_on_the_day_of_death() -> None:
    case = died_case(Death(date=date(2026, 4, 10)))
    registration = assess(case, date(2026, 4, 10)).registration
    assert (registration.died, registration.subject) == (date(2026, 4, 10), True)
    assert registration.reasons[-1] == death_reason(date(2026, 4, 10))
    assert assess(case, date(2026, 4, 9)).registration.died is None


def test_a_death_changes_nothing_for_a_person_never_subject() -> None:
    case = Case(person=person("FICTIONAL-0907"), police_records=(Death(date=date(2026, 4, 10)),))
    registration = assess(case, date(2026, 5, 1)).registration
    assert (registration.died, registration.subject) == (None, False)
    assert not any("died" in r.statement for r in registration.reasons)


# --------------------------------------------------------------------------------------------
# How two assessments of one case differ, in words (the flag of a reading the result turns on)
# --------------------------------------------------------------------------------------------


def cautioned() -> Assessment:
    # Adult cautioned Fri 6 Mar 2026, notified on Sun 8 Mar, assessed on 1 Apr 2026: the initial
    # duty (due 8 Mar, s.83(1)) is met; the periodic duty runs from the notification of 8 Mar
    # and is due within one year after it, by 8 Mar 2027 (s.85(1)(a)); the requirements last
    # 2 years beginning with 6 Mar 2026 and end on 5 Mar 2028 (s.82(1)). Compliant.
    case = Case(
        person=person("FICTIONAL-0908"),
        triggers=(Trigger(id="t1", kind="caution", date=CAUTIONED),),
        notifications=(notified(DUE),),
    )
    result = assess(case, date(2026, 4, 1))
    initial, periodic = result.duties
    assert (initial.kind, initial.state, initial.deadline) == (
        DutyKind.INITIAL,
        DutyState.MET,
        DUE,
    )
    assert (periodic.kind, periodic.trigger_date, periodic.state, periodic.deadline) == (
        DutyKind.PERIODIC,
        DUE,
        DutyState.OPEN,
        date(2027, 3, 8),
    )
    assert result.registration.end == date(2028, 3, 5)
    assert result.headline is Headline.COMPLIANT
    return result


def with_duties(result: Assessment, *duties: Duty) -> Assessment:
    return attrs.evolve(result, duties=duties)


def with_registration(result: Assessment, **changes: Any) -> Assessment:
    return attrs.evolve(result, registration=attrs.evolve(result.registration, **changes))


def test_assessments_that_differ_in_nothing_described_differ_in_general() -> None:
    mine = cautioned()
    assert engine._difference(mine, mine) == "the result differs"
    # A settled duty due on another day is the same outcome: it was met either way.
    initial, periodic = mine.duties
    other = with_duties(mine, attrs.evolve(initial, deadline=date(2026, 3, 9)), periodic)
    assert engine._difference(mine, other) == "the result differs"


def test_a_different_end_of_the_requirements_is_named() -> None:
    mine = cautioned()
    later = with_registration(mine, end=date(2028, 3, 6))
    assert engine._difference(mine, later) == "the requirements end 2028-03-06"
    indefinite = with_registration(mine, end=None, indefinite=True)
    assert engine._difference(mine, indefinite) == "the requirements end indefinite"
    undetermined = with_registration(mine, end=None)
    assert engine._difference(mine, undetermined) == "the requirements end undetermined"
    # Subject or not on the assessment date, with the same end: the end is named.
    not_subject = with_registration(mine, subject=False)
    assert engine._difference(mine, not_subject) == "the requirements end 2028-03-05"


def test_a_different_day_from_which_a_review_may_be_sought_is_named() -> None:
    mine = cautioned()
    (source,) = mine.registration.sources
    assert source.review_from is None  # a caution: no indefinite period to review
    sooner = with_registration(mine, sources=(attrs.evolve(source, review_from=date(2041, 3, 6)),))
    assert (
        engine._difference(mine, sooner) == "a review of triggers[0] may be sought from 2041-03-06"
    )
    assert (
        engine._difference(sooner, mine) == "a review of triggers[0] may be sought from not known"
    )
    # Sources are compared pairwise as far as both lists go: a source only one assessment has
    # is told by the end of the requirements, not by a review.
    extra = attrs.evolve(source, trigger_id="t2", fact="triggers[1]", review_from=date(2041, 3, 6))
    more = with_registration(mine, sources=(source, extra), end=None, indefinite=True)
    assert engine._difference(mine, more) == "the requirements end indefinite"


def test_the_duties_that_differ_are_named_with_their_state_and_deadline() -> None:
    mine = cautioned()
    initial, periodic = mine.duties
    other = with_duties(
        mine,
        attrs.evolve(initial, state=DutyState.MET_LATE),
        attrs.evolve(periodic, deadline=date(2027, 3, 9)),
    )
    assert engine._difference(mine, other) == (
        "the initial duty from 2026-03-06 is met_late, due by 2026-03-08; "
        "the periodic duty from 2026-03-08 is open, due by 2027-03-09"
    )
    # A duty that does not arise under the other reading; one that arises only under it,
    # still without a deadline; and the headline.
    moved = Duty(
        kind=DutyKind.CHANGE_OF_HOME_ADDRESS,
        trigger_date=date(2026, 3, 20),
        fact="events[0]",
        deadline=None,
        state=DutyState.SUSPENDED,
    )
    other = attrs.evolve(with_duties(mine, initial, moved), headline=Headline.DUE)
    assert engine._difference(mine, other) == (
        "the periodic duty from 2026-03-08 does not arise; "
        "the change of home address duty from 2026-03-20 is suspended; "
        "the headline is due"
    )


def test_only_the_first_three_duties_that_differ_are_named() -> None:
    mine = cautioned()
    initial, periodic = mine.duties

    def moved(days: int) -> Duty:
        return attrs.evolve(periodic, trigger_date=date(2026, 3, days))

    three = with_duties(mine, initial, moved(9), moved(10))
    assert engine._difference(mine, three) == (
        "the periodic duty from 2026-03-08 does not arise; "
        "the periodic duty from 2026-03-09 is open, due by 2027-03-08; "
        "the periodic duty from 2026-03-10 is open, due by 2027-03-08"
    )
    four = with_duties(mine, initial, moved(9), moved(10), moved(11))
    assert engine._difference(mine, four) == (
        "the periodic duty from 2026-03-08 does not arise; "
        "the periodic duty from 2026-03-09 is open, due by 2027-03-08; "
        "the periodic duty from 2026-03-10 is open, due by 2027-03-08; "
        "1 more duty differs"
    )
    five = with_duties(mine, initial, moved(9), moved(10), moved(11), moved(12))
    assert engine._difference(mine, five) == (
        "the periodic duty from 2026-03-08 does not arise; "
        "the periodic duty from 2026-03-09 is open, due by 2027-03-08; "
        "the periodic duty from 2026-03-10 is open, due by 2027-03-08; "
        "2 more duties differ"
    )


# --------------------------------------------------------------------------------------------
# The other steps of an assessment
# --------------------------------------------------------------------------------------------


def test_an_assessment_refuses_what_is_not_a_case_or_a_civil_date() -> None:
    with pytest.raises(WrongTypeError, match=r"^case: expected a Case, got str$"):
        assess("FICTIONAL-0911", date(2026, 1, 1))  # type: ignore[arg-type]
    case = Case(person=person("FICTIONAL-0911"))
    with pytest.raises(NotACivilDateError, match=r"^as_of: "):
        assess(case, "2026-01-01")  # type: ignore[arg-type]


def test_the_changes_a_notification_notifies_are_listed_once_each() -> None:
    home = HomeAddress(kind="residence", reference="ADDR-1")
    notification = Notification(
        id="n1",
        date=date(2026, 1, 5),
        kind="change",
        names=("NAME-B", "NAME-C", "NAME-B"),
        home_address=home,
        other_premises=("PREM-1", "PREM-1", "PREM-2"),
    )
    assert engine.change_keys(notification) == [
        ("name", "NAME-B"),
        ("name", "NAME-C"),
        ("home", home),
        ("premises", "PREM-1"),
        ("premises", "PREM-2"),
    ]
    assert engine.change_keys(Notification(id="n2", date=date(2026, 1, 5), kind="periodic")) == []


def test_a_derived_fact_is_computed_once_per_timeline_and_again_under_another_policy() -> None:
    # Remanded 1-20 Feb 2026: the days away differ between the partial-day readings (20 Feb is
    # a day away only if a whole day at liberty is needed), so a timeline under the other
    # reading counts them again; under a reading that leaves them alone it keeps them, and
    # keeps its index. Nothing derived is kept under another policy.
    case = Case(
        person=person("FICTIONAL-0912"),
        detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),),
        notifications=(Notification(id="n1", date=date(2026, 1, 5), kind="initial"),),
    )
    timeline = Timeline.build(case, date(2026, 3, 1), Policy())
    calls: list[int] = []

    def count(t: Timeline) -> int:
        calls.append(1)
        return len(t.notifications)

    assert (timeline.derive("count", count), timeline.derive("count", count)) == (1, 1)
    assert len(calls) == 1
    whole_day = Policy(partial_days=PartialDays.WHOLE_DAY_AT_LIBERTY)
    other = timeline.under(whole_day)
    assert other.policy is whole_day
    assert other.away == Timeline.build(case, date(2026, 3, 1), whole_day).away
    assert other.away != timeline.away
    assert other.derive("count", lambda t: 99) == 99
    same_days = Policy(release_notified_by_attendance=False)
    kept = timeline.under(same_days)
    assert kept.policy is same_days
    assert kept.away is timeline.away
    assert kept.index is timeline.index
    assert kept.derive("count", lambda t: 98) == 98


def test_the_other_values_of_a_reading_leave_out_the_refusal_to_choose() -> None:
    assert engine._alternatives(Policy(), "leap_day") == [NoCorrespondingDay.PREVIOUS_DAY]
    assert engine._alternatives(Policy(partial_days=PartialDays.RAISE), "partial_days") == [
        PartialDays.LIBERTY_AT_END_OF_DAY,
        PartialDays.WHOLE_DAY_AT_LIBERTY,
    ]
    assert engine._alternatives(Policy(), "release_notified_by_attendance") == [False]
    assert engine._alternatives(Policy(), "no_such_reading") == []
    assert engine._reading_value(True) == "true"
    assert engine._reading_value(False) == "false"
    assert engine._reading_value(PartialDays.RAISE) == "raise"
    assert engine._reading_value(3) == "3"


def test_the_outcome_compared_between_readings() -> None:
    # What a reading can change: the periods, each duty's state, breach, answering
    # notification and (while it runs) its deadline, and the headline; not the wording.
    mine = cautioned()
    initial, periodic = mine.duties
    (source,) = mine.registration.sources
    same = [
        attrs.evolve(mine, flags=("A flag.",)),
        with_duties(mine, attrs.evolve(initial, reasons=()), periodic),
        with_duties(mine, attrs.evolve(initial, deadline=date(2026, 3, 9)), periodic),
    ]
    for other in same:
        assert engine._outcome(other) == engine._outcome(mine)
    differ = [
        with_registration(mine, subject=False),
        with_registration(mine, end=date(2028, 3, 6)),
        with_registration(mine, indefinite=True),
        with_registration(mine, sources=(attrs.evolve(source, trigger_id="t2"),)),
        with_registration(mine, sources=(attrs.evolve(source, end=date(2028, 3, 6)),)),
        with_registration(mine, sources=(attrs.evolve(source, indefinite=True),)),
        with_registration(mine, sources=(attrs.evolve(source, kept_until=date(2029, 1, 1)),)),
        with_registration(mine, sources=(attrs.evolve(source, review_from=date(2041, 1, 1)),)),
        with_duties(mine, attrs.evolve(initial, kind=DutyKind.CHANGE_OF_NAME), periodic),
        with_duties(mine, attrs.evolve(initial, trigger_date=date(2026, 3, 7)), periodic),
        with_duties(mine, attrs.evolve(initial, fact="triggers[1]"), periodic),
        with_duties(mine, attrs.evolve(initial, state=DutyState.MET_LATE), periodic),
        with_duties(mine, attrs.evolve(initial, discharged_by="n2"), periodic),
        with_duties(
            mine,
            attrs.evolve(initial, breach=DateInterval(FIRST_FAILURE, date(2026, 3, 10))),
            periodic,
        ),
        with_duties(mine, initial, attrs.evolve(periodic, deadline=date(2027, 3, 9))),
        with_duties(mine, initial),
        attrs.evolve(mine, headline=Headline.DUE),
    ]
    for other in differ:
        assert engine._outcome(other) != engine._outcome(mine)
    # A suspended or pending duty still runs: its deadline counts.
    for state in (DutyState.SUSPENDED, DutyState.PENDING):
        running = attrs.evolve(periodic, state=state)
        moved = attrs.evolve(running, deadline=date(2027, 3, 9))
        assert engine._duty_outcome(running) != engine._duty_outcome(moved)


def test_the_headline() -> None:
    # The order of Headline's definitions: not subject (no source has begun by the assessment
    # date), ended (not subject on it), in breach (a breach runs on it), due (a duty other than
    # the periodic one is open or suspended), compliant.
    as_of = date(2026, 4, 1)
    source = Source(
        trigger_id="t1",
        fact="triggers[0]",
        relevant_date=as_of,
        period=CalendarPeriod(years=2),
        end=date(2028, 3, 31),
    )
    subject = Registration(subject=True, sources=(source,), end=source.end)

    def duty(kind: DutyKind, state: DutyState, breach: DateInterval | None = None) -> Duty:
        return Duty(
            kind=kind,
            trigger_date=as_of,
            fact="triggers[0]",
            deadline=as_of,
            state=state,
            breach=breach,
        )

    periodic = duty(DutyKind.PERIODIC, DutyState.OPEN)
    assert engine._headline(subject, [periodic], as_of) is Headline.COMPLIANT
    later = attrs.evolve(subject, sources=(attrs.evolve(source, relevant_date=date(2026, 4, 2)),))
    assert engine._headline(later, [], as_of) is Headline.NOT_SUBJECT
    assert engine._headline(attrs.evolve(subject, sources=()), [], as_of) is Headline.NOT_SUBJECT
    assert engine._headline(attrs.evolve(subject, subject=False), [], as_of) is Headline.ENDED
    for state in (DutyState.OPEN, DutyState.SUSPENDED):
        assert engine._headline(subject, [duty(DutyKind.INITIAL, state)], as_of) is Headline.DUE
    for state in (DutyState.PENDING, DutyState.MET, DutyState.NOT_REQUIRED):
        due = [periodic, duty(DutyKind.INITIAL, state)]
        assert engine._headline(subject, due, as_of) is Headline.COMPLIANT
    # A breach that runs on the assessment date, and one cured the day before.
    running = DateInterval(date(2026, 3, 30), date(2026, 4, 2))
    cured = DateInterval(date(2026, 3, 30), as_of)
    breached = duty(DutyKind.INITIAL, DutyState.MET_LATE, running)
    assert engine._headline(subject, [periodic, breached], as_of) is Headline.IN_BREACH
    past = duty(DutyKind.INITIAL, DutyState.MET_LATE, cured)
    assert engine._headline(subject, [past], as_of) is Headline.COMPLIANT


def test_the_next_deadline_is_the_earliest_of_the_open_duties() -> None:
    # Adult cautioned Fri 6 Mar 2026 and notified on Sun 8 Mar (initial duty met); known by the
    # name NAME-B from Fri 20 Mar, to be notified within 3 days beginning with that day
    # (s.84(1)(a)): 20, 21, 22 Mar. On 21 Mar the open duties are that change (due 22 Mar) and
    # the periodic duty (due within one year after 8 Mar 2026, s.85(1)): the next deadline is
    # 22 Mar. The duties come in the order of the days they arose from.
    case = Case(
        person=person("FICTIONAL-0913"),
        triggers=(Trigger(id="t1", kind="caution", date=CAUTIONED),),
        events=(NameUsed(date=date(2026, 3, 20), name="NAME-B"),),
        notifications=(notified(DUE),),
    )
    result = assess(case, date(2026, 3, 21))
    assert [(d.kind, d.trigger_date, d.deadline, d.state) for d in result.duties] == [
        (DutyKind.INITIAL, CAUTIONED, DUE, DutyState.MET),
        (DutyKind.PERIODIC, DUE, date(2027, 3, 8), DutyState.OPEN),
        (DutyKind.CHANGE_OF_NAME, date(2026, 3, 20), date(2026, 3, 22), DutyState.OPEN),
    ]
    assert result.next_deadline == date(2026, 3, 22)
    assert result.headline is Headline.DUE
    # The assessment names its date, the case's jurisdiction and the law applied.
    assert (result.as_of, result.jurisdiction, result.ruleset) == (
        date(2026, 3, 21),
        "england-and-wales",
        "England and Wales: Sexual Offences Act 2003, Part 2",
    )


def test_a_duty_arising_on_a_day_the_person_is_not_subject_is_not_required() -> None:
    # No run of subject days contains 6 Mar: the requirements are read as ending before it,
    # with 5 Mar, and the duty due on 8 Mar is not required.
    duty = settle(finding(), date(2026, 3, 20), IntervalSet(()), EW)
    assert duty == expected(
        DutyState.NOT_REQUIRED,
        cessation_reason(
            "The requirements end on 2026-03-05, before the deadline 2026-03-08: no notification "
            "is required.",
            date(2026, 3, 5),
        ),
    )


def test_a_duty_arising_after_the_subject_days_ended_names_their_last_day() -> None:
    # Subject from 1 Feb to 20 Feb only: the duty arising on 6 Mar arises after the requirements
    # ended, on 20 Feb, not on 5 Mar, the day before it arose.
    subject = IntervalSet.of(DateInterval.from_days(date(2026, 2, 1), date(2026, 2, 20)))
    duty = settle(finding(), date(2026, 3, 20), subject, EW)
    assert duty == expected(
        DutyState.NOT_REQUIRED,
        cessation_reason(
            "The requirements end on 2026-02-20, before the deadline 2026-03-08: no notification "
            "is required.",
            date(2026, 2, 20),
        ),
    )


def undetermined_reason(given: str) -> Reason:
    rule = EW.rule("ew.s83.initial")
    return Reason(
        rule_id="ew.s83.initial",
        citation=rule.citation,
        statement="The deadline rests on orders[0].served, not recorded: it is 2026-03-08 at the "
        "earliest, and a notification by then would have met the duty whatever the fact; "
        f"{given} is undetermined until the fact is recorded.",
        facts=("triggers[0]",),
        dates=(("earliest_deadline", DUE),),
    )


def test_a_deadline_resting_on_a_missing_fact_is_met_only_by_its_earliest_day() -> None:
    # The deadline of 8 March is the earliest it can be: notified that day, the duty is met
    # whatever the missing fact would have made it; notified on the 9th, or not at all, it is
    # neither met nor in breach, with no deadline, and no answer is guessed.
    missing = {"missing": ("orders[0].served",)}
    met = settle(finding(notification=notified(DUE), **missing), date(2026, 3, 20), subject(), EW)
    assert met == expected(DutyState.MET, discharged_by="n1")
    late = settle(
        finding(notification=notified(FIRST_FAILURE), **missing), date(2026, 3, 20), subject(), EW
    )
    assert late == expected(
        DutyState.UNDETERMINED,
        undetermined_reason(
            "the notification of 2026-03-09 came after it, so whether it was in time"
        ),
        deadline=None,
        discharged_by="n1",
    )
    assert settle(finding(**missing), DUE, subject(), EW) == expected(
        DutyState.UNDETERMINED,
        undetermined_reason("none has been given yet, and when the duty falls due"),
        deadline=None,
    )
    assert settle(finding(**missing), FIRST_FAILURE, subject(), EW) == expected(
        DutyState.UNDETERMINED,
        undetermined_reason("none has been given, so whether the duty is overdue"),
        deadline=None,
    )


def test_a_deadline_resting_on_a_missing_fact_still_yields_to_the_end_of_requirements() -> None:
    # The requirements end on 7 March, before the earliest deadline (8 March): a later deadline
    # would fall after the end as well, so no notification is required, whatever the fact.
    duty = settle(finding(missing=("orders[0].served",)), date(2026, 3, 20), subject(DUE), EW)
    assert duty.state is DutyState.NOT_REQUIRED


def test_a_deadline_resting_on_two_missing_facts_names_both() -> None:
    duty = settle(
        finding(missing=("orders[0].served", "orders[1].served")), FIRST_FAILURE, subject(), EW
    )
    assert duty.reasons[-1].statement.startswith(
        "The deadline rests on orders[0].served, orders[1].served, not recorded: it is 2026-03-08 "
        "at the earliest"
    )
