"""Notification of changes (SOA 2003 s.84(1)(a)-(c), (2)-(4), (6)): each duty's fact and
window in full; the duties that follow a use of a name again, a notified premises or a stay that
never qualifies; the qualifying period over a 29 February; which advance notification covers an
event (s.84(3)-(4)(a)) and from when a name counts as notified by one; notices of
non-occurrence (s.84(4)(b)) and the details an advance notification restates.

Each case is worked by hand from the statute in its comment. "3 days beginning with" a day are
that day and the next two (s.84(1)); an advance notification for the date D covers an event from
D-2 to D+2 (s.84(3): not "more than 2 days before" D; s.84(4): by "the end of the period of
3 days beginning with" D).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessments_made import counting
from sexoffender_rules import assess
from sexoffender_rules.assessment import Duty, DutyKind, DutyState
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.england_and_wales.changes import non_occurrence_duties
from sexoffender_rules.model import (
    Case,
    Detention,
    HomeAddress,
    HomeAddressChange,
    NameUsed,
    Notification,
    Person,
    Stay,
    Trigger,
)
from sexoffender_rules.policy import NoCorrespondingDay, Policy

PERSON = Person(reference="FICTIONAL-0982", date_of_birth=date(1975, 11, 23))
# Cautioned on Monday 5 January 2026 as an adult: subject for 2 years (s.82(1)), to
# 4 January 2028. The initial notification that day gives NAME-A and the home ADDR-1.
CAUTION = Trigger(id="t1", kind="caution", date=date(2026, 1, 5))
INITIAL = Notification(
    id="n1",
    date=date(2026, 1, 5),
    kind="initial",
    names=("NAME-A",),
    home_address=HomeAddress(kind="residence", reference="ADDR-1"),
)
Item = NameUsed | HomeAddressChange | Stay | Notification


def said(duty: Duty) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


def home(reference: str) -> HomeAddress:
    return HomeAddress(kind="residence", reference=reference)


def case(
    *items: Item,
    initial: Notification = INITIAL,
    caution: Trigger = CAUTION,
    detentions: tuple[Detention, ...] = (),
) -> Case:
    return Case(
        person=PERSON,
        triggers=(caution,),
        events=tuple(i for i in items if not isinstance(i, Notification)),
        notifications=(initial, *(i for i in items if isinstance(i, Notification))),
        detentions=detentions,
    )


def duties(kind: DutyKind, *items: Item, as_of: date = date(2026, 4, 6), **kw: Any) -> list[Duty]:
    policy = kw.pop("policy", None)
    return list(assess(case(*items, **kw), as_of, policy).duties_of(kind))


def window(rule: str, what: str, start: date, end: date, fact: str, days: int = 3) -> Any:
    """The reason of a duty's window of ``days`` days beginning with ``start``, ending on ``end``
    (worked by hand in each test), as :func:`said` gives it."""
    text = f"{what}: {days} days beginning with {start.isoformat()} end on {end.isoformat()}."
    return (rule, text, (fact,), (("deadline", end),), ())


def covered(path: str, expected: str, day: str, restated: str = "") -> str:
    """The words of a reason that the advance notification ``path``, for ``expected``, covers the
    event on ``day`` (and restates the details ``restated``, if any)."""
    text = (
        f"{path} gave it in advance for {expected}; the event on {day} falls from 2 days before "
        "to 2 days after that date, so the advance notification discharges the duty."
    )
    if restated:
        text += (
            f" It also restates details already notified ({restated}): those announce no "
            "change, so it expects no event for them."
        )
    return text


def used_again(*items: Item) -> str:
    """The day from which the one name duty's last reason says NAME-B was notified by
    notifications[1] when used again on 20 February 2026 (events[1]), with no duty."""
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    prefix = (
        "The name is used again on 2026-02-20 (events[1]), after notifications[1] notified it on "
    )
    statement = said(name)[-1][1]
    assert statement.startswith(prefix)
    assert statement.endswith(": no duty.")
    return str(statement[len(prefix) : -len(": no duty.")])


def advance(id_: str, given: date, expected: date, *names: str, **kw: Any) -> Notification:
    return Notification(
        id=id_, date=given, kind="advance", names=names, expected_date=expected, **kw
    )


# --- s.84(1)(a), (b): the fact and the window of each duty ------------------------------------


def test_a_name_and_a_home_address_each_give_a_duty_with_its_window_in_full() -> None:
    # NAME-B used on Tuesday 10 February 2026 (s.84(1)(a)) and a move to ADDR-2 on Wednesday
    # 11 February (s.84(1)(b)); the change notification of 12 February gives both. 3 days
    # beginning with 10 February end on 12 February; with 11 February, on 13 February.
    items = (
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        HomeAddressChange(date=date(2026, 2, 11), home_address=home("ADDR-2")),
        Notification(
            id="n2",
            date=date(2026, 2, 12),
            kind="change",
            names=("NAME-A", "NAME-B"),
            home_address=home("ADDR-2"),
        ),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    [move] = duties(DutyKind.CHANGE_OF_HOME_ADDRESS, *items)
    assert (name.fact, name.state, name.discharged_by) == ("events[0]", DutyState.MET, "n2")
    assert said(name) == [
        window("ew.s84.name", "Change of name", date(2026, 2, 10), date(2026, 2, 12), "events[0]")
    ]
    assert (move.fact, move.state, move.discharged_by) == ("events[1]", DutyState.MET, "n2")
    assert said(move) == [
        window(
            "ew.s84.home_address",
            "Change of home address",
            date(2026, 2, 11),
            date(2026, 2, 13),
            "events[1]",
        )
    ]


def test_a_name_used_again_while_undischarged_does_not_stop_the_duties_after_it() -> None:
    # NAME-B used on 10 and 11 February 2026, not notified: the second use is the same failure
    # (s.91(3)), no duty of its own. The move to ADDR-2 on 12 February still gives its duty
    # (s.84(1)(b)), due by 14 February.
    items = (
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        NameUsed(date=date(2026, 2, 11), name="NAME-B"),
        HomeAddressChange(date=date(2026, 2, 12), home_address=home("ADDR-2")),
    )
    assert [d.trigger_date for d in duties(DutyKind.CHANGE_OF_NAME, *items)] == [date(2026, 2, 10)]
    [move] = duties(DutyKind.CHANGE_OF_HOME_ADDRESS, *items)
    assert (move.trigger_date, move.deadline) == (date(2026, 2, 12), date(2026, 2, 14))


def test_a_name_used_again_after_a_periodic_notification_gave_it() -> None:
    # NAME-B used on 10 February 2026; the annual notification of 11 February gives it: by
    # default (policy.periodic_notifies_changes) it answers the duty and NAME-B is notified from
    # then, so its use on 20 February gives no duty, a reason that names the reading. The move
    # to ADDR-2 on 21 February still gives its duty, due by 23 February.
    items = (
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        Notification(id="n2", date=date(2026, 2, 11), kind="periodic", names=("NAME-A", "NAME-B")),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
        HomeAddressChange(date=date(2026, 2, 21), home_address=home("ADDR-2")),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert name.discharged_by == "n2"
    assert said(name)[-1] == (
        "ew.s84.name",
        "The name is used again on 2026-02-20 (events[1]), after notifications[1] notified it on "
        "2026-02-11: no duty.",
        ("events[1]", "notifications[1]"),
        (("used_again", date(2026, 2, 20)),),
        ("periodic_notifies_changes=true",),
    )
    [move] = duties(DutyKind.CHANGE_OF_HOME_ADDRESS, *items)
    assert (move.trigger_date, move.deadline) == (date(2026, 2, 21), date(2026, 2, 23))


def test_a_use_covered_in_advance_names_no_periodic_reading() -> None:
    # Under the literal reading (periodic_notifies_changes false) the annual notification of
    # 1 February 2026 giving NAME-B does not notify it. The advance notification of 2 February
    # for D = 10 February covers its use on 10 February (D-2 to D+2) and discharges the duty:
    # the periodic notification bears on nothing, and no reason names it.
    items = (
        Notification(id="n2", date=date(2026, 2, 1), kind="periodic", names=("NAME-A", "NAME-B")),
        advance("n3", date(2026, 2, 2), date(2026, 2, 10), "NAME-B"),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items, policy=Policy(periodic_notifies_changes=False))
    assert name.discharged_by == "n3"
    assert [r[0] for r in said(name)] == ["ew.s84.name", "ew.s84.advance"]


def test_a_window_with_a_day_of_release_met_either_way_is_assessed_once() -> None:
    # NAME-B used on Sunday 8 March 2026 and notified that day; remanded on 9 March and released
    # on 10 March. The 3 days (time detained not counted, s.84(5)) are 8, 10 and 11 March, or 8,
    # 11 and 12 March if the day of release is not counted: the duty is met either way, and the
    # release duty (notified on 10 March, recording it) too. Each window gives its deadline under
    # the other reading, so the case is assessed once, and not flagged.
    items = (
        NameUsed(date=date(2026, 3, 8), name="NAME-B"),
        Notification(id="n2", date=date(2026, 3, 8), kind="change", names=("NAME-A", "NAME-B")),
        Notification(id="n3", date=date(2026, 3, 10), kind="change", release=True),
    )
    remand = Detention(kind="remand", start=date(2026, 3, 9), end=date(2026, 3, 10))
    ruleset, calls = counting(ENGLAND_AND_WALES)
    result = assess(case(*items, detentions=(remand,)), date(2026, 3, 20), ruleset=ruleset)
    [name] = result.duties_of(DutyKind.CHANGE_OF_NAME)
    assert (name.deadline, name.state) == (date(2026, 3, 11), DutyState.MET)
    assert name.reasons[0].readings == ("partial_days=liberty_at_end_of_day",)
    assert result.flags == ()
    assert calls == [date(2026, 3, 20)]


# --- s.84(1)(c), (6): qualifying periods -------------------------------------------------------


def test_stays_that_never_qualify_or_are_notified_do_not_stop_the_next_premises() -> None:
    # PREM-0, given in the initial notification, stayed at 12-18 January 2026 (7 days): notified,
    # no duty. PREM-1 stayed at 20-22 January (3 days): never a qualifying period. PREM-2 stayed
    # at 1-7 February: 7 days on 7 February (s.84(6)(a)), notify by 9 February.
    initial = Notification(
        id="n1",
        date=date(2026, 1, 5),
        kind="initial",
        names=("NAME-A",),
        home_address=home("ADDR-1"),
        other_premises=("PREM-0",),
    )
    items = (
        Stay(premises="PREM-0", first_day=date(2026, 1, 12), last_day=date(2026, 1, 18)),
        Stay(premises="PREM-1", first_day=date(2026, 1, 20), last_day=date(2026, 1, 22)),
        Stay(premises="PREM-2", first_day=date(2026, 2, 1), last_day=date(2026, 2, 7)),
    )
    [stay] = duties(DutyKind.QUALIFYING_STAY, *items, initial=initial)
    assert (stay.fact, stay.trigger_date, stay.deadline) == (
        "events[2]",
        date(2026, 2, 7),
        date(2026, 2, 9),
    )


def test_a_stay_that_begins_on_the_qualifying_day_is_the_fact_cited() -> None:
    # PREM-3 stayed at 1-6 March 2026 (6 days) and again on 10 March: two periods in 12 months
    # that together amount to 7 days on 10 March (s.84(6)(b)). The stay of 10 March completes the
    # qualifying period, so it is the fact; notify by 12 March.
    items = (
        Stay(premises="PREM-3", first_day=date(2026, 3, 1), last_day=date(2026, 3, 6)),
        Stay(premises="PREM-3", first_day=date(2026, 3, 10), last_day=date(2026, 3, 10)),
    )
    [stay] = duties(DutyKind.QUALIFYING_STAY, *items)
    assert stay.fact == "events[1]"
    assert said(stay)[:2] == [
        (
            "ew.s84.qualifying_stay",
            "Days stayed at the premises while subject (events[0], events[1]) reach 7 within "
            "12 months on 2026-03-10.",
            ("events[0]", "events[1]"),
            (("qualifying_day", date(2026, 3, 10)),),
            (),
        ),
        window(
            "ew.s84.qualifying_stay",
            "Qualifying period",
            date(2026, 3, 10),
            date(2026, 3, 12),
            "events[1]",
        ),
    ]


@pytest.mark.parametrize(
    ("leap_day", "qualifying"),
    [(NoCorrespondingDay.NEXT_DAY, [date(2025, 2, 28)]), (NoCorrespondingDay.PREVIOUS_DAY, [])],
)
def test_twelve_months_from_29_february_under_each_reading(
    leap_day: NoCorrespondingDay, qualifying: list[date]
) -> None:
    # Cautioned on 15 January 2024 (subject to 14 January 2026). PREM-4 stayed at on Thursday
    # 29 February 2024 and on 23-28 February 2025: 1 + 6 = 7 days if both fall "in any period of
    # 12 months" (s.84(6)(b)). 12 months beginning with 29 February 2024 end on 28 February 2025
    # when their anniversary is taken as 1 March 2025 (leap_day next_day, the default): the
    # 7 days are reached on 28 February 2025. Taken as 28 February 2025 (previous_day), they end
    # on 27 February: no period of 12 months holds both, and no qualifying period is reached.
    caution = Trigger(id="t1", kind="caution", date=date(2024, 1, 15))
    initial = Notification(id="n1", date=date(2024, 1, 15), kind="initial", names=("NAME-A",))
    items = (
        Stay(premises="PREM-4", first_day=date(2024, 2, 29), last_day=date(2024, 2, 29)),
        Stay(premises="PREM-4", first_day=date(2025, 2, 23), last_day=date(2025, 2, 28)),
    )
    found = duties(
        DutyKind.QUALIFYING_STAY,
        *items,
        as_of=date(2025, 4, 1),
        caution=caution,
        initial=initial,
        policy=Policy(leap_day=leap_day),
    )
    assert [d.trigger_date for d in found] == qualifying


# --- s.84(2)-(4)(a): which advance notification covers an event ---------------------------------


def test_a_later_advance_notification_for_an_earlier_date_covers_the_use() -> None:
    # Advance notifications of NAME-B: on 1 February 2026 for D = 20 February, on 5 February for
    # D = 10 February. NAME-B is used on 10 February: within D-2 to D+2 of the second, given
    # before the use, which discharges the duty (the first covers 18-22 February only).
    items = (
        advance("n2", date(2026, 2, 1), date(2026, 2, 20), "NAME-B"),
        advance("n3", date(2026, 2, 5), date(2026, 2, 10), "NAME-B"),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert name.discharged_by == "n3"


def test_the_covering_notification_is_found_past_one_given_on_the_day() -> None:
    # Advance notifications of NAME-B for D = 1 and 2 February 2026 (given 10 January), for
    # D = 20 February given on 20 February itself, and for D = 21 February given on 1 February.
    # NAME-B is used on 20 February. Those for 1 and 2 February cover only to 3 and 4 February;
    # that of 20 February was given on the day of the use, so not in advance of it (a
    # notification given on the day is taken as given after the event); that for 21 February
    # (covering 19-23 February) was given before it and discharges the duty.
    items = (
        advance("n2", date(2026, 1, 10), date(2026, 2, 1), "NAME-B"),
        advance("n3", date(2026, 1, 10), date(2026, 2, 2), "NAME-B"),
        advance("n4", date(2026, 2, 20), date(2026, 2, 20), "NAME-B"),
        advance("n5", date(2026, 2, 1), date(2026, 2, 21), "NAME-B"),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert name.discharged_by == "n5"
    assert said(name)[1][1] == covered("notifications[4]", "2026-02-21", "2026-02-20")


def test_the_last_advance_notification_given_before_the_use_is_the_one_cited() -> None:
    # Advance notifications of NAME-B given on 1 February 2026 for D = 25 February (covering
    # 23-27 February) and on 2 February for D = 5 February (covering 3-7 February). NAME-B is
    # used on 20 February: neither covers it, so the duty runs from 20 February. The reason cites
    # the last given before the use, that of 2 February, whose 3 days beginning with D ended
    # on 7 February.
    items = (
        advance("n2", date(2026, 2, 1), date(2026, 2, 25), "NAME-B"),
        advance("n3", date(2026, 2, 2), date(2026, 2, 5), "NAME-B"),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert name.discharged_by is None
    assert said(name)[1] == (
        "ew.s84.advance",
        "notifications[2] gave it in advance for 2026-02-05, but the event on 2026-02-20 came "
        "after the end of the 3 days beginning with that date: it does not discharge the duty.",
        ("events[0]", "notifications[2]"),
        (("expected", date(2026, 2, 5)),),
        (),
    )


def test_an_advance_notification_covering_a_use_names_only_details_already_notified() -> None:
    # The advance notification of 2 February 2026 for D = 10 February gives NAME-B and a new
    # home ADDR-2; both happen on 10 February. For the name, the new home is a change of its
    # own, not a detail already notified, so nothing is said of restated details.
    items = (
        advance("n2", date(2026, 2, 2), date(2026, 2, 10), "NAME-B", home_address=home("ADDR-2")),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        HomeAddressChange(date=date(2026, 2, 10), home_address=home("ADDR-2")),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert said(name)[1][1] == covered("notifications[1]", "2026-02-10", "2026-02-10")


def test_an_advance_notification_restating_a_name_and_the_home_says_so() -> None:
    # The advance notification of 2 February 2026 for D = 10 February gives NAME-A (notified on
    # 5 January), NAME-B and ADDR-1 (the home notified on 5 January): NAME-B, used on
    # 10 February, is covered; NAME-A and ADDR-1 announce no change.
    items = (
        advance(
            "n2",
            date(2026, 2, 2),
            date(2026, 2, 10),
            "NAME-A",
            "NAME-B",
            home_address=home("ADDR-1"),
        ),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert said(name)[1][1] == covered(
        "notifications[1]", "2026-02-10", "2026-02-10", "a name, the home address"
    )
    assert duties(DutyKind.NON_OCCURRENCE, *items) == []


def test_an_advance_notification_of_a_home_is_not_cited_for_premises_of_that_address() -> None:
    # The advance notification of 1 February 2026 gives ADDR-2 as the home expected from
    # D = 10 February; no move is recorded. The person stays at premises ADDR-2 on 4-10 February:
    # 7 days on 10 February, an address not notified as premises (s.84(1)(c)), due by
    # 12 February. The advance notification gave ADDR-2 as a home, not as premises stayed at:
    # it is not an advance notification of the premises, and no reason says it was given for
    # them (a reason that it "came after the end of the 3 days beginning with" 10 February,
    # for an event on 10 February, would be false).
    items = (
        advance("n2", date(2026, 2, 1), date(2026, 2, 10), home_address=home("ADDR-2")),
        Stay(premises="ADDR-2", first_day=date(2026, 2, 4), last_day=date(2026, 2, 10)),
    )
    [stay] = duties(DutyKind.QUALIFYING_STAY, *items)
    assert (stay.trigger_date, stay.deadline, stay.discharged_by) == (
        date(2026, 2, 10),
        date(2026, 2, 12),
        None,
    )
    assert [r[0] for r in said(stay)] == [
        "ew.s84.qualifying_stay",
        "ew.s84.qualifying_stay",
        "ew.s91.breach",
    ]


def test_a_home_notified_in_advance_is_notified_premises_once_the_move_occurs() -> None:
    # The advance notification of 1 February 2026 gives ADDR-2 as the home expected from
    # D = 10 February; the move to ADDR-2 on 10 February falls within D-2 to D+2, so it
    # discharges that duty (s.84(2)-(4)(a)) and ADDR-2 is an address notified under s.84(1) from
    # 10 February. The person moves on to ADDR-3 on 2 March (notified that day), then stays back
    # at ADDR-2 on 10-16 March: 7 days on 16 March, at premises whose address has been notified
    # under s.84(1), so no duty (s.84(1)(c)); as when a change notification gave ADDR-2.
    moves = (
        HomeAddressChange(date=date(2026, 2, 10), home_address=home("ADDR-2")),
        Notification(id="n3", date=date(2026, 3, 2), kind="change", home_address=home("ADDR-3")),
        HomeAddressChange(date=date(2026, 3, 2), home_address=home("ADDR-3")),
        Stay(premises="ADDR-2", first_day=date(2026, 3, 10), last_day=date(2026, 3, 16)),
    )
    in_advance = advance("n2", date(2026, 2, 1), date(2026, 2, 10), home_address=home("ADDR-2"))
    as_change = Notification(
        id="n2", date=date(2026, 2, 10), kind="change", home_address=home("ADDR-2")
    )
    for n2 in (in_advance, as_change):
        assert duties(DutyKind.QUALIFYING_STAY, n2, *moves) == []
        homes = duties(DutyKind.CHANGE_OF_HOME_ADDRESS, n2, *moves)
        assert [(d.trigger_date, d.state, d.discharged_by) for d in homes] == [
            (date(2026, 2, 10), DutyState.MET, "n2"),
            (date(2026, 3, 2), DutyState.MET, "n3"),
        ]
    # Had the move not occurred, the advance notification would notify nothing: the stay at
    # ADDR-2 (7 days on 16 March) is then owed by 18 March, and overdue on 6 April.
    [stay] = duties(DutyKind.QUALIFYING_STAY, in_advance, *moves[1:])
    assert (stay.trigger_date, stay.deadline, stay.state) == (
        date(2026, 3, 16),
        date(2026, 3, 18),
        DutyState.OVERDUE,
    )


def test_an_advance_notification_covering_a_stay_restates_the_home() -> None:
    # The advance notification of 1 February 2026 for D = 10 February gives PREM-5 and ADDR-1
    # (the home notified on 5 January). PREM-5 is stayed at on 4-10 February: 7 days on
    # 10 February, covered (D-2 to D+2), so the duty is discharged by it; ADDR-1 announces no
    # change.
    items = (
        advance(
            "n2",
            date(2026, 2, 1),
            date(2026, 2, 10),
            home_address=home("ADDR-1"),
            other_premises=("PREM-5",),
        ),
        Stay(premises="PREM-5", first_day=date(2026, 2, 4), last_day=date(2026, 2, 10)),
    )
    [stay] = duties(DutyKind.QUALIFYING_STAY, *items)
    assert stay.discharged_by == "n2"
    assert said(stay)[2][1] == covered(
        "notifications[1]", "2026-02-10", "2026-02-10", "the home address"
    )


# --- s.84(2): from when a name counts as notified by an advance notification -------------------


def test_an_advance_form_given_on_the_day_of_the_use_notifies_the_name_from_then() -> None:
    # NAME-B used on 10 February 2026; a notification on the advance form giving NAME-B is made
    # the same day, after the use (D = 10 February): not in advance of it, but a notification of
    # the name under s.84(1), which answers the duty and notifies the name from 10 February. Its
    # use again on 20 February gives no duty (s.84(1)(a): the name has been notified).
    items = (
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        advance("n2", date(2026, 2, 10), date(2026, 2, 10), "NAME-A", "NAME-B"),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    [name] = duties(DutyKind.CHANGE_OF_NAME, *items)
    assert (name.trigger_date, name.discharged_by) == (date(2026, 2, 10), "n2")
    assert said(name)[-1][1] == (
        "The name is used again on 2026-02-20 (events[1]), after notifications[1] notified it on "
        "2026-02-10: no duty."
    )


def test_the_advance_notification_that_covered_the_use_is_the_one_that_notified_it() -> None:
    # The advance notification of 5 February 2026 for D = 10 February covers the use of NAME-B on
    # 10 February: NAME-B counts as notified by it from that day. Another notification on the
    # advance form giving NAME-B on 10 February (after the use) does not take its place: the use
    # on 20 February gives no duty, and the reason cites the first.
    items = (
        advance("n2", date(2026, 2, 5), date(2026, 2, 10), "NAME-B"),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        advance("n3", date(2026, 2, 10), date(2026, 2, 10), "NAME-B"),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    assert used_again(*items) == "2026-02-10"


def test_a_change_notification_and_an_advance_form_on_one_day_the_change_one_is_cited() -> None:
    # NAME-B used on 10 February 2026; on 11 February a change notification (n2) and a
    # notification on the advance form (n3) both give it. Both notify it from 11 February; the
    # change notification, under s.84(1) itself, is cited when NAME-B is used again on
    # 20 February (no duty).
    items = (
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
        Notification(id="n2", date=date(2026, 2, 11), kind="change", names=("NAME-A", "NAME-B")),
        advance("n3", date(2026, 2, 11), date(2026, 2, 11), "NAME-B"),
        NameUsed(date=date(2026, 2, 20), name="NAME-B"),
    )
    assert used_again(*items) == "2026-02-11"


# --- s.84(4)(b): notices of non-occurrence -----------------------------------------------------


def test_a_home_notified_by_a_change_notification_after_an_initial_one_without_it() -> None:
    # The initial notification of 5 January 2026 gives no home address; a change notification of
    # 15 January gives ADDR-1. The advance notification of 1 February for D = 10 February
    # gives NAME-B and ADDR-1: ADDR-1 is then the home last notified, so it announces no move;
    # NAME-B is used on 10 February, so no notice of non-occurrence is due.
    initial = Notification(id="n1", date=date(2026, 1, 5), kind="initial", names=("NAME-A",))
    items = (
        Notification(id="n2", date=date(2026, 1, 15), kind="change", home_address=home("ADDR-1")),
        advance("n3", date(2026, 2, 1), date(2026, 2, 10), "NAME-B", home_address=home("ADDR-1")),
        NameUsed(date=date(2026, 2, 10), name="NAME-B"),
    )
    assert duties(DutyKind.NON_OCCURRENCE, *items, initial=initial) == []


def test_notices_follow_one_another_past_an_event_that_occurred_and_one_out_of_time() -> None:
    # Three advance notifications: n2 (1 February 2027) of NAME-B for D = 10 January 2028, after
    # the requirements end with 4 January 2028: no notice can be due for it; n3 (2 February
    # 2027) of NAME-C for D = 10 February, used that day: it occurred; n4 (3 February) of
    # NAME-D for D = 20 February, never used: notice within 6 days beginning with 20 February,
    # by 25 February 2027 (s.84(4)(b)), and the fact is the advance notification.
    items = (
        advance("n2", date(2027, 2, 1), date(2028, 1, 10), "NAME-B"),
        advance("n3", date(2027, 2, 2), date(2027, 2, 10), "NAME-C"),
        advance("n4", date(2027, 2, 3), date(2027, 2, 20), "NAME-D"),
        NameUsed(date=date(2027, 2, 10), name="NAME-C"),
    )
    [notice] = duties(DutyKind.NON_OCCURRENCE, *items, as_of=date(2027, 3, 1))
    assert (notice.fact, notice.trigger_date, notice.deadline) == (
        "notifications[3]",
        date(2027, 2, 20),
        date(2027, 2, 25),
    )
    assert said(notice)[1] == window(
        "ew.s84.non_occurrence",
        "Notice of non-occurrence",
        date(2027, 2, 20),
        date(2027, 2, 25),
        "notifications[3]",
        days=6,
    )


def test_a_notice_names_every_kind_of_detail_restated() -> None:
    # The advance notification of 20 February 2026 for D = 1 March gives NAME-A and ADDR-1
    # (both notified on 5 January) and PREM-6, never stayed at: notice of non-occurrence is due
    # for PREM-6; the name and the home were restated.
    items = (
        advance(
            "n2",
            date(2026, 2, 20),
            date(2026, 3, 1),
            "NAME-A",
            home_address=home("ADDR-1"),
            other_premises=("PREM-6",),
        ),
    )
    [notice] = duties(DutyKind.NON_OCCURRENCE, *items, as_of=date(2026, 3, 10))
    assert said(notice)[2][1] == (
        "notifications[1] also restates details already notified (a name, the home address): "
        "those announce no change, so no event is expected for them; the notice concerns the "
        "others."
    )


def test_the_notice_of_non_occurrence_in_a_ruleset_of_its_own() -> None:
    # A ruleset derived with the notice of non-occurrence as its only duty still finds the days
    # each change occurred: the advance notification of 2 February 2026 of NAME-B for
    # D = 10 February, NAME-B never used: notice by 15 February.
    only = ENGLAND_AND_WALES.derive(name="notices only", duties=[non_occurrence_duties])
    items = (advance("n2", date(2026, 2, 2), date(2026, 2, 10), "NAME-B"),)
    [notice] = assess(case(*items), date(2026, 3, 1), ruleset=only).duties
    assert (notice.kind, notice.deadline) == (DutyKind.NON_OCCURRENCE, date(2026, 2, 15))


def test_a_notice_window_with_a_day_of_release_met_either_way_is_assessed_once() -> None:
    # The advance notification of 2 February 2026 of NAME-B for D = Tuesday 10 February; NAME-B
    # never used. Remanded on 11 February, released on 12 February (the release recorded that
    # day). The 6 days beginning with D, time detained not counted (s.84(5)), end on 16 February
    # (17 February if the day of release is not counted); the notice is given on 13 February,
    # in time either way. The case is assessed once, and not flagged.
    items = (
        advance("n2", date(2026, 2, 2), date(2026, 2, 10), "NAME-B"),
        Notification(id="n3", date=date(2026, 2, 12), kind="change", release=True),
        Notification(
            id="n4", date=date(2026, 2, 13), kind="non_occurrence", expected_date=date(2026, 2, 10)
        ),
    )
    remand = Detention(kind="remand", start=date(2026, 2, 11), end=date(2026, 2, 12))
    ruleset, calls = counting(ENGLAND_AND_WALES)
    result = assess(case(*items, detentions=(remand,)), date(2026, 3, 1), ruleset=ruleset)
    [notice] = result.duties_of(DutyKind.NON_OCCURRENCE)
    assert (notice.deadline, notice.state, notice.discharged_by) == (
        date(2026, 2, 16),
        DutyState.MET,
        "n4",
    )
    assert result.flags == ()
    assert calls == [date(2026, 3, 1)]


# --- s.84(3)-(4)(a) with s.85(6): whether a move makes the home notified ----------------------


@pytest.mark.parametrize(
    ("moved", "rule", "due"),
    [
        (date(2026, 2, 7), "ew.s85.annual", date(2027, 2, 14)),
        (date(2026, 2, 8), "ew.s85.weekly", date(2026, 2, 21)),
        (date(2026, 2, 12), "ew.s85.weekly", date(2026, 2, 21)),
        (date(2026, 2, 13), "ew.s85.annual", date(2027, 2, 14)),
    ],
)
def test_a_move_covered_or_not_by_its_advance_notification_and_the_weekly_basis(
    moved: date, rule: str, due: date
) -> None:
    # Home ADDR-1, a sole or main residence, notified on 5 January 2026. The advance notification
    # of 1 February gives LOC-2, a place with no sole or main residence, for D = 10 February; the
    # move to LOC-2 comes on `moved`. A change notification of 14 February gives a new name only.
    # On 8 February (D-2) or 12 February (D+2) the advance notification covers the move
    # (s.84(3)-(4)(a)): LOC-2 is the last home address notified from the move, so the next
    # notification after 14 February is weekly (s.85(6)): within 7 days, by 21 February. On
    # 7 February (D-3: "more than 2 days before", s.84(3)) or 13 February (D+3: after "the period
    # of 3 days beginning with" D, s.84(4)(a)) it does not: ADDR-1 is still the last home
    # notified, and the next notification is due within 1 year, by 14 February 2027.
    location = HomeAddress(kind="no_sole_or_main_residence", reference="LOC-2")
    items = (
        advance("n2", date(2026, 2, 1), date(2026, 2, 10), home_address=location),
        HomeAddressChange(date=moved, home_address=location),
        Notification(id="n3", date=date(2026, 2, 14), kind="change", names=("NAME-A", "NAME-B")),
    )
    [cycle] = [d for d in duties(DutyKind.PERIODIC, *items) if d.trigger_date == date(2026, 2, 14)]
    assert (cycle.reasons[0].rule_id, cycle.deadline) == (rule, due)


def test_of_two_homes_notified_on_one_day_the_later_listed_is_the_last() -> None:
    # Two change notifications of 11 February 2026: n2 gives ADDR-3, n3 (a correction) ADDR-2.
    # ADDR-2 is the home last notified. The advance notification of 1 March for D = 10 March
    # gives NAME-B and ADDR-2: ADDR-2 announces no move; NAME-B is used on 10 March, so no notice
    # of non-occurrence is due.
    items = (
        Notification(id="n2", date=date(2026, 2, 11), kind="change", home_address=home("ADDR-3")),
        Notification(id="n3", date=date(2026, 2, 11), kind="change", home_address=home("ADDR-2")),
        advance("n4", date(2026, 3, 1), date(2026, 3, 10), "NAME-B", home_address=home("ADDR-2")),
        NameUsed(date=date(2026, 3, 10), name="NAME-B"),
    )
    assert duties(DutyKind.NON_OCCURRENCE, *items) == []


# --- s.84(2), (4): a notification on the advance form of a move already made --------------------


def test_an_advance_form_given_after_the_move_it_gives_is_no_advance_notification() -> None:
    # The person moves to ADDR-2 on Friday 13 February 2026, and on 14 February gives ADDR-2 on
    # the advance form with 14 February as its date. It is not given before the change
    # (s.84(2)): it notifies the move under s.84(1), within the 3 days beginning with
    # 13 February (by 15 February). s.84(4) applies only to a notification given in accordance
    # with s.84(2), and the move had in any case occurred by the end of the 3 days beginning
    # with 14 February: no notice of non-occurrence is due. As for a name so notified.
    # Later moves (to ADDR-3 on 1 March, back to ADDR-2 on 10 March) change nothing of this.
    items = (
        HomeAddressChange(date=date(2026, 2, 13), home_address=home("ADDR-2")),
        advance("n2", date(2026, 2, 14), date(2026, 2, 14), home_address=home("ADDR-2")),
        HomeAddressChange(date=date(2026, 3, 1), home_address=home("ADDR-3")),
        HomeAddressChange(date=date(2026, 3, 10), home_address=home("ADDR-2")),
    )
    move = duties(DutyKind.CHANGE_OF_HOME_ADDRESS, *items)[0]
    assert (move.deadline, move.state, move.discharged_by) == (
        date(2026, 2, 15),
        DutyState.MET,
        "n2",
    )
    assert duties(DutyKind.NON_OCCURRENCE, *items) == []


def test_an_advance_notification_of_a_move_back_to_an_earlier_home_still_expects_the_move() -> None:
    # The person lived at ADDR-2 (a move there on 12 January 2026) and moved to ADDR-3 on
    # 20 January. The advance notification of 1 February gives ADDR-2 for D = 10 February: the
    # person does not live there when it is given, so it announces a move back (s.84(2)). No
    # move by 12 February (D+2): notice of non-occurrence within 6 days beginning with
    # 10 February, by 15 February (s.84(4)(b)).
    items = (
        HomeAddressChange(date=date(2026, 1, 12), home_address=home("ADDR-2")),
        HomeAddressChange(date=date(2026, 1, 20), home_address=home("ADDR-3")),
        advance("n2", date(2026, 2, 1), date(2026, 2, 10), home_address=home("ADDR-2")),
    )
    [notice] = duties(DutyKind.NON_OCCURRENCE, *items)
    assert (notice.trigger_date, notice.deadline) == (date(2026, 2, 10), date(2026, 2, 15))
