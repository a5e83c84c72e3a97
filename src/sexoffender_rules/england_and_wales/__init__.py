"""England and Wales: Part 2 of the Sexual Offences Act 2003 and the regulations made under it.

Each :class:`~sexoffender_rules.law.Rule` states its provision in plain words and cites it, with
the date its text was checked and where (docs/law/statute-check.md records the words seen). Each
module of this package holds the rules of one part of the Act and the functions that apply them
to a :class:`~sexoffender_rules.engine.Timeline`:

- :mod:`.subject`: who is subject and for how long (ss.80-82, 131, 132, 134), with
  :func:`registration`, and the rules the engine cites for breach (s.91) and cessation (s.80(2));
- :mod:`.orders`: orders and notices that keep or make a person subject: sexual harm prevention
  orders (s.103G), sexual offences prevention orders (ss.107, 109), interim notification orders
  (s.100), convictions for breach of a risk order (s.129), and notification orders and police
  notices for a conviction, finding or caution abroad (ss.98, 96ZA-96ZC);
- :mod:`.review`: review of indefinite notification requirements (ss.91A-91F);
- :mod:`.initial`: initial notification (s.83(1), (3));
- :mod:`.changes`: notification of changes, release and non-occurrence (s.84);
- :mod:`.periodic`: annual and weekly notification (s.85);
- :mod:`.prescribed`: prescribed information and changes (s.83(5)(h), s.84(1)(ca); SI 2012/1876);
- :mod:`.parental`: parental directions (ss.89-90);
- :mod:`.travel`: notification of travel outside the United Kingdom (s.86; SI 2004/1220);
- :mod:`.reforms`: reforms of this ruleset, registered by name and off by default (the Crime and
  Policing Act 2026 notification change, commencement unconfirmed).

Importing the package registers :data:`ENGLAND_AND_WALES` with
:mod:`sexoffender_rules.rulesets` under the jurisdiction ``england-and-wales``, and
:data:`CRIME_AND_POLICING_ACT_2026` as the reform ``crime-and-policing-act-2026``.

The key figures the rules read are the ruleset's parameters (:data:`PARAMETERS`), so a reform
that changes a figure is a :meth:`~sexoffender_rules.law.Ruleset.derive` with new parameters.

Readings the statute leaves open are :class:`~sexoffender_rules.policy.Policy` fields or, where
named in a rule, documented choices; docs/england-and-wales.md lists them all.

>>> ENGLAND_AND_WALES.rule("ew.s85.weekly").citation
'Sexual Offences Act 2003 s.85(5)(a), (6); SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and Wales) Regulations 2012)'
"""

from __future__ import annotations

from ..law import DutyFunction, Ruleset
from ..rulesets import register, register_reform
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
from .periodic import PERIODIC_PARAMETERS, periodic_duties
from .prescribed import PRESCRIBED_INFORMATION_FROM, prescribed_duties
from .reforms import crime_and_policing_act_2026
from .subject import PERIOD_TABLE, PeriodRow, registration
from .travel import (
    ALL_TRIPS_FROM,
    TRAVEL_PARAMETERS,
    TRAVEL_REGULATIONS_FROM,
    TRAVEL_RULES,
    latest_notice_day,
    travel_duties,
)

__all__ = [
    "ALL_TRIPS_FROM",
    "CRIME_AND_POLICING_ACT_2026",
    "DTO_ANY_TERM_FROM",
    "DUTY_FUNCTIONS",
    "ENGLAND_AND_WALES",
    "LOCAL_READINGS",
    "PARAMETERS",
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
    "crime_and_policing_act_2026",
    "initial_duties",
    "latest_notice_day",
    "non_occurrence_duties",
    "periodic_duties",
    "prescribed_duties",
    "registration",
    "release_duties",
    "travel_duties",
]

PARAMETERS = {
    # s.83(1), s.84(1) (and the prescribed changes under it): "within the period of 3 days".
    "notification_days": 3,
    # s.84(4)(b): notice that an event notified in advance did not occur, within 6 days.
    "non_occurrence_days": 6,
    **PERIODIC_PARAMETERS,
    **TRAVEL_PARAMETERS,
}
"""The key figures of the England and Wales rules, read through
:meth:`~sexoffender_rules.law.Ruleset.parameter` (docs/reforms.md lists them).

>>> PARAMETERS["notification_days"], str(PARAMETERS["periodic_interval"])
(3, '1 year')
"""

DUTY_FUNCTIONS: tuple[DutyFunction, ...] = (
    initial_duties,
    change_duties,
    release_duties,
    non_occurrence_duties,
    periodic_duties,
    travel_duties,
    prescribed_duties,
)
"""The functions that emit the duties, in order; the ruleset applies each through the parental
direction rule (s.89), and a reform may replace one of them (:mod:`.reforms`).

>>> travel_duties in DUTY_FUNCTIONS
True
"""

LOCAL_READINGS = frozenset(
    {"partial_days", "release_notified_by_attendance", "failure_after_requirements_end"}
)
"""The readings that change nothing but single duties, each finding giving its answer under the
other values (``DutyFinding.alternatives``): a day partly spent away changes only the deadlines
that depend on time away (the windows of s.83(1), s.84(1) and s.84(4)(b) that do not count it,
and the s.85(3) extension) and the s.83(2) exception that looks at the initial deadline; a release notified by attendance only which notification answers
a release duty; a failure after the requirements end only how the engine settles one duty.

>>> "leap_day" in LOCAL_READINGS
False
"""

ENGLAND_AND_WALES = register(
    Ruleset(
        jurisdiction="england-and-wales",
        name="England and Wales: Sexual Offences Act 2003, Part 2",
        description="Part 2 of the Sexual Offences Act 2003 and the regulations under it, as "
        "in force on each date",
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
        duties=tuple(_parental(emit) for emit in DUTY_FUNCTIONS),
        parameters=PARAMETERS,
        breach_rule="ew.s91.breach",
        cessation_rule="ew.s80.cessation",
        local_readings=LOCAL_READINGS,
    )
)
"""The England and Wales ruleset (text checked 2026-11-29), registered for ``england-and-wales``.

>>> len(ENGLAND_AND_WALES.rules) > 20
True
>>> from sexoffender_rules.rulesets import ruleset_for
>>> ruleset_for("england-and-wales") is ENGLAND_AND_WALES
True
"""

CRIME_AND_POLICING_ACT_2026 = register_reform(
    "crime-and-policing-act-2026", crime_and_policing_act_2026()
)
"""The Crime and Policing Act 2026 reform (commencement unconfirmed, taken as Royal Assent),
registered as ``crime-and-policing-act-2026``; never applied unless asked for.

>>> CRIME_AND_POLICING_ACT_2026.baseline == ENGLAND_AND_WALES.name
True
"""
