"""Relevant dates before 1 May 2004 (SOA 2003 s.81) and a finding of disability followed by a
trial (s.82(5)): the edges the golden scenarios 100-110 do not reach, and invariants over the
public strategies.

Expected values are worked from the statute: s.81(1) "from the commencement of this Part until
the end of the notification period", s.81(2), s.81(3)-(5), s.82(5).
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState, Headline
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import assessment_to_data
from sexoffender_rules.england_and_wales import PART_2_COMMENCEMENT
from sexoffender_rules.explain import explain
from sexoffender_rules.model import (
    Case,
    HospitalOrder,
    Imprisonment,
    Notification,
    OtherDisposal,
    Person,
    Trigger,
)
from sexoffender_rules.strategies import cases_with_as_of


def person(born: date = date(1960, 1, 1)) -> Person:
    return Person(reference="FICTIONAL-T81", date_of_birth=born)


def test_an_indefinite_finding_ends_at_the_conclusion_of_a_later_trial() -> None:
    # Hospital order with a restriction order: indefinite (s.82(1)); tried 2026-02-10 (s.82(5)).
    finding = Trigger(
        id="t1",
        kind="finding_disability_did_act",
        date=date(2020, 5, 5),
        disposal=HospitalOrder(restriction_order=True),
        trial_concluded=date(2026, 2, 10),
    )
    during = assess(Case(person=person(), triggers=(finding,)), date(2026, 2, 10))
    source = during.registration.sources[0]
    assert (source.indefinite, source.end, source.period) == (False, date(2026, 2, 10), None)
    assert source.period_text == "until 2026-02-10"
    assert during.registration.subject  # the day the trial concluded is the last day
    after = assess(Case(person=person(), triggers=(finding,)), date(2026, 2, 11))
    assert after.headline is Headline.ENDED
    assert "ew.s82.trial" in after.rule_ids
    assert assessment_to_data(after)["registration"]["sources"][0]["period"] is None
    assert "until 2026-02-10" in explain(after)


def test_a_trial_after_the_period_ended_changes_nothing() -> None:
    finding = Trigger(
        id="t1",
        kind="finding_disability_did_act",
        date=date(2010, 3, 1),
        disposal=OtherDisposal(),
        trial_concluded=date(2016, 1, 1),
    )
    a = assess(Case(person=person(), triggers=(finding,)), date(2026, 1, 1))
    assert a.registration.sources[0].end == date(2015, 2, 28)  # 5 years beginning 2010-03-01
    assert "ew.s82.trial" not in a.rule_ids


def test_a_pre_2004_conviction_awaiting_sentence_is_subject_from_commencement_only() -> None:
    conviction = Trigger(id="t1", kind="conviction", date=date(2004, 4, 20))
    before = assess(Case(person=person(), triggers=(conviction,)), date(2004, 4, 30))
    assert not before.registration.subject  # not subject under Part 2 before it came into force
    assert before.headline is Headline.NOT_SUBJECT  # not "ended": the period has not begun
    on = assess(Case(person=person(), triggers=(conviction,)), date(2004, 5, 1))
    assert on.registration.subject
    assert on.registration.undetermined
    assert on.registration.sources[0].start == PART_2_COMMENCEMENT
    assert [(d.kind, d.trigger_date, d.deadline) for d in on.duties] == [
        (DutyKind.INITIAL, date(2004, 5, 1), date(2004, 5, 3)),
        (DutyKind.PERIODIC, date(2004, 5, 1), date(2005, 5, 1)),
    ]


def test_a_notification_on_1_may_2004_answers_the_first_periodic_duty() -> None:
    # s.85(2)(a) documented choice: a notification on the day of the event counts.
    conviction = Trigger(
        id="t1",
        kind="conviction",
        date=date(2002, 1, 1),
        disposal=Imprisonment(term=CalendarPeriod(months=3)),
    )
    n1 = Notification(id="n1", date=date(2004, 5, 1), kind="initial")
    a = assess(Case(person=person(), triggers=(conviction,), notifications=(n1,)), date(2004, 6, 1))
    first = [d for d in a.duties if d.kind is DutyKind.PERIODIC and d.trigger_date == n1.date]
    assert [d.state for d in a.duties if d.kind is DutyKind.INITIAL] == [DutyState.MET]
    # Two periodic duties arise on 2004-05-01: the s.85(2)(a) one, met by n1, and n1's own cycle.
    assert sorted(d.state.value for d in first) == ["met", "open"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases_with_as_of())
def test_no_one_is_subject_under_part_2_before_it_came_into_force(pair: tuple[Case, date]) -> None:
    case, as_of = pair
    a = assess(case, as_of)
    orders = {f"orders[{i}]": o for i, o in enumerate(case.orders)}  # applied_by is a path
    for source in a.registration.sources:
        assert source.start >= PART_2_COMMENCEMENT
        if source.applied_by is None and source.initial_from is not None:
            # An order served after it was made (s.103G(2)-(3)): subject from the making, with
            # the date of service the relevant date.
            order = orders[source.fact]
            assert (source.start, source.relevant_date) == (order.made, order.served)
            assert order.made >= PART_2_COMMENCEMENT
        elif source.applied_by is None:
            assert source.start == max(source.relevant_date, PART_2_COMMENCEMENT)
        else:
            # Abroad (s.98(1), s.96ZA(1)): subject from the order or notice, not the foreign
            # conviction, and never before Part 2 came into force.
            order = orders[source.applied_by]
            assert source.start >= max(order.made, PART_2_COMMENCEMENT)
        if source.end is not None:
            assert source.end >= PART_2_COMMENCEMENT  # s.81(2): an earlier end is no source
    for duty in a.duties:
        assert duty.trigger_date >= PART_2_COMMENCEMENT
    # s.81(3)-(5) decide who is subject through a conviction, finding or caution in the UK; a
    # conviction abroad counts only through the order or notice that names it, whose court or
    # chief officer applied the 1 September 1997 conditions of s.97(2)-(4) or s.96ZA.
    kept = {s.trigger_id for s in a.registration.sources if s.applied_by is None}
    for trigger in case.triggers:
        before_1997 = trigger.relevant_date <= as_of and trigger.relevant_date < date(1997, 9, 1)
        excluded = trigger.kind.value == "caution" or trigger.current_on_1_september_1997 is False
        if before_1997 and excluded:
            assert trigger.id not in kept  # s.81(3)-(5)


def test_a_1997_act_notification_is_not_one_under_s83_1_for_s83_2() -> None:
    # t1 (1999) is excused from s.83(1) by s.83(3) through n0 (1999); t2 (2010) is a new
    # conviction while subject through t1. s.83(2)(b) needs a notification under s.83(1) for t1:
    # n0 was given under the 1997 Act, so t2's initial notification is required.
    t1 = Trigger(
        id="t1",
        kind="conviction",
        date=date(1999, 1, 10),
        disposal=Imprisonment(term=CalendarPeriod(years=3)),
    )
    t2 = Trigger(id="t2", kind="conviction", date=date(2010, 6, 1), disposal=OtherDisposal())
    n0 = Notification(id="n0", date=date(1999, 1, 20), kind="initial")
    case = Case(person=person(), triggers=(t1, t2), notifications=(n0,))
    initial = assess(case, date(2010, 6, 10)).duties_of(DutyKind.INITIAL)
    assert [(d.trigger_date, d.state) for d in initial] == [
        (date(2004, 5, 1), DutyState.NOT_REQUIRED),
        (date(2010, 6, 1), DutyState.OVERDUE),
    ]
