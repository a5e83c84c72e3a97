"""Young offenders: parental directions (SOA 2003 ss.89-90). While a direction has
effect the duties fall on the named parent, who must attend with the young person.

>>> [r.id for r in RULES]
['ew.s89.parental_direction']
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..assessment import Registration, Responsible
from ..calendar import DateInterval, add_days
from ..engine import DutyFinding, Timeline
from ..law import DutyFunction, Ruleset
from ..model import ParentalDirection
from ._common import _S91_2004, RECHECKED, _attains, _rule, _soa

# --------------------------------------------------------------------------------------------
# Young offenders: parental directions (ss.89-90)
# --------------------------------------------------------------------------------------------

_S89_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/89/enacted: (1) the court 'may direct that "
    'subsection (2) applies in respect of an individual ("the parent") having parental '
    "responsibility for ... the young offender'; (2)(a) 'the obligations that would (apart from "
    "this subsection) be imposed by or under sections 83 to 86 on the young offender are to be "
    "treated instead as obligations on the parent', (b) 'the parent must ensure that the young "
    "offender attends at the police station with him, when a notification is being given'; (3) "
    "'A direction under subsection (1) takes immediate effect and applies (a) until the young "
    "offender attains the age of 18 ...; or (b) for such shorter period as the court may, at the "
    "time the direction is given, direct'; the current revised text was not seen"
)
RULES = (
    _rule(
        "ew.s89.parental_direction",
        "Parental direction",
        "While a direction under s.89(1) has effect (from the day it is made until the young "
        "offender attains 18, the end of a shorter period the court set, or its discharge under "
        "s.90, whichever is first), the obligations under ss.83-86 are the parent's, who must "
        "also ensure the young offender attends the police station with them. A duty whose "
        "deadline falls while a direction has effect (or, while its deadline is not yet fixed, "
        "one that is running on the assessment date while a direction has effect) names the "
        "parent as responsible. Documented choice: the assessment still reports the breach of "
        "the notification requirement and the in_breach headline, since the requirement is not "
        "met; the failure is the parent's offence (s.91(1)(a) names s.89(2)(b)), not the young "
        "offender's; responsibility is fixed by the deadline day and a continuing failure is not "
        "split when the direction ends.",
        _soa("s.89(1)-(3)", _S89_SEEN, checked=RECHECKED),
        _soa(
            "s.90",
            "text not seen; the explanatory notes and the Bill (clause 90, HC Bill 164) describe "
            "applications to vary, renew or discharge a direction",
            checked=RECHECKED,
        ),
        _soa("s.91(1)(a)", _S91_2004, checked=RECHECKED),
    ),
)


def _direction_effect(timeline: Timeline, direction: ParentalDirection) -> DateInterval:
    """The days a parental direction has effect: from the day it is made until the young offender
    attains 18 (s.89(3)(a)), the end of the shorter period the court set (s.89(3)(b)), or the day
    it is discharged (s.90), whichever is first (an empty interval if none is after ``made``)."""
    ends = [_attains(timeline.case.person.date_of_birth, 18, timeline)]
    if direction.ends is not None:
        ends.append(add_days(direction.ends, 1))
    if direction.discharged is not None:
        ends.append(direction.discharged)
    return DateInterval(direction.made, max(direction.made, min(ends)))


def _parental(emit: DutyFunction) -> DutyFunction:
    """``emit``, with each duty whose deadline falls while a parental direction has effect (or,
    while its deadline is not fixed, that runs on the assessment date while one has effect)
    naming the parent as responsible (s.89(2)): :func:`_with_parent` applied to it."""

    def with_parent(
        timeline: Timeline, registration_: Registration, ruleset: Ruleset
    ) -> Iterator[DutyFinding]:
        yield from _with_parent(emit, timeline, registration_, ruleset)

    with_parent.__name__ = getattr(emit, "__name__", "duties")
    with_parent.__doc__ = emit.__doc__
    return with_parent


def _with_parent(
    emit: DutyFunction, timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """The duties ``emit`` finds, each whose deadline falls while a parental direction has effect
    (or, while its deadline is not fixed, that runs on the assessment date while one has effect)
    naming the parent as responsible (s.89(2)), with the reason; the first direction in the
    case that has effect on that day is named."""
    directions = timeline.case.parental_directions
    if not directions:
        yield from emit(timeline, registration_, ruleset)
        return
    rule = ruleset.rule("ew.s89.parental_direction")
    effects = [
        (i, _direction_effect(timeline, d))
        for i, d in enumerate(directions)
        if d.made <= timeline.as_of
    ]
    for finding in emit(timeline, registration_, ruleset):
        day = finding.deadline if finding.deadline is not None else timeline.as_of
        having = [(i, e) for i, e in effects if day in e]
        if not having:
            yield finding
            continue
        i, effect = having[0]
        path = f"parental_directions[{i}]"
        last = add_days(effect.end, -1)
        when = f"the deadline {day.isoformat()}" if finding.deadline else "the assessment date"
        reason = rule.reason(
            f"A parental direction ({path}) has effect from {effect.start.isoformat()} to "
            f"{last.isoformat()}, which includes {when}: the duty is the parent's, who must also "
            "ensure the young offender attends (s.89(2)); a failure to comply is the parent's "
            "offence, not the young offender's (s.91(1)(a)).",
            facts=[path, finding.fact],
            dates=[
                ("direction_from", effect.start),
                ("direction_until", last),
            ],
        )
        yield attrs.evolve(
            finding, responsible=Responsible.PARENT, reasons=(*finding.reasons, reason)
        )
