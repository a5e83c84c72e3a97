"""Reforms (Ruleset.derive) and compare(): hand-worked dates under a six-monthly periodic period.

The case is scenario 254's: a caution on Fri 2025-08-29 (2 years, last day 2027-08-28), initial
notification 2025-08-31, periodic notifications 2026-02-27 and 2026-08-30; assessed 2026-10-01.

Baseline (one year, s.85(5)(b)): after 2025-08-31 -> 2026-08-31, met by 2026-02-27 (early); after
2026-02-27 -> 2027-02-27, met by 2026-08-30; after 2026-08-30 -> 2027-08-30, after the last day
2027-08-28 -> not required.

Reform (six months): after 2025-08-31 -> 2026-02-28 (no 31 February), met; after 2026-02-27 ->
2026-08-27, met late on 2026-08-30 (breach 28-30 Aug); after 2026-08-30 -> 2027-02-28, open.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from sexoffender_rules import (
    ENGLAND_AND_WALES,
    CalendarPeriod,
    Case,
    Change,
    Comparison,
    DutyKind,
    DutyState,
    Headline,
    Notification,
    Person,
    Trigger,
    assess,
    compare,
)
from sexoffender_rules.calendar import DateInterval

AS_OF = date(2026, 10, 1)
SIX_MONTHS = ENGLAND_AND_WALES.derive(
    name="six-monthly", parameters={"periodic_interval": CalendarPeriod(months=6)}
)


def _case(reference: str = "FICTIONAL-0254") -> Case:
    return Case(
        person=Person(reference=reference, date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2025, 8, 29)),),
        notifications=(
            Notification(id="n1", date=date(2025, 8, 31), kind="initial", names=("NAME-A",)),
            Notification(id="n2", date=date(2026, 2, 27), kind="periodic"),
            Notification(id="n3", date=date(2026, 8, 30), kind="periodic"),
        ),
    )


def test_the_baseline_is_unchanged_by_deriving() -> None:
    assert ENGLAND_AND_WALES.parameter("periodic_interval") == CalendarPeriod(years=1)
    deadlines = [d.deadline for d in assess(_case(), AS_OF).duties_of(DutyKind.PERIODIC)]
    assert deadlines == [date(2026, 8, 31), date(2027, 2, 27), date(2027, 8, 30)]


def test_six_monthly_reform_hand_worked_deadlines() -> None:
    result = assess(_case(), AS_OF, ruleset=SIX_MONTHS)
    assert result.ruleset == "six-monthly"
    periodic = result.duties_of(DutyKind.PERIODIC)
    assert [(d.deadline, d.state) for d in periodic] == [
        (date(2026, 2, 28), DutyState.MET),
        (date(2026, 8, 27), DutyState.MET_LATE),
        (date(2027, 2, 28), DutyState.OPEN),
    ]
    assert periodic[1].breach == DateInterval(date(2026, 8, 28), date(2026, 8, 31))
    assert result.next_deadline == date(2027, 2, 28)


def test_compare_reports_each_changed_duty() -> None:
    result = compare([_case()], ENGLAND_AND_WALES, SIX_MONTHS, AS_OF)
    assert isinstance(result, Comparison)
    [case] = result.cases
    assert case.differs
    assert case.headline is None
    assert case.registration_end is None
    assert [(d.trigger_date, d.change) for d in case.duties] == [
        (date(2025, 8, 31), Change.CHANGED),
        (date(2026, 2, 27), Change.CHANGED),
        (date(2026, 8, 30), Change.CHANGED),
    ]
    first, second, third = case.duties
    assert first.changes == (("deadline", "2026-08-31", "2026-02-28"),)
    assert second.changes == (
        ("deadline", "2027-02-27", "2026-08-27"),
        ("state", "met", "met late"),
        ("breach", "none", "from 2026-08-28 to 2026-08-30"),
    )
    assert third.changes == (
        ("deadline", "2027-08-30", "2027-02-28"),
        ("state", "not required", "open"),
    )
    assert result.counts() == {
        "cases": 1,
        "differing": 1,
        "headline": 0,
        "registration_end": 0,
        "added": 0,
        "removed": 0,
        "changed": 3,
    }
    text = result.text()
    assert text.splitlines()[0] == (
        f"1 case compared on 2026-10-01 ({ENGLAND_AND_WALES.name} against six-monthly): 1 differs."
    )
    assert "periodic from 2026-08-30 (notifications[2]): deadline 2027-08-30 -> 2027-02-28" in text


def test_compare_headline_and_unchanged_cases() -> None:
    # Assessed 2026-08-29 the reform's breach (from 2026-08-28) continues: in breach, while the
    # baseline is compliant. A person never subject is the same under both.
    nobody = Case(person=Person(reference="FICTIONAL-0255", date_of_birth=date(1980, 1, 1)))
    early = attrs.evolve(_case(), notifications=_case().notifications[:2])
    result = compare([nobody, early], ENGLAND_AND_WALES, SIX_MONTHS, date(2026, 8, 29))
    assert [c.differs for c in result.cases] == [False, True]
    assert result.cases[1].headline == (Headline.COMPLIANT, Headline.IN_BREACH)
    assert result.differing == (result.cases[1],)
    assert result.summary().endswith(": 1 differs.")
    assert "headline compliant -> in_breach" in result.cases[1].text()


def test_an_added_and_a_removed_duty() -> None:
    # Withdrawing the periodic rule removes the periodic duties; compared the other way round
    # they are added.
    no_annual = ENGLAND_AND_WALES.derive(name="no annual", remove=["ew.s85.annual"])
    removed = compare([_case()], ENGLAND_AND_WALES, no_annual, AS_OF).cases[0].duties
    assert [d.change for d in removed] == [Change.REMOVED] * 3
    added = compare([_case()], no_annual, ENGLAND_AND_WALES, AS_OF).cases[0].duties
    assert [d.change for d in added] == [Change.ADDED] * 3
    assert added[2].text() == (
        "periodic from 2026-08-30 (notifications[2]): added (due by 2027-08-30; not required)"
    )


def test_derive_refuses_unknown_or_mistyped_figures_and_rules() -> None:
    with pytest.raises(KeyError, match="no parameter 'annual'"):
        ENGLAND_AND_WALES.derive(name="x", parameters={"annual": CalendarPeriod(months=6)})
    with pytest.raises(TypeError, match=r"parameters\.periodic_interval"):
        ENGLAND_AND_WALES.derive(name="x", parameters={"periodic_interval": 6})
    with pytest.raises(KeyError, match="already a parameter"):
        ENGLAND_AND_WALES.derive(name="x", new_parameters={"periodic_interval": 1})
    with pytest.raises(KeyError, match=r"no rule 'ew\.nothing'"):
        ENGLAND_AND_WALES.derive(name="x", remove=["ew.nothing"])
    with pytest.raises(ValueError, match="cannot be withdrawn"):
        ENGLAND_AND_WALES.derive(name="x", remove=[ENGLAND_AND_WALES.breach_rule])
    with pytest.raises(ValueError, match="unique"):
        ENGLAND_AND_WALES.derive(name="x", add=[ENGLAND_AND_WALES.rule("ew.s85.annual")])
    with pytest.raises(TypeError):
        ENGLAND_AND_WALES.parameters["periodic_interval"] = CalendarPeriod(months=6)  # type: ignore[index]


def test_the_weekly_figure_is_a_parameter_too() -> None:
    # No sole or main residence notified on Mon 2026-06-01: weekly, due Mon 2026-06-08; with a
    # fortnightly figure, due Mon 2026-06-15.
    fortnightly = ENGLAND_AND_WALES.derive(
        name="fortnightly", parameters={"weekly_interval": CalendarPeriod(weeks=2)}
    )
    from sexoffender_rules import HomeAddress

    case = Case(
        person=Person(reference="FICTIONAL-0256", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 5, 30)),),
        notifications=(
            Notification(
                id="n1",
                date=date(2026, 6, 1),
                kind="initial",
                home_address=HomeAddress(kind="no_sole_or_main_residence", reference="LOC-1"),
            ),
        ),
    )
    as_of = date(2026, 6, 2)
    [weekly] = assess(case, as_of).duties_of(DutyKind.PERIODIC)
    [longer] = assess(case, as_of, ruleset=fortnightly).duties_of(DutyKind.PERIODIC)
    assert (weekly.deadline, longer.deadline) == (date(2026, 6, 8), date(2026, 6, 15))


def test_the_days_to_notify_are_a_parameter() -> None:
    # A caution on Fri 2026-03-06: 3 days beginning with it end Sun 2026-03-08; 7 days end Thu
    # 2026-03-12. Notified on 2026-03-10: late under the baseline, in time under the reform.
    seven = ENGLAND_AND_WALES.derive(name="seven days", parameters={"notification_days": 7})
    case = Case(
        person=Person(reference="FICTIONAL-0257", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
        notifications=(Notification(id="n1", date=date(2026, 3, 10), kind="initial"),),
    )
    [initial] = compare([case], ENGLAND_AND_WALES, seven, date(2026, 4, 1)).cases[0].duties
    assert initial.kind is DutyKind.INITIAL
    assert initial.changes[:2] == (
        ("deadline", "2026-03-08", "2026-03-12"),
        ("state", "met late", "met"),
    )
