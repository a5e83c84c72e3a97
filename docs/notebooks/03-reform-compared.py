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
# # A reform compared with the law in force
#
# What would change for a caseload if the annual notification (SOA 2003 s.85(1), "the applicable
# period" of one year in s.85(5)(b)) became six-monthly? And what does the Crime and Policing Act
# 2026 reform (advance notification of a new name, its commencement unconfirmed) change? A reform
# is a ruleset derived from the baseline ([Reforms and comparing rulesets](../reforms.md));
# `compare` assesses every case under both and reports, case by case, what differs: the headline,
# the end of the registration, and each duty added, removed or changed.
#
# The caseload is a synthetic register of 300 fictional people, assessed on 31 March 2024.

# %%
from collections import Counter
from datetime import date

from sexoffender_rules import ENGLAND_AND_WALES, CalendarPeriod, case_from_data, compare
from sexoffender_rules.caseload import REGISTER_DATE, generate_register
from sexoffender_rules.rulesets import reform_named

cases = [case_from_data(document) for document in generate_register(300, seed=3)]
print(len(cases), "cases, assessed on", REGISTER_DATE)

# %% [markdown]
# ## Deriving the reform
#
# The six-monthly reform changes one parameter of the baseline and nothing else; the baseline is
# not changed.

# %%
six_monthly = ENGLAND_AND_WALES.derive(
    name="six-monthly notification", parameters={"periodic_interval": CalendarPeriod(months=6)}
)
print("baseline:", ENGLAND_AND_WALES.parameter("periodic_interval"))
print("reform:  ", six_monthly.parameter("periodic_interval"))

# %% [markdown]
# ## What differs
#
# `Comparison.text()` starts with the counts over the whole caseload; each differing case then
# lists its differences. Here are the counts, and the first case that differs.

# %%
six = compare(cases, ENGLAND_AND_WALES, six_monthly, REGISTER_DATE)
print("\n".join(six.text().splitlines()[:2]))
print()
print(six.differing[0].text())

# %% [markdown]
# ## Headlines moved by the reform
#
# Each differing case whose headline changed contributes one move from its baseline headline to
# its reform headline. A shorter period puts earlier deadlines on the same facts, so people who
# notified once a year, on time, are now late: the moves run towards `in_breach`. No duty is
# added or removed: each periodic duty still runs from the last notification (s.85(1)), only its
# deadline moves.

# %%
moves = Counter(
    f"{old.value} -> {new.value}"
    for case in six.differing
    if case.headline
    for old, new in [case.headline]
)
for move, count in moves.most_common():
    print(f"{count:4d}  {move}")

# %% [markdown]
# ## A chart of the differences
#
# Over the caseload: the cases that differ at all, those whose headline changed, and the duties
# changed, by what changed in them.

# %%
import matplotlib.pyplot as plt

fields = Counter(
    name for case in six.differing for duty in case.duties for name, _, _ in duty.changes
)
counts = six.counts()
labels = ["cases differing", "headline changed", *[f"duties: {f} changed" for f in fields]]
values = [counts["differing"], counts["headline"], *fields.values()]
figure, ax = plt.subplots(figsize=(8, 3.5))
bars = ax.barh(labels, values, color="#4a6fa5")
ax.bar_label(bars, fontsize=8)
ax.invert_yaxis()
ax.set_xlabel("count")
ax.set_title(f"Six-monthly notification against the law in force: {len(cases)} cases")
figure.tight_layout()

# %% [markdown]
# ## The Crime and Policing Act 2026 reform
#
# The Crime and Policing Act 2026 reform (a new name notified before it is first used) is
# registered by name and off by default; its commencement is unconfirmed, so it is an argument
# (default: Royal Assent, 29 April 2026). The synthetic register holds no changes of name, so
# here is one fictional person who starts to use two names in 2026: the first notified a week
# ahead, the second the day after first use.

# %%
from sexoffender_rules.model import Case, NameUsed, Notification, Person, Trigger

person = Case(
    person=Person(reference="FICTIONAL-0303", date_of_birth=date(1980, 1, 1)),
    triggers=(Trigger(id="t1", kind="caution", date=date(2026, 5, 4)),),
    events=(
        NameUsed(date=date(2026, 7, 10), name="NAME-B"),
        NameUsed(date=date(2026, 9, 1), name="NAME-C"),
    ),
    notifications=(
        Notification(id="n1", date=date(2026, 5, 5), kind="initial", names=("NAME-A",)),
        Notification(
            id="n2",
            date=date(2026, 7, 3),
            kind="advance",
            expected_date=date(2026, 7, 10),
            names=("NAME-A", "NAME-B"),
        ),
        Notification(
            id="n3", date=date(2026, 9, 2), kind="change", names=("NAME-A", "NAME-B", "NAME-C")
        ),
    ),
)
cpa = compare(
    [person], ENGLAND_AND_WALES, reform_named("crime-and-policing-act-2026"), date(2026, 10, 1)
)
print(cpa.text())
