"""The results of an assessment: registration, duties, their states, and the reasons for each.

Every value here is immutable. Every derived fact carries :class:`Reason` values: the rule that
produced it, its citation, the facts it used and the dates it computed.

>>> from datetime import date
>>> r = Reason(rule_id="ew.s83.initial", citation="Sexual Offences Act 2003 s.83(1), (6)",
...            statement="3 days beginning with 2021-03-01 end 2021-03-03.",
...            dates=(("deadline", date(2021, 3, 3)),))
>>> r.date("deadline")
datetime.date(2021, 3, 3)
"""

from __future__ import annotations

import enum
import functools
from datetime import date
from typing import TYPE_CHECKING

import attrs

from ._pickling import tuple_state
from .calendar import END_OF_TIME, CalendarPeriod, DateInterval, IntervalSet, add_days
from .policy import Policy

if TYPE_CHECKING:
    from .law import Rule
    from .links import Link

__all__ = [
    "Assessment",
    "Duty",
    "DutyKind",
    "DutyState",
    "Headline",
    "Reason",
    "Registration",
    "Responsible",
    "Source",
]


@tuple_state
@attrs.frozen(kw_only=True)
class Reason:
    """Why one step came out as it did.

    ``facts`` are the paths of the facts used (``triggers[0]``, ``notifications[2]``); ``dates`` the
    named dates computed; ``readings`` the policy readings relied on (``leap_day=next_day``).
    ``rule`` is the :class:`~sexoffender_rules.law.Rule` that gave the reason (set by
    :meth:`Rule.reason <sexoffender_rules.law.Rule.reason>`; ``None`` for a reason from a
    police-policy profile or a recorded fact): its citations give the reason's links to
    legislation.gov.uk (:meth:`links`). It takes no part in comparing reasons.

    >>> Reason(rule_id="x", citation="Act s.1", statement="S.").facts
    ()
    """

    rule_id: str
    citation: str
    statement: str
    facts: tuple[str, ...] = ()
    dates: tuple[tuple[str, date], ...] = ()
    readings: tuple[str, ...] = ()
    rule: Rule | None = attrs.field(default=None, eq=False, repr=False)

    def links(self, on: date) -> tuple[Link, ...]:
        """The addresses on legislation.gov.uk of the provisions this reason cites, as they stood
        on ``on`` (see :func:`~sexoffender_rules.links.reason_links`).

        >>> Reason(rule_id="x", citation="", statement="S.").links(date(2026, 1, 1))
        ()
        """
        from .links import reason_links

        return reason_links(self, on)

    def date(self, name: str) -> date | None:
        """The computed date called ``name``, if this reason has one.

        >>> Reason(rule_id="x", citation="", statement="S.").date("deadline") is None
        True
        """
        return dict(self.dates).get(name)


class DutyKind(str, enum.Enum):
    """The kinds of duty to notify. ``FOREIGN_TRAVEL`` is notice of a trip abroad before leaving,
    ``TRAVEL_CHANGE`` notice of a change of its notified details, ``TRAVEL_RETURN`` notice of a
    return not notified in advance or differing (s.86; SI 2004/1220 as amended).

    >>> DutyKind("periodic").value
    'periodic'
    """

    INITIAL = "initial"
    CHANGE_OF_NAME = "change_of_name"
    CHANGE_OF_HOME_ADDRESS = "change_of_home_address"
    QUALIFYING_STAY = "qualifying_stay"
    RELEASE = "release"
    PERIODIC = "periodic"
    NON_OCCURRENCE = "non_occurrence"
    FOREIGN_TRAVEL = "foreign_travel"
    TRAVEL_CHANGE = "travel_change"
    TRAVEL_RETURN = "travel_return"
    PRESCRIBED_CHANGE = "prescribed_change"


class Responsible(str, enum.Enum):
    """Who bears a duty to notify: the offender, or (while a parental direction under s.89 has
    effect on the duty's deadline) the parent, on whom the obligations under ss.83-86 are
    treated as falling (s.89(2)(a)); a failure then is the parent's offence (s.91(1)(a)).

    >>> Responsible("parent").value
    'parent'
    """

    OFFENDER = "offender"
    PARENT = "parent"


class DutyState(str, enum.Enum):
    """Where a duty stands on the assessment date.

    - ``PENDING``: not yet arisen in full (an advance notification whose event may still occur).
    - ``OPEN``: the window is running and the deadline is known.
    - ``MET``: discharged on or before the deadline.
    - ``MET_LATE``: discharged after the deadline; the duty has a breach interval.
    - ``OVERDUE``: not discharged and the deadline has passed; the breach continues.
    - ``SUSPENDED``: the deadline cannot be fixed because the person is detained or abroad.
    - ``UNDETERMINED``: the deadline rests on a fact not recorded (such as the date of service of
      an order, which starts the initial notification): it is not fixed, and no notification was
      given by the earliest day it can be, so the duty is neither met nor in breach until the
      fact is known (a notification by that day meets it whatever the fact: ``MET``); or
      the deadline is fixed but falls on a day on which being subject rests on a fact not
      recorded (after :attr:`Source.taken_until`), and it was not met by then.
    - ``NOT_REQUIRED``: an exception applies, or the requirements end before the deadline.

    A breach is prima facie only: SOA 2003 s.91(1) requires a failure "without reasonable excuse".

    >>> DutyState.MET_LATE.value
    'met_late'
    """

    PENDING = "pending"
    OPEN = "open"
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    SUSPENDED = "suspended"
    UNDETERMINED = "undetermined"
    NOT_REQUIRED = "not_required"


class Headline(str, enum.Enum):
    """The one-word summary of an assessment.

    - ``NOT_SUBJECT``: no conviction, finding or caution has made the person subject (by the
      assessment date: one before 1 May 2004 makes the person subject only from that day).
    - ``ENDED``: every notification period has ended by the assessment date.
    - ``IN_BREACH``: a duty is in prima facie breach on the assessment date (a failure that
      continues, s.91(3)); a breach that was cured, that ended with the requirements, or that
      is not a continuing one (s.84(4)(b)) is a past breach, kept on the duty.
    - ``DUE``: a duty other than the periodic one is open or suspended, or a duty is
      undetermined (a periodic one only once its fixed deadline has passed), or whether the
      person is subject on the assessment date rests on a fact not recorded.
    - ``COMPLIANT``: otherwise (the periodic duty may be running).

    >>> Headline("in_breach")
    <Headline.IN_BREACH: 'in_breach'>
    """

    NOT_SUBJECT = "not_subject"
    COMPLIANT = "compliant"
    DUE = "due"
    IN_BREACH = "in_breach"
    ENDED = "ended"


@tuple_state
@attrs.frozen(kw_only=True)
class Source:
    """One conviction, finding or caution that makes the person subject, and its period.

    ``period`` is ``None`` when the period is indefinite or undetermined; ``end`` is the last day
    of the period, ``None`` when indefinite or undetermined. ``missing`` names the facts wanting,
    and ``undetermined`` says whether their absence leaves the period open (by default, whenever
    one is wanting). A missing date of service of an order leaves only a date of the duties open
    (SOA 2003 s.103G(3), s.98(4)): the period through it is known, and the source is not
    undetermined. ``subject_from`` is the first day the person is subject through
    it where that differs from the relevant date (SOA 2003 s.81(1): a person convicted before
    1 May 2004 is subject from that day; see below for orders); ``None`` means from the relevant
    date. ``kept_by`` names
    the order (``orders[0]``) under which the person remains subject after the period would have
    ended (SOA 2003 s.103G(1)), and ``kept_until`` is the last day so subject (``None`` while that
    order has effect until further order). ``review_from`` is, for an indefinite period, the
    first day the person may apply for a review of it (SOA 2003 ss.91A-91B), where known.

    For a conviction, finding or caution abroad, ``applied_by`` names the notification order or
    police notice (``orders[0]``) that applies Part 2 to it (SOA 2003 s.98, s.96ZA), and
    ``subject_from`` is the day it was made or given; ``initial_from`` is then the first of the
    3 days for the initial notification (the date of service of the order where later than the
    relevant date, s.98(4); the day the notice was given, s.83(1A)), and ``commencement`` the day
    read as the commencement of Part 2 in s.85(2)(a) (the date of service of a notification
    order, s.98(4)); both ``None`` otherwise. An order served after the day it was made on a
    person not then a relevant offender (SOA 2003 s.103G(2)-(3)) has ``subject_from`` the day
    it was made and ``initial_from`` its date of service, the relevant date.

    ``taken_until`` is, for a period that a missing fact leaves undetermined, the last day the
    person is taken to be subject through it (a conviction with no disposal recorded: the end of
    the period for a person of "any other description", SOA 2003 s.82(1), a documented
    reading); being subject through it after that day rests on the missing facts. ``None`` where
    no such day is known.

    >>> s = Source(trigger_id="t1", fact="triggers[0]", relevant_date=date(2021, 3, 1),
    ...            period=CalendarPeriod(years=10), end=date(2031, 2, 28))
    >>> s.period_text
    '10 years'
    >>> Source(trigger_id="t", fact="f", relevant_date=date(2021, 3, 1), period=None,
    ...        end=None, missing=("triggers[0].disposal",)).undetermined
    True
    """

    trigger_id: str
    fact: str
    relevant_date: date
    period: CalendarPeriod | None
    end: date | None
    indefinite: bool = False
    missing: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    subject_from: date | None = None
    lapsed: DateInterval | None = None
    kept_by: str | None = None
    kept_until: date | None = None
    review_from: date | None = None
    applied_by: str | None = None
    initial_from: date | None = None
    commencement: date | None = None
    taken_until: date | None = None
    undetermined: bool = attrs.field(
        default=attrs.Factory(lambda self: bool(self.missing), takes_self=True)
    )

    @property
    def last_day(self) -> date | None:
        """The last day the person is subject through this source: ``kept_until`` where an order
        keeps the person subject, else ``end``; ``None`` if there is no such day.

        >>> Source(trigger_id="t", fact="f", relevant_date=date(2019, 1, 7),
        ...        period=CalendarPeriod(years=5), end=date(2024, 1, 6), kept_by="orders[0]",
        ...        kept_until=date(2029, 1, 6)).last_day
        datetime.date(2029, 1, 6)
        """
        return self.kept_until if self.kept_by is not None else self.end

    @property
    def start(self) -> date:
        """The first day the person is subject through this source.

        >>> Source(trigger_id="t", fact="f", relevant_date=date(1999, 1, 10), period=None,
        ...        end=None, indefinite=True, subject_from=date(2004, 5, 1)).start
        datetime.date(2004, 5, 1)
        """
        return self.subject_from or self.relevant_date

    @property
    def initial_since(self) -> date:
        """The first day a notification can answer the initial notification, and the day whose
        eve SOA 2003 s.83(2)(a) looks at: the first day subject through an order or notice
        whose 3 days begin later (``initial_from`` set), else the relevant date.

        >>> Source(trigger_id="o", fact="orders[0]", relevant_date=date(2024, 1, 20),
        ...        period=None, end=None, subject_from=date(2024, 1, 8),
        ...        initial_from=date(2024, 1, 20)).initial_since
        datetime.date(2024, 1, 8)
        """
        return self.start if self.initial_from is not None else self.relevant_date

    @functools.cached_property
    def subject_days(self) -> IntervalSet:
        """The days the person is subject through this source (worked out once): :attr:`days` less ``lapsed``, the
        days between the end of an earlier period and a re-sentence that made the person subject
        again (an undetermined period counts as running on).

        >>> s = Source(trigger_id="t", fact="f", relevant_date=date(2021, 3, 1),
        ...            period=CalendarPeriod(years=2), end=date(2023, 2, 28),
        ...            lapsed=DateInterval(date(2022, 3, 1), date(2022, 6, 1)))
        >>> s.subject_days.days
        638
        """
        days = IntervalSet.of(self.days or DateInterval(self.start, END_OF_TIME))
        return days - IntervalSet.of(self.lapsed) if self.lapsed is not None else days

    @property
    def period_text(self) -> str:
        """The period in words: ``'10 years'``, ``'indefinite'`` or ``'undetermined'``.

        >>> Source(trigger_id="t", fact="f", relevant_date=date(2021, 3, 1), period=None,
        ...        end=None, indefinite=True).period_text
        'indefinite'
        """
        if self.indefinite:
            return "indefinite"
        if self.kept_by is not None and self.kept_until is None:
            return "until further order"
        if self.period is None:
            # An indefinite period cut short (SOA 2003 s.82(5)) has an end but no length.
            return "undetermined" if self.end is None else f"until {self.end.isoformat()}"
        return str(self.period)

    @property
    def days(self) -> DateInterval | None:
        """The days the person is subject through this source; ``None`` if undetermined.

        >>> Source(trigger_id="t", fact="f", relevant_date=date(2021, 3, 1),
        ...        period=CalendarPeriod(years=2), end=date(2023, 2, 28)).days.days
        730
        >>> Source(trigger_id="t", fact="f", relevant_date=date(1999, 1, 10),
        ...        period=CalendarPeriod(years=7), end=date(2006, 1, 9),
        ...        subject_from=date(2004, 5, 1)).days.start
        datetime.date(2004, 5, 1)
        """
        if self.indefinite or (self.kept_by is not None and self.kept_until is None):
            return DateInterval(self.start, END_OF_TIME)
        last = self.last_day
        if last is None:
            return None
        return DateInterval(self.start, add_days(last, 1))


@tuple_state
@attrs.frozen(kw_only=True)
class Registration:
    """Whether the person is subject on the assessment date, through which sources, until when.

    ``end`` is the last day of the latest period (``None`` if any source is indefinite or
    undetermined, or there is none); ``indefinite`` and ``undetermined`` say which.

    >>> Registration(subject=False, sources=(), end=None).ever_subject
    False
    """

    subject: bool
    sources: tuple[Source, ...]
    end: date | None
    indefinite: bool = False
    undetermined: bool = False
    reasons: tuple[Reason, ...] = ()
    died: date | None = None

    @functools.cached_property
    def subject_days(self) -> IntervalSet:
        """The days the person is subject through any source (an undetermined period counts as
        running on), ending with the day of death where the person has died (worked out once).

        >>> Registration(subject=False, sources=(), end=None).subject_days.is_empty
        True
        """
        days = IntervalSet(())
        for source in self.sources:
            days = days | source.subject_days
        if self.died is not None:
            days = days & IntervalSet.of(DateInterval(date.min, add_days(self.died, 1)))
        return days

    @functools.cached_property
    def unsettled_days(self) -> IntervalSet:
        """The days the person is subject only through periods past the day each is taken to
        last (:attr:`Source.taken_until`): being subject on them rests on facts not recorded.

        >>> s = Source(trigger_id="t", fact="triggers[0]", relevant_date=date(2005, 3, 1),
        ...            period=None, end=None, missing=("triggers[0].disposal: wanted",),
        ...            taken_until=date(2010, 2, 28))
        >>> str(Registration(subject=True, sources=(s,), end=None).unsettled_days)
        '2010-03-01 to 9999-12-30'
        """
        if all(s.taken_until is None for s in self.sources):
            return IntervalSet(())
        known = IntervalSet(())
        for source in self.sources:
            days = source.subject_days
            if source.taken_until is not None:
                days = days & IntervalSet.of(
                    DateInterval(date.min, add_days(source.taken_until, 1))
                )
            known = known | days
        return self.subject_days - known

    def unsettled_from(self, day: date) -> tuple[date, tuple[str, ...]] | None:
        """The first day on or after ``day`` on which being subject rests on facts not recorded
        (:attr:`unsettled_days`), and those facts; ``None`` if there is none.

        >>> s = Source(trigger_id="t", fact="triggers[0]", relevant_date=date(2005, 3, 1),
        ...            period=None, end=None, missing=("triggers[0].disposal: wanted",),
        ...            taken_until=date(2010, 2, 28))
        >>> r = Registration(subject=True, sources=(s,), end=None)
        >>> r.unsettled_from(date(2006, 3, 3)), r.unsettled_from(date(2011, 1, 1))[0]
        ((datetime.date(2010, 3, 1), ('triggers[0].disposal',)), datetime.date(2011, 1, 1))
        """
        unsettled = self.unsettled_days
        if unsettled.is_empty:
            return None
        span = next(unsettled.spans_from(day), None)
        if span is None:
            return None
        first = max(span.start, day)
        facts = tuple(
            m.partition(":")[0]
            for s in self.sources
            if s.taken_until is not None and s.taken_until < first and first in s.subject_days
            for m in s.missing
        )
        return first, facts

    def rests_on(self, day: date) -> tuple[str, ...]:
        """The facts not recorded on which being subject on ``day`` rests (:attr:`unsettled_days`);
        none where it does not.

        >>> s = Source(trigger_id="t", fact="triggers[0]", relevant_date=date(2005, 3, 1),
        ...            period=None, end=None, missing=("triggers[0].disposal: wanted",),
        ...            taken_until=date(2010, 2, 28))
        >>> r = Registration(subject=True, sources=(s,), end=None)
        >>> r.rests_on(date(2010, 2, 28)), r.rests_on(date(2010, 3, 1))
        ((), ('triggers[0].disposal',))
        """
        found = self.unsettled_from(day)
        return found[1] if found is not None and found[0] == day else ()

    @property
    def ever_subject(self) -> bool:
        """Whether any source made the person subject by the assessment date.

        >>> Registration(subject=True, sources=(Source(trigger_id="t", fact="f",
        ...     relevant_date=date(2021, 1, 1), period=None, end=None, indefinite=True),),
        ...     end=None, indefinite=True).ever_subject
        True
        """
        return bool(self.sources)


@tuple_state
@attrs.frozen(kw_only=True)
class Duty:
    """One duty to notify, and where it stands.

    ``trigger_date`` is the day the duty arose from (the relevant date, the event, the release,
    the notification that started a periodic cycle, the expected date of an advance
    notification). ``fact`` is the path of the fact it arose from. ``deadline`` is the last day to
    comply (``None`` while it cannot be fixed). ``breach`` holds the days of prima facie breach:
    from the day after the deadline up to and including the day it was cured, open-ended
    (:data:`~sexoffender_rules.calendar.END_OF_TIME`) while it continues. ``responsible`` names
    who bears the duty (:class:`Responsible`): the parent while a parental direction has effect on
    the deadline. A breach is reported either way; where the parent is responsible, the failure
    is the parent's offence, not the young offender's.

    >>> d = Duty(kind=DutyKind.INITIAL, trigger_date=date(2022, 4, 4), fact="triggers[0]",
    ...          deadline=date(2022, 4, 6), state=DutyState.MET_LATE, discharged_by="n1",
    ...          breach=DateInterval(date(2022, 4, 7), date(2022, 4, 12)))
    >>> d.breach_days, d.is_breached
    (5, True)
    """

    kind: DutyKind
    trigger_date: date
    fact: str
    deadline: date | None
    state: DutyState
    discharged_by: str | None = None
    breach: DateInterval | None = None
    reasons: tuple[Reason, ...] = ()
    responsible: Responsible = Responsible.OFFENDER

    @property
    def is_breached(self) -> bool:
        """Whether the duty was or is in prima facie breach.

        >>> Duty(kind=DutyKind.PERIODIC, trigger_date=date(2022, 1, 1), fact="f",
        ...      deadline=date(2023, 1, 1), state=DutyState.OPEN).is_breached
        False
        """
        return self.breach is not None

    @property
    def breach_days(self) -> int | None:
        """Days in breach, ``None`` if none or still continuing.

        >>> Duty(kind=DutyKind.PERIODIC, trigger_date=date(2022, 1, 1), fact="f",
        ...      deadline=date(2023, 1, 1), state=DutyState.OPEN).breach_days is None
        True
        """
        if self.breach is None or self.breach.is_unbounded:
            return None
        return self.breach.days


@tuple_state
@attrs.frozen(kw_only=True)
class Assessment:
    """Everything decided about one case on one date.

    ``duties`` lists every duty that arose by ``as_of``, ordered by trigger date. ``missing``
    names facts whose absence left something undetermined; ``flags`` are points for human review:
    a term in weeks within 7 days of a boundary of the s.82 table, and each reading of the law
    (a :class:`~sexoffender_rules.policy.Policy` field) that the result depends on, found by
    assessing the case again under the other reading and naming what would differ.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> a = assess(Case(person=Person(reference="FICTIONAL-0003", date_of_birth=date(1990, 1, 1))),
    ...            date(2026, 1, 1))
    >>> a.headline, a.duties
    (<Headline.NOT_SUBJECT: 'not_subject'>, ())
    """

    as_of: date
    jurisdiction: str
    ruleset: str
    policy: Policy
    registration: Registration
    duties: tuple[Duty, ...]
    headline: Headline
    next_deadline: date | None
    missing: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    def duties_of(self, kind: DutyKind) -> tuple[Duty, ...]:
        """The duties of one kind.

        >>> from sexoffender_rules import assess
        >>> from sexoffender_rules.model import Case, Person
        >>> assess(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...        date(2026, 1, 1)).duties_of(DutyKind.INITIAL)
        ()
        """
        return tuple(d for d in self.duties if d.kind is kind)

    @property
    def rule_ids(self) -> frozenset[str]:
        """The ids of every rule that gave a reason in this assessment.

        >>> from sexoffender_rules import assess
        >>> from sexoffender_rules.model import Case, Person
        >>> sorted(assess(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...               date(2026, 1, 1)).rule_ids)
        ['ew.s80.subject']
        """
        reasons = [*self.reasons, *self.registration.reasons]
        for source in self.registration.sources:
            reasons.extend(source.reasons)
        for duty in self.duties:
            reasons.extend(duty.reasons)
        return frozenset(r.rule_id for r in reasons)
