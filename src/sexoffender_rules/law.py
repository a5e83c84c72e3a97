"""Rules, their citations and the rulesets that group them by jurisdiction.

A :class:`Rule` is the library's statement of one provision: a stable id, the provision in plain
words, the citations it rests on (each with the date its text was checked), and the interval in
which it is in force. A :class:`Ruleset` is a jurisdiction's rules plus the functions that apply
them; the engine knows no jurisdiction and only calls what the ruleset gives it. A reform is a
ruleset built from a baseline with some rules replaced (:meth:`Ruleset.replacing`).

>>> from datetime import date
>>> from sexoffender_rules.calendar import DateInterval, END_OF_TIME
>>> rule = Rule(id="demo.s1", title="Demonstration", statement="A rule for the example.",
...             citations=(Citation(instrument="Example Act 2000", provision="s.1(1)",
...                                 checked=date(2026, 11, 29)),),
...             in_force=DateInterval(date(2004, 5, 1), END_OF_TIME))
>>> rule.citation, rule.in_force_on(date(2004, 4, 30))
('Example Act 2000 s.1(1)', False)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from .calendar import DateInterval

if TYPE_CHECKING:
    from .assessment import Reason, Registration
    from .engine import DutyFinding, Timeline

__all__ = ["Citation", "Rule", "Ruleset"]


@attrs.frozen(kw_only=True)
class Citation:
    """A provision of an instrument, and when and where its text was checked.

    ``source`` says where the text was read and how far it was verified (for example the
    legislation.gov.uk revision seen, or that only the text as enacted was seen).

    >>> str(Citation(instrument="Sexual Offences Act 2003", provision="s.83(1)",
    ...              checked=date(2026, 11, 29)))
    'Sexual Offences Act 2003 s.83(1)'
    """

    instrument: str
    provision: str
    checked: date
    source: str = ""

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}".strip()


@attrs.frozen(kw_only=True)
class Rule:
    """One provision as the library applies it.

    ``statement`` says in one or two plain sentences what the provision requires, and names any
    reading (a :class:`~sexoffender_rules.policy.Policy` field or a documented choice) it relies on.

    >>> from sexoffender_rules.calendar import END_OF_TIME
    >>> Rule(id="x", title="X", statement="S.", citations=(), in_force=DateInterval(
    ...     date(2012, 8, 13), END_OF_TIME)).in_force_on(date(2012, 8, 13))
    True
    """

    id: str
    title: str
    statement: str
    citations: tuple[Citation, ...]
    in_force: DateInterval

    @functools.cached_property
    def citation(self) -> str:
        """The citations as one line of text, provisions of one instrument together (made once
        per rule: every reason the rule gives carries it).

        >>> Rule(id="x", title="X", statement="S.", citations=(), in_force=DateInterval(
        ...     date(2004, 5, 1), date(2004, 5, 1))).citation
        ''
        """
        by_instrument: dict[str, list[str]] = {}
        for c in self.citations:
            by_instrument.setdefault(c.instrument, []).append(c.provision)
        return "; ".join(
            f"{instrument} {', '.join(p for p in provisions if p)}".strip()
            for instrument, provisions in by_instrument.items()
        )

    @property
    def checked(self) -> date | None:
        """The earliest date on which the text of any of its citations was checked.

        >>> Rule(id="x", title="X", statement="S.", citations=(), in_force=DateInterval(
        ...     date(2004, 5, 1), date(2004, 5, 1))).checked is None
        True
        """
        return min((c.checked for c in self.citations), default=None)

    def in_force_on(self, day: date) -> bool:
        """Whether the rule is in force on ``day``.

        >>> from sexoffender_rules.calendar import END_OF_TIME
        >>> Rule(id="x", title="X", statement="S.", citations=(), in_force=DateInterval(
        ...     date(2004, 5, 1), END_OF_TIME)).in_force_on(date(2026, 1, 1))
        True
        """
        return day in self.in_force

    def reason(
        self,
        statement: str,
        *,
        facts: Iterable[str] = (),
        dates: Iterable[tuple[str, date]] = (),
        readings: Iterable[str] = (),
    ) -> Reason:
        """A :class:`~sexoffender_rules.assessment.Reason` for one step this rule decided.

        >>> from sexoffender_rules.calendar import END_OF_TIME
        >>> rule = Rule(id="x", title="X", statement="S.", citations=(), in_force=DateInterval(
        ...     date(2004, 5, 1), END_OF_TIME))
        >>> rule.reason("Step.", dates=[("deadline", date(2026, 1, 3))]).rule_id
        'x'
        """
        from .assessment import Reason

        return Reason(
            rule_id=self.id,
            citation=self.citation,
            statement=statement,
            facts=tuple(facts),
            dates=tuple(dates),
            readings=tuple(readings),
        )


RegistrationFunction = Callable[["Timeline", "Ruleset"], "Registration"]
DutyFunction = Callable[["Timeline", "Registration", "Ruleset"], Iterable["DutyFinding"]]


@attrs.frozen(kw_only=True)
class Ruleset:
    """A jurisdiction's rules and the functions that apply them.

    ``registration`` decides who is subject and for how long; each of ``duties`` emits the duties
    of one kind. ``breach_rule`` and ``cessation_rule`` are the rules the engine cites for the
    general steps it takes itself (a breach from the day after a deadline; no duty once the
    requirements have ended).

    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
    >>> ENGLAND_AND_WALES.rule("ew.s83.initial").citation
    'Sexual Offences Act 2003 s.83(1), s.83(6)'
    """

    jurisdiction: str
    name: str
    rules: tuple[Rule, ...]
    registration: RegistrationFunction
    duties: tuple[DutyFunction, ...]
    breach_rule: str
    cessation_rule: str
    parameters: dict[str, Any] = attrs.field(factory=dict)

    _by_id: dict[str, Rule] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id = {r.id: r for r in self.rules}
        if len(by_id) != len(self.rules):
            raise ValueError("rules: every rule id must be unique")
        object.__setattr__(self, "_by_id", by_id)
        for needed in (self.breach_rule, self.cessation_rule):
            self.rule(needed)

    def rule(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``.

        >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
        >>> ENGLAND_AND_WALES.rule("ew.s85.weekly").in_force.start
        datetime.date(2012, 8, 13)
        """
        rule = self._by_id.get(rule_id)
        if rule is None:
            raise KeyError(f"rule: no rule {rule_id!r} in {self.name}")
        return rule

    def replacing(self, *rules: Rule, name: str | None = None) -> Ruleset:
        """A reform: this ruleset with the rules of the same ids replaced by ``rules``.

        >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
        >>> weekly = ENGLAND_AND_WALES.rule("ew.s85.weekly")
        >>> never = attrs.evolve(weekly, in_force=DateInterval(weekly.in_force.start,
        ...                                                    weekly.in_force.start))
        >>> ENGLAND_AND_WALES.replacing(never, name="no weekly").rule("ew.s85.weekly").in_force.is_empty
        True
        """
        by_id = {r.id: r for r in rules}
        unknown = set(by_id) - {r.id for r in self.rules}
        if unknown:
            raise KeyError(f"rules: no rule {sorted(unknown)[0]!r} to replace in {self.name}")
        return attrs.evolve(
            self,
            name=name or f"{self.name} (reformed)",
            rules=tuple(by_id.get(r.id, r) for r in self.rules),
        )
