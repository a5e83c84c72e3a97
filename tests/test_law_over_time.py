"""Law over time: every provision whose text changed is a rule keyed by its in-force dates, so an
assessment of any date applies the law of the dates its duties arose on.

Each row below is a provision whose text changed, the rule that states each version and the
interval in which it is in force (the first day, and the first day it no longer is).
"""

from __future__ import annotations

from datetime import date

import pytest

from sexoffender_rules import (
    ENGLAND_AND_WALES,
    AbsenceAbroad,
    Case,
    DutyKind,
    HomeAddress,
    Notification,
    Person,
    Trigger,
    assess,
)
from sexoffender_rules.calendar import END_OF_TIME

PART_2 = date(2004, 5, 1)
SI_2012_1876 = date(2012, 8, 13)

VERSIONS = [
    # s.85(5)(a), SI 2012/1876: weekly notification without a sole or main residence.
    ("ew.s85.weekly", SI_2012_1876, END_OF_TIME),
    # SI 2004/1220 reg 5 before and after SI 2012/1876: trips of 3 days or more, then every trip.
    ("ew.s86.travel-3-days", PART_2, SI_2012_1876),
    ("ew.s86.travel", SI_2012_1876, END_OF_TIME),
    # SI 2004/1220 reg 7(2): 24 hours, then 12 hours.
    ("ew.s86.travel-late-details-24-hours", PART_2, SI_2012_1876),
    ("ew.s86.travel-late-details", SI_2012_1876, END_OF_TIME),
    # s.83(5)(h), s.84(1)(ca), SI 2012/1876: prescribed information.
    ("ew.s84.prescribed", SI_2012_1876, END_OF_TIME),
    ("ew.s85.prescribed_event", SI_2012_1876, END_OF_TIME),
    # ss.91A-91F (SI 2012/1883): review of indefinite requirements.
    ("ew.s91b.qualifying_date", date(2012, 7, 30), END_OF_TIME),
    ("ew.s91c.discharged", date(2012, 7, 30), END_OF_TIME),
    # s.103G (Anti-social Behaviour, Crime and Policing Act 2014 Sch 5; SI 2015/373).
    ("ew.s103g.remains_subject", date(2015, 3, 8), END_OF_TIME),
    ("ew.s103g.makes_subject", date(2015, 3, 8), END_OF_TIME),
    # Part 2 itself: s.83(1)'s 3 days (14 days under the Sex Offenders Act 1997 s.2) and s.85's
    # period of one year (unchanged in substance when s.85(5) named it the applicable period)
    # apply from 1 May 2004; a duty of an earlier date is not Part 2's.
    ("ew.s83.initial", PART_2, END_OF_TIME),
    ("ew.s85.annual", PART_2, END_OF_TIME),
]


@pytest.mark.parametrize(("rule_id", "start", "end"), VERSIONS, ids=[v[0] for v in VERSIONS])
def test_each_version_is_keyed_by_its_in_force_dates(rule_id: str, start: date, end: date) -> None:
    in_force = ENGLAND_AND_WALES.rule(rule_id).in_force
    assert (in_force.start, in_force.end) == (start, end)


def test_a_version_that_ends_is_followed_by_its_successor_the_same_day() -> None:
    ended = [r for r in ENGLAND_AND_WALES.rules if r.in_force.end != END_OF_TIME]
    assert ended, "some provisions changed"
    starts = {r.in_force.start for r in ENGLAND_AND_WALES.rules}
    for rule in ended:
        assert rule.in_force.end in starts, rule.id


def _no_residence_case(notified: date) -> Case:
    return Case(
        person=Person(reference="FICTIONAL-0259", date_of_birth=date(1970, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=notified),),
        notifications=(
            Notification(
                id="n1",
                date=notified,
                kind="initial",
                home_address=HomeAddress(kind="no_sole_or_main_residence", reference="LOC-1"),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("notified", "deadline", "rule_id"),
    [
        # Mon 6 Aug 2012: weekly notification not yet in force: one year after -> 2013-08-06.
        (date(2012, 8, 6), date(2013, 8, 6), "ew.s85.annual"),
        # Mon 13 Aug 2012: weekly -> Mon 20 Aug 2012.
        (date(2012, 8, 13), date(2012, 8, 20), "ew.s85.weekly"),
    ],
)
def test_weekly_notification_applies_from_13_august_2012(
    notified: date, deadline: date, rule_id: str
) -> None:
    [duty] = assess(_no_residence_case(notified), date(2012, 8, 14)).duties_of(DutyKind.PERIODIC)
    assert duty.deadline == deadline
    assert duty.reasons[0].rule_id == rule_id


@pytest.mark.parametrize(
    ("departure", "deadline", "rule_id"),
    [
        # 18:00 BST on Mon 20 Jun 2011, details known late: 24 hours before -> 19 June 2011.
        (date(2011, 6, 20), date(2011, 6, 19), "ew.s86.travel-late-details-24-hours"),
        # 18:00 BST on Thu 20 Sep 2012: 12 hours before -> 06:00 BST on 20 September 2012.
        (date(2012, 9, 20), date(2012, 9, 20), "ew.s86.travel-late-details"),
    ],
)
def test_late_details_hours_follow_the_date_of_departure(
    departure: date, deadline: date, rule_id: str
) -> None:
    case = Case(
        person=Person(reference="FICTIONAL-0253", date_of_birth=date(1975, 4, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2011, 1, 10)),),
        absences_abroad=(
            AbsenceAbroad(start=departure, end=departure.replace(day=25), details_known_late=True),
        ),
        notifications=(
            Notification(
                id="n1",
                date=departure,
                kind="travel",
                departure=departure,
                departure_time="18:00",
                expected_return=departure.replace(day=25),
            ),
        ),
    )
    [duty] = assess(case, date(2012, 10, 1)).duties_of(DutyKind.FOREIGN_TRAVEL)
    assert duty.deadline == deadline
    assert rule_id in {r.rule_id for r in duty.reasons}
