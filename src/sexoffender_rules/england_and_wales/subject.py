"""Who is subject to the notification requirements, and for how long.

- s.80 (persons becoming subject), s.81 (persons formerly subject to Part 1 of the Sex Offenders
  Act 1997: the transitional rules), s.82 (the notification period: the table, the relevant date,
  halving under 18, consecutive and partly concurrent terms, resentencing, and terms flagged
  for a human check), s.131 (detention and training orders and other youth detention), s.132 (the
  custodial thresholds), s.134 (absolute and conditional discharges), extended sentences,
  sentences for offenders of particular concern and suspended sentences.
- :func:`registration` applies them, then the orders of :mod:`.orders` and the review of
  :mod:`.review`; a trigger abroad counts only through a notification order or police notice
  (:mod:`.orders`), its period reckoned from the foreign date.
- ``GENERAL_RULES``: the rules the engine cites for its own steps, breach (s.91(1)(a), (3)) and
  the end of the requirements (s.80(2), s.82(1)).

>>> PERIOD_TABLE[0].key
'life-ipp-or-30-months'
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import attrs

from ..assessment import Reason, Registration, Source
from ..calendar import (
    CalendarPeriod,
    DateInterval,
    add_days,
    add_period,
    last_day_of_period_beginning_with,
)
from ..engine import Timeline
from ..errors import AmbiguousReadingError
from ..law import Citation, Ruleset
from ..model import (
    SEX_OFFENDERS_ACT_1997_COMMENCEMENT,
    AbsoluteDischarge,
    ConditionalDischarge,
    DetentionAndTrainingOrder,
    Disposal,
    ExtendedSentence,
    HospitalOrder,
    Imprisonment,
    ImprisonmentForPublicProtection,
    LifeImprisonment,
    OffenderOfParticularConcern,
    OtherDisposal,
    ResentenceReason,
    SuspendedImprisonment,
    Trigger,
    TriggerKind,
)
from ..policy import NoCorrespondingDay, Policy
from ._common import (
    _DTO_TERMS_BEFORE_2022,
    _REVISED_2019,
    _S81_SEEN,
    _S82_1_SEEN,
    _S82_6_SEEN,
    CHECKED_S81,
    DTO_ANY_TERM_FROM,
    PART_2_COMMENCEMENT,
    RECHECKED,
    SENTENCING_CODE_COMMENCEMENT,
    _attains,
    _cite,
    _rule,
    _soa,
    _soa_s81,
)
from ._duties import _month_end_reading
from .orders import Abroad, _applied, _applied_abroad, _kept_by_orders, _made_subject_by_orders
from .review import _review

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
        "that applies; where several could apply the first row in the table's order is taken. "
        "Where no disposal is recorded for a conviction or finding (sentence awaited, or not "
        "recorded), the period is undetermined and runs on, and duties are asserted only while "
        "the person is taken to be subject: until a disposal is recorded, the description that "
        "applies is read as any other description, 5 years beginning with the relevant date "
        "(halved under 18; documented reading). A sentence of imprisonment or a hospital order "
        "may make the period longer, and a conditional discharge shorter (a failure found within "
        "the 5 years may then be none). A duty falling due after the last of those days and not "
        "met by its deadline is undetermined, and a continuing failure is asserted only up to "
        "that day.",
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
)


GENERAL_RULES = (
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
    group: tuple[str, ...] = ()  # the ids of every term combined with it, itself included
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
                whole = disposal.term  # whole months: 4 to 24 (Case validation, s.236(1))
                if whole.total_months % 2 == 0:
                    term = CalendarPeriod(months=whole.total_months // 2)
                else:
                    full_end, full_ends = _term_ends(start, whole, policy)

                    def half(end: date) -> date:
                        return add_days(start, (end - start).days // 2)

                    # Halving may bring the two readings' ends to one day: then none is needed.
                    halves = (half(full_ends[0]), half(full_ends[1])) if full_ends else None
                    own[trigger.id] = _Custody(
                        start=start,
                        end=half(full_end),
                        term=None,
                        policy=policy,
                        ends=halves if halves and halves[0] != halves[1] else None,
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
    starts = [served[tid].start for tid in ids]
    for i, a in enumerate(ids):
        x = served[a]
        limit = max(x._end(r) for r in _READINGS)
        # Only a term starting after this one and before its end can overlap it partly: the
        # terms starting the same day are passed over by bisection (thousands of terms imposed
        # together would otherwise be compared pairwise).
        for j in range(bisect.bisect_right(starts, x.start, i + 1), len(ids)):
            b = ids[j]
            y = served[b]
            if y.start >= limit:
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
    # One sorted tuple of ids per group, shared by its members: each member listing the others
    # would cost the square of the group's size (a chain of thousands of consecutive terms).
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
        group = tuple(sorted(members))
        for m in members:
            combined[m] = _Custody(
                start=start,
                end=end,
                ends=ends if ends is not None and ends[0] != ends[1] else None,
                term=total,
                group=group,
                adult_dto=served[m].adult_dto,
                suspended=served[m].suspended,
                policy=policy,
            )
    return combined, missing


def registration(timeline: Timeline, ruleset: Ruleset) -> Registration:
    """Who is subject on the assessment date, through which triggers, and until when.

    >>> from sexoffender_rules.model import Case, Person, Trigger
    >>> from sexoffender_rules.policy import Policy
    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
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
        abroad: Abroad | None = None
        if original.abroad:
            abroad = _applied_abroad(original, timeline, ruleset, reasons)
            if abroad is None:
                continue  # a conviction, finding or caution abroad alone makes no one subject
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
        source_reasons = (
            list(abroad.reasons)
            if abroad is not None
            else [
                rule("ew.s80.subject").reason(
                    f"{path}: {trigger.kind.value.replace('_', ' ')} on {trigger.date.isoformat()} "
                    "in respect of a Schedule 3 offence makes the person subject.",
                    facts=[path],
                )
            ]
        )
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
        # s.81 is about convictions, findings and cautions within s.80(1), not those abroad.
        transitional = relevant < PART_2_COMMENCEMENT and abroad is None
        before_1997 = relevant < SEX_OFFENDERS_ACT_1997_COMMENCEMENT and abroad is None
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
            missing.append(f"{path}.disposal: {_NO_DISPOSAL}")
        subject_from = PART_2_COMMENCEMENT if transitional else None
        # Facts wanting that leave only a date of the duties open, not the period (the date of
        # service of a notification order starts the initial notification, s.98(4)).
        wanting_for_duties: tuple[str, ...] = ()
        if abroad is not None:
            subject_from = abroad.subject_from
            wanting_for_duties = abroad.missing
        if missing:
            taken_until: date | None = None
            if abroad is None and missing == [f"{path}.disposal: {_NO_DISPOSAL}"]:
                taken_until, reason = _while_no_disposal(trigger, path, born, timeline, ruleset)
                source_reasons.append(reason)
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
                    missing=(*missing, *wanting_for_duties),
                    reasons=tuple(source_reasons),
                    subject_from=subject_from,
                    taken_until=taken_until,
                    **_applied(abroad),
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
                    readings=_period_reading(relevant, period, timeline),
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
        if abroad is not None:
            if abroad.last is not None and abroad.last < abroad.subject_from:
                # Discharged on the day it was made (its last day is the day before the
                # discharge, and a discharge is not before the day of making).
                reasons.extend(source_reasons)
                reasons.append(
                    ruleset.rule(abroad.rule_id).reason(
                        f"{path}: {abroad.path} was discharged on the day it was made, "
                        f"{abroad.subject_from.isoformat()}: it had effect on no day and makes no "
                        "one subject.",
                        facts=[path, abroad.path],
                    )
                )
                continue
            if period_end is not None and period_end < abroad.subject_from:
                reasons.extend(source_reasons)
                reasons.append(
                    ruleset.rule(abroad.rule_id).reason(
                        f"{path}: the notification period ended on {period_end.isoformat()}, "
                        f"before {abroad.path} took effect: it makes no one subject.",
                        facts=[path, abroad.path],
                        dates=[("end", period_end)],
                    )
                )
                continue
            if abroad.last is not None and (period_end is None or abroad.last < period_end):
                period_end = abroad.last
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
        lapsed = _lapsed(history, relevant, period_end, timeline.policy)
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
                missing=(*missing, *wanting_for_duties),
                undetermined=bool(missing),
                reasons=tuple(source_reasons),
                subject_from=subject_from,
                lapsed=lapsed,
                **_applied(abroad),
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
        statement, named = _not_subject(sources)
        reasons.append(rule("ew.s80.subject").reason(statement, facts=named))
    return Registration(
        subject=subject,
        sources=tuple(sources),
        end=end,
        indefinite=indefinite,
        undetermined=undetermined and not indefinite,
        reasons=tuple(reasons),
    )


def _period_reading(relevant: date, period: CalendarPeriod, timeline: Timeline) -> list[str]:
    """The reading named where ``period`` beginning with ``relevant`` may end on a day its month
    lacks (:func:`_month_end_reading`)."""
    return _month_end_reading(
        relevant, "leap_day", timeline.policy.leap_day.value, months=bool(period.total_months % 12)
    )


_NO_DISPOSAL = "needed to find the notification period (s.82(1))"


def _while_no_disposal(
    trigger: Trigger, path: str, born: date, timeline: Timeline, ruleset: Ruleset
) -> tuple[date, Reason]:
    """For a conviction or finding with no disposal recorded, the last day the person is taken
    to be subject through it, and why: until a disposal is recorded the person is read as of "any
    other description" in the s.82(1) table (documented reading), 5 years beginning with the
    relevant date, halved for a person then under 18 (s.82(2))."""
    row = PERIOD_TABLE[-1]
    assert row.period is not None
    assert row.key == "any-other-description"
    relevant = trigger.relevant_date
    period = row.period
    if relevant < _attains(born, 18, timeline):
        period = period.halved()
    last = last_day_of_period_beginning_with(relevant, period, timeline.policy)
    return last, ruleset.rule("ew.s82.period").reason(
        f"{path}: no disposal is recorded. Until one is, the person is of any other description "
        f"in the s.82(1) table (documented reading): {period} beginning with "
        f"{relevant.isoformat()} end on {last.isoformat()}, the last day the person is taken to "
        "be subject through it. Whether the period runs on after that day rests on the "
        "disposal, so a duty falling due after it is undetermined, and so is a failure "
        "continuing after it.",
        facts=[path],
        dates=[("taken_until", last)],
        readings=_period_reading(relevant, period, timeline),
    )


def _not_subject(sources: list[Source]) -> tuple[str, list[str]]:
    """The last reason where the person is subject through none of ``sources`` on the assessment
    date (from 1 May 2004), and the sources it names. Each source has ended, the last on the
    latest last day: none begins after the assessment date, as facts after it are not yet known
    and an order is a source from its making (s.103G(2)(a)). A source that a missing fact leaves
    undetermined (a conviction before 1 September 1997 not known to count, s.81(3)-(4)) can have
    ended only if its end is known: it is named with that end and the facts it needs, and the
    last day given is that of the sources determined, as it may not count at all.

    >>> s = Source(trigger_id="t", fact="triggers[0]", relevant_date=date(2019, 1, 7),
    ...            period=CalendarPeriod(years=5), end=date(2024, 1, 6))
    >>> _not_subject([s])
    ('Every notification period ended by the assessment date (the last on 2024-01-06).', [])
    """
    open_sources = [s for s in sources if s.undetermined]
    parts = []
    settled = [_last_day(s) for s in sources if not s.undetermined]
    if settled:
        parts.append(
            ("the last of those determined on " if open_sources else "the last on ")
            + max(settled).isoformat()
        )
    parts.extend(
        f"that of {s.fact}, left undetermined by a missing fact ({'; '.join(s.missing)}), ended "
        f"on {_last_day(s).isoformat()}"
        for s in open_sources
    )
    return (
        f"Every notification period ended by the assessment date ({'; '.join(parts)}).",
        [s.fact for s in open_sources],
    )


def _last_day(source: Source) -> date:
    """The last day of a source the person is not subject through on the assessment date: it
    has one, as a source without one runs on (:attr:`Source.subject_days`)."""
    assert source.last_day is not None
    return source.last_day


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
    history: list[_Sentence], relevant: date, period_end: date | None, policy: Policy
) -> DateInterval | None:
    """The days not subject between the end of a conditional discharge's period and a later
    re-sentence for the offence (documented reading: the person is subject again from the
    re-sentence, until the end of the new period beginning with the relevant date, or
    indefinitely where the new period is indefinite)."""
    last = history[-1]
    if last.reason is None or last.reason.replaces_from_the_start:
        return None
    before = history[-2].disposal
    if not isinstance(before, ConditionalDischarge):
        return None
    discharge_end = last_day_of_period_beginning_with(relevant, before.period, policy)
    first_gap_day = add_days(discharge_end, 1)
    resumed = last.dated if period_end is None else min(last.dated, add_days(period_end, 1))
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
    if custody.group:
        measure = (
            f"the aggregate of the terms, {custody.term}"
            if custody.term is not None
            else f"the union of their intervals, {term}"
        )
        yield rule("ew.s82.aggregation").reason(
            f"Combined with the consecutive or partly concurrent terms of "
            f"{_others(custody.group, trigger.id)}: treated as one term, {measure}.",
            facts=[path],
            dates=[("combined_start", custody.start), ("combined_end", custody.end)],
        )
    if custody.near(6) or custody.near(30):
        yield rule("ew.s82.review").reason(
            f"{path}: the term ({term}) is within 7 days of 6 or 30 months by calendar: "
            "flagged for review.",
            facts=[path],
        )


#: The most terms an aggregation reason names; a larger group is counted, not listed, so that
#: the explanation of each of its terms stays in proportion to the case.
NAMED_TERMS = 10


def _others(group: tuple[str, ...], own: str) -> str:
    """The ids of ``group`` other than ``own``, in order, the first :data:`NAMED_TERMS` named and
    any more counted.

    >>> _others(("t1", "t2", "t3"), "t2")
    't1, t3'
    >>> _others(tuple(f"t{i:02}" for i in range(25)), "t00")
    't01, t02, t03, t04, t05, t06, t07, t08, t09, t10 and 14 more'
    """
    named = list(itertools.islice((tid for tid in group if tid != own), NAMED_TERMS))
    more = len(group) - 1 - len(named)
    return ", ".join(named) + (f" and {more:,} more" if more else "")


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
