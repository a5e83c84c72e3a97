"""Case documents: the examples, the published JSON Schema, loading, round trips and results.

The schema-driven properties draw documents from ``case_schema()`` itself, so the schema, the
loader and the writer are held to one another.
"""

from __future__ import annotations

import copy
import importlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sexoffender_rules import CaseValidationError, Policy, assess
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import (
    ASSESSMENT_FORMAT_VERSION,
    CASE_FORMAT,
    CASE_FORMAT_VERSION,
    DISPOSAL_TYPES,
    EVENT_TYPES,
    assessment_to_data,
    case_from_data,
    case_schema,
    case_to_data,
)
from sexoffender_rules.model import (
    AbsenceAbroad,
    AbsoluteDischarge,
    Case,
    ConditionalDischarge,
    Detention,
    DetentionAndTrainingOrder,
    DetentionKind,
    ExtendedSentence,
    HomeAddress,
    HomeAddressChange,
    HomeAddressKind,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    NameUsed,
    Notification,
    NotificationKind,
    OffenderOfParticularConcern,
    OtherDisposal,
    Person,
    PrescribedChange,
    PrescribedChangeKind,
    Stay,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = date(2026, 11, 29)


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(case_schema())


def schema_errors(document: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator().iter_errors(document)]


# --------------------------------------------------------------------------------------------
# (a) The examples
# --------------------------------------------------------------------------------------------


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_loads_and_is_compliant(path: Path) -> None:
    case = case_from_data(load(path))
    result = assess(case, AS_OF)
    assert result.headline.value == "compliant", path.name
    data = assessment_to_data(result)
    assert data["headline"] == "compliant"
    assert data["as_of"] == AS_OF.isoformat()


# --------------------------------------------------------------------------------------------
# Hand-built cases: every disposal, every event, every notification kind
# --------------------------------------------------------------------------------------------


def _person(reference: str = "FICTIONAL-DOC-01") -> Person:
    return Person(reference=reference, date_of_birth=date(1980, 4, 2))


def _home(reference: str = "ADDR-1") -> HomeAddress:
    return HomeAddress(kind=HomeAddressKind.RESIDENCE, reference=reference)


DISPOSALS = {
    "imprisonment": Imprisonment(term=CalendarPeriod(months=18), start=date(2021, 3, 2)),
    "suspended_imprisonment": SuspendedImprisonment(term=CalendarPeriod(months=12)),
    "life": LifeImprisonment(),
    "imprisonment_for_public_protection": ImprisonmentForPublicProtection(),
    "detention_and_training_order": DetentionAndTrainingOrder(term=CalendarPeriod(months=12)),
    "extended_sentence": ExtendedSentence(
        custodial_term=CalendarPeriod(months=18), extension_period=CalendarPeriod(years=3)
    ),
    "offender_of_particular_concern": OffenderOfParticularConcern(
        custodial_term=CalendarPeriod(months=18)
    ),
    "hospital_order": HospitalOrder(restriction_order=False),
    "conditional_discharge": ConditionalDischarge(period=CalendarPeriod(years=2, months=6)),
    "absolute_discharge": AbsoluteDischarge(),
    "other": OtherDisposal(description="community order"),
}


def test_every_disposal_type_is_covered() -> None:
    assert set(DISPOSALS) == set(DISPOSAL_TYPES.values())
    assert {DISPOSAL_TYPES[type(d)] for d in DISPOSALS.values()} == set(DISPOSALS)


def _single_disposal_case(name: str) -> Case:
    return Case(
        person=_person(),
        triggers=(
            Trigger(
                id="t1",
                kind=TriggerKind.CONVICTION,
                date=date(2021, 3, 1),
                disposal=DISPOSALS[name],
            ),
        ),
        notifications=(
            Notification(
                id="n1",
                date=date(2021, 3, 2),
                kind=NotificationKind.INITIAL,
                names=("NAME-A",),
                home_address=_home(),
            ),
        ),
    )


def _rich_case() -> Case:
    """Every trigger kind, detention kind, event type and notification kind in one case."""
    return Case(
        person=_person("FICTIONAL-DOC-RICH"),
        jurisdiction="england-and-wales",
        triggers=(
            Trigger(
                id="t1",
                kind=TriggerKind.CONVICTION,
                date=date(2018, 1, 8),
                disposal=Imprisonment(term=CalendarPeriod(months=8)),
            ),
            Trigger(
                id="t2",
                kind=TriggerKind.CONVICTION,
                date=date(2018, 1, 8),
                disposal=Imprisonment(term=CalendarPeriod(months=4), consecutive_to="t1"),
            ),
            Trigger(
                id="t3",
                kind=TriggerKind.FINDING_NOT_GUILTY_BY_INSANITY,
                date=date(2018, 2, 1),
                disposal=HospitalOrder(restriction_order=True),
            ),
            Trigger(
                id="t4",
                kind=TriggerKind.FINDING_DISABILITY_DID_ACT,
                date=date(2018, 2, 1),
                threshold_sentence_date=date(2018, 3, 1),
                disposal=DetentionAndTrainingOrder(
                    term=CalendarPeriod(months=6), concurrent_with="t1"
                ),
            ),
            Trigger(id="t5", kind=TriggerKind.CAUTION, date=date(2019, 6, 3)),
        ),
        detentions=(
            Detention(kind=DetentionKind.REMAND, start=date(2017, 12, 1), end=date(2018, 1, 8)),
            Detention(kind=DetentionKind.SENTENCE, start=date(2018, 1, 8), end=date(2018, 7, 9)),
            Detention(kind=DetentionKind.HOSPITAL, start=date(2018, 7, 9), end=date(2018, 9, 3)),
            Detention(
                kind=DetentionKind.SERVICE_DETENTION, start=date(2024, 1, 1), end=date(2024, 1, 5)
            ),
        ),
        absences_abroad=(
            AbsenceAbroad(
                start=date(2023, 5, 1), end=date(2023, 5, 9), details_changed=date(2023, 4, 25)
            ),
            AbsenceAbroad(start=date(2026, 11, 20)),
        ),
        events=(
            NameUsed(date=date(2022, 9, 1), name="NAME-B"),
            HomeAddressChange(date=date(2022, 10, 3), home_address=_home("ADDR-2")),
            HomeAddressChange(
                date=date(2023, 1, 9),
                home_address=HomeAddress(
                    kind=HomeAddressKind.NO_SOLE_OR_MAIN_RESIDENCE, reference="LOC-1"
                ),
            ),
            Stay(premises="PREM-1", first_day=date(2023, 2, 1), last_day=date(2023, 2, 8)),
            PrescribedChange(
                date=date(2023, 3, 1), kind=PrescribedChangeKind.BANK_ACCOUNT, reference="ACCT-1"
            ),
        ),
        notifications=(
            Notification(
                id="n1",
                date=date(2018, 9, 4),
                kind=NotificationKind.INITIAL,
                names=("NAME-A",),
                home_address=_home(),
                release=True,
            ),
            Notification(id="n2", date=date(2019, 9, 3), kind=NotificationKind.PERIODIC),
            Notification(
                id="n3",
                date=date(2022, 9, 2),
                kind=NotificationKind.CHANGE,
                names=("NAME-A", "NAME-B"),
            ),
            Notification(
                id="n4",
                date=date(2022, 9, 20),
                kind=NotificationKind.ADVANCE,
                expected_date=date(2022, 10, 1),
                home_address=_home("ADDR-2"),
            ),
            Notification(
                id="n5",
                date=date(2022, 10, 6),
                kind=NotificationKind.NON_OCCURRENCE,
                expected_date=date(2022, 10, 1),
            ),
            Notification(
                id="n6",
                date=date(2023, 2, 9),
                kind=NotificationKind.CHANGE,
                other_premises=("PREM-1",),
            ),
            Notification(
                id="n7",
                date=date(2023, 4, 20),
                kind=NotificationKind.TRAVEL,
                departure=date(2023, 5, 1),
                departure_time="07:45",
                destination="PLACE-1",
                expected_return=date(2023, 5, 9),
            ),
            Notification(
                id="n8",
                date=date(2023, 3, 2),
                kind=NotificationKind.PRESCRIBED,
                prescribed=("ACCT-1",),
            ),
            Notification(
                id="n9",
                date=date(2023, 4, 26),
                kind=NotificationKind.TRAVEL,
                departure=date(2023, 5, 1),
                expected_return=date(2023, 5, 9),
            ),
            Notification(
                id="n10",
                date=date(2023, 5, 10),
                kind=NotificationKind.RETURN,
                departure=date(2023, 5, 1),
            ),
        ),
    )


def _leap_day_caution() -> Case:
    return Case(
        person=_person(),
        triggers=(Trigger(id="t1", kind=TriggerKind.CAUTION, date=date(2020, 2, 29)),),
        notifications=(
            Notification(id="n1", date=date(2020, 3, 1), kind=NotificationKind.INITIAL),
        ),
    )


HAND_BUILT: dict[str, Case] = {
    **{f"disposal-{name}": _single_disposal_case(name) for name in DISPOSALS},
    "rich": _rich_case(),
    "leap-day-caution": _leap_day_caution(),
    "no-facts": Case(person=_person()),
    "awaiting-sentence": Case(
        person=_person(),
        triggers=(Trigger(id="t1", kind=TriggerKind.CONVICTION, date=date(2026, 10, 1)),),
    ),
}


def has_disposal(case: Case) -> bool:
    return any(t.disposal is not None for t in case.triggers)


def case_params(cases: dict[str, Case]) -> list[Any]:
    """One pytest param per case."""
    return [pytest.param(case, id=name) for name, case in sorted(cases.items())]


def test_hand_built_cases_use_every_kind() -> None:
    cases = list(HAND_BUILT.values())
    events = {type(e) for c in cases for e in c.events}
    assert {EVENT_TYPES[t] for t in events} == set(EVENT_TYPES.values())
    assert {n.kind for c in cases for n in c.notifications} == set(NotificationKind)
    assert {t.kind for c in cases for t in c.triggers} == set(TriggerKind)
    assert {d.kind for c in cases for d in c.detentions} == set(DetentionKind)
    addresses = {
        e.home_address.kind for c in cases for e in c.events if isinstance(e, HomeAddressChange)
    }
    assert addresses == set(HomeAddressKind)


# --------------------------------------------------------------------------------------------
# (b) The JSON Schema
# --------------------------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = case_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    assert str(CASE_FORMAT_VERSION) in schema["$id"]
    assert schema["properties"]["version"] == {"const": CASE_FORMAT_VERSION}
    assert schema["properties"]["format"] == {"const": CASE_FORMAT}
    json.dumps(schema)  # serialisable as published by `sexoffender-rules schema`


def test_schema_is_the_same_each_time() -> None:
    assert case_schema() == case_schema()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_conforms_to_schema(path: Path) -> None:
    assert schema_errors(load(path)) == []


@pytest.mark.parametrize("case", case_params(HAND_BUILT))
def test_written_document_conforms_to_schema(case: Case) -> None:
    document = case_to_data(case)
    assert schema_errors(document) == []
    # ... and survives JSON text unchanged.
    assert schema_errors(json.loads(json.dumps(document))) == []


def test_schema_rejects_obvious_mistakes() -> None:
    good = load(EXAMPLES[0])
    assert schema_errors(good) == []
    for mutate in (
        lambda d: d.pop("format"),
        lambda d: d.__setitem__("version", 2),
        lambda d: d.__setitem__("extra", 1),
        lambda d: d["person"].pop("date_of_birth"),
        lambda d: d["triggers"][0].__setitem__("kind", "warning"),
        lambda d: d["triggers"][0]["disposal"].__setitem__("type", "fine"),
        lambda d: d["notifications"][0].__setitem__("release", "yes"),
    ):
        bad = copy.deepcopy(good)
        mutate(bad)
        assert schema_errors(bad), bad


# --------------------------------------------------------------------------------------------
# (c) Documents drawn from the schema load, or fail with CaseValidationError only
# --------------------------------------------------------------------------------------------


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``#/$defs/...`` reference replaced by its definition (no recursion in
    the case schema, so this terminates)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def inlined_schema() -> dict[str, Any]:
    schema = case_schema()
    inlined: dict[str, Any] = _inline_refs(schema, schema["$defs"])
    # hypothesis-jsonschema resolves "#/..." against a URN "$id" to the empty URI and then
    # refuses to fetch it; with every reference inlined, neither is needed.
    inlined.pop("$id")
    return inlined


def test_inlined_schema_accepts_what_the_schema_accepts() -> None:
    inlined = jsonschema.Draft202012Validator(inlined_schema())
    for path in EXAMPLES:
        assert inlined.is_valid(load(path))
    assert not inlined.is_valid({"format": CASE_FORMAT})


def _short_lists(node: Any, most: int) -> Any:
    """``node`` (a schema) with every array given at most ``most`` items: a schema whose documents
    are all valid under the original."""
    if isinstance(node, dict):
        if node.get("type") == "array":
            node["maxItems"] = min(node.get("maxItems", most), most)
        for value in node.values():
            _short_lists(value, most)
    elif isinstance(node, list):
        for value in node:
            _short_lists(value, most)
    return node


def _check_loads_or_reports(document: Any) -> None:
    problems: tuple[str, ...] = ()
    try:
        case_from_data(document)
    except CaseValidationError as error:
        problems = error.problems
        assert problems, "a CaseValidationError names at least one problem"
    assert all(isinstance(p, str) and p.strip() for p in problems)


def _strategy_once_per_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Have hypothesis-jsonschema make the strategy for an object's property once per schema.

    Its ``from_object_schema`` asks ``merged_as_strategies`` for the strategy of a property's
    schema each time it draws that property, and canonicalises the schema again each time: about
    three fifths of this test's time, profiled with the thorough profile. The strategy made for
    the same schema objects is the same each time, so keeping it changes no document drawn. Where
    a later release has no such function the test runs as it is, only slower.
    """
    from hypothesis_jsonschema import _from_schema

    original = getattr(_from_schema, "merged_as_strategies", None)
    if original is None:
        return
    made: dict[tuple[int, ...], tuple[Any, st.SearchStrategy[Any]]] = {}

    def merged_once(schemas: list[Any], **options: Any) -> st.SearchStrategy[Any]:
        key = (*map(id, schemas), *map(id, options.values()))
        if key not in made:
            # The objects are kept with their strategy, so their ids are not reused.
            made[key] = ((schemas, options), original(schemas, **options))
        return made[key][1]

    monkeypatch.setattr(_from_schema, "merged_as_strategies", merged_once)


def test_documents_from_hypothesis_jsonschema_load_or_raise_case_validation_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hypothesis_jsonschema import from_schema

    # hypothesis-jsonschema's cost per document grows fast with the length of the lists in it
    # (each list item draws from a union of up to 13 record types): its documents keep at most
    # 2 items a list. Long lists are drawn by the schema-driven generator below and by the
    # public strategies.
    _strategy_once_per_schema(monkeypatch)

    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(from_schema(_short_lists(inlined_schema(), 2)))
    def check(document: dict[str, Any]) -> None:
        _check_loads_or_reports(document)

    check()


def _strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents valid against ``schema`` (refs inlined), for the subset of JSON Schema that
    ``case_schema()`` uses; unknown keywords fail loudly so the generator keeps up with it."""
    known = {
        "$schema",
        "title",
        "description",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "const",
        "enum",
        "anyOf",
        "oneOf",
        "items",
        "minLength",
        "minimum",
        "pattern",
        "format",
    }
    unknown = set(schema) - known
    assert not unknown, f"extend the generator for {unknown}"
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([_strategy(s) for s in schema[key]])
    kind = schema.get("type")
    if kind == "object":
        assert schema.get("additionalProperties") is False
        required = set(schema.get("required", []))
        props = schema["properties"]
        return st.fixed_dictionaries(
            {k: _strategy(v) for k, v in props.items() if k in required},
            optional={k: _strategy(v) for k, v in props.items() if k not in required},
        )
    if kind == "array":
        return st.lists(_strategy(schema["items"]), max_size=3)
    if kind == "string":
        if "pattern" in schema:
            return st.one_of(
                st.dates(date(1950, 1, 1), date(2030, 12, 31)).map(date.isoformat),
                st.dates().map(date.isoformat),
                st.from_regex(schema["pattern"], fullmatch=False),
            )
        return st.text(min_size=schema.get("minLength", 0), max_size=6)
    if kind == "integer":
        return st.one_of(
            st.integers(min_value=schema.get("minimum", 0), max_value=40),
            st.integers(min_value=schema.get("minimum", 0)),
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    raise AssertionError(f"no strategy for {schema}")


SCHEMA_DOCUMENTS = _strategy(inlined_schema())


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(SCHEMA_DOCUMENTS)
def test_documents_from_the_schema_load_or_raise_case_validation_error(
    document: dict[str, Any],
) -> None:
    assert validator().is_valid(document)  # the generator draws only schema-valid documents
    _check_loads_or_reports(document)


def _drop_disposals(document: dict[str, Any]) -> dict[str, Any]:
    if "triggers" not in document:
        return document
    triggers = [{k: v for k, v in t.items() if k != "disposal"} for t in document["triggers"]]
    return {**document, "triggers": triggers}


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(SCHEMA_DOCUMENTS.map(_drop_disposals))
def test_documents_that_load_write_back_a_schema_valid_equal_document(
    document: dict[str, Any],
) -> None:
    """Disposals are left out: test_written_document_conforms_to_schema shows why."""
    try:
        case = case_from_data(document)
    except CaseValidationError:
        return
    written = case_to_data(case)
    assert schema_errors(written) == []
    assert case_from_data(json.loads(json.dumps(written))) == case


def test_the_loader_refuses_what_the_schema_refuses() -> None:
    good = load(EXAMPLES[0])
    mistakes = {
        "names as text": lambda d: d["notifications"][0].__setitem__("names", "NAME-A"),
        "release as text": lambda d: d["notifications"][0].__setitem__("release", "no"),
        "term as text": lambda d: d["triggers"][0]["disposal"]["term"].__setitem__("months", "12"),
        "jurisdiction as a number": lambda d: d.__setitem__("jurisdiction", 5),
    }
    accepted = []
    for label, mutate in mistakes.items():
        bad = copy.deepcopy(good)
        mutate(bad)
        assert schema_errors(bad), label
        try:
            case_from_data(bad)
        except CaseValidationError:
            continue
        accepted.append(label)
    assert accepted == []


def test_contradictions_are_reported_one_problem_each_with_their_path() -> None:
    document = {
        "format": CASE_FORMAT,
        "version": CASE_FORMAT_VERSION,
        "person": {"reference": "FICTIONAL-DOC-02", "date_of_birth": "1980-02-01"},
        "triggers": [
            {"id": "t1", "kind": "caution", "date": "2020-01-01"},
            {"id": "t1", "kind": "caution", "date": "2020-01-02"},
        ],
        "detentions": [{"kind": "remand", "start": "2020-01-05", "end": "2020-01-01"}],
    }
    with pytest.raises(CaseValidationError) as raised:
        case_from_data(document)
    assert sorted(raised.value.problems) == [
        "detentions[0].end: 2020-01-01 is before start 2020-01-05",
        "triggers[1].id: repeats an earlier id",
    ]


# --------------------------------------------------------------------------------------------
# (d) Round trip: unstructure -> JSON text -> structure gives an equal case
# --------------------------------------------------------------------------------------------


def _round_trip(case: Case) -> Case:
    return case_from_data(json.loads(json.dumps(case_to_data(case))))


@pytest.mark.parametrize("case", case_params(HAND_BUILT))
def test_hand_built_case_round_trips(case: Case) -> None:
    assert _round_trip(case) == case


EXAMPLE_CASES = {path.stem: case_from_data(load(path)) for path in EXAMPLES}


@pytest.mark.parametrize("case", case_params(EXAMPLE_CASES))
def test_example_writes_back_as_it_was_read(case: Case) -> None:
    assert _round_trip(case) == case
    name = next(k for k, v in EXAMPLE_CASES.items() if v is case)
    original = dict(load(ROOT / "examples" / f"{name}.json"))
    original.pop("description", None)
    assert _missing(case_to_data(case), original) == []


def _missing(written: Any, original: Any, path: str = "$") -> list[str]:
    """What ``original`` states that ``written`` does not (written may add defaults)."""
    if isinstance(original, dict) and isinstance(written, dict):
        return [
            problem
            for key, value in original.items()
            for problem in (
                _missing(written[key], value, f"{path}.{key}")
                if key in written
                else [f"{path}.{key}: left out"]
            )
        ]
    if isinstance(original, list) and isinstance(written, list) and len(original) == len(written):
        return [
            problem
            for i, (w, o) in enumerate(zip(written, original, strict=True))
            for problem in _missing(w, o, f"{path}[{i}]")
        ]
    return [] if written == original else [f"{path}: {written!r} != {original!r}"]


def test_generated_case_round_trips() -> None:
    """Over ``sexoffender_rules.strategies.cases()``: unstructure, JSON text, structure."""
    strategies = importlib.import_module("sexoffender_rules.strategies")

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.cases())
    def check(case: Case) -> None:
        assert _round_trip(case) == case

    check()


# --------------------------------------------------------------------------------------------
# (e) Assessment results are JSON-ready, with ISO dates
# --------------------------------------------------------------------------------------------

DATE_KEYS = {
    "as_of",
    "next_deadline",
    "trigger_date",
    "deadline",
    "relevant_date",
    "subject_from",
    "start",
    "end",
}


def _is_iso(value: Any) -> bool:
    return isinstance(value, str) and date.fromisoformat(value).isoformat() == value


def _iso_date_problems(node: Any, path: str = "$") -> list[str]:
    """Every place in ``node`` where a date is not an ISO string (or null, or "indefinite")."""
    problems = []
    if isinstance(node, date):
        return [f"{path}: a date object"]
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}"
            if key in DATE_KEYS and value not in (None, "indefinite") and not _is_iso(value):
                problems.append(f"{where}: {value!r} is not an ISO date")
            if key == "dates":
                problems += [
                    f"{where}.{name}: {day!r} is not an ISO date"
                    for name, day in value.items()
                    if not _is_iso(day)
                ]
            problems += _iso_date_problems(value, where)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            problems += _iso_date_problems(value, f"{path}[{i}]")
    return problems


def _results() -> list[tuple[str, Case, date, Policy]]:
    runs = [(name, case, AS_OF, Policy()) for name, case in HAND_BUILT.items()]
    runs += [(p.stem, case_from_data(load(p)), AS_OF, Policy()) for p in EXAMPLES]
    runs += [
        (
            "leap-day-previous-day",
            _leap_day_caution(),
            date(2021, 1, 1),
            Policy(leap_day="previous_day"),
        ),
        ("rich-early", _rich_case(), date(2018, 10, 1), Policy()),
        ("rich-2022", _rich_case(), date(2022, 10, 20), Policy()),
    ]
    return runs


RESULTS = _results()


@pytest.mark.parametrize(("name", "case", "as_of", "policy"), RESULTS, ids=[r[0] for r in RESULTS])
def test_assessment_data_is_json_ready_with_iso_dates(
    name: str, case: Case, as_of: date, policy: Policy
) -> None:
    data = assessment_to_data(assess(case, as_of, policy))
    text = json.dumps(data)  # no default=: any date or enum object would fail here
    assert json.loads(text) == data
    assert data["format"] == "sexoffender-rules/assessment"
    assert data["version"] == ASSESSMENT_FORMAT_VERSION == 2
    assert data["as_of"] == as_of.isoformat()
    assert data["headline"] in {"not_subject", "compliant", "due", "in_breach", "ended"}
    assert _iso_date_problems(data) == []
    for duty in data["duties"]:
        if duty["breach"] is not None:
            assert duty["breach"]["start"] <= (duty["breach"]["end"] or "9999-12-31")


def test_leap_day_reading_moves_the_end_by_one_day() -> None:
    case = _leap_day_caution()
    default = assessment_to_data(assess(case, date(2021, 1, 1)))
    previous = assessment_to_data(assess(case, date(2021, 1, 1), Policy(leap_day="previous_day")))
    assert default["registration"]["end"] == "2022-02-28"
    assert previous["registration"]["end"] == "2022-02-27"
    assert previous["policy"]["leap_day"] == "previous_day"
