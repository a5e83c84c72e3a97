"""A coverage-guided fuzz target (atheris) for the case document loader and the command line.

The test suite fuzzes the same entry points with hypothesis on every run
(tests/test_fuzz_documents.py); this target is for long runs, hours rather than seconds, guided by
coverage. Each input is a byte string, given to:

- the loader: decoded as UTF-8, parsed (:func:`~sexoffender_rules.documents.parse_json`) and
  built into a case (:func:`~sexoffender_rules.documents.case_from_data`), which must give a case
  or raise :class:`~sexoffender_rules.errors.CaseValidationError`, and nothing else;
- the command line: ``sexoffender-rules validate FILE`` on a file holding the bytes, which must
  exit with status 0 or 3, and, for a valid case, ``assess`` and ``explain`` on a date, which
  must exit with 0 (or 3).

No message may carry a traceback or repeat a value marked as personal: the seeds mark every
personal value with ``PV-`` (a name, a reference, an address), and mutated inputs keep the mark.
A failure raises, and atheris saves the input that caused it.

Running it (atheris is not in the ``test`` extra; it builds on Linux and macOS with Python 3.8
to 3.11 and needs a wheel or clang with libFuzzer):

    pip install -e '.[test]' 'atheris>=2.3'
    python fuzz/fuzz_documents.py --write-seeds fuzz/corpus     # examples and golden scenarios
    python fuzz/fuzz_documents.py fuzz/corpus -max_total_time=3600 -timeout=10 -rss_limit_mb=2048

Every option after the corpus directory is libFuzzer's (``-help=1`` lists them); a crash is saved
as ``crash-<hash>`` in the working directory and replayed with
``python fuzz/fuzz_documents.py crash-<hash>``. The harness itself (:func:`check_input`) needs
no atheris: tests/test_fuzz_target.py runs it on the seeds, so it cannot rot.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sexoffender_rules.cli import main as cli_main
from sexoffender_rules.documents import case_from_data, parse_json
from sexoffender_rules.errors import CaseValidationError

ROOT = Path(__file__).resolve().parent.parent
PERSONAL = "PV-"
"""The mark of a personal value in the seeds: no message may repeat it."""
AS_OF = "2026-11-29"
_WORK = tempfile.mkdtemp(prefix="sexoffender-rules-fuzz-")


def check_loader(data: bytes) -> None:
    """The loader gives a case or the library's validation error, never another exception, and
    no problem repeats a personal value.

    >>> check_loader(b'{"format": "sexoffender-rules/case"}')
    >>> check_loader(b"\\xff not UTF-8")
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the command line reports it; the loader takes text
    problems: tuple[str, ...] | None = None
    try:
        case_from_data(parse_json(text))
    except CaseValidationError as error:
        problems = error.problems
    assert problems is None or problems, "a validation error names at least one problem"
    leaked = [p for p in problems or () if PERSONAL in p]
    assert not leaked, f"a problem repeats a personal value: {leaked[:3]!r}"


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli_main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return status, out.getvalue() + err.getvalue()


def check_command_line(data: bytes) -> None:
    """``validate`` on a file of ``data`` exits 0 or 3; on a valid case, ``assess`` and
    ``explain`` exit 0 or 3 (3: an assessment that needs a reading the case cannot give); no
    output carries a traceback or a personal value.

    >>> check_command_line(b"[]")
    """
    path = Path(_WORK) / "case.json"
    path.write_bytes(data)
    status, output = _run(["validate", str(path)])
    _check_output("validate", status, output)
    if status == 0:
        for command in ("assess", "explain"):
            status, output = _run([command, str(path), "--as-of", AS_OF])
            _check_output(command, status, output)


def _check_output(command: str, status: int, output: str) -> None:
    assert status in (0, 3), f"{command}: exit status {status}: {output[-500:]}"
    assert "Traceback" not in output, f"{command}: {output[-2000:]}"
    if command == "validate" or status != 0:
        # An assessment may rightly repeat the person's reference; a message never does.
        assert PERSONAL not in output, f"{command} repeats a personal value: {output[-500:]}"


def check_input(data: bytes) -> None:
    """The whole harness: :func:`check_loader` and :func:`check_command_line` on ``data``.

    >>> check_input(b'{"format": "sexoffender-rules/case", "version": 1}')
    """
    check_loader(data)
    check_command_line(data)


def _marked(value: Any, key: str = "") -> Any:
    """A document with its personal values (references, names, addresses) marked ``PV-``."""
    if isinstance(value, dict):
        return {k: _marked(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_marked(v, key) for v in value]
    if isinstance(value, str) and key in {"reference", "names", "name", "premises", "destination"}:
        return PERSONAL + value
    return value


def seeds() -> Iterator[tuple[str, bytes]]:
    """The starting corpus: every example case and the case of every golden scenario, with
    their personal values marked, as JSON text.

    >>> names = [name for name, _ in seeds()]
    >>> len(names) > 100 and all(name.endswith(".json") for name in names)
    True
    """
    for path in sorted((ROOT / "examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        yield f"example-{path.name}", json.dumps(_marked(document)).encode()
    for path in sorted((ROOT / "tests" / "scenarios").rglob("*.json")):
        scenario = json.loads(path.read_text(encoding="utf-8"))
        yield f"scenario-{path.name}", json.dumps(_marked(scenario["case"])).encode()


def write_seeds(directory: Path) -> int:
    """Write :func:`seeds` into ``directory`` (made if missing); return how many."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, data in seeds():
        (directory / name).write_bytes(data)
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    """Write the seeds (``--write-seeds DIR``) or fuzz under atheris with libFuzzer's options."""
    argv = list(sys.argv if argv is None else argv)
    if len(argv) == 3 and argv[1] == "--write-seeds":
        print(f"{write_seeds(Path(argv[2]))} seeds written to {argv[2]}")
        return 0
    try:
        atheris = importlib.import_module("atheris")
    except ImportError:
        print(
            "fuzz_documents: atheris is not installed: pip install 'atheris>=2.3' "
            "(see the module's docstring)",
            file=sys.stderr,
        )
        return 2
    atheris.instrument_all()
    atheris.Setup(argv, check_input)
    with contextlib.suppress(SystemExit):
        atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
