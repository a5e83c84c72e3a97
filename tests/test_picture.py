"""The timeline picture: SVG text from the core, the command line, and the matplotlib figure."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import matplotlib
import pytest
from hypothesis import given, settings

from sexoffender_rules import assess, case_from_data
from sexoffender_rules.cli import main
from sexoffender_rules.explain import summary
from sexoffender_rules.model import (
    AbsenceAbroad,
    Case,
    Detention,
    HomeAddress,
    HomeAddressChange,
    Notification,
    Order,
    Person,
    Trigger,
)
from sexoffender_rules.picture import timeline, timeline_svg
from sexoffender_rules.strategies import cases_with_as_of

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = date(2026, 11, 29)
SVG = "{http://www.w3.org/2000/svg}"
# The picture in docs/timeline.md, and the command that makes it.
PICTURE = ROOT / "docs" / "images" / "timeline-04.svg"
PICTURE_COMMAND = [
    "explain",
    "examples/04-change-of-address-notified-late.json",
    "--as-of",
    "2026-11-29",
    "--format",
    "svg",
]


def _example(path: Path) -> Case:
    return case_from_data(json.loads(path.read_text(encoding="utf-8")))


def _busy_case(reference: str = "FICTIONAL-0900", notification_id: str = "n2") -> Case:
    """Custody, a trip abroad, a late change of address and a continuing breach."""
    return Case(
        person=Person(reference=reference, date_of_birth=date(1980, 5, 5)),
        triggers=[Trigger(id="t1", kind="caution", date=date(2025, 2, 3))],
        detentions=[Detention(kind="remand", start=date(2025, 6, 2), end=date(2025, 7, 14))],
        absences_abroad=[AbsenceAbroad(start=date(2025, 9, 1), end=date(2025, 9, 5))],
        events=[
            HomeAddressChange(
                date=date(2026, 3, 2), home_address=HomeAddress(kind="residence", reference="A-2")
            )
        ],
        notifications=[
            Notification(id="n1", date=date(2025, 2, 4), kind="initial"),
            Notification(id=notification_id, date=date(2026, 3, 10), kind="change"),
        ],
    )


def _elements(svg: str, cls: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == cls]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_svg_of_each_example_parses_and_draws_every_duty_and_notification(
    path: Path,
) -> None:
    case = _example(path)
    assessment = assess(case, AS_OF)
    svg = timeline_svg(case, assessment)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.text is not None
    assert title.text.endswith(assessment.headline.value.replace("_", " "))
    duties = _elements(svg, "duty")
    assert len(duties) == len(assessment.duties) > 0
    # Each duty's group states the duty as the summary does, as its tooltip.
    lines = summary(assessment).splitlines()
    for group, duty in zip(duties, assessment.duties, strict=True):
        text = group.findtext(f"{SVG}title")
        assert text is not None
        assert f"  {text}" in lines, text
        assert duty.kind.value.replace("_", " ") in text
    assert len(_elements(svg, "notification")) == len(case.notifications)
    # The description says the same in words, for screen readers.
    assert desc is not None
    assert desc.text is not None
    assert all(d.kind.value.replace("_", " ") in desc.text for d in assessment.duties)


def test_the_svg_has_a_bar_for_custody_abroad_breach_and_a_tick_for_every_deadline() -> None:
    case = _busy_case()
    assessment = assess(case, date(2026, 4, 1))
    root = ET.fromstring(timeline_svg(case, assessment))
    rects = [r.get("class") for r in root.iter(f"{SVG}rect")]
    assert rects.count("custody") == 1
    assert rects.count("abroad") == 1
    breached = [d for d in assessment.duties if d.breach is not None]
    assert breached
    assert rects.count("breach") == len(breached)
    deadlines = [d for d in assessment.duties if d.deadline is not None]
    assert len([x for x in root.iter(f"{SVG}line") if x.get("class") == "deadline"]) == len(
        deadlines
    )
    # The year axis names every year the picture crosses into.
    years = {t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"}
    assert {"2025", "2026"} <= years


def test_a_deadline_is_drawn_at_the_end_of_its_day_and_a_breach_from_the_day_after() -> None:
    case = _example(ROOT / "examples" / "04-change-of-address-notified-late.json")
    assessment = assess(case, AS_OF)
    (late,) = [d for d in assessment.duties if d.breach is not None]
    row = timeline(case, assessment).rows[1 + assessment.duties.index(late)]
    (breach,) = [s for s in row.spans if s.kind == "breach"]
    (window,) = [s for s in row.spans if s.kind == "window"]
    assert late.deadline is not None
    assert (window.start, window.end) == (late.trigger_date, date(2026, 10, 8))
    assert (breach.start, breach.end) == (date(2026, 10, 8), date(2026, 10, 13))
    assert not breach.open_end


def test_the_svg_is_the_same_text_on_every_run() -> None:
    case = _busy_case()
    first = timeline_svg(case, assess(case, date(2026, 4, 1)))
    again = timeline_svg(_busy_case(), assess(_busy_case(), date(2026, 4, 1)))
    assert first == again


@pytest.mark.parametrize(
    "hostile",
    ['<script>alert("x")</script>', "a&b 'c' \"d\" ]]>", "bell\x07nul\x00", "lone\ud800half"],
)
def test_text_from_the_case_is_escaped(hostile: str) -> None:
    case = _busy_case(notification_id=hostile)
    svg = timeline_svg(case, assess(case, date(2026, 4, 1)))
    root = ET.fromstring(svg)  # well-formed XML whatever the text
    assert not list(root.iter("script"))
    assert not list(root.iter(f"{SVG}script"))
    titles = [g.findtext(f"{SVG}title") or "" for g in _elements(svg, "notification")]
    shown = hostile.replace("\x07", "\ufffd").replace("\x00", "\ufffd").replace("\ud800", "\ufffd")
    assert any(title.startswith(shown + " (change)") for title in titles), titles


def test_the_person_is_not_named_in_the_picture() -> None:
    case = _busy_case(reference="FICTIONAL-SECRET-0901")
    assert "SECRET" not in timeline_svg(case, assess(case, date(2026, 4, 1)))


def test_explain_format_svg_prints_the_picture() -> None:
    out, err = io.StringIO(), io.StringIO()
    path = ROOT / "examples" / "02-release-from-long-sentence.json"
    status = main(
        ["explain", str(path), "--as-of", "2026-11-29", "--format", "svg"], stdout=out, stderr=err
    )
    assert (status, err.getvalue()) == (0, "")
    case = _example(path)
    assert out.getvalue() == timeline_svg(case, assess(case, AS_OF))


def test_the_picture_in_the_docs_is_the_one_the_command_makes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    assert main(PICTURE_COMMAND, stdout=out, stderr=io.StringIO()) == 0
    assert PICTURE.read_text(encoding="utf-8") == out.getvalue(), (
        "regenerate with: sexoffender-rules " + " ".join(PICTURE_COMMAND) + f" > {PICTURE}"
    )


def test_the_figure_has_an_artist_for_each_duty_part_and_notification() -> None:
    from sexoffender_rules.plot import timeline_figure

    case = _busy_case()
    assessment = assess(case, date(2026, 4, 1))
    figure = timeline_figure(case, assessment)
    (ax,) = [a for a in figure.axes if a.get_title()]
    gids = [a.get_gid() for a in ax.get_children() if a.get_gid()]
    expected = ["as-of", "period-0", "custody-0", "abroad-0"]
    for i, duty in enumerate(assessment.duties):
        if duty.deadline is None or duty.deadline >= duty.trigger_date:
            expected.append(f"duty-{i}-window")
        if duty.deadline is not None:
            expected.append(f"duty-{i}-deadline")
        if duty.breach is not None:
            expected.append(f"duty-{i}-breach")
        if duty.discharged_by is not None:
            expected.append(f"duty-{i}-met")
    expected += ["notification-n1", "notification-n2"]
    assert sorted(gids) == sorted(expected)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Notification period"
    assert labels[0] == "Notifications"
    legend = ax.get_legend()
    assert legend is not None
    assert len(legend.get_texts()) == 9
    import matplotlib.pyplot as plt

    plt.close(figure)


def test_the_figure_draws_on_given_axes() -> None:
    import matplotlib.pyplot as plt

    from sexoffender_rules.plot import timeline_figure

    figure, (left, right) = plt.subplots(1, 2)
    case = _busy_case()
    assert timeline_figure(case, assess(case, date(2026, 4, 1)), ax=right) is figure
    assert right.get_title().startswith("Timeline")
    assert not left.get_title()
    plt.close(figure)


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from sexoffender_rules.plot import PlotExtraMissingError, timeline_figure

    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # import fails
    case = _busy_case()
    with pytest.raises(PlotExtraMissingError, match=r"sexoffender-rules\[plot\]"):
        timeline_figure(case, assess(case, date(2026, 4, 1)))


@given(cases_with_as_of())
@settings(max_examples=15, deadline=None)
def test_any_case_gives_a_well_formed_picture_with_every_duty_and_notification(
    drawn: tuple[Case, date],
) -> None:
    case, as_of = drawn
    assessment = assess(case, as_of)
    svg = timeline_svg(case, assessment)
    assert len(_elements(svg, "duty")) == len(assessment.duties)
    assert len(_elements(svg, "notification")) == len(case.notifications)
    layout = timeline(case, assessment)
    # Every bar lies within the days shown, and runs forwards.
    for row in layout.rows:
        for span in row.spans:
            assert layout.start <= span.start < span.end <= layout.end, (row.label, span)


def test_a_notification_of_an_undetermined_duty_is_not_drawn_as_meeting_it() -> None:
    # An SHPO made on 8 January 2024, its date of service not recorded, notified on 14 January:
    # after the earliest deadline (10 January), so whether that was in time is undetermined.
    case = Case(
        person=Person(reference="FICTIONAL-0961", date_of_birth=date(1975, 5, 20)),
        orders=(
            Order(
                id="o1",
                kind="sexual_harm_prevention_order",
                made=date(2024, 1, 8),
                ends=date(2029, 1, 7),
            ),
        ),
        notifications=(
            Notification(id="n1", date=date(2024, 1, 14), kind="initial", names=("NAME-A",)),
        ),
    )
    rows = timeline(case, assess(case, date(2024, 3, 1))).rows
    [initial] = [row for row in rows if row.label == "initial: undetermined"]
    assert [(m.kind, m.label) for m in initial.marks] == [("met", "notified by n1 on 2024-01-14")]
    assert [(s.kind, s.start, s.open_end) for s in initial.spans] == [
        ("window", date(2024, 1, 8), True)
    ]
