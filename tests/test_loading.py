"""The quick loading of well-formed case documents (each value checked once) against the
thorough loading through the converter: for any document, the quick way gives a case only where
the thorough way gives an equal one, and gives way to it otherwise, so that every problem is
found and worded by the thorough way alone."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sexoffender_rules import documents
from sexoffender_rules.caseload import generate_register
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.errors import CaseValidationError
from sexoffender_rules.model import Case, Notification, Person
from sexoffender_rules.strategies import cases, with_police_records

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.sampled_from(["", "x", "2024-02-30", "2024-01-31", "10:61", "09:30", "caution", "type"]),
    st.text(max_size=6),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _thorough(document: Any) -> Case | tuple[str, ...]:
    try:
        return documents._case_from_data_thoroughly(document)
    except CaseValidationError as error:
        return error.problems


def _same_case(a: Case, b: Case) -> None:
    assert a == b
    assert repr(a) == repr(b)  # the same types too (a tuple is not a list, a date no datetime)


def _check(document: Any) -> None:
    quick = documents._quick_case(copy.deepcopy(document))
    thorough = _thorough(document)
    if quick is not None:
        assert isinstance(thorough, Case), thorough
        _same_case(quick, thorough)
    # And case_from_data gives what the thorough way gives, problems word for word.
    try:
        loaded: Case | tuple[str, ...] = case_from_data(document)
    except CaseValidationError as error:
        loaded = error.problems
    if isinstance(thorough, Case):
        assert isinstance(loaded, Case)
        _same_case(loaded, thorough)
    else:
        assert loaded == thorough


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@st.composite
def _changed(draw: st.DrawFn, document: dict[str, Any]) -> Any:
    """``document`` with one value anywhere in it replaced, one key removed or one added."""
    document = copy.deepcopy(document)
    path = draw(st.sampled_from(_paths(document)))
    how = draw(st.sampled_from(["replace", "remove", "add"]))
    if not path:
        return draw(_values)
    parent = _at(document, path[:-1])
    if how == "replace":
        parent[path[-1]] = draw(_values)
    elif how == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "remove":
        parent.pop(path[-1])
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "type", "known", "date", "end", "kind"]))] = draw(
            _values
        )
    else:
        parent.append(draw(_values))
    return document


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    case = draw(cases())
    case = draw(with_police_records(case, case.person.date_of_birth, date(2026, 12, 31)))
    # As read from JSON (case_to_data leaves some enum members as they are: str, not text).
    document: dict[str, Any] = json.loads(json.dumps(case_to_data(case)))
    return document


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(document=_documents())
def test_a_well_formed_document_is_loaded_the_quick_way_as_the_thorough_way(
    document: dict[str, Any],
) -> None:
    quick = documents._quick_case(document)
    assert quick is not None  # the quick way takes every well-formed document
    thorough = _thorough(document)
    assert isinstance(thorough, Case)
    _same_case(quick, thorough)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_changed_document_is_loaded_as_the_thorough_way_loads_it(data: st.DataObject) -> None:
    document = data.draw(_documents())
    _check(data.draw(_changed(document)))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_changed_anywhere_loads_as_the_thorough_way_loads_it(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert documents._quick_case(document) is not None
    _check(document)
    # Every value replaced in turn by a value of each JSON type, and every key removed.
    for where in _paths(document)[1:]:
        for value in (None, True, 0, 1.5, "", "x", "2024-02-30", [], {}, ["x"], {"type": "x"}):
            changed = copy.deepcopy(document)
            _at(changed, where[:-1])[where[-1]] = value
            _check(changed)
        removed = copy.deepcopy(document)
        _at(removed, where[:-1]).pop(where[-1])
        _check(removed)


def test_the_register_loads_the_quick_way_as_the_thorough_way() -> None:
    for document in generate_register(150, seed=7):
        quick = documents._quick_case(document)
        assert quick is not None
        _same_case(quick, documents._case_from_data_thoroughly(document))


def test_the_header_is_checked_before_the_quick_way() -> None:
    person = {"reference": "FICTIONAL-0300", "date_of_birth": "1990-01-01"}
    good = {"format": "sexoffender-rules/case", "version": 1, "person": person}
    assert documents._quick_case(good) is not None
    assert documents._quick_case({**good, "description": "A fictional person."}) is not None
    for bad in (
        {**good, "version": True},
        {**good, "version": 2},
        {**good, "format": "other"},
        {**good, "description": 3},
        {"version": 1, "person": person},
        [good],
    ):
        assert documents._quick_case(bad) is None
        with pytest.raises(CaseValidationError):
            case_from_data(bad)


def test_constructors_still_validate_every_field() -> None:
    # Building the model directly runs its validators as before: the quick way builds objects
    # without their constructors, and leaves the constructors as they were.
    with pytest.raises(CaseValidationError):
        Case(
            person=Person(reference="FICTIONAL-0301", date_of_birth=date(1990, 1, 1)),
            notifications=(Notification(id="n1", date=date(1980, 1, 1), kind="initial"),),
        )
    with pytest.raises(Exception, match="must not be empty"):
        Person(reference="", date_of_birth=date(1990, 1, 1))
    assert attrs.fields(Person).reference.validator is not None
