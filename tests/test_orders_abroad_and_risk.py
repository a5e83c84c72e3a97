"""Notification orders, police notices, sexual offences prevention orders and breach of risk
orders (SOA 2003 ss.96ZA-96ZC, 98, 100, 107, 109, 129).

The golden scenarios 238-247 hold the worked cases; these tests vary one fact at a time.
"""

from __future__ import annotations

from datetime import date

import pytest

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.errors import CaseValidationError
from sexoffender_rules.model import (
    Case,
    Imprisonment,
    LifeImprisonment,
    Notification,
    Order,
    OtherDisposal,
    Person,
    Trigger,
)


def _abroad(on: date = date(2017, 3, 15), months: int = 6, tid: str = "t1") -> Trigger:
    return Trigger(
        id=tid,
        kind="conviction",
        date=on,
        disposal=Imprisonment(term=CalendarPeriod(months=months)),
        abroad=True,
    )


def _case(
    *orders: Order,
    triggers: tuple[Trigger, ...] = (),
    born: date = date(1982, 7, 19),
    notifications: tuple[Notification, ...] = (),
) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0250", date_of_birth=born),
        triggers=triggers or (_abroad(),),
        orders=orders,
        notifications=notifications,
    )


def _order(kind: str, made: date, **fields: object) -> Order:
    return Order(id=fields.pop("id", "o1"), kind=kind, made=made, **fields)  # type: ignore[arg-type]


def test_a_conviction_abroad_alone_makes_no_one_subject() -> None:
    assessment = assess(_case(), date(2021, 1, 4))
    assert assessment.registration.sources == ()
    assert "ew.s80.subject" in assessment.rule_ids


def test_a_notification_order_makes_the_person_subject_for_the_rest_of_the_period() -> None:
    order = _order("notification_order", date(2021, 9, 6), served=date(2021, 9, 8), trigger="t1")
    registration = assess(_case(order), date(2022, 1, 3)).registration
    (source,) = registration.sources
    # 7 years from the conviction abroad (6 months' imprisonment), not from the order.
    assert (source.start, source.end, source.applied_by) == (
        date(2021, 9, 6),
        date(2024, 3, 14),
        "orders[0]",
    )
    assert date(2021, 9, 5) not in registration.subject_days


def test_the_initial_notification_runs_from_service_of_a_notification_order() -> None:
    order = _order("notification_order", date(2021, 9, 6), served=date(2021, 9, 8), trigger="t1")
    initial = assess(_case(order), date(2022, 1, 3)).duties_of(DutyKind.INITIAL)[0]
    assert (initial.trigger_date, initial.deadline) == (date(2021, 9, 8), date(2021, 9, 10))


def test_a_notification_order_without_a_date_of_service_reports_it_missing() -> None:
    order = _order("notification_order", date(2021, 9, 6), trigger="t1")
    assessment = assess(_case(order), date(2022, 1, 3))
    assert any(m.startswith("orders[0].served") for m in assessment.missing)


def test_a_notification_order_made_after_the_period_ended_makes_no_one_subject() -> None:
    order = _order("notification_order", date(2024, 6, 3), served=date(2024, 6, 3), trigger="t1")
    assessment = assess(_case(order), date(2024, 9, 2))
    assert assessment.registration.sources == ()
    assert "ew.s98.notification_order" in assessment.rule_ids


def test_a_police_notice_under_18_on_the_relevant_date_halves_the_period() -> None:
    # Born 2006-01-10: 17 on the conviction abroad (2023-05-02); 6 months -> 7 years halved.
    notice = _order("police_notice", date(2023, 6, 5), trigger="t1")
    case = _case(notice, triggers=(_abroad(date(2023, 5, 2)),), born=date(2006, 1, 10))
    (source,) = assess(case, date(2024, 1, 2)).registration.sources
    assert source.end == date(2026, 11, 1)  # 3 years 6 months beginning with 2023-05-02


def test_the_initial_notification_runs_from_the_day_a_notice_was_given() -> None:
    notice = _order("police_notice", date(2023, 6, 5), trigger="t1")
    case = _case(notice, triggers=(_abroad(date(2023, 5, 2)),))
    initial = assess(case, date(2023, 7, 3)).duties_of(DutyKind.INITIAL)[0]
    assert (initial.trigger_date, initial.deadline) == (date(2023, 6, 5), date(2023, 6, 7))


def test_an_indefinite_notice_is_reviewable_but_a_notification_order_is_not_from_2022() -> None:
    life = Trigger(
        id="t1", kind="conviction", date=date(2005, 3, 7), disposal=LifeImprisonment(), abroad=True
    )
    first = Notification(id="n1", date=date(2023, 1, 5), kind="initial")
    notice = _order("police_notice", date(2023, 1, 3), trigger="t1")
    by_notice = assess(_case(notice, triggers=(life,), notifications=(first,)), date(2024, 1, 2))
    assert by_notice.registration.sources[0].review_from == date(2038, 1, 5)
    order = _order("notification_order", date(2008, 1, 7), served=date(2008, 1, 7), trigger="t1")
    early = Notification(id="n1", date=date(2008, 1, 8), kind="initial")
    case = _case(order, triggers=(life,), notifications=(early,))
    assert assess(case, date(2022, 11, 28)).registration.sources[0].review_from == date(2023, 1, 8)
    assert assess(case, date(2022, 11, 29)).registration.sources[0].review_from is None


def test_already_subject_and_notified_no_initial_notification_for_the_order() -> None:
    # s.83(4): subject through a UK conviction (10 years from 2020) and notified; the order for
    # a conviction abroad is made while that continues.
    home = Trigger(
        id="t0",
        kind="conviction",
        date=date(2020, 3, 2),
        disposal=Imprisonment(term=CalendarPeriod(months=12)),
    )
    notified = Notification(id="n1", date=date(2020, 3, 3), kind="initial")
    order = _order("notification_order", date(2021, 9, 6), served=date(2021, 9, 6), trigger="t1")
    case = _case(order, triggers=(home, _abroad()), notifications=(notified,))
    duties = assess(case, date(2021, 10, 4)).duties_of(DutyKind.INITIAL)
    abroad = next(d for d in duties if d.fact == "triggers[1]")
    assert abroad.state is DutyState.NOT_REQUIRED


def test_a_sopo_until_further_order_bars_a_review_and_a_risk_order_does_not() -> None:
    life = Trigger(id="t1", kind="conviction", date=date(2005, 3, 7), disposal=LifeImprisonment())
    first = Notification(id="n1", date=date(2005, 3, 8), kind="initial")
    sopo = _order("sexual_offences_prevention_order", date(2005, 3, 7))
    barred = assess(_case(sopo, triggers=(life,), notifications=(first,)), date(2026, 1, 5))
    assert barred.registration.sources[0].review_from is None
    sro = _order("sexual_risk_order", date(2016, 3, 7), breach_conviction=date(2017, 1, 9))
    free = assess(_case(sro, triggers=(life,), notifications=(first,)), date(2026, 1, 5))
    assert free.registration.sources[0].review_from == date(2020, 3, 8)


def test_a_risk_order_without_a_breach_conviction_changes_nothing() -> None:
    caution = Trigger(id="t1", kind="caution", date=date(2016, 1, 11))
    sro = _order("sexual_risk_order", date(2016, 9, 5), ends=date(2021, 9, 4))
    registration = assess(_case(sro, triggers=(caution,)), date(2019, 3, 4)).registration
    assert (registration.subject, registration.end) == (False, date(2018, 1, 10))
    breached = _order(
        "sexual_risk_order",
        date(2016, 9, 5),
        ends=date(2021, 9, 4),
        breach_conviction=date(2018, 2, 5),
    )
    # A breach after the caution's period ended makes the person subject afresh from it.
    later = assess(_case(breached, triggers=(caution,)), date(2019, 3, 4)).registration
    assert (later.subject, later.sources[-1].relevant_date) == (True, date(2018, 2, 5))


def test_a_sopo_recorded_before_part_2_has_no_effect() -> None:
    sopo = _order("sexual_offences_prevention_order", date(2003, 6, 2), ends=date(2009, 6, 1))
    assessment = assess(
        _case(sopo, triggers=(Trigger(id="t1", kind="caution", date=date(2003, 6, 2)),)),
        date(2006, 1, 2),
    )
    assert all(s.kept_by is None for s in assessment.registration.sources)
    assert "ew.s107.remains_subject" in assessment.rule_ids


@pytest.mark.parametrize(
    ("order", "path"),
    [
        (Order(id="o1", kind="notification_order", made=date(2021, 9, 6)), "orders[0].trigger"),
        (
            Order(id="o1", kind="police_notice", made=date(2023, 1, 16), trigger="tx"),
            "orders[0].trigger",
        ),
        (
            Order(
                id="o1", kind="sexual_harm_prevention_order", made=date(2021, 9, 6), trigger="t1"
            ),
            "orders[0].trigger",
        ),
        (
            Order(
                id="o1",
                kind="sexual_harm_prevention_order",
                made=date(2021, 9, 6),
                breach_conviction=date(2022, 1, 3),
            ),
            "orders[0].breach_conviction",
        ),
        (
            Order(
                id="o1",
                kind="sexual_risk_order",
                made=date(2021, 9, 6),
                breach_conviction=date(2021, 9, 1),
            ),
            "orders[0].breach_conviction",
        ),
        (
            Order(
                id="o1",
                kind="police_notice",
                made=date(2023, 1, 16),
                trigger="t1",
                ends=date(2024, 1, 1),
            ),
            "orders[0].ends",
        ),
        (
            Order(
                id="o1",
                kind="police_notice",
                made=date(2023, 1, 16),
                trigger="t1",
                served=date(2023, 1, 17),
            ),
            "orders[0].served",
        ),
        (
            Order(id="o1", kind="notification_order", made=date(2017, 3, 1), trigger="t1"),
            "orders[0].made",
        ),
    ],
)
def test_an_order_with_fields_its_kind_does_not_take_is_rejected(order: Order, path: str) -> None:
    with pytest.raises(CaseValidationError) as error:
        _case(order)
    assert path in str(error.value)


def test_a_notice_must_name_a_trigger_abroad() -> None:
    home = Trigger(id="t1", kind="caution", date=date(2023, 1, 2))
    with pytest.raises(CaseValidationError) as error:
        _case(_order("police_notice", date(2023, 1, 16), trigger="t1"), triggers=(home,))
    assert "orders[0].trigger" in str(error.value)


def test_orders_abroad_round_trip_through_the_case_document() -> None:
    case = _case(
        _order("notification_order", date(2021, 9, 6), served=date(2021, 9, 8), trigger="t1"),
        _order(
            "risk_of_sexual_harm_order",
            date(2013, 7, 1),
            id="o2",
            breach_conviction=date(2014, 3, 10),
        ),
    )
    data = case_to_data(case)
    assert data["triggers"][0]["abroad"] is True
    assert data["orders"][1]["breach_conviction"] == "2014-03-10"
    assert case_from_data(data) == case


def test_other_disposal_abroad_is_five_years() -> None:
    trigger = Trigger(
        id="t1", kind="conviction", date=date(2020, 10, 5), disposal=OtherDisposal(), abroad=True
    )
    notice = _order("police_notice", date(2023, 1, 16), trigger="t1")
    (source,) = assess(_case(notice, triggers=(trigger,)), date(2024, 1, 2)).registration.sources
    assert source.end == date(2025, 10, 4)


def test_a_notification_order_recorded_before_part_2_has_no_effect() -> None:
    order = _order("notification_order", date(2003, 6, 2), served=date(2003, 6, 2), trigger="t1")
    case = _case(order, triggers=(_abroad(date(2002, 5, 6), months=30),))
    assessment = assess(case, date(2005, 1, 3))
    assert assessment.registration.sources == ()
    assert "ew.s98.notification_order" in assessment.rule_ids
