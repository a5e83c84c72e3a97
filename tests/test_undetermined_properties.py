"""Properties of duties whose deadline rests on a missing date of service (`undetermined`).

An order's date of service starts the initial notification (s.83(1) with s.103G(3), s.107(5),
s.100(6), s.98(4)), and, for a notification order, is an event for the annual one (s.85(2)(a)).
Where it is not recorded, the day the order was made stands in for it as the earliest it can be.
Recording it as that very day must then settle every undetermined duty, and change nothing that
was not left open: a duty met by the earliest deadline stays met (or becomes not required, where
the date of service lets s.83(2)(c) be settled), and every other duty is the same.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import assume, event, given
from hypothesis import strategies as st

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyState, Source
from sexoffender_rules.model import Case, Notification, Order, OrderKind, Person, Trigger
from sexoffender_rules.strategies import cases_with_as_of


def outcome(duty: Duty) -> tuple[Any, ...]:
    return (duty.state, duty.deadline, duty.breach, duty.discharged_by)


def periods(sources: tuple[Source, ...]) -> list[tuple[Any, ...]]:
    """What a date of service cannot change: each source's period (s.103G(2)(a), s.98(1))."""
    return [(s.trigger_id, s.start, s.end, s.indefinite, s.period) for s in sources]


def served_when_made(case: Case) -> Case:
    return attrs.evolve(
        case,
        orders=tuple(
            o if o.served is not None else attrs.evolve(o, served=o.made) for o in case.orders
        ),
    )


@st.composite
def orders_not_served(draw: st.DrawFn) -> tuple[Case, date]:
    """A fictional person made subject by a sexual harm prevention order (or an interim one) whose
    date of service is not recorded; now and then a caution before it, whose period may or may
    not hold the order's first days (s.83(2)); notifications of any of the first days after it,
    or none; and an assessment date from the day it was made to two years on."""
    made = draw(st.dates(min_value=date(2016, 1, 1), max_value=date(2028, 12, 31)))
    kind = draw(
        st.sampled_from(
            [
                OrderKind.SEXUAL_HARM_PREVENTION_ORDER,
                OrderKind.INTERIM_SEXUAL_HARM_PREVENTION_ORDER,
            ]
        )
    )
    length = draw(st.none() | st.integers(1, 800)) if kind.value.startswith("interim") else None
    ends = None if length is None else made + timedelta(days=length)
    order = Order(id="o1", kind=kind, made=made, ends=ends)
    triggers: tuple[Trigger, ...] = ()
    earlier: tuple[Notification, ...] = ()
    if draw(st.booleans()):
        cautioned = made - timedelta(days=draw(st.integers(1, 760)))
        triggers = (Trigger(id="t1", kind="caution", date=cautioned),)
        earlier = (Notification(id="n0", date=cautioned, kind="initial", names=("NAME-A",)),)
    offsets = draw(st.lists(st.integers(0, 12), max_size=2, unique=True))
    notifications = earlier + tuple(
        Notification(id=f"n{i + 1}", date=made + timedelta(days=d), kind="initial")
        for i, d in enumerate(sorted(offsets))
    )
    case = Case(
        person=Person(reference="FICTIONAL-0963", date_of_birth=date(1980, 1, 1)),
        triggers=triggers,
        orders=(order,),
        notifications=notifications,
    )
    return case, made + timedelta(days=draw(st.integers(0, 730)))


@given(st.one_of(cases_with_as_of(), orders_not_served(), orders_not_served()))
def test_a_date_of_service_on_the_day_made_settles_each_undetermined_duty(
    pair: tuple[Case, Any],
) -> None:
    case, as_of = pair
    assume(any(o.served is None for o in case.orders))
    before = assess(case, as_of)
    after = assess(served_when_made(case), as_of)
    assert periods(before.registration.sources) == periods(after.registration.sources)
    event(
        "an undetermined duty"
        if any(d.state is DutyState.UNDETERMINED for d in before.duties)
        else "no undetermined duty"
    )
    # None is left undetermined for want of a date of service (such a duty has no deadline; one
    # left undetermined by a missing disposal keeps its own, and stays so).
    assert all(d.state is not DutyState.UNDETERMINED or d.deadline for d in after.duties)
    theirs = {(d.kind, d.trigger_date, d.fact): d for d in after.duties}
    assert len(theirs) == len(after.duties)
    assert sorted(theirs, key=repr) == sorted(
        [(d.kind, d.trigger_date, d.fact) for d in before.duties], key=repr
    )
    for mine in before.duties:
        other = theirs[(mine.kind, mine.trigger_date, mine.fact)]
        if mine.state is DutyState.UNDETERMINED and mine.deadline is None:
            # Not met by the earliest deadline: with service on the day made, that is the
            # deadline, so the duty is not met on time.
            assert mine.breach is None
            assert other.state is not DutyState.MET
        elif outcome(mine) != outcome(other):
            # Only s.83(2)(c), settled by the date of service, can excuse a duty met in time.
            assert (mine.state, other.state) == (DutyState.MET, DutyState.NOT_REQUIRED)
