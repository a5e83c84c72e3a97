"""sexoffender_rules: notification requirements for registered sex offenders, from dated facts.

The public surface is re-exported here; see ``__all__``.

>>> from sexoffender_rules import CalendarPeriod
>>> str(CalendarPeriod(years=7).halved())
'3 years 6 months'
"""

from __future__ import annotations

from .calendar import (
    END_OF_TIME,
    CalendarPeriod,
    DateInterval,
    DisregardedTime,
    IntervalSet,
    Spell,
    add_days,
    add_period,
    days_between,
    first_day_total_reaches,
    hours_between,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from .errors import (
    AmbiguousReadingError,
    CaseValidationError,
    DateOutOfRangeError,
    InvalidIntervalError,
    InvalidPeriodError,
    NaiveAwareMixError,
    NegativeCountError,
    NotACivilDateError,
    SexOffenderRulesError,
)
from .policy import NoCorrespondingDay, PartialDays, Policy

__all__ = [
    "END_OF_TIME",
    "AmbiguousReadingError",
    "CalendarPeriod",
    "CaseValidationError",
    "DateInterval",
    "DateOutOfRangeError",
    "DisregardedTime",
    "IntervalSet",
    "InvalidIntervalError",
    "InvalidPeriodError",
    "NaiveAwareMixError",
    "NegativeCountError",
    "NoCorrespondingDay",
    "NotACivilDateError",
    "PartialDays",
    "Policy",
    "SexOffenderRulesError",
    "Spell",
    "add_days",
    "add_period",
    "days_between",
    "first_day_total_reaches",
    "hours_between",
    "last_day_of_days_beginning_with",
    "last_day_of_period_after",
    "last_day_of_period_beginning_with",
]
