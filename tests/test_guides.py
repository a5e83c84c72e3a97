"""Every code block of the guides runs, and shows what it prints.

The guides hold four kinds of block, each checked:

- ``pycon`` (``>>>``) examples: run as doctests by pytest (``--doctest-glob=*.md``).
- ``console`` blocks: each ``$ sexoffender-rules ...`` line is run (in a fresh folder holding the
  bundled ``examples/`` and the files the page wrote before it) and its output, standard output
  then standard error, must be the lines shown after it (a line ``...`` stands for any lines,
  none or more). ``> FILE`` sends standard output to
  FILE instead; a FILE named like a picture in ``docs/images/`` must equal it.
- ``json`` blocks with a ``title="FILE"``: the page writes FILE, for the commands after it.
- ``sh`` blocks: only the README's own commands (CI runs the README's test command).
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from sexoffender_rules.cli import _policy, main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDES = ["getting-started.md", "interpretation.md", "timeline.md"]
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def _blocks(page: str) -> list[tuple[str, str, str]]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in FENCE.finditer(text)]


def _commands(body: str) -> list[tuple[str, list[str]]]:
    runs: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            assert runs, f"output before any command: {line!r}"
            runs[-1][1].append(line)
    return runs


def _matches(lines: list[str], shown: list[str]) -> bool:
    """Whether ``lines`` are the lines ``shown``, where a ``...`` line matches any lines."""
    if not shown:
        return not lines
    if shown[0] == "...":
        return any(_matches(lines[i:], shown[1:]) for i in range(len(lines) + 1))
    return bool(lines) and lines[0] == shown[0] and _matches(lines[1:], shown[1:])


def _run(command: str, cwd: Path) -> tuple[int, str, str | None]:
    words = shlex.split(command)
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    assert words[0] == "sexoffender-rules", command
    out, err = io.StringIO(), io.StringIO()
    status = main(words[1:], stdout=out, stderr=err)
    if target is not None:
        (cwd / target).write_text(out.getvalue(), encoding="utf-8")
        return status, err.getvalue(), target
    return status, out.getvalue() + err.getvalue(), None


@pytest.mark.parametrize("page", GUIDES)
def test_every_block_of_the_guide_runs_and_shows_its_output(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme_commands = {m.group(3).strip() for m in FENCE.finditer(readme) if m.group(1) == "sh"}
    ran = 0
    for kind, info, body in _blocks(page):
        if kind == "pycon":
            assert ">>>" in body  # run by pytest as a doctest of the page
        elif kind == "json":
            name = re.fullmatch(r'title="([^"]+)"', info)
            assert name, f"a json block without a file title in {page}"
            (tmp_path / name.group(1)).write_text(body, encoding="utf-8")
        elif kind == "sh":
            assert body.strip() in readme_commands, f"{page}: not a README command: {body}"
        elif kind == "console":
            for command, shown in _commands(body):
                status, output, target = _run(command, tmp_path)
                if "..." in shown:
                    assert _matches(output.splitlines(), shown), f"{page}: $ {command}\n{output}"
                else:
                    assert output.splitlines() == shown, f"{page}: $ {command}"
                if not output.strip():
                    assert status == 0, command
                if target is not None and (DOCS / "images" / target).exists():
                    written = (tmp_path / target).read_text(encoding="utf-8")
                    assert written == (DOCS / "images" / target).read_text(encoding="utf-8")
                ran += 1
        else:
            pytest.fail(f"{page}: a {kind} block that the tests do not run")
    assert ran or page == "interpretation.md"


def test_the_rules_page_shows_each_rule_with_its_interval_citation_and_check_date() -> None:
    from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
    from sexoffender_rules.links import legislation_urls

    text = (DOCS / "england-and-wales.md").read_text(encoding="utf-8")
    table = text.split("\n## ", 1)[0]  # the rules table comes before the first rule's section
    rows = {line.split("`")[1]: line for line in table.splitlines() if line.startswith("| `")}
    assert list(rows) == [rule.id for rule in ENGLAND_AND_WALES.rules]
    for rule in ENGLAND_AND_WALES.rules:
        cells = [cell.strip() for cell in rows[rule.id].strip("|").split("|")]
        assert cells[0] == f"`{rule.id}` {rule.title}"
        assert cells[1].startswith(f"from {rule.in_force.start.isoformat()}")
        if not rule.in_force.is_unbounded:
            assert cells[1].endswith(f"to {rule.in_force.last_day.isoformat()}")
        assert cells[2] == rule.citation
        assert rule.checked is not None
        assert cells[3] == rule.checked.isoformat()
        section = text.split(f"## `{rule.id}`: ", 1)[1].split("\n## ", 1)[0]
        assert f"In force {cells[1]}." in section
        for citation in rule.citations:
            assert f"- {citation}: text checked {citation.checked.isoformat()}" in section
            for url in legislation_urls(citation, rule.in_force.start):
                assert f"<{url}>" in section, (rule.id, url)
    # The weekly rule links to s.85 as it stood on the day weekly notification began.
    weekly = text.split("## `ew.s85.weekly`: ", 1)[1].split("\n## ", 1)[0]
    assert "<https://www.legislation.gov.uk/ukpga/2003/42/section/85/2012-08-13>" in weekly


def test_the_interpretation_page_states_every_reading_of_every_policy_field() -> None:
    import enum

    import attrs

    from sexoffender_rules.policy import Policy

    text = (DOCS / "interpretation.md").read_text(encoding="utf-8")
    defaults = Policy()
    for field in attrs.fields(Policy):
        assert f"\n### `{field.name}`\n" in text, f"no section for Policy.{field.name}"
        section = text.split(f"\n### `{field.name}`\n", 1)[1].split("\n#", 1)[0]
        default = getattr(defaults, field.name)
        if isinstance(default, enum.Enum):
            values = [member.value for member in type(default)]
            default_text = default.value
        else:
            values, default_text = ["true", "false"], str(default).lower()
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        shown = [row.split("`")[1] for row in rows]
        assert sorted(shown) == sorted(values), field.name
        (marked,) = [row for row in rows if "(default)" in row]
        assert marked.startswith(f"| `{default_text}` (default) |"), field.name
        # Each value can be chosen as the page says, with --reading NAME=VALUE.
        for value in values:
            readings = _policy([(field.name, value)], strict=False).readings()
            assert str(readings[field.name]).lower() == value
