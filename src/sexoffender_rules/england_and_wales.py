"""England and Wales: Part 2 of the Sexual Offences Act 2003 and the regulations made under it.

Each :class:`~sexoffender_rules.law.Rule` below states its provision in plain words and cites it,
with the date its text was checked and where (docs/law/statute-check.md records the words seen).
The functions after the rules apply them to a :class:`~sexoffender_rules.engine.Timeline`:
:func:`registration` decides who is subject and for how long (ss.80, 82, 131, 132, 134), and each
``*_duties`` function emits one kind of duty (ss.83-85).

Readings the statute leaves open are :class:`~sexoffender_rules.policy.Policy` fields or, where
named here, documented choices; docs/england-and-wales.md lists them all.

>>> ENGLAND_AND_WALES.rule("ew.s85.weekly").citation
'Sexual Offences Act 2003 s.85(5)(a), (6); SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and Wales) Regulations 2012)'
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import attrs

from .assessment import DutyKind, Reason, Registration, Responsible, Source
from .calendar import (
    END_OF_TIME,
    CalendarPeriod,
    DateInterval,
    IntervalSet,
    add_days,
    add_period,
    first_day_total_reaches,
    last_day_of_days_beginning_with,
    last_day_of_period_after,
    last_day_of_period_beginning_with,
)
from .engine import DutyFinding, Timeline, change_keys
from .england_and_wales_travel import TRAVEL_RULES, travel_duties
from .errors import AmbiguousReadingError
from .law import Citation, DutyFunction, Rule, Ruleset
from .model import (
    SEX_OFFENDERS_ACT_1997_COMMENCEMENT,
    AbsoluteDischarge,
    ConditionalDischarge,
    DetentionAndTrainingOrder,
    Disposal,
    ExtendedSentence,
    HomeAddress,
    HomeAddressChange,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    NameUsed,
    Notification,
    NotificationKind,
    OffenderOfParticularConcern,
    Order,
    OtherDisposal,
    ParentalDirection,
    PrescribedChange,
    ResentenceReason,
    ReviewOutcome,
    Stay,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)
from .policy import NoCorrespondingDay, Policy

__all__ = [
    "DTO_ANY_TERM_FROM",
    "ENGLAND_AND_WALES",
    "PART_2_COMMENCEMENT",
    "PERIOD_TABLE",
    "PRESCRIBED_INFORMATION_FROM",
    "SENTENCING_CODE_COMMENCEMENT",
    "WEEKLY_NOTIFICATION_FROM",
    "PeriodRow",
    "registration",
]

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


RULES = (
    _rule(
        "ew.s80.subject",
        "Who is subject",
        "A person convicted of, found not guilty by reason of insanity of, found under a "
        "disability and to have done the act charged in respect of, or (in England and Wales) "
        "cautioned for, an offence listed in Schedule 3 is subject to the notification "
        "requirements for the notification period.",
        _soa(
            "s.80(1)",
            "as enacted (Queen's Printer copy, scan page 48 on en.wikisource.org) and the latest "
            "revised text on legislation.gov.uk (cross heading 'Notification requirements'), "
            "seen word for word",
            checked=RECHECKED,
        ),
    ),
    _rule(
        "ew.s134.absolute_discharge",
        "Absolute discharge is not a conviction",
        "A conviction with an absolute discharge is deemed not to be a conviction (PCC(S)A 2000 "
        "s.14(1) for a conviction before 1 December 2020, Sentencing Act 2020 s.82(2) on or after "
        "it, keyed by the conviction date); s.134 lifts that deeming for conditional discharges "
        "only, so an absolute discharge on a conviction does not make the person subject.",
        _soa("s.134(1)", "legislation.gov.uk latest revised text"),
        _cite(
            "Powers of Criminal Courts (Sentencing) Act 2000",
            "s.14(1)",
            "text not seen (its effect is that of the Sentencing Code s.82(2) which re-enacted it); "
            "applies to convictions before 1 December 2020",
        ),
        _cite(
            "Sentencing Act 2020",
            "s.82(2)",
            "legislation.gov.uk revised text; applies to convictions on or after 1 December 2020",
        ),
    ),
    _rule(
        "ew.s134.conditional_discharge_before_part_2",
        "Conditional discharge before Part 2",
        "s.134(1) lifts the deeming that a conviction with a conditional discharge is not a "
        "conviction only for convictions after 1 May 2004 (s.134(2)). A conviction before that "
        "day with a conditional discharge is therefore not a conviction for Part 2 and does not "
        "bring the person within s.81(1)(a), as the House of Lords held of the same deeming under "
        "the 1997 Act (R v Longworth [2006] UKHL 1).",
        _soa_s81(
            "s.134(1)-(2)",
            "legislation.gov.uk/ukpga/2003/42/section/134 (latest revised text): '(2) Subsection "
            "(1) applies only to convictions after the commencement of this Part.'",
        ),
        Citation(
            instrument="Powers of Criminal Courts Act 1973",
            provision="s.1C(1)",
            checked=CHECKED_S81,
            source="legislation.gov.uk/ukpga/1973/62/section/1C (revised text) seen; its "
            "re-enactment, Powers of Criminal Courts (Sentencing) Act 2000 s.14(1), not seen: its "
            "effect is stated in R v Longworth [2006] UKHL 1, para 21",
        ),
    ),
    _rule(
        "ew.s132.threshold",
        "Offences listed subject to a sentencing condition",
        "Where the offence is listed in Schedule 3 only subject to a sentencing condition, the "
        "person is regarded as convicted (or the finding as made) when the condition is met, so "
        "the sentence date is the relevant date.",
        _soa("s.132(1)-(3)"),
    ),
    _rule(
        "ew.s82.relevant_date",
        "The relevant date",
        "The notification period begins with the relevant date: the date of the conviction, "
        "finding or caution.",
        _soa("s.82(6)", "(c)-(d) as enacted seen; (a)-(b) derived from the explanatory notes"),
    ),
    _rule(
        "ew.s81.transitional",
        "Relevant dates before Part 2",
        "A person convicted, found not guilty by reason of insanity, found under a disability and "
        "to have done the act, or cautioned before 1 May 2004 is subject from 1 May 2004 until "
        "the end of the notification period. The period is the one in the s.82(1) table (which "
        "applies to a person within s.81(1) as to one within s.80(1)), beginning with the "
        "relevant date, with the same halving and combining of terms. Persons within s.81(7) "
        "(orders in force on 1 May 2004) are not modelled.",
        _soa_s81("s.81(1)", _S81_SEEN),
        _soa_s81("s.82(1)", _S82_1_SEEN),
        _soa_s81("s.82(6)", _S82_6_SEEN),
    ),
    _rule(
        "ew.s81.ended_before_part_2",
        "Periods that ended before Part 2",
        "s.81(1) does not apply if the notification period ended before 1 May 2004: such a "
        "conviction, finding or caution makes the person subject on no day.",
        _soa_s81("s.81(2)", _S81_SEEN),
    ),
    _rule(
        "ew.s81.before_1997",
        "Convictions, findings and cautions before 1 September 1997",
        "A caution before 1 September 1997 never counts. A conviction or finding before that "
        "day counts only if, at the beginning of it, the case was still current: not yet dealt "
        "with; or (a conviction) serving a sentence of imprisonment or subject to a community "
        "order, under supervision after release from prison, detained in hospital or subject to "
        "a guardianship order; or (a finding) detained in hospital; s.81(6) treats a person "
        "unlawfully at large, absent without leave, on temporary release or leave, or on bail "
        "pending appeal as within (3)(b), (3)(d) and (4)(b). That is the recorded fact "
        "current_on_1_september_1997; while it is unknown the source is undetermined.",
        _soa_s81("s.81(3)-(6)", _S81_SEEN),
    ),
    _rule(
        "ew.age",
        "Under 18 on the relevant date",
        "A person attains an age at the start of the anniversary of their birth; for a person "
        "born on 29 February the anniversary in a common year follows policy.leap_day.",
        _cite(
            "Family Law Reform Act 1969",
            "s.9",
            "E&W text not seen; the Northern Ireland twin (Age of Majority Act (NI) 1969 s.5) "
            "read word for word",
        ),
    ),
    _rule(
        "ew.s82.period",
        "The notification period",
        "The notification period is the period in the s.82(1) table opposite the description "
        "that applies; where several could apply the first row in the table's order is taken.",
        _soa(
            "s.82(1)",
            _REVISED_2019 + " for every row but the last ('any other description', 5 years), "
            "seen only in the Bill print (HC Bill 128)",
        ),
    ),
    _rule(
        "ew.s82.trial",
        "Finding of disability followed by a trial",
        "Where a person found under a disability and to have done the act charged is later "
        "tried for the offence, the notification period relating to the finding ends at the "
        "conclusion of the trial. The conclusion happens during that day, so the day the trial "
        "concluded is the last day of the period (documented choice). A conviction at the trial "
        "is a separate conviction with its own period, entered as its own trigger.",
        _soa_s81(
            "s.82(5)",
            "statute text not seen (the legislation.gov.uk pages for s.82 returned only "
            "subsection (1)); the rule rests on secondary descriptions of s.82(5), unverified",
        ),
    ),
    _rule(
        "ew.s82.halving",
        "Halving for under-18s",
        "For a person under 18 on the relevant date, a period of 10, 7, 5 or 2 years is halved "
        "(by calendar: 5 years, 3 years 6 months, 2 years 6 months, 1 year). Indefinite periods "
        "and the period of a conditional discharge are not halved.",
        _soa("s.82(2)", "statute text not seen; HL Bill explanatory note, clause 84"),
    ),
    _rule(
        "ew.s82.aggregation",
        "Consecutive and partly concurrent terms",
        "Where a person is sentenced for two or more Schedule 3 offences to consecutive or partly "
        "concurrent terms, each offence is treated as sentenced to the combined term: for terms "
        "ordered to run on from one another, the aggregate of the terms by calendar; where terms "
        "overlap without one containing the other, X plus Y minus Z, measured as the union of "
        "their intervals. Wholly concurrent terms, and terms that merely follow one another "
        "without being ordered consecutive, are not combined. No term starts before its own "
        "sentence date. Suspended terms ordered consecutive are aggregated like any other "
        "(rule ew.suspended_sentence); a suspended term is not combined with another merely "
        "because their intervals overlap, as it is not served.",
        _soa("s.82(3)-(4)", "statute text not seen; HL Bill explanatory note, clause 84"),
        _cite(
            "Sentencing Act 2020",
            "s.277(3)",
            "legislation.gov.uk, text as enacted seen (/ukpga/2020/17/group/THIRD/part/10/"
            "chapter/4/enacted): suspended sentences may be consecutive within an aggregate of "
            "2 years",
        ),
    ),
    _rule(
        "ew.extended_sentence",
        "Extended sentences",
        "An extended sentence is a sentence of imprisonment (or detention) whose term is the "
        "aggregate of the appropriate custodial term and the extension period; s.82(1) compares "
        "that whole term (so a custodial term of 18 months with an extension period of 3 years "
        "is a term of 4 years 6 months: indefinite, as upheld in R (Minter) v Chief Constable of "
        "Hampshire [2011] EWHC 1610 (Admin)).",
        _cite(
            "Sentencing Act 2020",
            "s.254",
            "legislation.gov.uk (/ukpga/2020/17/part/10/chapter/2/crossheading/extended-"
            "sentences) seen: 'a sentence of detention the term of which is equal to the "
            "aggregate of (a) the appropriate custodial term ... and (b) a further period (the "
            "extension period)'",
        ),
        _cite(
            "Sentencing Act 2020",
            "ss.266, 279",
            "the same words not seen for these sections (only the s.279 heading and s.281 on its "
            "terms, legislation.gov.uk /ukpga/2020/17/section/281/enacted); Halsbury's Laws "
            "(Sentencing) para 18 summary states the same aggregate for imprisonment and detention",
        ),
        _cite(
            "Criminal Justice Act 2003",
            "ss.226A, 226B, 227, 228",
            "not seen; the earlier extended sentences, entered the same way",
        ),
        _cite(
            "Powers of Criminal Courts (Sentencing) Act 2000",
            "s.85",
            "not seen; the sentence in Minter (judgment para 1, caselaw.nationalarchives.gov.uk/"
            "ewhc/admin/2011/1610: 4 1/2 years, custodial term 18 months, extension 3 years); "
            "the Divisional Court dismissed the challenge to indefinite notification, per "
            "[2013] EWCA Civ 697 para 1 (the Court of Appeal's own outcome not seen)",
        ),
    ),
    _rule(
        "ew.offender_of_particular_concern",
        "Sentences for offenders of particular concern",
        "A sentence for an offender of particular concern is for a term equal to the aggregate of "
        "the appropriate custodial term and a further period of 1 year for which the offender is "
        "to be subject to a licence; s.82(1) compares that whole term (a custodial term of "
        "18 months is a term of 30 months: indefinite).",
        _cite(
            "Sentencing Act 2020",
            "s.265(2), s.278(2)",
            "legislation.gov.uk seen (s.265: /ukpga/2020/17/part/10/chapter/3/crossheading/"
            "special-custodial-sentence-for-certain-offenders-of-particular-concern; s.278: "
            "/ukpga/2020/17/group/THIRD/part/10/chapter/4/enacted)",
        ),
        _cite(
            "Sentencing Act 2020",
            "s.252A",
            "not seen (under-18s; taken to follow ss.265 and 278); CJA 2003 s.236A, the earlier "
            "provision, not seen",
        ),
    ),
    _rule(
        "ew.s82.resentence",
        "Sentence date and re-sentencing",
        "A trigger carries the day its disposal was passed and each later occasion on which the "
        "offender was dealt with again for the offence, known once its date is reached. "
        "Documented reading: the disposal in force on the assessment date decides the row of the "
        "s.82(1) table (a sentence on breach of a conditional discharge, a community or youth "
        "rehabilitation order, or on activation of a suspended sentence, replaces the earlier "
        "disposal from its own date); a sentence substituted on appeal stands in place of the "
        "one it varied from that one's date. The period still begins with the relevant date "
        "(s.82(6)). Where the period of a conditional discharge ended before the re-sentence, "
        "the person is not subject in between and is subject again from the re-sentence until "
        "the end of the new period. An earlier custodial sentence replaced other than on appeal "
        "is flagged for review, as s.82(1) covers a person who 'is or has been sentenced'.",
        _soa("s.82(1), (6)", _REVISED_2019 + "; the re-sentencing reading is the library's"),
        _cite(
            "Sentencing Act 2020",
            "s.82",
            "only s.82(2) seen (legislation.gov.uk revised text); the words ending the deeming "
            "of a discharged conviction once the offender is sentenced for the offence not seen",
        ),
    ),
    _rule(
        "ew.s131.detention_and_training_order",
        "Detention and training orders",
        "A detention and training order counts as imprisonment for the period of detention the "
        "person is liable to serve: half its term. Sentencing Code s.246: where a court, using a "
        "power to deal with a person for an offence as a court could have on a previous occasion "
        "or as if the person were the same age as when convicted, makes a detention and training "
        "order and the person has reached 18, the person is treated as sentenced to detention in "
        "a young offender institution for the same term. The age is tested on the day the order "
        "was made (its sentence date, or the date of the re-sentence). Documented reading: an "
        "order made at first sentence on a person who reached 18 after conviction is treated "
        "under s.246 (s.246(1)(a)(ii)) and flagged for review; an order recorded for a person "
        "aged 18 or over when convicted, which s.234(1)(a) does not allow, is flagged for review "
        "and counted the same way.",
        _soa("s.131(a)"),
        _cite("Sentencing Act 2020", "s.241(2)", "legislation.gov.uk revised text"),
        _cite(
            "Sentencing Act 2020",
            "s.234(1)(a)",
            "legislation.gov.uk point in time 14/07/2022 (/ukpga/2020/17/part/10/chapter/2/"
            "2022-07-14): 'the offender is aged under 18, but at least 12, when convicted'",
        ),
        _cite(
            "Sentencing Act 2020",
            "s.246(1)-(2)",
            "legislation.gov.uk point in time 14/07/2022 (/ukpga/2020/17/section/246/2022-07-14), "
            "conditions (a)(i)-(ii), (b) and (c) seen",
        ),
    ),
    _rule(
        "ew.suspended_sentence",
        "Suspended sentences",
        "A suspended sentence of imprisonment counts as a sentence of imprisonment for its term: "
        "a suspended sentence order is an order that a sentence of imprisonment (or detention in "
        "a young offender institution) is not to take effect unless activated (Sentencing Code "
        "s.286(1)), so the sentence passed is one of imprisonment for its term. UNVERIFIED: the "
        "general deeming words of CJA 2003 s.189(6) ('treated as a sentence of imprisonment for "
        "the purposes of all enactments') were not found in the Sentencing Code.",
        _cite(
            "Sentencing Act 2020",
            "s.286(1)",
            "legislation.gov.uk point in time 30/04/2021 (/ukpga/2020/17/part/10/chapter/5/"
            "crossheading/what-a-suspended-sentence-order-is/2021-04-30) seen",
        ),
        _cite(
            "Criminal Justice Act 2003",
            "s.189(6)",
            "as enacted, truncated; secondary source only; unverified",
        ),
    ),
    _rule(
        "ew.s82.review",
        "Terms to check",
        "Flagged for human review: a term stated in weeks or days, or a combined or halved "
        "term, that is within 7 days of 6 or 30 months when compared by calendar from its start "
        "(a documented choice: the statute says nothing of weeks); a detention and training "
        "order of a term not available on the day it was made, or for a person not under 18 "
        "when convicted, or made at first sentence on a person who had reached 18; an "
        "earlier custodial sentence replaced other than on appeal; and a person subject again "
        "from a re-sentence after the period of a conditional discharge ended, whose duties "
        "from then on are not modelled.",
        _soa("s.82(1)", _REVISED_2019),
        _cite(
            "Sentencing Act 2020",
            "s.236(1)",
            "legislation.gov.uk; amended by PCSC Act 2022 s.158 from 28 June 2022",
        ),
    ),
    _rule(
        "ew.s83.initial",
        "Initial notification",
        "A relevant offender must notify within the period of 3 days beginning with the relevant "
        "date, not counting any time when they are remanded in or committed to custody by an "
        "order of a court or kept in service custody, serving a sentence of imprisonment or a "
        "term of service detention, detained in a hospital, or outside the United Kingdom "
        "(policy.partial_days).",
        _soa("s.83(1)"),
        _soa(
            "s.83(6)",
            "statute text not seen; its list is taken from s.85(4) (third-party verbatim copy of "
            "the revised text), which the explanatory note to s.84 (para 168) says s.83(6) mirrors",
        ),
    ),
    _rule(
        "ew.s83.transitional",
        "Initial notification from 1 May 2004",
        "For a relevant date before 1 May 2004 the 3 days of s.83(1) begin with 1 May 2004 "
        "('or, if later, the commencement of this Part'). s.83(3): no initial notification is "
        "needed if the person complied with s.2(1) of the Sex Offenders Act 1997 for that "
        "conviction, finding or caution. Documented reading: a notification recorded in the case "
        "dated before 1 May 2004 and on or after the relevant date is taken as that compliance "
        "(whether it was within the 1997 Act's own time limit is not tested); with none "
        "recorded the duty stands, and the first notification under Part 2 answers it, whether "
        "recorded as initial, change or periodic (documented reading: each gives the s.83(5) "
        "information). A notification before 1 May 2004 is not one under Part 2, so "
        "it starts no periodic cycle and discharges no Part 2 duty, though names and premises "
        "it gave count as notified (s.84(1)(a), (c) name s.2 of the 1997 Act).",
        _soa_s81("s.83(1), (3)", _S83_SEEN),
    ),
    _rule(
        "ew.s83.exception",
        "No initial notification when already subject and notified",
        "No initial notification is needed for a new conviction, finding or caution if, "
        "immediately before it, the person was subject because of an earlier event, had made the "
        "initial notification for that event, and remains subject because of it throughout the "
        "new 3-day period.",
        _soa("s.83(2)"),
    ),
    _rule(
        "ew.s84.name",
        "Change of name",
        "Within 3 days (not counting time away) beginning with using a name not notified under "
        "s.83(1) or s.84(1), the person must notify it. An advance notification (s.84(2)) "
        "notifies the name once the use it covered has happened, or from its date if given after "
        "the name was used. A name given in a periodic (s.85(1)) notification both answers the "
        "duty and counts as notified (policy.periodic_notifies_changes; the other reading: it does "
        "neither, as s.84(1)(a) lists only s.83(1) and s.84(1)); a notice of non-occurrence "
        "(s.84(4)(b)) does neither. Further uses of the name while its duty is undischarged give "
        "no further duty: not notifying it is one failure, prosecuted once (s.91(3)).",
        _soa("s.84(1)(a)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        _soa("s.85(1)", _S85_COPY, checked=RECHECKED),
        _soa("s.83(5)", _S83_5, checked=RECHECKED),
        _soa("s.91(3)", _S91_2004, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.home_address",
        "Change of home address",
        "Within 3 days (not counting time away) beginning with any change of home address, the "
        "person must notify the new home address. Each change is a change of its own, a move "
        "back to an earlier address included. A periodic (s.85(1)) notification that gives the "
        "new address answers the duty (policy.periodic_notifies_changes; the other reading: only "
        "a notification under s.83(1) or s.84(1) does).",
        _soa("s.84(1)(b)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
    _rule(
        "ew.s84.qualifying_stay",
        "Qualifying period at other premises",
        "Within 3 days (not counting time away) beginning with the day on which the person has "
        "resided or stayed at un-notified premises in the UK for 7 days, or for periods in any "
        "12 months that together amount to 7 days (calendar days, rolling 12 months; only days "
        "while subject count), the person must notify the address. Premises are notified as a "
        "name is (ew.s84.name): an address given in a periodic (s.85(1)) notification both "
        "answers the duty and counts as notified (policy.periodic_notifies_changes; the other "
        "reading: it does neither, as s.84(1)(c) lists only s.83(1) and s.84(1)).",
        _soa("s.84(1)(c)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        _soa("s.84(6)", "statute text not seen; explanatory note para 165, Halsbury's para 505"),
        _soa("s.85(1)", _S85_COPY, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.release",
        "Release",
        "Within 3 days (not counting time away) beginning with release from custody, "
        "imprisonment, service detention or hospital detention, the person must notify the fact "
        "of release. Detentions that follow one another at once are one detention. Any "
        "notification given in person on or after the release answers it "
        "(policy.release_notified_by_attendance).",
        _soa("s.84(1)(d)"),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
    _rule(
        "ew.s84.advance",
        "Advance notification",
        "A notification of a name, a change of home address or a qualifying period may be given "
        "before the event, with its expected date D. It discharges the duty if the event occurs "
        "from D-2 to D+2; not if it occurs more than 2 days before D, or has not occurred by the "
        "end of the 3 days beginning with D. A detail it gives that is already notified when it "
        "is given (a name or premises notified by then, or the home address then last notified) "
        "announces no change: the events it relates to are the changes it announces.",
        _soa("s.84(2)-(4)(a)", _S84_ENACTED, checked=RECHECKED),
    ),
    _rule(
        "ew.s84.non_occurrence",
        "Notice that an expected event did not occur",
        "If a change an advance notification announced (not a detail already notified) has not "
        "occurred by the end of the 3 days beginning with D, the person must, within the period "
        "of 6 days beginning with D (not counting time away), notify that it did not occur.",
        _soa("s.84(4)(b)", _S84_ENACTED, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
    ),
    _rule(
        "ew.s85.annual",
        "Annual notification",
        "Within one year after each notification under s.83(1), s.84(1) or s.85(1) (ending on the "
        "corresponding date; policy.corresponding_date), the person must notify again, unless "
        "they have meanwhile given a notification under s.84(1). An advance notification is a "
        "notification under s.84(1) (s.84(2)). Documented reading: any notification under "
        "s.83(1), s.84(1) or s.85(1) within the period answers the duty, as each gives the "
        "s.83(5) information the duty asks for.",
        _soa("s.85(1), (2), (5)(b)", "third-party verbatim copy of the revised text"),
    ),
    _rule(
        "ew.s85.first_after_commencement",
        "First periodic notification after 1 May 2004",
        "For a person who is a relevant offender from 1 May 2004 (subject under s.81), the "
        "commencement of Part 2 is itself an event: the person must notify within one year "
        "after it (by 1 May 2005, later if s.85(3) extends it), unless a notification under "
        "s.83(1), s.84(1) or s.85(1) is given within that year; a notification given on 1 May "
        "2004 itself counts (documented choice). A notification under the 1997 Act does not "
        "start the year.",
        _soa_s81("s.85(1), (2)(a)", _S85_SEEN),
    ),
    _rule(
        "ew.s85.weekly",
        "Weekly notification without a sole or main residence",
        "Where the last home address notified was a place where the person can regularly be "
        "found (no sole or main residence), the applicable period is one week. The period of a "
        "cycle is the one in force on the day the cycle starts. A home address notified in "
        "advance counts from the day of the move it covered.",
        _soa("s.85(5)(a), (6)", "third-party verbatim copy; E&W s.85(6) cut off"),
        Citation(
            instrument=REGS_2012,
            provision="",
            checked=CHECKED,
            source="regulation number and wording not seen; in force 13 Aug 2012 per the "
            "Home Office publication page",
        ),
        in_force=DateInterval(WEEKLY_NOTIFICATION_FROM, END_OF_TIME),
    ),
    _rule(
        "ew.s85.extension",
        "Periodic deadline while detained or abroad",
        "Where the applicable period would end while the person is remanded or committed to "
        "custody, serving a sentence, detained in hospital or outside the UK, it continues until "
        "the end of 3 days beginning when that ceases (spells that follow one another at once "
        "joined into one).",
        _soa("s.85(3)-(4)", "third-party verbatim copy of the revised text"),
    ),
    _rule(
        "ew.s91.breach",
        "Breach",
        "A person who fails, without reasonable excuse, to comply commits an offence on the day "
        "they first fail; a failure under s.83(1), s.84(1) or s.85(1), or of a requirement of "
        "regulations under s.86(1) (foreign travel), continues while the failure continues (or "
        "until the requirements end), a failure under s.84(4)(b) does not. The "
        "library reports prima facie breach: reasonable excuse is a fact for the caller.",
        _soa("s.91(1)(a), (3)"),
    ),
    _rule(
        "ew.s80.cessation",
        "End of the requirements",
        "A person is a relevant offender only for the time being subject to the requirements: a "
        "duty whose deadline falls after the notification period has ended is not required.",
        _soa(
            "s.80(2)",
            "as enacted (scan page 48 on en.wikisource.org) and the latest revised text on "
            "legislation.gov.uk, seen word for word",
            checked=RECHECKED,
        ),
        _soa("s.82(1)", _REVISED_2019),
    ),
    _rule(
        "ew.s103g.remains_subject",
        "A sexual harm prevention order keeps a relevant offender subject",
        "Where a sexual harm prevention order, or an interim one, is made in respect of a person "
        "who was a relevant offender immediately before it was made (subject through a "
        "conviction, finding or caution on the day it was made), and the notification period "
        "would end while the order has effect, the person remains subject until the order ceases "
        "to have effect: its last day as made or as last renewed or varied, or the day before a "
        "court discharged it; while it has effect until further order, no end is known. An order "
        "that ceases on or before the last day of the period changes nothing. One order keeping "
        "the person subject makes the person a relevant offender when a later order is made. "
        "Orders made before 8 March 2015 are not sexual harm prevention orders (the sexual "
        "offences prevention orders they replaced are not modelled) and have no effect here. "
        "An order made on a person who was not a relevant offender is ew.s103g.makes_subject.",
        _soa(
            "s.103G(1), (4)",
            "legislation.gov.uk/ukpga/2003/42/section/103G/2015-03-08 and the latest revised text "
            "(/section/103G), seen word for word: (1) 'the defendant would (apart from this "
            "subsection) cease to be subject to the notification requirements of this Part while "
            "the order (as renewed from time to time) has effect, the defendant remains subject "
            "to the notification requirements'; (4) applies (1)-(3) to an interim order without "
            "'(as renewed from time to time)'",
            checked=RECHECKED,
        ),
        _cite(
            "Anti-social Behaviour, Crime and Policing Act 2014",
            "Sch. 5 para. 2 (inserting ss.103A-103K)",
            "legislation.gov.uk/ukpga/2014/12/schedule/5 commencement note seen: in force "
            "8 March 2015 by SI 2015/373 art. 2(e)",
        ),
        Citation(
            instrument="Sentencing Act 2020",
            provision="s.352(2)(b), (3)",
            checked=RECHECKED,
            source="text not seen; the legislation.gov.uk annotation to SOA 2003 s.103G was seen: "
            "'Pt. 2 applied (with modifications) (1.12.2020) by Sentencing Act 2020 (c. 17), "
            "ss. 352(2)(b)(3)' (orders made on conviction under the Sentencing Code are taken "
            "to have the same effect)",
        ),
        in_force=DateInterval(SHPO_COMMENCEMENT, END_OF_TIME),
    ),
    _rule(
        "ew.s103g.makes_subject",
        "A sexual harm prevention order makes a person subject",
        "Where a sexual harm prevention order, or an interim one, is made in respect of a person "
        "who was not a relevant offender immediately before it was made (not subject through "
        "any conviction, finding or caution on the day it was made), the order makes the person "
        "subject until it ceases to have effect (its last day as made or as last renewed or "
        "varied, or the day before a court discharged it; no end while it has effect until "
        "further order), and Part 2 applies with the date of service of the order as the "
        "relevant date: the initial notification is due within 3 days beginning with it. The "
        "statute makes the person subject from the making of the order; the engine counts the "
        "person subject from service (the same day where the order is served when made), so no "
        "duty is found for days between the making and service (a documented simplification). "
        "Where the date of service is not recorded, the relevant date is undetermined and the "
        "day the order was made stands in for it.",
        _soa(
            "s.103G(2)-(4)",
            "legislation.gov.uk/ukpga/2003/42/section/103G/2015-03-08, seen word for word: (2)(a) "
            "'the order causes the defendant to become subject to the notification requirements "
            "of this Part from the making of the order until the order (as renewed from time to "
            "time) ceases to have effect'; (3) 'The \"relevant date\" is the date of service "
            "of the order'; (4) the same for an interim order",
            checked=RECHECKED,
        ),
        Citation(
            instrument="Sentencing Act 2020",
            provision="s.352(2)(b), (3)",
            checked=RECHECKED,
            source="text not seen; the legislation.gov.uk annotation to SOA 2003 s.103G was seen: "
            "'Pt. 2 applied (with modifications) (1.12.2020) by Sentencing Act 2020 (c. 17), "
            "ss. 352(2)(b)(3)'",
        ),
        in_force=DateInterval(SHPO_COMMENCEMENT, END_OF_TIME),
    ),
    _rule(
        "ew.s91b.qualifying_date",
        "When a review of indefinite notification requirements may be sought",
        "A person subject to the notification requirements for an indefinite period through a "
        "conviction, finding or caution (s.80(1) or 81(1)) may apply to the chief officer of "
        "police for a determination that they are no longer subject, on or after the qualifying "
        "date: the day after the end of the 15-year period (8-year period if under 18 on the "
        "relevant date) beginning with the day of the relevant notification. The relevant "
        "notification is read as the first notification given on or after the relevant date (or "
        "the day the person became subject), or, where the person was detained on the relevant "
        "date, the first given on or after the day of release (a documented reading: the "
        "statute's definition was not seen). After a determination that the person must remain "
        "subject, the further qualifying date is the day after the end of the 8-year period, or "
        "the longer period the chief officer set, beginning with the day of the determination "
        "(the day the notice was received where the determination's own date is not recorded). "
        "A person is not a qualifying relevant offender while a sexual harm prevention order or "
        "interim order has effect, so the first day an application may be made is reported as "
        "the later of the qualifying date and the day after the order ceases, and none while an "
        "order has effect until further order. The transitional qualifying dates for "
        "applications in the first years of the scheme (s.91B(7)) are not modelled.",
        Citation(
            instrument=SOA,
            provision="s.91A(1)-(3)",
            checked=RECHECKED,
            source="text of the draft Order (legislation.gov.uk/ukdsi/2012/9780111521403/article/"
            "3) seen: (2) qualifying on the date of application if subject to the indefinite "
            "notification requirements and not subject to a sexual offences prevention order or "
            "interim order; the current (2)(b) naming sexual harm prevention orders and interim "
            "orders was not seen (from the legal research notes)",
        ),
        Citation(
            instrument=SOA,
            provision="s.91B(1)-(3)",
            checked=RECHECKED,
            source="third-party verbatim copy of the revised text (help-benidorm.com, Lexis "
            "extract) seen for (1)-(2) and the opening of (3): (2)(a) 'the day after the end of "
            "the 15 year period beginning with the day on which the qualifying relevant offender "
            "gives the relevant notification', (b) the same with 8 years where under 18 on the "
            "relevant date; (3) 'the day after the end of the 8 year period beginning with the "
            "day on which the relevant chief officer of police makes a determination under "
            "section 91C'; (4)-(7) and the definition of 'relevant notification' not seen",
        ),
        _cite(
            "SI 2012/1883 (Sexual Offences Act 2003 (Remedial) Order 2012)",
            "art. 1(1), art. 3",
            "vlex.co.uk copy of the made Order seen: made 16 July 2012, in force 14 days after "
            "it was made; art. 3 inserts ss.91A-91G",
        ),
        in_force=DateInterval(REVIEW_COMMENCEMENT, END_OF_TIME),
    ),
    _rule(
        "ew.s91c.discharged",
        "A determination on review that the person need not remain subject",
        "Where the chief officer determines on review that the person is no longer to be subject "
        "to the indefinite notification requirements, the person ceases to be subject on the "
        "date the notice of the determination is received. Ceasing to be subject on a day is "
        "read as not being subject on that day: the last day subject is the day before, and a "
        "duty whose deadline falls on or after it is not required (a named choice; the other "
        "reading moves the last day by one day). A determination that the person must remain "
        "subject changes nothing but the next qualifying date (ew.s91b.qualifying_date).",
        Citation(
            instrument=SOA,
            provision="s.91C",
            checked=RECHECKED,
            source="statute text not seen; Halsbury's Laws para 511 as cited in the legal "
            "research notes: the offender ceases to be subject on the date of receipt of the "
            "notice of determination",
        ),
        _cite(
            "SI 2012/1883 (Sexual Offences Act 2003 (Remedial) Order 2012)",
            "art. 3",
            "legislation.gov.uk/ukdsi/2012/9780111521403/note (explanatory note) seen: s.91A "
            "provides for a determination that the qualifying relevant offender ceases to remain "
            "subject to the indefinite notification requirements",
        ),
        in_force=DateInterval(REVIEW_COMMENCEMENT, END_OF_TIME),
    ),
)


# --------------------------------------------------------------------------------------------
# Who is subject, and for how long
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Custody:
    """A trigger's custodial sentence as the s.82(1) table compares it.

    ``start`` to ``end`` (half-open) is the custodial interval; ``term`` the exact calendar term
    where there is one (a term in months, half of an even detention and training order, the sum
    of consecutive terms), ``None`` where only the interval measures it (partly concurrent
    terms, half of an odd detention and training order).

    A term in days or weeks is compared with the table's 6 and 30 months by calendar from its
    start; from the 29th, 30th or 31st of a month the end of those months follows
    ``policy.leap_day``. The comparison asks for the reading only where the two readings give
    different answers (:meth:`reading_matters`); under a strict policy only then does it raise."""

    start: date
    end: date
    term: CalendarPeriod | None
    policy: Policy
    combined_with: tuple[str, ...] = ()
    dto: bool = False
    adult_dto: bool = False
    suspended: bool = False
    ends: tuple[date, date] | None = None  # the end under (next_day, previous_day) if they differ

    def _end(self, reading: NoCorrespondingDay) -> date:
        return self.ends[_READINGS.index(reading)] if self.ends is not None else self.end

    def _reach(self, reading: NoCorrespondingDay) -> date:
        if self.term is not None:
            return add_period(self.start, self.term, reading)
        return self._end(reading)

    def _boundary(self, months: int, reading: NoCorrespondingDay) -> date:
        return add_period(self.start, CalendarPeriod(months=months), reading)

    def _answers(self, months: int, test: Callable[[date, date], bool]) -> list[bool]:
        """The comparison under each reading, the same reading for the term and the months."""
        return [test(self._reach(r), self._boundary(months, r)) for r in _READINGS]

    def _compare(self, months: int, test: Callable[[date, date], bool]) -> bool:
        answers = self._answers(months, test)
        if answers[0] == answers[1]:
            return answers[0]
        if self.policy.leap_day is NoCorrespondingDay.RAISE:
            raise AmbiguousReadingError(
                "leap_day",
                f"comparing a term with {months} months from a day the month may lack depends on "
                "the reading; choose one",
            )
        return answers[_READINGS.index(self.policy.leap_day)]

    def more_than(self, months: int) -> bool:
        if not self.inexact:
            assert self.term is not None
            return self.term.total_months > months
        return self._compare(months, lambda reach, boundary: reach > boundary)

    def at_least(self, months: int) -> bool:
        if not self.inexact:
            assert self.term is not None
            return self.term.total_months >= months
        return self._compare(months, lambda reach, boundary: reach >= boundary)

    def reading_matters(self, months: int) -> bool:
        """Whether comparing the term with ``months`` gives different answers under the two
        leap-day readings (a term in days or weeks from a month-end start)."""
        if not self.inexact:
            return False
        above = self._answers(months, lambda reach, boundary: reach > boundary)
        reaches = self._answers(months, lambda reach, boundary: reach >= boundary)
        return above[0] != above[1] or reaches[0] != reaches[1]

    @property
    def inexact(self) -> bool:
        """Whether the comparison with the table's months is by calendar days, not whole months."""
        return self.term is None or self.term.day_count != 0

    def near(self, months: int, days: int = 7) -> bool:
        return self.inexact and any(
            abs((self._reach(r) - self._boundary(months, r)).days) <= days for r in _READINGS
        )


_READINGS = (NoCorrespondingDay.NEXT_DAY, NoCorrespondingDay.PREVIOUS_DAY)


@attrs.frozen(kw_only=True)
class PeriodRow:
    """One row of the s.82(1) table, as data: its words, the test for it, and its period.

    ``period`` is ``None`` for an indefinite period; ``of_disposal`` rows take the period of the
    conditional discharge; ``halvable`` rows are halved for a person under 18 (s.82(2)).

    >>> [row.key for row in PERIOD_TABLE][:3]
    ['life-ipp-or-30-months', 'hospital-restriction-order', 'more-than-6-less-than-30-months']
    """

    key: str
    words: str
    applies: Callable[[Trigger, _Custody | None], bool]
    period: CalendarPeriod | None
    halvable: bool = False
    of_disposal: bool = False


PERIOD_TABLE: tuple[PeriodRow, ...] = (
    PeriodRow(
        key="life-ipp-or-30-months",
        words="sentenced to imprisonment for life, to imprisonment for public protection, or to "
        "imprisonment for a term of 30 months or more",
        applies=lambda t, c: (
            isinstance(t.disposal, (LifeImprisonment, ImprisonmentForPublicProtection))
            or (c is not None and c.at_least(30))
        ),
        period=None,
    ),
    PeriodRow(
        key="hospital-restriction-order",
        words="admitted to a hospital subject to a restriction order",
        applies=lambda t, c: isinstance(t.disposal, HospitalOrder) and t.disposal.restriction_order,
        period=None,
    ),
    PeriodRow(
        key="more-than-6-less-than-30-months",
        words="sentenced to imprisonment for a term of more than 6 months but less than 30 months",
        applies=lambda t, c: c is not None and c.more_than(6) and not c.at_least(30),
        period=CalendarPeriod(years=10),
        halvable=True,
    ),
    PeriodRow(
        key="6-months-or-less",
        words="sentenced to imprisonment for a term of 6 months or less",
        applies=lambda t, c: c is not None and not c.more_than(6),
        period=CalendarPeriod(years=7),
        halvable=True,
    ),
    PeriodRow(
        key="hospital-without-restriction-order",
        words="admitted to a hospital without being subject to a restriction order",
        applies=lambda t, c: (
            isinstance(t.disposal, HospitalOrder) and not t.disposal.restriction_order
        ),
        period=CalendarPeriod(years=7),
        halvable=True,
    ),
    PeriodRow(
        key="caution",
        words="a person within section 80(1)(d) (cautioned)",
        applies=lambda t, c: t.kind is TriggerKind.CAUTION,
        period=CalendarPeriod(years=2),
        halvable=True,
    ),
    PeriodRow(
        key="conditional-discharge",
        words="an order for conditional discharge is made in respect of the offence",
        applies=lambda t, c: isinstance(t.disposal, ConditionalDischarge),
        period=None,
        of_disposal=True,
    ),
    PeriodRow(
        key="any-other-description",
        words="a person of any other description",
        applies=lambda t, c: True,
        period=CalendarPeriod(years=5),
        halvable=True,
    ),
)


_TERMS = (
    Imprisonment,
    DetentionAndTrainingOrder,
    SuspendedImprisonment,
    ExtendedSentence,
    OffenderOfParticularConcern,
)
_CUSTODIAL = (*_TERMS, LifeImprisonment, ImprisonmentForPublicProtection)


@attrs.frozen(kw_only=True)
class _Sentence:
    """One disposal of a trigger's history: passed on ``made_on`` (for a variation on appeal,
    the day of the sentence it replaced), for ``reason`` (``None`` for the first sentence), and
    ``dated`` the day the court dealt with the offender (the re-sentence's own date)."""

    disposal: Disposal | None
    made_on: date
    dated: date
    reason: ResentenceReason | None = None
    replaced_on_appeal: bool = False


def _history(trigger: Trigger, as_of: date) -> list[_Sentence]:
    """The sentences of ``trigger`` known on ``as_of``, in date order; the last is in force.

    A sentence passed after ``as_of`` is not yet known (the first one then leaves the disposal
    awaited). A variation on appeal replaces the sentence in force before it from that
    sentence's own date; any other re-sentence takes effect from its own date.
    """
    first = trigger.disposal if trigger.sentence_date <= as_of else None
    history = [
        _Sentence(disposal=first, made_on=trigger.sentence_date, dated=trigger.sentence_date)
    ]
    for resentence in trigger.history(as_of):
        current = history[-1]
        if resentence.reason.replaces_from_the_start:
            history[-1] = attrs.evolve(current, replaced_on_appeal=True)
            made_on = current.made_on
        else:
            made_on = resentence.date
        history.append(
            _Sentence(
                disposal=resentence.disposal,
                made_on=made_on,
                dated=resentence.date,
                reason=resentence.reason,
            )
        )
    return history


def _in_force(timeline: Timeline) -> dict[str, Trigger]:
    """Each known trigger as it stands on the assessment date: the disposal in force, passed on
    its own sentence date, with the re-sentences known by then."""
    as_of = timeline.as_of
    current: dict[str, Trigger] = {}
    for trigger in timeline.triggers:
        last = _history(trigger, as_of)[-1]
        current[trigger.id] = attrs.evolve(
            trigger,
            disposal=last.disposal,
            sentence_date=last.made_on,
            resentences=trigger.history(as_of),
        )
    return current


def _term_ends(
    start: date, term: CalendarPeriod, policy: Policy
) -> tuple[date, tuple[date, date] | None]:
    """The day after the last day of a term beginning with ``start`` (its anniversary) under
    ``policy.leap_day`` (under a strict policy, the next-day reading stands in), and the end under
    each reading where they differ. Terms and the table's 6 and 30 months are measured alike, with
    the leap-day reading that the notification periods use."""
    both = (add_period(start, term, _READINGS[0]), add_period(start, term, _READINGS[1]))
    chosen = both[1] if policy.leap_day is NoCorrespondingDay.PREVIOUS_DAY else both[0]
    return chosen, both if both[0] != both[1] else None


def _ambiguous_end(custody: _Custody) -> bool:
    """Whether the end of ``custody`` depends on a leap-day reading that the policy leaves open."""
    return custody.ends is not None and custody.policy.leap_day is NoCorrespondingDay.RAISE


def _partly(x: _Custody, y: _Custody, x_end: date, y_end: date) -> bool:
    """Whether ``y``, starting no earlier than ``x``, overlaps it without either containing the
    other (partly concurrent), given their ends."""
    return x.start < y.start < x_end < y_end


def _unsettled() -> AmbiguousReadingError:
    return AmbiguousReadingError(
        "leap_day",
        "where a term from a day the month may lack ends decides how terms combine; choose one",
    )


def _custody(
    timeline: Timeline, in_force: dict[str, Trigger]
) -> tuple[dict[str, _Custody], list[str]]:
    """Each known trigger's custodial sentence in force, combined where s.82(3)-(4) combines
    terms.

    A term starts on its own ``start``, else on its sentence date; a term ``consecutive_to``
    another starts when that one ends, and one ``concurrent_with`` another starts with it, but
    never before its own sentence date (a later sentence cannot be backdated). A suspended
    sentence counts as imprisonment for its term (rule ``ew.suspended_sentence``): suspended terms
    ordered consecutive are aggregated; a suspended term is never combined with another merely
    because their intervals overlap, as it is not served.
    """
    policy = timeline.policy
    paths = {t.id: timeline.path(t) for t in timeline.triggers}
    born = timeline.case.person.date_of_birth
    own: dict[str, _Custody] = {}
    follows: dict[str, str] = {}  # trigger id -> id of the term it runs on from
    missing: list[str] = []

    def resolve(trigger: Trigger) -> _Custody | None:
        if trigger.id in own:
            return own[trigger.id]
        disposal = trigger.disposal
        sentenced = trigger.sentence_date
        if not isinstance(disposal, _TERMS):
            return None
        start = disposal.start or sentenced
        linked = disposal.consecutive_to or disposal.concurrent_with
        if linked is not None:
            other = in_force.get(linked)
            # The term it runs from was resolved first (the chain is walked earliest first).
            before = own.get(linked) if other is not None else None
            if before is None:
                field = "consecutive_to" if disposal.consecutive_to else "concurrent_with"
                missing.append(
                    f"{paths[trigger.id]}.disposal.{field}: the term it names is not known"
                )
            elif disposal.consecutive_to:
                if _ambiguous_end(before):
                    raise _unsettled()
                start = max(before.end, sentenced)
                if start == before.end:
                    follows[trigger.id] = linked
            else:
                start = max(before.start, sentenced)
        term: CalendarPeriod | None = disposal.whole_term
        adult_dto = False
        if isinstance(disposal, DetentionAndTrainingOrder):
            # Sentencing Code s.246: a DTO made, when dealing with the person again, on a person
            # who has reached 18 counts as detention in a young offender institution for the
            # same term; otherwise the period of detention, half the term. The age is tested on
            # the day the order was made.
            adult_dto = sentenced >= _attains(born, 18, timeline)
            if not adult_dto:
                whole = disposal.term
                if whole.total_months % 2 == 0 and whole.day_count % 2 == 0:
                    term = CalendarPeriod(months=whole.total_months // 2, days=whole.day_count // 2)
                else:
                    full_end, full_ends = _term_ends(start, whole, policy)

                    def half(end: date) -> date:
                        return add_days(start, (end - start).days // 2)

                    own[trigger.id] = _Custody(
                        start=start,
                        end=half(full_end),
                        term=None,
                        dto=True,
                        policy=policy,
                        ends=(half(full_ends[0]), half(full_ends[1])) if full_ends else None,
                    )
                    return own[trigger.id]
        assert term is not None
        end, ends = _term_ends(start, term, policy)
        own[trigger.id] = _Custody(
            start=start,
            end=end,
            ends=ends,
            policy=policy,
            term=term,
            dto=isinstance(disposal, DetentionAndTrainingOrder),
            adult_dto=adult_dto,
            suspended=isinstance(disposal, SuspendedImprisonment),
        )
        return own[trigger.id]

    def linked_to(trigger: Trigger) -> Trigger | None:
        disposal = trigger.disposal
        if not isinstance(disposal, _TERMS):
            return None
        linked = disposal.consecutive_to or disposal.concurrent_with
        return in_force.get(linked) if linked is not None else None

    for trigger in timeline.triggers:
        # Resolve the chain of terms this one runs from, the earliest first, so that resolving
        # never recurses more than one link deep (a chain of thousands of consecutive terms).
        chain: list[Trigger] = []
        walked: set[str] = set()
        current: Trigger | None = in_force[trigger.id]
        while current is not None and current.id not in own and current.id not in walked:
            walked.add(current.id)
            chain.append(current)
            current = linked_to(current)
        for link in reversed(chain):
            resolve(link)
    served = own
    # s.82(3)-(4): a term that runs on from another (consecutive), or that overlaps another
    # without either containing the other (partly concurrent), is combined with it. Wholly
    # concurrent terms, and terms that merely follow one another without being ordered
    # consecutive, are not.
    parent = {tid: tid for tid in served}

    def root(tid: str) -> str:
        while parent[tid] != tid:
            parent[tid] = parent[parent[tid]]
            tid = parent[tid]
        return tid

    for later, earlier in follows.items():
        if later in served and earlier in served:
            parent[root(later)] = root(earlier)
    immediate = [tid for tid in served if not served[tid].suspended]
    ids = sorted(immediate, key=lambda tid: (served[tid].start, tid))
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            x, y = served[a], served[b]
            if y.start >= max(x._end(r) for r in _READINGS):
                break
            if _ambiguous_end(x) or _ambiguous_end(y):
                answers = {_partly(x, y, x._end(r), y._end(r)) for r in _READINGS}
                if len(answers) > 1:
                    raise _unsettled()
                combine = answers.pop()
            else:
                combine = _partly(x, y, x.end, y.end)
            if combine:
                parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for tid in served:
        groups[root(tid)].append(tid)
    combined = dict(own)
    for members in groups.values():
        if len(members) < 2:
            continue
        start = min(served[m].start for m in members)
        end = max(served[m].end for m in members)
        terms = [served[m].term for m in members]
        # Terms that only run on from one another: the aggregate is their sum (s.82(4)(a)), by
        # calendar. With any overlap the union of the intervals measures X + Y - Z.
        no_overlap = (
            sum((served[m].end - served[m].start).days for m in members) == (end - start).days
        )
        total: CalendarPeriod | None = None
        if no_overlap and all(t is not None for t in terms):
            total = CalendarPeriod()
            for t in terms:
                assert t is not None
                total = total + t
        open_ends = [served[m] for m in members if served[m].ends is not None]
        ends = (
            (
                max(served[m]._end(_READINGS[0]) for m in members),
                max(served[m]._end(_READINGS[1]) for m in members),
            )
            if open_ends
            else None
        )
        for m in members:
            combined[m] = _Custody(
                start=start,
                end=end,
                ends=ends if ends is not None and ends[0] != ends[1] else None,
                term=total,
                combined_with=tuple(sorted(set(members) - {m})),
                dto=served[m].dto,
                adult_dto=served[m].adult_dto,
                suspended=served[m].suspended,
                policy=policy,
            )
    return combined, missing


def _attains(date_of_birth: date, years: int, timeline: Timeline) -> date:
    return add_period(
        date_of_birth, CalendarPeriod(years=years), timeline.policy.leap_day, question="leap_day"
    )


def registration(timeline: Timeline, ruleset: Ruleset) -> Registration:
    """Who is subject on the assessment date, through which triggers, and until when.

    >>> from sexoffender_rules.model import Case, Person, Trigger
    >>> from sexoffender_rules.policy import Policy
    >>> case = Case(person=Person(reference="FICTIONAL-0006", date_of_birth=date(2008, 6, 1)),
    ...             triggers=(Trigger(id="t1", kind="caution", date=date(2024, 1, 10)),))
    >>> r = registration(Timeline.build(case, date(2024, 6, 1), Policy()), ENGLAND_AND_WALES)
    >>> r.subject, r.sources[0].period_text, r.end
    (True, '1 year', datetime.date(2025, 1, 9))
    """
    rule = ruleset.rule
    in_force = _in_force(timeline)
    custody, missing_links = _custody(timeline, in_force)
    born = timeline.case.person.date_of_birth
    sources: list[Source] = []
    reasons: list[Reason] = []
    for original in timeline.triggers:
        path = timeline.path(original)
        trigger = in_force[original.id]
        history = _history(original, timeline.as_of)
        if trigger.kind is TriggerKind.CONVICTION and isinstance(
            trigger.disposal, AbsoluteDischarge
        ):
            before = trigger.date < SENTENCING_CODE_COMMENCEMENT
            reasons.append(
                rule("ew.s134.absolute_discharge").reason(
                    f"{path}: convicted on {trigger.date.isoformat()}, "
                    + (
                        "before 1 December 2020: PCC(S)A 2000 s.14(1)"
                        if before
                        else "on or after 1 December 2020: Sentencing Act 2020 s.82(2)"
                    )
                    + " deems a conviction with an absolute discharge not a conviction; it does "
                    "not make the person subject.",
                    facts=[path],
                )
            )
            continue
        if (
            trigger.kind is TriggerKind.CONVICTION
            and isinstance(trigger.disposal, ConditionalDischarge)
            and trigger.relevant_date < PART_2_COMMENCEMENT
        ):
            reasons.append(
                rule("ew.s134.conditional_discharge_before_part_2").reason(
                    f"{path}: a conviction before 1 May 2004 with a conditional discharge is not "
                    "a conviction for Part 2 (s.134(2)); it does not make the person subject.",
                    facts=[path],
                )
            )
            continue
        source_reasons = [
            rule("ew.s80.subject").reason(
                f"{path}: {trigger.kind.value.replace('_', ' ')} on {trigger.date.isoformat()} in "
                "respect of a Schedule 3 offence makes the person subject.",
                facts=[path],
            )
        ]
        relevant = trigger.relevant_date
        if trigger.threshold_sentence_date is not None:
            source_reasons.append(
                rule("ew.s132.threshold").reason(
                    f"The offence is listed subject to a sentencing condition, met on "
                    f"{relevant.isoformat()}: that is the relevant date.",
                    facts=[path],
                    dates=[("relevant_date", relevant)],
                )
            )
        else:
            source_reasons.append(
                rule("ew.s82.relevant_date").reason(
                    f"The relevant date is {relevant.isoformat()}.",
                    facts=[path],
                    dates=[("relevant_date", relevant)],
                )
            )
        if len(history) > 1 or trigger.sentence_date != trigger.relevant_date:
            source_reasons.append(_history_reason(history, path, ruleset))
        missing: list[str] = [m for m in missing_links if m.startswith(path + ".")]
        transitional = relevant < PART_2_COMMENCEMENT
        before_1997 = relevant < SEX_OFFENDERS_ACT_1997_COMMENCEMENT
        if transitional and before_1997 and trigger.kind is TriggerKind.CAUTION:
            reasons.append(
                rule("ew.s81.before_1997").reason(
                    f"{path}: a caution given before 1 September 1997 does not make the person "
                    "subject (s.81(5)).",
                    facts=[path],
                )
            )
            continue
        if transitional and before_1997 and trigger.current_on_1_september_1997 is False:
            reasons.extend(source_reasons)
            reasons.append(
                rule("ew.s81.before_1997").reason(
                    f"{path}: a {trigger.kind.value.replace('_', ' ')} before 1 September 1997 "
                    "whose case was not current at the beginning of that day: s.81(1) does not "
                    "apply (s.81(3)-(4)).",
                    facts=[path, f"{path}.current_on_1_september_1997"],
                )
            )
            continue
        if trigger.kind is not TriggerKind.CAUTION and trigger.disposal is None:
            missing.append(f"{path}.disposal: needed to find the notification period (s.82(1))")
        subject_from = PART_2_COMMENCEMENT if transitional else None
        if missing:
            if transitional:
                source_reasons.append(
                    rule("ew.s81.transitional").reason(
                        "The relevant date is before 1 May 2004: the person is subject from "
                        "1 May 2004 (s.81(1)) until the end of a notification period that needs "
                        "the missing facts (and not at all if it ended before then, s.81(2)).",
                        facts=[path],
                        dates=[("subject_from", PART_2_COMMENCEMENT)],
                    )
                )
            sources.append(
                Source(
                    trigger_id=trigger.id,
                    fact=path,
                    relevant_date=relevant,
                    period=None,
                    end=None,
                    missing=tuple(missing),
                    reasons=tuple(source_reasons),
                    subject_from=subject_from,
                )
            )
            continue
        own = custody.get(trigger.id)
        row = next(r for r in PERIOD_TABLE if r.applies(trigger, own))
        source_reasons.extend(_custody_reasons(trigger, own, path, ruleset, timeline))
        source_reasons.extend(_history_review(history, path, ruleset))
        eighteen = _attains(born, 18, timeline)
        under_18 = relevant < eighteen
        source_reasons.append(
            rule("ew.age").reason(
                f"The person attains 18 on {eighteen.isoformat()}, so is "
                f"{'under 18' if under_18 else '18 or over'} on the relevant date.",
                dates=[("attains_18", eighteen)],
                readings=_month_end_reading(
                    born, "leap_day", timeline.policy.leap_day.value, months=False
                ),
            )
        )
        period: CalendarPeriod | None = None
        period_end: date | None = None
        if row.period is None and not row.of_disposal:
            source_reasons.append(
                rule("ew.s82.period").reason(
                    f"s.82(1) table: {row.words}: an indefinite period beginning with "
                    f"{relevant.isoformat()}.",
                    facts=[path],
                    readings=_term_reading(own, timeline.policy),
                )
            )
        else:
            if row.of_disposal:
                assert isinstance(trigger.disposal, ConditionalDischarge)
                period = trigger.disposal.period
            else:
                assert row.period is not None
                period = row.period
            source_reasons.append(
                rule("ew.s82.period").reason(
                    f"s.82(1) table: {row.words}: {period}.",
                    facts=[path],
                    readings=_term_reading(own, timeline.policy),
                )
            )
            if under_18 and row.halvable:
                period = period.halved()
                source_reasons.append(
                    rule("ew.s82.halving").reason(
                        f"Under 18 on the relevant date: the period is halved to {period}."
                    )
                )
            period_end = last_day_of_period_beginning_with(relevant, period, timeline.policy)
            source_reasons.append(
                rule("ew.s82.period").reason(
                    f"{period} beginning with {relevant.isoformat()} end on "
                    f"{period_end.isoformat()}.",
                    dates=[("end", period_end)],
                    readings=_month_end_reading(
                        relevant,
                        "leap_day",
                        timeline.policy.leap_day.value,
                        months=bool(period.total_months % 12),
                    ),
                )
            )
        tried = trigger.trial_concluded
        if tried is not None and (period_end is None or tried < period_end):
            source_reasons.append(
                rule("ew.s82.trial").reason(
                    f"{path}: the person was later tried for the offence, the trial concluding on "
                    f"{tried.isoformat()}: the period relating to the finding ends then, so "
                    f"{tried.isoformat()} is its last day (s.82(5)).",
                    facts=[path],
                    dates=[("end", tried)],
                )
            )
            period_end = tried
        indefinite = period_end is None
        if transitional:
            if period_end is not None and period_end < PART_2_COMMENCEMENT:
                reasons.extend(source_reasons)
                reasons.append(
                    rule("ew.s81.ended_before_part_2").reason(
                        f"{path}: the notification period ended on {period_end.isoformat()}, "
                        "before 1 May 2004: s.81(1) does not apply and the person is not "
                        "subject through it (s.81(2)).",
                        facts=[path],
                        dates=[("end", period_end)],
                    )
                )
                continue
            if before_1997:
                if trigger.current_on_1_september_1997 is None:
                    missing.append(
                        f"{path}.current_on_1_september_1997: needed to know whether s.81(3)-(4) "
                        "let this conviction or finding before 1 September 1997 count"
                    )
                    source_reasons.append(
                        rule("ew.s81.before_1997").reason(
                            f"{path}: before 1 September 1997, it counts only if the case was "
                            "current at the beginning of that day (s.81(3)-(4)), which is not "
                            "recorded: whether the person is subject through it is undetermined"
                            + ("." if period_end is None else f"; if so, not after {period_end}."),
                            facts=[path],
                        )
                    )
                else:
                    source_reasons.append(
                        rule("ew.s81.before_1997").reason(
                            f"{path}: before 1 September 1997, and the case was current at the "
                            "beginning of that day: it counts (s.81(3)-(4)).",
                            facts=[path, f"{path}.current_on_1_september_1997"],
                        )
                    )
            source_reasons.append(
                rule("ew.s81.transitional").reason(
                    "The relevant date is before 1 May 2004: "
                    + ("if it counts, " if missing else "")
                    + "the person is subject from "
                    "1 May 2004 until the end of the notification period ("
                    + ("indefinite" if period_end is None else period_end.isoformat())
                    + ") (s.81(1)).",
                    facts=[path],
                    dates=[("subject_from", PART_2_COMMENCEMENT)],
                )
            )
        if missing and indefinite:
            # Whether the person is subject at all is open: report no period (days run on).
            period = None
        lapsed = (
            _lapsed(history, relevant, period_end, timeline.policy)
            if period_end is not None
            else None
        )
        if lapsed is not None:
            source_reasons.append(
                rule("ew.s82.resentence").reason(
                    f"The period of the conditional discharge ended before the re-sentence on "
                    f"{history[-1].dated.isoformat()}: not subject from "
                    f"{lapsed.start.isoformat()} to {add_days(lapsed.end, -1).isoformat()}, "
                    "subject again from the re-sentence.",
                    facts=[path],
                    dates=[("lapsed_from", lapsed.start), ("subject_again", lapsed.end)],
                )
            )
            source_reasons.append(
                rule("ew.s82.review").reason(
                    f"{path}: subject again from a re-sentence after the period of a conditional "
                    "discharge ended; which notifications are then due (s.83(1), s.85(1)) is not "
                    "modelled: check.",
                    facts=[path],
                )
            )
        sources.append(
            Source(
                trigger_id=trigger.id,
                fact=path,
                relevant_date=relevant,
                period=period,
                end=period_end if not (missing and indefinite) else None,
                indefinite=indefinite and not missing,
                missing=tuple(missing),
                reasons=tuple(source_reasons),
                subject_from=subject_from,
                lapsed=lapsed,
            )
        )
    sources = [_kept_by_orders(source, timeline, ruleset) for source in sources]
    sources = [_review(source, timeline, ruleset) for source in sources]
    sources.extend(_made_subject_by_orders(sources, timeline, ruleset, reasons))
    subject = any(timeline.as_of in s.subject_days for s in sources)
    indefinite = any(s.indefinite or (s.kept_by and s.kept_until is None) for s in sources)
    undetermined = any(s.undetermined for s in sources)
    end: date | None = None
    if sources and not indefinite and not undetermined:
        end = max(s.last_day for s in sources if s.last_day is not None)
    if not sources:
        reasons.append(
            rule("ew.s80.subject").reason(
                "No conviction, finding or caution known on the assessment date makes the person "
                "subject."
            )
        )
    elif subject:
        reasons.append(
            rule("ew.s80.subject").reason(
                "Subject on the assessment date"
                + (
                    ": indefinitely."
                    if indefinite
                    else ", until a period that is undetermined."
                    if undetermined
                    else f" until {end.isoformat() if end else ''} (the latest end governs)."
                )
            )
        )
    elif timeline.as_of < PART_2_COMMENCEMENT:
        reasons.append(
            rule("ew.s81.transitional").reason(
                "Part 2 is not yet in force on the assessment date: the person becomes subject on "
                "1 May 2004 (s.81(1))."
            )
        )
    else:
        reasons.append(
            rule("ew.s80.subject").reason(
                f"Every notification period ended by the assessment date (the last on "
                f"{end.isoformat() if end else ''})."
            )
        )
    return Registration(
        subject=subject,
        sources=tuple(sources),
        end=end,
        indefinite=indefinite,
        undetermined=undetermined and not indefinite,
        reasons=tuple(reasons),
    )


def _kept_by_orders(source: Source, timeline: Timeline, ruleset: Ruleset) -> Source:
    """s.103G(1), (4): a sexual harm prevention order, or an interim one, made while the person
    is subject through ``source`` and having effect after the period would end keeps the person
    subject until the order ceases to have effect; orders are taken in the order they were made,
    so one order keeping the person subject lets a later one keep them subject further."""
    if source.indefinite or source.undetermined or source.end is None:
        return source
    rule = ruleset.rule("ew.s103g.remains_subject")
    reasons = list(source.reasons)
    last: date | None = source.end
    kept_by: str | None = None
    orders = sorted(
        (o for o in timeline.case.orders if o.made <= timeline.as_of),
        key=lambda o: (o.made, o.id),
    )
    for order in orders:
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        if order.made < SHPO_COMMENCEMENT:
            reasons.append(
                rule.reason(
                    f"{path}: made on {order.made.isoformat()}, before sexual harm prevention "
                    "orders came into force on 8 March 2015: it has no effect here.",
                    facts=[path],
                )
            )
            continue
        if last is None or not source.start <= order.made <= last:
            continue  # not made while the person was a relevant offender through this source
        known = order
        if order.discharged is not None and order.discharged > timeline.as_of:
            known = attrs.evolve(order, discharged=None)  # not yet discharged on the date
        ceases = known.last_day
        ceases_text = (
            "has effect until further order"
            if ceases is None
            else f"has effect until {ceases.isoformat()}"
        )
        if ceases is not None and ceases <= last:
            reasons.append(
                rule.reason(
                    f"{path}: a {what} made on {order.made.isoformat()} {ceases_text}, not after "
                    f"the last day subject ({last.isoformat()}): the person would not cease to "
                    "be subject while it has effect, so s.103G(1) changes nothing.",
                    facts=[path],
                )
            )
            continue
        reasons.append(
            rule.reason(
                f"{path}: a {what} made on {order.made.isoformat()}, while the person was a "
                f"relevant offender, {ceases_text}; the person would cease to be subject after "
                f"{last.isoformat()}, while it has effect, so remains subject "
                + (
                    "while it has effect (s.103G(1))."
                    if ceases is None
                    else f"until {ceases.isoformat()} (s.103G(1))."
                ),
                facts=[path],
                dates=[] if ceases is None else [("kept_until", ceases)],
            )
        )
        last, kept_by = ceases, path
    if len(reasons) == len(source.reasons):
        return source
    if kept_by is None:
        return attrs.evolve(source, reasons=tuple(reasons))
    return attrs.evolve(source, reasons=tuple(reasons), kept_by=kept_by, kept_until=last)


def _made_subject_by_orders(
    sources: list[Source], timeline: Timeline, ruleset: Ruleset, notes: list[Reason]
) -> Iterator[Source]:
    """s.103G(2)-(4): a source for each sexual harm prevention order, or interim order, made on a
    person who was not then a relevant offender, from service until the order ceases."""
    rule = ruleset.rule("ew.s103g.makes_subject")
    made_subject: list[Source] = []
    for order in sorted(timeline.case.orders, key=lambda o: (o.made, o.id)):
        if order.made > timeline.as_of or order.made < SHPO_COMMENCEMENT:
            continue  # not yet made, or not a sexual harm prevention order (ew.s103g.remains_subject)
        if any(order.made in s.subject_days for s in (*sources, *made_subject)):
            continue  # a relevant offender when it was made: s.103G(1) applies instead
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        _, last = _in_effect(order, timeline.as_of)
        served = order.served
        missing: tuple[str, ...] = ()
        if served is None:
            missing = (f"{path}.served: the date of service is the relevant date (s.103G(3))",)
        relevant = served or order.made
        if last is not None and last < relevant:
            notes.append(
                rule.reason(
                    f"{path}: the {what} ceased to have effect on {last.isoformat()}, before it "
                    f"was served on {relevant.isoformat()}: no day from service is subject "
                    "through it.",
                    facts=[path],
                )
            )
            continue
        ending = "while it has effect" if last is None else f"until {last.isoformat()}"
        reasons = [
            rule.reason(
                f"{path}: a {what} made on {order.made.isoformat()} on a person who was not a "
                f"relevant offender: it makes the person subject {ending} (s.103G(2)); the "
                + (
                    f"relevant date is the date of service, {served.isoformat()} (s.103G(3))."
                    if served is not None
                    else "relevant date is the date of service, which is not recorded: "
                    f"{order.made.isoformat()}, the day it was made, stands in for it."
                ),
                facts=[path],
                dates=[("relevant_date", relevant)] + ([] if last is None else [("end", last)]),
            )
        ]
        source = Source(
            trigger_id=order.id,
            fact=path,
            relevant_date=relevant,
            period=None,
            end=last,
            missing=missing,
            reasons=tuple(reasons),
            kept_by=path,
            kept_until=last,
        )
        made_subject.append(source)
        yield source


def _in_effect(order: Order, as_of: date) -> tuple[bool, date | None]:
    """Whether ``order`` has effect on ``as_of`` (a discharge after it not yet known), and its
    last day (``None`` until further order)."""
    if order.discharged is not None and order.discharged > as_of:
        order = attrs.evolve(order, discharged=None)
    last = order.last_day
    return order.made <= as_of and (last is None or last >= as_of), last


def _relevant_notification(source: Source, timeline: Timeline) -> tuple[Notification | None, str]:
    """The s.91B relevant notification of an indefinite source: the first notification on or
    after the day the person became subject through it or, where the person was detained on the
    relevant date, on or after the day of release. Returns the notification (``None`` if not yet
    given) and words saying which it is."""
    day = source.start
    detained = any(
        d.start <= day and (d.end is None or d.end > day) for d in timeline.case.detentions
    )
    if not detained:
        words = f"the first notification on or after {day.isoformat()}"
        return _first_part_2_notification(timeline, day), words
    release = next((r for r in timeline.releases if r > day), None)
    if release is None:
        return None, "the first after release; detained on the relevant date, not released"
    words = (
        f"the first notification on or after {release.isoformat()}, the day of release "
        "(detained on the relevant date)"
    )
    return _first_part_2_notification(timeline, release), words


def _review(source: Source, timeline: Timeline, ruleset: Ruleset) -> Source:
    """ss.91A-91C: the day a review of an indefinite source may first be sought, and the end of
    the requirements on a determination that the person need not remain subject."""
    as_of = timeline.as_of
    if not source.indefinite or as_of < REVIEW_COMMENCEMENT:
        return source
    qualifying = ruleset.rule("ew.s91b.qualifying_date")
    discharged = ruleset.rule("ew.s91c.discharged")
    reasons = list(source.reasons)
    reviews = sorted(
        (
            (i, r)
            for i, r in enumerate(timeline.case.review_determinations)
            if REVIEW_COMMENCEMENT <= r.notice_received <= as_of
            and r.notice_received >= source.start
        ),
        key=lambda ir: (ir[1].notice_received, ir[0]),
    )
    for i, review in reviews:
        if review.outcome is ReviewOutcome.DISCHARGED:
            path = f"review_determinations[{i}]"
            last = add_days(review.notice_received, -1)
            reasons.append(
                discharged.reason(
                    f"{path}: notice of a determination that the person need not remain subject "
                    f"was received on {review.notice_received.isoformat()}: the person ceases to "
                    f"be subject that day; the last day subject is {last.isoformat()}.",
                    facts=[path],
                    dates=[("ceased", review.notice_received), ("end", last)],
                )
            )
            return attrs.evolve(
                source, indefinite=False, period=None, end=last, reasons=tuple(reasons)
            )
    notification, words = _relevant_notification(source, timeline)
    if notification is None:
        reasons.append(
            qualifying.reason(
                f"Indefinite period: the relevant notification ({words}) has not been given by "
                "the assessment date, so the qualifying date for a review (s.91B(2)) is not yet "
                "known.",
                facts=[source.fact],
            )
        )
        return attrs.evolve(source, reasons=tuple(reasons))
    under_18 = source.relevant_date < _attains(timeline.case.person.date_of_birth, 18, timeline)
    years = 8 if under_18 else 15
    span = CalendarPeriod(years=years)
    note_path = timeline.path(notification)
    end_of_span = last_day_of_period_beginning_with(notification.date, span, timeline.policy)
    review_from = add_days(end_of_span, 1)
    reasons.append(
        qualifying.reason(
            f"Indefinite period; {'under 18' if under_18 else '18 or over'} on the relevant date: "
            f"the relevant notification ({words}) is {note_path} on "
            f"{notification.date.isoformat()}; the {years}-year period beginning with it ends on "
            f"{end_of_span.isoformat()}, so the qualifying date is {review_from.isoformat()} "
            "(s.91B(2)).",
            facts=[source.fact, note_path],
            dates=[("relevant_notification", notification.date), ("qualifying_date", review_from)],
            readings=_month_end_reading(
                notification.date, "leap_day", timeline.policy.leap_day.value, months=False
            ),
        )
    )
    for i, review in reviews:
        path = f"review_determinations[{i}]"
        made = review.determined or review.notice_received
        further = review.further_review_years or 8
        end_of_span = last_day_of_period_beginning_with(
            made, CalendarPeriod(years=further), timeline.policy
        )
        review_from = add_days(end_of_span, 1)
        reasons.append(
            qualifying.reason(
                f"{path}: a determination that the person must remain subject, made on "
                f"{made.isoformat()}"
                + ("" if review.determined else " (the day the notice was received)")
                + f": the further qualifying date is the day after the end of the {further}-year "
                f"period beginning with it, {review_from.isoformat()} (s.91B(3)"
                + ("-(5)" if review.further_review_years else "")
                + ").",
                facts=[path],
                dates=[("qualifying_date", review_from)],
            )
        )
    for order in timeline.case.orders:
        effect, ceases = _in_effect(order, as_of)
        if not effect:
            continue
        path = timeline.path(order)
        what = order.kind.value.replace("_", " ")
        if ceases is None:
            reasons.append(
                qualifying.reason(
                    f"{path}: a {what} has effect until further order: while it has effect the "
                    "person is not a qualifying relevant offender (s.91A(2)) and may not apply "
                    "for a review.",
                    facts=[path],
                )
            )
            return attrs.evolve(source, reasons=tuple(reasons), review_from=None)
        if ceases >= review_from:
            review_from = add_days(ceases, 1)
            reasons.append(
                qualifying.reason(
                    f"{path}: a {what} has effect until {ceases.isoformat()}: while it has effect "
                    "the person is not a qualifying relevant offender (s.91A(2)), so may first "
                    f"apply for a review on {review_from.isoformat()}.",
                    facts=[path],
                    dates=[("review_from", review_from)],
                )
            )
    return attrs.evolve(source, reasons=tuple(reasons), review_from=review_from)


def _describe(disposal: Disposal | None) -> str:
    """A disposal in words, for explanations."""
    if disposal is None:
        return "sentence awaited"
    if isinstance(disposal, ExtendedSentence):
        return (
            f"extended sentence (custodial term {disposal.custodial_term}, extension period "
            f"{disposal.extension_period})"
        )
    if isinstance(disposal, OffenderOfParticularConcern):
        return f"sentence for an offender of particular concern (custodial term {disposal.custodial_term})"
    if isinstance(disposal, ConditionalDischarge):
        return f"conditional discharge for {disposal.period}"
    if isinstance(disposal, OtherDisposal):
        return disposal.description or "other disposal"
    if isinstance(disposal, HospitalOrder):
        restricted = "with" if disposal.restriction_order else "without"
        return f"hospital order {restricted} a restriction order"
    name = type(disposal).__name__
    words = "".join(" " + c.lower() if c.isupper() else c for c in name).strip()
    term = getattr(disposal, "term", None)
    return f"{words} of {term}" if term is not None else words


def _history_reason(history: list[_Sentence], path: str, ruleset: Ruleset) -> Reason:
    lines = []
    for sentence in history:
        how = "sentenced" if sentence.reason is None else sentence.reason.value.replace("_", " ")
        note = " (replaced on appeal)" if sentence.replaced_on_appeal else ""
        lines.append(f"{sentence.dated.isoformat()} {how}: {_describe(sentence.disposal)}{note}")
    last = history[-1]
    text = "Sentencing history: " + "; ".join(lines) + ". "
    if last.reason is ResentenceReason.VARIATION_ON_APPEAL:
        text += (
            f"The sentence substituted on appeal stands in place of the one it varied, as if "
            f"passed on {last.made_on.isoformat()}; it decides the row of the table."
        )
    else:
        text += (
            f"The disposal in force on the assessment date, passed on {last.made_on.isoformat()}, "
            "decides the row of the table; the period still begins with the relevant date."
        )
    return ruleset.rule("ew.s82.resentence").reason(
        text, facts=[path], dates=[("sentence_in_force", last.made_on)]
    )


def _history_review(history: list[_Sentence], path: str, ruleset: Ruleset) -> Iterator[Reason]:
    """Flag a custodial sentence replaced other than on appeal: s.82(1) speaks of a person who
    "is or has been sentenced", so the earlier sentence's row may still apply."""
    last = history[-1]
    earlier = [
        s for s in history[:-1] if not s.replaced_on_appeal and isinstance(s.disposal, _CUSTODIAL)
    ]
    if earlier and last.disposal != earlier[-1].disposal:
        yield ruleset.rule("ew.s82.review").reason(
            f"{path}: an earlier custodial sentence ({_describe(earlier[-1].disposal)}) was "
            "replaced other than on appeal; s.82(1) covers a person who 'is or has been "
            "sentenced', so its row may still apply: check.",
            facts=[path],
        )


def _lapsed(
    history: list[_Sentence], relevant: date, period_end: date, policy: Policy
) -> DateInterval | None:
    """The days not subject between the end of a conditional discharge's period and a later
    re-sentence for the offence (documented reading: the person is subject again from the
    re-sentence, until the end of the new period beginning with the relevant date)."""
    last = history[-1]
    if last.reason is None or last.reason.replaces_from_the_start:
        return None
    before = history[-2].disposal
    if not isinstance(before, ConditionalDischarge):
        return None
    discharge_end = last_day_of_period_beginning_with(relevant, before.period, policy)
    first_gap_day = add_days(discharge_end, 1)
    resumed = min(last.dated, add_days(period_end, 1))
    if first_gap_day >= resumed:
        return None
    return DateInterval(first_gap_day, resumed)


def _term_reading(custody: _Custody | None, policy: Policy) -> list[str]:
    """The leap-day reading, named where comparing the term with 6 or 30 months depends on it."""
    if custody is not None and (custody.reading_matters(6) or custody.reading_matters(30)):
        return [f"leap_day={policy.leap_day.value}"]
    return []


def _custody_reasons(
    trigger: Trigger, custody: _Custody | None, path: str, ruleset: Ruleset, timeline: Timeline
) -> Iterator[Reason]:
    if custody is None:
        return
    rule = ruleset.rule
    term = f"{custody.start.isoformat()} to {add_days(custody.end, -1).isoformat()}"
    disposal = trigger.disposal
    if isinstance(disposal, SuspendedImprisonment):
        yield rule("ew.suspended_sentence").reason(
            f"The suspended sentence of {disposal.term} counts as imprisonment for that term "
            "(a documented reading: the deeming words in force were not verified).",
            facts=[path],
        )
    if isinstance(disposal, ExtendedSentence):
        yield rule("ew.extended_sentence").reason(
            f"The extended sentence is a sentence of imprisonment (or detention) for the aggregate "
            f"of its custodial term {disposal.custodial_term} and extension period "
            f"{disposal.extension_period}: {disposal.whole_term}.",
            facts=[path],
        )
    if isinstance(disposal, OffenderOfParticularConcern):
        yield rule("ew.offender_of_particular_concern").reason(
            f"The sentence for an offender of particular concern is for the aggregate of its "
            f"custodial term {disposal.custodial_term} and a further year of licence: "
            f"{disposal.whole_term}.",
            facts=[path],
        )
    if isinstance(disposal, DetentionAndTrainingOrder):
        yield from _dto_reasons(trigger, disposal, custody, path, ruleset, timeline)
    if custody.combined_with:
        measure = (
            f"the aggregate of the terms, {custody.term}"
            if custody.term is not None
            else f"the union of their intervals, {term}"
        )
        yield rule("ew.s82.aggregation").reason(
            f"Combined with the consecutive or partly concurrent terms of "
            f"{', '.join(custody.combined_with)}: treated as one term, {measure}.",
            facts=[path],
            dates=[("combined_start", custody.start), ("combined_end", custody.end)],
        )
    if custody.near(6) or custody.near(30):
        yield rule("ew.s82.review").reason(
            f"{path}: the term ({term}) is within 7 days of 6 or 30 months by calendar: "
            "flagged for review.",
            facts=[path],
        )


def _dto_reasons(
    trigger: Trigger,
    disposal: DetentionAndTrainingOrder,
    custody: _Custody,
    path: str,
    ruleset: Ruleset,
    timeline: Timeline,
) -> Iterator[Reason]:
    rule = ruleset.rule
    made_on = trigger.sentence_date
    eighteen = _attains(timeline.case.person.date_of_birth, 18, timeline)
    resentenced = any(r.date == made_on for r in trigger.resentences) or bool(
        trigger.resentences and made_on != trigger.date
    )
    if custody.adult_dto:
        yield rule("ew.s131.detention_and_training_order").reason(
            f"The detention and training order was made on {made_on.isoformat()}, when the person "
            "had reached 18: it is treated as detention in a young offender institution for the "
            "same term (Sentencing Code s.246(2)).",
            facts=[path],
            dates=[("order_made", made_on), ("attains_18", eighteen)],
        )
    else:
        yield rule("ew.s131.detention_and_training_order").reason(
            "The detention and training order counts for its period of detention, half its term.",
            facts=[path],
        )
    if trigger.date >= eighteen:
        yield rule("ew.s82.review").reason(
            f"{path}: a detention and training order for a person aged 18 or over when "
            "convicted, which Sentencing Code s.234(1)(a) does not allow: check the sentence "
            "(counted as detention in a young offender institution for its term).",
            facts=[path],
        )
    elif custody.adult_dto and not resentenced:
        yield rule("ew.s82.review").reason(
            f"{path}: a detention and training order made at first sentence on a person who "
            "reached 18 after conviction: treated under Sentencing Code s.246 (reading of "
            "s.246(1)(a)(ii)); check.",
            facts=[path],
        )
    if disposal.term.total_months not in _DTO_TERMS_BEFORE_2022 and made_on < DTO_ANY_TERM_FROM:
        yield rule("ew.s82.review").reason(
            f"{path}: a detention and training order of {disposal.term} made before "
            "28 June 2022, when the term had to be 4, 6, 8, 10, 12, 18 or 24 months "
            "(Sentencing Code s.236(1) before PCSC Act 2022 s.158): check the term.",
            facts=[path],
        )


# --------------------------------------------------------------------------------------------
# Duties
# --------------------------------------------------------------------------------------------


def _window(
    timeline: Timeline, start: date, days: int, rule: Rule, what: str, facts: list[str]
) -> tuple[date | None, Reason]:
    """Last day of the period of ``days`` days beginning with ``start``, time away not counted."""
    deadline = timeline.away.last_counted_day(start, days)
    plain = last_day_of_days_beginning_with(start, days)
    reading = f"partial_days={timeline.policy.partial_days.value}"
    if deadline is None:
        text = (
            f"{what}: {days} days beginning with {start.isoformat()}, not counting time "
            "detained or abroad; the person is still away, so the deadline is not yet fixed."
        )
        return None, rule.reason(text, facts=facts, readings=[reading])
    text = f"{what}: {days} days beginning with {start.isoformat()} end on {deadline.isoformat()}"
    if deadline != plain:
        text += f" (not counting {(deadline - plain).days} days detained or abroad)"
    # The reading is named wherever a day it counts differently (a day of release or return)
    # falls in the window: only there can the deadline depend on it.
    disputed = timeline.away.readings_differ_within(start, deadline)
    return deadline, rule.reason(
        text + ".",
        facts=facts,
        dates=[("deadline", deadline)],
        readings=[reading] if disputed else [],
    )


def _month_end_reading(day: date, name: str, value: str, *, months: bool = True) -> list[str]:
    """The reading of month ends, named only where it can matter: adding months to the 29th,
    30th or 31st, or whole years to 29 February, may land on a day the month lacks."""
    matters = day.day > 28 if months else (day.month, day.day) == (2, 29)
    return [f"{name}={value}"] if matters else []


def _first_part_2_notification(timeline: Timeline, start: date) -> Notification | None:
    """The first notification on or after ``start`` that gives the s.83(5) information (one
    recorded as initial, change or periodic). For a person registered before Part 2 came into
    force, the first notification under it answers s.83(1) whatever it was recorded as (a
    documented reading: the police may have recorded it as the annual one)."""
    found = [
        timeline.index.first(("kind", kind), start)
        for kind in (NotificationKind.INITIAL, NotificationKind.CHANGE, NotificationKind.PERIODIC)
    ]
    given = [n for n in found if n is not None]
    return min(given, key=lambda n: (n.date, n.id)) if given else None


def initial_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.83(1): one initial duty for each source; s.83(2) excuses some. For a relevant date before
    1 May 2004 the 3 days begin with 1 May 2004, and s.83(3) excuses the duty where a notification
    before that day (taken as one under s.2(1) of the Sex Offenders Act 1997) is recorded.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Detention
    >>> case = Case(person=Person(reference="FICTIONAL-0007", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 3, 6)),),
    ...     detentions=(Detention(kind="remand", start=date(2026, 3, 7), end=date(2026, 3, 10)),))
    >>> assess(case, date(2026, 3, 12)).duties[0].deadline   # Fri 6; away 7-9; 10, 11
    datetime.date(2026, 3, 11)
    """
    rule = ruleset.rule("ew.s83.initial")
    exception = ruleset.rule("ew.s83.exception")
    transitional = ruleset.rule("ew.s83.transitional")
    earlier: list[tuple[Source, DateInterval]] = []  # earlier sources and their days
    for source in registration_.sources:
        if _s81_open(source):
            continue  # whether s.81(1) applies at all is undetermined: no duty is asserted
        deadline, reason = _window(
            timeline, source.start, 3, rule, "Initial notification", [source.fact]
        )
        not_required = None
        reasons = [reason]
        if source.subject_from is not None:
            reasons.insert(
                0,
                transitional.reason(
                    f"The relevant date {source.relevant_date.isoformat()} is before 1 May 2004: "
                    "the 3 days begin with 1 May 2004 (s.83(1)).",
                    facts=[source.fact],
                ),
            )
            under_1997 = next(
                (
                    n
                    for n in timeline.notifications
                    if source.relevant_date <= n.date < PART_2_COMMENCEMENT
                ),
                None,
            )
            if under_1997 is not None:
                not_required = transitional.reason(
                    f"Notified on {under_1997.date.isoformat()}, before 1 May 2004: taken as "
                    "compliance with s.2(1) of the Sex Offenders Act 1997, so no initial "
                    "notification is required (s.83(3)).",
                    facts=[source.fact, timeline.path(under_1997)],
                )
            else:
                reasons.append(
                    transitional.reason(
                        "No notification before 1 May 2004 is recorded, so compliance with s.2(1) "
                        "of the Sex Offenders Act 1997 is not shown and s.83(3) does not excuse "
                        "the initial notification. The first notification under Part 2 answers "
                        "it, whether recorded as initial, change or periodic (documented reading).",
                        facts=[source.fact],
                    )
                )
            if source.days is not None:
                earlier.append((source, source.days))
            yield DutyFinding(
                kind=DutyKind.INITIAL,
                rule_id=rule.id,
                trigger_date=source.start,
                fact=source.fact,
                deadline=deadline,
                discharged_by=_first_part_2_notification(timeline, source.start),
                not_required=not_required,
                reasons=tuple(reasons),
            )
            continue
        day_before = add_days(source.relevant_date, -1)
        # An earlier period that ended before the day before this relevant date cannot show
        # s.83(2)(a) for this source or any later one (sources come in relevant-date order):
        # drop it, so the search stays within the periods still running.
        earlier = [(b, span) for b, span in earlier if span.end > day_before]
        for before, span in earlier:
            if before.relevant_date >= source.relevant_date:
                continue
            subject_before = day_before in span
            # s.83(2)(b) asks for a notification under s.83(1): for an s.81 source, one given on
            # or after 1 May 2004 (a 1997 Act notification excused it under s.83(3) instead).
            notified = timeline.index.first(
                ("kind", NotificationKind.INITIAL),
                before.start,
                before=source.relevant_date,
            )
            throughout = before.indefinite or (deadline is not None and deadline in span)
            if subject_before and notified is not None and deadline is None and not throughout:
                reasons.append(
                    exception.reason(
                        f"s.83(2) may excuse this through {before.fact}, but not until the end of "
                        "the 3 days is fixed (the person is still detained or abroad): (c) cannot "
                        "yet be settled.",
                        facts=[source.fact, before.fact],
                    )
                )
            if subject_before and notified is not None and throughout:
                not_required = exception.reason(
                    f"Already subject through {before.fact} and notified under s.83(1) on "
                    f"{notified.date.isoformat()}, and still subject through it to the end of the "
                    "3 days: no initial notification is required.",
                    facts=[source.fact, before.fact, timeline.path(notified)],
                )
                break
        if source.days is not None:  # an undetermined period cannot show (a) or (c)
            earlier.append((source, source.days))
        discharged = timeline.index.first(("kind", NotificationKind.INITIAL), source.relevant_date)
        yield DutyFinding(
            kind=DutyKind.INITIAL,
            rule_id=rule.id,
            trigger_date=source.relevant_date,
            fact=source.fact,
            deadline=deadline,
            discharged_by=discharged,
            not_required=not_required,
            reasons=tuple(reasons),
        )


Key = tuple[str, object]


def _s81_open(source: Source) -> bool:
    """Whether it is undetermined if s.81(1) applies at all (s.81(3)-(4) fact not recorded)."""
    return any(".current_on_1_september_1997:" in m for m in source.missing)


def _occurred(timeline: Timeline, registration_: Registration) -> dict[Key, list[date]]:
    """:func:`_occurrences`, derived once per assessment."""
    return timeline.derive("ew.occurrences", lambda t: _occurrences(t, registration_.subject_days))


def _occurrences(timeline: Timeline, subject: IntervalSet) -> dict[Key, list[date]]:
    """The days on which each notifiable change occurred, by notification key, in order: a name
    used, a change of home address, the day days stayed at premises reach a qualifying period.

    Days stayed count only while the person is subject (a documented reading: s.84(1) speaks of
    "a relevant offender" having resided or stayed). Derived once per assessment.
    """
    days: dict[Key, list[date]] = defaultdict(list)
    for event in timeline.events:
        if isinstance(event, NameUsed):
            days[("name", event.name)].append(event.date)
        elif isinstance(event, HomeAddressChange):
            days[("home", event.home_address)].append(event.date)
    for premises, group in timeline.derive("ew.stays", _stays_by_premises).items():
        stayed = IntervalSet(tuple(DateInterval.from_days(s.first_day, s.last_day) for s in group))
        reached = first_day_total_reaches(
            stayed & subject, 7, CalendarPeriod(years=1), timeline.policy
        )
        if reached is not None:
            days[("premises", premises)].append(reached)
    return days


def _stays_by_premises(timeline: Timeline) -> dict[str, list[Stay]]:
    """The stays at each premises, in date order. Derived once per assessment."""
    stays: dict[str, list[Stay]] = defaultdict(list)
    for event in timeline.events:
        if isinstance(event, Stay):
            stays[event.premises].append(event)
    return stays


def _covers(advance: Notification, day: date) -> bool:
    """s.84(3)-(4)(a): an advance notification covers an event from 2 days before its expected
    date to the end of the 3 days beginning with it."""
    expected = advance.expected_date
    return expected is not None and add_days(expected, -2) <= day <= add_days(expected, 2)


def _advances(timeline: Timeline) -> dict[Key, tuple[list[date], list[Notification]]]:
    """Advance notifications by what they notify, ordered by expected date. Derived once."""
    grouped: dict[Key, list[Notification]] = defaultdict(list)
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        keys = change_keys(n)
        for key in keys:
            grouped[key].append(n)
    result: dict[Key, tuple[list[date], list[Notification]]] = {}
    for key, ns in grouped.items():
        ns.sort(key=lambda n: (n.expected_date or n.date, n.date, n.id))
        result[key] = ([n.expected_date or n.date for n in ns], ns)
    return result


def _covering(timeline: Timeline, key: Key, day: date) -> Notification | None:
    """An advance notification of ``key`` given before ``day`` whose expected date D has
    D-2 <= day <= D+2 (s.84(3)-(4)(a)); a later advance notification does not revoke it.

    Any detail the notification gives can be covered, even one already notified when it was given
    (which announces no change, see :func:`_already_notified`): a name or premises already
    notified gives no duty to cover, and a recorded move to an address already notified as the
    home shows that the notification did relate to that move."""
    expected, notifications = timeline.derive("ew.advances", _advances).get(key, ([], []))
    i = bisect.bisect_left(expected, add_days(day, -2))
    while i < len(expected) and expected[i] <= add_days(day, 2):
        if notifications[i].date < day:
            return notifications[i]
        i += 1
    return None


_DETAIL = {"name": "a name", "home": "the home address", "premises": "other premises"}


def _advance_cover(
    timeline: Timeline,
    occurred: dict[Key, list[date]],
    key: Key,
    day: date,
    rule: Rule,
    path: str,
) -> tuple[Notification | None, list[Reason]]:
    """s.84(2)-(4)(a): the advance notification, given before ``day``, that covers the event
    on ``day``; failing one, why the last advance notification given before it does not."""
    advance = _covering(timeline, key, day)
    if advance is not None:
        assert advance.expected_date is not None
        expected = advance.expected_date
        n_path = timeline.path(advance)
        text = (
            f"{n_path} gave it in advance for {expected.isoformat()}; the event on "
            f"{day.isoformat()} falls from 2 days before to 2 days after that date, so the "
            "advance notification discharges the duty."
        )
        restated = [
            _DETAIL[k[0]]
            for k in change_keys(advance)
            if k != key and _already_notified(timeline, occurred, k, advance.date)
        ]
        if restated:
            text += (
                f" It also restates details already notified ({', '.join(dict.fromkeys(restated))}"
                "): those announce no change, so it expects no event for them."
            )
        reason = rule.reason(
            text,
            facts=[path, n_path],
            dates=[("expected", expected)],
        )
        return advance, [reason]
    last = timeline.index.last_before((key[0], key[1], NotificationKind.ADVANCE), day)
    if last is None or last.expected_date is None:
        return None, []
    expected = last.expected_date
    n_path = timeline.path(last)
    why = (
        "more than 2 days before"
        if day < expected
        else "after the end of the 3 days beginning with"
    )
    reason = rule.reason(
        f"{n_path} gave it in advance for {expected.isoformat()}, but the event on "
        f"{day.isoformat()} came {why} that date: it does not discharge the duty.",
        facts=[path, n_path],
        dates=[("expected", expected)],
    )
    return None, [reason]


def _notifying_kinds(policy: Policy) -> tuple[NotificationKind, ...]:
    """The kinds of notification that notify a name or address they give, for s.84(1)(a)-(c):
    initial (s.83(1)) and change (s.84(1)), and periodic (s.85(1)) under
    ``policy.periodic_notifies_changes``. An advance notification notifies what it gives as
    :func:`_advance_notified` says; a notice of non-occurrence (s.84(4)(b)) notifies nothing.

    >>> [k.value for k in _notifying_kinds(Policy(periodic_notifies_changes=False))]
    ['initial', 'change']
    """
    kinds = (NotificationKind.INITIAL, NotificationKind.CHANGE)
    return (*kinds, NotificationKind.PERIODIC) if policy.periodic_notifies_changes else kinds


def _advance_notified(
    timeline: Timeline, occurred: dict[Key, list[date]]
) -> dict[Key, tuple[date, Notification]]:
    """For each change, the first day from which an advance notification counts as having
    notified it (s.84(2)), and that notification: the day of the first occurrence it covered;
    or, for one given on or after a day the change occurred (so not in advance of it, and a
    notification of it under s.84(1) that answers its duty), the day it was given."""
    notified: dict[Key, tuple[date, Notification]] = {}
    for key, days in occurred.items():
        for day in days:
            covering = _covering(timeline, key, day)
            if covering is not None:
                notified[key] = (day, covering)
                break
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        for key in change_keys(n):
            first = occurred.get(key, [])[:1]
            if first and first[0] <= n.date and (key not in notified or n.date < notified[key][0]):
                notified[key] = (n.date, n)
    return notified


def _notified_before(
    timeline: Timeline, occurred: dict[Key, list[date]], key: Key, day: date
) -> tuple[date, Notification] | None:
    """Whether ``key`` (a name or premises) was notified before ``day``, and from when by which
    notification: one of :func:`_notifying_kinds` that gives it, or an advance notification
    (:func:`_advance_notified`). The same notifications answer a duty to notify it
    (:func:`_answering`), so a name that answered a duty counts as notified from then on."""
    kinds = _notifying_kinds(timeline.policy)
    given = timeline.index.first_among(
        [(key[0], key[1], kind) for kind in kinds], date.min, before=day
    )
    found = (given.date, given) if given is not None else None
    advance = timeline.derive("ew.advance_notified", lambda t: _advance_notified(t, occurred))
    via = advance.get(key)
    if via is not None and via[0] < day and (found is None or via[0] < found[0]):
        found = via
    return found


def _answering(timeline: Timeline, key: Key, day: date) -> Notification | None:
    """The first notification on or after ``day`` that gives ``key`` and answers a duty to notify
    it under s.84(1): one of :func:`_notifying_kinds`, or an advance notification given on or
    after the day (a notification under s.84(1) of a change that has already occurred)."""
    kinds = (*_notifying_kinds(timeline.policy), NotificationKind.ADVANCE)
    return timeline.index.first_among([(key[0], key[1], kind) for kind in kinds], day)


def _homes(
    timeline: Timeline, occurred: dict[Key, list[date]]
) -> tuple[list[date], list[HomeAddress]]:
    """Each home address notified under s.83(1), s.84(1) or s.85(1), by the day it counts from
    (:func:`_homes_notified`, over every such notification). Derived once per assessment."""
    cycle = [n for n in timeline.notifications if n.kind in _CYCLE_KINDS]
    homes = _homes_notified(timeline, occurred, cycle)
    return [day for day, _ in homes], [home for _, home in homes]


def _already_notified(
    timeline: Timeline, occurred: dict[Key, list[date]], key: Key, day: date
) -> bool:
    """Whether ``key`` is among the details already notified on ``day`` (by notifications of that
    day or before): a name or premises notified (:func:`_notified_before` the next day), or the
    home address that is then the last notified. A notification that gives such a detail
    announces no change of it (s.84(2)-(4) relate only to a change)."""
    if key[0] == "home":
        days, homes = timeline.derive("ew.homes", lambda t: _homes(t, occurred))
        i = bisect.bisect_right(days, day)
        return i > 0 and homes[i - 1] == key[1]
    return _notified_before(timeline, occurred, key, add_days(day, 1)) is not None


def _periodic_reading(
    timeline: Timeline, rule: Rule, key: Key, day: date, answer: Notification | None, path: str
) -> list[Reason]:
    """Why a periodic notification that gives the change does or does not answer its duty, and
    (for a name or premises) why one given before the day does not make it notified
    (policy.periodic_notifies_changes)."""
    counts = timeline.policy.periodic_notifies_changes
    readings = [f"periodic_notifies_changes={str(counts).lower()}"]
    if answer is not None and answer.kind is NotificationKind.PERIODIC:
        n_path = timeline.path(answer)
        return [
            rule.reason(
                f"{n_path} is a periodic notification (s.85(1)) that gives it: it answers the "
                "duty, and from then on counts as having notified it.",
                facts=[path, n_path],
                readings=readings,
            )
        ]
    if counts:
        return []
    reasons = []
    periodic_key = (key[0], key[1], NotificationKind.PERIODIC)
    before = timeline.index.last_before(periodic_key, day)
    if before is not None and key[0] != "home":
        b_path = timeline.path(before)
        reasons.append(
            rule.reason(
                f"{b_path} is a periodic notification (s.85(1)) that gave it on "
                f"{before.date.isoformat()}, but only a notification under s.83(1) or s.84(1) "
                "notifies it: it had not been notified.",
                facts=[path, b_path],
                readings=readings,
            )
        )
    until = add_days(answer.date, 1) if answer is not None else None
    after = timeline.index.first(periodic_key, day, before=until)
    if after is not None:
        a_path = timeline.path(after)
        reasons.append(
            rule.reason(
                f"{a_path} is a periodic notification (s.85(1)) that gives it, but only a "
                "notification under s.83(1) or s.84(1) notifies it: it does not answer the duty.",
                facts=[path, a_path],
                readings=readings,
            )
        )
    return reasons


def _change_duty(
    timeline: Timeline,
    occurred: dict[Key, list[date]],
    ruleset: Ruleset,
    rule_id: str,
    kind: DutyKind,
    key: Key,
    day: date,
    path: str,
    what: str,
) -> DutyFinding:
    rule = ruleset.rule(rule_id)
    deadline, reason = _window(timeline, day, 3, rule, what, [path])
    covered, advance_reasons = _advance_cover(
        timeline, occurred, key, day, ruleset.rule("ew.s84.advance"), path
    )
    discharged = covered or _answering(timeline, key, day)
    reading = [] if covered else _periodic_reading(timeline, rule, key, day, discharged, path)
    return DutyFinding(
        kind=kind,
        rule_id=rule_id,
        trigger_date=day,
        fact=path,
        deadline=deadline,
        discharged_by=discharged,
        reasons=(reason, *advance_reasons, *reading),
    )


def _undischarged_on(duty: DutyFinding, day: date, subject: IntervalSet) -> bool:
    """Whether ``duty`` is still undischarged on ``day`` within the run of days subject in which
    it arose (a notification given on ``day`` is taken as given after the event of that day)."""
    span = subject.span_containing(duty.trigger_date)
    if span is None or day not in span:
        return False
    return duty.discharged_by is None or duty.discharged_by.date >= day


def change_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(a)-(c): names, home addresses and qualifying stays, with advance notice.

    Each use of a name not yet notified gives a duty, except a use while an earlier duty for the
    same name is still undischarged: that is the same failure (s.91(3)), and the earlier duty's
    reasons list it. Each change of home address is a change of its own.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, NameUsed, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0008", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     events=(NameUsed(date=date(2026, 3, 6), name="NAME-B"),
    ...             NameUsed(date=date(2026, 3, 8), name="NAME-B")),
    ...     notifications=(Notification(id="n1", date=date(2026, 1, 5), kind="initial",
    ...                                 names=("NAME-A",)),
    ...                    Notification(id="n2", date=date(2026, 3, 9), kind="change",
    ...                                 names=("NAME-A", "NAME-B"))))
    >>> [d] = assess(case, date(2026, 3, 20)).duties_of(DutyKind.CHANGE_OF_NAME)
    >>> d.deadline, d.state.value, d.breach.start
    (datetime.date(2026, 3, 8), 'met_late', datetime.date(2026, 3, 9))
    """
    subject = registration_.subject_days
    occurred = _occurred(timeline, registration_)
    name_rule = ruleset.rule("ew.s84.name")
    findings: list[DutyFinding] = []
    later: dict[int, list[Reason]] = defaultdict(list)
    last_duty: dict[Key, int] = {}
    for event in timeline.events:
        path = timeline.path(event)
        if isinstance(event, NameUsed) and event.date in subject:
            key: Key = ("name", event.name)
            used = event.date.isoformat()
            earlier = last_duty.get(key)
            if earlier is not None and _undischarged_on(findings[earlier], event.date, subject):
                since = findings[earlier].trigger_date.isoformat()
                later[earlier].append(
                    name_rule.reason(
                        f"The name is used again on {used} ({path}) while this duty, from "
                        f"{since}, is undischarged: not notifying it is the same failure "
                        "(s.91(3)), so no further duty arises.",
                        facts=[path],
                        dates=[("used_again", event.date)],
                    )
                )
                continue
            notified = _notified_before(timeline, occurred, key, event.date)
            if notified is not None:
                if earlier is not None:
                    by = notified[1]
                    periodic = by.kind is NotificationKind.PERIODIC
                    later[earlier].append(
                        name_rule.reason(
                            f"The name is used again on {used} ({path}), after "
                            f"{timeline.path(by)} notified it on {notified[0].isoformat()}: "
                            "no duty.",
                            facts=[path, timeline.path(by)],
                            dates=[("used_again", event.date)],
                            readings=["periodic_notifies_changes=true"] if periodic else [],
                        )
                    )
                continue
            last_duty[key] = len(findings)
            findings.append(
                _change_duty(
                    timeline,
                    occurred,
                    ruleset,
                    "ew.s84.name",
                    DutyKind.CHANGE_OF_NAME,
                    key,
                    event.date,
                    path,
                    "Change of name",
                )
            )
        elif isinstance(event, HomeAddressChange) and event.date in subject:
            findings.append(
                _change_duty(
                    timeline,
                    occurred,
                    ruleset,
                    "ew.s84.home_address",
                    DutyKind.CHANGE_OF_HOME_ADDRESS,
                    ("home", event.home_address),
                    event.date,
                    path,
                    "Change of home address",
                )
            )
    for i, finding in enumerate(findings):
        yield attrs.evolve(finding, reasons=(*finding.reasons, *later[i])) if later[i] else finding
    yield from _qualifying_stays(timeline, occurred, ruleset)


def _qualifying_stays(
    timeline: Timeline, occurred: dict[Key, list[date]], ruleset: Ruleset
) -> Iterator[DutyFinding]:
    rule = ruleset.rule("ew.s84.qualifying_stay")
    for premises, group in timeline.derive("ew.stays", _stays_by_premises).items():
        key: Key = ("premises", premises)
        reached_days = occurred.get(key)
        if not reached_days:
            continue
        reached = reached_days[0]
        if _notified_before(timeline, occurred, key, reached) is not None:
            continue
        paths = [timeline.path(s) for s in group if s.first_day <= reached]
        duty = _change_duty(
            timeline,
            occurred,
            ruleset,
            "ew.s84.qualifying_stay",
            DutyKind.QUALIFYING_STAY,
            key,
            reached,
            paths[-1],
            "Qualifying period",
        )
        counted = rule.reason(
            f"Days stayed at the premises while subject ({', '.join(paths)}) reach 7 within "
            f"12 months on {reached.isoformat()}.",
            facts=paths,
            dates=[("qualifying_day", reached)],
        )
        yield attrs.evolve(duty, reasons=(counted, *duty.reasons))


def release_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(d): a duty for each release while subject.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Detention
    >>> case = Case(person=Person(reference="FICTIONAL-0009", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     detentions=(Detention(kind="remand", start=date(2026, 2, 1), end=date(2026, 2, 20)),))
    >>> assess(case, date(2026, 3, 1)).duties_of(DutyKind.RELEASE)[0].deadline
    datetime.date(2026, 2, 22)
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.release")
    by_attendance = timeline.policy.release_notified_by_attendance
    key: tuple[str, ...] = ("any",) if by_attendance else ("release",)
    paths: dict[date, str] = {}
    # Where detentions end on the same day, the one that began first (then by kind) is cited:
    # the choice follows the facts, not the order they were listed in.
    ended = [d for d in timeline.detentions if d.end is not None]
    for detention in sorted(ended, key=lambda d: (d.end, d.start, d.kind.value)):
        assert detention.end is not None
        paths.setdefault(detention.end, timeline.path(detention))
    for released in timeline.releases:
        if released not in subject:
            continue
        path = paths.get(released, "detentions")
        deadline, reason = _window(timeline, released, 3, rule, "Release", [path])
        answered = timeline.index.first(key, released)
        # The reading is named only where it can matter: where the first notification after the
        # release and the first that records it are not the same one.
        other = timeline.index.first(("release",) if by_attendance else ("any",), released)
        reading = rule.reason(
            "Answered by "
            + (
                "any notification given in person on or after the release."
                if by_attendance
                else "a notification that records the release."
            ),
            readings=[f"release_notified_by_attendance={str(by_attendance).lower()}"]
            if other is not answered
            else [],
        )
        yield DutyFinding(
            kind=DutyKind.RELEASE,
            rule_id=rule.id,
            trigger_date=released,
            fact=path,
            deadline=deadline,
            discharged_by=answered,
            reasons=(reason, reading),
        )


def non_occurrence_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(4)(b): notice that an event notified in advance did not occur within 3 days of D.

    s.91(3) makes a failure under s.83(1), s.84(1) or s.85(1) a continuing offence, but not a
    failure under s.84(4)(b): a missed notice of non-occurrence is a breach on one day.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification, HomeAddress
    >>> case = Case(person=Person(reference="FICTIONAL-0010", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     notifications=(Notification(id="n1", date=date(2026, 2, 20), kind="advance",
    ...         expected_date=date(2026, 3, 1),
    ...         home_address=HomeAddress(kind="residence", reference="ADDR-2")),))
    >>> [(d.state.value, d.deadline) for d in assess(case, date(2026, 3, 3)).duties_of(
    ...     DutyKind.NON_OCCURRENCE)]
    [('pending', datetime.date(2026, 3, 6))]
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.non_occurrence")
    occurred = _occurred(timeline, registration_)
    for n in timeline.index.all(("kind", NotificationKind.ADVANCE)):
        expected = n.expected_date
        if expected is None or expected not in subject:
            continue
        last_cover = add_days(expected, 2)
        # s.84(4): the notice is due if an event the advance notification relates to has not
        # occurred by the end of the 3 days beginning with D. Each change it announces is an
        # event; a detail it gives that is already notified (as a full notification form
        # restates the names in use) announces no change, so no event is expected for it.
        keys = change_keys(n)
        restated = [key for key in keys if _already_notified(timeline, occurred, key, n.date)]
        announced = [key for key in keys if key not in restated]
        if all(_occurred_between(occurred.get(key, []), n.date, last_cover) for key in announced):
            continue  # also when it announces no change at all
        path = timeline.path(n)
        deadline, reason = _window(timeline, expected, 6, rule, "Notice of non-occurrence", [path])
        notes = []
        if restated:
            details = ", ".join(dict.fromkeys(_DETAIL[key[0]] for key in restated))
            notes.append(
                ruleset.rule("ew.s84.advance").reason(
                    f"{path} also restates details already notified ({details}): those announce "
                    "no change, so no event is expected for them; the notice concerns the others.",
                    facts=[path],
                )
            )
        pending = timeline.as_of <= last_cover
        state_reason = rule.reason(
            (
                f"The event expected on {expected.isoformat()} may still occur by "
                f"{last_cover.isoformat()}: the duty has not yet arisen in full."
                if pending
                else f"The event expected on {expected.isoformat()} had not occurred by the end of "
                f"{last_cover.isoformat()}."
            ),
            facts=[path],
            dates=[("expected", expected)],
        )
        yield DutyFinding(
            kind=DutyKind.NON_OCCURRENCE,
            rule_id=rule.id,
            trigger_date=expected,
            fact=path,
            deadline=deadline,
            pending=pending,
            continuing=False,
            discharged_by=timeline.index.first(("non_occurrence", expected), expected),
            reasons=(state_reason, reason, *notes),
        )


def _occurred_between(days: list[date], first: date, last: date) -> bool:
    i = bisect.bisect_left(days, first)
    return i < len(days) and days[i] <= last


_CYCLE_KINDS = (
    NotificationKind.INITIAL,
    NotificationKind.CHANGE,
    NotificationKind.ADVANCE,
    NotificationKind.PERIODIC,
)


def _homes_notified(
    timeline: Timeline, occurred: dict[Key, list[date]], cycle: list[Notification]
) -> list[tuple[date, HomeAddress]]:
    """Each home address notified, with the day it counts as notified for s.85(6): the day of
    the notification; for an advance notification, the day of the move it covered (s.84(4)(a):
    an advance notification of a move that did not happen within 3 days of D does not count)."""
    homes: list[tuple[date, HomeAddress]] = []
    for n in cycle:
        if n.home_address is None:
            continue
        if n.kind is not NotificationKind.ADVANCE:
            homes.append((n.date, n.home_address))
            continue
        days = occurred.get(("home", n.home_address), [])
        i = bisect.bisect_right(days, n.date)  # a move after the notification
        if i < len(days) and _covers(n, days[i]):
            homes.append((days[i], n.home_address))
    homes.sort(key=lambda pair: pair[0])
    return homes


def periodic_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.85: a periodic duty after each day on which a notification under s.83(1), s.84(1) or
    s.85(1) was given, discharged by the next such notification; and, for a person subject from
    1 May 2004 (s.81), one after that day (s.85(2)(a)).

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification
    >>> case = Case(person=Person(reference="FICTIONAL-0011", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2024, 2, 27)),),
    ...     notifications=(Notification(id="n1", date=date(2024, 2, 29), kind="initial"),))
    >>> assess(case, date(2024, 3, 1)).duties_of(DutyKind.PERIODIC)[0].deadline
    datetime.date(2025, 2, 28)
    """
    subject = registration_.subject_days
    annual = ruleset.rule("ew.s85.annual")
    weekly = ruleset.rule("ew.s85.weekly")
    extension = ruleset.rule("ew.s85.extension")
    kinds = _cycle_kinds(timeline.policy)
    cycle: list[Notification] = [
        n for n in timeline.notifications if n.kind in kinds and n.date in subject
    ]
    starts: list[Notification] = []
    for n in cycle:
        if not starts or n.date > starts[-1].date:
            starts.append(n)
    yield from _first_after_commencement(timeline, registration_, ruleset, cycle)
    homes = _homes_notified(timeline, _occurred(timeline, registration_), cycle)
    cursor = 0
    last_home: HomeAddress | None = None
    for i, started in enumerate(starts):
        # The last home address notified on or before the day the cycle starts (s.85(6)).
        while cursor < len(homes) and homes[cursor][0] <= started.date:
            last_home = homes[cursor][1]
            cursor += 1
        path = timeline.path(started)
        no_residence = last_home is not None and not last_home.has_residence
        if no_residence and weekly.in_force_on(started.date):
            rule, period = weekly, CalendarPeriod(weeks=1)
            basis = "the last home address notified is a place with no sole or main residence"
        else:
            rule, period = annual, CalendarPeriod(years=1)
            if no_residence:
                basis = "weekly notification was not yet in force"
            elif last_home is None:
                basis = "no home address has been notified, so s.85(6) does not apply"
            else:
                basis = "the last home address notified is a sole or main residence"
        due = last_day_of_period_after(started.date, period, timeline.policy)
        reasons = [
            rule.reason(
                f"Notified on {started.date.isoformat()}; {basis}: the next notification is due "
                f"within {period} after it, by {due.isoformat()}.",
                facts=[path],
                dates=[("due", due)],
                readings=_month_end_reading(
                    started.date,
                    "corresponding_date",
                    timeline.policy.corresponding_date.value,
                    months=False,
                )
                if period.total_months
                else [],
            )
        ]
        deadline = _extended(timeline, due, extension, reasons)
        following = starts[i + 1] if i + 1 < len(starts) else None
        reasons += _prescribed_cycle_reasons(timeline, ruleset, started, following)
        yield DutyFinding(
            kind=DutyKind.PERIODIC,
            rule_id=rule.id,
            trigger_date=started.date,
            fact=path,
            deadline=deadline,
            discharged_by=following,
            reasons=tuple(reasons),
        )


def _extended(timeline: Timeline, due: date, extension: Rule, reasons: list[Reason]) -> date | None:
    """s.85(3): the deadline of a periodic notification due on ``due``, continued where that day
    falls while detained or abroad (``None`` while the spell has not ended); the reason for an
    extension is added to ``reasons``."""
    deadline = timeline.away.extended_deadline(due)
    if deadline != due:
        reasons.append(
            extension.reason(
                f"{due.isoformat()} falls while detained or abroad: the period continues until "
                + (
                    f"the end of 3 days beginning when that ends, {deadline.isoformat()}."
                    if deadline
                    else "3 days after that ends, which it has not yet."
                ),
                dates=[("deadline", deadline)] if deadline else [],
                readings=[f"partial_days={timeline.policy.partial_days.value}"],
            )
        )
    return deadline


def _first_after_commencement(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset, cycle: list[Notification]
) -> Iterator[DutyFinding]:
    """s.85(2)(a): for a person subject from 1 May 2004 (s.81), the commencement of Part 2 is an
    event; the first notification under Part 2 on or after that day discharges the duty."""
    sources = [
        s
        for s in registration_.sources
        if s.subject_from == PART_2_COMMENCEMENT and not _s81_open(s)
    ]
    if not sources:
        return
    rule = ruleset.rule("ew.s85.first_after_commencement")
    extension = ruleset.rule("ew.s85.extension")
    facts = [s.fact for s in sources]
    start = PART_2_COMMENCEMENT
    due = last_day_of_period_after(start, CalendarPeriod(years=1), timeline.policy)
    reasons = [
        rule.reason(
            f"Subject from 1 May 2004 through {', '.join(facts)} (s.81(1)): the commencement of "
            f"Part 2 is an event under s.85(2)(a); the next notification is due within one year "
            f"after it, by {due.isoformat()}.",
            facts=facts,
            dates=[("due", due)],
        )
    ]
    deadline = _extended(timeline, due, extension, reasons)
    yield DutyFinding(
        kind=DutyKind.PERIODIC,
        rule_id=rule.id,
        trigger_date=start,
        fact=facts[0],
        deadline=deadline,
        discharged_by=next((n for n in cycle if n.date >= start), None),
        reasons=tuple(reasons),
    )


# --------------------------------------------------------------------------------------------
# Prescribed information and prescribed changes (s.83(5)(h), s.84(1)(ca); SI 2012/1876)
# --------------------------------------------------------------------------------------------

PRESCRIBED_INFORMATION_FROM = date(2012, 8, 13)
"""SI 2012/1876 prescribed information and changes of circumstances (relevant household, bank
accounts, payment cards, passports and identity documents) from 13 August 2012.

>>> PRESCRIBED_INFORMATION_FROM.isoformat()
'2012-08-13'
"""

_REGS_2012_SEEN = (
    "legislation.gov.uk/uksi/2012/1876/regulation/10/made: reg 10(1) 'The information set out in "
    "paragraph (2) is prescribed for the purposes of section 83(5)(h) of the 2003 Act in a case "
    "where a relevant offender (R) resides, or stays for a period of at least 12 hours, at a "
    "relevant household', (2) '(a) the date on which R begins to reside or stay at a relevant "
    "household, (b) the address of the relevant household, and (c) where R holds such "
    "information, the period or periods for which R intends to reside or stay'; reg 2 "
    "definitions seen in the draft (legislation.gov.uk/ukdsi/2012/9780111521410): 'banking "
    "institution', 'child' means a person aged under 18 years, 'credit card'; the rest of reg 2 "
    "and the regulations on bank accounts, payment cards, passports and identity documents, "
    "and the one prescribing changes for s.84(1)(ca), were not seen (numbers and words not "
    "seen). Reg 10 as seen prescribes information for s.83(5)(h); that beginning to reside or "
    "stay at a relevant household, and opening or closing an account, obtaining or ceasing to "
    "hold a card or document, are prescribed changes is taken from the Explanatory Memorandum "
    "para 2.2 (seen: 'notify information in relation to their residence, banking arrangements "
    "and passports or other forms of identification (for example, ... to notify where the "
    "offender resides with a child)') and the Scottish analogue SSI 2007/246 reg 4 (seen: an "
    "account opened or closed, a card obtained or no longer held). In force 13 Aug 2012 (reg "
    "1(2): 28 days after made; Home Office publication page)"
)
_S84_1_CA = (
    "s.84(1)(ca) (inserted later) not seen on legislation.gov.uk; the enabling powers "
    "'sections 83(5) and (5A), 84(1) and (5A)' are named in the preamble of SI 2012/1876 (draft "
    "seen)"
)
_HO_FAQ_2023 = (
    "gov.uk, 'Help with changes to the notification requirements for registered sex offenders' "
    "(updated 31 March 2023): 'information provided specifically in relation to the new matters "
    "which were introduced on 13 August 2012 is given under section 83 ...; the provision of "
    "this information is not made under section 84 and does not alter the annual notification "
    "date'"
)
_FROM_2012 = DateInterval(PRESCRIBED_INFORMATION_FROM, END_OF_TIME)

_PRESCRIBED_RULES = (
    _rule(
        "ew.s84.prescribed",
        "Prescribed change of circumstances",
        "From 13 August 2012, within 3 days (not counting time away) beginning with a prescribed "
        "change of circumstances while subject, the person must notify it: an account with a "
        "banking institution, a payment (debit or credit) card, a passport or other identity "
        "document, or beginning to reside or stay for at least 12 hours at a relevant household "
        "(a household or other place where a child under 18 resides or stays and to which the "
        "public do not have access). The duty is answered by the first notification on or after "
        "the change that gives its details (carries its reference): one given only of prescribed "
        "details, or an initial or change one, or a periodic one under "
        "policy.periodic_notifies_changes. Advance notice (s.84(2)) is not available for it. A "
        "change before 13 August 2012 gives no duty.",
        _soa("s.84(1)(ca)", _S84_1_CA, checked=RECHECKED),
        _soa("s.83(5)(h)", _S84_1_CA, checked=RECHECKED),
        _soa("s.84(5)", "first words only seen; explanatory note para 168"),
        Citation(
            instrument=REGS_2012,
            provision="regs 2, 10 and the regulations on accounts, cards and documents",
            checked=RECHECKED,
            source=_REGS_2012_SEEN,
        ),
        in_force=_FROM_2012,
    ),
    _rule(
        "ew.s85.prescribed_event",
        "A notification of prescribed details and the s.85 period",
        "Whether a notification given only of prescribed information or a prescribed change is "
        "an event that restarts the s.85 period is policy.prescribed_restarts_periodic: by "
        "default it is (a notification under s.84(1)(ca) is one under s.84(1), an event under "
        "s.85(2)(b)); the other reading follows the Home Office answers of 31 March 2023 (such "
        "information is given under s.83 and does not alter the annual notification date). A "
        "notification that also gives a name, address or release is a notification under "
        "s.83(1), s.84(1) or s.85(1) and restarts the period either way.",
        _soa("s.85(2)(b)", _S85_COPY, checked=RECHECKED),
        _cite("Home Office", "notification requirements questions and answers", _HO_FAQ_2023),
        in_force=_FROM_2012,
    ),
)


def _cycle_kinds(policy: Policy) -> tuple[NotificationKind, ...]:
    """The kinds of notification that are events for s.85(2)(b): initial, change, advance and
    periodic, and one of prescribed details only under ``policy.prescribed_restarts_periodic``.

    >>> NotificationKind.PRESCRIBED in _cycle_kinds(Policy(prescribed_restarts_periodic=False))
    False
    """
    restarts = policy.prescribed_restarts_periodic
    return (*_CYCLE_KINDS, NotificationKind.PRESCRIBED) if restarts else _CYCLE_KINDS


def _prescribed_cycle_reasons(
    timeline: Timeline, ruleset: Ruleset, started: Notification, following: Notification | None
) -> list[Reason]:
    """Why a notification of prescribed details only started this periodic cycle, or why one
    given during the cycle did not end it (policy.prescribed_restarts_periodic)."""
    if not any(n.kind is NotificationKind.PRESCRIBED for n in timeline.notifications):
        return []
    rule = ruleset.rule("ew.s85.prescribed_event")
    restarts = timeline.policy.prescribed_restarts_periodic
    readings = [f"prescribed_restarts_periodic={str(restarts).lower()}"]
    if started.kind is NotificationKind.PRESCRIBED:
        path = timeline.path(started)
        return [
            rule.reason(
                f"{path} gives prescribed details only: a notification under s.84(1)(ca), an "
                "event that restarts the period (s.85(2)(b)).",
                facts=[path],
                readings=readings,
            )
        ]
    if restarts:
        return []
    until = following.date if following is not None else add_days(timeline.as_of, 1)
    inside = [
        n
        for n in timeline.index.all(("kind", NotificationKind.PRESCRIBED))
        if started.date < n.date < until and rule.in_force_on(n.date)
    ]
    return [
        rule.reason(
            f"{timeline.path(n)} gives prescribed details only: such information is given under "
            "s.83 and does not alter the annual notification date, so it does not restart the "
            "period.",
            facts=[timeline.path(n)],
            readings=readings,
        )
        for n in inside
    ]


def prescribed_duties(
    timeline: Timeline, registration_: Registration, ruleset: Ruleset
) -> Iterator[DutyFinding]:
    """s.84(1)(ca): a duty for each prescribed change while subject (SI 2012/1876, from 13 August
    2012), answered by the first notification on or after it that carries its reference.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person, Trigger, Notification, PrescribedChange
    >>> case = Case(person=Person(reference="FICTIONAL-0012", date_of_birth=date(1980, 1, 1)),
    ...     triggers=(Trigger(id="t1", kind="caution", date=date(2026, 1, 5)),),
    ...     events=(PrescribedChange(date=date(2026, 3, 2), kind="bank_account",
    ...                              reference="ACCT-1"),),
    ...     notifications=(Notification(id="n1", date=date(2026, 3, 4), kind="prescribed",
    ...                                 prescribed=("ACCT-1",)),))
    >>> [(d.deadline, d.state.value) for d in assess(case, date(2026, 3, 20)).duties_of(
    ...     DutyKind.PRESCRIBED_CHANGE)]
    [(datetime.date(2026, 3, 4), 'met')]
    """
    subject = registration_.subject_days
    rule = ruleset.rule("ew.s84.prescribed")
    periodic_counts = timeline.policy.periodic_notifies_changes
    kinds = (*_notifying_kinds(timeline.policy), NotificationKind.PRESCRIBED)
    for event in timeline.events:
        if not isinstance(event, PrescribedChange) or event.date not in subject:
            continue
        path = timeline.path(event)
        what = f"Prescribed change ({event.kind.value.replace('_', ' ')})"
        deadline, reason = _window(timeline, event.date, 3, rule, what, [path])
        reasons = [reason]
        answer = timeline.index.first_among(
            [("prescribed", event.reference, kind) for kind in kinds], event.date
        )
        periodic = timeline.index.first(
            ("prescribed", event.reference, NotificationKind.PERIODIC), event.date
        )
        if periodic is not None and (answer is None or periodic.date <= answer.date):
            p_path = timeline.path(periodic)
            reasons.append(
                rule.reason(
                    f"{p_path} is a periodic notification (s.85(1)) that gives its details: "
                    + (
                        "it answers the duty."
                        if periodic_counts
                        else "only a notification under s.83(1) or s.84(1) answers the duty."
                    ),
                    facts=[path, p_path],
                    readings=[f"periodic_notifies_changes={str(periodic_counts).lower()}"],
                )
            )
        yield DutyFinding(
            kind=DutyKind.PRESCRIBED_CHANGE,
            rule_id=rule.id,
            trigger_date=event.date,
            fact=path,
            deadline=deadline,
            discharged_by=answer,
            reasons=tuple(reasons),
        )


# --------------------------------------------------------------------------------------------
# Young offenders: parental directions (ss.89-90)
# --------------------------------------------------------------------------------------------

_S89_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/89/enacted: (1) the court 'may direct that "
    'subsection (2) applies in respect of an individual ("the parent") having parental '
    "responsibility for ... the young offender'; (2)(a) 'the obligations that would (apart from "
    "this subsection) be imposed by or under sections 83 to 86 on the young offender are to be "
    "treated instead as obligations on the parent', (b) 'the parent must ensure that the young "
    "offender attends at the police station with him, when a notification is being given'; (3) "
    "'A direction under subsection (1) takes immediate effect and applies (a) until the young "
    "offender attains the age of 18 ...; or (b) for such shorter period as the court may, at the "
    "time the direction is given, direct'; the current revised text was not seen"
)
_PARENTAL_RULES = (
    _rule(
        "ew.s89.parental_direction",
        "Parental direction",
        "While a direction under s.89(1) has effect (from the day it is made until the young "
        "offender attains 18, the end of a shorter period the court set, or its discharge under "
        "s.90, whichever is first), the obligations under ss.83-86 are the parent's, who must "
        "also ensure the young offender attends the police station with them. A duty whose "
        "deadline falls while a direction has effect (or, while its deadline is not yet fixed, "
        "one that is running on the assessment date while a direction has effect) names the "
        "parent as responsible. Documented choice: the assessment still reports the breach of "
        "the notification requirement and the in_breach headline, since the requirement is not "
        "met; the failure is the parent's offence (s.91(1)(a) names s.89(2)(b)), not the young "
        "offender's; responsibility is fixed by the deadline day and a continuing failure is not "
        "split when the direction ends.",
        _soa("s.89(1)-(3)", _S89_SEEN, checked=RECHECKED),
        _soa(
            "s.90",
            "text not seen; the explanatory notes and the Bill (clause 90, HC Bill 164) describe "
            "applications to vary, renew or discharge a direction",
            checked=RECHECKED,
        ),
        _soa("s.91(1)(a)", _S91_2004, checked=RECHECKED),
    ),
)


def _direction_effect(timeline: Timeline, direction: ParentalDirection) -> DateInterval:
    """The days a parental direction has effect: from the day it is made until the young offender
    attains 18 (s.89(3)(a)), the end of the shorter period the court set (s.89(3)(b)), or the day
    it is discharged (s.90), whichever is first (an empty interval if none is after ``made``)."""
    ends = [_attains(timeline.case.person.date_of_birth, 18, timeline)]
    if direction.ends is not None:
        ends.append(add_days(direction.ends, 1))
    if direction.discharged is not None:
        ends.append(direction.discharged)
    return DateInterval(direction.made, max(direction.made, min(ends)))


def _parental(emit: DutyFunction) -> DutyFunction:
    """``emit``, with each duty whose deadline falls while a parental direction has effect (or,
    while its deadline is not fixed, that runs on the assessment date while one has effect)
    naming the parent as responsible (s.89(2))."""

    def with_parent(
        timeline: Timeline, registration_: Registration, ruleset: Ruleset
    ) -> Iterator[DutyFinding]:
        directions = timeline.case.parental_directions
        if not directions:
            yield from emit(timeline, registration_, ruleset)
            return
        rule = ruleset.rule("ew.s89.parental_direction")
        effects = [
            (i, _direction_effect(timeline, d))
            for i, d in enumerate(directions)
            if d.made <= timeline.as_of
        ]
        for finding in emit(timeline, registration_, ruleset):
            day = finding.deadline if finding.deadline is not None else timeline.as_of
            having = [(i, e) for i, e in effects if day in e]
            if not having:
                yield finding
                continue
            i, effect = having[0]
            path = f"parental_directions[{i}]"
            last = add_days(effect.end, -1).isoformat()
            when = f"the deadline {day.isoformat()}" if finding.deadline else "the assessment date"
            reason = rule.reason(
                f"A parental direction ({path}) has effect from {effect.start.isoformat()} to "
                f"{last}, which includes {when}: the duty is the parent's, who must also ensure "
                "the young offender attends (s.89(2)); a failure to comply is the parent's "
                "offence, not the young offender's (s.91(1)(a)).",
                facts=[path, finding.fact],
                dates=[
                    ("direction_from", effect.start),
                    ("direction_until", add_days(effect.end, -1)),
                ],
            )
            yield attrs.evolve(
                finding, responsible=Responsible.PARENT, reasons=(*finding.reasons, reason)
            )

    with_parent.__name__ = getattr(emit, "__name__", "duties")
    with_parent.__doc__ = emit.__doc__
    return with_parent


ENGLAND_AND_WALES = Ruleset(
    jurisdiction="england-and-wales",
    name="England and Wales: Sexual Offences Act 2003, Part 2",
    rules=(*RULES, *TRAVEL_RULES, *_PRESCRIBED_RULES, *_PARENTAL_RULES),
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
"""The England and Wales ruleset (text checked 2026-11-29).

>>> len(ENGLAND_AND_WALES.rules) > 20
True
"""
