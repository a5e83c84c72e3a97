"""Sexual harm prevention orders and interim orders (SOA 2003 s.103G, in force from
8 March 2015): an order keeps a relevant offender subject while it has effect, and makes a person
not otherwise subject a relevant offender from its service until it ends.

>>> RULES[0].id
'ew.s103g.remains_subject'
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from ..assessment import Reason, Source
from ..calendar import END_OF_TIME, DateInterval
from ..engine import Timeline
from ..law import Citation, Ruleset
from ..model import Order
from ._common import RECHECKED, SHPO_COMMENCEMENT, _cite, _rule, _soa

RULES = (
    _rule(
        "ew.s103g.remains_subject",
        "A sexual harm prevention order keeps a relevant offender subject",
        "Where a sexual harm prevention order, or an interim one, is made in respect of a person "
        "who was a relevant offender immediately before it was made (subject through a "
        "conviction, finding or caution on the day it was made), and the notification period "
        "would end while the order has effect, the person remains subject until the order ceases "
        "to have effect: its last day as made or as last renewed or varied, or the day before a "
        "court discharged it; while it has effect until further order, no end is known. An order "
        "that ceases on or before the last day of the period changes nothing. One order keeping "
        "the person subject makes the person a relevant offender when a later order is made. "
        "Orders made before 8 March 2015 are not sexual harm prevention orders (the sexual "
        "offences prevention orders they replaced are not modelled) and have no effect here. "
        "An order made on a person who was not a relevant offender is ew.s103g.makes_subject.",
        _soa(
            "s.103G(1), (4)",
            "legislation.gov.uk/ukpga/2003/42/section/103G/2015-03-08 and the latest revised text "
            "(/section/103G), seen word for word: (1) 'the defendant would (apart from this "
            "subsection) cease to be subject to the notification requirements of this Part while "
            "the order (as renewed from time to time) has effect, the defendant remains subject "
            "to the notification requirements'; (4) applies (1)-(3) to an interim order without "
            "'(as renewed from time to time)'",
            checked=RECHECKED,
        ),
        _cite(
            "Anti-social Behaviour, Crime and Policing Act 2014",
            "Sch. 5 para. 2 (inserting ss.103A-103K)",
            "legislation.gov.uk/ukpga/2014/12/schedule/5 commencement note seen: in force "
            "8 March 2015 by SI 2015/373 art. 2(e)",
        ),
        Citation(
            instrument="Sentencing Act 2020",
            provision="s.352(2)(b), (3)",
            checked=RECHECKED,
            source="text not seen; the legislation.gov.uk annotation to SOA 2003 s.103G was seen: "
            "'Pt. 2 applied (with modifications) (1.12.2020) by Sentencing Act 2020 (c. 17), "
            "ss. 352(2)(b)(3)' (orders made on conviction under the Sentencing Code are taken "
            "to have the same effect)",
        ),
        in_force=DateInterval(SHPO_COMMENCEMENT, END_OF_TIME),
    ),
    _rule(
        "ew.s103g.makes_subject",
        "A sexual harm prevention order makes a person subject",
        "Where a sexual harm prevention order, or an interim one, is made in respect of a person "
        "who was not a relevant offender immediately before it was made (not subject through "
        "any conviction, finding or caution on the day it was made), the order makes the person "
        "subject until it ceases to have effect (its last day as made or as last renewed or "
        "varied, or the day before a court discharged it; no end while it has effect until "
        "further order), and Part 2 applies with the date of service of the order as the "
        "relevant date: the initial notification is due within 3 days beginning with it. The "
        "statute makes the person subject from the making of the order; the engine counts the "
        "person subject from service (the same day where the order is served when made), so no "
        "duty is found for days between the making and service (a documented simplification). "
        "Where the date of service is not recorded, the relevant date is undetermined and the "
        "day the order was made stands in for it.",
        _soa(
            "s.103G(2)-(4)",
            "legislation.gov.uk/ukpga/2003/42/section/103G/2015-03-08, seen word for word: (2)(a) "
            "'the order causes the defendant to become subject to the notification requirements "
            "of this Part from the making of the order until the order (as renewed from time to "
            "time) ceases to have effect'; (3) 'The \"relevant date\" is the date of service "
            "of the order'; (4) the same for an interim order",
            checked=RECHECKED,
        ),
        Citation(
            instrument="Sentencing Act 2020",
            provision="s.352(2)(b), (3)",
            checked=RECHECKED,
            source="text not seen; the legislation.gov.uk annotation to SOA 2003 s.103G was seen: "
            "'Pt. 2 applied (with modifications) (1.12.2020) by Sentencing Act 2020 (c. 17), "
            "ss. 352(2)(b)(3)'",
        ),
        in_force=DateInterval(SHPO_COMMENCEMENT, END_OF_TIME),
    ),
)


def _kept_by_orders(source: Source, timeline: Timeline, ruleset: Ruleset) -> Source:
    """s.103G(1), (4): a sexual harm prevention order, or an interim one, made while the person
    is subject through ``source`` and having effect after the period would end keeps the person
    subject until the order ceases to have effect; orders are taken in the order they were made,
    so one order keeping the person subject lets a later one keep them subject further."""
    if source.indefinite or source.undetermined or source.end is None:
        return source
    rule = ruleset.rule("ew.s103g.remains_subject")
    reasons = list(source.reasons)
    last: date | None = source.end
    kept_by: str | None = None
    orders = sorted(
        (o for o in timeline.case.orders if o.made <= timeline.as_of),
        key=lambda o: (o.made, o.id),
    )
    for order in orders:
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        if order.made < SHPO_COMMENCEMENT:
            reasons.append(
                rule.reason(
                    f"{path}: made on {order.made.isoformat()}, before sexual harm prevention "
                    "orders came into force on 8 March 2015: it has no effect here.",
                    facts=[path],
                )
            )
            continue
        if last is None or not source.start <= order.made <= last:
            continue  # not made while the person was a relevant offender through this source
        known = order
        if order.discharged is not None and order.discharged > timeline.as_of:
            known = attrs.evolve(order, discharged=None)  # not yet discharged on the date
        ceases = known.last_day
        ceases_text = (
            "has effect until further order"
            if ceases is None
            else f"has effect until {ceases.isoformat()}"
        )
        if ceases is not None and ceases <= last:
            reasons.append(
                rule.reason(
                    f"{path}: a {what} made on {order.made.isoformat()} {ceases_text}, not after "
                    f"the last day subject ({last.isoformat()}): the person would not cease to "
                    "be subject while it has effect, so s.103G(1) changes nothing.",
                    facts=[path],
                )
            )
            continue
        reasons.append(
            rule.reason(
                f"{path}: a {what} made on {order.made.isoformat()}, while the person was a "
                f"relevant offender, {ceases_text}; the person would cease to be subject after "
                f"{last.isoformat()}, while it has effect, so remains subject "
                + (
                    "while it has effect (s.103G(1))."
                    if ceases is None
                    else f"until {ceases.isoformat()} (s.103G(1))."
                ),
                facts=[path],
                dates=[] if ceases is None else [("kept_until", ceases)],
            )
        )
        last, kept_by = ceases, path
    if len(reasons) == len(source.reasons):
        return source
    if kept_by is None:
        return attrs.evolve(source, reasons=tuple(reasons))
    return attrs.evolve(source, reasons=tuple(reasons), kept_by=kept_by, kept_until=last)


def _made_subject_by_orders(
    sources: list[Source], timeline: Timeline, ruleset: Ruleset, notes: list[Reason]
) -> Iterator[Source]:
    """s.103G(2)-(4): a source for each sexual harm prevention order, or interim order, made on a
    person who was not then a relevant offender, from service until the order ceases."""
    rule = ruleset.rule("ew.s103g.makes_subject")
    made_subject: list[Source] = []
    for order in sorted(timeline.case.orders, key=lambda o: (o.made, o.id)):
        if order.made > timeline.as_of or order.made < SHPO_COMMENCEMENT:
            continue  # not yet made, or not a sexual harm prevention order (ew.s103g.remains_subject)
        if any(order.made in s.subject_days for s in (*sources, *made_subject)):
            continue  # a relevant offender when it was made: s.103G(1) applies instead
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        _, last = _in_effect(order, timeline.as_of)
        served = order.served
        missing: tuple[str, ...] = ()
        if served is None:
            missing = (f"{path}.served: the date of service is the relevant date (s.103G(3))",)
        relevant = served or order.made
        if last is not None and last < relevant:
            notes.append(
                rule.reason(
                    f"{path}: the {what} ceased to have effect on {last.isoformat()}, before it "
                    f"was served on {relevant.isoformat()}: no day from service is subject "
                    "through it.",
                    facts=[path],
                )
            )
            continue
        ending = "while it has effect" if last is None else f"until {last.isoformat()}"
        reasons = [
            rule.reason(
                f"{path}: a {what} made on {order.made.isoformat()} on a person who was not a "
                f"relevant offender: it makes the person subject {ending} (s.103G(2)); the "
                + (
                    f"relevant date is the date of service, {served.isoformat()} (s.103G(3))."
                    if served is not None
                    else "relevant date is the date of service, which is not recorded: "
                    f"{order.made.isoformat()}, the day it was made, stands in for it."
                ),
                facts=[path],
                dates=[("relevant_date", relevant)] + ([] if last is None else [("end", last)]),
            )
        ]
        source = Source(
            trigger_id=order.id,
            fact=path,
            relevant_date=relevant,
            period=None,
            end=last,
            missing=missing,
            reasons=tuple(reasons),
            kept_by=path,
            kept_until=last,
        )
        made_subject.append(source)
        yield source


def _in_effect(order: Order, as_of: date) -> tuple[bool, date | None]:
    """Whether ``order`` has effect on ``as_of`` (a discharge after it not yet known), and its
    last day (``None`` until further order)."""
    if order.discharged is not None and order.discharged > as_of:
        order = attrs.evolve(order, discharged=None)
    last = order.last_day
    return order.made <= as_of and (last is None or last >= as_of), last
