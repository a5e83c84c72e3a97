"""The garbage collector's thresholds while the library assesses (src/sexoffender_rules/_gc.py).

An assessment raises the young generation's threshold and must give back exactly the thresholds
that were in force, whatever happens: after an error, when assessments nest, and when threads
enter and leave in any order.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import date

import pytest

from sexoffender_rules import Policy, assess
from sexoffender_rules._gc import THRESHOLD, fewer_collections
from sexoffender_rules.errors import AmbiguousReadingError
from sexoffender_rules.model import Case, Notification, Person, Trigger

CASE = Case(
    person=Person(reference="FICTIONAL-GC-01", date_of_birth=date(1980, 1, 1)),
    triggers=(Trigger(id="t1", kind="caution", date=date(2024, 2, 27)),),
    notifications=(Notification(id="n1", date=date(2024, 2, 29), kind="initial"),),
)


@pytest.fixture
def unusual_thresholds() -> Iterator[tuple[int, int, int]]:
    """Thresholds no default has, so that restoring the default by mistake is seen."""
    before = gc.get_threshold()
    gc.set_threshold(123, 4, 5)
    try:
        yield (123, 4, 5)
    finally:
        gc.set_threshold(*before)


def test_assess_gives_back_the_thresholds_it_found(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    assess(CASE, date(2024, 3, 1))
    assert gc.get_threshold() == unusual_thresholds


def test_the_threshold_is_raised_inside_and_only_the_young_generation_changes(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    with fewer_collections():
        assert gc.get_threshold() == (THRESHOLD, 4, 5)
    assert gc.get_threshold() == unusual_thresholds


def test_a_higher_threshold_already_set_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(THRESHOLD * 2, 10, 10)
    try:
        with fewer_collections():
            assert gc.get_threshold() == (THRESHOLD * 2, 10, 10)
        assert gc.get_threshold() == (THRESHOLD * 2, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_an_error_inside_still_gives_back_the_thresholds(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    # Two years beginning with 29 February 2020 (s.82(1), a caution) end on a day the leap-day
    # readings disagree about, and the strict policy raises inside the assessment.
    leap = Case(
        person=Person(reference="FICTIONAL-GC-02", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2020, 2, 29)),),
    )
    with pytest.raises(AmbiguousReadingError):
        assess(leap, date(2020, 3, 1), Policy.strict())
    assert gc.get_threshold() == unusual_thresholds
    with pytest.raises(ZeroDivisionError), fewer_collections():
        1 / 0  # noqa: B018
    assert gc.get_threshold() == unusual_thresholds


def test_nested_blocks_restore_only_when_the_outermost_ends(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    with fewer_collections():
        with fewer_collections():
            pass
        # The inner block ended; the outer one is still running.
        assert gc.get_threshold()[0] == THRESHOLD
    assert gc.get_threshold() == unusual_thresholds


def test_threads_entering_and_leaving_in_any_order_leave_no_raised_threshold(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    # Two threads whose blocks overlap and end in the order they did not start in: the first in
    # ends first. A save and restore per block, without a count of those inside, would leave the
    # raised threshold in force (the second saved the first's raised value).
    first_in = threading.Event()
    second_in = threading.Event()
    first_out = threading.Event()
    seen: dict[str, tuple[int, int, int]] = {}

    def first() -> None:
        with fewer_collections():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with fewer_collections():
            second_in.set()
            first_out.wait(5)
            seen["second, after the first left"] = gc.get_threshold()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen["second, after the first left"][0] == THRESHOLD
    assert gc.get_threshold() == unusual_thresholds


def test_many_threads_assessing_at_once_leave_the_thresholds_as_they_were(
    unusual_thresholds: tuple[int, int, int],
) -> None:
    results = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(20):
            headline = assess(CASE, date(2024, 3, 1)).headline
            with lock:
                results.append(headline)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 160
    assert len(set(results)) == 1
    assert gc.get_threshold() == unusual_thresholds
