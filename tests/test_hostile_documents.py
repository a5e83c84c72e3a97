"""Answers that stay right where hostile documents made the cost grow with the square of their
size: many terms combined into one, many sources running at once, many problems in one document
(benchmarks/bench_hostile.py measures the cost; docs/testing.md gives the figures)."""

from __future__ import annotations

from datetime import date

import pytest

from sexoffender_rules import CalendarPeriod, Case, Imprisonment, Person, Trigger, assess
from sexoffender_rules.assessment import Assessment, Duty, DutyKind
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.errors import CaseValidationError
from sexoffender_rules.model import Notification


def _chain(terms: int) -> Case:
    # Terms of 3 months, all imposed on 1 January 2020, each consecutive to the one before.
    return Case(
        person=Person(reference="FICTIONAL-CHAIN-12", date_of_birth=date(1980, 1, 1)),
        triggers=tuple(
            Trigger(
                id=f"t{i:02}",
                kind="conviction",
                date=date(2020, 1, 1),
                disposal=Imprisonment(
                    term=CalendarPeriod(months=3),
                    consecutive_to=f"t{i - 1:02}" if i else None,
                ),
            )
            for i in range(terms)
        ),
    )


def _aggregation(result: Assessment, fact: str) -> str:
    source = next(s for s in result.registration.sources if s.fact == fact)
    return next(r.statement for r in source.reasons if r.rule_id == "ew.s82.aggregation")


def test_a_large_group_of_combined_terms_names_ten_and_counts_the_rest() -> None:
    # 12 consecutive terms of 3 months are one term of 36 months, 3 years (s.82(3)-(4)): 30 months or
    # more, so each source is indefinite (s.82(1)). Each source's reason names the first ten of
    # the other eleven terms and counts the last.
    result = assess(_chain(12), date(2026, 1, 1))
    assert all(s.indefinite for s in result.registration.sources)
    assert _aggregation(result, "triggers[0]") == (
        "Combined with the consecutive or partly concurrent terms of t01, t02, t03, t04, t05, "
        "t06, t07, t08, t09, t10 and 1 more: treated as one term, the aggregate of the terms, "
        "3 years."
    )
    assert _aggregation(result, "triggers[5]").startswith(
        "Combined with the consecutive or partly concurrent terms of t00, t01, t02, t03, t04, "
        "t06, t07, t08, t09, t10 and 1 more:"
    )


def test_a_group_of_eleven_names_every_other_term() -> None:
    # 11 terms of 3 months: 33 months (2 years 9 months), indefinite; each names the ten others.
    result = assess(_chain(11), date(2026, 1, 1))
    assert all(s.indefinite for s in result.registration.sources)
    assert _aggregation(result, "triggers[10]") == (
        "Combined with the consecutive or partly concurrent terms of t00, t01, t02, t03, t04, "
        "t05, t06, t07, t08, t09: treated as one term, the aggregate of the terms, 2 years "
        "9 months."
    )


def test_terms_imposed_the_same_day_and_not_linked_are_not_combined() -> None:
    # Wholly concurrent terms of 12 months (same start, same end) are not partly concurrent, so
    # not combined (s.82(3)): each gives its own period, 10 years for more than 6 months and
    # less than 30 (s.82(1)), from 1 January 2020 to 31 December 2029.
    case = Case(
        person=Person(reference="FICTIONAL-CONCURRENT", date_of_birth=date(1980, 1, 1)),
        triggers=tuple(
            Trigger(
                id=f"t{i}",
                kind="conviction",
                date=date(2020, 1, 1),
                disposal=Imprisonment(term=CalendarPeriod(months=12)),
            )
            for i in range(30)
        ),
    )
    result = assess(case, date(2026, 1, 1))
    assert {s.end for s in result.registration.sources} == {date(2029, 12, 31)}
    assert not any(
        r.rule_id == "ew.s82.aggregation" for s in result.registration.sources for r in s.reasons
    )


def _cautions(
    reference: str,
    born: date,
    cautions: list[tuple[str, date]],
    notifications: tuple[Notification, ...] = (),
) -> Case:
    """A fictional person cautioned on each of the days given, under the ids given."""
    return Case(
        person=Person(reference=reference, date_of_birth=born),
        triggers=tuple(Trigger(id=i, kind="caution", date=day) for i, day in cautions),
        notifications=notifications,
    )


def _initial_duties(result: Assessment) -> dict[str, Duty]:
    """The initial notification duties of ``result``, by the path of their fact."""
    return {d.fact: d for d in result.duties if d.kind is DutyKind.INITIAL}


def test_an_earlier_caution_that_has_ended_no_longer_excuses_a_later_one() -> None:
    # A: caution 1 Jan 2024, 2 years (s.82(1)): subject to 31 Dec 2025; notified 2 Jan 2024.
    # C: caution 10 Jan 2025, while subject through A, which runs through C's 3 days: no initial
    #    notification is required for C (s.83(2)).
    # B: caution 1 Jan 2026. Immediately before it (31 Dec 2025) the person was subject through
    #    A and C; but A ends before B's 3 days do, and C's initial notification was never made
    #    (it was excused), so s.83(2)(b)-(c) fail: the initial notification for B is due by
    #    3 Jan 2026 (3 days beginning with 1 Jan 2026) and, with none given, is overdue.
    case = _cautions(
        "FICTIONAL-CAUTIONS-3",
        date(1980, 1, 1),
        [("a", date(2024, 1, 1)), ("c", date(2025, 1, 10)), ("b", date(2026, 1, 1))],
        notifications=(Notification(id="n1", date=date(2024, 1, 2), kind="initial"),),
    )
    initial = _initial_duties(assess(case, date(2026, 2, 1)))
    assert initial["triggers[1]"].state.value == "not_required"
    assert initial["triggers[2]"].deadline == date(2026, 1, 3)
    assert initial["triggers[2]"].state.value == "overdue"


def test_every_problem_of_many_bad_items_is_reported() -> None:
    document = {
        "format": "sexoffender-rules/case",
        "version": 1,
        "person": {"reference": "FICTIONAL-HUGE-TERMS", "date_of_birth": "1980-01-01"},
        "triggers": [
            {
                "id": f"t{i}",
                "kind": "conviction",
                "date": "2020-01-01",
                "disposal": {"type": "imprisonment", "term": {"years": 10**9}},
            }
            for i in range(2000)
        ],
    }
    with pytest.raises(CaseValidationError) as caught:
        case_from_data(document)
    assert len(caught.value.problems) == 2000
    assert caught.value.problems[1999] == (
        "triggers[1999].disposal.term.years: expected at most 9999 (longer than the calendar)"
    )


def test_two_earlier_periods_from_before_part_2_are_both_let_go_before_a_later_caution() -> None:
    # Cautions on 1 December 2003 and 1 January 2004, before Part 2: subject from 1 May 2004
    # (s.81(1)) to the end of 2 years from each caution (s.82(1)): 30 November 2005 and
    # 31 December 2005. Neither was notified. A third caution on 1 March 2006, when both have
    # ended: nothing excuses its initial notification (s.83(2) needs a period still running), due
    # by 3 March 2006 (3 days beginning with 1 March 2006) and, with none given, overdue.
    case = _cautions(
        "FICTIONAL-BEFORE-PART-2",
        date(1970, 1, 1),
        [("a", date(2003, 12, 1)), ("b", date(2004, 1, 1)), ("c", date(2006, 3, 1))],
    )
    initial = _initial_duties(assess(case, date(2006, 4, 1)))
    # The two from before Part 2: 3 days beginning with 1 May 2004 (s.83(1)).
    assert initial["triggers[0]"].deadline == initial["triggers[1]"].deadline == date(2004, 5, 3)
    assert initial["triggers[2]"].deadline == date(2006, 3, 3)
    assert initial["triggers[2]"].state.value == "overdue"
