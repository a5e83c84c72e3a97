"""Hand-worked examples for the legal calendar, each from the words of the statute.

Every expected date below was worked by hand from the provision quoted beside it; weekdays were
checked against a printed calendar (1 March 2026 is a Sunday).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sexoffender_rules.calendar import (
    END_OF_TIME,
    CalendarPeriod,
    DateInterval,
    DisregardedTime,
    IntervalSet,
    Spell,
    add_days,
    add_period,
    check_civil_date,
    days_between,
    first_day_total_reaches,
    hours_between,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from sexoffender_rules.errors import (
    AmbiguousReadingError,
    DateOutOfRangeError,
    InvalidIntervalError,
    InvalidPeriodError,
    NaiveAwareMixError,
    NegativeCountError,
    NotACivilDateError,
    SexOffenderRulesError,
)
from sexoffender_rules.policy import NoCorrespondingDay, PartialDays, Policy

D = date
YEAR = CalendarPeriod(years=1)
WEEK = CalendarPeriod(weeks=1)
DEFAULT = PartialDays.LIBERTY_AT_END_OF_DAY
WHOLE = PartialDays.WHOLE_DAY_AT_LIBERTY


class TestDaysBeginningWith:
    def test_three_days_beginning_with_a_friday_end_on_the_sunday(self) -> None:
        # s.83(1): "within the period of 3 days beginning with" Friday 6 March 2026: Fri, Sat, Sun.
        assert D(2026, 3, 6).weekday() == 4
        assert last_day_of_days_beginning_with(D(2026, 3, 6), 3) == D(2026, 3, 8)

    def test_six_days_beginning_with_the_expected_date(self) -> None:
        # s.84(4)(b): 6 days beginning with 1 Oct 2022: 1..6 Oct.
        assert last_day_of_days_beginning_with(D(2022, 10, 1), 6) == D(2022, 10, 6)

    def test_window_crosses_a_leap_day(self) -> None:
        # 3 days beginning with 28 Feb 2024: 28 Feb, 29 Feb, 1 Mar.
        assert last_day_of_days_beginning_with(D(2024, 2, 28), 3) == D(2024, 3, 1)

    def test_zero_and_negative_counts_are_refused(self) -> None:
        with pytest.raises(NegativeCountError, match="days: expected a count of 1 or more"):
            last_day_of_days_beginning_with(D(2026, 3, 6), 0)
        with pytest.raises(NegativeCountError, match=r"^days: expected a count of 1 or more$"):
            last_day_of_days_beginning_with(D(2026, 3, 6), -3)


class TestPeriodAfter:
    def test_one_year_after_ends_on_the_corresponding_date(self) -> None:
        # s.85(1) "within ... one year after" 10 Mar 2026: Dodds v Walker, 10 Mar 2027.
        assert last_day_of_period_after(D(2026, 3, 10), YEAR) == D(2027, 3, 10)

    def test_one_year_after_29_february_ends_on_28_february(self) -> None:
        # No 29 Feb 2025: the last day of February (Dodds v Walker [1981] 1 WLR 1027, the default reading).
        assert last_day_of_period_after(D(2024, 2, 29), YEAR) == D(2025, 2, 28)

    def test_one_year_after_29_february_under_the_alternative_reading(self) -> None:
        policy = Policy(corresponding_date=NoCorrespondingDay.NEXT_DAY)
        assert last_day_of_period_after(D(2024, 2, 29), YEAR, policy) == D(2025, 3, 1)

    def test_one_year_after_29_february_strict_raises(self) -> None:
        with pytest.raises(AmbiguousReadingError) as caught:
            last_day_of_period_after(D(2024, 2, 29), YEAR, Policy.strict())
        assert caught.value.question == "corresponding_date"

    def test_one_year_after_29_february_into_a_leap_year_is_unambiguous(self) -> None:
        # 29 Feb 2024 + 4 years = 29 Feb 2028 exists: no reading needed, even when strict.
        period = CalendarPeriod(years=4)
        assert last_day_of_period_after(D(2024, 2, 29), period, Policy.strict()) == D(2028, 2, 29)

    def test_one_week_after_a_monday_ends_on_the_next_monday(self) -> None:
        # s.85(5)(a) with the weekly period: notified Monday 1 Jun 2026, due by Monday 8 Jun.
        assert D(2026, 6, 1).weekday() == 0
        assert last_day_of_period_after(D(2026, 6, 1), WEEK) == D(2026, 6, 8)

    def test_an_empty_period_is_refused(self) -> None:
        with pytest.raises(InvalidPeriodError):
            last_day_of_period_after(D(2026, 6, 1), CalendarPeriod())


class TestMonthEnds:
    @pytest.mark.parametrize(
        ("rule", "expected"),
        [
            (NoCorrespondingDay.PREVIOUS_DAY, D(2025, 2, 28)),
            (NoCorrespondingDay.NEXT_DAY, D(2025, 3, 1)),
        ],
    )
    def test_31_january_plus_one_month(self, rule: NoCorrespondingDay, expected: date) -> None:
        assert add_period(D(2025, 1, 31), CalendarPeriod(months=1), rule) == expected

    def test_31_january_plus_one_month_in_a_leap_year(self) -> None:
        rule = NoCorrespondingDay.PREVIOUS_DAY
        assert add_period(D(2024, 1, 31), CalendarPeriod(months=1), rule) == D(2024, 2, 29)

    def test_31_january_plus_one_month_strict_raises_naming_the_question(self) -> None:
        with pytest.raises(AmbiguousReadingError, match=r"^leap_day: 2025-01-31 plus 1 month"):
            add_period(
                D(2025, 1, 31),
                CalendarPeriod(months=1),
                NoCorrespondingDay.RAISE,
                question="leap_day",
            )

    def test_weeks_and_days_are_added_after_months(self) -> None:
        # 31 Jan 2025 + 1 month (28 Feb, previous day) + 1 week + 1 day = 8 Mar 2025.
        period = CalendarPeriod(months=1, weeks=1, days=1)
        assert add_period(D(2025, 1, 31), period) == D(2025, 3, 8)


class TestPeriodBeginningWith:
    def test_ten_years_end_the_day_before_the_anniversary(self) -> None:
        # s.82(1): 10 years beginning with 1 Mar 2021: anniversary 1 Mar 2031, last day 28 Feb 2031.
        period = CalendarPeriod(years=10)
        assert last_day_of_period_beginning_with(D(2021, 3, 1), period) == D(2031, 2, 28)

    def test_seven_years_from_29_february_default_reading(self) -> None:
        # Anniversary in 2027 (not a leap year) taken as 1 Mar 2027: ends 28 Feb 2027.
        period = CalendarPeriod(years=7)
        assert last_day_of_period_beginning_with(D(2020, 2, 29), period) == D(2027, 2, 28)

    def test_seven_years_from_29_february_alternative_reading(self) -> None:
        # Anniversary clamped to 28 Feb 2027: ends 27 Feb 2027.
        policy = Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY)
        period = CalendarPeriod(years=7)
        assert last_day_of_period_beginning_with(D(2020, 2, 29), period, policy) == D(2027, 2, 27)

    def test_seven_years_from_29_february_strict_raises(self) -> None:
        with pytest.raises(AmbiguousReadingError) as caught:
            last_day_of_period_beginning_with(
                D(2020, 2, 29), CalendarPeriod(years=7), Policy.strict()
            )
        assert caught.value.question == "leap_day"

    def test_halved_periods_by_calendar(self) -> None:
        # s.82(2): 7 years halved = 3 years 6 months beginning with 1 Jul 2021 -> ends 31 Dec 2024.
        half = CalendarPeriod(years=7).halved()
        assert half == CalendarPeriod(years=3, months=6)
        assert last_day_of_period_beginning_with(D(2021, 7, 1), half) == D(2024, 12, 31)

    @pytest.mark.parametrize(
        ("years", "halved"),
        [
            (10, CalendarPeriod(years=5)),
            (7, CalendarPeriod(years=3, months=6)),
            (5, CalendarPeriod(years=2, months=6)),
            (2, CalendarPeriod(years=1)),
        ],
    )
    def test_each_halved_row(self, years: int, halved: CalendarPeriod) -> None:
        assert CalendarPeriod(years=years).halved() == halved

    def test_two_years_six_months_from_31_august(self) -> None:
        # 2y6m beginning with 31 Aug 2023: anniversary 31 Feb 2026 does not exist -> 1 Mar 2026
        # by default, last day 28 Feb 2026; the alternative clamps to 28 Feb -> ends 27 Feb 2026.
        half = CalendarPeriod(years=2, months=6)
        assert last_day_of_period_beginning_with(D(2023, 8, 31), half) == D(2026, 2, 28)
        alternative = Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY)
        assert last_day_of_period_beginning_with(D(2023, 8, 31), half, alternative) == D(
            2026, 2, 27
        )


class TestCountingOnlyDaysAtLiberty:
    def test_release_day_is_day_one(self) -> None:
        # Detained from the relevant date, 2 Mar 2026, released 10 Mar: 10, 11, 12 count.
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 2), D(2026, 3, 10))])
        assert away.last_counted_day(D(2026, 3, 2), 3) == D(2026, 3, 12)

    def test_release_day_is_not_counted_under_the_whole_day_reading(self) -> None:
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 2), D(2026, 3, 10))], WHOLE)
        assert away.last_counted_day(D(2026, 3, 2), 3) == D(2026, 3, 13)

    def test_custody_that_starts_inside_the_window(self) -> None:
        # Window from Fri 6 Mar 2026; custody from Sat 7, released Tue 10:
        # Fri 6 (1); 7, 8, 9 away; 10 release day (2); 11 (3).
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 7), D(2026, 3, 10))])
        assert away.last_counted_day(D(2026, 3, 6), 3) == D(2026, 3, 11)
        whole = DisregardedTime.from_spells([Spell(D(2026, 3, 7), D(2026, 3, 10))], WHOLE)
        assert whole.last_counted_day(D(2026, 3, 6), 3) == D(2026, 3, 12)

    def test_custody_that_started_before_the_window_and_ends_inside_it(self) -> None:
        # Remanded 1 Mar, relevant date 2 Mar, released 4 Mar: 2, 3 away; 4, 5, 6 count.
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 1), D(2026, 3, 4))])
        assert away.last_counted_day(D(2026, 3, 2), 3) == D(2026, 3, 6)

    def test_custody_after_the_window_changes_nothing(self) -> None:
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 9), D(2026, 3, 20))])
        assert away.last_counted_day(D(2026, 3, 6), 3) == D(2026, 3, 8)

    def test_abroad_and_custody_together(self) -> None:
        # Window from 1 Jun 2026. Abroad 2-4 Jun (return 4th), custody 5-7 Jun (release 7th):
        # 1 (1); 2, 3 away; 4 return day (2); 5, 6 away; 7 release day (3).
        away = DisregardedTime.from_spells(
            [Spell(D(2026, 6, 2), D(2026, 6, 4)), Spell(D(2026, 6, 5), D(2026, 6, 7))]
        )
        assert away.last_counted_day(D(2026, 6, 1), 3) == D(2026, 6, 7)

    def test_a_continuing_detention_leaves_the_deadline_unfixed(self) -> None:
        away = DisregardedTime.from_spells([Spell(D(2026, 3, 2))])
        assert away.last_counted_day(D(2026, 3, 2), 3) is None
        assert away.last_counted_day(D(2026, 2, 28), 3) is None  # 28 Feb, 1 Mar count, then away
        assert away.last_counted_day(D(2026, 2, 27), 3) == D(2026, 3, 1)

    def test_strict_raises_only_when_the_readings_disagree(self) -> None:
        spells = [Spell(D(2026, 3, 7), D(2026, 3, 10))]
        strict = DisregardedTime.from_spells(spells, PartialDays.RAISE)
        with pytest.raises(AmbiguousReadingError) as caught:
            strict.last_counted_day(D(2026, 3, 6), 3)
        assert caught.value.question == "partial_days"
        # A window that ends before the spell does not depend on the reading.
        assert strict.last_counted_day(D(2026, 3, 1), 3) == D(2026, 3, 3)


class TestSection85Extension:
    def test_deadline_in_custody_followed_at_once_by_hospital(self) -> None:
        # Deadline 10 Apr 2026 falls in custody (1-20 Apr); released from custody into hospital on
        # 20 Apr, discharged 4 May: one spell; 3 days beginning 4 May end 6 May (s.85(3)).
        away = DisregardedTime.from_spells(
            [Spell(D(2026, 4, 1), D(2026, 4, 20)), Spell(D(2026, 4, 20), D(2026, 5, 4))]
        )
        assert away.extended_deadline(D(2026, 4, 10)) == D(2026, 5, 6)

    def test_a_gap_of_a_day_between_spells_ends_the_first(self) -> None:
        # Custody 1-20 Apr, then at liberty on 20 and 21 Apr, hospital from 22 Apr.
        away = DisregardedTime.from_spells(
            [Spell(D(2026, 4, 1), D(2026, 4, 20)), Spell(D(2026, 4, 22), D(2026, 5, 4))]
        )
        assert away.extended_deadline(D(2026, 4, 10)) == D(2026, 4, 22)

    def test_deadline_after_a_spell_ended_is_not_extended(self) -> None:
        # s.85 has no general disregard: a spell that ends before the deadline changes nothing.
        away = DisregardedTime.from_spells([Spell(D(2026, 4, 1), D(2026, 4, 20))])
        assert away.extended_deadline(D(2026, 4, 20)) == D(2026, 4, 20)
        assert away.extended_deadline(D(2026, 4, 25)) == D(2026, 4, 25)

    def test_deadline_abroad_on_return_day(self) -> None:
        # Abroad 5-12 Jun 2026 (returned 12th). A deadline of 11 Jun moves to 12 + 2 = 14 Jun.
        away = DisregardedTime.from_spells([Spell(D(2026, 6, 5), D(2026, 6, 12))])
        assert away.extended_deadline(D(2026, 6, 11)) == D(2026, 6, 14)

    def test_continuing_spell_leaves_the_deadline_unfixed(self) -> None:
        away = DisregardedTime.from_spells([Spell(D(2026, 4, 1))])
        assert away.extended_deadline(D(2026, 4, 10)) is None


class TestRollingTotals:
    def test_seven_consecutive_days(self) -> None:
        stays = IntervalSet.of(DateInterval.from_days(D(2026, 2, 1), D(2026, 2, 10)))
        assert first_day_total_reaches(stays, 7, YEAR) == D(2026, 2, 7)

    def test_several_stays_within_twelve_months(self) -> None:
        # 4 days in March 2025 and 3 more from 1 Feb 2026: the 7th day is 3 Feb 2026.
        stays = IntervalSet.of(
            DateInterval.from_days(D(2025, 3, 1), D(2025, 3, 4)),
            DateInterval.from_days(D(2026, 2, 1), D(2026, 2, 5)),
        )
        assert first_day_total_reaches(stays, 7, YEAR) == D(2026, 2, 3)

    def test_stays_more_than_twelve_months_apart_never_qualify(self) -> None:
        stays = IntervalSet.of(
            DateInterval.from_days(D(2024, 1, 1), D(2024, 1, 6)),
            DateInterval.from_days(D(2025, 1, 2), D(2025, 1, 7)),
        )
        # The 12 months ending 2 Jan 2025 begin 3 Jan 2024: 4 + 1 = 5 days; the total then falls.
        assert first_day_total_reaches(stays, 7, YEAR) is None

    def test_the_twelve_months_ending_on_a_day_include_its_first_day(self) -> None:
        # 12 months ending 28 Feb 2026 begin 1 Mar 2025 (anniversary 1 Mar 2026, minus a day).
        # Stays 1-5 Mar 2025 (5 days) and 27-28 Feb 2026: on 28 Feb the total is 5 + 2 = 7.
        stays = IntervalSet.of(
            DateInterval.from_days(D(2025, 3, 1), D(2025, 3, 5)),
            DateInterval.from_days(D(2026, 2, 27), D(2026, 2, 28)),
        )
        assert first_day_total_reaches(stays, 7, YEAR) == D(2026, 2, 28)

    def test_a_day_outside_the_twelve_months_is_not_counted(self) -> None:
        # Stays 1-4 Mar 2025 (4) and 27 Feb-1 Mar 2026 (3): on 27 Feb the window begins 28 Feb 2025
        # (4 + 1); on 28 Feb it begins 1 Mar 2025 (4 + 2); on 1 Mar 2026 it begins 2 Mar 2025
        # (3 + 3). The total never reaches 7.
        stays = IntervalSet.of(
            DateInterval.from_days(D(2025, 3, 1), D(2025, 3, 4)),
            DateInterval.from_days(D(2026, 2, 27), D(2026, 3, 1)),
        )
        assert first_day_total_reaches(stays, 7, YEAR) is None

    def test_a_stay_that_continues_qualifies_on_its_seventh_day(self) -> None:
        stays = IntervalSet.of(DateInterval(D(2026, 5, 1), END_OF_TIME))
        assert first_day_total_reaches(stays, 7, YEAR) == D(2026, 5, 7)

    def test_a_window_too_short_for_the_total_never_qualifies(self) -> None:
        stays = IntervalSet.of(DateInterval(D(2026, 5, 1), END_OF_TIME))
        assert first_day_total_reaches(stays, 7, CalendarPeriod(days=5)) is None


class TestIntervalSets:
    def test_union_joins_touching_spans(self) -> None:
        a = IntervalSet.of(DateInterval(D(2026, 1, 1), D(2026, 1, 5)))
        b = IntervalSet.of(DateInterval(D(2026, 1, 5), D(2026, 1, 9)))
        assert (a | b).spans == (DateInterval(D(2026, 1, 1), D(2026, 1, 9)),)

    def test_intersection_difference_and_complement(self) -> None:
        a = IntervalSet.of(DateInterval(D(2026, 1, 1), D(2026, 1, 10)))
        b = IntervalSet.of(
            DateInterval(D(2026, 1, 3), D(2026, 1, 4)), DateInterval(D(2026, 1, 8), D(2026, 1, 20))
        )
        assert (a & b).days == 1 + 2
        assert (a - b).spans == (
            DateInterval(D(2026, 1, 1), D(2026, 1, 3)),
            DateInterval(D(2026, 1, 4), D(2026, 1, 8)),
        )
        span = DateInterval(D(2025, 12, 30), D(2026, 1, 2))
        assert a.complement(span).spans == (DateInterval(D(2025, 12, 30), D(2026, 1, 1)),)

    def test_length_and_iteration(self) -> None:
        s = IntervalSet.of(
            DateInterval(D(2026, 3, 1), D(2026, 3, 3)), DateInterval(D(2026, 2, 1), D(2026, 2, 2))
        )
        assert [span.start for span in s] == [D(2026, 2, 1), D(2026, 3, 1)]
        assert s.days == 3
        assert D(2026, 3, 2) in s
        assert D(2026, 3, 3) not in s


class TestBadInput:
    def test_reversed_interval(self) -> None:
        with pytest.raises(InvalidIntervalError, match="end 2026-01-01 is before start 2026-01-05"):
            DateInterval(D(2026, 1, 5), D(2026, 1, 1))

    def test_reversed_spell(self) -> None:
        with pytest.raises(InvalidIntervalError, match="spell: end"):
            Spell(D(2026, 1, 5), D(2026, 1, 1))

    def test_reversed_closed_interval(self) -> None:
        with pytest.raises(InvalidIntervalError, match="last day 2026-01-01 is before"):
            DateInterval.from_days(D(2026, 1, 5), D(2026, 1, 1))

    def test_errors_are_value_or_type_errors_of_the_library(self) -> None:
        for error in (InvalidIntervalError, NegativeCountError, AmbiguousReadingError):
            assert issubclass(error, ValueError)
            assert issubclass(error, SexOffenderRulesError)
        for error in (NotACivilDateError, NaiveAwareMixError):
            assert issubclass(error, TypeError)
            assert issubclass(error, SexOffenderRulesError)

    def test_negative_calendar_period(self) -> None:
        with pytest.raises(NegativeCountError, match="months: expected a count of 0 or more"):
            CalendarPeriod(months=-1)

    def test_negative_rolling_total(self) -> None:
        with pytest.raises(NegativeCountError, match="total"):
            first_day_total_reaches(IntervalSet(), -1, YEAR)

    def test_datetime_is_not_a_date(self) -> None:
        with pytest.raises(NotACivilDateError, match="start: expected a civil date"):
            last_day_of_days_beginning_with(datetime(2026, 3, 6, 12), 3)  # type: ignore[arg-type]
        with pytest.raises(NotACivilDateError):
            check_civil_date(datetime(2026, 3, 6, 12))
        with pytest.raises(NotACivilDateError):
            DateInterval(datetime(2026, 3, 6, 12), D(2026, 3, 7))  # type: ignore[arg-type]

    def test_naive_and_aware_date_times_do_not_mix(self) -> None:
        aware = datetime(2026, 3, 6, 21, tzinfo=timezone.utc)
        with pytest.raises(NaiveAwareMixError, match="earlier is naive, later is aware"):
            hours_between(datetime(2026, 3, 6, 9), aware)
        with pytest.raises(NaiveAwareMixError, match="earlier is aware, later is naive"):
            hours_between(aware, datetime(2026, 3, 7, 9))
        assert hours_between(aware - timedelta(hours=12), aware) == 12

    def test_out_of_range(self) -> None:
        with pytest.raises(DateOutOfRangeError):
            add_period(D(9999, 6, 1), CalendarPeriod(years=1))
        assert days_between(D(2026, 1, 1), add_days(D(2026, 1, 1), 10)) == 10

    def test_odd_months_cannot_be_halved(self) -> None:
        with pytest.raises(InvalidPeriodError, match="13 months"):
            CalendarPeriod(months=13).halved()
