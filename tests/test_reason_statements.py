"""The reasons the England and Wales rules give, in full, for cases worked by hand.

A reason's statement, facts, dates and readings are the explanation a user relies on, so each
test states all of them for one duty of a small case whose dates are worked from the statute in
its comment.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from sexoffender_rules import CalendarPeriod, assess
from sexoffender_rules.assessment import Duty, DutyKind, DutyState, Responsible
from sexoffender_rules.calendar import add_days
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.model import (
    Case,
    ConditionalDischarge,
    Detention,
    HomeAddress,
    Imprisonment,
    NameUsed,
    Notification,
    Order,
    OtherDisposal,
    ParentalDirection,
    Person,
    PrescribedChange,
    ReviewDetermination,
    Trigger,
)
from sexoffender_rules.policy import Policy

PERSON = Person(reference="FICTIONAL-0950", date_of_birth=date(1980, 1, 1))
CAUTION = Trigger(id="t1", kind="caution", date=date(2026, 3, 6))  # a Friday
SCENARIOS = Path(__file__).parent / "scenarios" / "england_and_wales"
LIBERTY = "partial_days=liberty_at_end_of_day"  # the default reading of a day partly away


def said(duty: Duty) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


def reason(rule: str, statement: str, *facts: str) -> tuple[Any, ...]:
    """A reason of ``rule`` naming ``facts`` and no date or reading."""
    return (rule, statement, facts, (), ())


def imprisoned(trigger_id: str, day: date, months: int) -> Trigger:
    """A conviction on ``day`` with a sentence of ``months`` months' imprisonment."""
    disposal = Imprisonment(term=CalendarPeriod(months=months))
    return Trigger(id=trigger_id, kind="conviction", date=day, disposal=disposal)


def window(fact: str, first: date, last: date) -> tuple[Any, ...]:
    """The reason of an initial notification's 3 days from ``first`` to ``last``, with no time away
    in them (s.83(1))."""
    return (
        "ew.s83.initial",
        f"Initial notification: 3 days beginning with {first.isoformat()} end on "
        f"{last.isoformat()}.",
        (fact,),
        (("deadline", last),),
        (),
    )


def only(case: Case, as_of: date, kind: DutyKind, policy: Policy | None = None) -> Duty:
    [duty] = assess(case, as_of, policy).duties_of(kind)
    return duty


def test_the_initial_window_names_the_days_away_and_the_reading_of_the_day_of_release() -> None:
    # s.83(1): 3 days beginning with the relevant date, Fri 6 March 2026 (the caution); s.83(6)
    # leaves out the days remanded in custody. Remanded 7-10 March: under the default reading a
    # day counts if the person is at liberty at its end, so 7, 8, 9 are not counted and the
    # release day 10 is. Counted: 6, 10, 11, so the deadline is 11 March; without the remand it
    # would be 8 March, 3 days earlier. The release day lies in the window, so the reading is
    # named. Not notified by 11 March: in breach from 12 March (s.91(1)(a)).
    case = Case(
        person=PERSON,
        triggers=(CAUTION,),
        detentions=(Detention(kind="remand", start=date(2026, 3, 7), end=date(2026, 3, 10)),),
    )
    duty = only(case, date(2026, 3, 12), DutyKind.INITIAL)
    assert said(duty)[0] == (
        "ew.s83.initial",
        "Initial notification: 3 days beginning with 2026-03-06 end on 2026-03-11 "
        "(not counting 3 days detained or abroad).",
        ("triggers[0]",),
        (("deadline", date(2026, 3, 11)),),
        (LIBERTY,),
    )


def test_an_initial_window_with_no_time_away_names_no_reading() -> None:
    # 3 days beginning with Fri 6 March 2026 end on Sun 8 March (s.83(1)); the remand of
    # 20-25 March begins after the window, so its release day (the only day the readings count
    # differently) is outside it and no reading is named, nor any days not counted. (Assessed on
    # 30 March, after the remand, so that it is known.)
    case = Case(
        person=PERSON,
        triggers=(CAUTION,),
        detentions=(Detention(kind="remand", start=date(2026, 3, 20), end=date(2026, 3, 25)),),
    )
    duty = only(case, date(2026, 3, 30), DutyKind.INITIAL)
    assert said(duty)[0] == window("triggers[0]", date(2026, 3, 6), date(2026, 3, 8))


def test_an_initial_window_while_still_remanded_has_no_deadline_yet() -> None:
    # Remanded from 7 March 2026 with no release recorded: only 6 March has been counted of the
    # 3 days (s.83(1), (6)), so the end of the window is not yet fixed.
    case = Case(
        person=PERSON,
        triggers=(CAUTION,),
        detentions=(Detention(kind="remand", start=date(2026, 3, 7)),),
    )
    duty = only(case, date(2026, 3, 12), DutyKind.INITIAL)
    assert duty.deadline is None
    assert said(duty) == [
        (
            "ew.s83.initial",
            "Initial notification: 3 days beginning with 2026-03-06, not counting time detained "
            "or abroad; the person is still away, so the deadline is not yet fixed.",
            ("triggers[0]",),
            (),
            (LIBERTY,),
        )
    ]


def s81_case(*notifications: Notification) -> Case:
    # Convicted 10 January 1999 and sentenced to 36 months: an indefinite period (s.82(1)), so
    # subject to Part 2 from its commencement on 1 May 2004 (s.81(1)).
    return Case(
        person=Person(reference="FICTIONAL-0951", date_of_birth=date(1960, 1, 1)),
        triggers=(imprisoned("t1", date(1999, 1, 10), 36),),
        notifications=notifications,
    )


TRANSITIONAL_START = (
    "ew.s83.transitional",
    "The relevant date 1999-01-10 is before 1 May 2004: the 3 days begin with 1 May 2004 "
    "(s.83(1)).",
    ("triggers[0]",),
    (),
    (),
)
# s.83(1) 'or, if later, the commencement of this Part': 3 days beginning with Sat 1 May 2004
# end on Mon 3 May 2004.
TRANSITIONAL_WINDOW = (
    "ew.s83.initial",
    "Initial notification: 3 days beginning with 2004-05-01 end on 2004-05-03.",
    ("triggers[0]",),
    (("deadline", date(2004, 5, 3)),),
    (),
)


def test_a_relevant_date_before_part_2_with_no_1997_notification_leaves_the_duty() -> None:
    # No notification before 1 May 2004 is recorded, so s.83(3) is not shown to excuse the duty;
    # none by 3 May 2004, so in breach from 4 May 2004 (s.91(1)(a)).
    duty = only(s81_case(), date(2004, 6, 1), DutyKind.INITIAL)
    assert (duty.fact, duty.trigger_date) == ("triggers[0]", date(2004, 5, 1))
    assert said(duty)[:3] == [
        TRANSITIONAL_START,
        TRANSITIONAL_WINDOW,
        (
            "ew.s83.transitional",
            "No notification before 1 May 2004 is recorded, so compliance with s.2(1) of the Sex "
            "Offenders Act 1997 is not shown and s.83(3) does not excuse the initial "
            "notification. The first notification under Part 2 answers it, whether recorded as "
            "initial, change or periodic (documented reading).",
            ("triggers[0]",),
            (),
            (),
        ),
    ]
    assert duty.state is DutyState.OVERDUE


def test_a_1997_act_notification_excuses_the_initial_notification() -> None:
    # Notified on 20 January 1999, after the relevant date and before 1 May 2004: taken as the
    # s.2(1) 1997 Act notification, so s.83(3) excuses the s.83(1) duty.
    notified = Notification(id="n0", date=date(1999, 1, 20), kind="initial")
    duty = only(s81_case(notified), date(2004, 6, 1), DutyKind.INITIAL)
    assert said(duty) == [
        TRANSITIONAL_START,
        TRANSITIONAL_WINDOW,
        (
            "ew.s83.transitional",
            "Notified on 1999-01-20, before 1 May 2004: taken as compliance with s.2(1) of the "
            "Sex Offenders Act 1997, so no initial notification is required (s.83(3)).",
            ("triggers[0]", "notifications[0]"),
            (),
            (),
        ),
    ]
    assert duty.state is DutyState.NOT_REQUIRED


def second_caution(first: date, *detentions: Detention) -> Case:
    # A caution on `first`, notified that day, and another on Fri 6 March 2026.
    return Case(
        person=Person(reference="FICTIONAL-0952", date_of_birth=date(1980, 1, 1)),
        triggers=(
            Trigger(id="t1", kind="caution", date=first),
            Trigger(id="t2", kind="caution", date=date(2026, 3, 6)),
        ),
        notifications=(Notification(id="n1", date=first, kind="initial"),),
        detentions=detentions,
    )


def excused(notified: date, end: str) -> tuple[Any, ...]:
    """The reason s.83(2) or (4) excuses triggers[1]'s initial notification, through triggers[0]
    notified on ``notified`` (notifications[0])."""
    return (
        "ew.s83.exception",
        f"Already subject through triggers[0] and notified under s.83(1) on {notified.isoformat()}, "
        f"and still subject through it to the end of the 3 days: no initial notification is "
        f"required{end}",
        ("triggers[1]", "triggers[0]", "notifications[0]"),
        (),
        (),
    )


def test_s83_2_excuses_a_second_caution_while_the_first_period_outlasts_the_3_days() -> None:
    # First caution 9 March 2024: 2 years beginning with it (s.82(1)) end on 8 March 2026. The
    # second caution's 3 days are 6-8 March 2026; on 5 March the person was subject through the
    # first and had notified it on 9 March 2024, and stays subject to 8 March: s.83(2) applies.
    duty = assess(second_caution(date(2024, 3, 9)), date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[
        1
    ]
    assert said(duty) == [
        window("triggers[1]", date(2026, 3, 6), date(2026, 3, 8)),
        excused(date(2024, 3, 9), "."),
    ]
    assert duty.state is DutyState.NOT_REQUIRED


def test_s83_2_does_not_excuse_when_the_first_period_ends_a_day_before_the_deadline() -> None:
    # First caution 8 March 2024: its 2 years end on 7 March 2026, before the end of the second
    # caution's 3 days (8 March), so s.83(2)(c) fails and the duty stands; none was given, so it
    # is overdue on 20 March.
    duty = assess(second_caution(date(2024, 3, 8)), date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[
        1
    ]
    assert [r.rule_id for r in duty.reasons] == ["ew.s83.initial", "ew.s91.breach"]
    assert duty.state is DutyState.OVERDUE


def test_s83_2_cannot_be_settled_while_the_3_days_are_not_yet_fixed() -> None:
    # First caution 5 January 2026 (2 years, to 4 January 2028), notified that day. Remanded
    # from 7 March 2026 with no release recorded: the end of the second caution's 3 days is not
    # fixed, so whether the person stays subject through the first to that end cannot yet be
    # settled (s.83(2)(c)), though (a) and (b) hold.
    case = second_caution(date(2026, 1, 5), Detention(kind="remand", start=date(2026, 3, 7)))
    duty = assess(case, date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[1]
    assert said(duty)[1] == reason(
        "ew.s83.exception",
        "s.83(2) may excuse this through triggers[0], but not until the end of the 3 days is "
        "fixed (the person is still detained or abroad): (c) cannot yet be settled.",
        "triggers[1]",
        "triggers[0]",
    )
    assert duty.state is DutyState.SUSPENDED


@pytest.mark.parametrize(
    ("convicted", "end", "readings"),
    [
        # 18 months beginning with 28 January 2026 end on 27 July 2027: adding months to the 28th
        # always lands on a day every month has, so no reading is named.
        (date(2026, 1, 28), date(2027, 7, 27), ()),
        # From the 29th adding months may land on a day a month lacks (29 February in a common
        # year), so the reading of such a day is named, though July has a 29th.
        (date(2026, 1, 29), date(2027, 7, 28), ("leap_day=next_day",)),
        (date(2026, 1, 30), date(2027, 7, 29), ("leap_day=next_day",)),
    ],
)
def test_a_period_in_months_names_the_month_end_reading_only_from_the_29th(
    convicted: date, end: date, readings: tuple[str, ...]
) -> None:
    # s.82(1) table: a conditional discharge of 18 months gives that period, beginning with the
    # relevant date (the conviction). The person (born 30 January 1980) attains 18 on 30 January
    # 1998; whole years from a day other than 29 February need no reading.
    case = Case(
        person=Person(reference="FICTIONAL-0953", date_of_birth=date(1980, 1, 30)),
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=convicted,
                disposal=ConditionalDischarge(period=CalendarPeriod(months=18)),
            ),
        ),
    )
    [source] = assess(case, date(2026, 3, 1)).registration.sources
    reasons = [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in source.reasons]
    assert (
        "ew.age",
        "The person attains 18 on 1998-01-30, so is 18 or over on the relevant date.",
        (),
        (("attains_18", date(1998, 1, 30)),),
        (),
    ) in reasons
    assert reasons[-1] == (
        "ew.s82.period",
        f"18 months beginning with {convicted.isoformat()} end on {end.isoformat()}.",
        (),
        (("end", end),),
        readings,
    )


def notified_caution(day: date, home: HomeAddress | None = None, *detentions: Detention) -> Case:
    # An adult cautioned on `day` and notifying that day (s.83(1)), with `home` as home address.
    return Case(
        person=Person(reference="FICTIONAL-0954", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=day),),
        notifications=(Notification(id="n1", date=day, kind="initial", home_address=home),),
        detentions=detentions,
    )


RESIDENCE = HomeAddress(kind="residence", reference="ADDR-1")
NO_RESIDENCE = HomeAddress(kind="no_sole_or_main_residence", reference="PLACE-1")


RESIDING = "the last home address notified is a sole or main residence"
NO_HOME = "no home address has been notified, so s.85(6) does not apply"
PLACE = "the last home address notified is a place with no sole or main residence"
ANNUAL, WEEKLY = "ew.s85.annual", "ew.s85.weekly"


@pytest.mark.parametrize(
    ("day", "home", "rule", "words", "due", "readings"),
    [
        # s.85(1), (5)(b): within one year after the notification, ending on its corresponding
        # date, 5 January 2027; a sole or main residence notified, so s.85(6) does not apply.
        (date(2026, 1, 5), RESIDENCE, ANNUAL, RESIDING, date(2027, 1, 5), ()),
        # No home address notified: one year, to 30 January 2027 (whole years from the 30th
        # land on a day every year has, so no reading is named).
        (date(2026, 1, 30), None, ANNUAL, NO_HOME, date(2027, 1, 30), ()),
        # From 29 February 2024 one year after has no corresponding day in 2025; the default
        # reading takes the previous day, 28 February 2025, and is named.
        (
            date(2024, 2, 29),
            None,
            ANNUAL,
            NO_HOME,
            date(2025, 2, 28),
            ("corresponding_date=previous_day",),
        ),
        # A place with no sole or main residence, notified after 13 August 2012: one week
        # (s.85(5)(a), (6); SI 2012/1876), 30 January to 6 February 2026; no month-end reading.
        (date(2026, 1, 30), NO_RESIDENCE, WEEKLY, PLACE, date(2026, 2, 6), ()),
        # The same before 13 August 2012: weekly notification not yet in force, one year.
        (
            date(2011, 3, 1),
            NO_RESIDENCE,
            ANNUAL,
            "weekly notification was not yet in force",
            date(2012, 3, 1),
            (),
        ),
    ],
)
def test_the_periodic_reason_names_the_home_address_basis_and_the_due_day(
    day: date,
    home: HomeAddress | None,
    rule: str,
    words: str,
    due: date,
    readings: tuple[str, ...],
) -> None:
    duty = only(notified_caution(day, home), add_days(day, 2), DutyKind.PERIODIC)
    period = "1 week" if rule == "ew.s85.weekly" else "1 year"
    assert said(duty) == [
        (
            rule,
            f"Notified on {day.isoformat()}; {words}: the next notification is due within "
            f"{period} after it, by {due.isoformat()}.",
            ("notifications[0]",),
            (("due", due),),
            readings,
        )
    ]
    assert duty.deadline == due


@pytest.mark.parametrize(
    ("released", "as_of", "words", "deadline"),
    [
        # Due 5 January 2027 (one year after 5 January 2026), while remanded from 20 December
        # 2026 to 10 January 2027: s.85(3)-(4) continue the period to the end of 3 days
        # beginning when the remand ends. Released on the 10th and at liberty at its end (the
        # default reading), the days are 10, 11, 12 January: the deadline is 12 January 2027.
        (
            date(2027, 1, 10),
            date(2027, 1, 11),
            "the end of 3 days beginning when that ends, 2027-01-12.",
            date(2027, 1, 12),
        ),
        # Still remanded: the 3 days of s.85(3) have not begun, so there is no deadline yet.
        (None, date(2027, 2, 1), "3 days after that ends, which it has not yet.", None),
    ],
)
def test_a_periodic_deadline_in_custody_continues_for_3_days_from_release(
    released: date | None, as_of: date, words: str, deadline: date | None
) -> None:
    remand = Detention(kind="remand", start=date(2026, 12, 20), end=released)
    duty = only(notified_caution(date(2026, 1, 5), None, remand), as_of, DutyKind.PERIODIC)
    assert said(duty) == [
        (
            "ew.s85.annual",
            "Notified on 2026-01-05; no home address has been notified, so s.85(6) does not "
            "apply: the next notification is due within 1 year after it, by 2027-01-05.",
            ("notifications[0]",),
            (("due", date(2027, 1, 5)),),
            (),
        ),
        (
            "ew.s85.extension",
            f"2027-01-05 falls while detained or abroad: the period continues until {words}",
            (),
            (("deadline", deadline),) if deadline else (),
            (LIBERTY,),
        ),
    ]
    assert duty.deadline == deadline
    assert (duty.state is DutyState.SUSPENDED) is (deadline is None)


def test_the_first_periodic_notification_after_commencement_for_a_person_subject_under_s81() -> (
    None
):
    # Subject from 1 May 2004 (s.81(1)): the commencement is an event under s.85(2)(a), so the
    # next notification is due within one year after it, by 1 May 2005. Nothing is notified.
    duty = only(s81_case(), date(2004, 6, 1), DutyKind.PERIODIC)
    assert said(duty) == [
        (
            "ew.s85.first_after_commencement",
            "Subject from 1 May 2004 through triggers[0] (s.81(1)): the commencement of Part 2 is "
            "an event under s.85(2)(a); the next notification is due within 1 year after it, by "
            "2005-05-01.",
            ("triggers[0]",),
            (("due", date(2005, 5, 1)),),
            (),
        )
    ]
    assert (duty.trigger_date, duty.deadline) == (date(2004, 5, 1), date(2005, 5, 1))


def scenario(name: str) -> tuple[Case, date]:
    """The case and assessment date of a golden scenario (its working is in the file)."""
    data = json.loads((SCENARIOS / f"{name}.json").read_text(encoding="utf-8"))
    return case_from_data(data["case"]), date.fromisoformat(data["as_of"])


def made_subject(rule: str, fact: str, words: str, first: date) -> tuple[Any, ...]:
    """The reason why the 3 days for ``fact``, made subject by orders[0], begin on ``first``."""
    return (
        rule,
        f"{fact}: made subject by orders[0]; {words}",
        (fact, "orders[0]"),
        (("initial_from", first),),
        (),
    )


def test_the_initial_window_of_a_police_notice_begins_with_the_notice() -> None:
    # Convicted abroad 5 October 2020; a notice given in person on Mon 16 January 2023
    # (s.96ZA(3)). s.83(1A), s.96ZC(4): the 3 days begin with the day the notice was given,
    # 16-18 January 2023; notified on 20 January, so in breach on 19 and 20 January (s.91).
    case, as_of = scenario("241-police-notice-offence-abroad-initial-late")
    duty = only(case, as_of, DutyKind.INITIAL)
    assert said(duty)[:2] == [
        made_subject(
            "ew.s96za.notice",
            "triggers[0]",
            "the 3 days begin with the day the notice was given, 2023-01-16 (s.83(1A), s.96ZC(4)).",
            date(2023, 1, 16),
        ),
        window("triggers[0]", date(2023, 1, 16), date(2023, 1, 18)),
    ]
    assert (duty.trigger_date, duty.state) == (date(2023, 1, 16), DutyState.MET_LATE)


def test_a_notification_order_for_a_person_already_subject_and_notified() -> None:
    # t1: convicted 3 June 2019 (5 years, to 2 June 2024), notified 4 June 2019 (n1). t2:
    # convicted abroad 1 February 2016; a notification order made 1 March 2021, served Wed
    # 3 March 2021. s.98(4): the 3 days begin with service, 3-5 March 2021. s.83(4): on
    # 28 February 2021, the day before the order was made, subject through t1 and notified for
    # it, and subject through t1 to 5 March: no initial notification is required. s.85(2)(a)
    # with s.98(4): service is an event, so a notification is due within one year after it,
    # by 3 March 2022.
    case, as_of = scenario("249-notification-order-already-subject-and-notified")
    assessment = assess(case, as_of)
    duty = assessment.duties_of(DutyKind.INITIAL)[1]
    assert said(duty) == [
        made_subject(
            "ew.s98.notification_order",
            "triggers[1]",
            "the 3 days begin with the relevant date or, if later, the date of service of the "
            "order (s.83(1) read with s.98(4)): 2021-03-03.",
            date(2021, 3, 3),
        ),
        window("triggers[1]", date(2021, 3, 3), date(2021, 3, 5)),
        excused(date(2019, 6, 4), " (s.83(4))."),
    ]
    [served] = [d for d in assessment.duties_of(DutyKind.PERIODIC) if d.fact == "triggers[1]"]
    assert said(served) == [
        (
            "ew.s98.notification_order",
            "Subject through triggers[1] under a notification order served on 2021-03-03: the "
            "date of service is read as the commencement of Part 2 (s.98(4)), an event under "
            "s.85(2)(a); the next notification is due within 1 year after it, by 2022-03-03.",
            ("triggers[1]",),
            (("due", date(2022, 3, 3)),),
            (),
        )
    ]
    assert (served.trigger_date, served.discharged_by) == (date(2021, 3, 3), "n3")


def youth_caution(
    direction: ParentalDirection, born: date = date(2011, 1, 1), *detentions: Detention
) -> Case:
    # A young person cautioned on Mon 2 March 2026: the initial notification is due within 3 days
    # beginning with it, by Wed 4 March (s.83(1)).
    return Case(
        person=Person(reference="FICTIONAL-0955", date_of_birth=born),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 2)),),
        parental_directions=(direction,),
        detentions=detentions,
    )


def parents_duty(until: date, includes: str) -> tuple[Any, ...]:
    """The reason a direction made on 2 March 2026 and having effect to ``until`` makes the duty
    the parent's."""
    return (
        "ew.s89.parental_direction",
        f"A parental direction (parental_directions[0]) has effect from 2026-03-02 to "
        f"{until.isoformat()}, which includes {includes}: the duty is the parent's, who must also "
        "ensure the young offender attends (s.89(2)); a failure to comply is the parent's "
        "offence, not the young offender's (s.91(1)(a)).",
        ("parental_directions[0]", "triggers[0]"),
        (("direction_from", date(2026, 3, 2)), ("direction_until", until)),
        (),
    )


def test_a_parental_direction_makes_the_duty_the_parents_until_the_18th_birthday() -> None:
    # Born 1 January 2011, the young offender attains 18 on 1 January 2029, so the direction
    # made on 2 March 2026 has effect to 31 December 2028 (s.89(3)(a)), including the deadline
    # 4 March 2026: the obligations are the parent's (s.89(2)).
    duty = only(
        youth_caution(ParentalDirection(made=date(2026, 3, 2))), date(2026, 3, 3), DutyKind.INITIAL
    )
    assert said(duty) == [
        window("triggers[0]", date(2026, 3, 2), date(2026, 3, 4)),
        parents_duty(date(2028, 12, 31), "the deadline 2026-03-04"),
    ]
    assert duty.responsible is Responsible.PARENT


def test_a_parental_direction_and_a_deadline_not_yet_fixed_look_at_the_assessment_date() -> None:
    # Remanded from 3 March 2026 with no release: the 3 days are not over, so the direction is
    # looked at on the assessment date, 20 March 2026, when it has effect.
    case = youth_caution(
        ParentalDirection(made=date(2026, 3, 2)),
        date(2011, 1, 1),
        Detention(kind="remand", start=date(2026, 3, 3)),
    )
    duty = only(case, date(2026, 3, 20), DutyKind.INITIAL)
    assert said(duty)[1] == parents_duty(date(2028, 12, 31), "the assessment date")
    assert duty.responsible is Responsible.PARENT


YOUNG = date(2011, 1, 1)  # a birthday that leaves the person under 18 throughout
PARENT, OFFENDER = Responsible.PARENT, Responsible.OFFENDER


@pytest.mark.parametrize(
    ("ends", "discharged", "born", "responsible"),
    [
        # A shorter period set by the court (s.89(3)(b)) whose last day is the deadline 4 March:
        # the direction has effect on it; one ending on 3 March does not.
        (date(2026, 3, 4), None, YOUNG, PARENT),
        (date(2026, 3, 3), None, YOUNG, OFFENDER),
        # Discharged from 5 March (s.90): in effect on 4 March; discharged from 4 March: not.
        (None, date(2026, 3, 5), YOUNG, PARENT),
        (None, date(2026, 3, 4), YOUNG, OFFENDER),
        # Attaining 18 on 5 March 2026 (born 5 March 2008): the direction has effect to 4 March
        # (s.89(3)(a)); attaining 18 on the deadline day itself, it has ended.
        (None, None, date(2008, 3, 5), PARENT),
        (None, None, date(2008, 3, 4), OFFENDER),
    ],
)
def test_a_parental_direction_has_effect_to_the_last_day_of_its_period(
    ends: date | None, discharged: date | None, born: date, responsible: Responsible
) -> None:
    direction = ParentalDirection(made=date(2026, 3, 2), ends=ends, discharged=discharged)
    duty = only(youth_caution(direction, born), date(2026, 3, 3), DutyKind.INITIAL)
    assert duty.responsible is responsible


def bank_account(*notifications: Notification) -> Case:
    # Cautioned and notified on 5 January 2026; an account opened on Mon 2 March 2026, a
    # prescribed change (s.84(1)(ca); SI 2012/1876) to notify within 3 days beginning with it,
    # by Wed 4 March.
    case = notified_caution(date(2026, 1, 5))
    opened = PrescribedChange(date=date(2026, 3, 2), kind="bank_account", reference="ACCT-1")
    return attrs.evolve(case, events=(opened,), notifications=(*case.notifications, *notifications))


BANK_WINDOW = (
    "ew.s84.prescribed",
    "Prescribed change (bank account): 3 days beginning with 2026-03-02 end on 2026-03-04.",
    ("events[0]",),
    (("deadline", date(2026, 3, 4)),),
    (),
)


@pytest.mark.parametrize(
    ("counts", "words", "state"),
    [
        (True, "it answers the duty.", DutyState.MET),
        (
            False,
            "only a notification under s.83(1) or s.84(1) answers the duty.",
            DutyState.OVERDUE,
        ),
    ],
)
def test_a_periodic_notification_giving_the_account_answers_only_under_its_reading(
    counts: bool, words: str, state: DutyState
) -> None:
    # The annual notification of 3 March 2026 (s.85(1)) carries the account: under
    # policy.periodic_notifies_changes it answers the s.84(1)(ca) duty; under the literal
    # reading nothing answers it by 4 March, so it is overdue on 20 March.
    case = bank_account(
        Notification(id="n2", date=date(2026, 3, 3), kind="periodic", prescribed=("ACCT-1",))
    )
    policy = Policy(periodic_notifies_changes=counts)
    duty = only(case, date(2026, 3, 20), DutyKind.PRESCRIBED_CHANGE, policy)
    assert said(duty)[:2] == [
        BANK_WINDOW,
        (
            "ew.s84.prescribed",
            f"notifications[1] is a periodic notification (s.85(1)) that gives its details: {words}",
            ("events[0]", "notifications[1]"),
            (),
            (f"periodic_notifies_changes={str(counts).lower()}",),
        ),
    ]
    assert duty.state is state


def test_a_periodic_notification_after_the_answer_is_not_mentioned() -> None:
    # The account is notified on 3 March (a notification of prescribed details) and the annual
    # notification of 4 March repeats it: the duty was answered on 3 March, before it.
    case = bank_account(
        Notification(id="n2", date=date(2026, 3, 3), kind="prescribed", prescribed=("ACCT-1",)),
        Notification(id="n3", date=date(2026, 3, 4), kind="periodic", prescribed=("ACCT-1",)),
    )
    duty = only(case, date(2026, 3, 20), DutyKind.PRESCRIBED_CHANGE)
    assert said(duty) == [BANK_WINDOW]
    assert duty.discharged_by == "n2"


def test_a_notification_of_prescribed_details_restarts_the_period_by_default() -> None:
    # s.85(2)(b): a notification under s.84(1)(ca) on 4 March 2026 is an event, so the period
    # runs again from it, to 4 March 2027, and the cycle from 5 January is discharged by it.
    case = bank_account(
        Notification(id="n2", date=date(2026, 3, 4), kind="prescribed", prescribed=("ACCT-1",))
    )
    first, second = assess(case, date(2026, 3, 20)).duties_of(DutyKind.PERIODIC)
    assert first.discharged_by == "n2"
    assert said(second)[1:] == [
        (
            "ew.s85.prescribed_event",
            "notifications[1] gives prescribed details only: a notification under s.84(1)(ca), an "
            "event that restarts the period (s.85(2)(b)).",
            ("notifications[1]",),
            (),
            ("prescribed_restarts_periodic=true",),
        )
    ]


def test_a_notification_of_prescribed_details_keeps_the_annual_date_under_the_other_reading() -> (
    None
):
    # Under the Home Office reading it does not restart the period: the cycle from 5 January 2026
    # runs on to 5 January 2027, and only notifications of prescribed details after its start
    # and up to the assessment date (4 March 2026, the day of n3) are named: n2, given on the
    # day the cycle started, is not.
    case = bank_account(
        Notification(id="n2", date=date(2026, 1, 5), kind="prescribed", prescribed=("ACCT-0",)),
        Notification(id="n3", date=date(2026, 3, 4), kind="prescribed", prescribed=("ACCT-1",)),
    )
    policy = Policy(prescribed_restarts_periodic=False)
    duty = only(case, date(2026, 3, 4), DutyKind.PERIODIC, policy)
    assert said(duty)[1:] == [
        (
            "ew.s85.prescribed_event",
            "notifications[2] gives prescribed details only: such information is given under s.83 "
            "and does not alter the annual notification date, so it does not restart the period.",
            ("notifications[2]",),
            (),
            ("prescribed_restarts_periodic=false",),
        )
    ]
    assert duty.deadline == date(2027, 1, 5)


def review_reasons(case: Case, as_of: date) -> tuple[date | None, list[tuple[Any, ...]]]:
    """The first day a review may be sought for the case's one source, and the reasons of the
    review rules (ss.91A-91C) about it."""
    [source] = assess(case, as_of).registration.sources
    reasons = [
        (r.rule_id, r.statement, r.facts, r.dates, r.readings)
        for r in source.reasons
        if r.rule_id.startswith(("ew.s91b.", "ew.s91c."))
    ]
    return source.review_from, reasons


def qualifying(statement: str, facts: tuple[str, ...], dates: Any) -> tuple[Any, ...]:
    """A reason of the rule on the qualifying date for a review (s.91B), naming no reading."""
    return ("ew.s91b.qualifying_date", statement, facts, dates, ())


# The notification after release from the sentence in scenarios 172-175: released 19 April
# 2010, first notified 20 April 2010 (n1); adult, so s.91B(2)(a): 15 years beginning with
# 20 April 2010 end on 19 April 2025, and the qualifying date is 20 April 2025.
AFTER_RELEASE_2010 = (
    "ew.s91b.qualifying_date",
    "Indefinite period; 18 or over on the relevant date: the relevant notification (the first "
    "notification on or after 2010-04-19, the day of release (detained on the relevant date)) is "
    "notifications[0] on 2010-04-20; the 15-year period beginning with it ends on 2025-04-19, so "
    "the qualifying date is 2025-04-20 (s.91B(2)).",
    ("triggers[0]", "notifications[0]"),
    (("relevant_notification", date(2010, 4, 20)), ("qualifying_date", date(2025, 4, 20))),
    (),
)


SHPO_WORDS = (
    "orders[0]: a sexual harm prevention order has effect until 2027-07-02: while it has effect "
    "the person is not a qualifying relevant offender (s.91A(2)), so may first apply for a "
    "review on 2027-07-03."
)
SHPO_BAR = qualifying(SHPO_WORDS, ("orders[0]",), (("review_from", date(2027, 7, 3)),))
FURTHER_WORDS = (
    "review_determinations[0]: a determination that the person must remain subject, made on "
    "2025-09-01: the further qualifying date is the day after the end of the 8-year period "
    "beginning with it, 2033-09-01 (s.91B(3))."
)
FURTHER_DATE = qualifying(
    FURTHER_WORDS, ("review_determinations[0]",), (("qualifying_date", date(2033, 9, 1)),)
)


@pytest.mark.parametrize(
    ("name", "review_from", "reasons"),
    [
        # s.91C: notice of a determination that he need not remain subject received on 1 June
        # 2026; ceasing to be subject that day, the last day subject is 31 May 2026.
        (
            "172-review-discharges-indefinite-requirements",
            None,
            [
                (
                    "ew.s91c.discharged",
                    "review_determinations[0]: notice of a determination that the person need "
                    "not remain subject was received on 2026-06-01: the person ceases to be "
                    "subject that day; the last day subject is 2026-05-31.",
                    ("review_determinations[0]",),
                    (("ceased", date(2026, 6, 1)), ("end", date(2026, 5, 31))),
                    (),
                )
            ],
        ),
        ("173-review-qualifying-date-adult-after-release", date(2025, 4, 20), [AFTER_RELEASE_2010]),
        # An SHPO made 3 July 2017 for 10 years has effect until 2 July 2027: not a qualifying
        # relevant offender while it has effect (s.91A(2)), so a review from 3 July 2027.
        (
            "174-review-not-while-an-shpo-has-effect",
            date(2027, 7, 3),
            [
                AFTER_RELEASE_2010,
                SHPO_BAR,
            ],
        ),
        # A determination made 1 September 2025 that he must remain subject, no longer period
        # set: s.91B(3), 8 years beginning with it end on 31 August 2033, so 1 September 2033.
        (
            "175-review-further-qualifying-date-after-continue",
            date(2033, 9, 1),
            [
                AFTER_RELEASE_2010,
                FURTHER_DATE,
            ],
        ),
        # Aged 16 on the relevant date (s.91B(2)(b): 8 years); released 13 November 2018, first
        # notified 14 November 2018: 8 years end on 13 November 2026, so 14 November 2026.
        (
            "176-review-qualifying-date-age-16-released-later",
            date(2026, 11, 14),
            [
                (
                    "ew.s91b.qualifying_date",
                    "Indefinite period; under 18 on the relevant date: the relevant notification "
                    "(the first notification on or after 2018-11-13, the day of release (detained "
                    "on the relevant date)) is notifications[0] on 2018-11-14; the 8-year period "
                    "beginning with it ends on 2026-11-13, so the qualifying date is 2026-11-14 "
                    "(s.91B(2)).",
                    ("triggers[0]", "notifications[0]"),
                    (
                        ("relevant_notification", date(2018, 11, 14)),
                        ("qualifying_date", date(2026, 11, 14)),
                    ),
                    (),
                )
            ],
        ),
    ],
)
def test_the_review_reasons_of_the_golden_scenarios(
    name: str, review_from: date | None, reasons: list[tuple[Any, ...]]
) -> None:
    assert review_reasons(*scenario(name)) == (review_from, reasons)


# Convicted 4 January 2010 (an adult) and sentenced to 36 months: an indefinite period (s.82(1)).
LONG_SENTENCE = imprisoned("t1", date(2010, 1, 4), 36)
# Not recorded as detained on the relevant date, the relevant notification is the first on or
# after it, n1 on 5 January 2010; 15 years beginning with it end on 4 January 2025, so the
# qualifying date is 5 January 2025 (s.91B(2)(a)).
FIRST_NOTIFIED_2010 = qualifying(
    "Indefinite period; 18 or over on the relevant date: the relevant notification (the first "
    "notification on or after 2010-01-04) is notifications[0] on 2010-01-05; the 15-year period "
    "beginning with it ends on 2025-01-04, so the qualifying date is 2025-01-05 (s.91B(2)).",
    ("triggers[0]", "notifications[0]"),
    (("relevant_notification", date(2010, 1, 5)), ("qualifying_date", date(2025, 1, 5))),
)


def long_sentence(**facts: Any) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0957", date_of_birth=date(1970, 1, 1)),
        triggers=(LONG_SENTENCE,),
        **facts,
    )


NOTIFIED = (Notification(id="n1", date=date(2010, 1, 5), kind="initial"),)


def test_the_relevant_notification_of_a_person_not_detained_is_the_first_after_conviction() -> None:
    case = long_sentence(notifications=NOTIFIED)
    assert review_reasons(case, date(2026, 1, 10)) == (date(2025, 1, 5), [FIRST_NOTIFIED_2010])


def test_no_qualifying_date_while_detained_since_the_relevant_date() -> None:
    # Serving the sentence since 4 January 2010 with no release recorded: the relevant
    # notification is the first after release, not yet given.
    case = long_sentence(detentions=(Detention(kind="sentence", start=date(2010, 1, 4)),))
    assert review_reasons(case, date(2026, 1, 10)) == (
        None,
        [
            qualifying(
                "Indefinite period: the relevant notification (the first after release; detained "
                "on the relevant date, not released) has not been given by the assessment date, "
                "so the qualifying date for a review (s.91B(2)) is not yet known.",
                ("triggers[0]",),
                (),
            )
        ],
    )


def test_a_determination_to_remain_subject_with_a_longer_period_set() -> None:
    # Notice of a determination that he must remain subject received 3 March 2025, no date of
    # the determination recorded, a 10-year period set (s.91B(3)-(5)): 10 years beginning with
    # 3 March 2025 end on 2 March 2035, so the further qualifying date is 3 March 2035.
    review = ReviewDetermination(
        notice_received=date(2025, 3, 3), outcome="continue", further_review_years=10
    )
    case = long_sentence(notifications=NOTIFIED, review_determinations=(review,))
    assert review_reasons(case, date(2026, 1, 10)) == (
        date(2035, 3, 3),
        [
            FIRST_NOTIFIED_2010,
            qualifying(
                "review_determinations[0]: a determination that the person must remain subject, "
                "made on 2025-03-03 (the day the notice was received): the further qualifying "
                "date is the day after the end of the 10-year period beginning with it, "
                "2035-03-03 (s.91B(3)-(5)).",
                ("review_determinations[0]",),
                (("qualifying_date", date(2035, 3, 3)),),
            ),
        ],
    )


def test_a_1997_act_notification_on_the_relevant_date_itself_excuses_the_duty() -> None:
    # s.2(1) of the 1997 Act asks for notification within 14 days beginning with the relevant
    # date, so one given on the conviction day, 10 January 1999, is that compliance: s.83(3)
    # excuses the s.83(1) duty.
    notified = Notification(id="n0", date=date(1999, 1, 10), kind="initial")
    duty = only(s81_case(notified), date(2004, 6, 1), DutyKind.INITIAL)
    assert said(duty)[2] == reason(
        "ew.s83.transitional",
        "Notified on 1999-01-10, before 1 May 2004: taken as compliance with s.2(1) of the Sex "
        "Offenders Act 1997, so no initial notification is required (s.83(3)).",
        "triggers[0]",
        "notifications[0]",
    )
    assert duty.state is DutyState.NOT_REQUIRED


def unknown_s81_then_caution(cautioned: date, *notifications: Notification) -> Case:
    """A conviction of 1 June 1996 (12 months) whose s.81(3) condition is not recorded, and a
    caution on ``cautioned``."""
    return Case(
        person=Person(reference="FICTIONAL-0958", date_of_birth=date(1950, 8, 8)),
        triggers=(
            imprisoned("t1", date(1996, 6, 1), 12),
            Trigger(id="t2", kind="caution", date=cautioned),
        ),
        notifications=notifications,
    )


def test_a_source_whose_s81_condition_is_unknown_leaves_later_sources_their_duties() -> None:
    # t1: convicted 1 June 1996 (before 1 September 1997), 12 months: whether s.81(3) lets it
    # count is not recorded, so no initial duty is asserted for it. t2: a caution on Mon 7 June
    # 2004 gives its own duty, 3 days beginning with it, to 9 June 2004 (s.83(1)); nothing is
    # notified, so it is overdue on 20 June.
    duty = only(unknown_s81_then_caution(date(2004, 6, 7)), date(2004, 6, 20), DutyKind.INITIAL)
    assert said(duty)[0] == window("triggers[1]", date(2004, 6, 7), date(2004, 6, 9))
    assert duty.state is DutyState.OVERDUE


def test_two_notifications_on_one_day_start_one_periodic_cycle() -> None:
    # s.85(1): the year runs from the day of each notification; an initial one and a change of
    # name given on the same day, 5 January 2026, start the same year, to 5 January 2027, and
    # neither discharges the other's duty.
    case = attrs.evolve(
        notified_caution(date(2026, 1, 5)),
        events=(NameUsed(date=date(2026, 1, 5), name="NAME-B"),),
    )
    case = attrs.evolve(
        case,
        notifications=(
            *case.notifications,
            Notification(id="n2", date=date(2026, 1, 5), kind="change", names=("NAME-B",)),
        ),
    )
    duty = only(case, date(2026, 2, 1), DutyKind.PERIODIC)
    assert (duty.fact, duty.deadline, duty.discharged_by) == (
        "notifications[0]",
        date(2027, 1, 5),
        None,
    )


def test_a_notification_on_1_may_2004_answers_the_first_periodic_duty_after_commencement() -> None:
    # s.85(2)(a): the year runs from the commencement, 1 May 2004; a notification given on that
    # day itself is within it (the documented choice), so it discharges the duty.
    notified = Notification(id="n1", date=date(2004, 5, 1), kind="periodic")
    duties = assess(s81_case(notified), date(2004, 6, 1)).duties_of(DutyKind.PERIODIC)
    first = next(d for d in duties if d.fact == "triggers[0]")
    assert (first.trigger_date, first.discharged_by) == (date(2004, 5, 1), "n1")


def test_s83_2_excuses_a_later_caution_through_a_source_subject_from_1_may_2004() -> None:
    # t1 (s.81): subject indefinitely from 1 May 2004 and notified under s.83(1) on 2 May 2004.
    # t2: a caution on Fri 6 March 2026. On 5 March the person was subject through t1, had
    # notified it, and stays subject through it (indefinitely) to the end of t2's 3 days
    # (8 March): s.83(2) excuses t2's initial notification.
    case = s81_case(Notification(id="n1", date=date(2004, 5, 2), kind="initial"))
    case = attrs.evolve(
        case, triggers=(*case.triggers, Trigger(id="t2", kind="caution", date=date(2026, 3, 6)))
    )
    duty = assess(case, date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[1]
    assert said(duty) == [
        window("triggers[1]", date(2026, 3, 6), date(2026, 3, 8)),
        excused(date(2004, 5, 2), "."),
    ]


STILL_REMANDED = Detention(kind="remand", start=date(2026, 3, 7))


@pytest.mark.parametrize(
    ("first", "open_c"),
    [
        # First caution 9 March 2024: its 2 years end on 8 March 2026, the last of the second
        # caution's 3 days counted without time away (6, 7, 8 March); remanded from 7 March, the
        # end of the 3 days is not fixed: it is 8 March at the earliest, so whether the person
        # stays subject to it (c) cannot yet be settled.
        (date(2024, 3, 9), True),
        # First caution 8 March 2024: its 2 years end on 7 March 2026. The 3 days cannot end
        # before 8 March, so the person cannot stay subject through it to their end: (c) fails
        # already, and s.83(2) is not said to be open.
        (date(2024, 3, 8), False),
        # First caution 6 March 2024: subject through it on 5 March (its last day), but no
        # longer during the 3 days: the same.
        (date(2024, 3, 6), False),
    ],
)
def test_s83_2_is_said_to_be_open_only_while_the_first_period_can_outlast_the_3_days(
    first: date, open_c: bool
) -> None:
    duty = assess(second_caution(first, STILL_REMANDED), date(2026, 3, 20)).duties_of(
        DutyKind.INITIAL
    )[1]
    assert any(r.rule_id == "ew.s83.exception" for r in duty.reasons) is open_c
    assert duty.state is DutyState.SUSPENDED


def test_s83_2_excuses_a_caution_the_day_after_the_first() -> None:
    # First caution Thu 5 March 2026, notified that day; the second on Fri 6 March. Immediately
    # before it, on 5 March, the person was subject through the first (2 years, to 4 March 2028)
    # and had notified it, and stays subject to the end of the 3 days (8 March): s.83(2).
    duty = assess(second_caution(date(2026, 3, 5)), date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[
        1
    ]
    assert said(duty)[1] == excused(date(2026, 3, 5), ".")
    assert duty.state is DutyState.NOT_REQUIRED


def test_a_source_whose_s81_condition_is_unknown_cannot_excuse_a_later_caution() -> None:
    # t1: convicted 1 June 1996, 12 months; whether s.81(3) lets it count is not recorded, so it
    # is not shown that the person was subject through it on 5 June 2005 (s.83(2)(a)), though an
    # initial notification was given on 3 May 2004. t2: a caution on Mon 6 June 2005 keeps its
    # duty, 3 days to 8 June 2005; nothing more is notified, so it is overdue on 20 June.
    notified = Notification(id="n1", date=date(2004, 5, 3), kind="initial")
    case = unknown_s81_then_caution(date(2005, 6, 6), notified)
    duty = only(case, date(2005, 6, 20), DutyKind.INITIAL)
    assert said(duty)[0] == window("triggers[1]", date(2005, 6, 6), date(2005, 6, 8))
    assert duty.state is DutyState.OVERDUE


FINE = OtherDisposal()
FINED_ABROAD = Trigger(
    id="t1", kind="conviction", date=date(2020, 10, 5), abroad=True, disposal=FINE
)


def test_a_conviction_awaiting_sentence_is_no_earlier_event_for_a_police_notice() -> None:
    # t1: convicted abroad 5 October 2020 and fined; a notice given on Mon 16 January 2023
    # (s.96ZA): 3 days beginning with it, to 18 January (s.83(1A)). t2: convicted 10 January
    # 2022, not yet sentenced, so its period is not known and it cannot show s.83(4)(a) or (c).
    case = Case(
        person=Person(reference="FICTIONAL-0961", date_of_birth=date(1988, 4, 25)),
        triggers=(FINED_ABROAD, Trigger(id="t2", kind="conviction", date=date(2022, 1, 10))),
        orders=(Order(id="o1", kind="police_notice", made=date(2023, 1, 16), trigger="t1"),),
    )
    duty = assess(case, date(2023, 2, 1)).duties_of(DutyKind.INITIAL)[1]
    assert said(duty)[1] == window("triggers[0]", date(2023, 1, 16), date(2023, 1, 18))
    assert duty.state is DutyState.OVERDUE


def test_a_police_notice_given_later_does_not_hide_an_earlier_period_from_a_later_caution() -> None:
    # t1: a caution on Mon 8 January 2018, notified that day: 2 years, to 7 January 2020. t2:
    # convicted abroad 1 June 2018 and fined (5 years, to 31 May 2023), a notice given 16 January
    # 2023 (s.96ZA, in force from 29 November 2022) making the person subject from then. t3: a
    # caution on Mon 4 March 2019: its 3 days are 4-6 March 2019; on 3 March the person was
    # subject through t1 and had notified it, and stays subject to 6 March: s.83(2) excuses
    # t3's notification, however much later t2's notice came.
    case = Case(
        person=Person(reference="FICTIONAL-0962", date_of_birth=date(1980, 1, 1)),
        triggers=(
            Trigger(id="t1", kind="caution", date=date(2018, 1, 8)),
            attrs.evolve(FINED_ABROAD, id="t2", date=date(2018, 6, 1)),
            Trigger(id="t3", kind="caution", date=date(2019, 3, 4)),
        ),
        notifications=(Notification(id="n1", date=date(2018, 1, 8), kind="initial"),),
        orders=(Order(id="o1", kind="police_notice", made=date(2023, 1, 16), trigger="t2"),),
    )
    duties = assess(case, date(2023, 2, 1)).duties_of(DutyKind.INITIAL)
    [third] = [d for d in duties if d.fact == "triggers[2]"]
    assert third.state is DutyState.NOT_REQUIRED
    assert said(third)[-1][2] == ("triggers[2]", "triggers[0]", "notifications[0]")


def test_s83_4_looks_past_a_source_made_subject_by_a_later_notice() -> None:
    # t2: convicted abroad 1 June 2018 and fined, a notice given Mon 16 January 2023: 3 days,
    # 16-18 January. t0: convicted abroad 7 January 2019 and fined, a notice given 1 March 2023:
    # not subject through it before then. t1: a caution on 6 June 2022 (2 years, to 5 June
    # 2024), notified that day. s.83(4), s.96ZC(5): immediately before the notice to t2, on
    # 15 January 2023, subject through t1 and notified for it, and subject through it to
    # 18 January: no initial notification is needed for t2.
    case = Case(
        person=Person(reference="FICTIONAL-0963", date_of_birth=date(1980, 1, 1)),
        triggers=(
            attrs.evolve(FINED_ABROAD, id="t2", date=date(2018, 6, 1)),
            attrs.evolve(FINED_ABROAD, id="t0", date=date(2019, 1, 7)),
            Trigger(id="t1", kind="caution", date=date(2022, 6, 6)),
        ),
        notifications=(Notification(id="n1", date=date(2022, 6, 6), kind="initial"),),
        orders=(
            Order(id="o1", kind="police_notice", made=date(2023, 1, 16), trigger="t2"),
            Order(id="o2", kind="police_notice", made=date(2023, 3, 1), trigger="t0"),
        ),
    )
    duties = assess(case, date(2023, 4, 1)).duties_of(DutyKind.INITIAL)
    [notice] = [d for d in duties if d.fact == "triggers[0]"]
    assert notice.state is DutyState.NOT_REQUIRED
    assert said(notice)[-1][2] == ("triggers[0]", "triggers[2]", "notifications[0]")


def test_s83_2_needs_the_earlier_event_notified_before_the_new_one() -> None:
    # t1: a caution on 5 January 2026, not notified then. t2: a caution on Fri 6 March 2026,
    # notified that day (n1). Immediately before t2 the person had made no notification under
    # s.83(1) for t1 (s.83(2)(b)), so t2's duty stands, and n1 meets it on its first day.
    case = Case(
        person=Person(reference="FICTIONAL-0964", date_of_birth=date(1980, 1, 1)),
        triggers=(
            Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),
            Trigger(id="t2", kind="caution", date=date(2026, 3, 6)),
        ),
        notifications=(Notification(id="n1", date=date(2026, 3, 6), kind="initial"),),
    )
    duty = assess(case, date(2026, 3, 20)).duties_of(DutyKind.INITIAL)[1]
    assert (duty.state, duty.discharged_by) == (DutyState.MET, "n1")
