"""Review of indefinite notification requirements (SOA 2003 ss.91A-91F, from 30 July
2012): the qualifying date (s.91B), a further qualifying date after a determination to continue,
no review while subject to a sexual harm prevention order or similar order, and a determination
that the person need not remain subject (s.91C), which ends the requirements.

>>> [r.id for r in RULES]
['ew.s91b.qualifying_date', 'ew.s91c.discharged']
"""

from __future__ import annotations

import attrs

from ..assessment import Source
from ..calendar import (
    END_OF_TIME,
    CalendarPeriod,
    DateInterval,
    add_days,
    last_day_of_period_beginning_with,
)
from ..engine import Timeline
from ..law import Citation, Ruleset
from ..model import Notification, OrderKind, ReviewOutcome
from ._common import RECHECKED, REVIEW_COMMENCEMENT, SOA, _attains, _cite, _rule
from ._duties import _first_part_2_notification, _month_end_reading
from .orders import BARS_REVIEW, NOTICE_COMMENCEMENT, _in_effect

RULES = (
    _rule(
        "ew.s91b.qualifying_date",
        "When a review of indefinite notification requirements may be sought",
        "A person subject to the notification requirements for an indefinite period through a "
        "conviction, finding or caution (s.80(1) or 81(1)) may apply to the chief officer of "
        "police for a determination that they are no longer subject, on or after the qualifying "
        "date: the day after the end of the 15-year period (8-year period if under 18 on the "
        "relevant date) beginning with the day of the relevant notification. The relevant "
        "notification is read as the first notification given on or after the relevant date (or "
        "the day the person became subject), or, where the person was detained on the relevant "
        "date, the first given on or after the day of release (a documented reading: the "
        "statute's definition was not seen). After a determination that the person must remain "
        "subject, the further qualifying date is the day after the end of the 8-year period, or "
        "the longer period the chief officer set, beginning with the day of the determination "
        "(the day the notice was received where the determination's own date is not recorded). "
        "A person is not a qualifying relevant offender while a sexual harm prevention order, a "
        "sexual offences prevention order or an interim one has effect (other orders do not "
        "bar a review), so the first day an application may be made is reported as "
        "the later of the qualifying date and the day after the order ceases, and none while an "
        "order has effect until further order. The transitional qualifying dates for "
        "applications in the first years of the scheme (s.91B(7)) are not modelled.",
        Citation(
            instrument=SOA,
            provision="s.91A(1)-(3)",
            checked=RECHECKED,
            source="text of the draft Order (legislation.gov.uk/ukdsi/2012/9780111521403/article/"
            "3) seen: (2) qualifying on the date of application if subject to the indefinite "
            "notification requirements and not subject to a sexual offences prevention order or "
            "interim order; the current (2)(b) naming sexual harm prevention orders and interim "
            "orders was not seen (from the legal research notes)",
        ),
        Citation(
            instrument=SOA,
            provision="s.91B(1)-(3)",
            checked=RECHECKED,
            source="third-party verbatim copy of the revised text (help-benidorm.com, Lexis "
            "extract) seen for (1)-(2) and the opening of (3): (2)(a) 'the day after the end of "
            "the 15 year period beginning with the day on which the qualifying relevant offender "
            "gives the relevant notification', (b) the same with 8 years where under 18 on the "
            "relevant date; (3) 'the day after the end of the 8 year period beginning with the "
            "day on which the relevant chief officer of police makes a determination under "
            "section 91C'; (4)-(7) and the definition of 'relevant notification' not seen",
        ),
        _cite(
            "SI 2012/1883 (Sexual Offences Act 2003 (Remedial) Order 2012)",
            "art. 1(1), art. 3",
            "vlex.co.uk copy of the made Order seen: made 16 July 2012, in force 14 days after "
            "it was made; art. 3 inserts ss.91A-91G",
        ),
        in_force=DateInterval(REVIEW_COMMENCEMENT, END_OF_TIME),
    ),
    _rule(
        "ew.s91c.discharged",
        "A determination on review that the person need not remain subject",
        "Where the chief officer determines on review that the person is no longer to be subject "
        "to the indefinite notification requirements, the person ceases to be subject on the "
        "date the notice of the determination is received. Ceasing to be subject on a day is "
        "read as not being subject on that day: the last day subject is the day before, and a "
        "duty whose deadline falls on or after it is not required (a named choice; the other "
        "reading moves the last day by one day). A determination that the person must remain "
        "subject changes nothing but the next qualifying date (ew.s91b.qualifying_date).",
        Citation(
            instrument=SOA,
            provision="s.91C",
            checked=RECHECKED,
            source="statute text not seen; Halsbury's Laws para 511 as cited in the legal "
            "research notes: the offender ceases to be subject on the date of receipt of the "
            "notice of determination",
        ),
        _cite(
            "SI 2012/1883 (Sexual Offences Act 2003 (Remedial) Order 2012)",
            "art. 3",
            "legislation.gov.uk/ukdsi/2012/9780111521403/note (explanatory note) seen: s.91A "
            "provides for a determination that the qualifying relevant offender ceases to remain "
            "subject to the indefinite notification requirements",
        ),
        in_force=DateInterval(REVIEW_COMMENCEMENT, END_OF_TIME),
    ),
)


def _relevant_notification(source: Source, timeline: Timeline) -> tuple[Notification | None, str]:
    """The s.91B relevant notification of an indefinite source: the first notification on or
    after the day the person became subject through it or, where the person was detained on the
    relevant date, on or after the day of release. Returns the notification (``None`` if not yet
    given) and words saying which it is."""
    day = source.start
    detained = any(
        d.start <= day and (d.end is None or d.end > day) for d in timeline.case.detentions
    )
    if not detained:
        words = f"the first notification on or after {day.isoformat()}"
        return _first_part_2_notification(timeline, day), words
    release = next((r for r in timeline.releases if r > day), None)
    if release is None:
        return None, "the first after release; detained on the relevant date, not released"
    words = (
        f"the first notification on or after {release.isoformat()}, the day of release "
        "(detained on the relevant date)"
    )
    return _first_part_2_notification(timeline, release), words


def _review(source: Source, timeline: Timeline, ruleset: Ruleset) -> Source:
    """ss.91A-91C: the day a review of an indefinite source may first be sought, and the end of
    the requirements on a determination that the person need not remain subject."""
    as_of = timeline.as_of
    if not source.indefinite or as_of < REVIEW_COMMENCEMENT:
        return source
    qualifying = ruleset.rule("ew.s91b.qualifying_date")
    discharged = ruleset.rule("ew.s91c.discharged")
    reasons = list(source.reasons)
    order = next((o for o in timeline.case.orders if timeline.path(o) == source.applied_by), None)
    notification_order = order is not None and order.kind is OrderKind.NOTIFICATION_ORDER
    if notification_order and as_of >= NOTICE_COMMENCEMENT:
        reasons.append(
            ruleset.rule("ew.s98.notification_order").reason(
                f"Indefinite period under {source.applied_by}, a notification order: "
                "s.91A(3) as seen names requirements by virtue of s.80(1), s.81(1) or a "
                "notice under s.96ZA, not a notification order, so no qualifying date for a "
                "review is reported (a saving for notification orders was not seen: check).",
                facts=[source.fact, str(source.applied_by)],
            )
        )
        return attrs.evolve(source, reasons=tuple(reasons), review_from=None)
    reviews = sorted(
        (
            (i, r)
            for i, r in enumerate(timeline.case.review_determinations)
            if REVIEW_COMMENCEMENT <= r.notice_received <= as_of
            and r.notice_received >= source.start
        ),
        key=lambda ir: (ir[1].notice_received, ir[0]),
    )
    for i, review in reviews:
        if review.outcome is ReviewOutcome.DISCHARGED:
            path = f"review_determinations[{i}]"
            last = add_days(review.notice_received, -1)
            reasons.append(
                discharged.reason(
                    f"{path}: notice of a determination that the person need not remain subject "
                    f"was received on {review.notice_received.isoformat()}: the person ceases to "
                    f"be subject that day; the last day subject is {last.isoformat()}.",
                    facts=[path],
                    dates=[("ceased", review.notice_received), ("end", last)],
                )
            )
            return attrs.evolve(
                source, indefinite=False, period=None, end=last, reasons=tuple(reasons)
            )
    notification, words = _relevant_notification(source, timeline)
    if notification is None:
        reasons.append(
            qualifying.reason(
                f"Indefinite period: the relevant notification ({words}) has not been given by "
                "the assessment date, so the qualifying date for a review (s.91B(2)) is not yet "
                "known.",
                facts=[source.fact],
            )
        )
        return attrs.evolve(source, reasons=tuple(reasons))
    under_18 = source.relevant_date < _attains(timeline.case.person.date_of_birth, 18, timeline)
    years = 8 if under_18 else 15
    span = CalendarPeriod(years=years)
    note_path = timeline.path(notification)
    end_of_span = last_day_of_period_beginning_with(notification.date, span, timeline.policy)
    review_from = add_days(end_of_span, 1)
    reasons.append(
        qualifying.reason(
            f"Indefinite period; {'under 18' if under_18 else '18 or over'} on the relevant date: "
            f"the relevant notification ({words}) is {note_path} on "
            f"{notification.date.isoformat()}; the {years}-year period beginning with it ends on "
            f"{end_of_span.isoformat()}, so the qualifying date is {review_from.isoformat()} "
            "(s.91B(2)).",
            facts=[source.fact, note_path],
            dates=[("relevant_notification", notification.date), ("qualifying_date", review_from)],
            readings=_month_end_reading(
                notification.date, "leap_day", timeline.policy.leap_day.value, months=False
            ),
        )
    )
    for i, review in reviews:
        path = f"review_determinations[{i}]"
        made = review.determined or review.notice_received
        further = review.further_review_years or 8
        end_of_span = last_day_of_period_beginning_with(
            made, CalendarPeriod(years=further), timeline.policy
        )
        review_from = add_days(end_of_span, 1)
        reasons.append(
            qualifying.reason(
                f"{path}: a determination that the person must remain subject, made on "
                f"{made.isoformat()}"
                + ("" if review.determined else " (the day the notice was received)")
                + f": the further qualifying date is the day after the end of the {further}-year "
                f"period beginning with it, {review_from.isoformat()} (s.91B(3)"
                + ("-(5)" if review.further_review_years else "")
                + ").",
                facts=[path],
                dates=[("qualifying_date", review_from)],
                # Whole years from 29 February may end on a day the year lacks, as for s.91B(2).
                readings=_month_end_reading(
                    made, "leap_day", timeline.policy.leap_day.value, months=False
                ),
            )
        )
    for order in timeline.case.orders:
        effect, ceases = _in_effect(order, as_of)
        if not effect or order.kind not in BARS_REVIEW:
            continue
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        if ceases is None:
            reasons.append(
                qualifying.reason(
                    f"{path}: a {what} has effect until further order: while it has effect the "
                    "person is not a qualifying relevant offender (s.91A(2)) and may not apply "
                    "for a review.",
                    facts=[path],
                )
            )
            return attrs.evolve(source, reasons=tuple(reasons), review_from=None)
        if ceases >= review_from:
            review_from = add_days(ceases, 1)
            reasons.append(
                qualifying.reason(
                    f"{path}: a {what} has effect until {ceases.isoformat()}: while it has effect "
                    "the person is not a qualifying relevant offender (s.91A(2)), so may first "
                    f"apply for a review on {review_from.isoformat()}.",
                    facts=[path],
                    dates=[("review_from", review_from)],
                )
            )
    return attrs.evolve(source, reasons=tuple(reasons), review_from=review_from)
