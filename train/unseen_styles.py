"""How the assessors do on house styles they have not seen: fit on the plans written before a new writer
block, score the new blocks' train + dev plans (never test).

Usage: python train/unseen_styles.py --first p0682 [--last p0761] [--folds-by style|plan|both] [--extra DIR ...]
       python train/unseen_styles.py --first p0762 --folds-by style --choices dev:0.01 dev:0.03 all:0.01 all:0.03
           (compare choice settings: the plans the choice is scored on, dev or all, and how much better
           than a simpler setting, such as the rule's own verdict, a richer one must be)
       python train/unseen_styles.py --first p1530 --folds-by style --choices all:0.01:all all:0.01:dev
           (a third part compares the plans the calibration is fitted on, all or dev)

Run it when new writer blocks arrive, before any rule is written or any model fitted on them: then the
figures say how planqa does on plans from other organisations. `--extra` adds assessors saved elsewhere
(e.g. the shipped models/assessor) to the comparison; the rules are always in it.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from planqa.assess import load_assessor
from planqa.corpus import load_corpus, plan_styles
from planqa.evaluate import predictions, report_markdown, score_predictions
from planqa.rules import RuleAssessor
from planqa.trained import CALIBRATE_ON, CHOOSE_ON, SIMPLER_WITHIN, TrainedAssessor

DEFAULT_CHOICE = f"{CHOOSE_ON}:{SIMPLER_WITHIN}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", required=True, help="id of the first plan of the new blocks")
    ap.add_argument("--last", default="p9999", help="id of their last plan")
    ap.add_argument("--folds-by", choices=("style", "plan", "both"), default="both")
    ap.add_argument("--extra", nargs="*", type=Path, default=[], help="saved assessors to compare as well")
    ap.add_argument("--choices", nargs="*", default=[DEFAULT_CHOICE],
                    help="choice settings to compare, each ON:WITHIN[:CALIBRATE_ON] (ON, CALIBRATE_ON = dev or all)")
    ap.add_argument("--json", type=Path, help="write all figures here (to 4 decimals)")
    args = ap.parse_args()
    records = load_corpus()
    old = [r for r in records if r["id"] < args.first]
    new = [r for r in records if args.first <= r["id"] <= args.last and r["split"] in ("train", "dev")]
    train, dev = [r for r in old if r["split"] == "train"], [r for r in old if r["split"] == "dev"]
    print(f"fitted on {len(train)} + {len(dev)} earlier plans, scored on {len(new)} new train/dev plans")
    results = {"rules": score_predictions(new, predictions(RuleAssessor(), new))}
    with tempfile.TemporaryDirectory() as tmp:
        for folds_by in ("style", "plan") if args.folds_by == "both" else (args.folds_by,):
            for choice in args.choices:
                on, within, calibrate_on = (choice.split(":") + [CALIBRATE_ON])[:3]
                start = time.perf_counter()
                styles = plan_styles(train + dev) if folds_by == "style" else None
                fitted = TrainedAssessor(simpler_within=float(within), choose_on=on, calibrate_on=calibrate_on).fit(
                    train, dev, version=f"unseen-{folds_by}", styles=styles, log=lambda *_: None)
                name = f"trained ({folds_by} folds)" + ("" if choice in (DEFAULT_CHOICE, f"{DEFAULT_CHOICE}:{CALIBRATE_ON}")
                                                        else f", choice {choice}")
                directory = fitted.save(Path(tmp) / name.replace(" ", "_"))
                print(f"{name}: fitted in {time.perf_counter() - start:.0f} s")
                assessor = load_assessor(directory, entities=False)
                results[name] = score_predictions(new, predictions(assessor, new))
    for directory in args.extra:
        results[str(directory)] = score_predictions(new, predictions(load_assessor(directory, entities=False), new))
    print(report_markdown(results, f"{args.first}–{args.last} train+dev"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
