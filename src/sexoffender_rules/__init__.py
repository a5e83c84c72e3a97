"""sexoffender_rules: notification requirements for registered sex offenders, from dated facts.

The public surface is re-exported here; see ``__all__``.

>>> from sexoffender_rules import CalendarPeriod
>>> str(CalendarPeriod(years=7).halved())
'3 years 6 months'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .assessment import (
    Assessment,
    Duty,
    DutyKind,
    DutyState,
    Headline,
    Reason,
    Registration,
    Source,
)
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
from .caseload import CaseloadReport, CaseResult, assess_many, generate_register
from .documents import assessment_to_data, case_from_data, case_schema, case_to_data
from .engine import assess
from .england_and_wales import ENGLAND_AND_WALES
from .errors import (
    AmbiguousReadingError,
    CaseValidationError,
    DateOutOfRangeError,
    InvalidIntervalError,
    InvalidPeriodError,
    InvalidValueError,
    NaiveAwareMixError,
    NegativeCountError,
    NotACivilDateError,
    SexOffenderRulesError,
    WrongTypeError,
)
from .explain import explain, explain_markdown, ruleset_markdown, summary
from .law import Citation, Rule, Ruleset
from .model import (
    AbsenceAbroad,
    AbsoluteDischarge,
    Case,
    ConditionalDischarge,
    Detention,
    DetentionAndTrainingOrder,
    DetentionKind,
    ExtendedSentence,
    HomeAddress,
    HomeAddressChange,
    HomeAddressKind,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    NameUsed,
    Notification,
    NotificationKind,
    OffenderOfParticularConcern,
    OtherDisposal,
    Person,
    Resentence,
    ResentenceReason,
    Stay,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)
from .policy import FailureAfterRequirementsEnd, NoCorrespondingDay, PartialDays, Policy
from .whereabouts import (
    Basis,
    Flag,
    Profile,
    StatusAssessment,
    Whereabouts,
    assess_status,
    profile_named,
)

try:
    __version__ = version("sexoffender-rules")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0+unknown"

__all__ = [
    "END_OF_TIME",
    "ENGLAND_AND_WALES",
    "AbsenceAbroad",
    "AbsoluteDischarge",
    "AmbiguousReadingError",
    "Assessment",
    "Basis",
    "CalendarPeriod",
    "Case",
    "CaseResult",
    "CaseValidationError",
    "CaseloadReport",
    "Citation",
    "ConditionalDischarge",
    "DateInterval",
    "DateOutOfRangeError",
    "Detention",
    "DetentionAndTrainingOrder",
    "DetentionKind",
    "DisregardedTime",
    "Duty",
    "DutyKind",
    "DutyState",
    "ExtendedSentence",
    "FailureAfterRequirementsEnd",
    "Flag",
    "Headline",
    "HomeAddress",
    "HomeAddressChange",
    "HomeAddressKind",
    "HospitalOrder",
    "Imprisonment",
    "ImprisonmentForPublicProtection",
    "IntervalSet",
    "InvalidIntervalError",
    "InvalidPeriodError",
    "InvalidValueError",
    "LifeImprisonment",
    "NaiveAwareMixError",
    "NameUsed",
    "NegativeCountError",
    "NoCorrespondingDay",
    "NotACivilDateError",
    "Notification",
    "NotificationKind",
    "OffenderOfParticularConcern",
    "OtherDisposal",
    "PartialDays",
    "Person",
    "Policy",
    "Profile",
    "Reason",
    "Registration",
    "Resentence",
    "ResentenceReason",
    "Rule",
    "Ruleset",
    "SexOffenderRulesError",
    "Source",
    "Spell",
    "StatusAssessment",
    "Stay",
    "SuspendedImprisonment",
    "Trigger",
    "TriggerKind",
    "Whereabouts",
    "WrongTypeError",
    "__version__",
    "add_days",
    "add_period",
    "assess",
    "assess_many",
    "assess_status",
    "assessment_to_data",
    "case_from_data",
    "case_schema",
    "case_to_data",
    "days_between",
    "explain",
    "explain_markdown",
    "first_day_total_reaches",
    "generate_register",
    "hours_between",
    "last_day_of_days_beginning_with",
    "last_day_of_period_after",
    "last_day_of_period_beginning_with",
    "profile_named",
    "ruleset_markdown",
    "summary",
]
