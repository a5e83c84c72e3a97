"""Assessments are deterministic: across threads, and across interpreters with different hash
seeds (no result may depend on set or dict iteration order)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from sexoffender_rules.caseload import generate_register, status_to_data
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.whereabouts import assess_status

AS_OF = date(2024, 3, 31)

_DIGEST = """
import hashlib, json
from datetime import date
from sexoffender_rules.caseload import generate_register, status_to_data
from sexoffender_rules.documents import case_from_data
from sexoffender_rules.whereabouts import assess_status
h = hashlib.sha256()
for doc in generate_register(150, seed=11):
    status = assess_status(case_from_data(doc), date(2024, 3, 31))
    h.update(json.dumps(status_to_data(status), sort_keys=True).encode())
print(h.hexdigest())
"""


def _data(document: dict[str, object]) -> str:
    status = assess_status(case_from_data(document), AS_OF)
    return json.dumps(status_to_data(status), sort_keys=True)


def test_the_same_cases_from_several_threads_give_identical_results() -> None:
    documents = list(generate_register(120, seed=5))
    alone = [_data(d) for d in documents]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(_data, documents * 3))
    assert threaded == alone * 3


def test_a_fresh_interpreter_with_another_hash_seed_gives_identical_results() -> None:
    digests = set()
    for seed in ("1", "2", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", _DIGEST],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            timeout=300,
        )
        digests.add(result.stdout.strip())
    here = hashlib.sha256()
    for doc in generate_register(150, seed=11):
        here.update(_data(doc).encode())
    assert digests == {here.hexdigest()}


def test_an_assessment_leaves_no_reference_cycle() -> None:
    # Freed by reference counting alone: nothing is left for the cycle collector, so a batch
    # run's memory and time do not depend on when it runs.
    import gc

    cases = [case_from_data(d) for d in generate_register(60, seed=3)]
    gc.collect()
    gc.disable()
    try:
        for case in cases:
            assess_status(case, AS_OF)
        assert gc.collect() == 0
    finally:
        gc.enable()
