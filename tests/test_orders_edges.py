"""Orders that keep or make a person subject, and orders and notices abroad, at their edges
(SOA 2003 ss.96ZA-96ZC, 98, 100, 103G, 107, 109, 129): the reasons each gives, in full, and the
day on which each begins and ceases to bear on the requirements.

Each case is worked by hand from the statute in its comment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from sexoffender_rules import CalendarPeriod, DateInterval, assess
from sexoffender_rules.assessment import DutyKind, DutyState, Headline, Reason
from sexoffender_rules.calendar import END_OF_TIME
from sexoffender_rules.model import (
    Case,
    Detention,
    HomeAddress,
    HomeAddressChange,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    Notification,
    Order,
    OtherDisposal,
    Person,
    Trigger,
)

PERSON = Person(reference="FICTIONAL-0960", date_of_birth=date(1975, 5, 20))


def said(reasons: tuple[Reason, ...] | list[Reason], rule: str) -> list[tuple[Any, ...]]:
    """The reasons of ``rule`` as (statement, facts, dates, readings)."""
    return [(r.statement, r.facts, r.dates, r.readings) for r in reasons if r.rule_id == rule]


def plain(statement: str) -> tuple[Any, ...]:
    """A reason about ``orders[0]`` naming no date and no reading, as :func:`said` gives it."""
    return (statement, ("orders[0]",), (), ())


def order(kind: str, made: date, **fields: Any) -> Order:
    """An order of ``kind`` with the id ``o1``."""
    return Order(id="o1", kind=kind, made=made, **fields)


def convicted(on: date) -> Trigger:
    """An adult convicted on ``on`` with a disposal other than those of s.82(1): 5 years."""
    return Trigger(id="t1", kind="conviction", date=on, disposal=OtherDisposal())


def test_an_shpo_recorded_before_8_march_2015_is_not_such_an_order() -> None:
    # Convicted Mon 9 January 2012 (5 years: 9 January 2012 to 8 January 2017). An order of the
    # kind recorded as made on 7 March 2015, the day before s.103G came into force
    # (SI 2015/373 art. 2(e)), is not a sexual harm prevention order: the period is unchanged.
    an_order = order("sexual_harm_prevention_order", made=date(2015, 3, 7), ends=date(2025, 3, 6))
    case = Case(person=PERSON, triggers=(convicted(date(2012, 1, 9)),), orders=(an_order,))
    assessment = assess(case, date(2020, 1, 6))
    (source,) = assessment.registration.sources
    assert (source.end, source.kept_by) == (date(2017, 1, 8), None)
    assert said(source.reasons, "ew.s103g.remains_subject") == [
        plain(
            "orders[0]: made on 2015-03-07, before sexual harm prevention orders came into force "
            "on 8 March 2015: it is not such an order and has no effect here."
        )
    ]


def test_an_shpo_made_on_8_march_2015_is_such_an_order() -> None:
    # The same case with the order made on 8 March 2015, the day s.103G came into force: the
    # person was a relevant offender that day (5 years to 8 January 2017) and would cease to be
    # subject while the order has effect (to 6 March 2025), so remains subject to then (s.103G(1)).
    an_order = order("sexual_harm_prevention_order", made=date(2015, 3, 8), ends=date(2025, 3, 6))
    case = Case(person=PERSON, triggers=(convicted(date(2012, 1, 9)),), orders=(an_order,))
    (source,) = assess(case, date(2020, 1, 6)).registration.sources
    assert (source.end, source.kept_by, source.kept_until) == (
        date(2017, 1, 8),
        "orders[0]",
        date(2025, 3, 6),
    )


# Convicted Mon 7 January 2019, a disposal other than those of s.82(1): 5 years beginning with
# 7 January 2019 end on 6 January 2024.
CONVICTED = convicted(date(2019, 1, 7))


def shpo(made: date, ends: date | None = None, id_: str = "o1", **fields: Any) -> Order:
    """A sexual harm prevention order."""
    return Order(id=id_, kind="sexual_harm_prevention_order", made=made, ends=ends, **fields)


def kept(source_reasons: tuple[Reason, ...]) -> list[tuple[Any, ...]]:
    return said(source_reasons, "ew.s103g.remains_subject")


def test_an_shpo_with_an_end_keeps_the_person_subject_to_its_end() -> None:
    # Made on the day of the conviction (a relevant offender that day), to 6 January 2029: the
    # period would end on 6 January 2024 while it has effect, so subject to 6 January 2029.
    case = Case(
        person=PERSON, triggers=(CONVICTED,), orders=(shpo(date(2019, 1, 7), date(2029, 1, 6)),)
    )
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.kept_by, source.kept_until) == ("orders[0]", date(2029, 1, 6))
    assert kept(source.reasons) == [
        (
            "orders[0]: a sexual harm prevention order made on 2019-01-07, which has effect until "
            "2029-01-06; the person was a relevant offender that day and would cease to be subject "
            "after 2024-01-06, while it has effect, so remains subject until 2029-01-06 "
            "(s.103G(1)).",
            ("orders[0]",),
            (("kept_until", date(2029, 1, 6)),),
            (),
        )
    ]


def test_an_shpo_until_further_order_keeps_the_person_subject_while_it_has_effect() -> None:
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(shpo(date(2019, 1, 7)),))
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.kept_by, source.kept_until) == ("orders[0]", None)
    assert kept(source.reasons) == [
        plain(
            "orders[0]: a sexual harm prevention order made on 2019-01-07, which has effect until "
            "further order; the person was a relevant offender that day and would cease to be "
            "subject after 2024-01-06, while it has effect, so remains subject while it has "
            "effect (s.103G(1))."
        )
    ]


def test_an_shpo_ending_with_the_period_changes_nothing() -> None:
    # Made 1 June 2023 to 6 January 2024, the last day of the period: the person would not cease
    # to be subject while it has effect (s.103G(1)(b)), so the period is unchanged.
    order = shpo(date(2023, 6, 1), date(2024, 1, 6))
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(order,))
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.end, source.kept_by, source.kept_until) == (date(2024, 1, 6), None, None)
    assert kept(source.reasons) == [
        plain(
            "orders[0]: a sexual harm prevention order made on 2023-06-01, which has effect until "
            "2024-01-06, not after the last day subject (2024-01-06): the person would not cease "
            "to be subject while it has effect, so s.103G(1) changes nothing."
        )
    ]


def test_a_second_shpo_made_while_kept_subject_keeps_the_person_subject_further() -> None:
    # orders[0] keeps the person subject from 6 January 2024 to 6 January 2026; orders[1], made
    # on 2 June 2025 while the person is a relevant offender through it (s.80(2)), has effect to
    # 1 June 2030, after 6 January 2026: subject to 1 June 2030 (s.103G(1)).
    first = shpo(date(2019, 1, 7), date(2026, 1, 6))
    second = shpo(date(2025, 6, 2), date(2030, 6, 1), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(second, first))
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.kept_by, source.kept_until) == ("orders[0]", date(2030, 6, 1))
    assert [statement for statement, *_ in kept(source.reasons)] == [
        "orders[1]: a sexual harm prevention order made on 2019-01-07, which has effect until "
        "2026-01-06; the person was a relevant offender that day and would cease to be subject "
        "after 2024-01-06, while it has effect, so remains subject until 2026-01-06 (s.103G(1)).",
        "orders[0]: a sexual harm prevention order made on 2025-06-02, which has effect until "
        "2030-06-01; the person was a relevant offender that day and would cease to be subject "
        "after 2026-01-06, while it has effect, so remains subject until 2030-06-01 (s.103G(1)).",
    ]


def test_an_order_after_one_until_further_order_adds_nothing() -> None:
    # orders[0] keeps the person subject with no end: a later order with an end cannot make the
    # person cease to be subject later than never, so it gives no reason and the end stays open.
    first = shpo(date(2019, 1, 7))
    second = shpo(date(2025, 6, 2), date(2030, 6, 1), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(first, second))
    registration = assess(case, date(2026, 1, 5)).registration
    (source,) = registration.sources
    assert (source.kept_by, source.kept_until, registration.indefinite) == (
        "orders[0]",
        None,
        True,
    )
    assert len(kept(source.reasons)) == 1


def test_an_indefinite_period_is_not_kept_by_an_order() -> None:
    # Imprisonment for life: indefinite (s.82(1)); the period never ends, so s.103G(1)(b) cannot
    # apply and the order gives no reason.
    life = Trigger(id="t1", kind="conviction", date=date(2019, 1, 7), disposal=LifeImprisonment())
    case = Case(person=PERSON, triggers=(life,), orders=(shpo(date(2019, 1, 7), date(2029, 1, 6)),))
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.indefinite, source.kept_by) == (True, None)
    assert kept(source.reasons) == []


def test_an_order_made_after_the_assessment_date_is_not_yet_known() -> None:
    # Assessed on 4 January 2024, an order made on 5 January 2024 is not yet known: the period
    # ends on 6 January 2024. Assessed on 5 January 2024, it is: made on the last day but one of
    # the period, to 4 January 2029, it keeps the person subject to then.
    case = Case(
        person=PERSON, triggers=(CONVICTED,), orders=(shpo(date(2024, 1, 5), date(2029, 1, 4)),)
    )
    before = assess(case, date(2024, 1, 4)).registration
    assert (before.end, before.sources[0].kept_by) == (date(2024, 1, 6), None)
    assert kept(before.sources[0].reasons) == []
    on_the_day = assess(case, date(2024, 1, 5)).registration
    assert (on_the_day.end, on_the_day.sources[0].kept_by) == (date(2029, 1, 4), "orders[0]")


def test_an_order_discharged_on_the_assessment_date_ceased_the_day_before() -> None:
    # Discharged on 3 March 2025: it had effect to 2 March 2025 (the day before the discharge),
    # which is known on the day of the discharge; the day before, the discharge is not known.
    order = shpo(date(2019, 1, 7), date(2029, 1, 6), discharged=date(2025, 3, 3))
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(order,))
    on_the_day = assess(case, date(2025, 3, 3)).registration
    assert (on_the_day.subject, on_the_day.end) == (False, date(2025, 3, 2))
    before = assess(case, date(2025, 3, 2)).registration
    assert (before.subject, before.end) == (True, date(2029, 1, 6))


def test_a_breach_conviction_keeps_a_relevant_offender_subject() -> None:
    # Cautioned Mon 11 January 2016 (adult: 2 years, to 10 January 2018). A sexual risk order
    # made 5 September 2016 to 4 September 2021, breached and the conviction on 8 May 2017:
    # s.129(1), (1A)(a) apply that day, a relevant offender, so subject to 4 September 2021
    # (s.129(2)).
    caution = Trigger(id="t1", kind="caution", date=date(2016, 1, 11))
    sro = order(
        "sexual_risk_order",
        made=date(2016, 9, 5),
        ends=date(2021, 9, 4),
        breach_conviction=date(2017, 5, 8),
    )
    (source,) = assess(
        Case(person=PERSON, triggers=(caution,), orders=(sro,)), date(2019, 3, 4)
    ).registration.sources
    assert said(source.reasons, "ew.s129.remains_subject") == [
        (
            "orders[0]: a conviction on 2017-05-08 for breaching the sexual risk order made on "
            "2016-09-05, which has effect until 2021-09-04; the person was a relevant offender "
            "that day and would cease to be subject after 2018-01-10, while it has effect, so "
            "remains subject until 2021-09-04 (s.129(2)).",
            ("orders[0]",),
            (("kept_until", date(2021, 9, 4)),),
            (),
        )
    ]


def test_a_breach_conviction_makes_a_person_no_longer_subject_subject_again() -> None:
    # The same caution; the breach conviction on 5 February 2018, after the period ended on
    # 10 January 2018: s.129(3)-(4), subject from 5 February 2018, the relevant date, to
    # 4 September 2021.
    caution = Trigger(id="t1", kind="caution", date=date(2016, 1, 11))
    sro = order(
        "sexual_risk_order",
        made=date(2016, 9, 5),
        ends=date(2021, 9, 4),
        breach_conviction=date(2018, 2, 5),
    )
    registration = assess(
        Case(person=PERSON, triggers=(caution,), orders=(sro,)), date(2019, 3, 4)
    ).registration
    made = registration.sources[1]
    assert (made.relevant_date, made.end, made.missing) == (date(2018, 2, 5), date(2021, 9, 4), ())
    assert said(made.reasons, "ew.s129.makes_subject") == [
        (
            "orders[0]: a conviction on 2018-02-05 for breaching the sexual risk order made on "
            "2016-09-05, of a person who was not a relevant offender: it makes the person subject "
            "until 2021-09-04 (s.129(3)); the relevant date is the day of the conviction, "
            "2018-02-05 (s.129(4)).",
            ("orders[0]",),
            (("relevant_date", date(2018, 2, 5)), ("end", date(2021, 9, 4))),
            (),
        )
    ]


def test_an_shpo_served_later_makes_a_person_subject_from_its_making() -> None:
    # No conviction: an order made Mon 8 January 2024 and served Wed 10 January, to 7 January
    # 2029, makes the person subject "from the making of the order" (s.103G(2)(a)), with the
    # date of service as the relevant date (s.103G(3)).
    case = Case(
        person=PERSON, orders=(shpo(date(2024, 1, 8), date(2029, 1, 7), served=date(2024, 1, 10)),)
    )
    (source,) = assess(case, date(2025, 1, 6)).registration.sources
    assert (source.start, source.relevant_date, source.end, source.missing) == (
        date(2024, 1, 8),
        date(2024, 1, 10),
        date(2029, 1, 7),
        (),
    )
    assert said(source.reasons, "ew.s103g.makes_subject") == [
        (
            "orders[0]: a sexual harm prevention order made on 2024-01-08 on a person who was not "
            "a relevant offender: it makes the person subject until 2029-01-07 (s.103G(2)); the "
            "relevant date is the date of service, 2024-01-10 (s.103G(3)). The person is subject "
            "from the making, 2024-01-08, and a notification given on or after it answers the "
            "initial notification (documented reading).",
            ("orders[0]",),
            (("relevant_date", date(2024, 1, 10)), ("end", date(2029, 1, 7))),
            (),
        )
    ]


# Made Mon 8 January 2024 to 7 January 2029 on a person who was not a relevant offender, served
# Sat 20 January 2024: subject from 8 January (s.103G(2)(a)); the initial notification is due
# within 3 days beginning with the date of service (s.103G(3)): 20, 21 and 22 January.
SERVED_LATER = shpo(date(2024, 1, 8), date(2029, 1, 7), served=date(2024, 1, 20))


@pytest.mark.parametrize(
    ("notified", "state", "breach"),
    [
        # After the making and before service: it answers the initial notification (the
        # documented reading of ew.s103g.makes_subject), as it does where service is unrecorded.
        (date(2024, 1, 10), DutyState.MET, None),
        (date(2024, 1, 8), DutyState.MET, None),
        (date(2024, 1, 22), DutyState.MET, None),
        # Before the making: the person was not yet subject, and it answers nothing.
        (date(2024, 1, 7), DutyState.OVERDUE, DateInterval(date(2024, 1, 23), END_OF_TIME)),
        (
            date(2024, 1, 23),
            DutyState.MET_LATE,
            DateInterval.from_days(date(2024, 1, 23), date(2024, 1, 23)),
        ),
    ],
)
def test_a_notification_from_the_making_answers_an_shpo_served_later(
    notified: date, state: DutyState, breach: DateInterval | None
) -> None:
    case = Case(
        person=PERSON,
        orders=(SERVED_LATER,),
        notifications=(Notification(id="n1", date=notified, kind="initial"),),
    )
    (initial,) = [d for d in assess(case, date(2024, 3, 1)).duties if d.kind is DutyKind.INITIAL]
    assert (initial.deadline, initial.state, initial.breach) == (date(2024, 1, 22), state, breach)


def test_a_change_of_home_address_between_making_and_service_is_a_duty() -> None:
    # Subject from the making (s.103G(2)(a)): a move on Fri 12 January 2024 is a change of home
    # address while subject (s.84(1)(b)), to be notified within 3 days beginning with it, by
    # Sun 14 January. The notification on Sun 21 January, after service, gives the new address:
    # met late, in breach (prima facie) from 15 January until notified on 21 January.
    home = HomeAddress(kind="residence", reference="ADDR-2")
    case = Case(
        person=PERSON,
        orders=(SERVED_LATER,),
        events=(HomeAddressChange(date=date(2024, 1, 12), home_address=home),),
        notifications=(
            Notification(id="n1", date=date(2024, 1, 21), kind="initial", home_address=home),
        ),
    )
    duties = {d.kind: d for d in assess(case, date(2024, 3, 1)).duties}
    moved = duties[DutyKind.CHANGE_OF_HOME_ADDRESS]
    assert (moved.deadline, moved.state, moved.breach) == (
        date(2024, 1, 14),
        DutyState.MET_LATE,
        DateInterval.from_days(date(2024, 1, 15), date(2024, 1, 21)),
    )
    assert duties[DutyKind.INITIAL].state is DutyState.MET


def test_an_shpo_not_served_until_further_order_stands_in_the_day_it_was_made() -> None:
    case = Case(person=PERSON, orders=(shpo(date(2024, 1, 8)),))
    (source,) = assess(case, date(2025, 1, 6)).registration.sources
    assert (source.relevant_date, source.end, source.kept_until) == (date(2024, 1, 8), None, None)
    assert source.missing == (
        "orders[0].served: the date of service is the relevant date (s.103G(3))",
    )
    assert said(source.reasons, "ew.s103g.makes_subject") == [
        (
            "orders[0]: a sexual harm prevention order made on 2024-01-08 on a person who was not "
            "a relevant offender: it makes the person subject while it has effect (s.103G(2)); the "
            "relevant date is the date of service, which is not recorded: 2024-01-08, the day it "
            "was made, stands in for it.",
            ("orders[0]",),
            (("relevant_date", date(2024, 1, 8)),),
            (),
        )
    ]


def test_an_order_ceasing_before_service_makes_the_person_subject_until_it_ceased() -> None:
    # Made Sat 2 December 2028 to Sun 3 December 2028, served Mon 1 January 2029: subject from
    # the making until it ceased (s.103G(2)(a)), 2 and 3 December 2028. The initial notification
    # would be due within 3 days beginning with the date of service (s.103G(3)), by 3 January
    # 2029, after the requirements ended on 3 December 2028: not required.
    an_order = order(
        "sexual_harm_prevention_order",
        made=date(2028, 12, 2),
        served=date(2029, 1, 1),
        ends=date(2028, 12, 3),
    )
    assessment = assess(Case(person=PERSON, orders=(an_order,)), date(2029, 2, 1))
    (source,) = assessment.registration.sources
    assert (source.start, source.relevant_date, source.end) == (
        date(2028, 12, 2),
        date(2029, 1, 1),
        date(2028, 12, 3),
    )
    (initial,) = assessment.duties
    assert (initial.kind, initial.state, initial.deadline) == (
        DutyKind.INITIAL,
        DutyState.NOT_REQUIRED,
        date(2029, 1, 3),
    )
    assert initial.reasons[-1].statement == (
        "The requirements end on 2028-12-03, before the deadline 2029-01-03: no notification is "
        "required."
    )
    assert assessment.headline is Headline.ENDED


def test_an_order_ceasing_on_the_day_of_service_makes_the_person_subject_that_day() -> None:
    # Made 2 December 2028, served and ceasing 3 December 2028: subject on that one day.
    order = shpo(date(2028, 12, 2), date(2028, 12, 3), served=date(2028, 12, 3))
    (source,) = assess(Case(person=PERSON, orders=(order,)), date(2029, 2, 1)).registration.sources
    assert (source.relevant_date, source.end) == (date(2028, 12, 3), date(2028, 12, 3))


def abroad(on: date = date(2017, 3, 15), tid: str = "t1") -> Trigger:
    """An adult convicted abroad on ``on`` and sentenced to 6 months' imprisonment: 7 years under
    s.82(1) read with the corresponding disposal (s.98(3), s.96ZC(3))."""
    return Trigger(
        id=tid,
        kind="conviction",
        date=on,
        disposal=Imprisonment(term=CalendarPeriod(months=6)),
        abroad=True,
    )


NOTIFICATION_ORDER = (
    "orders[0]: a notification order made on 2021-09-06, relating to triggers[0]: the person "
    "becomes subject from then for the s.82 period (s.98(1)); the relevant date is the date of the "
    "conviction abroad, 2017-03-15 (s.98(2)), and the corresponding disposal decides the period "
    "(s.98(3)). The initial notification is due within 3 days beginning with the relevant date "
    "or, if later, the date of service of the order, {served}, which is also an event for the "
    "annual notification (s.98(4), s.83(1), s.85(2)(a)).{ceased}"
)


def test_a_notification_order_served_later_gives_its_reason() -> None:
    # Convicted abroad 15 March 2017 (7 years, to 14 March 2024); a notification order made
    # Mon 6 September 2021 and served Wed 8 September: subject from 6 September 2021 (s.98(1)),
    # the initial notification due within 3 days beginning with service (s.98(4)).
    an_order = order("notification_order", made=date(2021, 9, 6), served=date(2021, 9, 8))
    case = Case(person=PERSON, triggers=(abroad(),), orders=(attrs.evolve(an_order, trigger="t1"),))
    (source,) = assess(case, date(2022, 1, 3)).registration.sources
    assert (source.initial_from, source.commencement, source.missing) == (
        date(2021, 9, 8),
        date(2021, 9, 8),
        (),
    )
    assert said(source.reasons, "ew.s98.notification_order") == [
        (
            NOTIFICATION_ORDER.format(served="2021-09-08", ceased=""),
            ("triggers[0]", "orders[0]"),
            (
                ("subject_from", date(2021, 9, 6)),
                ("relevant_date", date(2017, 3, 15)),
                ("served", date(2021, 9, 8)),
            ),
            (),
        )
    ]
    # The same order with no date of service, discharged on 7 March 2022: the day it was made
    # stands in for service, and the person is not subject through it after 6 March 2022.
    an_order = attrs.evolve(an_order, served=None, discharged=date(2022, 3, 7))
    case = attrs.evolve(case, orders=(attrs.evolve(an_order, trigger="t1"),))
    (source,) = assess(case, date(2022, 6, 6)).registration.sources
    assert (source.initial_from, source.commencement, source.missing) == (
        date(2021, 9, 6),
        date(2021, 9, 6),
        ("orders[0].served: the date of service starts the initial notification (s.98(4))",),
    )
    assert [r[0] for r in said(source.reasons, "ew.s98.notification_order")] == [
        NOTIFICATION_ORDER.format(
            served="which is not recorded: the day it was made stands in for it",
            ceased=" It ceased to have effect after 2022-03-06: not subject through it after "
            "that day.",
        )
    ]


NOTICE_REASON = (
    "orders[0]: a notice given in person on 2023-06-05 under s.96ZA, relating to triggers[0]: the "
    "person is subject for the s.82 period while it is not cancelled (s.96ZA(1)-(2)), from "
    "2023-06-05; the relevant date is the date of the conviction abroad, 2023-05-02 (s.96ZC(2)), "
    "and the corresponding disposal decides the period (s.96ZC(3)); the initial notification is "
    "due within 3 days beginning with the day the notice was given, 2023-06-05 (s.83(1A))."
)


def test_a_police_notice_gives_its_reason_and_its_cancellation_from_the_day_known() -> None:
    # Convicted abroad 2 May 2023 (7 years, to 1 May 2030); a notice given 5 June 2023 and
    # cancelled on 5 February 2024 (s.96ZA(5)): not subject through it from 5 February 2024. The
    # cancellation is known from its day; assessed the day before, it is not yet known.
    notice = order(
        "police_notice", made=date(2023, 6, 5), discharged=date(2024, 2, 5), trigger="t1"
    )
    case = Case(person=PERSON, triggers=(abroad(date(2023, 5, 2)),), orders=(notice,))
    dates = (("subject_from", date(2023, 6, 5)), ("relevant_date", date(2023, 5, 2)))
    before = assess(case, date(2024, 2, 4)).registration.sources[0]
    assert (before.initial_from, before.commencement, before.end) == (
        date(2023, 6, 5),
        None,
        date(2030, 5, 1),
    )
    assert said(before.reasons, "ew.s96za.notice") == [
        (NOTICE_REASON, ("triggers[0]", "orders[0]"), dates, ())
    ]
    cancelled = assess(case, date(2024, 2, 5)).registration.sources[0]
    assert cancelled.end == date(2024, 2, 4)
    assert said(cancelled.reasons, "ew.s96za.notice") == [
        (
            NOTICE_REASON
            + " It was cancelled on 2024-02-05: not subject through it from that day.",
            ("triggers[0]", "orders[0]"),
            dates,
            (),
        )
    ]


def no_order_reason(on: str = "2017-03-15", path: str = "triggers[0]") -> tuple[Any, ...]:
    return (
        f"{path}: a conviction abroad on {on} is not within s.80(1); it makes the person subject "
        "only through a notification order (s.98) or a notice under s.96ZA, and none relating to "
        "it is known on the assessment date.",
        (path,),
        (),
        (),
    )


def test_a_notice_given_before_29_november_2022_has_no_effect_and_a_later_one_has() -> None:
    # ss.96ZA-96ZC came into force on 29 November 2022 (SI 2022/1227 reg. 3(b)): a notice
    # recorded as given on 28 November 2022 has no effect; one given on 29 November 2022 makes
    # the person subject from that day.
    early = order("police_notice", made=date(2022, 11, 28), trigger="t1")
    case = Case(person=PERSON, triggers=(abroad(),), orders=(early,))
    registration = assess(case, date(2023, 1, 2)).registration
    assert registration.sources == ()
    assert said(registration.reasons, "ew.s96za.notice") == [
        plain(
            "orders[0]: recorded as made or given on 2022-11-28, before such notices could be made "
            "or given (2022-11-29): it has no effect."
        )
    ]
    assert said(registration.reasons, "ew.s80.subject")[0] == no_order_reason()
    later = Order(id="o2", kind="police_notice", made=date(2022, 11, 29), trigger="t1")
    both = Case(person=PERSON, triggers=(abroad(),), orders=(later, early))
    (source,) = assess(both, date(2023, 1, 2)).registration.sources
    assert (source.applied_by, source.start) == ("orders[0]", date(2022, 11, 29))


def test_a_notification_order_before_1_may_2004_has_no_effect() -> None:
    an_order = order(
        "notification_order", made=date(2004, 4, 30), served=date(2004, 4, 30), trigger="t1"
    )
    registration = assess(
        Case(person=PERSON, triggers=(abroad(date(2003, 6, 2)),), orders=(an_order,)),
        date(2005, 1, 3),
    ).registration
    assert registration.sources == ()
    assert said(registration.reasons, "ew.s98.notification_order") == [
        plain(
            "orders[0]: recorded as made or given on 2004-04-30, before such orders could be made "
            "or given (2004-05-01): it has no effect."
        )
    ]


def test_only_an_order_for_the_trigger_and_known_on_the_assessment_date_applies() -> None:
    # t1 and t2 convicted abroad; a notification order for t2 made 6 September 2021. Assessed on
    # 3 January 2022 only t2 is subject; assessed on 5 September 2021 neither is.
    an_order = order(
        "notification_order", made=date(2021, 9, 6), served=date(2021, 9, 6), trigger="t2"
    )
    case = Case(
        person=PERSON,
        triggers=(abroad(), abroad(date(2018, 4, 9), tid="t2")),
        orders=(an_order,),
    )
    later = assess(case, date(2022, 1, 3)).registration
    assert [s.fact for s in later.sources] == ["triggers[1]"]
    assert said(later.reasons, "ew.s80.subject")[0] == no_order_reason()
    earlier = assess(case, date(2021, 9, 5)).registration
    assert earlier.sources == ()
    assert said(earlier.reasons, "ew.s80.subject")[:2] == [
        no_order_reason(),
        no_order_reason("2018-04-09", "triggers[1]"),
    ]


def ipp(*orders: Order) -> Case:
    """Imprisonment for public protection on 10 September 2007 (indefinite, s.82(1)), released
    19 April 2010 and notified on 20 April 2010: the qualifying date for a review is 15 years
    after that first notification after release, 20 April 2025 (s.91B(2)(a), s.91A(4))."""
    return Case(
        person=PERSON,
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2007, 9, 10),
                disposal=ImprisonmentForPublicProtection(),
            ),
        ),
        detentions=(Detention(kind="sentence", start=date(2007, 9, 10), end=date(2010, 4, 19)),),
        notifications=(
            Notification(id="n0", date=date(2007, 9, 11), kind="initial"),
            Notification(id="n1", date=date(2010, 4, 20), kind="periodic"),
        ),
        orders=orders,
    )


def test_an_shpo_bars_a_review_on_the_day_it_is_made_and_on_its_last_day() -> None:
    # s.91A(2)(b): not a qualifying relevant offender while subject to a sexual harm prevention
    # order. One made on the assessment date (until further order) bars a review that day; one
    # whose last day is the assessment date (2 March 2026) has effect that day, so a review may
    # first be sought the day after, 3 March 2026.
    assert assess(ipp(), date(2026, 3, 2)).registration.sources[0].review_from == date(2025, 4, 20)
    made_today = ipp(shpo(date(2026, 3, 2)))
    assert assess(made_today, date(2026, 3, 2)).registration.sources[0].review_from is None
    ends_today = ipp(shpo(date(2019, 1, 7), date(2026, 3, 2)))
    source = assess(ends_today, date(2026, 3, 2)).registration.sources[0]
    assert source.review_from == date(2026, 3, 3)


def test_an_shpo_made_while_subject_through_an_earlier_one_keeps_the_person_subject() -> None:
    # No conviction. orders[0], made and served Mon 6 January 2020 to 5 January 2022, makes the
    # person subject (s.103G(2)-(3)). s.80(2): a person for the time being subject to the
    # notification requirements is a relevant offender, so when orders[1] is made and served on
    # Mon 4 January 2021, to 3 January 2026, the person was a relevant offender immediately
    # before it was made and would cease to be subject (after 5 January 2022) while it has
    # effect: s.103G(1), the person remains subject until 3 January 2026. orders[1] gives no new
    # relevant date, so no second initial notification.
    first = shpo(date(2020, 1, 6), date(2022, 1, 5), served=date(2020, 1, 6))
    second = shpo(date(2021, 1, 4), date(2026, 1, 3), id_="o2", served=date(2021, 1, 4))
    assessment = assess(Case(person=PERSON, orders=(first, second)), date(2023, 1, 2))
    registration = assessment.registration
    assert (registration.subject, registration.end) == (True, date(2026, 1, 3))
    (source,) = registration.sources
    assert (source.fact, source.relevant_date, source.kept_by, source.kept_until) == (
        "orders[0]",
        date(2020, 1, 6),
        "orders[1]",
        date(2026, 1, 3),
    )
    assert kept(source.reasons) == [
        (
            "orders[1]: a sexual harm prevention order made on 2021-01-04, which has effect until "
            "2026-01-03; the person was a relevant offender that day and would cease to be subject "
            "after 2022-01-05, while it has effect, so remains subject until 2026-01-03 "
            "(s.103G(1)).",
            ("orders[1]",),
            (("kept_until", date(2026, 1, 3)),),
            (),
        )
    ]
    assert [d.trigger_date for d in assessment.duties_of(DutyKind.INITIAL)] == [date(2020, 1, 6)]


def test_a_notice_given_on_the_assessment_date_after_the_period_ended_makes_no_one_subject() -> (
    None
):
    # Cautioned abroad Mon 7 January 2019: 2 years (s.82(1), read with the corresponding
    # disposal, s.96ZC(3)), to 6 January 2021. A notice given on 9 January 2023 is known on that
    # day, but the period it would apply ended before it: no one is subject (ew.s96za.notice).
    caution = Trigger(id="t1", kind="caution", date=date(2019, 1, 7), abroad=True)
    notice = order("police_notice", made=date(2023, 1, 9), trigger="t1")
    registration = assess(
        Case(person=PERSON, triggers=(caution,), orders=(notice,)), date(2023, 1, 9)
    ).registration
    assert registration.sources == ()
    assert said(registration.reasons, "ew.s96za.notice")[-1] == (
        "triggers[0]: the notification period ended on 2021-01-06, before orders[0] took effect: "
        "it makes no one subject.",
        ("triggers[0]", "orders[0]"),
        (("end", date(2021, 1, 6)),),
        (),
    )


def test_a_finding_abroad_is_named_in_words() -> None:
    # A finding of not guilty by reason of insanity abroad on 2 May 2023; a notice given on
    # 5 June 2023 applies Part 2 to it (s.96ZA(6)); before it, the finding alone makes no one
    # subject (s.80(1)).
    finding = Trigger(
        id="t1",
        kind="finding_not_guilty_by_insanity",
        date=date(2023, 5, 2),
        disposal=OtherDisposal(),
        abroad=True,
    )
    notice = order("police_notice", made=date(2023, 6, 5), trigger="t1")
    case = Case(person=PERSON, triggers=(finding,), orders=(notice,))
    before = assess(case, date(2023, 6, 4)).registration
    assert said(before.reasons, "ew.s80.subject")[0][0].startswith(
        "triggers[0]: a finding not guilty by insanity abroad on 2023-05-02 is not within s.80(1)"
    )
    (source,) = assess(case, date(2023, 6, 5)).registration.sources
    assert (
        "the relevant date is the date of the finding not guilty by insanity abroad, 2023-05-02 "
        "(s.96ZC(2))" in said(source.reasons, "ew.s96za.notice")[0][0]
    )
    # The same finding with a notification order made and served on 5 June 2023 (s.98(2)).
    by_order = attrs.evolve(
        case,
        orders=(
            order("notification_order", date(2023, 6, 5), served=date(2023, 6, 5), trigger="t1"),
        ),
    )
    (source,) = assess(by_order, date(2023, 6, 5)).registration.sources
    assert (
        "the relevant date is the date of the finding not guilty by insanity abroad, 2023-05-02 "
        "(s.98(2))" in said(source.reasons, "ew.s98.notification_order")[0][0]
    )


def test_a_notification_order_discharged_ends_the_requirements_the_day_before() -> None:
    # Convicted abroad 15 March 2017 (7 years, to 14 March 2024); a notification order made and
    # served on 6 September 2021 and discharged on 7 March 2022: not subject through it from the
    # discharge, so the last day subject is 6 March 2022.
    discharged = order(
        "notification_order",
        date(2021, 9, 6),
        served=date(2021, 9, 6),
        discharged=date(2022, 3, 7),
        trigger="t1",
    )
    case = Case(person=PERSON, triggers=(abroad(),), orders=(discharged,))
    (source,) = assess(case, date(2022, 6, 6)).registration.sources
    assert source.end == date(2022, 3, 6)


def test_an_order_that_changes_nothing_leaves_a_later_one_to_keep_the_person_subject() -> None:
    # orders[0], to 30 June 2023, ends before the period (6 January 2024): it changes nothing.
    # orders[1], made 9 January 2023 to 8 January 2028, keeps the person subject to then.
    first = shpo(date(2019, 1, 7), date(2023, 6, 30))
    second = shpo(date(2023, 1, 9), date(2028, 1, 8), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(first, second))
    (source,) = assess(case, date(2026, 1, 5)).registration.sources
    assert (source.kept_by, source.kept_until) == ("orders[1]", date(2028, 1, 8))


def test_an_shpo_made_after_the_assessment_date_does_not_bar_a_review() -> None:
    # Made on 3 March 2026, it is not known on 2 March 2026: the qualifying date stands.
    source = assess(ipp(shpo(date(2026, 3, 3))), date(2026, 3, 2)).registration.sources[0]
    assert source.review_from == date(2025, 4, 20)


# --------------------------------------------------------------------------------------------
# Orders in the order they took effect, orders of no effect among them, and sources undetermined
# --------------------------------------------------------------------------------------------


def kept_to(case: Case, as_of: date) -> tuple[str | None, date | None]:
    """The order keeping the person subject through the case's one conviction, and until when."""
    source = assess(case, as_of).registration.sources[0]
    assert source.fact == "triggers[0]"
    return source.kept_by, source.kept_until


@pytest.mark.parametrize(
    "first",
    [
        # Made on 1 January 2027, after the assessment date: not yet known.
        shpo(date(2027, 1, 1), date(2030, 1, 1)),
        # Recorded as made on 7 March 2015, before sexual harm prevention orders existed.
        shpo(date(2015, 3, 7), date(2030, 1, 1)),
    ],
)
def test_an_order_of_no_effect_listed_first_leaves_a_later_one_to_keep_the_person_subject(
    first: Order,
) -> None:
    # CONVICTED: 5 years to 6 January 2024. orders[1], made 7 January 2020 (a relevant offender
    # that day) to 6 January 2029, keeps the person subject to then (s.103G(1)).
    second = shpo(date(2020, 1, 7), date(2029, 1, 6), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(first, second))
    assert kept_to(case, date(2026, 6, 1)) == ("orders[1]", date(2029, 1, 6))


def test_orders_are_taken_in_the_order_they_took_effect_not_of_their_ids() -> None:
    # CONVICTED: 5 years to 6 January 2024. o2, made 7 January 2020 to 6 January 2026, keeps the
    # person subject to 6 January 2026 (s.103G(1)); o1, made 7 January 2025, while the person is
    # so subject (a relevant offender, s.80(2)), to 6 January 2030, keeps them subject further,
    # to 6 January 2030. Taken by id, o1 would come first, on a day after 6 January 2024.
    later = shpo(date(2025, 1, 7), date(2030, 1, 6), id_="o1")
    earlier = shpo(date(2020, 1, 7), date(2026, 1, 6), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(later, earlier))
    assert kept_to(case, date(2025, 6, 2)) == ("orders[0]", date(2030, 1, 6))


def test_orders_taking_effect_on_one_day_are_taken_by_id() -> None:
    # CONVICTED: to 6 January 2024. Two orders made on 7 January 2020: o1 to 6 January 2026,
    # then o2 to 6 January 2028, made while the person was a relevant offender: subject to
    # 6 January 2028 through o2 (s.103G(1)).
    first = shpo(date(2020, 1, 7), date(2026, 1, 6))
    second = shpo(date(2020, 1, 7), date(2028, 1, 6), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(second, first))
    assert kept_to(case, date(2025, 6, 2)) == ("orders[0]", date(2028, 1, 6))


def test_an_order_made_before_the_conviction_leaves_a_later_one_to_keep_the_person_subject() -> (
    None
):
    # orders[0], made and served 1 June 2018 to 31 December 2018, before the conviction of
    # 7 January 2019: it made the person subject for its own time (s.103G(2)-(3)), not through
    # the conviction. orders[1], made 7 January 2020 (a relevant offender through the
    # conviction, 5 years to 6 January 2024) to 6 January 2029, keeps the person subject to then.
    first = shpo(date(2018, 6, 1), date(2018, 12, 31), served=date(2018, 6, 1))
    second = shpo(date(2020, 1, 7), date(2029, 1, 6), id_="o2")
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(first, second))
    registration = assess(case, date(2026, 6, 1)).registration
    by_fact = {s.fact: s for s in registration.sources}
    assert (by_fact["triggers[0]"].kept_by, by_fact["triggers[0]"].kept_until) == (
        "orders[1]",
        date(2029, 1, 6),
    )
    assert by_fact["orders[0]"].end == date(2018, 12, 31)


def test_an_order_that_keeps_the_person_subject_leaves_a_later_one_to_make_them_subject() -> None:
    # CONVICTED: to 6 January 2024. orders[0], made 7 January 2020 to 6 January 2025, keeps the
    # person subject to 6 January 2025. orders[1], made and served 1 June 2026 to 31 May 2028,
    # when the person was not a relevant offender, makes them subject from its service to its
    # end (s.103G(2)-(3)).
    first = shpo(date(2020, 1, 7), date(2025, 1, 6))
    second = shpo(date(2026, 6, 1), date(2028, 5, 31), id_="o2", served=date(2026, 6, 1))
    case = Case(person=PERSON, triggers=(CONVICTED,), orders=(first, second))
    conviction, made = assess(case, date(2026, 7, 1)).registration.sources
    assert (conviction.kept_by, conviction.kept_until) == ("orders[0]", date(2025, 1, 6))
    assert (made.fact, made.relevant_date, made.end) == (
        "orders[1]",
        date(2026, 6, 1),
        date(2028, 5, 31),
    )


def test_an_order_ceasing_before_service_leaves_a_later_one_to_make_the_person_subject_again() -> (
    None
):
    # No conviction. orders[0], made 2 December 2028 to 3 December 2028 and served 1 January
    # 2029, makes the person subject on 2 and 3 December 2028 only (s.103G(2)(a)). orders[1],
    # made and served 1 March 2029 to 28 February 2031, is made on a person who is no longer a
    # relevant offender, so it makes them subject again from 1 March 2029 (s.103G(2)-(3)).
    first = shpo(date(2028, 12, 2), date(2028, 12, 3), served=date(2029, 1, 1))
    second = shpo(date(2029, 3, 1), date(2031, 2, 28), id_="o2", served=date(2029, 3, 1))
    registration = assess(
        Case(person=PERSON, orders=(first, second)), date(2029, 4, 2)
    ).registration
    assert [(s.fact, s.start, s.relevant_date, s.end, s.kept_by) for s in registration.sources] == [
        ("orders[0]", date(2028, 12, 2), date(2029, 1, 1), date(2028, 12, 3), "orders[0]"),
        ("orders[1]", date(2029, 3, 1), date(2029, 3, 1), date(2031, 2, 28), "orders[1]"),
    ]


def test_an_order_with_no_end_makes_the_person_subject_until_further_order() -> None:
    # No conviction. An order made and served on 6 January 2020 with no end has effect until
    # further order: the person is subject while it has effect (s.103G(2)), with no last day.
    an_order = shpo(date(2020, 1, 6), served=date(2020, 1, 6))
    registration = assess(Case(person=PERSON, orders=(an_order,)), date(2023, 1, 2)).registration
    (source,) = registration.sources
    assert (source.kept_by, source.kept_until, source.period_text) == (
        "orders[0]",
        None,
        "until further order",
    )
    assert (registration.subject, registration.indefinite, registration.end) == (True, True, None)


def test_the_notes_on_an_order_of_no_effect_go_with_the_conviction_only() -> None:
    # Convicted 9 January 2012 (5 years, to 8 January 2017). orders[0], recorded as made on
    # 7 March 2015, before sexual harm prevention orders existed, has no effect: the conviction's
    # source says so. orders[1], made and served 6 January 2020, when the person was not a
    # relevant offender, to 5 January 2022, makes them subject (s.103G(2)-(3)); its own source
    # does not repeat the note.
    void = order("sexual_harm_prevention_order", made=date(2015, 3, 7), ends=date(2025, 3, 6))
    later = shpo(date(2020, 1, 6), date(2022, 1, 5), id_="o2", served=date(2020, 1, 6))
    case = Case(person=PERSON, triggers=(convicted(date(2012, 1, 9)),), orders=(void, later))
    conviction, made = assess(case, date(2021, 1, 4)).registration.sources
    note = "orders[0]: made on 2015-03-07, before sexual harm prevention orders came into force"
    assert [r.statement.startswith(note) for r in conviction.reasons].count(True) == 1
    assert made.fact == "orders[1]"
    assert not any(r.statement.startswith(note) for r in made.reasons)


# Convicted Fri 1 March 1996, before 1 September 1997, and sentenced to 1 year's imprisonment:
# 10 years beginning with 1 March 1996 end on 28 February 2006 (after 1 May 2004, s.81(2)).
# Whether the case was current on 1 September 1997 is not recorded: whether the conviction
# counts is undetermined (s.81(3)-(4)).
BEFORE_1997 = Trigger(
    id="t1",
    kind="conviction",
    date=date(1996, 3, 1),
    disposal=Imprisonment(term=CalendarPeriod(years=1)),
)


def test_an_order_made_during_an_undetermined_period_keeps_the_person_subject() -> None:
    # A sexual offences prevention order made and served 1 June 2005, to 31 May 2010. If the
    # conviction counts, the person was a relevant offender that day and would cease to be
    # subject (after 28 February 2006) while it has effect: subject until 31 May 2010
    # (s.107(3)). If it does not, the person was not a relevant offender and the order makes
    # them subject while it has effect, until 31 May 2010 too (s.107(4)-(5)). Either way the
    # person is subject on 1 June 2008.
    sopo = order(
        "sexual_offences_prevention_order",
        made=date(2005, 6, 1),
        served=date(2005, 6, 1),
        ends=date(2010, 5, 31),
    )
    registration = assess(
        Case(person=PERSON, triggers=(BEFORE_1997,), orders=(sopo,)), date(2008, 6, 1)
    ).registration
    (source,) = registration.sources
    assert (registration.subject, registration.undetermined) == (True, True)
    assert (source.end, source.kept_by, source.kept_until) == (
        date(2006, 2, 28),
        "orders[0]",
        date(2010, 5, 31),
    )
    assert said(source.reasons, "ew.s107.remains_subject") == [
        (
            "orders[0]: a sexual offences prevention order made on 2005-06-01, which has effect "
            "until 2010-05-31; the person was a relevant offender that day and would cease to be "
            "subject after 2006-02-28, while it has effect, so remains subject until 2010-05-31 "
            "(s.107(3)). If triggers[0] does not count (a fact is missing), the person was not a "
            "relevant offender that day and the order makes them subject until 2010-05-31 "
            "instead (s.107(4)).",
            ("orders[0]",),
            (("kept_until", date(2010, 5, 31)),),
            (),
        )
    ]


def test_an_order_made_while_subject_through_one_not_served_keeps_the_person_subject() -> None:
    # No conviction. orders[0], made 6 January 2020 to 5 January 2022, date of service not
    # recorded, makes the person subject (its relevant date undetermined, s.103G(3)). orders[1],
    # made and served 4 January 2021, while the person was so subject, to 3 January 2026: the
    # person remains subject until 3 January 2026 (s.103G(1)).
    first = shpo(date(2020, 1, 6), date(2022, 1, 5))
    second = shpo(date(2021, 1, 4), date(2026, 1, 3), id_="o2", served=date(2021, 1, 4))
    registration = assess(
        Case(person=PERSON, orders=(first, second)), date(2023, 1, 2)
    ).registration
    (source,) = registration.sources
    assert source.missing == (
        "orders[0].served: the date of service is the relevant date (s.103G(3))",
    )
    assert (source.kept_by, source.kept_until, registration.subject) == (
        "orders[1]",
        date(2026, 1, 3),
        True,
    )
    assert "If orders[0] does not count" not in " ".join(r.statement for r in source.reasons)
    # The period through orders[0] is known (s.103G(2)(a)); so is the whole registration's end.
    assert (source.undetermined, registration.end, registration.undetermined) == (
        False,
        date(2026, 1, 3),
        False,
    )


# --------------------------------------------------------------------------------------------
# A missing date of service leaves the relevant date open, not the period
# --------------------------------------------------------------------------------------------
#
# s.103G(2)(a): an order made on a person who was not a relevant offender makes them subject
# "from the making of the order until the order ... ceases to have effect"; s.103G(3) makes the
# date of service the relevant date. s.98(1)-(3): a notification order makes the person subject
# for the s.82 period from the relevant date (the date of the conviction abroad); s.98(4) makes
# the date of service the start of the initial notification where later. Neither date of service
# bears on how long the person is subject.


def test_an_interim_shpo_not_served_makes_the_young_subject_to_its_end() -> None:
    # Born 9 March 1993; convicted 3 March 2009 at 15, 5 months' imprisonment: 7 years (s.82(1)),
    # halved to 3 years 6 months (s.82(2)), beginning with 3 March 2009, last day 2 September
    # 2012. An interim order made 1 May 2015, having effect to 2 May 2015, date of service not
    # recorded: not a relevant offender that day, so subject from 1 May to 2 May 2015
    # (s.103G(2), (4)). The registration ends on 2 May 2015, determined.
    case = Case(
        person=Person(reference="FICTIONAL-0961", date_of_birth=date(1993, 3, 9)),
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2009, 3, 3),
                disposal=Imprisonment(term=CalendarPeriod(months=5)),
            ),
        ),
        orders=(
            Order(
                id="o1",
                kind="interim_sexual_harm_prevention_order",
                made=date(2015, 5, 1),
                ends=date(2015, 5, 2),
            ),
        ),
    )
    assessment = assess(case, date(2015, 5, 1))
    registration = assessment.registration
    conviction, order = registration.sources
    assert (conviction.end, order.relevant_date, order.end, order.undetermined) == (
        date(2012, 9, 2),
        date(2015, 5, 1),
        date(2015, 5, 2),
        False,
    )
    assert (registration.subject, registration.end, registration.undetermined) == (
        True,
        date(2015, 5, 2),
        False,
    )
    assert assessment.missing == (
        "orders[0].served: the date of service is the relevant date (s.103G(3), (4))",
    )


def test_a_notification_order_not_served_leaves_the_period_known() -> None:
    # Convicted abroad on 10 January 2021, 12 months' imprisonment: 10 years (s.82(1), read with
    # s.98(3)) beginning with 10 January 2021 (the relevant date, s.98(2)), last day 9 January
    # 2031. The notification order made on 1 June 2021 makes the person subject from then
    # (s.98(1)); its date of service is not recorded, so the day it was made, the earliest
    # the service can be, starts the initial notification (s.98(4)): due within 3 days beginning
    # with 1 June 2021, by 3 June 2021 at the earliest. Nothing is notified by 1 July: whether
    # the duty is overdue turns on the date of service, so it is undetermined.
    case = Case(
        person=PERSON,
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2021, 1, 10),
                disposal=Imprisonment(term=CalendarPeriod(months=12)),
                abroad=True,
            ),
        ),
        orders=(Order(id="o1", kind="notification_order", made=date(2021, 6, 1), trigger="t1"),),
    )
    assessment = assess(case, date(2021, 7, 1))
    registration = assessment.registration
    (source,) = registration.sources
    assert (source.start, source.end, source.period, source.undetermined) == (
        date(2021, 6, 1),
        date(2031, 1, 9),
        CalendarPeriod(years=10),
        False,
    )
    assert (registration.subject, registration.end, registration.undetermined) == (
        True,
        date(2031, 1, 9),
        False,
    )
    assert assessment.missing == (
        "orders[0].served: the date of service starts the initial notification (s.98(4))",
    )
    (initial,) = [d for d in assessment.duties if d.kind is DutyKind.INITIAL]
    assert (initial.trigger_date, initial.deadline, initial.state, initial.breach) == (
        date(2021, 6, 1),
        None,
        DutyState.UNDETERMINED,
        None,
    )
    assert assessment.headline is Headline.DUE
    # The 3 days rest on the day the order was made standing in for its service (s.98(4)).
    assert [
        r.facts for r in initial.reasons if r.statement.startswith("The date of service of")
    ] == [("triggers[0]", "orders[0]")]
    assert initial.reasons[-1].dates == (("earliest_deadline", date(2021, 6, 3)),)


def test_an_initial_notification_from_an_order_not_served_is_undetermined_if_late() -> None:
    # An SHPO made on Monday 8 January 2024, to 7 January 2029, on a person who was not a
    # relevant offender: the initial notification is due within 3 days beginning with the date
    # of service (s.83(1), s.103G(3)), not recorded. Service cannot come before the order was
    # made, so the deadline is 10 January at the earliest (8-10 January). The notification of
    # 14 January is late if the order was served by 11 January and in time if served on or after
    # 12 January: the duty is neither met nor in breach until the date of service is recorded.
    case = Case(
        person=PERSON,
        orders=(shpo(date(2024, 1, 8), date(2029, 1, 7)),),
        notifications=(
            Notification(id="n1", date=date(2024, 1, 14), kind="initial", names=("NAME-A",)),
        ),
    )
    assessment = assess(case, date(2024, 3, 1))
    [initial] = assessment.duties_of(DutyKind.INITIAL)
    assert (initial.trigger_date, initial.deadline, initial.state, initial.breach) == (
        date(2024, 1, 8),
        None,
        DutyState.UNDETERMINED,
        None,
    )
    assert initial.discharged_by == "n1"
    assert assessment.headline is Headline.DUE
    assert [r.statement for r in initial.reasons][1:] == [
        "The date of service of orders[0], which starts the 3 days, is not recorded: the day it "
        "was made, 2024-01-08, is the earliest it can be, so the 3 days are counted from it for "
        "the earliest deadline. A later date of service puts the deadline later; a notification "
        "given on or after the day the order was made is taken to answer it (documented "
        "reading).",
        "The deadline rests on orders[0].served, not recorded: it is 2024-01-10 at the earliest, "
        "and a notification by then would have met the duty whatever the fact; the notification "
        "of "
        "2024-01-14 came after it, so whether it was in time is undetermined until the fact is "
        "recorded.",
    ]
    assert initial.reasons[1].facts == ("orders[0]",)
    assert (initial.reasons[2].rule_id, initial.reasons[2].dates) == (
        "ew.s83.initial",
        (("earliest_deadline", date(2024, 1, 10)),),
    )

    def served_on(day: date) -> Case:
        return attrs.evolve(case, orders=(attrs.evolve(case.orders[0], served=day),))

    # Served on Thursday 11 January: 11-13 January, so 14 January is late (breach from the 14th,
    # cured by that day's notification).
    [late] = assess(served_on(date(2024, 1, 11)), date(2024, 3, 1)).duties_of(DutyKind.INITIAL)
    assert (late.deadline, late.state, late.breach) == (
        date(2024, 1, 13),
        DutyState.MET_LATE,
        DateInterval(date(2024, 1, 14), date(2024, 1, 15)),
    )
    assert "date of service" not in " ".join(r.statement for r in late.reasons)
    # Served on Friday 12 January: 12-14 January, so 14 January is in time.
    [met] = assess(served_on(date(2024, 1, 12)), date(2024, 3, 1)).duties_of(DutyKind.INITIAL)
    assert (met.deadline, met.state, met.breach) == (date(2024, 1, 14), DutyState.MET, None)


def test_an_initial_notification_by_the_earliest_deadline_is_met_whatever_the_service() -> None:
    # The same SHPO, notified on Wednesday 10 January 2024: within 3 days beginning with the day
    # it was made, so by the deadline on any date of service (which cannot be earlier), taking a
    # notification on or after the day the order was made to answer it: met.
    notified = Notification(id="n1", date=date(2024, 1, 10), kind="initial", names=("NAME-A",))
    case = Case(
        person=PERSON, orders=(shpo(date(2024, 1, 8), date(2029, 1, 7)),), notifications=(notified,)
    )
    [initial] = assess(case, date(2024, 3, 1)).duties_of(DutyKind.INITIAL)
    assert (initial.deadline, initial.state, initial.discharged_by, initial.breach) == (
        date(2024, 1, 10),
        DutyState.MET,
        "n1",
        None,
    )


@pytest.mark.parametrize(
    ("as_of", "words"),
    [
        # Before the earliest deadline (10 January): not yet due on any date of service.
        (date(2024, 1, 9), "none has been given yet, and when the duty falls due is undetermined"),
        (date(2024, 1, 10), "none has been given yet, and when the duty falls due is undetermined"),
        # After it: overdue if served early enough, not yet due if served later.
        (date(2024, 1, 11), "none has been given, so whether the duty is overdue is undetermined"),
    ],
)
def test_an_initial_notification_not_given_from_an_order_not_served(
    as_of: date, words: str
) -> None:
    case = Case(person=PERSON, orders=(shpo(date(2024, 1, 8), date(2029, 1, 7)),))
    assessment = assess(case, as_of)
    [initial] = assessment.duties_of(DutyKind.INITIAL)
    assert (initial.deadline, initial.state, initial.breach, initial.discharged_by) == (
        None,
        DutyState.UNDETERMINED,
        None,
        None,
    )
    assert words in initial.reasons[-1].statement
    assert (assessment.headline, assessment.next_deadline) == (Headline.DUE, None)


def test_the_first_periodic_notification_after_a_notification_order_not_served() -> None:
    # A notification order made on Monday 6 September 2021 for a conviction abroad on 15 March
    # 2017 (6 months: 7 years, to 14 March 2024), its date of service not recorded. The date of
    # service is an event for the annual notification (s.98(4), s.85(2)(a)): one year after it,
    # so 6 September 2022 at the earliest. Only the initial notification of 10 September 2021
    # (after 8 September, the earliest initial deadline) and none since is recorded.
    an_order = order("notification_order", made=date(2021, 9, 6))
    case = Case(
        person=PERSON,
        triggers=(abroad(),),
        orders=(attrs.evolve(an_order, trigger="t1"),),
        notifications=(
            Notification(id="n1", date=date(2021, 9, 10), kind="initial", names=("NAME-A",)),
        ),
    )
    duties = assess(case, date(2022, 9, 7)).duties_of(DutyKind.PERIODIC)
    first = [d for d in duties if d.trigger_date == date(2021, 9, 6)]
    # The notification of 10 September 2021 is the first on or after the day the order was made
    # (taken to answer the duty) and by 6 September 2022, the earliest deadline: met on any
    # date of service.
    assert [(d.state, d.discharged_by, d.deadline) for d in first] == [
        (DutyState.MET, "n1", date(2022, 9, 6))
    ]
    assert (
        first[0]
        .reasons[0]
        .statement.startswith(
            "Subject through triggers[0] under a notification order whose date of service is not "
            "recorded (the day it was made, 2021-09-06, the earliest it can be, stands in for it): "
        )
    )
    # With no notification at all, on 7 September 2022 the duty is overdue if the order was
    # served by 6 September 2021 and still running if served later: undetermined, and so is the
    # initial notification; the headline says a duty is due, not that the person is compliant.
    assessment = assess(attrs.evolve(case, notifications=()), date(2022, 9, 7))
    first = [d for d in assessment.duties_of(DutyKind.PERIODIC) if d.trigger_date.year == 2021]
    assert [(d.state, d.deadline, d.breach) for d in first] == [
        (DutyState.UNDETERMINED, None, None)
    ]
    assert first[0].reasons[-1].dates == (("earliest_deadline", date(2022, 9, 6)),)
    assert assessment.headline is Headline.DUE


def test_the_initial_exception_is_not_settled_on_a_date_of_service_not_recorded() -> None:
    # Cautioned on 1 May 2021 (2 years: to 30 April 2023) and notified on 2 May 2021; convicted
    # abroad on 15 March 2017 (6 months: 7 years, to 14 March 2024) and made subject by a
    # notification order made on Tuesday 25 April 2023. s.83(4) excuses the initial
    # notification if the person was subject through the caution the day before the order and
    # still is at the end of the 3 days beginning with its service (s.83(2)(c), s.98(4)).
    caution = Trigger(id="t2", kind="caution", date=date(2021, 5, 1))
    first = Notification(id="n1", date=date(2021, 5, 2), kind="initial", names=("NAME-A",))
    made = attrs.evolve(order("notification_order", made=date(2023, 4, 25)), trigger="t1")

    def initial_on_1_june(an_order: Order) -> Any:
        case = Case(
            person=PERSON, triggers=(abroad(), caution), orders=(an_order,), notifications=(first,)
        )
        duties = assess(case, date(2023, 6, 1)).duties_of(DutyKind.INITIAL)
        return next(d for d in duties if d.fact == "triggers[0]")

    # Served on Wednesday 26 April: the 3 days end on 28 April, within the caution's period.
    served_early = initial_on_1_june(attrs.evolve(made, served=date(2023, 4, 26)))
    assert (served_early.deadline, served_early.state) == (
        date(2023, 4, 28),
        DutyState.NOT_REQUIRED,
    )
    # Served on Tuesday 2 May: the 3 days end on 4 May, after the caution's period: overdue.
    served_late = initial_on_1_june(attrs.evolve(made, served=date(2023, 5, 2)))
    assert (served_late.deadline, served_late.state, served_late.breach) == (
        date(2023, 5, 4),
        DutyState.OVERDUE,
        DateInterval(date(2023, 5, 5), END_OF_TIME),
    )
    # Not recorded: the earliest deadline (27 April) falls within the caution's period, but a
    # later one need not, so the exception is not applied and the duty is undetermined.
    not_recorded = initial_on_1_june(made)
    assert (not_recorded.deadline, not_recorded.state, not_recorded.breach) == (
        None,
        DutyState.UNDETERMINED,
        None,
    )
    assert (
        "s.83(2) may excuse this through triggers[1], but not until the date of service of "
        "orders[0] is recorded: (c) cannot yet be settled."
    ) in [r.statement for r in not_recorded.reasons]


def test_the_initial_exception_on_a_date_of_service_not_recorded_where_it_is_settled() -> None:
    # The same order for the conviction abroad (subject to 14 March 2024), its date of service
    # not recorded, made on 25 April 2023.
    made = attrs.evolve(order("notification_order", made=date(2023, 4, 25)), trigger="t1")

    def initial_on_1_june(earlier: Trigger, notified: date) -> Any:
        case = Case(
            person=PERSON,
            triggers=(abroad(), earlier),
            orders=(made,),
            notifications=(
                Notification(id="n1", date=notified, kind="initial", names=("NAME-A",)),
            ),
        )
        duties = assess(case, date(2023, 6, 1)).duties_of(DutyKind.INITIAL)
        return next(d for d in duties if d.fact == "triggers[0]")

    # Convicted here on 10 January 2020 and sentenced to 12 months' imprisonment (10 years, to
    # 9 January 2030), notified on 11 January 2020: subject through it the day before the order
    # and on every day to 14 March 2024, so at the end of the 3 days on any date of service
    # (s.83(2), s.83(4)): no initial notification is required, whatever the service.
    ten_years = Trigger(
        id="t2",
        kind="conviction",
        date=date(2020, 1, 10),
        disposal=Imprisonment(term=CalendarPeriod(months=12)),
    )
    excused = initial_on_1_june(ten_years, date(2020, 1, 11))
    assert (excused.state, excused.breach) == (DutyState.NOT_REQUIRED, None)
    # Cautioned on 27 April 2021 (2 years: to 26 April 2023) and notified the next day: subject
    # the day before the order, but not on 27 April 2023, the earliest deadline, so not at the
    # end of the 3 days on any date of service: (c) fails, and nothing is left to settle.
    short = Trigger(id="t2", kind="caution", date=date(2021, 4, 27))
    not_excused = initial_on_1_june(short, date(2021, 4, 28))
    assert (not_excused.state, not_excused.breach) == (DutyState.UNDETERMINED, None)
    assert not [r for r in not_excused.reasons if r.statement.startswith("s.83(2) may excuse")]


def test_an_order_discharged_the_day_it_was_made_makes_no_one_subject() -> None:
    # Made and served Mon 8 January 2024 and discharged that same day: it ceased the day before
    # (its last day 7 January), so it had effect on no day and makes no one subject.
    an_order = shpo(date(2024, 1, 8), served=date(2024, 1, 8), discharged=date(2024, 1, 8))
    registration = assess(Case(person=PERSON, orders=(an_order,)), date(2024, 2, 1)).registration
    assert registration.sources == ()
    # A later order, made and served Mon 4 March 2024, still makes the person subject.
    later = shpo(date(2024, 3, 4), id_="o2", served=date(2024, 3, 4))
    both = assess(Case(person=PERSON, orders=(an_order, later)), date(2024, 4, 1)).registration
    assert [(s.fact, s.start) for s in both.sources] == [("orders[1]", date(2024, 3, 4))]
    assert said(registration.reasons, "ew.s103g.makes_subject") == [
        plain(
            "orders[0]: the sexual harm prevention order ceased to have effect on 2024-01-07, "
            "before 2024-01-08, the first day it would make the person subject: no day is "
            "subject through it."
        )
    ]


def test_an_order_made_served_and_ending_on_one_day_makes_the_person_subject_that_day() -> None:
    # Made, served and ending on Mon 8 January 2024: subject that one day, with no words on a
    # making before service, as there was none.
    an_order = shpo(date(2024, 1, 8), date(2024, 1, 8), served=date(2024, 1, 8))
    (source,) = assess(
        Case(person=PERSON, orders=(an_order,)), date(2024, 2, 1)
    ).registration.sources
    assert (source.start, source.end, source.subject_from, source.initial_from) == (
        date(2024, 1, 8),
        date(2024, 1, 8),
        None,
        None,
    )
    assert said(source.reasons, "ew.s103g.makes_subject")[0][0] == (
        "orders[0]: a sexual harm prevention order made on 2024-01-08 on a person who was not a "
        "relevant offender: it makes the person subject until 2024-01-08 (s.103G(2)); the "
        "relevant date is the date of service, 2024-01-08 (s.103G(3))."
    )
