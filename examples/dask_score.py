"""Score a JSONL file of plans on a Dask cluster with planqa's pure batch function.

Usage: python examples/dask_score.py plans.jsonl out.jsonl [--scheduler tcp://host:8786]
Without --scheduler a local cluster of 2 worker processes is started. Each partition is a
list of {"id", "text"} records; every worker loads planqa's models once.
The texts must already be pseudonymised: run `planqa check-pii` on the input first.
"""

from __future__ import annotations

import argparse
import json

import dask.bag as db
from dask.distributed import Client, LocalCluster

from planqa.batch import score_records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("plans")
    ap.add_argument("out")
    ap.add_argument("--scheduler")
    args = ap.parse_args()
    cluster = None if args.scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    with Client(args.scheduler or cluster) as client:
        bag = db.read_text(args.plans, blocksize="4MB").filter(str.strip).map(json.loads)
        scored = bag.map_partitions(lambda part: list(score_records(part)))
        scored.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(args.out + ".parts/*.jsonl")
        client.close()
    if cluster:
        cluster.close()


if __name__ == "__main__":
    main()
