"""Why not: for a duty that did not arise or a status that does not hold, which conditions failed.

An assessment says what holds; a reader often asks about what does not: why is there no duty to
notify this change of name, why is the period not indefinite, why is the person not in breach,
why are they not missing. :func:`why_not` answers from a small table of questions
(:data:`QUESTIONS`). Each question names the items it is asked of (each name used, each source,
each duty, or the person as a whole), the outcome for each item (taken from the assessment, so
the answer never differs from it), and a list of named conditions, each evaluated against the
case, the assessment and (for whereabouts) the police records under a profile. A condition
names the rule it comes from, says what it tests, and whether it held: where the outcome does not
hold, the conditions that failed say why. The questions name rules of the England and Wales
ruleset (``ew.s84.name``...); a reform built from it (:meth:`Ruleset.replacing
<sexoffender_rules.law.Ruleset.replacing>`) keeps them.

- ``change_of_name``: each name used (``events[i]``, ``name_used``): a duty arises when the
  record of the use is known, the person is subject that day, s.84(1)(a) is in force, the name
  had not been notified before (by an initial or change notification, or a periodic one under
  ``policy.periodic_notifies_changes``), and the use is not a further use already dealt with
  under an earlier duty for the name (s.91(3)).
- ``change_of_address``: each change of home address: known, subject that day, s.84(1)(b) in
  force.
- ``indefinite``: each source of the registration: the period is determined, the s.82(1) row
  that applies gives an indefinite period (the condition's text is that row: it says why this
  period), no later trial ended it (s.82(5)), and no determination on review ended it (s.91C).
- ``breach``: each duty: its deadline is fixed, has passed by the assessment date, no
  notification answered it by then, and the failure continues on that date (s.91(3)); and the
  person is subject on the assessment date.
- ``missing``: the whereabouts under the profile (police policy, not statute): subject on the
  date; not dead, detained or abroad (known or believed); then the profile's missing rule: an
  adverse fact since the last positive contact and a trace enquiry closed negative, or the
  profile's number of days passed, or an open missing-person report.

>>> from datetime import date
>>> from sexoffender_rules.model import Case, Person, Trigger, NameUsed, Notification
>>> case = Case(person=Person(reference="FICTIONAL-0300", date_of_birth=date(1980, 1, 1)),
...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
...     events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),),
...     notifications=(Notification(id="n1", date=date(2026, 1, 5), kind="initial",
...                                 names=("NAME-A", "NAME-B")),))
>>> answer = why_not(case, date(2026, 4, 1), "change_of_name")
>>> answer.holds, [c.name for c in answer.failed]
(False, ['not_notified_before'])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs

from .assessment import Assessment, Duty, DutyKind, DutyState, Source
from .engine import assess
from .errors import InvalidValueError
from .law import Ruleset
from .links import Link, reason_links
from .model import Case, HomeAddressChange, NameUsed, NotificationKind
from .policy import Policy
from .records import MissingPersonReport, TraceEnquiry, TraceResult
from .rulesets import ruleset_for
from .whereabouts import (
    PROFILES,
    MissingRule,
    Profile,
    StatusAssessment,
    Whereabouts,
    _adverse,
    _known_records,
    _positive_contacts,
    assess_status,
)

__all__ = [
    "QUESTIONS",
    "Condition",
    "Item",
    "Question",
    "WhyNot",
    "why_not",
    "why_not_text",
    "why_not_to_data",
]


@attrs.frozen(kw_only=True)
class Condition:
    """One condition of a question, evaluated: its ``name`` (stable, for programs), what it
    tests in words (``text``), whether it ``held``, the rule it comes from (``rule_id``, with
    ``citation`` and ``links`` to legislation.gov.uk; for a police-policy condition the profile),
    and the fact it is about, where there is one.

    >>> Condition(name="subject", text="Subject on 2026-01-01.", held=True, rule_id="x",
    ...           citation="Act s.1").held
    True
    """

    name: str
    text: str
    held: bool
    rule_id: str
    citation: str
    fact: str | None = None
    links: tuple[Link, ...] = ()


@attrs.frozen(kw_only=True)
class Item:
    """What a question was asked of (``subject``: a name used, a source, a duty, or the person),
    whether the outcome holds for it, and its conditions.

    >>> Item(subject="the person", holds=False, conditions=()).failed
    ()
    """

    subject: str
    holds: bool
    conditions: tuple[Condition, ...]

    @property
    def failed(self) -> tuple[Condition, ...]:
        """The conditions that did not hold.

        >>> Item(subject="x", holds=False, conditions=(Condition(name="a", text="A.",
        ...      held=False, rule_id="r", citation=""),)).failed[0].name
        'a'
        """
        return tuple(c for c in self.conditions if not c.held)


@attrs.frozen(kw_only=True)
class WhyNot:
    """The answer to one question: the ``question`` in words, whether its outcome ``holds``
    (for some item: a duty did arise, the person is in breach), the ``answer`` in one sentence,
    and each ``item`` with its conditions.

    >>> WhyNot(kind="breach", question="Q?", holds=False, answer="A.", items=()).failed
    ()
    """

    kind: str
    question: str
    holds: bool
    answer: str
    items: tuple[Item, ...]

    @property
    def failed(self) -> tuple[Condition, ...]:
        """Every condition that did not hold, item by item.

        >>> WhyNot(kind="k", question="Q?", holds=False, answer="A.", items=(Item(subject="x",
        ...     holds=False, conditions=(Condition(name="a", text="A.", held=False,
        ...     rule_id="r", citation=""),)),)).failed[0].name
        'a'
        """
        return tuple(c for item in self.items for c in item.failed)


@attrs.frozen(kw_only=True)
class _Context:
    case: Case
    as_of: date
    policy: Policy
    ruleset: Ruleset
    assessment: Assessment
    status: StatusAssessment | None


def _condition(
    ctx: _Context, name: str, rule_id: str, held: bool, text: str, fact: str | None, on: date
) -> Condition:
    """A condition from a rule of the ruleset, with the rule's citation and links for ``on``."""
    rule = ctx.ruleset.rule(rule_id)
    return Condition(
        name=name,
        text=text,
        held=held,
        rule_id=rule_id,
        citation=rule.citation,
        fact=fact,
        links=reason_links(rule.reason(text), on),
    )


def _policy_condition(ctx: _Context, name: str, held: bool, text: str) -> Condition:
    assert ctx.status is not None
    return Condition(
        name=name,
        text=text,
        held=held,
        rule_id="whereabouts",
        citation=f"police policy profile {ctx.status.profile.label}",
    )


def _known(event: NameUsed | HomeAddressChange, ctx: _Context) -> bool:
    return event.date <= ctx.as_of and (event.known is None or event.known <= ctx.as_of)


def _event_conditions(
    ctx: _Context, event: NameUsed | HomeAddressChange, path: str, rule_id: str
) -> list[Condition]:
    day = event.date.isoformat()
    known = _known(event, ctx)
    subject = event.date in ctx.assessment.registration.subject_days
    in_force = ctx.ruleset.rule(rule_id).in_force_on(event.date)
    return [
        _condition(
            ctx,
            "known",
            rule_id,
            known,
            f"{path} happened and was known by the assessment date ({ctx.as_of.isoformat()}).",
            path,
            event.date,
        ),
        _condition(
            ctx,
            "subject",
            "ew.s80.subject",
            subject,
            f"The person was subject to the notification requirements on {day}.",
            path,
            event.date,
        ),
        _condition(
            ctx,
            "in_force",
            rule_id,
            in_force,
            f"The provision was in force on {day}.",
            path,
            event.date,
        ),
    ]


def _name_conditions(ctx: _Context, event: Any, path: str) -> list[Condition]:
    conditions = _event_conditions(ctx, event, path, "ew.s84.name")
    kinds = {NotificationKind.INITIAL, NotificationKind.CHANGE}
    if ctx.policy.periodic_notifies_changes:
        kinds.add(NotificationKind.PERIODIC)
    notified = sorted(
        (n.date, n.id)
        for n in ctx.case.notifications
        if n.kind in kinds and n.date < event.date and event.name in n.names
    )
    conditions.append(
        _condition(
            ctx,
            "not_notified_before",
            "ew.s84.name",
            not notified,
            "The name had not been notified before it was used"
            + (
                f" (it was, by notification {notified[0][1]} on {notified[0][0].isoformat()})."
                if notified
                else "."
            ),
            path,
            event.date,
        )
    )
    earlier = [
        (d, r)
        for d in ctx.assessment.duties_of(DutyKind.CHANGE_OF_NAME)
        if d.fact != path
        for r in d.reasons
        if path in r.facts
    ]
    conditions.append(
        _condition(
            ctx,
            "not_further_use",
            "ew.s84.name",
            not earlier,
            "The use is not a further use of a name dealt with under an earlier duty"
            + (
                f" (the duty from {earlier[0][0].fact}: {earlier[0][1].statement})"
                if earlier
                else ""
            )
            + ".",
            path,
            event.date,
        )
    )
    return conditions


def _events(ctx: _Context, kind: type) -> list[tuple[str, Any]]:
    return [(f"events[{i}]", e) for i, e in enumerate(ctx.case.events) if isinstance(e, kind)]


def _change_items(
    ctx: _Context,
    kind: type,
    duty_kind: DutyKind,
    conditions: Callable[[_Context, Any, str], list[Condition]],
    what: str,
) -> list[Item]:
    arisen = {d.fact for d in ctx.assessment.duties_of(duty_kind)}
    items = [
        Item(
            subject=f"{path} ({what} on {event.date.isoformat()})",
            holds=path in arisen,
            conditions=tuple(conditions(ctx, event, path)),
        )
        for path, event in _events(ctx, kind)
    ]
    if not items:
        items.append(
            Item(
                subject="the case",
                holds=False,
                conditions=(
                    _condition(
                        ctx,
                        "recorded",
                        "ew.s84.name" if kind is NameUsed else "ew.s84.home_address",
                        False,
                        f"A {what} is recorded in the case (events of type "
                        f"{'name_used' if kind is NameUsed else 'home_address_change'}).",
                        None,
                        ctx.as_of,
                    ),
                ),
            )
        )
    return items


def _name_items(ctx: _Context) -> list[Item]:
    return _change_items(ctx, NameUsed, DutyKind.CHANGE_OF_NAME, _name_conditions, "name used")


def _address_items(ctx: _Context) -> list[Item]:
    def conditions(ctx: _Context, event: Any, path: str) -> list[Condition]:
        return _event_conditions(ctx, event, path, "ew.s84.home_address")

    return _change_items(
        ctx,
        HomeAddressChange,
        DutyKind.CHANGE_OF_HOME_ADDRESS,
        conditions,
        "change of home address",
    )


def _source_conditions(ctx: _Context, source: Source) -> list[Condition]:
    period = next((r for r in source.reasons if r.rule_id == "ew.s82.period"), None)
    discharged = next((r for r in source.reasons if r.rule_id == "ew.s91c.discharged"), None)
    trial = next((r for r in source.reasons if r.rule_id == "ew.s82.trial"), None)
    on = source.start
    row = (
        period.statement
        if period is not None
        else "No row of the s.82(1) table was applied: " + ", ".join(source.missing) + "."
    )
    return [
        _condition(
            ctx,
            "determined",
            "ew.s82.period",
            not source.undetermined,
            "The facts that decide the period are known"
            + (f" (wanting: {', '.join(source.missing)})." if source.undetermined else "."),
            source.fact,
            on,
        ),
        _condition(
            ctx,
            "indefinite_row",
            "ew.s82.period",
            period is not None and "an indefinite period" in period.statement,
            "The s.82(1) row that applies gives an indefinite period (imprisonment for life or "
            "for public protection, a term of 30 months or more, or a hospital order with a "
            f"restriction order). The row applied: {row}",
            source.fact,
            on,
        ),
        _condition(
            ctx,
            "not_ended_by_trial",
            "ew.s82.trial",
            trial is None,
            "The period was not ended by a later trial for the offence after a finding of "
            "disability (s.82(5))" + (f" ({trial.statement})" if trial is not None else "") + ".",
            source.fact,
            on,
        ),
        _condition(
            ctx,
            "not_discharged_on_review",
            "ew.s91c.discharged",
            discharged is None,
            "No determination on review ended the indefinite requirements"
            + (f" ({discharged.statement})" if discharged is not None else "")
            + ".",
            source.fact,
            on,
        ),
    ]


def _indefinite_items(ctx: _Context) -> list[Item]:
    sources = ctx.assessment.registration.sources
    if not sources:
        return [
            Item(
                subject="the person",
                holds=False,
                conditions=(
                    _condition(
                        ctx,
                        "subject",
                        "ew.s80.subject",
                        False,
                        "A conviction, finding or caution makes the person subject.",
                        None,
                        ctx.as_of,
                    ),
                ),
            )
        ]
    return [
        Item(
            subject=f"source {s.trigger_id} ({s.fact}, period {s.period_text})",
            holds=s.indefinite,
            conditions=tuple(_source_conditions(ctx, s)),
        )
        for s in sources
    ]


def _duty_conditions(ctx: _Context, duty: Duty) -> list[Condition]:
    as_of = ctx.as_of
    rule_id = duty.reasons[0].rule_id if duty.reasons else ctx.ruleset.breach_rule
    on = duty.trigger_date
    deadline = duty.deadline
    fixed = deadline is not None and duty.state is not DutyState.SUSPENDED
    passed = deadline is not None and deadline < as_of
    # A notification on the assessment date cures the breach from the next day only.
    breach = duty.breach
    cured_today = breach is not None and not breach.is_unbounded and breach.last_day >= as_of
    unanswered = duty.discharged_by is None or cured_today
    continuing = duty.breach is not None and as_of in duty.breach
    return [
        _condition(
            ctx,
            "deadline_fixed",
            rule_id,
            fixed,
            "The deadline is fixed"
            + (f" ({deadline.isoformat()})." if deadline else " (it is not yet).")
            if fixed
            else "The deadline is fixed (it is not: the duty is "
            f"{duty.state.value.replace('_', ' ')}).",
            duty.fact,
            on,
        ),
        _condition(
            ctx,
            "deadline_passed",
            rule_id,
            passed,
            f"The deadline passed before the assessment date ({as_of.isoformat()}).",
            duty.fact,
            on,
        ),
        _condition(
            ctx,
            "not_answered",
            rule_id,
            unanswered,
            "No notification answered the duty before the assessment date"
            + (f" (notification {duty.discharged_by} did)." if not unanswered else "."),
            duty.fact,
            on,
        ),
        _condition(
            ctx,
            "failure_continues",
            ctx.ruleset.breach_rule,
            continuing,
            "The failure continues on the assessment date (s.91(3)): it does not once the "
            "requirements have ended, for a duty not required, or for a failure that is not a "
            "continuing one (s.84(4)(b))"
            + (
                "; whether there is one rests on a fact not recorded (the duty is undetermined)."
                if duty.state is DutyState.UNDETERMINED
                else "."
            ),
            duty.fact,
            on,
        ),
    ]


def _breach_items(ctx: _Context) -> list[Item]:
    registration = ctx.assessment.registration
    open_on = registration.rests_on(ctx.as_of)
    subject = _condition(
        ctx,
        "subject",
        "ew.s80.subject",
        registration.subject and not open_on,
        f"The person is subject on the assessment date ({ctx.as_of.isoformat()})"
        + (f": it rests on {', '.join(open_on)}, not recorded." if open_on else "."),
        None,
        ctx.as_of,
    )
    items = [
        Item(
            subject=f"{d.kind.value.replace('_', ' ')} duty from {d.trigger_date.isoformat()} "
            f"({d.fact}): {d.state.value.replace('_', ' ')}",
            holds=d.breach is not None and ctx.as_of in d.breach,
            conditions=(subject, *_duty_conditions(ctx, d)),
        )
        for d in ctx.assessment.duties
    ]
    if not items:
        arisen = _condition(
            ctx,
            "duty_arisen",
            "ew.s83.initial",
            False,
            "A duty to notify has arisen by the assessment date.",
            None,
            ctx.as_of,
        )
        items.append(Item(subject="the person", holds=False, conditions=(subject, arisen)))
    return items


_AWAY = {
    Whereabouts.DECEASED: "dead",
    Whereabouts.DETAINED: "detained",
    Whereabouts.ABROAD: "abroad on a known absence",
    Whereabouts.ABROAD_RETURN_OVERDUE: "abroad on a known absence (return overdue)",
    Whereabouts.BELIEVED_ABROAD: "believed abroad",
}


def _missing_items(ctx: _Context) -> list[Item]:
    status = ctx.status
    assert status is not None
    profile, as_of, case = status.profile, ctx.as_of, ctx.case
    state = status.whereabouts
    conditions = [
        _condition(
            ctx,
            "subject",
            "ew.s80.subject",
            ctx.assessment.registration.subject,
            "The person is subject on the assessment date (whereabouts are assessed only then).",
            None,
            as_of,
        ),
        _policy_condition(
            ctx,
            "whereabouts_not_otherwise_known",
            state not in _AWAY,
            "The person is not dead, detained, abroad on a known absence or believed abroad"
            + (f" (the person is {_AWAY[state]})." if state in _AWAY else "."),
        ),
    ]
    known = _known_records(case, as_of)
    contacts = _positive_contacts(case, as_of, known)
    after = contacts[-1][0] if contacts else date.min
    since = f" since the last positive contact ({after.isoformat()})" if contacts else ""
    rule = profile.missing_rule
    if rule is MissingRule.MISSING_PERSON_REPORT:
        reports = [
            r
            for _, r in known.of(MissingPersonReport)
            if r.date <= as_of and (r.closed is None or r.closed > as_of) and after <= r.date
        ]
        conditions.append(
            _policy_condition(
                ctx,
                "open_report",
                bool(reports),
                f"A missing-person report is open, opened{since} (the profile's rule: "
                "missing_person_report).",
            )
        )
    else:
        adverse = _adverse(as_of, ctx.assessment, known, profile, after)
        conditions.append(
            _policy_condition(
                ctx,
                "adverse_fact",
                bool(adverse),
                f"An adverse fact{since}: failed home visits at the profile's threshold "
                f"({profile.failed_visits}), evidence of not living at the address, or an overdue "
                "notification that bears on location.",
            )
        )
        if rule is MissingRule.TRACE_ENQUIRY:
            negative = [
                t
                for _, t in known.of(TraceEnquiry)
                if t.result is TraceResult.NEGATIVE
                and t.closed is not None
                and after < t.closed <= as_of
            ]
            conditions.append(
                _policy_condition(
                    ctx,
                    "negative_trace",
                    bool(negative),
                    f"A trace enquiry closed with a negative result{since} (the profile's rule: "
                    "trace_enquiry).",
                )
            )
        else:
            days = profile.unknown_after_days
            conditions.append(
                _policy_condition(
                    ctx,
                    "days_set",
                    days is not None,
                    "The profile sets a number of days for its time-based rule.",
                )
            )
            start = contacts[-1][0] if contacts else min((a[2] for a in adverse), default=None)
            elapsed = days is not None and start is not None and (as_of - start).days >= days
            conditions.append(
                _policy_condition(
                    ctx,
                    "days_passed",
                    elapsed,
                    f"{days if days is not None else 'The'} days have passed since the last "
                    "positive contact (or, with none, the first adverse fact)"
                    + (
                        f": {(as_of - start).days} have, from {start.isoformat()}."
                        if start
                        else "."
                    ),
                )
            )
    return [
        Item(
            subject=f"the whereabouts under profile {profile.label} "
            f"(now: {state.value.replace('_', ' ')})",
            holds=state is Whereabouts.WHEREABOUTS_UNKNOWN,
            conditions=tuple(conditions),
        )
    ]


@attrs.frozen(kw_only=True)
class Question:
    """One question :func:`why_not` answers: its ``kind`` (the name the command line takes),
    the question in words, what holds when its outcome holds, and the function that gives its
    items with their conditions. ``status`` says whether it needs the whereabouts (a profile).

    >>> QUESTIONS["missing"].status, QUESTIONS["breach"].status
    (True, False)
    """

    kind: str
    question: str
    holds: str
    items: Callable[[_Context], list[Item]]
    status: bool = False


QUESTIONS: dict[str, Question] = {
    q.kind: q
    for q in (
        Question(
            kind="change_of_name",
            question="Why is there no duty to notify a change of name (s.84(1)(a))?",
            holds="a duty to notify a name did arise",
            items=_name_items,
        ),
        Question(
            kind="change_of_address",
            question="Why is there no duty to notify a change of home address (s.84(1)(b))?",
            holds="a duty to notify a change of home address did arise",
            items=_address_items,
        ),
        Question(
            kind="indefinite",
            question="Why is the notification period not indefinite (s.82(1)), and why this "
            "period?",
            holds="the period of a source is indefinite",
            items=_indefinite_items,
        ),
        Question(
            kind="breach",
            question="Why is the person not in breach on the assessment date (s.91(1)(a))?",
            holds="the person is in breach",
            items=_breach_items,
        ),
        Question(
            kind="missing",
            question="Why is the person not missing (whereabouts unknown, under the police-policy "
            "profile)?",
            holds="the person is missing",
            items=_missing_items,
            status=True,
        ),
    )
}
"""The questions :func:`why_not` answers, by kind.

>>> sorted(QUESTIONS)
['breach', 'change_of_address', 'change_of_name', 'indefinite', 'missing']
"""


def why_not(
    case: Case,
    as_of: date,
    kind: str,
    *,
    policy: Policy | None = None,
    ruleset: Ruleset | None = None,
    profile: Profile | None = None,
) -> WhyNot:
    """Answer the question ``kind`` (:data:`QUESTIONS`) for ``case`` assessed on ``as_of``: for
    each item, whether the outcome holds and which of its conditions held.

    ``policy`` and ``ruleset`` are as for :func:`~sexoffender_rules.engine.assess`; ``profile``
    (default ``trace-enquiry``) is the police-policy profile for ``missing``.

    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0301", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     notifications=(Notification(id="n1", date=date(2026, 1, 6), kind="initial"),))
    >>> answer = why_not(case, date(2026, 4, 1), "breach")
    >>> answer.holds, answer.answer
    (False, 'No: every item has a condition that does not hold.')
    >>> [c.name for c in answer.items[0].failed]
    ['not_answered', 'failure_continues']
    >>> why_not(case, date(2026, 4, 1), "other")
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.InvalidValueError: kind: no such question; known: breach, change_of_address, change_of_name, indefinite, missing
    """
    if kind not in QUESTIONS:
        raise InvalidValueError(f"kind: no such question; known: {', '.join(sorted(QUESTIONS))}")
    question = QUESTIONS[kind]
    policy = policy or Policy()
    ruleset = ruleset or ruleset_for(case.jurisdiction)
    status = None
    if question.status:
        status = assess_status(case, as_of, profile or PROFILES["trace-enquiry"], policy, ruleset)
        assessment = status.assessment
    else:
        assessment = assess(case, as_of, policy, ruleset)
    ctx = _Context(
        case=case,
        as_of=as_of,
        policy=policy,
        ruleset=ruleset,
        assessment=assessment,
        status=status,
    )
    items = tuple(question.items(ctx))
    holds = any(item.holds for item in items)
    answer = (
        f"It does: {question.holds}; see the items for which every condition holds."
        if holds
        else "No: every item has a condition that does not hold."
    )
    return WhyNot(kind=kind, question=question.question, holds=holds, answer=answer, items=items)


def why_not_text(answer: WhyNot, *, failed_only: bool = False) -> str:
    """``answer`` as text: the question and answer, then each item with each condition marked
    ``[held]`` or ``[FAILED]``, its rule and citation, and a link to the provision.

    ``failed_only`` leaves out the conditions that held.

    >>> from sexoffender_rules.model import Case, Person
    >>> print(why_not_text(why_not(Case(person=Person(reference="F",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1), "indefinite")))
    Why is the notification period not indefinite (s.82(1)), and why this period?
    No: every item has a condition that does not hold.
    <BLANKLINE>
    the person: does not hold
      [FAILED] A conviction, finding or caution makes the person subject. (Sexual Offences Act 2003 s.80(1); rule ew.s80.subject)
               https://www.legislation.gov.uk/ukpga/2003/42/section/80/2026-01-01
    """
    lines = [answer.question, answer.answer]
    for item in answer.items:
        lines += ["", f"{item.subject}: {'holds' if item.holds else 'does not hold'}"]
        for c in item.conditions:
            if failed_only and c.held:
                continue
            mark = "[held]  " if c.held else "[FAILED]"
            lines.append(f"  {mark} {c.text} ({c.citation}; rule {c.rule_id})")
            lines += [f"           {link.url}" for link in c.links]
    return "\n".join(lines)


def _conditions_data(conditions: Sequence[Condition]) -> list[dict[str, Any]]:
    return [
        {
            "name": c.name,
            "held": c.held,
            "text": c.text,
            "rule": c.rule_id,
            "citation": c.citation,
            "fact": c.fact,
            "links": [{"citation": k.citation, "url": k.url} for k in c.links],
        }
        for c in conditions
    ]


def why_not_to_data(answer: WhyNot) -> dict[str, Any]:
    """``answer`` as JSON-ready data (format ``sexoffender-rules/why-not``, version 1).

    >>> from sexoffender_rules.model import Case, Person
    >>> data = why_not_to_data(why_not(Case(person=Person(reference="F",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1), "breach"))
    >>> data["kind"], data["holds"], [c["name"] for c in data["items"][0]["conditions"]]
    ('breach', False, ['subject', 'duty_arisen'])
    """
    return {
        "format": "sexoffender-rules/why-not",
        "version": 1,
        "kind": answer.kind,
        "question": answer.question,
        "holds": answer.holds,
        "answer": answer.answer,
        "items": [
            {
                "subject": item.subject,
                "holds": item.holds,
                "conditions": _conditions_data(item.conditions),
            }
            for item in answer.items
        ],
    }
