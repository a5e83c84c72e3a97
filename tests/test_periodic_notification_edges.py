"""Periodic notification (SOA 2003 s.85) at its edges, worked by hand from the statute.

The s.85(3)-(4) extension where the period would end while detained, and the deadline under the
other reading of a day partly spent away (``DutyFinding.alternatives``); the s.85(2)(a) event of
the commencement of Part 2 (s.81) and of the service of a notification order (s.98(4)); the
home address that decides the applicable period (s.85(5)-(6)); a periodic interval of months; and
notifications of prescribed details only within a cycle (policy.prescribed_restarts_periodic).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sexoffender_rules import CalendarPeriod, assess
from sexoffender_rules.assessment import Duty, DutyKind
from sexoffender_rules.engine import Alternative, DutyFinding, Timeline
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.england_and_wales.periodic import periodic_duties
from sexoffender_rules.law import Ruleset
from sexoffender_rules.model import (
    Case,
    Detention,
    HomeAddress,
    HomeAddressChange,
    Imprisonment,
    Notification,
    Order,
    Person,
    PrescribedChange,
    Trigger,
)
from sexoffender_rules.policy import NoCorrespondingDay, PartialDays, Policy

ADULT = Person(reference="FICTIONAL-0960", date_of_birth=date(1970, 1, 1))
LIBERTY, WHOLE_DAY = PartialDays.LIBERTY_AT_END_OF_DAY, PartialDays.WHOLE_DAY_AT_LIBERTY
RESIDENCE = HomeAddress(kind="residence", reference="ADDR-1")
NO_RESIDENCE = HomeAddress(kind="no_sole_or_main_residence", reference="PLACE-1")


def findings(
    case: Case, as_of: date, policy: Policy | None = None, ruleset: Ruleset = ENGLAND_AND_WALES
) -> list[DutyFinding]:
    """The periodic duties of ``case`` as s.85 finds them, before the engine settles them (the
    duty function run on its own, as a reform may run it)."""
    timeline = Timeline.build(case, as_of, policy or Policy())
    return list(periodic_duties(timeline, ruleset.registration(timeline, ruleset), ruleset))


def said(duty: Duty | DutyFinding) -> list[tuple[Any, ...]]:
    """Each reason of ``duty`` as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in duty.reasons]


def notified_caution(day: date, *detentions: Detention, home: HomeAddress | None = None) -> Case:
    """An adult cautioned on ``day`` who notifies that day (s.83(1)), with ``home`` as home
    address, and no more."""
    return Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="caution", date=day),),
        notifications=(Notification(id="n1", date=day, kind="initial", home_address=home),),
        detentions=detentions,
    )


def remand(start: date, end: date | None) -> Detention:
    return Detention(kind="remand", start=start, end=end)


def imprisoned(trigger_id: str, day: date, months: int, *, abroad: bool = False) -> Trigger:
    """A conviction on ``day`` with a sentence of ``months`` months' imprisonment."""
    disposal = Imprisonment(term=CalendarPeriod(months=months))
    return Trigger(id=trigger_id, kind="conviction", date=day, disposal=disposal, abroad=abroad)


def annual(day: date, due: date) -> tuple[Any, ...]:
    """The s.85(1) reason of a cycle started by notifications[0] on ``day``, no home address
    notified."""
    return (
        "ew.s85.annual",
        f"Notified on {day.isoformat()}; no home address has been notified, so s.85(6) does not "
        f"apply: the next notification is due within 1 year after it, by {due.isoformat()}.",
        ("notifications[0]",),
        (("due", due),),
        (),
    )


def extension(due: date, deadline: date | None, reading: PartialDays) -> tuple[Any, ...]:
    """The s.85(3) reason of a period due on ``due`` that ends while detained."""
    words = (
        f"the end of 3 days beginning when that ends, {deadline.isoformat()}."
        if deadline
        else "3 days after that ends, which it has not yet."
    )
    return (
        "ew.s85.extension",
        f"{due.isoformat()} falls while detained or abroad: the period continues until {words}",
        (),
        (("deadline", deadline),) if deadline else (),
        (f"partial_days={reading.value}",),
    )


# --------------------------------------------------------------------------------------------
# s.85(3)-(4): the period continued while detained, under each reading of a partial day
# --------------------------------------------------------------------------------------------


def test_a_period_ending_in_custody_gives_the_deadline_under_the_other_reading() -> None:
    # Cautioned and notified Mon 5 January 2026: due within one year after, by 5 January 2027
    # (s.85(1), (5)(b)). Remanded from 20 December 2026, released 10 January 2027: the period
    # would end while remanded, so it continues until the end of 3 days beginning when the
    # remand ceases (s.85(3)-(4)). At liberty at the end of the 10th (the default reading), the
    # 3 days are 10, 11, 12 January: deadline 12 January. Counting only whole days at liberty,
    # the 10th is still a day in custody, the 3 days are 11, 12, 13 January: 13 January.
    case = notified_caution(date(2026, 1, 5), remand(date(2026, 12, 20), date(2027, 1, 10)))
    for policy, other, deadline, theirs in (
        (LIBERTY, WHOLE_DAY, date(2027, 1, 12), date(2027, 1, 13)),
        (WHOLE_DAY, LIBERTY, date(2027, 1, 13), date(2027, 1, 12)),
    ):
        [finding] = findings(case, date(2027, 1, 20), Policy(partial_days=policy))
        assert finding.deadline == deadline
        assert said(finding) == [
            annual(date(2026, 1, 5), date(2027, 1, 5)),
            extension(date(2027, 1, 5), deadline, policy),
        ]
        assert finding.alternatives == (
            Alternative("partial_days", other, (("deadline", theirs),)),
        )


def test_a_period_ending_on_the_day_of_release_is_extended_under_one_reading_only() -> None:
    # Due 5 January 2027 as above; remanded from 20 December 2026 and released on the due day.
    # At liberty at the end of 5 January (the default reading), the period does not end while
    # remanded: the deadline stays 5 January and no extension is given. Counting only whole days
    # at liberty, 5 January is a day in custody, so the period continues for 3 days beginning
    # when that ceases, with 6 January: 6, 7, 8 January, deadline 8 January (s.85(3)-(4)).
    case = notified_caution(date(2026, 1, 5), remand(date(2026, 12, 20), date(2027, 1, 5)))
    [finding] = findings(case, date(2027, 1, 20))
    assert finding.deadline == date(2027, 1, 5)
    assert said(finding) == [annual(date(2026, 1, 5), date(2027, 1, 5))]
    assert finding.alternatives == (
        Alternative("partial_days", WHOLE_DAY, (("deadline", date(2027, 1, 8)),)),
    )
    # The other way round: extended under whole days at liberty, the default reading's deadline
    # the due day itself.
    [finding] = findings(case, date(2027, 1, 20), Policy(partial_days=WHOLE_DAY))
    assert finding.deadline == date(2027, 1, 8)
    assert said(finding)[1] == extension(date(2027, 1, 5), date(2027, 1, 8), WHOLE_DAY)
    assert finding.alternatives == (
        Alternative("partial_days", LIBERTY, (("deadline", date(2027, 1, 5)),)),
    )


def test_a_period_ending_in_custody_not_yet_ended_names_the_reading_with_no_change() -> None:
    # Due 5 January 2027, remanded from 20 December 2026 and still remanded on 1 February 2027:
    # under either reading the remand has not ceased, so the 3 days of s.85(3) have not begun
    # and there is no deadline yet. The reason names the reading; the other reading changes
    # nothing, and says so.
    case = notified_caution(date(2026, 1, 5), remand(date(2026, 12, 20), None))
    [finding] = findings(case, date(2027, 2, 1))
    assert finding.deadline is None
    assert said(finding)[1] == extension(date(2027, 1, 5), None, LIBERTY)
    assert finding.alternatives == (Alternative("partial_days", WHOLE_DAY, ()),)


def test_a_period_ending_at_liberty_away_from_any_release_has_no_alternative() -> None:
    # Due 5 January 2027; remanded 1-10 March 2026, long before: the due day is at liberty under
    # both readings and is not a day of release, so no reading can change the deadline.
    case = notified_caution(date(2026, 1, 5), remand(date(2026, 3, 1), date(2026, 3, 10)))
    [finding] = findings(case, date(2027, 1, 20))
    assert (finding.deadline, finding.alternatives) == (date(2027, 1, 5), ())
    assert said(finding) == [annual(date(2026, 1, 5), date(2027, 1, 5))]


# --------------------------------------------------------------------------------------------
# s.85(2)(a): the commencement of Part 2 (s.81) and the service of a notification order (s.98(4))
# --------------------------------------------------------------------------------------------


def s81_case(*detentions: Detention) -> Case:
    # Convicted 10 January 1999 and 1 March 2000, each time sentenced to 36 months: indefinite
    # periods (s.82(1)), so subject to Part 2 from its commencement, 1 May 2004 (s.81(1)).
    return Case(
        person=ADULT,
        triggers=(imprisoned("t1", date(1999, 1, 10), 36), imprisoned("t2", date(2000, 3, 1), 36)),
        detentions=detentions,
    )


def test_the_first_periodic_deadline_after_commencement_continues_in_custody() -> None:
    # Subject from 1 May 2004 through both convictions (s.81(1)): the commencement is one event
    # under s.85(2)(a), so a notification is due within one year after it, by 1 May 2005.
    # Remanded from 20 April to 10 May 2005: the period would end while remanded, so it
    # continues until the end of 3 days beginning when that ceases (s.85(3)-(4)): 10, 11,
    # 12 May 2005 at liberty at the end of the 10th; 11, 12, 13 May counting whole days only.
    # Nothing is notified.
    case = s81_case(remand(date(2005, 4, 20), date(2005, 5, 10)))
    [finding] = findings(case, date(2005, 6, 1))
    assert (finding.trigger_date, finding.deadline) == (date(2004, 5, 1), date(2005, 5, 12))
    assert finding.discharged_by is None
    assert said(finding) == [
        (
            "ew.s85.first_after_commencement",
            "Subject from 1 May 2004 through triggers[0], triggers[1] (s.81(1)): the "
            "commencement of Part 2 is an event under s.85(2)(a); the next notification is due "
            "within 1 year after it, by 2005-05-01.",
            ("triggers[0]", "triggers[1]"),
            (("due", date(2005, 5, 1)),),
            (),
        ),
        extension(date(2005, 5, 1), date(2005, 5, 12), LIBERTY),
    ]
    assert finding.alternatives == (
        Alternative("partial_days", WHOLE_DAY, (("deadline", date(2005, 5, 13)),)),
    )


def abroad_case(served: date, *notifications: Notification) -> Case:
    # Convicted abroad Mon 1 February 2016 and Wed 1 February 2017, each time sentenced to
    # 4 months: '6 months or less', 7 years (s.82(1)) beginning with the conviction, to
    # 31 January 2023 and 31 January 2024. Notification orders for both made Mon 1 March 2021
    # and served on `served` (s.97, s.98).
    return Case(
        person=ADULT,
        triggers=(
            imprisoned("t1", date(2016, 2, 1), 4, abroad=True),
            imprisoned("t2", date(2017, 2, 1), 4, abroad=True),
        ),
        orders=tuple(
            Order(
                id=f"o{i}",
                kind="notification_order",
                made=date(2021, 3, 1),
                served=served,
                trigger=f"t{i}",
            )
            for i in (1, 2)
        ),
        notifications=notifications,
    )


def test_two_notification_orders_served_on_one_day_are_one_event() -> None:
    # Both orders served Wed 3 March 2021: service is read as the commencement of Part 2
    # (s.98(4)), one event under s.85(2)(a) for both convictions: due within one year after it,
    # by 3 March 2022. The initial notification on 4 March 2021 (n1) is the first on or after
    # it and answers it.
    case = abroad_case(
        date(2021, 3, 3), Notification(id="n1", date=date(2021, 3, 4), kind="initial")
    )
    served, cycle = findings(case, date(2021, 4, 1))
    assert said(served) == [
        (
            "ew.s98.notification_order",
            "Subject through triggers[0], triggers[1] under a notification order served on "
            "2021-03-03: the date of service is read as the commencement of Part 2 (s.98(4)), an "
            "event under s.85(2)(a); the next notification is due within 1 year after it, by "
            "2022-03-03.",
            ("triggers[0]", "triggers[1]"),
            (("due", date(2022, 3, 3)),),
            (),
        )
    ]
    assert (served.trigger_date, served.fact, served.deadline) == (
        date(2021, 3, 3),
        "triggers[0]",
        date(2022, 3, 3),
    )
    assert served.discharged_by is not None
    assert served.discharged_by.id == "n1"
    assert cycle.trigger_date == date(2021, 3, 4)


def ordered(convicted: date, made: date, served: date) -> Case:
    """Convicted abroad on ``convicted`` and sentenced to 4 months (7 years, s.82(1)), with a
    notification order made on ``made`` and served on ``served`` (s.97, s.98)."""
    order = Order(id="o1", kind="notification_order", made=made, served=served, trigger="t1")
    return Case(
        person=ADULT,
        triggers=(imprisoned("t1", convicted, 4, abroad=True),),
        orders=(order,),
    )


def test_an_order_served_after_the_period_has_ended_starts_no_periodic_period() -> None:
    # Convicted abroad 1 February 2016, 4 months: subject for 7 years to 31 January 2023 once an
    # order is made (s.82(1), s.98(1)). The order is made 20 January 2023 but served only
    # 10 February 2023, after the period has ended: the person is no longer a relevant offender
    # on the day read as the commencement (s.98(4)), so no periodic duty arises from it (s.85(1)
    # binds a relevant offender). Nothing is notified, so no cycle starts either.
    case = ordered(date(2016, 2, 1), date(2023, 1, 20), date(2023, 2, 10))
    assert findings(case, date(2023, 3, 1)) == []


def test_an_order_served_on_29_february_names_the_reading_of_the_corresponding_day() -> None:
    # Convicted abroad Mon 10 January 2022, 4 months: 7 years to 9 January 2029 (s.82(1)). The
    # order is made Mon 26 February 2024 and served Thu 29 February 2024: an event under
    # s.85(2)(a) with s.98(4). One year after 29 February 2024 has no corresponding day in 2025:
    # by default the period ends on the last day of February, 28 February 2025; read as the
    # next day, on 1 March 2025. Nothing is notified: on 1 March 2025 the duty is overdue under
    # the default reading and still open under the other, so the result depends on the reading.
    case = ordered(date(2022, 1, 10), date(2024, 2, 26), date(2024, 2, 29))
    for reading, due in (
        (NoCorrespondingDay.PREVIOUS_DAY, date(2025, 2, 28)),
        (NoCorrespondingDay.NEXT_DAY, date(2025, 3, 1)),
    ):
        [finding] = findings(case, date(2025, 3, 1), Policy(corresponding_date=reading))
        assert finding.deadline == due
        [(rule, _, _, dates, readings)] = said(finding)
        assert (rule, dates, readings) == (
            "ew.s98.notification_order",
            (("due", due),),
            (f"corresponding_date={reading.value}",),
        )
    # The reading is named, so the assessment flags the dependence (docs/calendar.md).
    [flag] = assess(case, date(2025, 3, 1)).flags
    assert "corresponding_date=next_day the periodic duty from 2024-02-29 is open" in flag
    assert "due by 2025-03-01" in flag


# --------------------------------------------------------------------------------------------
# s.85(5)-(6): the home address that decides the applicable period
# --------------------------------------------------------------------------------------------


def test_a_home_notified_in_advance_decides_the_period_from_the_day_of_the_move() -> None:
    # Cautioned Mon 2 March 2026 and notified that day with a sole or main residence (n1). On
    # Tue 10 March an advance notification (s.84(2)) of a move expected Mon 16 March to a place
    # with no sole or main residence (n2); the move happens on the 16th, within the days it
    # covers (s.84(4)(a): from 2 days before the expected date to the end of 3 days beginning
    # with it). A periodic notification with no home address on Fri 20 March (n3).
    # Each notification starts a cycle (s.85(1)); the period is one week where the last home
    # address notified is a place with no sole or main residence (s.85(5)(a), (6)), and an
    # address notified in advance counts from the move it covered:
    # - n1: residence, one year after 2 March 2026, by 2 March 2027;
    # - n2: on 10 March the move has not happened, the last home is still ADDR-1: one year, by
    #   10 March 2027;
    # - n3: on 20 March the last home is PLACE-1 (since the 16th): one week after Fri 20 March,
    #   by Fri 27 March 2026.
    # The duty function is run on its own here: it finds the day of the move itself.
    case = Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 2)),),
        events=(HomeAddressChange(date=date(2026, 3, 16), home_address=NO_RESIDENCE),),
        notifications=(
            Notification(id="n1", date=date(2026, 3, 2), kind="initial", home_address=RESIDENCE),
            Notification(
                id="n2",
                date=date(2026, 3, 10),
                kind="advance",
                expected_date=date(2026, 3, 16),
                home_address=NO_RESIDENCE,
            ),
            Notification(id="n3", date=date(2026, 3, 20), kind="periodic"),
        ),
    )
    got = [
        (f.trigger_date, f.rule_id, f.deadline, f.discharged_by.id if f.discharged_by else None)
        for f in findings(case, date(2026, 3, 25))
    ]
    assert got == [
        (date(2026, 3, 2), "ew.s85.annual", date(2027, 3, 2), "n2"),
        (date(2026, 3, 10), "ew.s85.annual", date(2027, 3, 10), "n3"),
        (date(2026, 3, 20), "ew.s85.weekly", date(2026, 3, 27), None),
    ]


def test_a_weekly_period_from_29_february_names_no_month_end_reading() -> None:
    # A place with no sole or main residence notified Mon 29 February 2016 (after weekly
    # notification came into force on 13 August 2012): one week after it ends on Mon 7 March
    # 2016 (s.85(5)(a), (6)); a week always has its corresponding day, so no reading of a
    # missing one is named.
    duty = assess(notified_caution(date(2016, 2, 29), home=NO_RESIDENCE), date(2016, 3, 1))
    [periodic] = duty.duties_of(DutyKind.PERIODIC)
    assert said(periodic) == [
        (
            "ew.s85.weekly",
            "Notified on 2016-02-29; the last home address notified is a place with no sole or "
            "main residence: the next notification is due within 1 week after it, by 2016-03-07.",
            ("notifications[0]",),
            (("due", date(2016, 3, 7)),),
            (),
        )
    ]


def test_a_periodic_interval_of_months_names_the_reading_from_the_29th() -> None:
    # A reform with a periodic interval of 6 months (a parameter of the ruleset). Notified Fri
    # 29 August 2025: six months after it would end on 29 February 2026, a day 2026 lacks; by
    # default the period ends on the last day of the month, 28 February 2026, and the reading is
    # named. (For whole years only 29 February can lack its corresponding day.)
    six = ENGLAND_AND_WALES.derive(
        name="six-monthly", parameters={"periodic_interval": CalendarPeriod(months=6)}
    )
    result = assess(notified_caution(date(2025, 8, 29)), date(2025, 9, 1), ruleset=six)
    [periodic] = result.duties_of(DutyKind.PERIODIC)
    assert said(periodic) == [
        (
            "ew.s85.annual",
            "Notified on 2025-08-29; no home address has been notified, so s.85(6) does not "
            "apply: the next notification is due within 6 months after it, by 2026-02-28.",
            ("notifications[0]",),
            (("due", date(2026, 2, 28)),),
            ("corresponding_date=previous_day",),
        )
    ]


# --------------------------------------------------------------------------------------------
# s.85(2)(b): notifications of prescribed details only within a cycle
# --------------------------------------------------------------------------------------------


def test_a_prescribed_notification_is_named_only_in_the_cycle_it_falls_in() -> None:
    # Under the reading that a notification of prescribed details only does not restart the
    # period (policy.prescribed_restarts_periodic=False; Home Office answers of 31 March 2023):
    # cautioned and notified Mon 5 January 2026 (n1); a bank account opened 2 March 2026,
    # notified on its own 3 March (p1); the annual notification Mon 4 January 2027 (n2); another
    # account opened 1 March 2027, notified on its own 2 March (p2). The cycles are n1's (to
    # n2) and n2's: p1 falls in the first and p2 in the second, so each cycle names only its
    # own, and neither restarts the period: n1's is due by 5 January 2027, n2's by 4 January
    # 2028 (one year after each, s.85(1)).
    case = Case(
        person=ADULT,
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
        events=(
            PrescribedChange(date=date(2026, 3, 2), kind="bank_account", reference="ACCT-1"),
            PrescribedChange(date=date(2027, 3, 1), kind="bank_account", reference="ACCT-2"),
        ),
        notifications=(
            Notification(id="n1", date=date(2026, 1, 5), kind="initial"),
            Notification(id="p1", date=date(2026, 3, 3), kind="prescribed", prescribed=("ACCT-1",)),
            Notification(id="n2", date=date(2027, 1, 4), kind="periodic"),
            Notification(id="p2", date=date(2027, 3, 2), kind="prescribed", prescribed=("ACCT-2",)),
        ),
    )
    policy = Policy(prescribed_restarts_periodic=False)
    first, second = assess(case, date(2027, 3, 10), policy).duties_of(DutyKind.PERIODIC)

    def not_restarted(path: str) -> tuple[Any, ...]:
        return (
            "ew.s85.prescribed_event",
            f"{path} gives prescribed details only: such information is given under s.83 and "
            "does not alter the annual notification date, so it does not restart the period.",
            (path,),
            (),
            ("prescribed_restarts_periodic=false",),
        )

    assert said(first) == [
        annual(date(2026, 1, 5), date(2027, 1, 5)),
        not_restarted("notifications[1]"),
    ]
    assert said(second)[1:] == [not_restarted("notifications[3]")]
    assert (second.trigger_date, second.deadline) == (date(2027, 1, 4), date(2028, 1, 4))
