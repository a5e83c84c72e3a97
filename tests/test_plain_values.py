"""Documents written by the library hold plain JSON values only: every enum member is written as
its value, whatever its base class (a str-based enum would otherwise pass through cattrs as a
member, which a JSON encoder writes but other encoders, such as a YAML or MessagePack one, do not);
and the strict decoder reads JSON as text or as UTF-8 bytes, refusing anything else with the
library's errors.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import sexoffender_rules
from sexoffender_rules import assess, strategies
from sexoffender_rules.documents import (
    _library_enums,
    assessment_to_data,
    case_to_data,
    converter,
    parse_json,
)
from sexoffender_rules.errors import CaseValidationError, WrongTypeError
from sexoffender_rules.model import Case, Order, OrderKind


def _plain(value: Any, path: str = "") -> list[str]:
    """The paths in ``value`` that hold anything but dicts, lists, str, int, float, bool, None."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _plain(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _plain(v, f"{path}[{i}]")]
    if value is None or type(value) in (str, int, float, bool):
        return []
    return [f"{path}: {type(value).__name__}"]


def _every_library_enum() -> list[type[enum.Enum]]:
    """Every enum of the library once all its modules are imported (the converter registered
    those defined by the time it was made)."""
    for module in pkgutil.walk_packages(sexoffender_rules.__path__, "sexoffender_rules."):
        if module.name.endswith(("strategies", "__main__", ".cli")):
            continue
        importlib.import_module(module.name)
    return _library_enums()


def test_every_enum_of_the_library_is_written_as_its_value() -> None:
    # A comparison of two assessments writes its own data (`Comparison.to_data`, values only)
    # and is no part of a case, profile or assessment document.
    enums = [
        kind for kind in _every_library_enum() if kind.__module__ != "sexoffender_rules.compare"
    ]
    assert OrderKind in enums
    wrong = [
        f"{kind.__name__}.{member.name}"
        for kind in enums
        for member in kind
        if type(converter.unstructure(member)) is not type(member.value)
        or converter.unstructure(member) != member.value
    ]
    assert wrong == []


def test_an_order_kind_is_written_as_a_plain_string() -> None:
    case = Case(
        person=sexoffender_rules.model.Person(
            reference="FICTIONAL-PLAIN-01", date_of_birth=date(1980, 1, 1)
        ),
        orders=(
            Order(
                id="o1",
                kind=OrderKind.SEXUAL_HARM_PREVENTION_ORDER,
                made=date(2024, 1, 1),
            ),
        ),
    )
    kind = case_to_data(case)["orders"][0]["kind"]
    assert type(kind) is str
    assert kind == "sexual_harm_prevention_order"


@settings(max_examples=50, suppress_health_check=list(HealthCheck), deadline=None)
@given(strategies.cases())
def test_documents_and_results_hold_plain_values_only(case: Case) -> None:
    assert _plain(case_to_data(case)) == []
    assert _plain(assessment_to_data(assess(case, date(2026, 1, 1)))) == []


def test_parse_json_takes_bytes_as_utf8_text() -> None:
    # A UTF-8 byte-order mark, then a name with a non-ASCII letter (U+00C9 is C3 89 in UTF-8).
    assert parse_json(b'\xef\xbb\xbf{"name": "\xc3\x89LODIE-FICTIONAL"}') == {
        "name": "\u00c9LODIE-FICTIONAL"
    }
    assert parse_json(bytearray(b"[1]")) == [1]


def test_parse_json_refuses_bytes_that_are_not_utf8_and_values_that_are_not_text() -> None:

    with pytest.raises(CaseValidationError) as caught:
        parse_json(b'{"name": "\xff"}')
    assert caught.value.problems == ("(document): not UTF-8 text",)
    with pytest.raises(WrongTypeError, match=r"^document: expected JSON text or bytes, got int$"):
        parse_json(42)  # type: ignore[arg-type]
