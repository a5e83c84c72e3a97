"""Sexual harm prevention orders keep a relevant offender subject (SOA 2003 s.103G(1), (4)).

The golden scenarios 170-171 hold the worked cases; these tests vary one fact at a time.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyState
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.errors import CaseValidationError
from sexoffender_rules.model import Case, Order, OtherDisposal, Person, Trigger


def _case(*orders: Order) -> Case:
    # An adult convicted 2019-01-07, disposal other: 5 years, last day 2024-01-06.
    return Case(
        person=Person(reference="FICTIONAL-0175", date_of_birth=date(1980, 3, 15)),
        triggers=(
            Trigger(id="t1", kind="conviction", date=date(2019, 1, 7), disposal=OtherDisposal()),
        ),
        orders=orders,
    )


def _shpo(made: date, ends: date | None = None, discharged: date | None = None) -> Order:
    return Order(
        id="o1", kind="sexual_harm_prevention_order", made=made, ends=ends, discharged=discharged
    )


def test_without_an_order_the_period_ends_after_5_years() -> None:
    registration = assess(_case(), date(2026, 11, 29)).registration
    assert (registration.subject, registration.end) == (False, date(2024, 1, 6))


def test_an_order_until_further_order_keeps_the_person_subject_with_no_end() -> None:
    registration = assess(_case(_shpo(date(2019, 1, 7))), date(2030, 6, 1)).registration
    assert (registration.subject, registration.indefinite, registration.end) == (True, True, None)
    assert registration.sources[0].kept_by == "orders[0]"
    assert registration.sources[0].kept_until is None


def test_a_discharged_order_keeps_the_person_subject_to_the_day_before_the_discharge() -> None:
    order = _shpo(date(2019, 1, 7), date(2029, 1, 6), discharged=date(2025, 3, 1))
    registration = assess(_case(order), date(2026, 1, 1)).registration
    assert (registration.subject, registration.end) == (False, date(2025, 2, 28))
    # Assessed before the discharge, the discharge is not yet known.
    earlier = assess(_case(order), date(2025, 2, 1)).registration
    assert (earlier.subject, earlier.end) == (True, date(2029, 1, 6))


def test_an_order_made_after_the_period_ended_makes_the_person_subject_afresh() -> None:
    order = attrs.evolve(_shpo(date(2024, 1, 8), date(2029, 1, 7)), served=date(2024, 1, 10))
    registration = assess(_case(order), date(2025, 1, 1)).registration
    first, second = registration.sources
    assert (first.end, first.kept_by) == (date(2024, 1, 6), None)  # s.103G(1) does not apply
    assert (second.fact, second.relevant_date, second.end) == (
        "orders[0]",
        date(2024, 1, 10),
        date(2029, 1, 7),
    )
    assert (registration.end, registration.undetermined) == (date(2029, 1, 7), False)
    # Not subject on the day between the period's end and the order.
    assert date(2024, 1, 7) not in registration.subject_days


def test_an_order_with_no_date_of_service_leaves_the_relevant_date_undetermined() -> None:
    # Made 2024-01-08, after the period ended on 2024-01-06, to 2029-01-07: subject "from the
    # making of the order until the order ... ceases to have effect" (s.103G(2)(a)), so the
    # period is known without the date of service; only the relevant date (s.103G(3)), and so
    # the initial notification's days, want it.
    assessment = assess(_case(_shpo(date(2024, 1, 8), date(2029, 1, 7))), date(2025, 1, 1))
    registration = assessment.registration
    assert (registration.subject, registration.end, registration.undetermined) == (
        True,
        date(2029, 1, 7),
        False,
    )
    assert any(m.startswith("orders[0].served") for m in assessment.missing)


def test_an_order_made_on_the_last_day_of_the_period_keeps_the_person_subject() -> None:
    registration = assess(_case(_shpo(date(2024, 1, 6), date(2029, 1, 5))), date(2025, 1, 1))
    assert registration.registration.end == date(2029, 1, 5)


def test_a_later_order_made_while_kept_subject_keeps_the_person_subject_further() -> None:
    interim = Order(
        id="o1",
        kind="interim_sexual_harm_prevention_order",
        made=date(2023, 6, 1),
        ends=date(2024, 6, 30),
    )
    full = Order(
        id="o2", kind="sexual_harm_prevention_order", made=date(2024, 6, 1), ends=date(2030, 5, 31)
    )
    source = assess(_case(full, interim), date(2025, 1, 1)).registration.sources[0]
    assert (source.kept_by, source.kept_until) == ("orders[0]", date(2030, 5, 31))


def test_an_order_made_before_shpos_came_into_force_has_no_effect() -> None:
    case = Case(
        person=Person(reference="FICTIONAL-0176", date_of_birth=date(1970, 1, 1)),
        triggers=(
            Trigger(id="t1", kind="conviction", date=date(2012, 1, 9), disposal=OtherDisposal()),
        ),
        orders=(_shpo(date(2015, 3, 7), date(2025, 3, 6)),),
    )
    assessment = assess(case, date(2020, 1, 1))
    assert assessment.registration.end == date(2017, 1, 8)
    assert "ew.s103g.remains_subject" in assessment.rule_ids


def test_an_order_ending_before_it_was_made_is_rejected_with_its_path() -> None:
    with pytest.raises(CaseValidationError) as error:
        _case(_shpo(date(2019, 1, 7), date(2019, 1, 6)))
    assert "orders[0].ends" in str(error.value)


def test_orders_round_trip_through_the_case_document() -> None:
    case = _case(_shpo(date(2019, 1, 7), date(2029, 1, 6), discharged=date(2027, 1, 1)))
    data = case_to_data(case)
    assert data["orders"][0]["kind"] == "sexual_harm_prevention_order"
    assert case_from_data(data) == case


def test_an_order_that_ceased_before_it_was_served_made_the_person_subject_until_then() -> None:
    # An interim order made Sat 2 December 2028 to Sun 3 December 2028 and served Mon 1 January
    # 2029: subject from the making until it ceased (s.103G(2)(a), (4)), on 2 and 3 December;
    # the initial notification, due by 3 January 2029 (s.103G(3)), falls after that: not required.
    order = Order(
        id="o1",
        kind="interim_sexual_harm_prevention_order",
        made=date(2028, 12, 2),
        served=date(2029, 1, 1),
        ends=date(2028, 12, 3),
    )
    case = Case(
        person=Person(reference="FICTIONAL-0179", date_of_birth=date(1990, 1, 1)), orders=(order,)
    )
    assessment = assess(case, date(2029, 2, 1))
    (source,) = assessment.registration.sources
    assert (source.start, source.end) == (date(2028, 12, 2), date(2028, 12, 3))
    assert [(d.deadline, d.state) for d in assessment.duties] == [
        (date(2029, 1, 3), DutyState.NOT_REQUIRED)
    ]
    assert "ew.s103g.makes_subject" in assessment.rule_ids
