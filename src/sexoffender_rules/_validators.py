"""The validators and converters shared by the fact classes (model.py, records.py).

Every message names the field and what was expected, never the value given (it may be personal
data).

>>> import attrs
>>> @attrs.frozen
... class Example:
...     day: date = attrs.field(validator=_date)
>>> Example(day=date(2026, 1, 1)).day
datetime.date(2026, 1, 1)
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from .calendar import CalendarPeriod, check_civil_date
from .errors import InvalidValueError, WrongTypeError

CHECKS: dict[Any, tuple[Any, ...]] = {}
"""What each validator made here checks, for the loading of case documents (documents.py), which
checks each value once as it structures it and then builds the objects without running again
the validators whose checks it made: ``("date", optional)`` a civil date; ``("text", optional)``
non-empty text; ``("texts",)`` a tuple of non-empty texts; ``("is", kinds, optional)`` an
instance of ``kinds``; ``("kind", kind, optional)`` a member of the enum ``kind``;
``("tuple_of", kinds)`` a tuple of instances of ``kinds``. ``None`` is allowed where
``optional``. A validator not listed here is run as it is."""


def _date(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if type(value) is not date:
        check_civil_date(value, attribute.name)


def _optional_date(
    instance: object, attribute: attrs.Attribute[date | None], value: date | None
) -> None:
    if value is not None and type(value) is not date:
        check_civil_date(value, attribute.name)


CHECKS[_date] = ("date", False)
CHECKS[_optional_date] = ("date", True)


def _expected(kinds: tuple[type, ...]) -> str:
    names = {str: "text", bool: "true or false", tuple: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _is(*kinds: type, optional: bool = False) -> Any:
    """An ``instance_of`` validator whose message names the field and never the value."""

    def check(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kinds):
            raise WrongTypeError(
                f"{attribute.name}: expected {_expected(kinds)}, got {type(value).__name__}"
            )

    CHECKS[check] = ("is", kinds, optional)
    return check


_is_text = _is(str)
_is_tuple = _is(tuple)
_is_period = _is(CalendarPeriod)


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str:
        _is_text(instance, attribute, value)
    if not value:
        raise InvalidValueError(f"{attribute.name}: must not be empty")


def _optional_text(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        _text(instance, attribute, value)


CHECKS[_text] = ("text", False)
CHECKS[_optional_text] = ("text", True)


def _texts(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    _is_tuple(instance, attribute, value)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise WrongTypeError(f"{attribute.name}[{i}]: expected text, got {type(item).__name__}")
        if not item:
            raise InvalidValueError(f"{attribute.name}[{i}]: must not be empty")


CHECKS[_texts] = ("texts",)


def _as_tuple(value: Any) -> Any:
    """Make a list of values a tuple; leave text (not a list of characters) for the validator."""
    if type(value) is tuple:
        return value
    if type(value) is list:
        return tuple(value)
    if isinstance(value, (str, bytes, dict, set, frozenset)) or not hasattr(value, "__iter__"):
        return value  # text, a mapping or an unordered set is not a list: the validator says so
    return tuple(value)


def _to_kind(kind: type[enum.Enum], value: object) -> object:
    """The member of ``kind`` given as itself or its value; an unknown value is left for
    :func:`_kind` to refuse."""
    if isinstance(value, kind):
        return value
    try:  # the member by its value, without the cost of calling the enum class
        return kind._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    try:
        return kind(value)
    except ValueError:
        return value


def _kind(kind: type[enum.Enum], *, optional: bool = False) -> Any:
    """A validator refusing a value not of ``kind`` (or ``None`` where ``optional``), naming the
    values allowed (not the value)."""

    def check(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            allowed = ", ".join(str(m.value) for m in kind)
            raise InvalidValueError(f"{attribute.name}: expected one of {allowed}")

    CHECKS[check] = ("kind", kind, optional)
    return check


def _period(
    instance: object, attribute: attrs.Attribute[CalendarPeriod], value: CalendarPeriod
) -> None:
    _is_period(instance, attribute, value)
    if value.is_zero:
        raise InvalidValueError(f"{attribute.name}: must not be empty")


def _tuple_of(*kinds: type) -> Any:
    def check(
        instance: object, attribute: attrs.Attribute[tuple[object, ...]], value: object
    ) -> None:
        _is_tuple(instance, attribute, value)
        assert isinstance(value, tuple)
        for i, item in enumerate(value):
            if not isinstance(item, kinds):
                raise WrongTypeError(
                    f"{attribute.name}[{i}]: expected {_expected(kinds)}, got {type(item).__name__}"
                )

    CHECKS[check] = ("tuple_of", kinds)
    return check
