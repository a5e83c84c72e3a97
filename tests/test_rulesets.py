"""The ruleset registry: the engine finds a jurisdiction's ruleset without importing it."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

from sexoffender_rules import engine
from sexoffender_rules.engine import assess
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.model import Case, Person, Trigger
from sexoffender_rules.rulesets import (
    BUILT_IN,
    UnknownJurisdictionError,
    jurisdictions,
    register,
    ruleset_for,
    unregister,
)


def test_the_engine_imports_no_jurisdiction() -> None:
    tree = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
    imported = [
        f"{'.' * node.level}{node.module or ''}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert ".rulesets" in imported
    for module in BUILT_IN:
        name = module.rsplit(".", 1)[1]
        assert not any(name in i for i in imported), imported


def test_the_built_in_jurisdiction_is_imported_on_the_first_lookup() -> None:
    # A fresh registry with the built-in package not yet imported, as for a caller who imports
    # the engine alone: the first lookup imports the package, which registers its ruleset.
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from sexoffender_rules import rulesets\n"
        "from sexoffender_rules.engine import assess\n"
        "from sexoffender_rules.model import Case, Person, Trigger\n"
        "for name in [m for m in sys.modules if m.startswith(rulesets.BUILT_IN[0])]:\n"
        "    del sys.modules[name]\n"
        "rulesets._REGISTRY.clear()\n"
        "rulesets._built_in_loaded = False\n"
        "case = Case(person=Person(reference='FICTIONAL-0001', date_of_birth=date(1980, 1, 1)),\n"
        "            triggers=(Trigger(id='t1', kind='caution', date=date(2026, 3, 6)),))\n"
        "print(rulesets.BUILT_IN[0] in sys.modules, rulesets.jurisdictions(),\n"
        "      assess(case, date(2026, 3, 7)).duties[0].deadline)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False ('england-and-wales',) 2026-03-08"


def test_a_registered_jurisdiction_is_assessed_with_its_own_ruleset() -> None:
    demo = attrs.evolve(ENGLAND_AND_WALES, jurisdiction="demo-land", name="Demonstration")
    assert register(demo) is demo
    try:
        assert "demo-land" in jurisdictions()
        case = Case(
            person=Person(reference="FICTIONAL-0002", date_of_birth=date(1980, 1, 1)),
            triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
            jurisdiction="demo-land",
        )
        assert assess(case, date(2026, 3, 7)).ruleset == "Demonstration"
    finally:
        unregister("demo-land")
    with pytest.raises(UnknownJurisdictionError, match=r"known: england-and-wales$"):
        ruleset_for("demo-land")


def test_a_second_ruleset_for_a_jurisdiction_is_refused() -> None:
    assert register(ENGLAND_AND_WALES) is ENGLAND_AND_WALES
    with pytest.raises(ValueError, match="already has a ruleset"):
        register(ENGLAND_AND_WALES.replacing(name="reformed"))
    assert ruleset_for("england-and-wales") is ENGLAND_AND_WALES
