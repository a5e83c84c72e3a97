"""The citation helpers of the England and Wales rules (``_soa``, ``_soa_s81``, ``_cite``,
``_rule``): each rule's citations name the instrument, the provision, the day its text was checked
and where it was read, and each rule its period in force (Part 2 from 1 May 2004 by default).

The rules are built when their modules are imported; these tests build citations and a rule
afresh, so a change to a helper is seen here whatever was imported before.
"""

from __future__ import annotations

from datetime import date

from sexoffender_rules.calendar import END_OF_TIME, DateInterval
from sexoffender_rules.england_and_wales._common import _cite, _rule, _soa, _soa_s81
from sexoffender_rules.law import Citation, Rule

SOA = "Sexual Offences Act 2003"


def test_a_citation_of_the_act_names_the_provision_the_day_checked_and_the_text_seen() -> None:
    assert _soa("s.83(1)", "text seen", checked=date(2026, 12, 2)) == Citation(
        instrument=SOA, provision="s.83(1)", checked=date(2026, 12, 2), source="text seen"
    )


def test_by_default_a_citation_of_the_act_is_of_the_text_as_enacted_checked_29_november() -> None:
    cited = _soa("s.83(1)")
    assert (cited.instrument, cited.provision, cited.checked) == (
        SOA,
        "s.83(1)",
        date(2026, 11, 29),
    )
    assert cited.source.startswith("text as enacted seen")


def test_a_citation_of_section_81_was_checked_on_2_december() -> None:
    assert _soa_s81("s.81(1)", "seen word for word") == Citation(
        instrument=SOA, provision="s.81(1)", checked=date(2026, 12, 2), source="seen word for word"
    )


def test_a_citation_of_another_instrument_names_it() -> None:
    regulations = "SI 2004/1220"
    assert _cite(regulations, "reg. 5", "made text seen") == Citation(
        instrument=regulations,
        provision="reg. 5",
        checked=date(2026, 11, 29),
        source="made text seen",
    )


def test_a_rule_is_in_force_from_the_commencement_of_part_2_unless_it_says_otherwise() -> None:
    first = _soa("s.83(1)", "seen")
    second = _cite("SI 2004/1220", "reg. 5", "seen")
    made = _rule("ew.x", "A title", "A statement.", first, second)
    assert made == Rule(
        id="ew.x",
        title="A title",
        statement="A statement.",
        citations=(first, second),
        in_force=DateInterval(date(2004, 5, 1), END_OF_TIME),
    )
    later = DateInterval(date(2012, 7, 30), END_OF_TIME)
    assert _rule("ew.y", "T", "S.", first, in_force=later).in_force == later
