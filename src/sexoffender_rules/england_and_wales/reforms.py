"""England and Wales: reforms of the baseline, registered by name and off by default.

:data:`CRIME_AND_POLICING_ACT_2026` is the notification change of the Crime and Policing Act 2026
(c. 20) that the sources seen support: a name must be notified before it is first used
(``cpa2026.name-in-advance``), instead of within 3 days after (s.84(1)(a)). The Act's sections,
any period of advance notice and the commencement of these provisions were not seen, so the
period is a parameter (``name_notice_days``, default 1: the day before first use), the
commencement is a parameter of :func:`crime_and_policing_act_2026` (default: Royal Assent, the
earliest date it could be in force), and the reform is never applied unless asked for. The police
power to prohibit a change of name is a power, not a duty to notify, and is not encoded.
docs/law/crime-and-policing-act-2026.md records what is known.

The registered reform is ``sexoffender_rules.england_and_wales.CRIME_AND_POLICING_ACT_2026``:

>>> from sexoffender_rules.england_and_wales import CRIME_AND_POLICING_ACT_2026
>>> from sexoffender_rules.rulesets import reform_named
>>> reform_named("crime-and-policing-act-2026") is CRIME_AND_POLICING_ACT_2026
True
>>> CRIME_AND_POLICING_ACT_2026.parameter("name_notice_days")
1
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from ..assessment import DutyKind, Registration
from ..calendar import END_OF_TIME, DateInterval, add_days
from ..engine import DutyFinding, Timeline
from ..law import Citation, DutyFunction, Rule, Ruleset

__all__ = [
    "CPA_2026_ROYAL_ASSENT",
    "NAME_IN_ADVANCE",
    "crime_and_policing_act_2026",
]

CPA_2026_ROYAL_ASSENT = date(2026, 4, 29)
"""Royal Assent of the Crime and Policing Act 2026 (c. 20); not the commencement of its
notification provisions, which is unconfirmed.

>>> CPA_2026_ROYAL_ASSENT.isoformat()
'2026-04-29'
"""

NAME_IN_ADVANCE = "cpa2026.name-in-advance"
"""The id of the rule that a new name be notified before it is first used."""

_CHECKED = date(2026, 12, 2)
_CPA = "Crime and Policing Act 2026 (c. 20)"

_SOURCES = (
    Citation(
        instrument=_CPA,
        provision="notification of names in advance (section not seen)",
        checked=_CHECKED,
        source=(
            "the Act's text not seen; commencement of these provisions unconfirmed (a first "
            "commencement wave from 29 June 2026 is not reported to include them). Royal Assent 29 "
            "April 2026 (secondary summaries). Home Office, 'Crime and Policing Bill: Management "
            "of offenders factsheet', 25 February 2025 (gov.uk), seen: 'strengthen the "
            "notification requirements for sex offenders, give the police a power to prohibit "
            "sex offenders from changing their names on official documents'; 'The bill makes "
            "changes to strengthen these requirements, including by requi' (the rest not seen). "
            "Commentary on the Bill (olliers.com, 18 March 2025; birkettlong.co.uk, 9 April 2025; "
            "openings only): names to be notified in advance. Any period of advance notice not "
            "seen"
        ),
    ),
    Citation(
        instrument="Sexual Offences Act 2003",
        provision="s.84(1)(a)",
        checked=_CHECKED,
        source="the baseline duty the reform replaces for names first used from commencement",
    ),
)


def _rule(commencement: date) -> Rule:
    return Rule(
        id=NAME_IN_ADVANCE,
        title="Crime and Policing Act 2026 (commencement unconfirmed): a name notified in advance",
        statement=(
            "A name not yet notified that the person first uses on or after the commencement of "
            "the notification provisions of the Crime and Policing Act 2026 must be notified "
            "before it is first used: by the day name_notice_days (a parameter, default 1) "
            "before the day of first use, instead of within 3 days after (s.84(1)(a)). The "
            "notifications that answer the s.84(1) duty answer it (a change notification, or an "
            "advance notification under s.84(2)). Documented readings: the Act's period of "
            "advance notice was not seen (the default, the day before, follows from "
            "notifications recording dates, not times); its commencement is unconfirmed, and "
            "this ruleset takes it as a parameter (default Royal Assent, 29 April 2026)."
        ),
        citations=_SOURCES,
        in_force=DateInterval(commencement, END_OF_TIME),
    )


def _names_in_advance(emit: DutyFunction) -> DutyFunction:
    """``emit`` with each change-of-name duty that arose while :data:`NAME_IN_ADVANCE` is in force
    due before the name was first used: :func:`_in_advance` applied to it."""

    def emit_in_advance(
        timeline: Timeline, registration_: Registration, ruleset: Ruleset
    ) -> Iterator[DutyFinding]:
        yield from _in_advance(emit, timeline, registration_, ruleset)

    return emit_in_advance


def _in_advance(
    emit: DutyFunction, timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """The duties ``emit`` finds, each change-of-name duty that arose while
    :data:`NAME_IN_ADVANCE` is in force due ``name_notice_days`` before the name was first used,
    with the reason."""
    rule = ruleset.rule(NAME_IN_ADVANCE)
    days = ruleset.parameter("name_notice_days")
    for finding in emit(timeline, registration_, ruleset):
        if finding.kind is not DutyKind.CHANGE_OF_NAME or not rule.in_force_on(
            finding.trigger_date
        ):
            yield finding
            continue
        deadline = add_days(finding.trigger_date, -days)
        used = finding.trigger_date.isoformat()
        reason = rule.reason(
            f"The name was first used on {used} ({finding.fact}), on or after the "
            f"commencement taken for the Crime and Policing Act 2026 "
            f"({rule.in_force.start.isoformat()}, unconfirmed): it is to be notified at "
            f"least {days} day{'s' if days != 1 else ''} before that day, by "
            f"{deadline.isoformat()}, instead of within 3 days after.",
            facts=[finding.fact],
            dates=[("deadline", deadline)],
        )
        # The deadline no longer counts days away: no reading of a partial day changes it.
        alternatives = tuple(
            attrs.evolve(a, changes=tuple(c for c in a.changes if c[0] != "deadline"))
            for a in finding.alternatives
        )
        yield attrs.evolve(
            finding,
            rule_id=rule.id,
            deadline=deadline,
            reasons=(*finding.reasons, reason),
            alternatives=alternatives,
        )


def crime_and_policing_act_2026(commencement: date = CPA_2026_ROYAL_ASSENT) -> Ruleset:
    """The Crime and Policing Act 2026 reform of the England and Wales ruleset, with its
    notification provisions taken as in force from ``commencement``.

    >>> later = crime_and_policing_act_2026(date(2027, 1, 1))
    >>> later.rule("cpa2026.name-in-advance").in_force.start
    datetime.date(2027, 1, 1)
    >>> later.baseline
    'England and Wales: Sexual Offences Act 2003, Part 2'
    """
    from . import DUTY_FUNCTIONS, ENGLAND_AND_WALES
    from .changes import change_duties
    from .parental import _parental

    return ENGLAND_AND_WALES.derive(
        name="England and Wales with the Crime and Policing Act 2026 (commencement unconfirmed)",
        description=(
            "England and Wales with the name notification change of the Crime and Policing Act "
            f"2026 taken as in force from {commencement.isoformat()} (unconfirmed)"
        ),
        new_parameters={"name_notice_days": 1},
        add=[_rule(commencement)],
        duties=[
            _parental(_names_in_advance(emit) if emit is change_duties else emit)
            for emit in DUTY_FUNCTIONS
        ],
        local_readings=ENGLAND_AND_WALES.local_readings,
    )
