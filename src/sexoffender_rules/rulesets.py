"""The registry of rulesets: which ruleset assesses a case of a given jurisdiction.

A jurisdiction is a package that builds its :class:`~sexoffender_rules.law.Ruleset` and passes it
to :func:`register` when it is imported. The engine finds a case's ruleset with
:func:`ruleset_for` and imports no jurisdiction itself, so a jurisdiction is added without
changing the engine: write its package and register its ruleset. The built-in jurisdictions
(England and Wales) are imported on the first lookup, so ``assess()`` works after
``import sexoffender_rules`` alone.

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
    "jurisdictions",
    "register",
    "ruleset_for",
    "unregister",
]

BUILT_IN = ("sexoffender_rules.england_and_wales",)
"""The modules of the built-in jurisdictions, imported (and so registered) on the first lookup.

>>> BUILT_IN
('sexoffender_rules.england_and_wales',)
"""

_REGISTRY: dict[str, Ruleset] = {}
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
