"""Review of indefinite notification requirements (SOA 2003 ss.91A-91C): the edges of the
qualifying date, of the determinations on review and of the orders that bar a review.

tests/test_review.py varies one fact of a worked case at a time; these tests take each rule of
review.py to its boundary (a day of release, an 18th birthday, an order's last day, two
determinations, 29 February). Every date is worked by hand in the comment above it.
"""

from __future__ import annotations

from datetime import date

from sexoffender_rules import assess
from sexoffender_rules.assessment import Source
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.model import (
    Case,
    Detention,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    Notification,
    Order,
    Person,
    ReviewDetermination,
    Trigger,
)
from sexoffender_rules.policy import NoCorrespondingDay, Policy

ADULT = Person(reference="FICTIONAL-0960", date_of_birth=date(1971, 2, 11))
# Convicted 10 September 2007 and sentenced to imprisonment for public protection: an indefinite
# period (s.82(1)). First notified the next day.
IPP = Trigger(
    id="t1", kind="conviction", date=date(2007, 9, 10), disposal=ImprisonmentForPublicProtection()
)
FIRST = Notification(id="n1", date=date(2007, 9, 11), kind="initial")
# At liberty on the relevant date, the relevant notification is the first on or after it, n1 on
# 11 September 2007; 15 years beginning with it end on 10 September 2022, so the qualifying date
# is 11 September 2022 (s.91B(2)(a)).
QUALIFYING = date(2022, 9, 11)


def case(
    *,
    person: Person = ADULT,
    detentions: tuple[Detention, ...] = (),
    reviews: tuple[ReviewDetermination, ...] = (),
    orders: tuple[Order, ...] = (),
) -> Case:
    return Case(
        person=person,
        triggers=(IPP,),
        detentions=detentions,
        notifications=(FIRST,),
        review_determinations=reviews,
        orders=orders,
    )


def source(of: Case, as_of: date, policy: Policy | None = None) -> Source:
    [only] = assess(of, as_of, policy).registration.sources
    return only


def qualifying_reasons(of: Source) -> list[tuple[object, ...]]:
    """The reasons of the rule on the qualifying date (s.91B), in full."""
    return [
        (r.statement, r.facts, r.dates, r.readings)
        for r in of.reasons
        if r.rule_id == "ew.s91b.qualifying_date"
    ]


def test_a_remand_that_ended_before_the_relevant_date_is_not_detention_on_it() -> None:
    # Remanded from 8 January to 5 February 2007, then on bail: at liberty on the relevant date
    # (10 September 2007), so the relevant notification is the first on or after it (n1).
    remand = Detention(kind="remand", start=date(2007, 1, 8), end=date(2007, 2, 5))
    assert source(case(detentions=(remand,)), date(2013, 1, 2)).review_from == QUALIFYING


def test_released_on_the_relevant_date_the_first_notification_on_or_after_it_counts() -> None:
    # Released on the relevant date itself: the first notification on or after the day of release
    # and the first on or after the relevant date are the same one, n1 on 11 September 2007.
    remand = Detention(kind="remand", start=date(2007, 8, 1), end=date(2007, 9, 10))
    assert source(case(detentions=(remand,)), date(2013, 1, 2)).review_from == QUALIFYING


def test_convicted_on_the_18th_birthday_the_adult_period_of_15_years_applies() -> None:
    # Born 10 September 1989, 18 on the relevant date: not "under 18 on the relevant date", so
    # s.91B(2)(a), 15 years, not (b), 8 years: the qualifying date is 11 September 2022.
    born = Person(reference="FICTIONAL-0961", date_of_birth=date(1989, 9, 10))
    found = source(case(person=born), date(2013, 1, 2))
    assert found.review_from == QUALIFYING
    [(statement, *_)] = qualifying_reasons(found)
    assert str(statement).startswith("Indefinite period; 18 or over on the relevant date")


def test_a_notice_received_on_the_first_day_of_the_scheme_discharges() -> None:
    # ss.91A-91F in force from 30 July 2012 (SI 2012/1883); notice that he need not remain
    # subject received that day: he ceases to be subject on it, the last day subject 29 July 2012.
    review = ReviewDetermination(notice_received=date(2012, 7, 30), outcome="discharged")
    found = source(case(reviews=(review,)), date(2013, 1, 2))
    assert (found.end, found.indefinite, found.period) == (date(2012, 7, 29), False, None)
    assert found.indefinite is False


def test_the_later_determination_to_continue_sets_the_further_date_whatever_the_order() -> None:
    # Recorded latest first. 5 September 2025: 8 years beginning with it end on 4 September
    # 2033, further qualifying date 5 September 2033. 3 October 2033: 8 years end on 2 October
    # 2041, further qualifying date 3 October 2041, which the later determination sets.
    first = ReviewDetermination(notice_received=date(2025, 9, 5), outcome="continue")
    second = ReviewDetermination(notice_received=date(2033, 10, 3), outcome="continue")
    found = source(case(reviews=(second, first)), date(2034, 1, 2))
    assert found.review_from == date(2041, 10, 3)


def test_a_discharge_ends_the_requirements_whatever_else_is_notified_that_day() -> None:
    # A notice to continue and a notice of discharge both received on 1 June 2026: under s.91C
    # the person ceases to be subject on the day the notice of discharge is received, so the
    # last day subject is 31 May 2026.
    kept = ReviewDetermination(notice_received=date(2026, 6, 1), outcome="continue")
    freed = ReviewDetermination(notice_received=date(2026, 6, 1), outcome="discharged")
    found = source(case(reviews=(kept, freed)), date(2026, 6, 1))
    assert (found.end, found.indefinite) == (date(2026, 5, 31), False)


def test_the_reading_of_29_february_is_named_for_the_relevant_notification() -> None:
    # Notified on 29 February 2012: 15 years beginning with it reach 29 February 2027, a day
    # 2027 lacks, so the qualifying date depends on the leap-day reading and the reason names it.
    trigger = Trigger(
        id="t1",
        kind="conviction",
        date=date(2012, 2, 27),
        disposal=ImprisonmentForPublicProtection(),
    )
    leap = Case(
        person=ADULT,
        triggers=(trigger,),
        notifications=(Notification(id="n1", date=date(2012, 2, 29), kind="initial"),),
    )
    policy = Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY)
    # Read as 28 February 2027, the period ends on 27 February 2027: qualifying 28 February.
    found = source(leap, date(2013, 1, 2), policy)
    assert found.review_from == date(2027, 2, 28)
    [(_, _, _, readings)] = qualifying_reasons(found)
    assert readings == ("leap_day=previous_day",)


def test_no_reading_is_named_for_a_relevant_notification_on_the_31st() -> None:
    # Convicted 29 March 2010, 36 months: indefinite (s.82(1)); notified 31 March 2010. 15 years
    # beginning with it end on 30 March 2025, so 31 March 2025; whole years from the 31st always
    # land on a day the month has, so no reading of month ends is named.
    trigger = Trigger(
        id="t1",
        kind="conviction",
        date=date(2010, 3, 29),
        disposal=Imprisonment(term=CalendarPeriod(months=36)),
    )
    late = Case(
        person=ADULT,
        triggers=(trigger,),
        notifications=(Notification(id="n1", date=date(2010, 3, 31), kind="initial"),),
    )
    found = source(late, date(2013, 1, 2))
    assert found.review_from == date(2025, 3, 31)
    assert [readings for *_, readings in qualifying_reasons(found)] == [()]


def test_a_further_period_from_29_february_depends_on_the_leap_day_reading() -> None:
    # Determined on 29 February 2028 that he must remain subject, for 10 years (s.91B(4)-(5)).
    # 10 years beginning with it reach 29 February 2038, a day 2038 lacks. Read as 1 March 2038
    # (the default), the period ends on 28 February 2038: further qualifying date 1 March 2038.
    # Read as 28 February 2038, it ends on 27 February: further qualifying date 28 February.
    review = ReviewDetermination(
        notice_received=date(2028, 3, 3),
        determined=date(2028, 2, 29),
        outcome="continue",
        further_review_years=10,
    )
    of = case(reviews=(review,))
    previous = source(of, date(2028, 6, 1), Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY))
    assert previous.review_from == date(2038, 2, 28)
    assert qualifying_reasons(previous)[-1][3] == ("leap_day=previous_day",)
    default = assess(of, date(2028, 6, 1))
    assert default.registration.sources[0].review_from == date(2038, 3, 1)
    assert any("a review of triggers[0] may be sought" in flag for flag in default.flags)


def test_no_reading_is_named_for_a_further_period_from_the_31st() -> None:
    # Determined on 31 March 2025 that he must remain subject, no longer period set: 8 years
    # beginning with it end on 30 March 2033, so the further qualifying date is 31 March 2033
    # (s.91B(3)); whole years from the 31st always land on a day the month has.
    review = ReviewDetermination(
        notice_received=date(2025, 4, 3), determined=date(2025, 3, 31), outcome="continue"
    )
    found = source(case(reviews=(review,)), date(2025, 6, 2))
    assert found.review_from == date(2033, 3, 31)
    *_, further = qualifying_reasons(found)
    assert further[2:] == ((("qualifying_date", date(2033, 3, 31)),), ())


def test_an_order_that_does_not_bar_a_review_does_not_hide_one_that_does() -> None:
    # orders[0], a sexual risk order, does not bar a review; orders[1], a sexual harm prevention
    # order until further order, does while it has effect (s.91A(2)): no day is reported.
    risk = Order(id="o1", kind="sexual_risk_order", made=date(2016, 3, 7))
    shpo = Order(id="o2", kind="sexual_harm_prevention_order", made=date(2020, 1, 2))
    found = source(case(orders=(risk, shpo)), date(2026, 1, 5))
    assert found.review_from is None
    assert qualifying_reasons(found)[-1] == (
        "orders[1]: a sexual harm prevention order has effect until further order: while it has "
        "effect the person is not a qualifying relevant offender (s.91A(2)) and may not apply "
        "for a review.",
        ("orders[1]",),
        (),
        (),
    )


def test_an_order_whose_last_day_is_the_qualifying_date_moves_it_by_a_day() -> None:
    # An SHPO made 11 September 2017 with effect until 11 September 2022, the qualifying date:
    # on that day it still has effect (s.91A(2)), so a review may first be sought on 12 September.
    shpo = Order(
        id="o1",
        kind="sexual_harm_prevention_order",
        made=date(2017, 9, 11),
        ends=date(2022, 9, 11),
    )
    assert source(case(orders=(shpo,)), date(2021, 1, 4)).review_from == date(2022, 9, 12)


def test_a_notification_order_gives_no_qualifying_date_and_says_why() -> None:
    # Life imprisonment abroad, 7 March 2005; a notification order made and served 7 January
    # 2008 applies Part 2 (s.98). From 29 November 2022, the day notices under s.96ZA came in,
    # s.91A(3) as seen names no notification order, so no qualifying date is reported.
    life = Trigger(
        id="t1", kind="conviction", date=date(2005, 3, 7), disposal=LifeImprisonment(), abroad=True
    )
    order = Order(
        id="o1",
        kind="notification_order",
        made=date(2008, 1, 7),
        served=date(2008, 1, 7),
        trigger="t1",
    )
    abroad = Case(
        person=ADULT,
        triggers=(life,),
        orders=(order,),
        notifications=(Notification(id="n1", date=date(2008, 1, 8), kind="initial"),),
    )
    found = source(abroad, date(2022, 11, 29))
    assert found.review_from is None
    said = [
        (r.statement, r.facts, r.dates, r.readings)
        for r in found.reasons
        if r.rule_id == "ew.s98.notification_order" and r.statement.startswith("Indefinite")
    ]
    assert said == [
        (
            "Indefinite period under orders[0], a notification order: s.91A(3) as seen names "
            "requirements by virtue of s.80(1), s.81(1) or a notice under s.96ZA, not a "
            "notification order, so no qualifying date for a review is reported (a saving for "
            "notification orders was not seen: check).",
            ("triggers[0]", "orders[0]"),
            (),
            (),
        )
    ]
