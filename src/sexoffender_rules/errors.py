"""The library's exceptions.

Every error the library raises on purpose is a :class:`SexOffenderRulesError`, and also a
``ValueError`` (a value of the right type that is wrong) or a ``TypeError`` (a value of the wrong
type), so callers can catch either the library's base class or the built-in they expect.

Messages name the field or argument that was wrong and what was expected. They never repeat a
personal value (a name, an address, a reference): only field paths, dates and counts.

>>> from sexoffender_rules.errors import InvalidIntervalError, SexOffenderRulesError
>>> issubclass(InvalidIntervalError, ValueError) and issubclass(InvalidIntervalError, SexOffenderRulesError)
True
"""

from __future__ import annotations

__all__ = [
    "AmbiguousReadingError",
    "CaseValidationError",
    "DateOutOfRangeError",
    "InvalidIntervalError",
    "InvalidPeriodError",
    "InvalidValueError",
    "NaiveAwareMixError",
    "NegativeCountError",
    "NotACivilDateError",
    "ProfileValidationError",
    "SexOffenderRulesError",
    "WrongTypeError",
]


class SexOffenderRulesError(Exception):
    """Base class of every error the library raises on purpose.

    >>> isinstance(NegativeCountError("n: expected a count of 0 or more"), SexOffenderRulesError)
    True
    """


class InvalidValueError(SexOffenderRulesError, ValueError):
    """A value of the right type that is not allowed: empty text, an unknown kind, a bad count.

    The message names the field and what was expected, never the value given.

    >>> from sexoffender_rules.model import Person
    >>> from datetime import date
    >>> Person(reference="", date_of_birth=date(1990, 1, 1))
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.InvalidValueError: reference: must not be empty
    """


class WrongTypeError(SexOffenderRulesError, TypeError):
    """A value of the wrong type; the message names the field and the type expected.

    >>> from sexoffender_rules.model import Person
    >>> from datetime import date
    >>> Person(reference=42, date_of_birth=date(1990, 1, 1))
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.WrongTypeError: reference: expected text, got int
    """


class InvalidIntervalError(SexOffenderRulesError, ValueError):
    """An interval whose end comes before its start.

    >>> from datetime import date
    >>> from sexoffender_rules.calendar import DateInterval
    >>> DateInterval(date(2024, 3, 2), date(2024, 3, 1))
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.InvalidIntervalError: interval: end 2024-03-01 is before start 2024-03-02
    """


class NegativeCountError(InvalidValueError):
    """A count of days (or weeks, months, years) that is negative where it must not be.

    >>> from datetime import date
    >>> from sexoffender_rules.calendar import last_day_of_days_beginning_with
    >>> last_day_of_days_beginning_with(date(2024, 3, 1), 0)
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.NegativeCountError: days: expected a count of 1 or more
    """


class InvalidPeriodError(SexOffenderRulesError, ValueError):
    """A calendar period that cannot be used as asked (for example halved into a fraction of a month).

    >>> from sexoffender_rules.calendar import CalendarPeriod
    >>> CalendarPeriod(months=5).halved()
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.InvalidPeriodError: period: 5 months cannot be halved into whole months
    """


class DateOutOfRangeError(SexOffenderRulesError, ValueError):
    """Date arithmetic that would leave the range of dates Python can represent.

    >>> from datetime import date
    >>> from sexoffender_rules.calendar import add_days
    >>> add_days(date(9999, 12, 31), 1)
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.DateOutOfRangeError: date: 9999-12-31 plus 1 days is out of range
    """


class NotACivilDateError(WrongTypeError):
    """A date-time (or anything else) given where a civil date is required.

    ``datetime`` is a subclass of ``date`` in Python, so mixing them silently compares instants with
    days. The calendar refuses it.

    >>> from datetime import datetime
    >>> from sexoffender_rules.calendar import add_days
    >>> add_days(datetime(2024, 3, 1, 12, 0), 1)
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.NotACivilDateError: date: expected a civil date (datetime.date), got datetime
    """


class NaiveAwareMixError(SexOffenderRulesError, TypeError):
    """Two date-times compared where one has a time zone and the other has none.

    >>> from datetime import datetime, timezone
    >>> from sexoffender_rules.calendar import hours_between
    >>> hours_between(datetime(2024, 3, 1, 9), datetime(2024, 3, 1, 21, tzinfo=timezone.utc))
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.NaiveAwareMixError: later: both date-times must be aware or both naive; earlier is naive, later is aware
    """


class AmbiguousReadingError(SexOffenderRulesError, ValueError):
    """Under a strict policy: the answer depends on a reading of the law that the policy leaves open.

    ``question`` names the policy field (for example ``"leap_day"``) so the caller can choose a
    reading and ask again.

    >>> from datetime import date
    >>> from sexoffender_rules.calendar import CalendarPeriod, last_day_of_period_beginning_with
    >>> from sexoffender_rules.policy import Policy
    >>> last_day_of_period_beginning_with(date(2020, 2, 29), CalendarPeriod(years=7), Policy.strict())
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.AmbiguousReadingError: leap_day: 2020-02-29 plus 7 years has no corresponding day; choose a reading
    """

    def __init__(self, question: str, message: str) -> None:
        super().__init__(f"{question}: {message}")
        self.question = question


class CaseValidationError(SexOffenderRulesError, ValueError):
    """A case whose facts are invalid or contradict each other.

    ``problems`` holds every problem found, each as ``"path: what was expected"``; the message
    lists them all.

    >>> error = CaseValidationError(["detentions[0].end: 2020-01-01 is before start 2020-02-01"])
    >>> error.problems
    ('detentions[0].end: 2020-01-01 is before start 2020-02-01',)
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the case"
        super().__init__(heading + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class ProfileValidationError(CaseValidationError):
    """A police-policy profile document that is invalid; ``problems`` as for a case.

    >>> str(ProfileValidationError(["failed_visits: expected 1 or more"])).splitlines()[0]
    '1 problem in the profile:'
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        super().__init__(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the profile"
        self.args = (heading + ":\n" + "\n".join(f"  {p}" for p in self.problems),)
