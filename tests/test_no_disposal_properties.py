"""Properties of a conviction with no disposal recorded (documented reading of s.82(1)).

Until a disposal is recorded the person is taken to be of "any other description" in the s.82(1)
table: subject for 5 years beginning with the relevant date (halved under 18), to
``Source.taken_until``, and past that day what rests on the disposal is left undetermined.
Recording that very disposal (``OtherDisposal``) must then change nothing up to that day, and
settle everything after it: the requirements end there.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyState, Headline
from sexoffender_rules.model import Case, Notification, OtherDisposal, Person, Trigger


def outcome(duty: Duty) -> tuple[Any, ...]:
    return (duty.state, duty.deadline, duty.breach, duty.discharged_by)


@st.composite
def convictions_without_disposal(draw: st.DrawFn) -> tuple[Case, date]:
    """A fictional person, adult or not on the day, convicted with no disposal recorded; an
    initial notification or none, then notifications about a year apart (some late, some
    missing); and an assessment date from the conviction to twelve years on."""
    convicted = draw(st.dates(min_value=date(2004, 5, 1), max_value=date(2024, 12, 31)))
    # Aged about 10 to 60 on the day: under 18 now and then (the period halved, s.82(2)).
    born = convicted - timedelta(days=draw(st.integers(min_value=3650, max_value=21900)))
    notes: list[Notification] = []
    day = convicted + timedelta(days=draw(st.integers(0, 6)))
    for i in range(draw(st.integers(0, 12))):
        notes.append(Notification(id=f"n{i}", date=day, kind="initial" if i == 0 else "periodic"))
        day += timedelta(days=draw(st.sampled_from([300, 364, 365, 366, 380, 800])))
    as_of = convicted + timedelta(days=draw(st.integers(0, 12 * 366)))
    case = Case(
        person=Person(reference="FICTIONAL-PBT", date_of_birth=born),
        triggers=(Trigger(id="t1", kind="conviction", date=convicted),),
        notifications=tuple(notes),
    )
    return case, as_of


@given(convictions_without_disposal())
def test_recording_the_disposal_read_changes_nothing_before_the_day_taken(
    pair: tuple[Case, date],
) -> None:
    case, as_of = pair
    awaited = assess(case, as_of)
    (source,) = awaited.registration.sources
    taken = source.taken_until
    assert taken is not None
    trigger = case.triggers[0]
    recorded = assess(
        Case(
            person=case.person,
            triggers=(
                Trigger(id="t1", kind="conviction", date=trigger.date, disposal=OtherDisposal()),
            ),
            notifications=case.notifications,
        ),
        as_of,
    )
    # The disposal read is the one recorded: its period ends on the day taken.
    assert recorded.registration.sources[0].end == taken
    theirs = {(d.kind, d.trigger_date, d.fact): d for d in recorded.duties}
    for duty in awaited.duties:
        key = (duty.kind, duty.trigger_date, duty.fact)
        if duty.deadline is not None and duty.deadline <= taken:
            # Up to the day taken, the same duty, met, late or failing alike.
            assert outcome(theirs[key]) == outcome(duty), key
        else:
            # After it: met or undetermined, never a breach; with the disposal, not owed.
            assert duty.state in (DutyState.MET, DutyState.UNDETERMINED), key
            assert duty.breach is None
            assert key not in theirs or theirs[key].state is DutyState.NOT_REQUIRED, key
        if duty.breach is not None:
            assert duty.breach.start <= taken
    assert set(theirs) <= {(d.kind, d.trigger_date, d.fact) for d in awaited.duties}
    if as_of > taken:
        event("assessed after the day taken")
        assert awaited.headline is Headline.DUE
        assert recorded.headline is Headline.ENDED
    else:
        assert awaited.headline == recorded.headline
