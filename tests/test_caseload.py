"""Caseloads: assess_many, the report by force, and the synthetic register."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sexoffender_rules.caseload import (
    COLUMNS,
    FORCES,
    NO_FORCE,
    REGISTER_DATE,
    CaseloadReport,
    CaseResult,
    CaseSummary,
    assess_many,
    generate_register,
    render_csv,
    render_json,
    render_text,
    report_to_data,
    status_text,
    status_to_data,
)
from sexoffender_rules.documents import case_from_data, case_to_data
from sexoffender_rules.model import Case
from sexoffender_rules.strategies import cases_with_as_of
from sexoffender_rules.whereabouts import PROFILES, assess_status

SECRET = "FICTIONAL-SECRET-CASELOAD-8R2"


@pytest.fixture(scope="module")
def register() -> list[dict[str, Any]]:
    return list(generate_register(250, seed=11))


@pytest.fixture(scope="module")
def results(register: list[dict[str, Any]]) -> list[CaseResult]:
    return list(assess_many(enumerate(register, start=1), REGISTER_DATE))


def report_of(documents: list[dict[str, Any]], as_of: date = REGISTER_DATE, **kw: Any) -> Any:
    report = CaseloadReport(as_of=as_of)
    return report.add_all(assess_many(enumerate(documents, start=1), as_of, **kw))


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


def jsonl(documents: Iterator[dict[str, Any]]) -> str:
    return "".join(json.dumps(d, separators=(",", ":")) + "\n" for d in documents)


def test_the_generator_is_deterministic_for_a_seed() -> None:
    assert jsonl(generate_register(150, seed=42)) == jsonl(generate_register(150, seed=42))


def test_different_seeds_give_different_registers() -> None:
    assert jsonl(generate_register(50, seed=1)) != jsonl(generate_register(50, seed=2))


def test_a_smaller_register_is_a_prefix_of_a_larger_one() -> None:
    assert list(generate_register(20, seed=3)) == list(generate_register(40, seed=3))[:20]


def test_generated_documents_are_fictional(register: list[dict[str, Any]]) -> None:
    references = [d["person"]["reference"] for d in register]
    assert references == [f"FICTIONAL-{n:06d}" for n in range(1, len(register) + 1)]
    names = {name for d in register for n in d["notifications"] for name in n.get("names", [])}
    assert names <= {"NAME-A"}
    assert {d["managing_force"] for d in register} <= set(FORCES)


def test_every_generated_document_loads_and_assesses_in_documented_proportions() -> None:
    documents = list(generate_register(2000, seed=1))
    results = list(assess_many(enumerate(documents, start=1), REGISTER_DATE))
    assert [r.problems for r in results if not r.ok] == []
    report = CaseloadReport(as_of=REGISTER_DATE).add_all(results)
    total = report.total
    assert total["registered"] == 2000
    # Each situation the generator draws shows up in a register of this size, and none
    # dominates: missing and wanted together about 1% (docs/caseload.md).
    for key in ("in_breach", "missing", "wanted", "abroad", "no_fixed_abode", "detained"):
        assert total[key] > 0, key
    assert 0.004 * 2000 <= total["missing"] + total["wanted"] <= 0.02 * 2000
    assert total["subject"] > 0.9 * 2000
    assert len(report.forces) > 30
    # On another date too (facts after it are simply not yet known).
    earlier = assess_many(enumerate(documents[:300], start=1), date(2021, 6, 30))
    assert [r.problems for r in earlier if not r.ok] == []
    # The wire format round-trips: what the generator wrote is what the library writes back.
    for document in documents[:100]:
        case = case_from_data(document)
        assert case_from_data(case_to_data(case)) == case


# --------------------------------------------------------------------------------------------
# assess_many
# --------------------------------------------------------------------------------------------


@settings(max_examples=30)
@given(st.lists(cases_with_as_of(), min_size=1, max_size=4))
def test_assess_many_gives_what_assessing_one_at_a_time_gives(
    pairs: list[tuple[Case, date]],
) -> None:
    as_of = pairs[0][1]
    cases = [case for case, _ in pairs]
    results = list(assess_many(cases, as_of))
    assert [r.index for r in results] == list(range(len(cases)))
    assert [r.status for r in results] == [assess_status(c, as_of) for c in cases]


def test_assess_many_over_a_register_matches_one_at_a_time(
    register: list[dict[str, Any]],
) -> None:
    profile = PROFILES["time-based"]
    some = register[:150]
    results = list(assess_many(enumerate(some, start=1), REGISTER_DATE, profile=profile))
    assert [r.line for r in results] == list(range(1, len(some) + 1))
    expected = [assess_status(case_from_data(d), REGISTER_DATE, profile) for d in some]
    assert [r.status for r in results] == expected


def test_two_workers_give_the_same_results_in_the_same_order(
    register: list[dict[str, Any]],
) -> None:
    lines = [(n, json.dumps(d)) for n, d in enumerate(register[:100], start=1)]
    lines.insert(70, (999, "{not json"))
    one = list(assess_many(lines, REGISTER_DATE))
    two = list(assess_many(lines, REGISTER_DATE, workers=2, chunk_size=16))
    assert two == one
    assert [r.line for r in two] == [n for n, _ in lines]


def test_two_workers_give_the_same_summaries_in_the_same_order(
    register: list[dict[str, Any]],
) -> None:
    lines = [(n, json.dumps(d)) for n, d in enumerate(register[:120], start=1)]
    lines.insert(40, (999, "{not json"))
    full = list(assess_many(lines, REGISTER_DATE))
    two = list(assess_many(lines, REGISTER_DATE, workers=2, chunk_size=16, summary=True))
    assert [r.line for r in two] == [n for n, _ in lines]
    assert [r.summary for r in two] == [
        CaseSummary.of(r.status) if r.status else None for r in full
    ]
    assert [(r.index, r.reference, r.problems, r.ok) for r in two] == [
        (r.index, r.reference, r.problems, r.ok) for r in full
    ]
    assert all(r.status is None for r in two)
    by_summary = CaseloadReport(as_of=REGISTER_DATE).add_all(two)
    by_status = CaseloadReport(as_of=REGISTER_DATE).add_all(full)
    assert report_to_data(by_summary) == report_to_data(by_status)
    assert by_summary.invalid == 1


def test_a_summary_is_far_smaller_to_send_than_the_full_status(
    results: list[CaseResult],
) -> None:
    import pickle

    full = sum(len(pickle.dumps(r)) for r in results[:50])
    compact = sum(
        len(pickle.dumps(attrs.evolve(r, status=None, summary=r.counted))) for r in results[:50]
    )
    assert compact * 4 < full


def test_assess_many_restores_the_garbage_collector_thresholds(
    register: list[dict[str, Any]],
) -> None:
    before = gc.get_threshold()
    seen = []
    for _ in assess_many(enumerate(register[:3], start=1), REGISTER_DATE):
        seen.append(gc.get_threshold())
    assert seen == [before] * 3
    assert gc.get_threshold() == before


def test_an_invalid_line_in_the_middle_is_reported_and_the_rest_are_assessed(
    register: list[dict[str, Any]],
) -> None:
    bad = dict(register[1], person={"reference": SECRET, "date_of_birth": "1980-02-30"})
    lines = [
        (1, json.dumps(register[0])),
        (2, json.dumps(bad)),
        (4, '{"format": "sexoffender-rules/case", "format": "x"}'),
        (5, b"\xff\xfe not utf-8"),
        (6, json.dumps(register[2]).encode("utf-8")),
    ]
    results = list(assess_many(lines, REGISTER_DATE))
    assert [(r.line, r.ok) for r in results] == [
        (1, True),
        (2, False),
        (4, False),
        (5, False),
        (6, True),
    ]
    assert any(p.startswith("person.date_of_birth") for p in results[1].problems)
    assert results[2].problems == ("(document): not valid JSON (an object repeats a key)",)
    assert results[3].problems == ("(document): the line is not UTF-8 text",)
    assert all(SECRET not in p and "1980-02-30" not in p for r in results for p in r.problems)
    report = CaseloadReport(as_of=REGISTER_DATE).add_all(results)
    assert (report.total["registered"], report.invalid) == (2, 3)


def test_assess_many_is_lazy(register: list[dict[str, Any]]) -> None:
    taken: list[int] = []

    def endless() -> Iterator[tuple[int, dict[str, Any]]]:
        for n in itertools.count(1):
            taken.append(n)
            yield n, register[n % len(register)]

    first = list(itertools.islice(assess_many(endless(), REGISTER_DATE), 5))
    assert [r.line for r in first] == [1, 2, 3, 4, 5]
    assert len(taken) == 5


def test_lazy_with_workers_reads_a_bounded_number_ahead(register: list[dict[str, Any]]) -> None:
    taken: list[int] = []

    def endless() -> Iterator[tuple[int, dict[str, Any]]]:
        for n in itertools.count(1):
            taken.append(n)
            yield n, register[n % len(register)]

    results = assess_many(endless(), REGISTER_DATE, workers=2, chunk_size=4)
    first = list(itertools.islice(results, 5))
    results.close()
    assert [r.line for r in first] == [1, 2, 3, 4, 5]
    assert len(taken) <= 2 * 2 * 4 + 4  # two chunks per worker in flight, one more read


def test_an_input_that_is_neither_a_case_nor_a_pair_is_an_error_result() -> None:
    (result,) = assess_many(["not a case"], REGISTER_DATE)
    assert not result.ok
    assert result.line is None
    assert result.problems


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def test_the_report_adds_up(register: list[dict[str, Any]]) -> None:
    documents = [*register[:120], {"format": "sexoffender-rules/case"}]
    documents[10] = dict(documents[10], managing_force=None)
    report = report_of(documents)
    assert report.total["registered"] + report.invalid == len(documents)
    assert report.invalid == 1
    for column in COLUMNS:
        assert sum(c[column.key] for c in report.forces.values()) == report.total[column.key]
        assert report.total[column.key] <= report.total["registered"]
    assert sum(report.total_headlines.values()) == report.total["registered"]
    for force, counts in report.forces.items():
        assert sum(report.headlines[force].values()) == counts["registered"]
    assert NO_FORCE in report.forces


def test_each_column_counts_the_flag_it_names(results: list[CaseResult]) -> None:
    statuses = [r.status for r in results]
    report = CaseloadReport(as_of=REGISTER_DATE).add_all(results)
    for column in COLUMNS:
        if column.flag is not None:
            held = sum(1 for s in statuses if s is not None and column.flag in s.flag_names)
            assert report.total[column.key] == held, column.key
    subject = sum(1 for s in statuses if s is not None and s.assessment.registration.subject)
    assert report.total["subject"] == subject


def test_renderers_agree(register: list[dict[str, Any]]) -> None:
    report = report_of(register[:120])
    rows = report.rows()
    assert rows[-1]["force"] == "(all)"
    assert all(isinstance(v, int) for row in rows for k, v in row.items() if k != "force")
    parsed = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert [{k: str(v) for k, v in row.items()} for row in rows] == parsed
    data = json.loads(render_json(report))
    assert data == report_to_data(report)
    assert (data["format"], data["version"]) == ("sexoffender-rules/caseload-report", 1)
    assert data["total"]["counts"] == report.total
    assert sum(f["counts"]["registered"] for f in data["forces"]) == 120
    text = render_text(report)
    for force in report.forces:
        assert force in text
    assert render_text(report, by_force=False).count("FORCE-") == 0


def test_a_profile_with_reactive_management_has_no_visit_due(
    register: list[dict[str, Any]],
) -> None:
    reactive = report_of(register[:150], profile=PROFILES["missing-person-report"])
    table = report_of(register[:150])
    assert reactive.total["visit_due"] == 0 < table.total["visit_due"]


def test_one_person_status_renders(results: list[CaseResult]) -> None:
    for result in results:
        status = result.status
        assert status is not None
        data = json.loads(json.dumps(status_to_data(status)))
        assert data["headline"] == status.headline
        assert [f["name"] for f in data["flags"]] == [f.name for f in status.flags]
        assert status.headline in status_text(status).splitlines()[0]


def test_an_error_result_is_counted_as_invalid_only() -> None:
    report = CaseloadReport(as_of=REGISTER_DATE)
    report.add(CaseResult(index=0, line=1, problems=("version: required",)))
    assert report.invalid == 1
    assert report.forces == {}
    assert report.total_headlines == {}


def test_docs_define_every_column() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "caseload.md").read_text("utf-8")
    for column in COLUMNS:
        row = next((line for line in text.splitlines() if line.startswith(f"| `{column.key}`")), "")
        assert row, column.key
        assert (column.basis or "—").replace("_", " ") in row, column.key
        if column.flag is not None:
            assert f"`{column.flag}`" in row, column.key


def test_reports_of_parts_merge_into_the_report_of_the_whole(results: list[CaseResult]) -> None:
    whole = CaseloadReport(as_of=REGISTER_DATE).add_all(results)
    parts = [results[:10], results[10:11], results[11:]]
    reports = [CaseloadReport(as_of=REGISTER_DATE).add_all(p) for p in parts]
    left = reports[0].merge(reports[1]).merge(reports[2])
    right = reports[2].merge(reports[1].merge(reports[0]))
    assert report_to_data(left) == report_to_data(right) == report_to_data(whole)
    assert render_csv(left, True) == render_csv(whole, True)
    with pytest.raises(ValueError, match="another date"):
        whole.merge(CaseloadReport(as_of=date(2020, 1, 1)))
