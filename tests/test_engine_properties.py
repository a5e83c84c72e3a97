"""Invariants of :func:`sexoffender_rules.assess`, checked with hypothesis on generated cases.

Results are compared through :func:`projection`, which leaves out everything that names a fact by
its path (``fact``, ``reasons``, ``missing``): those change when facts are reordered or added,
though the decision does not.
"""

from __future__ import annotations

import contextlib
import copy
from collections import Counter
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sexoffender_rules import (
    FailureAfterRequirementsEnd,
    Policy,
    SexOffenderRulesError,
    assess,
    explain,
    explain_markdown,
    summary,
)
from sexoffender_rules.assessment import Assessment, Duty, DutyKind, DutyState, Registration
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.documents import assessment_to_data
from sexoffender_rules.model import (
    Case,
    Detention,
    DetentionAndTrainingOrder,
    DetentionKind,
    HomeAddress,
    HomeAddressChange,
    HomeAddressKind,
    Imprisonment,
    Notification,
    NotificationKind,
    Order,
    Person,
    Resentence,
    Trigger,
    TriggerKind,
)
from sexoffender_rules.strategies import (
    FACTS_FROM,
    FACTS_UNTIL,
    case_dates,
    cases_with_as_of,
    custodial_terms,
    fact_dates,
    histories,
    policies,
    with_fact_after,
    with_notification,
)

INFINITY = date.max  # an indefinite period ends after every date


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def end_value(end: date | None, indefinite: bool) -> date | None:
    return INFINITY if indefinite else end


def duty_key(d: Duty, dated: dict[str, date] | None = None) -> tuple[Any, ...]:
    by = d.discharged_by
    return (
        d.kind,
        d.trigger_date,
        d.deadline,
        d.state,
        dated[by] if dated and by else by,
        d.breach,
    )


def projection(a: Assessment, case: Case | None = None) -> dict[str, Any]:
    """The decision without fact paths: registration, headline, next deadline, and the multiset of
    duties as (kind, trigger_date, deadline, state, discharged_by, breach).

    Given ``case``, ``discharged_by`` is replaced by the date of that notification: which of two
    notifications given on one day answered a duty then does not matter.
    """
    dated = {n.id: n.date for n in case.notifications} if case is not None else None
    reg = a.registration
    return {
        "subject": reg.subject,
        "end": end_value(reg.end, reg.indefinite),
        "undetermined": reg.undetermined,
        "sources": sorted(
            (
                (s.trigger_id, s.relevant_date, s.period_text, end_value(s.end, s.indefinite))
                for s in reg.sources
            ),
            key=repr,
        ),
        "headline": a.headline,
        "next_deadline": a.next_deadline,
        "duties": Counter(duty_key(d, dated) for d in a.duties),
    }


def assert_same(before: Assessment, after: Assessment, case: Case | None = None) -> None:
    x, y = projection(before, case), projection(after, case)
    if x != y:
        lost = x["duties"] - y["duties"]
        gained = y["duties"] - x["duties"]
        x.pop("duties"), y.pop("duties")
        raise AssertionError(f"{x}\n!=\n{y}\nduties lost: {lost}\nduties gained: {gained}")


def source_ends(reg: Registration) -> dict[str, date | None]:
    """The last day subject through each source, by trigger (or order) id: an order keeping the
    person subject until further order (s.103G(1), s.129(2)) counts as indefinite, one keeping
    them subject to a day counts to that day; ``None`` where the period is undetermined."""
    ends: dict[str, date | None] = {}
    for s in reg.sources:
        if s.kept_by is not None and s.kept_until is None and not s.undetermined:
            ends[s.trigger_id] = INFINITY
        elif s.kept_by is not None:
            ends[s.trigger_id] = s.kept_until
        else:
            ends[s.trigger_id] = end_value(s.end, s.indefinite)
    return ends


def at_most(a: date | None, b: date | None) -> bool:
    """``a <= b`` for period ends; ``None`` (undetermined) only compares with itself."""
    if a is None or b is None:
        return a is b
    return a <= b


# --------------------------------------------------------------------------------------------
# (a) The order of the facts never matters
# --------------------------------------------------------------------------------------------


def shuffled(case: Case, data: st.DataObject) -> Case:
    return attrs.evolve(
        case,
        **{
            name: tuple(data.draw(st.permutations(getattr(case, name)), label=name))
            for name in (
                "triggers",
                "detentions",
                "absences_abroad",
                "events",
                "notifications",
                "orders",
                "review_determinations",
                "parental_directions",
                "police_records",
            )
        },
    )


def same_day_home_addresses_differ(case: Case) -> bool:
    """Whether two notifications given on one day give different home addresses."""
    homes: dict[date, set[HomeAddress]] = {}
    for n in case.notifications:
        if n.home_address is not None:
            homes.setdefault(n.date, set()).add(n.home_address)
    return any(len(h) > 1 for h in homes.values())


RESIDENCE = HomeAddress(kind="residence", reference="ADDR-1")
NOWHERE = HomeAddress(kind="no_sole_or_main_residence", reference="LOC-1")
ONE_CAUTION = Case(
    person=Person(reference="FICTIONAL-PBT", date_of_birth=date(1980, 1, 1)),
    triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 2)),),
)
# Bug: two notifications on one day giving different home addresses; the one given later in the
# input decides whether the periodic period is a week or a year (headline in_breach or compliant).
SAME_DAY_HOMES = attrs.evolve(
    ONE_CAUTION,
    notifications=(
        Notification(id="n1", date=date(2026, 3, 2), kind="initial", home_address=RESIDENCE),
        Notification(id="n2", date=date(2026, 3, 2), kind="change", home_address=NOWHERE),
    ),
)
# Bug: two initial notifications on one day; the one first in the input is cited as discharging.
SAME_DAY_INITIALS = attrs.evolve(
    ONE_CAUTION,
    notifications=(
        Notification(id="n1", date=date(2026, 3, 2), kind="initial"),
        Notification(id="n2", date=date(2026, 3, 2), kind="initial"),
    ),
)


@given(cases_with_as_of(), st.data())
def test_order_of_facts_never_changes_the_decision(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    """The decision, a duty's discharging notification compared by its date, for cases in which
    no two notifications of one day give different home addresses (the next test covers those)."""
    case, as_of = pair
    assume(not same_day_home_addresses_differ(case))
    assert_same(assess(case, as_of), assess(shuffled(case, data), as_of), case)


@example(pair=(SAME_DAY_HOMES, date(2026, 3, 20)), data=None)
@given(cases_with_as_of(), st.data())
def test_order_of_facts_never_changes_the_decision_with_same_day_home_addresses(
    pair: tuple[Case, date], data: st.DataObject | None
) -> None:
    case, as_of = pair
    reordered = (
        shuffled(case, data)
        if data is not None
        else attrs.evolve(case, notifications=case.notifications[::-1])
    )
    assert_same(assess(case, as_of), assess(reordered, as_of), case)


@example(pair=(SAME_DAY_INITIALS, date(2026, 3, 20)), data=None)
@given(cases_with_as_of(), st.data())
def test_order_of_facts_never_changes_the_result(
    pair: tuple[Case, date], data: st.DataObject | None
) -> None:
    """The result exactly, discharging notifications compared by id."""
    case, as_of = pair
    reordered = (
        shuffled(case, data)
        if data is not None
        else attrs.evolve(case, notifications=case.notifications[::-1])
    )
    assert_same(assess(case, as_of), assess(reordered, as_of))


# --------------------------------------------------------------------------------------------
# (b) A fact dated after the assessment date is not yet known
# --------------------------------------------------------------------------------------------


@given(cases_with_as_of(), st.data())
def test_a_fact_after_as_of_never_changes_the_result(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    case, as_of = pair
    later = data.draw(with_fact_after(case, as_of), label="with a later fact")
    assert_same(assess(case, as_of), assess(later, as_of))


# --------------------------------------------------------------------------------------------
# (c) A longer custodial term never gives a shorter notification period
# --------------------------------------------------------------------------------------------


@st.composite
def single_custodial_convictions(draw: st.DrawFn) -> tuple[Case, Case, date]:
    """One person, one conviction (or finding) with a custodial term T, and the same case with a
    term T plus some months; the same dates otherwise."""
    born = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2012, 12, 31)))
    low = max(FACTS_FROM, born)
    on = draw(fact_dates(low, FACTS_UNTIL))
    kind = draw(st.sampled_from([k for k in TriggerKind if k is not TriggerKind.CAUTION]))
    threshold = draw(st.one_of(st.none(), fact_dates(on, max(on, FACTS_UNTIL), near=on)))
    start = draw(st.one_of(st.none(), fact_dates(on, max(on, FACTS_UNTIL), near=on)))
    if draw(st.booleans()):
        term = draw(custodial_terms())
        extra = draw(st.integers(1, 40))
        shorter: Imprisonment | DetentionAndTrainingOrder = Imprisonment(term=term, start=start)
        longer: Imprisonment | DetentionAndTrainingOrder = Imprisonment(
            term=attrs.evolve(term, months=term.months + extra), start=start
        )
    else:
        months = draw(st.integers(4, 23))
        extra = draw(st.integers(1, 24 - months))
        shorter = DetentionAndTrainingOrder(term=CalendarPeriod(months=months), start=start)
        longer = DetentionAndTrainingOrder(term=CalendarPeriod(months=months + extra), start=start)
    person = Person(reference="FICTIONAL-PBT", date_of_birth=born)

    def case(disposal: Imprisonment | DetentionAndTrainingOrder) -> Case:
        trigger = Trigger(
            id="t1", kind=kind, date=on, disposal=disposal, threshold_sentence_date=threshold
        )
        return Case(person=person, triggers=(trigger,))

    as_of = draw(fact_dates(threshold or on, date(2045, 12, 31), near=threshold or on))
    return case(shorter), case(longer), as_of


@given(single_custodial_convictions())
def test_a_longer_custodial_term_never_gives_a_shorter_period(
    cases: tuple[Case, Case, date],
) -> None:
    shorter, longer, as_of = cases
    a, b = assess(shorter, as_of).registration, assess(longer, as_of).registration
    assert a.sources
    assert b.sources
    assert at_most(end_value(a.end, a.indefinite), end_value(b.end, b.indefinite))


# --------------------------------------------------------------------------------------------
# (d) Someone under 18 on the relevant date never has a longer period than an adult
# --------------------------------------------------------------------------------------------


def no_longer(young: date | None, older: date | None) -> bool:
    """A younger person's period end is no later than an older one's. Where the older one's is
    undetermined (``None``: it turns on a fact not known, such as the s.81(3) one) there is
    nothing to exceed; a younger one's undetermined end compares only with another."""
    if older is None:
        return True
    return young is not None and young <= older


# Found under the thorough profile: a conviction of 31 May 1994 whose s.81(3) fact is not known
# leaves an adult's period undetermined, while for a person born that day the shorter period
# (s.82(2)) has ended before 1 May 2004 whatever the fact, so theirs is determined.
HISTORIC_UNKNOWN = Case(
    person=Person(reference="FICTIONAL-PBT", date_of_birth=date(1952, 2, 29)),
    triggers=(
        Trigger(id="t1", kind="caution", date=date(2001, 1, 1)),
        Trigger(
            id="t2",
            kind="conviction",
            date=date(2001, 1, 1),
            disposal=Imprisonment(term=CalendarPeriod(months=5)),
            resentences=(
                Resentence(
                    date=date(2001, 1, 2),
                    reason="breach_of_conditional_discharge",
                    disposal=Imprisonment(term=CalendarPeriod(days=1)),
                ),
            ),
        ),
        Trigger(
            id="t3",
            kind="conviction",
            date=date(1994, 5, 31),
            disposal=Imprisonment(term=CalendarPeriod(months=7)),
        ),
    ),
    detentions=(Detention(kind="remand", start=date(2004, 5, 1)),),
)


# Found under the thorough profile: a risk of sexual harm order breached on 13 Aug 2012. A person
# born in 2000 convicted at 5 (3 years 6 months, s.82(1)-(2): ended 30 Jun 2009) is made subject
# by the breach conviction until further order (s.129(3)); a person born in 1950 (7 years, to
# 31 Dec 2012) is kept subject by it (s.129(2)). Neither period is longer for the younger one.
RISK_ORDER_BREACH = Case(
    person=Person(reference="FICTIONAL-PBT", date_of_birth=date(2000, 1, 1)),
    triggers=(
        Trigger(
            id="t1",
            kind="conviction",
            date=date(2006, 1, 1),
            disposal=Imprisonment(term=CalendarPeriod(months=5)),
        ),
    ),
    orders=(
        Order(
            id="o1",
            kind="risk_of_sexual_harm_order",
            made=date(2012, 8, 13),
            breach_conviction=date(2012, 8, 13),
        ),
    ),
)


def test_a_risk_order_breach_makes_the_young_subject_until_further_order() -> None:
    young = assess(RISK_ORDER_BREACH, date(2012, 8, 13)).registration
    adult = assess(
        attrs.evolve(
            RISK_ORDER_BREACH,
            person=attrs.evolve(RISK_ORDER_BREACH.person, date_of_birth=date(1950, 1, 1)),
        ),
        date(2012, 8, 13),
    ).registration
    assert (young.subject, young.indefinite, young.end) == (True, True, None)
    made = {s.trigger_id: s for s in young.sources}["o1"]
    assert (made.kept_by, made.kept_until, made.period_text) == (
        "orders[0]",
        None,
        "until further order",
    )
    assert source_ends(young) == {"t1": date(2009, 6, 30), "o1": INFINITY}
    assert source_ends(adult) == {"t1": INFINITY}
    assert (
        "Source o1 (orders[0]): relevant date 2012-08-13, period until further order, end until "
        "further order, kept subject by orders[0] until further order"
    ) in explain(assess(RISK_ORDER_BREACH, date(2012, 8, 13)))


# Found under the thorough profile: an interim order not served. Convicted 3 March 2009, 5
# months: 7 years to 2 March 2016 for an adult (s.82(1)); 3 years 6 months to 2 September 2012
# for a person born that day (s.82(2)), who is then not a relevant offender when the interim
# order is made on 1 May 2015 and so is made subject by it until 2 May 2015 (s.103G(2), (4)).
# The missing date of service leaves only the relevant date open (s.103G(3)), so the younger
# person's end (2 May 2015) is known, and no later than the adult's.
INTERIM_NOT_SERVED = Case(
    person=Person(reference="FICTIONAL-PBT", date_of_birth=date(1982, 1, 1)),
    triggers=(
        Trigger(
            id="t1",
            kind="conviction",
            date=date(2009, 3, 3),
            disposal=Imprisonment(term=CalendarPeriod(months=5)),
        ),
    ),
    orders=(
        Order(
            id="o2",
            kind="interim_sexual_harm_prevention_order",
            made=date(2015, 5, 1),
            ends=date(2015, 5, 2),
        ),
    ),
)


@example(pair=(INTERIM_NOT_SERVED, date(2015, 5, 1)))
@example(pair=(RISK_ORDER_BREACH, date(2012, 8, 13)))
@example(pair=(HISTORIC_UNKNOWN, date(2001, 1, 1)))
@given(cases_with_as_of())
def test_under_18_never_has_a_longer_period_than_an_adult(pair: tuple[Case, date]) -> None:
    case, as_of = pair
    # The youngest the person can be: born on the day of their earliest fact (nothing may come
    # before birth); and the oldest we generate. Each is a valid case with the same facts.
    youngest = min(
        (d for d in case_dates(case) if d >= case.person.date_of_birth),
        default=case.person.date_of_birth,
    )
    people = [youngest, case.person.date_of_birth, date(1950, 1, 1)]
    ends = [
        assess(
            attrs.evolve(case, person=attrs.evolve(case.person, date_of_birth=born)), as_of
        ).registration
        for born in people
    ]
    young, given_age, adult = ends
    for a, b in ((young, given_age), (given_age, adult), (young, adult)):
        assert a.sources == () or no_longer(
            end_value(a.end, a.indefinite), end_value(b.end, b.indefinite)
        )
        b_ends = source_ends(b)
        for trigger_id, end in source_ends(a).items():
            # A source only the younger person has is an order that made them subject because
            # their own period had ended (s.103G(2), s.129(3)); the older person, still subject
            # that day, is kept subject instead (s.103G(1), s.129(2)), so it is their whole
            # registration that must last at least as long.
            older = b_ends[trigger_id] if trigger_id in b_ends else end_value(b.end, b.indefinite)
            assert no_longer(end, older), trigger_id


# --------------------------------------------------------------------------------------------
# (e) Adding a notification never turns a met duty into a breach
# --------------------------------------------------------------------------------------------
#
# The exact property. The new notification is appended after the others, so every other fact
# keeps its path, and duties are matched by (kind, trigger_date, fact). For every duty present
# before and after that was MET before:
#
# - it is MET or NOT_REQUIRED after (a new initial notification for an earlier conviction can
#   make a later one's initial notification unnecessary, s.83(2); never a breach);
# - except a PERIODIC duty when the new notification gives a home address with no sole or main
#   residence: that can rightly shorten a later cycle from a year to a week (s.85(5)(a), SI
#   2012/1876), when the later notification that starts the cycle gives no home address of its
#   own (see test_a_new_no_residence_address_can_make_a_later_cycle_weekly).
#
# A periodic cycle the new notification starts is a new duty (a new trigger date); the cycle it
# falls inside is then discharged earlier, by it, and so stays met.
#
# One test adds a notification of any kind but advance; the other an advance one (a later
# advance notification of the same change must not cancel the cover of an earlier one that
# covered the event: s.84(2)-(4) say nothing of revoking it).

GOOD = {DutyState.MET, DutyState.NOT_REQUIRED}
NOT_ADVANCE = tuple(k for k in NotificationKind if k is not NotificationKind.ADVANCE)


def met_duties_turned_bad(case: Case, more: Case, as_of: date) -> list[tuple[Any, ...]]:
    """The duties MET on ``case`` that are neither MET nor NOT_REQUIRED on ``more`` (``case`` with
    one notification appended), periodic ones aside when that notification gives a home address
    with no sole or main residence."""
    added = more.notifications[-1]
    no_residence = (
        added.home_address is not None
        and added.home_address.kind is HomeAddressKind.NO_SOLE_OR_MAIN_RESIDENCE
    )
    before = {(d.kind, d.trigger_date, d.fact): d for d in assess(case, as_of).duties}
    after = {(d.kind, d.trigger_date, d.fact): d for d in assess(more, as_of).duties}
    bad = []
    for key, duty in before.items():
        if duty.state is not DutyState.MET or key not in after:
            continue
        if duty.kind is DutyKind.PERIODIC and no_residence:
            continue
        if after[key].state not in GOOD:
            bad.append((*key, after[key].state))
    return bad


@given(cases_with_as_of(), st.data())
def test_adding_a_notification_never_turns_a_met_duty_into_a_breach(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    """For an added notification of any kind but advance (the next test adds an advance one)."""
    case, as_of = pair
    more = data.draw(with_notification(case, NOT_ADVANCE), label="with a notification")
    assert met_duties_turned_bad(case, more, as_of) == []


ADDR_2 = HomeAddress(kind="residence", reference="ADDR-2")
# A move to ADDR-2 on 1 March, notified in advance on 1 February for 1 March: met.
MOVE_NOTIFIED_IN_ADVANCE = attrs.evolve(
    ONE_CAUTION,
    triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    events=(HomeAddressChange(date=date(2026, 3, 1), home_address=ADDR_2),),
    notifications=(
        Notification(id="n1", date=date(2026, 1, 5), kind="initial", home_address=RESIDENCE),
        Notification(
            id="a1",
            date=date(2026, 2, 1),
            kind="advance",
            expected_date=date(2026, 3, 1),
            home_address=ADDR_2,
        ),
    ),
)
# ... and a second advance notification of the same move, on 10 February, for 20 March.
REVISED_ADVANCE = attrs.evolve(
    MOVE_NOTIFIED_IN_ADVANCE,
    notifications=(
        *MOVE_NOTIFIED_IN_ADVANCE.notifications,
        Notification(
            id="x1",
            date=date(2026, 2, 10),
            kind="advance",
            expected_date=date(2026, 3, 20),
            home_address=ADDR_2,
        ),
    ),
)


@example(pair=(MOVE_NOTIFIED_IN_ADVANCE, date(2026, 4, 1)), data=None)
@given(cases_with_as_of(), st.data())
def test_adding_an_advance_notification_never_turns_a_met_duty_into_a_breach(
    pair: tuple[Case, date], data: st.DataObject | None
) -> None:
    case, as_of = pair
    if data is None:
        more = REVISED_ADVANCE
    else:
        more = data.draw(
            with_notification(case, (NotificationKind.ADVANCE,)), label="with a notification"
        )
    assert met_duties_turned_bad(case, more, as_of) == []


def test_a_new_no_residence_address_can_make_a_later_cycle_weekly() -> None:
    """Why (e) leaves out periodic duties after a notification of no sole or main residence."""
    residence, nowhere = RESIDENCE, NOWHERE
    case = Case(
        person=Person(reference="FICTIONAL-PBT", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2020, 1, 6)),),
        notifications=(
            Notification(id="n1", date=date(2020, 1, 6), kind="initial", home_address=residence),
            Notification(id="n2", date=date(2020, 3, 2), kind="periodic"),
            Notification(id="n3", date=date(2020, 4, 1), kind="periodic"),
        ),
    )
    as_of = date(2020, 6, 1)

    def cycle_of_2_march(c: Case) -> Duty:
        (duty,) = [
            d
            for d in assess(c, as_of).duties_of(DutyKind.PERIODIC)
            if d.trigger_date == date(2020, 3, 2)
        ]
        return duty

    assert cycle_of_2_march(case).state is DutyState.MET
    told = Notification(id="x1", date=date(2020, 2, 3), kind="change", home_address=nowhere)
    later = attrs.evolve(case, notifications=(*case.notifications, told))
    weekly = cycle_of_2_march(later)
    assert (weekly.deadline, weekly.state) == (date(2020, 3, 9), DutyState.MET_LATE)


# --------------------------------------------------------------------------------------------
# (f) No deadline precedes the day its duty arose
# --------------------------------------------------------------------------------------------


@given(cases_with_as_of())
def test_no_deadline_precedes_its_trigger_date(pair: tuple[Case, date]) -> None:
    # A travel notification is the exception: it is due before the trip it notifies, and its
    # trigger date is the day of departure (SI 2004/1220 as amended), so its deadline is on or
    # before that day.
    case, as_of = pair
    check_deadlines(assess(case, as_of))


def check_deadlines(result: Assessment) -> None:
    for duty in result.duties:
        if duty.kind is DutyKind.FOREIGN_TRAVEL:
            assert duty.deadline is not None, duty
            assert duty.deadline <= duty.trigger_date, duty
        else:
            assert duty.deadline is None or duty.deadline >= duty.trigger_date, duty


# --------------------------------------------------------------------------------------------
# (g) assess leaves its input alone, and raises only the library's own errors
# --------------------------------------------------------------------------------------------


@given(cases_with_as_of())
def test_assess_never_mutates_its_input_and_raises_only_library_errors(
    pair: tuple[Case, date],
) -> None:
    case, as_of = pair
    before = copy.deepcopy(case)
    with contextlib.suppress(SexOffenderRulesError):
        assess(case, as_of)
    assert case == before


@given(cases_with_as_of())
def test_assess_never_raises_on_a_valid_case_with_the_default_policy(
    pair: tuple[Case, date],
) -> None:
    case, as_of = pair
    assess(case, as_of)


# --------------------------------------------------------------------------------------------
# (h) every renderer succeeds on every assessment of a valid case
# --------------------------------------------------------------------------------------------

_LAST_DAY_CASE = Case(
    person=Person(reference="FICTIONAL-0160", date_of_birth=date(1980, 1, 1)),
    triggers=(Trigger(id="t1", kind=TriggerKind.CAUTION, date=date(2025, 1, 10)),),
    events=(
        HomeAddressChange(
            date=date(2027, 1, 7),
            home_address=HomeAddress(kind=HomeAddressKind.RESIDENCE, reference="ADDR-2"),
        ),
    ),
    notifications=(
        Notification(id="n1", date=date(2025, 1, 10), kind=NotificationKind.INITIAL),
        Notification(id="n2", date=date(2026, 1, 9), kind=NotificationKind.PERIODIC),
    ),
)


@given(cases_with_as_of(), policies())
@example((_LAST_DAY_CASE, date(2027, 2, 1)), Policy())
@example(
    (_LAST_DAY_CASE, date(2027, 2, 1)),
    Policy(failure_after_requirements_end=FailureAfterRequirementsEnd.NO_FAILURE),
)
@example((_LAST_DAY_CASE, date(2027, 1, 10)), Policy())
def test_every_renderer_succeeds_on_every_assessment(
    pair: tuple[Case, date], policy: Policy
) -> None:
    check_renderers(*pair, policy)


def check_renderers(case: Case, as_of: date, policy: Policy) -> None:
    result = assess(case, as_of, policy)
    for render in (explain, summary, explain_markdown):
        text = render(result)
        assert text.startswith(("Assessment on", "# Assessment")), text[:80]
    data = assessment_to_data(result)
    assert data["headline"] == result.headline.value
    for duty in result.duties:
        # Every breach interval is a real run of days: it starts the day after the deadline and
        # ends no earlier than it starts.
        if duty.breach is not None:
            assert not duty.breach.is_empty, duty
            assert duty.deadline is not None
            assert duty.breach.start == duty.deadline + timedelta(1)


def test_the_release_cites_the_same_detention_whatever_the_order_of_the_facts() -> None:
    # Remanded from 1 Feb, then (from 10 Feb) also detained in hospital; both end on 20 Feb, a
    # single release. The release duty cites the detention that began first, listed either way.
    remand = Detention(kind=DetentionKind.REMAND, start=date(2026, 2, 1), end=date(2026, 2, 20))
    hospital = Detention(
        kind=DetentionKind.HOSPITAL, start=date(2026, 2, 10), end=date(2026, 2, 20)
    )
    cited = set()
    for detentions in ((remand, hospital), (hospital, remand)):
        case = Case(
            person=Person(reference="FICTIONAL-0167", date_of_birth=date(1980, 1, 1)),
            triggers=(Trigger(id="t1", kind=TriggerKind.CAUTION, date=date(2026, 1, 5)),),
            detentions=detentions,
        )
        (release,) = assess(case, date(2026, 3, 1)).duties_of(DutyKind.RELEASE)
        cited.add(case.detentions[int(release.fact[len("detentions[") : -1])])
    assert cited == {remand}


def test_the_strategies_module_names_the_extra_when_hypothesis_is_missing(tmp_path: Any) -> None:
    # A stand-in "hypothesis" package that fails to import, first on the path.
    import subprocess
    import sys

    fake = tmp_path / "hypothesis"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('no hypothesis here')\n")
    code = "import sexoffender_rules.strategies"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode != 0
    assert "pip install 'sexoffender-rules[test]'" in result.stderr


def test_from_type_draws_cases_through_the_entry_point() -> None:
    @given(st.from_type(Case))
    def check(case: Case) -> None:
        assert isinstance(case, Case)
        assess(case, date(2026, 1, 1))

    check()


# --------------------------------------------------------------------------------------------
# The invariants on long histories (a tenth of the examples: each costs about ten times a small
# case's)
# --------------------------------------------------------------------------------------------

HISTORY = settings(
    max_examples=max(10, settings.default.max_examples // 10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@HISTORY
@given(cases_with_as_of(histories()), st.data())
def test_order_of_facts_never_changes_the_decision_on_a_long_history(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    case, as_of = pair
    assume(not same_day_home_addresses_differ(case))
    assert_same(assess(case, as_of), assess(shuffled(case, data), as_of), case)


@HISTORY
@given(cases_with_as_of(histories()), st.data())
def test_a_fact_after_as_of_never_changes_a_long_history(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    case, as_of = pair
    later = data.draw(with_fact_after(case, as_of), label="with a later fact")
    assert_same(assess(case, as_of), assess(later, as_of))


@HISTORY
@given(cases_with_as_of(histories()), st.data())
def test_adding_a_notification_never_turns_a_met_duty_of_a_long_history_into_a_breach(
    pair: tuple[Case, date], data: st.DataObject
) -> None:
    case, as_of = pair
    more = data.draw(with_notification(case), label="with a notification")
    assert met_duties_turned_bad(case, more, as_of) == []


@HISTORY
@given(cases_with_as_of(histories()), policies())
def test_deadlines_and_renderers_on_a_long_history(pair: tuple[Case, date], policy: Policy) -> None:
    case, as_of = pair
    check_deadlines(assess(case, as_of, policy))
    check_renderers(case, as_of, policy)
