"""Prescribed changes (SOA 2003 s.84(1)(ca); SI 2012/1876) and notifications of prescribed
details within a periodic cycle (s.85(2)(b)), at their edges, worked by hand from the statute."""

from __future__ import annotations

from datetime import date

from sexoffender_rules import assess
from sexoffender_rules.assessment import DutyKind, DutyState
from sexoffender_rules.engine import Alternative, Timeline
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.england_and_wales.prescribed import prescribed_duties
from sexoffender_rules.model import (
    Case,
    Detention,
    Event,
    NameUsed,
    Notification,
    Person,
    PrescribedChange,
    Trigger,
)
from sexoffender_rules.policy import PartialDays, Policy

ADULT = Person(reference="FICTIONAL-0980", date_of_birth=date(1975, 1, 1))
OPENED = PrescribedChange(date=date(2026, 3, 2), kind="bank_account", reference="ACCT-1")


def notified_caution(
    *notifications: Notification,
    events: tuple[Event, ...] = (),
    detentions: tuple[Detention, ...] = (),
) -> Case:
    # Cautioned and notified Mon 5 January 2026 (s.83(1)): subject for 2 years (s.82(1)).
    return Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        events=events,
        detentions=detentions,
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            *notifications,
        ),
    )


def test_a_prescribed_change_after_another_kind_of_event_is_still_a_duty() -> None:
    # A name first used on Sun 1 March 2026 (s.84(1)(a)), then an account opened Mon 2 March
    # (s.84(1)(ca)): each is its own duty; the account is to be notified within 3 days beginning
    # with the 2nd, by Wed 4 March 2026. Notified on the 3rd with its reference: met.
    case = notified_caution(
        Notification(id="n2", date=date(2026, 3, 3), kind="prescribed", prescribed=("ACCT-1",)),
        events=(NameUsed(date=date(2026, 3, 1), name="NAME-B"), OPENED),
    )
    [duty] = assess(case, date(2026, 3, 10)).duties_of(DutyKind.PRESCRIBED_CHANGE)
    assert (duty.fact, duty.trigger_date, duty.deadline) == (
        "events[1]",
        date(2026, 3, 2),
        date(2026, 3, 4),
    )
    assert (duty.state, duty.discharged_by) == (DutyState.MET, "n2")


def test_a_prescribed_change_window_over_a_release_gives_the_other_readings_deadline() -> None:
    # Account opened Mon 2 March 2026; remanded from Tue 3 March, released Thu 5 March. The
    # 3 days beginning with the 2nd do not count time in custody (s.83(6), applied by s.84(5)):
    # at liberty at the end of the day (the default reading) the days are 2, 5, 6 March, deadline
    # Fri 6 March; counting only whole days at liberty, the 5th is not one: 2, 6, 7 March,
    # deadline Sat 7 March.
    case = notified_caution(
        events=(OPENED,),
        detentions=(Detention(kind="remand", start=date(2026, 3, 3), end=date(2026, 3, 5)),),
    )
    timeline = Timeline.build(case, date(2026, 3, 20), Policy())
    registration = ENGLAND_AND_WALES.registration(timeline, ENGLAND_AND_WALES)
    [finding] = prescribed_duties(timeline, registration, ENGLAND_AND_WALES)
    assert (finding.fact, finding.deadline) == ("events[0]", date(2026, 3, 6))
    assert finding.alternatives == (
        Alternative(
            "partial_days", PartialDays.WHOLE_DAY_AT_LIBERTY, (("deadline", date(2026, 3, 7)),)
        ),
    )


def test_a_prescribed_notification_on_the_day_a_cycle_ends_is_in_neither_cycle() -> None:
    # Under the reading that a notification of prescribed details only does not restart the
    # period (policy.prescribed_restarts_periodic=False): notified 5 January 2026 (n1), the
    # annual notification Mon 4 January 2027 (n2) and, the same day, an account (p1). The
    # first cycle runs from 5 January 2026 to the day n2 ends it and the second starts with
    # n2: p1, on that very day, is given neither during the first cycle nor after the second
    # began, so neither names it; each is due one year after it starts (s.85(1)).
    case = notified_caution(
        Notification(id="n2", date=date(2027, 1, 4), kind="periodic"),
        Notification(id="p1", date=date(2027, 1, 4), kind="prescribed", prescribed=("ACCT-9",)),
    )
    policy = Policy(prescribed_restarts_periodic=False)
    periodic = assess(case, date(2027, 1, 10), policy).duties_of(DutyKind.PERIODIC)
    assert [(d.trigger_date, d.deadline) for d in periodic] == [
        (date(2026, 1, 5), date(2027, 1, 5)),
        (date(2027, 1, 4), date(2028, 1, 4)),
    ]
    assert not any(r.rule_id == "ew.s85.prescribed_event" for d in periodic for r in d.reasons)
