"""The caseload commands as real processes: generate, report, profiles and status."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sexoffender_rules.caseload import FORCES
from sexoffender_rules.documents import profile_to_data
from sexoffender_rules.whereabouts import PROFILES

ROOT = Path(__file__).resolve().parent.parent
SECRET = "FICTIONAL-SECRET-REPORT-4TQ"
SIZE = 120


def run(*args: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sexoffender_rules", *map(str, args)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert SECRET not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("caseload") / "register.jsonl"
    result = run("generate", "--size", SIZE, "--seed", 9, "--output", path, cwd=path.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    return path


def test_generate_writes_one_case_a_line_the_same_for_a_seed(
    caseload: Path, tmp_path: Path
) -> None:
    lines = caseload.read_text(encoding="utf-8").splitlines()
    assert len(lines) == SIZE
    assert all(json.loads(line)["format"] == "sexoffender-rules/case" for line in lines)
    again = run("generate", "--size", SIZE, "--seed", 9, "--output", "-", cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout == caseload.read_text(encoding="utf-8")
    other = run("generate", "--size", SIZE, "--seed", 10, "--output", "-", cwd=tmp_path)
    assert other.stdout != again.stdout


def test_report_text_by_force(caseload: Path, tmp_path: Path) -> None:
    result = run("report", caseload, "--as-of", "2024-03-31", "--by", "force", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")  # no progress bar off a terminal
    assert f"{SIZE} cases, 0 invalid documents" in result.stdout
    assert "FORCE-01" in result.stdout
    assert "(all)" in result.stdout


def test_report_csv_adds_up(caseload: Path, tmp_path: Path) -> None:
    result = run(
        "report",
        caseload,
        "--as-of",
        "2024-03-31",
        "--by",
        "force",
        "--format",
        "csv",
        cwd=tmp_path,
    )
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    forces, total = rows[:-1], rows[-1]
    assert total["force"] == "(all)"
    assert int(total["registered"]) == SIZE
    assert {r["force"] for r in forces} <= set(FORCES)
    for key in ("registered", "in_breach", "missing", "wanted", "detained", "visit_due"):
        assert sum(int(r[key]) for r in forces) == int(total[key])
    headlines = [k for k in total if k.startswith("headline:")]
    assert sum(int(total[k]) for k in headlines) == SIZE


def test_report_json_from_standard_input_with_a_profile(caseload: Path, tmp_path: Path) -> None:
    result = run(
        "report",
        "-",
        "--as-of",
        "2024-03-31",
        "--format",
        "json",
        "--profile",
        "time-based",
        cwd=tmp_path,
        stdin=caseload.read_text(encoding="utf-8"),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["format"], data["profile"]) == (
        "sexoffender-rules/caseload-report",
        "time-based@1",
    )
    assert data["forces"] == []  # the total only, without --by force
    assert data["total"]["counts"]["registered"] == SIZE
    assert sum(data["total"]["headlines"].values()) == SIZE


def test_report_with_invalid_lines(caseload: Path, tmp_path: Path) -> None:
    lines = caseload.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[4])
    bad["person"] = {"reference": SECRET, "date_of_birth": SECRET}
    lines[4] = json.dumps(bad)
    lines.insert(10, "")  # a blank line is skipped, not invalid
    lines.insert(20, "{broken")
    path = tmp_path / "with bad lines.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("report", path, "--as-of", "2024-03-31", "--format", "json", cwd=tmp_path)
    assert result.returncode == 3
    problems = result.stderr.splitlines()
    assert problems
    pattern = re.compile(rf"^sexoffender-rules: {re.escape(str(path))}:(\d+): \S.*$")
    numbers = {int(m.group(1)) for p in problems if (m := pattern.match(p))}
    assert all(pattern.match(p) for p in problems)
    assert numbers == {5, 21}
    data = json.loads(result.stdout)  # the report of the valid ones is still printed
    assert data["invalid"] == 2
    assert data["total"]["counts"]["registered"] == SIZE - 1


def test_report_with_a_profile_file(caseload: Path, tmp_path: Path) -> None:
    document = profile_to_data(PROFILES["time-based"])
    document.update(name="force-own", unknown_after_days=14)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run("report", caseload, "--as-of", "2024-03-31", "--profile", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "profile force-own@1" in result.stdout


def test_an_invalid_profile_file_is_invalid_input(caseload: Path, tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text(
        json.dumps(
            {"format": "sexoffender-rules/profile", "version": 1, "name": "x", "failed_visits": 0}
        ),
        encoding="utf-8",
    )
    result = run("report", caseload, "--as-of", "2024-03-31", "--profile", path, cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.strip() == (
        f"sexoffender-rules: {path}: failed_visits: expected a whole number of 1 or more"
    )


def test_an_unknown_profile_name_is_a_usage_error(caseload: Path, tmp_path: Path) -> None:
    result = run("report", caseload, "--profile", "no-such-profile", cwd=tmp_path)
    assert result.returncode == 2
    assert "trace-enquiry" in result.stderr


def test_a_missing_caseload_is_a_usage_error(tmp_path: Path) -> None:
    result = run("report", tmp_path / "absent.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


def test_profiles_lists_every_shipped_profile(tmp_path: Path) -> None:
    result = run("profiles", cwd=tmp_path)
    assert result.returncode == 0
    for profile in PROFILES.values():
        assert profile.label in result.stdout
        assert profile.description in result.stdout
    data = json.loads(run("profiles", "--format", "json", cwd=tmp_path).stdout)
    assert [d["name"] for d in data] == list(PROFILES)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_status_of_one_person(caseload: Path, tmp_path: Path, fmt: str) -> None:
    line = next(
        line for line in caseload.read_text(encoding="utf-8").splitlines() if '"home_visit"' in line
    )
    case = tmp_path / "case.json"
    case.write_text(line, encoding="utf-8")
    result = run("status", case, "--as-of", "2024-03-31", "--format", fmt, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["format"] == "sexoffender-rules/status"
        assert data["whereabouts"]["reasons"]
        assert all(f["basis"] in ("statute", "policy", "recorded_fact") for f in data["flags"])
    else:
        assert result.stdout.startswith("Status on 2024-03-31 (profile trace-enquiry@1): ")
        assert "Whereabouts: " in result.stdout
        assert "Flags:" in result.stdout


def test_status_of_an_invalid_case_is_invalid_input(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "format": "sexoffender-rules/case",
                "version": 1,
                "person": {"reference": SECRET, "date_of_birth": SECRET},
            }
        ),
        encoding="utf-8",
    )
    result = run("status", case, "--as-of", "2024-03-31", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.startswith(f"sexoffender-rules: {case}: person.date_of_birth")


@pytest.mark.parametrize(
    "status", ["in_breach", "detained", "visit_due", "headline:compliant", "headline:in_breach"]
)
def test_report_cases_lists_every_case_behind_a_count(
    caseload: Path, tmp_path: Path, status: str
) -> None:
    table = run("report", caseload, "--as-of", "2024-03-31", "--format", "json", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    data = json.loads(table.stdout)
    listed = run("report", caseload, "--as-of", "2024-03-31", "--cases", status, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"Cases with {status} on 2024-03-31 (line, reference, force, headline):"
    rows = [line.split("\t") for line in lines[1:]]
    # Each listed case, explained on its own, holds the status: the count traces to people.
    documents = caseload.read_text(encoding="utf-8").splitlines()
    for where, reference, _force, _headline in rows[:3]:
        line = int(where.rsplit(":", 1)[1])
        assert json.loads(documents[line - 1])["person"]["reference"] == reference
        one = run(
            "status",
            "-",
            "--as-of",
            "2024-03-31",
            "--format",
            "json",
            cwd=tmp_path,
            stdin=documents[line - 1],
        )
        explained = json.loads(one.stdout)
        names = {flag["name"] for flag in explained["flags"]}
        if status.startswith("headline:"):
            assert explained["headline"] == status.removeprefix("headline:")
        else:
            assert status in names
    total = data["total"]
    if status.startswith("headline:"):
        assert len(rows) == total["headlines"].get(status.removeprefix("headline:"), 0)
    else:
        assert len(rows) == total["counts"][status]
