"""Golden status scenarios: whereabouts, markers and the headline, under every shipped profile.

Each file in tests/status_scenarios/ was worked by hand (its ``working`` lines) and states, for
each date checked, the headline, the whereabouts state and every flag under each profile.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sexoffender_rules.documents import case_from_data
from sexoffender_rules.whereabouts import PROFILES, Whereabouts, assess_status

SCENARIOS = sorted((Path(__file__).parent / "status_scenarios").glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_status_scenario(path: Path) -> None:
    scenario = load(path)
    case = case_from_data(scenario["case"])
    for check in scenario["checks"]:
        as_of = date.fromisoformat(check["as_of"])
        assert set(check["expected"]) == set(PROFILES), path.name
        for name, expected in check["expected"].items():
            status = assess_status(case, as_of, PROFILES[name])
            got = {
                "headline": status.headline,
                "whereabouts": status.whereabouts.value,
                "flags": sorted(status.flag_names),
            }
            assert got == expected, (name, check["as_of"], scenario["working"])
            for flag in status.flags:
                assert flag.reasons or flag.name in ("compliant", "due"), (name, flag)


def test_every_whereabouts_state_appears_under_every_profile_somewhere() -> None:
    seen: dict[str, set[str]] = {name: set() for name in PROFILES}
    for path in SCENARIOS:
        for check in load(path)["checks"]:
            for name, expected in check["expected"].items():
                seen[name].add(expected["whereabouts"])
    # A state a profile cannot reach is listed with the reason it cannot.
    unreachable = {
        "missing-person-report": {"verified_at_address"},  # reactive: no visit interval
    }
    for name, states in seen.items():
        missing = {w.value for w in Whereabouts} - states - unreachable.get(name, set())
        assert missing == set(), (name, missing)
