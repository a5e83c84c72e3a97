"""The "why not" questions: every condition can fail, and the conditions agree with the
assessment on generated cases (an item holds exactly when every condition does)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sexoffender_rules.calendar import END_OF_TIME, CalendarPeriod, DateInterval
from sexoffender_rules.cli import main
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.model import (
    AbsenceAbroad,
    Case,
    HomeAddress,
    HomeAddressChange,
    Imprisonment,
    LifeImprisonment,
    NameUsed,
    Notification,
    Person,
    Trigger,
)
from sexoffender_rules.records import Contact, HomeVisit, TraceEnquiry
from sexoffender_rules.strategies import cases_with_as_of, profiles, with_police_records
from sexoffender_rules.whereabouts import PROFILES, Profile
from sexoffender_rules.whynot import QUESTIONS, WhyNot, why_not, why_not_text, why_not_to_data

ROOT = Path(__file__).resolve().parent.parent
PERSON = Person(reference="FICTIONAL-0900", date_of_birth=date(1980, 1, 1))
HOME = HomeAddress(kind="residence", reference="ADDR-1")


def _caution(**facts: object) -> Case:
    return Case(
        person=PERSON,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        **facts,  # type: ignore[arg-type]
    )


def _failed(answer: WhyNot, item: int = 0) -> list[str]:
    return [c.name for c in answer.items[item].failed]


# --------------------------------------------------------------------------------------------
# Change of name: each condition fails in a case of its own
# --------------------------------------------------------------------------------------------


def test_name_used_before_the_person_was_subject_fails_subject() -> None:
    case = _caution(events=(NameUsed(date=date(2025, 12, 1), name="NAME-B"),))
    answer = why_not(case, date(2026, 4, 1), "change_of_name")
    assert not answer.holds
    assert _failed(answer) == ["subject"]


def test_name_recorded_as_known_after_the_assessment_date_fails_known() -> None:
    case = _caution(
        events=(NameUsed(date=date(2026, 3, 1), name="NAME-B", known=date(2026, 5, 1)),)
    )
    answer = why_not(case, date(2026, 4, 1), "change_of_name")
    assert _failed(answer) == ["known"]
    assert why_not(case, date(2026, 5, 1), "change_of_name").holds


def test_name_already_notified_fails_not_notified_before() -> None:
    case = _caution(
        events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 6), kind="initial", names=("NAME-B",)),
        ),
    )
    answer = why_not(case, date(2026, 4, 1), "change_of_name")
    assert _failed(answer) == ["not_notified_before"]
    assert "n1 on 2026-01-06" in answer.items[0].failed[0].text


def test_a_further_use_while_undischarged_fails_not_further_use() -> None:
    case = _caution(
        events=(
            NameUsed(date=date(2026, 3, 6), name="NAME-B"),
            NameUsed(date=date(2026, 3, 8), name="NAME-B"),
        )
    )
    answer = why_not(case, date(2026, 4, 1), "change_of_name")
    assert answer.holds  # the first use gave a duty
    assert [i.holds for i in answer.items] == [True, False]
    assert _failed(answer, 1) == ["not_further_use"]
    assert "events[0]" in answer.items[1].failed[0].text


def test_no_name_recorded() -> None:
    answer = why_not(_caution(), date(2026, 4, 1), "change_of_name")
    assert _failed(answer) == ["recorded"]


def test_conditions_cite_the_rule_and_link_to_the_section_on_the_day() -> None:
    case = _caution(events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),))
    condition = why_not(case, date(2026, 4, 1), "change_of_name").items[0].conditions[-1]
    assert condition.rule_id == "ew.s84.name"
    assert condition.links[0].url.endswith("/ukpga/2003/42/section/84/2026-03-06")


# --------------------------------------------------------------------------------------------
# Change of home address
# --------------------------------------------------------------------------------------------


def test_address_change_after_the_period_ended_fails_subject() -> None:
    case = _caution(
        events=(HomeAddressChange(date=date(2029, 1, 1), home_address=HOME),),
    )
    answer = why_not(case, date(2029, 2, 1), "change_of_address")
    assert _failed(answer) == ["subject"]
    within = _caution(events=(HomeAddressChange(date=date(2026, 2, 1), home_address=HOME),))
    assert why_not(within, date(2026, 3, 1), "change_of_address").holds


# --------------------------------------------------------------------------------------------
# Indefinite
# --------------------------------------------------------------------------------------------


def _convicted(disposal: object) -> Case:
    return Case(
        person=PERSON,
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2020, 3, 2),
                disposal=disposal,  # type: ignore[arg-type]
            ),
        ),
    )


def test_a_term_under_30_months_is_not_indefinite_and_names_its_row() -> None:
    answer = why_not(
        _convicted(Imprisonment(term=CalendarPeriod(months=24))), date(2026, 1, 1), "indefinite"
    )
    assert not answer.holds
    assert _failed(answer) == ["indefinite_row"]
    assert "more than 6 months but less than 30 months" in answer.items[0].failed[0].text


def test_life_is_indefinite() -> None:
    answer = why_not(_convicted(LifeImprisonment()), date(2026, 1, 1), "indefinite")
    assert answer.holds
    assert answer.failed == ()


def test_an_unknown_disposal_fails_determined() -> None:
    case = Case(
        person=PERSON, triggers=(Trigger(id="t1", kind="conviction", date=date(2020, 3, 2)),)
    )
    answer = why_not(case, date(2026, 1, 1), "indefinite")
    assert "determined" in _failed(answer)


# --------------------------------------------------------------------------------------------
# Breach
# --------------------------------------------------------------------------------------------


def test_met_on_time_fails_not_answered() -> None:
    case = _caution(notifications=(Notification(id="n1", date=date(2026, 1, 6), kind="initial"),))
    answer = why_not(case, date(2026, 4, 1), "breach")
    assert not answer.holds
    assert _failed(answer) == ["not_answered", "failure_continues"]


def test_deadline_not_yet_passed() -> None:
    answer = why_not(_caution(), date(2026, 1, 6), "breach")
    assert _failed(answer) == ["deadline_passed", "failure_continues"]


def test_abroad_the_deadline_is_not_fixed() -> None:
    case = _caution(
        absences_abroad=(AbsenceAbroad(start=date(2026, 1, 4), end=None),),
    )
    answer = why_not(case, date(2026, 2, 1), "breach")
    assert "deadline_fixed" in _failed(answer)


def test_in_breach_holds_with_every_condition() -> None:
    answer = why_not(_caution(), date(2026, 2, 1), "breach")
    assert answer.holds
    assert answer.items[0].failed == ()


def test_after_the_requirements_end_the_person_is_not_subject() -> None:
    answer = why_not(_caution(), date(2029, 1, 1), "breach")
    assert not answer.holds
    assert all("subject" in [c.name for c in item.failed] for item in answer.items)


# --------------------------------------------------------------------------------------------
# Missing
# --------------------------------------------------------------------------------------------


def _failing_contact(*records: object) -> Case:
    return _caution(
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial", home_address=HOME),
        ),
        police_records=(
            HomeVisit(date=date(2026, 2, 2), outcome="no_answer"),
            HomeVisit(date=date(2026, 2, 9), outcome="no_answer"),
            *records,
        ),
    )


def test_trace_enquiry_profile_without_a_negative_trace_fails_negative_trace() -> None:
    answer = why_not(_failing_contact(), date(2026, 3, 1), "missing")
    assert not answer.holds
    assert _failed(answer) == ["negative_trace"]
    traced = _failing_contact(
        TraceEnquiry(date=date(2026, 2, 10), closed=date(2026, 2, 20), result="negative")
    )
    assert why_not(traced, date(2026, 3, 1), "missing").holds


def test_time_based_profile_counts_days() -> None:
    # Last positive contact 2026-01-25; failed visits on 2 and 9 February; 28 days from the
    # contact is 2026-02-22.
    profile = PROFILES["time-based"]
    case = _failing_contact(Contact(date=date(2026, 1, 25), kind="in_person"))
    early = why_not(case, date(2026, 2, 3), "missing", profile=profile)
    assert "adverse_fact" in _failed(early)
    soon = why_not(case, date(2026, 2, 21), "missing", profile=profile)
    assert _failed(soon) == ["days_passed"]
    assert "27 have, from 2026-01-25" in soon.items[0].failed[0].text
    assert why_not(case, date(2026, 2, 22), "missing", profile=profile).holds


def test_missing_person_report_profile_needs_an_open_report() -> None:
    profile = PROFILES["missing-person-report"]
    answer = why_not(_failing_contact(), date(2026, 3, 1), "missing", profile=profile)
    assert _failed(answer) == ["open_report"]


def test_abroad_is_not_missing() -> None:
    case = _caution(absences_abroad=(AbsenceAbroad(start=date(2026, 2, 1), end=None),))
    answer = why_not(case, date(2026, 3, 1), "missing")
    assert "whereabouts_not_otherwise_known" in _failed(answer)


# --------------------------------------------------------------------------------------------
# Agreement with the assessment, on generated cases
# --------------------------------------------------------------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    drawn=cases_with_as_of(), kind=st.sampled_from(sorted(k for k in QUESTIONS if k != "missing"))
)
def test_an_item_holds_exactly_when_every_condition_holds(
    drawn: tuple[Case, date], kind: str
) -> None:
    case, as_of = drawn
    answer = why_not(case, as_of, kind)
    for item in answer.items:
        assert item.holds == (item.failed == ()), (kind, item)
    assert answer.holds == any(item.holds for item in answer.items)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=profiles())
def test_missing_agrees_with_the_whereabouts(data: st.DataObject, profile: object) -> None:
    case, as_of = data.draw(cases_with_as_of())
    case = data.draw(with_police_records(case, date(2004, 5, 1), as_of))
    answer = why_not(case, as_of, "missing", profile=profile)  # type: ignore[arg-type]
    [item] = answer.items
    assert item.holds == (item.failed == ()), item


# --------------------------------------------------------------------------------------------
# Renderers and the command line
# --------------------------------------------------------------------------------------------


def test_text_marks_each_condition_and_can_leave_out_those_that_held() -> None:
    answer = why_not(_caution(), date(2026, 1, 6), "breach")
    text = why_not_text(answer)
    assert "[held]" in text
    assert "[FAILED]" in text
    assert "[held]" not in why_not_text(answer, failed_only=True)


def test_data_is_json_ready() -> None:
    data = why_not_to_data(why_not(_caution(), date(2026, 1, 6), "breach"))
    assert json.loads(json.dumps(data)) == data
    assert [c["held"] for c in data["items"][0]["conditions"]] == [True, True, False, True, False]
    assert data["items"][0]["conditions"][2]["name"] == "deadline_passed"


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_command_line_why_not(kind: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(ROOT / "examples" / "04-change-of-address-notified-late.json")
    args = ["explain", example, "--as-of", "2026-11-29", "--why-not", kind, "--format", fmt]
    status = main(args)
    out = capsys.readouterr().out
    assert status == 0
    expected = why_not(
        case_from_data(json.loads(Path(example).read_text())), date(2026, 11, 29), kind
    )
    if fmt == "json":
        assert json.loads(out) == why_not_to_data(expected)
    else:
        assert out.rstrip("\n") == why_not_text(expected)
    assert out.startswith(QUESTIONS[kind].question) or fmt == "json"


# --------------------------------------------------------------------------------------------
# The conditions that cannot fail alone under the law in force: a reform, a review, a profile
# --------------------------------------------------------------------------------------------


def test_a_provision_not_yet_in_force_fails_in_force() -> None:
    # A reform in which s.84(1)(a) comes into force only in 2027: a name used in 2026 gives
    # no duty, and the condition that fails is the provision's being in force.
    name = ENGLAND_AND_WALES.rule("ew.s84.name")
    later = attrs.evolve(name, in_force=DateInterval(date(2027, 1, 1), END_OF_TIME))
    reform = ENGLAND_AND_WALES.replacing(later, name="names from 2027")
    case = _caution(events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),))
    answer = why_not(case, date(2026, 4, 1), "change_of_name", ruleset=reform)
    assert _failed(answer) == ["in_force"]
    assert why_not(case, date(2026, 4, 1), "change_of_name").holds


def test_a_review_that_discharged_the_requirements_fails_not_discharged_on_review() -> None:
    path = (
        ROOT
        / "tests/scenarios/england_and_wales/172-review-discharges-indefinite-requirements.json"
    )
    scenario = json.loads(path.read_text(encoding="utf-8"))
    case = case_from_data(scenario["case"])
    answer = why_not(case, date.fromisoformat(scenario["as_of"]), "indefinite")
    assert not answer.holds
    assert _failed(answer) == ["not_discharged_on_review"]
    assert answer.items[0].failed[0].rule_id == "ew.s91c.discharged"


def test_a_time_based_profile_without_days_fails_days_set() -> None:
    profile = Profile(name="no-days", missing_rule="time_based", unknown_after_days=None)
    answer = why_not(_failing_contact(), date(2026, 6, 1), "missing", profile=profile)
    assert _failed(answer) == ["days_set", "days_passed"]
    assert answer.items[0].conditions[-1].citation == "police policy profile no-days@1"


def test_not_subject_fails_subject_for_missing() -> None:
    answer = why_not(_failing_contact(), date(2029, 1, 1), "missing")
    assert "subject" in _failed(answer)


def test_a_later_trial_after_a_finding_of_disability_fails_not_ended_by_trial() -> None:
    # Found to have done the act, with a life sentence's row; then tried, the trial concluding
    # on 2020-06-30: the period ends that day (s.82(5)).
    case = Case(
        person=PERSON,
        triggers=(
            Trigger(
                id="t1",
                kind="finding_disability_did_act",
                date=date(2020, 3, 2),
                disposal=LifeImprisonment(),
                trial_concluded=date(2020, 6, 30),
            ),
        ),
    )
    answer = why_not(case, date(2021, 1, 1), "indefinite")
    assert _failed(answer) == ["not_ended_by_trial"]
    assert "2020-06-30" in answer.items[0].failed[0].text


def test_a_missing_disposal_leaves_subject_and_the_failure_open_after_the_day_taken() -> None:
    # Convicted Tue 1 March 2005 with no disposal recorded, notified the next day and never
    # again: taken to be subject to Sun 28 February 2010 (any other description, 5 years). On
    # Wed 1 January 2020 whether the person is subject rests on the disposal, and so does
    # whether the failure of the annual notification due by 2 March 2006 goes on.
    case = Case(
        person=Person(reference="FICTIONAL-0981", date_of_birth=date(1970, 1, 1)),
        triggers=(Trigger(id="t1", kind="conviction", date=date(2005, 3, 1)),),
        notifications=(Notification(id="n1", date=date(2005, 3, 2), kind="initial"),),
    )
    answer = why_not(case, date(2020, 1, 1), "breach")
    assert not answer.holds
    subject = answer.items[1].conditions[0]
    assert (subject.name, subject.held, subject.text) == (
        "subject",
        False,
        "The person is subject on the assessment date (2020-01-01): it rests on "
        "triggers[0].disposal, not recorded.",
    )
    # Within the period taken, the person is subject and the failure continues.
    within = why_not(case, date(2008, 1, 1), "breach")
    assert within.holds
