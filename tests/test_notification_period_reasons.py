"""The notification period (SOA 2003 ss.80-82, 131, 134; Sentencing Code ss.234, 236, 246): the
reasons given, in full, for small cases worked by hand.

Each test states every reason of a source (rule, statement, facts, dates, readings) or of the
registration, so that a change to any of them is seen. The dates are worked from the statute in
the comments; the words are the library's statement of the rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sexoffender_rules import CalendarPeriod, assess
from sexoffender_rules.assessment import Registration, Source
from sexoffender_rules.errors import AmbiguousReadingError
from sexoffender_rules.model import (
    AbsoluteDischarge,
    Case,
    ConditionalDischarge,
    DetentionAndTrainingOrder,
    ExtendedSentence,
    HospitalOrder,
    Imprisonment,
    LifeImprisonment,
    OffenderOfParticularConcern,
    Order,
    OtherDisposal,
    Person,
    Resentence,
    SuspendedImprisonment,
    Trigger,
)
from sexoffender_rules.policy import Policy

T0 = "triggers[0]"
ADULT = Person(reference="FICTIONAL-0970", date_of_birth=date(1970, 1, 1))  # 18 on 1 Jan 1988


def conviction(on: date, disposal: Any = None, person: Person = ADULT, **fields: Any) -> Case:
    """One conviction (or, with ``kind``, finding or caution) on ``on``."""
    fields.setdefault("kind", "conviction")
    trigger = Trigger(id="t1", date=on, disposal=disposal, **fields)
    return Case(person=person, triggers=(trigger,))


def said(reasons: Any) -> list[tuple[Any, ...]]:
    """Each reason as (rule, statement, facts, dates, readings)."""
    return [(r.rule_id, r.statement, r.facts, r.dates, r.readings) for r in reasons]


def reason(rule: str, statement: str, *facts: str, dates: tuple[Any, ...] = ()) -> tuple[Any, ...]:
    """A reason of ``rule`` naming ``facts`` and ``dates`` and no reading."""
    return (rule, statement, facts, dates, ())


def registration(case: Case, as_of: date, policy: Policy | None = None) -> Registration:
    return assess(case, as_of, policy).registration


def only_source(case: Case, as_of: date, policy: Policy | None = None) -> Source:
    [source] = registration(case, as_of, policy).sources
    return source


def convicted(path: str, day: date) -> tuple[Any, ...]:
    """The s.80(1) reason of a conviction on ``day``."""
    return reason(
        "ew.s80.subject",
        f"{path}: conviction on {day.isoformat()} in respect of a Schedule 3 offence makes the "
        "person subject.",
        path,
    )


def head(on: date) -> list[tuple[Any, ...]]:
    """The first two reasons of a conviction on ``on``: it makes the person subject, and its
    date is the relevant date."""
    return [convicted(T0, on), relevant(T0, on)]


def relevant(path: str, day: date) -> tuple[Any, ...]:
    return reason(
        "ew.s82.relevant_date",
        f"The relevant date is {day.isoformat()}.",
        path,
        dates=(("relevant_date", day),),
    )


def age(eighteen: date, under: bool) -> tuple[Any, ...]:
    words = "under 18" if under else "18 or over"
    return reason(
        "ew.age",
        f"The person attains 18 on {eighteen.isoformat()}, so is {words} on the relevant date.",
        dates=(("attains_18", eighteen),),
    )


def row(path: str, words: str, period: str) -> tuple[Any, ...]:
    return reason("ew.s82.period", f"s.82(1) table: {words}: {period}.", path)


def ends(period: str, first: date, last: date) -> tuple[Any, ...]:
    return reason(
        "ew.s82.period",
        f"{period} beginning with {first.isoformat()} end on {last.isoformat()}.",
        dates=(("end", last),),
    )


def halved(period: str) -> tuple[Any, ...]:
    return reason(
        "ew.s82.halving", f"Under 18 on the relevant date: the period is halved to {period}."
    )


SIX_OR_LESS = "sentenced to imprisonment for a term of 6 months or less"
SIX_TO_30 = "sentenced to imprisonment for a term of more than 6 months but less than 30 months"
HALF = "The detention and training order counts for its period of detention, half its term."


def dto_case(born: date, on: date, months: int, sentenced: date | None = None) -> Case:
    """A conviction on ``on`` with a detention and training order of ``months`` passed on
    ``sentenced`` (by default the same day)."""
    person = Person(reference="FICTIONAL-0971", date_of_birth=born)
    disposal = DetentionAndTrainingOrder(term=CalendarPeriod(months=months))
    return conviction(on, disposal, person, sentence_date=sentenced or on)


def test_a_dto_under_18_counts_for_half_its_term() -> None:
    # Born 15 January 2005, so 18 on 15 January 2023 (FLRA 1969 s.9): under 18 when convicted on
    # 2 August 2021 and ordered 12 months' detention and training (a term then available). It
    # counts for half its term, 6 months (s.131(a)): 6 months or less, 7 years (s.82(1)), halved
    # to 3 years 6 months (s.82(2)); 3 years 6 months beginning with 2 August 2021 end on
    # 1 February 2025. A term of exactly 6 months in whole months is not near the line.
    on = date(2021, 8, 2)
    source = only_source(dto_case(date(2005, 1, 15), on, 12), date(2021, 9, 1))
    assert said(source.reasons) == [
        *head(on),
        reason("ew.s131.detention_and_training_order", HALF, T0),
        age(date(2023, 1, 15), under=True),
        row(T0, SIX_OR_LESS, "7 years"),
        halved("3 years 6 months"),
        ends("3 years 6 months", on, date(2025, 2, 1)),
    ]
    assert source.end == date(2025, 2, 1)


def test_a_dto_of_a_term_not_then_available_is_flagged() -> None:
    # 13 months on 2 August 2021, before 28 June 2022 when the term had to be 4, 6, 8, 10, 12,
    # 18 or 24 months (Sentencing Code s.236(1)). Half of 13 months is measured by days: 13
    # months from 2 August 2021 reach 2 September 2022, 396 days, half of which is 198 days,
    # to 16 February 2022: more than 6 months (to 2 February 2022) and not within 7 days of it.
    # 10 years halved to 5 years; 5 years beginning with 2 August 2021 end on 1 August 2026.
    on = date(2021, 8, 2)
    source = only_source(dto_case(date(2005, 1, 15), on, 13), date(2021, 9, 1))
    assert said(source.reasons) == [
        *head(on),
        reason("ew.s131.detention_and_training_order", HALF, T0),
        reason(
            "ew.s82.review",
            f"{T0}: a detention and training order of 13 months made before 28 June 2022, when "
            "the term had to be 4, 6, 8, 10, 12, 18 or 24 months (Sentencing Code s.236(1) "
            "before PCSC Act 2022 s.158): check the term.",
            T0,
        ),
        age(date(2023, 1, 15), under=True),
        row(T0, SIX_TO_30, "10 years"),
        halved("5 years"),
        ends("5 years", on, date(2026, 8, 1)),
    ]


def adult_dto(made: date, eighteen: date) -> tuple[Any, ...]:
    return reason(
        "ew.s131.detention_and_training_order",
        f"The detention and training order was made on {made.isoformat()}, when the person had "
        "reached 18: it is treated as detention in a young offender institution for the same "
        "term (Sentencing Code s.246(2)).",
        T0,
        dates=(("order_made", made), ("attains_18", eighteen)),
    )


def test_a_dto_for_a_person_convicted_on_the_18th_birthday_is_flagged() -> None:
    # Born 10 March 2004, convicted and ordered 8 months on 10 March 2022, the 18th birthday:
    # 18 on the day the order was made, so it counts as detention in a young offender
    # institution for 8 months (s.246(2)); aged 18 when convicted, which s.234(1)(a) does not
    # allow. More than 6 months: 10 years, not halved; 10 years beginning with 10 March 2022 end
    # on 9 March 2032.
    on = date(2022, 3, 10)
    source = only_source(dto_case(date(2004, 3, 10), on, 8), date(2022, 4, 1))
    assert said(source.reasons) == [
        *head(on),
        adult_dto(on, on),
        reason(
            "ew.s82.review",
            f"{T0}: a detention and training order for a person aged 18 or over when convicted, "
            "which Sentencing Code s.234(1)(a) does not allow: check the sentence (counted as "
            "detention in a young offender institution for its term).",
            T0,
        ),
        age(on, under=False),
        row(T0, SIX_TO_30, "10 years"),
        ends("10 years", on, date(2032, 3, 9)),
    ]


def test_a_dto_at_first_sentence_after_the_18th_birthday_is_flagged_as_a_reading() -> None:
    # Born 10 March 2004, convicted on 5 January 2022 (aged 17) and ordered 8 months on 1 April
    # 2022 (aged 18): treated under s.246 and flagged. Under 18 on the relevant date, the
    # conviction: 10 years halved to 5 years, beginning with 5 January 2022, ending on
    # 4 January 2027. The sentence date differs from the relevant date, so the history is told.
    on, sentenced = date(2022, 1, 5), date(2022, 4, 1)
    source = only_source(dto_case(date(2004, 3, 10), on, 8, sentenced), date(2022, 5, 1))
    assert said(source.reasons) == [
        *head(on),
        reason(
            "ew.s82.resentence",
            "Sentencing history: 2022-04-01 sentenced: detention and training order of 8 months. "
            "The disposal in force on the assessment date, passed on 2022-04-01, decides the row "
            "of the table; the period still begins with the relevant date.",
            T0,
            dates=(("sentence_in_force", sentenced),),
        ),
        adult_dto(sentenced, date(2022, 3, 10)),
        reason(
            "ew.s82.review",
            f"{T0}: a detention and training order made at first sentence on a person who "
            "reached 18 after conviction: treated under Sentencing Code s.246 (reading of "
            "s.246(1)(a)(ii)); check.",
            T0,
        ),
        age(date(2022, 3, 10), under=True),
        row(T0, SIX_TO_30, "10 years"),
        halved("5 years"),
        ends("5 years", on, date(2027, 1, 4)),
    ]


def test_the_history_names_other_disposals_and_hospital_orders() -> None:
    # Two convictions of an adult (born 1 January 1980), each re-sentenced on breach of a
    # community order. t1 (6 January 2020): a disposal with no description, then on 1 June 2020
    # a hospital order without a restriction order: 7 years (s.82(1)) beginning with 6 January
    # 2020 end on 5 January 2027. t2 (3 February 2021): a community order, then on 1 July 2021 a
    # hospital order with a restriction order: indefinite.
    def trigger(tid: str, on: date, first: OtherDisposal, again: date, restricted: bool) -> Trigger:
        return Trigger(
            id=tid,
            kind="conviction",
            date=on,
            disposal=first,
            resentences=(
                Resentence(
                    date=again,
                    reason="breach_of_community_order",
                    disposal=HospitalOrder(restriction_order=restricted),
                ),
            ),
        )

    case = Case(
        person=ADULT,
        triggers=(
            trigger("t1", date(2020, 1, 6), OtherDisposal(), date(2020, 6, 1), False),
            trigger(
                "t2",
                date(2021, 2, 3),
                OtherDisposal(description="community order"),
                date(2021, 7, 1),
                True,
            ),
        ),
    )
    first, second = registration(case, date(2022, 1, 1)).sources
    history = [
        r.statement for s in (first, second) for r in s.reasons if r.rule_id == "ew.s82.resentence"
    ]
    tail = "decides the row of the table; the period still begins with the relevant date."
    assert history == [
        "Sentencing history: 2020-01-06 sentenced: other disposal; 2020-06-01 breach of "
        "community order: hospital order without a restriction order. The disposal in force on "
        f"the assessment date, passed on 2020-06-01, {tail}",
        "Sentencing history: 2021-02-03 sentenced: community order; 2021-07-01 breach of "
        "community order: hospital order with a restriction order. The disposal in force on the "
        f"assessment date, passed on 2021-07-01, {tail}",
    ]
    assert (first.end, first.indefinite, second.end, second.indefinite) == (
        date(2027, 1, 5),
        False,
        None,
        True,
    )


def test_a_sentence_not_yet_passed_is_awaited() -> None:
    # Convicted 2 March 2024, the sentence to be passed on 3 June 2024; assessed on 1 May 2024
    # the disposal is not yet known, so the period is missing its fact (s.82(1)).
    on = date(2024, 3, 2)
    four_months = Imprisonment(term=CalendarPeriod(months=4))
    case = conviction(on, four_months, sentence_date=date(2024, 6, 3))
    reg = registration(case, date(2024, 5, 1))
    [source] = reg.sources
    assert said(source.reasons) == [
        *head(on),
        reason(
            "ew.s82.resentence",
            "Sentencing history: 2024-06-03 sentenced: sentence awaited. The disposal in force on "
            "the assessment date, passed on 2024-06-03, decides the row of the table; the period "
            "still begins with the relevant date.",
            T0,
            dates=(("sentence_in_force", date(2024, 6, 3)),),
        ),
        # Until a disposal is recorded, any other description (documented reading): 5 years
        # beginning with Sat 2 March 2024 end on Thu 1 March 2029.
        reason(
            "ew.s82.period",
            f"{T0}: no disposal is recorded. Until one is, the person is of any other "
            "description in the s.82(1) table (documented reading): 5 years beginning with "
            "2024-03-02 end on 2029-03-01, the last day the person is taken to be subject through "
            "it. Whether the period runs on after that day rests on the disposal, so a duty "
            "falling due after it is undetermined, and so is a failure continuing after it.",
            T0,
            dates=(("taken_until", date(2029, 3, 1)),),
        ),
    ]
    assert source.missing == (f"{T0}.disposal: needed to find the notification period (s.82(1))",)
    assert (source.period, source.end, source.subject_from) == (None, None, None)
    assert source.taken_until == date(2029, 3, 1)
    assert said(reg.reasons) == [
        reason(
            "ew.s80.subject",
            "Subject on the assessment date, until a period that is undetermined.",
        )
    ]
    assert (reg.subject, reg.end, reg.indefinite, reg.undetermined) == (True, None, False, True)


@pytest.mark.parametrize(
    ("on", "words"),
    [
        # PCC(S)A 2000 s.14(1) for a conviction before 1 December 2020.
        (date(2020, 11, 30), "before 1 December 2020: PCC(S)A 2000 s.14(1)"),
        # Sentencing Act 2020 s.82(2) on or after it.
        (date(2020, 12, 1), "on or after 1 December 2020: Sentencing Act 2020 s.82(2)"),
    ],
)
def test_an_absolute_discharge_makes_no_one_subject(on: date, words: str) -> None:
    case = conviction(on, AbsoluteDischarge())
    reg = registration(case, date(2021, 1, 4))
    assert reg.sources == ()
    assert said(reg.reasons) == [
        reason(
            "ew.s134.absolute_discharge",
            f"{T0}: convicted on {on.isoformat()}, {words} deems a conviction with an absolute "
            "discharge not a conviction; it does not make the person subject.",
            T0,
        ),
        reason(
            "ew.s80.subject",
            "No conviction, finding or caution known on the assessment date makes the person "
            "subject.",
        ),
    ]
    assert (reg.subject, reg.end, reg.indefinite, reg.undetermined) == (False, None, False, False)


def test_a_conditional_discharge_before_part_2_makes_no_one_subject() -> None:
    # s.134(2): s.134(1) applies only to convictions after 1 May 2004; 30 April 2004 is before.
    case = conviction(date(2004, 4, 30), ConditionalDischarge(period=CalendarPeriod(years=3)))
    reg = registration(case, date(2005, 1, 1))
    assert reg.sources == ()
    assert said(reg.reasons)[0] == reason(
        "ew.s134.conditional_discharge_before_part_2",
        f"{T0}: a conviction before 1 May 2004 with a conditional discharge is not a conviction "
        "for Part 2 (s.134(2)); it does not make the person subject.",
        T0,
    )


def test_a_conditional_discharge_on_1_may_2004_counts() -> None:
    # The first day of Part 2 is not before it: 3 years beginning with 1 May 2004 end on
    # 30 April 2007, and on 1 January 2008 every period has ended.
    on = date(2004, 5, 1)
    case = conviction(on, ConditionalDischarge(period=CalendarPeriod(years=3)))
    reg = registration(case, date(2008, 1, 1))
    [source] = reg.sources
    assert said(source.reasons) == [
        *head(on),
        age(date(1988, 1, 1), under=False),
        row(T0, "an order for conditional discharge is made in respect of the offence", "3 years"),
        ends("3 years", on, date(2007, 4, 30)),
    ]
    assert said(reg.reasons) == [
        reason(
            "ew.s80.subject",
            "Every notification period ended by the assessment date (the last on 2007-04-30).",
        )
    ]
    assert (reg.subject, reg.end, reg.indefinite, reg.undetermined) == (
        False,
        date(2007, 4, 30),
        False,
        False,
    )


# --------------------------------------------------------------------------------------------
# Relevant dates before Part 2 (s.81) and before the 1997 Act (s.81(3)-(6))
# --------------------------------------------------------------------------------------------

PART_2 = date(2004, 5, 1)
INDEFINITE_ROW = (
    "sentenced to imprisonment for life, to imprisonment for public protection, or to "
    "imprisonment for a term of 30 months or more"
)
NONE_SUBJECT = reason(
    "ew.s80.subject",
    "No conviction, finding or caution known on the assessment date makes the person subject.",
)


def imprisoned(on: date, months: int, current: bool | None = None) -> Case:
    term = Imprisonment(term=CalendarPeriod(months=months))
    return conviction(on, term, current_on_1_september_1997=current)


def transitional(end: str, counts: bool = True) -> tuple[Any, ...]:
    return reason(
        "ew.s81.transitional",
        "The relevant date is before 1 May 2004: "
        + ("" if counts else "if it counts, ")
        + f"the person is subject from 1 May 2004 until the end of the notification period ({end}) "
        "(s.81(1)).",
        T0,
        dates=(("subject_from", PART_2),),
    )


def test_a_caution_before_1_september_1997_never_counts() -> None:
    case = caution(date(1997, 8, 31))
    reg = registration(case, date(2005, 1, 3))
    assert reg.sources == ()
    assert said(reg.reasons) == [
        reason(
            "ew.s81.before_1997",
            f"{T0}: a caution given before 1 September 1997 does not make the person subject "
            "(s.81(5)).",
            T0,
        ),
        NONE_SUBJECT,
    ]


def test_a_conviction_before_1_september_1997_not_then_current_does_not_count() -> None:
    on = date(1997, 8, 29)
    reg = registration(imprisoned(on, 3, current=False), date(2005, 1, 3))
    assert reg.sources == ()
    assert said(reg.reasons) == [
        *head(on),
        reason(
            "ew.s81.before_1997",
            f"{T0}: a conviction before 1 September 1997 whose case was not current at the "
            "beginning of that day: s.81(1) does not apply (s.81(3)-(4)).",
            T0,
            f"{T0}.current_on_1_september_1997",
        ),
        NONE_SUBJECT,
    ]


def test_a_conviction_on_1_september_1997_needs_no_1997_fact() -> None:
    # 1 September 1997 is not before itself: 3 months, 7 years beginning with 1 September 1997
    # end on 31 August 2004, and the person is subject from 1 May 2004 (s.81(1)).
    on = date(1997, 9, 1)
    source = only_source(imprisoned(on, 3), date(2004, 6, 1))
    assert said(source.reasons) == [
        *head(on),
        age(date(1988, 1, 1), under=False),
        row(T0, SIX_OR_LESS, "7 years"),
        ends("7 years", on, date(2004, 8, 31)),
        transitional("2004-08-31"),
    ]
    assert (source.missing, source.subject_from, source.end) == ((), PART_2, date(2004, 8, 31))


def test_a_conviction_before_1_september_1997_not_known_to_be_current_is_undetermined() -> None:
    # 3 months on 29 August 1997: 7 years beginning with it end on 28 August 2004, after 1 May
    # 2004; whether the case was current on 1 September 1997 is not recorded.
    on = date(1997, 8, 29)
    source = only_source(imprisoned(on, 3), date(2004, 6, 1))
    assert said(source.reasons) == [
        *head(on),
        age(date(1988, 1, 1), under=False),
        row(T0, SIX_OR_LESS, "7 years"),
        ends("7 years", on, date(2004, 8, 28)),
        reason(
            "ew.s81.before_1997",
            f"{T0}: before 1 September 1997, it counts only if the case was current at the "
            "beginning of that day (s.81(3)-(4)), which is not recorded: whether the person is "
            "subject through it is undetermined; if so, not after 2004-08-28.",
            T0,
        ),
        transitional("2004-08-28", counts=False),
    ]
    assert source.missing == (
        f"{T0}.current_on_1_september_1997: needed to know whether s.81(3)-(4) let this "
        "conviction or finding before 1 September 1997 count",
    )
    assert (source.period, source.end, source.indefinite, source.subject_from) == (
        CalendarPeriod(years=7),
        date(2004, 8, 28),
        False,
        PART_2,
    )


def test_an_indefinite_period_before_1997_not_known_to_count_has_no_period() -> None:
    # 36 months: an indefinite period; whether it counts is open, so no period is reported.
    on = date(1997, 8, 29)
    reg = registration(imprisoned(on, 36), date(2004, 6, 1))
    [source] = reg.sources
    assert said(source.reasons)[-2:] == [
        reason(
            "ew.s81.before_1997",
            f"{T0}: before 1 September 1997, it counts only if the case was current at the "
            "beginning of that day (s.81(3)-(4)), which is not recorded: whether the person is "
            "subject through it is undetermined.",
            T0,
        ),
        transitional("indefinite", counts=False),
    ]
    assert (source.period, source.end, source.indefinite) == (None, None, False)
    assert (reg.end, reg.indefinite, reg.undetermined) == (None, False, True)


def test_a_conviction_before_1997_then_current_counts_indefinitely() -> None:
    on = date(1997, 8, 29)
    reg = registration(imprisoned(on, 36, current=True), date(2010, 1, 4))
    [source] = reg.sources
    assert said(source.reasons) == [
        *head(on),
        age(date(1988, 1, 1), under=False),
        reason(
            "ew.s82.period",
            f"s.82(1) table: {INDEFINITE_ROW}: an indefinite period beginning with 1997-08-29.",
            T0,
        ),
        reason(
            "ew.s81.before_1997",
            f"{T0}: before 1 September 1997, and the case was current at the beginning of that "
            "day: it counts (s.81(3)-(4)).",
            T0,
            f"{T0}.current_on_1_september_1997",
        ),
        transitional("indefinite"),
    ]
    assert (source.period, source.end, source.indefinite, source.missing) == (None, None, True, ())
    assert said(reg.reasons) == [
        reason("ew.s80.subject", "Subject on the assessment date: indefinitely.")
    ]
    assert (reg.subject, reg.end, reg.indefinite, reg.undetermined) == (True, None, True, False)


def caution(on: date) -> Case:
    return conviction(on, kind="caution")


def cautioned(on: date) -> tuple[Any, ...]:
    return reason(
        "ew.s80.subject",
        f"{T0}: caution on {on.isoformat()} in respect of a Schedule 3 offence makes the person "
        "subject.",
        T0,
    )


def test_a_period_that_ended_on_30_april_2004_makes_no_one_subject() -> None:
    # A caution of an adult on 1 May 2002: 2 years beginning with it end on 30 April 2004, the
    # day before Part 2 (s.81(2)).
    on = date(2002, 5, 1)
    reg = registration(caution(on), date(2004, 6, 1))
    assert reg.sources == ()
    assert said(reg.reasons) == [
        cautioned(on),
        relevant(T0, on),
        age(date(1988, 1, 1), under=False),
        row(T0, "a person within section 80(1)(d) (cautioned)", "2 years"),
        ends("2 years", on, date(2004, 4, 30)),
        reason(
            "ew.s81.ended_before_part_2",
            f"{T0}: the notification period ended on 2004-04-30, before 1 May 2004: s.81(1) does "
            "not apply and the person is not subject through it (s.81(2)).",
            T0,
            dates=(("end", date(2004, 4, 30)),),
        ),
        NONE_SUBJECT,
    ]


def test_a_period_that_ends_on_1_may_2004_makes_the_person_subject_that_day() -> None:
    # A caution on 2 May 2002: 2 years beginning with it end on 1 May 2004.
    on = date(2002, 5, 2)
    reg = registration(caution(on), date(2004, 5, 1))
    [source] = reg.sources
    assert said(source.reasons)[-1] == transitional("2004-05-01")
    assert (source.subject_from, source.end) == (PART_2, date(2004, 5, 1))
    assert said(reg.reasons) == [
        reason(
            "ew.s80.subject",
            "Subject on the assessment date until 2004-05-01 (the latest end governs).",
        )
    ]
    assert (reg.subject, reg.end) == (True, date(2004, 5, 1))


def test_before_part_2_the_person_becomes_subject_on_1_may_2004() -> None:
    # A caution on 2 June 2003 assessed on 2 January 2004: 2 years beginning with it end on
    # 1 June 2005; Part 2 is not yet in force.
    reg = registration(caution(date(2003, 6, 2)), date(2004, 1, 2))
    assert said(reg.reasons) == [
        reason(
            "ew.s81.transitional",
            "Part 2 is not yet in force on the assessment date: the person becomes subject on "
            "1 May 2004 (s.81(1)).",
        )
    ]
    assert (reg.subject, reg.end) == (False, date(2005, 6, 1))


def test_a_conviction_before_part_2_awaiting_sentence_needs_the_disposal() -> None:
    on = date(2003, 6, 2)
    case = conviction(on)
    [source] = registration(case, date(2004, 6, 1)).sources
    assert said(source.reasons) == [
        *head(on),
        # 5 years beginning with Mon 2 June 2003 end on Sun 1 June 2008.
        reason(
            "ew.s82.period",
            f"{T0}: no disposal is recorded. Until one is, the person is of any other "
            "description in the s.82(1) table (documented reading): 5 years beginning with "
            "2003-06-02 end on 2008-06-01, the last day the person is taken to be subject through "
            "it. Whether the period runs on after that day rests on the disposal, so a duty "
            "falling due after it is undetermined, and so is a failure continuing after it.",
            T0,
            dates=(("taken_until", date(2008, 6, 1)),),
        ),
        reason(
            "ew.s81.transitional",
            "The relevant date is before 1 May 2004: the person is subject from 1 May 2004 "
            "(s.81(1)) until the end of a notification period that needs the missing facts (and "
            "not at all if it ended before then, s.81(2)).",
            T0,
            dates=(("subject_from", PART_2),),
        ),
    ]
    assert (source.subject_from, source.period, source.end) == (PART_2, None, None)


# --------------------------------------------------------------------------------------------
# The relevant date moved by a sentencing condition (s.132), and a trial after a finding (s.82(5))
# --------------------------------------------------------------------------------------------


def test_a_sentencing_condition_moves_the_relevant_date() -> None:
    # Convicted 1 March 2022, the condition met at sentence on 12 April 2022 (s.132(3)): a
    # disposal of any other description, 5 years beginning with 12 April 2022 end on 11 April
    # 2027. The sentence date is the relevant date, so no history is told.
    community = OtherDisposal(description="community order")
    case = conviction(date(2022, 3, 1), community, threshold_sentence_date=date(2022, 4, 12))
    source = only_source(case, date(2022, 5, 2))
    assert said(source.reasons) == [
        convicted(T0, date(2022, 3, 1)),
        reason(
            "ew.s132.threshold",
            "The offence is listed subject to a sentencing condition, met on 2022-04-12: that is "
            "the relevant date.",
            T0,
            dates=(("relevant_date", date(2022, 4, 12)),),
        ),
        age(date(1988, 1, 1), under=False),
        row(T0, "a person of any other description", "5 years"),
        ends("5 years", date(2022, 4, 12), date(2027, 4, 11)),
    ]


def found(tried: date) -> Case:
    supervision = OtherDisposal(description="supervision order")
    return conviction(
        date(2010, 1, 4), supervision, kind="finding_disability_did_act", trial_concluded=tried
    )


def test_a_trial_concluding_before_the_end_ends_the_period_that_day() -> None:
    # A finding on 4 January 2010 with a supervision order: 5 years beginning with it end on
    # 3 January 2015. A trial concluding on 2 January 2015 ends the period then (s.82(5)).
    source = only_source(found(date(2015, 1, 2)), date(2015, 3, 2))
    assert said(source.reasons)[0] == reason(
        "ew.s80.subject",
        f"{T0}: finding disability did act on 2010-01-04 in respect of a Schedule 3 offence "
        "makes the person subject.",
        T0,
    )
    assert said(source.reasons)[-1] == reason(
        "ew.s82.trial",
        f"{T0}: the person was later tried for the offence, the trial concluding on 2015-01-02: "
        "the period relating to the finding ends then, so 2015-01-02 is its last day (s.82(5)).",
        T0,
        dates=(("end", date(2015, 1, 2)),),
    )
    assert source.end == date(2015, 1, 2)


def test_a_trial_concluding_on_the_last_day_changes_nothing() -> None:
    source = only_source(found(date(2015, 1, 3)), date(2015, 3, 2))
    assert said(source.reasons)[-1] == ends("5 years", date(2010, 1, 4), date(2015, 1, 3))
    assert source.end == date(2015, 1, 3)


# --------------------------------------------------------------------------------------------
# A re-sentence after the period of a conditional discharge ended
# --------------------------------------------------------------------------------------------


def discharged(again: date, years: int = 3, why: str = "breach_of_conditional_discharge") -> Case:
    # An adult conditionally discharged for `years` on 10 January 2020, re-sentenced on `again`
    # to 4 months' imprisonment.
    four_months = Imprisonment(term=CalendarPeriod(months=4))
    resentence = Resentence(date=again, reason=why, disposal=four_months)
    discharge = ConditionalDischarge(period=CalendarPeriod(years=years))
    return conviction(date(2020, 1, 10), discharge, resentences=(resentence,))


def test_a_re_sentence_after_the_discharge_ended_leaves_a_gap() -> None:
    # 3 years beginning with 10 January 2020 end on 9 January 2023; re-sentenced on 1 June 2023
    # to 4 months: 7 years beginning with 10 January 2020 end on 9 January 2027. Not subject
    # from 10 January to 31 May 2023.
    source = only_source(discharged(date(2023, 6, 1)), date(2023, 7, 3))
    assert said(source.reasons)[-2:] == [
        reason(
            "ew.s82.resentence",
            "The period of the conditional discharge ended before the re-sentence on 2023-06-01: "
            "not subject from 2023-01-10 to 2023-05-31, subject again from the re-sentence.",
            T0,
            dates=(("lapsed_from", date(2023, 1, 10)), ("subject_again", date(2023, 6, 1))),
        ),
        reason(
            "ew.s82.review",
            f"{T0}: subject again from a re-sentence after the period of a conditional discharge "
            "ended; which notifications are then due (s.83(1), s.85(1)) is not modelled: check.",
            T0,
        ),
    ]
    assert source.lapsed is not None
    assert (source.lapsed.start, source.lapsed.end, source.end) == (
        date(2023, 1, 10),
        date(2023, 6, 1),
        date(2027, 1, 9),
    )


@pytest.mark.parametrize(
    ("again", "gap"),
    [
        # Re-sentenced the day after the discharge's last day: no day between.
        (date(2023, 1, 10), None),
        # Two days after: one day, 10 January 2023, not subject.
        (date(2023, 1, 11), (date(2023, 1, 10), date(2023, 1, 11))),
        # Re-sentenced on 9 January 2023, the discharge's last day: no gap.
        (date(2023, 1, 9), None),
    ],
)
def test_the_gap_after_a_discharge_is_the_days_between(
    again: date, gap: tuple[date, date] | None
) -> None:
    source = only_source(discharged(again), date(2023, 7, 3))
    lapsed = source.lapsed
    assert (None if lapsed is None else (lapsed.start, lapsed.end)) == gap


def test_a_re_sentence_after_the_new_period_ended_leaves_no_day_subject() -> None:
    # Discharged for 1 year on 10 January 2020 (ending 9 January 2021), re-sentenced on
    # 1 February 2028 to 4 months: 7 years beginning with 10 January 2020 end on 9 January
    # 2027, before the re-sentence, so the gap runs from 10 January 2021 to the end of the new
    # period: the days not subject end with 9 January 2027 (interval end 10 January 2027).
    source = only_source(discharged(date(2028, 2, 1), years=1), date(2028, 3, 1))
    assert source.lapsed is not None
    assert (source.lapsed.start, source.lapsed.end) == (date(2021, 1, 10), date(2027, 1, 10))


def test_a_re_sentence_on_appeal_leaves_no_gap() -> None:
    # A variation on appeal stands in place of the discharge from its own date: the period is
    # that of the new sentence from the relevant date, with no gap.
    case = discharged(date(2023, 6, 1), why="variation_on_appeal")
    source = only_source(case, date(2023, 7, 3))
    assert source.lapsed is None
    assert source.end == date(2027, 1, 9)


# --------------------------------------------------------------------------------------------
# Custodial sentences: suspended, extended, of particular concern, combined (s.82(3)-(4))
# --------------------------------------------------------------------------------------------

STRICT_LEAP_DAY = Policy(leap_day="raise")


def sentenced(*terms: tuple[str, date, Any]) -> Case:
    """Convictions of an adult, each (id, date, disposal)."""
    return Case(
        person=ADULT,
        triggers=tuple(
            Trigger(id=tid, kind="conviction", date=on, disposal=disposal)
            for tid, on, disposal in terms
        ),
    )


def months(n: int, **linked: Any) -> Imprisonment:
    return Imprisonment(term=CalendarPeriod(months=n), **linked)


def test_a_suspended_sentence_counts_as_imprisonment_for_its_term() -> None:
    # 12 months suspended on 1 March 2024: more than 6 months, 10 years (s.82(1)), beginning
    # with 1 March 2024 and ending on 28 February 2034.
    on = date(2024, 3, 1)
    case = sentenced(("t1", on, SuspendedImprisonment(term=CalendarPeriod(months=12))))
    source = only_source(case, date(2024, 4, 1))
    assert said(source.reasons) == [
        *head(on),
        reason(
            "ew.suspended_sentence",
            "The suspended sentence of 12 months counts as imprisonment for that term (a "
            "documented reading: the deeming words in force were not verified).",
            T0,
        ),
        age(date(1988, 1, 1), under=False),
        row(T0, SIX_TO_30, "10 years"),
        ends("10 years", on, date(2034, 2, 28)),
    ]


def test_an_extended_sentence_is_a_term_of_its_aggregate() -> None:
    # Custodial term 18 months and extension period 3 years: a term of 4 years 6 months, 30
    # months or more, so indefinite (Minter).
    on = date(2024, 3, 1)
    disposal = ExtendedSentence(
        custodial_term=CalendarPeriod(months=18), extension_period=CalendarPeriod(years=3)
    )
    source = only_source(sentenced(("t1", on, disposal)), date(2024, 4, 1))
    assert said(source.reasons)[2:4] == [
        reason(
            "ew.extended_sentence",
            "The extended sentence is a sentence of imprisonment (or detention) for the aggregate "
            "of its custodial term 18 months and extension period 3 years: 4 years 6 months.",
            T0,
        ),
        age(date(1988, 1, 1), under=False),
    ]
    assert source.indefinite


def test_a_sentence_for_an_offender_of_particular_concern_adds_a_year() -> None:
    # Custodial term 18 months and a further year of licence: 2 years 6 months, 30 months.
    on = date(2024, 3, 1)
    disposal = OffenderOfParticularConcern(custodial_term=CalendarPeriod(months=18))
    source = only_source(sentenced(("t1", on, disposal)), date(2024, 4, 1))
    assert said(source.reasons)[2] == reason(
        "ew.offender_of_particular_concern",
        "The sentence for an offender of particular concern is for the aggregate of its "
        "custodial term 18 months and a further year of licence: 2 years 6 months.",
        T0,
    )
    assert source.indefinite


def combined(others: str, measure: str, start: date, end: date, path: str) -> tuple[Any, ...]:
    return reason(
        "ew.s82.aggregation",
        f"Combined with the consecutive or partly concurrent terms of {others}: treated as one "
        f"term, {measure}.",
        path,
        dates=(("combined_start", start), ("combined_end", end)),
    )


def test_consecutive_terms_are_combined_by_calendar() -> None:
    # 3 months from 1 March 2024 (to 31 May 2024), then 10 months consecutive from 1 June 2024
    # (to 31 March 2025): 1 year 1 month together (s.82(3)-(4)), more than 6 months: 10 years
    # for each, beginning with 1 March 2024 and ending on 28 February 2034.
    on = date(2024, 3, 1)
    case = sentenced(("t1", on, months(3)), ("t2", on, months(10, consecutive_to="t1")))
    first, second = registration(case, date(2024, 4, 1)).sources
    aggregate = "the aggregate of the terms, 1 year 1 month"
    assert said(first.reasons)[2] == combined("t2", aggregate, on, date(2025, 4, 1), T0)
    assert said(second.reasons)[2] == combined("t1", aggregate, on, date(2025, 4, 1), "triggers[1]")
    assert (first.period, second.period) == (CalendarPeriod(years=10), CalendarPeriod(years=10))


def test_consecutive_terms_under_a_strict_policy_from_ordinary_days_do_not_raise() -> None:
    # The same terms: no day the month may lack, so no leap-day reading is needed.
    on = date(2024, 3, 1)
    case = sentenced(("t1", on, months(3)), ("t2", on, months(10, consecutive_to="t1")))
    first, second = registration(case, date(2024, 4, 1), STRICT_LEAP_DAY).sources
    assert (first.end, second.end) == (date(2034, 2, 28), date(2034, 2, 28))


def test_partly_concurrent_terms_are_measured_by_their_union() -> None:
    # 4 months from 1 March 2024 (to 30 June 2024) and 4 months from 1 May 2024 (to 31 August
    # 2024): they overlap without either containing the other; the union, 1 March to 31 August
    # 2024, is 6 months: 6 months or less, 7 years each.
    case = sentenced(("t1", date(2024, 3, 1), months(4)), ("t2", date(2024, 5, 1), months(4)))
    first, second = registration(case, date(2024, 6, 3)).sources
    union = "the union of their intervals, 2024-03-01 to 2024-08-31"
    assert said(first.reasons)[2] == combined("t2", union, date(2024, 3, 1), date(2024, 9, 1), T0)
    assert said(second.reasons)[2] == combined(
        "t1", union, date(2024, 3, 1), date(2024, 9, 1), "triggers[1]"
    )


@pytest.mark.parametrize(
    ("second", "term", "period"),
    [
        # Both start on 1 March 2024: the 10 months contain the 4 (wholly concurrent), so the
        # 4 months stay 4 months, 7 years.
        (date(2024, 3, 1), 10, 7),
        # 4 months from 1 September 2024 end with the 12 months from 1 January 2024 (both to
        # 31 December 2024): contained, not combined; 7 years.
        (date(2024, 9, 1), 4, 7),
    ],
)
def test_a_term_contained_in_another_is_not_combined(second: date, term: int, period: int) -> None:
    first_term = 12 if second.month == 9 else 4
    first_day = date(2024, 1, 1) if second.month == 9 else date(2024, 3, 1)
    case = sentenced(("t1", first_day, months(first_term)), ("t2", second, months(term)))
    sources = registration(case, date(2024, 10, 1)).sources
    shorter = sources[0] if first_term == 4 else sources[1]
    assert shorter.period == CalendarPeriod(years=period)
    assert not any(r.rule_id == "ew.s82.aggregation" for s in sources for r in s.reasons)


def test_a_term_starting_the_day_another_ends_is_not_combined() -> None:
    # 1 month from 31 January 2023: under the previous-day reading its anniversary is
    # 28 February 2023, so it ends with 27 February. 6 months from 28 February 2023 follows it
    # without overlap: not combined, 6 months or less, 7 years each.
    case = sentenced(("t1", date(2023, 1, 31), months(1)), ("t2", date(2023, 2, 28), months(6)))
    sources = registration(case, date(2023, 3, 1), Policy(leap_day="previous_day")).sources
    assert [s.period for s in sources] == [CalendarPeriod(years=7), CalendarPeriod(years=7)]


def test_a_term_ending_on_a_day_the_month_lacks_under_a_strict_policy_raises() -> None:
    # 1 month from 31 January 2023 ends on 28 February or 1 March 2023 by the reading: a term
    # running on from it, or starting on 28 February, combines or not by that reading.
    consecutive = sentenced(
        ("t1", date(2023, 1, 31), months(1)),
        ("t2", date(2023, 1, 31), months(6, consecutive_to="t1")),
    )
    overlapping = sentenced(
        ("t1", date(2023, 1, 31), months(1)), ("t2", date(2023, 2, 28), months(6))
    )
    for case in (consecutive, overlapping):
        with pytest.raises(AmbiguousReadingError) as raised:
            registration(case, date(2023, 3, 1), STRICT_LEAP_DAY)
        assert raised.value.question == "leap_day"
        assert str(raised.value) == (
            "leap_day: where a term from a day the month may lack ends decides how terms "
            "combine; choose one"
        )


def test_a_term_in_weeks_within_7_days_of_6_months_is_flagged() -> None:
    # 26 weeks from 1 March 2004 end with 29 August 2004; 6 months from 1 March 2004 end with
    # 31 August 2004: 2 days apart, flagged; 26 weeks, 6 months or less.
    on = date(2004, 3, 1)
    case = sentenced(("t1", on, Imprisonment(term=CalendarPeriod(weeks=26))))
    source = only_source(case, date(2004, 6, 1))
    assert said(source.reasons)[2] == reason(
        "ew.s82.review",
        f"{T0}: the term (2004-03-01 to 2004-08-29) is within 7 days of 6 or 30 months by "
        "calendar: flagged for review.",
        T0,
    )
    assert source.period == CalendarPeriod(years=7)


# --------------------------------------------------------------------------------------------
# The sentencing history (rule ew.s82.resentence)
# --------------------------------------------------------------------------------------------


def resentenced(first: Any, why: str, again: date, then: Any) -> Case:
    """A conviction on 1 March 2024 with ``first``, dealt with again on ``again``."""
    resentence = Resentence(date=again, reason=why, disposal=then)
    return conviction(date(2024, 3, 1), first, resentences=(resentence,))


def test_an_activated_suspended_sentence_with_a_lesser_term_is_flagged() -> None:
    # 12 months suspended on 1 March 2024, activated on 1 August 2024 with 4 months: the
    # disposal in force, 4 months, is 6 months or less, 7 years beginning with 1 March 2024,
    # ending on 28 February 2031; the earlier custodial sentence is flagged (s.82(1) 'is or
    # has been sentenced').
    on = date(2024, 3, 1)
    suspended = SuspendedImprisonment(term=CalendarPeriod(months=12))
    case = resentenced(suspended, "activation_of_suspended_sentence", date(2024, 8, 1), months(4))
    source = only_source(case, date(2024, 9, 2))
    assert said(source.reasons) == [
        *head(on),
        reason(
            "ew.s82.resentence",
            "Sentencing history: 2024-03-01 sentenced: suspended imprisonment of 12 months; "
            "2024-08-01 activation of suspended sentence: imprisonment of 4 months. The disposal "
            "in force on the assessment date, passed on 2024-08-01, decides the row of the table; "
            "the period still begins with the relevant date.",
            T0,
            dates=(("sentence_in_force", date(2024, 8, 1)),),
        ),
        reason(
            "ew.s82.review",
            f"{T0}: an earlier custodial sentence (suspended imprisonment of 12 months) was "
            "replaced other than on appeal; s.82(1) covers a person who 'is or has been "
            "sentenced', so its row may still apply: check.",
            T0,
        ),
        age(date(1988, 1, 1), under=False),
        row(T0, SIX_OR_LESS, "7 years"),
        ends("7 years", on, date(2031, 2, 28)),
    ]


def test_a_sentence_varied_on_appeal_stands_in_place_of_the_first() -> None:
    # 12 months on 1 March 2024, varied on appeal on 2 September 2024 to 5 months: the new
    # sentence stands from 1 March 2024; 6 months or less, 7 years; no flag.
    on = date(2024, 3, 1)
    case = resentenced(months(12), "variation_on_appeal", date(2024, 9, 2), months(5))
    source = only_source(case, date(2024, 10, 1))
    assert said(source.reasons) == [
        *head(on),
        reason(
            "ew.s82.resentence",
            "Sentencing history: 2024-03-01 sentenced: imprisonment of 12 months (replaced on "
            "appeal); 2024-09-02 variation on appeal: imprisonment of 5 months. The sentence "
            "substituted on appeal stands in place of the one it varied, as if passed on "
            "2024-03-01; it decides the row of the table.",
            T0,
            dates=(("sentence_in_force", on),),
        ),
        age(date(1988, 1, 1), under=False),
        row(T0, SIX_OR_LESS, "7 years"),
        ends("7 years", on, date(2031, 2, 28)),
    ]


def test_the_same_sentence_passed_again_is_not_flagged() -> None:
    # Dealt with again on 2 September 2024 with the same 12 months: the row is the same,
    # 10 years, and no earlier sentence differs from the one in force.
    case = resentenced(months(12), "other", date(2024, 9, 2), months(12))
    source = only_source(case, date(2024, 10, 1))
    assert not any(r.rule_id == "ew.s82.review" for r in source.reasons)
    assert source.period == CalendarPeriod(years=10)


# --------------------------------------------------------------------------------------------
# Terms in days compared with the table's months by calendar (rule ew.s82.review)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "last", "flagged", "period"),
    [
        # 6 months from 1 March 2024 reach 1 September 2024, 184 days. 177 days reach 25 August
        # (last day 24 August), 7 days short: flagged; 6 months or less, 7 years.
        (177, date(2024, 8, 24), True, 7),
        # 176 days, 8 days short: not flagged.
        (176, date(2024, 8, 23), False, 7),
        # 191 days reach 8 September (last day 7 September), 7 days over: flagged; more than
        # 6 months, 10 years.
        (191, date(2024, 9, 7), True, 10),
        # 192 days, 8 days over: not flagged.
        (192, date(2024, 9, 8), False, 10),
    ],
)
def test_a_term_in_days_is_flagged_within_7_days_of_6_months(
    days: int, last: date, flagged: bool, period: int
) -> None:
    case = sentenced(("t1", date(2024, 3, 1), Imprisonment(term=CalendarPeriod(days=days))))
    source = only_source(case, date(2024, 4, 1))
    flag = reason(
        "ew.s82.review",
        f"{T0}: the term (2024-03-01 to {last.isoformat()}) is within 7 days of 6 or 30 months "
        "by calendar: flagged for review.",
        T0,
    )
    assert (flag in said(source.reasons)) is flagged
    assert source.period == CalendarPeriod(years=period)


@pytest.mark.parametrize(
    ("reading", "period"),
    [
        # 184 days from 31 May 2004 reach 1 December 2004. 6 months from 31 May reach
        # 31 November, which does not exist: 1 December under the next-day reading (not more
        # than 6 months: 7 years), 30 November under the previous-day one (more: 10 years).
        ("next_day", 7),
        ("previous_day", 10),
    ],
)
def test_a_term_in_days_from_a_month_end_is_compared_under_the_reading(
    reading: str, period: int
) -> None:
    term = Imprisonment(term=CalendarPeriod(days=184))
    case = sentenced(("t1", date(2004, 5, 31), term))
    source = only_source(case, date(2004, 7, 1), Policy(leap_day=reading))
    assert source.period == CalendarPeriod(years=period)
    with pytest.raises(AmbiguousReadingError) as raised:
        only_source(case, date(2004, 7, 1), STRICT_LEAP_DAY)
    assert raised.value.question == "leap_day"
    assert str(raised.value) == (
        "leap_day: comparing a term with 6 months from a day the month may lack depends on the "
        "reading; choose one"
    )


def test_a_life_sentence_passed_after_conviction_is_told_by_its_name() -> None:
    # Convicted 1 March 2024, sentenced to life imprisonment on 15 April 2024: indefinite,
    # beginning with the relevant date, the conviction (s.82(1), (6)).
    on, passed = date(2024, 3, 1), date(2024, 4, 15)
    source = only_source(conviction(on, LifeImprisonment(), sentence_date=passed), date(2024, 5, 1))
    # The reasons of the period (the review of indefinite requirements, s.91B, follows them).
    assert said(source.reasons)[:5] == [
        *head(on),
        reason(
            "ew.s82.resentence",
            "Sentencing history: 2024-04-15 sentenced: life imprisonment. The disposal in force "
            "on the assessment date, passed on 2024-04-15, decides the row of the table; the "
            "period still begins with the relevant date.",
            T0,
            dates=(("sentence_in_force", passed),),
        ),
        age(date(1988, 1, 1), under=False),
        reason(
            "ew.s82.period",
            f"s.82(1) table: {INDEFINITE_ROW}: an indefinite period beginning with 2024-03-01.",
            T0,
        ),
    ]


def test_a_finding_before_1_september_1997_not_then_current_is_named_in_words() -> None:
    # A finding of not guilty by insanity on 29 August 1997 with a hospital order, the case not
    # current on 1 September 1997 (the person not then detained in hospital): s.81(4) excludes it.
    on = date(1997, 8, 29)
    hospital = HospitalOrder(restriction_order=False)
    case = conviction(
        on, hospital, kind="finding_not_guilty_by_insanity", current_on_1_september_1997=False
    )
    reg = registration(case, date(2005, 1, 3))
    assert reg.sources == ()
    assert said(reg.reasons) == [
        reason(
            "ew.s80.subject",
            f"{T0}: finding not guilty by insanity on 1997-08-29 in respect of a Schedule 3 "
            "offence makes the person subject.",
            T0,
        ),
        relevant(T0, on),
        reason(
            "ew.s81.before_1997",
            f"{T0}: a finding not guilty by insanity before 1 September 1997 whose case was not "
            "current at the beginning of that day: s.81(1) does not apply (s.81(3)-(4)).",
            T0,
            f"{T0}.current_on_1_september_1997",
        ),
        NONE_SUBJECT,
    ]


def test_an_absolute_discharge_after_a_finding_leaves_the_person_subject() -> None:
    # The deeming of PCC(S)A 2000 s.14(1) and Sentencing Act 2020 s.82(2) is of a conviction; a
    # finding of not guilty by insanity with an absolute discharge (Criminal Procedure
    # (Insanity) Act 1964 s.5(2)(c)) is within s.80(1)(b): a person of any other description,
    # 5 years beginning with 1 March 2022, ending on 28 February 2027.
    on = date(2022, 3, 1)
    case = conviction(on, AbsoluteDischarge(), kind="finding_not_guilty_by_insanity")
    source = only_source(case, date(2022, 4, 1))
    assert said(source.reasons)[-2:] == [
        row(T0, "a person of any other description", "5 years"),
        ends("5 years", on, date(2027, 2, 28)),
    ]


@pytest.mark.parametrize(("reading", "period"), [("next_day", 10), ("previous_day", 7)])
def test_a_term_in_months_and_days_is_measured_under_the_reading(reading: str, period: int) -> None:
    # 5 months and 30 days from 30 September 2023: 5 months reach 30 February 2024, which does
    # not exist: 1 March under the next-day reading, 29 February under the previous-day one;
    # 30 days more reach 31 March or 30 March. 6 months reach 30 March 2024 under either. More
    # than 6 months only under the next-day reading: 10 years, else 7 years (s.82(1)).
    term = Imprisonment(term=CalendarPeriod(months=5, days=30))
    case = sentenced(("t1", date(2023, 9, 30), term))
    assert only_source(case, date(2023, 11, 1), Policy(leap_day=reading)).period == (
        CalendarPeriod(years=period)
    )
    with pytest.raises(AmbiguousReadingError):
        only_source(case, date(2023, 11, 1), STRICT_LEAP_DAY)


def test_an_odd_dto_from_a_month_end_is_halved_under_each_reading() -> None:
    # 13 months from 31 January 2021 reach 31 February 2022, which does not exist: 1 March
    # (394 days) or 28 February (393 days); half is 197 or 196 days, to 16 or 15 August 2021,
    # more than 6 months (to 31 July 2021) either way, so even a strict policy does not raise.
    # Under 18 (born 15 January 2005): 10 years halved to 5 years, beginning with 31 January
    # 2021 and ending on 30 January 2026.
    case = dto_case(date(2005, 1, 15), date(2021, 1, 31), 13)
    source = only_source(case, date(2021, 3, 1), STRICT_LEAP_DAY)
    assert (source.period, source.end) == (CalendarPeriod(years=5), date(2026, 1, 30))


def near_line(source: Source) -> bool:
    """Whether ``source`` is flagged for a term within 7 days of 6 or 30 months."""
    return any("is within 7 days of 6 or 30 months" in r.statement for r in source.reasons)


def test_a_term_7_days_short_of_6_months_under_one_reading_is_flagged() -> None:
    # 176 days from 31 May 2004 reach 23 November 2004 (last day 22 November). 6 months reach
    # 30 November (previous-day reading) or 1 December (next-day): 7 days short under the first,
    # so flagged; not more than 6 months under either, 7 years.
    case = sentenced(("t1", date(2004, 5, 31), Imprisonment(term=CalendarPeriod(days=176))))
    source = only_source(case, date(2004, 7, 1))
    assert said(source.reasons)[2] == reason(
        "ew.s82.review",
        f"{T0}: the term (2004-05-31 to 2004-11-22) is within 7 days of 6 or 30 months by "
        "calendar: flagged for review.",
        T0,
    )
    assert source.period == CalendarPeriod(years=7)


def test_a_term_7_days_over_6_months_under_one_reading_is_flagged() -> None:
    # 5 months and 37 days from 30 September 2023: 5 months reach 1 March or 29 February 2024
    # by the reading, and 37 days more 7 April or 6 April; 6 months reach 30 March 2024. 7 days
    # over under the previous-day reading: flagged (8 under the other).
    term = Imprisonment(term=CalendarPeriod(months=5, days=37))
    source = only_source(sentenced(("t1", date(2023, 9, 30), term)), date(2023, 11, 1))
    assert near_line(source)
    assert source.period == CalendarPeriod(years=10)


@pytest.mark.parametrize(
    ("reading", "period", "indefinite"),
    [
        # 913 days from 31 May 2004 reach 30 November 2006. 30 months reach 31 November 2006,
        # which does not exist: 1 December (next-day reading), so less than 30 months, 10 years;
        # or 30 November (previous-day), so 30 months or more, indefinite.
        ("next_day", CalendarPeriod(years=10), False),
        ("previous_day", None, True),
    ],
)
def test_a_term_reaching_30_months_under_one_reading_names_the_reading(
    reading: str, period: CalendarPeriod | None, indefinite: bool
) -> None:
    case = sentenced(("t1", date(2004, 5, 31), Imprisonment(term=CalendarPeriod(days=913))))
    source = only_source(case, date(2004, 7, 1), Policy(leap_day=reading))
    assert (source.period, source.indefinite) == (period, indefinite)
    assert near_line(source)  # within a day of 30 months
    table = [r for r in source.reasons if r.statement.startswith("s.82(1) table")]
    assert [r.readings for r in table] == [(f"leap_day={reading}",)]


def test_a_term_consecutive_to_one_ending_by_the_reading_starts_after_it() -> None:
    # 1 month from 31 January 2023 has its anniversary on 1 March 2023 under the next-day
    # reading; 5 months consecutive run from 1 March to 31 July 2023 (anniversary 1 August).
    # Together 6 months (s.82(3)-(4)): 6 months or less, 7 years each.
    on = date(2023, 1, 31)
    case = sentenced(("t1", on, months(1)), ("t2", on, months(5, consecutive_to="t1")))
    first, _ = registration(case, date(2023, 3, 1), Policy(leap_day="next_day")).sources
    assert said(first.reasons)[2] == combined(
        "t2", "the aggregate of the terms, 6 months", on, date(2023, 8, 1), T0
    )
    assert first.period == CalendarPeriod(years=7)


def test_the_end_of_a_discharge_from_a_month_end_follows_the_reading() -> None:
    # A conditional discharge of 1 month from 31 January 2023: under the previous-day reading
    # its anniversary is 28 February, so it ends on 27 February; re-sentenced on 1 March 2023,
    # the person is not subject on 28 February (s.82(1) reading of re-sentencing).
    four_months = Imprisonment(term=CalendarPeriod(months=4))
    resentence = Resentence(
        date=date(2023, 3, 1), reason="breach_of_conditional_discharge", disposal=four_months
    )
    discharge = ConditionalDischarge(period=CalendarPeriod(months=1))
    case = conviction(date(2023, 1, 31), discharge, resentences=(resentence,))
    source = only_source(case, date(2023, 4, 3), Policy(leap_day="previous_day"))
    assert source.lapsed is not None
    assert (source.lapsed.start, source.lapsed.end) == (date(2023, 2, 28), date(2023, 3, 1))


def test_the_flag_names_the_last_custodial_sentence_replaced() -> None:
    # 12 months suspended on 1 March 2024, activated with 4 months on 1 August 2024, then dealt
    # with again on 2 September 2024 with a community order: the last custodial sentence
    # replaced other than on appeal is the 4 months.
    on = date(2024, 3, 1)
    again = (
        Resentence(
            date=date(2024, 8, 1), reason="activation_of_suspended_sentence", disposal=months(4)
        ),
        Resentence(date=date(2024, 9, 2), reason="other", disposal=OtherDisposal()),
    )
    suspended = SuspendedImprisonment(term=CalendarPeriod(months=12))
    source = only_source(conviction(on, suspended, resentences=again), date(2024, 10, 1))
    assert said(source.reasons)[3] == reason(
        "ew.s82.review",
        f"{T0}: an earlier custodial sentence (imprisonment of 4 months) was replaced other than "
        "on appeal; s.82(1) covers a person who 'is or has been sentenced', so its row may still "
        "apply: check.",
        T0,
    )


def test_three_consecutive_terms_name_each_other() -> None:
    # 3 months from 1 March 2024, then 2 months and 2 months consecutive: 7 months together
    # (s.82(3)-(4)), 1 March 2024 to 30 September 2024; more than 6 months, 10 years.
    on = date(2024, 3, 1)
    case = sentenced(
        ("t1", on, months(3)),
        ("t2", on, months(2, consecutive_to="t1")),
        ("t3", on, months(2, consecutive_to="t2")),
    )
    first = registration(case, date(2024, 4, 1)).sources[0]
    assert said(first.reasons)[2] == combined(
        "t2, t3", "the aggregate of the terms, 7 months", on, date(2024, 10, 1), T0
    )
    assert first.period == CalendarPeriod(years=10)


def test_a_re_sentence_after_the_assessment_date_does_not_unflag_a_first_sentence_dto() -> None:
    # As in the case above (an order of 8 months at first sentence on 1 April 2022, after the
    # 18th birthday on 10 March 2022), with the offender dealt with again on 1 June 2022:
    # assessed on 1 May 2022 the re-sentence is not yet known, so the order is still flagged.
    person = Person(reference="FICTIONAL-0971", date_of_birth=date(2004, 3, 10))
    later = Resentence(date=date(2022, 6, 1), reason="other", disposal=months(8))
    dto = DetentionAndTrainingOrder(term=CalendarPeriod(months=8))
    case = conviction(
        date(2022, 1, 5), dto, person, sentence_date=date(2022, 4, 1), resentences=(later,)
    )
    source = only_source(case, date(2022, 5, 1))
    assert any("made at first sentence" in r.statement for r in source.reasons)


@pytest.mark.parametrize("field", ["consecutive_to", "concurrent_with"])
def test_a_term_linked_to_one_not_yet_passed_needs_it(field: str) -> None:
    # t2 (4 months on 1 March 2024) runs on from, or with, t1, whose sentence is passed on 2 May
    # 2024; assessed on 1 April 2024 t1's term is not known, so neither is t2's start.
    case = Case(
        person=ADULT,
        triggers=(
            Trigger(
                id="t1",
                kind="conviction",
                date=date(2024, 3, 1),
                sentence_date=date(2024, 5, 2),
                disposal=months(3),
            ),
            Trigger(
                id="t2",
                kind="conviction",
                date=date(2024, 3, 1),
                disposal=months(4, **{field: "t1"}),
            ),
        ),
    )
    second = registration(case, date(2024, 4, 1)).sources[1]
    assert second.missing == (f"triggers[1].disposal.{field}: the term it names is not known",)


# --------------------------------------------------------------------------------------------
# A trigger that makes no one subject leaves the others their periods
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        # A conviction abroad with no notification order or police notice (s.97, s.96ZC).
        Trigger(
            id="t0", kind="conviction", date=date(2004, 4, 30), disposal=months(3), abroad=True
        ),
        # An absolute discharge (PCC(S)A 2000 s.14(1)).
        Trigger(id="t0", kind="conviction", date=date(2004, 4, 30), disposal=AbsoluteDischarge()),
        # A conditional discharge before 1 May 2004 (s.134(2)).
        Trigger(
            id="t0",
            kind="conviction",
            date=date(2004, 4, 30),
            disposal=ConditionalDischarge(period=CalendarPeriod(years=1)),
        ),
        # A caution before 1 September 1997 (s.81(5)).
        Trigger(id="t0", kind="caution", date=date(1997, 8, 31)),
        # A conviction before 1 September 1997 not then current (s.81(3)).
        Trigger(
            id="t0",
            kind="conviction",
            date=date(1997, 8, 29),
            disposal=months(3),
            current_on_1_september_1997=False,
        ),
        # A caution whose 2 years ended on 30 April 2004, before Part 2 (s.81(2)).
        Trigger(id="t0", kind="caution", date=date(2002, 5, 1)),
    ],
    ids=[
        "abroad",
        "absolute-discharge",
        "conditional-discharge-before-part-2",
        "caution-before-1997",
        "conviction-before-1997-not-current",
        "ended-before-part-2",
    ],
)
def test_a_trigger_that_makes_no_one_subject_leaves_a_later_caution_its_period(
    first: Trigger,
) -> None:
    # A caution of an adult on 3 January 2005: 2 years beginning with it end on 2 January 2007.
    later = Trigger(id="t1", kind="caution", date=date(2005, 1, 3))
    reg = registration(Case(person=ADULT, triggers=(first, later)), date(2005, 2, 1))
    assert [(s.trigger_id, s.end) for s in reg.sources] == [("t1", date(2007, 1, 2))]


def test_a_trigger_abroad_is_explained_by_its_order() -> None:
    # A conviction abroad on 7 March 2005 with life imprisonment, and a police notice of
    # 3 January 2023 naming it (s.96ZC): the person is subject through the notice, which the
    # first reason names; s.80(1) (a conviction in the United Kingdom) is not among them.
    life = Trigger(
        id="t1", kind="conviction", date=date(2005, 3, 7), disposal=LifeImprisonment(), abroad=True
    )
    notice = Order(id="o1", kind="police_notice", made=date(2023, 1, 3), trigger="t1")
    case = Case(person=ADULT, triggers=(life,), orders=(notice,))
    [source] = registration(case, date(2024, 1, 2)).sources
    assert "ew.s80.subject" not in [r.rule_id for r in source.reasons]
    assert "orders[0]" in source.reasons[0].facts


def test_a_trigger_abroad_awaiting_sentence_keeps_its_notice() -> None:
    # A conviction abroad on 7 March 2022 with no disposal recorded, named by a police notice of
    # 3 January 2023: the period needs the disposal, and the source records the notice.
    abroad = Trigger(id="t1", kind="conviction", date=date(2022, 3, 7), abroad=True)
    notice = Order(id="o1", kind="police_notice", made=date(2023, 1, 3), trigger="t1")
    case = Case(person=ADULT, triggers=(abroad,), orders=(notice,))
    [source] = registration(case, date(2023, 2, 1)).sources
    assert source.missing[-1] == f"{T0}.disposal: needed to find the notification period (s.82(1))"
    assert source.applied_by == "orders[0]"


def test_the_18th_birthday_of_a_person_born_on_29_february_names_the_reading() -> None:
    # Born 29 February 2004: 29 February 2022 does not exist, so under the default next-day
    # reading the person attains 18 on 1 March 2022 (FLRA 1969 s.9 with policy.leap_day), and a
    # caution on 28 February 2022 is of a person under 18: 2 years halved to 1 year.
    person = Person(reference="FICTIONAL-0977", date_of_birth=date(2004, 2, 29))
    source = only_source(
        conviction(date(2022, 2, 28), None, person, kind="caution"), date(2022, 3, 1)
    )
    attains = date(2022, 3, 1)
    assert (
        "ew.age",
        "The person attains 18 on 2022-03-01, so is under 18 on the relevant date.",
        (),
        (("attains_18", attains),),
        ("leap_day=next_day",),
    ) in said(source.reasons)
    assert source.period == CalendarPeriod(years=1)


def noticed(made: date, *later: Trigger) -> Registration:
    # A conviction abroad on 4 January 2010 with 3 months' imprisonment: 7 years beginning with
    # it end on 3 January 2017 (s.82(1)), reckoned from the foreign date; a notification order
    # naming it is made and served on `made` (s.97, s.98).
    abroad = Trigger(
        id="t1", kind="conviction", date=date(2010, 1, 4), disposal=months(3), abroad=True
    )
    order = Order(id="o1", kind="notification_order", made=made, served=made, trigger="t1")
    return registration(Case(person=ADULT, triggers=(abroad, *later), orders=(order,)), made)


def test_an_order_after_the_period_ended_makes_no_one_subject() -> None:
    reg = noticed(date(2017, 1, 4))
    assert reg.sources == ()
    assert (
        "ew.s98.notification_order",
        f"{T0}: the notification period ended on 2017-01-03, before orders[0] took effect: it "
        "makes no one subject.",
        (T0, "orders[0]"),
        (("end", date(2017, 1, 3)),),
        (),
    ) in said(reg.reasons)


def test_an_order_on_the_last_day_of_the_period_makes_the_person_subject_that_day() -> None:
    [source] = noticed(date(2017, 1, 3)).sources
    assert (source.subject_from, source.end) == (date(2017, 1, 3), date(2017, 1, 3))


def test_an_order_after_the_period_ended_leaves_a_later_caution_its_period() -> None:
    # A caution on 2 January 2017: 2 years beginning with it end on 1 January 2019.
    later = Trigger(id="t2", kind="caution", date=date(2017, 1, 2))
    reg = noticed(date(2017, 1, 4), later)
    assert [(s.trigger_id, s.end) for s in reg.sources] == [("t2", date(2019, 1, 1))]


def test_a_dto_of_18_months_counts_for_9() -> None:
    # 18 months on 2 August 2021 for a person born 15 January 2005: half, 9 months (s.131(a)),
    # is more than 6 months: 10 years halved to 5 years, ending on 1 August 2026.
    source = only_source(dto_case(date(2005, 1, 15), date(2021, 8, 2), 18), date(2021, 9, 1))
    assert (source.period, source.end) == (CalendarPeriod(years=5), date(2026, 8, 1))


def test_halves_of_dtos_in_whole_months_are_compared_in_whole_months() -> None:
    # Orders of 8 and 4 months on 1 March 2024, the second consecutive, for a person born
    # 15 January 2008: halves of 4 and 2 months, 6 months together (1 March to 31 August 2024),
    # exactly 6 months in whole months, so not flagged as near the line; 7 years halved to
    # 3 years 6 months.
    person = Person(reference="FICTIONAL-0978", date_of_birth=date(2008, 1, 15))
    on = date(2024, 3, 1)
    first = DetentionAndTrainingOrder(term=CalendarPeriod(months=8))
    second = DetentionAndTrainingOrder(term=CalendarPeriod(months=4), consecutive_to="t1")
    case = Case(
        person=person,
        triggers=(
            Trigger(id="t1", kind="conviction", date=on, disposal=first),
            Trigger(id="t2", kind="conviction", date=on, disposal=second),
        ),
    )
    source = registration(case, date(2024, 4, 2)).sources[0]
    assert not near_line(source)
    assert source.period == CalendarPeriod(years=3, months=6)
