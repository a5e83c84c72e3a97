"""The published JSON Schema of assessment results: it is a valid draft 2020-12 schema, and the
result of every bundled example, every golden scenario, every status scenario and generated
cases validates against it; the schema is strict enough to refuse a result that was changed."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from sexoffender_rules import Policy, assess
from sexoffender_rules.assessment import Assessment
from sexoffender_rules.caseload import generate_register, status_to_data
from sexoffender_rules.documents import (
    ASSESSMENT_FORMAT,
    ASSESSMENT_FORMAT_VERSION,
    ASSESSMENT_SCHEMA_ID,
    _reason_record,
    assessment_record,
    assessment_schema,
    assessment_to_data,
    case_from_data,
    converter,
)
from sexoffender_rules.strategies import cases_with_as_of, policies
from sexoffender_rules.whereabouts import StatusAssessment, assess_status

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*/*.json")) + sorted(
    (ROOT / "tests" / "status_scenarios").glob("*.json")
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = assessment_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _problems(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_schema_is_versioned_and_the_result_names_it() -> None:
    schema = assessment_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == ASSESSMENT_SCHEMA_ID
    assert schema["$id"].endswith(f":{ASSESSMENT_FORMAT_VERSION}")
    assert schema["properties"]["version"] == {"const": ASSESSMENT_FORMAT_VERSION}
    assert schema["properties"]["schema"] == {"const": ASSESSMENT_SCHEMA_ID}


def test_the_schema_is_generated_from_the_record_classes() -> None:
    # Every record class is described, with its docstring, and closed to other keys.
    defs = assessment_schema()["$defs"]
    assert set(defs) == {
        "BreachRecord",
        "DutyRecord",
        "LinkRecord",
        "ReasonRecord",
        "RegistrationRecord",
        "SourceRecord",
    }
    for definition in defs.values():
        assert definition["description"]
        assert definition["additionalProperties"] is False


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_result_validates(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    case = case_from_data(json.loads(path.read_text(encoding="utf-8")))
    data = assessment_to_data(assess(case, date(2026, 11, 29)))
    assert _problems(validator, data) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=[f"{p.parent.name}/{p.stem}" for p in SCENARIOS])
def test_every_scenario_result_validates(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    scenario = json.loads(path.read_text(encoding="utf-8"))
    case = case_from_data(scenario["case"])
    policy = Policy(**scenario.get("policy", {}))
    # A golden scenario has one assessment date; a status scenario one for each check.
    days = [scenario["as_of"]] if "as_of" in scenario else [c["as_of"] for c in scenario["checks"]]
    assert days
    for day in days:
        data = assessment_to_data(assess(case, date.fromisoformat(day), policy))
        assert _problems(validator, data) == [], day


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=cases_with_as_of())
def test_generated_results_validate(drawn: tuple[Any, date]) -> None:
    case, as_of = drawn
    validator = jsonschema.Draft202012Validator(assessment_schema())
    data = assessment_to_data(assess(case, as_of))
    assert _problems(validator, data) == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d.update(version=1), id="old-version"),
        pytest.param(lambda d: d.update(headline="fine"), id="unknown-headline"),
        pytest.param(lambda d: d["duties"][0].update(deadline="29/11/2026"), id="bad-date"),
        pytest.param(lambda d: d["duties"][0]["reasons"][0].pop("links"), id="no-links"),
        pytest.param(lambda d: d["registration"].update(end="forever"), id="bad-end"),
        pytest.param(lambda d: d.update(extra=True), id="unknown-key"),
    ],
)
def test_the_schema_refuses_a_changed_result(
    change: Any, validator: jsonschema.Draft202012Validator
) -> None:
    case = case_from_data(json.loads(EXAMPLES[0].read_text(encoding="utf-8")))
    data = copy.deepcopy(assessment_to_data(assess(case, date(2026, 11, 29))))
    change(data)
    assert _problems(validator, data) != []


def test_schema_result_on_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sexoffender_rules", "schema", "--result"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=60,
    )
    assert json.loads(result.stdout) == assessment_schema()


# The results are written directly from the assessment; the records (assessment_record) through
# the converter are the reference: the same data, of the same types, and the same JSON text.


def _reference(assessment: Assessment) -> dict[str, Any]:
    body = converter.unstructure(assessment_record(assessment))
    head = {
        "format": ASSESSMENT_FORMAT,
        "version": ASSESSMENT_FORMAT_VERSION,
        "schema": ASSESSMENT_SCHEMA_ID,
    }
    return {**head, **body}


def _same(a: Any, b: Any, path: str = "$") -> None:
    """``a`` and ``b`` equal, of the same types all the way down, keys in the same order."""
    assert type(a) is type(b), path
    if isinstance(a, dict):
        assert list(a) == list(b), path
        for key in a:
            _same(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    else:
        assert a == b, path


def _check_written_as_the_records(assessment: Assessment) -> None:
    data, reference = assessment_to_data(assessment), _reference(assessment)
    _same(data, reference)
    assert json.dumps(data) == json.dumps(reference)


@pytest.mark.parametrize("path", SCENARIOS, ids=[f"{p.parent.name}/{p.stem}" for p in SCENARIOS])
def test_every_scenario_result_is_written_as_its_records(path: Path) -> None:
    scenario = json.loads(path.read_text(encoding="utf-8"))
    case = case_from_data(scenario["case"])
    policy = Policy(**scenario.get("policy", {}))
    days = [scenario["as_of"]] if "as_of" in scenario else [c["as_of"] for c in scenario["checks"]]
    for day in days:
        _check_written_as_the_records(assess(case, date.fromisoformat(day), policy))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=cases_with_as_of(), policy=policies())
def test_generated_results_are_written_as_their_records(
    drawn: tuple[Any, date], policy: Policy
) -> None:
    case, as_of = drawn
    _check_written_as_the_records(assess(case, as_of, policy))
    # A status's whereabouts and flags carry reasons written the same way, for the assessment
    # date.
    _check_status_written_as_its_records(assess_status(case, as_of, policy=policy))


def _check_status_written_as_its_records(status: StatusAssessment) -> None:
    data = status_to_data(status)
    reasons = [r for f in status.flags for r in f.reasons]
    written = [r for f in data["flags"] for r in f["reasons"]]
    _same(written, [converter.unstructure(_reason_record(r, status.as_of)) for r in reasons])
    _same(data["assessment"], _reference(status.assessment))


def test_register_statuses_are_written_as_their_records() -> None:
    # The synthetic register has police records, and so whereabouts and flags with reasons.
    for document in generate_register(80, seed=5):
        _check_status_written_as_its_records(
            assess_status(case_from_data(document), date(2024, 3, 31))
        )
