"""Fix the train/dev/test split of the corpus once, from the writing matrix.

Stratified by writer and format (so every house style and format is in every split);
a before/after pair always lands in one split. Seeded; writes annotations/splits.csv.
Usage: python train/make_splits.py --extend   (rows added later; existing splits never change)
       python train/make_splits.py --initial  (once, from the first 525 rows; refuses to overwrite)
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARES = (("train", 0.70), ("dev", 0.15), ("test", 0.15))


def extend() -> None:
    """Give matrix rows that have no split yet one (70/15/15 by writer), leaving existing splits alone."""
    rows = list(csv.DictReader((ROOT / "annotations/matrix.csv").open(encoding="utf-8")))
    path = ROOT / "annotations/splits.csv"
    known = {r["id"] for r in csv.DictReader(path.open(encoding="utf-8"))}
    new = [r for r in rows if r["id"] not in known]
    rng = random.Random(11)
    by_writer: dict[str, list[str]] = defaultdict(list)
    for r in new:
        by_writer[r["writer"]].append(r["id"])
    added = []
    for writer in sorted(by_writer):
        ids = by_writer[writer]
        rng.shuffle(ids)
        n = len(ids)
        cuts = [round(n * 0.70), round(n * 0.85)]
        added += [(pid, "train" if i < cuts[0] else "dev" if i < cuts[1] else "test") for i, pid in enumerate(ids)]
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(sorted(added))
    print(f"added {len(added)} ids:", dict(sorted((s, sum(x[1] == s for x in added)) for s in ("train", "dev", "test"))))


def initial() -> None:
    """The first split of all matrix rows, stratified by writer and format (only where no split exists yet)."""
    if (ROOT / "annotations/splits.csv").exists():
        raise SystemExit("annotations/splits.csv finns redan: använd --extend (befintliga delningar ändras aldrig)")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--extend", action="store_true", help="give rows added later a split (existing splits never change)")
    mode.add_argument("--initial", action="store_true", help="the first split of all rows (only if none exists)")
    args = parser.parse_args()
    extend() if args.extend else initial()


if __name__ == "__main__":
    main()
