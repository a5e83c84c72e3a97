"""Python's cyclic garbage collector run less often while the library assesses.

An assessment makes thousands of short-lived objects and leaves no reference cycle
(tests/test_determinism.py), so the default threshold (a young-generation pass every 700
allocations) only costs time: memory is freed at once by reference counting. Worse, each pass of
the oldest generation looks at every live object, so in one large case the passes cost more the
more facts the case holds, and the cost of an assessment grows faster than its facts
(docs/performance.md, "One case of growing size").

:func:`fewer_collections` raises the young generation's threshold for as long as any thread is
inside it, and restores the thresholds that were in force when the first thread entered once the
last one leaves, even on an error. The count of threads inside is kept under a lock, so threads
entering and leaving in any order never leave the raised threshold behind.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

#: The young generation's threshold while an assessment runs (the default is 700).
THRESHOLD = 50_000

_lock = threading.Lock()
_inside = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the young generation's threshold at least :data:`THRESHOLD`.

    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     with fewer_collections():
    ...         gc.get_threshold()[0] >= THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """
    global _inside, _saved
    with _lock:
        if _inside == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], THRESHOLD), *_saved[1:])
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                gc.set_threshold(*_saved)
