"""Whereabouts and missing status: police policy, kept apart from the statute.

Whether a registered person is "missing" is not a question the statute answers: forces and
guidance use different definitions (a trace enquiry that came back negative; a time without
contact; a missing-person report). This module reads a case's police records
(:mod:`sexoffender_rules.records`) under a named, versioned :class:`Profile` and gives, beside
the statutory assessment, three axes and the recorded markers:

- **registration** (statute): subject, ended or not subject, on the assessment date;
- **compliance** (statute): in breach, due or compliant, from the duty ledger;
- **whereabouts** (policy): one :class:`Whereabouts` state, with its reasons;
- **markers** (recorded facts, never derived): wanted (a live warrant), a missing-person
  report, locate/trace, recalled to prison, international circulation.

Each is a :class:`Flag` that says whether its basis is the statute, police policy or a recorded
fact. The **headline** is the first flag, in the profile's order of precedence, that holds: a
pure function of the flags and the profile (:func:`headline`). Every flag is returned, since
"wanted" and "missing" can both hold.

>>> from datetime import date
>>> from sexoffender_rules.model import Case, Person, Trigger, Notification
>>> from sexoffender_rules.records import HomeVisit, RiskAssessment
>>> case = Case(person=Person(reference="FICTIONAL-0200", date_of_birth=date(1980, 1, 1)),
...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
...     notifications=(Notification(id="n1", date=date(2026, 1, 5), kind="initial"),),
...     police_records=(RiskAssessment(date=date(2026, 1, 20), level="medium"),
...                     HomeVisit(date=date(2026, 2, 2), outcome="seen_resident")))
>>> status = assess_status(case, date(2026, 3, 1))
>>> status.headline, status.whereabouts.value
('compliant', 'verified_at_address')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from ._pickling import tuple_state
from .assessment import Assessment, DutyKind, Headline, Reason
from .calendar import CalendarPeriod, add_days, add_period
from .engine import assess
from .errors import InvalidValueError
from .law import Ruleset
from .model import Case, NotificationKind
from .policy import Policy
from .records import (
    CivilDetention,
    Contact,
    ContactKind,
    Death,
    HomeVisit,
    LeftUnitedKingdom,
    Located,
    Marker,
    MarkerKind,
    MissingPersonReport,
    NotLivingAtAddress,
    PoliceRecord,
    RiskAssessment,
    RiskLevel,
    TraceEnquiry,
    TraceResult,
    VisitOutcome,
    VisitPlan,
    Warrant,
)

__all__ = [
    "DEFAULT_PRECEDENCE",
    "PROFILES",
    "STATUS_NAMES",
    "Basis",
    "Flag",
    "MissingRule",
    "Profile",
    "StatusAssessment",
    "VisitIntervals",
    "VisitSchedule",
    "Whereabouts",
    "assess_status",
    "headline",
    "profile_named",
]


class Basis(str, enum.Enum):
    """What a flag rests on: the statute, police policy (a profile's choice), or a fact the
    police recorded (a warrant, a report).

    >>> Basis("recorded_fact").value
    'recorded_fact'
    """

    STATUTE = "statute"
    POLICY = "policy"
    RECORDED_FACT = "recorded_fact"


class Whereabouts(str, enum.Enum):
    """The whereabouts axis (police policy), one state on the assessment date.

    - ``VERIFIED_AT_ADDRESS``: seen living at the notified address within the visit interval.
    - ``UNVERIFIED``: no such visit within the interval (or no interval), and nothing adverse.
    - ``CONTACT_FAILING``: failed visits in a row, at least the profile's threshold, since the
      last positive contact.
    - ``NOT_AT_ADDRESS``: evidence since the last positive contact that the person does not live
      at the notified address.
    - ``ABROAD``: outside the United Kingdom on a known absence, within its notified return (and
      the grace days). An absence with no return recorded stops counting once the person has
      been in contact in person after the day of departure (docs/missing-status.md).
    - ``ABROAD_RETURN_OVERDUE``: on a known absence whose notified return date, with the grace
      days, has passed with no return or contact in person.
    - ``BELIEVED_ABROAD``: evidence of leaving the UK with no absence known from the person and
      no contact in person since.
    - ``WHEREABOUTS_UNKNOWN``: "missing" under the profile's rule (:class:`MissingRule`).
    - ``DETAINED``: in custody or hospital (under Part 3 of the Mental Health Act 1983, or a civil
      detention).
    - ``DECEASED``: the person has died.
    - ``NOT_ASSESSED``: not subject on the assessment date: whereabouts are not assessed.

    >>> Whereabouts("whereabouts_unknown").value
    'whereabouts_unknown'
    """

    VERIFIED_AT_ADDRESS = "verified_at_address"
    UNVERIFIED = "unverified"
    CONTACT_FAILING = "contact_failing"
    NOT_AT_ADDRESS = "not_at_address"
    ABROAD = "abroad"
    ABROAD_RETURN_OVERDUE = "abroad_return_overdue"
    BELIEVED_ABROAD = "believed_abroad"
    WHEREABOUTS_UNKNOWN = "whereabouts_unknown"
    DETAINED = "detained"
    DECEASED = "deceased"
    NOT_ASSESSED = "not_assessed"


# The flag each whereabouts state raises (its name in the status vocabulary).
_WHEREABOUTS_FLAG = {
    Whereabouts.VERIFIED_AT_ADDRESS: "verified_at_address",
    Whereabouts.UNVERIFIED: "unverified",
    Whereabouts.CONTACT_FAILING: "contact_failing",
    Whereabouts.NOT_AT_ADDRESS: "not_at_address",
    Whereabouts.ABROAD: "abroad",
    Whereabouts.ABROAD_RETURN_OVERDUE: "abroad_return_overdue",
    Whereabouts.BELIEVED_ABROAD: "believed_abroad",
    Whereabouts.WHEREABOUTS_UNKNOWN: "missing",
    Whereabouts.DETAINED: "detained",
    Whereabouts.DECEASED: "deceased",
}

STATUS_NAMES: tuple[str, ...] = (
    # statute
    "not_subject",
    "ended",
    "in_breach",
    "due",
    "compliant",
    "no_fixed_abode",
    # police policy
    *_WHEREABOUTS_FLAG.values(),
    "visit_due",
    # recorded facts
    "wanted",
    "missing_person_report",
    "locate_trace",
    "recalled",
    "international_circulation",
)
"""Every flag name an assessment can raise, and so every name a precedence may list.

>>> "missing" in STATUS_NAMES and "wanted" in STATUS_NAMES
True
"""

DEFAULT_PRECEDENCE: tuple[str, ...] = (
    "not_subject",
    "deceased",
    "ended",
    "detained",
    "wanted",
    "missing",
    "believed_abroad",
    "abroad_return_overdue",
    "abroad",
    "in_breach",
    "not_at_address",
    "contact_failing",
    "due",
    "compliant",
)
"""The default order in which flags become the headline: the first that holds.

>>> DEFAULT_PRECEDENCE.index("wanted") < DEFAULT_PRECEDENCE.index("missing")
True
"""


class MissingRule(str, enum.Enum):
    """When the whereabouts become unknown ("missing").

    - ``TRACE_ENQUIRY``: an adverse fact since the last positive contact (failed visits at the
      threshold, evidence of not living at the address, or an overdue notification that bears on
      location) **and** a trace enquiry closed with a negative result since that contact (Scottish
      MAPPA guidance 2014: whereabouts unknown and enquiries to find the person have failed).
    - ``TIME_BASED``: an adverse fact and ``unknown_after_days`` days since the last positive
      contact (or, with none, since the first adverse fact); a profile with no threshold never
      marks anyone missing.
    - ``MISSING_PERSON_REPORT``: a missing-person report is open (the force's own recording),
      and the person has not been in contact since it was opened.

    >>> MissingRule("time_based").value
    'time_based'
    """

    TRACE_ENQUIRY = "trace_enquiry"
    TIME_BASED = "time_based"
    MISSING_PERSON_REPORT = "missing_person_report"


class VisitSchedule(str, enum.Enum):
    """How often a person should be visited at home, which decides "verified at address".

    - ``TABLE``: by the latest risk level recorded, from the profile's table (by default the
      minimums in use in England and Wales before 29 June 2017: very high monthly, high every 3
      months, medium every 6 months, low every 12 months).
    - ``PLAN``: the interval in the latest visit plan recorded (a tailored risk management plan).
    - ``REACTIVE``: no routine visits (reactive management): nobody is "verified" by a visit
      interval, and nobody is due a visit.

    >>> VisitSchedule("plan").value
    'plan'
    """

    TABLE = "table"
    PLAN = "plan"
    REACTIVE = "reactive"


def _period(instance: object, attribute: Any, value: object) -> None:
    if not isinstance(value, CalendarPeriod) or value.is_zero:
        raise InvalidValueError(f"{attribute.name}: expected a calendar period that is not empty")


@tuple_state
@attrs.frozen(kw_only=True)
class VisitIntervals:
    """The interval between home visits for each risk level (:attr:`VisitSchedule.TABLE`).

    >>> str(VisitIntervals().high)
    '3 months'
    """

    very_high: CalendarPeriod = attrs.field(default=CalendarPeriod(months=1), validator=_period)
    high: CalendarPeriod = attrs.field(default=CalendarPeriod(months=3), validator=_period)
    medium: CalendarPeriod = attrs.field(default=CalendarPeriod(months=6), validator=_period)
    low: CalendarPeriod = attrs.field(default=CalendarPeriod(months=12), validator=_period)

    def of(self, level: RiskLevel) -> CalendarPeriod:
        """The interval for ``level``.

        >>> str(VisitIntervals().of(RiskLevel.LOW))
        '12 months'
        """
        interval: CalendarPeriod = getattr(self, level.value)
        return interval


def _count(minimum: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise InvalidValueError(
                f"{attribute.name}: expected a whole number of {minimum} or more"
            )

    return check


def _optional_count(instance: object, attribute: Any, value: object) -> None:
    if value is not None:
        _count(1)(instance, attribute, value)


def _precedence(instance: object, attribute: Any, value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidValueError(f"{attribute.name}: expected a list of status names")
    unknown = [name for name in value if name not in STATUS_NAMES]
    if unknown:
        raise InvalidValueError(
            f"{attribute.name}: unknown status name; known: {', '.join(STATUS_NAMES)}"
        )
    if len(set(value)) != len(value):
        raise InvalidValueError(f"{attribute.name}: a status name is listed twice")


def _text(instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(f"{attribute.name}: expected text")


def _name(instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidValueError(f"{attribute.name}: expected text that is not empty")


@tuple_state
@attrs.frozen(kw_only=True)
class Profile:
    """A police-policy profile: how whereabouts are judged and how the headline is chosen.

    Profiles are data: named, versioned, validated, and loadable from a JSON file
    (:func:`sexoffender_rules.documents.profile_from_data`). No police-policy threshold is
    written into a rule: each is a field here.

    Attributes:
        name, version, description: what the profile is, for reports.
        missing_rule: when whereabouts become unknown (:class:`MissingRule`).
        visits, visit_intervals: how often a person should be seen at home
            (:class:`VisitSchedule`; the intervals by risk level for ``TABLE``).
        failed_visits: failed visits in a row that make contact "failing" (default 2, after the
            two occasions s.96B of the Act requires before a warrant to enter; a policy choice).
        return_grace_days: days after a notified return date before a trip abroad is "return
            overdue" (default 3).
        unknown_after_days: for ``TIME_BASED``, days since the last positive contact after which
            an adverse fact makes the whereabouts unknown (``None``: never).
        precedence: the order in which flags become the headline.

    >>> PROFILES["time-based"].unknown_after_days
    28
    """

    name: str = attrs.field(validator=_name)
    version: int = attrs.field(default=1, validator=_count(1))
    description: str = attrs.field(default="", validator=_text)
    missing_rule: MissingRule = attrs.field(
        default=MissingRule.TRACE_ENQUIRY, converter=MissingRule
    )
    visits: VisitSchedule = attrs.field(default=VisitSchedule.TABLE, converter=VisitSchedule)
    visit_intervals: VisitIntervals = attrs.field(
        factory=VisitIntervals, validator=attrs.validators.instance_of(VisitIntervals)
    )
    failed_visits: int = attrs.field(default=2, validator=_count(1))
    return_grace_days: int = attrs.field(default=3, validator=_count(0))
    unknown_after_days: int | None = attrs.field(default=None, validator=_optional_count)
    precedence: tuple[str, ...] = attrs.field(
        default=DEFAULT_PRECEDENCE, converter=tuple, validator=_precedence
    )

    @property
    def label(self) -> str:
        """The profile's name and version, as reports show it.

        >>> PROFILES["trace-enquiry"].label
        'trace-enquiry@1'
        """
        return f"{self.name}@{self.version}"


PROFILES: dict[str, Profile] = {
    "trace-enquiry": Profile(
        name="trace-enquiry",
        description="Missing when an adverse fact since the last positive contact is followed by "
        "a trace enquiry closed with a negative result (Scottish MAPPA guidance 2014, ch.17); "
        "home visits by risk level on the table in use before June 2017.",
        missing_rule=MissingRule.TRACE_ENQUIRY,
    ),
    "time-based": Profile(
        name="time-based",
        description="Missing when an adverse fact stands and 28 days have passed since the last "
        "positive contact; home visits by the plan recorded for each person.",
        missing_rule=MissingRule.TIME_BASED,
        visits=VisitSchedule.PLAN,
        unknown_after_days=28,
    ),
    "missing-person-report": Profile(
        name="missing-person-report",
        description="Missing while a missing-person report is open (the force's own missing-"
        "person recording, College of Policing APP 2017); reactive management, no routine "
        "visits.",
        missing_rule=MissingRule.MISSING_PERSON_REPORT,
        visits=VisitSchedule.REACTIVE,
    ),
}
"""The named profiles the library ships; ``trace-enquiry`` is the default.

>>> sorted(PROFILES)
['missing-person-report', 'time-based', 'trace-enquiry']
"""


def profile_named(name: str) -> Profile:
    """The shipped profile called ``name``.

    >>> profile_named("time-based").missing_rule
    <MissingRule.TIME_BASED: 'time_based'>
    >>> profile_named("other")
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.InvalidValueError: profile: no profile of that name; known: missing-person-report, time-based, trace-enquiry
    """
    if name not in PROFILES:
        raise InvalidValueError(
            f"profile: no profile of that name; known: {', '.join(sorted(PROFILES))}"
        )
    return PROFILES[name]


@tuple_state
@attrs.frozen(kw_only=True)
class Flag:
    """One status that holds on the assessment date, its basis, since when, and why.

    >>> Flag(name="wanted", basis=Basis.RECORDED_FACT).basis.value
    'recorded_fact'
    """

    name: str
    basis: Basis
    since: date | None = None
    reasons: tuple[Reason, ...] = ()


@tuple_state
@attrs.frozen(kw_only=True)
class StatusAssessment:
    """A person's status on one date: the statutory assessment, the whereabouts axis, every
    flag, and the headline chosen by the profile.

    >>> from sexoffender_rules.model import Case, Person
    >>> s = assess_status(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
    ...                   date(2026, 1, 1))
    >>> s.headline, s.whereabouts.value
    ('not_subject', 'not_assessed')
    """

    as_of: date
    profile: Profile
    assessment: Assessment
    whereabouts: Whereabouts
    flags: tuple[Flag, ...]
    headline: str
    managing_force: str | None = None

    @property
    def flag_names(self) -> frozenset[str]:
        """The names of the flags that hold.

        >>> from sexoffender_rules.model import Case, Person
        >>> sorted(assess_status(Case(person=Person(reference="F",
        ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1)).flag_names)
        ['not_subject']
        """
        return frozenset(f.name for f in self.flags)

    def flag(self, name: str) -> Flag | None:
        """The flag called ``name``, if it holds.

        >>> from sexoffender_rules.model import Case, Person
        >>> assess_status(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...               date(2026, 1, 1)).flag("wanted") is None
        True
        """
        return next((f for f in self.flags if f.name == name), None)


def headline(flags: Iterable[str], precedence: Sequence[str]) -> str:
    """The first name in ``precedence`` among ``flags``; with none, ``compliant``.

    A pure function of the flags and the profile's order.

    >>> headline({"in_breach", "wanted", "missing"}, DEFAULT_PRECEDENCE)
    'wanted'
    >>> headline({"in_breach"}, ("missing", "compliant"))
    'compliant'
    """
    held = set(flags)
    return next((name for name in precedence if name in held), "compliant")


# --------------------------------------------------------------------------------------------
# Reading the records
# --------------------------------------------------------------------------------------------

_RULE = "whereabouts"
_CITE = "police policy profile"
# Duties whose failure bears on where the person lives (the list: initial, change of
# home address, periodic, release); a failure to notify a name or a stay does not.
_LOCATION_DUTIES = frozenset(
    {DutyKind.INITIAL, DutyKind.CHANGE_OF_HOME_ADDRESS, DutyKind.PERIODIC, DutyKind.RELEASE}
)


def _reason(statement: str, profile: Profile, facts: Sequence[str] = (), **dates: date) -> Reason:
    return Reason(
        rule_id=_RULE,
        citation=f"{_CITE} {profile.label}",
        statement=statement,
        facts=tuple(facts),
        dates=tuple(dates.items()),
    )


def _marker_reason(statement: str, facts: Sequence[str] = (), **dates: date) -> Reason:
    return Reason(
        rule_id="recorded",
        citation="recorded fact",
        statement=statement,
        facts=tuple(facts),
        dates=tuple(dates.items()),
    )


@attrs.frozen
class _Known:
    """The police records known on the assessment date, with their paths."""

    records: tuple[tuple[str, PoliceRecord], ...]

    def of(self, *kinds: type) -> list[tuple[str, Any]]:
        return [(p, r) for p, r in self.records if isinstance(r, kinds)]


def _known_records(case: Case, as_of: date) -> _Known:
    known = [
        (f"police_records[{i}]", r)
        for i, r in enumerate(case.police_records)
        if r.date <= as_of and r.known_on <= as_of
    ]
    known.sort(key=lambda pair: (pair[1].date, pair[0]))
    return _Known(tuple(known))


def _live(start: date, end: date | None, as_of: date) -> bool:
    """Whether something begun on ``start`` and ended on ``end`` (exclusive) is live on
    ``as_of``."""
    return start <= as_of and (end is None or end > as_of)


def assess_status(
    case: Case,
    as_of: date,
    profile: Profile | None = None,
    policy: Policy | None = None,
    ruleset: Ruleset | None = None,
) -> StatusAssessment:
    """A person's status on ``as_of``: the statutory assessment (:func:`assess`, with ``policy``
    and ``ruleset``), then the whereabouts axis and markers under ``profile`` (default
    ``trace-enquiry``), every flag, and the headline.

    Only police records known on ``as_of`` are read; the statutory ledger keeps the dates things
    happened.

    >>> from sexoffender_rules.model import Case, Person, Trigger
    >>> from sexoffender_rules.records import Warrant
    >>> case = Case(person=Person(reference="FICTIONAL-0201", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     police_records=(Warrant(date=date(2026, 2, 1)),))
    >>> s = assess_status(case, date(2026, 3, 1))
    >>> s.headline, sorted(s.flag_names)
    ('wanted', ['in_breach', 'unverified', 'wanted'])
    """
    profile = profile or PROFILES["trace-enquiry"]
    assessment = assess(case, as_of, policy, ruleset)
    known = _known_records(case, as_of)
    flags: list[Flag] = list(_statutory_flags(assessment, case, as_of))
    state, state_reasons, since = _whereabouts(case, as_of, assessment, known, profile)
    if state is not Whereabouts.NOT_ASSESSED:
        flags.append(
            Flag(
                name=_WHEREABOUTS_FLAG[state],
                # A death is a recorded fact; every other state is the profile's judgement.
                basis=Basis.RECORDED_FACT if state is Whereabouts.DECEASED else Basis.POLICY,
                since=since,
                reasons=tuple(state_reasons),
            )
        )
    if state in _VISITABLE:
        flags.extend(_visit_due(as_of, known, profile))
    flags.extend(_markers(as_of, known, state))
    names = {f.name for f in flags}
    return StatusAssessment(
        as_of=as_of,
        profile=profile,
        assessment=assessment,
        whereabouts=state,
        flags=tuple(flags),
        headline=headline(names, profile.precedence),
        managing_force=case.managing_force,
    )


def _statutory_flags(assessment: Assessment, case: Case, as_of: date) -> Iterable[Flag]:
    registration = assessment.registration
    compliance = assessment.headline
    if compliance is Headline.NOT_SUBJECT:
        yield Flag(name="not_subject", basis=Basis.STATUTE, reasons=registration.reasons)
        return
    if compliance is Headline.ENDED:
        yield Flag(name="ended", basis=Basis.STATUTE, reasons=registration.reasons)
        return
    breaches = [d for d in assessment.duties if d.breach is not None and as_of in d.breach]
    if compliance is Headline.IN_BREACH:
        yield Flag(
            name="in_breach",
            basis=Basis.STATUTE,
            since=min(d.breach.start for d in breaches if d.breach is not None),
            reasons=tuple(r for d in breaches for r in d.reasons[-1:]),
        )
    elif compliance is Headline.DUE:
        yield Flag(name="due", basis=Basis.STATUTE)
    else:
        yield Flag(name="compliant", basis=Basis.STATUTE)
    home = _last_home(case, as_of)
    if home is not None and not home[1].has_residence:
        yield Flag(
            name="no_fixed_abode",
            basis=Basis.STATUTE,
            since=home[0],
            reasons=(
                _marker_reason(
                    "The last home address notified is a place where the person can regularly be "
                    "found, not a sole or main residence (SOA 2003 s.83(7)(b)).",
                    since=home[0],
                ),
            ),
        )


def _last_home(case: Case, as_of: date) -> tuple[date, Any] | None:
    homes = [
        (n.date, n.home_address)
        for n in case.notifications
        if n.home_address is not None and n.date <= as_of and n.kind is not NotificationKind.ADVANCE
    ]
    return max(homes, key=lambda pair: pair[0]) if homes else None


_Contact = tuple[date, str, str, bool, bool]
"""A positive contact: (date, what, path, verifies residence, shows the person in the United
Kingdom that day)."""


def _positive_contacts(case: Case, as_of: date, known: _Known) -> list[_Contact]:
    """Each positive contact known on ``as_of``, in date order.

    Contact in person with the police of England and Wales (a visit where the person is seen,
    contact in person, being located or arrested, a notification given at a police station)
    shows the person in the United Kingdom that day; remote contact and a trace enquiry that
    located the person do not (documented reading: either may find the person abroad)."""
    contacts: list[_Contact] = []
    for path, visit in known.of(HomeVisit):
        if visit.outcome is VisitOutcome.SEEN_RESIDENT:
            contacts.append((visit.date, "seen living at the address", path, True, True))
        elif visit.outcome is VisitOutcome.SEEN_NOT_VERIFIED:
            contacts.append((visit.date, "seen at the address on a visit", path, False, True))
    for path, contact in known.of(Contact):
        in_person = contact.kind is ContactKind.IN_PERSON
        what = f"contact ({contact.kind.value.replace('_', ' ')})"
        contacts.append((contact.date, what, path, False, in_person))
    for path, located in known.of(Located):
        what = "arrested" if located.arrested else "located"
        contacts.append((located.date, what, path, False, True))
    for path, trace in known.of(TraceEnquiry):
        if trace.result is TraceResult.LOCATED and trace.closed and trace.closed <= as_of:
            contacts.append((trace.closed, "located by a trace enquiry", path, False, False))
    for i, n in enumerate(case.notifications):
        # A notification is given in person at a police station (s.87(1)): contact, not proof of
        # residence.
        if n.date <= as_of:
            what = "a notification in person"
            contacts.append((n.date, what, f"notifications[{i}]", False, True))
    contacts.sort(key=lambda c: (c[0], c[2]))
    return contacts


def _whereabouts(
    case: Case, as_of: date, assessment: Assessment, known: _Known, profile: Profile
) -> tuple[Whereabouts, list[Reason], date | None]:
    deaths = known.of(Death)
    if deaths:
        path, death = deaths[0]
        return (
            Whereabouts.DECEASED,
            [
                _reason(
                    f"The person died on {death.date.isoformat()}.",
                    profile,
                    [path],
                    died=death.date,
                )
            ],
            death.date,
        )
    if not assessment.registration.subject:
        return Whereabouts.NOT_ASSESSED, [], None
    for i, d in enumerate(case.detentions):
        if _live(d.start, d.end, as_of):
            return (
                Whereabouts.DETAINED,
                [
                    _reason(
                        f"Detained ({d.kind.value.replace('_', ' ')}) since "
                        f"{d.start.isoformat()}: the whereabouts are known.",
                        profile,
                        [f"detentions[{i}]"],
                    )
                ],
                d.start,
            )
    for path, civil in known.of(CivilDetention):
        if _live(civil.date, civil.ended, as_of):
            return (
                Whereabouts.DETAINED,
                [
                    _reason(
                        f"Detained in hospital (a civil detention) since {civil.date.isoformat()}: "
                        "the whereabouts are known, but notification deadlines still run (it is "
                        "not detention in a hospital within SOA 2003 s.133(1)).",
                        profile,
                        [path],
                    )
                ],
                civil.date,
            )
    contacts = _positive_contacts(case, as_of, known)
    returned: list[Reason] = []
    for i, absence in enumerate(case.absences_abroad):
        if _live(
            absence.start, absence.end if absence.end and absence.end <= as_of else None, as_of
        ):
            facts = [f"absences_abroad[{i}]"]
            back = next((c for c in contacts if c[4] and c[0] > absence.start), None)
            if back is not None:
                returned.append(
                    _reason(
                        f"Abroad from {absence.start.isoformat()} on a known absence with no "
                        f"return recorded, but {back[1]} on {back[0].isoformat()}: back in the "
                        "United Kingdom by then (documented reading: contact in person after the "
                        "day of departure shows a return).",
                        profile,
                        [*facts, back[2]],
                        back_by=back[0],
                    )
                )
                continue
            expected = absence.expected_return
            if expected is not None:
                grace_end = add_days(expected, profile.return_grace_days)
                if as_of > grace_end:
                    return (
                        Whereabouts.ABROAD_RETURN_OVERDUE,
                        [
                            _reason(
                                f"Abroad since {absence.start.isoformat()}; the return notified "
                                f"for {expected.isoformat()} has passed, with "
                                f"{profile.return_grace_days} days' grace, with no return or "
                                "contact in person recorded. This is not a breach by itself: a notification "
                                "is due only on an actual return that differs from what was "
                                "notified.",
                                profile,
                                facts,
                                expected_return=expected,
                            )
                        ],
                        add_days(grace_end, 1),
                    )
            return (
                Whereabouts.ABROAD,
                [
                    _reason(
                        f"Abroad since {absence.start.isoformat()} on a known absence"
                        + (f", return expected {expected.isoformat()}" if expected else "")
                        + ": a known location abroad is never missing.",
                        profile,
                        facts,
                    )
                ],
                absence.start,
            )
    state, reasons, since = _in_the_united_kingdom(as_of, assessment, known, profile, contacts)
    return state, [*reasons, *returned], since


def _in_the_united_kingdom(
    as_of: date,
    assessment: Assessment,
    known: _Known,
    profile: Profile,
    contacts: list[_Contact],
) -> tuple[Whereabouts, list[Reason], date | None]:
    """The whereabouts of a person neither dead, detained nor on a known absence abroad: believed
    abroad, missing, not at the address, failing contact, verified or unverified."""
    last_contact = contacts[-1] if contacts else None
    after = last_contact[0] if last_contact else date.min
    # Evidence of leaving counts until the person is next seen in person: remote contact or a
    # trace enquiry may find them abroad (as for a known absence, in _whereabouts).
    in_person = [c[0] for c in contacts if c[4]]
    left = [
        (p, r) for p, r in known.of(LeftUnitedKingdom) if not in_person or r.date > in_person[-1]
    ]
    if left:
        path, evidence = left[-1]
        return (
            Whereabouts.BELIEVED_ABROAD,
            [
                _reason(
                    f"Evidence that the person left the UK on {evidence.date.isoformat()}, with no "
                    "absence abroad known from the person and no contact in person since: believed "
                    "abroad, not missing.",
                    profile,
                    [path],
                )
            ],
            evidence.date,
        )

    adverse = _adverse(as_of, assessment, known, profile, after)
    if last_contact is not None:
        contact_reason = _reason(
            f"Last positive contact on {last_contact[0].isoformat()}: {last_contact[1]}.",
            profile,
            [last_contact[2]],
        )
    else:
        contact_reason = _reason("No positive contact is recorded.", profile)
    missing = _missing(as_of, known, profile, adverse, after, last_contact)
    if missing is not None:
        return Whereabouts.WHEREABOUTS_UNKNOWN, [contact_reason, *missing[0]], missing[1]
    notes = []
    if (
        adverse
        and profile.missing_rule is MissingRule.TIME_BASED
        and profile.unknown_after_days is None
    ):
        notes.append(
            _reason(
                "The profile sets no number of days for its time-based rule, so it never marks "
                "anyone missing.",
                profile,
            )
        )
    for state in (Whereabouts.NOT_AT_ADDRESS, Whereabouts.CONTACT_FAILING):
        found = [a for a in adverse if a[0] is state]
        if found:
            return state, [contact_reason, *(a[1] for a in found), *notes], found[0][2]
    state, reasons, since = _verification(as_of, known, profile, contacts, contact_reason)
    if adverse:
        # An overdue notification with nothing else adverse: not verified, whatever the visits.
        reasons = [contact_reason, *(a[1] for a in adverse), *notes]
        return Whereabouts.UNVERIFIED, reasons, None
    return state, reasons, since


def _adverse(
    as_of: date, assessment: Assessment, known: _Known, profile: Profile, after: date
) -> list[tuple[Whereabouts | None, Reason, date]]:
    """The adverse facts since the last positive contact: failed visits at the threshold,
    evidence of not living at the address, an overdue notification that bears on location."""
    found: list[tuple[Whereabouts | None, Reason, date]] = []
    failed = [
        (p, v)
        for p, v in known.of(HomeVisit)
        if v.date > after and v.outcome in (VisitOutcome.NO_ANSWER, VisitOutcome.ACCESS_REFUSED)
    ]
    if len(failed) >= profile.failed_visits:
        found.append(
            (
                Whereabouts.CONTACT_FAILING,
                _reason(
                    f"{len(failed)} failed home visits in a row since the last positive contact "
                    f"(the profile's threshold is {profile.failed_visits}).",
                    profile,
                    [p for p, _ in failed],
                ),
                failed[profile.failed_visits - 1][1].date,
            )
        )
    elsewhere = [
        (p, r.date)
        for p, r in known.of(HomeVisit)
        if r.date > after and r.outcome is VisitOutcome.NOT_RESIDENT
    ] + [(p, r.date) for p, r in known.of(NotLivingAtAddress) if r.date > after]
    if elsewhere:
        elsewhere.sort(key=lambda pair: pair[1])
        found.append(
            (
                Whereabouts.NOT_AT_ADDRESS,
                _reason(
                    f"Evidence on {elsewhere[0][1].isoformat()} that the person does not live at "
                    "the notified home address, with no positive contact since.",
                    profile,
                    [p for p, _ in elsewhere],
                ),
                elsewhere[0][1],
            )
        )
    for duty in assessment.duties:
        if (
            duty.kind in _LOCATION_DUTIES
            and duty.breach is not None
            and as_of in duty.breach
            and duty.breach.start > after
        ):
            found.append(
                (
                    None,
                    _reason(
                        f"The {duty.kind.value.replace('_', ' ')} notification due by "
                        f"{duty.deadline.isoformat() if duty.deadline else ''} is overdue, with no "
                        "positive contact since: an adverse fact for whereabouts.",
                        profile,
                        [duty.fact],
                    ),
                    duty.breach.start,
                )
            )
    return found


def _missing(
    as_of: date,
    known: _Known,
    profile: Profile,
    adverse: list[tuple[Whereabouts | None, Reason, date]],
    after: date,
    last_contact: _Contact | None,
) -> tuple[list[Reason], date] | None:
    rule = profile.missing_rule
    if rule is MissingRule.MISSING_PERSON_REPORT:
        # A report counts while open, unless the person has been in contact since it was
        # opened (found: the report awaits closing).
        open_reports = [
            (p, r)
            for p, r in known.of(MissingPersonReport)
            if _live(r.date, r.closed, as_of) and after <= r.date
        ]
        if not open_reports:
            return None
        path, report = open_reports[0]
        return [
            _reason(
                f"A missing-person report is open since {report.date.isoformat()}.",
                profile,
                [path],
            )
        ], report.date
    if not adverse:
        return None
    reasons = [a[1] for a in adverse]
    if rule is MissingRule.TRACE_ENQUIRY:
        negative = [
            (p, t)
            for p, t in known.of(TraceEnquiry)
            if t.result is TraceResult.NEGATIVE
            and t.closed is not None
            and after < t.closed <= as_of
        ]
        if not negative:
            return None
        path, trace = negative[0]
        assert trace.closed is not None
        reasons.append(
            _reason(
                f"A trace enquiry closed on {trace.closed.isoformat()} with a negative result.",
                profile,
                [path],
            )
        )
        return reasons, trace.closed
    if profile.unknown_after_days is None:
        return None  # a time-based profile with no threshold never marks anyone missing
    start = last_contact[0] if last_contact is not None else min(a[2] for a in adverse)
    threshold = add_days(start, profile.unknown_after_days)
    if as_of < threshold:
        return None
    reasons.append(
        _reason(
            f"{profile.unknown_after_days} days have passed since "
            + (
                f"the last positive contact on {start.isoformat()}"
                if last_contact is not None
                else f"the first adverse fact on {start.isoformat()}"
            )
            + ".",
            profile,
        )
    )
    return reasons, threshold


def _visit_interval(
    as_of: date, known: _Known, profile: Profile
) -> tuple[CalendarPeriod | None, str]:
    if profile.visits is VisitSchedule.REACTIVE:
        return None, "reactive management: no routine home visits"
    if profile.visits is VisitSchedule.PLAN:
        plans = known.of(VisitPlan)
        if not plans:
            return None, "no visit plan is recorded"
        every = plans[-1][1].every
        return every, (
            f"the visit plan of {plans[-1][1].date.isoformat()}: every {every}"
            if every
            else "the visit plan is reactive: no routine home visits"
        )
    risks = known.of(RiskAssessment)
    if not risks:
        return None, "no risk level is recorded, so the table gives no interval"
    level: RiskLevel = risks[-1][1].level
    every = profile.visit_intervals.of(level)
    return every, f"risk level {level.value.replace('_', ' ')}: a visit every {every}"


def _verification(
    as_of: date,
    known: _Known,
    profile: Profile,
    contacts: list[_Contact],
    contact_reason: Reason,
) -> tuple[Whereabouts, list[Reason], date | None]:
    every, basis = _visit_interval(as_of, known, profile)
    seen = [c for c in contacts if c[3]]
    if every is not None and seen:
        last_seen = seen[-1]
        if add_period(last_seen[0], every) > as_of:
            return (
                Whereabouts.VERIFIED_AT_ADDRESS,
                [
                    _reason(
                        f"Seen living at the notified address on {last_seen[0].isoformat()}, "
                        f"within the visit interval ({basis}).",
                        profile,
                        [last_seen[2]],
                    )
                ],
                last_seen[0],
            )
    why = (
        f"No visit has confirmed the address within the interval ({basis})"
        if every is not None
        else f"The address is not verified by a visit interval ({basis})"
    )
    return (
        Whereabouts.UNVERIFIED,
        [contact_reason, _reason(why + "; nothing adverse is recorded.", profile)],
        None,
    )


# A home visit is due only for a person who may be at home: not one detained, abroad, believed
# abroad, missing or known not to live at the address (tracing, not a visit, is then the step).
_VISITABLE = frozenset(
    {Whereabouts.VERIFIED_AT_ADDRESS, Whereabouts.UNVERIFIED, Whereabouts.CONTACT_FAILING}
)


def _visit_due(as_of: date, known: _Known, profile: Profile) -> Iterable[Flag]:
    every, basis = _visit_interval(as_of, known, profile)
    if every is None:
        return
    visits = [v for _, v in known.of(HomeVisit)]
    due = add_period(visits[-1].date, every) if visits else None
    if due is None or due <= as_of:
        yield Flag(
            name="visit_due",
            basis=Basis.POLICY,
            since=due,
            reasons=(
                _reason(
                    (
                        f"The last home visit was on {visits[-1].date.isoformat()}; the next was "
                        f"due by {add_days(due, -1).isoformat()} ({basis})."
                        if due is not None
                        else f"No home visit is recorded ({basis})."
                    ),
                    profile,
                ),
            ),
        )


_MARKER_WORDS = {
    MarkerKind.LOCATE_TRACE: "locate/trace",
    MarkerKind.RECALLED: "recalled to prison",
    MarkerKind.INTERNATIONAL_CIRCULATION: "international circulation",
}


def _markers(as_of: date, known: _Known, state: Whereabouts) -> Iterable[Flag]:
    warrants = [(p, w) for p, w in known.of(Warrant) if _live(w.date, w.ended, as_of)]
    if warrants:
        _, warrant = warrants[0]
        yield Flag(
            name="wanted",
            basis=Basis.RECORDED_FACT,
            since=warrant.date,
            reasons=(
                _marker_reason(
                    f"A warrant issued on {warrant.date.isoformat()} is live.",
                    [p for p, _ in warrants],
                ),
            ),
        )
    reports = [(p, r) for p, r in known.of(MissingPersonReport) if _live(r.date, r.closed, as_of)]
    if reports:
        yield Flag(
            name="missing_person_report",
            basis=Basis.RECORDED_FACT,
            since=reports[0][1].date,
            reasons=(
                _marker_reason(
                    f"A missing-person report is open since {reports[0][1].date.isoformat()}.",
                    [p for p, _ in reports],
                ),
            ),
        )
    for kind in MarkerKind:
        live = [
            (p, m)
            for p, m in known.of(Marker)
            if m.kind is kind and _live(m.date, m.cancelled, as_of)
        ]
        if not live:
            continue
        statement = f"A {_MARKER_WORDS[kind]} marker is set since {live[0][1].date.isoformat()}."
        if kind is MarkerKind.RECALLED and not warrants:
            statement += (
                " Recalled to prison with no live warrant recorded: 'wanted' needs a live "
                "warrant, so this marker alone does not make the headline 'wanted'."
            )
        yield Flag(
            name=kind.value,
            basis=Basis.RECORDED_FACT,
            since=live[0][1].date,
            reasons=(_marker_reason(statement, [p for p, _ in live]),),
        )
