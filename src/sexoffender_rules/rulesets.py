"""The registry of rulesets: which ruleset assesses a case of a given jurisdiction.

A jurisdiction is a package that builds its :class:`~sexoffender_rules.law.Ruleset` and passes it
to :func:`register` when it is imported. The engine finds a case's ruleset with
:func:`ruleset_for` and imports no jurisdiction itself, so a jurisdiction is added without
changing the engine: write its package and register its ruleset. The built-in jurisdictions
(England and Wales) are imported on the first lookup, so ``assess()`` works after
``import sexoffender_rules`` alone.

A reform (a ruleset derived from a jurisdiction's, :meth:`~sexoffender_rules.law.Ruleset.derive`)
may be registered under a name of its own with :func:`register_reform`: it is off by default (a
case is always assessed under its jurisdiction's ruleset) and is found by :func:`reform_named`
to be passed to :func:`~sexoffender_rules.engine.assess` or
:func:`~sexoffender_rules.compare.compare`; :func:`reforms` lists the names.

>>> from datetime import date
>>> import attrs
>>> from sexoffender_rules.calendar import END_OF_TIME, DateInterval
>>> england = ruleset_for("england-and-wales")
>>> "england-and-wales" in jurisdictions()
True
>>> demo = register(attrs.evolve(england, jurisdiction="demo-land", name="Demonstration"))
>>> ruleset_for("demo-land").name
'Demonstration'
>>> unregister("demo-land")
>>> ruleset_for("demo-land")
Traceback (most recent call last):
...
sexoffender_rules.rulesets.UnknownJurisdictionError: jurisdiction: no ruleset for it; known: england-and-wales
"""

from __future__ import annotations

import importlib

from .errors import SexOffenderRulesError, WrongTypeError
from .law import Ruleset

__all__ = [
    "BUILT_IN",
    "UnknownJurisdictionError",
    "UnknownReformError",
    "jurisdictions",
    "reform_named",
    "reforms",
    "register",
    "register_reform",
    "ruleset_for",
    "unregister",
    "unregister_reform",
]

BUILT_IN = ("sexoffender_rules.england_and_wales",)
"""The modules of the built-in jurisdictions, imported (and so registered) on the first lookup.

>>> BUILT_IN
('sexoffender_rules.england_and_wales',)
"""

_REGISTRY: dict[str, Ruleset] = {}
_REFORMS: dict[str, Ruleset] = {}
_built_in_loaded = False


class UnknownJurisdictionError(SexOffenderRulesError, ValueError):
    """A case names a jurisdiction that has no ruleset.

    >>> ruleset_for("atlantis")
    Traceback (most recent call last):
    ...
    sexoffender_rules.rulesets.UnknownJurisdictionError: jurisdiction: no ruleset for it; known: england-and-wales
    """


def register(ruleset: Ruleset) -> Ruleset:
    """Register ``ruleset`` as the ruleset of its jurisdiction, and return it.

    Registering the same ruleset again does nothing; a different ruleset for a jurisdiction that
    already has one is refused with :class:`ValueError` (assess a reform by passing it to
    :func:`~sexoffender_rules.engine.assess` instead).

    >>> england = ruleset_for("england-and-wales")
    >>> register(england) is england
    True
    >>> register(england.replacing(name="reformed"))
    Traceback (most recent call last):
    ...
    ValueError: jurisdiction: england-and-wales already has a ruleset
    """
    if not isinstance(ruleset, Ruleset):
        raise WrongTypeError(f"ruleset: expected a Ruleset, got {type(ruleset).__name__}")
    existing = _REGISTRY.get(ruleset.jurisdiction)
    if existing is not None and existing is not ruleset:
        raise ValueError(f"jurisdiction: {ruleset.jurisdiction} already has a ruleset")
    _REGISTRY[ruleset.jurisdiction] = ruleset
    return ruleset


def unregister(jurisdiction: str) -> None:
    """Remove the ruleset registered for ``jurisdiction``, if any.

    >>> unregister("nowhere") is None
    True
    """
    _REGISTRY.pop(jurisdiction, None)


def _load_built_in() -> None:
    global _built_in_loaded
    if not _built_in_loaded:
        for module in BUILT_IN:
            importlib.import_module(module)
        _built_in_loaded = True


def jurisdictions() -> tuple[str, ...]:
    """The jurisdictions that have a ruleset, in alphabetical order.

    >>> jurisdictions()
    ('england-and-wales',)
    """
    _load_built_in()
    return tuple(sorted(_REGISTRY))


def ruleset_for(jurisdiction: str) -> Ruleset:
    """The ruleset of a jurisdiction named in a case, or :class:`UnknownJurisdictionError`.

    >>> ruleset_for("england-and-wales").jurisdiction
    'england-and-wales'
    """
    _load_built_in()
    if jurisdiction not in _REGISTRY:
        raise UnknownJurisdictionError(
            f"jurisdiction: no ruleset for it; known: {', '.join(jurisdictions())}"
        )
    return _REGISTRY[jurisdiction]


class UnknownReformError(SexOffenderRulesError, ValueError):
    """No reform is registered under the name asked for.

    >>> reform_named("no-such-reform")
    Traceback (most recent call last):
    ...
    sexoffender_rules.rulesets.UnknownReformError: reform: no reform registered under that name; known: crime-and-policing-act-2026
    """


def register_reform(name: str, ruleset: Ruleset) -> Ruleset:
    """Register ``ruleset``, a reform, under ``name``, and return it. It is off by default: no
    case is assessed under it unless it is asked for by name. Registering the same ruleset again
    does nothing; one of the same ruleset name (its module imported again, which builds it
    anew) takes its place; another ruleset under a name already taken is refused with ``ValueError``,
    as is a ruleset that is not derived from another (``baseline`` unset).

    >>> from sexoffender_rules.calendar import CalendarPeriod
    >>> england = ruleset_for("england-and-wales")
    >>> six = england.derive(name="six-monthly",
    ...                      parameters={"periodic_interval": CalendarPeriod(months=6)})
    >>> register_reform("six-monthly", six) is six
    True
    >>> reform_named("six-monthly").name
    'six-monthly'
    >>> ruleset_for("england-and-wales") is england
    True
    >>> register_reform("six-monthly", england.derive(name="other"))
    Traceback (most recent call last):
    ...
    ValueError: name: a reform is already registered under it
    >>> unregister_reform("six-monthly")
    """
    if not isinstance(ruleset, Ruleset):
        raise WrongTypeError(f"ruleset: expected a Ruleset, got {type(ruleset).__name__}")
    if ruleset.baseline is None:
        raise ValueError("ruleset: a reform is derived from a baseline (Ruleset.derive)")
    existing = _REFORMS.get(name)
    if existing is not None and existing.name != ruleset.name:
        raise ValueError("name: a reform is already registered under it")
    _REFORMS[name] = ruleset
    return ruleset


def unregister_reform(name: str) -> None:
    """Remove the reform registered under ``name``, if any.

    >>> unregister_reform("nothing") is None
    True
    """
    _REFORMS.pop(name, None)


def reforms() -> tuple[str, ...]:
    """The names of the registered reforms, in alphabetical order.

    >>> reforms()
    ('crime-and-policing-act-2026',)
    """
    _load_built_in()
    return tuple(sorted(_REFORMS))


def reform_named(name: str) -> Ruleset:
    """The reform registered under ``name``, or :class:`UnknownReformError`.

    >>> reform_named("crime-and-policing-act-2026").rule("cpa2026.name-in-advance").title
    'Crime and Policing Act 2026 (commencement unconfirmed): a name notified in advance'
    """
    _load_built_in()
    if name not in _REFORMS:
        raise UnknownReformError(
            f"reform: no reform registered under that name; known: {', '.join(reforms())}"
        )
    return _REFORMS[name]
