"""Sentence dates, re-sentencing, the s.246 test of a detention and training order, and the
leap-day reading of terms in days (issue 7 items 3, 4, 7, 8 and the sentence-history fact)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from sexoffender_rules import Policy, assess
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.errors import AmbiguousReadingError, CaseValidationError
from sexoffender_rules.model import (
    AbsoluteDischarge,
    Case,
    Imprisonment,
    Person,
    Resentence,
    SuspendedImprisonment,
    Trigger,
)

SCENARIOS = Path(__file__).parent / "scenarios" / "england_and_wales"


def scenario(prefix: str) -> dict[str, Any]:
    (path,) = SCENARIOS.glob(f"{prefix}-*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def assessed(prefix: str) -> Any:
    data = scenario(prefix)
    return assess(
        case_from_data(data["case"]),
        date.fromisoformat(data["as_of"]),
        Policy(**data["policy"]),
    )


def days_case(days: int) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0130", date_of_birth=date(1970, 1, 1)),
        triggers=[
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2004, 5, 31),
                disposal=Imprisonment(term=CalendarPeriod(days=days)),
            )
        ],
    )


def period_readings(assessment: Any) -> list[str]:
    return [
        reading
        for reason in assessment.registration.sources[0].reasons
        if reason.rule_id == "ew.s82.period" and reason.statement.startswith("s.82(1) table")
        for reading in reason.readings
    ]


def test_strict_policy_does_not_raise_where_both_leap_day_readings_agree() -> None:
    # 200 days from 31 May 2004 reach 17 December: past 6 months under either reading.
    assessment = assess(days_case(200), date(2004, 7, 1), Policy.strict())
    assert assessment.registration.sources[0].period == CalendarPeriod(years=10)
    assert period_readings(assessment) == []


def test_strict_policy_does_not_raise_for_a_term_in_months_from_a_month_end() -> None:
    # 18 months from 31 May 2004 end on 30 November or 1 December 2005 by the reading, but the
    # term is 18 months either way: 10 years.
    case = attrs.evolve(
        days_case(1),
        triggers=[
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2004, 5, 31),
                disposal=Imprisonment(term=CalendarPeriod(months=18)),
            )
        ],
    )
    assessment = assess(case, date(2004, 7, 1), Policy.strict())
    assert assessment.registration.sources[0].period == CalendarPeriod(years=10)


def test_strict_policy_raises_where_the_leap_day_readings_differ() -> None:
    with pytest.raises(AmbiguousReadingError) as raised:
        assess(days_case(184), date(2004, 7, 1), Policy.strict())
    assert raised.value.question == "leap_day"


@pytest.mark.parametrize("reading", ["next_day", "previous_day"])
def test_the_reason_names_the_leap_day_reading_only_where_it_matters(reading: str) -> None:
    policy = Policy(leap_day=reading)
    assert period_readings(assess(days_case(184), date(2004, 7, 1), policy)) == [
        f"leap_day={reading}"
    ]
    assert period_readings(assess(days_case(200), date(2004, 7, 1), policy)) == []


def test_a_dto_made_on_resentence_at_18_is_not_flagged_and_shows_the_history() -> None:
    assessment = assessed("123")
    assert assessment.flags == ()
    history = [
        r.statement
        for r in assessment.registration.sources[0].reasons
        if r.rule_id == "ew.s82.resentence"
    ]
    assert len(history) == 1
    assert "youth rehabilitation order" in history[0]
    assert "2025-03-01 breach of community order: detention and training order" in history[0]
    dto = [
        r
        for r in assessment.registration.sources[0].reasons
        if r.rule_id == "ew.s131.detention_and_training_order"
    ]
    assert dto
    assert "young offender institution" in dto[0].statement


def test_a_dto_for_a_person_18_when_convicted_is_flagged() -> None:
    flags = assessed("124").flags
    assert any("s.234(1)(a)" in flag for flag in flags)


def test_a_dto_made_at_first_sentence_after_turning_18_is_flagged_as_a_reading() -> None:
    flags = assessed("092").flags
    assert any("s.246(1)(a)(ii)" in flag for flag in flags)
    assert not any("s.234(1)(a)" in flag for flag in flags)


def test_a_variation_on_appeal_is_not_flagged_but_an_activation_with_a_lesser_term_is() -> None:
    assert assessed("127").flags == ()
    case = Case(
        person=Person(reference="FICTIONAL-0131", date_of_birth=date(1980, 1, 1)),
        triggers=[
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2024, 3, 1),
                disposal=SuspendedImprisonment(term=CalendarPeriod(months=12)),
                resentences=[
                    Resentence(
                        date=date(2024, 8, 1),
                        reason="activation_of_suspended_sentence",
                        disposal=Imprisonment(term=CalendarPeriod(months=4)),
                    )
                ],
            )
        ],
    )
    before = assess(case, date(2024, 7, 31))
    after = assess(case, date(2024, 9, 1))
    assert before.registration.sources[0].period == CalendarPeriod(years=10)
    assert before.flags == ()
    assert after.registration.sources[0].period == CalendarPeriod(years=7)
    assert any("is or has been" in flag for flag in after.flags)


def test_a_sentence_passed_after_the_assessment_date_is_not_yet_known() -> None:
    case = Case(
        person=Person(reference="FICTIONAL-0132", date_of_birth=date(1980, 1, 1)),
        triggers=[
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2024, 3, 1),
                sentence_date=date(2024, 5, 1),
                disposal=Imprisonment(term=CalendarPeriod(months=8)),
            )
        ],
    )
    awaiting = assess(case, date(2024, 4, 1))
    assert awaiting.registration.undetermined
    sentenced = assess(case, date(2024, 5, 1))
    assert sentenced.registration.sources[0].period == CalendarPeriod(years=10)


@pytest.mark.parametrize(
    ("convicted", "provision"),
    [
        (date(2020, 11, 30), "PCC(S)A 2000 s.14(1)"),
        (date(2020, 12, 1), "Sentencing Act 2020 s.82(2)"),
    ],
)
def test_absolute_discharge_names_the_provision_in_force_on_the_conviction_date(
    convicted: date, provision: str
) -> None:
    case = Case(
        person=Person(reference="FICTIONAL-0133", date_of_birth=date(1980, 1, 1)),
        triggers=[
            Trigger(id="t1", kind="conviction", date=convicted, disposal=AbsoluteDischarge())
        ],
    )
    (reason,) = [
        r
        for r in assess(case, date(2021, 6, 1)).registration.reasons
        if r.rule_id == "ew.s134.absolute_discharge"
    ]
    assert provision in reason.statement


def test_sentence_dates_and_resentences_are_validated() -> None:
    with pytest.raises(CaseValidationError) as raised:
        Case(
            person=Person(reference="FICTIONAL-0134", date_of_birth=date(1980, 1, 1)),
            triggers=[
                Trigger(
                    id="t1",
                    kind="conviction",
                    date=date(2024, 3, 1),
                    sentence_date=date(2024, 2, 1),
                    disposal=Imprisonment(term=CalendarPeriod(months=8)),
                    resentences=[
                        Resentence(
                            date=date(2024, 1, 20),
                            reason="other",
                            disposal=Imprisonment(
                                term=CalendarPeriod(months=8), consecutive_to="t9"
                            ),
                        )
                    ],
                )
            ],
        )
    problems = raised.value.problems
    assert any(p.startswith("triggers[0].sentence_date:") for p in problems)
    assert any(p.startswith("triggers[0].resentences[0].date:") for p in problems)
    assert "triggers[0].resentences[0].disposal.consecutive_to: names no trigger of this case" in (
        problems
    )


def test_a_person_subject_again_after_a_conditional_discharge_is_flagged() -> None:
    assessment = assessed("125")
    (source,) = assessment.registration.sources
    assert source.lapsed is not None
    assert (source.lapsed.start, source.lapsed.end) == (date(2023, 1, 10), date(2023, 6, 1))
    assert date(2023, 3, 1) not in assessment.registration.subject_days
    assert date(2023, 6, 1) in assessment.registration.subject_days
    assert any("subject again" in flag for flag in assessment.flags)
