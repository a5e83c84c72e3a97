"""The timeline picture of one assessment: a pure layout, and that layout drawn as SVG text.

:func:`timeline` lays out what a person's assessment shows over time, one row each: the
notification period, custody, time abroad, every duty (its window from the day it arose to its
deadline, the deadline, the days of prima facie breach and the notification that met it) and the
notifications given. :func:`timeline_svg` draws it as an SVG document built with the standard
library only; :func:`sexoffender_rules.plot.timeline_figure` draws the same layout with
matplotlib (the ``plot`` extra). Both are pure: same case and assessment, same picture, byte for
byte.

>>> from datetime import date
>>> from sexoffender_rules import assess
>>> from sexoffender_rules.model import Case, Notification, Person, Trigger
>>> case = Case(person=Person(reference="FICTIONAL-0200", date_of_birth=date(1984, 7, 1)),
...             triggers=[Trigger(id="t1", kind="caution", date=date(2026, 3, 6))],
...             notifications=[Notification(id="n1", date=date(2026, 3, 9), kind="initial")])
>>> picture = timeline(case, assess(case, as_of=date(2026, 4, 1)))
>>> [row.label for row in picture.rows]
['Notification period', 'initial: met late', 'periodic: open', 'Notifications']
>>> timeline_svg(case, assess(case, as_of=date(2026, 4, 1))).startswith("<svg")
True
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

import attrs

from .assessment import Assessment, Duty, DutyState
from .calendar import END_OF_TIME, add_days, days_between
from .explain import _duty_heading
from .model import AbsenceAbroad, Case, Detention

__all__ = ["LEGEND", "Mark", "Row", "Span", "Timeline", "timeline", "timeline_svg"]


@attrs.frozen(kw_only=True)
class Span:
    """Days drawn as a bar: from ``start`` up to but not including ``end``.

    ``kind`` is one of ``period``, ``custody``, ``abroad``, ``window`` and ``breach`` (the keys of
    :data:`LEGEND`); ``open_end`` says the days run on past the right edge of the picture (a
    continuing breach, an indefinite period, custody not yet ended); ``label`` describes it.

    >>> Span(kind="breach", start=date(2026, 10, 8), end=date(2026, 10, 13), label="b").open_end
    False
    """

    kind: str
    start: date
    end: date
    label: str
    open_end: bool = False


@attrs.frozen(kw_only=True)
class Mark:
    """One day drawn as a mark: a ``deadline`` (at the end of that day), a ``notification``, or
    the notification that met a duty (``met``). ``text`` is drawn beside it where there is room
    (a notification's id).

    >>> Mark(kind="deadline", day=date(2026, 3, 8), label="due by 2026-03-08").kind
    'deadline'
    """

    kind: str
    day: date
    label: str
    text: str = ""


@attrs.frozen(kw_only=True)
class Row:
    """One labelled row of the picture. ``kind`` is ``period``, ``custody``, ``abroad``,
    ``duty`` or ``notifications``; ``description`` is its full text (the duty as the explanation
    states it), for tooltips and screen readers.

    >>> Row(kind="custody", label="Custody", description="", spans=(), marks=()).label
    'Custody'
    """

    kind: str
    label: str
    description: str
    spans: tuple[Span, ...]
    marks: tuple[Mark, ...]


@attrs.frozen(kw_only=True)
class Timeline:
    """The layout of one assessment over time: the days shown (``start`` up to but not including
    ``end``), the assessment date, and the rows from top to bottom.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Person
    >>> empty = Case(person=Person(reference="FICTIONAL-0201", date_of_birth=date(1990, 1, 1)))
    >>> t = timeline(empty, assess(empty, date(2026, 1, 1)))
    >>> t.rows, t.start < date(2026, 1, 1) < t.end
    ((), True)
    """

    title: str
    description: str
    as_of: date
    start: date
    end: date
    rows: tuple[Row, ...]


#: What each kind of span and mark means, in the order the legend shows them.
LEGEND: tuple[tuple[str, str], ...] = (
    ("period", "notification period"),
    ("custody", "custody (s.83(6))"),
    ("abroad", "outside the UK"),
    ("window", "duty: window to deadline"),
    ("deadline", "deadline"),
    ("breach", "prima facie breach"),
    ("met", "met by a notification"),
    ("notification", "notification given"),
    ("as_of", "assessment date"),
)

_COLOURS = {
    "period": "#c6dbef",
    "custody": "#525252",
    "abroad": "#74c476",
    "window": "#9ecae1",
    "deadline": "#08306b",
    "breach": "#d7301f",
    "met": "#238b45",
    "notification": "#238b45",
    "as_of": "#6a51a3",
}


def _words(value: str) -> str:
    return value.replace("_", " ")


def _duty_row(duty: Duty, notified: dict[str, date], far: date) -> Row:
    spans: list[Span] = []
    marks: list[Mark] = []
    heading = _duty_heading(duty)
    if duty.deadline is not None:
        end = add_days(duty.deadline, 1)
        if duty.deadline >= duty.trigger_date:
            # A notice due before its event (travel: days before departure) has no window here.
            spans.append(Span(kind="window", start=duty.trigger_date, end=end, label=heading))
        marks.append(
            Mark(kind="deadline", day=duty.deadline, label=f"due by {duty.deadline.isoformat()}")
        )
    else:
        spans.append(
            Span(
                kind="window",
                start=duty.trigger_date,
                end=far,
                label=f"{heading} (the deadline is not yet fixed)",
                open_end=True,
            )
        )
    if duty.breach is not None:
        continuing = duty.breach.is_unbounded
        spans.append(
            Span(
                kind="breach",
                start=duty.breach.start,
                end=far if continuing else duty.breach.end,
                label="prima facie breach from "
                + duty.breach.start.isoformat()
                + (" continuing" if continuing else f" to {duty.breach.last_day.isoformat()}"),
                open_end=continuing,
            )
        )
    if duty.discharged_by is not None and duty.discharged_by in notified:
        day = notified[duty.discharged_by]
        # A notification after the earliest deadline of an undetermined duty may be late.
        verb = "notified" if duty.state is DutyState.UNDETERMINED else "met"
        marks.append(Mark(kind="met", day=day, label=f"{verb} by {duty.discharged_by} on {day}"))
    return Row(
        kind="duty",
        label=f"{_words(duty.kind.value)}: {_words(duty.state.value)}",
        description=heading,
        spans=tuple(spans),
        marks=tuple(marks),
    )


def _bounds(case: Case, assessment: Assessment) -> tuple[date, date]:
    """The first and last day shown: every dated fact drawn and the assessment date, with a
    margin; a notification period that runs on long after them is cut at the edge."""
    days = [assessment.as_of]
    for interval in assessment.registration.subject_days:
        days.append(interval.start)
        if interval.end != END_OF_TIME and days_between(assessment.as_of, interval.end) < 366:
            days.append(interval.end)
    spells: list[Detention | AbsenceAbroad] = [*case.detentions, *case.absences_abroad]
    for spell in spells:
        days += [spell.start] + ([spell.end] if spell.end is not None else [])
    days += [n.date for n in case.notifications]
    for duty in assessment.duties:
        days += [duty.trigger_date] + ([duty.deadline] if duty.deadline else [])
        if duty.breach is not None and not duty.breach.is_unbounded:
            days.append(duty.breach.end)
    first, last = min(days), add_days(max(days), 1)
    margin = max(14, days_between(first, last) // 25)
    return add_days(first, -margin), add_days(last, margin)


def timeline(case: Case, assessment: Assessment) -> Timeline:
    """The timeline layout of ``assessment``, the assessment of ``case``.

    Rows, top to bottom: the notification period (the days the person is subject), custody and
    time abroad (where the case has any), one row per duty in the assessment's order, and the
    notifications. The days shown run from the earliest fact drawn to the latest deadline, fact
    or assessment date, with a margin; what runs on past them is cut at the edge and marked open.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Detention, Person, Trigger
    >>> case = Case(person=Person(reference="FICTIONAL-0202", date_of_birth=date(1980, 1, 1)),
    ...             triggers=[Trigger(id="t1", kind="caution", date=date(2026, 3, 6))],
    ...             detentions=[Detention(kind="remand", start=date(2026, 3, 7))])
    >>> rows = timeline(case, assess(case, date(2026, 4, 1))).rows
    >>> [(row.kind, [s.kind for s in row.spans]) for row in rows]
    [('period', ['period']), ('custody', ['custody']), ('duty', ['window'])]
    >>> rows[2].spans[0].open_end, rows[2].label
    (True, 'initial: suspended')
    """
    start, end = _bounds(case, assessment)
    far = end
    rows: list[Row] = []
    reg = assessment.registration
    periods = [
        Span(
            kind="period",
            start=max(interval.start, start),
            end=min(interval.end, far),
            label=f"subject from {interval.start.isoformat()}"
            + (
                " (indefinitely or until a date not yet known)"
                if interval.end == END_OF_TIME
                else f" to {add_days(interval.end, -1).isoformat()}"
            ),
            open_end=interval.end > far,
        )
        for interval in reg.subject_days
    ]
    if periods:
        status = (
            "indefinite"
            if reg.indefinite
            else "undetermined"
            if reg.undetermined
            else f"last day {reg.end.isoformat()}"
            if reg.end
            else ""
        )
        rows.append(
            Row(
                kind="period",
                label="Notification period",
                description=f"Notification period ({status}): "
                + "; ".join(s.label for s in periods),
                spans=tuple(periods),
                marks=(),
            )
        )
    spells: tuple[tuple[str, str, list[tuple[str, Detention | AbsenceAbroad]]], ...] = (
        ("custody", "Custody", [(_words(d.kind.value), d) for d in case.detentions]),
        ("abroad", "Abroad", [("abroad", a) for a in case.absences_abroad]),
    )
    for kind, label, named in spells:
        spans = []
        for words, spell in named:
            # A spell ends on the day of release or return; one that ends the day it began is
            # drawn as that day.
            last = spell.end if spell.end is None or spell.end > spell.start else None
            spans.append(
                Span(
                    kind=kind,
                    start=spell.start,
                    end=(last or add_days(spell.start, 1)) if spell.end else far,
                    label=f"{words} from {spell.start.isoformat()}"
                    + (f" to {spell.end.isoformat()}" if spell.end else ", not yet ended"),
                    open_end=spell.end is None,
                )
            )
        if spans:
            rows.append(
                Row(
                    kind=kind,
                    label=label,
                    description=f"{label}: " + "; ".join(s.label for s in spans),
                    spans=tuple(spans),
                    marks=(),
                )
            )
    notified = {n.id: n.date for n in case.notifications}
    rows += [_duty_row(duty, notified, far) for duty in assessment.duties]
    if case.notifications:
        marks = tuple(
            Mark(
                kind="notification",
                day=n.date,
                label=f"{n.id} ({_words(n.kind.value)})",
                text=n.id,
            )
            for n in sorted(case.notifications, key=lambda n: (n.date, n.id))
        )
        rows.append(
            Row(
                kind="notifications",
                label="Notifications",
                description="Notifications: "
                + "; ".join(f"{m.label} on {m.day.isoformat()}" for m in marks),
                spans=(),
                marks=marks,
            )
        )
    title = (
        f"Timeline of the assessment on {assessment.as_of.isoformat()}: "
        f"{_words(assessment.headline.value)}"
    )
    description = " ".join(
        [f"{assessment.ruleset}. {title}."] + [f"{row.description}." for row in rows]
    )
    return Timeline(
        title=title,
        description=description,
        as_of=assessment.as_of,
        start=start,
        end=end,
        rows=tuple(rows),
    )


# --------------------------------------------------------------------------------------------
# SVG
# --------------------------------------------------------------------------------------------

_WIDTH, _LABELS, _RIGHT, _TOP, _ROW, _BAR = 960, 236, 24, 56, 24, 12
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """``value`` as XML character data or an attribute value: markup characters escaped, and
    characters XML cannot hold replaced by U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", value), {'"': "&quot;", "'": "&apos;"})


class _Scale:
    def __init__(self, start: date, end: date) -> None:
        self.start, self.days = start, days_between(start, end)
        self.left, self.right = _LABELS + 10, _WIDTH - _RIGHT

    def x(self, day: date) -> float:
        """The x of the start of ``day``."""
        share = days_between(self.start, day) / self.days
        return self.left + max(0.0, min(1.0, share)) * (self.right - self.left)


def _ticks(start: date, end: date) -> tuple[list[date], list[tuple[date, str]]]:
    """Year ticks (1 January, labelled every 1, 2, 5 or 10 years) and month ticks with labels
    (every month, or every quarter) when the picture covers under about 2 years."""
    years = [date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    step = next((s for s in (1, 2, 5, 10, 20, 50) if len(years) / s <= 12), 100)
    labelled = [d for d in years if d.year % step == 0] if step > 1 else years
    months: list[tuple[date, str]] = []
    span = days_between(start, end)
    if span <= 800:
        every = 1 if span <= 400 else 3
        y, m = start.year, start.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            day = date(y, m, 1)
            if day >= end:
                break
            if (m - 1) % every == 0:
                months.append((day, _MONTHS[m - 1] if m != 1 else ""))
    return labelled, months


def _span_svg(span: Span, y: float, scale: _Scale) -> list[str]:
    x0, x1 = scale.x(span.start), scale.x(span.end)
    width = max(x1 - x0, 4.0 if span.kind == "breach" else 1.5)
    colour = _COLOURS[span.kind]
    # A breach stands out above and below the window it follows, however short it is.
    bar = _BAR + 6 if span.kind == "breach" else _BAR
    top = y + (_ROW - bar) / 2
    out = [
        f'<rect class="{span.kind}" x="{x0:.1f}" y="{top:.1f}" width="{width:.1f}" '
        f'height="{bar}" fill="{colour}"><title>{_text(span.label)}</title></rect>'
    ]
    if span.open_end:
        out.append(
            f'<path class="open-end" d="M{x0 + width:.1f},{top - 2:.1f} l7,{bar / 2 + 2:.1f} '
            f'l-7,{bar / 2 + 2:.1f} z" fill="{colour}"><title>continues</title></path>'
        )
    return out


def _mark_svg(mark: Mark, y: float, scale: _Scale) -> list[str]:
    colour = _COLOURS[mark.kind]
    title = f"<title>{_text(mark.label)} on {mark.day.isoformat()}</title>"
    if mark.kind == "deadline":
        x = scale.x(add_days(mark.day, 1))
        return [
            f'<line class="deadline" x1="{x:.1f}" y1="{y + 3:.1f}" x2="{x:.1f}" '
            f'y2="{y + _ROW - 3:.1f}" stroke="{colour}" stroke-width="2.5">{title}</line>'
        ]
    x = (scale.x(mark.day) + scale.x(add_days(mark.day, 1))) / 2
    cy = y + _ROW / 2
    if mark.kind == "met":
        return [
            f'<circle class="met" cx="{x:.1f}" cy="{cy:.1f}" r="4" fill="#ffffff" '
            f'stroke="{colour}" stroke-width="2">{title}</circle>'
        ]
    return [
        f'<path class="notification-mark" d="M{x:.1f},{cy - 6:.1f} l5,6 l-5,6 l-5,-6 z" '
        f'fill="{colour}"/>'
    ]


def _axis_svg(scale: _Scale, start: date, end: date, bottom: float) -> list[str]:
    """Grid lines and labels: a bold year at each 1 January tick, months below small."""
    years, months = _ticks(start, end)
    grid = [
        f'<g class="axis" stroke="#737373"><line x1="{scale.left}" y1="{bottom}" '
        f'x2="{scale.right}" y2="{bottom}"/>'
    ]
    labels = ['<g class="axis-labels" fill="#404040">']
    ticks = [(day, label, False) for day, label in months] + [(d, str(d.year), True) for d in years]
    for day, label, year in ticks:
        x = scale.x(day)
        grid.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6 if year else _TOP}" x2="{x:.1f}" '
            f'y2="{bottom + (8 if year else 4)}"'
            + ("/>" if year else ' stroke="#bdbdbd" stroke-width="0.5"/>')
        )
        if year:
            labels.append(
                f'<text x="{x:.1f}" y="{bottom + 30}" text-anchor="middle" '
                f'font-weight="bold">{label}</text>'
            )
        elif label:
            labels.append(f'<text x="{x + 2:.1f}" y="{bottom + 14}" font-size="10">{label}</text>')
    if not years or scale.x(years[0]) - scale.left > 48:
        # The year the picture starts in, where no 1 January tick names it near the left edge.
        labels.append(
            f'<text x="{scale.left}" y="{bottom + 30}" font-weight="bold">{start.year}</text>'
        )
    return [*grid, "</g>", *labels, "</g>"]


def _legend_svg(y: float) -> list[str]:
    out = [f'<g class="legend" transform="translate({_LABELS + 10},{y:.1f})">']
    for i, (kind, words) in enumerate(LEGEND):
        x, row = (i % 3) * 250, (i // 3) * 20
        colour = _COLOURS[kind]
        if kind in ("deadline", "as_of"):
            dash = ' stroke-dasharray="4 3"' if kind == "as_of" else ""
            swatch = (
                f'<line x1="{x + 9}" y1="{row}" x2="{x + 9}" y2="{row + 12}" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
        elif kind == "met":
            swatch = (
                f'<circle cx="{x + 9}" cy="{row + 6}" r="4" fill="#ffffff" stroke="{colour}" '
                'stroke-width="2"/>'
            )
        elif kind == "notification":
            swatch = f'<path d="M{x + 9},{row} l5,6 l-5,6 l-5,-6 z" fill="{colour}"/>'
        else:
            swatch = f'<rect x="{x}" y="{row}" width="18" height="12" fill="{colour}"/>'
        out.append(swatch)
        out.append(f'<text x="{x + 24}" y="{row + 10}">{_text(words)}</text>')
    out.append("</g>")
    return out


def timeline_svg(case: Case, assessment: Assessment) -> str:
    """The timeline picture of ``assessment`` (the assessment of ``case``) as an SVG document.

    Built with the standard library only, and deterministic: the same case and assessment give
    the same text, byte for byte. The document has a ``<title>`` and a ``<desc>`` (the whole
    picture in words, for screen readers), a row per :class:`Row` of :func:`timeline`, a year
    axis and a legend. Each duty is a ``<g class="duty">`` and each notification a
    ``<g class="notification">``, each with a ``<title>`` (a tooltip in browsers) stating it.
    Text from the case (ids) is escaped. ``sexoffender-rules explain CASE --format svg`` prints
    it.

    >>> from sexoffender_rules import assess
    >>> from sexoffender_rules.model import Case, Notification, Person, Trigger
    >>> case = Case(person=Person(reference="FICTIONAL-0203", date_of_birth=date(1984, 7, 1)),
    ...             triggers=[Trigger(id="t1", kind="caution", date=date(2026, 3, 6))],
    ...             notifications=[Notification(id="<n1>", date=date(2026, 3, 9),
    ...                                         kind="initial")])
    >>> svg = timeline_svg(case, assess(case, as_of=date(2026, 4, 1)))
    >>> svg.count('<g class="duty"'), svg.count('<g class="notification"'), "&lt;n1&gt;" in svg
    (2, 1, True)
    """
    t = timeline(case, assessment)
    scale = _Scale(t.start, t.end)
    bottom = _TOP + _ROW * len(t.rows)
    height = bottom + 44 + 20 * ((len(LEGEND) + 2) // 3) + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="timeline-title '
        'timeline-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<title id="timeline-title">{_text(t.title)}</title>',
        f'<desc id="timeline-desc">{_text(t.description)}</desc>',
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="24" font-size="15" font-weight="bold">{_text(t.title)}</text>',
    ]
    for i, _row in enumerate(t.rows):
        if i % 2 == 0:
            y = _TOP + i * _ROW
            out.append(f'<rect x="0" y="{y}" width="{_WIDTH}" height="{_ROW}" fill="#f5f5f5"/>')
    out += _axis_svg(scale, t.start, t.end, bottom)
    for i, row in enumerate(t.rows):
        y = _TOP + i * _ROW
        body: list[str] = []
        for span in row.spans:
            body += _span_svg(span, y, scale)
        for j, mark in enumerate(row.marks):
            if row.kind == "notifications":
                body.append(
                    f'<g class="notification"><title>{_text(mark.label)} on '
                    f"{mark.day.isoformat()}</title>"
                )
                body += _mark_svg(mark, y, scale)
                # The id beside the mark, where it has room before the next one.
                x = scale.x(mark.day) + 8
                room = scale.right if j + 1 == len(row.marks) else scale.x(row.marks[j + 1].day)
                if mark.text and room - x >= 6.5 * len(mark.text) + 6:
                    body.append(
                        f'<text x="{x:.1f}" y="{y + 16}" font-size="10">{_text(mark.text)}</text>'
                    )
                body.append("</g>")
            else:
                body += _mark_svg(mark, y, scale)
        label = f'<text x="{_LABELS}" y="{y + 16}" text-anchor="end">{_text(row.label)}</text>'
        if row.kind == "duty":
            out.append(f'<g class="duty"><title>{_text(row.description)}</title>')
        else:
            out.append(f'<g class="row {row.kind}"><title>{_text(row.description)}</title>')
        out += [label, *body, "</g>"]
    x = (scale.x(t.as_of) + scale.x(add_days(t.as_of, 1))) / 2
    out.append(
        f'<g class="as-of"><title>assessment date {t.as_of.isoformat()}</title>'
        f'<line x1="{x:.1f}" y1="{_TOP - 10}" x2="{x:.1f}" y2="{bottom}" '
        f'stroke="{_COLOURS["as_of"]}" stroke-width="2" stroke-dasharray="4 3"/>'
        f'<text x="{x:.1f}" y="{_TOP - 13}" text-anchor="middle" fill="{_COLOURS["as_of"]}">'
        f"{t.as_of.isoformat()}</text></g>"
    )
    out += _legend_svg(bottom + 44)
    out.append("</svg>")
    return "\n".join(out) + "\n"
