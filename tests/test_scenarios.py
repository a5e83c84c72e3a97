"""Golden scenarios: each file in tests/scenarios/ was worked by hand from the statute.

The expected values in each file come from its ``working`` notes, never from running the code.
Only the keys a scenario states are compared, so a scenario may leave out what it does not test.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sexoffender_rules import CalendarPeriod, Policy, Ruleset, assess
from sexoffender_rules.documents import assessment_to_data, case_from_data
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.rulesets import reform_named, reforms, ruleset_for

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*/*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def ruleset(scenario: dict[str, Any]) -> Ruleset | None:
    """The ruleset a scenario names: none (its jurisdiction's), a registered reform by name, or a
    reform derived from a jurisdiction's ruleset with changed parameters (a period given as the
    fields of a CalendarPeriod, a figure as a number)."""
    named = scenario.get("ruleset")
    if named is None:
        return None
    if isinstance(named, str):
        return reform_named(named)
    parameters = {
        key: CalendarPeriod(**value) if isinstance(value, dict) else value
        for key, value in named.get("parameters", {}).items()
    }
    return ruleset_for(named["baseline"]).derive(name=named["name"], parameters=parameters)


def assessed(scenario: dict[str, Any]) -> Any:
    case = case_from_data(scenario["case"])
    policy = Policy(**scenario.get("policy", {}))
    return assess(case, date.fromisoformat(scenario["as_of"]), policy, ruleset(scenario))


def run(scenario: dict[str, Any]) -> dict[str, Any]:
    return assessment_to_data(assessed(scenario))


def pick(actual: Any, expected: Any) -> Any:
    """``actual`` cut down to the keys ``expected`` states."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: pick(actual.get(k, "<absent>"), v) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return actual if not expected else [pick(a, expected[0]) for a in actual]
        return [pick(a, e) for a, e in zip(actual, expected, strict=True)]
    return actual


def duty_key(duty: dict[str, Any]) -> tuple[str, str, str]:
    return (duty["trigger_date"], duty["kind"], str(duty.get("discharged_by")))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    scenario = load(path)
    expected = scenario["expected"]
    actual = run(scenario)
    expected_duties = sorted(expected.get("duties", []), key=duty_key)
    actual_duties = sorted(actual["duties"], key=duty_key)
    got = pick(actual, {k: v for k, v in expected.items() if k != "duties"})
    assert got == {k: v for k, v in expected.items() if k != "duties"}, scenario["working"]
    if "duties" in expected:
        assert pick(actual_duties, expected_duties) == expected_duties, scenario["working"]


def test_there_are_at_least_forty_scenarios_with_working() -> None:
    assert len(SCENARIOS) >= 40
    for path in SCENARIOS:
        scenario = load(path)
        assert scenario["working"], path.name
        assert scenario["description"], path.name


def test_every_rule_fires_in_some_scenario() -> None:
    # The rules of the baseline and of every registered reform.
    fired: set[str] = set()
    for path in SCENARIOS:
        fired |= assessed(load(path)).rule_ids
    rules = {rule.id for rule in ENGLAND_AND_WALES.rules}
    for name in reforms():
        rules |= {rule.id for rule in reform_named(name).rules}
    never = sorted(rules - fired)
    assert never == []


def test_a_dto_term_not_available_on_its_date_is_flagged_for_review() -> None:
    # Before 28 June 2022 a DTO was of 4, 6, 8, 10, 12, 18 or 24 months (Sentencing Code
    # s.236(1) before PCSC Act 2022 s.158): 13 months in 2021 is flagged; in 2023 it is not.
    from sexoffender_rules import (
        CalendarPeriod,
        Case,
        DetentionAndTrainingOrder,
        Person,
        Trigger,
    )

    def flags(day: date) -> tuple[str, ...]:
        case = Case(
            person=Person(reference="FICTIONAL-0200", date_of_birth=date(2006, 1, 1)),
            triggers=[
                Trigger(
                    id="t1",
                    kind="conviction",
                    date=day,
                    disposal=DetentionAndTrainingOrder(term=CalendarPeriod(months=13)),
                )
            ],
        )
        return assess(case, day).flags

    assert any("made before 28 June 2022" in flag for flag in flags(date(2021, 8, 2)))
    assert flags(date(2022, 6, 28)) == ()
