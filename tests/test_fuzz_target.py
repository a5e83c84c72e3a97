"""The atheris fuzz target's harness, run without atheris so that it cannot rot: it passes on
every seed and on mutated seeds, and it fails when the library misbehaves."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sexoffender_rules.errors import CaseValidationError

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load(ROOT / "fuzz" / "fuzz_documents.py")
mutation = _load(ROOT / "tools" / "mutation.py")
SEEDS = list(fuzz.seeds())


@pytest.mark.parametrize("module", [fuzz, mutation], ids=["fuzz_documents", "mutation"])
def test_the_doctests_of_the_tools_pass(module: ModuleType) -> None:
    failures, tried = doctest.testmod(module)
    assert tried > 0
    assert failures == 0


def test_the_seeds_are_every_example_and_golden_scenario_with_personal_values_marked() -> None:
    examples = list((ROOT / "examples").glob("*.json"))
    scenarios = list((ROOT / "tests" / "scenarios").rglob("*.json"))
    assert len(SEEDS) == len(examples) + len(scenarios)
    assert all(fuzz.PERSONAL.encode() in data for _, data in SEEDS)


def test_the_harness_passes_on_every_seed() -> None:
    for _, data in SEEDS:
        fuzz.check_input(data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=4)), min_size=1, max_size=4),
)
def test_the_harness_passes_on_mutated_seeds(
    seed: tuple[str, bytes], edits: list[tuple[int, bytes]]
) -> None:
    data = bytearray(seed[1])
    for at, replacement in edits:
        at %= len(data) + 1
        data[at : at + len(replacement)] = replacement
    fuzz.check_input(bytes(data))


def test_the_harness_fails_when_the_loader_raises_another_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(data: object) -> object:
        raise KeyError("format")

    monkeypatch.setattr(fuzz, "case_from_data", broken)
    with pytest.raises(KeyError):
        fuzz.check_loader(SEEDS[0][1])


def test_the_harness_fails_when_a_message_repeats_a_personal_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def leaky(data: object) -> object:
        raise CaseValidationError(["person.reference: PV-FICTIONAL-0001 is not valid"])

    monkeypatch.setattr(fuzz, "case_from_data", leaky)
    with pytest.raises(AssertionError, match="repeats a personal value"):
        fuzz.check_loader(SEEDS[0][1])


def test_the_harness_fails_on_an_unexpected_exit_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz, "cli_main", lambda *args, **kwargs: 1)
    with pytest.raises(AssertionError, match="exit status 1"):
        fuzz.check_command_line(b"{}")


def test_the_target_writes_its_seeds_and_names_atheris_when_it_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fuzz.main(["fuzz_documents.py", "--write-seeds", str(tmp_path)]) == 0
    assert len(list(tmp_path.iterdir())) == len(SEEDS)
    monkeypatch.setitem(sys.modules, "atheris", None)  # import atheris then fails
    assert fuzz.main(["fuzz_documents.py", str(tmp_path)]) == 2
    assert "pip install 'atheris" in capsys.readouterr().err


def test_the_mutation_script_sets_the_target_in_the_copy_only() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    mutate, tests = mutation.TARGETS["engine"]
    changed = mutation.with_target(text, mutate, tests)
    assert 'only_mutate = ["src/sexoffender_rules/engine.py"]' in changed
    assert "tests/test_scenarios.py" in changed
    # Every test file a target names exists.
    for _, selected in mutation.TARGETS.values():
        for name in selected:
            assert (ROOT / name).is_file(), name


def test_the_mutation_script_takes_its_options_before_or_after_the_mutant_names() -> None:
    after = mutation.arguments(["rules-orders", "x_a", "--workers", "2", "x_b"])
    before = mutation.arguments(["--workers", "2", "rules-orders", "x_a", "x_b"])
    assert (after.target, after.workers, after.mutants) == ("rules-orders", 2, ["x_a", "x_b"])
    assert before == after
