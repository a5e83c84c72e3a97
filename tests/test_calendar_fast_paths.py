"""The calendar's quick paths for exact `date` and `int` values give the same answers as the full
checks, for subclasses and refusals too; and the days away under one reading of a day partly
spent away (`DisregardedTime.under`)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sexoffender_rules.calendar import (
    DateInterval,
    DisregardedTime,
    IntervalSet,
    Spell,
    add_days,
)
from sexoffender_rules.errors import AmbiguousReadingError, NotACivilDateError
from sexoffender_rules.policy import PartialDays


class CivilDay(date):
    """A subclass of date that is not a datetime: a civil date for the library."""


class Count(int):
    """A subclass of int that is not bool: a count for the library."""


def test_add_days_takes_a_date_subclass_and_an_int_subclass() -> None:
    # 31 January 2026 plus one day is 1 February 2026.
    assert add_days(CivilDay(2026, 1, 31), 1) == date(2026, 2, 1)
    assert add_days(date(2026, 1, 31), Count(1)) == date(2026, 2, 1)


def test_add_days_refuses_a_datetime_and_a_flag() -> None:
    with pytest.raises(NotACivilDateError):
        add_days(datetime(2026, 1, 31, 12, 0), 1)
    with pytest.raises(TypeError):
        add_days(date(2026, 1, 31), True)


def test_an_interval_set_finds_the_span_of_a_date_subclass() -> None:
    span = DateInterval(date(2026, 1, 10), date(2026, 1, 20))
    days = IntervalSet.of(span)
    assert days.span_containing(CivilDay(2026, 1, 19)) == span
    assert CivilDay(2026, 1, 10) in days
    assert days.span_containing(CivilDay(2026, 1, 20)) is None
    assert days.span_containing(datetime(2026, 1, 15)) is None


# Custody from 7 March 2026, released on 10 March 2026. Read as at liberty at the end of the day,
# the days away are 7, 8 and 9 March (the day of release ends at liberty); read as whole days at
# liberty only, 10 March is away as well. The day in dispute is 10 March.
SPELL = Spell(date(2026, 3, 7), date(2026, 3, 10))
AT_END = IntervalSet.of(DateInterval(date(2026, 3, 7), date(2026, 3, 10)))
WHOLE = IntervalSet.of(DateInterval(date(2026, 3, 7), date(2026, 3, 11)))
DISPUTED = IntervalSet.of(DateInterval(date(2026, 3, 10), date(2026, 3, 11)))


@pytest.mark.parametrize("built_under", [PartialDays.LIBERTY_AT_END_OF_DAY, PartialDays.RAISE])
def test_days_away_under_each_reading(built_under: PartialDays) -> None:
    away = DisregardedTime.from_spells([SPELL], built_under)
    assert away.disputed == DISPUTED
    at_end = away.under(PartialDays.LIBERTY_AT_END_OF_DAY)
    whole = away.under(PartialDays.WHOLE_DAY_AT_LIBERTY)
    assert at_end.by_reading == ((PartialDays.LIBERTY_AT_END_OF_DAY, AT_END),)
    assert whole.by_reading == ((PartialDays.WHOLE_DAY_AT_LIBERTY, WHOLE),)
    assert at_end.disputed == whole.disputed == DISPUTED
    # 3 days beginning with 6 March: 6, 10, 11 at liberty at the end of the day; 6, 11, 12
    # counting whole days only.
    assert at_end.last_counted_day(date(2026, 3, 6), 3) == date(2026, 3, 11)
    assert whole.last_counted_day(date(2026, 3, 6), 3) == date(2026, 3, 12)


def test_days_away_under_the_reading_not_held_are_worked_out_from_the_disputed_days() -> None:
    whole_only = DisregardedTime.from_spells([SPELL], PartialDays.WHOLE_DAY_AT_LIBERTY)
    assert whole_only.under(PartialDays.LIBERTY_AT_END_OF_DAY).by_reading == (
        (PartialDays.LIBERTY_AT_END_OF_DAY, AT_END),
    )
    at_end_only = DisregardedTime.from_spells([SPELL], PartialDays.LIBERTY_AT_END_OF_DAY)
    assert at_end_only.under(PartialDays.WHOLE_DAY_AT_LIBERTY).by_reading == (
        (PartialDays.WHOLE_DAY_AT_LIBERTY, WHOLE),
    )


def test_the_refusal_to_choose_is_not_a_reading_of_days() -> None:
    away = DisregardedTime.from_spells([SPELL], PartialDays.LIBERTY_AT_END_OF_DAY)
    with pytest.raises(ValueError, match=r"^reading: raise is not a reading of partial days$"):
        away.under(PartialDays.RAISE)


def test_one_reading_held_answers_as_that_reading_and_two_held_must_agree() -> None:
    # Away 7-10 March 2026 (released on the 10th). A periodic deadline of 8 March falls while
    # away (s.85(3)): the period continues to the end of 3 days beginning when the spell ends.
    # With liberty at the end of the day the spell ends on the 10th (10-12 March); counting only
    # whole days at liberty it ends on the 11th (11-13 March). Held alone, each reading gives
    # its own answer; held together they disagree, and the disagreement is refused. Outside the
    # spell (20 March) every reading agrees, and the 3 days from 20 March end on the 22nd.
    spells = [Spell(date(2026, 3, 7), date(2026, 3, 10))]
    both = DisregardedTime.from_spells(spells, PartialDays.RAISE)
    for reading, extended in (
        (PartialDays.LIBERTY_AT_END_OF_DAY, date(2026, 3, 12)),
        (PartialDays.WHOLE_DAY_AT_LIBERTY, date(2026, 3, 13)),
    ):
        one = DisregardedTime.from_spells(spells, reading)
        assert one.extended_deadline(date(2026, 3, 8)) == extended
        assert one.extended_deadline(date(2026, 3, 20)) == date(2026, 3, 20)
        assert one.last_counted_day(date(2026, 3, 20), 3) == date(2026, 3, 22)
    assert both.extended_deadline(date(2026, 3, 20)) == date(2026, 3, 20)
    assert both.last_counted_day(date(2026, 3, 20), 3) == date(2026, 3, 22)
    with pytest.raises(AmbiguousReadingError):
        both.extended_deadline(date(2026, 3, 8))
