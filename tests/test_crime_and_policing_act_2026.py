"""The Crime and Policing Act 2026 reform: off by default, the baseline unchanged, and different
only for names first used from its commencement.

Scenario 255's case: a caution on Mon 2026-05-04; NAME-B first used Fri 2026-07-10 (notified in
advance on 2026-07-03); NAME-C first used Tue 2026-09-01, notified on 2026-09-02.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sexoffender_rules import ENGLAND_AND_WALES, Change, DutyKind, DutyState, assess, compare
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.england_and_wales import (
    CRIME_AND_POLICING_ACT_2026,
    crime_and_policing_act_2026,
)
from sexoffender_rules.rulesets import reform_named, ruleset_for

SCENARIO = next((Path(__file__).parent / "scenarios" / "england_and_wales").glob("255-*.json"))
CASE = case_from_data(json.loads(SCENARIO.read_text(encoding="utf-8"))["case"])
AS_OF = date(2026, 10, 1)


def test_off_by_default_and_the_baseline_unchanged() -> None:
    assert ruleset_for("england-and-wales") is ENGLAND_AND_WALES
    assert reform_named("crime-and-policing-act-2026") is CRIME_AND_POLICING_ACT_2026
    assert "cpa2026.name-in-advance" not in {r.id for r in ENGLAND_AND_WALES.rules}
    baseline = assess(CASE, AS_OF)
    assert baseline.ruleset == ENGLAND_AND_WALES.name
    # s.84(1)(a): 3 days beginning with the day of first use.
    assert [(d.deadline, d.state) for d in baseline.duties_of(DutyKind.CHANGE_OF_NAME)] == [
        (date(2026, 7, 12), DutyState.MET),
        (date(2026, 9, 3), DutyState.MET),
    ]


def test_the_reform_differs_only_for_the_late_name() -> None:
    result = compare([CASE], ENGLAND_AND_WALES, CRIME_AND_POLICING_ACT_2026, AS_OF)
    [case] = result.cases
    assert case.headline is None
    assert case.registration_end is None
    assert [(d.kind, d.trigger_date, d.change) for d in case.duties] == [
        (DutyKind.CHANGE_OF_NAME, date(2026, 7, 10), Change.CHANGED),
        (DutyKind.CHANGE_OF_NAME, date(2026, 9, 1), Change.CHANGED),
    ]
    in_time, late = case.duties
    assert in_time.changes == (("deadline", "2026-07-12", "2026-07-09"),)
    assert late.changes == (
        ("deadline", "2026-09-03", "2026-08-31"),
        ("state", "met", "met late"),
        ("breach", "none", "from 2026-09-01 to 2026-09-02"),
    )


def test_names_first_used_before_commencement_keep_the_baseline_rule() -> None:
    # With the provisions taken as in force from 2026-09-01, NAME-B (2026-07-10) is under
    # s.84(1)(a) as before and NAME-C (2026-09-01) under the reform.
    later = crime_and_policing_act_2026(date(2026, 9, 1))
    duties = assess(CASE, AS_OF, ruleset=later).duties_of(DutyKind.CHANGE_OF_NAME)
    assert [(d.deadline, d.state) for d in duties] == [
        (date(2026, 7, 12), DutyState.MET),
        (date(2026, 8, 31), DutyState.MET_LATE),
    ]
    assert "cpa2026.name-in-advance" in {r.rule_id for r in duties[1].reasons}
    assert "cpa2026.name-in-advance" not in {r.rule_id for r in duties[0].reasons}


def test_the_period_of_advance_notice_is_a_parameter() -> None:
    # 7 days before Fri 2026-07-10 is Fri 2026-07-03: n2 (advance, 2026-07-03) is in time.
    week = CRIME_AND_POLICING_ACT_2026.derive(name="a week", parameters={"name_notice_days": 7})
    duties = assess(CASE, AS_OF, ruleset=week).duties_of(DutyKind.CHANGE_OF_NAME)
    assert [(d.deadline, d.state) for d in duties] == [
        (date(2026, 7, 3), DutyState.MET),
        (date(2026, 8, 25), DutyState.MET_LATE),
    ]
