"""The quick way of loading a well-formed case document: each value checked once.

The converter of :mod:`sexoffender_rules.documents` structures a document field by field, noting
every problem with its path, and then builds each object through its constructor, whose
validators check every field again. For a document with no problem (nearly every one) this
module does the same work once: for each class of the model it writes (with ``exec``, once) a
function that takes the decoded JSON object, checks each value as the converter would (its JSON
type, a date's form, an enum's value, no unknown key) together with what the field's validator
checks, and sets the fields of a new instance without calling the constructor. A validator this
module does not know (``_validators.CHECKS``) is run as the constructor would run it, after the
fields are set, and ``__attrs_post_init__`` (the contradictions of a :class:`Case`) runs as it
would.

Anything not as expected raises :class:`_GiveWay`, or another exception: the caller then loads
the document the thorough way, which finds every problem and words it. So this path never
refuses a document and never words an error; it only accepts the documents the thorough way
accepts, giving equal objects (tests/test_documents.py compares the two over generated
documents, well-formed and broken).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from ._validators import CHECKS, _as_tuple

__all__ = ["builder"]


class _GiveWay(Exception):
    """The document is not one this path takes: load it the thorough way."""


Convert = Callable[[Any], Any]


class _Unsupported(Exception):
    """A type or field this module writes no quick function for (the class then has none)."""


def _give_way() -> Any:
    raise _GiveWay


class _Writer:
    """Writes the quick functions of the classes of one converter's documents."""

    def __init__(self, date_of: Convert, tags: dict[Any, dict[type, str]]) -> None:
        self._date_of = date_of  # the converter's own structuring of a date, or _GiveWay
        self._tags = tags  # each tagged union's classes and their tags
        self._built: dict[tuple[type, bool], Convert] = {}
        self._writing: set[tuple[type, bool]] = set()
        self._dates: dict[str, date] = {}

    # Conversions: each gives the function that converts a JSON value to a value of a type, and
    # the types of the values it can give (to tell which validators it makes redundant).

    def convert(self, tp: Any) -> tuple[Convert, frozenset[type], frozenset[type]]:
        """The conversion to ``tp``, the types of the values it gives and, for a tuple, the
        types of its items."""
        origin = typing.get_origin(tp)
        if tp is str or tp is bool or tp is int:
            return self._exact(tp), frozenset({tp}), frozenset()
        if tp is date:
            return self._date(), frozenset({date}), frozenset()
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._member(tp), frozenset({tp}), frozenset()
        if origin is tuple:
            args = typing.get_args(tp)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise _Unsupported(tp)
            item, items, _ = self.convert(args[0])
            return self._tuple(item), frozenset({tuple}), items
        if origin in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(tp) if m is not type(None)]
            if len(members) == 1:
                inner, produced, items = self.convert(members[0])
            else:
                inner, produced = self._tagged(tp, members)
                items = frozenset()
            if len(members) == len(typing.get_args(tp)):
                return inner, produced, items
            return self._optional(inner), produced | {type(None)}, items
        if attrs.has(tp):
            return self.builder(tp), frozenset({tp}), frozenset()
        raise _Unsupported(tp)

    def inline(
        self, tp: Any, namespace: dict[str, Any], tag: str
    ) -> tuple[list[str], frozenset[type], frozenset[type]]:
        """Lines of code turning the JSON value ``v`` into a value of ``tp`` (names they need
        go into ``namespace``, ending in ``tag``), with the types of the values given and, for a
        tuple, of its items, as :meth:`convert` gives them."""
        origin = typing.get_origin(tp)
        if tp is str or tp is bool or tp is int:
            return (
                [f"if type(v) is not {tp.__name__}: raise _GiveWay"],
                frozenset({tp}),
                frozenset(),
            )
        if tp is date:
            namespace["_dates"], namespace["_date_of"] = self._dates, self._date()
            return ["v = _dates.get(v) or _date_of(v)"], frozenset({date}), frozenset()
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            namespace[f"_m{tag}"] = {m.value: m for m in tp if isinstance(m.value, str)}
            lines = ["if type(v) is not str: raise _GiveWay", f"v = _m{tag}[v]"]
            return lines, frozenset({tp}), frozenset()
        if origin is tuple and typing.get_args(tp)[0] is str:
            lines = ["if type(v) is not list: raise _GiveWay", "for x in v:"]
            lines += ["    if type(x) is not str: raise _GiveWay", "v = tuple(v)"]
            return lines, frozenset({tuple}), frozenset({str})
        if origin in (typing.Union, types.UnionType) and len(typing.get_args(tp)) == 2:
            members = [m for m in typing.get_args(tp) if m is not type(None)]
            if len(members) == 1:
                lines, produced, items = self.inline(members[0], namespace, tag)
                lines = ["if v is not None:", *(f"    {line}" for line in lines)]
                return lines, produced | {type(None)}, items
        namespace[f"_c{tag}"], produced, items = self.convert(tp)
        return [f"v = _c{tag}(v)"], produced, items

    @staticmethod
    def _exact(kind: type) -> Convert:
        def convert(value: Any) -> Any:
            if type(value) is not kind:
                raise _GiveWay
            return value

        return convert

    def _date(self) -> Convert:
        dates, date_of = self._dates, self._date_of

        def convert(value: Any) -> date:
            day = dates.get(value) if type(value) is str else None
            if day is None:
                day = date_of(value)
                if len(dates) < 100_000:
                    dates[value] = day
            return day

        return convert

    @staticmethod
    def _member(kind: type[enum.Enum]) -> Convert:
        members = {m.value: m for m in kind if isinstance(m.value, str)}

        def convert(value: Any) -> Any:
            if type(value) is not str:
                raise _GiveWay
            return members[value]

        return convert

    @staticmethod
    def _tuple(item: Convert) -> Convert:
        def convert(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _GiveWay
            return tuple([item(x) for x in value])

        return convert

    @staticmethod
    def _optional(inner: Convert) -> Convert:
        def convert(value: Any) -> Any:
            return None if value is None else inner(value)

        return convert

    def _tagged(self, tp: Any, members: list[Any]) -> tuple[Convert, frozenset[type]]:
        tags = next((t for union, t in self._tags.items() if set(members) == set(t)), None)
        if tags is None:
            raise _Unsupported(tp)
        by_tag = {tag: self.builder(cls, tagged=True) for cls, tag in tags.items()}

        def convert(value: Any) -> Any:
            if type(value) is not dict:
                raise _GiveWay
            return by_tag[value["type"]](value)

        return convert, frozenset(tags)

    # The quick function of a class.

    def builder(self, cls: type, tagged: bool = False, header: tuple[str, ...] = ()) -> Convert:
        """The quick function of ``cls``: from a JSON object of its fields (with ``type`` where
        ``tagged``, and any of ``header``, which are passed over) to an instance."""
        key = (cls, tagged)
        if not header and key in self._built:
            return self._built[key]
        if key in self._writing:
            raise _Unsupported(cls)  # a class that holds itself: not in the model
        self._writing.add(key)
        try:
            built = self._write(cls, tagged, header)
        finally:
            self._writing.discard(key)
        if not header:
            self._built[key] = built
        return built

    def _write(self, cls: type, tagged: bool, header: tuple[str, ...]) -> Convert:
        hints = typing.get_type_hints(cls)
        namespace: dict[str, Any] = {
            "_cls": cls,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_GiveWay": _GiveWay,
            "_MISSING": object(),
        }
        keys = {"type"} if tagged else set()
        keys.update(header)
        lines = ["def build(data):", "    if type(data) is not dict: raise _GiveWay"]
        lines.append("    if not _keys.issuperset(data): raise _GiveWay")
        lines.append("    self = _new(_cls)")
        after: list[str] = []
        for index, field in enumerate(attrs.fields(cls)):
            unusual = not field.init or field.alias != field.name or field.name.startswith("_")
            if unusual or (tagged and field.name == "type"):
                raise _Unsupported(cls)
            keys.add(field.name)
            convert, produced, items = self.inline(hints[field.name], namespace, str(index))
            namespace[f"_a{index}"] = field
            name = field.name
            default = field.default
            if default is attrs.NOTHING:
                lines.append(f"    v = data[{name!r}]")
                lines.extend(f"    {line}" for line in convert)
            else:
                lines.append(f"    v = data.get({name!r}, _MISSING)")
                lines.append("    if v is _MISSING:")
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    namespace[f"_f{index}"] = default.factory
                    made = f"_f{index}(self)" if default.takes_self else f"_f{index}()"
                    lines.append(f"        v = {made}")
                    produced = frozenset()  # a default made by a factory is checked as given
                else:
                    namespace[f"_d{index}"] = default
                    lines.append(f"        v = _d{index}")
                    if type(default) not in produced or not _passes(field, default):
                        produced = frozenset()  # checked as given
                lines.append("    else:")
                lines.extend(f"        {line}" for line in convert)
            if field.converter is not None and not _converter_keeps(field.converter, produced):
                namespace[f"_k{index}"] = field.converter
                lines.append(f"    v = _k{index}(v)")
                produced = frozenset()
            check = _inline_check(field.validator, produced, items)
            if check is None:
                namespace[f"_v{index}"] = field.validator
                after.append(f"    _v{index}(self, _a{index}, self.{name})")
            elif check:
                lines.append(f"    {check}")
            lines.append(f"    _set(self, {name!r}, v)")
        namespace["_keys"] = frozenset(keys)
        lines.extend(after)
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    self.__attrs_post_init__()")
        lines.append("    return self")
        exec("\n".join(lines), namespace)  # code written here from the fields alone
        built: Convert = namespace["build"]
        return built


def _passes(field: attrs.Attribute[Any], default: Any) -> bool:
    """Whether a default value passes the field's validator, where this module knows what the
    validator checks (and so may leave it out)."""
    if field.validator is None or field.validator not in CHECKS:
        return True
    try:
        field.validator(None, field, default)
    except Exception:
        return False
    return True


def _converter_keeps(converter: Any, produced: frozenset[type]) -> bool:
    """Whether ``converter`` gives back unchanged every value a conversion can give (types
    ``produced``): ``_as_tuple`` keeps a tuple; a converter to an enum keeps each member (tried
    on every member)."""
    if not produced:
        return False
    if converter is _as_tuple:
        return produced == {tuple}
    kinds = [k for k in produced if k is not type(None)]
    if len(kinds) != 1 or not issubclass(kinds[0], enum.Enum):
        return False
    try:
        keeps_none = type(None) not in produced or converter(None) is None
        return keeps_none and all(converter(member) is member for member in kinds[0])
    except Exception:
        return False


def _inline_check(validator: Any, produced: frozenset[type], items: frozenset[type]) -> str | None:
    """The check, as a line of code on ``v``, that does what ``validator`` does to a value of
    one of the types ``produced`` (a tuple: of items of the types ``items``): ``""`` where the
    conversion already made it; ``None`` where the validator is to be run as it is."""
    if validator is None:
        return ""
    spec = CHECKS.get(validator)
    if spec is None or not produced:
        return None
    allowed = set(produced)
    name = spec[0]
    if name in ("date", "text", "is", "kind") and spec[-1]:
        allowed.discard(type(None))  # None is allowed
    if name == "date" and allowed <= {date}:
        return ""
    if name == "text" and allowed <= {str}:
        return (
            "if not v and v is not None: raise _GiveWay" if spec[1] else "if not v: raise _GiveWay"
        )
    if name == "is" and all(issubclass(k, spec[1]) for k in allowed):
        return ""
    if name == "kind" and allowed <= {spec[1]}:
        return ""
    if name == "texts" and allowed == {tuple} and items <= {str}:
        return "if not all(v): raise _GiveWay"
    if name == "tuple_of" and allowed == {tuple} and items:
        if all(issubclass(k, spec[1]) for k in items):
            return ""
        return ""
    return None


def builder(
    cls: type, date_of: Convert, tags: dict[Any, dict[type, str]], header: tuple[str, ...]
) -> Convert | None:
    """The quick function of ``cls``'s documents (passing over the keys of ``header``), or
    ``None`` where a type or field of it has none."""
    try:
        return _Writer(date_of, tags).builder(cls, header=header)
    except _Unsupported:
        return None
