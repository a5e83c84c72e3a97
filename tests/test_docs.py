"""The documentation generated from the rules stays true to them."""

from __future__ import annotations

import os
from pathlib import Path

from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.explain import ruleset_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rules_document_is_generated_from_the_ruleset() -> None:
    text = (ROOT / "docs" / "england-and-wales.md").read_text(encoding="utf-8")
    assert text == ruleset_markdown(ENGLAND_AND_WALES) + "\n", (
        "regenerate with: sexoffender-rules rules > docs/england-and-wales.md"
    )


def test_every_rule_cites_a_provision_checked_on_a_date() -> None:
    for rule in ENGLAND_AND_WALES.rules:
        assert rule.citations, rule.id
        assert rule.checked is not None, rule.id
        assert rule.statement.endswith((".", ")")), rule.id


def test_every_public_name_exists_and_is_documented() -> None:
    import sexoffender_rules

    for name in sexoffender_rules.__all__:
        value = getattr(sexoffender_rules, name)
        if name in ("END_OF_TIME", "__version__"):
            continue
        doc = getattr(value, "__doc__", None)
        assert doc, name
        assert doc.strip(), name
        assert ">>>" in doc or name.endswith("Error") or name == "ENGLAND_AND_WALES", name


def test_the_documentation_site_builds_strictly(tmp_path: Path) -> None:
    # mkdocs build --strict: no broken link, no unresolved reference, every page in the nav.
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "assess_status" in api
    assert "language-pycon" in api or "highlight" in api
