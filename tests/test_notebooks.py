"""The notebooks in docs/notebooks/ run from clean and show what they say they show.

They are stored as jupytext percent-format ``.py`` files (readable diffs, no stored outputs);
each test reads one into a notebook, executes it in a fresh kernel (nbclient) and checks its
outputs. A new notebook is checked by adding its file: it must run without error and draw a picture;
``EXPECTED`` holds what particular notebooks must show.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "docs" / "notebooks").glob("*.py"))
# What some notebooks must show; any other notebook must run without error and show a picture.
EXPECTED = {
    # From facts to an explained assessment, its picture, and another reading.
    "01-one-case": (
        "Assessment on 2026-11-29 (England and Wales",
        "prima facie breach from 2026-07-03 to 2026-07-09",
        "2025-07-03 - Initial notification",
        "compliant -> in_breach",
    ),
    # The press-table shape (a row per force, then the total), a chart, and a traced count.
    "02-caseload-by-force": (
        "Caseload on 2024-03-31 (profile trace-enquiry@1): 500 cases",
        "\nFORCE-01 ",
        "\n(all) ",
        "missing; the first is line",
    ),
    # A reform against the law in force over a caseload, and the Crime and Policing Act 2026
    # reform on one person: the second name, first used on 1 Sep 2026, is due within 3 days
    # beginning with that day (s.84(1)(a)) under the baseline, and before first use under the
    # reform.
    "03-reform-compared": (
        "against six-monthly notification",
        "compliant -> in_breach",
        "deadline 2026-09-03 -> 2026-08-31; state met -> met late",
    ),
}


def _execute(path: Path) -> Any:
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return notebook


def _outputs(notebook: Any) -> tuple[str, int]:
    """The text every code cell printed, and the number of images it showed."""
    text, images = [], 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                text.append(output["text"])
            data = output.get("data", {})
            images += "image/png" in data
            text.append(data.get("text/plain", ""))
    return "".join(text), images


@pytest.fixture(autouse=True)
def _kernel_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel imports this source tree, and draws with the notebook's own (inline) backend.
    source = str(ROOT / "src")
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", source + (os.pathsep + path if path else ""))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")


def test_there_are_notebooks_and_each_opens_with_a_title() -> None:
    assert len(NOTEBOOKS) >= 2
    for path in NOTEBOOKS:
        assert "\n# # " in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_runs_from_clean(path: Path) -> None:
    notebook = _execute(path)
    text, images = _outputs(notebook)
    assert not any(
        o.get("output_type") == "error" for c in notebook.cells for o in c.get("outputs", [])
    )
    for shown in EXPECTED.get(path.stem, ()):
        assert shown in text, f"{path.name}: {shown!r} not shown"
    # Each notebook draws a picture: those in EXPECTED exactly one (a timeline, a chart).
    assert images == 1 if path.stem in EXPECTED else images >= 1


def test_the_site_lists_every_notebook_under_its_title() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "notebooks_nav", ROOT / "docs" / "_hooks" / "notebooks_nav.py"
    )
    assert spec is not None
    assert spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = {"docs_dir": str(ROOT / "docs"), "nav": [{"Home": "index.md"}, {"Notebooks": []}]}
    entries = hook.on_config(config)["nav"][1]["Notebooks"]
    assert [path for entry in entries for path in entry.values()] == [
        f"notebooks/{path.name}" for path in NOTEBOOKS
    ]
    assert list(entries[0]) == ["One case, step by step"]
