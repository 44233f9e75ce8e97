"""Train the assessor's classifiers on the corpus train + dev splits (each criterion's features and C chosen
on the dev plans' held-out predictions in a 5-fold cross-validation over both, whole writer blocks held
out, calibrated the same way), save to models/assessor/.

Usage: python train/classifiers.py [--out models/assessor] [--folds-by plan]
The test split is not touched here; `planqa evaluate --split test` reports on it.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from planqa.corpus import load_corpus, plan_styles
from planqa.trained import TrainedAssessor

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "assessor")
    ap.add_argument("--folds-by", choices=("style", "plan"), default="style",
                    help="hold out whole writer blocks (house styles) or single plans in the cross-validation")
    args = ap.parse_args()
    random.seed(0)
    np.random.seed(0)
    train, dev = load_corpus("train"), load_corpus("dev")
    print(f"training on {len(train)} train + {len(dev)} dev plans (choice by cross-validation)")
    start = time.perf_counter()
    styles = plan_styles(train + dev) if args.folds_by == "style" else None
    assessor = TrainedAssessor().fit(train, dev, version="trained-2", styles=styles)
    assessor.meta["train_seconds"] = round(time.perf_counter() - start, 1)
    assessor.save(args.out)
    print(f"saved to {args.out} in {assessor.meta['train_seconds']} s")


if __name__ == "__main__":
    main()
