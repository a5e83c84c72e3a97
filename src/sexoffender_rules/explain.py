"""Renderers: an assessment's reasons as readable text, one line per step. Pure: they return text.

>>> from datetime import date
>>> from sexoffender_rules import assess
>>> from sexoffender_rules.model import Case, Person, Trigger, Notification
>>> case = Case(person=Person(reference="FICTIONAL-0013", date_of_birth=date(1980, 1, 1)),
...             triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
...             notifications=(Notification(id="n1", date=date(2026, 3, 7), kind="initial"),))
>>> print(explain(assess(case, date(2026, 4, 1))).splitlines()[0])
Assessment on 2026-04-01 (England and Wales: Sexual Offences Act 2003, Part 2): compliant
"""

from __future__ import annotations

from datetime import date

from .assessment import Assessment, Duty, DutyState, Reason, Responsible, Source
from .errors import InvalidValueError
from .law import Rule, Ruleset
from .links import legislation_urls
from .policy import FailureAfterRequirementsEnd, NoCorrespondingDay, PartialDays, Policy

__all__ = [
    "HEADLINE",
    "ITEMS",
    "LINKS",
    "REASONS",
    "ROUTINE",
    "explain",
    "explain_markdown",
    "ruleset_markdown",
    "summary",
]


ROUTINE = frozenset({DutyState.MET})
"""The duty states the human renderers leave out with ``hide_routine``: a duty met on or before
its deadline (``met``). A duty met late, overdue, open, suspended, undetermined, pending or not
required is never routine: each says something a reader checks.

>>> sorted(state.value for state in ROUTINE)
['met']
"""

HEADLINE, ITEMS, REASONS, LINKS = 1, 2, 3, 4
"""The depths of the human renderers: 1 the headline and next deadline; 2 the registration, each
source and each duty in one line, the points for review and the facts wanting; 3 the reasons,
each with its citation and rule id; 4 each reason's links to legislation.gov.uk (the default
shows everything).

>>> HEADLINE, ITEMS, REASONS, LINKS
(1, 2, 3, 4)
"""

Line = tuple[int, str]


def _reason_lines(reason: Reason, on: date, indent: str) -> list[Line]:
    readings = f" [reading: {', '.join(reason.readings)}]" if reason.readings else ""
    lines = [
        (
            REASONS,
            f"{indent}- {reason.statement} ({reason.citation}; rule {reason.rule_id}){readings}",
        )
    ]
    lines += [(LINKS, f"{indent}    {link.url}") for link in reason.links(on)]
    return lines


def _shown(lines: list[Line], depth: int | None) -> str:
    return "\n".join(text for level, text in lines if depth is None or level <= depth)


def _check_depth(depth: int | None) -> None:
    if depth is not None and (type(depth) is not int or depth < 1):
        raise InvalidValueError("depth: expected a whole number of 1 or more, or None")


def _routine(a: Assessment, hide_routine: bool) -> tuple[tuple[Duty, ...], int]:
    """The duties to show, and how many routine ones are left out."""
    if not hide_routine:
        return a.duties, 0
    shown = tuple(d for d in a.duties if d.state not in ROUTINE)
    return shown, len(a.duties) - len(shown)


def _duty_heading(duty: Duty) -> str:
    deadline = duty.deadline.isoformat() if duty.deadline else "not yet fixed"
    text = (
        f"{duty.kind.value.replace('_', ' ')} from {duty.trigger_date.isoformat()} "
        f"({duty.fact}): due by {deadline}; {duty.state.value.replace('_', ' ')}"
    )
    if duty.discharged_by:
        text += f", by {duty.discharged_by}"
    if duty.breach is not None:
        end = "continuing" if duty.breach.is_unbounded else f"to {duty.breach.last_day.isoformat()}"
        text += f"; prima facie breach from {duty.breach.start.isoformat()} {end}"
    if duty.responsible is Responsible.PARENT:
        text += (
            "; the parent's duty under a parental direction (s.89): a failure is the parent's "
            "offence"
        )
    return text


def explain(assessment: Assessment, *, depth: int | None = None, hide_routine: bool = False) -> str:
    """The whole reasoning of ``assessment`` as text: registration, then each duty, each step with
    its citation and rule id, the readings of the law it relied on, and beneath it the link to
    each provision on legislation.gov.uk as it stood on the day the rule applied (a duty's
    trigger date, a source's first day subject, the assessment date for the registration).

    ``depth`` limits how deep it goes (:data:`HEADLINE`, :data:`ITEMS`, :data:`REASONS`,
    :data:`LINKS`; ``None``, the default, shows everything). ``hide_routine`` leaves out the
    routine duties (:data:`ROUTINE`: met on time) and says how many it left out.

    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> print(explain(assess(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
    ...                      date(2026, 1, 1))))
    Assessment on 2026-01-01 (England and Wales: Sexual Offences Act 2003, Part 2): not subject
    <BLANKLINE>
    Registration: not subject
      - No conviction, finding or caution known on the assessment date makes the person subject. (Sexual Offences Act 2003 s.80(1); rule ew.s80.subject)
          https://www.legislation.gov.uk/ukpga/2003/42/section/80/2026-01-01
    <BLANKLINE>
    Duties: none
    """
    _check_depth(depth)
    a = assessment
    lines: list[Line] = [
        (
            HEADLINE,
            f"Assessment on {a.as_of.isoformat()} ({a.ruleset}): "
            f"{a.headline.value.replace('_', ' ')}",
        )
    ]
    if a.next_deadline:
        lines.append((HEADLINE, f"Next deadline: {a.next_deadline.isoformat()}"))
    reg = a.registration
    lines += [(ITEMS, ""), (ITEMS, f"Registration: {_status(a)}")]
    lines += [(ITEMS, f"  {line}") for line in _cured(a)]
    for r in reg.reasons:
        lines += _reason_lines(r, a.as_of, "  ")
    for source in reg.sources:
        lines.append((ITEMS, f"  {_source_line(source)}"))
        for r in source.reasons:
            lines += _reason_lines(r, source.start, "    ")
        lines += [(ITEMS, f"    - missing: {m}") for m in source.missing]
    duties, hidden = _routine(a, hide_routine)
    lines += [(ITEMS, ""), (ITEMS, "Duties:" if a.duties else "Duties: none")]
    if hidden:
        lines.append((ITEMS, f"  ({hidden} routine duties not shown: met on time)"))
    for duty in duties:
        lines.append((ITEMS, f"  {_duty_heading(duty)}"))
        for r in duty.reasons:
            lines += _reason_lines(r, duty.trigger_date, "    ")
    if a.flags:
        lines += [(ITEMS, ""), (ITEMS, "For review:")]
        lines += [(ITEMS, f"  - {flag}") for flag in a.flags]
    if a.missing:
        lines += [(ITEMS, ""), (ITEMS, "Undetermined for want of:")]
        lines += [(ITEMS, f"  - {m}") for m in a.missing]
    return _shown(lines, depth)


def _source_line(source: Source) -> str:
    if source.indefinite:
        end = "indefinite"
    elif source.end is not None:
        end = source.end.isoformat()
    elif source.kept_by is not None and not source.undetermined:
        # Made subject by an order having effect until further order (SOA 2003 s.103G(2),
        # s.129(3)): the source has no period of its own and ends with the order.
        end = "until further order"
    else:
        end = "undetermined"
    return (
        f"Source {source.trigger_id} ({source.fact}): relevant date "
        f"{source.relevant_date.isoformat()}, period {source.period_text}, end {end}"
        + (
            f", subject from {source.subject_from.isoformat()}"
            if source.subject_from is not None
            else ""
        )
        + (f" under {source.applied_by}" if source.applied_by is not None else "")
        + (
            f", kept subject by {source.kept_by} until "
            + (source.kept_until.isoformat() if source.kept_until else "further order")
            if source.kept_by is not None
            else ""
        )
        + (
            f", review may be sought from {source.review_from.isoformat()}"
            if source.review_from is not None
            else ""
        )
    )


def _status(a: Assessment) -> str:
    reg = a.registration
    if reg.indefinite:
        return "subject indefinitely"
    if reg.undetermined:
        return "subject; the end of the period is undetermined"
    if reg.subject:
        return f"subject until {reg.end.isoformat() if reg.end else ''}"
    if reg.sources:
        return f"ended on {reg.end.isoformat() if reg.end else ''}"
    return "not subject"


def _cured(a: Assessment) -> list[str]:
    """A line naming breaches that are over, which the headline (of the assessment date) does
    not show."""
    past = [d for d in a.duties if d.breach is not None and a.as_of not in d.breach]
    if not past:
        return []
    return [f"Earlier breaches, over by the assessment date: {len(past)} (see the duties below)"]


def summary(assessment: Assessment) -> str:
    """A short text summary of ``assessment``: headline, registration and one line per duty.

    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger
    >>> case = Case(person=Person(reference="FICTIONAL-0014", date_of_birth=date(1980, 1, 1)),
    ...             triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),))
    >>> print(summary(assess(case, date(2026, 3, 20))))
    Assessment on 2026-03-20: in breach
    Registration: subject until 2028-03-05
    Duties:
      initial from 2026-03-06 (triggers[0]): due by 2026-03-08; overdue; prima facie breach from 2026-03-09 continuing
    """
    a = assessment
    lines = [f"Assessment on {a.as_of.isoformat()}: {a.headline.value.replace('_', ' ')}"]
    if a.next_deadline:
        lines.append(f"Next deadline: {a.next_deadline.isoformat()}")
    lines.append(f"Registration: {_status(a)}")
    lines += _cured(a)
    lines.append("Duties:" if a.duties else "Duties: none")
    lines += [f"  {_duty_heading(d)}" for d in a.duties]
    lines += [f"For review: {flag}" for flag in a.flags]
    lines += [f"Undetermined for want of: {m}" for m in a.missing]
    return "\n".join(lines)


def _md_reason(reason: Reason, on: date) -> list[Line]:
    readings = f" *Reading: {', '.join(reason.readings)}.*" if reason.readings else ""
    lines = [(REASONS, f"- {reason.statement} — {reason.citation} (`{reason.rule_id}`){readings}")]
    lines += [(LINKS, f"    - [{link.citation}]({link.url})") for link in reason.links(on)]
    return lines


def explain_markdown(
    assessment: Assessment, *, depth: int | None = None, hide_routine: bool = False
) -> str:
    """The whole reasoning of ``assessment`` as Markdown: a duties table, then each step with its
    citation, and beneath it a link to each provision on legislation.gov.uk. ``depth`` and
    ``hide_routine`` are as for :func:`explain` (the table is at :data:`ITEMS`).

    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> print(explain_markdown(assess(Case(person=Person(reference="F",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1))).splitlines()[0])
    # Assessment on 2026-01-01: not subject
    """
    _check_depth(depth)
    a = assessment
    lines: list[Line] = [
        (HEADLINE, f"# Assessment on {a.as_of.isoformat()}: {a.headline.value.replace('_', ' ')}"),
        (HEADLINE, ""),
        (
            HEADLINE,
            f"*{a.ruleset}.* Registration: **{_status(a)}**."
            + (f" Next deadline: **{a.next_deadline.isoformat()}**." if a.next_deadline else ""),
        ),
        (ITEMS, ""),
    ]
    duties, hidden = _routine(a, hide_routine)
    if hidden:
        lines += [(ITEMS, f"*{hidden} routine duties not shown (met on time).*"), (ITEMS, "")]
    if duties:
        lines += [
            (ITEMS, "| Duty | From | Deadline | State | Discharged by | Breach |"),
            (ITEMS, "|---|---|---|---|---|---|"),
        ]
        for d in duties:
            breach = ""
            if d.breach is not None:
                end = "continuing" if d.breach.is_unbounded else d.breach.last_day.isoformat()
                breach = f"{d.breach.start.isoformat()} to {end}"
            lines.append(
                (
                    ITEMS,
                    f"| {d.kind.value.replace('_', ' ')} | {d.trigger_date.isoformat()} | "
                    f"{d.deadline.isoformat() if d.deadline else 'not yet fixed'} | "
                    f"{d.state.value.replace('_', ' ')} | {d.discharged_by or ''} | {breach} |",
                )
            )
        lines.append((ITEMS, ""))
    lines += [(ITEMS, "## Registration"), (ITEMS, "")]
    for r in a.registration.reasons:
        lines += _md_reason(r, a.as_of)
    for source in a.registration.sources:
        lines += [
            (ITEMS, ""),
            (ITEMS, f"### Source {source.trigger_id} ({source.fact})"),
            (ITEMS, ""),
        ]
        for r in source.reasons:
            lines += _md_reason(r, source.start)
        lines += [(ITEMS, f"- Missing: {m}") for m in source.missing]
    for d in duties:
        lines += [(ITEMS, ""), (ITEMS, f"## {_duty_heading(d)}"), (ITEMS, "")]
        for r in d.reasons:
            lines += _md_reason(r, d.trigger_date)
    if a.flags:
        lines += [(ITEMS, ""), (ITEMS, "## For review"), (ITEMS, "")]
        lines += [(ITEMS, f"- {flag}") for flag in a.flags]
    return _shown(lines, depth).rstrip("\n")


_READINGS_TABLE: tuple[tuple[str, str, dict[object, str]], ...] = (
    (
        "leap_day",
        "Where a period of N years (and months) beginning with a day ends, when its "
        "anniversary has no corresponding day (29 February).",
        {
            NoCorrespondingDay.NEXT_DAY: "anniversary on the next day (1 March): 7 years from "
            "29 Feb 2020 end 28 Feb 2027",
            NoCorrespondingDay.PREVIOUS_DAY: "anniversary on the last "
            "day of the month: they end 27 Feb 2027",
        },
    ),
    (
        "corresponding_date",
        "The day a period after a day ends, when there is no corresponding day.",
        {
            NoCorrespondingDay.PREVIOUS_DAY: "the last day of the month (Dodds v Walker): one year after "
            "29 Feb 2024 ends 28 Feb 2025",
            NoCorrespondingDay.NEXT_DAY: "the first day of the next month: 1 Mar 2025",
        },
    ),
    (
        "partial_days",
        "How a day partly spent detained or abroad counts (s.83(6)).",
        {
            PartialDays.LIBERTY_AT_END_OF_DAY: "it counts if the person is at liberty in the UK at its "
            "end: the release or return day is day 1",
            PartialDays.WHOLE_DAY_AT_LIBERTY: "it counts "
            "only if wholly at liberty: the release day does not count",
        },
    ),
    (
        "release_notified_by_attendance",
        "What answers the duty to notify a release (s.84(1)(d)).",
        {
            True: "any notification given in person on or after the release",
            False: "only a notification that records the release",
        },
    ),
    (
        "failure_after_requirements_end",
        "A duty due on the last day of the notification period and not met (s.91(3)).",
        {
            FailureAfterRequirementsEnd.ONE_DAY: "a failure on the day after the deadline, which "
            "cannot continue: a one-day breach",
            FailureAfterRequirementsEnd.NO_FAILURE: "no failure: the requirements ended with the "
            "deadline day, so the duty is not required",
        },
    ),
    (
        "periodic_notifies_changes",
        "Whether a name or address given in a periodic notification (s.85(1)) counts as notified "
        "for s.84(1)(a)-(c): it answers the duty to notify the change, and a later use of the "
        "name or stay at the premises gives no duty.",
        {
            True: "it does both (s.85(1) asks for the s.83(5) information, every name used and "
            "the premises regularly stayed at)",
            False: "it does neither: only a notification under s.83(1) or s.84(1) (initial, "
            "change, advance) does",
        },
    ),
    (
        "prescribed_restarts_periodic",
        "Whether a notification given only of prescribed information or a prescribed change "
        "(bank account, payment card, passport or identity document, relevant household; "
        "SI 2012/1876) restarts the s.85 period.",
        {
            True: "it does: it is a notification under s.84(1)(ca), an event under s.85(2)(b)",
            False: "it does not: the Home Office answers (31 March 2023) say such information is "
            "given under s.83 and does not alter the annual notification date",
        },
    ),
)


def ruleset_markdown(ruleset: Ruleset) -> str:
    """The rules of ``ruleset`` as Markdown: a table of every rule's id, in-force interval,
    citation and the date its text was checked; its parameters; then each rule's statement, its
    citations, the date each text was checked and where, with links to legislation.gov.uk (the
    provision as it stood on the rule's first day in force); then the readings of the law with
    their defaults.

    docs/england-and-wales.md is this text for the England and Wales ruleset (a test keeps the
    two equal; ``sexoffender-rules rules`` prints it).

    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
    >>> print(ruleset_markdown(ENGLAND_AND_WALES).splitlines()[0])
    # England and Wales: Sexual Offences Act 2003, Part 2
    """
    lines = [
        f"# {ruleset.name}",
        "",
        "Generated from the ruleset by `sexoffender-rules rules`; do not edit by hand.",
        "",
        "Every rule the library applies: its id (named in every reason of an explanation), the "
        "days it is in force, the provisions it cites and the date their text was last checked "
        "(the earliest, where a rule cites several).",
        "",
        "| Rule | In force | Citation | Text checked |",
        "|---|---|---|---|",
    ]
    for rule in ruleset.rules:
        checked = rule.checked.isoformat() if rule.checked else "not checked"
        lines.append(
            f"| `{rule.id}` {rule.title} | {_in_force(rule)} | {rule.citation} | {checked} |"
        )
    if ruleset.parameters:
        lines += [
            "",
            "## Parameters",
            "",
            "The key figures the rules read (`Ruleset.parameter`); a reform may change them "
            "(`Ruleset.derive`).",
            "",
            "| Parameter | Value |",
            "|---|---|",
        ]
        lines += [f"| `{name}` | {value} |" for name, value in ruleset.parameters.items()]
    for rule in ruleset.rules:
        lines += [
            "",
            f"## `{rule.id}`: {rule.title}",
            "",
            f"In force {_in_force(rule)}.",
            "",
            rule.statement,
            "",
        ]
        for c in rule.citations:
            source = f"; {c.source}" if c.source else ""
            lines.append(f"- {c}: text checked {c.checked.isoformat()}{source}.")
            # The provision on legislation.gov.uk as it stood on the rule's first day in force.
            urls = legislation_urls(c, rule.in_force.start)
            if urls:
                lines.append(f"    - On legislation.gov.uk: {', '.join(f'<{u}>' for u in urls)}")
    defaults = Policy()
    lines += [
        "",
        "## Readings of the law (`Policy`)",
        "",
        "| Reading | Question | Default | Alternative |",
        "|---|---|---|---|",
    ]
    for name, question, choices in _READINGS_TABLE:
        default = getattr(defaults, name)
        other = next(k for k in choices if k != default)
        lines.append(
            f"| `{name}` | {question} | `{_value(default)}`: {choices[default]} | "
            f"`{_value(other)}`: {choices[other]} |"
        )
    lines += [
        "",
        "`Policy.strict()` leaves the first three open: a computation whose answer "
        "depends on one raises `AmbiguousReadingError`.",
    ]
    return "\n".join(lines)


def _in_force(rule: Rule) -> str:
    interval = rule.in_force
    if interval.is_empty:
        return "never"
    if interval.is_unbounded:
        return f"from {interval.start.isoformat()}"
    return f"from {interval.start.isoformat()} to {interval.last_day.isoformat()}"


def _value(choice: object) -> str:
    if isinstance(choice, bool):
        return str(choice).lower()
    return str(getattr(choice, "value", choice))
