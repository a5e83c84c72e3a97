"""Compare the results of cases under two rulesets: a baseline and a reform derived from it.

:func:`compare` assesses each case on one date under both rulesets (with the same
:class:`~sexoffender_rules.policy.Policy`) and reports, per case, what differs: the headline, the
end of the registration, and each duty added, removed or changed (its deadline, state, breach,
who bears it, the notification that answered it). A duty is matched across the two by its kind,
the fact it arose from and the day it arose. Every result is immutable.

>>> from datetime import date
>>> from sexoffender_rules import ENGLAND_AND_WALES, CalendarPeriod
>>> from sexoffender_rules.model import Case, Notification, Person, Trigger
>>> six = ENGLAND_AND_WALES.derive(name="six-monthly",
...     parameters={"periodic_interval": CalendarPeriod(months=6)})
>>> case = Case(person=Person(reference="FICTIONAL-0250", date_of_birth=date(1980, 1, 1)),
...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
...     notifications=(Notification(id="n1", date=date(2026, 1, 6), kind="initial"),))
>>> result = compare([case], ENGLAND_AND_WALES, six, date(2026, 8, 1))
>>> result.reform, len(result.differing)
('six-monthly', 1)
>>> print(result.cases[0].duties[0].text())
periodic from 2026-01-06 (notifications[0]): deadline 2027-01-06 -> 2026-07-06; state open -> overdue; breach none -> from 2026-07-07 continuing
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from .assessment import Assessment, Duty, DutyKind, Headline
from .calendar import DateInterval
from .engine import assess
from .law import Ruleset
from .model import Case
from .policy import Policy

__all__ = ["CaseComparison", "Change", "Comparison", "DutyDifference", "compare"]


class Change(str, enum.Enum):
    """How a duty differs under the reform: ``ADDED`` (only the reform has it), ``REMOVED``
    (only the baseline has it) or ``CHANGED`` (both, with different results).

    >>> Change("added").value
    'added'
    """

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else "none"


def _breach(value: DateInterval | None) -> str:
    if value is None:
        return "none"
    end = "continuing" if value.is_unbounded else f"to {value.last_day.isoformat()}"
    return f"from {value.start.isoformat()} {end}"


def _fields(duty: Duty) -> tuple[tuple[str, str], ...]:
    return (
        ("deadline", _day(duty.deadline)),
        ("state", duty.state.value.replace("_", " ")),
        ("breach", _breach(duty.breach)),
        ("responsible", duty.responsible.value),
        ("answered by", duty.discharged_by or "none"),
    )


@attrs.frozen(kw_only=True)
class DutyDifference:
    """One duty that differs: ``baseline`` and ``reform`` are the duty under each (``None``
    where that ruleset has no such duty), ``changes`` the fields that differ as
    ``(field, baseline value, reform value)``.

    >>> from sexoffender_rules.assessment import DutyState
    >>> d = Duty(kind=DutyKind.INITIAL, trigger_date=date(2026, 1, 5), fact="triggers[0]",
    ...          deadline=date(2026, 1, 7), state=DutyState.OPEN)
    >>> DutyDifference.between(None, d).text()
    'initial from 2026-01-05 (triggers[0]): added (due by 2026-01-07; open)'
    """

    kind: DutyKind
    fact: str
    trigger_date: date
    change: Change
    baseline: Duty | None
    reform: Duty | None
    changes: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def between(cls, baseline: Duty | None, reform: Duty | None) -> DutyDifference:
        """The difference between a duty under the baseline and under the reform (either may be
        ``None``, not both).

        >>> from sexoffender_rules.assessment import DutyState
        >>> d = Duty(kind=DutyKind.INITIAL, trigger_date=date(2026, 1, 5), fact="triggers[0]",
        ...          deadline=date(2026, 1, 7), state=DutyState.OPEN)
        >>> DutyDifference.between(d, d).changes
        ()
        """
        either = reform if reform is not None else baseline
        if either is None:
            raise ValueError("between: a duty is needed under the baseline or the reform")
        if baseline is None or reform is None:
            change = Change.ADDED if baseline is None else Change.REMOVED
            changes: tuple[tuple[str, str, str], ...] = ()
        else:
            change = Change.CHANGED
            changes = tuple(
                (name, old, new)
                for (name, old), (_, new) in zip(_fields(baseline), _fields(reform), strict=True)
                if old != new
            )
        return cls(
            kind=either.kind,
            fact=either.fact,
            trigger_date=either.trigger_date,
            change=change,
            baseline=baseline,
            reform=reform,
            changes=changes,
        )

    def text(self) -> str:
        """One line: the duty, then what changed.

        >>> from sexoffender_rules.assessment import DutyState
        >>> d = Duty(kind=DutyKind.INITIAL, trigger_date=date(2026, 1, 5), fact="triggers[0]",
        ...          deadline=date(2026, 1, 7), state=DutyState.OPEN)
        >>> DutyDifference.between(d, None).text()
        'initial from 2026-01-05 (triggers[0]): removed (was due by 2026-01-07; open)'
        """
        head = (
            f"{self.kind.value.replace('_', ' ')} from {self.trigger_date.isoformat()} "
            f"({self.fact})"
        )
        if self.change is Change.CHANGED:
            return f"{head}: " + "; ".join(f"{n} {old} -> {new}" for n, old, new in self.changes)
        duty = self.reform if self.change is Change.ADDED else self.baseline
        assert duty is not None
        was = "" if self.change is Change.ADDED else "was "
        state = duty.state.value.replace("_", " ")
        return f"{head}: {self.change.value} ({was}due by {_day(duty.deadline)}; {state})"


def _key(duty: Duty) -> tuple[str, str, date]:
    return (duty.kind.value, duty.fact, duty.trigger_date)


def _duty_differences(baseline: Assessment, reform: Assessment) -> Iterator[DutyDifference]:
    """Duties matched by kind, fact and trigger date (in order, where several share a key)."""
    mine: dict[tuple[str, str, date], list[Duty]] = {}
    for duty in baseline.duties:
        mine.setdefault(_key(duty), []).append(duty)
    theirs: dict[tuple[str, str, date], list[Duty]] = {}
    for duty in reform.duties:
        theirs.setdefault(_key(duty), []).append(duty)
    for key in sorted(set(mine) | set(theirs), key=lambda k: (k[2], k[0], k[1])):
        old, new = mine.get(key, []), theirs.get(key, [])
        for i in range(max(len(old), len(new))):
            difference = DutyDifference.between(
                old[i] if i < len(old) else None, new[i] if i < len(new) else None
            )
            if difference.change is not Change.CHANGED or difference.changes:
                yield difference


def _registration_end(a: Assessment) -> str:
    registration = a.registration
    if registration.indefinite:
        return "indefinite"
    if registration.undetermined:
        return "undetermined"
    return _day(registration.end)


@attrs.frozen(kw_only=True)
class CaseComparison:
    """One case under both rulesets: its position in the input (``index``, from 0), the person's
    reference, both assessments, and what differs. ``headline`` and ``registration_end`` are
    ``(baseline, reform)`` where they differ, else ``None``.

    >>> from sexoffender_rules import ENGLAND_AND_WALES
    >>> from sexoffender_rules.model import Person
    >>> c = compare([Case(person=Person(reference="FICTIONAL-0251",
    ...     date_of_birth=date(1980, 1, 1)))], ENGLAND_AND_WALES, ENGLAND_AND_WALES,
    ...     date(2026, 1, 1)).cases[0]
    >>> c.differs, c.text()
    (False, '#0 FICTIONAL-0251: no difference')
    """

    index: int
    reference: str
    baseline: Assessment
    reform: Assessment
    headline: tuple[Headline, Headline] | None
    registration_end: tuple[str, str] | None
    duties: tuple[DutyDifference, ...]

    @classmethod
    def of(cls, index: int, case: Case, baseline: Assessment, reform: Assessment) -> CaseComparison:
        """The comparison of one case's two assessments.

        >>> from sexoffender_rules import ENGLAND_AND_WALES, assess
        >>> from sexoffender_rules.model import Person
        >>> case = Case(person=Person(reference="FICTIONAL-0252", date_of_birth=date(1980, 1, 1)))
        >>> a = assess(case, date(2026, 1, 1))
        >>> CaseComparison.of(0, case, a, a).duties
        ()
        """
        ends = (_registration_end(baseline), _registration_end(reform))
        return cls(
            index=index,
            reference=case.person.reference,
            baseline=baseline,
            reform=reform,
            headline=(baseline.headline, reform.headline)
            if baseline.headline is not reform.headline
            else None,
            registration_end=ends if ends[0] != ends[1] else None,
            duties=tuple(_duty_differences(baseline, reform)),
        )

    @property
    def differs(self) -> bool:
        """Whether anything differs for this case.

        >>> from sexoffender_rules import ENGLAND_AND_WALES, assess
        >>> from sexoffender_rules.model import Person
        >>> case = Case(person=Person(reference="FICTIONAL-0253", date_of_birth=date(1980, 1, 1)))
        >>> a = assess(case, date(2026, 1, 1))
        >>> CaseComparison.of(0, case, a, a).differs
        False
        """
        return bool(self.headline or self.registration_end or self.duties)

    def text(self) -> str:
        """The differences as lines of text, the first naming the case.

        >>> from sexoffender_rules import ENGLAND_AND_WALES, assess
        >>> from sexoffender_rules.model import Person
        >>> case = Case(person=Person(reference="FICTIONAL-0254", date_of_birth=date(1980, 1, 1)))
        >>> a = assess(case, date(2026, 1, 1))
        >>> CaseComparison.of(3, case, a, a).text()
        '#3 FICTIONAL-0254: no difference'
        """
        head = f"#{self.index} {self.reference}"
        if not self.differs:
            return f"{head}: no difference"
        lines = [f"{head}:"]
        if self.headline:
            lines.append(f"  headline {self.headline[0].value} -> {self.headline[1].value}")
        if self.registration_end:
            old, new = self.registration_end
            lines.append(f"  registration end {old} -> {new}")
        lines.extend(f"  {d.text()}" for d in self.duties)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Comparison:
    """The comparison of a set of cases under ``baseline`` and ``reform`` (ruleset names) on
    ``as_of``.

    >>> from sexoffender_rules import ENGLAND_AND_WALES
    >>> Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).summary()
    '0 cases compared on 2026-01-01 (a against b): none differs.'
    """

    baseline: str
    reform: str
    as_of: date
    cases: tuple[CaseComparison, ...]

    @property
    def differing(self) -> tuple[CaseComparison, ...]:
        """The cases whose results differ.

        >>> Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).differing
        ()
        """
        return tuple(c for c in self.cases if c.differs)

    def counts(self) -> dict[str, int]:
        """How many cases differ in their headline and registration end, and how many duties
        were added, removed and changed, over all cases.

        >>> Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).counts()
        {'cases': 0, 'differing': 0, 'headline': 0, 'registration_end': 0, 'added': 0, 'removed': 0, 'changed': 0}
        """
        duties = [d.change for c in self.cases for d in c.duties]
        return {
            "cases": len(self.cases),
            "differing": len(self.differing),
            "headline": sum(1 for c in self.cases if c.headline),
            "registration_end": sum(1 for c in self.cases if c.registration_end),
            **{change.value: duties.count(change) for change in Change},
        }

    def summary(self) -> str:
        """One sentence: how many cases were compared and how many differ.

        >>> Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).summary()
        '0 cases compared on 2026-01-01 (a against b): none differs.'
        """
        n = len(self.cases)
        differing = len(self.differing)
        return (
            f"{n} case{'s' if n != 1 else ''} compared on {self.as_of.isoformat()} "
            f"({self.baseline} against {self.reform}): "
            + (
                f"{differing} differ{'s' if differing == 1 else ''}."
                if differing
                else "none differs."
            )
        )

    def to_data(self) -> dict[str, Any]:
        """The comparison as JSON-ready data: the ruleset names, the date, the counts and, for
        each case that differs, what differs (dates as ISO strings).

        >>> Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).to_data()["cases"]
        []
        """
        return {
            "baseline": self.baseline,
            "reform": self.reform,
            "as_of": self.as_of.isoformat(),
            "counts": self.counts(),
            "cases": [
                {
                    "index": c.index,
                    "reference": c.reference,
                    "headline": [h.value for h in c.headline] if c.headline else None,
                    "registration_end": list(c.registration_end) if c.registration_end else None,
                    "duties": [
                        {
                            "kind": d.kind.value,
                            "fact": d.fact,
                            "trigger_date": d.trigger_date.isoformat(),
                            "change": d.change.value,
                            "changes": [
                                {"field": name, "baseline": old, "reform": new}
                                for name, old, new in d.changes
                            ],
                        }
                        for d in c.duties
                    ],
                }
                for c in self.differing
            ],
        }

    def text(self) -> str:
        """The summary, the counts, and the differences of each case that differs.

        >>> print(Comparison(baseline="a", reform="b", as_of=date(2026, 1, 1), cases=()).text())
        0 cases compared on 2026-01-01 (a against b): none differs.
        headline 0, registration end 0; duties added 0, removed 0, changed 0
        """
        counts = self.counts()
        lines = [
            self.summary(),
            f"headline {counts['headline']}, registration end {counts['registration_end']}; "
            f"duties added {counts['added']}, removed {counts['removed']}, "
            f"changed {counts['changed']}",
        ]
        lines.extend(c.text() for c in self.differing)
        return "\n".join(lines)


def compare(
    cases: Iterable[Case],
    baseline: Ruleset,
    reform: Ruleset,
    as_of: date,
    policy: Policy | None = None,
) -> Comparison:
    """Assess each case on ``as_of`` under ``baseline`` and under ``reform`` (the same
    ``policy``, default :class:`~sexoffender_rules.policy.Policy`) and report what differs.

    >>> from sexoffender_rules import ENGLAND_AND_WALES
    >>> compare([], ENGLAND_AND_WALES, ENGLAND_AND_WALES, date(2026, 1, 1)).cases
    ()
    """
    results = []
    for index, case in enumerate(cases):
        old = assess(case, as_of, policy, ruleset=baseline)
        new = assess(case, as_of, policy, ruleset=reform)
        results.append(CaseComparison.of(index, case, old, new))
    return Comparison(baseline=baseline.name, reform=reform.name, as_of=as_of, cases=tuple(results))
