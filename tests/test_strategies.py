"""The public hypothesis strategies: what they draw is valid, round-trips through the JSON format,
assesses under every reading, and covers every fact the model has; ``st.from_type`` draws every
public type, through the package's entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sexoffender_rules import (
    AmbiguousReadingError,
    FailureAfterRequirementsEnd,
    NoCorrespondingDay,
    PartialDays,
    Policy,
    assess,
    assess_status,
)
from sexoffender_rules import model as model_module
from sexoffender_rules import records as records_module
from sexoffender_rules.documents import case_from_data, case_schema, case_to_data
from sexoffender_rules.model import Case, NotificationKind, Stay
from sexoffender_rules.records import POLICE_RECORDS
from sexoffender_rules.strategies import (
    _type_strategies,
    cases,
    cases_with_as_of,
    histories,
    policies,
    profiles,
    register_type_strategies,
)
from sexoffender_rules.whereabouts import Profile

SCHEMA = case_schema()
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)  # built once: it is not cheap
# These check the strategies, not the engine: at most 150 examples each even under the thorough
# profile (the engine's invariants, in test_engine_properties.py, run the full number). Long
# histories cost about ten times what a small case does: a tenth as many.
SMALL = settings(
    max_examples=min(150, settings.default.max_examples),
    suppress_health_check=[HealthCheck.too_slow],
)
HISTORIES = max(10, min(150, settings.default.max_examples) // 10)
HISTORY = settings(
    max_examples=HISTORIES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _round_trip(case: Case) -> Case:
    return case_from_data(json.loads(json.dumps(case_to_data(case))))


def _opposite(policy: Policy) -> Policy:
    """The other reading of every question ``policy`` settles."""
    day = {
        NoCorrespondingDay.NEXT_DAY: NoCorrespondingDay.PREVIOUS_DAY,
        NoCorrespondingDay.PREVIOUS_DAY: NoCorrespondingDay.NEXT_DAY,
    }
    partial = {
        PartialDays.LIBERTY_AT_END_OF_DAY: PartialDays.WHOLE_DAY_AT_LIBERTY,
        PartialDays.WHOLE_DAY_AT_LIBERTY: PartialDays.LIBERTY_AT_END_OF_DAY,
    }
    failure = {
        FailureAfterRequirementsEnd.ONE_DAY: FailureAfterRequirementsEnd.NO_FAILURE,
        FailureAfterRequirementsEnd.NO_FAILURE: FailureAfterRequirementsEnd.ONE_DAY,
    }
    return Policy(
        leap_day=day[policy.leap_day],
        corresponding_date=day[policy.corresponding_date],
        partial_days=partial[policy.partial_days],
        release_notified_by_attendance=not policy.release_notified_by_attendance,
        failure_after_requirements_end=failure[policy.failure_after_requirements_end],
        periodic_notifies_changes=not policy.periodic_notifies_changes,
        prescribed_restarts_periodic=not policy.prescribed_restarts_periodic,
    )


def _check_case(case: Case, as_of: date, policy: Policy) -> None:
    # Valid: the case's own checks pass again on a copy, and its document meets the schema.
    assert attrs.evolve(case) == case
    document = case_to_data(case)
    VALIDATOR.validate(document)
    # Round trip: JSON text and back gives the same case, and writes the same document.
    again = _round_trip(case)
    assert again == case
    assert case_to_data(again) == document
    # Assesses under both readings of every question.
    for reading in (policy, _opposite(policy)):
        result = assess(case, as_of, reading)
        assert result.as_of == as_of
        assert result.policy == reading


@SMALL
@given(cases_with_as_of(), policies())
def test_every_drawn_case_validates_round_trips_and_assesses(
    pair: tuple[Case, date], policy: Policy
) -> None:
    _check_case(*pair, policy)


@HISTORY
@given(cases_with_as_of(histories()), policies())
def test_every_drawn_history_validates_round_trips_and_assesses(
    pair: tuple[Case, date], policy: Policy
) -> None:
    _check_case(*pair, policy)


@SMALL
@given(cases_with_as_of(), policies(open_readings=True))
def test_a_policy_with_open_readings_assesses_or_names_the_question(
    pair: tuple[Case, date], policy: Policy
) -> None:
    case, as_of = pair
    question = None
    try:
        assess(case, as_of, policy)
    except AmbiguousReadingError as error:
        question = error.question
    # Only a question the policy left open can stop the assessment.
    assert question is None or getattr(policy, question).value == "raise"


@SMALL
@given(cases_with_as_of(), profiles())
def test_every_drawn_case_gets_a_status_under_every_drawn_profile(
    pair: tuple[Case, date], profile: Profile
) -> None:
    case, as_of = pair
    status = assess_status(case, as_of, profile)
    assert status.headline == "compliant" or status.headline in profile.precedence


# --------------------------------------------------------------------------------------------
# Every fact, every disposal, every kind can be drawn
# --------------------------------------------------------------------------------------------


def _features(case: Case) -> Iterator[str]:
    """Names for what ``case`` has, as fine as the model draws distinctions."""
    for t in case.triggers:
        yield f"trigger:{t.kind.value}"
        yield from ("threshold",) * (t.threshold_sentence_date is not None)
        if t.current_on_1_september_1997 is not None:
            yield f"current_1997:{t.current_on_1_september_1997}"
        yield from ("trial_concluded",) * (t.trial_concluded is not None)
        yield from ("later_sentence_date",) * (t.sentence_date != t.relevant_date)
        yield f"disposal:{type(t.disposal).__name__}"
        for r in t.resentences:
            yield f"resentence:{r.reason.value}"
            yield f"resentence_disposal:{type(r.disposal).__name__}"
        for d in (t.disposal, *(r.disposal for r in t.resentences)):
            for link in ("start", "consecutive_to", "concurrent_with"):
                if getattr(d, link, None) is not None:
                    yield f"link:{link}"
            if isinstance(d, model_module.HospitalOrder):
                yield f"restriction_order:{d.restriction_order}"
    for d in case.detentions:
        yield f"detention:{d.kind.value}"
        yield from ("open_detention",) * (d.end is None)
    for a in case.absences_abroad:
        yield "absence"
        yield from ("open_absence",) * (a.end is None)
        yield from ("absence_expected_return",) * (a.expected_return is not None)
        yield from ("details_known_late",) * a.details_known_late
    for e in case.events:
        yield f"event:{type(e).__name__}"
        yield from (f"event_known:{type(e).__name__}",) * (e.known is not None)
        if isinstance(e, model_module.PrescribedChange):
            yield f"prescribed:{e.kind.value}"
        if isinstance(e, model_module.HomeAddressChange):
            yield f"home:{e.home_address.kind.value}"
        if isinstance(e, Stay) and e.last_day > e.first_day:
            yield "stay_of_days"
    for n in case.notifications:
        yield f"notification:{n.kind.value}"
        yield from ("release",) * n.release
        yield from ("prescribed_details",) * bool(n.prescribed)
        if n.kind is NotificationKind.TRAVEL:
            for field in ("departure_time", "destination", "expected_return"):
                yield from (f"travel:{field}",) * (getattr(n, field) is not None)
    for p in case.parental_directions:
        yield "direction"
        yield from ("direction_ends",) * (p.ends is not None)
        yield from ("direction_discharged",) * (p.discharged is not None)
    for o in case.orders:
        yield f"order:{o.kind.value}"
        for field in ("served", "ends", "discharged"):
            yield from (f"order_{field}",) * (getattr(o, field) is not None)
        yield from ("order_until_further_order",) * o.until_further_order
    for v in case.review_determinations:
        yield f"review:{v.outcome.value}"
        yield from ("review_determined",) * (v.determined is not None)
        yield from ("review_further_years",) * (v.further_review_years is not None)
    yield from ("managing_force",) * (case.managing_force is not None)
    for record in case.police_records:
        yield f"record:{type(record).__name__}"
        yield from ("record_known",) * (record.known is not None)
        if isinstance(record, records_module.NotLivingAtAddress) and record.moved_about:
            yield "moved_about"
        if isinstance(record, records_module.Warrant) and record.reason:
            yield "warrant_reason"


def _expected_features() -> set[str]:
    disposals = [c.__name__ for c in typing.get_args(model_module.Disposal)]
    found = {f"trigger:{k.value}" for k in model_module.TriggerKind}
    found |= {f"disposal:{name}" for name in [*disposals, "NoneType"]}
    found |= {f"resentence_disposal:{name}" for name in disposals}
    found |= {f"resentence:{r.value}" for r in model_module.ResentenceReason}
    found |= {f"link:{link}" for link in ("start", "consecutive_to", "concurrent_with")}
    found |= {"restriction_order:True", "restriction_order:False"}
    found |= {"current_1997:True", "current_1997:False", "threshold", "trial_concluded"}
    found |= {"later_sentence_date"}
    found |= {f"detention:{k.value}" for k in model_module.DetentionKind} | {"open_detention"}
    found |= {"absence", "open_absence", "absence_expected_return", "details_known_late"}
    events = [c.__name__ for c in typing.get_args(model_module.Event)]
    found |= {f"event:{e}" for e in events} | {f"event_known:{e}" for e in events}
    found |= {f"prescribed:{k.value}" for k in model_module.PrescribedChangeKind}
    found |= {f"home:{k.value}" for k in model_module.HomeAddressKind} | {"stay_of_days"}
    found |= {f"notification:{k.value}" for k in NotificationKind}
    found |= {"release", "prescribed_details"}
    found |= {f"travel:{f}" for f in ("departure_time", "destination", "expected_return")}
    found |= {"direction", "direction_ends", "direction_discharged"}
    found |= {f"order:{k.value}" for k in model_module.OrderKind}
    found |= {"order_served", "order_ends", "order_discharged", "order_until_further_order"}
    found |= {f"review:{k.value}" for k in model_module.ReviewOutcome}
    found |= {"review_determined", "review_further_years", "managing_force"}
    found |= {f"record:{r.__name__}" for r in POLICE_RECORDS}
    found |= {"record_known", "moved_about", "warrant_reason"}
    return found


def test_the_features_listed_cover_every_fact_class_and_field_of_the_model() -> None:
    """The list of features names every fact class; a new one must join it (and the
    strategies)."""
    expected = _expected_features()
    classes = {
        *typing.get_args(model_module.Disposal),
        *typing.get_args(model_module.Event),
        *POLICE_RECORDS,
    }
    for cls in classes:
        assert any(cls.__name__ in feature for feature in expected), cls
    # Every field of a case is a fact the features look at.
    looked_at = {
        "person",
        "jurisdiction",  # one jurisdiction only
        "triggers",
        "detentions",
        "absences_abroad",
        "events",
        "notifications",
        "parental_directions",
        "orders",
        "review_determinations",
        "managing_force",
        "police_records",
    }
    assert {f.name for f in attrs.fields(Case)} == looked_at


def _drawn_features(strategy: st.SearchStrategy[Case], examples: int) -> set[str]:
    seen: set[str] = set()

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(case: Case) -> None:
        seen.update(_features(case))

    collect()
    return seen


def test_every_fact_and_every_disposal_can_be_drawn() -> None:
    small = _drawn_features(cases(), 800)
    long = _drawn_features(histories(), 80)
    assert _expected_features() - (small | long) == set()
    # Each alone draws every kind of trigger, notification and event.
    kinds = {f for f in _expected_features() if f.split(":")[0] in ("trigger", "notification")}
    assert kinds - small == set()
    assert kinds - long == set()


@settings(max_examples=30, derandomize=True, database=None)
@given(histories())
def test_histories_are_long(case: Case) -> None:
    # A run of yearly notifications from the first relevant date: at least the initial one.
    assert case.triggers
    assert any(n.id == "y1" and n.kind is NotificationKind.INITIAL for n in case.notifications)


# --------------------------------------------------------------------------------------------
# st.from_type
# --------------------------------------------------------------------------------------------


PUBLIC_TYPES = sorted(_type_strategies(), key=lambda cls: cls.__name__)
UNIONS = [model_module.Disposal, model_module.Event, records_module.PoliceRecord]


def test_every_public_fact_class_has_a_strategy() -> None:
    public = {
        getattr(module, name)
        for module in (model_module, records_module)
        for name in module.__all__
        if isinstance(getattr(module, name), type) and attrs.has(getattr(module, name))
    }
    assert public - set(PUBLIC_TYPES) == set()


@pytest.mark.parametrize("kind", PUBLIC_TYPES + UNIONS, ids=repr)
def test_from_type_draws_valid_values_of_every_public_type(kind: Any) -> None:
    register_type_strategies()
    members = typing.get_args(kind) or (kind,)

    @settings(max_examples=10, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        assert isinstance(value, members)
        if attrs.has(type(value)):
            assert attrs.evolve(value) == value  # its validators pass

    check()


def test_from_type_works_through_the_entry_point_alone() -> None:
    # A fresh interpreter that never imports the strategies module: hypothesis's entry point
    # registers them when hypothesis is imported.
    code = """
import sys
from datetime import date
from hypothesis import given, settings, strategies as st
from sexoffender_rules import Case, Policy, assess
from sexoffender_rules.records import Death

@settings(max_examples=20, database=None, deadline=None)
@given(st.from_type(Case), st.from_type(Policy), st.from_type(Death))
def check(case, policy, death):
    assess(case, date(2027, 1, 1), policy)
    assert death.date >= date(2004, 5, 1)

check()
print("registered" if "sexoffender_rules.strategies" in sys.modules else "not registered")
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"},
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "registered"


def test_importing_the_strategies_before_hypothesis_registers_them() -> None:
    # Importing the module imports hypothesis, which runs its entry points, this one among them,
    # while the module is still loading: that must neither fail nor leave the types unregistered.
    code = """
import sexoffender_rules.strategies
from hypothesis import strategies as st
from sexoffender_rules import Case, Policy
print(type(st.from_type(Case).example()).__name__, type(st.from_type(Policy).example()).__name__)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["Case", "Policy"]
