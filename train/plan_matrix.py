"""Draw the corpus writing plan: one row per plan with format, child, length and target verdicts.

The writers write each plan to its row, then label what the text actually shows (the
final labels may differ from the targets). Seeded, so the matrix can be re-drawn.
Usage: python train/plan_matrix.py [--n 525] [--writers 5] > annotations/matrix.csv
       python train/plan_matrix.py --extend 60 >> annotations/matrix.csv   (the rows added later)
       python train/plan_matrix.py --blocks 6-9 --per-block 24 >> annotations/matrix.csv
           (new writer blocks, each in a house style the corpus lacked; ids follow the last row)
       python train/plan_matrix.py --blocks 18-21 --per-block 20 --first 842 --ages 20:12-17,21:6-17
       python train/plan_matrix.py --extend 64 --styles 1,2,3,4,5,7,12,13 --first 1082
           (needs_described not_met rows in earlier house styles, after re-check log-K made it rare)
"""

from __future__ import annotations

import argparse
import csv
import random
import sys

CRITERIA = [
    "needs_described", "goals_present", "goals_evaluable", "responsibility_per_action",
    "overall_responsibility", "follow_up_date", "follow_up_responsible", "child_voice",
    "child_participation", "child_goals", "consent", "guardian_participation",
]
VERDICTS = ["met", "partial", "not_met"]
FORMATS = {"form": 30, "table": 15, "notes": 20, "list": 10, "followup": 15, "jag": 10}
LENGTHS = {"100-250": 30, "250-500": 40, "500-900": 22, "900-1500": 8}
THEMES = [
    "npf_adhd", "autism", "skolfrånvaro", "ångest_depression", "självskada", "ätstörning",
    "missbruk", "kriminalitet", "placering_hvb", "familjehem", "lvu", "lss_funktionsnedsättning",
    "intellektuell_funktionsnedsättning", "somatisk_sjukdom", "diabetes_epilepsi",
    "våld_i_familjen", "nyanländ_familj", "unga_anhöriga", "språkstörning", "tidig_utveckling",
    "sömnproblem", "hedersrelaterat", "föräldraskapsstöd", "mobbning",
]
HARD_CASES = [
    "datum som inte är uppföljningsdatum (läkartid, födelsedag, mötesdatum)",
    "uppföljning 'vid behov'",
    "ordet 'mål' i annan betydelse (målet med mötet, målgrupp)",
    "vårdnadshavare talar i stället för barnet",
    "personalens omskrivning klädd som barnets ord",
    "uppföljning som veckonummer",
    "uppföljning som 'tisdag 4/3 kl 13.00'",
    "gammalt uppföljningsdatum i en uppföljningsplan",
    "'vi' som ansvarig part",
    "mål som egentligen är aktiviteter",
    "förkortningar och stavfel",
    "tomma eller slarvigt ifyllda rubriker",
]


def weighted(rng: random.Random, table: dict[str, int]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def draw_verdicts(rng: random.Random) -> dict[str, str]:
    v = {c: rng.choice(VERDICTS) for c in CRITERIA}
    if rng.random() < 0.25:
        v["goals_present"] = "not_met"
    elif v["goals_present"] == "not_met":
        v["goals_present"] = rng.choice(["met", "partial"])
    if v["goals_present"] == "not_met":
        v["goals_evaluable"] = "not_met"
        v["child_goals"] = "not_met"
    return v


def extension_rows(rng: random.Random, first: int, n: int, writers: list[int], after_log_k: bool = False) -> list[list]:
    """Rows added after a relabelling pass: plans that say nothing of the child's needs, the verdict that
    became too rare. Before log-K half of them also had nobody responsible for follow-up; after log-K
    (needs readable from goals = partial) their goals can at most be one generic goal (goals_present
    partial, not met). `writers` are the house styles the rows go to, in turn."""
    rows = []
    for i in range(n):
        v = draw_verdicts(rng)
        v["needs_described"] = "not_met"
        if not after_log_k and i % 2 == 0:
            v["follow_up_responsible"] = "not_met"
        if after_log_k and v["goals_present"] == "met":
            v["goals_present"] = "partial"
        hard = rng.sample(HARD_CASES, k=rng.choice([0, 1, 1, 2]))
        rows.append([f"p{first + i:04d}", writers[i % len(writers)], weighted(rng, FORMATS), rng.randint(0, 17),
                     rng.choice(THEMES), weighted(rng, {"100-250": 45, "250-500": 45, "500-900": 10}),
                     "; ".join(hard), "", *[v[c] for c in CRITERIA]])
    return rows


def block_rows(rng: random.Random, first: int, writers: range, per_block: int,
               ages: dict[int, tuple[int, int]] | None = None) -> list[list]:
    """Rows for new writer blocks: verdicts drawn independently as for the first blocks, no pairs.

    `ages` narrows a block's ages (a style that only fits older children) by folding the drawn
    age into the range, so the other columns are drawn exactly as without it."""
    rows, pid = [], first
    for w in writers:
        lo, hi = (ages or {}).get(w, (0, 17))
        for _ in range(per_block):
            v = draw_verdicts(rng)
            hard = rng.sample(HARD_CASES, k=rng.choice([0, 1, 1, 2]))
            fmt = weighted(rng, FORMATS)
            age = lo + rng.randint(0, 17) % (hi - lo + 1)
            rows.append([f"p{pid:04d}", w, fmt, age, rng.choice(THEMES),
                         weighted(rng, {"100-250": 35, "250-500": 45, "500-900": 20}), "; ".join(hard), "",
                         *[v[c] for c in CRITERIA]])
            pid += 1
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--extend", type=int, default=0, help="print only the extension rows (n of them)")
    ap.add_argument("--n", type=int, default=525)
    ap.add_argument("--writers", type=int, default=5)
    ap.add_argument("--pairs-per-writer", type=int, default=4)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--blocks", help="new writer blocks, e.g. 6-9 (print only their rows)")
    ap.add_argument("--per-block", type=int, default=24)
    ap.add_argument("--first", type=int, default=586, help="number of the first new id")
    ap.add_argument("--styles", default="", help="with --extend: the house styles (writer blocks) of the rows, "
                    "in turn, e.g. 1,2,3,4,5,7,12,13 (rows start at --first)")
    ap.add_argument("--ages", default="", help="age ranges per block, e.g. 20:12-17,21:6-17")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    per_writer = args.n // args.writers
    out = csv.writer(sys.stdout)
    if args.blocks:
        lo, _, hi = args.blocks.partition("-")
        ages = {int(b): tuple(map(int, r.split("-"))) for b, _, r in
                (item.partition(":") for item in args.ages.split(",") if item)}
        out.writerows(block_rows(random.Random(args.seed + int(lo)), args.first, range(int(lo), int(hi or lo) + 1),
                                 args.per_block, ages))
        return
    if args.extend and args.styles:  # after log-K: needs_described not_met only, in the given house styles
        styles = [int(w) for w in args.styles.split(",")]
        out.writerows(extension_rows(random.Random(args.seed + args.first), args.first, args.extend, styles,
                                     after_log_k=True))
        return
    if args.extend:
        out.writerows(extension_rows(random.Random(args.seed + 1), args.n + 1, args.extend,
                                     list(range(1, args.writers + 1))))
        return
    out.writerow(["id", "writer", "format", "age", "theme", "length", "hard_cases", "pair_of", *CRITERIA])
    for w in range(args.writers):
        ids = [f"p{w * per_writer + i + 1:04d}" for i in range(per_writer)]
        rows = []
        for pid in ids[: per_writer - args.pairs_per_writer]:
            v = draw_verdicts(rng)
            hard = rng.sample(HARD_CASES, k=rng.choice([0, 1, 1, 2]))
            rows.append([pid, w + 1, weighted(rng, FORMATS), rng.randint(0, 17), rng.choice(THEMES),
                         weighted(rng, LENGTHS), "; ".join(hard), "", *[v[c] for c in CRITERIA]])
        # before/after pairs: an improved version of a weak plan by the same writer
        weak = sorted(rows, key=lambda r: sum(x == "met" for x in r[8:]))[: args.pairs_per_writer]
        for pid, base in zip(ids[per_writer - args.pairs_per_writer:], weak):
            improved = [("met" if rng.random() < 0.8 else "partial") for _ in CRITERIA]
            rows.append([pid, w + 1, base[2], base[3], base[4], base[5], "", base[0], *improved])
        out.writerows(rows)


if __name__ == "__main__":
    main()
