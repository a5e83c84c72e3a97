"""Parental directions (SOA 2003 s.89) at their edges, worked by hand from the statute.

s.89(2): while a direction has effect the obligations under ss.83-86 are the parent's; s.89(3):
it takes immediate effect. The wrapper that applies the rule to a duty function
(``parental._parental``) is built here at test time, as a reform builds it, as well as met
through the ruleset.
"""

from __future__ import annotations

import functools
from datetime import date

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, Responsible
from sexoffender_rules.engine import DutyFinding, Timeline
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.england_and_wales.initial import initial_duties
from sexoffender_rules.england_and_wales.parental import _parental
from sexoffender_rules.england_and_wales.periodic import periodic_duties
from sexoffender_rules.law import DutyFunction
from sexoffender_rules.model import (
    Case,
    Notification,
    OtherDisposal,
    ParentalDirection,
    Person,
    Trigger,
)
from sexoffender_rules.policy import Policy

YOUNG = Person(reference="FICTIONAL-0970", date_of_birth=date(2011, 1, 1))  # 18 on 1 Jan 2029


def youth_caution(*directions: ParentalDirection) -> Case:
    # Cautioned Mon 2 March 2026, aged 15: the initial notification is due within 3 days
    # beginning with it, by Wed 4 March 2026 (s.83(1)). Nothing is notified.
    return Case(
        person=YOUNG,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 2)),),
        parental_directions=directions,
    )


def run(emit: DutyFunction, case: Case, as_of: date) -> list[DutyFinding]:
    """The findings of the duty function ``emit`` for ``case`` on ``as_of``."""
    timeline = Timeline.build(case, as_of, Policy())
    registration = ENGLAND_AND_WALES.registration(timeline, ENGLAND_AND_WALES)
    return list(emit(timeline, registration, ENGLAND_AND_WALES))


def test_a_wrapped_duty_function_keeps_its_name_and_description() -> None:
    # The ruleset lists the wrapped functions (ENGLAND_AND_WALES.duties): each still reads as
    # the function it wraps; one with no name of its own is called "duties".
    wrapped = _parental(periodic_duties)
    assert wrapped.__name__ == "periodic_duties"
    assert wrapped.__doc__ == periodic_duties.__doc__
    assert _parental(functools.partial(periodic_duties)).__name__ == "duties"


def test_a_wrapper_built_for_a_reform_makes_the_duty_the_parents() -> None:
    # A direction made on 2 March 2026 has effect until the young offender attains 18, to
    # 31 December 2028 (s.89(3)(a)), so it includes the deadline 4 March 2026: the duty is the
    # parent's (s.89(2)). Without a direction the wrapper changes nothing.
    wrapped = _parental(initial_duties)
    [alone] = run(initial_duties, youth_caution(), date(2026, 3, 3))
    assert run(wrapped, youth_caution(), date(2026, 3, 3)) == [alone]
    case = youth_caution(ParentalDirection(made=date(2026, 3, 2)))
    [finding] = run(wrapped, case, date(2026, 3, 3))
    assert finding.responsible is Responsible.PARENT
    assert finding.deadline == date(2026, 3, 4)
    assert finding.reasons[:-1] == alone.reasons
    assert finding.reasons[-1].rule_id == "ew.s89.parental_direction"
    assert finding.reasons[-1].dates == (
        ("direction_from", date(2026, 3, 2)),
        ("direction_until", date(2028, 12, 31)),
    )


def test_a_direction_made_on_the_assessment_date_already_has_effect() -> None:
    # s.89(3): a direction 'takes immediate effect'. Made on Wed 4 March 2026, the deadline day,
    # and assessed that day: it has effect on the deadline, so the duty is the parent's.
    case = youth_caution(ParentalDirection(made=date(2026, 3, 4)))
    [initial] = assess(case, date(2026, 3, 4)).duties_of(DutyKind.INITIAL)
    assert initial.responsible is Responsible.PARENT
    # Assessed the day before, the direction is not yet made: the duty is the young offender's.
    [initial] = assess(case, date(2026, 3, 3)).duties_of(DutyKind.INITIAL)
    assert initial.responsible is Responsible.OFFENDER


def test_a_direction_made_later_takes_only_the_duties_due_while_it_has_effect() -> None:
    # Convicted Mon 2 March 2026, aged 15, of an offence with a community sentence: 5 years
    # (s.82(1)), halved for a person under 18 (s.82(2)), 2 years 6 months, to 1 September 2028.
    # Notified 2 March 2026 (n1) and 1 March 2027 (n2): the annual notifications are due by
    # 2 March 2027 and 1 March 2028 (s.85(1)). A direction made on 1 June 2027 has effect to
    # 31 December 2028 (s.89(3)(a)): the first deadline is before it (the young offender's), the
    # second within it (the parent's).
    case = Case(
        person=YOUNG,
        triggers=(
            Trigger(id="t1", kind="conviction", date=date(2026, 3, 2), disposal=OtherDisposal()),
        ),
        notifications=(
            Notification(id="n1", date=date(2026, 3, 2), kind="initial"),
            Notification(id="n2", date=date(2027, 3, 1), kind="periodic"),
        ),
        parental_directions=(ParentalDirection(made=date(2027, 6, 1)),),
    )
    periodic = assess(case, date(2027, 7, 1)).duties_of(DutyKind.PERIODIC)
    assert [(d.deadline, d.responsible) for d in periodic] == [
        (date(2027, 3, 2), Responsible.OFFENDER),
        (date(2028, 3, 1), Responsible.PARENT),
    ]
