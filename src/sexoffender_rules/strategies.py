"""Hypothesis strategies for property-based tests of code that uses this library.

Every :class:`~sexoffender_rules.model.Case` these strategies generate is a valid England and
Wales case: it constructs without a :class:`~sexoffender_rules.errors.CaseValidationError`,
round-trips through the JSON format, and assesses under every choice of reading. The cases of
:func:`cases` are small (at most 3 triggers, 3 detentions, 2 absences abroad, 4 events and 5
notifications, with orders, reviews, parental directions and police records now and then); those
of :func:`histories` are long. Their dates are modest: people are born from 1950 to 2012, facts
fall from 1 May 2004 (when Part 2 came into force) to the end of 2030 (now and then a conviction,
finding or caution from 1990 on, for s.81), clustered around one another so that duties, windows
and periods interact, with a bias towards awkward days (:func:`edge_dates`). References are
obviously fictional (``NAME-A``, ``ADDR-1``).

This module imports hypothesis (a test dependency); nothing else in the package imports it.
Importing it without hypothesis raises an ``ImportError`` that names the ``test`` extra. With the
package installed, hypothesis finds these strategies itself (the ``hypothesis`` entry point in
pyproject.toml calls :func:`register_type_strategies`), so ``st.from_type(Case)`` works in a
test suite that never imports this module.

>>> from hypothesis import given, settings
>>> from sexoffender_rules import assess
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(cases_with_as_of())
... def check(case_and_day):
...     case, as_of = case_and_day
...     assert assess(case, as_of).as_of == as_of
>>> check()
"""

from __future__ import annotations

import calendar as _calendar
import functools
from datetime import date, timedelta
from typing import Any

import attrs

from . import records
from .calendar import CalendarPeriod
from .engine import assess
from .england_and_wales import DTO_ANY_TERM_FROM, PART_2_COMMENCEMENT, WEEKLY_NOTIFICATION_FROM
from .model import (
    SEX_OFFENDERS_ACT_1997_COMMENCEMENT,
    AbsenceAbroad,
    AbsoluteDischarge,
    Case,
    ConditionalDischarge,
    Detention,
    DetentionAndTrainingOrder,
    DetentionKind,
    Disposal,
    Event,
    ExtendedSentence,
    HomeAddress,
    HomeAddressChange,
    HomeAddressKind,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    NameUsed,
    Notification,
    NotificationKind,
    OffenderOfParticularConcern,
    Order,
    OrderKind,
    OtherDisposal,
    ParentalDirection,
    Person,
    PrescribedChange,
    PrescribedChangeKind,
    Resentence,
    ResentenceReason,
    ReviewDetermination,
    ReviewOutcome,
    Stay,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)
from .policy import FailureAfterRequirementsEnd, NoCorrespondingDay, PartialDays, Policy
from .records import PoliceRecord
from .whereabouts import (
    DEFAULT_PRECEDENCE,
    PROFILES,
    MissingRule,
    Profile,
    VisitIntervals,
    VisitSchedule,
)

# Defined before hypothesis is imported: importing hypothesis runs its entry points, and this
# module's may be among them while the module is still loading.
_LOADED = False


def register_type_strategies() -> None:
    """Register the strategies for the library's public types with hypothesis, so that
    ``st.from_type`` draws valid values of each: :class:`~sexoffender_rules.model.Case` (from
    :func:`cases`), :class:`~sexoffender_rules.whereabouts.Profile`,
    :class:`~sexoffender_rules.policy.Policy`, every fact class of the model (a person, a
    trigger, each disposal, a re-sentence, a detention, an absence abroad, each event, a home
    address, a notification, a parental direction, an order, a determination on review), a
    calendar period (a custodial term), each police record, and the results
    :class:`~sexoffender_rules.assessment.Assessment` and
    :class:`~sexoffender_rules.whereabouts.StatusAssessment` (of a drawn case on a drawn date).
    The unions ``Disposal``, ``Event`` and ``PoliceRecord`` then draw from their members.
    Hypothesis calls this through the package's entry point, and the module calls it when it
    is imported: a program that imports this module before hypothesis makes hypothesis run its
    entry points while the module is still loading, and the call then waits for the module's end.

    >>> register_type_strategies()
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(st.from_type(Case), st.from_type(Profile), st.from_type(Policy))
    ... def check(case, profile, policy):
    ...     assert isinstance(case, Case) and isinstance(profile, Profile)
    >>> check()
    """
    if not _LOADED:
        return  # called by hypothesis's entry point while this module loads: done at its end
    for kind, strategy in _type_strategies().items():
        st.register_type_strategy(kind, strategy)


try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "sexoffender_rules.strategies needs hypothesis, which the 'test' extra installs: "
        "pip install 'sexoffender-rules[test]'"
    ) from error

__all__ = [
    "BORN_FROM",
    "BORN_UNTIL",
    "FACTS_FROM",
    "FACTS_UNTIL",
    "HISTORIC_FROM",
    "as_of_dates",
    "case_dates",
    "cases",
    "cases_with_as_of",
    "custodial_terms",
    "edge_dates",
    "fact_dates",
    "histories",
    "police_records",
    "policies",
    "profiles",
    "register_type_strategies",
    "with_fact_after",
    "with_notification",
    "with_police_records",
]

FACTS_FROM = PART_2_COMMENCEMENT
"""The earliest date of a generated fact: Part 2 came into force on 1 May 2004.

>>> FACTS_FROM.isoformat()
'2004-05-01'
"""
HISTORIC_FROM = date(1990, 1, 1)
"""The earliest date of a generated conviction, finding or caution from before Part 2 (s.81):
some fall before 1 September 1997 (s.81(3)-(5)); every other fact starts at :data:`FACTS_FROM`.

>>> HISTORIC_FROM.isoformat()
'1990-01-01'
"""
FACTS_UNTIL = date(2030, 12, 31)
"""The latest date of a generated fact (a stay, detention or advance notification may run a little
beyond it).

>>> FACTS_UNTIL.isoformat()
'2030-12-31'
"""
BORN_FROM = date(1950, 1, 1)
"""The earliest generated date of birth.

>>> BORN_FROM.year
1950
"""
BORN_UNTIL = date(2012, 12, 31)
"""The latest generated date of birth: people born then are under 18 until the end of 2030.

>>> BORN_UNTIL.year
2012
"""

NAMES = ("NAME-A", "NAME-B", "NAME-C")
HOMES = (
    HomeAddress(kind=HomeAddressKind.RESIDENCE, reference="ADDR-1"),
    HomeAddress(kind=HomeAddressKind.RESIDENCE, reference="ADDR-2"),
    HomeAddress(kind=HomeAddressKind.NO_SOLE_OR_MAIN_RESIDENCE, reference="LOC-1"),
    HomeAddress(kind=HomeAddressKind.NO_SOLE_OR_MAIN_RESIDENCE, reference="LOC-2"),
)
PREMISES = ("PREM-1", "PREM-2", "ADDR-1")
PRESCRIBED = ("ACCT-1", "CARD-1", "DOC-1")


@functools.lru_cache(maxsize=4096)
def _sampled_once(keyed: tuple[tuple[type, Any], ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from([value for _, value in keyed])


def _sampled(items: Any) -> st.SearchStrategy[Any]:
    """``st.sampled_from(items)``, made once for the same list or tuple of items. Hypothesis
    builds and checks a new strategy each time ``st.sampled_from`` is called, and the composite
    strategies here call it at each draw: making it once draws from the same items, with the
    same chances, about a fifth faster (600 cases). The items are keyed with their types, as
    ``True == 1`` and an enumeration member equals its string value.

    >>> _sampled(["a", "b"]) is _sampled(("a", "b")), _sampled([1]) is _sampled([True])
    (True, False)
    """
    if type(items) not in (list, tuple):
        return st.sampled_from(items)
    return _sampled_once(tuple((type(item), item) for item in items))


_LAST_DATE = date(9999, 12, 31)
_EVENT_KINDS = ("name", "home", "stay", "prescribed")
_LINKED = (
    Imprisonment,
    DetentionAndTrainingOrder,
    SuspendedImprisonment,
    ExtendedSentence,
    OffenderOfParticularConcern,
)


def _edge_list() -> list[date]:
    firsts = [
        PART_2_COMMENCEMENT,
        PART_2_COMMENCEMENT - timedelta(days=1),
        WEEKLY_NOTIFICATION_FROM,
        WEEKLY_NOTIFICATION_FROM - timedelta(days=1),
        DTO_ANY_TERM_FROM,
    ]
    leap_days = [date(y, 2, 29) for y in range(1952, 2036, 4)]
    month_ends = [
        date(y, m, _calendar.monthrange(y, m)[1]) for y in range(1950, 2036) for m in range(1, 13)
    ]
    month_starts = [date(y, m, 1) for y in range(2004, 2036) for m in (1, 3, 5)]
    seen: dict[date, None] = dict.fromkeys(firsts + leap_days + month_ends + month_starts)
    return list(seen)


_EDGES = tuple(_edge_list())


def edge_dates(
    min_value: date = date(1950, 1, 1), max_value: date = date(2035, 12, 31)
) -> st.SearchStrategy[date]:
    """Awkward days from ``min_value`` to ``max_value``: 1 May 2004 (Part 2 in force) and the day
    before, 13 August 2012 (weekly notification) and the day before, 28 June 2022, every
    29 February, every month end, and 1 January, 1 March and 1 May of each year from 2004.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=30, database=None, deadline=None)
    ... @given(edge_dates(date(2004, 1, 1), date(2030, 12, 31)))
    ... def check(day):
    ...     assert date(2004, 1, 1) <= day <= date(2030, 12, 31)
    ...     assert day.day in (1, 12, 13, 28, 29, 30, 31)
    >>> check()
    >>> edge_dates(date(2030, 1, 2), date(2030, 1, 3))
    Traceback (most recent call last):
    ...
    ValueError: edge_dates: no awkward day from 2030-01-02 to 2030-01-03
    """
    days = [d for d in _EDGES if min_value <= d <= max_value]
    if not days:
        raise ValueError(
            f"edge_dates: no awkward day from {min_value.isoformat()} to {max_value.isoformat()}"
        )
    return _sampled(days)


def _clamp(day: date, low: date, high: date) -> date:
    return max(low, min(high, day))


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else _LAST_DATE


def fact_dates(low: date, high: date, near: date | None = None) -> st.SearchStrategy[date]:
    """Days from ``low`` to ``high``: any day, an awkward day (:func:`edge_dates`), or (given
    ``near``) a day from 40 days before to 3 years after ``near``, so that facts cluster.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=30, database=None, deadline=None)
    ... @given(fact_dates(date(2020, 1, 1), date(2021, 1, 1), near=date(2020, 6, 1)))
    ... def check(day):
    ...     assert date(2020, 1, 1) <= day <= date(2021, 1, 1)
    >>> check()
    """
    options: list[st.SearchStrategy[date]] = [st.dates(min_value=low, max_value=high)]
    if any(low <= d <= high for d in _EDGES):
        options.append(edge_dates(low, high))
    if near is not None:
        nearby = st.one_of(st.integers(-40, 60), st.integers(-40, 3 * 366))
        clustered = nearby.map(lambda n: _clamp(_shift(near, n), low, high))
        options += [clustered, clustered]
    return st.one_of(options)


def custodial_terms() -> st.SearchStrategy[CalendarPeriod]:
    """Non-empty terms of imprisonment, biased towards the s.82(1) boundaries of 6 and 30 months:
    whole months, years and months, weeks, days, or a mixture.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=30, database=None, deadline=None)
    ... @given(custodial_terms())
    ... def check(term):
    ...     assert not term.is_zero
    >>> check()
    """
    mixed = st.builds(
        CalendarPeriod,
        years=st.integers(0, 2),
        months=st.integers(0, 11),
        weeks=st.integers(0, 8),
        days=st.integers(0, 30),
    ).filter(lambda p: not p.is_zero)
    return st.one_of(
        st.builds(
            CalendarPeriod,
            months=st.one_of(_sampled([5, 6, 7, 29, 30, 31]), st.integers(1, 48)),
        ),
        st.builds(CalendarPeriod, years=st.integers(1, 3), months=st.integers(0, 11)),
        st.builds(
            CalendarPeriod,
            weeks=st.one_of(_sampled([26, 27, 130, 131]), st.integers(1, 160)),
        ),
        st.builds(CalendarPeriod, days=st.integers(1, 1000)),
        mixed,
    )


_DISPOSAL_KINDS: dict[str, type | None] = {
    "imprisonment": Imprisonment,
    "dto": DetentionAndTrainingOrder,
    "suspended": SuspendedImprisonment,
    "extended": ExtendedSentence,
    "particular_concern": OffenderOfParticularConcern,
    "life": LifeImprisonment,
    "ipp": ImprisonmentForPublicProtection,
    "hospital": HospitalOrder,
    "conditional": ConditionalDischarge,
    "absolute": AbsoluteDischarge,
    "other": OtherDisposal,
    "none": None,
}
# Imprisonment, the commonest disposal, twice as often as each other kind.
_ANY_DISPOSAL = ("imprisonment", *_DISPOSAL_KINDS)


@st.composite
def _disposal(
    draw: st.DrawFn,
    on: date,
    custodial: tuple[tuple[str, bool], ...],
    kinds: tuple[str, ...] = _ANY_DISPOSAL,
) -> Disposal | None:
    """A disposal of one of ``kinds`` (keys of ``_DISPOSAL_KINDS``) for a trigger dated ``on``;
    a custodial one may link to a ``custodial`` id (each with whether its term is suspended:
    suspended terms link only with each other)."""
    kind = draw(_sampled(kinds))
    if kind in ("imprisonment", "dto", "suspended", "extended", "particular_concern"):
        if kind == "dto":
            months = draw(st.integers(4, 24))
            term = draw(
                _sampled(
                    [
                        CalendarPeriod(months=months),
                        CalendarPeriod(years=months // 12, months=months % 12),
                    ]
                )
            )
        else:
            term = draw(custodial_terms())
        # A suspended term links only with another suspended term, an immediate one only with
        # another immediate one.
        targets = tuple(tid for tid, suspended in custodial if suspended == (kind == "suspended"))
        links = ["plain", "start"] + (["consecutive", "concurrent"] if targets else [])
        link = draw(_sampled(links))
        start = None
        consecutive_to = concurrent_with = None
        if link == "start":
            start = _shift(on, draw(st.integers(0, 120)))
        elif link == "consecutive":
            consecutive_to = draw(_sampled(targets))
        elif link == "concurrent":
            concurrent_with = draw(_sampled(targets))
        if kind == "extended":
            extension = CalendarPeriod(
                years=draw(st.integers(1, 8)), months=draw(st.integers(0, 11))
            )
            return ExtendedSentence(
                custodial_term=term,
                extension_period=extension,
                start=start,
                consecutive_to=consecutive_to,
                concurrent_with=concurrent_with,
            )
        if kind == "particular_concern":
            return OffenderOfParticularConcern(
                custodial_term=term,
                start=start,
                consecutive_to=consecutive_to,
                concurrent_with=concurrent_with,
            )
        cls: type[Imprisonment | DetentionAndTrainingOrder | SuspendedImprisonment] = (
            DetentionAndTrainingOrder
            if kind == "dto"
            else SuspendedImprisonment
            if kind == "suspended"
            else Imprisonment
        )
        return cls(
            term=term, start=start, consecutive_to=consecutive_to, concurrent_with=concurrent_with
        )
    if kind == "life":
        return LifeImprisonment()
    if kind == "ipp":
        return ImprisonmentForPublicProtection()
    if kind == "hospital":
        return HospitalOrder(restriction_order=draw(st.booleans()))
    if kind == "conditional":
        period = draw(
            st.one_of(
                st.builds(CalendarPeriod, years=st.integers(1, 3)),
                st.builds(CalendarPeriod, months=st.integers(1, 36)),
            )
        )
        return ConditionalDischarge(period=period)
    if kind == "absolute":
        return AbsoluteDischarge()
    if kind == "other":
        return OtherDisposal(description=draw(_sampled(["", "fine", "community order"])))
    return None


@st.composite
def _trigger(
    draw: st.DrawFn,
    trigger_id: str,
    day: st.SearchStrategy[date],
    custodial: tuple[tuple[str, bool], ...],
) -> Trigger:
    kind = draw(_sampled(list(TriggerKind)))
    on = draw(day)
    threshold = None
    if kind is not TriggerKind.CAUTION and draw(st.integers(0, 4)) == 0:
        threshold = _shift(on, draw(st.integers(0, 200)))
    disposal = None if kind is TriggerKind.CAUTION else draw(_disposal(on, custodial))
    current = None
    if (
        kind is not TriggerKind.CAUTION
        and (threshold or on) < SEX_OFFENDERS_ACT_1997_COMMENCEMENT
        and draw(st.integers(0, 2)) > 0
    ):
        current = draw(st.booleans())
    tried = None
    if kind is TriggerKind.FINDING_DISABILITY_DID_ACT and draw(st.integers(0, 2)) == 0:
        tried = _shift(threshold or on, draw(st.integers(0, 3000)))
    sentenced = threshold or on
    if kind is not TriggerKind.CAUTION and threshold is None and draw(st.integers(0, 3)) == 0:
        sentenced = _shift(on, draw(st.integers(0, 120)))
    resentences: list[Resentence] = []
    if disposal is not None and draw(st.integers(0, 2)) == 0:
        gaps = draw(st.lists(st.integers(1, 800), min_size=1, max_size=2))
        day_ = sentenced
        for gap in gaps:
            day_ = _shift(day_, gap)
            if day_ == sentenced or any(r.date == day_ for r in resentences):
                break
            again = draw(_disposal(day_, custodial).filter(lambda d: d is not None))
            assert again is not None
            resentences.append(
                Resentence(date=day_, reason=draw(_sampled(list(ResentenceReason))), disposal=again)
            )
    return Trigger(
        id=trigger_id,
        kind=kind,
        date=on,
        disposal=disposal,
        threshold_sentence_date=threshold,
        current_on_1_september_1997=current,
        trial_concluded=tried,
        sentence_date=sentenced,
        resentences=tuple(resentences),
        abroad=draw(st.integers(0, 5)) == 0,
    )


@st.composite
def _spells(
    draw: st.DrawFn, count: int, day: st.SearchStrategy[date]
) -> list[tuple[date, date | None]]:
    """``count`` spells (start, end) that never overlap one another, in date order; only the
    last may be open-ended. Starts strictly increase, so the order they are given in never
    matters to validation."""
    spells: list[tuple[date, date | None]] = []
    previous: tuple[date, date] | None = None
    for i in range(count):
        if previous is None:
            start = draw(day)
        else:
            start = max(_shift(previous[1], draw(st.integers(0, 400))), _shift(previous[0], 1))
        length = draw(st.one_of(st.integers(0, 10), st.integers(0, 400)))
        end: date | None = _shift(start, length)
        if i == count - 1 and draw(st.integers(0, 5)) == 0:
            end = None
        spells.append((start, end))
        previous = (start, end or start)
    return spells


def _expected_return(departure: date) -> st.SearchStrategy[date | None]:
    """No return date given, or one from the day of departure to 30 days after it."""
    return st.one_of(st.none(), st.integers(0, 30).map(lambda n: _shift(departure, n)))


def _known_after(day: date, days: int = 60) -> st.SearchStrategy[date | None]:
    """``None`` (known when it happened) twice as often as a day from ``day`` to ``days`` later."""
    return st.one_of(st.none(), st.none(), st.integers(0, days).map(lambda n: _shift(day, n)))


@st.composite
def _event(
    draw: st.DrawFn, day: st.SearchStrategy[date], kinds: tuple[str, ...] = _EVENT_KINDS
) -> Event:
    """An event of one of ``kinds`` on a day drawn from ``day``; now and then it became known
    later than it happened (``known``)."""
    kind = draw(_sampled(kinds))
    on = draw(day)
    known = draw(_known_after(on))
    if kind == "prescribed":
        return PrescribedChange(
            date=on,
            kind=draw(_sampled(list(PrescribedChangeKind))),
            reference=draw(_sampled(PRESCRIBED)),
            known=known,
        )
    if kind == "name":
        return NameUsed(date=on, name=draw(_sampled(NAMES)), known=known)
    if kind == "home":
        return HomeAddressChange(date=on, home_address=draw(_sampled(HOMES)), known=known)
    last = _shift(on, draw(st.one_of(st.integers(0, 3), st.integers(0, 10))))
    return Stay(premises=draw(_sampled(PREMISES)), first_day=on, last_day=last, known=known)


def _event_content(event: Event) -> dict[str, object]:
    if isinstance(event, PrescribedChange):
        return {"prescribed": (event.reference,)}
    if isinstance(event, NameUsed):
        return {"names": (event.name,)}
    if isinstance(event, HomeAddressChange):
        return {"home_address": event.home_address}
    return {"other_premises": (event.premises,)}


@st.composite
def _notification(
    draw: st.DrawFn,
    notification_id: str,
    low: date,
    day: st.SearchStrategy[date],
    anchors: tuple[date, ...],
    events: tuple[Event, ...],
    expected: tuple[date, ...],
    triggered: tuple[date, ...] = (),
    departures: tuple[date, ...] = (),
    kinds: tuple[NotificationKind, ...] = tuple(NotificationKind),
) -> Notification:
    """A notification of one of ``kinds`` dated on or after ``low``, often just after one of ``anchors``
    or a year or a week after it, or (an initial one) just after one of the ``triggered`` relevant
    dates; an advance one may announce one of ``events``, a non-occurrence one may answer one of
    the ``expected`` dates, a travel one often gives one of the ``departures`` of the case's
    absences abroad, some days before (or after) it."""
    ways = ["any", "after_fact", "after_fact", "cycle"] if anchors else ["any"]
    ways += ["initial", "initial"] if triggered else []
    how = draw(_sampled(ways))
    kind = draw(_sampled(kinds))
    if how == "any":
        on = draw(day)
    elif how == "initial":
        if NotificationKind.INITIAL in kinds:
            kind = draw(_sampled([NotificationKind.INITIAL, NotificationKind.INITIAL, kind]))
        on = max(low, _shift(draw(_sampled(triggered)), draw(st.integers(-1, 5))))
    else:
        base = draw(_sampled(anchors))
        if how == "after_fact":
            offset = draw(st.integers(-3, 6))
        else:
            if NotificationKind.PERIODIC in kinds:
                kind = draw(_sampled([NotificationKind.PERIODIC, kind]))
            offset = draw(_sampled([7, 365, 366])) + draw(st.integers(-3, 3))
        on = max(low, _shift(base, offset))
    content: dict[str, Any] = {
        "names": tuple(draw(st.lists(_sampled(NAMES), max_size=2, unique=True))),
        "home_address": draw(st.one_of(st.none(), _sampled(HOMES))),
        "other_premises": tuple(draw(st.lists(_sampled(PREMISES), max_size=2, unique=True))),
    }
    content["prescribed"] = tuple(draw(st.lists(_sampled(PRESCRIBED), max_size=2, unique=True)))
    if kind is NotificationKind.PRESCRIBED:
        content = {"prescribed": (draw(_sampled(PRESCRIBED)), *content["prescribed"])}
        content["prescribed"] = tuple(dict.fromkeys(content["prescribed"]))
    expected_date: date | None = None
    if kind is NotificationKind.ADVANCE:
        if len(events) > 0 and draw(st.booleans()):
            event = draw(_sampled(events))
            expected_date = max(low, _shift(event.date, draw(st.integers(-4, 4))))
            on = max(low, _shift(expected_date, -draw(st.integers(0, 20))))
            content.update(_event_content(event))
        expected_date = max(on, expected_date or _shift(on, draw(st.integers(0, 30))))
    elif kind is NotificationKind.NON_OCCURRENCE:
        if len(expected) > 0 and draw(st.booleans()):
            expected_date = draw(_sampled(expected))
            on = max(low, _shift(expected_date, draw(st.integers(-1, 8))))
        else:
            expected_date = max(low, _shift(on, -draw(st.integers(0, 10))))
    travel: dict[str, Any] = {}
    if kind is NotificationKind.TRAVEL:
        if len(departures) > 0 and draw(st.booleans()):
            departure = draw(_sampled(departures))
            on = max(low, _shift(departure, -draw(st.integers(-1, 10))))
        else:
            departure = _shift(on, draw(st.integers(0, 14)))
        clock = draw(st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M"))))
        back = draw(st.one_of(st.none(), st.integers(0, 20).map(lambda n: _shift(departure, n))))
        travel = {
            "departure": departure,
            "departure_time": clock,
            "destination": draw(st.one_of(st.none(), st.just("PLACE-1"))),
            "expected_return": back,
        }
    elif kind is NotificationKind.RETURN:
        # A return notification reports the return from the trip that left on its departure:
        # usually one of the case's absences, given some days after it began.
        if len(departures) > 0 and draw(st.booleans()):
            departure = draw(_sampled(departures))
            on = max(low, _shift(departure, draw(st.integers(0, 12))))
        else:
            departure = max(low, _shift(on, -draw(st.integers(0, 14))))
        travel = {"departure": departure}
    return Notification(
        id=notification_id,
        date=on,
        kind=kind,
        release=kind is not NotificationKind.PRESCRIBED and draw(st.integers(0, 3)) == 0,
        expected_date=expected_date,
        **content,
        **travel,
    )


@attrs.frozen
class _Sizes:
    """How many facts of each sort a case may have, and how far its facts spread."""

    triggers: tuple[int, ...]
    detentions: int
    absences: int
    events: int
    notifications: int
    orders: tuple[int, ...]
    reviews: tuple[int, ...]
    anchors: int  # the days facts cluster around
    yearly: int  # the most notifications of a run given about a year apart


_SMALL = _Sizes(
    triggers=(0, 1, 1, 2, 2, 3),
    detentions=3,
    absences=2,
    events=4,
    notifications=5,
    orders=(0, 0, 0, 1, 1, 2),
    reviews=(0, 0, 0, 0, 1),
    anchors=1,
    yearly=0,
)
_LONG = _Sizes(
    triggers=(1, 2, 3, 4, 5, 6, 8),
    detentions=8,
    absences=6,
    events=16,
    notifications=25,
    orders=(0, 1, 2, 3),
    reviews=(0, 0, 1, 2),
    anchors=4,
    yearly=20,
)


@st.composite
def _case(draw: st.DrawFn, sizes: _Sizes = _SMALL) -> Case:
    born = draw(
        st.one_of(
            st.dates(min_value=BORN_FROM, max_value=BORN_UNTIL),
            edge_dates(BORN_FROM, BORN_UNTIL),
        )
    )
    low = max(FACTS_FROM, born)
    anchors = draw(st.lists(fact_dates(low, FACTS_UNTIL), min_size=1, max_size=sizes.anchors))
    anchor = anchors[0]
    day = st.one_of([fact_dates(low, FACTS_UNTIL, near=a) for a in anchors])

    # Now and then a trigger from before Part 2 (s.81), some before 1 September 1997.
    historic_low = max(HISTORIC_FROM, born)
    historic = (
        fact_dates(historic_low, PART_2_COMMENCEMENT - timedelta(days=1))
        if historic_low < PART_2_COMMENCEMENT
        else None
    )
    triggers: list[Trigger] = []
    custodial: list[tuple[str, bool]] = []
    for i in range(draw(_sampled(sizes.triggers))):
        on_day = historic if historic is not None and draw(st.integers(0, 5)) == 0 else day
        trigger = draw(_trigger(f"t{i + 1}", on_day, tuple(custodial)))
        triggers.append(trigger)
        if isinstance(trigger.disposal, _LINKED):
            custodial.append((trigger.id, isinstance(trigger.disposal, SuspendedImprisonment)))

    detentions: list[Detention] = []
    kinds = draw(st.lists(_sampled(list(DetentionKind)), max_size=sizes.detentions))
    for kind in dict.fromkeys(kinds):
        for start, end in draw(_spells(kinds.count(kind), day)):
            detentions.append(Detention(kind=kind, start=start, end=end))
    absences = [
        AbsenceAbroad(
            start=start,
            end=end,
            expected_return=draw(_expected_return(start)),
            details_known_late=draw(st.integers(0, 4)) == 0,
            details_changed=max(low, _shift(start, -draw(st.integers(0, 10))))
            if draw(st.integers(0, 3)) == 0
            else None,
        )
        for start, end in draw(_spells(draw(st.integers(0, sizes.absences)), day))
    ]
    events: list[Event] = draw(st.lists(_event(day), max_size=sizes.events))

    anchor_days = tuple(
        sorted(
            {t.relevant_date for t in triggers}
            | {e.date for e in events}
            | {d.end for d in detentions if d.end is not None}
        )
    )
    notifications: list[Notification] = []
    for i in range(draw(st.integers(0, sizes.notifications))):
        given = tuple(n.date for n in notifications)
        expected = tuple(
            n.expected_date
            for n in notifications
            if n.kind is NotificationKind.ADVANCE and n.expected_date is not None
        )
        notification = draw(
            _notification(
                f"n{i + 1}",
                low,
                day,
                anchor_days + given,
                tuple(events),
                expected,
                tuple(t.relevant_date for t in triggers),
                tuple(a.start for a in absences),
            )
        )
        notifications.append(notification)
    if sizes.yearly and triggers:
        notifications += draw(_yearly(min(t.relevant_date for t in triggers), low, sizes.yearly))

    orders: list[Order] = []
    order_days = [t.date for t in triggers] or [anchor]
    abroad = tuple((t.id, t.date) for t in triggers if t.abroad)
    for i in range(draw(_sampled(sizes.orders))):
        orders.append(draw(_order(f"o{i + 1}", _sampled(order_days) | day, abroad)))
    reviews = [draw(_review_determination(day)) for _ in range(draw(_sampled(sizes.reviews)))]

    records: list[PoliceRecord] = []
    force = None
    if draw(st.integers(0, 2)) == 0:
        records = draw(police_records(low, _clamp(_shift(anchor, 1500), low, FACTS_UNTIL)))
        force = draw(_sampled([None, "FORCE-01", "FORCE-02"]))

    parts: dict[str, Any] = {
        "person": Person(reference="FICTIONAL-PBT", date_of_birth=born),
        "orders": tuple(orders),
        "review_determinations": tuple(reviews),
        "triggers": tuple(draw(st.permutations(triggers))),
        "detentions": tuple(draw(st.permutations(detentions))),
        "absences_abroad": tuple(draw(st.permutations(absences))),
        "events": tuple(events),
        "notifications": tuple(draw(st.permutations(notifications))),
        "parental_directions": tuple(draw(_parental_directions(born, triggers))),
        "police_records": tuple(records),
        "managing_force": force,
    }
    return Case(**parts)


@st.composite
def _yearly(draw: st.DrawFn, first: date, low: date, most: int) -> list[Notification]:
    """A run of notifications as a person who keeps to the requirements gives them: an initial
    one within a few days of ``first``, then periodic ones about a year apart (now and then a
    few days late, or a change of home address instead), up to ``most`` of them."""
    on = max(low, _shift(first, draw(st.integers(0, 4))))
    run = [
        Notification(
            id="y1",
            date=on,
            kind=NotificationKind.INITIAL,
            names=(NAMES[0],),
            home_address=HOMES[0],
        )
    ]
    for i in range(2, draw(st.integers(1, most)) + 1):
        on = _shift(on, draw(st.one_of(st.integers(300, 365), st.integers(360, 372))))
        if on > FACTS_UNTIL:
            break
        if draw(st.integers(0, 5)) == 0:
            run.append(
                Notification(
                    id=f"y{i}",
                    date=on,
                    kind=NotificationKind.CHANGE,
                    home_address=draw(_sampled(HOMES)),
                )
            )
        else:
            run.append(Notification(id=f"y{i}", date=on, kind=NotificationKind.PERIODIC))
    return run


@st.composite
def _parental_directions(
    draw: st.DrawFn, born: date, triggers: list[Trigger], always: bool = False
) -> list[ParentalDirection]:
    """Now and then a parental direction (s.89) made on the relevant date of a trigger while the
    person is under 18, for the whole period to 18, a shorter one, or discharged later."""
    young = [
        t.relevant_date
        for t in triggers
        if t.relevant_date < date(born.year + 18, 1, 1) and t.relevant_date >= born
    ]
    if not young or (not always and draw(st.integers(0, 3)) != 0):
        return []
    made = draw(_sampled(young))
    how = draw(_sampled(["to_18", "shorter", "discharged"]))
    if how == "shorter":
        return [ParentalDirection(made=made, ends=_shift(made, draw(st.integers(0, 400))))]
    if how == "discharged":
        return [ParentalDirection(made=made, discharged=_shift(made, draw(st.integers(0, 400))))]
    return [ParentalDirection(made=made)]


@st.composite
def _order(
    draw: st.DrawFn,
    order_id: str,
    made_on: st.SearchStrategy[date],
    abroad: tuple[tuple[str, date], ...] = (),
) -> Order:
    """An order or notice of any kind: made on a trigger's day or near one, served then or a
    little later (or not recorded), for a fixed term of 5 to 15 years (an interim order for up to
    a year) or until further order, now and then discharged. A notification order or police notice
    relates to a trigger abroad (and is made on or after it); a risk order now and then has a
    breach conviction."""
    made = draw(made_on)
    # A trigger abroad counts only through an order or notice that names it: where there is
    # one, half the orders drawn are of those kinds.
    only_abroad = bool(abroad) and draw(st.booleans())
    kinds = [k for k in OrderKind if (k.abroad if only_abroad else bool(abroad) or not k.abroad)]
    kind = draw(_sampled(kinds))
    trigger: str | None = None
    if kind.abroad:
        trigger, convicted = draw(_sampled(abroad))
        made = max(made, convicted)
    served = draw(st.none() | st.dates(min_value=made, max_value=made + timedelta(days=30)))
    if kind.value.startswith("interim_"):
        span = draw(st.integers(1, 366))
        ends: date | None = made + timedelta(days=span)
    else:
        years = draw(st.none() | st.integers(5, 15))
        ends = None if years is None else made + timedelta(days=365 * years + years // 4 - 1)
    if kind is OrderKind.POLICE_NOTICE:
        ends, served = None, draw(_sampled([None, made]))
    discharged = draw(
        st.none() | st.none() | st.dates(min_value=made, max_value=made + timedelta(days=4000))
    )
    breach = None
    if kind.needs_breach and draw(st.integers(0, 2)) > 0:
        breach = draw(st.dates(min_value=made, max_value=made + timedelta(days=2000)))
    return Order(
        id=order_id,
        kind=kind,
        made=made,
        served=served,
        ends=ends,
        discharged=discharged,
        trigger=trigger,
        breach_conviction=breach,
    )


@st.composite
def _review_determination(draw: st.DrawFn, day: st.SearchStrategy[date]) -> ReviewDetermination:
    """A determination on review (s.91C): received on a day near the case's facts, made then or
    up to 6 weeks before (or not recorded); to continue, now and then with a longer period."""
    received = draw(day)
    outcome = draw(_sampled(list(ReviewOutcome)))
    determined = draw(st.none() | st.integers(0, 42).map(lambda n: received - timedelta(days=n)))
    years = draw(st.none() | st.integers(9, 15)) if outcome is ReviewOutcome.CONTINUE else None
    return ReviewDetermination(
        notice_received=received,
        outcome=outcome,
        determined=determined,
        further_review_years=years,
    )


def cases() -> st.SearchStrategy[Case]:
    """Valid England and Wales cases, small and full of edge cases: a person born 1950-2012;
    0-3 triggers of every kind with every disposal type (or none yet), now and then one from
    before Part 2 (from 1990, with or without the s.81(3)-(4) fact before 1 September 1997), a
    finding of disability sometimes followed by a trial (s.82(5)), sometimes a sentence date
    after the conviction and up to 2 later re-sentences (every reason, any disposal); custodial
    terms started on the sentence date, on a given day, or consecutive to or concurrent with an
    earlier trigger's term (never in a cycle); up to 3 detentions and 2 absences abroad that never
    overlap another of the same kind (an absence now and then with the return date the person
    gave, or with details known late); up to 4 events (names used, home address changes, stays,
    prescribed changes), now and then known later than they happened; up to 5 notifications of
    every kind, advance ones with an expected date on or after their date, non-occurrence ones
    often answering an advance notification's expected date, travel ones often giving the
    departure of an absence abroad; up to 2 sexual harm prevention orders or interim orders,
    made on a trigger's day or near one, for a term or until further order, now and then
    discharged; now and then a determination on review of indefinite requirements, a parental
    direction, and police records of every kind (:func:`police_records`) with a managing force.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(cases())
    ... def check(case):
    ...     assert BORN_FROM <= case.person.date_of_birth <= BORN_UNTIL
    ...     assert len(case.triggers) <= 3 and len(case.notifications) <= 5
    >>> check()
    """
    return _case()


def histories() -> st.SearchStrategy[Case]:
    """Valid cases with long histories, as a person registered for years has: 1-8 triggers,
    up to 8 detentions, 6 absences abroad, 16 events, 25 notifications of any kind and, from the
    earliest relevant date, a run of up to 20 notifications given about a year apart (an initial
    one, then periodic ones, now and then a few days late or a change of home address instead),
    up to 3 orders, 2 determinations on review, and police records; the facts cluster around up
    to 4 days spread over 2004-2030. Every fact is drawn as in :func:`cases`.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(histories())
    ... def check(case):
    ...     assert 1 <= len(case.triggers) <= 8
    ...     assert len(case.notifications) <= 45
    >>> check()
    """
    return _case(_LONG)


def case_dates(case: Case) -> tuple[date, ...]:
    """Every date a case's facts mention, sorted: trigger dates, starts and ends, event days,
    notification and expected dates, the dates of parental directions, orders and reviews, and
    the dates police records were made and became known.

    >>> from sexoffender_rules.model import Case, Person, Trigger
    >>> case_dates(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)),
    ...                 triggers=(Trigger(id="t1", kind="caution", date=date(2021, 3, 1)),)))
    (datetime.date(2021, 3, 1),)
    """
    days: set[date] = set()
    for t in case.triggers:
        days |= {t.date, t.relevant_date, t.sentence_date}
        for disposal in (t.disposal, *(r.disposal for r in t.resentences)):
            if isinstance(disposal, _LINKED) and disposal.start:
                days.add(disposal.start)
        days |= {r.date for r in t.resentences}
    spells: tuple[Detention | AbsenceAbroad, ...] = (*case.detentions, *case.absences_abroad)
    for spell in spells:
        days.add(spell.start)
        if spell.end is not None:
            days.add(spell.end)
    for event in case.events:
        days.add(event.date)
        if isinstance(event, Stay):
            days.add(event.last_day)
    for n in case.notifications:
        days.add(n.date)
        if n.expected_date is not None:
            days.add(n.expected_date)
    for direction in case.parental_directions:
        days |= {d for d in (direction.made, direction.ends, direction.discharged) if d}
    for order in case.orders:
        days |= {
            d
            for d in (
                order.made,
                order.served,
                order.ends,
                order.discharged,
                order.breach_conviction,
            )
            if d
        }
    for review in case.review_determinations:
        days |= {d for d in (review.notice_received, review.determined) if d}
    for record in case.police_records:
        days |= {record.date, record.known_on}
    return tuple(sorted(days))


def as_of_dates(case: Case) -> st.SearchStrategy[date]:
    """Assessment dates for ``case``: mostly on or after one of its relevant dates, or shortly
    before, on or after one of its facts (up to about 11 years on, to reach the end of
    notification periods), sometimes an awkward day or any day from 2004 to 2035.

    >>> from hypothesis import given, settings
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)))
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(as_of_dates(empty))
    ... def check(day):
    ...     assert date(1950, 1, 1) <= day <= date(2035, 12, 31)
    >>> check()
    """
    return _as_of(case_dates(case), tuple(sorted({t.relevant_date for t in case.triggers})))


@st.composite
def _as_of(draw: st.DrawFn, days: tuple[date, ...], relevant: tuple[date, ...]) -> date:
    ways = ["after"] * 6 * bool(relevant) + ["near"] * 2 * bool(days) + ["anywhere", "edge"]
    how = draw(_sampled(ways))
    if how == "after":
        offset = draw(st.one_of(st.integers(0, 10), st.integers(0, 800), st.integers(0, 4000)))
        return _shift(draw(_sampled(relevant)), offset)
    if how == "near":
        offset = draw(st.one_of(st.integers(-3, 10), st.integers(-3, 800), st.integers(0, 4000)))
        return _shift(draw(_sampled(days)), offset)
    if how == "edge":
        return draw(edge_dates())
    return draw(st.dates(min_value=FACTS_FROM, max_value=date(2035, 12, 31)))


@st.composite
def _case_with_as_of(draw: st.DrawFn, source: st.SearchStrategy[Case]) -> tuple[Case, date]:
    case = draw(source)
    return case, draw(as_of_dates(case))


def cases_with_as_of(
    source: st.SearchStrategy[Case] | None = None,
) -> st.SearchStrategy[tuple[Case, date]]:
    """A case from ``source`` (by default :func:`cases`; :func:`histories` for long ones) and
    an assessment date for it from :func:`as_of_dates`.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(cases_with_as_of())
    ... def check(pair):
    ...     case, as_of = pair
    ...     assert isinstance(case, Case) and isinstance(as_of, date)
    >>> check()
    """
    return _case_with_as_of(cases() if source is None else source)


def _extended(case: Case, **fact: object) -> Case:
    """``case`` with one fact appended to the tuple named by the keyword."""
    ((name, value),) = fact.items()
    changes: dict[str, Any] = {name: (*getattr(case, name), value)}
    return attrs.evolve(case, **changes)


def _fresh_id(prefix: str, taken: set[str]) -> str:
    i = 1
    while f"{prefix}{i}" in taken:
        i += 1
    return f"{prefix}{i}"


@st.composite
def _with_notification(
    draw: st.DrawFn,
    case: Case,
    low: date,
    high: date,
    kinds: tuple[NotificationKind, ...] = tuple(NotificationKind),
) -> Case:
    start = max(low, case.person.date_of_birth)
    day = fact_dates(start, max(start, high))
    anchors = case_dates(case)
    anchors = tuple(d for d in anchors if d >= start) or (start,)
    expected = tuple(
        n.expected_date
        for n in case.notifications
        if n.kind is NotificationKind.ADVANCE and n.expected_date is not None
    )
    notification = draw(
        _notification(
            _fresh_id("x", {n.id for n in case.notifications}),
            start,
            day,
            anchors,
            case.events,
            expected,
            kinds=kinds,
        )
    )
    return _extended(case, notifications=notification)


def with_notification(
    case: Case, kinds: tuple[NotificationKind, ...] | None = None
) -> st.SearchStrategy[Case]:
    """``case`` with one more notification (of any kind, or of one of ``kinds``, often near one
    of its facts) appended after its others, so that every existing fact keeps its path.

    >>> from hypothesis import given, settings
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)))
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(with_notification(empty))
    ... def check(case):
    ...     assert len(case.notifications) == 1
    >>> check()
    """
    return _with_notification(
        case, FACTS_FROM, FACTS_UNTIL, tuple(NotificationKind) if kinds is None else kinds
    )


@st.composite
def _with_fact_after(draw: st.DrawFn, case: Case, after: date) -> Case:
    low = max(_shift(after, 1), case.person.date_of_birth)
    high = _shift(low, 1500)
    day = fact_dates(low, high, near=low)
    kinds = ["notification", "event", "trigger", "detention", "absence", "record"]
    what = draw(_sampled(kinds))
    if what == "notification":
        return draw(_with_notification(case, low, high))
    if what == "record":
        record = draw(_record(low, high))
        if isinstance(record, records.Death) and any(
            isinstance(r, records.Death) for r in case.police_records
        ):
            return draw(_with_notification(case, low, high))
        return _extended(case, police_records=record)
    if what == "event":
        return _extended(case, events=draw(_event(day)))
    if what == "trigger":
        trigger = draw(_trigger(_fresh_id("late", {t.id for t in case.triggers}), day, ()))
        return _extended(case, triggers=trigger)
    # A spell that starts after ``after`` and after every spell of the same kind has ended.
    kind = draw(_sampled(list(DetentionKind))) if what == "detention" else None
    same = (
        [(d.start, d.end) for d in case.detentions if d.kind is kind]
        if kind is not None
        else [(a.start, a.end) for a in case.absences_abroad]
    )
    if any(end is None for _, end in same):
        return draw(_with_notification(case, low, high))
    begin = max([low, *(_shift(end or start, 1) for start, end in same)])
    ((start, end),) = draw(_spells(1, fact_dates(begin, _shift(begin, 800), near=begin)))
    if kind is not None:
        return _extended(case, detentions=Detention(kind=kind, start=start, end=end))
    return _extended(case, absences_abroad=AbsenceAbroad(start=start, end=end))


def with_fact_after(case: Case, after: date) -> st.SearchStrategy[Case]:
    """``case`` with one more fact dated after ``after`` (and not before the date of birth)
    appended: a notification, an event, a trigger (its custodial term linked to no other), a
    detention or an absence abroad (starting after every spell of its kind has ended), or a
    police record (a death only if the case has none).

    >>> from hypothesis import given, settings
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)))
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(with_fact_after(empty, date(2026, 1, 1)))
    ... def check(case):
    ...     facts = (*case.triggers, *case.detentions, *case.absences_abroad, *case.events,
    ...              *case.notifications, *case.police_records)
    ...     assert len(facts) == 1
    ...     assert getattr(facts[0], "date", None) or facts[0].start > date(2026, 1, 1)
    >>> check()
    """
    return _with_fact_after(case, after)


# --------------------------------------------------------------------------------------------
# Police records and policy profiles
# --------------------------------------------------------------------------------------------


@st.composite
def _record(draw: st.DrawFn, low: date, high: date) -> PoliceRecord:
    day = draw(st.dates(min_value=low, max_value=high))
    later = st.one_of(st.none(), st.dates(min_value=day, max_value=_shift(day, 120)))
    known = draw(st.one_of(st.none(), st.dates(min_value=day, max_value=_shift(day, 60))))
    kind = draw(st.integers(0, 12))
    record: PoliceRecord
    if kind == 0:
        record = records.HomeVisit(date=day, outcome=draw(_sampled(list(records.VisitOutcome))))
    elif kind == 1:
        record = records.Contact(date=day, kind=draw(_sampled(list(records.ContactKind))))
    elif kind == 2:
        moved = draw(st.one_of(st.none(), st.integers(0, 90).map(lambda n: _shift(day, -n))))
        record = records.NotLivingAtAddress(date=day, moved_about=moved and max(low, moved))
    elif kind == 3:
        record = records.LeftUnitedKingdom(date=day)
    elif kind == 4:
        closed = draw(later)
        result = draw(_sampled(list(records.TraceResult))) if closed else None
        record = records.TraceEnquiry(date=day, closed=closed, result=result)
    elif kind == 5:
        record = records.Located(date=day, arrested=draw(st.booleans()))
    elif kind == 6:
        ended = draw(later)
        end = draw(_sampled(list(records.WarrantEnd))) if ended else None
        reason = draw(_sampled(["", "section 91 offence", "recall to prison"]))
        record = records.Warrant(date=day, ended=ended, end=end, reason=reason)
    elif kind == 7:
        record = records.MissingPersonReport(date=day, closed=draw(later))
    elif kind == 8:
        marker = draw(_sampled(list(records.MarkerKind)))
        record = records.Marker(kind=marker, date=day, cancelled=draw(later))
    elif kind == 9:
        record = records.RiskAssessment(date=day, level=draw(_sampled(list(records.RiskLevel))))
    elif kind == 10:
        every = draw(st.one_of(st.none(), st.builds(CalendarPeriod, months=st.integers(1, 12))))
        record = records.VisitPlan(date=day, every=every)
    elif kind == 11:
        record = records.CivilDetention(date=day, ended=draw(later))
    else:
        record = records.Death(date=day)
    return attrs.evolve(record, known=known)


def police_records(
    low: date, high: date, max_size: int = 8
) -> st.SearchStrategy[list[PoliceRecord]]:
    """Lists of police records of every kind dated from ``low`` to ``high`` (an end, closure or
    the date a record became known may fall a little later), at most one death.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(police_records(date(2026, 1, 1), date(2026, 12, 31)))
    ... def check(found):
    ...     assert all(r.date >= date(2026, 1, 1) for r in found)
    >>> check()
    """
    return st.lists(_record(low, high), max_size=max_size).map(_one_death)


def _one_death(found: list[PoliceRecord]) -> list[PoliceRecord]:
    deaths = [r for r in found if isinstance(r, records.Death)]
    return [r for r in found if not isinstance(r, records.Death)] + deaths[:1]


@st.composite
def _with_police_records(draw: st.DrawFn, case: Case, low: date, high: date) -> Case:
    low = max(low, case.person.date_of_birth)
    found = draw(police_records(low, high)) if low <= high else []
    force = draw(_sampled([None, "FORCE-01", "FORCE-02"]))
    return attrs.evolve(case, police_records=tuple(found), managing_force=force)


def with_police_records(case: Case, low: date, high: date) -> st.SearchStrategy[Case]:
    """``case`` with police records dated from ``low`` to ``high`` and a managing force (or
    none).

    >>> from hypothesis import given, settings
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1)))
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(with_police_records(empty, date(2026, 1, 1), date(2026, 6, 30)))
    ... def check(case):
    ...     assert all(r.date <= date(2026, 6, 30) for r in case.police_records)
    >>> check()
    """
    return _with_police_records(case, low, high)


def profiles() -> st.SearchStrategy[Profile]:
    """Police-policy profiles: the shipped ones and variations of every field: the missing
    rule, the visit schedule and its intervals for each risk level, the thresholds, the version
    and description, and the order of precedence (any order, now and then of only some flags).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(profiles())
    ... def check(profile):
    ...     assert profile.failed_visits >= 1
    >>> check()
    """
    shipped = _sampled(sorted(PROFILES.values(), key=lambda p: p.name))
    interval = st.one_of(
        st.builds(CalendarPeriod, months=st.integers(1, 24)),
        st.builds(CalendarPeriod, weeks=st.integers(1, 20)),
    )
    every_flag = st.permutations(DEFAULT_PRECEDENCE).map(tuple)
    some_flags = every_flag.flatmap(
        lambda order: st.integers(1, len(order)).map(lambda n: order[:n])
    )
    varied = st.builds(
        Profile,
        name=st.just("FICTIONAL-PROFILE"),
        version=st.integers(1, 5),
        description=_sampled(["", "A fictional force's policy."]),
        missing_rule=_sampled(list(MissingRule)),
        visits=_sampled(list(VisitSchedule)),
        visit_intervals=st.builds(
            VisitIntervals, very_high=interval, high=interval, medium=interval, low=interval
        ),
        failed_visits=st.integers(1, 4),
        return_grace_days=st.integers(0, 14),
        unknown_after_days=st.one_of(st.none(), st.integers(1, 120)),
        precedence=st.one_of(every_flag, every_flag, some_flags),
    )
    return st.one_of(shipped, varied)


_CHOSEN_DAY = (NoCorrespondingDay.NEXT_DAY, NoCorrespondingDay.PREVIOUS_DAY)
_CHOSEN_PARTIAL = (PartialDays.LIBERTY_AT_END_OF_DAY, PartialDays.WHOLE_DAY_AT_LIBERTY)


def policies(open_readings: bool = False) -> st.SearchStrategy[Policy]:
    """Readings of the law (:class:`~sexoffender_rules.policy.Policy`): every field, each
    reading drawn. With ``open_readings``, the questions that can be left open
    (``leap_day``, ``corresponding_date``, ``partial_days``) are now and then left open
    (``raise``), so that an assessment may raise
    :class:`~sexoffender_rules.errors.AmbiguousReadingError`.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(policies())
    ... def check(policy):
    ...     assert policy.partial_days is not PartialDays.RAISE
    >>> check()
    """
    day = _CHOSEN_DAY + ((NoCorrespondingDay.RAISE,) if open_readings else ())
    partial = _CHOSEN_PARTIAL + ((PartialDays.RAISE,) if open_readings else ())
    return st.builds(
        Policy,
        leap_day=_sampled(day),
        corresponding_date=_sampled(day),
        partial_days=_sampled(partial),
        release_notified_by_attendance=st.booleans(),
        failure_after_requirements_end=_sampled(list(FailureAfterRequirementsEnd)),
        periodic_notifies_changes=st.booleans(),
        prescribed_restarts_periodic=st.booleans(),
    )


# --------------------------------------------------------------------------------------------
# st.from_type
# --------------------------------------------------------------------------------------------


def _day() -> st.SearchStrategy[date]:
    return fact_dates(FACTS_FROM, FACTS_UNTIL)


@st.composite
def _one_trigger(draw: st.DrawFn) -> Trigger:
    return draw(_trigger("t1", _day(), ()))


@st.composite
def _one_disposal(draw: st.DrawFn, kind: str) -> Any:
    return draw(_disposal(draw(_day()), (), (kind,)))


@st.composite
def _one_resentence(draw: st.DrawFn) -> Resentence:
    on = draw(_day())
    disposal = draw(_disposal(on, (), _ANY_DISPOSAL[:-1]))
    assert disposal is not None  # "none" is the last kind, left out
    reason = draw(_sampled(list(ResentenceReason)))
    return Resentence(date=on, reason=reason, disposal=disposal)


@st.composite
def _one_spell(draw: st.DrawFn, kind: type) -> Any:
    ((start, end),) = draw(_spells(1, _day()))
    if kind is Detention:
        return Detention(kind=draw(_sampled(list(DetentionKind))), start=start, end=end)
    back = draw(_expected_return(start))
    return AbsenceAbroad(
        start=start, end=end, expected_return=back, details_known_late=draw(st.booleans())
    )


@st.composite
def _one_notification(draw: st.DrawFn) -> Notification:
    events = tuple(draw(st.lists(_event(_day()), max_size=2)))
    return draw(_notification("n1", FACTS_FROM, _day(), (), events, ()))


@st.composite
def _one_direction(draw: st.DrawFn) -> ParentalDirection:
    born = draw(st.dates(min_value=BORN_FROM, max_value=BORN_UNTIL))
    made = _shift(born, draw(st.integers(10 * 365, 17 * 365)))
    (direction,) = draw(_parental_directions(born, [_caution_on(made)], always=True))
    return direction


def _caution_on(day: date) -> Trigger:
    return Trigger(id="t1", kind=TriggerKind.CAUTION, date=day)


def _type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The strategy ``st.from_type`` uses for each public type of the library."""
    from .assessment import Assessment
    from .whereabouts import StatusAssessment, assess_status

    found: dict[type, st.SearchStrategy[Any]] = {
        Case: cases(),
        Profile: profiles(),
        Policy: policies(),
        Person: st.builds(
            Person,
            reference=st.just("FICTIONAL-PBT"),
            date_of_birth=st.dates(min_value=BORN_FROM, max_value=BORN_UNTIL),
        ),
        Trigger: _one_trigger(),
        Resentence: _one_resentence(),
        Detention: _one_spell(Detention),
        AbsenceAbroad: _one_spell(AbsenceAbroad),
        HomeAddress: _sampled(HOMES),
        Notification: _one_notification(),
        CalendarPeriod: custodial_terms(),
        ParentalDirection: _one_direction(),
        Order: st.builds(lambda o: o, _order("o1", _day())),
        ReviewDetermination: _review_determination(_day()),
        Assessment: cases_with_as_of().map(lambda pair: assess(*pair)),
        StatusAssessment: st.tuples(cases_with_as_of(), profiles()).map(
            lambda drawn: assess_status(drawn[0][0], drawn[0][1], drawn[1])
        ),
    }
    for key, kind in _DISPOSAL_KINDS.items():
        if kind is not None:
            found[kind] = _one_disposal(key)
    for key, kind in zip(
        _EVENT_KINDS, (NameUsed, HomeAddressChange, Stay, PrescribedChange), strict=True
    ):
        found[kind] = _event(_day(), (key,))
    for kind in records.POLICE_RECORDS:
        found[kind] = _one_record(kind)
    return found


def _one_record(kind: type) -> st.SearchStrategy[Any]:
    def of_kind(found: list[PoliceRecord]) -> list[PoliceRecord]:
        return [r for r in found if isinstance(r, kind)]

    return (
        police_records(FACTS_FROM, FACTS_UNTIL, max_size=20)
        .map(of_kind)
        .filter(bool)
        .map(lambda found: found[0])
    )


_LOADED = True
register_type_strategies()
