"""The command line, ``sexoffender-rules``: the only module that reads files, prints or exits.

Exit status: 0 success; 2 usage error (bad arguments, unreadable file); 3 invalid input (a case
that does not load, a caseload with an invalid line, a profile document that does not load, or an
answer that depends on a reading a strict policy leaves open). Errors go to standard error, one
line per problem, never as a traceback, and never with personal values. ``report`` and
``generate`` show a progress bar (tqdm) on standard error when it is a terminal.

Output is stable enough to compare between runs: it holds no timestamp and no value that
depends on the run (only ``--as-of``, which defaults to today, does); JSON keys come in a fixed
order, and lists in the order of the result (duties by date, then kind, then fact).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import IO, Any, NoReturn, TextIO

import attrs
from tqdm import tqdm

from .assessment import Assessment
from .calendar import (
    CalendarPeriod,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from .caseload import (
    REGISTER_DATE,
    CaseloadReport,
    assess_many,
    generate_register,
    render_csv,
    render_json,
    render_text,
    status_text,
    status_to_data,
)
from .compare import compare
from .documents import (
    assessment_schema,
    assessment_to_data,
    case_from_data,
    case_schema,
    parse_json,
    profile_from_data,
    profile_to_data,
)
from .engine import assess
from .errors import CaseValidationError, SexOffenderRulesError
from .explain import explain, explain_markdown, ruleset_markdown, summary
from .model import Case
from .picture import timeline_svg
from .policy import Policy
from .rulesets import (
    UnknownJurisdictionError,
    UnknownReformError,
    reform_named,
    reforms,
    ruleset_for,
)
from .whereabouts import PROFILES, STATUS_NAMES, Profile, assess_status
from .whynot import QUESTIONS, why_not, why_not_text, why_not_to_data

__all__ = ["main"]

EXIT_OK, EXIT_USAGE, EXIT_INVALID = 0, 2, 3
EXIT_STATUS_HELP = (
    "exit status: 0 success; 2 usage error (bad arguments, a file that cannot be read); "
    "3 invalid input (a document that does not load, or an answer that depends on a reading "
    "--strict leaves open)"
)


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


def _load_case(path: str, stdin: TextIO) -> Case:
    return case_from_data(_read_json(path, stdin))


def _case(args: argparse.Namespace, stdin: TextIO) -> Case:
    """The case document named by ``args.case``; an invalid one exits with status 3."""
    try:
        return _load_case(args.case, stdin)
    except CaseValidationError as error:
        raise _Invalid([f"{args.case}: {problem}" for problem in error.problems], "") from None


def _assessment(args: argparse.Namespace, stdin: TextIO) -> tuple[Case, Assessment]:
    policy = _policy(args.reading, args.strict)
    case = _case(args, stdin)
    return case, assess(case, args.as_of, policy)


def _render(
    case_and_assessment: tuple[Case, Assessment], fmt: str, text: Callable[[Assessment], str]
) -> str:
    case, assessment = case_and_assessment
    if fmt == "svg":
        return timeline_svg(case, assessment).rstrip("\n")
    if fmt == "json":
        return json.dumps(assessment_to_data(assessment), indent=2)
    if fmt == "markdown":
        return explain_markdown(assessment)
    return text(assessment)


def _cmd_assess(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    return EXIT_OK, _render(_assessment(args, stdin), args.format, summary)


def _cmd_explain(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    if args.depth is not None and args.depth < 1:
        raise _UsageError("--depth: expected 1 or more")
    if args.why_not is not None:
        return _why_not(args, stdin)
    case_and_assessment = _assessment(args, stdin)
    if args.format in ("json", "svg"):
        return EXIT_OK, _render(case_and_assessment, args.format, explain)
    a = case_and_assessment[1]
    render = explain_markdown if args.format == "markdown" else explain
    return EXIT_OK, render(a, depth=args.depth, hide_routine=args.hide_routine)


def _why_not(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    if args.format in ("markdown", "svg"):
        raise _UsageError(f"--why-not: the output is text or json, not {args.format}")
    policy = _policy(args.reading, args.strict)
    profile = _profile(args.profile, stdin)
    case = _case(args, stdin)
    answer = why_not(case, args.as_of, args.why_not, policy=policy, profile=profile)
    if args.format == "json":
        return EXIT_OK, json.dumps(why_not_to_data(answer), indent=2)
    return EXIT_OK, why_not_text(answer, failed_only=args.hide_routine)


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
    return EXIT_OK, json.dumps(assessment_schema() if args.result else case_schema(), indent=2)


def _cmd_compare(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    policy = _policy(args.reading, args.strict)
    try:
        reform = reform_named(args.reform)
    except UnknownReformError as error:
        raise _UsageError(f"--reform: {error}") from None
    baseline = None
    cases, problems = [], []
    for path in args.cases:
        try:
            case = _load_case(path, stdin)
            ruleset = ruleset_for(case.jurisdiction)
        except CaseValidationError as error:
            problems += [f"{path}: {problem}" for problem in error.problems]
        except UnknownJurisdictionError as error:
            problems.append(f"{path}: {error}")
        else:
            if ruleset.name != reform.baseline:
                problems.append(f"{path}: jurisdiction: the reform is not one of its ruleset")
            else:
                baseline = ruleset
                cases.append(case)
    if problems or baseline is None:
        raise _Invalid(problems, "")
    result = compare(cases, baseline, reform, args.as_of, policy)
    if args.format == "json":
        return EXIT_OK, json.dumps(result.to_data(), indent=2)
    return EXIT_OK, result.text()


def _cmd_rules(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    return EXIT_OK, ruleset_markdown(ruleset_for("england-and-wales"))


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


def _profile(text: str | None, stdin: TextIO) -> Profile:
    """The shipped profile called ``text``, or the profile document in the file ``text``."""
    if text is None:
        return PROFILES["trace-enquiry"]
    if text in PROFILES:
        return PROFILES[text]
    if not os.path.exists(text) and text != "-":
        raise _UsageError(
            f"--profile: {text!r} is neither a shipped profile ({', '.join(sorted(PROFILES))}) "
            "nor a file"
        )
    try:
        return profile_from_data(_read_json(text, stdin))
    except CaseValidationError as error:
        raise _Invalid([f"{text}: {problem}" for problem in error.problems], "") from None


def _progress(stream: TextIO, total: int | None, unit: str) -> Any:
    """A progress bar on ``stream``, shown only when it is a terminal."""
    shown = hasattr(stream, "isatty") and stream.isatty()
    return tqdm(total=total, file=stream, unit=unit, disable=not shown, leave=False)


def _caseload_lines(handle: IO[Any]) -> Iterator[tuple[int, Any]]:
    """Each line of a JSON Lines source that is not blank, with its line number (from 1)."""
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield number, line


def _count_lines(path: str) -> int | None:
    try:
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return None


def _cmd_report(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    profile = _profile(args.profile, stdin)
    policy = _policy(args.reading, False)
    if args.workers < 1:
        raise _UsageError("--workers: expected 1 or more")
    stderr: TextIO = args.stderr
    report = CaseloadReport(as_of=args.as_of, profile=profile.label)
    invalid = 0
    with contextlib.ExitStack() as stack:
        if args.caseload == "-":
            handle: IO[Any] = getattr(stdin, "buffer", stdin)
            total = None
        else:
            try:
                handle = stack.enter_context(open(args.caseload, "rb"))
            except OSError as error:
                raise _UsageError(
                    f"{args.caseload}: cannot read the file ({error.strerror or 'error'})"
                ) from None
            total = _count_lines(args.caseload)
        bar = stack.enter_context(_progress(stderr, total, "case"))
        results = assess_many(
            _caseload_lines(handle),
            args.as_of,
            profile=profile,
            policy=policy,
            workers=args.workers,
            summary=True,
        )
        traced: list[str] = []
        for result in results:
            report.add(result)
            bar.update(1)
            counted = result.counted
            if (
                args.cases
                and counted is not None
                and (
                    args.cases in counted.flag_names or args.cases == f"headline:{counted.headline}"
                )
            ):
                traced.append(
                    f"{args.caseload}:{result.line}\t{result.reference}\t"
                    f"{counted.managing_force or '(no force recorded)'}\t"
                    f"{counted.headline}"
                )
            if not result.ok:
                invalid += 1
                for problem in result.problems:
                    print(
                        f"sexoffender-rules: {args.caseload}:{result.line}: {problem}", file=stderr
                    )
    by_force = args.by == "force"
    render = {"text": render_text, "csv": render_csv, "json": render_json}[args.format]
    if args.cases:
        # Each case behind a count, for `sexoffender-rules status` to explain one by one.
        heading = (
            f"Cases with {args.cases} on {args.as_of.isoformat()} "
            "(line, reference, force, headline):"
        )
        return (EXIT_INVALID if invalid else EXIT_OK), "\n".join([heading, *traced])
    return (EXIT_INVALID if invalid else EXIT_OK), render(report, by_force)


def _cmd_generate(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    if args.size < 0:
        raise _UsageError("--size: expected 0 or more")
    with contextlib.ExitStack() as stack:
        if args.output == "-":
            out: TextIO = args.stdout
        else:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline="\n"))
            except OSError as error:
                raise _UsageError(
                    f"{args.output}: cannot write the file ({error.strerror or 'error'})"
                ) from None
        bar = stack.enter_context(_progress(args.stderr, args.size, "case"))
        try:
            for document in generate_register(args.size, args.seed, args.on):
                out.write(json.dumps(document, separators=(",", ":")) + "\n")
                bar.update(1)
            out.flush()
        except BrokenPipeError:
            # The reader stopped early (``| head``), as for the other commands' output.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    return EXIT_OK, ""


def _cmd_profiles(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    if args.format == "json":
        return EXIT_OK, json.dumps([profile_to_data(p) for p in PROFILES.values()], indent=2)
    lines = []
    for name, profile in PROFILES.items():
        default = " (default)" if name == "trace-enquiry" else ""
        lines.append(f"{profile.label}{default}\n    {profile.description}")
    return EXIT_OK, "\n".join(lines)


def _cmd_status(args: argparse.Namespace, stdin: TextIO) -> tuple[int, str]:
    profile = _profile(args.profile, stdin)
    policy = _policy(args.reading, False)
    case = _case(args, stdin)
    status = assess_status(case, args.as_of, profile, policy)
    if args.format == "json":
        return EXIT_OK, json.dumps(status_to_data(status), indent=2)
    return EXIT_OK, status_text(status)


def _profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="NAME|FILE",
        help="the police-policy profile: a shipped one (see 'profiles'; default trace-enquiry) "
        "or a profile document (JSON)",
    )
    parser.add_argument(
        "--reading",
        type=_reading,
        action="append",
        metavar="NAME=VALUE",
        help="choose a reading of the law, e.g. leap_day=previous_day (repeatable; see docs)",
    )


def _as_of_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_iso_date,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help="the date to assess on (default: today)",
    )


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
        "--format",
        choices=("text", "markdown", "json", "svg"),
        default="text",
        help="output format; svg: the timeline picture (notification period, custody and time "
        "abroad, each duty's window, deadline and breach, the notifications)",
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


def _package_version() -> str:
    from . import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sexoffender-rules``.

    >>> build_parser().prog
    'sexoffender-rules'
    """
    parser = _Parser(
        prog="sexoffender-rules",
        description="Notification requirements for registered sex offenders "
        "(Sexual Offences Act 2003, Part 2): assess a case, explain it, validate it; a person's "
        "status and whereabouts; caseload reports.",
        epilog="example: sexoffender-rules explain examples/01-new-conviction.json --as-of "
        f"2026-11-29\n\n{EXIT_STATUS_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_package_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, help_: str, example: str, handler: Callable[..., tuple[int, str]]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_,
            description=help_[0].upper() + help_[1:] + ".",
            epilog=f"example: {example}\n\n{EXIT_STATUS_HELP}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
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
    explain_ = command(
        "explain",
        "explain an assessment step by step, with the provision behind each step and its link "
        "to legislation.gov.uk; or, with --why-not, which conditions of a duty or status failed",
        "sexoffender-rules explain examples/01-new-conviction.json --as-of 2026-11-29 "
        "--depth 3 --hide-routine\n"
        "         sexoffender-rules explain examples/01-new-conviction.json --as-of 2026-11-29 "
        "--why-not breach",
        _cmd_explain,
    )
    _case_arguments(explain_)
    explain_.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="text and markdown: show only N levels: 1 the headline, 2 the registration, "
        "sources and duties, 3 the reasons with their citations, 4 the links (default: all)",
    )
    explain_.add_argument(
        "--hide-routine",
        action="store_true",
        help="text and markdown: leave out routine duties (met on or before the deadline); "
        "with --why-not, the conditions that held",
    )
    explain_.add_argument(
        "--why-not",
        choices=sorted(QUESTIONS),
        metavar="KIND",
        help="instead of the explanation, answer a 'why not' question: "
        + ", ".join(sorted(QUESTIONS))
        + " (each item with its conditions, held or failed, and their rules)",
    )
    explain_.add_argument(
        "--profile",
        metavar="NAME|FILE",
        help="for --why-not missing: the police-policy profile (default trace-enquiry)",
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
    schema = command(
        "schema",
        "print the JSON Schema of the case format, or with --result of the assessment result",
        "sexoffender-rules schema --result > assessment.schema.json",
        _cmd_schema,
    )
    schema.add_argument(
        "--result",
        action="store_true",
        help="the schema of the JSON result (assess/explain --format json) instead",
    )
    command(
        "rules",
        "print every rule with its citation and the readings of the law, as Markdown",
        "sexoffender-rules rules > docs/england-and-wales.md",
        _cmd_rules,
    )
    compare_ = command(
        "compare",
        "compare cases under their jurisdiction's ruleset and under a registered reform: which "
        "results differ and how (headline, end of registration, each duty added, removed or "
        "changed)",
        "sexoffender-rules compare --reform crime-and-policing-act-2026 --as-of 2026-11-29 "
        "examples/*.json",
        _cmd_compare,
    )
    compare_.add_argument(
        "cases", nargs="+", metavar="CASE", help="case documents, or - for standard input"
    )
    compare_.add_argument(
        "--reform",
        required=True,
        metavar="NAME",
        help=f"the registered reform to compare with (known: {', '.join(reforms())})",
    )
    _as_of_argument(compare_)
    compare_.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format"
    )
    compare_.add_argument(
        "--reading",
        type=_reading,
        action="append",
        metavar="NAME=VALUE",
        help="choose a reading of the law, e.g. leap_day=previous_day (repeatable; see docs)",
    )
    compare_.add_argument(
        "--strict",
        action="store_true",
        help="leave every open reading open: fail (status 3) where the answer depends on one",
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
    status = command(
        "status",
        "show one person's status: headline, whereabouts with reasons, every flag with its basis",
        "sexoffender-rules status examples/01-new-conviction.json --as-of 2026-11-29 "
        "--profile time-based",
        _cmd_status,
    )
    status.add_argument(
        "case", metavar="CASE", help="a case document (JSON), or - for standard input"
    )
    _as_of_argument(status)
    status.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    _profile_argument(status)
    report = command(
        "report",
        "count a caseload (JSON Lines, one case a line) by status and police force; "
        "exit status 3 if any line is invalid (each reported as CASELOAD:LINE: problem)",
        "sexoffender-rules report register.jsonl --as-of 2024-03-31 --by force --format csv",
        _cmd_report,
    )
    report.add_argument(
        "caseload", metavar="CASELOAD", help="case documents as JSON Lines, or - for standard input"
    )
    _as_of_argument(report)
    report.add_argument(
        "--by", choices=("force",), help="a row for each managing force as well as the total"
    )
    report.add_argument(
        "--format", choices=("text", "csv", "json"), default="text", help="output format"
    )
    report.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes to assess in (default 1)"
    )
    report.add_argument(
        "--cases",
        choices=[*STATUS_NAMES, *(f"headline:{name}" for name in STATUS_NAMES)],
        metavar="STATUS",
        help="instead of the table, list the cases behind one count: a flag such as missing or "
        "wanted (as the columns count), or headline:NAME (as the headline counts); each with "
        "its line, reference, force and headline, to explain with 'sexoffender-rules status'",
    )
    _profile_argument(report)
    generate = command(
        "generate",
        "write a seeded synthetic register of fictional cases as JSON Lines",
        "sexoffender-rules generate --size 70052 --seed 1 --output register.jsonl",
        _cmd_generate,
    )
    generate.add_argument("--size", type=int, required=True, metavar="N", help="number of cases")
    generate.add_argument("--seed", type=int, required=True, metavar="S", help="the random seed")
    generate.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write, or - for standard output",
    )
    generate.add_argument(
        "--on",
        type=_iso_date,
        default=REGISTER_DATE,
        metavar="YYYY-MM-DD",
        help=f"the register's snapshot date (default {REGISTER_DATE.isoformat()})",
    )
    profiles = command(
        "profiles",
        "list the police-policy profiles shipped (name@version and description)",
        "sexoffender-rules profiles --format json > profiles.json",
        _cmd_profiles,
    )
    profiles.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format"
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
        args.stdout, args.stderr = stdout, stderr
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
