"""Initial notification (SOA 2003 s.83(1)): within 3 days beginning with the relevant
date or, if later, the commencement of Part 2; the s.81 transitional cases and the s.83(3)
exception for a person who had notified under the Sex Offenders Act 1997.

>>> [r.id for r in RULES]
['ew.s83.initial', 'ew.s83.transitional', 'ew.s83.exception']
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterator
from datetime import date
from typing import cast

import attrs

from ..assessment import DutyKind, Reason, Registration, Source
from ..calendar import DateInterval, add_days
from ..engine import Alternative, DutyFinding, Timeline
from ..law import Rule, Ruleset
from ..model import NotificationKind, OrderKind
from ._common import _S83_SEEN, PART_2_COMMENCEMENT, RECHECKED, _rule, _soa, _soa_s81
from ._duties import _first_part_2_notification, _s81_open, _service_unknown, _window
from .orders import _S83_4_SEEN

RULES = (
    _rule(
        "ew.s83.initial",
        "Initial notification",
        "A relevant offender must notify within the period of 3 days beginning with the relevant "
        "date, not counting any time when they are remanded in or committed to custody by an "
        "order of a court or kept in service custody, serving a sentence of imprisonment or a "
        "term of service detention, detained in a hospital, or outside the United Kingdom "
        "(policy.partial_days).",
        _soa("s.83(1)"),
        _soa(
            "s.83(6)",
            "statute text not seen; its list is taken from s.85(4) (third-party verbatim copy of "
            "the revised text), which the explanatory note to s.84 (para 168) says s.83(6) mirrors",
        ),
    ),
    _rule(
        "ew.s83.transitional",
        "Initial notification from 1 May 2004",
        "For a relevant date before 1 May 2004 the 3 days of s.83(1) begin with 1 May 2004 "
        "('or, if later, the commencement of this Part'). s.83(3): no initial notification is "
        "needed if the person complied with s.2(1) of the Sex Offenders Act 1997 for that "
        "conviction, finding or caution. Documented reading: a notification recorded in the case "
        "dated before 1 May 2004 and on or after the relevant date is taken as that compliance "
        "(whether it was within the 1997 Act's own time limit is not tested); with none "
        "recorded the duty stands, and the first notification under Part 2 answers it, whether "
        "recorded as initial, change or periodic (documented reading: each gives the s.83(5) "
        "information). A notification before 1 May 2004 is not one under Part 2, so "
        "it starts no periodic cycle and discharges no Part 2 duty, though names and premises "
        "it gave count as notified (s.84(1)(a), (c) name s.2 of the 1997 Act).",
        _soa_s81("s.83(1), (3)", _S83_SEEN),
    ),
    _rule(
        "ew.s83.exception",
        "No initial notification when already subject and notified",
        "No initial notification is needed for a new conviction, finding or caution if, "
        "immediately before it, the person was subject because of an earlier event, had made the "
        "initial notification for that event, and remains subject because of it throughout the "
        "new 3-day period. The same holds for a notification order or a police notice for a "
        "conviction, finding or caution abroad, 'immediately before' being read as immediately "
        "before the order was made or the notice given (s.83(4); s.96ZC(5)).",
        _soa("s.83(2)"),
        _soa("s.83(4)", _S83_4_SEEN, checked=RECHECKED),
    ),
)


def initial_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.83(1): one initial duty for each source; s.83(2) excuses some. For a relevant date before
    1 May 2004 the 3 days begin with 1 May 2004, and s.83(3) excuses the duty where a notification
    before that day (taken as one under s.2(1) of the Sex Offenders Act 1997) is recorded.

    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Detention
    >>> case = Case(person=Person(reference="FICTIONAL-0007", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
    ...     detentions=(Detention(kind="remand", start=date(2026, 3, 7), end=date(2026, 3, 10)),))
    >>> assess(case, date(2026, 3, 12)).duties[0].deadline   # Fri 6; away 7-9; 10, 11
    datetime.date(2026, 3, 11)
    """
    rule = ruleset.rule("ew.s83.initial")
    exception = ruleset.rule("ew.s83.exception")
    transitional = ruleset.rule("ew.s83.transitional")
    # Earlier sources and their days, in the order they came, keyed by that order; and a heap of
    # their ends, to drop the ended ones without rebuilding the whole (many sources running at
    # once, such as a chain of consecutive terms, would otherwise cost the square of their number).
    earlier: dict[int, tuple[Source, DateInterval]] = {}
    ends: list[tuple[date, int]] = []
    for key, source in enumerate(registration_.sources):
        if _s81_open(source):
            continue  # whether s.81(1) applies at all is undetermined: no duty is asserted
        # Abroad (s.98(4), s.83(1A)): the 3 days begin with service or the notice, and s.83(4)
        # looks at the day before the order was made or the notice given.
        abroad = source.applied_by is not None
        first_day = source.initial_from or source.start
        since = source.initial_since
        days = ruleset.parameter("notification_days")
        deadline, reason, alternatives = _window(
            timeline,
            first_day,
            days,
            rule,
            "Initial notification",
            [source.fact],
        )
        not_required = None
        reasons = [reason]
        unserved = _service_unknown(source)
        if unserved is not None:
            reasons.append(
                rule.reason(
                    f"The date of service of {unserved}, which starts the 3 days, is not "
                    f"recorded: the day it was made, {first_day.isoformat()}, is the earliest it "
                    "can be, so the 3 days are counted from it for the earliest deadline. A later "
                    "date of service puts the deadline later; a notification given on or after "
                    "the day the order was made is taken to answer it (documented reading).",
                    facts=list(dict.fromkeys([source.fact, unserved])),
                )
            )
        if abroad:
            reasons.insert(0, _abroad_start(timeline, source, ruleset))
        elif source.initial_from is None and source.subject_from is not None:
            reasons.insert(
                0,
                transitional.reason(
                    f"The relevant date {source.relevant_date.isoformat()} is before 1 May 2004: "
                    "the 3 days begin with 1 May 2004 (s.83(1)).",
                    facts=[source.fact],
                ),
            )
            under_1997 = timeline.index.first(
                ("any",), source.relevant_date, before=PART_2_COMMENCEMENT
            )
            if under_1997 is not None:
                not_required = transitional.reason(
                    f"Notified on {under_1997.date.isoformat()}, before 1 May 2004: taken as "
                    "compliance with s.2(1) of the Sex Offenders Act 1997, so no initial "
                    "notification is required (s.83(3)).",
                    facts=[source.fact, timeline.path(under_1997)],
                )
            else:
                reasons.append(
                    transitional.reason(
                        "No notification before 1 May 2004 is recorded, so compliance with s.2(1) "
                        "of the Sex Offenders Act 1997 is not shown and s.83(3) does not excuse "
                        "the initial notification. The first notification under Part 2 answers "
                        "it, whether recorded as initial, change or periodic (documented reading).",
                        facts=[source.fact],
                    )
                )
            if source.days is not None:
                _keep(earlier, ends, key, source, source.days)
            yield DutyFinding(
                kind=DutyKind.INITIAL,
                rule_id=rule.id,
                trigger_date=source.start,
                fact=source.fact,
                deadline=deadline,
                discharged_by=_first_part_2_notification(timeline, source.start),
                not_required=not_required,
                reasons=tuple(reasons),
                alternatives=alternatives,
            )
            continue
        day_before = add_days(since, -1)
        if not abroad:
            # An earlier period that ended before the day before this relevant date cannot show
            # s.83(2)(a) for this source or any later one (sources come in relevant-date order):
            # drop it, so the search stays within the periods still running.
            while ends and ends[0][0] <= day_before:
                del earlier[heapq.heappop(ends)[1]]
        # Sources come in relevant-date order, but an order or notice for a trigger abroad takes
        # effect long after its relevant date: any other source may be the earlier event.
        candidates: Collection[tuple[Source, DateInterval]] = (
            [(b, b.days) for b in registration_.sources if b is not source and b.days is not None]
            if abroad
            else earlier.values()
        )
        not_required, notes = _excused(timeline, exception, source, candidates, deadline, days)
        reasons += notes
        # The exception looks at the deadline (s.83(2)(c)): under another reading of a day
        # partly spent away it is worked out again with that reading's deadline.
        alternatives = tuple(
            _with_excuse(
                alternative,
                not_required,
                _excused(timeline, exception, source, candidates, day, days)[0],
            )
            for alternative in alternatives
            for day in [cast("date | None", dict(alternative.changes).get("deadline", deadline))]
        )
        if source.days is not None:  # an undetermined period cannot show (a) or (c)
            _keep(earlier, ends, key, source, source.days)
        discharged = timeline.index.first(("kind", NotificationKind.INITIAL), since)
        yield DutyFinding(
            kind=DutyKind.INITIAL,
            rule_id=rule.id,
            trigger_date=first_day if abroad else source.relevant_date,
            fact=source.fact,
            deadline=deadline,
            discharged_by=discharged,
            not_required=not_required,
            reasons=tuple(reasons),
            alternatives=alternatives,
            missing=() if unserved is None else (f"{unserved}.served",),
        )


def _keep(
    earlier: dict[int, tuple[Source, DateInterval]],
    ends: list[tuple[date, int]],
    key: int,
    source: Source,
    days: DateInterval,
) -> None:
    """Add ``source`` and its days to ``earlier`` under ``key``, and its end to the heap
    ``ends``."""
    earlier[key] = (source, days)
    heapq.heappush(ends, (days.end, key))


def _excused(
    timeline: Timeline,
    exception: Rule,
    source: Source,
    candidates: Collection[tuple[Source, DateInterval]],
    deadline: date | None,
    days: int,
) -> tuple[Reason | None, list[Reason]]:
    """s.83(2), s.83(4): why no initial notification is required for ``source`` (``None`` if it
    is), given the initial deadline; and a note where it cannot yet be settled."""
    abroad = source.applied_by is not None
    from_start = source.initial_from is not None
    since = source.initial_since
    day_before = add_days(since, -1)
    last_plain_day = add_days(source.initial_from or source.start, days - 1)
    unserved = _service_unknown(source)
    notes: list[Reason] = []
    # s.83(2)(b) needs an initial notification from the earlier source's start to before
    # ``since``: none at all before ``since`` rules out every candidate, and a candidate that
    # starts after the last one is ruled out without looking further (many sources running at
    # once, such as repeated cautions, would otherwise be searched pairwise).
    latest = timeline.index.last_before(("kind", NotificationKind.INITIAL), since)
    if latest is None:
        return None, notes
    for before, span in candidates:
        if (before.start if from_start else before.relevant_date) >= since:
            continue
        if before.start > latest.date:
            continue
        subject_before = day_before in span
        # s.83(2)(b) asks for a notification under s.83(1): for an s.81 source, one given on
        # or after 1 May 2004 (a 1997 Act notification excused it under s.83(3) instead).
        notified = timeline.index.first(
            ("kind", NotificationKind.INITIAL),
            before.start,
            before=since,
        )
        if unserved is None:
            throughout = before.indefinite or (deadline is not None and deadline in span)
        else:
            # The deadline is only the earliest it can be: (c) holds on any date of service
            # only if the earlier period lasts to the end of this one.
            throughout = before.indefinite or (source.end is not None and source.end in span)
        # While the end of the 3 days is not fixed, (c) is still open only if the earlier period
        # lasts at least to the last of the 3 days counted without time away, or, without a date
        # of service, to the earliest deadline: the end can be no earlier than that.
        if deadline is None:
            open_c = last_plain_day in span
        else:
            open_c = unserved is not None and deadline in span
        if subject_before and notified is not None and open_c and not throughout:
            notes.append(
                exception.reason(
                    f"s.83(2) may excuse this through {before.fact}, but not until "
                    + (
                        "the end of the 3 days is fixed (the person is still detained or abroad)"
                        if deadline is None
                        else f"the date of service of {unserved} is recorded"
                    )
                    + ": (c) cannot yet be settled.",
                    facts=[source.fact, before.fact],
                )
            )
        if subject_before and notified is not None and throughout:
            return exception.reason(
                f"Already subject through {before.fact} and notified under s.83(1) on "
                f"{notified.date.isoformat()}, and still subject through it to the end of the "
                "3 days: no initial notification is required" + (" (s.83(4))." if abroad else "."),
                facts=[source.fact, before.fact, timeline.path(notified)],
            ), notes
    return None, notes


def _with_excuse(
    alternative: Alternative, mine: Reason | None, theirs: Reason | None
) -> Alternative:
    """``alternative`` with the exception found under its deadline, where that differs."""
    if theirs == mine:
        return alternative
    return attrs.evolve(alternative, changes=(*alternative.changes, ("not_required", theirs)))


def _abroad_start(timeline: Timeline, source: Source, ruleset: Ruleset) -> Reason:
    """Why the 3 days of the initial notification for a trigger abroad begin when they do."""
    order = next(o for o in timeline.case.orders if timeline.path(o) == source.applied_by)
    first_day = source.initial_from or source.start
    if order.kind is OrderKind.POLICE_NOTICE:
        words = (
            f"the 3 days begin with the day the notice was given, {first_day.isoformat()} "
            "(s.83(1A), s.96ZC(4))."
        )
        rule_id = "ew.s96za.notice"
    else:
        words = (
            "the 3 days begin with the relevant date or, if later, the date of service of the "
            f"order (s.83(1) read with s.98(4)): {first_day.isoformat()}."
        )
        rule_id = "ew.s98.notification_order"
    return ruleset.rule(rule_id).reason(
        f"{source.fact}: made subject by {source.applied_by}; " + words,
        facts=[source.fact, f"{source.applied_by}"],
        dates=[("initial_from", first_day)],
    )
