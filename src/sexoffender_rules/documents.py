"""The wire format: case documents as JSON-ready data, through one cattrs converter.

The domain classes hold no serialisation code; this module is the edge. A case document carries
its format name and version (``"format": "sexoffender-rules/case"``, ``"version": 1``). Loading
validates everything and reports every problem at once as ``path: what was expected``, without
repeating any personal value (see docs/case-format.md).

>>> doc = {"format": "sexoffender-rules/case", "version": 1, "jurisdiction": "england-and-wales",
...        "person": {"reference": "FICTIONAL-0012", "date_of_birth": "1980-02-03"},
...        "triggers": [{"id": "t1", "kind": "caution", "date": "2026-03-06"}]}
>>> case = case_from_data(doc)
>>> case.triggers[0].date
datetime.date(2026, 3, 6)
>>> case_to_data(case)["triggers"][0]["date"]
'2026-03-06'
"""

from __future__ import annotations

import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import make_converter

from . import _loading, records
from ._gc import fewer_collections
from .assessment import (
    Assessment,
    Duty,
    DutyKind,
    DutyState,
    Headline,
    Reason,
    Responsible,
    Source,
)
from .calendar import DateInterval, add_days
from .errors import (
    CaseValidationError,
    InvalidValueError,
    ProfileValidationError,
    SexOffenderRulesError,
    WrongTypeError,
)
from .links import rule_links
from .model import (
    AbsoluteDischarge,
    Case,
    ConditionalDischarge,
    DetentionAndTrainingOrder,
    Disposal,
    Event,
    ExtendedSentence,
    HomeAddressChange,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    NameUsed,
    OffenderOfParticularConcern,
    OtherDisposal,
    PrescribedChange,
    Stay,
    SuspendedImprisonment,
)
from .whereabouts import Profile

__all__ = [
    "ASSESSMENT_FORMAT",
    "ASSESSMENT_FORMAT_VERSION",
    "ASSESSMENT_SCHEMA_ID",
    "CASE_FORMAT",
    "CASE_FORMAT_VERSION",
    "PROFILE_FORMAT",
    "AssessmentRecord",
    "BreachRecord",
    "DutyRecord",
    "LinkRecord",
    "ReasonRecord",
    "RegistrationRecord",
    "SourceRecord",
    "assessment_record",
    "assessment_schema",
    "assessment_to_data",
    "case_from_data",
    "case_schema",
    "case_to_data",
    "converter",
    "parse_json",
    "profile_from_data",
    "profile_to_data",
]

CASE_FORMAT = "sexoffender-rules/case"
"""The format name every case document carries.

>>> CASE_FORMAT
'sexoffender-rules/case'
"""
CASE_FORMAT_VERSION = 1
"""The version of the case format this library reads and writes.

>>> CASE_FORMAT_VERSION
1
"""

DISPOSAL_TYPES: dict[type, str] = {
    Imprisonment: "imprisonment",
    SuspendedImprisonment: "suspended_imprisonment",
    LifeImprisonment: "life",
    ImprisonmentForPublicProtection: "imprisonment_for_public_protection",
    DetentionAndTrainingOrder: "detention_and_training_order",
    ExtendedSentence: "extended_sentence",
    OffenderOfParticularConcern: "offender_of_particular_concern",
    HospitalOrder: "hospital_order",
    ConditionalDischarge: "conditional_discharge",
    AbsoluteDischarge: "absolute_discharge",
    OtherDisposal: "other",
}
EVENT_TYPES: dict[type, str] = {
    NameUsed: "name_used",
    HomeAddressChange: "home_address_change",
    Stay: "stay",
    PrescribedChange: "prescribed_change",
}
RECORD_TYPES: dict[type, str] = {
    records.HomeVisit: "home_visit",
    records.Contact: "contact",
    records.NotLivingAtAddress: "not_living_at_address",
    records.LeftUnitedKingdom: "left_united_kingdom",
    records.TraceEnquiry: "trace_enquiry",
    records.Located: "located",
    records.Warrant: "warrant",
    records.MissingPersonReport: "missing_person_report",
    records.Marker: "marker",
    records.RiskAssessment: "risk_assessment",
    records.VisitPlan: "visit_plan",
    records.CivilDetention: "civil_detention",
    records.Death: "death",
}
_TAGGED_UNIONS: tuple[tuple[Any, dict[type, str]], ...] = (
    (Disposal, DISPOSAL_TYPES),
    (Event, EVENT_TYPES),
    (records.PoliceRecord, RECORD_TYPES),
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: object, _: type) -> date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise WrongTypeError(f"expected a date as YYYY-MM-DD, got {_shape(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"not a valid date ({_date_problem(value)})") from None


def _date_problem(value: str) -> str:
    """What is wrong with a date of the form YYYY-MM-DD, without repeating it (a date of birth
    is personal data).

    >>> _date_problem("1980-02-30"), _date_problem("2021-13-01"), _date_problem("0000-01-01")
    ('no such day in that month', 'the month must be 01 to 12', 'the year must be 0001 or later')
    """
    year, month, _ = (int(part) for part in value.split("-"))
    if year < 1:
        return "the year must be 0001 or later"
    if not 1 <= month <= 12:
        return "the month must be 01 to 12"
    return "no such day in that month"


def _shape(value: object) -> str:
    """Describe a bad value without repeating it (it may be personal data)."""
    if isinstance(value, str):
        return "text of another form"
    names = {dict: "an object", list: "a list", bool: "true or false", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _structure_text(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise WrongTypeError(f"expected text, got {_shape(value)}")
    return value


def _structure_count(value: object, _: type) -> int:
    if type(value) is not int:
        raise WrongTypeError(f"expected a whole number, got {_shape(value)}")
    return value


def _structure_flag(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise WrongTypeError(f"expected true or false, got {_shape(value)}")
    return value


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_hook(kind: type[enum.Enum]) -> Any:
    allowed = {member.value: member for member in kind}

    def structure(value: object, _: type) -> enum.Enum:
        if not isinstance(value, str) or value not in allowed:
            raise InvalidValueError(f"expected one of {', '.join(allowed)}")
        return allowed[value]

    return structure


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _hook(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """The converter's structure hook for ``tp``, looked up once (cattrs 24.1 and later; before
    that, each call dispatches)."""
    get = getattr(conv, "get_structure_hook", None)
    if get is not None:
        return get(tp)  # type: ignore[no-any-return]
    return conv.structure


def _tuple_hook(conv: cattrs.Converter) -> Any:
    def factory(tp: Any) -> Any:
        item = typing.get_args(tp)[0]
        hooks: list[Callable[[Any, Any], Any]] = []

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise WrongTypeError(f"expected a list, got {_shape(value)}")
            if not hooks:
                hooks.append(_hook(conv, item))
            hook = hooks[0]
            items, errors = [], []
            for index, element in enumerate(value):
                try:
                    items.append(hook(element, item))
                except Exception as error:  # collected and re-raised with their index below
                    # Only the message is reported: the traceback, which holds this frame and
                    # so makes a cycle with ``errors``, is dropped (thousands of bad items would
                    # otherwise keep thousands of frames alive for the cyclic collector).
                    error.__traceback__ = None
                    note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, item)
                    error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(items)

        return structure

    return factory


def _tagged(conv: cattrs.Converter, tags: dict[type, str]) -> Any:
    """Structure one of ``tags``' classes from an object naming it in ``type``."""
    by_tag = {tag: cls for cls, tag in tags.items()}
    hooks: dict[str, Callable[[Any, Any], Any]] = {}

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise WrongTypeError(f"expected an object, got {_shape(value)}")
        tag = value.get("type")
        if tag is None:
            raise InvalidValueError("type: required, one of " + ", ".join(by_tag))
        if not isinstance(tag, str) or tag not in by_tag:
            raise InvalidValueError("type: expected one of " + ", ".join(by_tag))
        hook = hooks.get(tag)
        if hook is None:
            hook = hooks[tag] = _hook(conv, by_tag[tag])
        return hook({k: v for k, v in value.items() if k != "type"}, by_tag[tag])

    return structure


def _with_tag(tag: str, fields: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    def unstructure(obj: Any) -> dict[str, Any]:
        data = fields(obj)
        if data.get("known", "") is None:
            del data["known"]  # the date it became known is written only where it differs
        return {"type": tag, **data}

    return unstructure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _library_enums() -> list[type[enum.Enum]]:
    """Every enum class the library's imported modules define (the model's, the records', the
    profile's and the assessment's among them: this module imports them all).

    >>> from sexoffender_rules.model import OrderKind
    >>> OrderKind in _library_enums()
    True
    """
    found: list[type[enum.Enum]] = []
    stack: list[type[enum.Enum]] = [enum.Enum]
    while stack:
        kind = stack.pop()
        for sub in kind.__subclasses__():
            stack.append(sub)
            if sub.__module__.split(".")[0] == "sexoffender_rules":
                found.append(sub)
    return found


def _make_converter() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook(str, _structure_text)
    conv.register_structure_hook(int, _structure_count)
    conv.register_structure_hook(bool, _structure_flag)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook(conv))
    # Every enum of the library is written as its value. One with a str base would otherwise
    # pass through as a member (cattrs dispatches it as a str): a JSON encoder writes a member
    # as its value, but other encoders do not.
    for kind in _library_enums():
        conv.register_unstructure_hook(kind, _enum_value)
    for union, tags in _TAGGED_UNIONS:
        conv.register_structure_hook(union, _tagged(conv, tags))
        for cls, tag in tags.items():
            conv.register_unstructure_hook(cls, _with_tag(tag, make_dict_unstructure_fn(cls, conv)))
    return conv


converter = _make_converter()
"""The one cattrs converter at the library's edge (from cattrs' JSON preconfiguration).

>>> converter.unstructure(date(2026, 1, 2))
'2026-01-02'
"""

_CONTRADICTIONS = "\x00contradictions"
_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\[\d+\])?): (.*)$", re.DOTALL)


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, CaseValidationError):
        return _CONTRADICTIONS
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        unknown = sorted(_key_shown(key) for key in exc.extra_fields)
        return f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"
    if isinstance(exc, SexOffenderRulesError):
        return str(exc)
    name = getattr(type_, "__name__", None)
    return f"expected {name}" if name else "invalid value"


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _key_shown(key: object) -> str:
    """An unknown key as a message may show it: a key shaped like a field name (a likely typo)
    is named; any other text, which may be a personal value typed in the wrong place or hold
    control characters, is not repeated.

    >>> _key_shown("dispossal"), _key_shown("NAME A\x1b[31m")
    ('dispossal', '(a key that is not a field name)')
    """
    if isinstance(key, str) and _FIELD_NAME.fullmatch(key):
        return key
    return "(a key that is not a field name)"


def _walk(exc: BaseException) -> typing.Iterator[BaseException]:
    yield exc
    for inner in getattr(exc, "exceptions", ()):
        yield from _walk(inner)


def _problems(exc: BaseException) -> list[str]:
    lines = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_format_exception):
        message, _, where = line.rpartition(" @ ")
        if message == _CONTRADICTIONS:
            continue
        path = where.removeprefix("$").removeprefix(".")
        # A validator names its own field ("term: must not be empty"): add it to the path.
        match = _FIELD_PREFIX.match(message)
        if match:
            path = f"{path}.{match.group(1)}" if path else match.group(1)
            message = match.group(2)
        lines.append(f"{path or '(document)'}: {message}")
    for inner in _walk(exc):
        if isinstance(inner, CaseValidationError):
            lines.extend(inner.problems)
    return lines


def case_from_data(data: Any) -> Case:
    """Build a :class:`~sexoffender_rules.model.Case` from a decoded JSON document.

    Raises :class:`~sexoffender_rules.errors.CaseValidationError` listing every problem found.
    A well-formed document is loaded checking each value once (its JSON type and form together
    with what the model's validators check); any other goes through the converter, which finds
    and words every problem.

    >>> case_from_data({"format": "sexoffender-rules/case", "version": 1,
    ...                 "person": {"reference": "F", "date_of_birth": "1980-02-30"}})
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.CaseValidationError: 1 problem in the case:
      person.date_of_birth: not a valid date (no such day in that month)
    """
    with fewer_collections():
        case = _quick_case(data)
        if case is not None:
            return case
        return _case_from_data_thoroughly(data)


def _case_from_data_thoroughly(data: Any) -> Case:
    """:func:`case_from_data` through the converter, which finds and words every problem."""
    if not isinstance(data, dict):
        raise CaseValidationError([f"(document): expected a JSON object, got {_shape(data)}"])
    problems = []
    body = dict(data)
    description = body.pop("description", None)
    if description is not None and not isinstance(description, str):
        problems.append("description: expected text")
    if body.pop("format", None) != CASE_FORMAT:
        problems.append(f"format: expected {CASE_FORMAT!r}")
    version = body.pop("version", None)
    if type(version) is not int or version != CASE_FORMAT_VERSION:
        problems.append(f"version: expected {CASE_FORMAT_VERSION}")
    try:
        case = converter.structure(body, Case)
    except (cattrs.BaseValidationError, SexOffenderRulesError) as error:
        raise CaseValidationError(problems + _problems(error)) from None
    if problems:
        raise CaseValidationError(problems)
    return case


@functools.cache
def _quick_case_body() -> Callable[[Any], Any] | None:
    """The quick function of a case document's body, written on first use."""
    return _loading.builder(
        Case,
        date_of=lambda value: _structure_date(value, date),
        tags=dict(_TAGGED_UNIONS),
        header=("format", "version", "description"),
    )


def _quick_case(data: Any) -> Case | None:
    """The case of a well-formed document, each value checked once (see :mod:`._loading`);
    ``None`` for any other document, which :func:`case_from_data` then loads the thorough way,
    finding and wording every problem."""
    build = _quick_case_body()
    if type(data) is not dict or build is None:
        return None
    version, description = data.get("version"), data.get("description")
    if data.get("format") != CASE_FORMAT or type(version) is not int or version != 1:
        return None
    if description is not None and type(description) is not str:
        return None
    try:
        case: Case = build(data)
    except Exception:  # any problem: the thorough way finds and words it
        return None
    return case


def case_to_data(case: Case) -> dict[str, Any]:
    """The JSON-ready document of ``case``; ``case_from_data`` gives back an equal case.

    >>> from sexoffender_rules.model import Person
    >>> case_to_data(Case(person=Person(reference="F", date_of_birth=date(1980, 1, 1))))["format"]
    'sexoffender-rules/case'
    """
    body: dict[str, Any] = converter.unstructure(case)
    return {"format": CASE_FORMAT, "version": CASE_FORMAT_VERSION, **body}


ASSESSMENT_FORMAT = "sexoffender-rules/assessment"
"""The format name of an assessment's results.

>>> ASSESSMENT_FORMAT
'sexoffender-rules/assessment'
"""
ASSESSMENT_FORMAT_VERSION = 2
"""The version of the assessment format this library writes. Version 2 added ``schema`` (the
``$id`` of the JSON Schema the document follows) and each reason's ``links`` to
legislation.gov.uk.

>>> ASSESSMENT_FORMAT_VERSION
2
"""
ASSESSMENT_SCHEMA_ID = f"urn:sexoffender-rules:schema:assessment:{ASSESSMENT_FORMAT_VERSION}"
"""The ``$id`` of the published JSON Schema of assessment results; every result names it in
its ``schema`` field.

>>> ASSESSMENT_SCHEMA_ID
'urn:sexoffender-rules:schema:assessment:2'
"""


@attrs.frozen(kw_only=True)
class LinkRecord:
    """A provision as cited and its address on legislation.gov.uk: the point-in-time view for
    the day the rule applied (an Act), or the text as made (a statutory instrument)."""

    citation: str
    url: str


@attrs.frozen(kw_only=True)
class ReasonRecord:
    """Why one step came out as it did: the rule, its citation and links to the provisions, the
    statement, the facts used (paths into the case), the dates computed by name, and the
    readings of the law relied on."""

    rule: str
    citation: str
    links: tuple[LinkRecord, ...]
    statement: str
    facts: tuple[str, ...]
    dates: dict[str, date]
    readings: tuple[str, ...]


@attrs.frozen(kw_only=True)
class SourceRecord:
    """One conviction, finding or caution that makes the person subject, and its period:
    ``period`` an ISO 8601 duration, ``"indefinite"`` or null (undetermined, or no period of its
    own: made subject by the order ``kept_by`` names); ``end`` the last day of the period,
    ``"indefinite"`` or null (undetermined, or, with ``kept_by`` set and ``kept_until`` null, made
    subject by an order until further order); ``taken_until`` the last day the person is taken to
    be subject through an undetermined period (null where there is none)."""

    trigger: str
    fact: str
    relevant_date: date
    subject_from: date
    period: str | None
    end: date | Literal["indefinite"] | None
    kept_by: str | None
    applied_by: str | None
    kept_until: date | None
    review_from: date | None
    taken_until: date | None
    missing: tuple[str, ...]
    reasons: tuple[ReasonRecord, ...]


@attrs.frozen(kw_only=True)
class BreachRecord:
    """The days of prima facie breach: from ``start`` to ``end`` (the last day in breach, the
    day it was cured), ``end`` null while it continues."""

    start: date
    end: date | None


@attrs.frozen(kw_only=True)
class DutyRecord:
    """One duty to notify and where it stands on the assessment date."""

    kind: DutyKind
    trigger_date: date
    fact: str
    deadline: date | None
    state: DutyState
    discharged_by: str | None
    breach: BreachRecord | None
    responsible: Responsible
    reasons: tuple[ReasonRecord, ...]


@attrs.frozen(kw_only=True)
class RegistrationRecord:
    """Whether the person is subject on the assessment date, through which sources, until when
    (``end``: a date, ``"indefinite"``, or null when not subject or undetermined)."""

    subject: bool
    end: date | Literal["indefinite"] | None
    undetermined: bool
    sources: tuple[SourceRecord, ...]
    reasons: tuple[ReasonRecord, ...]


@attrs.frozen(kw_only=True)
class AssessmentRecord:
    """The results of one assessment: the headline, registration, every duty with its reasons,
    the facts wanting and the points for review."""

    as_of: date
    jurisdiction: str
    ruleset: str
    policy: dict[str, str | bool]
    headline: Headline
    in_breach_responsible: tuple[Responsible, ...]
    next_deadline: date | None
    registration: RegistrationRecord
    duties: tuple[DutyRecord, ...]
    missing: tuple[str, ...]
    flags: tuple[str, ...]


def _reason_record(reason: Reason, on: date) -> ReasonRecord:
    return ReasonRecord(
        rule=reason.rule_id,
        citation=reason.citation,
        links=tuple(LinkRecord(citation=k.citation, url=k.url) for k in reason.links(on)),
        statement=reason.statement,
        facts=reason.facts,
        dates=dict(reason.dates),
        readings=reason.readings,
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


# The JSON-ready data of the results is written directly from the assessment, field for field as
# the converter writes the records (assessment_record): the same data, without building a record
# of every reason and link and unstructuring it again (tests/test_result_schema.py compares the
# two over generated cases).


def _reason_data(reason: Reason, on: date) -> dict[str, Any]:
    """One reason as JSON-ready data (its :class:`ReasonRecord` as the converter writes it), its
    links for the law as it stood on ``on``."""
    rule = reason.rule
    return {
        "rule": reason.rule_id,
        "citation": reason.citation,
        "links": (
            [] if rule is None else [{"citation": c, "url": u} for c, u in rule_links(rule, on)]
        ),
        "statement": reason.statement,
        "facts": list(reason.facts),
        "dates": {name: day.isoformat() for name, day in reason.dates},
        "readings": list(reason.readings),
    }


def _source_data(source: Source) -> dict[str, Any]:
    on = source.start
    return {
        "trigger": source.trigger_id,
        "fact": source.fact,
        "relevant_date": source.relevant_date.isoformat(),
        "subject_from": on.isoformat(),
        "period": _source_period(source),
        "end": "indefinite" if source.indefinite else _iso(source.end),
        "kept_by": source.kept_by,
        "applied_by": source.applied_by,
        "kept_until": _iso(source.kept_until),
        "review_from": _iso(source.review_from),
        "taken_until": _iso(source.taken_until),
        "missing": list(source.missing),
        "reasons": [_reason_data(r, on) for r in source.reasons],
    }


def _duty_data(duty: Duty) -> dict[str, Any]:
    on = duty.trigger_date
    breach = duty.breach
    return {
        "kind": duty.kind._value_,
        "trigger_date": on.isoformat(),
        "fact": duty.fact,
        "deadline": _iso(duty.deadline),
        "state": duty.state._value_,
        "discharged_by": duty.discharged_by,
        "breach": (
            None
            if breach is None
            else {"start": breach.start.isoformat(), "end": _iso(_breach_end(breach))}
        ),
        "responsible": duty.responsible._value_,
        "reasons": [_reason_data(r, on) for r in duty.reasons],
    }


def _source_period(source: Source) -> str | None:
    return "indefinite" if source.indefinite else source.period.iso if source.period else None


def _breach_end(breach: DateInterval) -> date | None:
    """The last day in breach; ``None`` while the breach continues."""
    return None if breach.is_unbounded else add_days(breach.end, -1)


def _in_breach_responsible(assessment: Assessment) -> tuple[Responsible, ...]:
    """Who is responsible for the breaches on the assessment date, in the order of the values."""
    as_of = assessment.as_of
    return tuple(
        sorted(
            {
                d.responsible
                for d in assessment.duties
                if d.breach is not None and as_of in d.breach
            },
            key=lambda r: r.value,
        )
    )


def _source_record(source: Source) -> SourceRecord:
    on = source.start
    return SourceRecord(
        trigger=source.trigger_id,
        fact=source.fact,
        relevant_date=source.relevant_date,
        subject_from=source.start,
        period=_source_period(source),
        end="indefinite" if source.indefinite else source.end,
        kept_by=source.kept_by,
        applied_by=source.applied_by,
        kept_until=source.kept_until,
        review_from=source.review_from,
        taken_until=source.taken_until,
        missing=source.missing,
        reasons=tuple(_reason_record(r, on) for r in source.reasons),
    )


def _duty_record(duty: Duty) -> DutyRecord:
    breach = None
    if duty.breach is not None:
        breach = BreachRecord(start=duty.breach.start, end=_breach_end(duty.breach))
    return DutyRecord(
        kind=duty.kind,
        trigger_date=duty.trigger_date,
        fact=duty.fact,
        deadline=duty.deadline,
        state=duty.state,
        discharged_by=duty.discharged_by,
        breach=breach,
        responsible=duty.responsible,
        reasons=tuple(_reason_record(r, duty.trigger_date) for r in duty.reasons),
    )


def assessment_record(assessment: Assessment) -> AssessmentRecord:
    """The results of ``assessment`` in the shape of the assessment format: what
    :func:`assessment_to_data` writes, and what :func:`assessment_schema` describes.

    A reason's links are for the law as it stood on the day its rule applied: a duty's trigger
    date, a source's first day subject, the assessment date for the registration's own reasons
    (never before the rule came into force; see :func:`~sexoffender_rules.links.reason_links`).

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Person
    >>> record = assessment_record(assess(Case(person=Person(reference="F",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1)))
    >>> record.registration.reasons[0].links[0].url
    'https://www.legislation.gov.uk/ukpga/2003/42/section/80/2026-01-01'
    """
    registration = assessment.registration
    as_of = assessment.as_of
    return AssessmentRecord(
        as_of=as_of,
        jurisdiction=assessment.jurisdiction,
        ruleset=assessment.ruleset,
        policy=assessment.policy.readings(),
        headline=assessment.headline,
        in_breach_responsible=_in_breach_responsible(assessment),
        next_deadline=assessment.next_deadline,
        registration=RegistrationRecord(
            subject=registration.subject,
            end="indefinite" if registration.indefinite else registration.end,
            undetermined=registration.undetermined,
            sources=tuple(_source_record(s) for s in registration.sources),
            reasons=tuple(_reason_record(r, as_of) for r in registration.reasons),
        ),
        duties=tuple(_duty_record(d) for d in assessment.duties),
        missing=assessment.missing,
        flags=assessment.flags,
    )


def assessment_to_data(assessment: Assessment) -> dict[str, Any]:
    """The JSON-ready results of ``assessment`` (format ``sexoffender-rules/assessment``,
    version :data:`ASSESSMENT_FORMAT_VERSION`, following the JSON Schema
    :func:`assessment_schema` whose ``$id`` it names in ``schema``).

    Dates are ISO 8601 strings. A breach's ``end`` is the last day in breach (the day it was
    cured), ``null`` while it continues. ``registration.end`` and a source's ``end`` are a date,
    ``"indefinite"``, or ``null`` (not subject, or undetermined); ``registration.end`` is the
    last day subject through any source, counting a source's ``kept_until`` (the last day an
    order named by ``kept_by`` keeps the person subject, SOA 2003 s.103G(1); ``null`` with
    ``kept_by`` set while that order has effect until further order, when ``registration.end``
    is ``"indefinite"``); a source's ``applied_by`` names the notification order or police notice
    that applies Part 2 to a trigger abroad (s.98, s.96ZA). Each duty names who is
    ``responsible`` for it, ``"offender"`` or ``"parent"`` (a parental direction under s.89);
    ``in_breach_responsible`` lists who is responsible for the breaches on the assessment date
    behind an ``in_breach`` headline: with ``["parent"]`` the requirement is in breach but the
    failure is the parent's offence, not the young offender's. Each reason carries, beside its
    ``citation``, ``links``: each provision cited with its address on legislation.gov.uk
    (:func:`assessment_record` says for which day).

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Person
    >>> data = assessment_to_data(assess(Case(person=Person(reference="F",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1)))
    >>> data["headline"], data["registration"]["end"], data["in_breach_responsible"]
    ('not_subject', None, [])
    >>> data["schema"], data["registration"]["reasons"][0]["links"][0]["citation"]
    ('urn:sexoffender-rules:schema:assessment:2', 'Sexual Offences Act 2003 s.80(1)')
    """
    as_of = assessment.as_of
    registration = assessment.registration
    return {
        "format": ASSESSMENT_FORMAT,
        "version": ASSESSMENT_FORMAT_VERSION,
        "schema": ASSESSMENT_SCHEMA_ID,
        "as_of": as_of.isoformat(),
        "jurisdiction": assessment.jurisdiction,
        "ruleset": assessment.ruleset,
        "policy": dict(assessment.policy.readings()),
        "headline": assessment.headline._value_,
        "in_breach_responsible": [r._value_ for r in _in_breach_responsible(assessment)],
        "next_deadline": _iso(assessment.next_deadline),
        "registration": {
            "subject": registration.subject,
            "end": "indefinite" if registration.indefinite else _iso(registration.end),
            "undetermined": registration.undetermined,
            "sources": [_source_data(s) for s in registration.sources],
            "reasons": [_reason_data(r, as_of) for r in registration.reasons],
        },
        "duties": [_duty_data(d) for d in assessment.duties],
        "missing": list(assessment.missing),
        "flags": list(assessment.flags),
    }


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of assessment results, generated from the record classes
    (:class:`AssessmentRecord` and those it holds) as :func:`case_schema` is from the model.

    >>> schema = assessment_schema()
    >>> schema["$id"], schema["properties"]["version"]
    ('urn:sexoffender-rules:schema:assessment:2', {'const': 2})
    """
    return _document_schema(
        AssessmentRecord,
        schema_id=ASSESSMENT_SCHEMA_ID,
        title=f"sexoffender-rules assessment result, version {ASSESSMENT_FORMAT_VERSION}",
        header={
            "format": {"const": ASSESSMENT_FORMAT},
            "version": {"const": ASSESSMENT_FORMAT_VERSION},
            "schema": {"const": ASSESSMENT_SCHEMA_ID},
        },
        optional=(),
    )


CASE_SCHEMA_ID = "urn:sexoffender-rules:schema:case:1"
"""The ``$id`` of the published JSON Schema of case documents, version 1.

>>> CASE_SCHEMA_ID
'urn:sexoffender-rules:schema:case:1'
"""

# Fields whose text may be empty; every other text field needs at least one character.
_MAY_BE_EMPTY = {
    (OtherDisposal, "description"),
    (records.Warrant, "reason"),
    (ReasonRecord, "citation"),  # a rule may cite nothing (a reform's new rule, a test's rule)
}


def _schema_of(
    tp: Any, defs: dict[str, Any], owner: type | None = None, name: str = ""
) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp is str:
        return (
            {"type": "string"}
            if (owner, name) in _MAY_BE_EMPTY
            else {"type": "string", "minLength": 1}
        )
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_of(typing.get_args(tp)[1], defs)}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(tp)[0], defs)}
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        members = [m for m in args if m is not type(None)]
        if len(members) == 1:
            inner = _schema_of(members[0], defs, owner, name)
        elif not any(attrs.has(m) for m in members):
            inner = {"anyOf": [_schema_of(m, defs, owner, name) for m in members]}
        else:
            tags = next(t for _, t in _TAGGED_UNIONS if members[0] in t)
            # Each member fixes its own "type" constant, so at most one can match: anyOf says the
            # same as oneOf, and validators and generators need not try every member for a
            # second match.
            inner = {"anyOf": [_class_ref(m, defs, tag=tags[m]) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]} if len(members) < len(args) else inner
    if attrs.has(tp):
        return _class_ref(tp, defs)
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - every model type is covered


def _class_ref(cls: type, defs: dict[str, Any], tag: str | None = None) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder against recursion
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            properties[field.name] = _schema_of(hints[field.name], defs, cls, field.name)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        defs[name] = {
            "type": "object",
            "description": doc,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of case documents, generated from the model classes.

    >>> schema = case_schema()
    >>> schema["$id"], schema["properties"]["format"]
    ('urn:sexoffender-rules:schema:case:1', {'const': 'sexoffender-rules/case'})
    """
    return _document_schema(
        Case,
        schema_id=CASE_SCHEMA_ID,
        title="sexoffender-rules case document, version 1",
        header={
            "format": {"const": CASE_FORMAT},
            "version": {"const": CASE_FORMAT_VERSION},
            "description": {"type": "string"},
        },
        optional=("description",),
    )


def _document_schema(
    cls: type,
    *,
    schema_id: str,
    title: str,
    header: dict[str, Any],
    optional: tuple[str, ...],
) -> dict[str, Any]:
    """The schema of a document whose body is ``cls``'s fields after the ``header`` fields."""
    defs: dict[str, Any] = {}
    _class_ref(cls, defs)
    body = defs.pop(cls.__name__)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        "description": body["description"],
        "type": "object",
        "properties": {**header, **body["properties"]},
        "required": [*(k for k in header if k not in optional), *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


PROFILE_FORMAT = "sexoffender-rules/profile"
"""The format name every police-policy profile document carries.

>>> PROFILE_FORMAT
'sexoffender-rules/profile'
"""


def profile_from_data(data: Any) -> Profile:
    """Build a police-policy :class:`~sexoffender_rules.whereabouts.Profile` from a decoded JSON
    document (``"format": "sexoffender-rules/profile"``, ``"version": 1``, then the profile's
    fields). Raises :class:`~sexoffender_rules.errors.ProfileValidationError` listing every
    problem.

    >>> p = profile_from_data({"format": "sexoffender-rules/profile", "version": 1,
    ...     "name": "force-a", "missing_rule": "time_based", "unknown_after_days": 14})
    >>> p.label, p.unknown_after_days
    ('force-a@1', 14)
    >>> profile_from_data({"format": "sexoffender-rules/profile", "version": 2, "name": "x",
    ...                    "failed_visits": 0})
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.ProfileValidationError: 2 problems in the profile:
      version: expected 1
      failed_visits: expected a whole number of 1 or more
    """
    if not isinstance(data, dict):
        raise ProfileValidationError([f"(document): expected a JSON object, got {_shape(data)}"])
    problems = []
    body = dict(data)
    if body.pop("format", None) != PROFILE_FORMAT:
        problems.append(f"format: expected {PROFILE_FORMAT!r}")
    version = body.pop("version", None)
    if type(version) is not int or version != 1:
        problems.append("version: expected 1")
    if "profile_version" in body:
        body["version"] = body.pop("profile_version")
    try:
        profile = converter.structure(body, Profile)
    except (cattrs.BaseValidationError, SexOffenderRulesError) as error:
        raise ProfileValidationError(problems + _problems(error)) from None
    if problems:
        raise ProfileValidationError(problems)
    return profile


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """The JSON-ready document of ``profile``; :func:`profile_from_data` gives it back.

    >>> from sexoffender_rules.whereabouts import PROFILES
    >>> profile_from_data(profile_to_data(PROFILES["time-based"])) == PROFILES["time-based"]
    True
    """
    fields: dict[str, Any] = converter.unstructure(profile)
    fields["profile_version"] = fields.pop("version")
    fields["precedence"] = list(profile.precedence)
    return {"format": PROFILE_FORMAT, "version": 1, **fields}


def parse_json(text: str | bytes | bytearray) -> Any:
    """Decode a JSON document strictly: a leading byte-order mark is allowed; an object that
    repeats a key, nesting too deep to follow, a number too long to read, or bytes that are not
    UTF-8 text are refused with :class:`~sexoffender_rules.errors.CaseValidationError`; anything
    but text or bytes with :class:`~sexoffender_rules.errors.WrongTypeError` (never another
    exception).

    >>> parse_json('\ufeff{"a": 1}')
    {'a': 1}
    >>> parse_json(b'{"a": [1, 2]}')
    {'a': [1, 2]}
    >>> parse_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.CaseValidationError: 1 problem in the case:
      (document): not valid JSON (an object repeats a key)
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise CaseValidationError(["(document): not UTF-8 text"]) from None
    elif not isinstance(text, str):
        raise WrongTypeError(f"document: expected JSON text or bytes, got {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as error:
        problem = f"{error.msg} at line {error.lineno}, column {error.colno}"
    except _RepeatedKey:
        problem = "an object repeats a key"
    except RecursionError:
        problem = "nested too deeply"
    except ValueError:
        problem = "a number too long to read"
    raise CaseValidationError([f"(document): not valid JSON ({problem})"])


class _RepeatedKey(ValueError):
    """A JSON object gives one key twice."""


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RepeatedKey
    return result
