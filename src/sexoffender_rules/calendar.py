"""Legal time: civil dates, intervals of days, and the statute's ways of counting periods.

This is the only module in the library that does date arithmetic. Every rule states its period in
the statute's words and asks this module for the day it ends:

========================================================  =========================================
Statute's words                                            Function
========================================================  =========================================
"within the period of 3 days beginning with X"             :func:`last_day_of_days_beginning_with`
  ... not counting days detained or abroad (s.83(6))       :meth:`DisregardedTime.last_counted_day`
"within one year after X", "one week after X" (s.85(1))    :func:`last_day_of_period_after`
"a period of 10 years beginning with X" (s.82(1))          :func:`last_day_of_period_beginning_with`
"treated as continuing until the end of the period of      :meth:`DisregardedTime.extended_deadline`
3 days beginning when [detention] first ceases" (s.85(3))
"7 days ... in any period of 12 months" (s.84(6))          :func:`first_day_total_reaches`
========================================================  =========================================

Conventions, checked 2026-11-29:

- A day is a whole civil day; the day of an event is a whole day (*Matthew v Sedman* [2021]
  UKSC 19: fractions of a day are ignored in day-counted periods).
- "Beginning with X" counts X as day 1; "after X" excludes X and ends on the corresponding day
  (*Dodds v Walker* [1981] 1 WLR 1027 (HL)).
- Weekends and bank holidays count: Part 2 of the Sexual Offences Act 2003 excludes none.
- Where a month has no corresponding day, :class:`~sexoffender_rules.policy.Policy` names the
  reading.

Intervals are half-open: :class:`DateInterval` ``(start, end)`` holds the days from ``start`` up to
but not including ``end``. :class:`IntervalSet` holds any union of them, kept merged.

>>> from datetime import date
>>> last_day_of_days_beginning_with(date(2026, 3, 6), 3)   # Friday 6 March: Fri, Sat, Sun
datetime.date(2026, 3, 8)
"""

from __future__ import annotations

import bisect
import calendar as _stdlib_calendar
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta

import attrs

from ._pickling import tuple_state
from .errors import (
    AmbiguousReadingError,
    DateOutOfRangeError,
    InvalidIntervalError,
    InvalidPeriodError,
    NaiveAwareMixError,
    NegativeCountError,
    NotACivilDateError,
    WrongTypeError,
)
from .policy import NoCorrespondingDay, PartialDays, Policy

__all__ = [
    "END_OF_TIME",
    "CalendarPeriod",
    "DateInterval",
    "DisregardedTime",
    "IntervalSet",
    "Spell",
    "add_days",
    "add_period",
    "check_civil_date",
    "days_between",
    "first_day_total_reaches",
    "hours_between",
    "last_day_of_days_beginning_with",
    "last_day_of_period_after",
    "last_day_of_period_beginning_with",
]

END_OF_TIME = date.max
"""The end of an interval that has no end yet (a detention that continues, say).

>>> DateInterval(date(2026, 1, 1), END_OF_TIME).is_unbounded
True
"""


# --------------------------------------------------------------------------------------------
# Civil dates
# --------------------------------------------------------------------------------------------


def check_civil_date(value: object, name: str = "date") -> date:
    """Return ``value`` if it is a civil date; otherwise raise :class:`NotACivilDateError`.

    ``datetime`` is a subclass of ``date``, so it is refused by name: a date-time is an instant,
    not a day.

    >>> check_civil_date(date(2026, 1, 2))
    datetime.date(2026, 1, 2)
    >>> check_civil_date("2026-01-02", "as_of")
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.NotACivilDateError: as_of: expected a civil date (datetime.date), got str
    """
    if type(value) is date:  # the common case, decided without the two isinstance checks
        return value
    if isinstance(value, datetime) or not isinstance(value, date):
        raise NotACivilDateError(
            f"{name}: expected a civil date (datetime.date), got {type(value).__name__}"
        )
    return value


def _check_count(value: object, name: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(f"{name}: expected a whole number, got {type(value).__name__}")
    if value < minimum:
        # The value is not repeated: it may be personal, and a huge one cannot even be printed.
        raise NegativeCountError(f"{name}: expected a count of {minimum} or more")
    return value


def add_days(day: date, days: int) -> date:
    """The day ``days`` days after ``day`` (before it, if ``days`` is negative).

    >>> add_days(date(2024, 2, 28), 1), add_days(date(2024, 3, 1), -1)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29))
    """
    if type(day) is not date:
        check_civil_date(day)
    if type(days) is not int and (isinstance(days, bool) or not isinstance(days, int)):
        raise WrongTypeError(f"days: expected a whole number, got {type(days).__name__}")
    try:
        return day + timedelta(days)
    except OverflowError:
        raise DateOutOfRangeError(
            f"date: {day.isoformat()} plus {days} days is out of range"
        ) from None


def days_between(earlier: date, later: date) -> int:
    """The number of days from ``earlier`` to ``later`` (negative if ``later`` is earlier).

    >>> days_between(date(2024, 2, 28), date(2024, 3, 1))
    2
    """
    return (check_civil_date(later, "later") - check_civil_date(earlier, "earlier")).days


def hours_between(earlier: datetime, later: datetime) -> float:
    """Hours from ``earlier`` to ``later``; both aware or both naive, never mixed.

    Only the hour rules (notice of travel "not less than 12 hours before" departure) use
    date-times; every other rule counts whole days.

    >>> hours_between(datetime(2026, 5, 1, 8, 0), datetime(2026, 5, 1, 20, 30))
    12.5
    """
    for name, value in (("earlier", earlier), ("later", later)):
        if not isinstance(value, datetime):
            raise TypeError(f"{name}: expected a datetime, got {type(value).__name__}")
    earlier_aware = earlier.utcoffset() is not None
    later_aware = later.utcoffset() is not None
    if earlier_aware != later_aware:
        raise NaiveAwareMixError(
            "later: both date-times must be aware or both naive; "
            f"earlier is {'aware' if earlier_aware else 'naive'}, "
            f"later is {'aware' if later_aware else 'naive'}"
        )
    return (later - earlier).total_seconds() / 3600


# --------------------------------------------------------------------------------------------
# Calendar periods
# --------------------------------------------------------------------------------------------


# The longest span the calendar can hold, 1 Jan 0001 to 31 Dec 9999, in each unit: a period
# longer than that cannot be added to any date, so it is refused where it is made.
_LONGEST = {"years": 9999, "months": 9999 * 12, "weeks": 3_652_059 // 7, "days": 3_652_059}


def _within_calendar(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """A count of one unit of a period: a whole number from 0 to the calendar's span in it."""
    name = attribute.name
    _check_count(value, name)
    if value > _LONGEST[name]:
        raise InvalidPeriodError(
            f"{name}: expected at most {_LONGEST[name]} (longer than the calendar)"
        )


@tuple_state
@attrs.frozen(kw_only=True)
class CalendarPeriod:
    """A period stated in calendar units: years, months, weeks and days.

    A calendar period is not a count of days: one month from 31 January is not one month from
    1 February, and a year from 29 February may have no corresponding day. Years and months are
    added as calendar months; weeks and days as days. Use plain ``int`` for counts of days.

    >>> CalendarPeriod(years=3, months=6)
    CalendarPeriod(years=3, months=6, weeks=0, days=0)
    >>> str(CalendarPeriod(years=3, months=6)), CalendarPeriod(years=3, months=6).iso
    ('3 years 6 months', 'P3Y6M')
    """

    years: int = attrs.field(default=0, validator=_within_calendar)
    months: int = attrs.field(default=0, validator=_within_calendar)
    weeks: int = attrs.field(default=0, validator=_within_calendar)
    days: int = attrs.field(default=0, validator=_within_calendar)

    @property
    def total_months(self) -> int:
        """Years and months as a number of months (weeks and days left out).

        >>> CalendarPeriod(years=2, months=6).total_months
        30
        """
        return self.years * 12 + self.months

    @property
    def day_count(self) -> int:
        """Weeks and days as a number of days (years and months left out).

        >>> CalendarPeriod(weeks=26, days=3).day_count
        185
        """
        return self.weeks * 7 + self.days

    @property
    def is_zero(self) -> bool:
        """Whether the period is empty.

        >>> CalendarPeriod().is_zero
        True
        """
        return self.total_months == 0 and self.day_count == 0

    def __add__(self, other: CalendarPeriod) -> CalendarPeriod:
        """The two periods together, unit by unit (months carried into years).

        >>> str(CalendarPeriod(months=6) + CalendarPeriod(years=2))
        '2 years 6 months'
        """
        if not isinstance(other, CalendarPeriod):
            return NotImplemented
        months = self.total_months + other.total_months
        return CalendarPeriod(
            years=months // 12,
            months=months % 12,
            weeks=self.weeks + other.weeks,
            days=self.days + other.days,
        )

    def halved(self) -> CalendarPeriod:
        """Half the period, by calendar: 7 years give 3 years 6 months, not 3.5 x 365 days.

        SOA 2003 s.82(2) halves the periods of 10, 7, 5 and 2 years for a person under 18; the project
        reads half of a period of years as years and months. A period that does not halve into
        whole months and whole days is refused.

        >>> [str(CalendarPeriod(years=n).halved()) for n in (10, 7, 5, 2)]
        ['5 years', '3 years 6 months', '2 years 6 months', '1 year']
        """
        if self.total_months % 2 or self.day_count % 2:
            raise InvalidPeriodError(f"period: {self} cannot be halved into whole months")
        months = self.total_months // 2
        return CalendarPeriod(years=months // 12, months=months % 12, days=self.day_count // 2)

    @property
    def iso(self) -> str:
        """The period as an ISO 8601 duration.

        >>> CalendarPeriod(years=2, months=6).iso, CalendarPeriod(weeks=26).iso, CalendarPeriod().iso
        ('P2Y6M', 'P26W', 'P0D')
        """
        parts = [
            f"{value}{unit}"
            for value, unit in (
                (self.years, "Y"),
                (self.months, "M"),
                (self.weeks, "W"),
                (self.days, "D"),
            )
            if value
        ]
        return "P" + ("".join(parts) or "0D")

    def __str__(self) -> str:
        parts = [
            f"{value} {unit}{'' if value == 1 else 's'}"
            for value, unit in (
                (self.years, "year"),
                (self.months, "month"),
                (self.weeks, "week"),
                (self.days, "day"),
            )
            if value
        ]
        return " ".join(parts) or "0 days"


def _add_months(day: date, months: int, rule: NoCorrespondingDay, question: str) -> date:
    """Add calendar months; ``rule`` decides when the target month lacks the day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise DateOutOfRangeError(f"date: {day.isoformat()} plus {months} months is out of range")
    length = _stdlib_calendar.monthrange(year, month)[1]
    if day.day <= length:
        return date(year, month, day.day)
    if rule is NoCorrespondingDay.RAISE:
        raise AmbiguousReadingError(
            question,
            f"{day.isoformat()} plus {_describe_months(months)} has no corresponding day; "
            "choose a reading",
        )
    last = date(year, month, length)
    return last if rule is NoCorrespondingDay.PREVIOUS_DAY else add_days(last, 1)


def _describe_months(months: int) -> str:
    if months % 12 == 0:
        return str(CalendarPeriod(years=months // 12))
    return str(CalendarPeriod(months=months))


def add_period(
    day: date,
    period: CalendarPeriod,
    no_corresponding_day: NoCorrespondingDay = NoCorrespondingDay.PREVIOUS_DAY,
    *,
    question: str = "corresponding_date",
) -> date:
    """The corresponding day ``period`` after ``day``: months first, then weeks and days.

    ``no_corresponding_day`` decides where a month that lacks the day lands; ``question`` names the
    policy field in an :class:`~sexoffender_rules.errors.AmbiguousReadingError`.

    >>> one_month = CalendarPeriod(months=1)
    >>> add_period(date(2025, 1, 31), one_month, NoCorrespondingDay.PREVIOUS_DAY)
    datetime.date(2025, 2, 28)
    >>> add_period(date(2025, 1, 31), one_month, NoCorrespondingDay.NEXT_DAY)
    datetime.date(2025, 3, 1)
    >>> add_period(date(2026, 6, 1), CalendarPeriod(weeks=1))
    datetime.date(2026, 6, 8)
    """
    check_civil_date(day)
    if not isinstance(period, CalendarPeriod):
        raise TypeError(f"period: expected a CalendarPeriod, got {type(period).__name__}")
    moved = _add_months(day, period.total_months, no_corresponding_day, question)
    return add_days(moved, period.day_count)


# --------------------------------------------------------------------------------------------
# Statutory windows
# --------------------------------------------------------------------------------------------


def last_day_of_days_beginning_with(start: date, days: int) -> date:
    """Last day of "the period of ``days`` days beginning with ``start``": ``start`` is day 1.

    So 3 days beginning with a Friday end on the Sunday; a failure to notify is committed on the
    next day (SOA 2003 s.91(3)).

    >>> last_day_of_days_beginning_with(date(2026, 3, 6), 3)
    datetime.date(2026, 3, 8)
    >>> last_day_of_days_beginning_with(date(2026, 3, 6), 1)
    datetime.date(2026, 3, 6)
    """
    check_civil_date(start, "start")
    _check_count(days, "days", minimum=1)
    return add_days(start, days - 1)


def last_day_of_period_after(
    event: date, period: CalendarPeriod, policy: Policy | None = None
) -> date:
    """Last day of "the period of ``period`` after ``event``": the event day is excluded.

    The period ends on the corresponding day (*Dodds v Walker* [1981] 1 WLR 1027 (HL)): one year
    after 10 March 2026 ends on 10 March 2027, one week after Monday 1 June 2026 on Monday 8 June.
    Where there is no corresponding day, ``policy.corresponding_date`` decides; by default the last
    day of the month, so one year after 29 February 2024 ends on 28 February 2025.

    >>> year = CalendarPeriod(years=1)
    >>> last_day_of_period_after(date(2026, 3, 10), year)
    datetime.date(2027, 3, 10)
    >>> last_day_of_period_after(date(2024, 2, 29), year)
    datetime.date(2025, 2, 28)
    >>> last_day_of_period_after(date(2026, 6, 1), CalendarPeriod(weeks=1))
    datetime.date(2026, 6, 8)
    """
    policy = policy or Policy()
    if period.is_zero:
        raise InvalidPeriodError("period: a period after an event must not be empty")
    return add_period(event, period, policy.corresponding_date, question="corresponding_date")


def last_day_of_period_beginning_with(
    start: date, period: CalendarPeriod, policy: Policy | None = None
) -> date:
    """Last day of "a period of ``period`` beginning with ``start``": the day before the anniversary.

    ``start`` is the first day, so 10 years beginning with 1 March 2021 end on 28 February 2031.
    Where the anniversary has no corresponding day, ``policy.leap_day`` decides: by default it is
    the next day, so 7 years beginning with 29 February 2020 have their anniversary on 1 March 2027
    and end on 28 February 2027; with ``PREVIOUS_DAY`` they end on 27 February 2027.

    >>> seven = CalendarPeriod(years=7)
    >>> last_day_of_period_beginning_with(date(2021, 3, 1), CalendarPeriod(years=10))
    datetime.date(2031, 2, 28)
    >>> last_day_of_period_beginning_with(date(2020, 2, 29), seven)
    datetime.date(2027, 2, 28)
    >>> from sexoffender_rules.policy import NoCorrespondingDay
    >>> last_day_of_period_beginning_with(
    ...     date(2020, 2, 29), seven, Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY))
    datetime.date(2027, 2, 27)
    """
    policy = policy or Policy()
    if period.is_zero:
        raise InvalidPeriodError("period: a period beginning with a day must not be empty")
    anniversary = add_period(start, period, policy.leap_day, question="leap_day")
    return add_days(anniversary, -1)


# --------------------------------------------------------------------------------------------
# Intervals and interval sets
# --------------------------------------------------------------------------------------------


def _check_interval(instance: DateInterval, attribute: attrs.Attribute[date], end: date) -> None:
    start = instance.start
    if type(start) is not date:
        check_civil_date(start, "start")
    if type(end) is not date:
        check_civil_date(end, "end")
    if end < start:
        raise InvalidIntervalError(
            f"interval: end {end.isoformat()} is before start {instance.start.isoformat()}"
        )


@tuple_state
@attrs.frozen(order=True)
class DateInterval:
    """The days from ``start`` up to but not including ``end`` (half-open).

    ``DateInterval(d, d)`` is empty. An interval whose ``end`` is :data:`END_OF_TIME` has no end
    yet. :meth:`from_days` builds one from a first and last day, both included.

    >>> spell = DateInterval.from_days(date(2026, 1, 30), date(2026, 2, 2))
    >>> spell
    DateInterval(start=datetime.date(2026, 1, 30), end=datetime.date(2026, 2, 3))
    >>> spell.days, date(2026, 2, 2) in spell, date(2026, 2, 3) in spell
    (4, True, False)
    """

    start: date
    end: date = attrs.field(validator=_check_interval)

    @classmethod
    def from_days(cls, first: date, last: date) -> DateInterval:
        """The interval holding the days ``first`` to ``last``, both included.

        >>> DateInterval.from_days(date(2026, 1, 1), date(2026, 1, 1)).days
        1
        """
        check_civil_date(last, "last")
        if last < first:
            raise InvalidIntervalError(
                f"interval: last day {last.isoformat()} is before first day {first.isoformat()}"
            )
        return cls(first, END_OF_TIME if last == END_OF_TIME else add_days(last, 1))

    @property
    def days(self) -> int:
        """How many days the interval holds.

        >>> DateInterval(date(2024, 2, 1), date(2024, 3, 1)).days
        29
        """
        return (self.end - self.start).days

    @property
    def is_empty(self) -> bool:
        """Whether the interval holds no day.

        >>> DateInterval(date(2024, 2, 1), date(2024, 2, 1)).is_empty
        True
        """
        return self.start == self.end

    @property
    def is_unbounded(self) -> bool:
        """Whether the interval runs to :data:`END_OF_TIME` (it has no end yet).

        >>> DateInterval(date(2024, 2, 1), date(2024, 2, 3)).is_unbounded
        False
        """
        return self.end == END_OF_TIME

    @property
    def last_day(self) -> date:
        """The last day held (the day before ``end``); an empty interval has none.

        >>> DateInterval(date(2024, 2, 1), date(2024, 3, 1)).last_day
        datetime.date(2024, 2, 29)
        """
        if self.is_empty:
            raise InvalidIntervalError("interval: an empty interval has no last day")
        return add_days(self.end, -1)

    def __contains__(self, day: object) -> bool:
        return (
            isinstance(day, date)
            and not isinstance(day, datetime)
            and (self.start <= day < self.end)
        )

    def __str__(self) -> str:
        if self.is_empty:
            return f"no days (at {self.start.isoformat()})"
        if self.is_unbounded:
            return f"{self.start.isoformat()} onwards"
        return f"{self.start.isoformat()} to {self.last_day.isoformat()}"


def _normalise(intervals: Iterable[DateInterval]) -> tuple[DateInterval, ...]:
    """Sort, drop empties, and join overlapping or touching intervals."""
    merged: list[DateInterval] = []
    for interval in sorted(i for i in intervals if not i.is_empty):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = DateInterval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return tuple(merged)


def _check_intervals(
    instance: IntervalSet,
    attribute: attrs.Attribute[tuple[DateInterval, ...]],
    value: tuple[DateInterval, ...],
) -> None:
    if not all(isinstance(i, DateInterval) for i in value):
        raise TypeError("spans: expected DateInterval values")


@attrs.frozen
class IntervalSet:
    """A set of days kept as sorted, disjoint, non-touching half-open intervals.

    Union (``|``), intersection (``&``), difference (``-``) and :meth:`complement` within a span
    obey the laws of a Boolean algebra of sets; equal sets have equal spans. Iteration yields the
    spans in order.

    >>> custody = IntervalSet.of(DateInterval(date(2026, 1, 10), date(2026, 1, 20)))
    >>> hospital = IntervalSet.of(DateInterval(date(2026, 1, 20), date(2026, 2, 1)))
    >>> detained = custody | hospital
    >>> [str(span) for span in detained], detained.days
    (['2026-01-10 to 2026-01-31'], 22)
    """

    spans: tuple[DateInterval, ...] = attrs.field(
        default=(), converter=_normalise, validator=_check_intervals
    )

    @classmethod
    def _normal(cls, spans: tuple[DateInterval, ...]) -> IntervalSet:
        """The set of ``spans`` that are already sorted, disjoint, not touching and not empty
        (the results of ``&`` and ``-``): no second normalisation."""
        made = object.__new__(cls)
        object.__setattr__(made, "spans", spans)
        object.__setattr__(made, "_starts", tuple(span.start for span in spans))
        return made

    @classmethod
    def of(cls, *intervals: DateInterval) -> IntervalSet:
        """The set holding the days of the given intervals.

        >>> IntervalSet.of().is_empty
        True
        """
        return cls(intervals)

    _starts: tuple[date, ...] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # The starts, kept for bisection: finding the span of a day costs O(log n).
        object.__setattr__(self, "_starts", tuple(span.start for span in self.spans))

    @property
    def days(self) -> int:
        """How many days the set holds.

        >>> IntervalSet.of(DateInterval.from_days(date(2026, 1, 1), date(2026, 1, 3))).days
        3
        """
        return sum(span.days for span in self.spans)

    @property
    def is_empty(self) -> bool:
        """Whether the set holds no day.

        >>> IntervalSet().is_empty
        True
        """
        return not self.spans

    def __iter__(self) -> Iterator[DateInterval]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def __contains__(self, day: object) -> bool:
        return self.span_containing(day) is not None  # type: ignore[arg-type]

    def span_containing(self, day: date) -> DateInterval | None:
        """The span that holds ``day``, or ``None``. Touching spans are already joined into one.

        >>> s = IntervalSet.of(DateInterval(date(2026, 1, 10), date(2026, 1, 20)))
        >>> s.span_containing(date(2026, 1, 19)), s.span_containing(date(2026, 1, 20))
        (DateInterval(start=datetime.date(2026, 1, 10), end=datetime.date(2026, 1, 20)), None)
        """
        if type(day) is not date and (not isinstance(day, date) or isinstance(day, datetime)):
            return None
        index = bisect.bisect_right(self._starts, day) - 1
        if index >= 0:
            span = self.spans[index]
            if day < span.end:
                return span
        return None

    def span_up_to(self, day: date) -> DateInterval | None:
        """The last span that begins on or before ``day``: the one holding it, or else the last
        to end before it; ``None`` if every span begins after it.

        >>> s = IntervalSet.of(DateInterval(date(2026, 1, 10), date(2026, 1, 20)))
        >>> s.span_up_to(date(2026, 2, 1)).end, s.span_up_to(date(2026, 1, 9))
        (datetime.date(2026, 1, 20), None)
        """
        index = bisect.bisect_right(self._starts, day) - 1
        return self.spans[index] if index >= 0 else None

    def __or__(self, other: IntervalSet) -> IntervalSet:
        if not other.spans:
            return self
        if not self.spans:
            return other
        return IntervalSet(self.spans + other.spans)

    def __and__(self, other: IntervalSet) -> IntervalSet:
        if len(other.spans) == 1 and len(self.spans) > 1:
            return self._within(other.spans[0])
        if len(self.spans) == 1 and len(other.spans) > 1:
            return other._within(self.spans[0])
        result: list[DateInterval] = []
        i = j = 0
        while i < len(self.spans) and j < len(other.spans):
            a, b = self.spans[i], other.spans[j]
            start, end = max(a.start, b.start), min(a.end, b.end)
            if start < end:
                result.append(DateInterval(start, end))
            if a.end < b.end:
                i += 1
            else:
                j += 1
        return IntervalSet._normal(tuple(result))

    def _within(self, window: DateInterval) -> IntervalSet:
        """The days of the set inside ``window``, found by binary search: a window over a long
        history costs the spans it holds, not the whole history."""
        result: list[DateInterval] = []
        for span in self.spans_from(window.start):
            if span.start >= window.end:
                break
            start, end = max(span.start, window.start), min(span.end, window.end)
            if start < end:
                result.append(DateInterval(start, end))
        return IntervalSet._normal(tuple(result))

    def __sub__(self, other: IntervalSet) -> IntervalSet:
        result: list[DateInterval] = []
        j = 0
        for span in self.spans:
            start = span.start
            while j < len(other.spans) and other.spans[j].end <= start:
                j += 1
            k = j
            while k < len(other.spans) and other.spans[k].start < span.end:
                cut = other.spans[k]
                if cut.start > start:
                    result.append(DateInterval(start, cut.start))
                start = max(start, cut.end)
                if start >= span.end:
                    break
                k += 1
            if start < span.end:
                result.append(DateInterval(start, span.end))
        return IntervalSet._normal(tuple(result))

    def complement(self, within: DateInterval) -> IntervalSet:
        """The days of ``within`` that are not in the set.

        >>> busy = IntervalSet.of(DateInterval(date(2026, 1, 5), date(2026, 1, 8)))
        >>> [str(s) for s in busy.complement(DateInterval(date(2026, 1, 1), date(2026, 1, 11)))]
        ['2026-01-01 to 2026-01-04', '2026-01-08 to 2026-01-10']
        """
        return IntervalSet.of(within) - self

    def clipped(self, within: DateInterval) -> IntervalSet:
        """The days of the set that fall inside ``within``.

        >>> s = IntervalSet.of(DateInterval(date(2026, 1, 5), date(2026, 1, 8)))
        >>> s.clipped(DateInterval(date(2026, 1, 6), date(2026, 2, 1))).days
        2
        """
        return self & IntervalSet.of(within)

    def spans_from(self, day: date) -> Iterator[DateInterval]:
        """The spans that end after ``day``, in order, without scanning earlier ones.

        >>> s = IntervalSet.of(DateInterval(date(2026, 1, 1), date(2026, 1, 3)),
        ...                    DateInterval(date(2026, 2, 1), date(2026, 2, 3)))
        >>> [str(x) for x in s.spans_from(date(2026, 1, 10))]
        ['2026-02-01 to 2026-02-02']
        """
        index = max(bisect.bisect_right(self._starts, day) - 1, 0)
        for span in self.spans[index:]:
            if span.end > day:
                yield span

    def __str__(self) -> str:
        return "; ".join(str(span) for span in self.spans) or "no days"


# --------------------------------------------------------------------------------------------
# Time at liberty in the United Kingdom
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Spell:
    """A spell away from liberty in the UK: detained or abroad from ``start`` until ``end``.

    ``start`` is the day it began; ``end`` is the day of release or return, or ``None`` while it
    continues. Which of those two days count as days at liberty is a reading of the law
    (:class:`~sexoffender_rules.policy.PartialDays`); :meth:`days_away` applies it.

    >>> from sexoffender_rules.policy import PartialDays
    >>> spell = Spell(date(2026, 1, 10), date(2026, 1, 20))
    >>> str(spell.days_away(PartialDays.LIBERTY_AT_END_OF_DAY))
    '2026-01-10 to 2026-01-19'
    >>> str(spell.days_away(PartialDays.WHOLE_DAY_AT_LIBERTY))
    '2026-01-10 to 2026-01-20'
    """

    start: date
    end: date | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        check_civil_date(self.start, "start")
        if self.end is not None:
            check_civil_date(self.end, "end")
            if self.end < self.start:
                raise InvalidIntervalError(
                    f"spell: end {self.end.isoformat()} is before start {self.start.isoformat()}"
                )

    def days_away(self, reading: PartialDays) -> DateInterval:
        """The days that do not count as days at liberty in the UK, under ``reading``.

        >>> from sexoffender_rules.policy import PartialDays
        >>> Spell(date(2026, 1, 10)).days_away(PartialDays.LIBERTY_AT_END_OF_DAY).is_unbounded
        True
        """
        if self.end is None:
            return DateInterval(self.start, END_OF_TIME)
        if reading is PartialDays.WHOLE_DAY_AT_LIBERTY:
            return DateInterval(self.start, add_days(self.end, 1))
        if reading is PartialDays.LIBERTY_AT_END_OF_DAY:
            return DateInterval(self.start, self.end)
        raise ValueError(f"reading: {reading.value} is not a reading of partial days")


_READINGS = (PartialDays.LIBERTY_AT_END_OF_DAY, PartialDays.WHOLE_DAY_AT_LIBERTY)


@attrs.frozen
class DisregardedTime:
    """The days a person is not at liberty in the United Kingdom, built once from their spells.

    SOA 2003 s.83(6) (applied to changes by s.84(5)) disregards, in counting the 3 days for a
    notification, "any time" when the person is remanded in or committed to custody, serving a
    sentence of imprisonment or service detention, detained in a hospital, or outside the United
    Kingdom. s.85(3)-(4) instead extends an annual or weekly period that would end in such a state.

    Under ``PartialDays.RAISE`` both readings are held, and an answer they disagree on raises
    :class:`~sexoffender_rules.errors.AmbiguousReadingError`.

    >>> away = DisregardedTime.from_spells([Spell(date(2026, 3, 7), date(2026, 3, 10))])
    >>> away.last_counted_day(date(2026, 3, 6), 3)   # Fri 6 counts; 7-9 away; 10 and 11 count
    datetime.date(2026, 3, 11)
    """

    by_reading: tuple[tuple[PartialDays, IntervalSet], ...]
    #: The days the two readings of a partly spent day count differently (the day a spell ends,
    #: unless another spell covers it).
    disputed: IntervalSet = attrs.field(factory=lambda: IntervalSet(()))

    @classmethod
    def from_spells(
        cls, spells: Iterable[Spell], reading: PartialDays = PartialDays.LIBERTY_AT_END_OF_DAY
    ) -> DisregardedTime:
        """Build the disregarded days from spells, under one reading (or both, for ``RAISE``).

        >>> DisregardedTime.from_spells([]).days(PartialDays.LIBERTY_AT_END_OF_DAY).is_empty
        True
        """
        spells = tuple(spells)
        readings = _READINGS if reading is PartialDays.RAISE else (PartialDays(reading),)
        both = {r: IntervalSet(tuple(spell.days_away(r) for spell in spells)) for r in _READINGS}
        return cls(
            tuple((r, both[r]) for r in readings),
            both[PartialDays.WHOLE_DAY_AT_LIBERTY] - both[PartialDays.LIBERTY_AT_END_OF_DAY],
        )

    def readings_differ_within(self, first: date, last: date | None) -> bool:
        """Whether the readings of a day partly spent away count any day from ``first`` to
        ``last`` (inclusive; ``None``: with no end) differently, so that a count of days over
        them can depend on the reading.

        >>> away = DisregardedTime.from_spells([Spell(date(2026, 3, 7), date(2026, 3, 10))])
        >>> away.readings_differ_within(date(2026, 3, 10), date(2026, 3, 12))
        True
        >>> away.readings_differ_within(date(2026, 3, 11), date(2026, 3, 13))
        False
        """
        end = END_OF_TIME if last is None else add_days(last, 1)
        if end <= first:
            return False
        return not (self.disputed & IntervalSet.of(DateInterval(first, end))).is_empty

    def under(self, reading: PartialDays) -> DisregardedTime:
        """The same time away under one reading (not ``RAISE``): the days held for it, or, from
        the days held under the other reading and the disputed days, the days that reading
        disregards (whole days at liberty disregard the disputed days as well).

        >>> away = DisregardedTime.from_spells([Spell(date(2026, 3, 7), date(2026, 3, 10))])
        >>> away.under(PartialDays.WHOLE_DAY_AT_LIBERTY).last_counted_day(date(2026, 3, 6), 3)
        datetime.date(2026, 3, 12)
        """
        for held, days in self.by_reading:
            if held is reading:
                return DisregardedTime(((reading, days),), self.disputed)
        held, days = self.by_reading[0]
        if reading is PartialDays.WHOLE_DAY_AT_LIBERTY:
            days = days | self.disputed
        elif reading is PartialDays.LIBERTY_AT_END_OF_DAY:
            days = days - self.disputed
        else:
            raise ValueError(f"reading: {reading.value} is not a reading of partial days")
        return DisregardedTime(((reading, days),), self.disputed)

    def days(self, reading: PartialDays) -> IntervalSet:
        """The disregarded days under one reading held here.

        >>> DisregardedTime.from_spells([Spell(date(2026, 1, 1), date(2026, 1, 2))]).days(
        ...     PartialDays.LIBERTY_AT_END_OF_DAY).days
        1
        """
        for held, days in self.by_reading:
            if held is reading:
                return days
        raise ValueError(f"reading: {reading.value} is not held")

    def _agreed(self, compute: Callable[[IntervalSet], date | None]) -> date | None:
        answers = {reading: compute(days) for reading, days in self.by_reading}
        if len(set(answers.values())) > 1:
            shown = ", ".join(
                f"{reading.value}: {answer.isoformat() if answer else 'not yet fixed'}"
                for reading, answer in answers.items()
            )
            raise AmbiguousReadingError(
                "partial_days", f"the readings of a day partly spent away disagree ({shown})"
            )
        return next(iter(answers.values()))

    def is_at_liberty(self, day: date) -> bool:
        """Whether ``day`` counts as a day at liberty in the UK.

        >>> away = DisregardedTime.from_spells([Spell(date(2026, 3, 7), date(2026, 3, 10))])
        >>> away.is_at_liberty(date(2026, 3, 7)), away.is_at_liberty(date(2026, 3, 10))
        (False, True)
        """
        check_civil_date(day, "day")
        answer = self._agreed(lambda days: None if day in days else day)
        return answer is not None

    def last_counted_day(self, start: date, count: int) -> date | None:
        """Last day of "the period of ``count`` days beginning with ``start``", disregarded days
        not counted; ``None`` if the person is still away at the end of known time.

        >>> away = DisregardedTime.from_spells([Spell(date(2026, 3, 1))])
        >>> away.last_counted_day(date(2026, 3, 2), 3) is None
        True
        """
        check_civil_date(start, "start")
        _check_count(count, "count", minimum=1)
        return self._agreed(lambda days: _last_counted_day(start, count, days))

    def extended_deadline(self, deadline: date) -> date | None:
        """s.85(3): a period that would end on a disregarded day continues to the end of 3 days
        beginning when the spell (joined with any spell that follows at once) ends; ``None`` if
        the spell has not ended.

        A deadline on a day at liberty is returned unchanged: s.85 has no general disregard.

        >>> away = DisregardedTime.from_spells([
        ...     Spell(date(2026, 4, 1), date(2026, 4, 20)),    # custody
        ...     Spell(date(2026, 4, 20), date(2026, 5, 4))])   # then at once in hospital
        >>> away.extended_deadline(date(2026, 4, 10))
        datetime.date(2026, 5, 6)
        >>> away.extended_deadline(date(2026, 5, 4))
        datetime.date(2026, 5, 4)
        """
        check_civil_date(deadline, "deadline")

        def extend(days: IntervalSet) -> date | None:
            spell = days.span_containing(deadline)
            if spell is None:
                return deadline
            if spell.is_unbounded:
                return None
            return last_day_of_days_beginning_with(spell.end, 3)

        return self._agreed(extend)


def _last_counted_day(start: date, count: int, away: IntervalSet) -> date | None:
    """Walk the spans from ``start`` once, counting days not away."""
    day = start
    remaining = count
    for span in away.spans_from(start):
        if span.start > day:
            free = (span.start - day).days
            if free >= remaining:
                return add_days(day, remaining - 1)
            remaining -= free
        if span.is_unbounded:
            return None
        day = max(day, span.end)
    return add_days(day, remaining - 1)


# --------------------------------------------------------------------------------------------
# Rolling totals
# --------------------------------------------------------------------------------------------


def first_day_total_reaches(
    days: IntervalSet,
    total: int,
    within: CalendarPeriod,
    policy: Policy | None = None,
) -> date | None:
    """The first day on which the days of ``days`` within a period of ``within`` ending that day
    reach ``total``; ``None`` if they never do.

    SOA 2003 s.84(6): a qualifying period is 7 days, or two or more periods "in any period of
    12 months" which together amount to 7 days. A period of 12 months ending with day D is the
    period beginning with the day 12 months before D + 1 (its end is D, by
    :func:`last_day_of_period_beginning_with`). The total can only reach ``total`` on a day in
    ``days``, so only those days are visited, each once.

    >>> stays = IntervalSet.of(DateInterval.from_days(date(2025, 3, 1), date(2025, 3, 4)),
    ...                        DateInterval.from_days(date(2026, 2, 1), date(2026, 2, 5)))
    >>> first_day_total_reaches(stays, 7, CalendarPeriod(years=1))   # 4 + 3
    datetime.date(2026, 2, 3)
    >>> first_day_total_reaches(stays, 10, CalendarPeriod(years=1)) is None
    True
    """
    policy = policy or Policy()
    _check_count(total, "total", minimum=1)
    if within.is_zero:
        raise InvalidPeriodError("within: the rolling period must not be empty")
    window: deque[date] = deque()
    for span in days:
        # Inside one unbounded span the total stops changing once the window is full of it.
        give_up = add_days(add_period(span.start, within), total) if span.is_unbounded else span.end
        day = span.start
        while day < span.end:
            if day > give_up:
                return None
            window.append(day)
            opening = _first_day_of_period_ending_on(day, within, policy)
            while window[0] < opening:
                window.popleft()
            if len(window) >= total:
                return day
            day = add_days(day, 1)
    return None


def _first_day_of_period_ending_on(day: date, within: CalendarPeriod, policy: Policy) -> date:
    """The earliest first day of a period of ``within`` that ends on or after ``day``.

    That period is the longest one of that length whose days include ``day`` as the last day
    reached so far. Subtracting months from the day after ``day`` lands within a few days of it;
    the loop steps back over month ends where the leap-day reading lets an earlier period reach
    ``day`` (12 months beginning with 29 Feb 2024 end on 28 Feb 2025 by default).
    """
    opening = _add_months(
        add_days(add_days(day, 1), -within.day_count),
        -within.total_months,
        NoCorrespondingDay.NEXT_DAY,
        "leap_day",
    )
    while last_day_of_period_beginning_with(add_days(opening, -1), within, policy) >= day:
        opening = add_days(opening, -1)
    return opening
