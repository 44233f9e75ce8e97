"""How the rules do when the child's placeholder is written another way, as other pseudonymisation tools do.

Usage: python train/placeholder_variants.py [--split train]

Scores the split's plans with "[BARN]" rewritten as "[barnet]", "[Barnets namn]", "NN" and "[PERSON_1]",
and with every person as a numbered "[PERSON_n]" in order of appearance (presidio's habit), against the
plans as annotated. `planqa.placeholders` should make the variants score as the original. Use train or dev.
"""

from __future__ import annotations

import argparse
import re

from planqa.corpus import load_corpus
from planqa.evaluate import predictions, score_predictions
from planqa.rules import RuleAssessor

CHILD_VARIANTS = ("[BARN]", "[barnet]", "[Barnets namn]", "NN", "[PERSON_1]")
GUIDELINE_PERSON = re.compile(r"\[(?:BARN|VH\d|NAMN_\d+|SYSKON)\]")


def numbered_persons(text: str) -> str:
    """Every guideline placeholder as [PERSON_n], numbered by first appearance."""
    order: dict[str, int] = {}

    def number(m: re.Match) -> str:
        order.setdefault(m.group(0), len(order) + 1)
        return f"[PERSON_{order[m.group(0)]}]"

    return GUIDELINE_PERSON.sub(number, text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    args = ap.parse_args()
    records = [r for r in load_corpus() if r["split"] == args.split]
    assessor = RuleAssessor()
    variants = {child: lambda t, c=child: t.replace("[BARN]", c) for child in CHILD_VARIANTS}
    variants["alla som [PERSON_n]"] = numbered_persons
    print(f"{len(records)} {args.split}-planer, regelbedömningen")
    print(f"{'barnet skrivs':22} {'medel acc':>9} {'medel κ':>8}  child_voice  child_goals")
    for name, rewrite in variants.items():
        rewritten = [{**r, "text": rewrite(r["text"])} for r in records]
        s = score_predictions(rewritten, predictions(assessor, rewritten))
        print(f"{name:22} {s['mean_accuracy']:9.3f} {s['mean_kappa']:8.3f}  "
              f"{s['criteria']['child_voice']['accuracy']:11.3f}  {s['criteria']['child_goals']['accuracy']:11.3f}")


if __name__ == "__main__":
    main()
