"""How much OCR-like damage costs the verdicts: dev plans damaged on purpose, scored, compared with the clean text.

Scanned and PDF-converted plans reach auditors with typical damage: "m" read as "rn", "l" as "1", å/ä/ö as a/o,
words hyphenated at a line end ("upp-\\nföljning") or split in two. This script damages a share of the words of
each dev plan in one of these ways (seeded, placeholders such as [BARN] left alone; the OCR'd house style's own
plans are left out, they are damaged already), scores the damaged and the clean text with the rules (the shipped
assessor's verdicts are the rules' on every criterion) and prints mean accuracy and Cohen's κ per kind of damage.
Usage: python train/ocr_damage.py [--split dev] [--rate 0.15] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics

from sklearn.metrics import cohen_kappa_score

from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.rules import assess_rules, build_context

KINDS = ("m_as_rn", "l_as_1", "no_diacritics", "hyphenated", "split")
OCR_STYLE = ("p1306", "p1321")  # the house style written as OCR'd scans (DATASHEET step 22)
_TOKEN = re.compile(r"(\s+)")
_DIACRITICS = str.maketrans("åäöÅÄÖ", "aaoAAO")


def damage_word(word: str, kind: str) -> str:
    """One word as OCR might return it; unchanged where the kind of damage does not apply."""
    half = len(word) // 2
    if kind == "m_as_rn" and "m" in word:
        return word.replace("m", "rn", 1)
    if kind == "l_as_1" and "l" in word:
        return word.replace("l", "1", 1)
    if kind == "no_diacritics":
        return word.translate(_DIACRITICS)
    if kind == "hyphenated" and len(word) > 7 and word.isalpha():
        return f"{word[:half]}-\n{word[half:]}"
    if kind == "split" and len(word) > 7 and word.isalpha():
        return f"{word[:half]} {word[half:]}"
    return word


def damage(text: str, kind: str, rate: float, rng: random.Random) -> str:
    """`text` with about `rate` of its words damaged by `kind`; bracket placeholders are left alone."""
    parts = _TOKEN.split(text)
    return "".join(part if part.isspace() or not part or part.startswith("[") or rng.random() >= rate
                   else damage_word(part, kind) for part in parts)


def scores(records: list[dict], texts: list[str]) -> tuple[float, float]:
    """Mean accuracy and mean Cohen's κ of the rules' verdicts on `texts` against the records' labels."""
    verdicts = [assess_rules(build_context(text)) for text in texts]
    accuracy, kappa = [], []
    for cid in CRITERION_IDS:
        gold = [r["labels"][cid] for r in records]
        predicted = [v[cid].verdict for v in verdicts]
        accuracy.append(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold))
        kappa.append(cohen_kappa_score(gold, predicted))
    return statistics.mean(accuracy), statistics.mean(kappa)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--rate", type=float, default=0.15, help="share of words damaged")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    records = [r for r in load_corpus(args.split) if not OCR_STYLE[0] <= r["id"] <= OCR_STYLE[1]]
    clean = scores(records, [r["text"] for r in records])
    print(f"{len(records)} {args.split}-planer, {args.rate:.0%} av orden skadade per slag (regelbedömningen)")
    print(f"{'skada':16s} medel acc  medel κ")
    print(f"{'ingen':16s} {clean[0]:9.3f} {clean[1]:8.3f}")
    for kind in (*KINDS, "mixed"):  # mixed: one kind per plan, drawn
        rng = random.Random(args.seed)
        texts = [damage(r["text"], rng.choice(KINDS) if kind == "mixed" else kind, args.rate, rng) for r in records]
        accuracy, kappa = scores(records, texts)
        print(f"{kind:16s} {accuracy:9.3f} {kappa:8.3f}")


if __name__ == "__main__":
    main()
