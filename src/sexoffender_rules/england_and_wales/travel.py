"""England and Wales: notification of travel outside the United Kingdom (SOA 2003 s.86).

Regulations made under s.86(1) (SI 2004/1220, as amended from 13 August 2012 by SI 2012/1876)
require a relevant offender who intends to leave the United Kingdom to notify the police before
leaving. Each absence abroad (``Case.absences_abroad``) whose departure falls while the person is
subject is a trip; the duty for it is discharged by a ``travel`` notification whose ``departure``
is the trip's day of departure.

- Which trips: before 13 August 2012 only a trip of 3 days or more (``ew.s86.travel-3-days``);
  from that day every trip, the Republic of Ireland included (``ew.s86.travel``).
- When: not less than 7 days before the day of departure (a notification on the 7th day before
  complies); where the details were not known 7 days ahead (``details_known_late``), or the person
  became subject fewer than 7 days before departure, not less than 12 hours before departure
  (``ew.s86.travel-late-details``; 24 hours before 13 August 2012,
  ``ew.s86.travel-late-details-24-hours``).
- A change of the notified details before departure (``details_changed``): a fresh travel
  notification at least 24 hours before departure (``ew.s86.travel-change``).
- A return not notified in advance, or differing from the return notified: a ``return``
  notification within 3 days beginning with the day of return (``ew.s86.travel-return``).

The figures are parameters of the ruleset (:data:`TRAVEL_PARAMETERS`), so a reform can change them.

>>> from sexoffender_rules import assess
>>> from sexoffender_rules.model import AbsenceAbroad, Case, Person, Trigger
>>> case = Case(person=Person(reference="FICTIONAL-0190", date_of_birth=date(1980, 1, 1)),
...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
...     absences_abroad=(AbsenceAbroad(start=date(2026, 7, 20), end=date(2026, 7, 20)),))
>>> [d.deadline for d in assess(case, date(2026, 8, 1)).duties_of(DutyKind.FOREIGN_TRAVEL)]
[datetime.date(2026, 7, 13)]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

from dateutil import tz

from ..assessment import DutyKind, Reason, Registration
from ..calendar import (
    END_OF_TIME,
    DateInterval,
    IntervalSet,
    add_days,
    last_day_of_days_beginning_with,
)
from ..engine import DutyFinding, Timeline
from ..law import Citation, Rule, Ruleset
from ..model import AbsenceAbroad, Notification, NotificationKind

__all__ = [
    "ALL_TRIPS_FROM",
    "TRAVEL_PARAMETERS",
    "TRAVEL_RULES",
    "latest_notice_day",
    "travel_duties",
]

TRAVEL_REGULATIONS_FROM = date(2004, 5, 1)
"""SI 2004/1220 came into force on 1 May 2004 (reg 3(1))."""

ALL_TRIPS_FROM = date(2012, 8, 13)
"""From 13 August 2012 (SI 2012/1876) every trip abroad is notifiable, whatever its length.

>>> ALL_TRIPS_FROM.isoformat()
'2012-08-13'
"""

TRAVEL_PARAMETERS: dict[str, int] = {
    "travel_notice_days": 7,
    "travel_late_hours": 12,
    "travel_late_hours_before_2012": 24,
    "travel_change_hours": 24,
    "travel_return_days": 3,
}
"""The figures of the travel rules, parameters of the England and Wales ruleset: days of notice
before departure; hours of notice where the details were not known in time (from 13 August 2012,
and before); hours of notice of a change of details; days to notify a return.

>>> TRAVEL_PARAMETERS["travel_notice_days"], TRAVEL_PARAMETERS["travel_return_days"]
(7, 3)
"""

_CHECKED = date(2026, 12, 2)
_SOA = "Sexual Offences Act 2003"
_REGS_2004 = (
    "SI 2004/1220 (Sexual Offences Act 2003 (Travel Notification Requirements) Regulations 2004)"
)
_REGS_2012 = (
    "SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and Wales) "
    "Regulations 2012)"
)
_NI_2014 = (
    "SR 2014/185 (Northern Ireland amendment of the 2004 Regulations; an analogue, not law in "
    "England and Wales)"
)
_LONDON = tz.gettz("Europe/London")

_S86 = Citation(
    instrument=_SOA,
    provision="s.86(1)",
    checked=_CHECKED,
    source=(
        "statute text not seen (legislation.gov.uk/ukpga/2003/42/section/86 not available); "
        "Halsbury's Laws para 507 (lexisnexis.co.uk) summarises it: a relevant offender who "
        "intends to leave the United Kingdom must notify before leaving the date of leaving, the "
        "(first) country and the point of arrival. Explanatory notes para 246 (legislation.gov.uk)"
        " seen: 'regulations made under section 86(1) (i.e. regulations imposing notification "
        "requirements relating to foreign travel)'"
    ),
)
_REGS_2004_SEEN = Citation(
    instrument=_REGS_2004,
    provision="regs 3, 5-7",
    checked=_CHECKED,
    source=(
        "as made, Queen's Printer text in a third-party copy (zoomlaw.co.uk/2004-1220-uksi.html);"
        " legislation.gov.uk/uksi/2004/1220 not seen. Seen: reg 3(1) 'these Regulations shall "
        "come into force on 1st May 2004'; reg 3(2) 'A relevant offender who intends to leave "
        "the United Kingdom for a period of less than eight days is not required to give a "
        "notification pursuant to regulation 5(1) if his intended date of departure is on or "
        "before 9th May 2004.' Regs 5-7 (which trips, the 7-day and fallback timing) not seen"
    ),
)
_EM_2012 = Citation(
    instrument=_REGS_2012,
    provision="regs 3-8 (explanatory memorandum para 2.2; explanatory note)",
    checked=_CHECKED,
    source=(
        "text of regs 3-8 not seen. Draft at legislation.gov.uk/ukdsi/2012/9780111521410 seen: "
        "made under 'sections 83(5) and (5A), 84(1) and (5A), 85(5), 86 and 138(4)'; in force '28 "
        "days after the day on which they are made' (13 August 2012). Explanatory memorandum "
        "para 2.2 (docslib.org copy): 'replacing the existing requirement to notify foreign "
        "travel of three or more days with a requirement to notify all foreign travel'. "
        "Explanatory note (third-party copy): 'Regulation 5 provides that relevant offenders "
        "... must notify the police of any intended travel outside the United Kingdom "
        "(regardless of the length of the trip)'; 'Regulation 3 contains transitional provision "
        "for the 14 day period immediately following the coming into force' (not modelled)"
    ),
)
_NI_REG_7 = Citation(
    instrument=_NI_2014,
    provision="reg 7",
    checked=_CHECKED,
    source=(
        "legislation.gov.uk/nisr/2014/185/regulation/7/made seen: 'In regulation 7 of the 2004 "
        "Regulations (a) in paragraph (2) for \u201c24 hours\u201d substitute \u201c12 hours\u201d'"
        " and a new (3): notice under (2) less than 24 hours before departure only with a "
        "reasonable excuse. The England and Wales amendment (SI 2012/1876) was not seen; the 12- "
        "and 24-hour figures are read from this twin amendment"
    ),
)
_REG_7_2004 = Citation(
    instrument=_REGS_2004,
    provision="reg 7(2)",
    checked=_CHECKED,
    source=(
        "text not seen. The 2004 Regulations extend to England and Wales and Northern Ireland; "
        "the Northern Ireland amendment of them (legislation.gov.uk/nisr/2014/185/regulation/7/"
        "made, seen) substitutes '12 hours' for '24 hours' in reg 7(2) of the 2004 Regulations, "
        "so before amendment reg 7(2) said 24 hours; SI 2012/1876 made the same change for "
        "England and Wales from 13 August 2012 (its amending text not seen)"
    ),
)
_NACRO_SEEN = (
    "regulations' text not seen. Nacro, 'Travelling abroad while on the Sex Offenders' "
    "Register' (nacro.org.uk) seen: 'If any of this information should change, you must "
    "report in person and make a fresh notification at least 24 hours before your "
    "departure from the UK'; the information listed includes 'The date of re-entry to the UK "
    "and point of arrival'; the page breaks off at 'If you do not provide details of your "
    "date of re-entry to the' (the return duty and its time limit not seen). Under the Sex "
    "Offenders Act 1997 the 2001 Regulations required notices of leaving and of returning: "
    "the Scottish instrument's explanatory note (legislation.gov.uk/ssi/2001/188/note/made) "
    "seen: 'notices where they propose to leave, and return to, the United Kingdom'; of the "
    "England and Wales instrument (SI 2001/1846, third-party copy) only regs 1-5 seen"
)


def _as_amended(provision: str) -> Citation:
    return Citation(
        instrument=_REGS_2004 + " as amended",
        provision=provision,
        checked=_CHECKED,
        source=_NACRO_SEEN,
    )


_S91 = Citation(
    instrument=_SOA,
    provision="s.91(1)(a), (3)",
    checked=_CHECKED,
    source=(
        "legislation.gov.uk/ukpga/2003/42/section/91/2004-05-01: (1)(a) 'fails, without "
        "reasonable excuse, to comply with section 83(1), 84(1), 84(4)(b), 85(1), 87(4) or 89(2)"
        "(b) or any requirement imposed by regulations made under section 86(1)'; (3) 'on the "
        "day on which he first fails ... to comply with section 83(1), 84(1) or 85(1) or a "
        "requirement imposed by regulations made under section 86(1), and continues to commit it "
        "throughout any period during which the failure continues'"
    ),
)

_WHEN = (
    "The notification is due not less than 7 days before the day of departure: one given on the "
    "7th day before, or earlier, complies (civil dates). It is answered by a travel notification "
    "whose departure is the day the person left (no tolerance: a notification of another day is "
    "another trip). A failure continues (s.91(3)) until a travel notification of the trip is "
    "given, even after departure, or the requirements end: a documented reading (the duty to "
    "notify before leaving can no longer be met on time, but the notification still answers it)."
)

_HOURS = (
    "Hours are counted in elapsed time in Europe/London, across clock changes, from the "
    "departure time the travel notification gives (00:00 on the day of departure where none is "
    "given); the deadline is the civil date on which the last moment to notify falls, and a "
    "notification on that date complies (notifications record dates, not times): documented "
    "readings. 'As soon as practicable' is not tested."
)

TRAVEL_RULES = (
    Rule(
        id="ew.s86.travel-3-days",
        title="Travel abroad, before 13 August 2012: trips of 3 days or more",
        statement=(
            "From 1 May 2004 to 12 August 2012 only a trip abroad for a period of 3 days or more "
            "must be notified. The period is counted in calendar days, the day of departure and "
            "the day of return both counted (the return date recorded, else the expected return, "
            "else the days so far): a documented reading. A trip of less than 8 days leaving "
            "on or before 9 May 2004 is not notifiable (reg 3(2)). " + _WHEN
        ),
        citations=(_S86, _REGS_2004_SEEN, _EM_2012, _S91),
        in_force=DateInterval(TRAVEL_REGULATIONS_FROM, ALL_TRIPS_FROM),
    ),
    Rule(
        id="ew.s86.travel",
        title="Travel abroad: every trip",
        statement=(
            "From 13 August 2012 every trip outside the United Kingdom must be notified, however "
            "short, the Republic of Ireland included (its exception is Northern Ireland's only). "
            + _WHEN
        ),
        citations=(_S86, _EM_2012, _REGS_2004_SEEN, _S91),
        in_force=DateInterval(ALL_TRIPS_FROM, END_OF_TIME),
    ),
    Rule(
        id="ew.s86.travel-late-details",
        title="Travel abroad: details not known 7 days ahead",
        statement=(
            "From 13 August 2012, where the details of the trip were not known 7 days before "
            "departure (a recorded fact), or the person became subject fewer than 7 days before "
            "it, the notification is due not less than 12 hours before departure. " + _HOURS
        ),
        citations=(_NI_REG_7, _EM_2012, _S86),
        in_force=DateInterval(ALL_TRIPS_FROM, END_OF_TIME),
    ),
    Rule(
        id="ew.s86.travel-late-details-24-hours",
        title="Travel abroad, before 13 August 2012: details not known 7 days ahead",
        statement=(
            "From 1 May 2004 to 12 August 2012, where the details of the trip were not known 7 "
            "days before departure, or the person became subject fewer than 7 days before it, the "
            "notification is due not less than 24 hours before departure. " + _HOURS
        ),
        citations=(_REG_7_2004, _NI_REG_7, _S86),
        in_force=DateInterval(TRAVEL_REGULATIONS_FROM, ALL_TRIPS_FROM),
    ),
    Rule(
        id="ew.s86.travel-change",
        title="Travel abroad: a change of the notified details",
        statement=(
            "Where details the person notified for a trip change before departure (a recorded "
            "fact, the day of the change), a fresh travel notification of the same departure is "
            "due at least 24 hours before departure, counted as for details not known in time "
            "(from the departure time the fresh notification gives, else the first one). It is "
            "answered by a travel notification of that departure given on or after the day of "
            "the change. Documented readings: the duty applies to every notifiable trip from 1 "
            "May 2004 (the text of the 2004 Regulations on changes was not seen); a change after "
            "the last moment for 24 hours' notice gives no duty (it cannot be notified in time; a "
            "changed return is then notified on return)."
        ),
        citations=(_as_amended("change of travel details (regulation not seen)"), _S86, _S91),
        in_force=DateInterval(TRAVEL_REGULATIONS_FROM, END_OF_TIME),
    ),
    Rule(
        id="ew.s86.travel-return",
        title="Travel abroad: notification of the return",
        statement=(
            "Where the person returns to the United Kingdom from a notifiable trip and the return "
            "date was not notified before departure (no travel notification of the trip given on "
            "or before the day of departure gives one), or differs from the one the last such "
            "notification gave, the return must be notified within 3 days beginning with the "
            "day of return, by a return notification of that departure. Documented readings: "
            "the 3 days are not seen in the England and Wales text (a parameter, "
            "travel_return_days); no time away is disregarded; the point of arrival is not "
            "modelled; the duty applies from 1 May 2004."
        ),
        citations=(_as_amended("notification of return (regulation not seen)"), _S86, _S91),
        in_force=DateInterval(TRAVEL_REGULATIONS_FROM, END_OF_TIME),
    ),
)
"""The rules of foreign travel notification, added to the England and Wales ruleset."""


def latest_notice_day(departure: date, departure_time: str | None, hours: int) -> date:
    """The civil date (Europe/London) of the moment ``hours`` hours before departure.

    Elapsed hours are counted on UTC instants, so a clock change between the notification and the
    departure moves the local wall-clock time. A departure time that does not exist (the hour
    skipped in March) is moved forward by the gap; one that occurs twice (October) is read as the
    first.

    >>> latest_notice_day(date(2026, 3, 29), "12:30", 12)  # 11:30 UTC; 23:30 GMT the day before
    datetime.date(2026, 3, 28)
    >>> latest_notice_day(date(2026, 10, 25), "11:30", 12)  # 11:30 UTC; 00:30 BST the same day
    datetime.date(2026, 10, 25)
    >>> latest_notice_day(date(2026, 7, 20), None, 12)
    datetime.date(2026, 7, 19)
    """
    hour, _, minute = (departure_time or "00:00").partition(":")
    local = datetime.combine(departure, time(int(hour), int(minute)), tzinfo=_LONDON)
    local = tz.resolve_imaginary(local)
    latest = local.astimezone(timezone.utc) - timedelta(hours=hours)
    return latest.astimezone(_LONDON).date()


_TRANSITION_UNTIL = date(2004, 5, 9)


def _trip_days(absence: AbsenceAbroad, as_of: date) -> int:
    """Days of the trip, the day of departure and the day of return both counted: the return
    recorded by ``as_of``, else (still abroad) the later of ``as_of`` and the expected return."""
    if absence.end is not None and absence.end <= as_of:
        back = absence.end
    else:
        back = max(as_of, absence.expected_return or as_of)
    return (back - absence.start).days + 1


def _travel_notifications(timeline: Timeline, departure: date) -> list[Notification]:
    """The travel notifications giving ``departure``, earliest first."""
    return list(timeline.index.all(("departure", NotificationKind.TRAVEL, departure)))


def _return_notification(timeline: Timeline, departure: date, back: date) -> Notification | None:
    """The first return notification of the trip that left on ``departure``, given on or after
    the day of return ``back``."""
    return timeline.index.first(("departure", NotificationKind.RETURN, departure), back)


def _notifiable(
    timeline: Timeline, absence: AbsenceAbroad, ruleset: Ruleset
) -> tuple[Rule, Reason] | None:
    """The rule under which the trip is notifiable, and why; ``None`` if it is not (a trip of
    under 3 days before 13 August 2012, or of under 8 days leaving by 9 May 2004)."""
    departure, path = absence.start, timeline.path(absence)
    if departure >= ALL_TRIPS_FROM:
        rule = ruleset.rule("ew.s86.travel")
        return rule, rule.reason(
            f"A trip abroad leaving on {departure.isoformat()} ({path}), on or after 13 August "
            "2012: every trip is notifiable.",
            facts=[path],
            dates=[("departure", departure)],
        )
    days = _trip_days(absence, timeline.as_of)
    if days < 3 or (departure <= _TRANSITION_UNTIL and days < 8):
        return None  # not notifiable (reg 3(2) of 2004: under 8 days up to 9 May 2004)
    rule = ruleset.rule("ew.s86.travel-3-days")
    return rule, rule.reason(
        f"A trip abroad leaving on {departure.isoformat()} ({path}) for {days} days: before 13 "
        "August 2012 a trip of 3 days or more is notifiable.",
        facts=[path],
        dates=[("departure", departure)],
    )


def travel_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.86 and SI 2004/1220 as amended: for each notifiable trip abroad that leaves while
    subject, a duty to notify it before leaving; where its notified details changed before
    departure, a duty to notify the change; and where its return was not notified in advance
    or differs, a duty to notify the return.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import AbsenceAbroad, Case, Notification, Person, Trigger
    >>> case = Case(person=Person(reference="FICTIONAL-0191", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     absences_abroad=(AbsenceAbroad(start=date(2026, 7, 20), end=date(2026, 7, 22)),),
    ...     notifications=(Notification(id="n1", date=date(2026, 7, 13), kind="travel",
    ...                                 departure=date(2026, 7, 20)),))
    >>> result = assess(case, date(2026, 8, 1))
    >>> [d.state.value for d in result.duties_of(DutyKind.FOREIGN_TRAVEL)]
    ['met']
    >>> [(d.deadline, d.state.value) for d in result.duties_of(DutyKind.TRAVEL_RETURN)]
    [(datetime.date(2026, 7, 24), 'overdue')]
    """
    subject = registration_.subject_days
    for absence in timeline.case.absences_abroad:
        departure = absence.start
        if departure > timeline.as_of or departure not in subject:
            continue
        notifiable = _notifiable(timeline, absence, ruleset)
        if notifiable is None:
            continue
        rule, why = notifiable
        notifications = _travel_notifications(timeline, departure)
        yield _departure_duty(timeline, absence, ruleset, subject, rule, why, notifications)
        change = _change_duty(timeline, absence, ruleset, why, notifications)
        if change is not None:
            yield change
        back = _return_duty(timeline, absence, ruleset, why, notifications)
        if back is not None:
            yield back


def _departure_duty(
    timeline: Timeline,
    absence: AbsenceAbroad,
    ruleset: Ruleset,
    subject: IntervalSet,
    rule: Rule,
    why: Reason,
    notifications: list[Notification],
) -> DutyFinding:
    """The duty to notify the trip before leaving (7 days, or 12 or 24 hours)."""
    departure, path = absence.start, timeline.path(absence)
    all_trips = departure >= ALL_TRIPS_FROM
    notification = notifications[0] if notifications else None
    span = subject.span_containing(departure)
    subject_from = span.start if span is not None else departure
    notice_days = ruleset.parameter("travel_notice_days")
    ahead = add_days(departure, -notice_days)
    reasons = [why]
    if absence.details_known_late or subject_from > ahead:
        if all_trips:
            late_rule = ruleset.rule("ew.s86.travel-late-details")
            hours = ruleset.parameter("travel_late_hours")
        else:
            late_rule = ruleset.rule("ew.s86.travel-late-details-24-hours")
            hours = ruleset.parameter("travel_late_hours_before_2012")
        clock = notification.departure_time if notification is not None else None
        deadline = latest_notice_day(departure, clock, hours)
        known = (
            f"the details were not known {notice_days} days before departure"
            if absence.details_known_late
            else f"the person became subject on {subject_from.isoformat()}, fewer than "
            f"{notice_days} days before departure"
        )
        reasons.append(
            late_rule.reason(
                f"As {known}, notification is due not less than {hours} hours before departure "
                f"on {departure.isoformat()} {_at(clock)}, Europe/London: by "
                f"{deadline.isoformat()}.",
                facts=[f"{path}.details_known_late"] if absence.details_known_late else [path],
                dates=[("deadline", deadline)],
            )
        )
    else:
        deadline = ahead
        reasons.append(
            rule.reason(
                f"Notification is due not less than {notice_days} days before departure: by "
                f"{deadline.isoformat()}.",
                dates=[("deadline", deadline)],
            )
        )
    if notification is not None:
        reasons.append(_answered(timeline, rule, notification, "giving that day of departure"))
    return DutyFinding(
        kind=DutyKind.FOREIGN_TRAVEL,
        rule_id=rule.id,
        trigger_date=departure,
        fact=path,
        deadline=deadline,
        discharged_by=notification,
        reasons=tuple(reasons),
    )


def _at(clock: str | None) -> str:
    return f"at {clock}" if clock else "at 00:00 (no departure time given)"


def _answered(timeline: Timeline, rule: Rule, notification: Notification, what: str) -> Reason:
    n_path = timeline.path(notification)
    return rule.reason(
        f"Answered by the {notification.kind.value} notification of "
        f"{notification.date.isoformat()} ({n_path}) {what}.",
        facts=[n_path],
    )


def _change_duty(
    timeline: Timeline,
    absence: AbsenceAbroad,
    ruleset: Ruleset,
    why: Reason,
    notifications: list[Notification],
) -> DutyFinding | None:
    """The duty to notify a change of the notified details at least 24 hours before departure,
    where the details changed (``details_changed``) in time for that."""
    changed = absence.details_changed
    if changed is None:
        return None
    departure, path = absence.start, timeline.path(absence)
    rule = ruleset.rule("ew.s86.travel-change")
    hours = ruleset.parameter("travel_change_hours")
    fresh = next((n for n in notifications if n.date >= changed), None)
    timed = fresh or (notifications[0] if notifications else None)
    clock = timed.departure_time if timed is not None else None
    deadline = latest_notice_day(departure, clock, hours)
    if changed > deadline:
        return None  # changed after the last moment for notice: no duty (rule statement)
    reasons = [
        why,
        rule.reason(
            f"The notified details changed on {changed.isoformat()} ({path}.details_changed): a "
            f"fresh notification is due at least {hours} hours before departure on "
            f"{departure.isoformat()} {_at(clock)}, Europe/London: by {deadline.isoformat()}.",
            facts=[f"{path}.details_changed"],
            dates=[("changed", changed), ("deadline", deadline)],
        ),
    ]
    if fresh is not None:
        reasons.append(
            _answered(timeline, rule, fresh, "giving that departure, on or after the change")
        )
    return DutyFinding(
        kind=DutyKind.TRAVEL_CHANGE,
        rule_id=rule.id,
        trigger_date=changed,
        fact=path,
        deadline=deadline,
        discharged_by=fresh,
        reasons=tuple(reasons),
    )


def _return_duty(
    timeline: Timeline,
    absence: AbsenceAbroad,
    ruleset: Ruleset,
    why: Reason,
    notifications: list[Notification],
) -> DutyFinding | None:
    """The duty to notify the return, where the person has come back and the return was not
    notified before departure or differs from the return notified."""
    back = absence.end
    if back is None or back > timeline.as_of:
        return None
    departure, path = absence.start, timeline.path(absence)
    before = [n for n in notifications if n.date <= departure]
    last = before[-1] if before else None
    if last is not None and last.expected_return == back:
        return None
    if last is None:
        basis, facts = "no travel notification of the trip was given before departure", [path]
    elif last.expected_return is None:
        basis = f"the last travel notification before departure ({timeline.path(last)}) gave none"
        facts = [path, timeline.path(last)]
    else:
        expected = last.expected_return.isoformat()
        basis = (
            f"it differs from the return on {expected} that the last travel notification "
            f"before departure ({timeline.path(last)}) gave"
        )
        facts = [path, timeline.path(last)]
    rule = ruleset.rule("ew.s86.travel-return")
    days = ruleset.parameter("travel_return_days")
    deadline = last_day_of_days_beginning_with(back, days)
    reasons = [
        why,
        rule.reason(
            f"The person returned on {back.isoformat()} ({path}.end), a return not notified in "
            f"advance as it happened: {basis}. The return is due within {days} days beginning "
            f"with the day of return: by {deadline.isoformat()}.",
            facts=facts,
            dates=[("returned", back), ("deadline", deadline)],
        ),
    ]
    answer = _return_notification(timeline, departure, back)
    if answer is not None:
        reasons.append(_answered(timeline, rule, answer, "of the return from that departure"))
    return DutyFinding(
        kind=DutyKind.TRAVEL_RETURN,
        rule_id=rule.id,
        trigger_date=back,
        fact=path,
        deadline=deadline,
        discharged_by=answer,
        reasons=tuple(reasons),
    )
