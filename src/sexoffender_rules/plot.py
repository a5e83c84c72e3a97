"""The timeline picture as a matplotlib figure, for notebooks (the ``plot`` extra).

matplotlib is imported only when a figure is drawn, so importing this module never needs it;
without it, :func:`timeline_figure` raises :class:`PlotExtraMissingError`, which names the extra
to install (``pip install 'sexoffender-rules[plot]'``). The figure draws the same layout as
:func:`sexoffender_rules.picture.timeline_svg` (:func:`sexoffender_rules.picture.timeline`):
one row each for the notification period, custody, time abroad, every duty and the
notifications. Each artist drawn for a duty, a notification or a span carries a ``gid``
(``duty-0-window``, ``duty-0-deadline``, ``notification-n1``...), so that code can find it.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import json
>>> from datetime import date
>>> from sexoffender_rules import assess, case_from_data
>>> with open("examples/04-change-of-address-notified-late.json", encoding="utf-8") as f:
...     case = case_from_data(json.load(f))
>>> figure = timeline_figure(case, assess(case, as_of=date(2026, 11, 29)))
>>> sorted(a.get_gid() for a in figure.axes[0].get_children() if a.get_gid())[:3]
['as-of', 'duty-0-deadline', 'duty-0-met']
>>> import matplotlib.pyplot as plt
>>> plt.close(figure)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .assessment import Assessment
from .calendar import add_days, days_between
from .errors import SexOffenderRulesError
from .model import Case
from .picture import _COLOURS, LEGEND, timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PlotExtraMissingError", "timeline_figure"]


class PlotExtraMissingError(SexOffenderRulesError, ImportError):
    """matplotlib is not installed: install the ``plot`` extra,
    ``pip install 'sexoffender-rules[plot]'``."""


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise PlotExtraMissingError(
            "timeline_figure needs matplotlib: install the plot extra, "
            "pip install 'sexoffender-rules[plot]'"
        ) from error
    return plt


def timeline_figure(case: Case, assessment: Assessment, *, ax: Axes | None = None) -> Figure:
    """The timeline picture of ``assessment`` (the assessment of ``case``) on a matplotlib
    figure: on ``ax`` where given, else on a new figure sized to the rows.

    Bars for the notification period, custody, time abroad, each duty's window and its days of
    prima facie breach; a tick at each deadline, a ring where a notification met a duty, a
    diamond for each notification, a dashed line at the assessment date; a legend and a year axis
    (matplotlib's date axis). Raises :class:`PlotExtraMissingError` without matplotlib.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from datetime import date
    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="FICTIONAL-0211", date_of_birth=date(1990, 1, 1)))
    >>> timeline_figure(empty, assess(empty, date(2026, 1, 1))).axes[0].get_title()
    'Timeline of the assessment on 2026-01-01: not subject'
    >>> import matplotlib.pyplot as plt
    >>> plt.close("all")
    """
    plt = _pyplot()
    from matplotlib import dates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    mdates: Any = dates  # its locators and formatters are untyped
    t = timeline(case, assessment)
    axes: Any  # matplotlib's stubs take no dates, though its date converter does
    if ax is None:
        figure, axes = plt.subplots(figsize=(10, 1.6 + 0.32 * max(len(t.rows), 1)))
    else:
        figure, axes = ax.figure, ax
    rows = len(t.rows)
    duty = 0
    for i, row in enumerate(t.rows):
        y = rows - 1 - i
        name = f"duty-{duty}" if row.kind == "duty" else row.kind
        for j, span in enumerate(row.spans):
            width = days_between(span.start, span.end)
            # A breach stands out above and below the window it follows.
            artist = axes.barh(
                y,
                width,
                left=span.start,
                height=0.75 if span.kind == "breach" else 0.5,
                color=_COLOURS[span.kind],
                zorder=3 if span.kind == "breach" else 2,
            )[0]
            artist.set_gid(f"{name}-{span.kind}" if row.kind == "duty" else f"{name}-{j}")
        for mark in row.marks:
            if mark.kind == "deadline":
                (line,) = axes.plot(
                    [add_days(mark.day, 1)] * 2,
                    [y - 0.35, y + 0.35],
                    color=_COLOURS["deadline"],
                    linewidth=2.5,
                )
                line.set_gid(f"{name}-deadline")
            elif mark.kind == "met":
                (line,) = axes.plot(
                    [mark.day],
                    [y],
                    marker="o",
                    markersize=6,
                    markerfacecolor="white",
                    markeredgecolor=_COLOURS["met"],
                    markeredgewidth=2,
                    linestyle="none",
                )
                line.set_gid(f"{name}-met")
            else:
                (line,) = axes.plot(
                    [mark.day], [y], marker="D", color=_COLOURS["notification"], linestyle="none"
                )
                line.set_gid(f"notification-{mark.text}")
        if row.kind == "duty":
            duty += 1
    as_of = axes.axvline(t.as_of, color=_COLOURS["as_of"], linestyle="--", linewidth=1.5)
    as_of.set_gid("as-of")
    axes.set_yticks(range(rows), [row.label for row in reversed(t.rows)])
    axes.set_ylim(-0.7, rows - 0.3)
    axes.set_xlim(t.start, t.end)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_title(t.title)
    handles: list[Any] = []
    for kind, words in LEGEND:
        colour = _COLOURS[kind]
        if kind in ("period", "custody", "abroad", "window", "breach"):
            handles.append(Patch(color=colour, label=words))
        elif kind == "deadline":
            handles.append(Line2D([], [], color=colour, linewidth=2.5, label=words))
        elif kind == "as_of":
            handles.append(Line2D([], [], color=colour, linestyle="--", label=words))
        else:
            marker = "o" if kind == "met" else "D"
            face = "white" if kind == "met" else colour
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    color=colour,
                    markerfacecolor=face,
                    linestyle="none",
                    label=words,
                )
            )
    axes.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False
    )
    figure.tight_layout()
    result: Figure = figure
    return result
