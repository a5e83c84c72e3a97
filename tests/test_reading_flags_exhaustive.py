"""The flags of an assessment against an exhaustive check of every reading of the law.

The engine assesses a case again under another reading only where a reason names the reading,
and for the readings a ruleset lists as local (``Ruleset.local_readings``) it first settles the
duties again from their findings' alternatives, assessing the whole case again only where one
settles differently. Neither shortcut may change the flags: here the reference tries every other
value of every reading of the policy by assessing the whole case under it, slowly and simply, and
of the readings some reason names, the engine must flag exactly those whose other value gives a
different result (docs/calendar.md: a flag is raised for a reading a reason relied on).
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assessments_made import counting
from sexoffender_rules import (
    Assessment,
    Detention,
    Duty,
    Notification,
    Person,
    Policy,
    Registration,
    Trigger,
    assess,
)
from sexoffender_rules.calendar import DisregardedTime, Spell
from sexoffender_rules.engine import Timeline, other_readings
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.errors import AmbiguousReadingError
from sexoffender_rules.law import DutyFunction, Ruleset
from sexoffender_rules.model import Case
from sexoffender_rules.policy import NoCorrespondingDay, PartialDays
from sexoffender_rules.strategies import cases_with_as_of, histories, policies

READINGS = (PartialDays.LIBERTY_AT_END_OF_DAY, PartialDays.WHOLE_DAY_AT_LIBERTY)

# A duty still runs while open, suspended, pending or undetermined (an undetermined one may keep
# its deadline: one falling due after the day a person with no disposal recorded is taken to be
# subject to).
RUNNING = ("open", "suspended", "pending", "undetermined")


def other_values(value: object) -> list[object]:
    """Every value of a reading but ``value`` and the refusal to choose."""
    if isinstance(value, bool):
        return [not value]
    assert isinstance(value, enum.Enum)
    return [m for m in type(value) if m is not value and m.value != "raise"]


def duty_outcome(duty: Duty) -> tuple[object, ...]:
    # What a reading can change in a duty that matters on the assessment date (the engine's
    # definition of a different result, docs/calendar.md): its state, breach and answering
    # notification, and its deadline while it still runs.
    deadline = duty.deadline if duty.state.value in RUNNING else None
    return (
        duty.kind,
        duty.trigger_date,
        duty.fact,
        deadline,
        duty.state,
        duty.discharged_by,
        duty.breach,
    )


def outcome(result: Assessment) -> tuple[object, ...]:
    registration = result.registration
    return (
        registration.subject,
        registration.end,
        registration.indefinite,
        [
            (s.trigger_id, s.end, s.indefinite, s.kept_until, s.review_from)
            for s in registration.sources
        ],
        [duty_outcome(d) for d in result.duties],
        result.headline,
    )


def exhaustive_dependence(case: Case, as_of: date, policy: Policy) -> list[tuple[str, str]]:
    """Each (reading, other value) under which the whole case, assessed again, differs."""
    mine = outcome(assess(case, as_of, policy))
    found = []
    for field in attrs.fields(Policy):
        for other in other_values(getattr(policy, field.name)):
            changed: dict[str, Any] = {field.name: other}
            try:
                theirs = assess(case, as_of, attrs.evolve(policy, **changed))
            except AmbiguousReadingError:
                continue  # another reading left open decides: nothing to compare
            if outcome(theirs) != mine:
                shown = str(other).lower() if isinstance(other, bool) else str(other.value)
                found.append((field.name, shown))
    return sorted(found)


FLAG = re.compile(r"^The result depends on the reading (\w+)=\w+: under \1=(\w+) ")


def flagged(result: Assessment) -> list[tuple[str, str]]:
    found = []
    for flag in result.flags:
        match = FLAG.match(flag)
        if match:
            found.append((match.group(1), match.group(2)))
    return sorted(found)


def named(result: Assessment) -> set[str]:
    """The readings the reasons of ``result`` name."""
    reasons = [*result.registration.reasons]
    for source in result.registration.sources:
        reasons += source.reasons
    for duty in result.duties:
        reasons += duty.reasons
    return {reading.partition("=")[0] for r in reasons for reading in r.readings}


def check(case: Case, as_of: date, policy: Policy) -> None:
    try:
        result = assess(case, as_of, policy)
    except AmbiguousReadingError:
        assume(False)  # a strict policy refused to choose: there is no result to flag
        return
    relied_on = named(result)
    expected = [(n, v) for n, v in exhaustive_dependence(case, as_of, policy) if n in relied_on]
    assert flagged(result) == expected, (expected, result.flags)


@settings(
    max_examples=max(20, settings.default.max_examples // 2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(cases_with_as_of(), policies(open_readings=True))
def test_flags_are_those_of_every_reading_tried(pair: tuple[Case, date], policy: Policy) -> None:
    check(*pair, policy)


@settings(
    max_examples=max(10, settings.default.max_examples // 10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(cases_with_as_of(histories()), policies())
def test_flags_of_long_histories_are_those_of_every_reading_tried(
    pair: tuple[Case, date], policy: Policy
) -> None:
    check(*pair, policy)


# Spells that may overlap or touch, and may be open-ended: the days away under one reading,
# turned into the other's by DisregardedTime.under, must be those built from the spells.
SPELLS = st.lists(
    st.tuples(
        st.dates(date(2026, 1, 1), date(2026, 3, 1)),
        st.one_of(st.none(), st.integers(0, 20)),
    ),
    max_size=5,
).map(lambda pairs: [Spell(s, None if n is None else s + timedelta(days=n)) for s, n in pairs])


@given(SPELLS, st.sampled_from(READINGS), st.sampled_from(READINGS))
def test_days_away_under_another_reading_are_those_built_under_it(
    spells: list[Spell], held: PartialDays, wanted: PartialDays
) -> None:
    built = DisregardedTime.from_spells(spells, held)
    expected = DisregardedTime.from_spells(spells, wanted)
    assert built.under(wanted).days(wanted) == expected.days(wanted)


def test_days_away_under_a_reading_worked_by_hand() -> None:
    # Remanded Sat 7 to Tue 10 March 2026. Under liberty_at_end_of_day 7, 8 and 9 are away and
    # the 10th counts; under whole_day_at_liberty the 10th is away too: 3 days beginning with
    # Fri 6 are 6, 10, 11 (deadline 11 March) or 6, 11, 12 (deadline 12 March).
    away = DisregardedTime.from_spells([Spell(date(2026, 3, 7), date(2026, 3, 10))])
    whole = away.under(PartialDays.WHOLE_DAY_AT_LIBERTY)
    assert whole.last_counted_day(date(2026, 3, 6), 3) == date(2026, 3, 12)
    back = whole.under(PartialDays.LIBERTY_AT_END_OF_DAY)
    assert back.last_counted_day(date(2026, 3, 6), 3) == date(2026, 3, 11)


def released_and_notified(on: date) -> Case:
    # Cautioned 5 Jan 2026 and notified that day; remanded 1 to Fri 20 Feb 2026; a change
    # notification recording the release on ``on``.
    return Case(
        person=Person(reference="FICTIONAL-0169", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="n2", date=on, kind="change", release=True),
        ),
    )


def test_a_partial_day_that_changes_no_duty_is_settled_without_a_second_assessment() -> None:
    # Release duty: 3 days beginning with Fri 20 Feb end on 22 Feb (the release day counts) or
    # on 23 Feb (it does not). Notified on 20 Feb: met under both, so the reading named in the
    # release duty's reason changes nothing, and the duty settled again with the other deadline
    # shows it without assessing the case again.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    result = assess(released_and_notified(date(2026, 2, 20)), date(2026, 3, 1), ruleset=ruleset)
    assert "partial_days" in named(result)
    assert result.flags == ()
    assert len(calls) == 1


def test_a_partial_day_that_changes_a_duty_is_flagged_from_a_second_assessment() -> None:
    # Notified on Mon 23 Feb: met late (due 22 Feb) under the default reading, met (due 23 Feb)
    # under whole_day_at_liberty; the case is assessed again to say what differs.
    ruleset, calls = counting(ENGLAND_AND_WALES)
    result = assess(released_and_notified(date(2026, 2, 23)), date(2026, 3, 1), ruleset=ruleset)
    assert len(calls) == 2
    assert flagged(result) == [("partial_days", "whole_day_at_liberty")]
    assert "the release duty from 2026-02-20 is met" in result.flags[0]


def test_a_reform_that_replaces_the_duties_lists_no_local_readings_unless_told() -> None:
    replaced = ENGLAND_AND_WALES.derive(name="replaced", duties=ENGLAND_AND_WALES.duties)
    assert replaced.local_readings == frozenset()
    kept = ENGLAND_AND_WALES.derive(name="kept")
    assert kept.local_readings == ENGLAND_AND_WALES.local_readings
    assert "partial_days" in ENGLAND_AND_WALES.local_readings


def test_the_other_values_of_readings_whose_values_share_a_name() -> None:
    # partial_days and leap_day both have a value "raise": left open, each reading's other values
    # are its own two readings, whichever was asked for first.
    assert other_readings(PartialDays.RAISE) == list(READINGS)
    assert other_readings(NoCorrespondingDay.RAISE) == [
        NoCorrespondingDay.NEXT_DAY,
        NoCorrespondingDay.PREVIOUS_DAY,
    ]
    assert other_readings(PartialDays.RAISE) == list(READINGS)
    assert other_readings(False) == [True]


def test_a_finding_naming_a_local_reading_without_its_alternative_is_assessed_again() -> None:
    # The duty functions of England and Wales with the alternatives taken off their findings:
    # the release duty's reason names partial_days but does not say what the other reading
    # gives, so the engine cannot tell from the duty and assesses the case again (finding, as
    # in the test above, that the duty is met either way).
    def without_alternatives(emit: DutyFunction) -> DutyFunction:
        def emit_bare(timeline: Timeline, registration: Registration, rules: Ruleset) -> Any:
            for finding in emit(timeline, registration, rules):
                yield attrs.evolve(finding, alternatives=())

        return emit_bare

    bare = attrs.evolve(
        ENGLAND_AND_WALES,
        duties=tuple(without_alternatives(emit) for emit in ENGLAND_AND_WALES.duties),
    )
    assert "partial_days" in bare.local_readings
    ruleset, calls = counting(bare)
    result = assess(released_and_notified(date(2026, 2, 20)), date(2026, 3, 1), ruleset=ruleset)
    assert len(calls) == 2
    assert result.flags == ()
