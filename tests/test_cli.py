"""The command line as a real process, on real files: statuses, streams and messages.

Every run goes through ``python -m sexoffender_rules`` or the ``sexoffender-rules`` console
script installed beside the interpreter. Whatever happens, standard error never shows a traceback
and never repeats a personal value from a document.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SECRET = "FICTIONAL-SECRET-7Q9XK"  # a person's reference that must never reach standard error
SCRIPT = Path(sys.executable).parent / "sexoffender-rules"
COMMANDS = (
    "assess",
    "explain",
    "validate",
    "schema",
    "rules",
    "compare",
    "calendar",
    "status",
    "report",
    "generate",
    "profiles",
)
PROBLEM_LINE = re.compile(r"^sexoffender-rules: (?:[^\s:]+: )?[a-z_(][^\s:]*: \S.*$")

ENTRY_POINTS = [
    pytest.param([sys.executable, "-m", "sexoffender_rules"], id="module"),
    pytest.param([str(SCRIPT)], id="script"),
]


def run(
    *args: str | Path,
    cwd: Path,
    stdin: str = "",
    entry: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    command = [*(entry or [sys.executable, "-m", "sexoffender_rules"]), *map(str, args)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert SECRET not in result.stderr, result.stderr
    return result


def document(**changes: Any) -> dict[str, Any]:
    """A valid case for a fictional person whose reference is SECRET: a caution on 29 February."""
    data: dict[str, Any] = {
        "format": "sexoffender-rules/case",
        "version": 1,
        "jurisdiction": "england-and-wales",
        "person": {"reference": SECRET, "date_of_birth": "1980-01-01"},
        "triggers": [{"id": "t1", "kind": "caution", "date": "2020-02-29"}],
        "notifications": [
            {
                "id": "n1",
                "date": "2020-03-01",
                "kind": "initial",
                "names": [SECRET],
                "home_address": {"kind": "residence", "reference": SECRET},
                "other_premises": [SECRET],
            }
        ],
    }
    data.update(changes)
    return data


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def leap(tmp_path: Path) -> Path:
    return write(tmp_path / "leap-day caution.json", document())


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "example.json"
    shutil.copy(ROOT / "examples" / "01-new-conviction.json", target)
    return target


def test_the_console_script_is_installed_beside_the_interpreter() -> None:
    assert SCRIPT.exists()


# --------------------------------------------------------------------------------------------
# assess and explain, in every format, from a file or standard input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("command", ["assess", "explain"])
def test_text_format(entry: list[str], command: str, example: Path, tmp_path: Path) -> None:
    result = run(command, example, "--as-of", "2026-11-29", cwd=tmp_path, entry=entry)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Assessment on 2026-11-29")
    assert "compliant" in result.stdout.splitlines()[0]


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("command", ["assess", "explain"])
def test_markdown_format(entry: list[str], command: str, example: Path, tmp_path: Path) -> None:
    result = run(
        command, example, "--as-of", "2026-11-29", "--format", "markdown", cwd=tmp_path, entry=entry
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Assessment on 2026-11-29: compliant")
    assert "| Duty |" in result.stdout


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("command", ["assess", "explain"])
def test_json_format(entry: list[str], command: str, example: Path, tmp_path: Path) -> None:
    result = run(
        command, example, "--as-of", "2026-11-29", "--format", "json", cwd=tmp_path, entry=entry
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "sexoffender-rules/assessment"
    assert data["version"] == 2
    assert data["schema"] == "urn:sexoffender-rules:schema:assessment:2"
    assert data["headline"] == "compliant"
    assert data["as_of"] == "2026-11-29"
    assert data["registration"]["end"] == "2036-11-15"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_assesses_compliant(path: Path, tmp_path: Path) -> None:
    result = run("assess", path, "--as-of", "2026-11-29", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "compliant"


@pytest.mark.parametrize("command", ["assess", "explain"])
def test_case_from_standard_input(command: str, example: Path, tmp_path: Path) -> None:
    text = example.read_text(encoding="utf-8")
    piped = run(command, "-", "--as-of", "2026-11-29", "--format", "json", stdin=text, cwd=tmp_path)
    direct = run(command, example, "--as-of", "2026-11-29", "--format", "json", cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout) == json.loads(direct.stdout)


def test_as_of_defaults_to_today(example: Path, tmp_path: Path) -> None:
    result = run("assess", example, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # Only that it runs and assesses some day near today (midnight may pass during the run).
    as_of = date.fromisoformat(json.loads(result.stdout)["as_of"])
    assert abs((as_of - date.today()).days) <= 1


# --------------------------------------------------------------------------------------------
# Readings of the law
# --------------------------------------------------------------------------------------------


def registration_end(*extra: str, case: Path, cwd: Path) -> str:
    result = run("assess", case, "--as-of", "2021-01-01", "--format", "json", *extra, cwd=cwd)
    assert result.returncode == 0, result.stderr
    end: str = json.loads(result.stdout)["registration"]["end"]
    return end


def test_reading_leap_day_moves_the_end_of_registration(leap: Path, tmp_path: Path) -> None:
    # A caution: 2 years beginning with 29 February 2020. The anniversary has no 29 February.
    assert registration_end(case=leap, cwd=tmp_path) == "2022-02-28"
    moved = registration_end("--reading", "leap_day=previous_day", case=leap, cwd=tmp_path)
    assert moved == "2022-02-27"
    result = run(
        "explain", leap, "--as-of", "2021-01-01", "--reading", "leap_day=previous_day", cwd=tmp_path
    )
    assert result.returncode == 0
    assert "2022-02-27" in result.stdout


def test_reading_periodic_notifies_changes_is_a_true_or_false_reading(tmp_path: Path) -> None:
    # A name first used on 1 Jan 2021 and given only in the periodic notification of 2 Jan 2021:
    # it answers the change-of-name duty by default, and not under the literal reading.
    case = write(
        tmp_path / "periodic.json",
        document(
            events=[{"type": "name_used", "date": "2021-01-01", "name": "NAME-B"}],
            notifications=[
                {"id": "n1", "date": "2020-03-01", "kind": "initial", "names": ["NAME-A"]},
                {"id": "n2", "date": "2021-01-02", "kind": "periodic", "names": ["NAME-B"]},
            ],
        ),
    )

    def change_of_name(*extra: str) -> dict[str, Any]:
        result = run(
            "assess", case, "--as-of", "2021-02-01", "--format", "json", *extra, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        [duty] = [d for d in data["duties"] if d["kind"] == "change_of_name"]
        assert data["policy"]["periodic_notifies_changes"] is (extra == ())
        return duty

    assert change_of_name()["state"] == "met"
    literal = change_of_name("--reading", "periodic_notifies_changes=false")
    assert (literal["state"], literal["breach"]) == (
        "overdue",
        {"start": "2021-01-04", "end": None},
    )


@pytest.mark.parametrize(
    "reading",
    [
        "leap_day",
        "leap_day=sideways",
        "no_such_reading=next_day",
        "release_notified_by_attendance=1",
        "periodic_notifies_changes=no",
    ],
)
def test_bad_reading_is_a_usage_error(reading: str, leap: Path, tmp_path: Path) -> None:
    result = run("assess", leap, "--as-of", "2021-01-01", "--reading", reading, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--reading" in result.stderr


def test_strict_with_an_open_reading_is_invalid_input(leap: Path, tmp_path: Path) -> None:
    result = run("explain", leap, "--as-of", "2021-01-01", "--strict", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sexoffender-rules: ")
    assert "leap_day" in lines[0]


def test_strict_with_a_reading_chosen_runs(leap: Path, tmp_path: Path) -> None:
    end = registration_end(
        "--strict", "--reading", "leap_day=previous_day", case=leap, cwd=tmp_path
    )
    assert end == "2022-02-27"


# --------------------------------------------------------------------------------------------
# Files that cannot be read, or are not case documents
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["assess", "explain", "validate"])
@pytest.mark.parametrize("name", ["no such file.json", "a-directory"])
def test_unreadable_path_is_a_usage_error(command: str, name: str, tmp_path: Path) -> None:
    (tmp_path / "a-directory").mkdir()
    result = run(command, tmp_path / name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert str(tmp_path / name) in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["assess", "explain", "validate"])
def test_malformed_json_is_one_line_with_line_and_column(command: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "sexoffender-rules/case",\n  "version": 1,,\n}\n', "utf-8")
    result = run(command, bad, cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("sexoffender-rules: ")
    assert "line 3, column" in lines[0]


def test_malformed_json_on_standard_input(tmp_path: Path) -> None:
    result = run("assess", "-", stdin="[1, 2", cwd=tmp_path)
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1
    assert "line 1, column" in result.stderr


def test_a_file_that_is_not_utf8_is_invalid_input(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes(json.dumps(document()).encode("utf-8").replace(b"FICTIONAL", b"FICTI\xd6NAL"))
    result = run("assess", bad, cwd=tmp_path)
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1


def several_problems() -> dict[str, Any]:
    """Five problems in the fields, each in a different place; the reference is SECRET."""
    return document(
        version=1,
        person={"reference": SECRET, "date_of_birth": "1980-02-30"},
        triggers=[{"id": "t1", "kind": "caution", "date": "2020-2-29"}],
        detentions=[{"kind": "remand", "start": "2020-01-05", "end": "yesterday"}],
        notifications=[
            {"id": "n1", "date": "2020-03-01", "kind": "initial", "names": [SECRET], "x": 1}
        ],
        surplus=True,
    )


@pytest.mark.parametrize("command", ["assess", "explain", "validate"])
def test_invalid_document_reports_each_problem_on_its_own_line(
    command: str, tmp_path: Path
) -> None:
    bad = write(tmp_path / "bad.json", several_problems())
    result = (
        run(command, bad, "--format", "json", cwd=tmp_path)
        if command != "validate"
        else run(command, bad, cwd=tmp_path)
    )
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) >= 5, lines
    for line in lines:
        assert PROBLEM_LINE.match(line), line
    text = result.stderr
    for path in (
        "person.date_of_birth",
        "triggers[0].date",
        "detentions[0].end",
        "notifications[0]",
        "surplus",
    ):
        assert path in text, (path, text)
    if command == "validate":
        assert all(line.startswith(f"sexoffender-rules: {bad}: ") for line in lines)


def test_contradictions_are_reported_one_line_each(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "contradictions.json",
        document(
            triggers=[
                {"id": "t1", "kind": "caution", "date": "2020-02-29"},
                {"id": "t1", "kind": "caution", "date": "2020-03-02"},
            ],
            detentions=[{"kind": "remand", "start": "2020-01-05", "end": "2020-01-01"}],
        ),
    )
    result = run("validate", bad, cwd=tmp_path)
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    for line in lines:
        assert PROBLEM_LINE.match(line), line
    assert "triggers[1].id" in lines[0] + lines[1]
    assert "detentions[0].end" in lines[0] + lines[1]


def test_a_personal_value_in_the_wrong_field_is_not_repeated(tmp_path: Path) -> None:
    misplaced = document(
        triggers=[
            {
                "id": "t1",
                "kind": SECRET,
                "date": "2020-02-29",
                "disposal": {"type": "imprisonment", "term": {"months": SECRET}},
            }
        ],
    )
    bad = write(tmp_path / "misplaced.json", misplaced)
    command = [sys.executable, "-m", "sexoffender_rules", "validate", str(bad)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr


def test_validate_reports_good_and_bad_files(example: Path, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", several_problems())
    result = run("validate", example, bad, cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout.splitlines() == [f"{example}: valid"]
    lines = result.stderr.splitlines()
    assert len(lines) >= 5
    assert all(line.startswith(f"sexoffender-rules: {bad}: ") for line in lines)
    assert str(example) not in result.stderr


def test_validate_every_example(tmp_path: Path) -> None:
    result = run("validate", *EXAMPLES, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{p}: valid" for p in EXAMPLES]
    assert result.stderr == ""


def test_validate_standard_input(leap: Path, tmp_path: Path) -> None:
    result = run("validate", "-", stdin=leap.read_text(encoding="utf-8"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "-: valid"


def test_document_that_is_not_an_object(tmp_path: Path) -> None:
    result = run("assess", "-", stdin=json.dumps([SECRET]), cwd=tmp_path)
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    # assess and explain name the document ("-" for standard input) before the problem.
    assert lines[0].startswith("sexoffender-rules: -: (document): expected a JSON object")


def test_arithmetic_out_of_range_is_reported_without_traceback(tmp_path: Path) -> None:
    huge = document(
        triggers=[
            {
                "id": "t1",
                "kind": "conviction",
                "date": "2020-02-29",
                "disposal": {"type": "conditional_discharge", "period": {"years": 10**9}},
            }
        ]
    )
    result = run(
        "assess", write(tmp_path / "huge.json", huge), "--as-of", "2021-01-01", cwd=tmp_path
    )
    assert result.returncode == 3
    assert result.stderr.startswith("sexoffender-rules: ")
    calendar = run("calendar", "9999-12-31", cwd=tmp_path)
    assert calendar.returncode == 3
    assert calendar.stderr.startswith("sexoffender-rules: ")


# --------------------------------------------------------------------------------------------
# schema, rules, calendar
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_schema(entry: list[str], tmp_path: Path) -> None:
    result = run("schema", cwd=tmp_path, entry=entry)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$id"] == "urn:sexoffender-rules:schema:case:1"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_compare_with_the_crime_and_policing_act_reform(tmp_path: Path) -> None:
    # Example 01: NAME-B first used on 2026-11-25 and notified on 2026-11-26. Baseline: 3 days
    # beginning with 2026-11-25 -> 2026-11-27, met. Reform: by the day before first use,
    # 2026-11-24 -> met late, breach 2026-11-25 to 2026-11-26. The other examples use no new name.
    result = run(
        "compare", "--reform", "crime-and-policing-act-2026", "--as-of", "2026-11-29",
        *EXAMPLES, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{len(EXAMPLES)} cases compared on 2026-11-29 (")
    assert lines[0].endswith(": 1 differs.")
    assert lines[-1] == (
        "  change of name from 2026-11-25 (events[0]): deadline 2026-11-27 -> 2026-11-24; "
        "state met -> met late; breach none -> from 2026-11-25 to 2026-11-26"
    )
    data = json.loads(
        run(
            "compare", "--reform", "crime-and-policing-act-2026", "--as-of", "2026-11-29",
            "--format", "json", EXAMPLES[0], cwd=tmp_path,
        ).stdout
    )  # fmt: skip
    assert data["counts"]["changed"] == 1
    [duty] = data["cases"][0]["duties"]
    assert duty["changes"][0] == {
        "field": "deadline",
        "baseline": "2026-11-27",
        "reform": "2026-11-24",
    }


def test_compare_refuses_an_unknown_reform_and_invalid_cases(tmp_path: Path) -> None:
    unknown = run("compare", "--reform", "nothing", EXAMPLES[0], cwd=tmp_path)
    assert unknown.returncode == 2
    assert "crime-and-policing-act-2026" in unknown.stderr
    bad = write(tmp_path / "bad.json", several_problems())
    invalid = run("compare", "--reform", "crime-and-policing-act-2026", bad, cwd=tmp_path)
    assert invalid.returncode == 3
    assert all(
        line.startswith(f"sexoffender-rules: {bad}: ") for line in invalid.stderr.splitlines()
    )


def test_rules(tmp_path: Path) -> None:
    result = run("rules", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#")
    assert "s.82" in result.stdout
    assert result.stdout == (ROOT / "docs" / "england-and-wales.md").read_text(encoding="utf-8")


def test_calendar(tmp_path: Path) -> None:
    result = run("calendar", "2020-02-29", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Statutory periods from 2020-02-29 (Saturday), last day of each:"
    assert any("7 years beginning with" in line and "2027-02-28" in line for line in lines)
    assert any("one year after" in line and "2021-02-28" in line for line in lines)


# --------------------------------------------------------------------------------------------
# Usage errors and help
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param([], id="no-command"),
        pytest.param(["assess"], id="assess-without-case"),
        pytest.param(["explain"], id="explain-without-case"),
        pytest.param(["validate"], id="validate-without-case"),
        pytest.param(["calendar"], id="calendar-without-date"),
        pytest.param(["calendar", "29/02/2020"], id="calendar-bad-date"),
        pytest.param(["assess", "x.json", "--as-of", "2026-02-30"], id="bad-as-of"),
        pytest.param(["assess", "x.json", "--as-of", "20261129"], id="compact-as-of"),
        pytest.param(["assess", "x.json", "--format", "yaml"], id="bad-format"),
        pytest.param(["schema", "extra"], id="extra-argument"),
        pytest.param(["--no-such-option"], id="unknown-option"),
    ],
)
def test_usage_error(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("sexoffender-rules")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(command: str | None, tmp_path: Path) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""
    assert "example: sexoffender-rules" in result.stdout
    assert "usage: sexoffender-rules" in result.stdout
    assert "exit status: " in result.stdout
    for status in ("0 success", "2 usage error", "3 invalid input"):
        assert status in result.stdout, status


def test_help_from_the_console_script(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path, entry=[str(SCRIPT)])
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


# --------------------------------------------------------------------------------------------
# Hostile documents found by fuzzing: each gets the invalid-input status and a plain message
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deeply)"),
        ('{"version": ' + "9" * 5000 + "}", "not valid JSON (a number too long to read)"),
        ('{"format": "a", "format": "b"}', "not valid JSON (an object repeats a key)"),
    ],
    ids=["deep-nesting", "long-number", "repeated-key"],
)
def test_hostile_json_is_invalid_input_not_a_traceback(
    tmp_path: Path, text: str, message: str
) -> None:
    result = run("validate", "-", cwd=tmp_path, stdin=text)
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip() == f"sexoffender-rules: -: (document): {message}"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document()).encode("utf-8"))
    result = run("validate", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: valid"


def test_a_lone_surrogate_in_an_id_is_escaped_not_a_traceback(tmp_path: Path) -> None:
    data = document()
    data["triggers"][0]["id"] = "\ud800"
    text = json.dumps(data)  # ensure_ascii: the surrogate travels as \ud800
    result = run("explain", "-", "--as-of", "2024-03-10", cwd=tmp_path, stdin=text)
    assert result.returncode == 0, result.stderr
    assert "\\ud800" in result.stdout


def test_non_ascii_output_on_an_ascii_terminal_is_escaped(tmp_path: Path) -> None:
    data = document()
    data["triggers"][0]["id"] = "t\u00e9"
    command = [sys.executable, "-m", "sexoffender_rules", "explain", "-", "--as-of", "2024-03-10"]
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = subprocess.run(
        command, input=json.dumps(data).encode(), capture_output=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"t\\xe9" in result.stdout


def test_validate_refuses_a_jurisdiction_no_ruleset_can_assess(tmp_path: Path) -> None:
    text = json.dumps(document(jurisdiction="atlantis"))
    validated = run("validate", "-", cwd=tmp_path, stdin=text)
    assessed = run("assess", "-", "--as-of", "2024-03-10", cwd=tmp_path, stdin=text)
    assert (validated.returncode, assessed.returncode) == (3, 3)
    expected = "jurisdiction: no ruleset for it; known: england-and-wales"
    assert validated.stderr.strip() == f"sexoffender-rules: -: {expected}"
    assert "atlantis" not in validated.stderr + assessed.stderr


def test_unknown_keys_are_named_only_when_shaped_like_a_field(tmp_path: Path) -> None:
    data = document()
    data["person"]["dispossal"] = 1
    data["person"][SECRET + "\x1b[31m"] = 1
    result = run("validate", "-", cwd=tmp_path, stdin=json.dumps(data))
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "sexoffender-rules: -: person: unknown fields (a key that is not a field name), dispossal"
    )
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize(
    "digits",
    [
        "\u0661\u0669\u0668\u0660-\u0660\u0661-\u0660\u0661",
        "\uff11\uff19\uff18\uff10-\uff10\uff11-\uff10\uff11",
    ],
    ids=["arabic-indic", "fullwidth"],
)
def test_dates_in_other_digits_are_refused_without_repeating_them(
    tmp_path: Path, digits: str
) -> None:
    data = document()
    data["person"]["date_of_birth"] = digits
    result = run("validate", "-", cwd=tmp_path, stdin=json.dumps(data, ensure_ascii=False))
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "sexoffender-rules: -: person.date_of_birth: expected a date as YYYY-MM-DD, "
        "got text of another form"
    )


def test_a_term_longer_than_the_calendar_is_refused_by_validate(tmp_path: Path) -> None:
    data = document()
    data["triggers"][0] = {
        "id": "t1",
        "kind": "conviction",
        "date": "2024-02-29",
        "disposal": {"type": "imprisonment", "term": {"years": 10**9}},
    }
    result = run("validate", "-", cwd=tmp_path, stdin=json.dumps(data))
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "sexoffender-rules: -: triggers[0].disposal.term.years: expected at most 9999 "
        "(longer than the calendar)"
    )


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    from sexoffender_rules import __version__

    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"sexoffender-rules {__version__}"
