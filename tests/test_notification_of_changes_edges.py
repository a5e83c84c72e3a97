"""Notification of changes (SOA 2003 s.84): the reasons each duty gives, in full, and the edges
of advance notification (s.84(2)-(4)), of a name used again (s.91(3)) and of qualifying stays
(s.84(1)(c), (6)).

Each case is worked by hand from the statute in its comment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind
from sexoffender_rules.model import (
    Case,
    HomeAddress,
    HomeAddressChange,
    NameUsed,
    Notification,
    Person,
    Stay,
    Trigger,
)
from sexoffender_rules.policy import Policy

PERSON = Person(reference="FICTIONAL-0970", date_of_birth=date(1978, 9, 14))
# Cautioned Mon 5 January 2026 (adult: 2 years, s.82(1)), notified the next day with NAME-A.
CAUTION = Trigger(id="t1", kind="caution", date=date(2026, 1, 5))
INITIAL = Notification(id="n1", date=date(2026, 1, 6), kind="initial", names=("NAME-A",))


def said(duty: Duty) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


Item = NameUsed | HomeAddressChange | Stay | Notification | Trigger


def by(duty: Duty, rule: str) -> list[tuple[Any, ...]]:
    """The reasons of ``duty`` under ``rule``, as :func:`said` gives them."""
    return [r for r in said(duty) if r[0] == rule]


def case(*items: Item, initial: Notification = INITIAL) -> Case:
    """The caution and its initial notification, with further events, notifications and
    triggers."""
    return Case(
        person=PERSON,
        triggers=(CAUTION, *(i for i in items if isinstance(i, Trigger))),
        events=tuple(i for i in items if isinstance(i, NameUsed | HomeAddressChange | Stay)),
        notifications=(initial, *(i for i in items if isinstance(i, Notification))),
    )


def home(reference: str) -> HomeAddress:
    return HomeAddress(kind="residence", reference=reference)


def name_duties(*items: Item, as_of: date = date(2026, 4, 6), **policy: bool) -> list[Duty]:
    return assess(case(*items), as_of, Policy(**policy)).duties_of(DutyKind.CHANGE_OF_NAME)


def test_an_advance_notification_more_than_2_days_ahead_of_the_use_does_not_discharge() -> None:
    # Advance notification of NAME-B given on Mon 2 February 2026 for D = Tue 10 February.
    # s.84(3)-(4)(a): it covers a use from D-2 (8 February) to D+2 (12 February). NAME-B is used on
    # Sat 7 February, D-3: not covered, so the duty of s.84(1)(a) runs from 7 February.
    advance = Notification(
        id="n2",
        date=date(2026, 2, 2),
        kind="advance",
        names=("NAME-A", "NAME-B"),
        expected_date=date(2026, 2, 10),
    )
    [duty] = assess(
        case(advance, NameUsed(date=date(2026, 2, 7), name="NAME-B")), date(2026, 2, 20)
    ).duties_of(DutyKind.CHANGE_OF_NAME)
    assert said(duty)[1] == (
        "ew.s84.advance",
        "notifications[1] gave it in advance for 2026-02-10, but the event on 2026-02-07 came "
        "more than 2 days before that date: it does not discharge the duty.",
        ("events[0]", "notifications[1]"),
        (("expected", date(2026, 2, 10)),),
        (),
    )
    assert duty.discharged_by is None


@pytest.mark.parametrize("moved", [date(2026, 2, 8), date(2026, 2, 12)])
def test_a_move_on_d_minus_2_or_d_plus_2_makes_the_address_notified_as_the_home(
    moved: date,
) -> None:
    # Home ADDR-1 notified on 6 January 2026. An advance notification of ADDR-2 given on
    # 2 February for D = 10 February covers a move from 8 to 12 February (s.84(3)-(4)(a)): the
    # move on `moved` is covered, so ADDR-2 is the home last notified from then. A later advance
    # notification (16 February, for 20 February) of a new name that restates ADDR-2 announces
    # no change of home; the name is used on 20 February, so no notice of non-occurrence is due
    # (s.84(4)(b)).
    initial = Notification(
        id="n1",
        date=date(2026, 1, 6),
        kind="initial",
        names=("NAME-A",),
        home_address=home("ADDR-1"),
    )
    first = Notification(
        id="n2",
        date=date(2026, 2, 2),
        kind="advance",
        home_address=home("ADDR-2"),
        expected_date=date(2026, 2, 10),
    )
    second = Notification(
        id="n3",
        date=date(2026, 2, 16),
        kind="advance",
        names=("NAME-A", "NAME-B"),
        home_address=home("ADDR-2"),
        expected_date=date(2026, 2, 20),
    )
    events = (
        HomeAddressChange(date=moved, home_address=home("ADDR-2")),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    assessment = assess(case(first, second, *events, initial=initial), date(2026, 3, 2))
    assert assessment.duties_of(DutyKind.NON_OCCURRENCE) == ()
    [move] = assessment.duties_of(DutyKind.CHANGE_OF_HOME_ADDRESS)
    assert move.discharged_by == "n2"


def test_an_advance_notification_of_a_home_notified_only_later_announces_a_change() -> None:
    # No home address notified on 6 January 2026. An advance notification of ADDR-2 given on
    # 2 February for D = 10 February; the move comes on 18 February, after D+2 (12 February), and
    # a change notification of 20 February gives ADDR-2. On 2 February ADDR-2 was not the home
    # last notified (none was), so the advance notification announced a change that did not
    # occur by the end of 12 February: notice of non-occurrence is due within 6 days beginning
    # with D, by 15 February (s.84(4)(b)).
    advance = Notification(
        id="n2",
        date=date(2026, 2, 2),
        kind="advance",
        home_address=home("ADDR-2"),
        expected_date=date(2026, 2, 10),
    )
    change = Notification(
        id="n3", date=date(2026, 2, 20), kind="change", home_address=home("ADDR-2")
    )
    moved = HomeAddressChange(date=date(2026, 2, 18), home_address=home("ADDR-2"))
    [notice] = assess(case(advance, change, moved), date(2026, 3, 2)).duties_of(
        DutyKind.NON_OCCURRENCE
    )
    assert (notice.trigger_date, notice.deadline) == (date(2026, 2, 10), date(2026, 2, 15))


def test_a_name_notified_the_day_after_an_advance_notification_was_not_restated_by_it() -> None:
    # An advance notification of NAME-B given on 2 February 2026 for D = 10 February; a change
    # notification giving NAME-B on 3 February. On 2 February NAME-B was not notified, so the
    # advance notification announced its use, which never came: notice of non-occurrence is due
    # within 6 days beginning with 10 February, by 15 February (s.84(4)(b)).
    advance = Notification(
        id="n2",
        date=date(2026, 2, 2),
        kind="advance",
        names=("NAME-B",),
        expected_date=date(2026, 2, 10),
    )
    change = Notification(id="n3", date=date(2026, 2, 3), kind="change", names=("NAME-A", "NAME-B"))
    [notice] = assess(case(advance, change), date(2026, 3, 2)).duties_of(DutyKind.NON_OCCURRENCE)
    assert (notice.trigger_date, notice.deadline) == (date(2026, 2, 10), date(2026, 2, 15))


def test_a_periodic_notification_giving_the_name_answers_the_duty_by_default() -> None:
    # NAME-B used on Fri 6 March 2026; the annual notification of 7 March gives it: under
    # policy.periodic_notifies_changes it answers the duty of s.84(1)(a) (due by 8 March).
    periodic = Notification(
        id="n2", date=date(2026, 3, 7), kind="periodic", names=("NAME-A", "NAME-B")
    )
    [duty] = name_duties(NameUsed(date=date(2026, 3, 6), name="NAME-B"), periodic)
    assert duty.discharged_by == "n2"
    assert said(duty)[1:] == [
        (
            "ew.s84.name",
            "notifications[1] is a periodic notification (s.85(1)) that gives it: it answers the "
            "duty, and from then on counts as having notified it.",
            ("events[0]", "notifications[1]"),
            (),
            ("periodic_notifies_changes=true",),
        )
    ]


def test_under_the_literal_reading_periodic_notifications_neither_notify_nor_answer() -> None:
    # policy.periodic_notifies_changes false: the annual notification of 5 March 2026 gave
    # NAME-B before its use on 6 March, and that of 7 March gives it after; neither counts
    # (s.84(1)(a) names only s.83(1) and s.84(1)): the change notification of 9 March answers
    # the duty, late (due by 8 March).
    notifications = [
        Notification(id=f"n{i}", date=date(2026, 3, day), kind=kind, names=("NAME-A", "NAME-B"))
        for i, day, kind in ((2, 5, "periodic"), (3, 7, "periodic"), (4, 9, "change"))
    ]
    used = NameUsed(date=date(2026, 3, 6), name="NAME-B")
    [duty] = name_duties(used, *notifications, periodic_notifies_changes=False)
    assert duty.discharged_by == "n4"
    literal = ("periodic_notifies_changes=false",)
    assert by(duty, "ew.s84.name")[1:] == [
        (
            "ew.s84.name",
            "notifications[1] is a periodic notification (s.85(1)) that gave it on 2026-03-05, "
            "but only a notification under s.83(1) or s.84(1) notifies it: it had not been "
            "notified.",
            ("events[0]", "notifications[1]"),
            (),
            literal,
        ),
        (
            "ew.s84.name",
            "notifications[2] is a periodic notification (s.85(1)) that gives it, but only a "
            "notification under s.83(1) or s.84(1) notifies it: it does not answer the duty.",
            ("events[0]", "notifications[2]"),
            (),
            literal,
        ),
    ]


@pytest.mark.parametrize(
    ("day", "statement", "facts"),
    [
        # Used again on the day of the notification: a notification given on the day is taken
        # as given after that day's use, so the duty was still undischarged and the use is the
        # same failure (s.91(3)): no further duty.
        (
            9,
            "The name is used again on 2026-03-09 (events[1]) while this duty, from 2026-03-06, "
            "is undischarged: not notifying it is the same failure (s.91(3)), so no further duty "
            "arises.",
            ("events[1]",),
        ),
        # Used again the day after: the name was notified before it, so no duty.
        (
            10,
            "The name is used again on 2026-03-10 (events[1]), after notifications[1] notified it "
            "on 2026-03-09: no duty.",
            ("events[1]", "notifications[1]"),
        ),
    ],
)
def test_a_name_used_again_gives_no_further_duty(
    day: int, statement: str, facts: tuple[str, ...]
) -> None:
    # NAME-B used on 6 March 2026 (due by 8 March), notified on 9 March.
    change = Notification(id="n2", date=date(2026, 3, 9), kind="change", names=("NAME-A", "NAME-B"))
    again = NameUsed(date=date(2026, 3, day), name="NAME-B")
    [duty] = name_duties(NameUsed(date=date(2026, 3, 6), name="NAME-B"), again, change)
    assert by(duty, "ew.s84.name")[-1] == (
        "ew.s84.name",
        statement,
        facts,
        (("used_again", date(2026, 3, day)),),
        (),
    )


def test_a_name_used_again_in_a_later_run_of_days_subject_gives_a_duty_of_its_own() -> None:
    # The caution's 2 years end on 4 January 2028. NAME-B, used on 20 December 2027, is never
    # notified. A second caution on 5 June 2028 makes the person subject again; the use of
    # NAME-B on 12 June 2028 is a use while subject afresh, not the failure of the first run,
    # which ended with the requirements: a duty of its own, due by 14 June 2028.
    second = Trigger(id="t2", kind="caution", date=date(2028, 6, 5))
    duties = name_duties(
        NameUsed(date=date(2027, 12, 20), name="NAME-B"),
        NameUsed(date=date(2028, 6, 12), name="NAME-B"),
        second,
        as_of=date(2028, 7, 3),
    )
    assert [(d.trigger_date, d.deadline) for d in duties] == [
        (date(2027, 12, 20), date(2027, 12, 22)),
        (date(2028, 6, 12), date(2028, 6, 14)),
    ]


def advance_of_name_b(given: date = date(2026, 2, 2)) -> Notification:
    """An advance notification of NAME-B (restating NAME-A) for D = Tue 10 February 2026."""
    return Notification(
        id="n2",
        date=given,
        kind="advance",
        names=("NAME-A", "NAME-B"),
        expected_date=date(2026, 2, 10),
    )


def test_an_advance_notification_covering_the_use_discharges_and_names_what_it_restates() -> None:
    # NAME-B used on Sun 8 February 2026, D-2: covered (s.84(3)); NAME-A, notified on 6 January,
    # is restated and announces nothing.
    [duty] = name_duties(advance_of_name_b(), NameUsed(date=date(2026, 2, 8), name="NAME-B"))
    assert duty.discharged_by == "n2"
    assert by(duty, "ew.s84.advance") == [
        (
            "ew.s84.advance",
            "notifications[1] gave it in advance for 2026-02-10; the event on 2026-02-08 falls "
            "from 2 days before to 2 days after that date, so the advance notification discharges "
            "the duty. It also restates details already notified (a name): those announce no "
            "change, so it expects no event for them.",
            ("events[0]", "notifications[1]"),
            (("expected", date(2026, 2, 10)),),
            (),
        )
    ]


def test_a_use_after_the_3_days_beginning_with_d_is_not_covered() -> None:
    # NAME-B used on Fri 13 February 2026, D+3: after the end of the 3 days beginning with D
    # (10-12 February), so not covered (s.84(4)(a)); the duty runs from 13 February.
    [duty] = name_duties(advance_of_name_b(), NameUsed(date=date(2026, 2, 13), name="NAME-B"))
    assert duty.discharged_by is None
    assert by(duty, "ew.s84.advance") == [
        (
            "ew.s84.advance",
            "notifications[1] gave it in advance for 2026-02-10, but the event on 2026-02-13 came "
            "after the end of the 3 days beginning with that date: it does not discharge the duty.",
            ("events[0]", "notifications[1]"),
            (("expected", date(2026, 2, 10)),),
            (),
        )
    ]


def test_a_notification_given_on_the_day_of_the_use_is_not_in_advance_of_it() -> None:
    # Given on 9 February 2026, the day NAME-B is first used: not before the event, so it does
    # not cover it (s.84(2)); it notifies the use under s.84(1) and answers the duty that day.
    used = NameUsed(date=date(2026, 2, 9), name="NAME-B")
    [duty] = name_duties(advance_of_name_b(date(2026, 2, 9)), used)
    assert duty.discharged_by == "n2"
    assert by(duty, "ew.s84.advance") == []


def test_the_reason_of_a_qualifying_stay_names_the_stays_that_reach_7_days() -> None:
    # PREM-1: 2-5 February 2026 (4 days) and 2-4 March (3 days): 7 days within 12 months on
    # 4 March (s.84(1)(c), (6)); a stay from 6 April is later and not named. Due within 3 days
    # beginning with 4 March, by 6 March.
    stays = (
        Stay(premises="PREM-1", first_day=date(2026, 2, 2), last_day=date(2026, 2, 5)),
        Stay(premises="PREM-1", first_day=date(2026, 3, 2), last_day=date(2026, 3, 4)),
        Stay(premises="PREM-1", first_day=date(2026, 4, 6), last_day=date(2026, 4, 7)),
    )
    [duty] = assess(case(*stays), date(2026, 4, 20)).duties_of(DutyKind.QUALIFYING_STAY)
    assert (duty.trigger_date, duty.deadline, duty.fact) == (
        date(2026, 3, 4),
        date(2026, 3, 6),
        "events[1]",
    )
    assert said(duty)[0] == (
        "ew.s84.qualifying_stay",
        "Days stayed at the premises while subject (events[0], events[1]) reach 7 within "
        "12 months on 2026-03-04.",
        ("events[0]", "events[1]"),
        (("qualifying_day", date(2026, 3, 4)),),
        (),
    )


def test_a_notice_of_non_occurrence_pending_then_due_and_what_was_restated() -> None:
    # An advance notification given 20 February 2026 of a move to ADDR-2 for D = Sun 1 March,
    # restating NAME-A; no move. Up to D+2 (3 March) the move may still occur: pending. From
    # 4 March it had not occurred: notice due within 6 days beginning with D, by 6 March.
    advance = Notification(
        id="n2",
        date=date(2026, 2, 20),
        kind="advance",
        names=("NAME-A",),
        home_address=home("ADDR-2"),
        expected_date=date(2026, 3, 1),
    )
    restated = (
        "ew.s84.advance",
        "notifications[1] also restates details already notified (a name): those announce no "
        "change, so no event is expected for them; the notice concerns the others.",
        ("notifications[1]",),
        (),
        (),
    )
    [pending] = assess(case(advance), date(2026, 3, 3)).duties_of(DutyKind.NON_OCCURRENCE)
    assert (pending.deadline, said(pending)[0], said(pending)[2]) == (
        date(2026, 3, 6),
        (
            "ew.s84.non_occurrence",
            "The event expected on 2026-03-01 may still occur by 2026-03-03: the duty has not yet "
            "arisen in full.",
            ("notifications[1]",),
            (("expected", date(2026, 3, 1)),),
            (),
        ),
        restated,
    )
    [due] = assess(case(advance), date(2026, 3, 4)).duties_of(DutyKind.NON_OCCURRENCE)
    assert (
        said(due)[0][1]
        == "The event expected on 2026-03-01 had not occurred by the end of 2026-03-03."
    )
    assert said(due)[2] == restated


def test_a_home_given_in_a_periodic_notification_before_the_move_is_not_named() -> None:
    # Under the literal reading, an annual notification of 5 March 2026 giving ADDR-2 before the
    # move to it on 6 March is not named: each change of home address is a change of its own
    # (s.84(1)(b)), whatever was notified before it; the change notification of 9 March answers
    # the duty (due by 8 March).
    notifications = (
        Notification(id="n2", date=date(2026, 3, 5), kind="periodic", home_address=home("ADDR-2")),
        Notification(id="n3", date=date(2026, 3, 9), kind="change", home_address=home("ADDR-2")),
    )
    moved = HomeAddressChange(date=date(2026, 3, 6), home_address=home("ADDR-2"))
    [duty] = assess(
        case(moved, *notifications), date(2026, 4, 6), Policy(periodic_notifies_changes=False)
    ).duties_of(DutyKind.CHANGE_OF_HOME_ADDRESS)
    assert duty.discharged_by == "n3"
    assert by(duty, "ew.s84.home_address")[1:] == []


def test_under_the_literal_reading_a_periodic_notification_after_the_answer_is_not_named() -> None:
    # NAME-B used on 6 March 2026; the change notification of 9 March answers the duty; the
    # annual notification of 10 March, after the answer, bears on nothing and is not named.
    notifications = [
        Notification(id=f"n{i}", date=date(2026, 3, day), kind=kind, names=("NAME-A", "NAME-B"))
        for i, day, kind in ((2, 9, "change"), (3, 10, "periodic"))
    ]
    used = NameUsed(date=date(2026, 3, 6), name="NAME-B")
    [duty] = name_duties(used, *notifications, periodic_notifies_changes=False)
    assert duty.discharged_by == "n2"
    assert by(duty, "ew.s84.name")[1:] == []
