"""The legal calendar at its edges: the ends of the calendar, the exact words of every error,
both readings of a day with no corresponding day in the rolling 12 months of s.84(6), and the
parts of the interval arithmetic the hand-worked examples in test_calendar.py do not reach.

Every expected value is worked by hand from the rule the calendar documents (its module and
function docstrings), never taken from running it. Errors name the field, never a personal value.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest

from sexoffender_rules import calendar as cal
from sexoffender_rules import errors
from sexoffender_rules.policy import NoCorrespondingDay, PartialDays, Policy

D = date
YEAR = cal.CalendarPeriod(years=1)
MONTH = cal.CalendarPeriod(months=1)
DEFAULT = PartialDays.LIBERTY_AT_END_OF_DAY
WHOLE = PartialDays.WHOLE_DAY_AT_LIBERTY
RAISE = NoCorrespondingDay.RAISE
CIVIL = "expected a civil date (datetime.date)"


def raises_exactly(kind: type[Exception], message: str) -> Any:
    """``pytest.raises`` for ``kind`` whose message is exactly ``message``."""
    return pytest.raises(kind, match=f"^{_escape(message)}$")


def _escape(text: str) -> str:
    import re

    return re.escape(text)


# --------------------------------------------------------------------------------------------
# Civil dates and counts: each refusal names the argument
# --------------------------------------------------------------------------------------------


def test_a_value_that_is_not_a_date_is_refused_by_its_name() -> None:
    with raises_exactly(errors.NotACivilDateError, f"date: {CIVIL}, got str"):
        cal.check_civil_date("2026-01-02")
    with raises_exactly(errors.NotACivilDateError, f"as_of: {CIVIL}, got NoneType"):
        cal.check_civil_date(None, "as_of")
    with raises_exactly(errors.NotACivilDateError, f"earlier: {CIVIL}, got str"):
        cal.days_between("2026-01-01", D(2026, 1, 2))  # type: ignore[arg-type]
    with raises_exactly(errors.NotACivilDateError, f"later: {CIVIL}, got int"):
        cal.days_between(D(2026, 1, 1), 5)  # type: ignore[arg-type]


def test_a_count_of_days_must_be_a_whole_number() -> None:
    with raises_exactly(errors.WrongTypeError, "days: expected a whole number, got str"):
        cal.last_day_of_days_beginning_with(D(2026, 3, 6), "3")  # type: ignore[arg-type]
    with raises_exactly(errors.WrongTypeError, "days: expected a whole number, got bool"):
        cal.last_day_of_days_beginning_with(D(2026, 3, 6), True)
    with raises_exactly(errors.NegativeCountError, "days: expected a count of 1 or more"):
        cal.last_day_of_days_beginning_with(D(2026, 3, 6), 0)
    with raises_exactly(errors.WrongTypeError, "days: expected a whole number, got float"):
        cal.add_days(D(2026, 1, 1), 1.5)  # type: ignore[arg-type]
    with raises_exactly(errors.WrongTypeError, "days: expected a whole number, got bool"):
        cal.add_days(D(2026, 1, 1), True)


def test_days_past_either_end_of_the_calendar_are_out_of_range() -> None:
    assert cal.add_days(D(9999, 12, 30), 1) == D(9999, 12, 31)
    assert cal.add_days(D(1, 1, 2), -1) == D(1, 1, 1)
    with raises_exactly(errors.DateOutOfRangeError, "date: 9999-12-31 plus 1 days is out of range"):
        cal.add_days(D(9999, 12, 31), 1)
    with raises_exactly(
        errors.DateOutOfRangeError, "date: 0001-01-01 plus -1 days is out of range"
    ):
        cal.add_days(D(1, 1, 1), -1)


def test_hours_are_counted_only_between_date_times_of_one_kind() -> None:
    with raises_exactly(TypeError, "earlier: expected a datetime, got date"):
        cal.hours_between(D(2026, 3, 6), datetime(2026, 3, 7))  # type: ignore[arg-type]
    with raises_exactly(TypeError, "later: expected a datetime, got str"):
        cal.hours_between(datetime(2026, 3, 6), "2026-03-07")  # type: ignore[arg-type]
    aware = datetime(2026, 3, 6, 21, tzinfo=timezone.utc)
    with raises_exactly(
        errors.NaiveAwareMixError,
        "later: both date-times must be aware or both naive; earlier is naive, later is aware",
    ):
        cal.hours_between(datetime(2026, 3, 6, 9), aware)
    # 09:00 to 21:00 the next day: 36 hours.
    assert cal.hours_between(datetime(2026, 3, 6, 9), datetime(2026, 3, 7, 21)) == 36


# --------------------------------------------------------------------------------------------
# Calendar periods
# --------------------------------------------------------------------------------------------


def test_a_period_holds_at_most_the_whole_calendar_in_each_unit() -> None:
    # 1 January 0001 to 31 December 9999 is 9,999 years, 119,988 months, 3,652,059 days
    # (date.max.toordinal()), 521,722 whole weeks.
    longest = cal.CalendarPeriod(years=9999, months=119_988, weeks=521_722, days=3_652_059)
    assert (longest.years, longest.days) == (9999, 3_652_059)
    for unit, most in (("years", 9999), ("months", 119_988), ("weeks", 521_722)):
        message = f"{unit}: expected at most {most} (longer than the calendar)"
        with raises_exactly(errors.InvalidPeriodError, message):
            cal.CalendarPeriod(**{unit: most + 1})
    with raises_exactly(
        errors.InvalidPeriodError, "days: expected at most 3652059 (longer than the calendar)"
    ):
        cal.CalendarPeriod(days=3_652_060)
    with raises_exactly(errors.WrongTypeError, "months: expected a whole number, got str"):
        cal.CalendarPeriod(months="6")  # type: ignore[arg-type]
    with raises_exactly(errors.NegativeCountError, "weeks: expected a count of 0 or more"):
        cal.CalendarPeriod(weeks=-1)


def test_periods_add_unit_by_unit_carrying_months_into_years() -> None:
    # 7 months and 8 months: 15 months, 1 year 3 months.
    assert cal.CalendarPeriod(months=7) + cal.CalendarPeriod(months=8) == cal.CalendarPeriod(
        years=1, months=3
    )
    # 1 year 11 months 1 week 2 days and 1 month 2 weeks 5 days: 2 years, 3 weeks, 7 days
    # (weeks and days are not carried: they are added as days when the period is applied).
    total = cal.CalendarPeriod(years=1, months=11, weeks=1, days=2) + cal.CalendarPeriod(
        months=1, weeks=2, days=5
    )
    assert total == cal.CalendarPeriod(years=2, months=0, weeks=3, days=7)
    with pytest.raises(TypeError):
        cal.CalendarPeriod(months=1) + 1  # type: ignore[operator]


def test_a_period_is_written_in_words_singular_and_plural() -> None:
    assert (
        str(cal.CalendarPeriod(years=1, months=1, weeks=1, days=1)) == "1 year 1 month 1 week 1 day"
    )
    assert (
        str(cal.CalendarPeriod(years=2, months=2, weeks=2, days=2))
        == "2 years 2 months 2 weeks 2 days"
    )
    assert str(cal.CalendarPeriod()) == "0 days"


def test_halving_keeps_whole_months_and_whole_days() -> None:
    # s.82(2): half of a period. 2 months 4 days: 1 month 2 days; 2 weeks: 7 days;
    # 1 year 6 months 2 days: 9 months 1 day.
    assert cal.CalendarPeriod(months=2, days=4).halved() == cal.CalendarPeriod(months=1, days=2)
    assert cal.CalendarPeriod(weeks=2).halved() == cal.CalendarPeriod(days=7)
    assert cal.CalendarPeriod(years=1, months=6, days=2).halved() == cal.CalendarPeriod(
        months=9, days=1
    )
    assert cal.CalendarPeriod(years=3).halved() == cal.CalendarPeriod(years=1, months=6)
    with raises_exactly(
        errors.InvalidPeriodError, "period: 3 months cannot be halved into whole months"
    ):
        cal.CalendarPeriod(months=3).halved()
    with raises_exactly(
        errors.InvalidPeriodError, "period: 3 days cannot be halved into whole months"
    ):
        cal.CalendarPeriod(days=3).halved()
    with raises_exactly(
        errors.InvalidPeriodError, "period: 1 week cannot be halved into whole months"
    ):
        cal.CalendarPeriod(weeks=1).halved()


# --------------------------------------------------------------------------------------------
# Adding months at the ends of the calendar, and the question a missing day raises
# --------------------------------------------------------------------------------------------


def test_months_can_be_added_within_years_1_and_9999_and_no_further() -> None:
    assert cal.add_period(D(1, 6, 1), MONTH) == D(1, 7, 1)
    assert cal.add_period(D(1, 1, 31), cal.CalendarPeriod(months=2)) == D(1, 3, 31)
    assert cal.add_period(D(9999, 1, 15), cal.CalendarPeriod(months=11)) == D(9999, 12, 15)
    with raises_exactly(
        errors.DateOutOfRangeError, "date: 9999-12-01 plus 1 months is out of range"
    ):
        cal.add_period(D(9999, 12, 1), MONTH)
    with raises_exactly(
        errors.DateOutOfRangeError, "date: 9998-06-01 plus 24 months is out of range"
    ):
        cal.add_period(D(9998, 6, 1), cal.CalendarPeriod(years=2))


@pytest.mark.parametrize(
    ("start", "period", "words"),
    [
        (D(2025, 1, 31), MONTH, "1 month"),
        (D(2025, 1, 31), cal.CalendarPeriod(months=13), "13 months"),  # 31 February 2026
        (D(2024, 2, 29), YEAR, "1 year"),
        (D(2024, 2, 29), cal.CalendarPeriod(months=12), "1 year"),
        (D(2024, 2, 29), cal.CalendarPeriod(years=2), "2 years"),
    ],
)
def test_a_missing_corresponding_day_names_the_question_and_the_period(
    start: date, period: cal.CalendarPeriod, words: str
) -> None:
    message = (
        f"corresponding_date: {start.isoformat()} plus {words} has no corresponding day; "
        "choose a reading"
    )
    with raises_exactly(errors.AmbiguousReadingError, message) as caught:
        cal.add_period(start, period, RAISE)
    assert caught.value.question == "corresponding_date"
    with pytest.raises(errors.AmbiguousReadingError) as named:
        cal.add_period(start, period, RAISE, question="leap_day")
    assert named.value.question == "leap_day"


def test_add_period_takes_only_a_calendar_period() -> None:
    with raises_exactly(TypeError, "period: expected a CalendarPeriod, got int"):
        cal.add_period(D(2026, 1, 1), 5)  # type: ignore[arg-type]


def test_an_empty_period_is_refused_with_the_words_of_the_statute() -> None:
    empty = cal.CalendarPeriod()
    with raises_exactly(
        errors.InvalidPeriodError, "period: a period after an event must not be empty"
    ):
        cal.last_day_of_period_after(D(2026, 1, 1), empty)
    with raises_exactly(
        errors.InvalidPeriodError, "period: a period beginning with a day must not be empty"
    ):
        cal.last_day_of_period_beginning_with(D(2026, 1, 1), empty)
    with raises_exactly(errors.InvalidPeriodError, "within: the rolling period must not be empty"):
        cal.first_day_total_reaches(cal.IntervalSet(), 7, empty)


def test_the_question_of_a_period_after_an_event_is_the_corresponding_date() -> None:
    # One month after 31 January 2025 under a strict policy: the answer needs the reading.
    with pytest.raises(errors.AmbiguousReadingError) as caught:
        cal.last_day_of_period_after(D(2025, 1, 31), MONTH, Policy.strict())
    assert caught.value.question == "corresponding_date"


# --------------------------------------------------------------------------------------------
# Intervals and interval sets
# --------------------------------------------------------------------------------------------


def test_an_interval_names_the_end_that_is_not_a_date() -> None:
    with raises_exactly(errors.NotACivilDateError, f"start: {CIVIL}, got str"):
        cal.DateInterval("2026-01-01", D(2026, 1, 2))  # type: ignore[arg-type]
    with raises_exactly(errors.NotACivilDateError, f"end: {CIVIL}, got str"):
        cal.DateInterval(D(2026, 1, 1), "2026-01-02")  # type: ignore[arg-type]
    with raises_exactly(errors.NotACivilDateError, f"last: {CIVIL}, got str"):
        cal.DateInterval.from_days(D(2026, 1, 1), "2026-01-02")  # type: ignore[arg-type]


def test_an_interval_of_days_from_first_to_last_both_included() -> None:
    one = cal.DateInterval.from_days(D(2026, 1, 1), D(2026, 1, 1))
    assert (one.days, one.start, one.end) == (1, D(2026, 1, 1), D(2026, 1, 2))
    assert D(2026, 1, 1) in one
    assert D(2026, 1, 2) not in one
    assert datetime(2026, 1, 1, 12) not in one
    endless = cal.DateInterval.from_days(D(2026, 1, 1), cal.END_OF_TIME)
    assert endless.is_unbounded
    assert endless.start == D(2026, 1, 1)
    assert str(endless) == "2026-01-01 onwards"


def test_an_interval_set_holds_only_date_intervals() -> None:
    class LooksLikeAnInterval:
        is_empty = False

    with raises_exactly(TypeError, "spans: expected DateInterval values"):
        cal.IntervalSet((LooksLikeAnInterval(),))  # type: ignore[arg-type]


def test_an_interval_set_answers_only_for_civil_dates() -> None:
    s = cal.IntervalSet.of(cal.DateInterval.from_days(D(2026, 1, 1), D(2026, 1, 31)))
    assert s.span_containing(datetime(2026, 1, 15, 12)) is None  # type: ignore[arg-type]
    assert "2026-01-15" not in s
    assert D(2026, 1, 15) in s


def test_spans_from_a_day_are_those_that_end_after_it() -> None:
    first = cal.DateInterval.from_days(D(2026, 1, 1), D(2026, 1, 2))  # ends (exclusive) 3 January
    second = cal.DateInterval.from_days(D(2026, 2, 1), D(2026, 2, 2))
    s = cal.IntervalSet.of(first, second)
    assert list(s.spans_from(D(2026, 1, 2))) == [first, second]
    assert list(s.spans_from(D(2026, 1, 3))) == [second]
    assert list(s.spans_from(D(2026, 2, 3))) == []


def test_an_interval_set_is_written_span_by_span() -> None:
    s = cal.IntervalSet.of(
        cal.DateInterval(D(2026, 2, 1), cal.END_OF_TIME),
        cal.DateInterval.from_days(D(2026, 1, 1), D(2026, 1, 2)),
    )
    assert str(s) == "2026-01-01 to 2026-01-02; 2026-02-01 onwards"
    assert str(cal.IntervalSet()) == "no days"


# --------------------------------------------------------------------------------------------
# Disregarded time: the two readings of a day partly spent away (s.83(6))
# --------------------------------------------------------------------------------------------

# Away from Saturday 7 March 2026, back on Tuesday 10 March: under the default reading the day of
# return counts (the person is at liberty at its end), under the whole-day reading it does not.
TRIP = [cal.Spell(D(2026, 3, 7), D(2026, 3, 10))]


def test_a_spell_names_the_end_that_is_not_a_date() -> None:
    with raises_exactly(errors.NotACivilDateError, f"start: {CIVIL}, got str"):
        cal.Spell("2026-03-07")  # type: ignore[arg-type]
    with raises_exactly(errors.NotACivilDateError, f"end: {CIVIL}, got str"):
        cal.Spell(D(2026, 3, 7), "2026-03-10")  # type: ignore[arg-type]
    with raises_exactly(ValueError, "reading: raise is not a reading of partial days"):
        TRIP[0].days_away(PartialDays.RAISE)


def test_disregarded_days_are_held_for_the_readings_asked_for() -> None:
    whole = cal.DisregardedTime.from_spells(TRIP, WHOLE)
    assert whole.days(WHOLE) == cal.IntervalSet.of(cal.DateInterval(D(2026, 3, 7), D(2026, 3, 11)))
    with raises_exactly(ValueError, "reading: liberty_at_end_of_day is not held"):
        whole.days(DEFAULT)
    both = cal.DisregardedTime.from_spells(TRIP, PartialDays.RAISE)
    assert both.days(DEFAULT) == cal.IntervalSet.of(cal.DateInterval(D(2026, 3, 7), D(2026, 3, 10)))
    assert both.days(WHOLE) == cal.IntervalSet.of(cal.DateInterval(D(2026, 3, 7), D(2026, 3, 11)))
    # The day of return is the one day the readings count differently.
    assert both.disputed == cal.IntervalSet.of(cal.DateInterval(D(2026, 3, 10), D(2026, 3, 11)))


@pytest.mark.parametrize(
    ("first", "last", "differ"),
    [
        (D(2026, 3, 10), D(2026, 3, 10), True),  # the day of return alone
        (D(2026, 3, 8), D(2026, 3, 12), True),
        (D(2026, 3, 8), D(2026, 3, 9), False),  # away on both readings
        (D(2026, 3, 11), D(2026, 3, 13), False),  # at liberty on both
        (D(2026, 3, 8), None, True),  # with no end: reaches the day of return
        (D(2026, 3, 11), None, False),
        (D(2026, 3, 12), D(2026, 3, 10), False),  # no days at all
        (D(2026, 3, 11), D(2026, 3, 10), False),
    ],
)
def test_whether_the_readings_differ_over_some_days(
    first: date, last: date | None, differ: bool
) -> None:
    away = cal.DisregardedTime.from_spells(TRIP)
    assert away.readings_differ_within(first, last) is differ


def test_a_day_at_liberty_under_each_reading() -> None:
    default = cal.DisregardedTime.from_spells(TRIP)
    assert [default.is_at_liberty(D(2026, 3, d)) for d in range(6, 12)] == [
        True,  # 6: before the trip
        False,  # 7: the day of departure
        False,
        False,
        True,  # 10: the day of return, at liberty at its end
        True,
    ]
    whole = cal.DisregardedTime.from_spells(TRIP, WHOLE)
    assert whole.is_at_liberty(D(2026, 3, 10)) is False
    with raises_exactly(errors.NotACivilDateError, f"day: {CIVIL}, got str"):
        default.is_at_liberty("2026-03-10")  # type: ignore[arg-type]


def test_readings_that_disagree_say_what_each_gives() -> None:
    both = cal.DisregardedTime.from_spells(TRIP, PartialDays.RAISE)
    # 3 days beginning with Friday 6 March: 6, 10, 11 by default; 6, 11, 12 on the whole-day
    # reading.
    message = (
        "partial_days: the readings of a day partly spent away disagree "
        "(liberty_at_end_of_day: 2026-03-11, whole_day_at_liberty: 2026-03-12)"
    )
    with raises_exactly(errors.AmbiguousReadingError, message):
        both.last_counted_day(D(2026, 3, 6), 3)
    # Whether 10 March is a day at liberty: yes by default; on the whole-day reading it is
    # disregarded, so there is no day to give.
    message = (
        "partial_days: the readings of a day partly spent away disagree "
        "(liberty_at_end_of_day: 2026-03-10, whole_day_at_liberty: not yet fixed)"
    )
    with raises_exactly(errors.AmbiguousReadingError, message):
        both.is_at_liberty(D(2026, 3, 10))


def test_counted_days_and_extended_deadlines_name_a_bad_argument() -> None:
    away = cal.DisregardedTime.from_spells(TRIP)
    with raises_exactly(errors.NotACivilDateError, f"start: {CIVIL}, got str"):
        away.last_counted_day("2026-03-06", 3)  # type: ignore[arg-type]
    with raises_exactly(errors.NegativeCountError, "count: expected a count of 1 or more"):
        away.last_counted_day(D(2026, 3, 6), 0)
    with raises_exactly(errors.WrongTypeError, "count: expected a whole number, got str"):
        away.last_counted_day(D(2026, 3, 6), "3")  # type: ignore[arg-type]
    with raises_exactly(errors.NotACivilDateError, f"deadline: {CIVIL}, got str"):
        away.extended_deadline("2026-03-08")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Rolling totals (s.84(6)): a period of 12 months ending with a day, under each reading
# --------------------------------------------------------------------------------------------
#
# 12 months beginning with 29 February 2024 end, by default (leap_day NEXT_DAY: the anniversary
# is 1 March 2025), on 28 February 2025; under PREVIOUS_DAY (anniversary 28 February 2025) on
# 27 February 2025, and the 12 months ending with 28 February 2025 begin with 1 March 2024.


def _stays(*spans: tuple[date, date]) -> cal.IntervalSet:
    return cal.IntervalSet(tuple(cal.DateInterval.from_days(first, last) for first, last in spans))


LEAP_DAY_AND_SIX = _stays(
    (D(2024, 2, 29), D(2024, 2, 29)),
    (D(2025, 2, 23), D(2025, 2, 28)),
)
LEAP_DAYS_AND_FIVE = _stays(
    (D(2024, 2, 28), D(2024, 2, 29)),
    (D(2025, 2, 24), D(2025, 2, 28)),
)
PREVIOUS = Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY)


def test_a_day_stayed_on_29_february_counts_a_year_later_by_default() -> None:
    # By default the 12 months ending with 28 February 2025 begin with 29 February 2024:
    # 1 day then and 6 days from 23 to 28 February 2025 make 7 on 28 February 2025.
    assert cal.first_day_total_reaches(LEAP_DAY_AND_SIX, 7, YEAR) == D(2025, 2, 28)
    assert cal.first_day_total_reaches(LEAP_DAY_AND_SIX, 7, YEAR, Policy()) == D(2025, 2, 28)


def test_a_day_stayed_on_29_february_does_not_count_a_year_later_under_previous_day() -> None:
    # Under PREVIOUS_DAY those 12 months begin with 1 March 2024: 6 days only, never 7.
    assert cal.first_day_total_reaches(LEAP_DAY_AND_SIX, 7, YEAR, PREVIOUS) is None


def test_the_day_before_29_february_does_not_count_a_year_later() -> None:
    # Stays on 28 and 29 February 2024 and 24-28 February 2025 (5 days). On 27 February 2025 the
    # 12 months begin with 28 February 2024 (2 + 4 = 6); on 28 February 2025 with 29 February
    # 2024 (1 + 5 = 6). The total never reaches 7.
    assert cal.first_day_total_reaches(LEAP_DAYS_AND_FIVE, 7, YEAR) is None
    assert cal.first_day_total_reaches(LEAP_DAYS_AND_FIVE, 6, YEAR) == D(2025, 2, 27)


def test_a_total_of_one_is_reached_on_the_first_day() -> None:
    assert cal.first_day_total_reaches(_stays((D(2026, 3, 5), D(2026, 3, 6))), 1, YEAR) == D(
        2026, 3, 5
    )
    with raises_exactly(errors.NegativeCountError, "total: expected a count of 1 or more"):
        cal.first_day_total_reaches(cal.IntervalSet(), 0, YEAR)


def test_a_total_is_found_in_the_last_month_of_the_calendar() -> None:
    # Stays from 1 to 10 December 9999: the third day reaches 3; nothing past the calendar is
    # computed.
    stays = _stays((D(9999, 12, 1), D(9999, 12, 10)))
    assert cal.first_day_total_reaches(stays, 3, YEAR) == D(9999, 12, 3)
    assert cal.first_day_total_reaches(stays, 11, YEAR) is None


def test_span_up_to_gives_the_span_holding_a_day_or_the_last_before_it() -> None:
    # Two runs: 10-19 January and 1-4 February 2026 (ends exclusive: 20 January, 5 February).
    first = cal.DateInterval(D(2026, 1, 10), D(2026, 1, 20))
    second = cal.DateInterval(D(2026, 2, 1), D(2026, 2, 5))
    s = cal.IntervalSet.of(first, second)
    assert s.span_up_to(D(2026, 1, 9)) is None  # before every span
    assert s.span_up_to(D(2026, 1, 10)) == first  # its first day
    assert s.span_up_to(D(2026, 1, 19)) == first  # its last day
    assert s.span_up_to(D(2026, 1, 20)) == first  # the day after it: the last before
    assert s.span_up_to(D(2026, 1, 31)) == first
    assert s.span_up_to(D(2026, 2, 1)) == second
    assert s.span_up_to(D(2027, 1, 1)) == second
    assert cal.IntervalSet().span_up_to(D(2026, 1, 1)) is None
