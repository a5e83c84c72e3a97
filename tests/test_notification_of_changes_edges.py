"""Notification of changes (SOA 2003 s.84): the reasons each duty gives, in full, and the edges
of advance notification (s.84(2)-(4)), of a name used again (s.91(3)) and of qualifying stays
(s.84(1)(c), (6)).

Each case is worked by hand from the statute in its comment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind
from sexoffender_rules.model import Case, NameUsed, Notification, Person, Trigger

PERSON = Person(reference="FICTIONAL-0970", date_of_birth=date(1978, 9, 14))
# Cautioned Mon 5 January 2026 (adult: 2 years, s.82(1)), notified the next day with NAME-A.
CAUTION = Trigger(id="t1", kind="caution", date=date(2026, 1, 5))
INITIAL = Notification(id="n1", date=date(2026, 1, 6), kind="initial", names=("NAME-A",))


def said(duty: Duty) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


def case(*items: NameUsed | Notification) -> Case:
    """The caution and its initial notification, with further events and notifications."""
    return Case(
        person=PERSON,
        triggers=(CAUTION,),
        events=tuple(i for i in items if isinstance(i, NameUsed)),
        notifications=(INITIAL, *(i for i in items if isinstance(i, Notification))),
    )


def test_an_advance_notification_more_than_2_days_ahead_of_the_use_does_not_discharge() -> None:
    # Advance notification of NAME-B given on Mon 2 February 2026 for D = Tue 10 February.
    # s.84(3)-(4)(a): it covers a use from D-2 (8 February) to D+2 (12 February). NAME-B is used on
    # Sat 7 February, D-3: not covered, so the duty of s.84(1)(a) runs from 7 February.
    advance = Notification(
        id="n2",
        date=date(2026, 2, 2),
        kind="advance",
        names=("NAME-A", "NAME-B"),
        expected_date=date(2026, 2, 10),
    )
    [duty] = assess(
        case(advance, NameUsed(date=date(2026, 2, 7), name="NAME-B")), date(2026, 2, 20)
    ).duties_of(DutyKind.CHANGE_OF_NAME)
    assert said(duty)[1] == (
        "ew.s84.advance",
        "notifications[1] gave it in advance for 2026-02-10, but the event on 2026-02-07 came "
        "more than 2 days before that date: it does not discharge the duty.",
        ("events[0]", "notifications[1]"),
        (("expected", date(2026, 2, 10)),),
        (),
    )
    assert duty.discharged_by is None
