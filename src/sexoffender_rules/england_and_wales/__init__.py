"""England and Wales: Part 2 of the Sexual Offences Act 2003 and the regulations made under it.

Each :class:`~sexoffender_rules.law.Rule` states its provision in plain words and cites it, with
the date its text was checked and where (docs/law/statute-check.md records the words seen). Each
module of this package holds the rules of one part of the Act and the functions that apply them
to a :class:`~sexoffender_rules.engine.Timeline`:

- :mod:`.subject`: who is subject and for how long (ss.80-82, 131, 132, 134), with
  :func:`registration`, and the rules the engine cites for breach (s.91) and cessation (s.80(2));
- :mod:`.orders`: sexual harm prevention orders keeping or making a person subject (s.103G);
- :mod:`.review`: review of indefinite notification requirements (ss.91A-91F);
- :mod:`.initial`: initial notification (s.83(1), (3));
- :mod:`.changes`: notification of changes, release and non-occurrence (s.84);
- :mod:`.periodic`: annual and weekly notification (s.85);
- :mod:`.prescribed`: prescribed information and changes (s.83(5)(h), s.84(1)(ca); SI 2012/1876);
- :mod:`.parental`: parental directions (ss.89-90);
- :mod:`.travel`: notification of travel outside the United Kingdom (s.86; SI 2004/1220).

Importing the package registers :data:`ENGLAND_AND_WALES` with
:mod:`sexoffender_rules.rulesets` under the jurisdiction ``england-and-wales``.

Readings the statute leaves open are :class:`~sexoffender_rules.policy.Policy` fields or, where
named in a rule, documented choices; docs/england-and-wales.md lists them all.

>>> ENGLAND_AND_WALES.rule("ew.s85.weekly").citation
'Sexual Offences Act 2003 s.85(5)(a), (6); SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and Wales) Regulations 2012)'
"""

from __future__ import annotations

from ..law import Ruleset
from ..rulesets import register
from . import changes, initial, orders, parental, periodic, prescribed, review, subject, travel
from ._common import (
    DTO_ANY_TERM_FROM,
    PART_2_COMMENCEMENT,
    REVIEW_COMMENCEMENT,
    SENTENCING_CODE_COMMENCEMENT,
    SHPO_COMMENCEMENT,
    WEEKLY_NOTIFICATION_FROM,
)
from .changes import change_duties, non_occurrence_duties, release_duties
from .initial import initial_duties
from .parental import _parental
from .periodic import periodic_duties
from .prescribed import PRESCRIBED_INFORMATION_FROM, prescribed_duties
from .subject import PERIOD_TABLE, PeriodRow, registration
from .travel import (
    ALL_TRIPS_FROM,
    TRAVEL_REGULATIONS_FROM,
    TRAVEL_RULES,
    latest_notice_day,
    travel_duties,
)

__all__ = [
    "ALL_TRIPS_FROM",
    "DTO_ANY_TERM_FROM",
    "ENGLAND_AND_WALES",
    "PART_2_COMMENCEMENT",
    "PERIOD_TABLE",
    "PRESCRIBED_INFORMATION_FROM",
    "REVIEW_COMMENCEMENT",
    "SENTENCING_CODE_COMMENCEMENT",
    "SHPO_COMMENCEMENT",
    "TRAVEL_REGULATIONS_FROM",
    "TRAVEL_RULES",
    "WEEKLY_NOTIFICATION_FROM",
    "PeriodRow",
    "change_duties",
    "initial_duties",
    "latest_notice_day",
    "non_occurrence_duties",
    "periodic_duties",
    "prescribed_duties",
    "registration",
    "release_duties",
    "travel_duties",
]

ENGLAND_AND_WALES = register(
    Ruleset(
        jurisdiction="england-and-wales",
        name="England and Wales: Sexual Offences Act 2003, Part 2",
        rules=(
            *subject.RULES,
            *initial.RULES,
            *changes.RULES,
            *periodic.RULES,
            *subject.GENERAL_RULES,
            *orders.RULES,
            *review.RULES,
            *travel.TRAVEL_RULES,
            *prescribed.RULES,
            *parental.RULES,
        ),
        registration=registration,
        duties=tuple(
            _parental(emit)
            for emit in (
                initial_duties,
                change_duties,
                release_duties,
                non_occurrence_duties,
                periodic_duties,
                travel_duties,
                prescribed_duties,
            )
        ),
        breach_rule="ew.s91.breach",
        cessation_rule="ew.s80.cessation",
    )
)
"""The England and Wales ruleset (text checked 2026-11-29), registered for ``england-and-wales``.

>>> len(ENGLAND_AND_WALES.rules) > 20
True
>>> from sexoffender_rules.rulesets import ruleset_for
>>> ruleset_for("england-and-wales") is ENGLAND_AND_WALES
True
"""
