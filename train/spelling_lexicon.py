"""Build `planqa/data/words.txt`, the word forms `planqa.spelling` mends typing mistakes towards.

Reads the TRAIN split's texts only (so that dev stays a fair check of the stage), leaving out the texts whose å, ä
and ö `planqa.letters` finds damaged (their "malet" is no ordinary word), and writes each lower-case word form seen
at least `--min-count` times (placeholders left out), with its count, one a line, but for the typing mistakes
the train plans repeat ("närvarnde", "samtyke": a word of `MIN_EDITED` letters or more that `planqa.spelling`
would mend to a word seen `SLIP_LEAD` times as often, and no form of a known verb), and each two words in a row
seen as often, whose joined form is seen `planqa.spelling.MIN_TARGET` times or more ("i dag"), with its count.
Usage: python train/spelling_lexicon.py [--min-count 3]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from planqa.corpus import load_corpus
from planqa.letters import damaged
from planqa.spelling import LEXICON_PATH, MIN_EDITED, MIN_TARGET, _Lexicon

SLIP_LEAD = 30  # a word whose mend is seen this many times as often is a repeated slip

_PLACEHOLDER = re.compile(r"\[[^\]\s]{1,20}\]")
_WORD = re.compile(r"(?<![\w-])[a-zåäöé]+(?![\w])")
_PAIR = re.compile(r"(?<![\w-])(?=([a-zåäöé]{2,}) ([a-zåäöé]{2,})(?![\w]))")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    texts = [rec["text"] for rec in load_corpus() if rec["split"] == "train" and not damaged(rec["text"])]
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(_PLACEHOLDER.sub(" ", text).lower()))
    kept = {w: n for w, n in counts.items() if n >= args.min_count}
    slips = _slips(kept)
    kept = sorted((w, n) for w, n in kept.items() if w not in slips)
    phrases: Counter[str] = Counter()  # two words whose joined form is frequent ("i dag": idag)
    for text in texts:
        for m in _PAIR.finditer(_PLACEHOLDER.sub(" ", text).lower()):
            if counts[m.group(1) + m.group(2)] >= MIN_TARGET:
                phrases[f"{m.group(1)} {m.group(2)}"] += 1
    kept += sorted((p, n) for p, n in phrases.items() if n >= args.min_count)
    Path(LEXICON_PATH).write_text(
        "# Lower-case word forms with their counts in the train split (at least "
        f"{args.min_count}; train/spelling_lexicon.py); read by planqa.spelling\n"
        + "\n".join(f"{w}\t{n}" for w, n in kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} word forms -> {LEXICON_PATH}")


def _slips(counts: dict[str, int]) -> set[str]:
    """The word forms in `counts` that are repeated typing mistakes of a much more frequent word."""
    lexicon = _Lexicon(counts)
    return {w for w, n in counts.items()
            if len(w) >= MIN_EDITED and not lexicon.word_form(w)
            and (meant := lexicon.nearest(w)) and counts.get(meant, 0) >= SLIP_LEAD * n}


if __name__ == "__main__":
    main()
