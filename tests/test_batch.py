"""The pure batch function, alone and on a local Dask cluster (two worker processes)."""

from __future__ import annotations

import json

import pytest

from conftest import DEMO
from planqa.batch import score_records
from planqa.criteria import CRITERION_IDS


def demo_records() -> list[dict]:
    return [json.loads(line) for line in (DEMO / "plans.jsonl").read_text(encoding="utf-8").splitlines()]


def test_score_records_is_pure_and_keeps_order():
    records = demo_records()
    first, second = list(score_records(records)), list(score_records(records))
    assert first == second
    assert [r["id"] for r in first] == [r["id"] for r in records]
    assert all(list(r["criteria"]) == list(CRITERION_IDS) for r in first)


@pytest.mark.timeout(300)
def test_score_records_on_a_local_dask_cluster():
    dask = pytest.importorskip("dask.bag")
    from dask.distributed import Client, LocalCluster

    records = demo_records() * 3
    for i, r in enumerate(records):
        r["id"] = f"{r['id']}-{i}"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        bag = dask.from_sequence(records, npartitions=3)
        result = bag.map_partitions(lambda part: list(score_records(part))).compute()
        assert len(client.scheduler_info()["workers"]) == 2
    assert sorted(r["id"] for r in result) == sorted(r["id"] for r in records)
    assert list(score_records(records[:1]))[0] == next(r for r in result if r["id"] == records[0]["id"])
