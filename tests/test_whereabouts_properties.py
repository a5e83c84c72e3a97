"""Properties of the whereabouts axis and the headline, over the public strategies."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from sexoffender_rules.model import Case, Notification
from sexoffender_rules.records import Contact, ContactKind, HomeVisit, Located, VisitOutcome
from sexoffender_rules.strategies import cases_with_as_of, profiles, with_police_records
from sexoffender_rules.whereabouts import (
    STATUS_NAMES,
    Profile,
    Whereabouts,
    assess_status,
    headline,
)


@st.composite
def statuses(draw: st.DrawFn) -> tuple[Case, date, Profile]:
    case, as_of = draw(cases_with_as_of())
    low = max(case.person.date_of_birth, as_of - timedelta(days=400))
    case = draw(with_police_records(case, low, as_of))
    return case, as_of, draw(profiles())


@given(statuses(), st.randoms(use_true_random=False))
def test_the_headline_is_a_pure_function_of_the_flags_and_the_profile(
    drawn: tuple[Case, date, Profile], random: object
) -> None:
    case, as_of, profile = drawn
    status = assess_status(case, as_of, profile)
    names = sorted(status.flag_names)
    assert set(names) <= set(STATUS_NAMES)
    assert status.headline == headline(names, profile.precedence)
    assert status.headline == headline(reversed(names), profile.precedence)
    held = [n for n in profile.precedence if n in status.flag_names]
    assert status.headline == (held[0] if held else "compliant")
    # The same case under the same profile gives the same flags, whatever else is asked first.
    assert assess_status(case, as_of, profile).flags == status.flags


@given(statuses(), st.booleans())
def test_positive_contact_after_the_last_adverse_fact_never_leaves_whereabouts_unknown(
    drawn: tuple[Case, date, Profile], by_notification: bool
) -> None:
    case, as_of, profile = drawn
    last = max([as_of, case.person.date_of_birth, *(r.date for r in case.police_records)])
    day = last + timedelta(days=1)
    if by_notification:
        used = {n.id for n in case.notifications}
        nid = next(f"n-contact-{i}" for i in range(len(used) + 1) if f"n-contact-{i}" not in used)
        added = attrs.evolve(
            case,
            notifications=(*case.notifications, Notification(id=nid, date=day, kind="periodic")),
        )
    else:
        added = attrs.evolve(
            case,
            police_records=(*case.police_records, Contact(date=day, kind=ContactKind.IN_PERSON)),
        )
    status = assess_status(added, day, profile)
    assert status.whereabouts is not Whereabouts.WHEREABOUTS_UNKNOWN, status.flags
    assert "missing" not in status.flag_names


@given(statuses())
def test_a_known_location_abroad_or_detention_is_never_missing(
    drawn: tuple[Case, date, Profile],
) -> None:
    case, as_of, profile = drawn
    status = assess_status(case, as_of, profile)
    seen = _seen_in_person(case, as_of)
    # A known absence abroad still running, unless the person has been seen in person since the
    # day of departure (then back in the United Kingdom: docs/missing-status.md).
    running_abroad = any(
        a.start <= as_of
        and (a.end is None or a.end > as_of)
        and not any(day > a.start for day in seen)
        for a in case.absences_abroad
    )
    detained = any(d.start <= as_of and (d.end is None or d.end > as_of) for d in case.detentions)
    if (running_abroad or detained) and status.assessment.registration.subject:
        assert "missing" not in status.flag_names


def _seen_in_person(case: Case, as_of: date) -> list[date]:
    """The days known on ``as_of`` on which the police saw the person in person: a notification,
    a visit where seen, contact in person, being located or arrested."""
    days = [n.date for n in case.notifications if n.date <= as_of]
    for record in case.police_records:
        if record.date > as_of or record.known_on > as_of:
            continue
        if (
            (isinstance(record, HomeVisit) and record.outcome in _SEEN)
            or (isinstance(record, Contact) and record.kind is ContactKind.IN_PERSON)
            or isinstance(record, Located)
        ):
            days.append(record.date)
    return days


_SEEN = (VisitOutcome.SEEN_RESIDENT, VisitOutcome.SEEN_NOT_VERIFIED)


@given(statuses())
def test_a_known_absence_abroad_decides_the_whereabouts_until_the_person_is_seen_in_person(
    drawn: tuple[Case, date, Profile],
) -> None:
    case, as_of, profile = drawn
    status = assess_status(case, as_of, profile)
    if not status.assessment.registration.subject or status.whereabouts in (
        Whereabouts.DECEASED,
        Whereabouts.DETAINED,
    ):
        return
    seen = _seen_in_person(case, as_of)
    running = [
        a for a in case.absences_abroad if a.start <= as_of and (a.end is None or a.end > as_of)
    ]
    abroad = (Whereabouts.ABROAD, Whereabouts.ABROAD_RETURN_OVERDUE)
    if any(not any(day > a.start for day in seen) for a in running):
        assert status.whereabouts in abroad
    elif running:
        # Every running absence is answered by a contact in person after it began.
        assert status.whereabouts not in abroad
        assert any(
            "back in the United Kingdom" in r.statement for f in status.flags for r in f.reasons
        )


@given(statuses())
def test_every_status_renders(drawn: tuple[Case, date, Profile]) -> None:
    from sexoffender_rules.caseload import status_text, status_to_data

    case, as_of, profile = drawn
    status = assess_status(case, as_of, profile)
    data = status_to_data(status)
    assert data["headline"] == status.headline
    assert {f["name"] for f in data["flags"]} == status.flag_names
    assert status.headline in status_text(status)
