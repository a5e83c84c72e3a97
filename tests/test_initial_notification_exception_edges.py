"""The exception to the initial notification (SOA 2003 s.83(2), (4)) at its edges: an earlier
period that ends on the last of the 3 days under one reading of a day partly spent away and not
under the other; an earlier period whose end is not known; an order for a trigger abroad whose
earlier events come in no useful order; and the transitional 3 days from 1 May 2004 (s.83(1)).

Each window says what its deadline, and so the exception, would be under the other reading of a
day partly away (``Policy.partial_days``), so the engine settles the duty again rather than
assessing the whole case twice; where the result depends on the reading it is flagged. These
tests count the assessments made.
"""

from __future__ import annotations

from datetime import date

from assessments_made import counting
from sexoffender_rules import assess
from sexoffender_rules.assessment import Assessment, Duty, DutyKind, DutyState
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.model import (
    Case,
    Detention,
    Imprisonment,
    LifeImprisonment,
    Notification,
    Order,
    Person,
    Trigger,
)

PERSON = Person(reference="FICTIONAL-0964", date_of_birth=date(1979, 10, 22))


def counted(case: Case, as_of: date) -> tuple[Assessment, int]:
    """The assessment of ``case`` and the number of assessments made to find its flags."""
    ruleset, calls = counting(ENGLAND_AND_WALES)
    return assess(case, as_of, ruleset=ruleset), len(calls)


def initial_of(result: Assessment, fact: str) -> Duty:
    [duty] = [d for d in result.duties_of(DutyKind.INITIAL) if d.fact == fact]
    return duty


def cautioned_again(first_caution: date) -> Case:
    """Cautioned on ``first_caution`` (2 years for an adult, s.82(1)) and notified that day;
    cautioned again on Friday 6 March 2026, remanded on Saturday 7 March and released on Monday
    9 March, the release notified that day.

    The 3 days for the second caution: under liberty_at_end_of_day (the default) the 7th and
    8th are away and the 9th, the day of release, counts: the 6th, 9th and 10th, so the last is
    10 March. Under whole_day_at_liberty the 9th is away too: the 6th, 10th and 11th, 11 March.
    """
    return Case(
        person=PERSON,
        triggers=(
            Trigger(id="t1", kind="caution", date=first_caution),
            Trigger(id="t2", kind="caution", date=date(2026, 3, 6)),
        ),
        detentions=(Detention(kind="remand", start=date(2026, 3, 7), end=date(2026, 3, 9)),),
        notifications=(
            Notification(id="n1", date=first_caution, kind="initial"),
            Notification(id="n2", date=date(2026, 3, 9), kind="change", release=True),
        ),
    )


def test_subject_through_the_first_caution_to_the_later_deadline_excuses_under_both() -> None:
    # First caution 13 March 2024: 2 years beginning with it end on 12 March 2026, after both
    # 10 and 11 March. Subject and notified immediately before the second caution and still
    # subject to the end of its 3 days under either reading: not required (s.83(2)), and the
    # reading changes nothing, so the case is assessed once.
    result, assessments = counted(cautioned_again(date(2024, 3, 13)), date(2026, 3, 20))
    second = initial_of(result, "triggers[1]")
    assert (second.deadline, second.state) == (date(2026, 3, 10), DutyState.NOT_REQUIRED)
    assert result.flags == ()
    assert assessments == 1


def test_a_first_caution_that_ends_on_the_earlier_deadline_excuses_under_one_reading_only() -> None:
    # First caution 11 March 2024: 2 years end on 10 March 2026. Under the default reading the 3
    # days end on 10 March: subject throughout, not required (s.83(2)(c)). Under
    # whole_day_at_liberty they end on 11 March, a day he is no longer subject through the first
    # caution, so the initial notification is required, and with none given it is overdue. The
    # result depends on the reading: flagged.
    result, assessments = counted(cautioned_again(date(2024, 3, 11)), date(2026, 3, 20))
    second = initial_of(result, "triggers[1]")
    assert (second.deadline, second.state) == (date(2026, 3, 10), DutyState.NOT_REQUIRED)
    assert assessments == 2
    [flag] = result.flags
    assert flag.startswith(
        "The result depends on the reading partial_days=liberty_at_end_of_day: under "
        "partial_days=whole_day_at_liberty the initial duty from 2026-03-06 is overdue, due by "
        "2026-03-11"
    )


def test_the_transitional_window_from_1_may_2004_is_settled_again_not_reassessed() -> None:
    # Convicted 2 June 2003, 12 months: 10 years (s.82(1)), so subject from 1 May 2004 (s.81(1)).
    # Detained until Tuesday 4 May 2004: the 3 days beginning with 1 May 2004 are the 4th, 5th and
    # 6th (the day of release counted), or the 5th, 6th and 7th. Notified on 5 May 2004, within
    # them under either reading: met either way, and the case is assessed once. (That
    # notification records the release, so it answers the release duty, s.84(1)(d), under either
    # reading of release_notified_by_attendance.)
    case = Case(
        person=PERSON,
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2003, 6, 2),
                disposal=Imprisonment(term=CalendarPeriod(months=12)),
            ),
        ),
        detentions=(Detention(kind="sentence", start=date(2003, 6, 2), end=date(2004, 5, 4)),),
        notifications=(Notification(id="n1", date=date(2004, 5, 5), kind="initial", release=True),),
    )
    result, assessments = counted(case, date(2004, 6, 1))
    initial = initial_of(result, "triggers[0]")
    assert (initial.deadline, initial.state) == (date(2004, 5, 6), DutyState.MET)
    assert "partial_days=liberty_at_end_of_day" in [x for r in initial.reasons for x in r.readings]
    assert result.flags == ()
    assert assessments == 1


def test_under_a_one_day_window_a_period_ending_on_the_relevant_date_excuses() -> None:
    # A reform giving 1 day to notify (notification_days=1). First caution 11 March 2024: 2 years
    # end on 10 March 2026. Cautioned again on 10 March 2026: the 1 day beginning with it is the
    # 10th. Subject through the first caution on the 9th (immediately before), notified in
    # respect of it, and still subject on the 10th, the whole of the new period: not required
    # (s.83(2) with the reform's period).
    one_day = ENGLAND_AND_WALES.derive(name="one-day", parameters={"notification_days": 1})
    case = Case(
        person=PERSON,
        triggers=(
            Trigger(id="t1", kind="caution", date=date(2024, 3, 11)),
            Trigger(id="t2", kind="caution", date=date(2026, 3, 10)),
        ),
        notifications=(Notification(id="n1", date=date(2024, 3, 11), kind="initial"),),
    )
    second = initial_of(assess(case, date(2026, 3, 20), ruleset=one_day), "triggers[1]")
    assert (second.deadline, second.state) == (date(2026, 3, 10), DutyState.NOT_REQUIRED)


def _abroad(tid: str, on: date, disposal: object) -> Trigger:
    return Trigger(id=tid, kind="conviction", date=on, disposal=disposal, abroad=True)  # type: ignore[arg-type]


def _order(oid: str, trigger: str, made: date) -> Order:
    return Order(id=oid, kind="notification_order", made=made, served=made, trigger=trigger)


def two_orders_abroad(life_abroad: date, first_order: date) -> Case:
    """triggers[0]: life imprisonment abroad on ``life_abroad``, applied by a notification order
    made and served on ``first_order``; triggers[1]: 12 months abroad on 7 May 2012, applied by
    an order made and served 6 September 2021; triggers[2]: 12 months here on 2 March 2020,
    notified on 3 March 2020."""
    return Case(
        person=PERSON,
        triggers=(
            _abroad("t1", life_abroad, LifeImprisonment()),
            _abroad("t2", date(2012, 5, 7), Imprisonment(term=CalendarPeriod(months=12))),
            Trigger(
                id="t3",
                kind="conviction",
                date=date(2020, 3, 2),
                disposal=Imprisonment(term=CalendarPeriod(months=12)),
            ),
        ),
        orders=(_order("o1", "t1", first_order), _order("o2", "t2", date(2021, 9, 6))),
        notifications=(Notification(id="n1", date=date(2020, 3, 3), kind="initial"),),
    )


def test_an_order_abroad_is_excused_by_a_later_conviction_whatever_comes_before_it() -> None:
    # triggers[0]: life imprisonment abroad (2010), applied by an order made 5 June 2023.
    # triggers[1]: 12 months abroad on 7 May 2012 (10 years, to 6 May 2022), applied by an order
    # made and served 6 September 2021: its 3 days are the 6th to the 8th.
    # triggers[2]: convicted here on 2 March 2020, 12 months: 10 years, to 1 March 2030;
    # notified 3 March 2020. Immediately before 6 September 2021 he was subject through
    # triggers[2] and had notified it, and remains so to 8 September: s.83(4) excuses the
    # initial notification for triggers[1]. triggers[0] became subject only in 2023, after it,
    # and is passed over without ending the search.
    result = assess(two_orders_abroad(date(2010, 1, 4), date(2023, 6, 5)), date(2023, 7, 3))
    order_abroad = initial_of(result, "triggers[1]")
    assert (order_abroad.deadline, order_abroad.state) == (
        date(2021, 9, 8),
        DutyState.NOT_REQUIRED,
    )


def test_an_earlier_order_abroad_never_notified_does_not_end_the_search() -> None:
    # triggers[0]: life imprisonment abroad (2011), applied by an order made and served 7 June
    # 2021; triggers[2] (as above: subject to 1 March 2030, notified 3 March 2020) excuses its
    # initial notification (s.83(4)), and none was given. triggers[1]: 12 months abroad on 7 May
    # 2012, applied by an order made and served 6 September 2021 (3 days: the 6th to the 8th).
    # Through triggers[0] he was subject immediately before, but never notified under s.83(1)
    # in respect of it, so it cannot excuse (s.83(2)(b)); triggers[2] can, and does.
    result = assess(two_orders_abroad(date(2011, 1, 10), date(2021, 6, 7)), date(2021, 10, 4))
    assert initial_of(result, "triggers[0]").state is DutyState.NOT_REQUIRED
    order_abroad = initial_of(result, "triggers[1]")
    assert (order_abroad.deadline, order_abroad.state) == (
        date(2021, 9, 8),
        DutyState.NOT_REQUIRED,
    )
    [excuse] = [r for r in order_abroad.reasons if r.rule_id == "ew.s83.exception"]
    assert excuse.statement.startswith("Already subject through triggers[2] and notified")


def test_an_earlier_period_not_yet_known_cannot_excuse_an_order_abroad() -> None:
    # Convicted here on 2 March 2020 with no disposal recorded: the period is not known, so it
    # cannot show that he remains subject throughout the 3 days (s.83(2)(c), (4)). An order made
    # and served 6 September 2021 for 6 months abroad on 15 March 2017 (7 years, to 14 March
    # 2024): the initial notification is due by 8 September 2021 and, none given, overdue.
    case = Case(
        person=PERSON,
        triggers=(
            _abroad("t1", date(2017, 3, 15), Imprisonment(term=CalendarPeriod(months=6))),
            Trigger(id="t2", kind="conviction", date=date(2020, 3, 2)),
        ),
        orders=(_order("o1", "t1", date(2021, 9, 6)),),
        notifications=(Notification(id="n1", date=date(2020, 3, 3), kind="initial"),),
    )
    result = assess(case, date(2021, 10, 4))
    order_abroad = initial_of(result, "triggers[0]")
    assert order_abroad.deadline == date(2021, 9, 8)
    assert order_abroad.state is not DutyState.NOT_REQUIRED
