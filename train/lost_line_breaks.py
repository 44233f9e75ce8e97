"""How much a plan that lost its line breaks costs the verdicts: each plan of a split with every line break (and
the spaces around it) made one space, as a web form or a system field without line breaks leaves it, compared
with the text as given.

Scores with the rules (the shipped assessor's verdicts are the rules' on every criterion) and prints the mean
accuracy against the labels per criterion for the text as given and the flattened text, and how many verdicts
of the text as given moved. `--without-repair` scores the same texts with `planqa.linebreaks` switched off, as
planqa read them before it existed.
Usage: python train/lost_line_breaks.py [--split dev] [--without-repair]
"""

from __future__ import annotations

import argparse
import re

from planqa import readable
from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.rules import assess_rules, build_context

LINE_BREAK = re.compile(r"\s*\n\s*")


def flatten(text: str) -> str:
    """`text` with every line break, and the white space around it, made one space."""
    return LINE_BREAK.sub(" ", text).strip()


def verdicts(text: str) -> dict[str, str]:
    results = assess_rules(build_context.__wrapped__(text))
    return {cid: results[cid].verdict for cid in CRITERION_IDS}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--without-repair", action="store_true", help="score with planqa.linebreaks switched off")
    args = ap.parse_args()
    if args.without_repair:
        readable.restore_line_breaks = lambda text: text
    records = load_corpus(args.split)
    given = {r["id"]: verdicts(r["text"]) for r in records}
    flat = {r["id"]: verdicts(flatten(r["text"])) for r in records}
    print(f"{len(records)} {args.split}-planer" + (" (utan planqa.linebreaks)" if args.without_repair else ""))
    print(f"{'kriterium':28s} {'texten som given':>17s} {'utan radbrytningar':>19s}")

    def accuracy(scored: dict[str, dict[str, str]], cid: str) -> float:
        return sum(scored[r["id"]][cid] == r["labels"][cid] for r in records) / len(records)

    for cid in CRITERION_IDS:
        print(f"{cid:28s} {accuracy(given, cid):>17.3f} {accuracy(flat, cid):>19.3f}")
    mean_given = sum(accuracy(given, c) for c in CRITERION_IDS) / len(CRITERION_IDS)
    mean_flat = sum(accuracy(flat, c) for c in CRITERION_IDS) / len(CRITERION_IDS)
    moved = sum(flat[r["id"]][c] != given[r["id"]][c] for r in records for c in CRITERION_IDS)
    print(f"{'medel':28s} {mean_given:>17.3f} {mean_flat:>19.3f}")
    print(f"domslut som flyttade när radbrytningarna försvann: {moved} av {len(records) * len(CRITERION_IDS)}")


if __name__ == "__main__":
    main()
