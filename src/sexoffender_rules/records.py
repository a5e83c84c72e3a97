"""Police records: what the police did and learnt about a person's whereabouts.

These are facts, recorded by the police or reported to them, never conclusions of the statute:
home visits and their outcomes, other contact, evidence that the person does not live at the
notified address or has left the United Kingdom, trace enquiries, being located or arrested,
warrants, missing-person reports, other markers (locate/trace, recall to prison, international
circulation), risk assessments and visit plans, civil detention, and death. The whereabouts axis
(:mod:`sexoffender_rules.whereabouts`) reads them under a police-policy profile; the statutory
rules read none of them except a death, which ends the requirements.

Each record has the date it happened and, where different, ``known``: the date it became known
(a death reported late). An assessment on a date sees only what was known by then.

>>> visit = HomeVisit(date=date(2026, 3, 2), outcome="no_answer")
>>> visit.outcome, visit.known_on
(<VisitOutcome.NO_ANSWER: 'no_answer'>, datetime.date(2026, 3, 2))
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, TypeAlias

import attrs

from ._validators import _date, _is, _kind, _optional_date, _to_kind
from .calendar import CalendarPeriod
from .errors import InvalidValueError, WrongTypeError

Date: TypeAlias = date

__all__ = [
    "CivilDetention",
    "Contact",
    "ContactKind",
    "Death",
    "HomeVisit",
    "LeftUnitedKingdom",
    "Located",
    "Marker",
    "MarkerKind",
    "MissingPersonReport",
    "NotLivingAtAddress",
    "PoliceRecord",
    "RiskAssessment",
    "RiskLevel",
    "TraceEnquiry",
    "TraceResult",
    "VisitOutcome",
    "VisitPlan",
    "Warrant",
    "WarrantEnd",
]


def _to_visit_outcome(value: object) -> Any:
    return _to_kind(VisitOutcome, value)


def _to_contact_kind(value: object) -> Any:
    return _to_kind(ContactKind, value)


def _to_trace_result(value: object) -> Any:
    return _to_kind(TraceResult, value)


def _to_warrant_end(value: object) -> Any:
    return _to_kind(WarrantEnd, value)


def _to_marker_kind(value: object) -> Any:
    return _to_kind(MarkerKind, value)


def _to_risk_level(value: object) -> Any:
    return _to_kind(RiskLevel, value)


class _Known:
    """The mixin of every record: the date it became known, ``known_on``."""

    date: Date
    known: Date | None

    @property
    def known_on(self) -> Date:
        """The date the record became known: ``known`` if given, else the date it happened.

        >>> Death(date=date(2026, 1, 5), known=date(2026, 2, 1)).known_on
        datetime.date(2026, 2, 1)
        """
        return self.known or self.date


class VisitOutcome(str, enum.Enum):
    """What a home visit found.

    - ``SEEN_RESIDENT``: the person was seen and found to live at the address (verifies it).
    - ``SEEN_NOT_VERIFIED``: the person was seen there, but residence was not confirmed.
    - ``NO_ANSWER`` and ``ACCESS_REFUSED``: a failed visit.
    - ``NOT_RESIDENT``: the occupier or other evidence says the person does not live there.

    >>> VisitOutcome("no_answer").value
    'no_answer'
    """

    SEEN_RESIDENT = "seen_resident"
    SEEN_NOT_VERIFIED = "seen_not_verified"
    NO_ANSWER = "no_answer"
    ACCESS_REFUSED = "access_refused"
    NOT_RESIDENT = "not_resident"


@attrs.frozen(kw_only=True)
class HomeVisit(_Known):
    """A visit by the police to the notified home address on ``date``.

    >>> HomeVisit(date=date(2026, 3, 2), outcome="seen_resident").outcome.value
    'seen_resident'
    """

    date: Date = attrs.field(validator=_date)
    outcome: VisitOutcome = attrs.field(converter=_to_visit_outcome, validator=_kind(VisitOutcome))
    known: Date | None = attrs.field(default=None, validator=_optional_date)


class ContactKind(str, enum.Enum):
    """How the police were in contact with the person, other than a home visit or a
    notification (a notification given in person is itself contact).

    >>> ContactKind("in_person").value
    'in_person'
    """

    IN_PERSON = "in_person"
    REMOTE = "remote"


@attrs.frozen(kw_only=True)
class Contact(_Known):
    """Contact with the person on ``date``. Contact shows where the person was that day, not
    that they live at the notified address.

    >>> Contact(date=date(2026, 3, 2), kind="remote").kind.value
    'remote'
    """

    date: Date = attrs.field(validator=_date)
    kind: ContactKind = attrs.field(
        default=ContactKind.IN_PERSON, converter=_to_contact_kind, validator=_kind(ContactKind)
    )
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class NotLivingAtAddress(_Known):
    """Evidence recorded on ``date`` (a landlord's statement, intelligence, returned post) that
    the person does not live at the notified home address; ``moved_about`` is the estimated day
    they left, where there is one.

    >>> NotLivingAtAddress(date=date(2026, 3, 2)).moved_about is None
    True
    """

    date: Date = attrs.field(validator=_date)
    moved_about: Date | None = attrs.field(default=None, validator=_optional_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class LeftUnitedKingdom(_Known):
    """Evidence (a border record, intelligence) that the person left the United Kingdom on
    ``date``, where no absence abroad is known from the person.

    >>> LeftUnitedKingdom(date=date(2026, 3, 2)).date
    datetime.date(2026, 3, 2)
    """

    date: Date = attrs.field(validator=_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


class TraceResult(str, enum.Enum):
    """How a trace enquiry ended: the person was found, or every enquiry was negative.

    >>> TraceResult("negative").value
    'negative'
    """

    LOCATED = "located"
    NEGATIVE = "negative"


@attrs.frozen(kw_only=True)
class TraceEnquiry(_Known):
    """Enquiries to trace the person (benefits, health, ports, associates), opened on ``date``
    and closed on ``closed`` with ``result``.

    >>> TraceEnquiry(date=date(2026, 3, 2), closed=date(2026, 4, 1), result="negative").result
    <TraceResult.NEGATIVE: 'negative'>
    """

    date: Date = attrs.field(validator=_date)
    closed: Date | None = attrs.field(default=None, validator=_optional_date)
    result: TraceResult | None = attrs.field(
        default=None, converter=_to_trace_result, validator=_kind(TraceResult, optional=True)
    )
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class Located(_Known):
    """The person was located (``arrested`` if by arrest) on ``date``.

    >>> Located(date=date(2026, 3, 2), arrested=True).arrested
    True
    """

    date: Date = attrs.field(validator=_date)
    arrested: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    known: Date | None = attrs.field(default=None, validator=_optional_date)


class WarrantEnd(str, enum.Enum):
    """How a warrant stopped being live.

    >>> WarrantEnd("executed").value
    'executed'
    """

    EXECUTED = "executed"
    WITHDRAWN = "withdrawn"


@attrs.frozen(kw_only=True)
class Warrant(_Known):
    """A warrant for the person's arrest issued on ``date`` (for a s.91 offence, a recall, or any
    other reason), live until ``ended`` (``end``: executed or withdrawn).

    >>> Warrant(date=date(2026, 3, 2), ended=date(2026, 5, 1), end="executed").end.value
    'executed'
    """

    date: Date = attrs.field(validator=_date)
    ended: Date | None = attrs.field(default=None, validator=_optional_date)
    end: WarrantEnd | None = attrs.field(
        default=None, converter=_to_warrant_end, validator=_kind(WarrantEnd, optional=True)
    )
    reason: str = attrs.field(default="", validator=_is(str))
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class MissingPersonReport(_Known):
    """A missing-person report opened on ``date`` and closed on ``closed``.

    >>> MissingPersonReport(date=date(2026, 3, 2)).closed is None
    True
    """

    date: Date = attrs.field(validator=_date)
    closed: Date | None = attrs.field(default=None, validator=_optional_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


class MarkerKind(str, enum.Enum):
    """Other markers the police record: locate/trace (wanted without a power of arrest), recall
    to prison (a licence recall, an external decision), international circulation (an Interpol
    diffusion or notice).

    >>> MarkerKind("recalled").value
    'recalled'
    """

    LOCATE_TRACE = "locate_trace"
    RECALLED = "recalled"
    INTERNATIONAL_CIRCULATION = "international_circulation"


@attrs.frozen(kw_only=True)
class Marker(_Known):
    """A marker of ``kind`` set on ``date`` and cancelled on ``cancelled``.

    >>> Marker(kind="locate_trace", date=date(2026, 3, 2)).kind.value
    'locate_trace'
    """

    kind: MarkerKind = attrs.field(converter=_to_marker_kind, validator=_kind(MarkerKind))
    date: Date = attrs.field(validator=_date)
    cancelled: Date | None = attrs.field(default=None, validator=_optional_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


class RiskLevel(str, enum.Enum):
    """A risk level assessed by the police or probation (never computed by the library).

    >>> RiskLevel("very_high").value
    'very_high'
    """

    VERY_HIGH = "very_high"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@attrs.frozen(kw_only=True)
class RiskAssessment(_Known):
    """A risk level assessed on ``date``; the latest known governs.

    >>> RiskAssessment(date=date(2026, 3, 2), level="high").level.value
    'high'
    """

    date: Date = attrs.field(validator=_date)
    level: RiskLevel = attrs.field(converter=_to_risk_level, validator=_kind(RiskLevel))
    known: Date | None = attrs.field(default=None, validator=_optional_date)


def _optional_period(instance: object, attribute: Any, value: object) -> None:
    if value is not None and not isinstance(value, CalendarPeriod):
        raise WrongTypeError(f"{attribute.name}: expected a calendar period")
    if isinstance(value, CalendarPeriod) and value.is_zero:
        raise InvalidValueError(f"{attribute.name}: must not be empty")


@attrs.frozen(kw_only=True)
class VisitPlan(_Known):
    """A risk management plan's home-visit interval from ``date`` (``every``); ``None`` for
    reactive management (no routine visits).

    >>> str(VisitPlan(date=date(2026, 3, 2), every=CalendarPeriod(months=4)).every)
    '4 months'
    """

    date: Date = attrs.field(validator=_date)
    every: CalendarPeriod | None = attrs.field(default=None, validator=_optional_period)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class CivilDetention(_Known):
    """Detention in a hospital otherwise than under Part 3 of the Mental Health Act 1983 (a civil
    admission under Part 2): the person's whereabouts are known, but SOA 2003 s.133(1) does not
    count it as "detained in a hospital", so deadlines still run.

    >>> CivilDetention(date=date(2026, 3, 2)).ended is None
    True
    """

    date: Date = attrs.field(validator=_date)
    ended: Date | None = attrs.field(default=None, validator=_optional_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class Death(_Known):
    """The person died on ``date``: the notification requirements end with that day.

    >>> Death(date=date(2026, 3, 2)).known_on
    datetime.date(2026, 3, 2)
    """

    date: Date = attrs.field(validator=_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


PoliceRecord: TypeAlias = (
    HomeVisit
    | Contact
    | NotLivingAtAddress
    | LeftUnitedKingdom
    | TraceEnquiry
    | Located
    | Warrant
    | MissingPersonReport
    | Marker
    | RiskAssessment
    | VisitPlan
    | CivilDetention
    | Death
)
POLICE_RECORDS: tuple[type, ...] = (
    HomeVisit,
    Contact,
    NotLivingAtAddress,
    LeftUnitedKingdom,
    TraceEnquiry,
    Located,
    Warrant,
    MissingPersonReport,
    Marker,
    RiskAssessment,
    VisitPlan,
    CivilDetention,
    Death,
)


def record_problems(path: str, record: PoliceRecord, born: date) -> list[str]:
    """The contradictions within one record: a date before birth, an end before its start, a
    date known before it happened, an outcome without its date.

    >>> record_problems("police_records[0]", Warrant(date=date(2026, 3, 2), end="executed"),
    ...                 date(1980, 1, 1))
    ['police_records[0].end: only a warrant that has ended has one']
    """
    problems: list[str] = []
    if record.date < born:
        problems.append(f"{path}.date: is before the date of birth")
    if record.known is not None and record.known < record.date:
        problems.append(f"{path}.known: is before the date it happened")
    for name in ("closed", "ended", "cancelled"):
        end = getattr(record, name, None)
        if end is not None and end < record.date:
            problems.append(f"{path}.{name}: is before the date it began")
    if isinstance(record, TraceEnquiry) and (record.closed is None) != (record.result is None):
        problems.append(f"{path}.result: give a result exactly when the enquiry is closed")
    if isinstance(record, Warrant):
        if record.end is not None and record.ended is None:
            problems.append(f"{path}.end: only a warrant that has ended has one")
        if record.ended is not None and record.end is None:
            problems.append(f"{path}.end: required when the warrant has ended")
    return problems
