"""Review of indefinite notification requirements (SOA 2003 ss.91A-91C).

Golden scenarios 172-176 hold the worked cases; these tests vary one fact at a time.
"""

from __future__ import annotations

from datetime import date

import pytest

from sexoffender_rules import assess
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.errors import CaseValidationError, InvalidValueError
from sexoffender_rules.model import (
    Case,
    Detention,
    ImprisonmentForPublicProtection,
    Notification,
    Order,
    Person,
    ReviewDetermination,
    Trigger,
)


def _case(
    *reviews: ReviewDetermination, detained: bool = True, orders: tuple[Order, ...] = ()
) -> Case:
    # IPP on 2007-09-10; released 2010-04-19 (or at liberty throughout); notified 2010-04-20.
    return Case(
        person=Person(reference="FICTIONAL-0177", date_of_birth=date(1971, 2, 11)),
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2007, 9, 10),
                disposal=ImprisonmentForPublicProtection(),
            ),
        ),
        detentions=(
            (Detention(kind="sentence", start=date(2007, 9, 10), end=date(2010, 4, 19)),)
            if detained
            else ()
        ),
        notifications=(
            Notification(id="n0", date=date(2007, 9, 11), kind="initial"),
            Notification(id="n1", date=date(2010, 4, 20), kind="periodic"),
        ),
        review_determinations=reviews,
        orders=orders,
    )


def test_detained_on_the_relevant_date_the_first_notification_after_release_counts() -> None:
    source = assess(_case(), date(2013, 1, 1)).registration.sources[0]
    assert source.review_from == date(2025, 4, 20)


def test_at_liberty_the_first_notification_after_the_relevant_date_counts() -> None:
    source = assess(_case(detained=False), date(2013, 1, 1)).registration.sources[0]
    assert source.review_from == date(2022, 9, 11)


def test_no_review_date_before_the_scheme_came_into_force() -> None:
    source = assess(_case(), date(2012, 7, 29)).registration.sources[0]
    assert source.review_from is None
    assert assess(_case(), date(2012, 7, 30)).registration.sources[0].review_from is not None


def test_a_discharge_ends_the_requirements_the_day_before_the_notice_is_received() -> None:
    review = ReviewDetermination(notice_received=date(2026, 6, 1), outcome="discharged")
    on_the_day = assess(_case(review), date(2026, 6, 1)).registration
    assert (on_the_day.subject, on_the_day.end, on_the_day.indefinite) == (
        False,
        date(2026, 5, 31),
        False,
    )
    # Before the notice is received, the discharge is not known.
    before = assess(_case(review), date(2026, 5, 31)).registration
    assert (before.subject, before.indefinite) == (True, True)


def test_a_determination_to_continue_with_a_longer_period_sets_the_further_date() -> None:
    review = ReviewDetermination(
        notice_received=date(2025, 9, 5), outcome="continue", further_review_years=10
    )
    source = assess(_case(review), date(2026, 1, 1)).registration.sources[0]
    # No determination date recorded: 10 years beginning with the day the notice was received.
    assert source.review_from == date(2035, 9, 5)
    assert source.indefinite


def test_no_review_while_an_order_has_effect_until_further_order() -> None:
    order = Order(id="o1", kind="interim_sexual_harm_prevention_order", made=date(2024, 1, 2))
    source = assess(_case(orders=(order,)), date(2026, 1, 1)).registration.sources[0]
    assert source.review_from is None
    assert "orders[0]" in " ".join(r.statement for r in source.reasons)


def test_an_order_that_ends_before_the_qualifying_date_does_not_move_it() -> None:
    order = Order(
        id="o1", kind="sexual_harm_prevention_order", made=date(2020, 1, 2), ends=date(2025, 1, 1)
    )
    source = assess(_case(orders=(order,)), date(2024, 6, 1)).registration.sources[0]
    assert source.review_from == date(2025, 4, 20)


def test_a_further_period_is_only_set_with_a_determination_to_continue() -> None:
    with pytest.raises(CaseValidationError) as error:
        _case(
            ReviewDetermination(
                notice_received=date(2026, 6, 1), outcome="discharged", further_review_years=10
            )
        )
    assert "review_determinations[0].further_review_years" in str(error.value)


def test_a_determination_is_not_made_after_its_notice_is_received() -> None:
    with pytest.raises(CaseValidationError) as error:
        _case(
            ReviewDetermination(
                notice_received=date(2026, 6, 1), determined=date(2026, 6, 2), outcome="continue"
            )
        )
    assert "review_determinations[0].determined" in str(error.value)


def test_a_further_period_is_a_whole_number_of_years() -> None:
    with pytest.raises(InvalidValueError):
        ReviewDetermination(
            notice_received=date(2026, 6, 1), outcome="continue", further_review_years=0
        )


def test_determinations_round_trip_through_the_case_document() -> None:
    case = _case(
        ReviewDetermination(
            notice_received=date(2025, 9, 5),
            determined=date(2025, 9, 1),
            outcome="continue",
            further_review_years=12,
        )
    )
    data = case_to_data(case)
    assert data["review_determinations"][0]["outcome"] == "continue"
    assert case_from_data(data) == case


@pytest.mark.parametrize(
    ("leap_day", "review_from"),
    [("next_day", date(2027, 3, 1)), ("previous_day", date(2027, 2, 28))],
)
def test_a_relevant_notification_on_29_february_depends_on_the_leap_day_reading(
    leap_day: str, review_from: date
) -> None:
    from sexoffender_rules.policy import NoCorrespondingDay, Policy

    case = Case(
        person=Person(reference="FICTIONAL-0178", date_of_birth=date(1970, 1, 1)),
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2012, 2, 27),
                disposal=ImprisonmentForPublicProtection(),
            ),
        ),
        notifications=(Notification(id="n1", date=date(2012, 2, 29), kind="initial"),),
    )
    policy = Policy(leap_day=NoCorrespondingDay(leap_day))
    assessment = assess(case, date(2013, 1, 1), policy=policy)
    assert assessment.registration.sources[0].review_from == review_from
    assert any("a review of triggers[0] may be sought" in flag for flag in assessment.flags)
