"""The engine: one pass over a case's facts, with the rules of its jurisdiction.

The engine knows no jurisdiction: it finds the ruleset of a case's jurisdiction through the
registry (:func:`~sexoffender_rules.rulesets.ruleset_for`), or is given one. It

1. builds a :class:`Timeline`: the facts known on the assessment date, sorted once, with the days
   away from liberty (:class:`~sexoffender_rules.calendar.DisregardedTime`), the releases and an
   index of notifications built once;
2. asks the ruleset who is subject (``ruleset.registration``) and for the duties
   (``ruleset.duties``), each a :class:`DutyFinding` with its deadline and the notification that
   answered it;
3. settles each duty's state on the assessment date in one general way (:func:`settle`): met,
   late, overdue, open, suspended, undetermined, pending or not required, with the breach
   interval; a duty whose deadline falls after the requirements end is not required;
4. sums up the headline.

A fact dated after the assessment date is treated as not yet known: a detention that ends later is
still running, a stay is cut at the assessment date. An event with a ``known`` date after the
assessment date (a move found out later) is not yet known either; once known, the ledger uses the
date it happened.

>>> from datetime import date
>>> from sexoffender_rules.model import Case, Person, Trigger
>>> case = Case(person=Person(reference="FICTIONAL-0004", date_of_birth=date(1985, 5, 5)),
...             triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),))
>>> result = assess(case, date(2026, 3, 7))
>>> result.headline.value, result.duties[0].deadline
('due', datetime.date(2026, 3, 8))
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

import attrs

from ._gc import fewer_collections
from .assessment import (
    Assessment,
    Duty,
    DutyKind,
    DutyState,
    Headline,
    Reason,
    Registration,
    Responsible,
)
from .calendar import (
    END_OF_TIME,
    DateInterval,
    DisregardedTime,
    IntervalSet,
    Spell,
    add_days,
    check_civil_date,
)
from .errors import AmbiguousReadingError, WrongTypeError
from .law import Ruleset
from .model import (
    AbsenceAbroad,
    Case,
    Detention,
    Event,
    Notification,
    NotificationKind,
    Stay,
    Trigger,
)
from .policy import FailureAfterRequirementsEnd, PartialDays, Policy
from .records import Death
from .rulesets import UnknownJurisdictionError, ruleset_for

__all__ = [
    "Alternative",
    "DutyFinding",
    "NotificationIndex",
    "Timeline",
    "UnknownJurisdictionError",
    "assess",
    "change_keys",
    "ruleset_for",
    "settle",
]

T = TypeVar("T")


# --------------------------------------------------------------------------------------------
# The timeline
# --------------------------------------------------------------------------------------------


def change_keys(notification: Notification) -> list[tuple[str, object]]:
    """The changes a notification notifies, as index keys: each name, the home address, and
    each other premises.

    >>> from sexoffender_rules.model import Notification
    >>> change_keys(Notification(id="n", date=date(2026, 1, 1), kind="advance",
    ...                          expected_date=date(2026, 1, 9), names=("NAME-B",)))
    [('name', 'NAME-B')]
    """
    keys: list[tuple[str, object]] = [("name", name) for name in dict.fromkeys(notification.names)]
    if notification.home_address is not None:
        keys.append(("home", notification.home_address))
    keys += [("premises", ref) for ref in dict.fromkeys(notification.other_premises)]
    return keys


@attrs.frozen
class NotificationIndex:
    """The notifications known on the assessment date, indexed once for look-ups by content.

    Each look-up is a binary search in one key's dates: finding the notification that answers a
    duty never rescans the whole history.

    >>> from sexoffender_rules.model import Notification
    >>> index = NotificationIndex.build([
    ...     Notification(id="n1", date=date(2022, 1, 3), kind="change", names=("NAME-B",))])
    >>> index.first(("name", "NAME-B"), date(2022, 1, 1)).id
    'n1'
    >>> index.first(("name", "NAME-B"), date(2022, 1, 4)) is None
    True
    """

    by_key: dict[Hashable, tuple[tuple[date, ...], tuple[Notification, ...]]]

    @classmethod
    def build(cls, notifications: Iterable[Notification]) -> NotificationIndex:
        """Index notifications (already in date order) by every key they answer to.

        Keys: ``("any",)``; ``("kind", kind)``; ``("name", name)``; ``("home", HomeAddress)``;
        ``("premises", reference)`` for the home address and other premises; ``("release",)``;
        ``("non_occurrence", expected_date)``; ``("departure", kind, departure)`` for a travel or
        return notification of the trip leaving on ``departure``; ``("prescribed", reference)`` and
        ``("prescribed", reference, kind)`` for each prescribed reference; and each content key
        with the notification's kind after it (``("name", name, NotificationKind.CHANGE)``).

        >>> NotificationIndex.build([]).first(("any",), date(2020, 1, 1)) is None
        True
        """
        grouped: dict[Hashable, list[Notification]] = defaultdict(list)
        for n in notifications:
            keys: list[Hashable] = [("any",), ("kind", n.kind)]
            keys += [key for key in change_keys(n) if key[0] != "premises"]
            keys += [("premises", ref) for ref in dict.fromkeys(n.premises)]
            if n.release:
                keys.append(("release",))
            if n.kind is NotificationKind.NON_OCCURRENCE:
                keys.append(("non_occurrence", n.expected_date))
            if n.departure is not None:
                keys.append(("departure", n.kind, n.departure))
            for ref in dict.fromkeys(n.prescribed):
                keys += [("prescribed", ref), ("prescribed", ref, n.kind)]
            for key in keys:
                grouped[key].append(n)
                if isinstance(key, tuple) and key[0] in ("name", "home", "premises"):
                    grouped[(key[0], key[1], n.kind)].append(n)
        return cls({key: (tuple(n.date for n in ns), tuple(ns)) for key, ns in grouped.items()})

    def first(
        self, key: Hashable, on_or_after: date, *, before: date | None = None
    ) -> Notification | None:
        """The first notification with ``key`` dated on or after ``on_or_after`` (and before
        ``before``, if given).

        >>> NotificationIndex.build([]).first(("kind", "initial"), date(2020, 1, 1)) is None
        True
        """
        dates, notifications = self.by_key.get(key, ((), ()))
        i = bisect.bisect_left(dates, on_or_after)
        if i < len(dates) and (before is None or dates[i] < before):
            return notifications[i]
        return None

    def first_among(
        self, keys: Iterable[Hashable], on_or_after: date, *, before: date | None = None
    ) -> Notification | None:
        """The first notification, in the timeline's order (date, then id), with any of ``keys``
        dated on or after ``on_or_after`` (and before ``before``, if given).

        >>> from sexoffender_rules.model import Notification
        >>> index = NotificationIndex.build([
        ...     Notification(id="n1", date=date(2022, 1, 3), kind="periodic", names=("NAME-B",)),
        ...     Notification(id="n2", date=date(2022, 1, 5), kind="change", names=("NAME-B",))])
        >>> kinds = (NotificationKind.CHANGE, NotificationKind.PERIODIC)
        >>> index.first_among([("name", "NAME-B", k) for k in kinds], date(2022, 1, 1)).id
        'n1'
        >>> index.first_among([("name", "NAME-B", kinds[0])], date(2022, 1, 1)).id
        'n2'
        """
        found = (self.first(key, on_or_after, before=before) for key in keys)
        return min((n for n in found if n is not None), key=lambda n: (n.date, n.id), default=None)

    def last_before(self, key: Hashable, day: date) -> Notification | None:
        """The last notification with ``key`` dated before ``day``.

        >>> NotificationIndex.build([]).last_before(("any",), date(2020, 1, 1)) is None
        True
        """
        dates, notifications = self.by_key.get(key, ((), ()))
        i = bisect.bisect_left(dates, day)
        return notifications[i - 1] if i else None

    def all(self, key: Hashable) -> tuple[Notification, ...]:
        """Every notification with ``key``, in date order.

        >>> NotificationIndex.build([]).all(("any",))
        ()
        """
        return self.by_key.get(key, ((), ()))[1]


@attrs.frozen(kw_only=True)
class Timeline:
    """A case's facts as known on ``as_of``, sorted once, with what every rule needs derived once.

    ``paths`` maps each fact object to its path in the case (``events[2]``) for explanations.

    >>> from sexoffender_rules.model import Case, Person, Detention
    >>> case = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)),
    ...             detentions=(Detention(kind="remand", start=date(2026, 1, 1),
    ...                                   end=date(2026, 3, 1)),))
    >>> Timeline.build(case, date(2026, 2, 1), Policy()).releases
    ()
    >>> Timeline.build(case, date(2026, 3, 1), Policy()).releases
    (datetime.date(2026, 3, 1),)
    """

    case: Case
    as_of: date
    policy: Policy
    triggers: tuple[Trigger, ...]
    events: tuple[Event, ...]
    notifications: tuple[Notification, ...]
    away: DisregardedTime
    releases: tuple[date, ...]
    index: NotificationIndex
    paths: dict[int, str]
    _derived: dict[str, object] = attrs.field(factory=dict, repr=False, eq=False)

    def derive(self, name: str, compute: Callable[[Timeline], T]) -> T:
        """``compute(self)``, computed once and kept: facts that several rules of a ruleset need
        (the days each change occurred, say) are derived once per assessment.

        >>> from sexoffender_rules.model import Case, Person
        >>> t = Timeline.build(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...                    date(2026, 1, 1), Policy())
        >>> t.derive("count", lambda t: len(t.notifications)), t.derive("count", lambda t: 99)
        (0, 0)
        """
        if name not in self._derived:
            self._derived[name] = compute(self)
        return self._derived[name]  # type: ignore[return-value]

    @classmethod
    def build(cls, case: Case, as_of: date, policy: Policy) -> Timeline:
        """Sort the facts known on ``as_of`` and derive the shared interval sets.

        >>> from sexoffender_rules.model import Case, Person
        >>> Timeline.build(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...                date(2026, 1, 1), Policy()).triggers
        ()
        """
        paths: dict[int, str] = {}
        names = ("triggers", "detentions", "absences_abroad", "events", "notifications", "orders")
        for name in names:
            for i, fact in enumerate(getattr(case, name)):
                paths[id(fact)] = f"{name}[{i}]"

        def order(fact: object) -> str:
            return paths[id(fact)]

        triggers = tuple(
            sorted(
                (t for t in case.triggers if t.relevant_date <= as_of),
                key=lambda t: (t.relevant_date, order(t)),
            )
        )
        events: list[Event] = []
        for event in case.events:
            if event.date > as_of or (event.known is not None and event.known > as_of):
                continue  # not yet happened, or not yet known on the assessment date
            if isinstance(event, Stay) and event.last_day > as_of:
                clipped = attrs.evolve(event, last_day=as_of)
                paths[id(clipped)] = order(event)
                event = clipped
            events.append(event)
        events.sort(key=lambda e: (e.date, order(e)))
        # Notifications on one day are taken in the order of their ids, so that the result does
        # not depend on the order the facts were given in.
        notifications = tuple(
            sorted((n for n in case.notifications if n.date <= as_of), key=lambda n: (n.date, n.id))
        )
        detention_spells = _known_spells(case.detentions, as_of)
        spells = detention_spells + _known_spells(case.absences_abroad, as_of)
        releases = _releases(detention_spells)
        return cls(
            case=case,
            as_of=as_of,
            policy=policy,
            triggers=triggers,
            events=tuple(events),
            notifications=notifications,
            away=DisregardedTime.from_spells(spells, policy.partial_days),
            releases=releases,
            index=NotificationIndex.build(notifications),
            paths=paths,
        )

    def under(self, policy: Policy) -> Timeline:
        """The timeline of the same case and date under ``policy``: the sorted facts, paths and
        notification index are kept (no reading changes them), the days away are counted again
        where the partial-day reading differs, and nothing derived is kept.

        >>> from sexoffender_rules.model import Case, Person
        >>> t = Timeline.build(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...                    date(2026, 1, 1), Policy())
        >>> t.under(Policy(release_notified_by_attendance=False)).index is t.index
        True
        """
        if policy.partial_days is not self.policy.partial_days:
            return Timeline.build(self.case, self.as_of, policy)
        return attrs.evolve(self, policy=policy, derived={})

    def away_under(self, reading: PartialDays) -> DisregardedTime:
        """The days away under ``reading`` of a day partly spent away (kept once worked out): a
        rule finds from it what it would count under another reading than the policy's
        (:class:`Alternative`).

        >>> from sexoffender_rules.model import Case, Person
        >>> t = Timeline.build(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...                    date(2026, 1, 1), Policy())
        >>> t.away_under(PartialDays.WHOLE_DAY_AT_LIBERTY).days(PartialDays.WHOLE_DAY_AT_LIBERTY)
        IntervalSet(spans=())
        """
        return self.derive(f"away:{reading.value}", lambda t: t.away.under(reading))

    def path(self, fact: object) -> str:
        """The path of ``fact`` in the case, such as ``notifications[3]``.

        >>> from sexoffender_rules.model import Case, Person, Trigger
        >>> case = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)),
        ...             triggers=(Trigger(id="t1", kind="caution", date=date(2021, 1, 1)),))
        >>> Timeline.build(case, date(2026, 1, 1), Policy()).path(case.triggers[0])
        'triggers[0]'
        """
        return self.paths.get(id(fact), "")

    @property
    def detentions(self) -> tuple[Detention, ...]:
        """The case's detentions (all of them, as given).

        >>> from sexoffender_rules.model import Case, Person
        >>> Timeline.build(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
        ...                date(2026, 1, 1), Policy()).detentions
        ()
        """
        return self.case.detentions


def _releases(spells: list[Spell]) -> tuple[date, ...]:
    """The day each run of detention ends. Detentions that follow one another at once (the next
    begins on or before the day the last ends) are one run: a transfer from prison to hospital is
    not a release. A detention that begins and ends on one day is a run of its own."""
    runs: list[list[date | None]] = []
    for spell in sorted(spells, key=lambda s: s.start):
        last = runs[-1] if runs else None
        if last is not None and (last[1] is None or spell.start <= last[1]):
            if last[1] is not None and (spell.end is None or spell.end > last[1]):
                last[1] = spell.end
        else:
            runs.append([spell.start, spell.end])
    return tuple(end for _, end in runs if end is not None)


def _known_spells(periods: Iterable[Detention | AbsenceAbroad], as_of: date) -> list[Spell]:
    """Spells begun by ``as_of``; one that ends later is still running on ``as_of``."""
    return [
        Spell(p.start, p.end if p.end is not None and p.end <= as_of else None)
        for p in periods
        if p.start <= as_of
    ]


# --------------------------------------------------------------------------------------------
# Duties
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Alternative:
    """A duty found under another value of a reading of the law: ``reading`` (a
    :class:`~sexoffender_rules.policy.Policy` field) taken as ``value``, the finding's fields that
    would differ (``changes``, by name; none if it would be the same).

    A ruleset lists in ``Ruleset.local_readings`` the readings that change nothing but findings
    that say so here: for those, the engine settles each finding again with its changes instead
    of assessing the whole case again to find out whether the result depends on the reading
    (:attr:`~sexoffender_rules.assessment.Assessment.flags`).

    >>> Alternative("partial_days", PartialDays.WHOLE_DAY_AT_LIBERTY,
    ...             (("deadline", date(2026, 3, 9)),)).changes[0][1]
    datetime.date(2026, 3, 9)
    """

    reading: str
    value: object
    changes: tuple[tuple[str, object], ...] = ()


@attrs.frozen(kw_only=True)
class DutyFinding:
    """A duty as a rule finds it, before the engine settles its state on the assessment date.

    ``deadline`` is ``None`` when it cannot yet be fixed (the person is still away). A rule that
    finds an exception sets ``not_required``; one whose duty has not arisen in full sets
    ``pending``. A failure that is not a continuing offence (``continuing=False``) is a breach on
    the day after the deadline only. ``responsible`` is who bears it (the parent
    under a parental direction). ``rule_id`` names the rule that imposes the duty: the engine drops a duty whose
    rule is not in force on the day it would arise (the law in force on each date applies).
    ``alternatives`` says how the finding differs under the other values of the readings of the
    ruleset's ``local_readings`` that it relied on (:class:`Alternative`): one for each other value
    of each such reading that a reason here names or that would change the finding.
    ``missing`` names the facts, not recorded, on which the deadline rests (the date of service
    of an order, say): ``deadline`` is then the earliest day the deadline can be, and the duty is
    met by a notification on or before it, otherwise undetermined (``DutyState.UNDETERMINED``).

    >>> DutyFinding(kind=DutyKind.INITIAL, rule_id="ew.s83.initial", trigger_date=date(2026, 3, 6),
    ...             fact="triggers[0]", deadline=date(2026, 3, 8)).discharged_by is None
    True
    """

    kind: DutyKind
    rule_id: str
    trigger_date: date
    fact: str
    deadline: date | None
    discharged_by: Notification | None = None
    not_required: Reason | None = None
    pending: bool = False
    continuing: bool = True
    reasons: tuple[Reason, ...] = ()
    responsible: Responsible = Responsible.OFFENDER
    alternatives: tuple[Alternative, ...] = ()
    missing: tuple[str, ...] = ()


def settle(
    finding: DutyFinding,
    as_of: date,
    subject_days: IntervalSet,
    ruleset: Ruleset,
    policy: Policy | None = None,
    unsettled_from: Callable[[date], tuple[date, tuple[str, ...]] | None] | None = None,
) -> Duty:
    """The state of a duty on ``as_of``, with its breach interval and the reasons for both.

    A duty whose deadline falls after the requirements end (the end of the run of days the person
    is subject, which contains the day it arose) is not required, whether or not a notification
    came first. Otherwise a duty discharged on time is met, a duty discharged late is met late,
    and one not discharged is overdue once its deadline has passed: the breach runs from the day
    after the deadline (SOA 2003 s.91(3): the offence is committed "on the day on which he first
    fails") to the day it is cured, or on. Where the deadline is the last day of the period,
    ``policy.failure_after_requirements_end`` decides between a one-day breach and none. A duty
    whose deadline rests on facts not recorded (``finding.missing``) and that was not met by the
    earliest day it can be is undetermined, with no deadline and no breach: whether it was met
    late, is overdue or is still open turns on the missing fact, so no answer is guessed. Where
    ``unsettled_from`` (:meth:`Registration.unsettled_from`) says being subject on the deadline
    rests on facts not recorded, a duty not met by it is undetermined too, its deadline kept; and a
    continuing failure is asserted only up to the first such day once the assessment date has
    reached it, a notification given after it answering the duty only if the requirements still
    ran (undetermined).

    >>> f = DutyFinding(kind=DutyKind.INITIAL, rule_id="ew.s83.initial",
    ...                 trigger_date=date(2026, 3, 6), fact="triggers[0]", deadline=date(2026, 3, 8))
    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES as EW
    >>> always = IntervalSet.of(DateInterval(date(2026, 3, 6), END_OF_TIME))
    >>> settle(f, date(2026, 3, 10), always, EW).breach
    DateInterval(start=datetime.date(2026, 3, 9), end=datetime.date(9999, 12, 31))
    """
    policy = policy or Policy()
    reasons = list(finding.reasons)
    notification = finding.discharged_by
    deadline = finding.deadline

    def duty(state: DutyState, breach: DateInterval | None = None) -> Duty:
        return Duty(
            kind=finding.kind,
            trigger_date=finding.trigger_date,
            fact=finding.fact,
            deadline=deadline,
            state=state,
            discharged_by=notification.id if notification else None,
            breach=breach,
            reasons=tuple(reasons),
            responsible=finding.responsible,
        )

    if finding.not_required is not None:
        reasons.append(finding.not_required)
        notification = None
        return duty(DutyState.NOT_REQUIRED)
    if finding.pending:
        return duty(DutyState.PENDING)
    # The run of subject days holding the day the duty arose; where none holds it, the
    # requirements ended before it, on the last subject day before it where there is one.
    span = subject_days.span_up_to(finding.trigger_date)
    holds = span is not None and finding.trigger_date < span.end
    subject_until = span.end if span is not None and holds else finding.trigger_date
    last_subject_day = add_days(span.end if span is not None else subject_until, -1)
    if notification is not None and notification.date >= subject_until:
        notification = None  # given after the requirements ended: it answers nothing
    # A deadline not yet fixed falls after the assessment date (the person is still away).
    ends_first = (
        subject_until <= deadline if deadline is not None else subject_until <= add_days(as_of, 1)
    )
    if ends_first:
        reasons.append(
            ruleset.rule(ruleset.cessation_rule).reason(
                f"The requirements end on {last_subject_day.isoformat()}, before the deadline "
                + (deadline.isoformat() if deadline else "(not yet fixed)")
                + ": no notification is required.",
                dates=[("requirements_end", last_subject_day)],
            )
        )
        notification = None
        return duty(DutyState.NOT_REQUIRED)
    if notification is not None and (deadline is None or notification.date <= deadline):
        return duty(DutyState.MET)
    if deadline is None:
        return duty(DutyState.SUSPENDED)
    if finding.missing:
        reasons.append(_undetermined(finding, notification, deadline, as_of, ruleset))
        deadline = None  # not fixed: the earliest day it can be is in the reason
        return duty(DutyState.UNDETERMINED)
    # Where being subject after some day rests on facts not recorded (Source.taken_until),
    # neither a duty falling due after it nor a failure continuing past it is asserted.
    unsettled = unsettled_from(deadline) if unsettled_from is not None else None
    if unsettled is not None and unsettled[0] == deadline:
        reasons.append(_undetermined(finding, notification, deadline, as_of, ruleset, unsettled[1]))
        return duty(DutyState.UNDETERMINED)
    if notification is None and as_of <= deadline:
        return duty(DutyState.OPEN)
    breach_rule = ruleset.rule(ruleset.breach_rule)
    first_failure = add_days(deadline, 1)
    reading = f"failure_after_requirements_end={policy.failure_after_requirements_end.value}"
    if subject_until == first_failure:
        # The deadline is the last day of the period: the day of first failure (s.91(3)) is the
        # first day on which the requirements no longer apply. A named reading decides.
        notification = None  # a notification after the deadline came after the requirements
        if policy.failure_after_requirements_end is FailureAfterRequirementsEnd.NO_FAILURE:
            reasons.append(
                ruleset.rule(ruleset.cessation_rule).reason(
                    f"Not notified by {deadline.isoformat()}, the last day of the notification "
                    "period: the requirements ended with that day, so no failure followed and no "
                    "notification is required.",
                    dates=[("requirements_end", last_subject_day)],
                    readings=[reading],
                )
            )
            return duty(DutyState.NOT_REQUIRED)
        reasons.append(
            breach_rule.reason(
                f"Not notified by {deadline.isoformat()}, the last day of the notification "
                f"period: a failure on {first_failure.isoformat()}, which cannot continue because "
                "the requirements ended with the deadline day.",
                dates=[("breach_start", first_failure)],
                readings=[reading],
            )
        )
        return duty(DutyState.OVERDUE, DateInterval(first_failure, add_days(first_failure, 1)))
    if not finding.continuing:
        cured = "" if notification is None else f"; notified on {notification.date.isoformat()}"
        reasons.append(
            breach_rule.reason(
                f"Not notified by {deadline.isoformat()}: a failure on {first_failure.isoformat()}"
                f" (s.91(3) does not make this failure a continuing one){cured}.",
                dates=[("breach_start", first_failure)],
            )
        )
        breach = DateInterval(first_failure, add_days(first_failure, 1))
        return duty(DutyState.MET_LATE if notification else DutyState.OVERDUE, breach)
    # The failure continues until the notification, or until the requirements end, or for as
    # long as they are taken to run where that rests on facts not recorded.
    cured_on = notification.date if notification is not None else None
    breach_end = END_OF_TIME if cured_on is None else add_days(cured_on, 1)
    breach_end = min(breach_end, subject_until) if subject_until <= as_of else breach_end
    # As with the end of the requirements, only a day by the assessment date cuts it short.
    unsettled = unsettled_from(first_failure) if unsettled_from is not None else None
    if unsettled is not None and unsettled[0] < breach_end and unsettled[0] <= as_of:
        breach_end = unsettled[0]
        until = (
            f" until {add_days(breach_end, -1).isoformat()}, the last day the requirements are "
            f"taken to run; whether it continued after that rests on {', '.join(unsettled[1])}, "
            "not recorded"
        )
        if notification is not None:
            # Given after that day, it answers the duty only if the requirements still ran.
            until += (
                f", and so does whether the notification of {notification.date.isoformat()} "
                "answered it"
            )
            notification = cured_on = None
        until += "."
    elif breach_end == END_OF_TIME:
        until = ", continuing."
    elif cured_on is not None and breach_end == add_days(cured_on, 1):
        until = f" until notified on {cured_on.isoformat()}."
    else:
        until = f" until the requirements ended on {add_days(breach_end, -1).isoformat()}."
    reasons.append(
        breach_rule.reason(
            f"Not notified by {deadline.isoformat()}: in breach from {first_failure.isoformat()}"
            + until,
            dates=[("breach_start", first_failure)]
            + ([("breach_cured", cured_on)] if cured_on is not None else []),
        )
    )
    state = DutyState.MET_LATE if notification is not None else DutyState.OVERDUE
    return duty(state, DateInterval(first_failure, breach_end))


# --------------------------------------------------------------------------------------------
# Assessment
# --------------------------------------------------------------------------------------------


def assess(
    case: Case,
    as_of: date,
    policy: Policy | None = None,
    ruleset: Ruleset | None = None,
) -> Assessment:
    """Assess ``case`` on ``as_of``: registration, every duty and its state, and the headline.

    ``policy`` chooses the readings of open questions (default :class:`Policy`); ``ruleset`` the
    law (default: the ruleset of the case's jurisdiction). The case is not changed. While it
    runs, Python's cyclic garbage collector runs less often (its young generation's threshold is
    raised, and restored when the last assessment running in the process ends): an assessment
    leaves no reference cycle, and the collector's passes over a large case would otherwise make
    its cost grow faster than its facts.

    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0005", date_of_birth=date(1985, 5, 5)),
    ...             triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
    ...             notifications=(Notification(id="n1", date=date(2026, 3, 8), kind="initial"),))
    >>> a = assess(case, date(2026, 4, 1))
    >>> [(d.kind.value, d.state.value, d.deadline.isoformat()) for d in a.duties]
    [('initial', 'met', '2026-03-08'), ('periodic', 'open', '2027-03-08')]
    >>> a.headline.value, a.registration.end
    ('compliant', datetime.date(2028, 3, 5))
    """
    check_civil_date(as_of, "as_of")
    if not isinstance(case, Case):
        raise WrongTypeError(f"case: expected a Case, got {type(case).__name__}")
    policy = policy or _DEFAULT_POLICY
    if ruleset is None:
        ruleset = ruleset_for(case.jurisdiction)
    with fewer_collections():
        timeline = Timeline.build(case, as_of, policy)
        result, findings = _assess_once(timeline, ruleset)
        depends = tuple(_reading_dependence(result, findings, timeline, ruleset))
    if depends:
        result = attrs.evolve(result, flags=result.flags + depends)
    return result


def _assess_once(timeline: Timeline, ruleset: Ruleset) -> tuple[Assessment, list[DutyFinding]]:
    """The assessment under the timeline's policy, and the findings its duties were settled
    from (in the order of the duties)."""
    case, as_of, policy = timeline.case, timeline.as_of, timeline.policy
    registration = _after_death(ruleset.registration(timeline, ruleset), case, as_of, ruleset)
    subject_days = registration.subject_days
    findings = [
        f
        for emit in ruleset.duties
        for f in emit(timeline, registration, ruleset)
        if ruleset.rule(f.rule_id).in_force_on(f.trigger_date)
    ]
    findings.sort(key=lambda f: (f.trigger_date, _KIND_ORDER[f.kind], f.fact))
    unsettled = registration.unsettled_from
    duties = tuple(settle(f, as_of, subject_days, ruleset, policy, unsettled) for f in findings)
    headline = _headline(registration, duties, as_of)
    open_deadlines = [d.deadline for d in duties if d.state is DutyState.OPEN and d.deadline]
    missing = tuple(m for source in registration.sources for m in source.missing)
    flags = tuple(
        r.statement
        for source in registration.sources
        for r in source.reasons
        if r.rule_id.endswith(".review")
    )
    result = Assessment(
        as_of=as_of,
        jurisdiction=case.jurisdiction,
        ruleset=ruleset.name,
        policy=policy,
        registration=registration,
        duties=duties,
        headline=headline,
        next_deadline=min(open_deadlines, default=None),
        missing=missing,
        flags=flags,
    )
    return result, findings


def _after_death(
    registration: Registration, case: Case, as_of: date, ruleset: Ruleset
) -> Registration:
    """The requirements end with the day of a death known on ``as_of``: no duty falls due
    after it, and a continuing breach ends on it."""
    deaths = [
        (i, r)
        for i, r in enumerate(case.police_records)
        if isinstance(r, Death) and r.date <= as_of and r.known_on <= as_of
    ]
    if not deaths or not registration.sources:
        return registration
    index, death = deaths[0]
    reason = ruleset.rule(ruleset.cessation_rule).reason(
        f"The person died on {death.date.isoformat()}: the requirements end with that day, and "
        "no duty falls due after it (documented reading: the requirements bind a living person).",
        facts=[f"police_records[{index}]"],
        dates=[("died", death.date)],
    )
    changed = attrs.evolve(registration, died=death.date, reasons=(*registration.reasons, reason))
    return attrs.evolve(changed, subject=as_of in changed.subject_days)


def other_readings(value: T) -> list[T]:
    """The other values a reading can take than ``value``, leaving out the refusal to choose
    (``raise``).

    >>> other_readings(PartialDays.RAISE), other_readings(True)
    ([<PartialDays.LIBERTY_AT_END_OF_DAY: 'liberty_at_end_of_day'>, <PartialDays.WHOLE_DAY_AT_LIBERTY: 'whole_day_at_liberty'>], [False])
    """
    if isinstance(value, bool):
        return [not value]  # type: ignore[list-item]
    if isinstance(value, enum.Enum):
        # By type and member: members of two str enums with the same value are equal.
        key = (type(value), value)
        others = _OTHER_MEMBERS.get(key)
        if others is None:
            others = [m for m in type(value) if m is not value and m.value != "raise"]
            _OTHER_MEMBERS[key] = others
        return list(others)  # type: ignore[arg-type]
    return []


_OTHER_MEMBERS: dict[tuple[type, enum.Enum], list[enum.Enum]] = {}


def _alternatives(policy: Policy, name: str) -> list[object]:
    """The other values a reading can take, leaving out the refusal to choose (``raise``)."""
    return other_readings(getattr(policy, name, None))


_STILL_RUNNING = frozenset(
    {DutyState.OPEN, DutyState.SUSPENDED, DutyState.PENDING, DutyState.UNDETERMINED}
)


def _duty_outcome(duty: Duty) -> tuple[object, ...]:
    """What a reading can change in a duty that matters on the assessment date: its state,
    breach and answering notification, and its deadline while it still runs (a settled duty
    met either way does not turn on the day it was due)."""
    deadline = duty.deadline if duty.state in _STILL_RUNNING else None
    return (deadline, duty.state, duty.discharged_by, duty.breach)


def _outcome(result: Assessment) -> tuple[object, ...]:
    """What a reading can change: the periods, each duty's outcome, the headline (not the
    wording of the reasons)."""
    registration = result.registration
    return (
        registration.subject,
        registration.end,
        registration.indefinite,
        tuple(
            (s.trigger_id, s.end, s.indefinite, s.kept_until, s.review_from)
            for s in registration.sources
        ),
        tuple((d.kind, d.trigger_date, d.fact, *_duty_outcome(d)) for d in result.duties),
        result.headline,
    )


def _reading_dependence(
    result: Assessment, findings: list[DutyFinding], timeline: Timeline, ruleset: Ruleset
) -> Iterator[str]:
    """A flag for each reading of the law, named in a reason, whose other value gives a
    different result: the assessment is assessed again under it and the outcomes compared.

    Only readings that some reason relied on are tried, so a case that meets none of the
    statute's open questions is assessed once. For a reading of the ruleset's
    ``local_readings``, the duties are first settled again as their findings would be under the
    other value (:class:`Alternative`): if none settles differently, nothing else can change, and
    the case is not assessed again.
    """
    named: dict[str, None] = {}
    reasons = [*result.registration.reasons]
    for source in result.registration.sources:
        reasons.extend(source.reasons)
    registration_named = {x.partition("=")[0] for r in reasons for x in r.readings}
    for duty in result.duties:
        reasons.extend(duty.reasons)
    for reason in reasons:
        for reading in reason.readings:
            named.setdefault(reading.partition("=")[0], None)
    if not named:
        return
    mine: tuple[object, ...] | None = None
    for name in named:
        for other in _alternatives(result.policy, name):
            policy = _policy_under(result.policy, name, other)
            if (
                name in ruleset.local_readings
                and name not in registration_named
                and _settles_alike(result, findings, ruleset, policy, name, other)
            ):
                continue
            try:
                alternative, _ = _assess_once(timeline.under(policy), ruleset)
            except AmbiguousReadingError:
                continue  # another reading is left open: nothing to compare
            if mine is None:
                mine = _outcome(result)
            if _outcome(alternative) != mine:
                chosen = _reading_value(getattr(result.policy, name))
                yield (
                    f"The result depends on the reading {name}={chosen}: under "
                    f"{name}={_reading_value(other)} {_difference(result, alternative)}. "
                    "Check by hand."
                )


_DEFAULT_POLICY = Policy()  # immutable: one serves every assessment that names none


@functools.lru_cache(maxsize=64, typed=True)
def _policy_under(policy: Policy, name: str, value: object) -> Policy:
    """``policy`` with the reading ``name`` taken as ``value`` (made once: policies are few)."""
    changed: dict[str, Any] = {name: value}
    return attrs.evolve(policy, **changed)


def _names(reasons: Iterable[Reason], name: str) -> bool:
    prefix = name + "="
    return any(x.startswith(prefix) for r in reasons for x in r.readings)


def _settles_alike(
    result: Assessment,
    findings: list[DutyFinding],
    ruleset: Ruleset,
    policy: Policy,
    name: str,
    other: object,
) -> bool:
    """Whether every duty settles to the same outcome under ``policy`` (``name`` taken as
    ``other``), each finding changed as its alternatives say; ``False`` where a finding names the
    reading but gives no alternative for that value (it cannot be told here)."""
    subject_days = result.registration.subject_days
    for finding, duty in zip(findings, result.duties, strict=True):
        alternative = next(
            (a for a in finding.alternatives if a.reading == name and a.value == other), None
        )
        own = finding.reasons
        if finding.not_required is not None:
            own = (*own, finding.not_required)
        if alternative is None and _names(own, name):
            return False  # the rule consulted the reading and did not say how
        # The reasons the engine added in settling it (and the finding's exception, if any):
        # where one names the reading, settling consulted it.
        settled_by_reading = _names(duty.reasons[len(finding.reasons) :], name)
        if not settled_by_reading and (alternative is None or not alternative.changes):
            continue  # the same finding, settled without the reading: the same duty
        changes: dict[str, Any] = dict(alternative.changes) if alternative is not None else {}
        theirs = settle(
            attrs.evolve(finding, **changes) if changes else finding,
            result.as_of,
            subject_days,
            ruleset,
            policy,
            result.registration.unsettled_from,
        )
        if _duty_outcome(theirs) != _duty_outcome(duty):
            return False
    return True


def _reading_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(getattr(value, "value", value))


def _difference(mine: Assessment, other: Assessment) -> str:
    """The first things that differ between two assessments of one case, in words."""
    parts: list[str] = []
    a, b = mine.registration, other.registration
    if (a.end, a.indefinite, a.subject) != (b.end, b.indefinite, b.subject):
        end = "indefinite" if b.indefinite else (b.end.isoformat() if b.end else "undetermined")
        parts.append(f"the requirements end {end}")
    for x, y in zip(a.sources, b.sources, strict=False):
        if x.review_from != y.review_from:
            when = y.review_from.isoformat() if y.review_from else "not known"
            parts.append(f"a review of {x.fact} may be sought from {when}")
        if x.taken_until != y.taken_until:
            when = y.taken_until.isoformat() if y.taken_until else "not known"
            parts.append(f"the person is taken to be subject through {x.fact} to {when}")
    duties_a = {(d.kind, d.trigger_date, d.fact): d for d in mine.duties}
    duties_b = {(d.kind, d.trigger_date, d.fact): d for d in other.duties}
    changed = [
        key
        for key in dict.fromkeys([*duties_a, *duties_b])
        if key not in duties_a
        or key not in duties_b
        or _duty_outcome(duties_a[key]) != _duty_outcome(duties_b[key])
    ]
    for kind, day, fact in changed[:3]:
        theirs = duties_b.get((kind, day, fact))
        what = (
            "does not arise"
            if theirs is None
            else f"is {theirs.state.value}"
            + (f", due by {theirs.deadline.isoformat()}" if theirs.deadline else "")
        )
        parts.append(f"the {kind.value.replace('_', ' ')} duty from {day.isoformat()} {what}")
    more = len(changed) - 3
    if more > 0:
        parts.append(f"{more} more duties differ" if more > 1 else "1 more duty differs")
    if mine.headline is not other.headline:
        parts.append(f"the headline is {other.headline.value}")
    return "; ".join(parts) if parts else "the result differs"


_KIND_ORDER = {kind: i for i, kind in enumerate(DutyKind)}
_RUNNING_STATES = frozenset({DutyState.OPEN, DutyState.SUSPENDED})


def _undetermined(
    finding: DutyFinding,
    notification: Notification | None,
    day: date,
    as_of: date,
    ruleset: Ruleset,
    unsettled: tuple[str, ...] = (),
) -> Reason:
    """Why a duty is neither met nor in breach: its deadline rests on facts not recorded
    (``finding.missing``) and no notification was given by ``day``, the earliest the deadline can
    be; or, with ``unsettled``, being subject on its deadline ``day`` rests on those facts, not
    recorded, and no notification was given by then."""
    if notification is not None:
        given = (
            f"the notification of {notification.date.isoformat()} came after it, so whether it "
            + ("was late" if unsettled else "was in time")
        )
    elif as_of <= day:
        given = "none has been given yet, and " + (
            "whether it must be" if unsettled else "when the duty falls due"
        )
    else:
        given = "none has been given, so whether the duty is overdue"
    rule = ruleset.rule(finding.rule_id)
    if unsettled:
        return rule.reason(
            f"Whether the requirements still run on the deadline {day.isoformat()} rests on "
            f"{', '.join(unsettled)}, not recorded; {given} is undetermined until the fact is "
            "recorded.",
            facts=[finding.fact],
        )
    return rule.reason(
        f"The deadline rests on {', '.join(finding.missing)}, not recorded: it is "
        f"{day.isoformat()} at the earliest, and a notification by then would have met the "
        f"duty whatever the fact; {given} is undetermined until the fact is recorded.",
        facts=[finding.fact],
        dates=[("earliest_deadline", day)],
    )


def _undetermined_but_not_yet_due(duty: Duty, as_of: date) -> bool:
    """Whether ``duty`` is an undetermined periodic duty whose deadline, fixed, is not yet past:
    owed or not, it makes no headline (an open periodic duty makes none either)."""
    return duty.kind is DutyKind.PERIODIC and duty.deadline is not None and as_of <= duty.deadline


def _headline(registration: Registration, duties: Sequence[Duty], as_of: date) -> Headline:
    if not any(s.start <= as_of for s in registration.sources):
        return Headline.NOT_SUBJECT  # none yet, or only from 1 May 2004 (SOA 2003 s.81(1))
    if not registration.subject:
        return Headline.ENDED
    if any(d.breach is not None and as_of in d.breach for d in duties):
        return Headline.IN_BREACH
    if any(
        (d.state is DutyState.UNDETERMINED and not _undetermined_but_not_yet_due(d, as_of))
        or (d.state in _RUNNING_STATES and d.kind is not DutyKind.PERIODIC)
        for d in duties
    ):
        return Headline.DUE
    if registration.rests_on(as_of):
        return Headline.DUE  # whether the person is still subject rests on a missing fact
    return Headline.COMPLIANT
