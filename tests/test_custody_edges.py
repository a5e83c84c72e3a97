"""Custodial terms as the s.82(1) table compares them, at their edges (SOA 2003 s.82(1), (3)-(4),
s.131; Sentencing Code ss.236, 246): terms listed before the term they run on from, terms whose
ids do not follow their dates, half of a detention and training order of an odd number of months,
combined terms whose end depends on the leap-day reading, and groups of many terms.

Each case is worked by hand in its comment: a term of N months beginning with day D runs to the
day before D + N months (the same day of the month, or where the month lacks it the first of the
next month under the next-day reading, its last day under the previous-day reading); half of a
detention and training order of an odd number of months is half its days, rounded down.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sexoffender_rules import CalendarPeriod, assess
from sexoffender_rules.assessment import Registration, Source
from sexoffender_rules.errors import AmbiguousReadingError
from sexoffender_rules.model import (
    Case,
    DetentionAndTrainingOrder,
    Imprisonment,
    Person,
    SuspendedImprisonment,
    Trigger,
)
from sexoffender_rules.policy import Policy

ADULT = Person(reference="FICTIONAL-0971", date_of_birth=date(1971, 1, 1))
# 18 on 1 January 2025: under 18 on every day of 2023 and 2024.
YOUNG = Person(reference="FICTIONAL-0972", date_of_birth=date(2007, 1, 1))
STRICT = Policy(leap_day="raise")


def case(person: Person, *terms: tuple[str, date, Any]) -> Case:
    """Convictions of ``person``, each (id, date, disposal), sentenced on the day."""
    return Case(
        person=person,
        triggers=tuple(
            Trigger(id=tid, kind="conviction", date=on, disposal=disposal)
            for tid, on, disposal in terms
        ),
    )


def registration(of: Case, as_of: date, policy: Policy | None = None) -> Registration:
    return assess(of, as_of, policy).registration


def months(n: int, **link: Any) -> Imprisonment:
    return Imprisonment(term=CalendarPeriod(months=n), **link)


def dto(n: int, **link: Any) -> DetentionAndTrainingOrder:
    return DetentionAndTrainingOrder(term=CalendarPeriod(months=n), **link)


def combined_reasons(source: Source) -> list[str]:
    return [r.statement for r in source.reasons if r.rule_id == "ew.s82.aggregation"]


def table_readings(source: Source) -> list[tuple[str, ...]]:
    """The readings named by the reason giving the row of the s.82(1) table."""
    return [r.readings for r in source.reasons if r.statement.startswith("s.82(1) table")]


# --------------------------------------------------------------------------------------------
# The order of the triggers and of their ids
# --------------------------------------------------------------------------------------------


def test_a_term_listed_before_the_term_it_runs_on_from_is_combined_with_it() -> None:
    # triggers[0] (t1) is 18 months consecutive to t2, listed after it. t2: 18 months from
    # 4 January 2021, to 3 July 2022; t1 from 4 July 2022 to 3 January 2024. Together 36 months
    # (s.82(3)-(4)), 30 months or more: an indefinite period for each.
    on = date(2021, 1, 4)
    registered = registration(
        case(ADULT, ("t1", on, months(18, consecutive_to="t2")), ("t2", on, months(18))),
        date(2021, 2, 1),
    )
    first, second = registered.sources
    assert (first.missing, second.missing) == ((), ())
    assert (first.indefinite, second.indefinite) == (True, True)
    assert combined_reasons(first) == [
        "Combined with the consecutive or partly concurrent terms of t2: treated as one term, "
        "the aggregate of the terms, 3 years."
    ]


def test_partly_concurrent_terms_whose_ids_do_not_follow_their_dates_are_combined() -> None:
    # t1 is 24 months from 1 January 2022 (to 31 December 2023); t2, the earlier, 24 months from
    # 1 January 2021 (to 31 December 2022). They overlap without either containing the other:
    # their union, 1 January 2021 to 31 December 2023, is 36 months, 30 months or more
    # (s.82(3)-(4)): indefinite for each, where 24 months alone would be 10 years.
    registered = registration(
        case(ADULT, ("t1", date(2022, 1, 1), months(24)), ("t2", date(2021, 1, 1), months(24))),
        date(2022, 2, 1),
    )
    assert [s.indefinite for s in registered.sources] == [True, True]
    [later] = [s for s in registered.sources if s.trigger_id == "t1"]
    assert combined_reasons(later) == [
        "Combined with the consecutive or partly concurrent terms of t2: treated as one term, "
        "the union of their intervals, 2021-01-01 to 2023-12-31."
    ]


def test_terms_combined_after_a_term_standing_alone_are_still_combined() -> None:
    # t1, 3 months from 1 March 2024, stands alone: 6 months or less, 7 years. t2, 12 months
    # from 1 March 2024, and t3, 24 months consecutive to it: 36 months together, indefinite.
    on = date(2024, 3, 1)
    registered = registration(
        case(
            ADULT,
            ("t1", on, months(3)),
            ("t2", on, months(12)),
            ("t3", on, months(24, consecutive_to="t2")),
        ),
        date(2024, 4, 1),
    )
    alone, second, third = registered.sources
    assert (alone.period, alone.indefinite) == (CalendarPeriod(years=7), False)
    assert (second.indefinite, third.indefinite) == (True, True)


def test_a_suspended_term_is_not_combined_with_an_immediate_one_it_overlaps() -> None:
    # A suspended sentence of 24 months from 1 March 2024 (to 28 February 2026) and 24 months'
    # imprisonment from 1 March 2025 (to 28 February 2027): the suspended term is not served,
    # so they are not partly concurrent (rule ew.suspended_sentence); each is 24 months, more
    # than 6 and less than 30: 10 years each. Combined they would be 36 months, indefinite.
    registered = registration(
        case(
            ADULT,
            ("t1", date(2024, 3, 1), SuspendedImprisonment(term=CalendarPeriod(months=24))),
            ("t2", date(2025, 3, 1), months(24)),
        ),
        date(2025, 4, 1),
    )
    assert [s.period for s in registered.sources] == [CalendarPeriod(years=10)] * 2
    assert [combined_reasons(s) for s in registered.sources] == [[], []]


def test_a_group_of_more_than_eleven_terms_names_ten_and_counts_the_rest() -> None:
    # Twelve terms of 1 month, each consecutive to the one before, from 1 March 2024: together
    # 12 months, to 28 February 2025. t01's reason names the first ten of the other eleven
    # (NAMED_TERMS) and counts the one more.
    on = date(2024, 3, 1)
    terms = [("t01", on, months(1))] + [
        (f"t{i:02}", on, months(1, consecutive_to=f"t{i - 1:02}")) for i in range(2, 13)
    ]
    first = registration(case(ADULT, *terms), date(2024, 4, 1)).sources[0]
    assert combined_reasons(first) == [
        "Combined with the consecutive or partly concurrent terms of t02, t03, t04, t05, t06, "
        "t07, t08, t09, t10, t11 and 1 more: treated as one term, the aggregate of the terms, "
        "1 year."
    ]


# --------------------------------------------------------------------------------------------
# Detention and training orders (s.131; Sentencing Code ss.236, 246)
# --------------------------------------------------------------------------------------------


def test_a_term_after_half_an_odd_order_ending_alike_under_both_readings_needs_no_reading() -> None:
    # A detention and training order of 9 months from 31 May 2023 on a person under 18 (any term
    # of 4 to 24 months from 28 June 2022, s.236(1) as amended): 9 months on would be 31 February
    # 2024, so the order runs to 1 March 2024 (next-day reading, 275 days) or 29 February 2024
    # (previous-day, 274 days). Half of either, rounded down, is 137 days: the period of detention
    # ends on 14 October 2023 under both, and the 4 months' order consecutive to it runs from
    # 15 October 2023 (2 months' detention, to 14 December 2023). No reading is needed, even
    # under a policy that names none.
    on = date(2023, 5, 31)
    registered = registration(
        case(YOUNG, ("t1", on, dto(9)), ("t2", on, dto(4, consecutive_to="t1"))),
        date(2023, 7, 1),
        STRICT,
    )
    assert combined_reasons(registered.sources[0]) == [
        "Combined with the consecutive or partly concurrent terms of t2: treated as one term, "
        "the union of their intervals, 2023-05-31 to 2023-12-14."
    ]


def test_a_term_after_half_an_odd_order_ending_by_the_reading_asks_for_one() -> None:
    # 11 months from 31 March 2023 would be 31 February 2024: 1 March 2024 (336 days) or
    # 29 February 2024 (335 days). Half: 168 days, to 14 September 2023 (next-day), or 167,
    # to 13 September 2023 (previous-day). Where the 4 months' order consecutive to it begins
    # depends on the reading: a strict policy raises.
    on = date(2023, 3, 31)
    strict = case(YOUNG, ("t1", on, dto(11)), ("t2", on, dto(4, consecutive_to="t1")))
    with pytest.raises(AmbiguousReadingError):
        registration(strict, date(2023, 7, 1), STRICT)


def test_a_term_starting_on_the_last_day_of_half_an_odd_order_is_partly_concurrent() -> None:
    # The same 11 months' order from 31 March 2023: its period of detention ends on 14 September
    # 2023 under the next-day reading (the default policy). A 4 months' order made on 14 September
    # 2023 (2 months' detention, to 13 November 2023) starts on its last day: partly concurrent
    # (s.82(3)-(4)). The union, 31 March to 13 November 2023, is more than 6 months: 10 years,
    # halved for a person under 18 to 5 years (s.82(2)), beginning with 31 March 2023 and ending
    # on 30 March 2028. Alone, 168 days would be 6 months or less: 3 years 6 months.
    registered = registration(
        case(YOUNG, ("t1", date(2023, 3, 31), dto(11)), ("t2", date(2023, 9, 14), dto(4))),
        date(2023, 10, 2),
    )
    first = registered.sources[0]
    assert (first.period, first.end) == (CalendarPeriod(years=5), date(2028, 3, 30))
    assert combined_reasons(first) == [
        "Combined with the consecutive or partly concurrent terms of t2: treated as one term, "
        "the union of their intervals, 2023-03-31 to 2023-11-13."
    ]


def test_an_order_made_after_18_counts_in_full_when_combined() -> None:
    # Convicted on 1 December 2024, aged 17; sentenced on 9 January 2025, aged 18, to a detention
    # and training order of 12 months, and another of 4 months consecutive to it. Each is made
    # on a person who has reached 18, so treated as detention in a young offender institution
    # for its term (Sentencing Code s.246(2)): 16 months together, more than 6 and less than
    # 30; the person was under 18 on the relevant date: 10 years halved to 5 (s.82(2)).
    convicted, sentenced = date(2024, 12, 1), date(2025, 1, 9)
    triggers = (
        Trigger(
            id="t1", kind="conviction", date=convicted, sentence_date=sentenced, disposal=dto(12)
        ),
        Trigger(
            id="t2",
            kind="conviction",
            date=convicted,
            sentence_date=sentenced,
            disposal=dto(4, consecutive_to="t1"),
        ),
    )
    first, _ = registration(Case(person=YOUNG, triggers=triggers), date(2025, 2, 3)).sources
    assert first.period == CalendarPeriod(years=5)
    assert [
        r.statement for r in first.reasons if r.rule_id == "ew.s131.detention_and_training_order"
    ] == [
        "The detention and training order was made on 2025-01-09, when the person had reached "
        "18: it is treated as detention in a young offender institution for the same term "
        "(Sentencing Code s.246(2))."
    ]


# --------------------------------------------------------------------------------------------
# Combined terms whose end depends on the leap-day reading
# --------------------------------------------------------------------------------------------

# t1: 5 months from 29 September 2021 would be 29 February 2022: it runs to 28 February 2022
# (next-day reading, to 1 March) or 27 February 2022 (previous-day, to 28 February). t2: from
# 30 January 2022, 25 months and 28 days: 25 months on would be 30 February 2024, so 1 March 2024
# (next-day) or 29 February 2024 (previous-day), and 28 days more, 29 March or 28 March 2024.
# They overlap without either containing the other: the union runs from 29 September 2021 to
# 28 March 2024 (next-day) or 27 March 2024 (previous-day). 30 months from 29 September 2021 is
# 29 March 2024: the union reaches it under the next-day reading (30 months or more: indefinite)
# and falls a day short under the previous-day reading (10 years).
OPEN_ENDED = case(
    ADULT,
    ("t1", date(2021, 9, 29), months(5)),
    ("t2", date(2022, 1, 30), Imprisonment(term=CalendarPeriod(months=25, days=28))),
)


@pytest.mark.parametrize(
    ("reading", "period"),
    [("next_day", None), ("previous_day", CalendarPeriod(years=10))],
)
def test_combined_terms_reaching_30_months_under_one_reading_name_it(
    reading: str, period: CalendarPeriod | None
) -> None:
    first, second = registration(OPEN_ENDED, date(2022, 3, 1), Policy(leap_day=reading)).sources
    assert (first.period, second.period) == (period, period)
    assert (first.indefinite, second.indefinite) == (period is None, period is None)
    assert table_readings(first) == [(f"leap_day={reading}",)]


def test_combined_terms_reaching_30_months_under_one_reading_raise_under_a_strict_policy() -> None:
    with pytest.raises(AmbiguousReadingError):
        registration(OPEN_ENDED, date(2022, 3, 1), STRICT)


def test_partly_concurrent_terms_with_an_end_by_the_reading_combine_under_a_strict_policy() -> None:
    # t1: 12 months from 1 January 2023, to 31 December 2023. t2: 11 months from 31 March 2023
    # would be 31 February 2024: to 29 February 2024 (next-day) or 28 February 2024 (previous-
    # day). Under either reading t2 starts within t1 and ends after it: partly concurrent
    # (s.82(3)-(4)), so a strict policy needs no reading. The union, about 14 months, is more
    # than 6 and less than 30 under both readings: 10 years each, no reading named. (The
    # reason names the union's last day under the next-day reading, which stands in.)
    registered = registration(
        case(ADULT, ("t1", date(2023, 1, 1), months(12)), ("t2", date(2023, 3, 31), months(11))),
        date(2023, 4, 3),
        STRICT,
    )
    first, second = registered.sources
    assert (first.period, second.period) == (CalendarPeriod(years=10), CalendarPeriod(years=10))
    assert table_readings(first) == [()]
    assert combined_reasons(first) == [
        "Combined with the consecutive or partly concurrent terms of t2: treated as one term, "
        "the union of their intervals, 2023-01-01 to 2024-02-29."
    ]
