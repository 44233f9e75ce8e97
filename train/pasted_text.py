"""How much the characters of pasted text cost the verdicts: dev plans with them put in on purpose, compared with
the clean text.

Text pasted from Word, a web page or an e-mail carries characters the corpus has none of: no-break spaces,
Windows line ends, soft hyphens inside words, zero-width spaces, tabs for indentation. This script puts one kind
in each dev plan at a time (seeded), scores it with the rules (the shipped assessor's verdicts are the rules' on
every criterion) and prints how many verdicts moved and the mean accuracy against the labels. `--without-repair`
scores the same texts with `planqa.readable.visible` switched off, as planqa read them before it existed.
Usage: python train/pasted_text.py [--split dev] [--seed 1] [--without-repair]
"""

from __future__ import annotations

import argparse
import random
import re

from planqa import readable
from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.rules import assess_rules, build_context

LONG_WORD = re.compile(r"\b[a-zåäö]{9,}\b")


def paste(text: str, kind: str, rng: random.Random) -> str:
    """`text` with the characters of one kind of pasted text put in."""
    if kind == "no_break_spaces":  # the first 40 spaces, as Word writes them between a number and its unit and more
        return text.replace(" ", "\u00a0", 40)
    if kind == "windows_line_ends":
        return text.replace("\n", "\r\n")
    if kind == "soft_hyphens":  # Word's optional hyphen in 30 % of the long words
        return LONG_WORD.sub(lambda m: m.group()[:5] + "\u00ad" + m.group()[5:] if rng.random() < 0.3 else m.group(),
                             text)
    if kind == "zero_width_spaces":  # before 5 % of the spaces, as web pages leave them
        return re.sub(" ", lambda m: "\u200b " if rng.random() < 0.05 else " ", text)
    if kind == "tab_indents":
        return text.replace("    ", "\t")
    raise ValueError(kind)


KINDS = ("no_break_spaces", "windows_line_ends", "soft_hyphens", "zero_width_spaces", "tab_indents")


def verdicts(text: str) -> dict[str, str]:
    results = assess_rules(build_context.__wrapped__(text))
    return {cid: results[cid].verdict for cid in CRITERION_IDS}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--without-repair", action="store_true", help="score with planqa.readable.visible switched off")
    args = ap.parse_args()
    if args.without_repair:
        readable.visible = lambda text: text
    records = load_corpus(args.split)
    clean = {r["id"]: verdicts(r["text"]) for r in records}
    n = len(records) * len(CRITERION_IDS)
    right = sum(clean[r["id"]][c] == r["labels"][c] for r in records for c in CRITERION_IDS)
    print(f"{len(records)} {args.split}-planer, {n} domslut; ren text: medelträffsäkerhet {right / n:.3f}"
          + (" (utan planqa.readable.visible)" if args.without_repair else ""))
    print(f"{'inklistrad text':22s} {'ändrade domslut':>16s} {'träffsäkerhet':>14s}")
    for kind in KINDS:
        rng = random.Random(args.seed)
        moved = hits = 0
        for r in records:
            got = verdicts(paste(r["text"], kind, rng))
            moved += sum(got[c] != clean[r["id"]][c] for c in CRITERION_IDS)
            hits += sum(got[c] == r["labels"][c] for c in CRITERION_IDS)
        print(f"{kind:22s} {moved:>16d} {hits / n:>14.3f}", flush=True)


if __name__ == "__main__":
    main()
