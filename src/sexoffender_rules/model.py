"""Facts about one person: who they are, what happened to them, and what they notified.

Every class here is a frozen attrs value, validated on construction; a :class:`Case` also checks
that its facts agree with one another and reports every contradiction at once
(:class:`~sexoffender_rules.errors.CaseValidationError`). The classes hold no serialisation code:
the wire format lives in :mod:`sexoffender_rules.documents`.

References (a person's reference, names, addresses, premises) are opaque strings: the rules only
ever compare them for equality, and no error message repeats them.

>>> from datetime import date

>>> case = Case(
...     person=Person(reference="FICTIONAL-0001", date_of_birth=date(1980, 4, 2)),
...     triggers=(Trigger(id="t1", kind=TriggerKind.CONVICTION, date=date(2021, 3, 1),
...                       disposal=Imprisonment(term=CalendarPeriod(months=18))),),
...     notifications=(Notification(id="n1", date=date(2021, 3, 2), kind=NotificationKind.INITIAL,
...                                 names=("NAME-A",)),),
... )
>>> case.triggers[0].relevant_date
datetime.date(2021, 3, 1)
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TypeAlias

import attrs

from ._validators import (
    _as_tuple,
    _date,
    _is,
    _kind,
    _optional_date,
    _optional_text,
    _period,
    _text,
    _texts,
    _to_kind,
    _tuple_of,
)
from .calendar import CalendarPeriod
from .errors import CaseValidationError, InvalidValueError, WrongTypeError
from .records import POLICE_RECORDS, Death, PoliceRecord, record_problems

# An alias for annotations inside classes that have a field called ``date``.
Date: TypeAlias = date

__all__ = [
    "OFFENDER_OF_PARTICULAR_CONCERN_LICENCE",
    "SEX_OFFENDERS_ACT_1997_COMMENCEMENT",
    "AbsenceAbroad",
    "AbsoluteDischarge",
    "Case",
    "ConditionalDischarge",
    "Detention",
    "DetentionAndTrainingOrder",
    "DetentionKind",
    "Disposal",
    "Event",
    "ExtendedSentence",
    "HomeAddress",
    "HomeAddressChange",
    "HomeAddressKind",
    "HospitalOrder",
    "Imprisonment",
    "ImprisonmentForPublicProtection",
    "LifeImprisonment",
    "NameUsed",
    "Notification",
    "NotificationKind",
    "OffenderOfParticularConcern",
    "Order",
    "OrderKind",
    "OtherDisposal",
    "ParentalDirection",
    "Person",
    "PrescribedChange",
    "PrescribedChangeKind",
    "Resentence",
    "ResentenceReason",
    "ReviewDetermination",
    "ReviewOutcome",
    "Stay",
    "SuspendedImprisonment",
    "Trigger",
    "TriggerKind",
]


def _optional_clock_time(instance: object, attribute: Any, value: str | None) -> None:
    """A time of day as ``"HH:MM"`` (24-hour clock), or ``None``."""
    if value is None:
        return
    _text(instance, attribute, value)
    hours, sep, minutes = value.partition(":")
    valid = (
        sep == ":"
        and len(hours) == 2
        and len(minutes) == 2
        and hours.isdigit()
        and minutes.isdigit()
        and int(hours) < 24
        and int(minutes) < 60
    )
    if not valid:
        raise InvalidValueError(f"{attribute.name}: expected a time of day as HH:MM")


# --------------------------------------------------------------------------------------------
# The person
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Person:
    """The person the facts are about: an opaque reference and a date of birth.

    >>> Person(reference="FICTIONAL-0001", date_of_birth=date(1980, 4, 2)).date_of_birth.year
    1980
    """

    reference: str = attrs.field(validator=_text)
    date_of_birth: date = attrs.field(validator=_date)


# --------------------------------------------------------------------------------------------
# Disposals
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Linked:
    """A custodial sentence served from a start: its own ``start``; or the day the
    ``consecutive_to`` trigger's term ends; or with the ``concurrent_with`` trigger's term; or,
    with none of these, the sentence date."""

    start: Date | None = attrs.field(default=None, validator=_optional_date)
    consecutive_to: str | None = attrs.field(default=None, validator=_optional_text)
    concurrent_with: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def whole_term(self) -> CalendarPeriod:  # pragma: no cover - every subclass overrides it
        """The whole term of the sentence, as s.82(1) compares it."""
        raise NotImplementedError


@attrs.frozen(kw_only=True)
class _ServedTerm(_Linked):
    """A custodial sentence of one ``term``, served from a start as for :class:`_Linked`."""

    term: CalendarPeriod = attrs.field(validator=_period)

    @property
    def whole_term(self) -> CalendarPeriod:
        """The term imposed.

        >>> Imprisonment(term=CalendarPeriod(months=18)).whole_term.total_months
        18
        """
        return self.term


@attrs.frozen(kw_only=True)
class Imprisonment(_ServedTerm):
    """A term of imprisonment, or a sentence SOA 2003 s.131 treats as one (detention in a young
    offender institution, long-term detention of a young person, custody for life for a term):
    enter the term the court imposed (for an extended sentence or a sentence for an offender of
    particular concern use those types instead).

    The term runs from ``start``; or from the day the ``consecutive_to`` trigger's term ends; or
    with the ``concurrent_with`` trigger's term; or, with none of these, from the sentence date.

    >>> Imprisonment(term=CalendarPeriod(months=18)).term.total_months
    18
    """


@attrs.frozen(kw_only=True)
class DetentionAndTrainingOrder(_ServedTerm):
    """A detention and training order: enter the whole term of the order (the period of
    detention, half of it, is derived: SOA 2003 s.131(a); Sentencing Code s.241(2)).

    Terms run from 4 to 24 months (Sentencing Code s.236(1), as amended by PCSC Act 2022 s.158
    from 28 June 2022). Its start is found as for :class:`Imprisonment`.

    >>> DetentionAndTrainingOrder(term=CalendarPeriod(months=12)).term.total_months
    12
    """


@attrs.frozen(kw_only=True)
class SuspendedImprisonment(_ServedTerm):
    """A suspended sentence of imprisonment (or of detention in a young offender institution):
    enter the term of the sentence that is suspended, not the operational or supervision period.

    Suspended terms ordered to run consecutively or concurrently link as for
    :class:`Imprisonment`.

    >>> SuspendedImprisonment(term=CalendarPeriod(months=12)).term.months
    12
    """


@attrs.frozen(kw_only=True)
class ExtendedSentence(_Linked):
    """An extended sentence (Sentencing Code ss.254, 266, 279; earlier CJA 2003 ss.226A, 226B,
    227, 228 and PCC(S)A 2000 s.85): enter the custodial term and the extension period
    separately; the term of the sentence is their aggregate.

    Its start is found as for :class:`Imprisonment`.

    >>> ExtendedSentence(custodial_term=CalendarPeriod(months=18),
    ...                  extension_period=CalendarPeriod(years=3)).whole_term.total_months
    54
    """

    custodial_term: CalendarPeriod = attrs.field(validator=_period)
    extension_period: CalendarPeriod = attrs.field(validator=_period)

    @property
    def whole_term(self) -> CalendarPeriod:
        """The aggregate of the custodial term and the extension period."""
        return self.custodial_term + self.extension_period


OFFENDER_OF_PARTICULAR_CONCERN_LICENCE = CalendarPeriod(years=1)
"""The further period of licence in a sentence for an offender of particular concern
(Sentencing Code ss.252A, 265(2), 278(2); earlier CJA 2003 s.236A).

>>> str(OFFENDER_OF_PARTICULAR_CONCERN_LICENCE)
'1 year'
"""


@attrs.frozen(kw_only=True)
class OffenderOfParticularConcern(_Linked):
    """A sentence for an offender of particular concern (Sentencing Code ss.252A, 265, 278;
    earlier CJA 2003 s.236A): enter the appropriate custodial term only; the term of the sentence
    is that term plus the further year of licence.

    Its start is found as for :class:`Imprisonment`.

    >>> OffenderOfParticularConcern(custodial_term=CalendarPeriod(months=18)).whole_term.total_months
    30
    """

    custodial_term: CalendarPeriod = attrs.field(validator=_period)

    @property
    def whole_term(self) -> CalendarPeriod:
        """The custodial term plus the further year of licence."""
        return self.custodial_term + OFFENDER_OF_PARTICULAR_CONCERN_LICENCE


@attrs.frozen(kw_only=True)
class LifeImprisonment:
    """Imprisonment (or detention, or custody) for life.

    >>> LifeImprisonment()
    LifeImprisonment()
    """


@attrs.frozen(kw_only=True)
class ImprisonmentForPublicProtection:
    """Imprisonment for public protection (Criminal Justice Act 2003 s.225).

    >>> ImprisonmentForPublicProtection()
    ImprisonmentForPublicProtection()
    """


@attrs.frozen(kw_only=True)
class HospitalOrder:
    """Admission to a hospital (SOA 2003 s.133), with or without a restriction order.

    >>> HospitalOrder(restriction_order=True).restriction_order
    True
    """

    restriction_order: bool = attrs.field(validator=_is(bool))


@attrs.frozen(kw_only=True)
class ConditionalDischarge:
    """An order for conditional discharge for ``period``.

    >>> str(ConditionalDischarge(period=CalendarPeriod(years=1, months=6)).period)
    '1 year 6 months'
    """

    period: CalendarPeriod = attrs.field(validator=_period)


@attrs.frozen(kw_only=True)
class AbsoluteDischarge:
    """An absolute discharge.

    >>> AbsoluteDischarge()
    AbsoluteDischarge()
    """


@attrs.frozen(kw_only=True)
class OtherDisposal:
    """Any other disposal: a fine, community order, youth rehabilitation order, referral order.

    >>> OtherDisposal().description
    ''
    """

    description: str = attrs.field(default="", validator=_is(str))


Disposal: TypeAlias = (
    Imprisonment
    | DetentionAndTrainingOrder
    | SuspendedImprisonment
    | ExtendedSentence
    | OffenderOfParticularConcern
    | LifeImprisonment
    | ImprisonmentForPublicProtection
    | HospitalOrder
    | ConditionalDischarge
    | AbsoluteDischarge
    | OtherDisposal
)
_DISPOSALS = (
    Imprisonment,
    DetentionAndTrainingOrder,
    SuspendedImprisonment,
    ExtendedSentence,
    OffenderOfParticularConcern,
    LifeImprisonment,
    ImprisonmentForPublicProtection,
    HospitalOrder,
    ConditionalDischarge,
    AbsoluteDischarge,
    OtherDisposal,
)


# --------------------------------------------------------------------------------------------
# Triggers
# --------------------------------------------------------------------------------------------


class TriggerKind(str, enum.Enum):
    """How a person comes within SOA 2003 s.80(1).

    >>> TriggerKind("caution")
    <TriggerKind.CAUTION: 'caution'>
    """

    CONVICTION = "conviction"
    FINDING_NOT_GUILTY_BY_INSANITY = "finding_not_guilty_by_insanity"
    FINDING_DISABILITY_DID_ACT = "finding_disability_did_act"
    CAUTION = "caution"


def _to_trigger_kind(value: object) -> Any:
    return _to_kind(TriggerKind, value)


class ResentenceReason(str, enum.Enum):
    """Why the offender was dealt with again for the offence.

    - ``BREACH_OF_CONDITIONAL_DISCHARGE``: sentenced for the offence after a further offence
      during the period of a conditional discharge (Sentencing Code Sch 2).
    - ``BREACH_OF_COMMUNITY_ORDER``: re-sentenced on breach of a community order or a youth
      rehabilitation order (revoked and the offender dealt with as the court could have dealt
      with them on conviction).
    - ``ACTIVATION_OF_SUSPENDED_SENTENCE``: a suspended sentence ordered to take effect, with its
      original term or a lesser one.
    - ``VARIATION_ON_APPEAL``: the sentence quashed on appeal and another passed in substitution.
    - ``OTHER``: any other power to deal with the offender again for the offence.

    >>> ResentenceReason("variation_on_appeal").replaces_from_the_start
    True
    """

    BREACH_OF_CONDITIONAL_DISCHARGE = "breach_of_conditional_discharge"
    BREACH_OF_COMMUNITY_ORDER = "breach_of_community_order"
    ACTIVATION_OF_SUSPENDED_SENTENCE = "activation_of_suspended_sentence"
    VARIATION_ON_APPEAL = "variation_on_appeal"
    OTHER = "other"

    @property
    def replaces_from_the_start(self) -> bool:
        """Whether the new disposal stands in place of the one it replaces as if passed on the
        day that one was (a variation on appeal), rather than from its own date.

        >>> ResentenceReason.BREACH_OF_COMMUNITY_ORDER.replaces_from_the_start
        False
        """
        return self is ResentenceReason.VARIATION_ON_APPEAL


def _to_resentence_reason(value: object) -> Any:
    return _to_kind(ResentenceReason, value)


@attrs.frozen(kw_only=True)
class Resentence:
    """The offender dealt with again for the offence on ``date``: ``disposal`` replaces the
    disposal in force until then, for ``reason``.

    >>> r = Resentence(date=date(2025, 3, 1), reason="breach_of_community_order",
    ...                disposal=DetentionAndTrainingOrder(term=CalendarPeriod(months=12)))
    >>> r.reason.value, r.disposal.term.total_months
    ('breach_of_community_order', 12)
    """

    date: Date = attrs.field(validator=_date)
    reason: ResentenceReason = attrs.field(
        converter=_to_resentence_reason, validator=_kind(ResentenceReason)
    )
    disposal: Disposal = attrs.field(validator=_is(*_DISPOSALS))


def _default_sentence_date(trigger: Trigger) -> Date:
    return trigger.threshold_sentence_date or trigger.date


@attrs.frozen(kw_only=True)
class Trigger:
    """A conviction, finding or caution in respect of an offence listed in Schedule 3.

    ``date`` is the date of the conviction, finding or caution. ``threshold_sentence_date`` is set
    when the offence is listed only subject to a sentencing condition: s.132(3) then treats the
    person as convicted when the condition is met, so that date is the relevant date. ``disposal``
    may be absent while sentence is awaited; a rule that needs it then reports it missing.
    ``sentence_date`` is the day ``disposal`` was passed (by default the threshold sentence date,
    else ``date``). ``resentences`` are the later occasions on which the offender was dealt with
    again for the offence, each with its date, reason and new disposal, in any order.

    ``current_on_1_september_1997`` settles s.81(3)-(4) for a conviction or finding before
    1 September 1997: whether, at the beginning of that day, the person had not yet been dealt
    with, or (a conviction) was serving a sentence of imprisonment, was subject to a community
    order, was under supervision after release from prison, was detained in hospital or was
    subject to a guardianship order, or (a finding) was detained in hospital, in respect of it
    (s.81(6): also if unlawfully at large, on leave or on bail pending appeal instead). ``None``
    while unknown. ``trial_concluded`` is, for a finding of disability only, the day the trial for
    the offence concluded when the person was later tried (s.82(5)).

    ``abroad`` marks a conviction, finding or caution under the law of a country outside the
    United Kingdom in respect of a relevant offence (an act that would have been a Schedule 3
    offence here, s.99, s.96ZA(9)); ``disposal`` is then the corresponding disposal (s.98(3)(c),
    s.96ZC(3)(c)). It makes the person subject only through a notification order or a police
    notice (an :class:`Order` whose ``trigger`` names it).

    >>> t = Trigger(id="t1", kind=TriggerKind.CONVICTION, date=date(2022, 3, 1),
    ...             threshold_sentence_date=date(2022, 4, 12), disposal=OtherDisposal())
    >>> t.relevant_date
    datetime.date(2022, 4, 12)
    """

    id: str = attrs.field(validator=_text)
    kind: TriggerKind = attrs.field(converter=_to_trigger_kind, validator=_kind(TriggerKind))
    date: Date = attrs.field(validator=_date)
    disposal: Disposal | None = attrs.field(default=None, validator=_is(*_DISPOSALS, optional=True))
    threshold_sentence_date: Date | None = attrs.field(default=None, validator=_optional_date)
    current_on_1_september_1997: bool | None = attrs.field(
        default=None, validator=_is(bool, optional=True)
    )
    trial_concluded: Date | None = attrs.field(default=None, validator=_optional_date)
    sentence_date: Date = attrs.field(
        default=attrs.Factory(_default_sentence_date, takes_self=True), validator=_date
    )
    resentences: tuple[Resentence, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Resentence)
    )
    abroad: bool = attrs.field(default=False, validator=_is(bool))

    @property
    def relevant_date(self) -> Date:
        """The relevant date (s.82(6)), moved to the sentence date for a threshold offence (s.132(3)).

        >>> Trigger(id="t", kind="caution", date=date(2022, 3, 1)).relevant_date
        datetime.date(2022, 3, 1)
        """
        return self.threshold_sentence_date or self.date

    def history(self, as_of: Date) -> tuple[Resentence, ...]:
        """The re-sentences known on ``as_of`` (dated on or before it), in date order.

        >>> t = Trigger(id="t", kind="conviction", date=date(2022, 3, 1), disposal=OtherDisposal(),
        ...             resentences=(Resentence(date=date(2023, 1, 5), reason="other",
        ...                                     disposal=OtherDisposal()),))
        >>> len(t.history(date(2023, 1, 4))), len(t.history(date(2023, 1, 5)))
        (0, 1)
        """
        return tuple(sorted((r for r in self.resentences if r.date <= as_of), key=lambda r: r.date))


# --------------------------------------------------------------------------------------------
# Time away from liberty in the UK
# --------------------------------------------------------------------------------------------


class DetentionKind(str, enum.Enum):
    """The states in SOA 2003 s.83(6) and s.85(4)(a)-(c).

    >>> DetentionKind("hospital")
    <DetentionKind.HOSPITAL: 'hospital'>
    """

    REMAND = "remand"
    SENTENCE = "sentence"
    SERVICE_DETENTION = "service_detention"
    HOSPITAL = "hospital"


def _to_detention_kind(value: object) -> Any:
    return _to_kind(DetentionKind, value)


@attrs.frozen(kw_only=True)
class Detention:
    """A period detained: from ``start`` until ``end``, the day of release (absent while it lasts).

    >>> Detention(kind="sentence", start=date(2021, 4, 12), end=date(2022, 7, 11)).kind.value
    'sentence'
    """

    kind: DetentionKind = attrs.field(converter=_to_detention_kind, validator=_kind(DetentionKind))
    start: date = attrs.field(validator=_date)
    end: date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class AbsenceAbroad:
    """A period outside the United Kingdom: departure on ``start``, return on ``end`` (absent
    while the person is still abroad). ``expected_return`` is the return date the person gave
    for the trip, where known; the whereabouts axis uses it to tell a trip running as notified
    from one whose return is overdue. ``details_known_late`` records that the person did not
    know the details of the trip 7 days before departure (SI 2004/1220 as amended: the 12-hour
    rule then applies to the travel notification). ``details_changed`` is the day on which
    details the person had notified for the trip changed before departure, where they did: a
    fresh travel notification is then due at least 24 hours before departure.

    >>> AbsenceAbroad(start=date(2023, 5, 1), end=date(2023, 5, 9)).end
    datetime.date(2023, 5, 9)
    >>> AbsenceAbroad(start=date(2023, 5, 1), details_changed=date(2023, 4, 27)).details_changed
    datetime.date(2023, 4, 27)
    """

    start: date = attrs.field(validator=_date)
    end: date | None = attrs.field(default=None, validator=_optional_date)
    expected_return: date | None = attrs.field(default=None, validator=_optional_date)
    details_known_late: bool = attrs.field(default=False, validator=_is(bool))
    details_changed: date | None = attrs.field(default=None, validator=_optional_date)


# --------------------------------------------------------------------------------------------
# Orders that bear on the notification requirements
# --------------------------------------------------------------------------------------------


class OrderKind(str, enum.Enum):
    """The orders and notices that bear on the notification requirements of SOA 2003 Part 2.

    - ``sexual_harm_prevention_order`` (s.103A, or made on conviction under the Sentencing Code
      from 1 December 2020) and ``interim_sexual_harm_prevention_order`` (s.103F): s.103G.
    - ``sexual_offences_prevention_order`` (s.104) and ``interim_sexual_offences_prevention_order``
      (s.109): s.107(3)-(5), s.109(5); repealed from 8 March 2015, but orders applied for before
      then continue (Anti-social Behaviour, Crime and Policing Act 2014 s.114(2)).
    - ``notification_order`` (s.97) and ``interim_notification_order`` (s.100): ss.98, 100, for a
      conviction, finding or caution abroad (a trigger with ``abroad`` set).
    - ``police_notice``: a notice given by a constable under s.96ZA (from 29 November 2022) for a
      conviction, finding or caution abroad.
    - ``risk_of_sexual_harm_order`` (s.123), ``interim_risk_of_sexual_harm_order`` (s.126),
      ``sexual_risk_order`` (s.122A) and ``interim_sexual_risk_order`` (s.122E): these bear on the
      requirements only through a conviction, finding or caution for breaching them (s.129).

    >>> OrderKind("interim_sexual_harm_prevention_order").value
    'interim_sexual_harm_prevention_order'
    >>> OrderKind.POLICE_NOTICE.abroad, OrderKind.SEXUAL_RISK_ORDER.needs_breach
    (True, True)
    """

    SEXUAL_HARM_PREVENTION_ORDER = "sexual_harm_prevention_order"
    INTERIM_SEXUAL_HARM_PREVENTION_ORDER = "interim_sexual_harm_prevention_order"
    SEXUAL_OFFENCES_PREVENTION_ORDER = "sexual_offences_prevention_order"
    INTERIM_SEXUAL_OFFENCES_PREVENTION_ORDER = "interim_sexual_offences_prevention_order"
    NOTIFICATION_ORDER = "notification_order"
    INTERIM_NOTIFICATION_ORDER = "interim_notification_order"
    POLICE_NOTICE = "police_notice"
    RISK_OF_SEXUAL_HARM_ORDER = "risk_of_sexual_harm_order"
    INTERIM_RISK_OF_SEXUAL_HARM_ORDER = "interim_risk_of_sexual_harm_order"
    SEXUAL_RISK_ORDER = "sexual_risk_order"
    INTERIM_SEXUAL_RISK_ORDER = "interim_sexual_risk_order"

    @property
    def abroad(self) -> bool:
        """Whether it applies Part 2 to a conviction, finding or caution abroad, named by the
        order's ``trigger`` (a notification order or a police notice).

        >>> OrderKind.INTERIM_NOTIFICATION_ORDER.abroad
        False
        """
        return self in (OrderKind.NOTIFICATION_ORDER, OrderKind.POLICE_NOTICE)

    @property
    def needs_breach(self) -> bool:
        """Whether it bears on the requirements only through a conviction, finding or caution
        for breaching it (s.129): a risk of sexual harm order or a sexual risk order, or an interim
        one.

        >>> OrderKind.SEXUAL_HARM_PREVENTION_ORDER.needs_breach
        False
        """
        return self in (
            OrderKind.RISK_OF_SEXUAL_HARM_ORDER,
            OrderKind.INTERIM_RISK_OF_SEXUAL_HARM_ORDER,
            OrderKind.SEXUAL_RISK_ORDER,
            OrderKind.INTERIM_SEXUAL_RISK_ORDER,
        )


def _to_order_kind(value: object) -> Any:
    return _to_kind(OrderKind, value)


@attrs.frozen(kw_only=True)
class Order:
    """An order or notice of ``kind``: made (a notice: given) on ``made``, served on ``served``
    (where known), having effect until ``ends``, its last day as made or as last renewed or varied
    (absent: until further order), unless a court discharged it on ``discharged``, from which day
    it has no effect. For an interim order, ``discharged`` is also the day the main application
    was determined, when it ceases to have effect (ss.100(4)(b), 103F, 109(4)(b)); for a police
    notice, the day it was cancelled (s.96ZA(5)) or quashed on appeal (s.96ZD).

    ``trigger`` is, for a notification order or a police notice, the id of the conviction,
    finding or caution abroad it relates to. ``breach_conviction`` is, for a risk of sexual harm
    order or sexual risk order (or an interim one), the day the person was first convicted,
    found not guilty by reason of insanity, found under a disability to have done the act, or
    cautioned, for breaching it (s.122H or s.128): s.129 applies from that day.

    >>> o = Order(id="o1", kind="sexual_harm_prevention_order", made=date(2019, 1, 7),
    ...           ends=date(2029, 1, 6), discharged=date(2025, 3, 1))
    >>> o.last_day, o.until_further_order
    (datetime.date(2025, 2, 28), False)
    """

    id: str = attrs.field(validator=_text)
    kind: OrderKind = attrs.field(converter=_to_order_kind, validator=_kind(OrderKind))
    made: date = attrs.field(validator=_date)
    served: date | None = attrs.field(default=None, validator=_optional_date)
    ends: date | None = attrs.field(default=None, validator=_optional_date)
    discharged: date | None = attrs.field(default=None, validator=_optional_date)
    trigger: str | None = attrs.field(default=None, validator=_optional_text)
    breach_conviction: date | None = attrs.field(default=None, validator=_optional_date)

    @property
    def last_day(self) -> date | None:
        """The last day the order has effect; ``None`` while it has effect until further order.

        >>> Order(id="o", kind="sexual_harm_prevention_order", made=date(2020, 1, 1)).last_day
        """
        if self.discharged is not None:
            day_before = date.fromordinal(self.discharged.toordinal() - 1)
            return day_before if self.ends is None else min(self.ends, day_before)
        return self.ends

    @property
    def until_further_order(self) -> bool:
        """Whether the order has effect with no end fixed (not discharged, no ``ends``).

        >>> Order(id="o", kind="sexual_harm_prevention_order", made=date(2020, 1, 1)
        ...       ).until_further_order
        True
        """
        return self.last_day is None


class ReviewOutcome(str, enum.Enum):
    """The outcome of a review of indefinite notification requirements (SOA 2003 s.91C):
    ``discharged``, the person need not remain subject; ``continue``, the person must.

    >>> ReviewOutcome("discharged").value
    'discharged'
    """

    DISCHARGED = "discharged"
    CONTINUE = "continue"


def _to_review_outcome(value: object) -> Any:
    return _to_kind(ReviewOutcome, value)


def _optional_years(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise WrongTypeError(
            f"{attribute.name}: expected a whole number, got {type(value).__name__}"
        )
    if value < 1:
        raise InvalidValueError(f"{attribute.name}: expected a whole number of years, at least 1")


@attrs.frozen(kw_only=True)
class ReviewDetermination:
    """A chief officer's determination on an application for review of indefinite notification
    requirements (SOA 2003 ss.91A-91C), as notified to the person: ``notice_received`` is the day
    the person received the notice of it, ``determined`` the day it was made (where known);
    ``further_review_years`` a period longer than 8 years set, with a determination to
    ``continue``, before the person may apply again (s.91B(4)-(5)); absent, 8 years.

    >>> ReviewDetermination(notice_received=date(2026, 6, 1), outcome="discharged").outcome
    <ReviewOutcome.DISCHARGED: 'discharged'>
    """

    notice_received: date = attrs.field(validator=_date)
    outcome: ReviewOutcome = attrs.field(
        converter=_to_review_outcome, validator=_kind(ReviewOutcome)
    )
    determined: date | None = attrs.field(default=None, validator=_optional_date)
    further_review_years: int | None = attrs.field(default=None, validator=_optional_years)


# --------------------------------------------------------------------------------------------
# Facts of change
# --------------------------------------------------------------------------------------------


class HomeAddressKind(str, enum.Enum):
    """The two limbs of "home address" in SOA 2003 s.83(7).

    >>> HomeAddressKind.NO_SOLE_OR_MAIN_RESIDENCE.value
    'no_sole_or_main_residence'
    """

    RESIDENCE = "residence"
    NO_SOLE_OR_MAIN_RESIDENCE = "no_sole_or_main_residence"


def _to_home_address_kind(value: object) -> Any:
    return _to_kind(HomeAddressKind, value)


@attrs.frozen(kw_only=True)
class HomeAddress:
    """A home address: a sole or main residence (s.83(7)(a)) or, where there is none, a place where
    the person can regularly be found (s.83(7)(b)).

    >>> HomeAddress(kind="no_sole_or_main_residence", reference="LOC-1").has_residence
    False
    """

    kind: HomeAddressKind = attrs.field(
        converter=_to_home_address_kind, validator=_kind(HomeAddressKind)
    )
    reference: str = attrs.field(validator=_text)

    @property
    def has_residence(self) -> bool:
        """Whether this is a sole or main residence.

        >>> HomeAddress(kind="residence", reference="ADDR-1").has_residence
        True
        """
        return self.kind is HomeAddressKind.RESIDENCE


@attrs.frozen(kw_only=True)
class NameUsed:
    """The person used ``name`` on ``date`` (s.84(1)(a)).

    >>> NameUsed(date=date(2022, 9, 1), name="NAME-B").name
    'NAME-B'
    """

    date: Date = attrs.field(validator=_date)
    name: str = attrs.field(validator=_text)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class HomeAddressChange:
    """The person's home address changed to ``home_address`` on ``date`` (s.84(1)(b)).

    >>> HomeAddressChange(date=date(2022, 10, 3),
    ...                   home_address=HomeAddress(kind="residence", reference="ADDR-2")).date
    datetime.date(2022, 10, 3)
    """

    date: Date = attrs.field(validator=_date)
    home_address: HomeAddress = attrs.field(validator=_is(HomeAddress))
    known: Date | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class Stay:
    """The person resided or stayed at ``premises`` on each day from ``first_day`` to ``last_day``
    (s.84(1)(c), (6)).

    >>> Stay(premises="PREM-1", first_day=date(2023, 2, 1), last_day=date(2023, 2, 4)).days
    4
    """

    premises: str = attrs.field(validator=_text)
    first_day: Date = attrs.field(validator=_date)
    last_day: Date = attrs.field(validator=_date)
    known: Date | None = attrs.field(default=None, validator=_optional_date)

    @property
    def days(self) -> int:
        """The number of calendar days stayed.

        >>> Stay(premises="P", first_day=date(2023, 2, 1), last_day=date(2023, 2, 1)).days
        1
        """
        days: int = (self.last_day - self.first_day).days + 1
        return days

    @property
    def date(self) -> Date:
        """The first day of the stay, for ordering facts.

        >>> Stay(premises="P", first_day=date(2023, 2, 1), last_day=date(2023, 2, 3)).date
        datetime.date(2023, 2, 1)
        """
        return self.first_day


class PrescribedChangeKind(str, enum.Enum):
    """The prescribed changes of circumstances (s.84(1)(ca); SI 2012/1876, from 13 August 2012):
    an account with a banking institution, a payment (debit or credit) card, a passport, another
    identity document, and beginning to reside or stay for at least 12 hours at a relevant
    household (a household or other place where a child resides or stays and to which the public
    do not have access, reg 10).

    >>> PrescribedChangeKind("relevant_household").value
    'relevant_household'
    """

    BANK_ACCOUNT = "bank_account"
    PAYMENT_CARD = "payment_card"
    PASSPORT = "passport"
    IDENTITY_DOCUMENT = "identity_document"
    RELEVANT_HOUSEHOLD = "relevant_household"


def _to_prescribed_change_kind(value: object) -> Any:
    return _to_kind(PrescribedChangeKind, value)


@attrs.frozen(kw_only=True)
class PrescribedChange:
    """A prescribed change of circumstances on ``date`` (s.84(1)(ca)): an account opened or
    closed, a card obtained or no longer held, a passport or identity document obtained or
    changed, or the day the person began to reside or stay at a relevant household. ``reference``
    is an opaque reference to the account, card, document or household; a notification discharges
    the duty by carrying it in ``prescribed``.

    >>> PrescribedChange(date=date(2024, 5, 1), kind="bank_account", reference="ACCT-1").kind
    <PrescribedChangeKind.BANK_ACCOUNT: 'bank_account'>
    """

    date: Date = attrs.field(validator=_date)
    kind: PrescribedChangeKind = attrs.field(
        converter=_to_prescribed_change_kind, validator=_kind(PrescribedChangeKind)
    )
    reference: str = attrs.field(validator=_text)
    known: Date | None = attrs.field(default=None, validator=_optional_date)


Event: TypeAlias = NameUsed | HomeAddressChange | Stay | PrescribedChange
_EVENTS = (NameUsed, HomeAddressChange, Stay, PrescribedChange)


# --------------------------------------------------------------------------------------------
# Notifications
# --------------------------------------------------------------------------------------------


class NotificationKind(str, enum.Enum):
    """What a notification was given under.

    ``INITIAL`` s.83(1); ``CHANGE`` s.84(1); ``ADVANCE`` s.84(2) (a s.84(1) notification given
    before the event, with its expected date); ``NON_OCCURRENCE`` s.84(4)(b); ``PERIODIC`` s.85(1);
    ``TRAVEL`` s.86 (intended travel outside the United Kingdom, with its departure date; a later
    one for the same departure is a fresh notification of changed details). ``RETURN`` s.86
    (the return to the United Kingdom from the trip that left on its ``departure``).
    ``PRESCRIBED`` a notification given only of prescribed information or a prescribed change
    (s.83(5)(h), s.84(1)(ca); SI 2012/1876), which restarts the s.85 period or not as
    ``Policy.prescribed_restarts_periodic`` says.

    >>> NotificationKind("advance").value
    'advance'
    """

    INITIAL = "initial"
    CHANGE = "change"
    ADVANCE = "advance"
    NON_OCCURRENCE = "non_occurrence"
    PERIODIC = "periodic"
    TRAVEL = "travel"
    RETURN = "return"
    PRESCRIBED = "prescribed"


def _to_notification_kind(value: object) -> Any:
    return _to_kind(NotificationKind, value)


@attrs.frozen(kw_only=True)
class Notification:
    """A notification given to the police on ``date``, and what it notified.

    ``expected_date`` is required for ``ADVANCE`` (the date the event is expected, s.84(2)) and
    ``NON_OCCURRENCE`` (the expected date of the advance notification it answers), and refused for
    the other kinds. ``prescribed`` lists the references of the prescribed changes
    (:class:`PrescribedChange`) whose details it gives. A ``TRAVEL`` notification (s.86) requires ``departure``, the intended date
    of leaving the United Kingdom, and may give ``departure_time`` (``"HH:MM"``, local time in
    the United Kingdom), ``destination`` (a reference to the country or first point of arrival)
    and ``expected_return``; these four are refused on the other kinds, except that a ``RETURN``
    notification requires ``departure`` (the day of departure of the trip it reports the return
    from) and refuses the other three.

    >>> Notification(id="n2", date=date(2026, 7, 1), kind="travel", departure=date(2026, 7, 20),
    ...              departure_time="09:30", destination="PLACE-1").departure
    datetime.date(2026, 7, 20)

    >>> n = Notification(id="n1", date=date(2021, 3, 2), kind="initial", names=("NAME-A",),
    ...                  home_address=HomeAddress(kind="residence", reference="ADDR-1"))
    >>> n.kind, n.release
    (<NotificationKind.INITIAL: 'initial'>, False)
    """

    id: str = attrs.field(validator=_text)
    date: Date = attrs.field(validator=_date)
    kind: NotificationKind = attrs.field(
        converter=_to_notification_kind, validator=_kind(NotificationKind)
    )
    names: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_texts)
    home_address: HomeAddress | None = attrs.field(
        default=None, validator=_is(HomeAddress, optional=True)
    )
    other_premises: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_texts)
    release: bool = attrs.field(default=False, validator=_is(bool))
    expected_date: Date | None = attrs.field(default=None, validator=_optional_date)
    departure: Date | None = attrs.field(default=None, validator=_optional_date)
    departure_time: str | None = attrs.field(default=None, validator=_optional_clock_time)
    destination: str | None = attrs.field(default=None, validator=_optional_text)
    expected_return: Date | None = attrs.field(default=None, validator=_optional_date)
    prescribed: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_texts)

    @property
    def premises(self) -> tuple[str, ...]:
        """Every address this notification gave: the home address and the other premises.

        >>> Notification(id="n", date=date(2021, 3, 2), kind="change",
        ...              home_address=HomeAddress(kind="residence", reference="ADDR-1"),
        ...              other_premises=("PREM-1",)).premises
        ('ADDR-1', 'PREM-1')
        """
        home = (self.home_address.reference,) if self.home_address else ()
        return home + self.other_premises


# --------------------------------------------------------------------------------------------
# Parental directions (s.89-90)
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ParentalDirection:
    """A court's direction under s.89(1) that s.89(2) applies to a parent of a young offender:
    the obligations under ss.83-86 are treated as the parent's, who must ensure the young
    offender attends the police station with them.

    It takes immediate effect on ``made`` (s.89(3)) and has effect until the young offender
    attains 18, or to the end of ``ends`` where the court directed a shorter period (s.89(3)(b)),
    or until ``discharged``, the day from which a court discharged it or varied it to end (s.90):
    whichever comes first. A court gives one only to a person under 18 (s.89(1)); one recorded as
    made on or after the 18th birthday has no effect.

    >>> ParentalDirection(made=date(2026, 3, 2)).ends is None
    True
    """

    made: Date = attrs.field(validator=_date)
    ends: Date | None = attrs.field(default=None, validator=_optional_date)
    discharged: Date | None = attrs.field(default=None, validator=_optional_date)


# --------------------------------------------------------------------------------------------
# The case
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Case:
    """Everything known about one person, checked for contradictions on construction.

    Facts may be given in any order; the engine sorts them once. A contradiction raises
    :class:`~sexoffender_rules.errors.CaseValidationError` listing every problem found, each with
    its field path, such as ``detentions[1].end: 2021-01-01 is before start 2021-02-01``.

    >>> Case(person=Person(reference="FICTIONAL-0002", date_of_birth=date(1990, 1, 1)),
    ...      detentions=(Detention(kind="remand", start=date(2021, 2, 1), end=date(2021, 1, 1)),))
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.CaseValidationError: 1 problem in the case:
      detentions[0].end: 2021-01-01 is before start 2021-02-01
    """

    person: Person = attrs.field(validator=_is(Person))
    jurisdiction: str = attrs.field(default="england-and-wales", validator=_text)
    triggers: tuple[Trigger, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Trigger)
    )
    detentions: tuple[Detention, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Detention)
    )
    absences_abroad: tuple[AbsenceAbroad, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(AbsenceAbroad)
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(*_EVENTS)
    )
    notifications: tuple[Notification, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Notification)
    )
    parental_directions: tuple[ParentalDirection, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(ParentalDirection)
    )
    orders: tuple[Order, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Order)
    )
    review_determinations: tuple[ReviewDetermination, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(ReviewDetermination)
    )
    managing_force: str | None = attrs.field(default=None, validator=_optional_text)
    police_records: tuple[PoliceRecord, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(*POLICE_RECORDS)
    )

    def __attrs_post_init__(self) -> None:
        problems = list(_contradictions(self))
        if problems:
            raise CaseValidationError(problems)

    def trigger(self, trigger_id: str) -> Trigger:
        """The trigger with ``trigger_id``.

        >>> Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)),
        ...      triggers=(Trigger(id="t1", kind="caution", date=date(2021, 1, 1)),)).trigger("t1").kind
        <TriggerKind.CAUTION: 'caution'>
        """
        for trigger in self.triggers:
            if trigger.id == trigger_id:
                return trigger
        raise KeyError(trigger_id)


def _contradictions(case: Case) -> Iterator[str]:
    """Every contradiction among the case's facts, as "path: problem" lines.

    Each check is made on the facts first; a path and a message are written only for a problem
    found (a case is checked each time it is built or loaded, and nearly every case has none).
    """
    born = case.person.date_of_birth
    yield from _record_contradictions(case)
    yield from _direction_problems(case)
    yield from _duplicate_ids("triggers", (t.id for t in case.triggers))
    yield from _duplicate_ids("notifications", (n.id for n in case.notifications))
    yield from _duplicate_ids("orders", (o.id for o in case.orders))
    abroad = {t.id: t for t in case.triggers}
    for i, order in enumerate(case.orders):
        if order.made < born:
            yield _before_birth(f"orders[{i}].made", order.made)
        for name in ("served", "ends", "discharged"):
            day = getattr(order, name)
            if day is not None and day < order.made:
                yield _before(f"orders[{i}].{name}", order.made, day, "made")
        yield from _order_problems(f"orders[{i}]", order, abroad)
    for i, review in enumerate(case.review_determinations):
        path = f"review_determinations[{i}]"
        if review.notice_received < born:
            yield _before_birth(f"{path}.notice_received", review.notice_received)
        if review.determined is not None and review.determined > review.notice_received:
            yield f"{path}.determined: is after the day the notice was received"
        if review.further_review_years is not None and review.outcome is ReviewOutcome.DISCHARGED:
            yield f"{path}.further_review_years: only a determination to continue sets one"
    trigger_ids = {t.id: t for t in case.triggers}
    for i, trigger in enumerate(case.triggers):
        path = f"triggers[{i}]"
        if trigger.date < born:
            yield _before_birth(f"{path}.date", trigger.date)
        threshold = trigger.threshold_sentence_date
        if threshold is not None and threshold < trigger.date:
            yield _before(f"{path}.threshold_sentence_date", trigger.date, threshold, _CONVICTION)
        yield from _disposal_problems(f"{path}.disposal", trigger.disposal, trigger, trigger_ids)
        yield from _sentence_problems(path, trigger, trigger_ids)
        yield from _transitional_problems(path, trigger)
    yield from _cycles(case.triggers)
    for i, detention in enumerate(case.detentions):
        if detention.start < born:
            yield _before_birth(f"detentions[{i}].start", detention.start)
        if detention.end is not None and detention.end < detention.start:
            yield _before(f"detentions[{i}].end", detention.start, detention.end)
    yield from _overlaps(
        "detentions", [(d.kind.value, d.start, d.end) for d in case.detentions], "of the same kind"
    )
    for i, absence in enumerate(case.absences_abroad):
        if absence.start < born:
            yield _before_birth(f"absences_abroad[{i}].start", absence.start)
        if absence.end is not None and absence.end < absence.start:
            yield _before(f"absences_abroad[{i}].end", absence.start, absence.end)
    yield from _overlaps(
        "absences_abroad", [("", a.start, a.end) for a in case.absences_abroad], ""
    )
    for i, event in enumerate(case.events):
        if event.known is not None and event.known < event.date:
            yield f"events[{i}].known: is before the date it happened"
        if isinstance(event, Stay):
            if event.first_day < born:
                yield _before_birth(f"events[{i}].first_day", event.first_day)
            if event.last_day < event.first_day:
                yield _before(f"events[{i}].last_day", event.first_day, event.last_day, "first_day")
        elif event.date < born:
            yield _before_birth(f"events[{i}].date", event.date)
    for i, notification in enumerate(case.notifications):
        yield from _notification_problems(i, notification, born)


_CONVICTION = "the conviction date"


def _before_birth(path: str, day: date) -> str:
    return f"{path}: {day.isoformat()} is before the date of birth"


def _before(path: str, start: date, end: date, what: str = "start") -> str:
    return f"{path}: {end.isoformat()} is before {what} {start.isoformat()}"


def _notification_problems(i: int, notification: Notification, born: date) -> Iterator[str]:
    path = f"notifications[{i}]"
    kind = notification.kind
    expected = notification.expected_date
    if notification.date < born:
        yield _before_birth(f"{path}.date", notification.date)
    needs_expected = kind is NotificationKind.ADVANCE or kind is NotificationKind.NON_OCCURRENCE
    if needs_expected and expected is None:
        yield f"{path}.expected_date: required for a notification of kind {kind.value}"
    if not needs_expected and expected is not None:
        yield f"{path}.expected_date: only an advance or non_occurrence notification has one"
    if kind is NotificationKind.PRESCRIBED:
        if not notification.prescribed:
            yield f"{path}.prescribed: required for a notification of kind prescribed"
        if notification.names or notification.home_address or notification.other_premises:
            yield (
                f"{path}.kind: a notification of kind prescribed gives prescribed details "
                "only; one that also gives names or addresses is of kind change"
            )
        if notification.release:
            yield f"{path}.release: a notification of kind prescribed gives prescribed details only"
    if expected is not None:
        if expected < born:
            yield _before_birth(f"{path}.expected_date", expected)
        if kind is NotificationKind.ADVANCE and expected < notification.date:
            yield _before(
                f"{path}.expected_date", notification.date, expected, "the notification date"
            )
    yield from _travel_contradictions(path, notification)


def _order_problems(path: str, order: Order, triggers: dict[str, Trigger]) -> Iterator[str]:
    """The fields an order of its kind must or must not have."""
    kind = order.kind
    related = triggers.get(order.trigger or "")
    if kind.abroad and order.trigger is None:
        yield f"{path}.trigger: required for a {kind.value}: the conviction, finding or caution abroad"
    if kind.abroad and order.trigger is not None and related is None:
        yield f"{path}.trigger: names no trigger of the case"
    if kind.abroad and related is not None and not related.abroad:
        yield f"{path}.trigger: names a trigger that is not abroad"
    if kind.abroad and related is not None and order.made < related.date:
        yield f"{path}.made: is before the conviction, finding or caution it relates to"
    if not kind.abroad and order.trigger is not None:
        yield f"{path}.trigger: only a notification_order or police_notice relates to a trigger"
    if not kind.needs_breach and order.breach_conviction is not None:
        yield f"{path}.breach_conviction: only a risk of sexual harm order or sexual risk order has one"
    if order.breach_conviction is not None and order.breach_conviction < order.made:
        yield f"{path}.breach_conviction: is before made"
    if kind is OrderKind.POLICE_NOTICE:
        if order.ends is not None:
            yield f"{path}.ends: a police notice has no fixed end (s.96ZA(2))"
        if order.served not in (None, order.made):
            yield f"{path}.served: a police notice is given in person on the day it is made"


_TRAVEL_FIELDS = ("departure", "departure_time", "destination", "expected_return")


def _travel_contradictions(path: str, notification: Notification) -> Iterator[str]:
    kind = notification.kind
    if kind is not NotificationKind.TRAVEL:
        for name in _TRAVEL_FIELDS:
            if name == "departure" and kind is NotificationKind.RETURN:
                continue
            if getattr(notification, name) is not None:
                yield f"{path}.{name}: only a travel notification has one"
    if kind not in (NotificationKind.TRAVEL, NotificationKind.RETURN):
        return
    if notification.departure is None:
        yield f"{path}.departure: required for a notification of kind {kind.value}"
        return
    if kind is NotificationKind.RETURN:
        return
    if notification.expected_return is not None and notification.expected_return < (
        notification.departure
    ):
        yield f"{path}.expected_return: is before the departure"


def _direction_problems(case: Case) -> Iterator[str]:
    """A parental direction is made on or after the date of birth; it ends, or is discharged, on
    or after the day it was made. One made when the person is 18 or over is not refused (the
    same facts stay valid whatever the date of birth): it has no effect, since a direction
    applies only until the young offender attains 18 (s.89(3)(a))."""
    born = case.person.date_of_birth
    for i, direction in enumerate(case.parental_directions):
        path = f"parental_directions[{i}]"
        if direction.made < born:
            yield f"{path}.made: is before the date of birth"
        for field in ("ends", "discharged"):
            day = getattr(direction, field)
            if day is not None and day < direction.made:
                yield f"{path}.{field}: is before the day the direction was made"


def _record_contradictions(case: Case) -> Iterator[str]:
    born = case.person.date_of_birth
    deaths = 0
    for i, record in enumerate(case.police_records):
        yield from record_problems(f"police_records[{i}]", record, born)
        if isinstance(record, Death):
            deaths += 1
            if deaths > 1:
                yield f"police_records[{i}]: a person dies once"
    for i, absence in enumerate(case.absences_abroad):
        if absence.expected_return is not None and absence.expected_return < absence.start:
            yield f"absences_abroad[{i}].expected_return: is before the departure"
        if absence.details_changed is not None and absence.details_changed > absence.start:
            yield f"absences_abroad[{i}].details_changed: is after the departure"


SEX_OFFENDERS_ACT_1997_COMMENCEMENT = date(1997, 9, 1)
"""Part 1 of the Sex Offenders Act 1997 came into force on 1 September 1997; SOA 2003 s.81(3)-(5)
look at convictions, findings and cautions before that day.

>>> SEX_OFFENDERS_ACT_1997_COMMENCEMENT.isoformat()
'1997-09-01'
"""


def _transitional_problems(path: str, trigger: Trigger) -> Iterator[str]:
    """Facts that only some triggers can have: the s.81(3)-(4) condition and the s.82(5) trial."""
    if trigger.current_on_1_september_1997 is not None:
        if trigger.kind is TriggerKind.CAUTION:
            yield (
                f"{path}.current_on_1_september_1997: only for a conviction or finding "
                "(s.81(5): a caution before 1 September 1997 never counts)"
            )
        elif trigger.relevant_date >= SEX_OFFENDERS_ACT_1997_COMMENCEMENT:
            yield (
                f"{path}.current_on_1_september_1997: only for a conviction or finding before "
                "1 September 1997 (s.81(3)-(4))"
            )
    if trigger.trial_concluded is not None:
        if trigger.kind is not TriggerKind.FINDING_DISABILITY_DID_ACT:
            yield (
                f"{path}.trial_concluded: only for a finding of disability "
                "(kind finding_disability_did_act; s.82(5))"
            )
        elif trigger.trial_concluded < trigger.relevant_date:
            yield f"{path}.trial_concluded: is before the date of the finding"


def _duplicate_ids(path: str, ids: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for i, identifier in enumerate(ids):
        if identifier in seen:
            yield f"{path}[{i}].id: repeats an earlier id"
        seen.add(identifier)


def _sentence_problems(path: str, trigger: Trigger, triggers: dict[str, Trigger]) -> Iterator[str]:
    """Problems with the sentence date and the re-sentences of ``trigger``."""
    threshold = trigger.threshold_sentence_date
    if threshold is not None and trigger.sentence_date != threshold:
        yield f"{path}.sentence_date: differs from threshold_sentence_date"
    elif threshold is None and trigger.sentence_date < trigger.date:
        yield f"{path}.sentence_date: {trigger.sentence_date.isoformat()} is before the conviction date"
    if trigger.kind is TriggerKind.CAUTION:
        if trigger.sentence_date != trigger.date:
            yield f"{path}.sentence_date: a caution has no sentence"
        if trigger.resentences:
            yield f"{path}.resentences: a caution has no sentence"
        return
    seen: set[date] = set()
    for i, resentence in enumerate(trigger.resentences):
        here = f"{path}.resentences[{i}]"
        if resentence.date <= trigger.sentence_date:
            yield f"{here}.date: {resentence.date.isoformat()} is not after the sentence date"
        if resentence.date in seen:
            yield f"{here}.date: repeats the date of an earlier re-sentence"
        seen.add(resentence.date)
        yield from _disposal_problems(f"{here}.disposal", resentence.disposal, trigger, triggers)


def _disposal_problems(
    path: str, disposal: Disposal | None, trigger: Trigger, triggers: dict[str, Trigger]
) -> Iterator[str]:
    if trigger.kind is TriggerKind.CAUTION and disposal is not None:
        yield f"{path}: a caution has no disposal"
    if isinstance(disposal, DetentionAndTrainingOrder):
        months = disposal.term.total_months
        if disposal.term.day_count or not 4 <= months <= 24:
            yield f"{path}.term: a detention and training order is of 4 to 24 months (Sentencing Code s.236(1))"
    if isinstance(disposal, _Linked):
        links = [
            disposal.start is not None,
            disposal.consecutive_to is not None,
            disposal.concurrent_with is not None,
        ]
        if sum(links) > 1:
            yield f"{path}: give at most one of start, consecutive_to and concurrent_with"
        for field in ("consecutive_to", "concurrent_with"):
            other_id = getattr(disposal, field)
            if other_id is None:
                continue
            other = triggers.get(other_id)
            if other is None:
                yield f"{path}.{field}: names no trigger of this case"
            elif not (terms := [d for d in _disposals(other) if isinstance(d, _Linked)]):
                yield f"{path}.{field}: the trigger it names has no custodial term"
            elif not any(
                isinstance(d, SuspendedImprisonment) == isinstance(disposal, SuspendedImprisonment)
                for d in terms
            ):
                yield f"{path}.{field}: a suspended term links only with another suspended term"
            elif other_id == trigger.id:
                yield f"{path}.{field}: names its own trigger"
        if disposal.start is not None and disposal.start < trigger.date:
            yield f"{path}.start: {disposal.start.isoformat()} is before the conviction date"


def _disposals(trigger: Trigger) -> Iterator[Disposal]:
    """Every disposal of ``trigger``: the first one and each re-sentence's."""
    if trigger.disposal is not None:
        yield trigger.disposal
    for resentence in trigger.resentences:
        yield resentence.disposal


def _cycles(triggers: tuple[Trigger, ...]) -> Iterator[str]:
    """Report each trigger whose term, through consecutive_to/concurrent_with links, leads back
    to itself (a trigger that only leads into such a loop is not reported)."""
    links: dict[str, set[str]] = defaultdict(set)
    for t in triggers:
        for d in _disposals(t):
            if isinstance(d, _Linked):
                target = d.consecutive_to or d.concurrent_with
                if target is not None and target != t.id:
                    links[t.id].add(target)
    on_cycle = _on_a_cycle(links)
    for i, t in enumerate(triggers):
        if t.id in on_cycle:
            yield f"triggers[{i}].disposal: its term is linked to itself through other terms"


def _on_a_cycle(links: dict[str, set[str]]) -> set[str]:
    """The nodes that lie on a cycle of ``links``: those in a strongly connected component of
    two or more (Tarjan's algorithm, iterative, so a chain of any length is one pass). A node
    that only leads into a cycle is not on it.

    >>> sorted(_on_a_cycle({"a": {"b"}, "b": {"c"}, "c": {"b"}, "d": {"a"}}))
    ['b', 'c']
    >>> _on_a_cycle({str(i): {str(i + 1)} for i in range(5000)})
    set()
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    for root in sorted(links):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(links.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(links.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.update(component)
    return found


def _overlaps(
    path: str, spans: list[tuple[str, date, date | None]], qualifier: str
) -> Iterator[str]:
    """Each span that begins before an earlier-starting span of the same kind has ended."""
    # Sorted by kind, start, then end (a span with no end last): the verdict does not depend
    # on the order the facts were given in.
    order = sorted(
        range(len(spans)),
        key=lambda i: (spans[i][0], spans[i][1], spans[i][2] or date.max, i),
    )
    furthest: dict[str, int] = {}  # kind -> index of the span reaching furthest so far
    suffix = f" {qualifier}" if qualifier else ""
    for b in order:
        kind, start, end = spans[b]
        a = furthest.get(kind)
        if a is not None:
            end_a = spans[a][2]
            if end_a is None or start < end_a:
                yield f"{path}[{b}]: overlaps {path}[{a}]{suffix}"
        if a is None or _ends_later(end, spans[a][2]):
            furthest[kind] = b


def _ends_later(end: date | None, other: date | None) -> bool:
    """Whether a span ending on ``end`` reaches beyond one ending on ``other`` (None: no end)."""
    if other is None:
        return False
    return end is None or end > other
