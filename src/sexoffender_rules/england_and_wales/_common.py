"""Shared by the England and Wales modules: commencement dates, the citation helpers
(``_soa``, ``_cite``, ``_rule``) and the dates on which statute text was checked.

>>> _soa("s.83(1)").instrument
'Sexual Offences Act 2003'
"""

from __future__ import annotations

from datetime import date

from ..calendar import END_OF_TIME, CalendarPeriod, DateInterval, add_period
from ..engine import Timeline
from ..law import Citation, Rule

PART_2_COMMENCEMENT = date(2004, 5, 1)
"""Part 2 of the Sexual Offences Act 2003 came into force on 1 May 2004 (SI 2004/874).

>>> PART_2_COMMENCEMENT.isoformat()
'2004-05-01'
"""

WEEKLY_NOTIFICATION_FROM = date(2012, 8, 13)
"""SI 2012/1876 prescribed weekly notification for people with no sole or main residence from
13 August 2012.

>>> WEEKLY_NOTIFICATION_FROM.isoformat()
'2012-08-13'
"""

SENTENCING_CODE_COMMENCEMENT = date(2020, 12, 1)
"""The Sentencing Code (Sentencing Act 2020) came into force on 1 December 2020
(SI 2020/1236 reg 2), re-enacting PCC(S)A 2000 provisions such as s.14 (discharges).

>>> SENTENCING_CODE_COMMENCEMENT.isoformat()
'2020-12-01'
"""

REVIEW_COMMENCEMENT = date(2012, 7, 30)
"""Review of indefinite notification requirements (SOA 2003 ss.91A-91G) was inserted by the
Sexual Offences Act 2003 (Remedial) Order 2012 (SI 2012/1883), made 16 July 2012 and in force
14 days later, on 30 July 2012.

>>> REVIEW_COMMENCEMENT.isoformat()
'2012-07-30'
"""

SHPO_COMMENCEMENT = date(2015, 3, 8)
"""Sexual harm prevention orders (SOA 2003 ss.103A-103K) were inserted by the Anti-social
Behaviour, Crime and Policing Act 2014 Sch. 5, in force 8 March 2015 (SI 2015/373 art. 2(e)).

>>> SHPO_COMMENCEMENT.isoformat()
'2015-03-08'
"""

DTO_ANY_TERM_FROM = date(2022, 6, 28)
"""From 28 June 2022 a detention and training order may be of any term from 4 to 24 months
(Sentencing Code s.236(1) as amended by PCSC Act 2022 s.158); before, only fixed terms.

>>> DTO_ANY_TERM_FROM.isoformat()
'2022-06-28'
"""
_DTO_TERMS_BEFORE_2022 = frozenset({4, 6, 8, 10, 12, 18, 24})

CHECKED = date(2026, 11, 29)
CHECKED_S81 = date(2026, 12, 2)  # ss.81, 82(1), (5), (6), 83(1), (3) and 85(1)-(2), read again
SOA = "Sexual Offences Act 2003"
REGS_2012 = (
    "SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and Wales) "
    "Regulations 2012)"
)
_ENACTED = "text as enacted seen (legislation.gov.uk enacted view / Queen's Printer copy)"
_REVISED_2019 = "legislation.gov.uk revised text, point in time 12/04/2019"


RECHECKED = date(2026, 12, 2)
_S84_ENACTED = (
    "text as enacted seen, legislation.gov.uk/ukpga/2003/42/section/84/enacted; the revised "
    "text was not seen"
)
_S85_COPY = (
    "third-party verbatim copy of the revised text (lawglobalhub.com, section 85); the "
    "legislation.gov.uk page was not seen"
)
_S83_5 = (
    "statute text not seen; a solicitors' summary (lawtonslaw.co.uk) lists each name used and "
    "the premises regularly stayed at"
)
_S91_2004 = (
    "legislation.gov.uk/ukpga/2003/42/section/91/2004-05-01 (point in time 01/05/2004); the "
    "current text was not seen"
)


def _soa(provision: str, source: str = _ENACTED, *, checked: date = CHECKED) -> Citation:
    return Citation(instrument=SOA, provision=provision, checked=checked, source=source)


def _soa_s81(provision: str, source: str) -> Citation:
    return Citation(instrument=SOA, provision=provision, checked=CHECKED_S81, source=source)


_S81_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/81 (latest revised text) and /enacted: "
    "subsections (1)-(6) seen word for word; (7)-(8) cut off, not seen"
)
_S82_1_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/82/2019-04-12: 'The notification period for a "
    "person within section 80(1) or 81(1) is the period in the second column of the following "
    "Table'"
)
_S82_6_SEEN = (
    "as enacted (Queen's Printer copy, p.45): (c) 'in the case of a person within section "
    "80(1)(d) or 81(1)(d), the date of the caution' and (d) seen; (a)-(b) not seen, taken from "
    "the explanatory notes ('the date of conviction, finding or caution')"
)
_S83_SEEN = (
    "as enacted (Queen's Printer copy, p.45): (1) 'within the period of 3 days beginning with "
    "the relevant date (or, if later, the commencement of this Part)'; (3) 'Subsection (1) does "
    "not apply to a relevant offender in respect of a conviction, finding or caution within "
    "section 81(1) ... if the offender complied with section 2(1) of the Sex Offenders Act 1997'"
    "; explanatory notes para 162"
)
_S85_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/85 revised text, seen in a third-party verbatim "
    "copy: (2)(a) 'the commencement of this Part (but only in the case of a person who is a "
    "relevant offender from that commencement)'"
)


def _cite(instrument: str, provision: str, source: str) -> Citation:
    return Citation(instrument=instrument, provision=provision, checked=CHECKED, source=source)


_FROM_PART_2 = DateInterval(PART_2_COMMENCEMENT, END_OF_TIME)


def _rule(
    rule_id: str,
    title: str,
    statement: str,
    *citations: Citation,
    in_force: DateInterval = _FROM_PART_2,
) -> Rule:
    return Rule(
        id=rule_id, title=title, statement=statement, citations=citations, in_force=in_force
    )


def _attains(date_of_birth: date, years: int, timeline: Timeline) -> date:
    return add_period(
        date_of_birth, CalendarPeriod(years=years), timeline.policy.leap_day, question="leap_day"
    )
