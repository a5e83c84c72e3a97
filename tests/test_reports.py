"""The human renderers' depth limit and routine duties, their links, and the command line's
output: the same from one run to the next (help with an example and the exit statuses for every
command is in test_cli.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from sexoffender_rules import (
    Case,
    InvalidValueError,
    Person,
    Trigger,
    assess,
    explain,
    explain_markdown,
)
from sexoffender_rules.assessment import Assessment, DutyState
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.explain import HEADLINE, ITEMS, LINKS, REASONS, ROUTINE
from sexoffender_rules.strategies import cases_with_as_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = date(2026, 11, 29)


def _example(name: str) -> Assessment:
    path = ROOT / "examples" / name
    return assess(case_from_data(json.loads(path.read_text(encoding="utf-8"))), AS_OF)


LATE = "04-change-of-address-notified-late.json"


# --------------------------------------------------------------------------------------------
# Depth
# --------------------------------------------------------------------------------------------


def test_depth_one_is_the_headline_and_next_deadline() -> None:
    a = _example(LATE)
    assert explain(a, depth=HEADLINE).splitlines() == [
        "Assessment on 2026-11-29 (England and Wales: Sexual Offences Act 2003, Part 2): compliant",
        "Next deadline: 2027-10-12",
    ]


def test_depth_two_has_one_line_per_source_and_duty_and_no_reasons() -> None:
    a = _example(LATE)
    text = explain(a, depth=ITEMS)
    assert "rule ew." not in text
    assert "https://" not in text
    headings = [line for line in text.splitlines() if line.startswith("  ") and " from " in line]
    assert len(headings) == len(a.duties)
    assert "Source t1 (triggers[0])" in text


def test_depth_three_has_reasons_without_links_and_four_adds_them() -> None:
    a = _example(LATE)
    three, four = explain(a, depth=REASONS), explain(a, depth=LINKS)
    assert "rule ew.s84.home_address" in three
    assert "https://" not in three
    assert four == explain(a)
    assert "    https://www.legislation.gov.uk/ukpga/2003/42/section/84/2026-10-05" in four


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=cases_with_as_of())
def test_each_depth_keeps_the_lines_of_the_one_above_in_order(drawn: tuple[object, date]) -> None:
    case, as_of = drawn
    a = assess(case, as_of)  # type: ignore[arg-type]
    for render in (explain, explain_markdown):
        shallower = render(a, depth=1).splitlines()
        for depth in (2, 3, 4):
            deeper = render(a, depth=depth).splitlines()
            it = iter(deeper)
            assert all(any(line == other for other in it) for line in shallower), (render, depth)
            shallower = deeper
        assert shallower == render(a).splitlines()


@pytest.mark.parametrize("depth", [0, -1])
def test_depth_must_be_one_or_more(depth: int) -> None:
    with pytest.raises(InvalidValueError):
        explain(_example(LATE), depth=depth)


# --------------------------------------------------------------------------------------------
# Routine duties
# --------------------------------------------------------------------------------------------


def test_hide_routine_leaves_out_duties_met_on_time_and_counts_them() -> None:
    a = _example(LATE)
    routine = [d for d in a.duties if d.state in ROUTINE]
    assert routine
    assert all(d.state is DutyState.MET for d in routine)
    text = explain(a, hide_routine=True)
    assert f"({len(routine)} routine duties not shown: met on time)" in text
    assert "; met, by" not in text  # no duty met on time is listed
    assert "met late, by n2" in text  # the late one stays
    markdown = explain_markdown(a, hide_routine=True)
    assert f"*{len(routine)} routine duties not shown (met on time).*" in markdown
    assert "| met |" not in markdown
    assert "| met late |" in markdown


def test_nothing_is_hidden_where_nothing_is_routine() -> None:
    # A caution never notified: the initial duty is overdue, the periodic one not yet arisen.
    case = Case(
        person=Person(reference="FICTIONAL-0902", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
    )
    a = assess(case, date(2026, 4, 1))
    assert [d.state for d in a.duties] == [DutyState.OVERDUE]
    assert explain(a, hide_routine=True) == explain(a)
    assert explain_markdown(a, hide_routine=True) == explain_markdown(a)


def test_markdown_links_each_reason_to_its_provision() -> None:
    markdown = explain_markdown(_example(LATE))
    assert (
        "    - [Sexual Offences Act 2003 s.84(1)(b), s.84(5)]"
        "(https://www.legislation.gov.uk/ukpga/2003/42/section/84/2026-10-05)" in markdown
    )
    assert "https://" not in explain_markdown(_example(LATE), depth=REASONS)


# --------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------


def _run(*args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "sexoffender_rules", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["assess", str(EXAMPLES[3]), "--as-of", "2026-11-29", "--format", "json"]),
        pytest.param(["explain", str(EXAMPLES[3]), "--as-of", "2026-11-29"]),
        pytest.param(
            ["explain", str(EXAMPLES[3]), "--as-of", "2026-11-29", "--format", "markdown"]
        ),
        pytest.param(["explain", str(EXAMPLES[3]), "--as-of", "2026-11-29", "--why-not", "breach"]),
        pytest.param(["status", str(EXAMPLES[3]), "--as-of", "2026-11-29", "--format", "json"]),
        pytest.param(["schema", "--result"]),
        pytest.param(["schema"]),
    ],
    ids=[
        "assess-json",
        "explain",
        "explain-markdown",
        "why-not",
        "status-json",
        "schema-result",
        "schema",
    ],
)
def test_output_is_identical_between_runs_with_other_hash_seeds(args: list[str]) -> None:
    first, second = _run(*args, seed="1"), _run(*args, seed="4242")
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout.strip()


def test_explain_depth_and_hide_routine_on_the_command_line() -> None:
    result = _run("explain", str(ROOT / "examples" / LATE), "--as-of", "2026-11-29", "--depth", "1")
    assert result.returncode == 0
    assert result.stdout.splitlines() == explain(_example(LATE), depth=1).splitlines()
    hidden = _run(
        "explain", str(ROOT / "examples" / LATE), "--as-of", "2026-11-29", "--hide-routine"
    )
    assert hidden.stdout.rstrip("\n") == explain(_example(LATE), hide_routine=True)


@pytest.mark.parametrize(
    "args",
    [
        ["--depth", "0"],
        ["--why-not", "nothing"],
        ["--why-not", "breach", "--format", "markdown"],
    ],
    ids=["depth-zero", "unknown-question", "why-not-markdown"],
)
def test_bad_report_options_are_usage_errors(args: list[str]) -> None:
    result = _run("explain", str(ROOT / "examples" / LATE), "--as-of", "2026-11-29", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
