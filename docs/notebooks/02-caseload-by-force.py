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
# # A caseload by force
#
# A synthetic register of fictional people, assessed on one date and counted by managing police
# force: the table a Freedom of Information answer gives ("how many registered offenders are
# missing, wanted, in breach, in this force?"), then a chart of the statuses, then one count
# traced back to the person behind it. [Caseload reports](../caseload.md) defines every column
# and the police-policy profiles.
#
# The register here has 500 people so that the notebook runs in seconds; the command line
# generates and counts one the size of the register of England and Wales on 31 March 2024
# (70,052 people): `sexoffender-rules generate --size 70052 --seed 1 --output register.jsonl`,
# then `sexoffender-rules report register.jsonl --as-of 2024-03-31 --by force`.

# %% [markdown]
# ## Generate and assess
#
# `generate_register` yields case documents (the JSON format of the command line), seeded: the
# same seed gives the same register. `assess_many` assesses them one at a time, lazily, under a
# profile (`trace-enquiry` by default), and `CaseloadReport` counts the results.

# %%
from sexoffender_rules import CaseloadReport, assess_many, generate_register
from sexoffender_rules.caseload import REGISTER_DATE, render_text, status_text

register = list(generate_register(500, seed=1))
results = list(assess_many(enumerate(register, start=1), REGISTER_DATE))
report = CaseloadReport(as_of=REGISTER_DATE).add_all(results)
print(
    report.total["registered"], "cases,", report.invalid, "invalid,", len(report.forces), "forces"
)

# %% [markdown]
# ## The table
#
# One row per force, then the total; the columns are not exclusive (a person can be missing,
# wanted and in breach at once). This is what `sexoffender-rules report --by force` prints:

# %%
print(render_text(report, by_force=True))

# %% [markdown]
# ## A chart of the statuses
#
# Each person also has one headline status: the first flag, in the profile's order of
# precedence, that holds (else `compliant`). `report.rows()` gives the table as plain rows for
# plotting: on the left the headline statuses in total, on the right the people in breach,
# missing or wanted in each force (the columns count flags, so a person can be in more than
# one).

# %%
import matplotlib.pyplot as plt

rows = report.rows(by_force=True, total=False)
names = report.headline_names
totals = [report.total_headlines[name] for name in names]

figure, (left, right) = plt.subplots(1, 2, figsize=(11, 7), gridspec_kw={"width_ratios": [1, 1.4]})
left.barh([name.replace("_", " ") for name in names], totals, color="#4a6fa5")
left.set_xscale("log")
left.invert_yaxis()
left.set_xlabel("people (log scale)")
left.set_title(f"Headline status on {REGISTER_DATE}, all forces")
for y, count in enumerate(totals):
    left.annotate(str(count), (count, y), xytext=(3, 0), textcoords="offset points", va="center")

forces = [row["force"] for row in rows]
bottom = [0] * len(rows)
for column, colour in (("in_breach", "#d7301f"), ("missing", "#6a51a3"), ("wanted", "#252525")):
    counts = [row[column] for row in rows]
    right.barh(forces, counts, left=bottom, color=colour, label=column.replace("_", " "))
    bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
right.invert_yaxis()
right.tick_params(axis="y", labelsize=7)
right.set_xlabel("people (flags counted, not exclusive)")
right.set_title("In breach, missing, wanted: by force")
right.legend(loc="lower right")
figure.tight_layout()

# %% [markdown]
# ## Every count traces to a person
#
# Each result keeps the person's status, with the reasons for every flag. Here is the first
# person counted as missing (with `sexoffender-rules report --cases missing`, the command line
# lists them all, and `sexoffender-rules status` explains each one):

# %%
missing = [r for r in results if r.status is not None and "missing" in r.status.flag_names]
print(len(missing), "missing; the first is line", missing[0].line, "of the register:")
print(status_text(missing[0].status))
