"""Bad input and contradictory facts: every refusal, with the exact path and message expected.

The expected problems below were written from the validation rules in ``model.py`` (the docstrings
and ``_contradictions``), from ``errors.py`` and from docs/case-format.md, never copied from a run.
Only the path format of the document loader (how a field inside a list is named) was checked
against what the code produces. The expectations were later moved to the redesigned wording
(``InvalidValueError``/``WrongTypeError``, "field: problem", values described by shape), read from
``errors.py``, ``model.py`` and ``documents.py`` and then confirmed by a run. A test marked
``xfail`` states a rule the code does not yet keep.

All personal values here are fictional and distinctive (``ZZSECRET...``) so that a test can show
no error message repeats them.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from sexoffender_rules import errors
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import (
    CASE_FORMAT,
    DISPOSAL_TYPES,
    EVENT_TYPES,
    case_from_data,
    case_to_data,
)
from sexoffender_rules.errors import (
    CaseValidationError,
    InvalidValueError,
    NegativeCountError,
    NotACivilDateError,
    SexOffenderRulesError,
    WrongTypeError,
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
    ParentalDirection,
    Person,
    PrescribedChange,
    Resentence,
    Stay,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)

BORN = date(1990, 1, 1)
SECRET_REF = "ZZSECRETREF"
SECRET_NAME = "ZZSECRETNAME"
SECRET_ADDR = "ZZSECRETADDR"
SECRET_PREMISES = "ZZSECRETPREMISES"
SECRETS = (SECRET_REF, SECRET_NAME, SECRET_ADDR, SECRET_PREMISES)
DTO_RANGE = "a detention and training order is of 4 to 24 months (Sentencing Code s.236(1))"
CYCLE = "its term is linked to itself through other terms"
OWN_TRIGGER = "names its own trigger"


def one_of(kind: type[Any]) -> str:
    """The library's words for "one of this enum's values was expected"."""
    return "expected one of " + ", ".join(member.value for member in kind)


def person() -> Person:
    return Person(reference=SECRET_REF, date_of_birth=BORN)


def months(n: int) -> CalendarPeriod:
    return CalendarPeriod(months=n)


def conviction(trigger_id: str, day: date, disposal: Any = None, **kwargs: Any) -> Trigger:
    return Trigger(id=trigger_id, kind="conviction", date=day, disposal=disposal, **kwargs)


def problems_of(**facts: Any) -> tuple[str, ...]:
    """The problems a case with ``facts`` (and the fictional person) is refused with."""
    with pytest.raises(CaseValidationError) as caught:
        Case(person=person(), **facts)
    return caught.value.problems


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


# ============================================================================================
# The error classes
# ============================================================================================


@pytest.mark.parametrize("name", [n for n in errors.__all__ if n != "SexOffenderRulesError"])
def test_every_library_error_is_a_library_error_and_a_builtin(name: str) -> None:
    cls = getattr(errors, name)
    assert issubclass(cls, SexOffenderRulesError)
    assert issubclass(cls, (ValueError, TypeError))


def test_error_kinds() -> None:
    assert issubclass(InvalidValueError, SexOffenderRulesError)
    assert issubclass(InvalidValueError, ValueError)
    assert issubclass(WrongTypeError, SexOffenderRulesError)
    assert issubclass(WrongTypeError, TypeError)
    assert issubclass(NegativeCountError, InvalidValueError)
    assert issubclass(NotACivilDateError, WrongTypeError)
    assert issubclass(NotACivilDateError, TypeError)
    assert issubclass(NegativeCountError, ValueError)
    assert issubclass(CaseValidationError, ValueError)
    assert issubclass(SexOffenderRulesError, Exception)


# ============================================================================================
# Model constructors
# ============================================================================================

_ADDR = HomeAddress(kind="residence", reference="ADDR-1")

# (constructor, keyword arguments except the date field, the date field)
DATE_FIELDS = [
    (Person, {"reference": "R"}, "date_of_birth"),
    (Trigger, {"id": "t1", "kind": "caution"}, "date"),
    (
        Trigger,
        {"id": "t1", "kind": "conviction", "date": date(2021, 3, 1)},
        "threshold_sentence_date",
    ),
    (Imprisonment, {"term": months(6)}, "start"),
    (DetentionAndTrainingOrder, {"term": months(6)}, "start"),
    (Detention, {"kind": "remand"}, "start"),
    (Detention, {"kind": "remand", "start": date(2021, 3, 1)}, "end"),
    (AbsenceAbroad, {}, "start"),
    (AbsenceAbroad, {"start": date(2021, 3, 1)}, "end"),
    (NameUsed, {"name": "NAME-A"}, "date"),
    (HomeAddressChange, {"home_address": _ADDR}, "date"),
    (Stay, {"premises": "P", "last_day": date(2021, 3, 2)}, "first_day"),
    (Stay, {"premises": "P", "first_day": date(2021, 3, 1)}, "last_day"),
    (Notification, {"id": "n1", "kind": "initial"}, "date"),
    (Notification, {"id": "n1", "kind": "advance", "date": date(2021, 3, 1)}, "expected_date"),
]
DATE_FIELD_IDS = [f"{cls.__name__}.{field}" for cls, _, field in DATE_FIELDS]


@pytest.mark.parametrize(("cls", "kwargs", "field"), DATE_FIELDS, ids=DATE_FIELD_IDS)
def test_a_datetime_is_not_a_civil_date(cls: type, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(NotACivilDateError) as caught:
        cls(**kwargs, **{field: datetime(2021, 3, 1, 12, 0)})
    assert str(caught.value) == f"{field}: expected a civil date (datetime.date), got datetime"
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(("cls", "kwargs", "field"), DATE_FIELDS, ids=DATE_FIELD_IDS)
def test_a_string_is_not_a_civil_date(cls: type, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(NotACivilDateError) as caught:
        cls(**kwargs, **{field: "2021-03-01"})
    assert str(caught.value) == f"{field}: expected a civil date (datetime.date), got str"


def test_a_required_date_may_not_be_none() -> None:
    with pytest.raises(NotACivilDateError, match=r"^last_day: .* got NoneType$"):
        Stay(premises="P", first_day=date(2021, 3, 1), last_day=None)


# (constructor, keyword arguments with one empty text, the field (and index) named)
EMPTY_TEXTS = [
    (Person, {"reference": "", "date_of_birth": BORN}, "reference"),
    (Trigger, {"id": "", "kind": "caution", "date": BORN}, "id"),
    (Imprisonment, {"term": months(6), "consecutive_to": ""}, "consecutive_to"),
    (Imprisonment, {"term": months(6), "concurrent_with": ""}, "concurrent_with"),
    (DetentionAndTrainingOrder, {"term": months(6), "consecutive_to": ""}, "consecutive_to"),
    (HomeAddress, {"kind": "residence", "reference": ""}, "reference"),
    (NameUsed, {"date": BORN, "name": ""}, "name"),
    (Stay, {"premises": "", "first_day": BORN, "last_day": BORN}, "premises"),
    (Notification, {"id": "", "date": BORN, "kind": "initial"}, "id"),
    (Notification, {"id": "n", "date": BORN, "kind": "initial", "names": ("A", "")}, "names[1]"),
    (
        Notification,
        {"id": "n", "date": BORN, "kind": "initial", "other_premises": ("",)},
        "other_premises[0]",
    ),
    (
        Case,
        {"person": Person(reference="R", date_of_birth=BORN), "jurisdiction": ""},
        "jurisdiction",
    ),
]


@pytest.mark.parametrize(
    ("cls", "kwargs", "field"),
    EMPTY_TEXTS,
    ids=[f"{cls.__name__}.{field}" for cls, _, field in EMPTY_TEXTS],
)
def test_an_empty_reference_is_refused(cls: type, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        cls(**kwargs)
    assert str(caught.value) == f"{field}: must not be empty"
    assert isinstance(caught.value, ValueError)


def test_a_negative_count_in_a_period() -> None:
    with pytest.raises(NegativeCountError) as caught:
        CalendarPeriod(months=-1)
    assert str(caught.value) == "months: expected a count of 0 or more"
    with pytest.raises(NegativeCountError, match=r"^days: expected a count of 0 or more$"):
        CalendarPeriod(days=-3)


@pytest.mark.parametrize(("value", "shown"), [(1.5, "float"), (True, "bool"), ("6", "str")])
def test_a_count_must_be_a_whole_number(value: object, shown: str) -> None:
    with pytest.raises(WrongTypeError) as caught:
        CalendarPeriod(weeks=value)  # type: ignore[arg-type]
    assert str(caught.value) == f"weeks: expected a whole number, got {shown}"
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda p: Imprisonment(term=p), "term"),
        (lambda p: DetentionAndTrainingOrder(term=p), "term"),
        (lambda p: SuspendedImprisonment(term=p), "term"),
        (lambda p: ConditionalDischarge(period=p), "period"),
    ],
    ids=["imprisonment", "dto", "suspended", "conditional_discharge"],
)
def test_an_empty_term_is_refused(build: Any, field: str) -> None:
    with pytest.raises(InvalidValueError, match="must not be empty") as caught:
        build(CalendarPeriod())
    assert str(caught.value) == f"{field}: must not be empty"
    with pytest.raises(InvalidValueError, match=f"^{field}: must not be empty$"):
        build(CalendarPeriod(years=0, months=0, weeks=0, days=0))


def test_a_term_must_be_a_calendar_period() -> None:
    with pytest.raises(WrongTypeError) as caught:
        Imprisonment(term=18)  # type: ignore[arg-type]
    assert str(caught.value) == "term: expected CalendarPeriod, got int"
    assert isinstance(caught.value, TypeError)


DISPOSAL_CLASSES = (
    "Imprisonment or DetentionAndTrainingOrder or SuspendedImprisonment or ExtendedSentence or "
    "OffenderOfParticularConcern or LifeImprisonment or "
    "ImprisonmentForPublicProtection or HospitalOrder or ConditionalDischarge or "
    "AbsoluteDischarge or OtherDisposal"
)
EVENT_CLASSES = "NameUsed or HomeAddressChange or Stay or PrescribedChange"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Person(reference=5, date_of_birth=BORN), "reference: expected text, got int"),
        (
            lambda: Trigger(id="t1", kind="conviction", date=BORN, disposal="life"),
            f"disposal: expected {DISPOSAL_CLASSES}, got str",
        ),
        (
            lambda: HospitalOrder(restriction_order="yes"),
            "restriction_order: expected true or false, got str",
        ),
        (
            lambda: HospitalOrder(restriction_order=1),
            "restriction_order: expected true or false, got int",
        ),
        (lambda: OtherDisposal(description=None), "description: expected text, got NoneType"),
        (
            lambda: Notification(id="n", date=BORN, kind="initial", release=1),
            "release: expected true or false, got int",
        ),
        (
            lambda: Notification(id="n", date=BORN, kind="initial", home_address="ADDR-1"),
            "home_address: expected HomeAddress, got str",
        ),
        (
            lambda: Notification(id="n", date=BORN, kind="initial", names=("A", 5)),
            "names[1]: expected text, got int",
        ),
        (
            lambda: HomeAddressChange(date=BORN, home_address="ADDR-1"),
            "home_address: expected HomeAddress, got str",
        ),
        (lambda: Case(person="R"), "person: expected Person, got str"),
        (
            lambda: Case(person=person(), events=(Detention(kind="remand", start=BORN),)),
            f"events[0]: expected {EVENT_CLASSES}, got Detention",
        ),
        (
            lambda: Case(person=person(), triggers=(OtherDisposal(),)),
            "triggers[0]: expected Trigger, got OtherDisposal",
        ),
        (
            lambda: Case(person=person(), notifications=None),
            "notifications: expected a list, got NoneType",
        ),
    ],
    ids=[
        "reference-int",
        "disposal-str",
        "restriction-order-str",
        "restriction-order-int",
        "description-none",
        "release-int",
        "home-address-str",
        "name-int",
        "home-address-change-str",
        "case-person-str",
        "case-event-is-detention",
        "case-trigger-is-disposal",
        "case-notifications-none",
    ],
)
def test_a_value_of_the_wrong_type_is_a_type_error(build: Any, message: str) -> None:
    with pytest.raises(WrongTypeError) as caught:
        build()
    assert str(caught.value) == message
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(
    ("enum", "build"),
    [
        (TriggerKind, lambda: Trigger(id="t1", kind="arrest", date=BORN)),
        (DetentionKind, lambda: Detention(kind="prison", start=BORN)),
        (HomeAddressKind, lambda: HomeAddress(kind="flat", reference="ADDR-1")),
        (NotificationKind, lambda: Notification(id="n", date=BORN, kind="weekly")),
    ],
    ids=["trigger", "detention", "home-address", "notification"],
)
def test_an_unknown_enum_value_is_refused(enum: type, build: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        build()
    assert str(caught.value) == f"kind: {one_of(enum)}"
    assert isinstance(caught.value, ValueError)


def test_enum_values_are_case_sensitive() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Trigger(id="t1", kind="Conviction", date=BORN)
    assert str(caught.value) == f"kind: {one_of(TriggerKind)}"


def test_an_unknown_enum_value_is_not_repeated() -> None:
    with pytest.raises(InvalidValueError) as caught:
        HomeAddress(kind=SECRET_ADDR, reference="ADDR-1")
    assert str(caught.value) == f"kind: {one_of(HomeAddressKind)}"
    assert_no_secret(repr(caught.value.args))


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Notification(id="n", date=BORN, kind="initial", names="NAME-A"), "names"),
        (
            lambda: Notification(id="n", date=BORN, kind="initial", other_premises="PREM-1"),
            "other_premises",
        ),
        (lambda: Case(person=person(), triggers="t1"), "triggers"),
        (lambda: Case(person=person(), detentions="remand"), "detentions"),
        (lambda: Case(person=person(), absences_abroad="x"), "absences_abroad"),
        (lambda: Case(person=person(), events="NAME-A"), "events"),
        (lambda: Case(person=person(), notifications="n1"), "notifications"),
    ],
    ids=[
        "names",
        "other-premises",
        "triggers",
        "detentions",
        "absences-abroad",
        "events",
        "notifications",
    ],
)
def test_a_single_string_is_not_a_tuple_of_names(build: Any, field: str) -> None:
    with pytest.raises(WrongTypeError) as caught:
        build()
    assert str(caught.value) == f"{field}: expected a list, got str"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Notification(id="n", date=BORN, kind="initial", home_address=SECRET_ADDR),
            "home_address: expected HomeAddress, got str",
        ),
        (
            lambda: Person(reference=SECRET_REF.encode(), date_of_birth=BORN),
            "reference: expected text, got bytes",
        ),
        (
            lambda: HomeAddressChange(date=BORN, home_address=SECRET_ADDR),
            "home_address: expected HomeAddress, got str",
        ),
        (
            lambda: Notification(id="n", date=BORN, kind="initial", names=SECRET_NAME),
            "names: expected a list, got str",
        ),
    ],
    ids=["home-address", "reference-bytes", "home-address-change", "names-str"],
)
def test_a_constructor_error_does_not_repeat_a_personal_value(build: Any, message: str) -> None:
    with pytest.raises(WrongTypeError) as caught:
        build()
    assert str(caught.value) == message
    assert_no_secret(str(caught.value))
    assert_no_secret(repr(caught.value.args))


# ============================================================================================
# Case contradictions, one at a time
# ============================================================================================

D = date  # short in the tables below

CONTRADICTIONS: list[tuple[str, dict[str, Any], list[str]]] = [
    # -- periods that end before they start ---------------------------------------------------
    (
        "detention-ends-before-start",
        {"detentions": [Detention(kind="remand", start=D(2021, 2, 1), end=D(2021, 1, 1))]},
        ["detentions[0].end: 2021-01-01 is before start 2021-02-01"],
    ),
    (
        "absence-ends-before-start",
        {"absences_abroad": [AbsenceAbroad(start=D(2023, 5, 9), end=D(2023, 5, 1))]},
        ["absences_abroad[0].end: 2023-05-01 is before start 2023-05-09"],
    ),
    (
        "stay-ends-before-first-day",
        {
            "events": [
                Stay(premises=SECRET_PREMISES, first_day=D(2023, 2, 4), last_day=D(2023, 2, 3))
            ]
        },
        ["events[0].last_day: 2023-02-03 is before first_day 2023-02-04"],
    ),
    # -- overlapping spells ---------------------------------------------------------------------
    (
        "detentions-of-same-kind-overlap",
        {
            "detentions": [
                Detention(kind="sentence", start=D(2021, 4, 1), end=D(2021, 9, 1)),
                Detention(kind="sentence", start=D(2021, 3, 1), end=D(2021, 4, 2)),
            ]
        },
        ["detentions[0]: overlaps detentions[1] of the same kind"],
    ),
    (
        "detention-after-open-ended-one",
        {
            "detentions": [
                Detention(kind="hospital", start=D(2021, 1, 1)),
                Detention(kind="hospital", start=D(2024, 1, 1), end=D(2024, 2, 1)),
            ]
        },
        ["detentions[1]: overlaps detentions[0] of the same kind"],
    ),
    (
        "detentions-with-same-start",
        {
            "detentions": [
                Detention(kind="remand", start=D(2021, 1, 1), end=D(2021, 1, 5)),
                Detention(kind="remand", start=D(2021, 1, 1), end=D(2021, 1, 9)),
            ]
        },
        ["detentions[1]: overlaps detentions[0] of the same kind"],
    ),
    (
        "absences-overlap",
        {
            "absences_abroad": [
                AbsenceAbroad(start=D(2023, 5, 1), end=D(2023, 5, 9)),
                AbsenceAbroad(start=D(2023, 5, 8), end=D(2023, 5, 20)),
            ]
        },
        ["absences_abroad[1]: overlaps absences_abroad[0]"],
    ),
    # -- facts dated before birth (born 1990-01-01) ------------------------------------------------
    (
        "trigger-before-birth",
        {"triggers": [Trigger(id="t1", kind="caution", date=D(1989, 12, 31))]},
        ["triggers[0].date: 1989-12-31 is before the date of birth"],
    ),
    (
        "detention-before-birth",
        {"detentions": [Detention(kind="hospital", start=D(1989, 12, 31), end=D(1990, 2, 1))]},
        ["detentions[0].start: 1989-12-31 is before the date of birth"],
    ),
    (
        "absence-before-birth",
        {"absences_abroad": [AbsenceAbroad(start=D(1985, 6, 1))]},
        ["absences_abroad[0].start: 1985-06-01 is before the date of birth"],
    ),
    (
        "name-used-before-birth",
        {"events": [NameUsed(date=D(1989, 1, 1), name=SECRET_NAME)]},
        ["events[0].date: 1989-01-01 is before the date of birth"],
    ),
    (
        "home-address-change-before-birth",
        {
            "events": [
                NameUsed(date=D(2020, 1, 1), name="NAME-B"),
                HomeAddressChange(
                    date=D(1989, 1, 1),
                    home_address=HomeAddress(kind="residence", reference=SECRET_ADDR),
                ),
            ]
        },
        ["events[1].date: 1989-01-01 is before the date of birth"],
    ),
    (
        "stay-before-birth",
        {
            "events": [
                Stay(premises=SECRET_PREMISES, first_day=D(1989, 12, 30), last_day=D(1990, 1, 2))
            ]
        },
        ["events[0].first_day: 1989-12-30 is before the date of birth"],
    ),
    (
        "notification-before-birth",
        {"notifications": [Notification(id="n1", date=D(1989, 3, 2), kind="initial")]},
        ["notifications[0].date: 1989-03-02 is before the date of birth"],
    ),
    # -- identifiers ----------------------------------------------------------------------------
    (
        "duplicate-trigger-id",
        {
            "triggers": [
                Trigger(id="t1", kind="caution", date=D(2021, 1, 1)),
                Trigger(id="t2", kind="caution", date=D(2021, 1, 2)),
                Trigger(id="t1", kind="caution", date=D(2021, 1, 3)),
            ]
        },
        ["triggers[2].id: repeats an earlier id"],
    ),
    (
        "duplicate-notification-id",
        {
            "notifications": [
                Notification(id="n1", date=D(2021, 1, 1), kind="initial"),
                Notification(id="n1", date=D(2022, 1, 1), kind="periodic"),
            ]
        },
        ["notifications[1].id: repeats an earlier id"],
    ),
    # -- linked terms ---------------------------------------------------------------------------
    (
        "consecutive-to-unknown-trigger",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t9"))
            ]
        },
        ["triggers[0].disposal.consecutive_to: names no trigger of this case"],
    ),
    (
        "concurrent-with-unknown-trigger",
        {
            "triggers": [
                conviction(
                    "t1",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=months(6), concurrent_with="t9"),
                )
            ]
        },
        ["triggers[0].disposal.concurrent_with: names no trigger of this case"],
    ),
    (
        "immediate-term-consecutive-to-suspended-term",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), SuspendedImprisonment(term=months(6))),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            ]
        },
        [
            "triggers[1].disposal.consecutive_to: a suspended term links only with another "
            "suspended term"
        ],
    ),
    (
        "consecutive-to-non-custodial-disposal",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), OtherDisposal()),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            ]
        },
        ["triggers[1].disposal.consecutive_to: the trigger it names has no custodial term"],
    ),
    (
        "consecutive-to-life",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), LifeImprisonment()),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            ]
        },
        ["triggers[1].disposal.consecutive_to: the trigger it names has no custodial term"],
    ),
    (
        "consecutive-to-trigger-awaiting-sentence",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1)),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            ]
        },
        ["triggers[1].disposal.consecutive_to: the trigger it names has no custodial term"],
    ),
    (
        "consecutive-to-itself",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1"))
            ]
        },
        [f"triggers[0].disposal.consecutive_to: {OWN_TRIGGER}"],
    ),
    (
        "concurrent-with-itself",
        {
            "triggers": [
                conviction(
                    "t1",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=months(6), concurrent_with="t1"),
                )
            ]
        },
        [f"triggers[0].disposal.concurrent_with: {OWN_TRIGGER}"],
    ),
    (
        "cycle-of-two",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t2")),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            ]
        },
        [f"triggers[0].disposal: {CYCLE}", f"triggers[1].disposal: {CYCLE}"],
    ),
    (
        "cycle-of-three-through-concurrent",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), concurrent_with="t2")),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t3")),
                conviction(
                    "t3",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=months(6), consecutive_to="t1"),
                ),
            ]
        },
        [f"triggers[{i}].disposal: {CYCLE}" for i in range(3)],
    ),
    (
        "start-and-consecutive-to",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6))),
                conviction(
                    "t2",
                    D(2021, 3, 1),
                    Imprisonment(term=months(6), start=D(2021, 3, 1), consecutive_to="t1"),
                ),
            ]
        },
        ["triggers[1].disposal: give at most one of start, consecutive_to and concurrent_with"],
    ),
    (
        "consecutive-to-and-concurrent-with",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6))),
                conviction(
                    "t2",
                    D(2021, 3, 1),
                    Imprisonment(term=months(6), consecutive_to="t1", concurrent_with="t1"),
                ),
            ]
        },
        ["triggers[1].disposal: give at most one of start, consecutive_to and concurrent_with"],
    ),
    (
        "term-starts-before-conviction",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), start=D(2021, 2, 28)))
            ]
        },
        ["triggers[0].disposal.start: 2021-02-28 is before the conviction date"],
    ),
    # -- disposals ------------------------------------------------------------------------------
    (
        "dto-of-3-months",
        {"triggers": [conviction("t1", D(2021, 3, 1), DetentionAndTrainingOrder(term=months(3)))]},
        [f"triggers[0].disposal.term: {DTO_RANGE}"],
    ),
    (
        "dto-of-25-months",
        {
            "triggers": [
                conviction(
                    "t1",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=CalendarPeriod(years=2, months=1)),
                )
            ]
        },
        [f"triggers[0].disposal.term: {DTO_RANGE}"],
    ),
    (
        "dto-in-weeks",
        {
            "triggers": [
                conviction(
                    "t1",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=CalendarPeriod(months=6, weeks=2)),
                )
            ]
        },
        [f"triggers[0].disposal.term: {DTO_RANGE}"],
    ),
    (
        "caution-with-disposal",
        {
            "triggers": [
                Trigger(id="t1", kind="caution", date=D(2021, 3, 1), disposal=AbsoluteDischarge())
            ]
        },
        ["triggers[0].disposal: a caution has no disposal"],
    ),
    (
        "threshold-sentence-date-before-conviction",
        {
            "triggers": [
                conviction(
                    "t1", D(2021, 3, 1), OtherDisposal(), threshold_sentence_date=D(2021, 2, 1)
                )
            ]
        },
        [
            "triggers[0].threshold_sentence_date: 2021-02-01 is before the conviction date 2021-03-01"
        ],
    ),
    (
        "s81-condition-on-a-caution",
        {
            "triggers": [
                Trigger(
                    id="t1", kind="caution", date=D(1996, 3, 1), current_on_1_september_1997=True
                )
            ]
        },
        [
            "triggers[0].current_on_1_september_1997: only for a conviction or finding "
            "(s.81(5): a caution before 1 September 1997 never counts)"
        ],
    ),
    (
        "s81-condition-on-a-conviction-from-1-september-1997",
        {
            "triggers": [
                conviction("t1", D(1997, 9, 1), OtherDisposal(), current_on_1_september_1997=False)
            ]
        },
        [
            "triggers[0].current_on_1_september_1997: only for a conviction or finding before "
            "1 September 1997 (s.81(3)-(4))"
        ],
    ),
    (
        "trial-concluded-on-a-conviction",
        {
            "triggers": [
                conviction("t1", D(2024, 3, 1), OtherDisposal(), trial_concluded=D(2025, 6, 1))
            ]
        },
        [
            "triggers[0].trial_concluded: only for a finding of disability "
            "(kind finding_disability_did_act; s.82(5))"
        ],
    ),
    (
        "trial-concluded-before-the-finding",
        {
            "triggers": [
                Trigger(
                    id="t1",
                    kind="finding_disability_did_act",
                    date=D(2024, 3, 1),
                    disposal=OtherDisposal(),
                    trial_concluded=D(2024, 2, 29),
                )
            ]
        },
        ["triggers[0].trial_concluded: is before the date of the finding"],
    ),
    # -- notifications --------------------------------------------------------------------------
    (
        "advance-without-expected-date",
        {"notifications": [Notification(id="n1", date=D(2022, 9, 20), kind="advance")]},
        ["notifications[0].expected_date: required for a notification of kind advance"],
    ),
    (
        "non-occurrence-without-expected-date",
        {"notifications": [Notification(id="n1", date=D(2022, 9, 20), kind="non_occurrence")]},
        ["notifications[0].expected_date: required for a notification of kind non_occurrence"],
    ),
    (
        "advance-expected-before-notification",
        {
            "notifications": [
                Notification(
                    id="n1", date=D(2022, 9, 20), kind="advance", expected_date=D(2022, 9, 19)
                )
            ]
        },
        ["notifications[0].expected_date: 2022-09-19 is before the notification date 2022-09-20"],
    ),
    (
        "parental-direction-made-before-birth",
        {"parental_directions": [ParentalDirection(made=D(1989, 12, 31))]},
        ["parental_directions[0].made: is before the date of birth"],
    ),
    (
        "parental-direction-ends-and-discharged-before-made",
        {
            "parental_directions": [
                ParentalDirection(
                    made=D(2005, 1, 1), ends=D(2004, 12, 31), discharged=D(2004, 1, 1)
                )
            ]
        },
        [
            "parental_directions[0].ends: is before the day the direction was made",
            "parental_directions[0].discharged: is before the day the direction was made",
        ],
    ),
    (
        "prescribed-without-references",
        {"notifications": [Notification(id="n1", date=D(2022, 9, 20), kind="prescribed")]},
        ["notifications[0].prescribed: required for a notification of kind prescribed"],
    ),
    (
        "prescribed-with-a-name-and-release",
        {
            "notifications": [
                Notification(
                    id="n1",
                    date=D(2022, 9, 20),
                    kind="prescribed",
                    prescribed=("ACCT-1",),
                    names=("NAME-A",),
                    release=True,
                )
            ]
        },
        [
            "notifications[0].kind: a notification of kind prescribed gives prescribed details "
            "only; one that also gives names or addresses is of kind change",
            "notifications[0].release: a notification of kind prescribed gives prescribed "
            "details only",
        ],
    ),
]
ONLY_FOR_ADVANCE = "expected_date: only an advance or non_occurrence notification has one"
CONTRADICTIONS += [
    (
        f"{kind}-with-expected-date",
        {
            "notifications": [
                Notification(id="n1", date=D(2022, 9, 20), kind=kind, expected_date=D(2022, 10, 1))
            ]
        },
        [f"notifications[0].{ONLY_FOR_ADVANCE}"],
    )
    for kind in ("initial", "change", "periodic")
]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [(facts, expected) for _, facts, expected in CONTRADICTIONS],
    ids=[name for name, _, _ in CONTRADICTIONS],
)
def test_a_contradiction_is_reported_with_its_path(
    facts: dict[str, Any], expected: list[str]
) -> None:
    with pytest.raises(CaseValidationError) as caught:
        Case(person=person(), **facts)
    assert caught.value.problems == tuple(expected)
    count = len(expected)
    heading = f"{count} problem{'s' if count != 1 else ''} in the case:\n"
    assert str(caught.value) == heading + "\n".join(f"  {p}" for p in expected)
    assert_no_secret(str(caught.value))


# Facts near each rule's edge that agree with one another.
CONSISTENT: list[tuple[str, dict[str, Any]]] = [
    (
        "different-kinds-may-overlap",
        {
            "detentions": [
                Detention(kind="remand", start=D(2021, 1, 1), end=D(2021, 6, 1)),
                Detention(kind="hospital", start=D(2021, 2, 1), end=D(2021, 3, 1)),
                Detention(kind="sentence", start=D(2021, 1, 1)),
                Detention(kind="service_detention", start=D(2021, 5, 1), end=D(2021, 5, 2)),
            ]
        },
    ),
    (
        "detention-starts-the-day-another-of-its-kind-ends",
        {
            "detentions": [
                Detention(kind="sentence", start=D(2021, 3, 1), end=D(2021, 4, 1)),
                Detention(kind="sentence", start=D(2021, 4, 1), end=D(2021, 5, 1)),
                Detention(kind="sentence", start=D(2021, 5, 1)),
            ]
        },
    ),
    (
        "absence-starts-the-day-another-ends",
        {
            "absences_abroad": [
                AbsenceAbroad(start=D(2023, 5, 1), end=D(2023, 5, 9)),
                AbsenceAbroad(start=D(2023, 5, 9)),
            ]
        },
    ),
    (
        "facts-on-the-day-of-birth",
        {
            "triggers": [Trigger(id="t1", kind="caution", date=BORN)],
            "detentions": [Detention(kind="hospital", start=BORN, end=BORN)],
            "absences_abroad": [AbsenceAbroad(start=BORN, end=BORN)],
            "events": [
                NameUsed(date=BORN, name="NAME-A"),
                Stay(premises="PREM-1", first_day=BORN, last_day=BORN),
            ],
            "notifications": [Notification(id="n1", date=BORN, kind="initial")],
        },
    ),
    (
        "trigger-and-notification-may-share-an-id",
        {
            "triggers": [Trigger(id="x1", kind="caution", date=D(2021, 1, 1))],
            "notifications": [Notification(id="x1", date=D(2021, 1, 2), kind="initial")],
        },
    ),
    (
        "linked-terms-in-a-chain",
        {
            "triggers": [
                conviction("t3", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t2")),
                conviction(
                    "t2",
                    D(2021, 3, 1),
                    DetentionAndTrainingOrder(term=months(6), concurrent_with="t1"),
                ),
                conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), start=D(2021, 3, 1))),
            ]
        },
    ),
    (
        "dto-of-4-and-24-months",
        {
            "triggers": [
                conviction("t1", D(2021, 3, 1), DetentionAndTrainingOrder(term=months(4))),
                conviction(
                    "t2", D(2021, 3, 1), DetentionAndTrainingOrder(term=CalendarPeriod(years=2))
                ),
            ]
        },
    ),
    (
        "s81-condition-on-a-finding-the-day-before-1-september-1997",
        {
            "triggers": [
                Trigger(
                    id="t1",
                    kind="finding_not_guilty_by_insanity",
                    date=D(1997, 8, 31),
                    disposal=OtherDisposal(),
                    current_on_1_september_1997=False,
                )
            ]
        },
    ),
    (
        "trial-concluded-on-the-day-of-the-finding",
        {
            "triggers": [
                Trigger(
                    id="t1",
                    kind="finding_disability_did_act",
                    date=D(2024, 3, 1),
                    disposal=OtherDisposal(),
                    trial_concluded=D(2024, 3, 1),
                )
            ]
        },
    ),
    (
        "threshold-sentence-date-on-conviction-date",
        {"triggers": [conviction("t1", D(2021, 3, 1), threshold_sentence_date=D(2021, 3, 1))]},
    ),
    (
        "advance-expected-on-the-notification-date",
        {
            "notifications": [
                Notification(
                    id="n1", date=D(2022, 9, 20), kind="advance", expected_date=D(2022, 9, 20)
                )
            ]
        },
    ),
    (
        "non-occurrence-after-its-expected-date",
        {
            "notifications": [
                Notification(
                    id="n1",
                    date=D(2022, 10, 6),
                    kind="non_occurrence",
                    expected_date=D(2022, 10, 1),
                )
            ]
        },
    ),
]


@pytest.mark.parametrize(
    "facts", [facts for _, facts in CONSISTENT], ids=[name for name, _ in CONSISTENT]
)
def test_consistent_facts_are_accepted(facts: dict[str, Any]) -> None:
    case = Case(person=person(), **facts)
    assert case.person.reference == SECRET_REF


def test_every_overlap_with_a_long_detention_is_reported() -> None:
    problems = problems_of(
        detentions=[
            Detention(kind="sentence", start=D(2020, 1, 1), end=D(2020, 12, 31)),
            Detention(kind="sentence", start=D(2020, 2, 1), end=D(2020, 3, 1)),
            Detention(kind="sentence", start=D(2020, 6, 1), end=D(2020, 7, 1)),
        ]
    )
    assert problems == (
        "detentions[1]: overlaps detentions[0] of the same kind",
        "detentions[2]: overlaps detentions[0] of the same kind",
    )


def test_only_the_terms_in_a_cycle_are_reported_as_a_cycle() -> None:
    problems = problems_of(
        triggers=[
            conviction("t3", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t2")),
            conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
        ]
    )
    assert problems == (f"triggers[1].disposal: {CYCLE}", f"triggers[2].disposal: {CYCLE}")


def test_a_term_leading_into_a_self_reference_is_not_a_cycle() -> None:
    problems = problems_of(
        triggers=[
            conviction("t2", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
            conviction("t1", D(2021, 3, 1), Imprisonment(term=months(6), consecutive_to="t1")),
        ]
    )
    assert problems == (f"triggers[1].disposal.consecutive_to: {OWN_TRIGGER}",)


@pytest.mark.parametrize("field", ["detentions", "absences_abroad"])
def test_whether_spans_overlap_does_not_depend_on_their_order(field: str) -> None:
    def span(end: date) -> Any:
        if field == "detentions":
            return Detention(kind="remand", start=D(2021, 1, 1), end=end)
        return AbsenceAbroad(start=D(2021, 1, 1), end=end)

    def refused(spans: list[Any]) -> bool:
        try:
            Case(person=person(), **{field: spans})
        except CaseValidationError:
            return True
        return False

    same_day, longer = span(D(2021, 1, 1)), span(D(2021, 1, 5))
    assert refused([same_day, longer]) == refused([longer, same_day])
    # A span ending on the day it began holds no day away (the person is at liberty at the end
    # of that day), so it overlaps nothing.
    assert not refused([longer, same_day])


# ============================================================================================
# Case contradictions, all at once
# ============================================================================================


def test_every_contradiction_is_reported_at_once_in_order() -> None:
    with pytest.raises(CaseValidationError) as caught:
        Case(
            person=person(),
            triggers=[
                conviction(
                    "t1",
                    D(2021, 3, 1),
                    Imprisonment(term=months(12), consecutive_to="t2"),
                    threshold_sentence_date=D(2021, 2, 1),
                ),
                conviction("t2", D(2021, 3, 1), Imprisonment(term=months(12), consecutive_to="t1")),
                Trigger(id="t3", kind="caution", date=D(1989, 6, 1), disposal=OtherDisposal()),
                conviction("t3", D(2021, 1, 1), DetentionAndTrainingOrder(term=months(3))),
            ],
            detentions=[
                Detention(kind="sentence", start=D(2021, 3, 1), end=D(2021, 6, 1)),
                Detention(kind="remand", start=D(2021, 5, 1), end=D(2021, 4, 1)),
                Detention(kind="sentence", start=D(2021, 4, 1)),
            ],
            absences_abroad=[AbsenceAbroad(start=D(1989, 12, 31), end=D(1990, 1, 5))],
            events=[
                Stay(premises=SECRET_PREMISES, first_day=D(2022, 2, 10), last_day=D(2022, 2, 1)),
                NameUsed(date=D(1980, 5, 5), name=SECRET_NAME),
            ],
            notifications=[
                Notification(id="n1", date=D(2021, 3, 2), kind="initial", names=(SECRET_NAME,)),
                Notification(id="n1", date=D(2021, 3, 3), kind="advance"),
                Notification(
                    id="n2",
                    date=D(2021, 4, 1),
                    kind="change",
                    expected_date=D(2021, 5, 1),
                    home_address=HomeAddress(kind="residence", reference=SECRET_ADDR),
                ),
            ],
        )
    expected = (
        "triggers[3].id: repeats an earlier id",
        "notifications[1].id: repeats an earlier id",
        "triggers[0].threshold_sentence_date: 2021-02-01 is before the conviction date 2021-03-01",
        "triggers[2].date: 1989-06-01 is before the date of birth",
        "triggers[2].disposal: a caution has no disposal",
        f"triggers[3].disposal.term: {DTO_RANGE}",
        f"triggers[0].disposal: {CYCLE}",
        f"triggers[1].disposal: {CYCLE}",
        "detentions[1].end: 2021-04-01 is before start 2021-05-01",
        "detentions[2]: overlaps detentions[0] of the same kind",
        "absences_abroad[0].start: 1989-12-31 is before the date of birth",
        "events[0].last_day: 2022-02-01 is before first_day 2022-02-10",
        "events[1].date: 1980-05-05 is before the date of birth",
        "notifications[1].expected_date: required for a notification of kind advance",
        f"notifications[2].{ONLY_FOR_ADVANCE}",
    )
    assert caught.value.problems == expected
    message = str(caught.value)
    assert message.startswith("15 problems in the case:\n  triggers[3].id: repeats an earlier id\n")
    assert message.count("\n") == 15
    assert_no_secret(message)


# ============================================================================================
# Documents
# ============================================================================================


def document(**fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": CASE_FORMAT,
        "version": 1,
        "jurisdiction": "england-and-wales",
        "person": {"reference": SECRET_REF, "date_of_birth": "1980-04-02"},
    }
    doc.update(fields)
    return doc


def trigger_doc(disposal: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": "t1", "kind": "conviction", "date": "2021-03-01"}
    if disposal is not None:
        doc["disposal"] = disposal
    doc.update(fields)
    return doc


def load_problems(data: Any) -> tuple[str, ...]:
    with pytest.raises(CaseValidationError) as caught:
        case_from_data(data)
    message = str(caught.value)
    count = len(caught.value.problems)
    assert message.startswith(f"{count} problem{'s' if count != 1 else ''} in the case:\n")
    assert_no_secret(message)
    return caught.value.problems


def test_a_valid_document_loads() -> None:
    case = case_from_data(document(triggers=[trigger_doc({"type": "life"})]))
    assert case.triggers[0].disposal == LifeImprisonment()
    assert case.person.date_of_birth == date(1980, 4, 2)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"events": [{"type": "name_used", "date": "2021-02-30", "name": SECRET_NAME}]},
            "events[0].date: not a valid date (no such day in that month)",
        ),
        (
            {"person": {"reference": SECRET_REF, "date_of_birth": "1981-02-29"}},
            "person.date_of_birth: not a valid date (no such day in that month)",
        ),
        (
            {"triggers": [trigger_doc(), trigger_doc(id="t2", date="2021-13-01")]},
            "triggers[1].date: not a valid date (the month must be 01 to 12)",
        ),
        (
            {
                "notifications": [
                    {
                        "id": "n1",
                        "date": "2022-09-20",
                        "kind": "advance",
                        "expected_date": "2022-09-31",
                    }
                ]
            },
            "notifications[0].expected_date: not a valid date (no such day in that month)",
        ),
        (
            {
                "triggers": [
                    trigger_doc(
                        {"type": "imprisonment", "term": {"months": 6}, "start": "2021-04-31"}
                    )
                ]
            },
            "triggers[0].disposal.start: not a valid date (no such day in that month)",
        ),
        (
            {
                "events": [
                    {
                        "type": "stay",
                        "premises": SECRET_PREMISES,
                        "first_day": "2023-02-01",
                        "last_day": "2023-02-00",
                    }
                ]
            },
            "events[0].last_day: not a valid date (no such day in that month)",
        ),
    ],
    ids=["event", "date-of-birth", "second-trigger", "expected-date", "term-start", "stay"],
)
def test_an_impossible_date(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("02/04/1980", "text of another form"),
        ("1980-4-2", "text of another form"),
        ("1980-04-02T00:00:00", "text of another form"),
        ("19800402", "text of another form"),
        (" 1980-04-02", "text of another form"),
        (SECRET_REF, "text of another form"),
        (19800402, "int"),
        (1980.5, "float"),
        (None, "null"),
        (["1980-04-02"], "a list"),
        ({"year": 1980}, "an object"),
        (True, "true or false"),
    ],
)
def test_a_date_in_the_wrong_form(value: object, shown: str) -> None:
    problems = load_problems(document(person={"reference": SECRET_REF, "date_of_birth": value}))
    assert problems == (f"person.date_of_birth: expected a date as YYYY-MM-DD, got {shown}",)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"person": {"reference": SECRET_REF}}, "person.date_of_birth: required field missing"),
        ({"person": {"date_of_birth": "1980-04-02"}}, "person.reference: required field missing"),
        (
            {"triggers": [{"kind": "caution", "date": "2021-03-01"}]},
            "triggers[0].id: required field missing",
        ),
        (
            {"triggers": [trigger_doc({"type": "imprisonment"})]},
            "triggers[0].disposal.term: required field missing",
        ),
        (
            {"triggers": [trigger_doc({"type": "hospital_order"})]},
            "triggers[0].disposal.restriction_order: required field missing",
        ),
        (
            {"events": [{"type": "home_address_change", "date": "2022-10-03"}]},
            "events[0].home_address: required field missing",
        ),
        (
            {"notifications": [{"id": "n1", "date": "2022-10-03"}]},
            "notifications[0].kind: required field missing",
        ),
        (
            {"detentions": [{"kind": "remand", "end": "2022-10-03"}]},
            "detentions[0].start: required field missing",
        ),
    ],
    ids=[
        "date-of-birth",
        "reference",
        "trigger-id",
        "term",
        "restriction-order",
        "home-address",
        "notification-kind",
        "detention-start",
    ],
)
def test_a_missing_required_field(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


def test_a_document_without_a_person() -> None:
    doc = document()
    del doc["person"]
    assert load_problems(doc) == ("person: required field missing",)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"colour": "red"}, "(document): unknown field colour"),
        ({"zeta": 1, "alpha": 2}, "(document): unknown fields alpha, zeta"),
        (
            {"person": {"reference": SECRET_REF, "date_of_birth": "1980-04-02", "dob": "x"}},
            "person: unknown field dob",
        ),
        ({"triggers": [trigger_doc(sentence="x")]}, "triggers[0]: unknown field sentence"),
        (
            {"triggers": [trigger_doc({"type": "life", "term": {"years": 1}})]},
            "triggers[0].disposal: unknown field term",
        ),
        (
            {"triggers": [trigger_doc({"type": "imprisonment", "term": {"month": 6}})]},
            "triggers[0].disposal.term: unknown field month",
        ),
        (
            {"events": [{"type": "name_used", "date": "2022-09-01", "name": "N", "note": "x"}]},
            "events[0]: unknown field note",
        ),
    ],
    ids=["top", "top-two", "person", "trigger", "disposal", "term", "event"],
)
def test_an_unknown_field(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"format": "sexoffender-rules/assessment"}, ["format: expected 'sexoffender-rules/case'"]),
        ({"format": None}, ["format: expected 'sexoffender-rules/case'"]),
        ({"version": 2}, ["version: expected 1"]),
        ({"version": "1"}, ["version: expected 1"]),
        ({"version": 0}, ["version: expected 1"]),
        ({"version": None}, ["version: expected 1"]),
        (
            {"format": "case", "version": 9},
            ["format: expected 'sexoffender-rules/case'", "version: expected 1"],
        ),
    ],
    ids=[
        "other-format",
        "null-format",
        "version-2",
        "version-text",
        "version-0",
        "null-version",
        "both",
    ],
)
def test_a_wrong_format_or_version(fields: dict[str, Any], expected: list[str]) -> None:
    assert load_problems(document(**fields)) == tuple(expected)


@pytest.mark.parametrize("missing", ["format", "version"])
def test_a_missing_format_or_version(missing: str) -> None:
    doc = document()
    del doc[missing]
    expected = {
        "format": "format: expected 'sexoffender-rules/case'",
        "version": "version: expected 1",
    }
    assert load_problems(doc) == (expected[missing],)


@pytest.mark.parametrize("version", [True, 1.0], ids=["true", "float"])
def test_version_true_is_not_version_1(version: object) -> None:
    assert load_problems(document(version=version)) == ("version: expected 1",)


def test_a_wrong_format_is_reported_with_other_problems() -> None:
    problems = load_problems(
        document(
            format="x",
            version=2,
            person={"reference": SECRET_REF, "date_of_birth": "1980-02-30"},
        )
    )
    assert problems == (
        "format: expected 'sexoffender-rules/case'",
        "version: expected 1",
        "person.date_of_birth: not a valid date (no such day in that month)",
    )


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        ([], "a list"),
        ([{"format": CASE_FORMAT}], "a list"),
        (SECRET_REF, "text of another form"),
        ("", "text of another form"),
        (None, "null"),
        (3, "int"),
        (2.5, "float"),
        (True, "true or false"),
    ],
)
def test_a_document_that_is_not_an_object(data: object, shown: str) -> None:
    assert load_problems(data) == (f"(document): expected a JSON object, got {shown}",)


def test_every_structural_problem_is_reported_at_once() -> None:
    doc = document(
        format="sexoffender-rules/case-v2",
        colour="red",
        person={"reference": SECRET_REF, "date_of_birth": "02/04/1980"},
        triggers=[
            trigger_doc(date="2021-02-30"),
            {"id": "t2", "kind": "caution"},
        ],
        events=[
            {
                "type": "stay",
                "premises": SECRET_PREMISES,
                "first_day": "2023-02-01",
                "last_day": "2023-02-04",
            },
            {"type": "name_used", "date": "2023-02-29", "name": SECRET_NAME},
        ],
        notifications=[{"id": "n1", "date": "2022-01-01", "kind": "initial", "extra": 1}],
    )
    problems = load_problems(doc)
    assert problems[0] == "format: expected 'sexoffender-rules/case'"
    assert sorted(problems[1:]) == sorted(
        [
            "(document): unknown field colour",
            "person.date_of_birth: expected a date as YYYY-MM-DD, got text of another form",
            "triggers[0].date: not a valid date (no such day in that month)",
            "triggers[1].date: required field missing",
            "events[1].date: not a valid date (no such day in that month)",
            "notifications[0]: unknown field extra",
        ]
    )


def test_loading_does_not_change_the_document() -> None:
    doc = document(
        triggers=[trigger_doc({"type": "imprisonment", "term": {"months": 6}})],
        events=[{"type": "name_used", "date": "2022-09-01", "name": "NAME-B"}],
    )
    before = copy.deepcopy(doc)
    case_from_data(doc)
    assert doc == before
    bad = copy.deepcopy(doc)
    bad["events"][0]["date"] = "2022-09-31"
    before_bad = copy.deepcopy(bad)
    load_problems(bad)
    assert bad == before_bad


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"triggers": [trigger_doc(kind="arrest")]},
            f"triggers[0].kind: {one_of(TriggerKind)}",
        ),
        (
            {"detentions": [{"kind": "prison", "start": "2021-01-01"}]},
            f"detentions[0].kind: {one_of(DetentionKind)}",
        ),
    ],
    ids=["trigger-kind", "detention-kind"],
)
def test_an_unknown_enum_value_in_a_document(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


EVENT_TAGS = ", ".join(EVENT_TYPES.values())
DISPOSAL_TAGS = ", ".join(DISPOSAL_TYPES.values())


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"events": [{"type": "birthday", "date": "2022-09-01"}]},
            f"events[0].type: expected one of {EVENT_TAGS}",
        ),
        (
            {"events": [{"type": SECRET_NAME, "date": "2022-09-01"}]},
            f"events[0].type: expected one of {EVENT_TAGS}",
        ),
        (
            {"events": [{"type": 5, "date": "2022-09-01"}]},
            f"events[0].type: expected one of {EVENT_TAGS}",
        ),
        (
            {"triggers": [trigger_doc({"type": "flogging"})]},
            f"triggers[0].disposal.type: expected one of {DISPOSAL_TAGS}",
        ),
        (
            {"events": [{"date": "2022-09-01"}]},
            f"events[0].type: required, one of {EVENT_TAGS}",
        ),
        (
            {"triggers": [trigger_doc({"term": {"months": 6}})]},
            f"triggers[0].disposal.type: required, one of {DISPOSAL_TAGS}",
        ),
        (
            {"events": [SECRET_NAME]},
            "events[0]: expected an object, got text of another form",
        ),
    ],
    ids=[
        "event",
        "event-personal-value",
        "event-number",
        "disposal",
        "event-untagged",
        "disposal-untagged",
        "event-text",
    ],
)
def test_an_unknown_type_is_named_as_such(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


def test_an_unknown_type_is_refused() -> None:
    assert load_problems(document(events=[{"type": "birthday", "date": "2022-09-01"}]))
    assert load_problems(document(triggers=[trigger_doc({"type": "flogging"})]))


# -- personal values never repeated ----------------------------------------------------------


def test_no_message_repeats_a_reference_next_to_a_bad_date() -> None:
    problems = load_problems(
        document(person={"reference": SECRET_REF, "date_of_birth": SECRET_REF})
    )
    assert problems == (
        "person.date_of_birth: expected a date as YYYY-MM-DD, got text of another form",
    )


def test_no_message_repeats_a_name_or_address_next_to_bad_dates() -> None:
    problems = load_problems(
        document(
            events=[
                {"type": "name_used", "date": "2021-02-30", "name": SECRET_NAME},
                {
                    "type": "home_address_change",
                    "date": "2021-02-31",
                    "home_address": {"kind": "residence", "reference": SECRET_ADDR},
                },
                {
                    "type": "stay",
                    "premises": SECRET_PREMISES,
                    "first_day": SECRET_PREMISES,
                    "last_day": "2021-03-01",
                },
            ]
        )
    )
    assert problems == (
        "events[0].date: not a valid date (no such day in that month)",
        "events[1].date: not a valid date (no such day in that month)",
        "events[2].first_day: expected a date as YYYY-MM-DD, got text of another form",
    )


def test_no_message_repeats_an_address_next_to_a_bad_kind() -> None:
    problems = load_problems(
        document(
            notifications=[
                {
                    "id": "n1",
                    "date": "2022-01-01",
                    "kind": "initial",
                    "names": [SECRET_NAME],
                    "home_address": {"kind": "flat", "reference": SECRET_ADDR},
                    "other_premises": [SECRET_PREMISES],
                }
            ]
        )
    )
    assert problems == (f"notifications[0].home_address.kind: {one_of(HomeAddressKind)}",)


def test_no_message_repeats_a_numeric_name_next_to_a_bad_date() -> None:
    doc = document(events=[{"type": "name_used", "date": "2021-02-30", "name": 424242424242}])
    with pytest.raises(CaseValidationError) as caught:
        case_from_data(doc)
    assert "424242424242" not in str(caught.value)
    assert "events[0].date: not a valid date (no such day in that month)" in caught.value.problems


def test_an_address_given_as_text_is_refused_without_repeating_it() -> None:
    problems = load_problems(
        document(
            notifications=[
                {"id": "n1", "date": "2022-01-01", "kind": "initial", "home_address": SECRET_ADDR}
            ]
        )
    )
    assert len(problems) == 1
    assert problems[0].startswith("notifications[0].home_address: ")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"events": [{"type": "name_used", "date": "2021-02-30", "name": 424242424242}]},
            [
                "events[0].date: not a valid date (no such day in that month)",
                "events[0].name: expected text, got int",
            ],
        ),
        (
            {"person": {"reference": None, "date_of_birth": "1980-04-02"}},
            ["person.reference: expected text, got null"],
        ),
        (
            {"person": {"reference": 1234, "date_of_birth": "1980-04-02"}},
            ["person.reference: expected text, got int"],
        ),
        ({"jurisdiction": None}, ["jurisdiction: expected text, got null"]),
        (
            {"events": [{"type": "name_used", "date": "2021-02-01", "name": {"n": SECRET_NAME}}]},
            ["events[0].name: expected text, got an object"],
        ),
        (
            {
                "notifications": [
                    {"id": "n1", "date": "2022-01-01", "kind": "initial", "names": ["A", 5]}
                ]
            },
            ["notifications[0].names[1]: expected text, got int"],
        ),
    ],
    ids=[
        "name-number",
        "reference-null",
        "reference-number",
        "jurisdiction-null",
        "name-object",
        "names-item-number",
    ],
)
def test_text_must_be_given_as_text(fields: dict[str, Any], expected: list[str]) -> None:
    problems = load_problems(document(**fields))
    assert problems == tuple(expected)
    assert "1234" not in "\n".join(problems)
    assert "424242424242" not in "\n".join(problems)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "notifications": [
                    {"id": "n1", "date": "2022-01-01", "kind": "initial", "names": SECRET_NAME}
                ]
            },
            "notifications[0].names: expected a list, got text of another form",
        ),
        (
            {
                "notifications": [
                    {
                        "id": "n1",
                        "date": "2022-01-01",
                        "kind": "initial",
                        "other_premises": SECRET_PREMISES,
                    }
                ]
            },
            "notifications[0].other_premises: expected a list, got text of another form",
        ),
        ({"triggers": SECRET_NAME}, "triggers: expected a list, got text of another form"),
        ({"events": {"type": "stay"}}, "events: expected a list, got an object"),
    ],
    ids=["names", "other-premises", "triggers", "events-object"],
)
def test_a_string_of_names_is_refused(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


def test_no_message_repeats_a_personal_value_given_as_a_kind() -> None:
    problems = load_problems(
        document(
            notifications=[
                {
                    "id": "n1",
                    "date": "2022-01-01",
                    "kind": "initial",
                    "home_address": {"kind": SECRET_ADDR, "reference": "ADDR-1"},
                }
            ]
        )
    )
    assert problems == (f"notifications[0].home_address.kind: {one_of(HomeAddressKind)}",)


# -- values silently coerced -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"triggers": [trigger_doc({"type": "hospital_order", "restriction_order": "false"})]},
            "triggers[0].disposal.restriction_order: expected true or false, "
            "got text of another form",
        ),
        (
            {
                "notifications": [
                    {"id": "n1", "date": "2022-01-01", "kind": "initial", "release": "false"}
                ]
            },
            "notifications[0].release: expected true or false, got text of another form",
        ),
        (
            {
                "notifications": [
                    {"id": "n1", "date": "2022-01-01", "kind": "initial", "release": 0}
                ]
            },
            "notifications[0].release: expected true or false, got int",
        ),
    ],
    ids=["restriction-order", "release", "release-number"],
)
def test_a_flag_must_be_a_json_boolean(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (29.9, "float"),
        (6.0, "float"),
        (True, "true or false"),
        ("6", "text of another form"),
        (None, "null"),
        ([6], "a list"),
    ],
)
def test_a_count_must_be_a_whole_number_in_a_document(value: object, shown: str) -> None:
    problems = load_problems(
        document(triggers=[trigger_doc({"type": "imprisonment", "term": {"months": value}})])
    )
    assert problems == (f"triggers[0].disposal.term.months: expected a whole number, got {shown}",)


# -- validator problems and contradictions through the loader ---------------------------------


def test_a_contradiction_in_a_document_is_reported_with_its_path() -> None:
    problems = load_problems(
        document(
            format="x",
            detentions=[{"kind": "remand", "start": "2021-02-01", "end": "2021-01-01"}],
            events=[
                {
                    "type": "stay",
                    "premises": SECRET_PREMISES,
                    "first_day": "2021-02-01",
                    "last_day": "2021-01-01",
                }
            ],
        )
    )
    assert problems == (
        "format: expected 'sexoffender-rules/case'",
        "detentions[0].end: 2021-01-01 is before start 2021-02-01",
        "events[0].last_day: 2021-01-01 is before first_day 2021-02-01",
    )


def test_a_contradiction_in_a_document_is_refused() -> None:
    problems = load_problems(
        document(
            triggers=[trigger_doc({"type": "detention_and_training_order", "term": {"months": 3}})]
        )
    )
    assert len(problems) == 1
    assert f"triggers[0].disposal.term: {DTO_RANGE}" in problems[0]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"triggers": [trigger_doc({"type": "imprisonment", "term": {}})]},
            "triggers[0].disposal.term: must not be empty",
        ),
        (
            {"triggers": [trigger_doc({"type": "imprisonment", "term": {"months": -1}})]},
            "triggers[0].disposal.term.months: expected a count of 0 or more",
        ),
        (
            {"triggers": [trigger_doc({"type": "conditional_discharge", "period": {}})]},
            "triggers[0].disposal.period: must not be empty",
        ),
        (
            {
                "triggers": [
                    trigger_doc(
                        {"type": "imprisonment", "term": {"months": 6}, "consecutive_to": ""}
                    )
                ]
            },
            "triggers[0].disposal.consecutive_to: must not be empty",
        ),
        (
            {
                "notifications": [
                    {"id": "n1", "date": "2022-01-01", "kind": "initial", "names": ["A", ""]}
                ]
            },
            "notifications[0].names[1]: must not be empty",
        ),
        ({"jurisdiction": ""}, "jurisdiction: must not be empty"),
    ],
    ids=[
        "empty-term",
        "negative-months",
        "empty-period",
        "empty-consecutive-to",
        "empty-name",
        "empty-jurisdiction",
    ],
)
def test_a_validator_problem_has_the_field_path(fields: dict[str, Any], expected: str) -> None:
    assert load_problems(document(**fields)) == (expected,)


def test_an_empty_reference_in_a_document_has_the_field_path() -> None:
    problems = load_problems(document(person={"reference": "", "date_of_birth": "1980-04-02"}))
    assert problems == ("person.reference: must not be empty",)


def test_bad_terms_in_a_document_are_refused() -> None:
    for term in ({}, {"months": -1}, {"years": 0, "months": 0, "weeks": 0, "days": 0}):
        problems = load_problems(
            document(triggers=[trigger_doc({"type": "imprisonment", "term": term})])
        )
        assert len(problems) == 1
        assert problems[0].startswith("triggers[0].disposal")
    problems = load_problems(document(person={"reference": "", "date_of_birth": "1980-04-02"}))
    assert len(problems) == 1
    assert problems[0].startswith("person")


def test_non_text_keys_do_not_crash_the_loader() -> None:
    doc = document()
    doc[1] = "x"
    doc["b"] = "y"
    assert load_problems(doc) == ("(document): unknown fields (a key that is not a field name), b",)


# ============================================================================================
# The round trip
# ============================================================================================


def full_case() -> Case:
    """A hand-built case with every disposal type, every event type, every notification kind,
    every trigger kind and every detention kind."""
    day = D(2021, 3, 1)
    addr1 = HomeAddress(kind="residence", reference="ADDR-1")
    loc1 = HomeAddress(kind="no_sole_or_main_residence", reference="LOC-1")
    return Case(
        person=Person(reference="FICTIONAL-0099", date_of_birth=D(2004, 6, 15)),
        jurisdiction="england-and-wales",
        triggers=[
            conviction(
                "t1", day, Imprisonment(term=CalendarPeriod(years=1, months=6), start=D(2021, 3, 2))
            ),
            conviction("t2", day, Imprisonment(term=CalendarPeriod(weeks=26), consecutive_to="t1")),
            conviction(
                "t3",
                D(2021, 3, 2),
                DetentionAndTrainingOrder(term=months(12), concurrent_with="t1"),
            ),
            conviction("t4", day, DetentionAndTrainingOrder(term=months(4), start=D(2021, 4, 1))),
            conviction(
                "t5",
                day,
                SuspendedImprisonment(term=months(12)),
                threshold_sentence_date=D(2021, 4, 12),
            ),
            conviction("t6", day, LifeImprisonment()),
            conviction("t7", day, ImprisonmentForPublicProtection()),
            Trigger(
                id="t8",
                kind="finding_not_guilty_by_insanity",
                date=day,
                disposal=HospitalOrder(restriction_order=True),
            ),
            Trigger(
                id="t9",
                kind="finding_disability_did_act",
                date=day,
                disposal=HospitalOrder(restriction_order=False),
            ),
            conviction("t10", day, ConditionalDischarge(period=CalendarPeriod(years=1, days=3))),
            conviction("t11", day, AbsoluteDischarge()),
            Trigger(
                id="t12",
                kind="conviction",
                date=day,
                sentence_date=D(2021, 3, 15),
                disposal=OtherDisposal(description="community order"),
                resentences=(
                    Resentence(
                        date=D(2022, 1, 10),
                        reason="breach_of_community_order",
                        disposal=DetentionAndTrainingOrder(term=months(6)),
                    ),
                ),
            ),
            conviction("t13", day, OtherDisposal()),
            conviction("t14", day),
            Trigger(id="t15", kind="caution", date=D(2021, 1, 5)),
            conviction(
                "t16",
                day,
                ExtendedSentence(
                    custodial_term=months(18),
                    extension_period=CalendarPeriod(years=3),
                    consecutive_to="t1",
                ),
            ),
            conviction("t17", day, OffenderOfParticularConcern(custodial_term=months(18))),
        ],
        detentions=[
            Detention(kind="remand", start=D(2021, 1, 10), end=D(2021, 3, 1)),
            Detention(kind="sentence", start=D(2021, 3, 1), end=D(2022, 7, 11)),
            Detention(kind="hospital", start=D(2022, 7, 11)),
            Detention(kind="service_detention", start=D(2020, 5, 1), end=D(2020, 5, 3)),
        ],
        absences_abroad=[
            AbsenceAbroad(start=D(2023, 5, 1), end=D(2023, 5, 9)),
            AbsenceAbroad(start=D(2024, 1, 1)),
        ],
        events=[
            NameUsed(date=D(2022, 9, 1), name="NAME-B"),
            HomeAddressChange(date=D(2022, 10, 3), home_address=addr1),
            HomeAddressChange(date=D(2023, 1, 9), home_address=loc1),
            Stay(premises="PREM-1", first_day=D(2023, 2, 1), last_day=D(2023, 2, 4)),
            PrescribedChange(date=D(2023, 3, 1), kind="passport", reference="DOC-1"),
        ],
        notifications=[
            Notification(
                id="n1",
                date=D(2021, 3, 2),
                kind="initial",
                names=("NAME-A", "NAME-C"),
                home_address=addr1,
                other_premises=("PREM-2", "PREM-3"),
            ),
            Notification(id="n2", date=D(2022, 7, 12), kind="change", release=True),
            Notification(
                id="n3",
                date=D(2022, 9, 20),
                kind="advance",
                expected_date=D(2022, 10, 1),
                home_address=loc1,
            ),
            Notification(
                id="n4", date=D(2022, 10, 6), kind="non_occurrence", expected_date=D(2022, 10, 1)
            ),
            Notification(id="n5", date=D(2023, 3, 2), kind="periodic", names=("NAME-B",)),
            Notification(
                id="n6",
                date=D(2023, 4, 20),
                kind="travel",
                departure=D(2023, 5, 1),
                departure_time="07:45",
                destination="PLACE-1",
                expected_return=D(2023, 5, 9),
            ),
            Notification(id="n7", date=D(2023, 3, 3), kind="prescribed", prescribed=("DOC-1",)),
            Notification(id="n8", date=D(2023, 5, 10), kind="return", departure=D(2023, 5, 1)),
        ],
        parental_directions=[ParentalDirection(made=D(2021, 3, 1), ends=D(2022, 6, 14))],
    )


def test_the_full_case_uses_every_type_and_kind() -> None:
    case = full_case()
    assert {type(t.disposal) for t in case.triggers if t.disposal} == set(DISPOSAL_TYPES)
    assert {type(e) for e in case.events} == set(EVENT_TYPES)
    assert {n.kind for n in case.notifications} == set(NotificationKind)
    assert {t.kind for t in case.triggers} == set(TriggerKind)
    assert {d.kind for d in case.detentions} == set(DetentionKind)
    assert {e.home_address.kind for e in case.events if isinstance(e, HomeAddressChange)} == set(
        HomeAddressKind
    )


def round_trip(case: Case) -> Case:
    return case_from_data(json.loads(json.dumps(case_to_data(case))))


def test_case_to_data_tags_every_disposal_with_its_type() -> None:
    data = case_to_data(full_case())
    assert [t["disposal"]["type"] for t in data["triggers"] if t["disposal"]] == [
        "imprisonment",
        "imprisonment",
        "detention_and_training_order",
        "detention_and_training_order",
        "suspended_imprisonment",
        "life",
        "imprisonment_for_public_protection",
        "hospital_order",
        "hospital_order",
        "conditional_discharge",
        "absolute_discharge",
        "other",
        "other",
        "extended_sentence",
        "offender_of_particular_concern",
    ]
    resentenced = data["triggers"][11]
    assert resentenced["sentence_date"] == "2021-03-15"
    assert [r["disposal"]["type"] for r in resentenced["resentences"]] == [
        "detention_and_training_order"
    ]


def test_case_to_data_writes_the_documented_form() -> None:
    data = case_to_data(full_case())
    assert data["format"] == CASE_FORMAT
    assert data["version"] == 1
    assert data["jurisdiction"] == "england-and-wales"
    assert data["person"] == {"reference": "FICTIONAL-0099", "date_of_birth": "2004-06-15"}
    assert [e["type"] for e in data["events"]] == [
        "name_used",
        "home_address_change",
        "home_address_change",
        "stay",
        "prescribed_change",
    ]
    assert data["events"][3] == {
        "type": "stay",
        "premises": "PREM-1",
        "first_day": "2023-02-01",
        "last_day": "2023-02-04",
    }
    assert data["events"][4] == {
        "type": "prescribed_change",
        "date": "2023-03-01",
        "kind": "passport",
        "reference": "DOC-1",
    }
    assert data["notifications"][6]["prescribed"] == ["DOC-1"]
    assert data["parental_directions"] == [
        {"made": "2021-03-01", "ends": "2022-06-14", "discharged": None}
    ]
    assert data["notifications"][2]["expected_date"] == "2022-10-01"
    assert data["triggers"][0]["date"] == "2021-03-01"
    assert data["triggers"][4]["threshold_sentence_date"] == "2021-04-12"


def test_the_round_trip_through_json_gives_an_equal_case() -> None:
    case = full_case()
    again = round_trip(case)
    assert again == case
    assert case_to_data(again) == case_to_data(case)


def test_the_round_trip_without_disposals_gives_an_equal_case() -> None:
    full = full_case()
    case = attrs.evolve(full, triggers=[attrs.evolve(t, disposal=None) for t in full.triggers])
    again = round_trip(case)
    assert again == case
    assert again.events == full.events
    assert again.notifications == full.notifications
    assert again.detentions == full.detentions
    assert again.absences_abroad == full.absences_abroad


def test_the_round_trip_of_a_minimal_case() -> None:
    case = Case(person=Person(reference="F", date_of_birth=BORN))
    assert round_trip(case) == case


@pytest.mark.parametrize(
    "bad", ["1980-02-30", "1981-02-29", "1980-13-01", "1980-04-31", "0000-01-01"]
)
def test_an_invalid_date_of_birth_is_not_repeated(bad: str) -> None:
    # A date of birth is personal data: the message says what is wrong, never the value, nor
    # any part of it that identifies the person.
    problems = load_problems(document(person={"reference": SECRET_REF, "date_of_birth": bad}))
    assert len(problems) == 1
    assert problems[0].startswith("person.date_of_birth: not a valid date (")
    assert bad not in problems[0]
    assert bad[:4] not in problems[0]


def test_assess_refuses_a_non_case_with_a_library_error() -> None:
    from sexoffender_rules import SexOffenderRulesError, assess

    with pytest.raises(SexOffenderRulesError, match=r"^case: expected a Case, got str$") as caught:
        assess("x", date(2026, 1, 1))  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)


def test_a_huge_negative_count_is_refused_without_printing_it() -> None:
    from sexoffender_rules import CalendarPeriod

    with pytest.raises(NegativeCountError, match=r"^months: expected a count of 0 or more$"):
        CalendarPeriod(months=-(10**5000))


def test_a_long_chain_of_consecutive_terms_assesses_without_recursion_error() -> None:
    # 1,500 terms of 1 month, each consecutive to the one before, all imposed 1 Jan 2020: one
    # aggregate of 1,500 months (s.82(3)-(4)), 30 months or more -> indefinite for every one.
    from sexoffender_rules import CalendarPeriod, Case, Imprisonment, Person, Trigger, assess

    triggers = [
        Trigger(
            id=f"t{i}",
            kind="conviction",
            date=date(2020, 1, 1),
            disposal=Imprisonment(
                term=CalendarPeriod(months=1), consecutive_to=f"t{i - 1}" if i else None
            ),
        )
        for i in range(1500)
    ]
    case = Case(
        person=Person(reference="FICTIONAL-CHAIN", date_of_birth=date(1980, 1, 1)),
        triggers=triggers,
    )
    result = assess(case, date(2026, 1, 1))
    assert result.registration.indefinite
    assert all(s.indefinite for s in result.registration.sources)
