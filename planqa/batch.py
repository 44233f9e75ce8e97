"""Batch scoring as a pure function over records, for a process pool or a distributed engine.

`score_records` maps `{"id", "text", ...}` records to output records (the JSON contract of
`planqa score`), so a Dask bag (`bag.map_partitions(score_records)`), Ray Data
(`ds.map_batches`) or a Spark `mapInPandas` can call it as it is: each worker process loads
the models once and keeps them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from planqa.models import Plan


@lru_cache(maxsize=4)
def _assessor(model_dir: str | None, backend: str):
    from planqa.assess import load_assessor

    return load_assessor(model_dir, backend=backend)


def score_record(record: dict, model_dir: str | None = None, backend: str = "default") -> dict:
    """Score one `{"id", "text"}` record; other fields are kept as `metadata`."""
    from planqa.assess import assess
    from planqa.cli import assessment_record

    plan = Plan(id=str(record["id"]), text=record["text"],
                metadata={k: v for k, v in record.items() if k not in ("id", "text")})
    return assessment_record(assess(plan, _assessor(model_dir, backend)))


def score_records(records: Iterable[dict], model_dir: str | None = None, backend: str = "default") -> Iterator[dict]:
    """Score records lazily, in order. Pure: same records and models, same output."""
    for record in records:
        yield score_record(record, model_dir, backend)


def _init_worker() -> None:
    # one thread per worker process: the workers are the parallelism
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def gate_message(plan: Plan) -> str | None:
    """The Swedish message that stops an identifiable plan (types and counts, never values), or None."""
    from planqa.pseudonymise import gate_findings
    from planqa.pseudonymise.report import summarise

    findings = gate_findings(plan.text)
    if not findings:
        return None
    found = summarise(findings)
    return (f"{plan.source or plan.id}: texten innehåller personuppgifter ({found}) och bedömdes inte. "
            "Kör 'planqa pseudonymise' först, eller ange --assume-pseudonymised om texten redan är avidentifierad.")


def _process(args: tuple[Plan, str | None, str, bool]):
    plan, model_dir, backend, gate = args
    from planqa.assess import assess

    if gate:
        message = gate_message(plan)
        if message:
            return plan, message
    return plan, assess(plan, _assessor(model_dir, backend))


def score_plans(plans: Iterable[Plan], workers: int = 1, model_dir: str | Path | None = None,
                backend: str = "default", gate: bool = True, chunksize: int = 8) -> Iterator:
    """(plan, Assessment or gate message) in input order, streaming; workers > 1 use a process pool.

    Each worker loads the models once; nothing is held beyond the pool's small read-ahead, so
    memory stays flat however many plans stream through.
    """
    model_dir = str(model_dir) if model_dir else None
    jobs = ((p, model_dir, backend, gate) for p in plans)
    if workers <= 1:
        yield from map(_process, jobs)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(_process, jobs, chunksize=chunksize)
