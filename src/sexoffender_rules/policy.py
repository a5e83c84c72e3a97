"""Readings of the law that the statute leaves open, named and chosen by the caller.

Where Part 2 of the Sexual Offences Act 2003 can be read more than one way, the library does not
guess silently: each open question is a field of :class:`Policy`, its default is the reading in
the project's documented reading (listed in docs/england-and-wales.md), and every explanation that relied on a reading
names it. :meth:`Policy.strict` leaves the questions open, so that any computation whose answer
depends on one raises :class:`~sexoffender_rules.errors.AmbiguousReadingError` instead.

>>> policy = Policy()
>>> policy.leap_day, policy.corresponding_date, policy.partial_days
(<NoCorrespondingDay.NEXT_DAY: 'next_day'>, <NoCorrespondingDay.PREVIOUS_DAY: 'previous_day'>, <PartialDays.LIBERTY_AT_END_OF_DAY: 'liberty_at_end_of_day'>)
>>> Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY).leap_day.value
'previous_day'
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs

from ._pickling import tuple_state
from .errors import InvalidValueError

__all__ = ["FailureAfterRequirementsEnd", "NoCorrespondingDay", "PartialDays", "Policy"]


class NoCorrespondingDay(str, enum.Enum):
    """What to do when calendar arithmetic lands on a day the month does not have.

    Adding months or years to the 29th, 30th or 31st can name a day that does not exist
    (31 January plus one month; 29 February plus one year). The statute does not say which day is
    meant.

    - ``NEXT_DAY``: the first day of the following month (31 Jan + 1 month = 1 Mar).
    - ``PREVIOUS_DAY``: the last day of the month (31 Jan + 1 month = 28 or 29 Feb), as
      *Dodds v Walker* [1981] 1 WLR 1027 (HL) reads "one month after" a month-end date.
    - ``RAISE``: refuse to choose (:class:`~sexoffender_rules.errors.AmbiguousReadingError`).

    >>> NoCorrespondingDay("previous_day") is NoCorrespondingDay.PREVIOUS_DAY
    True
    """

    NEXT_DAY = "next_day"
    PREVIOUS_DAY = "previous_day"
    RAISE = "raise"


class PartialDays(str, enum.Enum):
    """How a day partly spent detained or abroad counts in a period "of N days" (SOA 2003 s.83(6)).

    s.83(6) disregards "any time" when the person is remanded in or committed to custody, serving a
    sentence, detained in a hospital or outside the United Kingdom, but the periods are counted in
    days.

    - ``LIBERTY_AT_END_OF_DAY`` (default): a day counts if the person is at liberty in the
      United Kingdom at its end, so the day of release or return is day 1 and the day custody or
      departure begins does not count.
    - ``WHOLE_DAY_AT_LIBERTY``: a day counts only if the person is at liberty in the United
      Kingdom for all of it, so neither the first nor the last day of a spell counts.
    - ``RAISE``: refuse to choose where the two readings give different answers.

    >>> PartialDays.LIBERTY_AT_END_OF_DAY.value
    'liberty_at_end_of_day'
    """

    LIBERTY_AT_END_OF_DAY = "liberty_at_end_of_day"
    WHOLE_DAY_AT_LIBERTY = "whole_day_at_liberty"
    RAISE = "raise"


class FailureAfterRequirementsEnd(str, enum.Enum):
    """A duty whose deadline is the last day of the notification period, not met by then.

    The whole window lay inside the period, so the duty bound the person (s.80(2)); but the first
    day of failure, the day after the deadline (s.91(3): the offence is committed "on the day on
    which he first fails"), is the first day on which the requirements no longer apply. The statute
    does not say which way this falls.

    - ``ONE_DAY`` (default): a failure on the day after the deadline, which cannot continue
      because the requirements have ended; the duty is overdue with a breach of that one day.
    - ``NO_FAILURE``: no failure is committed, since the requirements ended with the deadline day;
      the duty is not required.

    >>> FailureAfterRequirementsEnd("no_failure").value
    'no_failure'
    """

    ONE_DAY = "one_day"
    NO_FAILURE = "no_failure"


def _reading(kind: type[enum.Enum], name: str) -> Callable[[object], enum.Enum]:
    def convert(value: object) -> enum.Enum:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            raise InvalidValueError(f"{name}: expected one of {allowed}") from None

    return convert


def _leap_day(value: object) -> NoCorrespondingDay:
    return NoCorrespondingDay(_reading(NoCorrespondingDay, "leap_day")(value))


def _corresponding_date(value: object) -> NoCorrespondingDay:
    return NoCorrespondingDay(_reading(NoCorrespondingDay, "corresponding_date")(value))


def _partial_days(value: object) -> PartialDays:
    return PartialDays(_reading(PartialDays, "partial_days")(value))


def _failure_after_end(value: object) -> FailureAfterRequirementsEnd:
    return FailureAfterRequirementsEnd(
        _reading(FailureAfterRequirementsEnd, "failure_after_requirements_end")(value)
    )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidValueError(f"{attribute.name}: expected true or false")


@tuple_state
@attrs.frozen(kw_only=True)
class Policy:
    """The caller's choice of reading for each open question of interpretation.

    Attributes:
        leap_day: for a period "of N years (and M months) beginning with" a day that has no
            corresponding day in the last year (29 February), where the anniversary falls. The
            period ends the day before the anniversary. Default ``NEXT_DAY``: 7 years beginning
            with 29 Feb 2020 have their anniversary on 1 Mar 2027 and end on 28 Feb 2027 (the
            longer, more protective reading); ``PREVIOUS_DAY`` ends them on 27 Feb 2027. The
            same reading places the end of the s.82(1) table's 6 and 30 months when a term in
            days or weeks is compared with them from a month-end start (184 days from 31 May 2004
            are 6 months or less under ``NEXT_DAY``, more under ``PREVIOUS_DAY``); it is named,
            and :meth:`strict` raises, only where the two readings give different answers.
        corresponding_date: for a period "after" a day ("within one year after"), the day it ends
            on when there is no corresponding day. Default ``PREVIOUS_DAY`` (*Dodds v Walker*): one
            year after 29 Feb 2024 ends on 28 Feb 2025.
        partial_days: how a day partly spent detained or abroad counts (:class:`PartialDays`).
        release_notified_by_attendance: whether any notification given in person on or after a
            release answers the s.84(1)(d) duty to notify that release (default ``True``: the
            person attends a police station under s.87(1), which itself shows the release), or only
            a notification that records the release.
        failure_after_requirements_end: whether a duty whose deadline is the last day of the
            notification period, and which was not met by then, is a one-day failure on the day
            after (default ``ONE_DAY``) or no failure (``NO_FAILURE``):
            :class:`FailureAfterRequirementsEnd`.
        periodic_notifies_changes: whether a name, home address or other premises given in a
            periodic notification (s.85(1)) counts as notified to the police for s.84(1)(a)-(c),
            in both places where that matters: it answers a duty to notify the change, and a
            name or premises so given is "notified", so a later use of the name or stay at the
            premises gives no duty. Default ``True``: s.85(1) requires the s.83(5) information,
            which includes every name the person uses and the premises where they regularly stay,
            so a periodic notification in fact notifies them. ``False`` reads s.84(1)(a) and (c)
            literally: they list only notifications under s.83(1) and s.84(1) (initial, change,
            and advance ones), so a periodic notification neither answers the duty nor counts as
            notified.
        prescribed_restarts_periodic: whether a notification given only of prescribed
            information or a prescribed change (kind ``prescribed``: a bank account, payment card,
            passport or identity document, or a relevant household; s.83(5)(h), s.84(1)(ca), SI
            2012/1876) is an event that restarts the s.85 period. Default ``True``: the
            notification of a prescribed change is one "under section 84(1)", and s.85(2)(b) makes
            each such notification an event. ``False`` follows the Home Office's answers to
            questions (updated 31 March 2023): information on the matters introduced on 13 August
            2012 "is given under section 83", "is not made under section 84 and does not alter the
            annual notification date".

    >>> Policy().release_notified_by_attendance, Policy().periodic_notifies_changes
    (True, True)
    >>> Policy.strict().leap_day
    <NoCorrespondingDay.RAISE: 'raise'>
    """

    leap_day: NoCorrespondingDay = attrs.field(
        default=NoCorrespondingDay.NEXT_DAY, converter=_leap_day
    )
    corresponding_date: NoCorrespondingDay = attrs.field(
        default=NoCorrespondingDay.PREVIOUS_DAY, converter=_corresponding_date
    )
    partial_days: PartialDays = attrs.field(
        default=PartialDays.LIBERTY_AT_END_OF_DAY, converter=_partial_days
    )
    release_notified_by_attendance: bool = attrs.field(default=True, validator=_flag)
    failure_after_requirements_end: FailureAfterRequirementsEnd = attrs.field(
        default=FailureAfterRequirementsEnd.ONE_DAY, converter=_failure_after_end
    )
    periodic_notifies_changes: bool = attrs.field(default=True, validator=_flag)
    prescribed_restarts_periodic: bool = attrs.field(default=True, validator=_flag)

    @classmethod
    def strict(cls) -> Policy:
        """A policy that leaves every open reading open, so that computations needing one raise.

        >>> Policy.strict().partial_days
        <PartialDays.RAISE: 'raise'>
        """
        return cls(
            leap_day=NoCorrespondingDay.RAISE,
            corresponding_date=NoCorrespondingDay.RAISE,
            partial_days=PartialDays.RAISE,
        )

    def readings(self) -> dict[str, str | bool]:
        """The reading chosen for each open question, by field name, as JSON-ready values.

        >>> Policy().readings()["leap_day"], Policy().readings()["release_notified_by_attendance"]
        ('next_day', True)
        >>> Policy(periodic_notifies_changes=False).readings()["periodic_notifies_changes"]
        False
        """
        return {
            "leap_day": self.leap_day.value,
            "corresponding_date": self.corresponding_date.value,
            "partial_days": self.partial_days.value,
            "release_notified_by_attendance": self.release_notified_by_attendance,
            "failure_after_requirements_end": self.failure_after_requirements_end.value,
            "periodic_notifies_changes": self.periodic_notifies_changes,
            "prescribed_restarts_periodic": self.prescribed_restarts_periodic,
        }
