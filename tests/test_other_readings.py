"""The other values of a reading (`engine.other_readings`): the values the reading flags try.

The answers are kept per enum member after the first call; each test here starts from an empty
store, so that the rule that makes them is what is tested, not what an earlier call kept.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sexoffender_rules import engine
from sexoffender_rules.engine import other_readings
from sexoffender_rules.policy import FailureAfterRequirementsEnd, NoCorrespondingDay, PartialDays


@pytest.fixture(autouse=True)
def _nothing_kept() -> Iterator[None]:
    kept = dict(engine._OTHER_MEMBERS)
    engine._OTHER_MEMBERS.clear()
    yield
    engine._OTHER_MEMBERS.clear()
    engine._OTHER_MEMBERS.update(kept)


def test_a_two_valued_reading_with_a_refusal_has_one_other_value() -> None:
    assert other_readings(PartialDays.LIBERTY_AT_END_OF_DAY) == [PartialDays.WHOLE_DAY_AT_LIBERTY]
    assert other_readings(PartialDays.WHOLE_DAY_AT_LIBERTY) == [PartialDays.LIBERTY_AT_END_OF_DAY]
    assert other_readings(NoCorrespondingDay.NEXT_DAY) == [NoCorrespondingDay.PREVIOUS_DAY]
    assert other_readings(NoCorrespondingDay.PREVIOUS_DAY) == [NoCorrespondingDay.NEXT_DAY]


def test_the_refusal_to_choose_has_both_answers_as_its_others() -> None:
    assert other_readings(PartialDays.RAISE) == [
        PartialDays.LIBERTY_AT_END_OF_DAY,
        PartialDays.WHOLE_DAY_AT_LIBERTY,
    ]
    assert other_readings(NoCorrespondingDay.RAISE) == [
        NoCorrespondingDay.NEXT_DAY,
        NoCorrespondingDay.PREVIOUS_DAY,
    ]


def test_a_reading_without_a_refusal_and_a_flag() -> None:
    assert other_readings(FailureAfterRequirementsEnd.ONE_DAY) == [
        FailureAfterRequirementsEnd.NO_FAILURE
    ]
    assert other_readings(True) == [False]
    assert other_readings(False) == [True]
    assert other_readings("not a reading") == []


def test_the_answer_is_kept_per_member_and_given_as_a_new_list() -> None:
    first = other_readings(PartialDays.LIBERTY_AT_END_OF_DAY)
    first.append(PartialDays.RAISE)  # the caller's list; what is kept is not changed
    assert other_readings(PartialDays.LIBERTY_AT_END_OF_DAY) == [PartialDays.WHOLE_DAY_AT_LIBERTY]
    kept = dict(engine._OTHER_MEMBERS)
    assert kept == {
        (PartialDays, PartialDays.LIBERTY_AT_END_OF_DAY): [PartialDays.WHOLE_DAY_AT_LIBERTY]
    }
