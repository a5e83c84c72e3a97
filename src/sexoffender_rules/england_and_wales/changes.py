"""Notification of changes (SOA 2003 s.84): a name used, the home address, premises
stayed at for a qualifying period (s.84(1)(a)-(c), (6)), release from custody and other
detention (s.84(1)(d)), advance notification of an expected change (s.84(2)) and notification
that an expected change did not occur (s.84(4)(b)).

>>> "ew.s84.advance" in [r.id for r in RULES]
True
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import attrs

from ..assessment import DutyKind, Reason, Registration
from ..calendar import CalendarPeriod, DateInterval, IntervalSet, add_days, first_day_total_reaches
from ..engine import Alternative, DutyFinding, Timeline, change_keys
from ..law import Rule, Ruleset
from ..model import HomeAddress, HomeAddressChange, NameUsed, Notification, NotificationKind, Stay
from ..policy import Policy
from ._common import _S83_5, _S84_ENACTED, _S85_COPY, _S91_2004, RECHECKED, _rule, _soa
from ._duties import _CYCLE_KINDS, Key, _window

RULES = (
    _rule(
        "ew.s84.name",
        "Change of name",
        "Within 3 days (not counting time away) beginning with using a name not notified under "
        "s.83(1) or s.84(1), the person must notify it. An advance notification (s.84(2)) "
        "notifies the name once the use it covered has happened, or from its date if given after "
        "the name was used. A name given in a periodic (s.85(1)) notification both answers the "
        "duty and counts as notified (policy.periodic_notifies_changes; the other reading: it does "
        "neither, as s.84(1)(a) lists only s.83(1) and s.84(1)); a notice of non-occurrence "
        "(s.84(4)(b)) does neither. Further uses of the name while its duty is undischarged give "
        "no further duty: not notifying it is one failure, prosecuted once (s.91(3)).",
        _soa("s.84(1)(a)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        _soa("s.85(1)", _S85_COPY, checked=RECHECKED),
        _soa("s.83(5)", _S83_5, checked=RECHECKED),
        _soa("s.91(3)", _S91_2004, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.home_address",
        "Change of home address",
        "Within 3 days (not counting time away) beginning with any change of home address, the "
        "person must notify the new home address. Each change is a change of its own, a move "
        "back to an earlier address included. A periodic (s.85(1)) notification that gives the "
        "new address answers the duty (policy.periodic_notifies_changes; the other reading: only "
        "a notification under s.83(1) or s.84(1) does).",
        _soa("s.84(1)(b)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
    _rule(
        "ew.s84.qualifying_stay",
        "Qualifying period at other premises",
        "Within 3 days (not counting time away) beginning with the day on which the person has "
        "resided or stayed at un-notified premises in the UK for 7 days, or for periods in any "
        "12 months that together amount to 7 days (calendar days, rolling 12 months; only days "
        "while subject count), the person must notify the address. Premises are notified as a "
        "name is (ew.s84.name): an address given in a periodic (s.85(1)) notification both "
        "answers the duty and counts as notified (policy.periodic_notifies_changes; the other "
        "reading: it does neither, as s.84(1)(c) lists only s.83(1) and s.84(1)). An address "
        "notified as the home address counts as notified premises, whether notified under "
        "s.83(1), s.84(1) or s.85(1) or in advance (s.84(2)): then from the day the move it "
        "announced occurred within its window, or the day it was given if the move came first.",
        _soa("s.84(1)(c)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        _soa("s.84(6)", "statute text not seen; explanatory note para 165, Halsbury's para 505"),
        _soa("s.85(1)", _S85_COPY, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.release",
        "Release",
        "Within 3 days (not counting time away) beginning with release from custody, "
        "imprisonment, service detention or hospital detention, the person must notify the fact "
        "of release. Detentions that follow one another at once are one detention. Any "
        "notification given in person on or after the release answers it "
        "(policy.release_notified_by_attendance).",
        _soa("s.84(1)(d)"),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
    _rule(
        "ew.s84.advance",
        "Advance notification",
        "A notification of a name, a change of home address or a qualifying period may be given "
        "before the event, with its expected date D. It discharges the duty if the event occurs "
        "from D-2 to D+2; not if it occurs more than 2 days before D, or has not occurred by the "
        "end of the 3 days beginning with D. A detail it gives that is already notified when it "
        "is given (a name or premises notified by then, or the home address then last notified) "
        "announces no change: the events it relates to are the changes it announces.",
        _soa("s.84(2)-(4)(a)", _S84_ENACTED, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.non_occurrence",
        "Notice that an expected event did not occur",
        "If a change an advance notification announced (not a detail already notified) has not "
        "occurred by the end of the 3 days beginning with D, the person must, within the period "
        "of 6 days beginning with D (not counting time away), notify that it did not occur.",
        _soa("s.84(4)(b)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
)


def _occurred(timeline: Timeline, registration_: Registration) -> dict[Key, list[date]]:
    """:func:`_occurrences`, derived once per assessment."""
    return timeline.derive("ew.occurrences", lambda t: _occurrences(t, registration_.subject_days))


def _occurrences(timeline: Timeline, subject: IntervalSet) -> dict[Key, list[date]]:
    """The days on which each notifiable change occurred, by notification key, in order: a name
    used, a change of home address, the day days stayed at premises reach a qualifying period.

    Days stayed count only while the person is subject (a documented reading: s.84(1) speaks of
    "a relevant offender" having resided or stayed). Derived once per assessment.
    """
    days: dict[Key, list[date]] = defaultdict(list)
    for event in timeline.events:
        if isinstance(event, NameUsed):
            days[("name", event.name)].append(event.date)
        elif isinstance(event, HomeAddressChange):
            days[("home", event.home_address)].append(event.date)
    for premises, group in timeline.derive("ew.stays", _stays_by_premises).items():
        stayed = IntervalSet(tuple(DateInterval.from_days(s.first_day, s.last_day) for s in group))
        reached = first_day_total_reaches(
            stayed & subject, 7, CalendarPeriod(years=1), timeline.policy
        )
        if reached is not None:
            days[("premises", premises)].append(reached)
    return days


def _stays_by_premises(timeline: Timeline) -> dict[str, list[Stay]]:
    """The stays at each premises, in date order. Derived once per assessment."""
    stays: dict[str, list[Stay]] = defaultdict(list)
    for event in timeline.events:
        if isinstance(event, Stay):
            stays[event.premises].append(event)
    return stays


def _covers(advance: Notification, day: date) -> bool:
    """s.84(3)-(4)(a): an advance notification covers an event from 2 days before its expected
    date to the end of the 3 days beginning with it."""
    expected = advance.expected_date
    return expected is not None and add_days(expected, -2) <= day <= add_days(expected, 2)


class _Advances(NamedTuple):
    """The advance notifications of one detail: by expected date (``expected``, the dates, and
    ``by_expected``, the notifications) and in the order given (``given``, the days they were
    given, and ``in_order``)."""

    expected: list[date]
    by_expected: list[Notification]
    given: list[date]
    in_order: list[Notification]


def _advances(timeline: Timeline) -> dict[Key, _Advances]:
    """Advance notifications by what they notify (:func:`change_keys`: a name, the home address,
    other premises): ordered by expected date, with those dates; and in the order given, with
    the days given. Derived once."""
    grouped: dict[Key, list[Notification]] = defaultdict(list)
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        keys = change_keys(n)
        for key in keys:
            grouped[key].append(n)
    result: dict[Key, _Advances] = {}
    for key, given in grouped.items():
        ns = sorted(given, key=lambda n: (n.expected_date or n.date, n.date, n.id))
        expected = [n.expected_date or n.date for n in ns]
        result[key] = _Advances(expected, ns, [n.date for n in given], given)
    return result


_NONE = _Advances([], [], [], [])


def _covering(timeline: Timeline, key: Key, day: date) -> Notification | None:
    """An advance notification of ``key`` given before ``day`` whose expected date D has
    D-2 <= day <= D+2 (s.84(3)-(4)(a)); a later advance notification does not revoke it.

    Any detail the notification gives can be covered, even one already notified when it was given
    (which announces no change, see :func:`_already_notified`): a name or premises already
    notified gives no duty to cover, and a recorded move to an address already notified as the
    home shows that the notification did relate to that move."""
    advances = timeline.derive("ew.advances", _advances).get(key, _NONE)
    expected, notifications = advances.expected, advances.by_expected
    i = bisect.bisect_left(expected, add_days(day, -2))
    while i < len(expected) and expected[i] <= add_days(day, 2):
        if notifications[i].date < day:
            return notifications[i]
        i += 1
    return None


_DETAIL = {"name": "a name", "home": "the home address", "premises": "other premises"}


def _advance_cover(
    timeline: Timeline,
    occurred: dict[Key, list[date]],
    key: Key,
    day: date,
    rule: Rule,
    path: str,
) -> tuple[Notification | None, list[Reason]]:
    """s.84(2)-(4)(a): the advance notification, given before ``day``, that covers the event
    on ``day``; failing one, why the last advance notification given before it does not."""
    advance = _covering(timeline, key, day)
    if advance is not None:
        assert advance.expected_date is not None
        expected = advance.expected_date
        n_path = timeline.path(advance)
        text = (
            f"{n_path} gave it in advance for {expected.isoformat()}; the event on "
            f"{day.isoformat()} falls from 2 days before to 2 days after that date, so the "
            "advance notification discharges the duty."
        )
        restated = [
            _DETAIL[k[0]]
            for k in change_keys(advance)
            if k != key and _already_notified(timeline, occurred, k, advance.date)
        ]
        if restated:
            text += (
                f" It also restates details already notified ({', '.join(dict.fromkeys(restated))}"
                "): those announce no change, so it expects no event for them."
            )
        reason = rule.reason(
            text,
            facts=[path, n_path],
            dates=[("expected", expected)],
        )
        return advance, [reason]
    # The last advance notification of the same change given before the day (the premises it
    # gives as other premises, as :func:`_covering` reads it, not a home address of the same
    # reference). Had its expected date D been within 2 days of the day, it would cover it.
    advances = timeline.derive("ew.advances", _advances).get(key, _NONE)
    given, in_order = advances.given, advances.in_order
    i = bisect.bisect_left(given, day)
    last = in_order[i - 1] if i else None
    if last is None or last.expected_date is None:
        return None, []
    expected = last.expected_date
    n_path = timeline.path(last)
    why = (
        "more than 2 days before"
        if day < expected
        else "after the end of the 3 days beginning with"
    )
    reason = rule.reason(
        f"{n_path} gave it in advance for {expected.isoformat()}, but the event on "
        f"{day.isoformat()} came {why} that date: it does not discharge the duty.",
        facts=[path, n_path],
        dates=[("expected", expected)],
    )
    return None, [reason]


def _notifying_kinds(policy: Policy) -> tuple[NotificationKind, ...]:
    """The kinds of notification that notify a name or address they give, for s.84(1)(a)-(c):
    initial (s.83(1)) and change (s.84(1)), and periodic (s.85(1)) under
    ``policy.periodic_notifies_changes``. An advance notification notifies what it gives as
    :func:`_advance_notified` says; a notice of non-occurrence (s.84(4)(b)) notifies nothing.

    >>> [k.value for k in _notifying_kinds(Policy(periodic_notifies_changes=False))]
    ['initial', 'change']
    """
    kinds = (NotificationKind.INITIAL, NotificationKind.CHANGE)
    return (*kinds, NotificationKind.PERIODIC) if policy.periodic_notifies_changes else kinds


def _advance_notified(
    timeline: Timeline, occurred: dict[Key, list[date]]
) -> dict[Key, tuple[date, Notification]]:
    """For each change, the first day from which an advance notification counts as having
    notified it (s.84(2)), and that notification: the day of the first occurrence it covered;
    or, for one given on or after a day the change occurred (so not in advance of it, and a
    notification of it under s.84(1) that answers its duty), the day it was given.

    A home address so notified is an address notified under s.84(1), so premises at that address
    count as notified from the same day for s.84(1)(c), as they do when an initial or change
    notification gives the home address (:meth:`~sexoffender_rules.model.Notification.premises`).
    """
    notified: dict[Key, tuple[date, Notification]] = {}

    def note(key: Key, day: date, n: Notification) -> None:
        if key not in notified or day < notified[key][0]:
            notified[key] = (day, n)

    for key, days in occurred.items():
        for day in days:
            covering = _covering(timeline, key, day)
            if covering is not None:
                note(key, day, covering)
                break
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        for key in change_keys(n):
            first = occurred.get(key, [])[:1]
            if first and first[0] <= n.date:
                note(key, n.date, n)
    for key, (day, n) in list(notified.items()):
        if key[0] == "home":
            assert isinstance(key[1], HomeAddress)
            note(("premises", key[1].reference), day, n)
    return notified


def _notified_before(
    timeline: Timeline, occurred: dict[Key, list[date]], key: Key, day: date
) -> tuple[date, Notification] | None:
    """Whether ``key`` (a name or premises) was notified before ``day``, and from when by which
    notification: one of :func:`_notifying_kinds` that gives it, or an advance notification
    (:func:`_advance_notified`). The same notifications answer a duty to notify it
    (:func:`_answering`), so a name that answered a duty counts as notified from then on."""
    kinds = _notifying_kinds(timeline.policy)
    given = timeline.index.first_among(
        [(key[0], key[1], kind) for kind in kinds], date.min, before=day
    )
    found = (given.date, given) if given is not None else None
    advance = timeline.derive("ew.advance_notified", lambda t: _advance_notified(t, occurred))
    via = advance.get(key)
    if via is not None and via[0] < day and (found is None or via[0] < found[0]):
        found = via
    return found


def _answering(timeline: Timeline, key: Key, day: date) -> Notification | None:
    """The first notification on or after ``day`` that gives ``key`` and answers a duty to notify
    it under s.84(1): one of :func:`_notifying_kinds`, or an advance notification given on or
    after the day (a notification under s.84(1) of a change that has already occurred)."""
    kinds = (*_notifying_kinds(timeline.policy), NotificationKind.ADVANCE)
    return timeline.index.first_among([(key[0], key[1], kind) for kind in kinds], day)


def _homes(
    timeline: Timeline, occurred: dict[Key, list[date]]
) -> tuple[list[date], list[HomeAddress]]:
    """Each home address notified under s.83(1), s.84(1) or s.85(1), by the day it counts from
    (:func:`_homes_notified`, over every such notification). Derived once per assessment."""
    cycle = [n for n in timeline.notifications if n.kind in _CYCLE_KINDS]
    homes = _homes_notified(occurred, cycle)
    return [day for day, _ in homes], [home for _, home in homes]


def _already_notified(
    timeline: Timeline, occurred: dict[Key, list[date]], key: Key, day: date
) -> bool:
    """Whether ``key`` is among the details already notified on ``day`` (by notifications of that
    day or before): a name or premises notified (:func:`_notified_before` the next day), or the
    home address that is then the last notified. A notification that gives such a detail
    announces no change of it (s.84(2)-(4) relate only to a change)."""
    if key[0] == "home":
        days, homes = timeline.derive("ew.homes", lambda t: _homes(t, occurred))
        i = bisect.bisect_right(days, day)
        return i > 0 and homes[i - 1] == key[1]
    return _notified_before(timeline, occurred, key, add_days(day, 1)) is not None


def _periodic_reading(
    timeline: Timeline, rule: Rule, key: Key, day: date, answer: Notification | None, path: str
) -> list[Reason]:
    """Why a periodic notification that gives the change does or does not answer its duty, and
    (for a name or premises) why one given before the day does not make it notified
    (policy.periodic_notifies_changes)."""
    counts = timeline.policy.periodic_notifies_changes
    readings = [f"periodic_notifies_changes={str(counts).lower()}"]
    if answer is not None and answer.kind is NotificationKind.PERIODIC:
        n_path = timeline.path(answer)
        return [
            rule.reason(
                f"{n_path} is a periodic notification (s.85(1)) that gives it: it answers the "
                "duty, and from then on counts as having notified it.",
                facts=[path, n_path],
                readings=readings,
            )
        ]
    if counts:
        return []
    reasons = []
    periodic_key = (key[0], key[1], NotificationKind.PERIODIC)
    before = timeline.index.last_before(periodic_key, day)
    if before is not None and key[0] != "home":
        b_path = timeline.path(before)
        reasons.append(
            rule.reason(
                f"{b_path} is a periodic notification (s.85(1)) that gave it on "
                f"{before.date.isoformat()}, but only a notification under s.83(1) or s.84(1) "
                "notifies it: it had not been notified.",
                facts=[path, b_path],
                readings=readings,
            )
        )
    until = add_days(answer.date, 1) if answer is not None else None
    after = timeline.index.first(periodic_key, day, before=until)
    if after is not None:
        a_path = timeline.path(after)
        reasons.append(
            rule.reason(
                f"{a_path} is a periodic notification (s.85(1)) that gives it, but only a "
                "notification under s.83(1) or s.84(1) notifies it: it does not answer the duty.",
                facts=[path, a_path],
                readings=readings,
            )
        )
    return reasons


def _change_duty(
    timeline: Timeline,
    occurred: dict[Key, list[date]],
    ruleset: Ruleset,
    rule_id: str,
    kind: DutyKind,
    key: Key,
    day: date,
    path: str,
    what: str,
) -> DutyFinding:
    rule = ruleset.rule(rule_id)
    deadline, reason, alternatives = _window(
        timeline, day, ruleset.parameter("notification_days"), rule, what, [path]
    )
    covered, advance_reasons = _advance_cover(
        timeline, occurred, key, day, ruleset.rule("ew.s84.advance"), path
    )
    discharged = covered or _answering(timeline, key, day)
    reading = [] if covered else _periodic_reading(timeline, rule, key, day, discharged, path)
    return DutyFinding(
        kind=kind,
        rule_id=rule_id,
        trigger_date=day,
        fact=path,
        deadline=deadline,
        discharged_by=discharged,
        reasons=(reason, *advance_reasons, *reading),
        alternatives=alternatives,
    )


def _undischarged_on(duty: DutyFinding, day: date, subject: IntervalSet) -> bool:
    """Whether ``duty`` is still undischarged on ``day`` within the run of days subject in which
    it arose (a notification given on ``day`` is taken as given after the event of that day)."""
    span = subject.span_containing(duty.trigger_date)
    if span is None or day not in span:
        return False
    return duty.discharged_by is None or duty.discharged_by.date >= day


def change_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(a)-(c): names, home addresses and qualifying stays, with advance notice.

    Each use of a name not yet notified gives a duty, except a use while an earlier duty for the
    same name is still undischarged: that is the same failure (s.91(3)), and the earlier duty's
    reasons list it. Each change of home address is a change of its own.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, NameUsed, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0008", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),
    ...             NameUsed(date=date(2026, 3, 8), name="NAME-B")),
    ...     notifications=(Notification(id="n1", date=date(2026, 1, 5), kind="initial",
    ...                                 names=("NAME-A",)),
    ...                    Notification(id="n2", date=date(2026, 3, 9), kind="change",
    ...                                 names=("NAME-A", "NAME-B"))))
    >>> [d] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.CHANGE_OF_NAME)
    >>> d.deadline, d.state.value, d.breach.start
    (datetime.date(2026, 3, 8), 'met_late', datetime.date(2026, 3, 9))
    """
    subject = registration_.subject_days
    occurred = _occurred(timeline, registration_)
    name_rule = ruleset.rule("ew.s84.name")
    findings: list[DutyFinding] = []
    later: dict[int, list[Reason]] = defaultdict(list)
    last_duty: dict[Key, int] = {}
    for event in timeline.events:
        path = timeline.path(event)
        if isinstance(event, NameUsed) and event.date in subject:
            key: Key = ("name", event.name)
            used = event.date.isoformat()
            earlier = last_duty.get(key)
            if earlier is not None and _undischarged_on(findings[earlier], event.date, subject):
                since = findings[earlier].trigger_date.isoformat()
                later[earlier].append(
                    name_rule.reason(
                        f"The name is used again on {used} ({path}) while this duty, from "
                        f"{since}, is undischarged: not notifying it is the same failure "
                        "(s.91(3)), so no further duty arises.",
                        facts=[path],
                        dates=[("used_again", event.date)],
                    )
                )
                continue
            notified = _notified_before(timeline, occurred, key, event.date)
            if notified is not None:
                if earlier is not None:
                    by = notified[1]
                    periodic = by.kind is NotificationKind.PERIODIC
                    later[earlier].append(
                        name_rule.reason(
                            f"The name is used again on {used} ({path}), after "
                            f"{timeline.path(by)} notified it on {notified[0].isoformat()}: "
                            "no duty.",
                            facts=[path, timeline.path(by)],
                            dates=[("used_again", event.date)],
                            readings=["periodic_notifies_changes=true"] if periodic else [],
                        )
                    )
                continue
            last_duty[key] = len(findings)
            findings.append(
                _change_duty(
                    timeline,
                    occurred,
                    ruleset,
                    "ew.s84.name",
                    DutyKind.CHANGE_OF_NAME,
                    key,
                    event.date,
                    path,
                    "Change of name",
                )
            )
        elif isinstance(event, HomeAddressChange) and event.date in subject:
            findings.append(
                _change_duty(
                    timeline,
                    occurred,
                    ruleset,
                    "ew.s84.home_address",
                    DutyKind.CHANGE_OF_HOME_ADDRESS,
                    ("home", event.home_address),
                    event.date,
                    path,
                    "Change of home address",
                )
            )
    for i, finding in enumerate(findings):
        yield attrs.evolve(finding, reasons=(*finding.reasons, *later[i])) if later[i] else finding
    yield from _qualifying_stays(timeline, occurred, ruleset)


def _qualifying_stays(
    timeline: Timeline, occurred: dict[Key, list[date]], ruleset: Ruleset
) -> Iterator[DutyFinding]:
    rule = ruleset.rule("ew.s84.qualifying_stay")
    for premises, group in timeline.derive("ew.stays", _stays_by_premises).items():
        key: Key = ("premises", premises)
        reached_days = occurred.get(key)
        if not reached_days:
            continue
        reached = reached_days[0]
        if _notified_before(timeline, occurred, key, reached) is not None:
            continue
        paths = [timeline.path(s) for s in group if s.first_day <= reached]
        duty = _change_duty(
            timeline,
            occurred,
            ruleset,
            "ew.s84.qualifying_stay",
            DutyKind.QUALIFYING_STAY,
            key,
            reached,
            paths[-1],
            "Qualifying period",
        )
        counted = rule.reason(
            f"Days stayed at the premises while subject ({', '.join(paths)}) reach 7 within "
            f"12 months on {reached.isoformat()}.",
            facts=paths,
            dates=[("qualifying_day", reached)],
        )
        yield attrs.evolve(duty, reasons=(counted, *duty.reasons))


def release_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(d): a duty for each release while subject.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Detention
    >>> case = Case(person=Person(reference="FICTIONAL-0009", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),))
    >>> assess(case, date(2026, 3, 1)).duties_of(DutyKind.RELEASE)[0].deadline
    datetime.date(2026, 2, 22)
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.release")
    by_attendance = timeline.policy.release_notified_by_attendance
    key: tuple[str, ...] = ("any",) if by_attendance else ("release",)
    paths: dict[date, str] = {}
    # Where detentions end on the same day, the one that began first (then by kind) is cited:
    # the choice follows the facts, not the order they were listed in.
    ended = [d for d in timeline.detentions if d.end is not None]
    for detention in sorted(ended, key=lambda d: (d.end, d.start, d.kind.value)):
        assert detention.end is not None
        paths.setdefault(detention.end, timeline.path(detention))
    for released in timeline.releases:
        if released not in subject:
            continue
        path = paths[released]  # every release is the day a detention ended
        deadline, reason, alternatives = _window(
            timeline, released, ruleset.parameter("notification_days"), rule, "Release", [path]
        )
        answered = timeline.index.first(key, released)
        # The reading is named only where it can matter: where the first notification after the
        # release and the first that records it are not the same one.
        other = timeline.index.first(("release",) if by_attendance else ("any",), released)
        if other is not answered:
            alternatives += (
                Alternative(
                    "release_notified_by_attendance", not by_attendance, (("discharged_by", other),)
                ),
            )
        reading = rule.reason(
            "Answered by "
            + (
                "any notification given in person on or after the release."
                if by_attendance
                else "a notification that records the release."
            ),
            readings=[f"release_notified_by_attendance={str(by_attendance).lower()}"]
            if other is not answered
            else [],
        )
        yield DutyFinding(
            kind=DutyKind.RELEASE,
            rule_id=rule.id,
            trigger_date=released,
            fact=path,
            deadline=deadline,
            discharged_by=answered,
            reasons=(reason, reading),
            alternatives=alternatives,
        )


def non_occurrence_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(4)(b): notice that an event notified in advance did not occur within 3 days of D.

    s.91(3) makes a failure under s.83(1), s.84(1) or s.85(1) a continuing offence, but not a
    failure under s.84(4)(b): a missed notice of non-occurrence is a breach on one day.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification, HomeAddress
    >>> case = Case(person=Person(reference="FICTIONAL-0010", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     notifications=(Notification(id="n1", date=date(2026, 2, 20), kind="advance",
    ...         expected_date=date(2026, 3, 1),
    ...         home_address=HomeAddress(kind="residence", reference="ADDR-2")),))
    >>> [(d.state.value, d.deadline) for d in assess(case, date(2026, 3, 3)).duties_of(
    ...     DutyKind.NON_OCCURRENCE)]
    [('pending', datetime.date(2026, 3, 6))]
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.non_occurrence")
    occurred = _occurred(timeline, registration_)
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        expected = n.expected_date
        if expected is None or expected not in subject:
            continue
        last_cover = add_days(expected, 2)
        # s.84(4): the notice is due if an event the advance notification relates to has not
        # occurred by the end of the 3 days beginning with D. Each change it announces is an
        # event; a detail it gives that is already notified (as a full notification form
        # restates the names in use) announces no change, so no event is expected for it.
        keys = change_keys(n)
        restated = [key for key in keys if _already_notified(timeline, occurred, key, n.date)]
        announced = [key for key in keys if key not in restated]
        if all(_occurred_between(occurred.get(key, []), n.date, last_cover) for key in announced):
            continue  # also when it announces no change at all
        path = timeline.path(n)
        days = ruleset.parameter("non_occurrence_days")
        deadline, reason, alternatives = _window(
            timeline, expected, days, rule, "Notice of non-occurrence", [path]
        )
        notes = []
        if restated:
            details = ", ".join(dict.fromkeys(_DETAIL[key[0]] for key in restated))
            notes.append(
                ruleset.rule("ew.s84.advance").reason(
                    f"{path} also restates details already notified ({details}): those announce "
                    "no change, so no event is expected for them; the notice concerns the others.",
                    facts=[path],
                )
            )
        pending = timeline.as_of <= last_cover
        state_reason = rule.reason(
            (
                f"The event expected on {expected.isoformat()} may still occur by "
                f"{last_cover.isoformat()}: the duty has not yet arisen in full."
                if pending
                else f"The event expected on {expected.isoformat()} had not occurred by the end of "
                f"{last_cover.isoformat()}."
            ),
            facts=[path],
            dates=[("expected", expected)],
        )
        yield DutyFinding(
            kind=DutyKind.NON_OCCURRENCE,
            rule_id=rule.id,
            trigger_date=expected,
            fact=path,
            deadline=deadline,
            pending=pending,
            continuing=False,
            discharged_by=timeline.index.first(("non_occurrence", expected), expected),
            reasons=(state_reason, reason, *notes),
            alternatives=alternatives,
        )


def _occurred_between(days: list[date], first: date, last: date) -> bool:
    i = bisect.bisect_left(days, first)
    return i < len(days) and days[i] <= last


def _homes_notified(
    occurred: dict[Key, list[date]], cycle: list[Notification]
) -> list[tuple[date, HomeAddress]]:
    """Each home address notified, with the day it counts as notified for s.85(6): the day of
    the notification; for an advance notification, the day of the move it covered (s.84(4)(a):
    an advance notification of a move that did not happen within 3 days of D does not count).

    An advance notification given where the person already lives (the last move recorded on or
    before its day was to the address it gives) is not given before a change (s.84(2)): it
    notifies the home from its day, as a notification under s.84(1) of a move already made
    answers that move's duty (:func:`_answering`)."""
    homes: list[tuple[date, HomeAddress]] = []
    moves = sorted(d for key, days in occurred.items() if key[0] == "home" for d in days)
    for n in cycle:
        if n.home_address is None:
            continue
        if n.kind is not NotificationKind.ADVANCE:
            homes.append((n.date, n.home_address))
            continue
        days = occurred.get(("home", n.home_address), [])
        i = bisect.bisect_right(days, n.date)  # a move after the notification
        last = bisect.bisect_right(moves, n.date)  # the moves up to the day it was given
        if i and days[i - 1] == moves[last - 1]:
            homes.append((n.date, n.home_address))
        if i < len(days) and _covers(n, days[i]):
            homes.append((days[i], n.home_address))
    homes.sort(key=lambda pair: pair[0])
    return homes
