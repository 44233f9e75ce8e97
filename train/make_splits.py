"""Fix the train/dev/test split of the corpus once, from the writing matrix.

Stratified by writer and format (so every house style and format is in every split);
a before/after pair always lands in one split. Seeded; writes annotations/splits.csv.
Usage: python train/make_splits.py
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARES = (("train", 0.70), ("dev", 0.15), ("test", 0.15))


def main() -> None:
    rows = list(csv.DictReader((ROOT / "annotations/matrix.csv").open(encoding="utf-8")))
    partner = {r["id"]: r["pair_of"] for r in rows if r["pair_of"]}
    paired = set(partner.values())
    strata: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for r in rows:
        if r["pair_of"]:
            continue  # placed with its base plan
        group = [r["id"]] + [k for k, v in partner.items() if v == r["id"]]
        strata[(r["writer"], r["format"])].append(group)
    rng = random.Random(7)
    split_of: dict[str, str] = {}
    for key in sorted(strata):
        groups = strata[key]
        rng.shuffle(groups)
        n = len(groups)
        # largest-remainder allocation per stratum, with dev/test rounded up alternately
        cuts = [round(n * SHARES[0][1]), round(n * (SHARES[0][1] + SHARES[1][1]))]
        for i, group in enumerate(groups):
            name = "train" if i < cuts[0] else "dev" if i < cuts[1] else "test"
            for pid in group:
                split_of[pid] = name
    with (ROOT / "annotations/splits.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "split"])
        for pid in sorted(split_of):
            w.writerow([pid, split_of[pid]])
    counts = defaultdict(int)
    for s in split_of.values():
        counts[s] += 1
    print(dict(counts), "paired bases:", len(paired))


if __name__ == "__main__":
    main()
