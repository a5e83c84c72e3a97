"""Mutation testing with mutmut, one module at a time (docs/testing.md).

    python tools/mutation.py calendar          # calendar.py with the calendar tests
    python tools/mutation.py engine            # engine.py with the engine and scenario tests
    python tools/mutation.py rules             # the England and Wales rules, same tests
    python tools/mutation.py rules-periodic    # one module of the rules, same tests
    python tools/mutation.py calendar --summary   # the counts of the last run only

mutmut reads its settings from ``[tool.mutmut]`` in pyproject.toml and mutates the project where
it runs. This script copies the project to ``.mutation/<target>/``, sets ``only_mutate`` and the
test selection for the target in the copy's pyproject.toml (the other settings are the project's
own), runs ``mutmut run --max-children 1`` there (one worker unless ``--workers N`` asks for more: the
run is long, and the machine may be shared), and prints the counts: killed, survived, not reached by a test, timed out. A second
run of the same target reuses the copy and mutmut's results for unchanged functions. mutmut runs
only on Linux and macOS (it forks); install it with ``pip install 'mutmut>=3.8'``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CALENDAR_TESTS = [
    "tests/test_calendar.py",
    "tests/test_calendar_properties.py",
    "tests/test_calendar_edges.py",
    "tests/test_calendar_fast_paths.py",
]
ENGINE_TESTS = [
    "tests/test_scenarios.py",
    "tests/test_status_scenarios.py",
    "tests/test_orders.py",
    "tests/test_review.py",
    "tests/test_resentencing.py",
    "tests/test_transitional.py",
    "tests/test_travel.py",
    "tests/test_parental_and_prescribed.py",
    "tests/test_reading_flags.py",
    "tests/test_engine_reasons.py",
    "tests/test_reason_statements.py",
]
TARGETS: dict[str, tuple[list[str], list[str]]] = {
    "calendar": (["src/sexoffender_rules/calendar.py"], CALENDAR_TESTS),
    # The reading flags (`_reading_dependence`, `_settles_alike`, `other_readings`) are checked
    # against a reference that tries every reading, and by counting the assessments made; what a
    # missing disposal leaves undetermined (`settle`, `_headline`) by the period edge tests and
    # their property.
    "engine": (
        ["src/sexoffender_rules/engine.py"],
        [
            *ENGINE_TESTS,
            "tests/test_reading_flags_exhaustive.py",
            "tests/test_gc_guard.py",
            "tests/test_other_readings.py",
            "tests/test_days_partly_away_short_cut.py",
            "tests/test_notification_period_edges.py",
            "tests/test_no_disposal_properties.py",
        ],
    ),
    # The package of the England and Wales rules (one module per part of the Act).
    "rules": (["src/sexoffender_rules/england_and_wales*"], ENGINE_TESTS),
}
# One module of the rules at a time, with the same tests (`rules-duties` is _duties.py): the
# whole package is several thousand mutants, many hours with one worker.
RULES = "src/sexoffender_rules/england_and_wales"
RULE_MODULES = [
    "_common",
    "_duties",
    "changes",
    "initial",
    "orders",
    "parental",
    "periodic",
    "prescribed",
    "reforms",
    "review",
    "subject",
    "travel",
]
# Further tests for one module's target, beyond ENGINE_TESTS (the tests that reach its rules).
EXTRA_TESTS: dict[str, list[str]] = {
    "parental": ["tests/test_parental_directions_edges.py"],
    "periodic": [
        "tests/test_periodic_notification_edges.py",
        "tests/test_orders_edges.py",
    ],
    "reforms": [
        "tests/test_crime_and_policing_act_2026.py",
        "tests/test_crime_and_policing_act_2026_edges.py",
    ],
    "prescribed": [
        "tests/test_prescribed_changes_edges.py",
        "tests/test_periodic_notification_edges.py",
    ],
    "common": [
        "tests/test_england_and_wales_citations.py",
        "tests/test_attaining_18_born_29_february.py",
    ],
    "duties": ["tests/test_days_partly_away_short_cut.py", "tests/test_orders_edges.py"],
    "initial": [
        "tests/test_initial_notification_exception_edges.py",
        "tests/test_hostile_documents.py",
        "tests/test_orders_edges.py",
    ],
    "travel": [
        "tests/test_travel_change_return.py",
        "tests/test_law_over_time.py",
        "tests/test_travel_notification_reasons.py",
        "tests/test_travel_notification_edges.py",
    ],
    "review": [
        "tests/test_orders_abroad_and_risk.py",
        "tests/test_review_of_indefinite_requirements.py",
    ],
    "changes": [
        "tests/test_crime_and_policing_act_2026.py",
        "tests/test_travel_change_return.py",
        "tests/test_notification_of_changes_edges.py",
        "tests/test_notification_of_changes_duties.py",
        "tests/test_release_notification_edges.py",
    ],
    "orders": ["tests/test_orders_abroad_and_risk.py", "tests/test_orders_edges.py"],
    "subject": [
        "tests/test_notification_period_reasons.py",
        "tests/test_orders_abroad_and_risk.py",
        "tests/test_law_over_time.py",
        "tests/test_crime_and_policing_act_2026.py",
        "tests/test_custody_edges.py",
        "tests/test_notification_period_edges.py",
        "tests/test_orders_edges.py",
    ],
}
TARGETS.update(
    {
        f"rules-{m.lstrip('_')}": (
            [f"{RULES}/{m}.py"],
            ENGINE_TESTS + EXTRA_TESTS.get(m.lstrip("_"), []),
        )
        for m in RULE_MODULES
    }
)
COPIED = ["src", "tests", "examples", "docs", "README.md", "mkdocs.yml", "pyproject.toml"]


def toml_list(values: list[str]) -> str:
    """``values`` as a TOML array of strings.

    >>> toml_list(["a.py", "b.py"])
    '["a.py", "b.py"]'
    """
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def with_target(pyproject: str, mutate: list[str], tests: list[str]) -> str:
    """The text of pyproject.toml with ``only_mutate`` and the test selection of ``[tool.mutmut]``
    set to ``mutate`` and ``tests``.

    >>> text = '[tool.mutmut]\\nonly_mutate = ["x.py"]\\npytest_add_cli_args_test_selection = []\\n'
    >>> print(with_target(text, ["y.py"], ["tests/t.py"]), end="")
    [tool.mutmut]
    only_mutate = ["y.py"]
    pytest_add_cli_args_test_selection = ["tests/t.py"]
    """
    for key, values in (("only_mutate", mutate), ("pytest_add_cli_args_test_selection", tests)):
        pattern = re.compile(rf"^{key} = .*$", re.MULTILINE)
        if not pattern.search(pyproject):
            raise SystemExit(f"pyproject.toml: [tool.mutmut] has no {key} line")
        pyproject = pattern.sub(f"{key} = {toml_list(values)}", pyproject)
    return pyproject


def prepare(target: str) -> Path:
    """Copy the project to ``.mutation/<target>/`` (keeping mutmut's earlier results there)."""
    work = ROOT / ".mutation" / target
    work.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source, copy = ROOT / name, work / name
        if source.is_dir():
            shutil.copytree(
                source,
                copy,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"),
            )
        else:
            shutil.copy2(source, copy)
    mutate, tests = TARGETS[target]
    pyproject = work / "pyproject.toml"
    pyproject.write_text(with_target(pyproject.read_text(), mutate, tests))
    return work


def counts(results: str) -> Counter[str]:
    """The number of mutants in each state, from ``mutmut results --all true``.

    >>> counts("m.x__mutmut_1: killed\\nm.x__mutmut_2: survived\\nm.y__mutmut_1: no tests\\n")
    Counter({'killed': 1, 'survived': 1, 'no tests': 1})
    """
    found: Counter[str] = Counter()
    for line in results.splitlines():
        name, sep, state = line.rpartition(": ")
        if sep and "__mutmut_" in name:
            found[state.strip()] += 1
    return found


def summary(found: Counter[str]) -> str:
    """One line of counts, with the share killed (a timeout counts as killed: the mutant made the
    tests hang, which fails them).

    >>> summary(Counter({"killed": 8, "timeout": 1, "survived": 1}))
    '10 mutants: 8 killed, 1 timed out, 1 survived, 0 not reached by a test (90.0% killed)'
    """
    total = sum(found.values())
    killed = found["killed"] + found["timeout"]
    share = 100 * killed / total if total else 0.0
    return (
        f"{total} mutants: {found['killed']} killed, {found['timeout']} timed out, "
        f"{found['survived']} survived, {found['no tests']} not reached by a test "
        f"({share:.1f}% killed)"
    )


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, options anywhere (before or after the target and the mutant names).

    >>> arguments(["engine", "--workers", "2", "x_settle*"]).mutants
    ['x_settle*']
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--summary", action="store_true", help="print the last run's counts")
    parser.add_argument(
        "--workers", type=int, default=1, help="mutants run at once (mutmut's --max-children)"
    )
    parser.add_argument("mutants", nargs="*", help="mutant names or globs, as mutmut takes them")
    return parser.parse_intermixed_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    work = prepare(args.target) if not args.summary else ROOT / ".mutation" / args.target
    mutmut = [sys.executable, "-m", "mutmut"]
    if not args.summary:
        subprocess.run(
            [*mutmut, "run", "--max-children", str(args.workers), *args.mutants],
            cwd=work,
            check=False,
        )
    results = subprocess.run(
        [*mutmut, "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (work / "results.txt").write_text(results)
    print(f"{args.target}: {summary(counts(results))}")
    print(f"each mutant's state: {work / 'results.txt'}; show one with `mutmut show NAME` there")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
