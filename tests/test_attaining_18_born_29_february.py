"""Attaining 18 when born on 29 February: the 18th birthday falls in a year with no 29 February,
so the day a person attains 18 depends on the leap-day reading (``Policy.leap_day``), and with it
whether the person was "under 18 on the relevant date" (SOA 2003 s.91B(2)(b) for the qualifying
date of a review; likewise s.82(2) and s.89).
"""

from __future__ import annotations

from datetime import date

import pytest

from sexoffender_rules import assess
from sexoffender_rules.calendar import CalendarPeriod
from sexoffender_rules.errors import AmbiguousReadingError
from sexoffender_rules.model import Case, Imprisonment, Notification, Person, Trigger
from sexoffender_rules.policy import NoCorrespondingDay, Policy

# Born 29 February 2000; convicted 28 February 2018 and sentenced to 36 months: an indefinite
# period (s.82(1)); at liberty on the relevant date and first notified on 2 March 2018.
CASE = Case(
    person=Person(reference="FICTIONAL-0962", date_of_birth=date(2000, 2, 29)),
    triggers=(
        Trigger(
            id="t1",
            kind="conviction",
            date=date(2018, 2, 28),
            disposal=Imprisonment(term=CalendarPeriod(months=36)),
        ),
    ),
    notifications=(Notification(id="n1", date=date(2018, 3, 2), kind="initial"),),
)
AS_OF = date(2019, 1, 7)


def test_read_as_1_march_the_person_was_under_18_and_the_period_is_8_years() -> None:
    # 18 years from 29 February 2000 land on 29 February 2018, which 2018 lacks; read as the next
    # day (the default), he attains 18 on 1 March 2018 and was 17 on 28 February: s.91B(2)(b),
    # 8 years beginning with 2 March 2018 end on 1 March 2026, so the qualifying date is 2 March
    # 2026.
    [source] = assess(CASE, AS_OF).registration.sources
    assert source.review_from == date(2026, 3, 2)


def test_read_as_28_february_the_person_was_18_and_the_period_is_15_years() -> None:
    # Read as the previous day, he attains 18 on 28 February 2018, the relevant date: s.91B(2)(a),
    # 15 years beginning with 2 March 2018 end on 1 March 2033, so 2 March 2033.
    policy = Policy(leap_day=NoCorrespondingDay.PREVIOUS_DAY)
    [source] = assess(CASE, AS_OF, policy).registration.sources
    assert source.review_from == date(2033, 3, 2)


def test_a_policy_that_leaves_the_reading_open_is_told_which_question_to_answer() -> None:
    with pytest.raises(AmbiguousReadingError) as error:
        assess(CASE, AS_OF, Policy(leap_day=NoCorrespondingDay.RAISE))
    # The question is the 18th birthday: 29 February 2000 plus 18 years.
    assert error.value.question == "leap_day"
    assert "2000-02-29 plus 18 years" in str(error.value)
