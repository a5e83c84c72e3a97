"""Results pickle to the same objects, through a state that is the tuple of their fields
(``sexoffender_rules._pickling.tuple_state``): what ``assess_many(..., workers=N)`` and the Dask
recipe send back from a worker."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from pathlib import Path

import attrs
import pytest

from sexoffender_rules import assess, assess_many
from sexoffender_rules._pickling import tuple_state
from sexoffender_rules.assessment import Assessment, Duty, Reason, Registration, Source
from sexoffender_rules.calendar import CalendarPeriod, DateInterval
from sexoffender_rules.caseload import CaseResult, CaseSummary
from sexoffender_rules.documents import case_from_data, parse_json
from sexoffender_rules.law import Citation, Rule
from sexoffender_rules.policy import Policy
from sexoffender_rules.whereabouts import Flag, Profile, StatusAssessment, VisitIntervals

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
COMPACT = (
    Reason,
    Source,
    Registration,
    Duty,
    Assessment,
    CalendarPeriod,
    DateInterval,
    CaseResult,
    CaseSummary,
    Citation,
    Rule,
    Policy,
    Flag,
    Profile,
    StatusAssessment,
    VisitIntervals,
)


@pytest.mark.parametrize("cls", COMPACT, ids=lambda c: c.__name__)
def test_each_result_class_pickles_a_tuple_of_its_fields(cls: type) -> None:
    assert cls.__getstate__.__qualname__ == "tuple_state.<locals>.__getstate__"
    assert cls.__setstate__.__qualname__ == "tuple_state.<locals>.__setstate__"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_status_pickles_and_copies_to_an_equal_one(path: Path) -> None:
    case = case_from_data(parse_json(path.read_text(encoding="utf-8")))
    (result,) = assess_many([case], date(2026, 11, 29))
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == result
    assert again is not result
    assert again.status is not result.status
    assert copy.deepcopy(result) == result
    assessment = assess(case, date(2026, 11, 29))
    state = assessment.registration.__getstate__()
    assert state == tuple(
        getattr(assessment.registration, a.name) for a in attrs.fields(Registration)
    )
    # A value worked out once (a cached property) is not pickled, and is worked out again.
    assert pickle.loads(pickle.dumps(assessment)).registration.subject_days == (
        assessment.registration.subject_days
    )


def test_a_state_pickled_as_a_dict_is_still_read() -> None:
    span = DateInterval(date(2020, 1, 1), date(2020, 2, 1))
    copied = object.__new__(DateInterval)
    copied.__setstate__({"start": date(2020, 1, 1), "end": date(2020, 2, 1)})
    assert copied == span


def test_a_state_of_the_wrong_length_is_refused() -> None:
    copied = object.__new__(DateInterval)
    with pytest.raises(ValueError, match="zip"):
        copied.__setstate__((date(2020, 1, 1),))


def test_a_class_of_one_field_pickles_a_tuple_of_one() -> None:
    @tuple_state
    @attrs.frozen
    class One:
        value: int

    assert One(3).__getstate__() == (3,)
    restored = object.__new__(One)
    restored.__setstate__((3,))
    assert restored == One(3)
