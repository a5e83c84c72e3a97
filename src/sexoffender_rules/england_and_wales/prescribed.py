"""Prescribed information and prescribed changes (SOA 2003 s.83(5)(h), s.84(1)(ca);
SI 2012/1876, from 13 August 2012): residing or staying in a relevant household, and changes to
bank accounts, payment cards, passports and identity documents.

>>> [r.id for r in RULES]
['ew.s84.prescribed', 'ew.s85.prescribed_event']
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..assessment import DutyKind, Reason, Registration
from ..calendar import END_OF_TIME, DateInterval, add_days
from ..engine import DutyFinding, Timeline
from ..law import Citation, Ruleset
from ..model import Notification, NotificationKind, PrescribedChange
from ..policy import Policy
from ._common import _S85_COPY, RECHECKED, REGS_2012, _cite, _rule, _soa
from ._duties import _CYCLE_KINDS, _window
from .changes import _notifying_kinds

# --------------------------------------------------------------------------------------------
# Prescribed information and prescribed changes (s.83(5)(h), s.84(1)(ca); SI 2012/1876)
# --------------------------------------------------------------------------------------------

PRESCRIBED_INFORMATION_FROM = date(2012, 8, 13)
"""SI 2012/1876 prescribed information and changes of circumstances (relevant household, bank
accounts, payment cards, passports and identity documents) from 13 August 2012.

>>> PRESCRIBED_INFORMATION_FROM.isoformat()
'2012-08-13'
"""

_REGS_2012_SEEN = (
    "legislation.gov.uk/uksi/2012/1876/regulation/10/made: reg 10(1) 'The information set out in "
    "paragraph (2) is prescribed for the purposes of section 83(5)(h) of the 2003 Act in a case "
    "where a relevant offender (R) resides, or stays for a period of at least 12 hours, at a "
    "relevant household', (2) '(a) the date on which R begins to reside or stay at a relevant "
    "household, (b) the address of the relevant household, and (c) where R holds such "
    "information, the period or periods for which R intends to reside or stay'; reg 2 "
    "definitions seen in the draft (legislation.gov.uk/ukdsi/2012/9780111521410): 'banking "
    "institution', 'child' means a person aged under 18 years, 'credit card'; the rest of reg 2 "
    "and the regulations on bank accounts, payment cards, passports and identity documents, "
    "and the one prescribing changes for s.84(1)(ca), were not seen (numbers and words not "
    "seen). Reg 10 as seen prescribes information for s.83(5)(h); that beginning to reside or "
    "stay at a relevant household, and opening or closing an account, obtaining or ceasing to "
    "hold a card or document, are prescribed changes is taken from the Explanatory Memorandum "
    "para 2.2 (seen: 'notify information in relation to their residence, banking arrangements "
    "and passports or other forms of identification (for example, ... to notify where the "
    "offender resides with a child)') and the Scottish analogue SSI 2007/246 reg 4 (seen: an "
    "account opened or closed, a card obtained or no longer held). In force 13 Aug 2012 (reg "
    "1(2): 28 days after made; Home Office publication page)"
)
_S84_1_CA = (
    "s.84(1)(ca) (inserted later) not seen on legislation.gov.uk; the enabling powers "
    "'sections 83(5) and (5A), 84(1) and (5A)' are named in the preamble of SI 2012/1876 (draft "
    "seen)"
)
_HO_FAQ_2023 = (
    "gov.uk, 'Help with changes to the notification requirements for registered sex offenders' "
    "(updated 31 March 2023): 'information provided specifically in relation to the new matters "
    "which were introduced on 13 August 2012 is given under section 83 ...; the provision of "
    "this information is not made under section 84 and does not alter the annual notification "
    "date'"
)
_FROM_2012 = DateInterval(PRESCRIBED_INFORMATION_FROM, END_OF_TIME)

RULES = (
    _rule(
        "ew.s84.prescribed",
        "Prescribed change of circumstances",
        "From 13 August 2012, within 3 days (not counting time away) beginning with a prescribed "
        "change of circumstances while subject, the person must notify it: an account with a "
        "banking institution, a payment (debit or credit) card, a passport or other identity "
        "document, or beginning to reside or stay for at least 12 hours at a relevant household "
        "(a household or other place where a child under 18 resides or stays and to which the "
        "public do not have access). The duty is answered by the first notification on or after "
        "the change that gives its details (carries its reference): one given only of prescribed "
        "details, or an initial or change one, or a periodic one under "
        "policy.periodic_notifies_changes. Advance notice (s.84(2)) is not available for it. A "
        "change before 13 August 2012 gives no duty.",
        _soa("s.84(1)(ca)", _S84_1_CA, checked=RECHECKED),
        _soa("s.83(5)(h)", _S84_1_CA, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        Citation(
            instrument=REGS_2012,
            provision="regs 2, 10 and the regulations on accounts, cards and documents",
            checked=RECHECKED,
            source=_REGS_2012_SEEN,
        ),
        in_force=_FROM_2012,
    ),
    _rule(
        "ew.s85.prescribed_event",
        "A notification of prescribed details and the s.85 period",
        "Whether a notification given only of prescribed information or a prescribed change is "
        "an event that restarts the s.85 period is policy.prescribed_restarts_periodic: by "
        "default it is (a notification under s.84(1)(ca) is one under s.84(1), an event under "
        "s.85(2)(b)); the other reading follows the Home Office answers of 31 March 2023 (such "
        "information is given under s.83 and does not alter the annual notification date). A "
        "notification that also gives a name, address or release is a notification under "
        "s.83(1), s.84(1) or s.85(1) and restarts the period either way.",
        _soa("s.85(2)(b)", _S85_COPY, checked=RECHECKED),
        _cite("Home Office", "notification requirements questions and answers", _HO_FAQ_2023),
        in_force=_FROM_2012,
    ),
)


def _cycle_kinds(policy: Policy) -> tuple[NotificationKind, ...]:
    """The kinds of notification that are events for s.85(2)(b): initial, change, advance and
    periodic, and one of prescribed details only under ``policy.prescribed_restarts_periodic``.

    >>> NotificationKind.PRESCRIBED in _cycle_kinds(Policy(prescribed_restarts_periodic=False))
    False
    """
    restarts = policy.prescribed_restarts_periodic
    return (*_CYCLE_KINDS, NotificationKind.PRESCRIBED) if restarts else _CYCLE_KINDS


def _prescribed_cycle_reasons(
    timeline: Timeline, ruleset: Ruleset, started: Notification, following: Notification | None
) -> list[Reason]:
    """Why a notification of prescribed details only started this periodic cycle, or why one
    given during the cycle did not end it (policy.prescribed_restarts_periodic)."""
    # From the index: a scan of every notification here, once per periodic duty, made the
    # cost of a case grow with the square of its notifications.
    if not timeline.index.all(("kind", NotificationKind.PRESCRIBED)):
        return []
    rule = ruleset.rule("ew.s85.prescribed_event")
    restarts = timeline.policy.prescribed_restarts_periodic
    readings = [f"prescribed_restarts_periodic={str(restarts).lower()}"]
    if started.kind is NotificationKind.PRESCRIBED:
        path = timeline.path(started)
        return [
            rule.reason(
                f"{path} gives prescribed details only: a notification under s.84(1)(ca), an "
                "event that restarts the period (s.85(2)(b)).",
                facts=[path],
                readings=readings,
            )
        ]
    if restarts:
        return []
    until = following.date if following is not None else add_days(timeline.as_of, 1)
    inside = [
        n
        for n in timeline.index.all(("kind", NotificationKind.PRESCRIBED))
        if started.date < n.date < until and rule.in_force_on(n.date)
    ]
    return [
        rule.reason(
            f"{timeline.path(n)} gives prescribed details only: such information is given under "
            "s.83 and does not alter the annual notification date, so it does not restart the "
            "period.",
            facts=[timeline.path(n)],
            readings=readings,
        )
        for n in inside
    ]


def prescribed_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(ca): a duty for each prescribed change while subject (SI 2012/1876, from 13 August
    2012), answered by the first notification on or after it that carries its reference.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification, PrescribedChange
    >>> case = Case(person=Person(reference="FICTIONAL-0012", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     events=(PrescribedChange(date=date(2026, 3, 2), kind="bank_account",
    ...                              reference="ACCT-1"),),
    ...     notifications=(Notification(id="n1", date=date(2026, 3, 4), kind="prescribed",
    ...                                 prescribed=("ACCT-1",)),))
    >>> [(d.deadline, d.state.value) for d in assess(case, date(2026, 3, 20)).duties_of(
    ...     DutyKind.PRESCRIBED_CHANGE)]
    [(datetime.date(2026, 3, 4), 'met')]
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.prescribed")
    periodic_counts = timeline.policy.periodic_notifies_changes
    kinds = (*_notifying_kinds(timeline.policy), NotificationKind.PRESCRIBED)
    for event in timeline.events:
        if not isinstance(event, PrescribedChange) or event.date not in subject:
            continue
        path = timeline.path(event)
        what = f"Prescribed change ({event.kind.value.replace('_', ' ')})"
        deadline, reason, alternatives = _window(
            timeline, event.date, ruleset.parameter("notification_days"), rule, what, [path]
        )
        reasons = [reason]
        answer = timeline.index.first_among(
            [("prescribed", event.reference, kind) for kind in kinds], event.date
        )
        periodic = timeline.index.first(
            ("prescribed", event.reference, NotificationKind.PERIODIC), event.date
        )
        if periodic is not None and (answer is None or periodic.date <= answer.date):
            p_path = timeline.path(periodic)
            reasons.append(
                rule.reason(
                    f"{p_path} is a periodic notification (s.85(1)) that gives its details: "
                    + (
                        "it answers the duty."
                        if periodic_counts
                        else "only a notification under s.83(1) or s.84(1) answers the duty."
                    ),
                    facts=[path, p_path],
                    readings=[f"periodic_notifies_changes={str(periodic_counts).lower()}"],
                )
            )
        yield DutyFinding(
            kind=DutyKind.PRESCRIBED_CHANGE,
            rule_id=rule.id,
            trigger_date=event.date,
            fact=path,
            deadline=deadline,
            discharged_by=answer,
            reasons=tuple(reasons),
            alternatives=alternatives,
        )
