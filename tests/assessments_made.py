"""A helper for tests that count the assessments the engine makes to find an assessment's flags
(the shortcuts of ``Ruleset.local_readings``: docs/calendar.md)."""

from __future__ import annotations

from datetime import date

import attrs

from sexoffender_rules.assessment import Registration
from sexoffender_rules.engine import Timeline
from sexoffender_rules.law import Ruleset


def counting(ruleset: Ruleset) -> tuple[Ruleset, list[date]]:
    """``ruleset`` with its registration function counting the assessments made with it."""
    calls: list[date] = []

    def registration(timeline: Timeline, rules: Ruleset) -> Registration:
        calls.append(timeline.as_of)
        return ruleset.registration(timeline, rules)

    return attrs.evolve(ruleset, registration=registration), calls
