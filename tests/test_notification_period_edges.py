"""The notification period at its edges (SOA 2003 ss.80-82, 98): the last reason when every period
has ended but one is undetermined, an indefinite period cut short by a notification order's
discharge, and the days not subject after a conditional discharge ended, before a re-sentence to
an indefinite period or after a history of three sentences.

Each case is worked by hand in its comment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from sexoffender_rules import CalendarPeriod, assess
from sexoffender_rules.assessment import DutyKind, DutyState, Headline, Registration, Source
from sexoffender_rules.calendar import END_OF_TIME, DateInterval
from sexoffender_rules.model import (
    Case,
    ConditionalDischarge,
    DetentionAndTrainingOrder,
    HomeAddress,
    HomeAddressChange,
    Imprisonment,
    LifeImprisonment,
    Notification,
    Order,
    OtherDisposal,
    Person,
    Resentence,
    Trigger,
)

ADULT = Person(reference="FICTIONAL-0973", date_of_birth=date(1960, 1, 1))  # 18 on 1 Jan 1978

# Convicted on 1 March 1996, before 1 September 1997, and sentenced to 1 year's imprisonment:
# more than 6 months and less than 30, 10 years beginning with 1 March 1996, ending on
# 28 February 2006, after 1 May 2004 (s.81(2) does not exclude it). Whether the case was current
# on 1 September 1997 is not recorded: whether it counts at all is undetermined (s.81(3)-(4)).
BEFORE_1997 = Trigger(
    id="t1",
    kind="conviction",
    date=date(1996, 3, 1),
    disposal=Imprisonment(term=CalendarPeriod(years=1)),
)
NOT_KNOWN_CURRENT = (
    "triggers[0].current_on_1_september_1997: needed to know whether s.81(3)-(4) let this "
    "conviction or finding before 1 September 1997 count"
)


# Convicted abroad on 15 March 2021 and sentenced to 6 months' imprisonment: 7 years under
# s.82(1) read with the corresponding disposal (s.98(3)), to 14 March 2028.
ABROAD = Trigger(
    id="t1",
    kind="conviction",
    date=date(2021, 3, 15),
    disposal=Imprisonment(term=CalendarPeriod(months=6)),
    abroad=True,
)


def last_reason(case: Case, as_of: date) -> tuple[str, str, tuple[str, ...]]:
    reason = assess(case, as_of).registration.reasons[-1]
    return reason.rule_id, reason.statement, reason.facts


def test_every_period_ended_with_one_undetermined_names_its_end_and_what_it_needs() -> None:
    # With a caution of 1 March 2005 (2 years beginning with 1 March 2005, ending on
    # 28 February 2007). On 1 June 2010 both have ended: the last determined end is 28 February
    # 2007; the conviction's period, if it counts at all, ended on 28 February 2006.
    caution = Trigger(id="t2", kind="caution", date=date(2005, 3, 1))
    case = Case(person=ADULT, triggers=(BEFORE_1997, caution))
    registration = assess(case, date(2010, 6, 1)).registration
    assert (registration.subject, registration.end, registration.undetermined) == (
        False,
        None,
        True,
    )
    assert last_reason(case, date(2010, 6, 1)) == (
        "ew.s80.subject",
        "Every notification period ended by the assessment date (the last of those determined "
        "on 2007-02-28; that of triggers[0], left undetermined by a missing fact "
        f"({NOT_KNOWN_CURRENT}), ended on 2006-02-28).",
        ("triggers[0]",),
    )


def test_the_one_period_ended_undetermined_names_its_end_and_what_it_needs() -> None:
    # The conviction alone: on 1 June 2010 its period, if it counts, ended on 28 February 2006.
    case = Case(person=ADULT, triggers=(BEFORE_1997,))
    assert last_reason(case, date(2010, 6, 1)) == (
        "ew.s80.subject",
        "Every notification period ended by the assessment date (that of triggers[0], left "
        f"undetermined by a missing fact ({NOT_KNOWN_CURRENT}), ended on 2006-02-28).",
        ("triggers[0]",),
    )


@pytest.mark.parametrize(
    "triggers",
    [
        (),
        # The conviction of 1996 (its period, if it counts, to 28 February 2006) and a caution
        # of 1 March 2010 (2 years, to 29 February 2012): both ended before the order was made.
        (BEFORE_1997, Trigger(id="t2", kind="caution", date=date(2010, 3, 1))),
    ],
)
def test_an_order_served_after_the_assessment_date_makes_the_person_subject_from_its_making(
    triggers: tuple[Trigger, ...],
) -> None:
    # A sexual harm prevention order made on Wed 1 April 2015, with no end, on a person who is
    # not a relevant offender, served on Fri 1 May 2015: the order makes the person subject
    # "from the making of the order" (s.103G(2)(a)), so on 1 April 2015 the person is subject
    # through it, while the relevant date is the date of service (s.103G(3)): the initial
    # notification is due within 3 days beginning with 1 May 2015, by Sun 3 May 2015.
    order = Order(
        id="o1", kind="sexual_harm_prevention_order", made=date(2015, 4, 1), served=date(2015, 5, 1)
    )
    case = Case(person=ADULT, triggers=triggers, orders=(order,))
    assessment = assess(case, date(2015, 4, 1))
    assert assessment.registration.subject is True
    source = next(s for s in assessment.registration.sources if s.fact == "orders[0]")
    assert (source.start, source.relevant_date) == (date(2015, 4, 1), date(2015, 5, 1))
    (initial,) = [d for d in assessment.duties if d.fact == "orders[0]"]
    assert (initial.kind, initial.deadline) == (DutyKind.INITIAL, date(2015, 5, 3))


def test_an_order_made_on_1_may_2004_and_served_later_makes_the_person_subject_from_its_making() -> (
    None
):
    # A sexual offences prevention order made on Sat 1 May 2004, when Part 2 came into force, on
    # a person who is not a relevant offender, served on Mon 3 May 2004: subject from the making
    # (s.107(4)(a)), the relevant date the date of service (s.107(5)): the initial notification
    # is due within 3 days beginning with 3 May 2004, by Wed 5 May 2004. The person is not
    # subject under s.81, so the commencement of Part 2 is no event for a periodic
    # notification (s.85(2)(a) is read with s.81, ew.s85.first_after_commencement): the only
    # duty on 1 May 2004 is the initial one.
    order = Order(
        id="o1",
        kind="sexual_offences_prevention_order",
        made=date(2004, 5, 1),
        served=date(2004, 5, 3),
    )
    assessment = assess(Case(person=ADULT, orders=(order,)), date(2004, 5, 1))
    assert assessment.registration.subject is True
    assert [(d.kind, d.deadline) for d in assessment.duties] == [
        (DutyKind.INITIAL, date(2004, 5, 5))
    ]


def test_a_notification_order_discharged_the_day_after_it_was_made_had_effect_that_day() -> None:
    # Convicted abroad on 15 March 2021 (6 months' imprisonment: 7 years, to 14 March 2028). A
    # notification order made and served on 3 May 2022 and discharged on 4 May 2022 has effect
    # on 3 May 2022 only: subject that one day. A caution in England and Wales listed after it,
    # on 9 May 2022 (2 years, to 8 May 2024), is a source of its own.
    made = date(2022, 5, 3)
    order = Order(
        id="o1",
        kind="notification_order",
        made=made,
        served=made,
        discharged=date(2022, 5, 4),
        trigger="t1",
    )
    caution = Trigger(id="t2", kind="caution", date=date(2022, 5, 9))
    case = Case(person=ADULT, triggers=(ABROAD, caution), orders=(order,))
    abroad, cautioned = assess(case, date(2022, 6, 1)).registration.sources
    assert (abroad.start, abroad.end) == (made, made)
    assert (cautioned.fact, cautioned.end) == ("triggers[1]", date(2024, 5, 8))


def test_an_indefinite_period_abroad_ends_the_day_before_its_notification_order_is_discharged() -> (
    None
):
    # Convicted abroad on 15 March 2017 and sentenced to life imprisonment: indefinite under
    # s.82(1) read with the corresponding disposal (s.98(3)). A notification order made and
    # served on 6 September 2021 applies Part 2 (s.98(1)); discharged on 7 March 2022, it has
    # effect to 6 March 2022, the last day subject.
    abroad = Trigger(
        id="t1", kind="conviction", date=date(2017, 3, 15), disposal=LifeImprisonment(), abroad=True
    )
    order = Order(
        id="o1",
        kind="notification_order",
        made=date(2021, 9, 6),
        served=date(2021, 9, 6),
        discharged=date(2022, 3, 7),
        trigger="t1",
    )
    registration = assess(
        Case(person=ADULT, triggers=(abroad,), orders=(order,)), date(2022, 6, 6)
    ).registration
    (source,) = registration.sources
    assert (source.end, source.indefinite, registration.subject) == (date(2022, 3, 6), False, False)


def test_a_notification_order_discharged_on_the_day_it_was_made_makes_no_one_subject() -> None:
    # Convicted abroad on 15 March 2021 and sentenced to 6 months' imprisonment: 7 years under
    # s.82(1) read with the corresponding disposal (s.98(3)), to 14 March 2028. A notification
    # order made and served on 3 May 2022 and discharged that day has effect to the day before
    # its discharge, 2 May 2022, before it was made: no day is subject through it. A caution
    # in England and Wales listed after it, on 9 May 2022, is the one source.
    made = date(2022, 5, 3)
    order = Order(
        id="o1", kind="notification_order", made=made, served=made, discharged=made, trigger="t1"
    )
    caution = Trigger(id="t2", kind="caution", date=date(2022, 5, 9))
    assessment = assess(
        Case(person=ADULT, triggers=(ABROAD, caution), orders=(order,)), date(2022, 6, 1)
    )
    assert [s.fact for s in assessment.registration.sources] == ["triggers[1]"]
    assert [d.fact for d in assessment.duties if d.fact == "triggers[0]"] == []
    [*_, last] = [
        r for r in assessment.registration.reasons if r.rule_id == "ew.s98.notification_order"
    ]
    assert (last.statement, last.facts) == (
        "triggers[0]: orders[0] was discharged on the day it was made, 2022-05-03: it had effect "
        "on no day and makes no one subject.",
        ("triggers[0]", "orders[0]"),
    )


def resentenced(first: Any, *again: tuple[date, str, Any]) -> Source:
    """The one source of an adult convicted on 10 January 2020 and given ``first``, then dealt
    with again on each (date, reason, disposal), as assessed on 3 July 2023."""
    convicted = Trigger(
        id="t1",
        kind="conviction",
        date=date(2020, 1, 10),
        disposal=first,
        resentences=tuple(Resentence(date=d, reason=why, disposal=x) for d, why, x in again),
    )
    (source,) = assess(
        Case(person=ADULT, triggers=(convicted,)), date(2023, 7, 3)
    ).registration.sources
    return source


def last_resentence_reason(source: Source) -> str:
    return [r.statement for r in source.reasons if r.rule_id == "ew.s82.resentence"][-1]


GAP_FROM_10_JANUARY_2021 = (
    "The period of the conditional discharge ended before the re-sentence on 2023-06-01: "
    "not subject from 2021-01-10 to 2023-05-31, subject again from the re-sentence."
)
ONE_YEAR_DISCHARGE = ConditionalDischarge(period=CalendarPeriod(years=1))


def test_a_re_sentence_to_an_indefinite_period_after_the_discharge_ended_leaves_a_gap() -> None:
    # Conditionally discharged for 1 year on 10 January 2020: the period ends on 9 January 2021.
    # Re-sentenced on 1 June 2023 for breach to 3 years' imprisonment: 30 months or more, an
    # indefinite period beginning with 10 January 2020. As with any re-sentence after the
    # discharge's period ended (rule ew.s82.resentence), not subject from 10 January 2021 to
    # 31 May 2023, subject again from 1 June 2023.
    three_years = Imprisonment(term=CalendarPeriod(years=3))
    source = resentenced(
        ONE_YEAR_DISCHARGE, (date(2023, 6, 1), "breach_of_conditional_discharge", three_years)
    )
    assert source.indefinite
    assert source.lapsed is not None
    assert (source.lapsed.start, source.lapsed.end) == (date(2021, 1, 10), date(2023, 6, 1))
    assert last_resentence_reason(source) == GAP_FROM_10_JANUARY_2021
    assert date(2022, 6, 1) not in source.subject_days
    assert date(2023, 6, 1) in source.subject_days


def test_the_gap_after_a_discharge_given_on_re_sentence_names_the_last_re_sentence() -> None:
    # Convicted on 10 January 2020 and given a community order (another disposal); re-sentenced
    # on 2 March 2020 for its breach to a conditional discharge of 1 year, whose period, beginning
    # with the relevant date, ends on 9 January 2021; re-sentenced again on 1 June 2023 for
    # breach of the discharge to 4 months' imprisonment: 7 years beginning with 10 January 2020,
    # ending on 9 January 2027. Not subject from 10 January 2021 to 31 May 2023.
    four_months = Imprisonment(term=CalendarPeriod(months=4))
    source = resentenced(
        OtherDisposal(description="community order"),
        (date(2020, 3, 2), "breach_of_community_order", ONE_YEAR_DISCHARGE),
        (date(2023, 6, 1), "breach_of_conditional_discharge", four_months),
    )
    assert source.end == date(2027, 1, 9)
    assert last_resentence_reason(source) == GAP_FROM_10_JANUARY_2021


# A conviction with no disposal recorded: until one is, the person is of "any other
# description" in the s.82(1) table (5 years, halved under 18), and being subject after that
# rests on the disposal.
NO_DISPOSAL = Trigger(id="t1", kind="conviction", date=date(2005, 3, 1))
NOT_RECORDED = "triggers[0].disposal"


def test_a_failure_with_no_disposal_is_asserted_only_while_the_period_is_taken_to_run() -> None:
    # Convicted Tue 1 March 2005, an adult, initial notification Wed 2 March 2005. The annual
    # notification is due within one year after it, by Thu 2 March 2006 (s.85(1)): not given.
    # 5 years beginning with 1 March 2005 end on Sun 28 February 2010, the last day the person
    # is taken to be subject: the failure runs from 3 March 2006 to then, and whether it went on
    # after it rests on the disposal.
    case = Case(
        person=ADULT,
        triggers=(NO_DISPOSAL,),
        notifications=(Notification(id="n1", date=date(2005, 3, 2), kind="initial"),),
    )
    later = assess(case, date(2020, 1, 1))
    (periodic,) = [d for d in later.duties if d.kind is DutyKind.PERIODIC]
    assert (periodic.deadline, periodic.state, periodic.breach) == (
        date(2006, 3, 2),
        DutyState.OVERDUE,
        DateInterval.from_days(date(2006, 3, 3), date(2010, 2, 28)),
    )
    assert periodic.reasons[-1].statement == (
        "Not notified by 2006-03-02: in breach from 2006-03-03 until 2010-02-28, the last day the "
        "requirements are taken to run; whether it continued after that rests on "
        "triggers[0].disposal, not recorded."
    )
    assert later.registration.sources[0].taken_until == date(2010, 2, 28)
    # On 1 January 2020 whether the person is still subject, and so still failing, is open.
    assert later.headline is Headline.DUE
    # On Tue 1 January 2008 the person is taken to be subject and failing: the failure
    # continues, as one does while the requirements run past the assessment date.
    earlier = assess(case, date(2008, 1, 1))
    assert earlier.headline is Headline.IN_BREACH
    (continuing,) = [d for d in earlier.duties if d.kind is DutyKind.PERIODIC]
    assert continuing.breach == DateInterval(date(2006, 3, 3), END_OF_TIME)
    # A notification on Wed 1 June 2011, after the day taken, answers the failure only if the
    # requirements still ran: the failure is still asserted to 28 February 2010 only, and the
    # annual duty from 1 June 2011 (due by Fri 1 June 2012) is undetermined.
    late = Notification(id="n2", date=date(2011, 6, 1), kind="periodic")
    answered = assess(
        attrs.evolve(case, notifications=(*case.notifications, late)), date(2020, 1, 1)
    )
    first, second = [d for d in answered.duties if d.kind is DutyKind.PERIODIC]
    assert (first.state, first.discharged_by, first.breach) == (
        DutyState.OVERDUE,
        None,
        DateInterval.from_days(date(2006, 3, 3), date(2010, 2, 28)),
    )
    assert first.reasons[-1].statement == (
        "Not notified by 2006-03-02: in breach from 2006-03-03 until 2010-02-28, the last day the "
        "requirements are taken to run; whether it continued after that rests on "
        "triggers[0].disposal, not recorded, and so does whether the notification of 2011-06-01 "
        "answered it."
    )
    assert (second.deadline, second.state) == (date(2012, 6, 1), DutyState.UNDETERMINED)


def test_a_duty_falling_due_after_the_known_period_is_undetermined() -> None:
    # Born 1 January 1990, convicted Wed 1 June 2005, aged 15: 5 years halved to 2 years 6
    # months (s.82(2)) beginning with 1 June 2005 end on Fri 30 November 2007. Notified on
    # 2 June 2005, then on 1 June 2006 and Wed 30 May 2007, each within a year of the last. The
    # next is due within one year after 30 May 2007, by Fri 30 May 2008, after 30 November 2007:
    # whether it is owed at all rests on the disposal. One given on 2 June 2008 came after it.
    young = Person(reference="FICTIONAL-0974", date_of_birth=date(1990, 1, 1))
    trigger = Trigger(id="t1", kind="conviction", date=date(2005, 6, 1))
    given = [date(2005, 6, 2), date(2006, 6, 1), date(2007, 5, 30)]
    notes = tuple(
        Notification(id=f"n{i}", date=on, kind="initial" if i == 0 else "periodic")
        for i, on in enumerate(given)
    )
    case = Case(person=young, triggers=(trigger,), notifications=notes)
    assessment = assess(case, date(2009, 1, 5))
    assert assessment.registration.sources[0].taken_until == date(2007, 11, 30)
    periodic = {d.trigger_date: d for d in assessment.duties if d.kind is DutyKind.PERIODIC}
    assert periodic[date(2006, 6, 1)].state is DutyState.MET
    last = periodic[date(2007, 5, 30)]
    assert (last.deadline, last.state, last.breach) == (
        date(2008, 5, 30),
        DutyState.UNDETERMINED,
        None,
    )
    assert last.reasons[-1].statement == (
        "Whether the requirements still run on the deadline 2008-05-30 rests on "
        "triggers[0].disposal, not recorded; none has been given, so whether the duty is overdue "
        "is undetermined until the fact is recorded."
    )
    assert assessment.headline is Headline.DUE
    late = Notification(id="n3", date=date(2008, 6, 2), kind="periodic")
    after = assess(attrs.evolve(case, notifications=(*notes, late)), date(2009, 1, 5))
    (answered,) = [d for d in after.duties if d.trigger_date == date(2007, 5, 30)]
    assert answered.state is DutyState.UNDETERMINED
    assert "the notification of 2008-06-02 came after it, so whether it was late" in (
        answered.reasons[-1].statement
    )
    # Recording the disposal settles it: a 4-month detention and training order, a term of 6
    # months or less (s.131), 7 years halved to 3 years 6 months, to Sun 30 November 2008: the
    # duty was owed, and met late.
    sentenced = attrs.evolve(
        trigger, disposal=DetentionAndTrainingOrder(term=CalendarPeriod(months=4))
    )
    settled = assess(
        attrs.evolve(case, triggers=(sentenced,), notifications=(*notes, late)), date(2009, 1, 5)
    )
    (owed,) = [d for d in settled.duties if d.trigger_date == date(2007, 5, 30)]
    assert (owed.state, owed.breach) == (
        DutyState.MET_LATE,
        DateInterval.from_days(date(2008, 5, 31), date(2008, 6, 2)),
    )


def test_the_day_taken_as_the_last_with_no_disposal_follows_the_leap_day_reading() -> None:
    # Convicted Fri 29 February 2008, no disposal, initial notification Sat 1 March 2008. Five
    # years beginning with 29 February 2008 end on Thu 28 February 2013 where the anniversary of
    # 29 February is 1 March (the default reading), on 27 February under the other. The annual
    # notification due by Sun 1 March 2009 was not given: the failure runs from 2 March 2009 to
    # the last day the person is taken to be subject, which the reading decides, so it is flagged.
    case = Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="conviction", date=date(2008, 2, 29)),),
        notifications=(Notification(id="n1", date=date(2008, 3, 1), kind="initial"),),
    )
    assessment = assess(case, date(2014, 1, 6))
    assert assessment.registration.sources[0].taken_until == date(2013, 2, 28)
    (periodic,) = [d for d in assessment.duties if d.kind is DutyKind.PERIODIC]
    assert periodic.breach == DateInterval.from_days(date(2009, 3, 2), date(2013, 2, 28))
    assert assessment.flags == (
        "The result depends on the reading leap_day=next_day: under leap_day=previous_day the "
        "person is taken to be subject through triggers[0] to 2013-02-27; the periodic duty from "
        "2008-03-01 is overdue, due by 2009-03-01. Check by hand.",
    )


def test_days_past_the_day_taken_are_unsettled_only_where_no_other_source_covers_them() -> None:
    # triggers[0], no disposal, taken to run to 28 February 2010 and running on; triggers[1], a
    # known period from 1 March 2006 to 28 February 2016. Only the days from 29 February 2016
    # (a leap year) rest on the missing disposal.
    open_one = Source(
        trigger_id="t1",
        fact="triggers[0]",
        relevant_date=date(2005, 3, 1),
        period=None,
        end=None,
        missing=(f"{NOT_RECORDED}: needed to find the notification period (s.82(1))",),
        taken_until=date(2010, 2, 28),
    )
    known = Source(
        trigger_id="t2",
        fact="triggers[1]",
        relevant_date=date(2006, 3, 1),
        period=CalendarPeriod(years=10),
        end=date(2016, 2, 28),
    )
    registration = Registration(subject=True, sources=(open_one, known), end=None)
    assert registration.unsettled_days.spans[0].start == date(2016, 2, 29)
    assert registration.unsettled_from(date(2011, 1, 1)) == (date(2016, 2, 29), (NOT_RECORDED,))
    assert registration.unsettled_from(date(2017, 1, 2)) == (date(2017, 1, 2), (NOT_RECORDED,))
    # With no day taken, nothing is unsettled: the period runs on as before.
    plain = Registration(
        subject=True, sources=(attrs.evolve(open_one, taken_until=None), known), end=None
    )
    assert plain.unsettled_days.is_empty
    assert plain.unsettled_from(date(2017, 1, 2)) is None


def young_case(*extra: Any) -> Case:
    """Born 1 January 1990, convicted Wed 1 June 2005 with no disposal: taken to be subject to
    Fri 30 November 2007 (5 years halved). Notified on 2 June 2005, 1 June 2006 and Wed 30 May
    2007: the annual notification after the last is due by Fri 30 May 2008."""
    notes = tuple(
        Notification(id=f"n{i}", date=on, kind="initial" if i == 0 else "periodic")
        for i, on in enumerate([date(2005, 6, 2), date(2006, 6, 1), date(2007, 5, 30)])
    )
    return Case(
        person=Person(reference="FICTIONAL-0974", date_of_birth=date(1990, 1, 1)),
        triggers=(Trigger(id="t1", kind="conviction", date=date(2005, 6, 1)), *extra),
        notifications=notes,
    )


@pytest.mark.parametrize("as_of", [date(2007, 11, 30), date(2008, 5, 30)])
def test_an_undetermined_annual_duty_not_yet_due_makes_no_headline(as_of: date) -> None:
    # On 30 November 2007, the last day taken, and on 30 May 2008, the deadline itself, the duty
    # due by 30 May 2008 is undetermined (owed only if the period runs on), not yet due: owed or
    # not, it would make no headline, as an open annual duty makes none. On 30 May 2008 whether
    # the person is subject rests on the disposal, which makes the headline due.
    assessment = assess(young_case(), as_of)
    last = next(d for d in assessment.duties if d.trigger_date == date(2007, 5, 30))
    assert (last.state, last.deadline) == (DutyState.UNDETERMINED, date(2008, 5, 30))
    assert (last.reasons[-1].statement, last.reasons[-1].facts) == (
        "Whether the requirements still run on the deadline 2008-05-30 rests on "
        "triggers[0].disposal, not recorded; none has been given yet, and whether it must be is "
        "undetermined until the fact is recorded.",
        ("notifications[2]",),
    )
    expected = Headline.COMPLIANT if as_of == date(2007, 11, 30) else Headline.DUE
    assert assessment.headline is expected


def test_an_undetermined_change_not_yet_due_makes_the_headline_due() -> None:
    # A move on Thu 29 November 2007 is due to be notified by Sat 1 December 2007, after the last
    # day taken: on 30 November 2007 it is undetermined and not yet due, and unlike an annual
    # duty it makes the headline due, as an open change duty would.
    moved = HomeAddressChange(
        date=date(2007, 11, 29), home_address=HomeAddress(kind="residence", reference="ADDR-2")
    )
    assessment = assess(attrs.evolve(young_case(), events=(moved,)), date(2007, 11, 30))
    (change,) = [d for d in assessment.duties if d.kind is DutyKind.CHANGE_OF_HOME_ADDRESS]
    assert (change.state, change.deadline) == (DutyState.UNDETERMINED, date(2007, 12, 1))
    assert assessment.headline is Headline.DUE


def test_two_missing_disposals_are_both_named() -> None:
    # Two convictions on 1 June 2005, neither with a disposal: both taken to 30 November 2007,
    # and the annual duty due by 30 May 2008 rests on both.
    second = Trigger(id="t2", kind="conviction", date=date(2005, 6, 1))
    assessment = assess(young_case(second), date(2009, 1, 5))
    last = next(d for d in assessment.duties if d.trigger_date == date(2007, 5, 30))
    assert last.reasons[-1].statement == (
        "Whether the requirements still run on the deadline 2008-05-30 rests on "
        "triggers[0].disposal, triggers[1].disposal, not recorded; none has been given, so "
        "whether the duty is overdue is undetermined until the fact is recorded."
    )
