"""Caseloads: many cases assessed as a stream, a report by police force, and a synthetic register.

Everything here is pure: it takes iterables of cases, decoded documents or lines of text, and
returns or yields results. Only the command line (:mod:`sexoffender_rules.cli`) reads files and
prints.

- :func:`assess_many` assesses any iterable of cases one at a time, in order, without holding
  them: memory does not grow with the number of cases. A document that does not load gives an
  error result with its line number and problems (field paths only, never a personal value) and
  the rest go on.
- :class:`CaseloadReport` counts results by managing force and in total (registered, subject,
  in breach, missing, wanted, abroad, no fixed abode, detained, deceased, visit due, and each
  headline status), and renders the table as text, CSV, JSON or a list of plain rows.
- :func:`generate_register` yields a seeded, wholly fictional register of case documents with
  proportions taken from published figures (see docs/caseload.md).

>>> from datetime import date
>>> register = list(generate_register(20, seed=7))
>>> report = CaseloadReport(as_of=date(2024, 3, 31))
>>> for result in assess_many(enumerate(register, start=1), date(2024, 3, 31)):
...     report.add(result)
>>> report.total["registered"], report.invalid
(20, 0)
>>> sum(report.total_headlines.values())
20
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import random
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, timedelta
from itertools import islice, pairwise
from typing import Any

import attrs

from ._gc import fewer_collections
from ._pickling import tuple_state
from .documents import case_from_data, parse_json
from .errors import CaseValidationError, SexOffenderRulesError
from .model import Case
from .policy import Policy
from .whereabouts import (
    DEFAULT_PRECEDENCE,
    PROFILES,
    STATUS_NAMES,
    Basis,
    Profile,
    StatusAssessment,
    assess_status,
)

__all__ = [
    "COLUMNS",
    "NO_FORCE",
    "REPORT_FORMAT",
    "CaseResult",
    "CaseSummary",
    "CaseloadReport",
    "Column",
    "assess_many",
    "generate_register",
    "render_csv",
    "render_json",
    "render_text",
    "report_to_data",
    "status_text",
    "status_to_data",
]

# --------------------------------------------------------------------------------------------
# Assessing many cases
# --------------------------------------------------------------------------------------------


@tuple_state
@attrs.frozen(kw_only=True)
class CaseSummary:
    """What a caseload report counts of one person's status: whether subject, the flags that
    hold, the headline and the managing force. A few hundred bytes where the full
    :class:`~sexoffender_rules.whereabouts.StatusAssessment` (every duty and reason) takes
    several kilobytes: :func:`assess_many` returns these with ``summary=True``, so that worker
    processes need not send whole assessments back.

    >>> from sexoffender_rules.model import Person
    >>> status = assess_status(Case(person=Person(reference="FICTIONAL-0211",
    ...     date_of_birth=date(1990, 1, 1))), date(2026, 1, 1))
    >>> summary = CaseSummary.of(status)
    >>> summary.headline, sorted(summary.flag_names), summary.subject
    ('not_subject', ['not_subject'], False)
    """

    subject: bool
    flag_names: frozenset[str]
    headline: str
    managing_force: str | None = None

    @classmethod
    def of(cls, status: StatusAssessment | CaseSummary) -> CaseSummary:
        """The summary of ``status`` (a summary is its own)."""
        if isinstance(status, CaseSummary):
            return status
        return cls(
            subject=status.assessment.registration.subject,
            flag_names=status.flag_names,
            headline=status.headline,
            managing_force=status.managing_force,
        )


@tuple_state
@attrs.frozen(kw_only=True)
class CaseResult:
    """The result for one input of :func:`assess_many`: the status of a valid case (or, with
    ``summary=True``, its :class:`CaseSummary`), or the problems of an invalid one.

    ``index`` is the input's position (from 0); ``line`` its line number where the input gave
    one; ``reference`` the person's reference, for tracing a count back to the case.
    ``problems`` are "field path: problem" lines that never repeat a personal value.

    >>> CaseResult(index=0, line=3, problems=("person: required",)).ok
    False
    """

    index: int
    line: int | None = None
    status: StatusAssessment | None = None
    problems: tuple[str, ...] = ()
    reference: str | None = None
    summary: CaseSummary | None = None

    @property
    def ok(self) -> bool:
        """Whether the case loaded and was assessed.

        >>> CaseResult(index=0).ok
        False
        """
        return self.status is not None or self.summary is not None

    @property
    def counted(self) -> CaseSummary | None:
        """What a report counts of this result: its summary, made from the status where the
        result holds the full status; ``None`` for an invalid input.

        >>> CaseResult(index=0).counted is None
        True
        """
        if self.summary is not None:
            return self.summary
        return CaseSummary.of(self.status) if self.status is not None else None


def _assess_one(
    index: int,
    item: Any,
    as_of: date,
    profile: Profile,
    policy: Policy | None,
    summary: bool = False,
) -> CaseResult:
    line: int | None = None
    if isinstance(item, Case):
        case = item
    else:
        if not isinstance(item, tuple) or len(item) != 2:
            return CaseResult(
                index=index,
                problems=("(input): expected a case or a (line number, document) pair",),
            )
        line, document = item
        try:
            if isinstance(document, bytes):
                try:
                    document = document.decode("utf-8")
                except UnicodeDecodeError:
                    raise CaseValidationError(["(document): the line is not UTF-8 text"]) from None
            if isinstance(document, str):
                document = parse_json(document)
            case = case_from_data(document)
        except CaseValidationError as error:
            return CaseResult(index=index, line=line, problems=tuple(error.problems))
    try:
        status = assess_status(case, as_of, profile, policy)
    except SexOffenderRulesError as error:
        problems = getattr(error, "problems", None) or str(error).splitlines()
        return CaseResult(index=index, line=line, problems=tuple(problems))
    reference = case.person.reference
    if summary:
        return CaseResult(
            index=index, line=line, summary=CaseSummary.of(status), reference=reference
        )
    return CaseResult(index=index, line=line, status=status, reference=reference)


def _assess_chunk(
    start: int,
    items: list[Any],
    as_of: date,
    profile: Profile,
    policy: Policy | None,
    summary: bool = False,
) -> list[CaseResult]:
    """Assess a chunk of inputs, the first being the ``start``-th, while the collector runs less
    often."""
    with fewer_collections():
        return [
            _assess_one(start + i, item, as_of, profile, policy, summary)
            for i, item in enumerate(items)
        ]


def _assess_chunk_pickled(
    start: int,
    items: list[Any],
    as_of: date,
    profile: Profile,
    policy: Policy | None,
    summary: bool,
) -> bytes:
    """:func:`_assess_chunk` in a worker process, its results pickled there: the calling process
    then unpickles them itself, with the collector's threshold raised (:func:`_unpickled`),
    where the executor's own thread would unpickle them under the default threshold."""
    results = _assess_chunk(start, items, as_of, profile, policy, summary)
    with fewer_collections():
        return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(blob: bytes) -> list[CaseResult]:
    """The results a worker pickled (:func:`_assess_chunk_pickled`). Unpickling makes some
    thirty objects a case, none in a cycle, so the collector's passes over them only cost time
    (about half of the unpickling under the default threshold)."""
    with fewer_collections():
        results: list[CaseResult] = pickle.loads(blob)
    return results


def assess_many(
    cases: Iterable[Any],
    as_of: date,
    *,
    profile: Profile | None = None,
    policy: Policy | None = None,
    workers: int = 1,
    chunk_size: int = 64,
    summary: bool = False,
) -> Iterator[CaseResult]:
    """Assess each case of ``cases`` on ``as_of``: one :class:`CaseResult` per input, in input
    order, as a lazy stream.

    An input is a :class:`~sexoffender_rules.model.Case`, or a pair ``(line_number, document)``
    whose document is a decoded JSON object or one line of JSON Lines (text, or UTF-8 bytes,
    decoded strictly as :func:`~sexoffender_rules.documents.parse_json` does). An invalid document
    gives a result with its line number and problems; the rest are still assessed.

    With ``workers`` above 1, chunks of ``chunk_size`` inputs are assessed in that many processes,
    at most two chunks per worker in flight at once, and the results still come in input order:
    the same results as with one worker.

    With ``summary``, each valid case's result holds a :class:`CaseSummary` (what a
    :class:`CaseloadReport` counts) instead of the full status: with workers, the full status of
    every case would have to be pickled back to this process, which costs about as much as a
    third of the assessment itself.

    The garbage collector's young-generation threshold is raised while each case (or, with
    workers, each chunk) is assessed, and restored before its result is yielded.

    >>> from sexoffender_rules.model import Person
    >>> results = assess_many(
    ...     [Case(person=Person(reference="FICTIONAL-0210", date_of_birth=date(1990, 1, 1))),
    ...      (2, '{"format": "sexoffender-rules/case"}')], date(2026, 1, 1))
    >>> [(r.ok, r.line, r.status.headline if r.status else r.problems[0]) for r in results]
    [(True, None, 'not_subject'), (False, 2, 'version: expected 1')]
    """
    chosen = profile or PROFILES["trace-enquiry"]
    if workers < 1 or chunk_size < 1:
        raise ValueError("workers and chunk_size must be at least 1")
    if workers == 1:
        for index, item in enumerate(cases):
            with fewer_collections():
                result = _assess_one(index, item, as_of, chosen, policy, summary)
            yield result
        return
    yield from _assess_in_processes(cases, as_of, chosen, policy, workers, chunk_size, summary)


def _assess_in_processes(
    cases: Iterable[Any],
    as_of: date,
    profile: Profile,
    policy: Policy | None,
    workers: int,
    chunk_size: int,
    summary: bool,
) -> Iterator[CaseResult]:
    items = iter(cases)
    in_flight: list[Future[bytes]] = []
    start = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while True:
            while len(in_flight) < 2 * workers:
                chunk = list(islice(items, chunk_size))
                if not chunk:
                    break
                in_flight.append(
                    pool.submit(
                        _assess_chunk_pickled, start, chunk, as_of, profile, policy, summary
                    )
                )
                start += len(chunk)
            if not in_flight:
                return
            yield from _unpickled(in_flight.pop(0).result())


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------

NO_FORCE = "(no force recorded)"
"""The label under which cases with no managing force are counted."""

REPORT_FORMAT = "sexoffender-rules/caseload-report"
"""The format name of a caseload report in JSON (version 1)."""


@attrs.frozen(kw_only=True)
class Column:
    """One counted column of the report: its key, heading, the flag it counts (``None`` for a
    count of every valid case), the flag's basis and its definition.

    >>> COLUMNS[2].key, COLUMNS[2].flag, COLUMNS[2].basis
    ('in_breach', 'in_breach', 'statute')
    """

    key: str
    heading: str
    flag: str | None
    basis: str
    definition: str

    def counts(self, status: StatusAssessment | CaseSummary) -> bool:
        """Whether ``status`` (a full status or its summary) is counted in this column."""
        if self.key == "registered":
            return True
        if self.key == "subject":
            return CaseSummary.of(status).subject
        return self.flag in status.flag_names


COLUMNS: tuple[Column, ...] = (
    Column(
        key="registered",
        heading="cases",
        flag=None,
        basis="",
        definition="Every case that loaded and was assessed (the register as given).",
    ),
    Column(
        key="subject",
        heading="subject",
        flag=None,
        basis=Basis.STATUTE.value,
        definition="Subject to the notification requirements on the date (SOA 2003 s.80, "
        "s.82): a period that began and has not ended, and the person alive.",
    ),
    Column(
        key="in_breach",
        heading="in breach",
        flag="in_breach",
        basis=Basis.STATUTE.value,
        definition="A notification duty's breach covers the date (s.91(3)): a continuing "
        "failure not yet cured. Prima facie only: reasonable excuse is for a court.",
    ),
    Column(
        key="missing",
        heading="missing",
        flag="missing",
        basis=Basis.POLICY.value,
        definition="Whereabouts unknown under the profile's rule (a negative trace enquiry, a "
        "time without contact, or an open missing-person report).",
    ),
    Column(
        key="wanted",
        heading="wanted",
        flag="wanted",
        basis=Basis.RECORDED_FACT.value,
        definition="A warrant for the person's arrest is live (issued, not executed or withdrawn).",
    ),
    Column(
        key="believed_abroad",
        heading="believed abroad",
        flag="believed_abroad",
        basis=Basis.POLICY.value,
        definition="Evidence of leaving the UK with no absence known from the person and no "
        "contact since.",
    ),
    Column(
        key="abroad_return_overdue",
        heading="abroad, overdue",
        flag="abroad_return_overdue",
        basis=Basis.POLICY.value,
        definition="On a known absence abroad whose notified return date, with the profile's "
        "grace days, has passed with no return or contact (not a breach by itself).",
    ),
    Column(
        key="abroad",
        heading="abroad",
        flag="abroad",
        basis=Basis.POLICY.value,
        definition="On a known absence abroad, within its notified return (never missing).",
    ),
    Column(
        key="no_fixed_abode",
        heading="no fixed abode",
        flag="no_fixed_abode",
        basis=Basis.STATUTE.value,
        definition="The last home address notified is a place where the person can regularly "
        "be found, not a sole or main residence (s.83(7)(b)).",
    ),
    Column(
        key="detained",
        heading="detained",
        flag="detained",
        basis=Basis.POLICY.value,
        definition="In custody or hospital on the date (a detention in the case, or a civil "
        "detention recorded by the police).",
    ),
    Column(
        key="deceased",
        heading="deceased",
        flag="deceased",
        basis=Basis.RECORDED_FACT.value,
        definition="A death recorded and known by the date.",
    ),
    Column(
        key="visit_due",
        heading="visit due",
        flag="visit_due",
        basis=Basis.POLICY.value,
        definition="Reviews due: a home visit is due or overdue under the profile's visit "
        "schedule (risk table or plan; none under reactive management).",
    ),
)
"""The counted columns of a caseload report, in order (docs/caseload.md defines each)."""

_KEYS = tuple(c.key for c in COLUMNS)
_HEADLINE_ORDER = (*DEFAULT_PRECEDENCE, *(n for n in STATUS_NAMES if n not in DEFAULT_PRECEDENCE))


def _headline_key(name: str) -> tuple[int, str]:
    return (
        (_HEADLINE_ORDER.index(name), name)
        if name in _HEADLINE_ORDER
        else (len(STATUS_NAMES), name)
    )


@attrs.define(kw_only=True)
class CaseloadReport:
    """Counts of assessed cases by managing force and in total, built one result at a time
    (memory grows with the number of forces, never with the number of cases).

    Each valid case is counted once under its force (:data:`NO_FORCE` where none is recorded)
    and once in the total, in every column whose flag it holds (:data:`COLUMNS`) and under its
    one headline status; an invalid document is counted in ``invalid`` only.

    >>> report = CaseloadReport(as_of=date(2026, 1, 1))
    >>> report.add(CaseResult(index=0, problems=("version: required",)))
    >>> report.invalid, report.total["registered"]
    (1, 0)
    """

    as_of: date
    profile: str = PROFILES["trace-enquiry"].label
    forces: dict[str, dict[str, int]] = attrs.field(factory=dict)
    headlines: dict[str, dict[str, int]] = attrs.field(factory=dict)
    total: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(_KEYS, 0))
    total_headlines: dict[str, int] = attrs.field(factory=dict)
    invalid: int = 0

    def add(self, result: CaseResult) -> None:
        """Count one result (holding a full status or a summary)."""
        status = result.counted
        if status is None:
            self.invalid += 1
            return
        force = status.managing_force or NO_FORCE
        counts = self.forces.setdefault(force, dict.fromkeys(_KEYS, 0))
        by_headline = self.headlines.setdefault(force, {})
        for column in COLUMNS:
            if column.counts(status):
                counts[column.key] += 1
                self.total[column.key] += 1
        by_headline[status.headline] = by_headline.get(status.headline, 0) + 1
        self.total_headlines[status.headline] = self.total_headlines.get(status.headline, 0) + 1

    def add_all(self, results: Iterable[CaseResult]) -> CaseloadReport:
        """Count every result of ``results``; return the report."""
        for result in results:
            self.add(result)
        return self

    def merge(self, other: CaseloadReport) -> CaseloadReport:
        """A new report counting the cases of this one and of ``other`` (the reports of two
        parts of a caseload, assessed apart on the same date under the same profile). Merging is
        associative and commutative: the parts may be merged in any grouping and order.

        >>> a = CaseloadReport(as_of=date(2026, 1, 1))
        >>> a.add(CaseResult(index=0, problems=("version: required",)))
        >>> a.merge(CaseloadReport(as_of=date(2026, 1, 1))).invalid
        1
        """
        if (self.as_of, self.profile) != (other.as_of, other.profile):
            raise ValueError("other: a report of another date or profile cannot be merged")

        def summed(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            return {key: a.get(key, 0) + b.get(key, 0) for key in {**a, **b}}

        def summed_by_force(
            a: dict[str, dict[str, int]], b: dict[str, dict[str, int]]
        ) -> dict[str, dict[str, int]]:
            return {force: summed(a.get(force, {}), b.get(force, {})) for force in {**a, **b}}

        return CaseloadReport(
            as_of=self.as_of,
            profile=self.profile,
            forces=summed_by_force(self.forces, other.forces),
            headlines=summed_by_force(self.headlines, other.headlines),
            total=summed(self.total, other.total),
            total_headlines=summed(self.total_headlines, other.total_headlines),
            invalid=self.invalid + other.invalid,
        )

    @property
    def headline_names(self) -> list[str]:
        """The headline statuses that occur, in the default order of precedence."""
        return sorted(self.total_headlines, key=_headline_key)

    def rows(self, by_force: bool = True, total: bool = True) -> list[dict[str, Any]]:
        """The table as plain rows a notebook can plot: one dict per force (sorted by name),
        then the total (``force`` is ``"(all)"``), each with every column and one
        ``headline:NAME`` entry per headline status that occurs.

        >>> CaseloadReport(as_of=date(2026, 1, 1)).rows()[0]["force"]
        '(all)'
        """
        names = self.headline_names
        rows: list[dict[str, Any]] = []
        if by_force:
            for force in sorted(self.forces):
                row: dict[str, Any] = {"force": force, **self.forces[force]}
                row.update({f"headline:{n}": self.headlines[force].get(n, 0) for n in names})
                rows.append(row)
        if total:
            row = {"force": "(all)", **self.total}
            row.update({f"headline:{n}": self.total_headlines.get(n, 0) for n in names})
            rows.append(row)
        return rows


def report_to_data(report: CaseloadReport, by_force: bool = True) -> dict[str, Any]:
    """The report as JSON-ready data (format ``sexoffender-rules/caseload-report``, version 1).

    >>> report_to_data(CaseloadReport(as_of=date(2026, 1, 1)))["total"]["counts"]["registered"]
    0
    """
    names = report.headline_names
    return {
        "format": REPORT_FORMAT,
        "version": 1,
        "as_of": report.as_of.isoformat(),
        "profile": report.profile,
        "columns": [
            {
                "key": c.key,
                "heading": c.heading,
                "flag": c.flag,
                "basis": c.basis or None,
                "definition": c.definition,
            }
            for c in COLUMNS
        ],
        "forces": [
            {
                "force": force,
                "counts": dict(report.forces[force]),
                "headlines": {n: report.headlines[force].get(n, 0) for n in names},
            }
            for force in sorted(report.forces)
        ]
        if by_force
        else [],
        "total": {
            "counts": dict(report.total),
            "headlines": {n: report.total_headlines.get(n, 0) for n in names},
        },
        "invalid": report.invalid,
    }


def render_json(report: CaseloadReport, by_force: bool = True) -> str:
    """The report as a JSON document (:func:`report_to_data`)."""
    return json.dumps(report_to_data(report, by_force), indent=2)


def render_csv(report: CaseloadReport, by_force: bool = True) -> str:
    """The report as CSV: a header row, one row per force, then the total (:meth:`rows`).

    >>> render_csv(CaseloadReport(as_of=date(2026, 1, 1))).splitlines()[0][:25]
    'force,registered,subject,'
    """
    rows = report.rows(by_force=by_force)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def render_text(report: CaseloadReport, by_force: bool = True) -> str:
    """The report as two plain-text tables: the counted columns, then the headline statuses.

    >>> print(render_text(CaseloadReport(as_of=date(2026, 1, 1))).splitlines()[0])
    Caseload on 2026-01-01 (profile trace-enquiry@1): 0 cases, 0 invalid documents
    """
    rows = report.rows(by_force=by_force)
    names = report.headline_names
    lines = [
        f"Caseload on {report.as_of.isoformat()} (profile {report.profile}): "
        f"{report.total['registered']} cases, {report.invalid} invalid documents",
        "",
    ]
    lines += _table(rows, [("force", "force"), *((c.key, c.heading) for c in COLUMNS)])
    if names:
        lines += ["", "By headline status:", ""]
        lines += _table(rows, [("force", "force"), *((f"headline:{n}", n) for n in names)])
    return "\n".join(lines)


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> list[str]:
    widths = [max(len(title), *(len(str(r[key])) for r in rows)) for key, title in columns]

    def line(cells: list[str]) -> str:
        first, *rest = cells
        return "  ".join(
            [first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))]
        ).rstrip()

    out = [line([title for _, title in columns])]
    out.append(line(["-" * w for w in widths]))
    out += [line([str(r[key]) for key, _ in columns]) for r in rows]
    return out


# --------------------------------------------------------------------------------------------
# One person's status, for the command line's ``status``
# --------------------------------------------------------------------------------------------

STATUS_FORMAT = "sexoffender-rules/status"
"""The format name of one person's status in JSON (version 1)."""


def status_to_data(status: StatusAssessment) -> dict[str, Any]:
    """One person's status as JSON-ready data (format ``sexoffender-rules/status``, version 1):
    the headline, the whereabouts with reasons, every flag with its basis, since-date and
    reasons, and the statutory assessment (:func:`~sexoffender_rules.documents.assessment_to_data`).

    >>> from sexoffender_rules.model import Person
    >>> data = status_to_data(assess_status(
    ...     Case(person=Person(reference="FICTIONAL-0211", date_of_birth=date(1990, 1, 1))),
    ...     date(2026, 1, 1)))
    >>> data["headline"], [f["name"] for f in data["flags"]]
    ('not_subject', ['not_subject'])
    """
    from .documents import _reason_data, assessment_to_data

    where = status.flag(_whereabouts_flag(status))
    return {
        "format": STATUS_FORMAT,
        "version": 1,
        "as_of": status.as_of.isoformat(),
        "profile": status.profile.label,
        "managing_force": status.managing_force,
        "headline": status.headline,
        "whereabouts": {
            "state": status.whereabouts.value,
            "reasons": [_reason_data(r, status.as_of) for r in where.reasons] if where else [],
        },
        "flags": [
            {
                "name": f.name,
                "basis": f.basis.value,
                "since": f.since.isoformat() if f.since else None,
                "reasons": [_reason_data(r, status.as_of) for r in f.reasons],
            }
            for f in status.flags
        ],
        "assessment": assessment_to_data(status.assessment),
    }


def _whereabouts_flag(status: StatusAssessment) -> str:
    value = status.whereabouts.value
    return "missing" if value == "whereabouts_unknown" else value


def status_text(status: StatusAssessment) -> str:
    """One person's status as plain text: the headline, the whereabouts with reasons, and every
    flag with its basis, since-date and reasons.

    >>> from sexoffender_rules.model import Person
    >>> print(status_text(assess_status(
    ...     Case(person=Person(reference="FICTIONAL-0212", date_of_birth=date(1990, 1, 1))),
    ...     date(2026, 1, 1))).splitlines()[0])
    Status on 2026-01-01 (profile trace-enquiry@1): not_subject
    """
    lines = [
        f"Status on {status.as_of.isoformat()} (profile {status.profile.label}): {status.headline}",
        f"Managing force: {status.managing_force or NO_FORCE}",
        f"Whereabouts: {status.whereabouts.value.replace('_', ' ')}",
    ]
    where = status.flag(_whereabouts_flag(status))
    for reason in where.reasons if where else ():
        lines.append(f"  - {reason.statement} [{reason.citation}]")
    lines.append("Flags:")
    for f in status.flags:
        since = f" since {f.since.isoformat()}" if f.since else ""
        lines.append(f"  {f.name} ({f.basis.value}){since}")
        for reason in f.reasons:
            facts = f" ({', '.join(reason.facts)})" if reason.facts else ""
            lines.append(f"    - {reason.statement}{facts} [{reason.citation}]")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# A seeded synthetic register
# --------------------------------------------------------------------------------------------

REGISTER_DATE = date(2024, 3, 31)
"""The default snapshot date of a generated register: the date of the MAPPA annual report's
count of 70,052 registered sexual offenders in England and Wales (docs/caseload.md)."""

# Relative sizes of 43 fictional forces (FORCE-01..FORCE-43), shaped like the spread of population
# across the territorial forces of England and Wales: one metropolitan force of about 14%, the
# smallest under 1% (about 600 of a register of 70,052). Fictional: no real force is modelled.
_FORCE_SHARES = (
    14.0, 5.0, 4.9, 4.6, 3.4, 3.3, 3.2, 3.1, 3.0, 2.9, 2.8, 2.7, 2.6, 2.5, 2.4, 2.3, 2.2, 2.1,
    2.0, 2.0, 1.9, 1.9, 1.8, 1.8, 1.7, 1.7, 1.6, 1.6, 1.5, 1.5, 1.4, 1.4, 1.3, 1.3, 1.2, 1.2,
    1.1, 1.1, 1.0, 1.0, 0.9, 0.9, 0.85,
)  # fmt: skip
FORCES = tuple(f"FORCE-{i:02d}" for i in range(1, len(_FORCE_SHARES) + 1))
"""The fictional forces of a generated register."""

# Disposals (approximate proportions, documented in docs/caseload.md as the generator's own
# assumption): kind -> (share, period in years or None for indefinite).
_DISPOSALS: tuple[tuple[str, float], ...] = (
    ("imprisonment_long", 30.0),  # 30 months or more: indefinite
    ("imprisonment_mid", 18.0),  # more than 6, less than 30 months: 10 years
    ("imprisonment_short", 5.0),  # 6 months or less: 7 years
    ("suspended", 14.0),
    ("life", 2.0),
    ("community", 16.0),  # a community order or fine ("other"): 5 years
    ("caution", 10.0),
    ("conditional_discharge", 2.0),
    ("hospital_restricted", 1.0),
    ("hospital", 2.0),
)

# The situation on the register date (percentages; the rest are ordinary). Missing and wanted
# together about 1% (press FOI series 2015 and 2018; NPCC 2018: under 1%).
_SITUATIONS: tuple[tuple[str, float], ...] = (
    ("missing", 0.55),
    ("wanted", 0.35),
    ("believed_abroad", 0.15),
    ("abroad", 0.9),
    ("abroad_overdue", 0.3),
    ("no_fixed_abode", 2.5),
    ("remand", 0.8),
    ("civil_detention", 0.1),
    ("deceased", 0.3),
    ("missed_notification", 2.0),
)

# Risk levels at March 2016 (NPCC, reported by PA, 29 June 2017): 2% very high, 18% high, 30%
# medium, the rest low; visit intervals in months from the table in use before June 2017.
_RISKS = (("very_high", 2.0, 1), ("high", 18.0, 3), ("medium", 30.0, 6), ("low", 50.0, 12))


def _cumulative(shares: Iterable[float]) -> list[float]:
    total, out = 0.0, []
    for share in shares:
        total += share
        out.append(total)
    return out


_FORCE_CUM = _cumulative(_FORCE_SHARES)
_DISPOSAL_CUM = _cumulative(s for _, s in _DISPOSALS)
_RISK_CUM = _cumulative(s for _, s, _ in _RISKS)


def generate_register(size: int, seed: int, on: date = REGISTER_DATE) -> Iterator[dict[str, Any]]:
    """Yield ``size`` fictional case documents (format ``sexoffender-rules/case``) for a register
    on ``on``, drawn with ``random.Random(seed)`` only: the same seed gives the same register.

    Each case has a reference ``FICTIONAL-000001`` onwards, the name ``NAME-A``, a managing
    force among :data:`FORCES`, one trigger with a disposal, detention where the sentence calls
    for it, notifications (mostly on time, some late, a few missed), and police records (risk
    level, visit plan, home visits, and for a few: warrants, trace enquiries, missing-person
    reports, evidence of leaving the UK, death). The proportions and their sources are in
    docs/caseload.md.

    >>> first = next(generate_register(1, seed=1))
    >>> first["person"]["reference"], first["format"]
    ('FICTIONAL-000001', 'sexoffender-rules/case')
    >>> list(generate_register(3, seed=5)) == list(generate_register(3, seed=5))
    True
    """
    if size < 0:
        raise ValueError("size must not be negative")
    rng = random.Random(seed)
    for number in range(1, size + 1):
        yield _Person(rng, number, on).document()


def _days(n: int) -> timedelta:
    return timedelta(days=n)


class _Person:
    """Draws one fictional case; every date is on or before the register date."""

    def __init__(self, rng: random.Random, number: int, on: date) -> None:
        self.rng, self.on = rng, on
        self.reference = f"FICTIONAL-{number:06d}"
        self.force = rng.choices(FORCES, cum_weights=_FORCE_CUM)[0]
        self.notifications: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.detentions: list[dict[str, Any]] = []
        self.absences: list[dict[str, Any]] = []
        self.address = 1

    def r(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def chance(self, percent: float) -> bool:
        return self.rng.random() * 100 < percent

    # -- the trigger ------------------------------------------------------------------------

    def _trigger(self) -> tuple[dict[str, Any], int | None, int]:
        """The trigger, its period in years (None: indefinite), and days in custody after it."""
        kind = self.rng.choices([k for k, _ in _DISPOSALS], cum_weights=_DISPOSAL_CUM)[0]
        trigger: dict[str, Any] = {"id": "t1", "kind": "conviction"}
        custody = 0
        years: int | None
        if kind.startswith("imprisonment"):
            months = {"long": (30, 144), "mid": (7, 29), "short": (1, 6)}[kind.split("_")[1]]
            term = self.r(*months)
            trigger["disposal"] = {"type": "imprisonment", "term": {"months": term}}
            years = None if term >= 30 else 10 if term > 6 else 7
            custody = term * 15  # automatic release at about half the term
        elif kind == "suspended":
            term = self.r(3, 24)
            trigger["disposal"] = {"type": "suspended_imprisonment", "term": {"months": term}}
            years = 10 if term > 6 else 7
        elif kind == "life":
            trigger["disposal"] = {"type": "life"}
            years, custody = None, self.r(6, 20) * 365
        elif kind == "community":
            trigger["disposal"] = {"type": "other", "description": "community order"}
            years = 5
        elif kind == "caution":
            trigger["kind"] = "caution"
            years = 2
        elif kind == "conditional_discharge":
            years = self.r(1, 3)
            trigger["disposal"] = {"type": "conditional_discharge", "period": {"years": years}}
        else:
            restricted = kind == "hospital_restricted"
            trigger["disposal"] = {"type": "hospital_order", "restriction_order": restricted}
            years, custody = (None if restricted else 7), self.r(180, 5 * 365)
        return trigger, years, custody

    # -- notifications ----------------------------------------------------------------------

    def _home(self, no_fixed_abode: bool = False) -> dict[str, str]:
        if no_fixed_abode:
            return {"kind": "no_sole_or_main_residence", "reference": "LOC-1"}
        return {"kind": "residence", "reference": f"ADDR-{self.address}"}

    def _notify(self, day: date, kind: str, **more: Any) -> None:
        self.notifications.append(
            {
                "id": f"n{len(self.notifications) + 1}",
                "date": day.isoformat(),
                "kind": kind,
                "names": ["NAME-A"],
                **more,
            }
        )

    def _chain(self, first: date, until: date, missed: bool) -> date:
        """Periodic notifications from ``first`` while before ``until``: mostly within the year,
        some late, a move now and then; with ``missed``, they stop early. The last date."""
        day = first
        while True:
            if self.chance(2):  # a move, notified within 3 days (a few late)
                moved = day + _days(self.r(30, 200))
                told = moved + _days(self.r(0, 2) if not self.chance(5) else self.r(3, 20))
                if told > until:
                    return day
                self.address += 1
                self.events.append(
                    {
                        "type": "home_address_change",
                        "date": moved.isoformat(),
                        "home_address": self._home(),
                    }
                )
                self._notify(told, "change", home_address=self._home())
                day = told
                continue
            gap = self.r(330, 364) if not self.chance(3) else 367 + self.r(1, 45)
            following = day + _days(gap)
            if following > until or (missed and self.chance(35)):
                return day
            self._notify(following, "periodic", home_address=self._home())
            day = following

    # -- police records ---------------------------------------------------------------------

    def _record(self, record_type: str, day: date, **more: Any) -> None:
        self.records.append({"type": record_type, "date": day.isoformat(), **more})

    def _supervision(self, start: date, until: date) -> date:
        """A risk level and visit plan from ``start``, and home visits up to ``until`` (in the
        last three years only); the date of the last visit (``start`` if none)."""
        level, _, months = self.rng.choices(_RISKS, cum_weights=_RISK_CUM)[0]
        self._record("risk_assessment", start, level=level)
        reactive = level == "low" and self.chance(50)
        plan: dict[str, Any] = {} if reactive else {"every": {"months": months}}
        self._record("visit_plan", start, **plan)
        if reactive:
            return start
        day = max(start, self.on - _days(3 * 365)) + _days(self.r(7, 30 * months))
        last = start
        while day <= until:
            last = day
            roll = self.rng.random()
            outcome = (
                "seen_resident"
                if roll < 0.9
                else "seen_not_verified"
                if roll < 0.95
                else "no_answer"
            )
            self._record("home_visit", day, outcome=outcome)
            day += _days(30 * months - self.r(0, 20))
        return last

    def _failed_visits(self, after: date, count: int) -> date:
        day = after
        for _ in range(count):
            day += _days(self.r(3, 9))
            self._record(
                "home_visit",
                day,
                outcome=self.rng.choice(["no_answer", "no_answer", "access_refused"]),
            )
        return day

    # -- the situation on the register date -------------------------------------------------

    def _situation(self) -> str:
        roll = self.rng.random() * 100
        for name, share in _SITUATIONS:
            if roll < share:
                return name
            roll -= share
        return "ordinary"

    def document(self) -> dict[str, Any]:
        on = self.on
        trigger, years, custody = self._trigger()
        ended = years is not None and self.chance(2)
        if years is None:
            relevant = on - _days(self.r(30, 20 * 365))
        elif ended:
            relevant = on - _days(years * 366 + self.r(1, 365))
        else:
            relevant = on - _days(self.r(30, years * 365 - 30))
        trigger["date"] = relevant.isoformat()
        born = relevant - _days(self.r(19, 75) * 365 + self.r(0, 364))
        period_end = relevant + _days(years * 365 - 1) if years is not None else on
        until = min(on, period_end)

        free = relevant
        if custody:
            release = relevant + _days(custody)
            kind = (
                "hospital"
                if trigger.get("disposal", {}).get("type") == "hospital_order"
                else "sentence"
            )
            if release >= on:
                self.detentions.append({"kind": kind, "start": relevant.isoformat()})
                return self._finish(born, trigger)
            self.detentions.append(
                {"kind": kind, "start": relevant.isoformat(), "end": release.isoformat()}
            )
            free = release
        situation = "ordinary" if ended else self._situation()
        late = self.chance(2)
        first = free + _days(self.r(0, 2) if not late else self.r(3, 30))
        if first > until:
            return self._finish(born, trigger)
        self._notify(first, "initial", home_address=self._home(), release=bool(custody))

        contact_end = until
        if situation in ("missing", "wanted", "believed_abroad", "deceased"):
            contact_end = max(first, on - _days(self.r(45, 700)))
        elif situation in ("abroad", "abroad_overdue", "remand"):
            contact_end = max(first, on - _days(self.r(30, 150)))
        elif situation == "no_fixed_abode":
            contact_end = max(first, on - _days(self.r(14, 200)))
        elif situation == "missed_notification":
            contact_end = max(first, on - _days(self.r(380, 900)))
        last = self._chain(first, contact_end, missed=False)
        if situation == "missed_notification":
            last = self._chain(last, until, missed=True)
        seen = self._supervision(first, contact_end if situation != "ordinary" else until)
        self._history(first, last)
        self._now(situation, max(last, seen))
        return self._finish(born, trigger)

    def _history(self, first: date, last: date) -> None:
        """A past warrant, executed on arrest, and a past trip abroad, for a few."""
        if (last - first).days > 200 and self.chance(1):
            issued = first + _days(self.r(10, (last - first).days - 100))
            executed = issued + _days(self.r(1, 60))
            self._record(
                "warrant",
                issued,
                ended=executed.isoformat(),
                end="executed",
                reason="failure to comply with notification requirements",
            )
            self._record("located", executed, arrested=True)
        if (last - first).days > 400 and self.chance(5):
            notified = [date.fromisoformat(n["date"]) for n in self.notifications]
            starts = [d for d, e in pairwise(notified) if (e - d).days > 120]
            if starts:
                leave = self.rng.choice(starts) + _days(self.r(10, 40))
                back = leave + _days(self.r(3, 21))
                self.absences.append(
                    {
                        "start": leave.isoformat(),
                        "end": back.isoformat(),
                        "expected_return": back.isoformat(),
                    }
                )

    def _now(self, situation: str, last: date) -> None:
        """The facts that make the situation on the register date."""
        on = self.on
        if situation == "missing":
            failed = self._failed_visits(last, 2)
            self._record("not_living_at_address", failed + _days(self.r(1, 5)))
            opened = failed + _days(6)
            closed = opened + _days(self.r(3, 10))
            self._record("trace_enquiry", opened, closed=closed.isoformat(), result="negative")
            if self.chance(40):
                self._record("missing_person_report", failed + _days(self.r(1, 3)))
            if self.chance(40):
                self._record(
                    "warrant",
                    min(on, closed + _days(self.r(1, 30))),
                    reason="failure to comply with notification requirements",
                )
            if self.chance(30):
                self._record("marker", closed, kind="locate_trace")
        elif situation == "wanted":
            failed = self._failed_visits(last, self.r(1, 2))
            issued = min(on, failed + _days(self.r(1, 30)))
            recall = self.chance(40)
            self._record(
                "warrant",
                issued,
                reason="recall to prison"
                if recall
                else "failure to comply with notification requirements",
            )
            if recall:
                self._record("marker", issued, kind="recalled")
        elif situation == "believed_abroad":
            left = last + _days(self.r(1, 20))
            self._record(
                "left_united_kingdom", left, known=min(on, left + _days(self.r(0, 20))).isoformat()
            )
        elif situation in ("abroad", "abroad_overdue"):
            leave = last + _days(self.r(1, 10))
            if situation == "abroad_overdue" and (on - leave).days > 12:
                back = leave + _days(self.r(3, (on - leave).days - 8))
            else:
                back = on + _days(self.r(1, 45))
            self.absences.append({"start": leave.isoformat(), "expected_return": back.isoformat()})
        elif situation == "no_fixed_abode":
            moved = last + _days(self.r(1, 10))
            self.events.append(
                {
                    "type": "home_address_change",
                    "date": moved.isoformat(),
                    "home_address": self._home(no_fixed_abode=True),
                }
            )
            day = moved + _days(self.r(0, 2))
            self._notify(day, "change", home_address=self._home(no_fixed_abode=True))
            while (following := day + _days(self.r(5, 7))) <= on:
                self._notify(following, "periodic", home_address=self._home(no_fixed_abode=True))
                day = following
        elif situation == "remand":
            self.detentions.append(
                {"kind": "remand", "start": (last + _days(self.r(1, 20))).isoformat()}
            )
        elif situation == "civil_detention":
            self._record("civil_detention", on - _days(self.r(3, 100)))
        elif situation == "deceased":
            died = last + _days(self.r(1, 30))
            self._record("death", died, known=min(on, died + _days(self.r(0, 30))).isoformat())

    def _finish(self, born: date, trigger: dict[str, Any]) -> dict[str, Any]:
        on = self.on
        # Nothing may lie after the register date (a fact the police would not yet know).
        self.records = [r for r in self.records if r["date"] <= on.isoformat()]
        self.records.sort(key=lambda r: r["date"])
        return {
            "format": "sexoffender-rules/case",
            "version": 1,
            "jurisdiction": "england-and-wales",
            "person": {"reference": self.reference, "date_of_birth": born.isoformat()},
            "managing_force": self.force,
            "triggers": [trigger],
            "detentions": self.detentions,
            "absences_abroad": self.absences,
            "events": self.events,
            "notifications": self.notifications,
            "police_records": self.records,
        }
