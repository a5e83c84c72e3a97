"""Rules, their citations and the rulesets that group them by jurisdiction.

A :class:`Rule` is the library's statement of one provision: a stable id, the provision in plain
words, the citations it rests on (each with the date its text was checked), and the interval in
which it is in force. A :class:`Ruleset` is a jurisdiction's rules plus the functions that apply
them; the engine knows no jurisdiction and only calls what the ruleset gives it. A reform is a
ruleset derived from a baseline (:meth:`Ruleset.derive`): some key figures (its ``parameters``)
changed, rules added, withdrawn or replaced; :func:`~sexoffender_rules.compare.compare` reports
how the results of cases differ under the two.

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
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._pickling import tuple_state
from .assessment import Reason
from .calendar import DateInterval

if TYPE_CHECKING:
    from .assessment import Registration
    from .engine import DutyFinding, Timeline

__all__ = ["Citation", "Rule", "Ruleset"]


@tuple_state
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


@tuple_state
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
        return Reason(
            rule_id=self.id,
            citation=self.citation,
            statement=statement,
            facts=tuple(facts),
            dates=tuple(dates),
            readings=tuple(readings),
            rule=self,
        )


RegistrationFunction = Callable[["Timeline", "Ruleset"], "Registration"]
DutyFunction = Callable[["Timeline", "Registration", "Ruleset"], Iterable["DutyFinding"]]


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Ruleset:
    """A jurisdiction's rules and the functions that apply them.

    ``registration`` decides who is subject and for how long; each of ``duties`` emits the duties
    of one kind. ``breach_rule`` and ``cessation_rule`` are the rules the engine cites for the
    general steps it takes itself (a breach from the day after a deadline; no duty once the
    requirements have ended). ``parameters`` are the key figures the rules read (the periodic
    interval, the days of notice before travel, ...), so a reform that changes a figure changes
    data, not code; ``description`` says in a sentence what the ruleset is; ``baseline`` is the
    name of the ruleset a reform was derived from (``None`` for a jurisdiction's own).
    ``local_readings`` names the readings of the law (:class:`~sexoffender_rules.policy.Policy`
    fields) that change nothing but the duties whose findings give their answer under the other
    values (``DutyFinding.alternatives``): whether a result depends on one of them is found by
    settling those duties again, not by assessing the whole case again.

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
    parameters: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    description: str = ""
    baseline: str | None = None
    local_readings: frozenset[str] = attrs.field(factory=frozenset, converter=_names)

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

    def parameter(self, name: str) -> Any:
        """The key figure called ``name`` (a ``KeyError`` naming it if the ruleset has none).

        >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
        >>> str(ENGLAND_AND_WALES.parameter("periodic_interval"))
        '1 year'
        """
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(f"parameters: no parameter {name!r} in {self.name}") from None

    def derive(
        self,
        *,
        name: str,
        description: str = "",
        parameters: Mapping[str, Any] | None = None,
        new_parameters: Mapping[str, Any] | None = None,
        add: Iterable[Rule] = (),
        remove: Iterable[str] = (),
        replace: Iterable[Rule] = (),
        duties: Iterable[DutyFunction] | None = None,
        local_readings: Iterable[str] | None = None,
    ) -> Ruleset:
        """A reform: a new ruleset called ``name`` derived from this one (its baseline).

        - ``parameters`` changes key figures the baseline has (a ``KeyError`` for a figure it has
          not, a ``TypeError`` for a value of another type than the baseline's), and
          ``new_parameters`` adds figures the added rules read;
        - ``add`` adds rules (their ids must be new), ``replace`` puts rules in the place of the
          baseline's rules of the same ids (a statement, citation or in-force interval changed);
        - ``remove`` withdraws rules by id: a withdrawn rule stays listed, so the functions that
          cite it still find it, but is in force on no day, so the engine applies no duty under
          it (the breach and cessation rules cannot be withdrawn);
        - ``duties`` replaces the functions that emit duties (for an added duty, the baseline's
          functions and the new one);
        - ``local_readings`` replaces the readings whose answers the duty functions give under
          each value (by default the baseline's, unless ``duties`` replaces the functions: then
          none, since new functions may not give them).

        The baseline is not changed.

        >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
        >>> from sexoffender_rules.calendar import CalendarPeriod
        >>> six = ENGLAND_AND_WALES.derive(
        ...     name="six-monthly", parameters={"periodic_interval": CalendarPeriod(months=6)})
        >>> str(six.parameter("periodic_interval")), six.baseline
        ('6 months', 'England and Wales: Sexual Offences Act 2003, Part 2')
        >>> str(ENGLAND_AND_WALES.parameter("periodic_interval"))
        '1 year'
        >>> ENGLAND_AND_WALES.derive(name="no weekly", remove=["ew.s85.weekly"]).rule(
        ...     "ew.s85.weekly").in_force.is_empty
        True
        """
        changed = dict(parameters or {})
        for key, value in changed.items():
            if key not in self.parameters:
                raise KeyError(f"parameters: no parameter {key!r} in {self.name}")
            if not isinstance(value, type(self.parameters[key])):
                raise TypeError(
                    f"parameters.{key}: must be a {type(self.parameters[key]).__name__}"
                )
        added = dict(new_parameters or {})
        clash = sorted(set(added) & set(self.parameters))
        if clash:
            raise KeyError(f"new_parameters: {clash[0]!r} is already a parameter of {self.name}")
        replacing = {r.id: r for r in replace}
        known = {r.id for r in self.rules}
        unknown = sorted(set(replacing) - known)
        if unknown:
            raise KeyError(f"replace: no rule {unknown[0]!r} to replace in {self.name}")
        withdrawn = set(remove)
        unknown = sorted(withdrawn - known)
        if unknown:
            raise KeyError(f"remove: no rule {unknown[0]!r} to withdraw in {self.name}")
        if withdrawn & {self.breach_rule, self.cessation_rule}:
            raise ValueError("remove: the breach and cessation rules cannot be withdrawn")
        rules = []
        for rule in self.rules:
            rule = replacing.get(rule.id, rule)
            if rule.id in withdrawn:
                start = rule.in_force.start
                rule = attrs.evolve(rule, in_force=DateInterval(start, start))
            rules.append(rule)
        return attrs.evolve(
            self,
            name=name,
            description=description or f"{self.name}, reformed",
            rules=(*rules, *add),
            parameters={**self.parameters, **changed, **added},
            duties=tuple(duties) if duties is not None else self.duties,
            baseline=self.name,
            local_readings=(
                local_readings
                if local_readings is not None
                else (self.local_readings if duties is None else ())
            ),
        )

    def replacing(self, *rules: Rule, name: str | None = None) -> Ruleset:
        """A reform: this ruleset with the rules of the same ids replaced by ``rules``
        (:meth:`derive` with ``replace`` only).

        >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
        >>> weekly = ENGLAND_AND_WALES.rule("ew.s85.weekly")
        >>> never = attrs.evolve(weekly, in_force=DateInterval(weekly.in_force.start,
        ...                                                    weekly.in_force.start))
        >>> ENGLAND_AND_WALES.replacing(never, name="no weekly").rule("ew.s85.weekly").in_force.is_empty
        True
        """
        return self.derive(name=name or f"{self.name} (reformed)", replace=rules)
