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

from .assessment import Assessment, Duty, Reason

__all__ = ["explain"]


def _reason_line(reason: Reason, indent: str) -> str:
    readings = f" [reading: {', '.join(reason.readings)}]" if reason.readings else ""
    return f"{indent}- {reason.statement} ({reason.citation}; rule {reason.rule_id}){readings}"


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
    return text


def explain(assessment: Assessment) -> str:
    """The whole reasoning of ``assessment`` as text: registration, then each duty, each step with
    its citation and rule id, and the readings of the law it relied on.

    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> print(explain(assess(Case(person=Person(reference="F", date_of_birth=date(1990, 1, 1))),
    ...                      date(2026, 1, 1))))
    Assessment on 2026-01-01 (England and Wales: Sexual Offences Act 2003, Part 2): not subject
    <BLANKLINE>
    Registration: not subject
      - No conviction, finding or caution known on the assessment date makes the person subject. (Sexual Offences Act 2003 s.80(1); rule ew.s80.subject)
    <BLANKLINE>
    Duties: none
    """
    a = assessment
    lines = [
        f"Assessment on {a.as_of.isoformat()} ({a.ruleset}): {a.headline.value.replace('_', ' ')}"
    ]
    if a.next_deadline:
        lines.append(f"Next deadline: {a.next_deadline.isoformat()}")
    reg = a.registration
    if reg.indefinite:
        status = "subject indefinitely"
    elif reg.undetermined:
        status = "subject; the end of the period is undetermined"
    elif reg.subject:
        status = f"subject until {reg.end.isoformat() if reg.end else ''}"
    elif reg.sources:
        status = f"ended on {reg.end.isoformat() if reg.end else ''}"
    else:
        status = "not subject"
    lines += ["", f"Registration: {status}"]
    lines += [_reason_line(r, "  ") for r in reg.reasons]
    for source in reg.sources:
        end = (
            "indefinite"
            if source.indefinite
            else (source.end.isoformat() if source.end else "undetermined")
        )
        lines.append(
            f"  Source {source.trigger_id} ({source.fact}): relevant date "
            f"{source.relevant_date.isoformat()}, period {source.period_text}, end {end}"
        )
        lines += [_reason_line(r, "    ") for r in source.reasons]
        lines += [f"    - missing: {m}" for m in source.missing]
    lines += ["", "Duties:" if a.duties else "Duties: none"]
    for duty in a.duties:
        lines.append(f"  {_duty_heading(duty)}")
        lines += [_reason_line(r, "    ") for r in duty.reasons]
    if a.flags:
        lines += ["", "For review:"] + [f"  - {flag}" for flag in a.flags]
    if a.missing:
        lines += ["", "Undetermined for want of:"] + [f"  - {m}" for m in a.missing]
    return "\n".join(lines)
