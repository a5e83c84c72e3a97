"""Parental directions (s.89) and prescribed changes (s.84(1)(ca)) beyond the golden scenarios."""

from __future__ import annotations

from datetime import date

from sexoffender_rules import assess, assessment_to_data, explain
from sexoffender_rules.assessment import DutyKind, Responsible
from sexoffender_rules.model import (
    Case,
    Notification,
    ParentalDirection,
    Person,
    PrescribedChange,
    Trigger,
)
from sexoffender_rules.policy import Policy


def youth_caution(*directions: ParentalDirection, born: date = date(2011, 1, 1)) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0901", date_of_birth=born),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 2)),),
        parental_directions=directions,
    )


def test_a_direction_recorded_after_the_18th_birthday_has_no_effect() -> None:
    case = youth_caution(ParentalDirection(made=date(2026, 3, 2)), born=date(2008, 3, 2))
    [initial] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.INITIAL)
    assert initial.responsible is Responsible.OFFENDER
    assert not any(r.rule_id == "ew.s89.parental_direction" for r in initial.reasons)


def test_a_direction_discharged_before_the_deadline_leaves_the_duty_with_the_offender() -> None:
    case = youth_caution(ParentalDirection(made=date(2026, 3, 2), discharged=date(2026, 3, 4)))
    [initial] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.INITIAL)
    assert initial.responsible is Responsible.OFFENDER


def test_the_parents_breach_is_said_in_the_explanation_and_the_json() -> None:
    a = assess(youth_caution(ParentalDirection(made=date(2026, 3, 2))), date(2026, 3, 20))
    assert "parent's offence" in explain(a)
    data = assessment_to_data(a)
    assert data["headline"] == "in_breach"
    assert data["in_breach_responsible"] == ["parent"]
    assert data["duties"][0]["responsible"] == "parent"


def bank_case(*notifications: Notification) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0902", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        events=(PrescribedChange(date=date(2026, 3, 2), kind="payment_card", reference="CARD-1"),),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            *notifications,
        ),
    )


def test_a_periodic_notification_carrying_the_reference_answers_only_under_its_reading() -> None:
    case = bank_case(
        Notification(id="n2", date=date(2026, 3, 3), kind="periodic", prescribed=("CARD-1",))
    )
    [duty] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.PRESCRIBED_CHANGE)
    assert (duty.state.value, duty.discharged_by) == ("met", "n2")
    literal = Policy(periodic_notifies_changes=False)
    [duty] = assess(case, date(2026, 3, 20), literal).duties_of(DutyKind.PRESCRIBED_CHANGE)
    assert (duty.state.value, duty.discharged_by) == ("overdue", None)


def test_a_notification_of_another_reference_does_not_answer() -> None:
    case = bank_case(
        Notification(id="n2", date=date(2026, 3, 3), kind="prescribed", prescribed=("ACCT-9",))
    )
    [duty] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.PRESCRIBED_CHANGE)
    assert duty.state.value == "overdue"
