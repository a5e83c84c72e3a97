"""Any JSON value or byte string given to the loader or the command line gives a case or the
library's validation error (exit status 3): never another exception, never a personal value
repeated in a message."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sexoffender_rules.cli import main
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.errors import CaseValidationError
from sexoffender_rules.model import Case

PERSONAL = "PV-"  # every text value drawn starts so; no message may repeat one

_text = st.text(max_size=12).map(lambda t: PERSONAL + t)
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _text)
json_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)

EXAMPLE = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "01-new-conviction.json").read_text()
)


def _mutations(document: dict[str, Any]) -> st.SearchStrategy[Any]:
    """The example with one field replaced by any JSON value."""
    keys = sorted(document)
    return st.tuples(st.sampled_from(keys), json_values).map(
        lambda pair: {**document, pair[0]: pair[1]}
    )


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(json_values, _mutations(EXAMPLE)))
@example(EXAMPLE)
def test_any_json_value_loads_or_raises_case_validation_error(value: Any) -> None:
    problems: tuple[str, ...] = ()
    case: Case | None = None
    try:
        case = case_from_data(value)
    except CaseValidationError as error:
        problems = error.problems
    assert (case is None) == bool(problems)
    assert all(PERSONAL not in problem for problem in problems), problems


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.one_of(st.binary(max_size=200), _mutations(EXAMPLE).map(lambda d: json.dumps(d).encode()))
)
def test_any_bytes_to_the_command_line_give_status_0_or_3_without_a_traceback(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    status = main(["validate", str(path)], stdin=io.StringIO(""), stdout=out, stderr=err)
    assert status in (0, 3), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert PERSONAL not in err.getvalue()
