# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # One case, step by step
#
# From the facts of one fictional person to an explained assessment and its timeline picture.
# The person is the one of [Getting started](../getting-started.md): remanded in custody on
# 15 January 2025, convicted on 3 March 2025 and sentenced to 8 months, released on 1 July 2025,
# a holiday abroad over the new year, and an annual notification a week late.
#
# This notebook is stored as a percent-format Python file (jupytext) and executed from clean by
# the test suite and the documentation build. It needs the `plot` extra for the picture:
# `pip install 'sexoffender-rules[plot]'`.

# %% [markdown]
# ## The facts
#
# A case holds dated facts only: the library draws every conclusion from them. We start with
# the person and the conviction.

# %%
from datetime import date

import attrs

from sexoffender_rules import (
    AbsenceAbroad,
    Case,
    Detention,
    HomeAddress,
    Imprisonment,
    Notification,
    Person,
    Policy,
    Trigger,
    assess,
    explain,
    summary,
)
from sexoffender_rules.calendar import CalendarPeriod

AS_OF = date(2026, 11, 29)
person = Person(reference="FICTIONAL-0500", date_of_birth=date(1988, 4, 12))
conviction = Trigger(
    id="t1",
    kind="conviction",
    date=date(2025, 3, 3),
    disposal=Imprisonment(term=CalendarPeriod(months=8)),
)
case = Case(person=person, triggers=[conviction])
print(summary(assess(case, AS_OF)))

# %% [markdown]
# The conviction makes the person subject for 10 years (s.82(1): a term of more than 6 months
# but less than 30 months). With no notification at all, the initial notification was due within
# 3 days (s.83(1)) and its breach continues: the headline is `in_breach`.
#
# ## Custody
#
# Time in custody does not count towards those 3 days (s.83(6)). Add the remand and the sentence:

# %%
case = attrs.evolve(
    case,
    detentions=[
        Detention(kind="remand", start=date(2025, 1, 15), end=date(2025, 3, 3)),
        Detention(kind="sentence", start=date(2025, 3, 3), end=date(2025, 7, 1)),
    ],
)
(initial,) = [d for d in assess(case, AS_OF).duties if d.kind.value == "initial"]
print(initial.deadline, "-", initial.reasons[0].statement)

# %% [markdown]
# The deadline moves to 3 July 2025: the day of release is day 1 under the default reading of
# partial days (see [Interpretation choices](../interpretation.md)).
#
# ## Time abroad and the notifications
#
# Now the trip abroad and the three notifications the person gave: the initial one the day after
# release, the travel notification ahead of the trip, and the annual one, a week late.

# %%
home = HomeAddress(kind="residence", reference="ADDR-1")
case = attrs.evolve(
    case,
    absences_abroad=[AbsenceAbroad(start=date(2025, 12, 20), end=date(2026, 1, 3))],
    notifications=[
        Notification(
            id="n1", date=date(2025, 7, 2), kind="initial", names=["NAME-A"], home_address=home
        ),
        Notification(
            id="n2",
            date=date(2025, 11, 28),
            kind="travel",
            departure=date(2025, 12, 20),
            destination="COUNTRY-1",
            expected_return=date(2026, 1, 3),
        ),
        Notification(
            id="n3", date=date(2026, 7, 9), kind="periodic", names=["NAME-A"], home_address=home
        ),
    ],
)
result = assess(case, AS_OF)
print(summary(result))

# %% [markdown]
# ## The explanation
#
# Every duty carries its reasons: the rule, its citation and the readings of the law relied on.
# The whole explanation is what `sexoffender-rules explain` prints:

# %%
print(explain(result))

# %% [markdown]
# A duty's reasons are data as well as text:

# %%
late = next(d for d in result.duties if d.breach is not None)
for reason in late.reasons:
    print(f"{reason.rule_id:<16} {reason.citation}")
print("breach:", late.breach.start, "to", late.breach.last_day, f"({late.breach_days} days)")

# %% [markdown]
# ## The timeline picture
#
# `timeline_figure` draws the assessment with matplotlib: the notification period, custody and
# time abroad, each duty's window, deadline and breach, and the notifications.

# %%
from sexoffender_rules.plot import timeline_figure

figure = timeline_figure(case, result)

# %% [markdown]
# ## Another reading
#
# The assessment flags one point for review: the release duty counts as met by the initial
# notification given in person the day after the release. Under the other reading of
# s.84(1)(d), only a notification that records the release answers it:

# %%
strict_release = Policy(release_notified_by_attendance=False)
other = assess(case, AS_OF, strict_release)
print(result.headline.value, "->", other.headline.value)
print(next(line for line in summary(other).splitlines() if "release from" in line))
