"""The command line: the only module that reads files, prints or exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from .calendar import (
    CalendarPeriod,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from .errors import SexOffenderRulesError
from .policy import Policy

EXIT_OK, EXIT_USAGE, EXIT_INVALID = 0, 2, 3


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _calendar(args: argparse.Namespace) -> str:
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
    for years in (2, 5, 7, 10):
        period = CalendarPeriod(years=years)
        rows.append(
            (
                f"{period} beginning with",
                last_day_of_period_beginning_with(start, period, policy),
                "s.82(1)",
            )
        )
        half = period.halved()
        rows.append(
            (
                f"{half} beginning with",
                last_day_of_period_beginning_with(start, half, policy),
                "s.82(2)",
            )
        )
    lines = [f"Statutory periods from {start.isoformat()} ({start:%A}), last day of each:"]
    lines += [
        f"  {label:<32} {last.isoformat()} ({last:%a})  SOA 2003 {cite}"
        for label, last, cite in rows
    ]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sexoffender-rules``."""
    parser = argparse.ArgumentParser(
        prog="sexoffender-rules",
        description="Sex offender notification requirements (Sexual Offences Act 2003, Part 2).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    calendar = commands.add_parser(
        "calendar",
        help="show the statutory periods that run from a date",
        description="Show the last day of each statutory period that runs from a date.",
        epilog="example: sexoffender-rules calendar 2026-03-06",
    )
    calendar.add_argument(
        "start", type=_iso_date, help="the date the periods run from (YYYY-MM-DD)"
    )
    calendar.set_defaults(handler=_calendar)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 usage error, 3 invalid input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        print(args.handler(args))
    except SexOffenderRulesError as error:
        print(f"sexoffender-rules: {error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK
