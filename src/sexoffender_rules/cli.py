"""The command line, ``sexoffender-rules``: the only module that reads files, prints or exits.

Exit status: 0 success; 2 usage error (bad arguments, unreadable file); 3 invalid input (a case
that does not load, or an answer that depends on a reading a strict policy leaves open). Errors go
to standard error, one line per problem, never as a traceback, and never with personal values.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn, TextIO

import attrs

from .assessment import Assessment
from .calendar import (
    CalendarPeriod,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from .documents import assessment_to_data, case_from_data, case_schema
from .engine import UnknownJurisdictionError, assess, ruleset_for
from .errors import CaseValidationError, SexOffenderRulesError
from .explain import explain, explain_markdown, ruleset_markdown, summary
from .model import Case
from .policy import Policy

__all__ = ["main", "parse_json"]

EXIT_OK, EXIT_USAGE, EXIT_INVALID = 0, 2, 3


class _UsageError(Exception):
    """A problem with the command's arguments or files (exit status 2)."""


class _Invalid(Exception):
    """Some documents were invalid: ``problems`` go to standard error, ``output`` to standard
    output."""

    def __init__(self, problems: list[str], output: str) -> None:
        super().__init__(problems)
        self.problems, self.output = problems, output


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text) if len(text) == 10 else date.fromisoformat("invalid")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _reading(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r} is not of the form NAME=VALUE")
    return name.strip(), value.strip()


def _policy(readings: list[tuple[str, str]] | None, strict: bool) -> Policy:
    base = Policy.strict() if strict else Policy()
    fields = {f.name: f for f in attrs.fields(Policy)}
    changes: dict[str, Any] = {}
    for name, value in readings or []:
        if name not in fields:
            raise _UsageError(f"--reading: unknown reading {name!r}; known: {', '.join(fields)}")
        if fields[name].type in ("bool", bool):
            if value not in ("true", "false"):
                raise _UsageError(f"--reading {name}: expected true or false")
            changes[name] = value == "true"
        else:
            changes[name] = value
    try:
        return attrs.evolve(base, **changes)
    except ValueError as error:
        raise _UsageError(f"--reading: {error}") from None


def _read_json(path: str, stdin: TextIO) -> Any:
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as error:
        raise _UsageError(f"{path}: cannot read the file ({error.strerror or 'error'})") from None
    except UnicodeDecodeError:
        raise CaseValidationError(["(document): the file is not UTF-8 text"]) from None
    return parse_json(text)


def parse_json(text: str) -> Any:
    """Decode a JSON document strictly: a leading byte-order mark is allowed; an object that
    repeats a key, nesting too deep to follow, or a number too long to read is refused with
    :class:`~sexoffender_rules.errors.CaseValidationError` (never another exception).

    >>> parse_json('\ufeff{"a": 1}')
    {'a': 1}
    >>> parse_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    sexoffender_rules.errors.CaseValidationError: 1 problem in the case:
      (document): not valid JSON (an object repeats a key)
    """
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


def _load_case(path: str, stdin: TextIO) -> Case:
    return case_from_data(_read_json(path, stdin))


def _assessment(args: argparse.Namespace, stdin: TextIO) -> Assessment:
    policy = _policy(args.reading, args.strict)
    try:
        case = _load_case(args.case, stdin)
    except CaseValidationError as error:
        raise _Invalid([f"{args.case}: {problem}" for problem in error.problems], "") from None
    return assess(case, args.as_of, policy)


def _render(assessment: Assessment, fmt: str, text: Callable[[Assessment], str]) -> str:
    if fmt == "json":
        return json.dumps(assessment_to_data(assessment), indent=2)
    if fmt == "markdown":
        return explain_markdown(assessment)
    return text(assessment)


def _cmd_assess(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    return EXIT_OK, _render(_assessment(args, stdin), args.format, summary)


def _cmd_explain(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    return EXIT_OK, _render(_assessment(args, stdin), args.format, explain)


def _cmd_validate(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    lines, problems = [], []
    for path in args.cases:
        try:
            case = _load_case(path, stdin)
            ruleset_for(case.jurisdiction)  # a case no ruleset can assess is not valid
        except CaseValidationError as error:
            problems += [f"{path}: {problem}" for problem in error.problems]
        except UnknownJurisdictionError as error:
            problems.append(f"{path}: {error}")
        else:
            lines.append(f"{path}: valid")
    if problems:
        raise _Invalid(problems, "\n".join(lines))
    return EXIT_OK, "\n".join(lines)


def _cmd_schema(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    return EXIT_OK, json.dumps(case_schema(), indent=2)


def _cmd_rules(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    from .england_and_wales import ENGLAND_AND_WALES

    return EXIT_OK, ruleset_markdown(ENGLAND_AND_WALES)


def _cmd_calendar(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    start: date = args.start
    policy = Policy()
    rows = [
        ("3 days beginning with", last_day_of_days_beginning_with(start, 3), "s.83(1), s.84(1)"),
        (
            "one week after",
            last_day_of_period_after(start, CalendarPeriod(weeks=1), policy),
            "s.85(5)(a)",
        ),
        (
            "one year after",
            last_day_of_period_after(start, CalendarPeriod(years=1), policy),
            "s.85(5)(b)",
        ),
    ]
    periods: dict[CalendarPeriod, list[str]] = {}
    for years in (2, 5, 7, 10):
        whole = CalendarPeriod(years=years)
        periods.setdefault(whole, []).append("s.82(1)")
        periods.setdefault(whole.halved(), []).append("s.82(2)")
    for p, cites in sorted(periods.items(), key=lambda item: item[0].total_months):
        last = last_day_of_period_beginning_with(start, p, policy)
        rows.append((f"{p} beginning with", last, ", ".join(cites)))
    lines = [f"Statutory periods from {start.isoformat()} ({start:%A}), last day of each:"]
    lines += [
        f"  {label:<32} {last.isoformat()} ({last:%a})  SOA 2003 {cite}"
        for label, last, cite in rows
    ]
    return EXIT_OK, "\n".join(lines)


def _case_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "case", metavar="CASE", help="a case document (JSON), or - for standard input"
    )
    parser.add_argument(
        "--as-of",
        type=_iso_date,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help="the date to assess on (default: today)",
    )
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    parser.add_argument(
        "--reading",
        type=_reading,
        action="append",
        metavar="NAME=VALUE",
        help="choose a reading of the law, e.g. leap_day=previous_day (repeatable; see docs)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="leave every open reading open: fail (status 3) where the answer depends on one",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sexoffender-rules``.

    >>> build_parser().prog
    'sexoffender-rules'
    """
    parser = _Parser(
        prog="sexoffender-rules",
        description="Notification requirements for registered sex offenders "
        "(Sexual Offences Act 2003, Part 2): assess a case, explain it, validate it.",
        epilog="example: sexoffender-rules explain examples/01-new-conviction.json --as-of 2026-11-29",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, help_: str, example: str, handler: Callable[..., tuple[int, str]]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_,
            description=help_[0].upper() + help_[1:] + ".",
            epilog=f"example: {example}",
        )
        sub.set_defaults(handler=handler)
        return sub

    _case_arguments(
        command(
            "assess",
            "assess a case: registration, every duty, its state and the headline",
            "sexoffender-rules assess examples/01-new-conviction.json --as-of 2026-11-29 --format json",
            _cmd_assess,
        )
    )
    _case_arguments(
        command(
            "explain",
            "explain an assessment step by step, with the provision behind each step",
            "sexoffender-rules explain examples/01-new-conviction.json --as-of 2026-11-29",
            _cmd_explain,
        )
    )
    validate = command(
        "validate",
        "check case documents and report every problem with its path",
        "sexoffender-rules validate examples/*.json",
        _cmd_validate,
    )
    validate.add_argument(
        "cases", nargs="+", metavar="CASE", help="case documents, or - for standard input"
    )
    command(
        "schema",
        "print the JSON Schema of the case format",
        "sexoffender-rules schema > case.schema.json",
        _cmd_schema,
    )
    command(
        "rules",
        "print every rule with its citation and the readings of the law, as Markdown",
        "sexoffender-rules rules > docs/england-and-wales.md",
        _cmd_rules,
    )
    calendar = command(
        "calendar",
        "show the last day of each statutory period that runs from a date",
        "sexoffender-rules calendar 2020-02-29",
        _cmd_calendar,
    )
    calendar.add_argument(
        "start", type=_iso_date, help="the date the periods run from (YYYY-MM-DD)"
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit status (0 ok, 2 usage error, 3 invalid input)."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    for stream in (stdout, stderr):
        # Text that the terminal's encoding cannot show (a lone surrogate from JSON, any
        # non-ASCII text on a non-UTF-8 terminal) is escaped, never a traceback.
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace, TextIO], tuple[int, str]] = args.handler
        status, output = handler(args, stdin)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except _UsageError as error:
        message = str(error)
        if not message.startswith("sexoffender-rules"):
            message = f"sexoffender-rules: {message}"
        print(message, file=stderr)
        return EXIT_USAGE
    except _Invalid as invalid:
        if invalid.output:
            print(invalid.output, file=stdout)
        for problem in invalid.problems:
            print(f"sexoffender-rules: {problem}", file=stderr)
        return EXIT_INVALID
    except CaseValidationError as error:
        for problem in error.problems:
            print(f"sexoffender-rules: {problem}", file=stderr)
        return EXIT_INVALID
    except SexOffenderRulesError as error:
        for line in str(error).splitlines():
            print(f"sexoffender-rules: {line}", file=stderr)
        return EXIT_INVALID
    if output:
        try:
            print(output, file=stdout)
            stdout.flush()
        except BrokenPipeError:
            # The reader stopped early (``| head``): not an error of ours. Point standard output
            # at nothing so that the interpreter's own flush at exit stays quiet.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
    return status
