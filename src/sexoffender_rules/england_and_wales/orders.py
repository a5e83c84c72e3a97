"""Orders and notices that impose or extend the notification requirements.

One mechanism serves every court order; its kind decides the rule (:data:`EFFECTS`):

- sexual harm prevention orders and interim ones (s.103G, from 8 March 2015) and the sexual
  offences prevention orders they replaced (ss.107(3)-(5), 109(5); 1 May 2004 to 8 March 2015,
  continuing after): an order keeps a relevant offender subject while it has effect, and makes a
  person not otherwise subject a relevant offender from its service until it ends;
- interim notification orders (s.100): subject while the order has effect;
- a conviction for breaching a risk of sexual harm order or a sexual risk order (s.129): subject
  while the order breached has effect.

Notification orders (s.98) and police notices (ss.96ZA-96ZC, from 29 November 2022) apply Part 2
to a conviction, finding or caution abroad (:func:`_applied_abroad`): the period is the s.82
period of the foreign disposal, reckoned from the foreign date.

>>> RULES[0].id
'ew.s103g.remains_subject'
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypedDict

import attrs

from ..assessment import Reason, Source
from ..calendar import END_OF_TIME, DateInterval
from ..engine import Timeline
from ..law import Citation, Ruleset
from ..model import Order, OrderKind, Trigger
from ._common import (
    PART_2_COMMENCEMENT,
    RECHECKED,
    SHPO_COMMENCEMENT,
    SOA,
    _cite,
    _rule,
    _soa,
)

_SENTENCING_CODE = Citation(
    instrument="Sentencing Act 2020",
    provision="s.352(2)(b), (3)",
    checked=RECHECKED,
    source="text not seen; the legislation.gov.uk annotation to SOA 2003 s.103G was seen: "
    "'Pt. 2 applied (with modifications) (1.12.2020) by Sentencing Act 2020 (c. 17), "
    "ss. 352(2)(b)(3)' (orders made on conviction under the Sentencing Code are taken "
    "to have the same effect)",
)

NOTICE_COMMENCEMENT = date(2022, 11, 29)
"""Notices for offences outside the United Kingdom (SOA 2003 ss.96ZA-96ZC, inserted by the Police,
Crime, Sentencing and Courts Act 2022 s.169) came into force on 29 November 2022
(SI 2022/1227 reg. 3(b)); on the same day notification orders became orders made on application
to a sheriff in Scotland (s.170, reg. 3(c)).

>>> NOTICE_COMMENCEMENT.isoformat()
'2022-11-29'
"""

_S107_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/107 (latest revised text) seen word for word for "
    "(3)-(5): (3) where 'an order is made in respect of a defendant who was a relevant offender "
    "immediately before the making of the order' and 'the defendant would ... cease to be subject "
    "to the notification requirements of this Part while the order (as renewed from time to "
    "time) has effect, the defendant remains subject to the notification requirements'; (4)(a) "
    "'the order causes the defendant to become subject to the notification requirements of this "
    "Part from the making of the order until the order (as renewed from time to time) ceases to "
    "have effect'; (5) 'The \"relevant date\" is the date of service of the order'"
)
_S109_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/109/2010-12-01 seen: (4) an interim order has "
    "effect only for a fixed period specified in it and ceases to have effect on the "
    "determination of the main application; (5) 'Section 107(3) to (5) apply to an interim "
    "sexual offences prevention order as if references to an order were references to such an "
    'order, and with the omission of "as renewed from time to time" in both places\''
)
_S114_2014 = Citation(
    instrument="Anti-social Behaviour, Crime and Policing Act 2014",
    provision="s.114(1)-(2)",
    checked=RECHECKED,
    source="legislation.gov.uk/ukpga/2014/12/section/114 (revised text) seen in a third-party "
    "verbatim copy (crimeline.co.uk): (2) the repeal or amendment of ss.104-122 or ss.123-129 "
    "'does not apply in relation to ... (b) an existing order (whether made before or after that "
    "day) applied for before that day', an existing order being a sexual offences prevention "
    "order, foreign travel order or risk of sexual harm order; explanatory notes paras 289-293 "
    "seen; in force 8 March 2015 (SI 2015/373 art. 2(b))",
)
_S129_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/129 (latest revised text) seen for (1)-(1C): "
    "(1) convicted, found not guilty by reason of insanity, found under a disability and to have "
    "done the act, or cautioned, in respect of an offence in (1A); (1A)(a) 'an offence under "
    "section 122H or 128 of this Act'; /section/129/2009-02-02 seen for (2)-(4) and the opening "
    "of (5): (2) remains subject while 'the relevant order (as renewed from time to time) has "
    "effect'; (3)(a) 'this section causes the defendant to become subject to the notification "
    "requirements of this Part from the time the section first applies to him until the "
    "relevant order (as renewed from time to time) ceases to have effect'; (4) 'The \"relevant "
    "date\" is the date on which this section first applies to the defendant'; (5)(a)-(b) the "
    "relevant order is the order breached or, for a breach of an interim order, any order made "
    "on the hearing of the application; the rest of (5), and its current words for sexual risk "
    "orders, not seen"
)
_S100_SEEN = (
    "as enacted (Queen's Printer copy, p.56) and legislation.gov.uk/ukpga/2003/42/section/100 "
    "(latest revised text, in the words for Scotland from 29 November 2022) seen word for word "
    "for (4)-(6): (4) the order 'has effect only for a fixed period, specified in the order' and "
    "'ceases to have effect, if it has not already done so, on the determination of the main "
    "application'; (5)(a) while it has effect the defendant 'is subject to the notification "
    "requirements of this Part'; (6) 'The \"relevant date\" means the date of service of the "
    "order'"
)
_S98_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/98 revised text, seen in a third-party verbatim "
    "copy (lawglobalhub.com), and /section/98/2010-04-06 for (1)-(3)(a): (1)(b) 'the person "
    "becomes or (as the case may be) remains subject to the notification requirements of this "
    "Part for the notification period set out in section 82'; (2) the relevant date is the date "
    "of the conviction, finding or caution; (3)(c) 'references to an order of any description "
    "are to be read as references to any corresponding disposal'; (4) 'In sections 83 and 85, "
    "references to the commencement of this Part are to be read as references to the date of "
    "service of the notification order'; explanatory notes paras 197 and 199 seen"
)
_S97_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/part/2/crossheading/notification-orders/2011-01-28 seen "
    "for s.97(1)-(3) and the opening of (4) (application by a chief officer of police to a "
    "magistrates' court; conviction, finding or caution abroad of a relevant offence); the "
    "2022-11-29 point in time seen: application by the chief constable of the Police Service of "
    "Scotland to a sheriff (PCSC Act 2022 s.170, in force 29 November 2022, SI 2022/1227 reg. "
    "3(c)); s.99 (relevant offences) not seen, taken from explanatory notes para 200"
)
_S83_4_SEEN = (
    "as enacted (Queen's Printer copy, p.45) seen for the opening of (4): 'Where a notification "
    "order is made in respect of a conviction, finding or caution, subsection (1) does not apply "
    "to the relevant offender in respect of the conviction, finding or caution if (a) "
    "immediately before the order was made, he was subject to the notification requirements of "
    "this Part as a result of another conviction, finding or caution or an o[rder of a court]'; "
    "the rest not seen (explanatory notes para 161: provision similar to (2))"
)
_S91A_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/91A (revised text) seen for (1)-(6): (2)(b) not "
    "subject to a sexual harm prevention order or interim one, 'a sexual offences prevention "
    "order under section 104(1) or an interim sexual offences prevention order under section "
    "109(3)' or a Sentencing Code order; (3) the indefinite notification requirements are those "
    "by virtue of (a) s.80(1), (b) s.81(1), '(c) a notice given under section 96ZA'; the date "
    "(3)(c) was substituted, and any saving for notification orders, not seen"
)
_S96ZA_SEEN = (
    "legislation.gov.uk/ukpga/2022/32/section/169 (inserting ss.96ZA-96ZC) seen for s.96ZA(1)-"
    "(7)(a): (1) 'P is subject to the notification requirements of this Part for the "
    "notification period set out in section 82'; (2) 'This section applies to P if P has been "
    "given a notice under subsection (3) and that notice has not been cancelled'; (4) the notice "
    "must be given to P in person; (5) it may be cancelled by a constable giving notice in "
    "writing to P in person; (6) P convicted, found or cautioned abroad of a relevant offence; "
    "(7)(b)-(9) not seen"
)
_S96ZC_SEEN = (
    "legislation.gov.uk/ukpga/2003/42/section/96ZC (revised text) seen for (1)-(4) and the "
    "opening of (5): (2) the relevant date is the date of the conviction, finding or caution; "
    "(3)(c) the corresponding disposal; (4) s.83(1A): 'the reference in subsection (1) to the "
    "period of 3 days beginning with the relevant date (or if later the commencement of this "
    "Part) is to be read as a reference to the period of 3 days beginning with the day on which "
    "the notice was given'; (5) s.83(4) applies to a notice; the rest not seen"
)
_PCSC_169 = Citation(
    instrument="SI 2022/1227 (Police, Crime, Sentencing and Courts Act 2022 (Commencement No. 5) "
    "Regulations 2022)",
    provision="reg. 3(b), (c)",
    checked=RECHECKED,
    source="made text seen (copy at zoomlaw.co.uk; vlex.co.uk): ss.169 and 170 of the 2022 Act "
    "in force 29 November 2022; reg. 2(2): reg. 3(c) (s.170) extends to Scotland",
)
_FROM_SHPOS = DateInterval(SHPO_COMMENCEMENT, END_OF_TIME)

RULES = (
    _rule(
        "ew.s103g.remains_subject",
        "A sexual harm prevention order keeps a relevant offender subject",
        "Where a sexual harm prevention order, or an interim one, is made in respect of a person "
        "who was a relevant offender immediately before it was made (subject through a "
        "conviction, finding or caution, or through an earlier order, on the day it was made: "
        "s.80(2)), and the notification period "
        "would end while the order has effect, the person remains subject until the order ceases "
        "to have effect: its last day as made or as last renewed or varied, or the day before a "
        "court discharged it; while it has effect until further order, no end is known. An order "
        "that ceases on or before the last day of the period changes nothing. One order keeping "
        "or making the person subject makes the person a relevant offender when a later order is "
        "made. "
        "Orders recorded as made before 8 March 2015 are not sexual harm prevention orders and "
        "have no effect here (the sexual offences prevention orders they replaced are "
        "ew.s107.remains_subject). An order made on a person who was not a relevant offender is "
        "ew.s103g.makes_subject.",
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
        _SENTENCING_CODE,
        in_force=_FROM_SHPOS,
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
        "person is subject from the making of the order, so where it is served later the days "
        "between are subject days too: their duties are found as for any other, and a breach "
        "before service is prima facie only (a person not yet served may have a reasonable "
        "excuse, s.91(1)). A notification given on or after the day the order was made answers "
        "the initial notification (documented reading: the person is already subject and the "
        "information is the same). Where the date of service is not recorded, the relevant date "
        "is undetermined and the day the order was made, the earliest it can be, stands in for "
        "it: a notification within 3 days beginning with that day meets the initial "
        "notification on any date of service, which is otherwise undetermined until the date of "
        "service is recorded (neither met nor in breach). The period is known all the same, as "
        "it runs from the making until the order ceases.",
        _soa(
            "s.103G(2)-(4)",
            "legislation.gov.uk/ukpga/2003/42/section/103G/2015-03-08, seen word for word: (2)(a) "
            "'the order causes the defendant to become subject to the notification requirements "
            "of this Part from the making of the order until the order (as renewed from time to "
            "time) ceases to have effect'; (3) 'The \"relevant date\" is the date of service "
            "of the order'; (4) the same for an interim order",
            checked=RECHECKED,
        ),
        _SENTENCING_CODE,
        in_force=_FROM_SHPOS,
    ),
    _rule(
        "ew.s107.remains_subject",
        "A sexual offences prevention order keeps a relevant offender subject",
        "The same as ew.s103g.remains_subject for a sexual offences prevention order (s.104) or "
        "an interim one (s.109): made while the person was a relevant offender, with the period "
        "ending while the order has effect, the person remains subject until the order ceases to "
        "have effect (a fixed period of at least 5 years, or until further order; an interim "
        "order a fixed period, ending on the determination of the main application). These "
        "orders were repealed from 8 March 2015, but one applied for before then continues, "
        "whenever made, and may not be varied to extend its duration from then (ASBCPA 2014 "
        "s.114(2), (4)); one recorded as made before 1 May 2004 has no effect here.",
        _soa("s.107(1)(b), (3)", _S107_SEEN, checked=RECHECKED),
        _soa("s.109(4)-(5)", _S109_SEEN, checked=RECHECKED),
        _S114_2014,
    ),
    _rule(
        "ew.s107.makes_subject",
        "A sexual offences prevention order makes a person subject",
        "The same as ew.s103g.makes_subject for a sexual offences prevention order or an interim "
        "one made on a person who was not a relevant offender: subject until the order ceases to "
        "have effect, from the making of the order, with the date of service as the relevant "
        "date (the initial notification as ew.s103g.makes_subject reads it).",
        _soa("s.107(4)-(5)", _S107_SEEN, checked=RECHECKED),
        _soa("s.109(5)", _S109_SEEN, checked=RECHECKED),
        _S114_2014,
    ),
    _rule(
        "ew.s129.remains_subject",
        "A conviction for breach of a risk order keeps a relevant offender subject",
        "Where a person is convicted, found not guilty by reason of insanity, found under a "
        "disability to have done the act, or cautioned, for breaching a risk of sexual harm "
        "order or interim one (s.128) or a sexual risk order or interim one (s.122H), s.129 "
        "applies from that day. A person who was a relevant offender immediately before (subject "
        "through a conviction, finding or caution that day), and whose period would end while "
        "the relevant order has effect, remains subject until it ceases to have effect. The "
        "relevant order is the order breached (for a breach of an interim order, the full order "
        "made on the same application where there is one, s.129(5)(b): the case records the "
        "breach on that order). The order alone, without such a conviction, does not bear on "
        "the requirements. Risk of sexual harm orders date from 1 May 2004 and were replaced by "
        "sexual risk orders from 8 March 2015 (one applied for before then continues, ASBCPA "
        "2014 s.114(2)); one recorded as made before its kind existed has no effect here.",
        _soa("s.129(1)-(2), (5)", _S129_SEEN, checked=RECHECKED),
        Citation(
            instrument=SOA,
            provision="s.122H(A1)",
            checked=RECHECKED,
            source="legislation.gov.uk/ukpga/2003/42/section/122H seen: (A1) a person who, "
            "without reasonable excuse, does anything prohibited, or fails to do anything "
            "required, by a sexual risk order or an interim sexual risk order commits an offence",
        ),
        _S114_2014,
    ),
    _rule(
        "ew.s129.makes_subject",
        "A conviction for breach of a risk order makes a person subject",
        "Where s.129 applies (ew.s129.remains_subject) to a person who was not a relevant "
        "offender immediately before, the person becomes subject from the day it first applies "
        "(the day of the breach conviction, finding or caution) until the relevant order ceases "
        "to have effect, and that day is the relevant date: the initial notification is due "
        "within 3 days beginning with it.",
        _soa("s.129(3)-(4)", _S129_SEEN, checked=RECHECKED),
    ),
    _rule(
        "ew.s100.interim_notification_order",
        "An interim notification order",
        "While an interim notification order has effect (from its making for the fixed period "
        "it specifies, ending earlier on the determination of the main application, recorded as "
        "the order's discharge), the person is subject, with the date of service as the relevant "
        "date: the initial notification is due within 3 days beginning with it. A person not "
        "otherwise a relevant offender is subject from the making of the order (the initial "
        "notification as ew.s103g.makes_subject reads it); one already subject whose period "
        "would end while it has effect remains subject until it ends.",
        _soa("s.100(4)-(6)", _S100_SEEN, checked=RECHECKED),
    ),
    _rule(
        "ew.s98.notification_order",
        "A notification order for a conviction, finding or caution abroad",
        "A notification order made in respect of a conviction, finding or caution under the law "
        "of a country outside the United Kingdom, for an act that would have been an offence "
        "listed in Schedule 3 here, makes the person subject from the making of the order for "
        "the s.82 period, read with the corresponding disposal and reckoned from the date of the "
        "foreign conviction, finding or caution (the relevant date): where the order is made "
        "years later, only the rest of the period remains, and an order made after the period "
        "ended makes no one subject. It halves as s.82(2) says for a person under 18 on the "
        "relevant date. The initial notification is due within 3 days beginning with the "
        "relevant date or, if later, the date of service of the order, and the date of service "
        "is an event after which the next notification is due within the applicable period "
        "(s.85(2)(a)): the first notification on or after it answers that. Where the date of "
        "service is not recorded, the day the order was made, the earliest it can be, stands in "
        "for it: a notification by the earliest deadline meets the initial notification or the "
        "annual one (documented reading: a notification on or after the day the order was made "
        "answers it), and each is otherwise undetermined until the date of service is recorded "
        "(neither met nor in breach); the period does not turn on it. An order quashed or "
        "discharged is recorded as discharged: not subject through it from that day. Until "
        "28 November 2022 these orders were made by magistrates' courts in England and Wales; "
        "from 29 November 2022 only by a sheriff in Scotland (police notices, ew.s96za.notice, "
        "took their place in England and Wales), but an order still makes the person subject to "
        "Part 2 wherever they are; one recorded as made before 1 May 2004 has no effect. A "
        "conviction, finding or caution abroad with no such order or "
        "notice makes no one subject (s.80(1)). Review (a named choice): s.91A(3) as seen names "
        "notices under s.96ZA and not notification orders, so from 29 November 2022 no "
        "qualifying date is reported for indefinite requirements under a notification order "
        "(before then the draft text named them); the date of that change and any saving were "
        "not seen: check by hand.",
        _soa("s.98", _S98_SEEN, checked=RECHECKED),
        _soa("s.97(1)-(4)", _S97_SEEN, checked=RECHECKED),
        _soa("s.83(4)", _S83_4_SEEN, checked=RECHECKED),
        _soa("s.91A(2)-(3)", _S91A_SEEN, checked=RECHECKED),
        _PCSC_169,
    ),
    _rule(
        "ew.s96za.notice",
        "A police notice for a conviction, finding or caution abroad",
        "From 29 November 2022 a constable, authorised by an inspector, may give in person a "
        "notice to a person convicted, found or cautioned abroad for a relevant offence. While "
        "the notice has not been cancelled, the person is subject for the s.82 period, read "
        "with the corresponding disposal and reckoned from the date of the conviction, finding "
        "or caution abroad (the relevant date), from the day the notice was given. The initial "
        "notification is due within 3 days beginning with the day the notice was given "
        "(s.83(1A)). A cancellation (s.96ZA(5)), or a notice quashed on an appeal to a "
        "magistrates' court (s.96ZD: the court's powers were not seen), is recorded as the "
        "notice's discharge: not subject through it from that day. A notice recorded as given "
        "before 29 November 2022 has no effect. Indefinite requirements under a notice may be "
        "reviewed (s.91A(3)(c)). Parental notices for young offenders (s.96ZB) are not modelled.",
        _soa("s.96ZA(1)-(6)", _S96ZA_SEEN, checked=RECHECKED),
        _soa("s.96ZC(1)-(5)", _S96ZC_SEEN, checked=RECHECKED),
        Citation(
            instrument=SOA,
            provision="s.96ZD(1)-(2)",
            checked=RECHECKED,
            source="statute text seen only in part, in a third-party copy of the revised text "
            "(help-benidorm.com, Lexis extract): (1) an appeal to a magistrates' court against "
            "the decision to give a notice under s.96ZA; (2)(a) the conditions not met; the "
            "rest, and what the court may do, not seen",
        ),
        _PCSC_169,
        in_force=DateInterval(NOTICE_COMMENCEMENT, END_OF_TIME),
    ),
)


# --------------------------------------------------------------------------------------------
# One mechanism for every order: the kind decides the rule
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Effect:
    """How an order of one kind bears on the requirements: the rules under which it keeps a
    relevant offender subject and makes a person subject who was not, the provisions each
    reason names, the first day such an order can have been made, and whether the relevant date
    of a person it makes subject is the date of service (else the day of the breach conviction,
    s.129(4))."""

    keep: str
    make: str
    keeps_under: str
    makes_under: str
    relevant_under: str
    first_made: date
    what: str
    on_service: bool = True


_SHPO = _Effect(
    "ew.s103g.remains_subject",
    "ew.s103g.makes_subject",
    "s.103G(1)",
    "s.103G(2)",
    "s.103G(3)",
    SHPO_COMMENCEMENT,
    "sexual harm prevention orders came into force on 8 March 2015",
)
_SOPO = _Effect(
    "ew.s107.remains_subject",
    "ew.s107.makes_subject",
    "s.107(3)",
    "s.107(4)",
    "s.107(5)",
    PART_2_COMMENCEMENT,
    "sexual offences prevention orders came into force on 1 May 2004",
)
_INTERIM_NO = _Effect(
    "ew.s100.interim_notification_order",
    "ew.s100.interim_notification_order",
    "s.100(5)(a)",
    "s.100(5)(a)",
    "s.100(6)",
    PART_2_COMMENCEMENT,
    "interim notification orders came into force on 1 May 2004",
)
_RSHO_BREACH = _Effect(
    "ew.s129.remains_subject",
    "ew.s129.makes_subject",
    "s.129(2)",
    "s.129(3)",
    "s.129(4)",
    PART_2_COMMENCEMENT,
    "risk of sexual harm orders came into force on 1 May 2004",
    on_service=False,
)
_SRO_BREACH = attrs.evolve(
    _RSHO_BREACH,
    first_made=SHPO_COMMENCEMENT,
    what="sexual risk orders came into force on 8 March 2015",
)

EFFECTS: dict[OrderKind, _Effect] = {
    OrderKind.SEXUAL_HARM_PREVENTION_ORDER: _SHPO,
    OrderKind.INTERIM_SEXUAL_HARM_PREVENTION_ORDER: attrs.evolve(
        _SHPO,
        keeps_under="s.103G(1), (4)",
        makes_under="s.103G(2), (4)",
        relevant_under="s.103G(3), (4)",
    ),
    OrderKind.SEXUAL_OFFENCES_PREVENTION_ORDER: _SOPO,
    OrderKind.INTERIM_SEXUAL_OFFENCES_PREVENTION_ORDER: attrs.evolve(
        _SOPO,
        keeps_under="s.109(5) with s.107(3)",
        makes_under="s.109(5) with s.107(4)",
        relevant_under="s.109(5) with s.107(5)",
    ),
    OrderKind.INTERIM_NOTIFICATION_ORDER: _INTERIM_NO,
    OrderKind.RISK_OF_SEXUAL_HARM_ORDER: _RSHO_BREACH,
    OrderKind.INTERIM_RISK_OF_SEXUAL_HARM_ORDER: _RSHO_BREACH,
    OrderKind.SEXUAL_RISK_ORDER: _SRO_BREACH,
    OrderKind.INTERIM_SEXUAL_RISK_ORDER: _SRO_BREACH,
}
"""The orders that keep a relevant offender subject or make a person subject, by kind: the
notification order and the police notice apply Part 2 to a trigger abroad instead
(:func:`_applied_abroad`).

>>> EFFECTS[OrderKind.SEXUAL_RISK_ORDER].keep
'ew.s129.remains_subject'
"""

BARS_REVIEW = frozenset(
    {
        OrderKind.SEXUAL_HARM_PREVENTION_ORDER,
        OrderKind.INTERIM_SEXUAL_HARM_PREVENTION_ORDER,
        OrderKind.SEXUAL_OFFENCES_PREVENTION_ORDER,
        OrderKind.INTERIM_SEXUAL_OFFENCES_PREVENTION_ORDER,
    }
)
"""The orders while which a person is not a qualifying relevant offender and may not apply for a
review (s.91A(2)(b)).

>>> OrderKind.SEXUAL_RISK_ORDER in BARS_REVIEW
False
"""


def _what(order: Order) -> str:
    return order.kind.value.replace("_", " ")


def _operative(order: Order, as_of: date) -> date | None:
    """The day from which ``order`` bears on the requirements: the day it was made, or for a risk
    order the day of the breach conviction (s.129(1)); ``None`` if not by ``as_of``."""
    day = order.breach_conviction if order.kind.needs_breach else order.made
    return day if day is not None and day <= as_of else None


def _effective(timeline: Timeline, ruleset: Ruleset, notes: list[Reason] | None) -> list[Order]:
    """The orders with an :data:`EFFECTS` entry that bear on the requirements by the assessment
    date, in the order they took effect. An order recorded as made before its kind existed has no
    effect: a reason says so in ``notes`` where given."""
    found: list[tuple[date, str, Order]] = []
    for order in timeline.case.orders:
        effect = EFFECTS.get(order.kind)
        day = _operative(order, timeline.as_of)
        if effect is None or day is None:
            continue
        if order.made < effect.first_made:
            if notes is not None:
                path = timeline.path(order)
                notes.append(
                    ruleset.rule(effect.keep).reason(
                        f"{path}: made on {order.made.isoformat()}, before {effect.what}: it is "
                        "not such an order and has no effect here.",
                        facts=[path],
                    )
                )
            continue
        found.append((day, order.id, order))
    return [order for _, _, order in sorted(found, key=lambda f: (f[0], f[1]))]


def _kept_by_orders(
    source: Source, timeline: Timeline, ruleset: Ruleset, made_by: Order | None = None
) -> Source:
    """s.103G(1), (4), s.107(3), s.109(5), s.100(5), s.129(2): an order made (a risk order: a
    breach conviction) while the person is subject through ``source``, and having effect after the
    period would end, keeps the person subject until the order ceases to have effect; orders are
    taken in the order they took effect, so one order keeping the person subject lets a later one
    keep them subject further. ``made_by`` is the order that made the person subject through
    ``source``, if one did: a person subject through it is a relevant offender (s.80(2)), so a
    later order keeps them subject as well; the notes on orders of no effect are then left to the
    sources of convictions, findings and cautions.

    A source that a missing fact leaves undetermined but whose end is known (a conviction before
    1 September 1997 not known to count, s.81(3)-(4)) is kept alike: if it counts, the order
    keeps the person subject; if it does not, the person was not a relevant offender and the
    order makes them subject (s.103G(2), s.107(4), s.129(3)) until the same day. (An order whose
    date of service is not recorded leaves only its relevant date open, not its period: it is
    kept as any other.) An indefinite source has no end to keep."""
    if source.end is None:
        return source
    notes: list[Reason] = []
    orders = _effective(timeline, ruleset, None if made_by is not None else notes)
    reasons = [*source.reasons, *notes]
    last: date | None = source.end
    kept_by: str | None = None
    for order in orders:
        if order is made_by:
            continue
        effect = EFFECTS[order.kind]
        rule = ruleset.rule(effect.keep)
        day = _operative(order, timeline.as_of)
        assert day is not None
        if last is None or not source.start <= day <= last:
            continue  # the person was not a relevant offender through this source that day
        path = timeline.path(order)
        what = _what(order)
        _, ceases = _in_effect(order, timeline.as_of)
        ceases_text = (
            "has effect until further order"
            if ceases is None
            else f"has effect until {ceases.isoformat()}"
        )
        occasion = (
            f"a conviction on {day.isoformat()} for breaching the {what} made on "
            f"{order.made.isoformat()}, which"
            if order.kind.needs_breach
            else f"a {what} made on {order.made.isoformat()}, which"
        )
        if ceases is not None and ceases <= last:
            reasons.append(
                rule.reason(
                    f"{path}: {occasion} {ceases_text}, not after the last day subject "
                    f"({last.isoformat()}): the person would not cease to be subject while it has "
                    f"effect, so {effect.keeps_under} changes nothing.",
                    facts=[path],
                )
            )
            continue
        until = "while it has effect" if ceases is None else f"until {ceases.isoformat()}"
        reasons.append(
            rule.reason(
                f"{path}: {occasion} {ceases_text}; the person was a relevant offender that day "
                f"and would cease to be subject after {last.isoformat()}, while it has effect, so "
                f"remains subject {until} ({effect.keeps_under})."
                + (
                    f" If {source.fact} does not count (a fact is missing), the person was not a "
                    f"relevant offender that day and the order makes them subject {until} "
                    f"instead ({effect.makes_under})."
                    if source.undetermined and made_by is None
                    else ""
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
    """s.103G(2)-(4), s.107(4)-(5), s.109(5), s.100(5)-(6), s.129(3)-(4): a source for each order
    made (a risk order: a breach conviction) on a person who was not then a relevant offender,
    from the relevant date until the order ceases, or later where a further order made while the
    person is subject through it keeps the person subject (:func:`_kept_by_orders`)."""
    made_subject: list[Source] = []
    for order in _effective(timeline, ruleset, None):
        effect = EFFECTS[order.kind]
        rule = ruleset.rule(effect.make)
        day = _operative(order, timeline.as_of)
        assert day is not None
        if any(day in s.subject_days for s in (*sources, *made_subject)):
            continue  # a relevant offender that day: the order keeps the person subject instead
        path = timeline.path(order)
        what = _what(order)
        _, last = _in_effect(order, timeline.as_of)
        missing: tuple[str, ...] = ()
        subject_from: date | None = None
        if not effect.on_service:
            relevant: date = day
            relevant_text = (
                f"the relevant date is the day of the conviction, {day.isoformat()} "
                f"({effect.relevant_under})."
            )
            occasion = (
                f"a conviction on {day.isoformat()} for breaching the {what} made on "
                f"{order.made.isoformat()}, of a person who was not a relevant offender"
            )
        else:
            relevant = order.served or order.made
            occasion = (
                f"a {what} made on {order.made.isoformat()} on a person who was not a relevant "
                "offender"
            )
            if order.served is not None:
                relevant_text = (
                    f"the relevant date is the date of service, {order.served.isoformat()} "
                    f"({effect.relevant_under})."
                )
                if order.served > order.made:
                    # Subject from the making (s.103G(2)(a)), the 3 days from service (s.103G(3)).
                    subject_from = order.made
                    relevant_text += (
                        f" The person is subject from the making, {order.made.isoformat()}, and "
                        "a notification given on or after it answers the initial notification "
                        "(documented reading)."
                    )
            else:
                missing = (
                    f"{path}.served: the date of service is the relevant date "
                    f"({effect.relevant_under})",
                )
                relevant_text = (
                    "the relevant date is the date of service, which is not recorded: "
                    f"{order.made.isoformat()}, the day it was made, stands in for it."
                )
        first = subject_from or relevant
        if last is not None and last < first:
            notes.append(
                rule.reason(
                    f"{path}: the {what} ceased to have effect on {last.isoformat()}, before "
                    f"{first.isoformat()}, the first day it would make the person subject: no "
                    "day is subject through it.",
                    facts=[path],
                )
            )
            continue
        ending = "while it has effect" if last is None else f"until {last.isoformat()}"
        reasons = [
            rule.reason(
                f"{path}: {occasion}: it makes the person subject {ending} "
                f"({effect.makes_under}); " + relevant_text,
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
            # The period runs from the making until the order ceases (s.103G(2)(a)): a missing
            # date of service leaves only the relevant date open (s.103G(3)).
            undetermined=False,
            subject_from=subject_from,
            initial_from=None if subject_from is None else relevant,
            reasons=tuple(reasons),
            kept_by=path,
            kept_until=last,
        )
        source = _kept_by_orders(source, timeline, ruleset, made_by=order)
        made_subject.append(source)
        yield source


def _in_effect(order: Order, as_of: date) -> tuple[bool, date | None]:
    """Whether ``order`` has effect on ``as_of`` (a discharge after it not yet known), and its
    last day (``None`` until further order)."""
    if order.discharged is not None and order.discharged > as_of:
        order = attrs.evolve(order, discharged=None)
    last = order.last_day
    return order.made <= as_of and (last is None or last >= as_of), last


# --------------------------------------------------------------------------------------------
# Convictions, findings and cautions abroad: notification orders and police notices
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Abroad:
    """How Part 2 applies to a trigger abroad: through the order or notice at ``path``, from
    ``subject_from`` (the day it was made or given), to ``last`` at the latest (the day before it
    was discharged or cancelled; ``None`` if it was not), with the initial notification due within
    3 days beginning with ``initial_from`` and, for a notification order, the date of service an
    event for the annual notification (``commencement``, s.85(2)(a) read with s.98(4)).

    >>> Abroad(path="orders[0]", kind=OrderKind.POLICE_NOTICE, subject_from=date(2023, 1, 16),
    ...        initial_from=date(2023, 1, 16)).commencement is None
    True
    """

    path: str
    kind: OrderKind
    subject_from: date
    initial_from: date
    commencement: date | None = None
    last: date | None = None
    missing: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def rule_id(self) -> str:
        """The rule that applies Part 2 through it.

        >>> Abroad(path="orders[0]", kind=OrderKind.NOTIFICATION_ORDER,
        ...        subject_from=date(2021, 4, 12), initial_from=date(2021, 4, 14)).rule_id
        'ew.s98.notification_order'
        """
        if self.kind is OrderKind.POLICE_NOTICE:
            return "ew.s96za.notice"
        return "ew.s98.notification_order"


class _Applied(TypedDict):
    applied_by: str | None
    initial_from: date | None
    commencement: date | None


def _applied(abroad: Abroad | None) -> _Applied:
    """The fields of a :class:`~sexoffender_rules.assessment.Source` that record ``abroad``."""
    if abroad is None:
        return {"applied_by": None, "initial_from": None, "commencement": None}
    return {
        "applied_by": abroad.path,
        "initial_from": abroad.initial_from,
        "commencement": abroad.commencement,
    }


def _applied_abroad(
    trigger: Trigger, timeline: Timeline, ruleset: Ruleset, notes: list[Reason]
) -> Abroad | None:
    """The notification order (s.98) or police notice (ss.96ZA, 96ZC) that applies Part 2 to
    ``trigger``, a conviction, finding or caution abroad: the first made or given by the
    assessment date (a notice only from 29 November 2022). ``None``, with a reason in ``notes``,
    if there is none."""
    path = timeline.path(trigger)
    chosen: Order | None = None
    for order in sorted(timeline.case.orders, key=lambda o: (o.made, o.id)):
        if order.trigger != trigger.id or order.made > timeline.as_of:
            continue
        notice = order.kind is OrderKind.POLICE_NOTICE
        first = NOTICE_COMMENCEMENT if notice else PART_2_COMMENCEMENT
        if order.made < first:
            order_path = timeline.path(order)
            notes.append(
                ruleset.rule("ew.s96za.notice" if notice else "ew.s98.notification_order").reason(
                    f"{order_path}: recorded as made or given on {order.made.isoformat()}, before "
                    f"such {'notices' if notice else 'orders'} could be made or given "
                    f"({first.isoformat()}): it has no effect.",
                    facts=[order_path],
                )
            )
            continue
        chosen = order
        break
    if chosen is None:
        notes.append(
            ruleset.rule("ew.s80.subject").reason(
                f"{path}: a {trigger.kind.value.replace('_', ' ')} abroad on "
                f"{trigger.date.isoformat()} is not within s.80(1); it makes the person subject "
                "only through a notification order (s.98) or a notice under s.96ZA, and none "
                "relating to it is known on the assessment date.",
                facts=[path],
            )
        )
        return None
    order_path = timeline.path(chosen)
    _, last = _in_effect(chosen, timeline.as_of)
    relevant = trigger.relevant_date
    if chosen.kind is OrderKind.POLICE_NOTICE:
        rule = ruleset.rule("ew.s96za.notice")
        reason = rule.reason(
            f"{order_path}: a notice given in person on {chosen.made.isoformat()} under s.96ZA, "
            f"relating to {path}: the person is subject for the s.82 period while it is not "
            f"cancelled (s.96ZA(1)-(2)), from {chosen.made.isoformat()}; the relevant date is "
            f"the date of the {trigger.kind.value.replace('_', ' ')} abroad, "
            f"{relevant.isoformat()} (s.96ZC(2)), and the corresponding disposal decides the "
            "period (s.96ZC(3)); the initial notification is due within 3 days beginning with "
            f"the day the notice was given, {chosen.made.isoformat()} (s.83(1A))."
            + (
                ""
                if chosen.discharged is None or chosen.discharged > timeline.as_of
                else f" It was cancelled on {chosen.discharged.isoformat()}: not subject through "
                "it from that day."
            ),
            facts=[path, order_path],
            dates=[("subject_from", chosen.made), ("relevant_date", relevant)],
        )
        return Abroad(
            path=order_path,
            kind=chosen.kind,
            subject_from=chosen.made,
            initial_from=chosen.made,
            last=last,
            reasons=(reason,),
        )
    rule = ruleset.rule("ew.s98.notification_order")
    served = chosen.served or chosen.made
    missing: tuple[str, ...] = ()
    if chosen.served is None:
        missing = (
            f"{order_path}.served: the date of service starts the initial notification (s.98(4))",
        )
    initial_from = max(relevant, served)
    reason = rule.reason(
        f"{order_path}: a notification order made on {chosen.made.isoformat()}, relating to "
        f"{path}: the person becomes subject from then for the s.82 period (s.98(1)); the "
        f"relevant date is the date of the {trigger.kind.value.replace('_', ' ')} abroad, "
        f"{relevant.isoformat()} (s.98(2)), and the corresponding disposal decides the period "
        "(s.98(3)). The initial notification is due within 3 days beginning with the relevant "
        "date or, if later, the date of service of the order, "
        + (
            f"{served.isoformat()}"
            if chosen.served is not None
            else "which is not recorded: the day it was made stands in for it"
        )
        + ", which is also an event for the annual notification (s.98(4), s.83(1), s.85(2)(a))."
        + (
            ""
            if last is None
            else f" It ceased to have effect after {last.isoformat()}: not subject through it "
            "after that day."
        ),
        facts=[path, order_path],
        dates=[("subject_from", chosen.made), ("relevant_date", relevant), ("served", served)],
    )
    return Abroad(
        path=order_path,
        kind=chosen.kind,
        subject_from=chosen.made,
        initial_from=initial_from,
        commencement=served,
        last=last,
        missing=missing,
        reasons=(reason,),
    )
