"""Build `planqa/data/letters.txt`, the word forms `planqa.letters` restores lost å, ä and ö from.

Reads the TRAIN split's texts only (so that dev stays a fair check of the stage), leaving out the texts whose
letters the stage finds damaged (`planqa.letters.damaged`: their "malet", "for", "vardnadshavare" are no ordinary
words), and writes, one a line, each
lower-case word form with å, ä or ö seen at least `--min-count` times, with its count, and each word form
without them whose folded form ("mal", "har") or whose aa/ae/oe spelling ("maal", "foer") is also a kept
form's, with its count: a folded form that is itself a common word ("har" has) is then decided by the counts.
Also writes `planqa/data/letters_context.txt`: for a folded form that stands for more than one word ("ar": är,
år; "sa": så, sa), each word before or after it (folded; a number as "0", a placeholder without its number) in whose company another form than the
commonest is the rule ("0 ar" → år, "hon sa" → sa), with that form; the same for a form with "?" for å, ä and
ö ("f?r": för, får).
Usage: python train/letters_lexicon.py [--min-count 2]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from planqa.corpus import load_corpus
from planqa.letters import CONTEXT_PATH, LEXICON_PATH, context_word, damaged, folded, marked, spelt_out

_WORD = re.compile(r"[a-zåäöéü]+")
_TOKEN = re.compile(r"\[[^\]\s]{1,20}\]|[a-zåäöéü0-9]+")
# A context counts where its form is seen this often and twice as often as the commonest form there.
_MIN_CONTEXT = 3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    texts = undamaged([rec["text"] for rec in load_corpus() if rec["split"] == "train"])
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text.lower()))
    lettered = {w: n for w, n in counts.items() if n >= args.min_count and any(c in w for c in "åäö")}
    keys = {folded(w) for w in lettered} | {spelt_out(w) for w in lettered}
    plain = {w: n for w, n in counts.items() if w in keys and not any(c in w for c in "åäö")}
    lines = [f"{w}\t{n}" for w, n in sorted({**lettered, **plain}.items())]
    Path(LEXICON_PATH).write_text(
        "# Word forms with å/ä/ö and the plain forms they fold to, with their counts in the train split\n"
        "# (train/letters_lexicon.py); read by planqa.letters\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lettered)} forms with å/ä/ö, {len(plain)} plain forms -> {LEXICON_PATH}")
    lines = contexts({**lettered, **plain}, texts, folded) + contexts(lettered, texts, marked)
    Path(CONTEXT_PATH).write_text(
        "# folded or marked form, < (word before) or > (word after), that word folded, the form read there\n"
        "# (train/letters_lexicon.py from the train split); read by planqa.letters\n" + "\n".join(lines) + "\n",
        encoding="utf-8")
    print(f"{len(lines)} contexts -> {CONTEXT_PATH}")


def undamaged(texts: list[str]) -> list[str]:
    """The texts whose å, ä and ö the stage finds whole, the left-out count printed."""
    kept = [text for text in texts if not damaged(text)]
    print(f"{len(texts) - len(kept)} of {len(texts)} texts left out with damaged letters")
    return kept


def contexts(forms: dict[str, int], texts: list[str], key: Callable[[str], str]) -> list[str]:
    """The contexts in which a key's rarer word is the rule, for keys (folded forms, or marked forms: "f?r" för,
    får) with two words or more, as lines of the context file."""
    groups: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for form, n in forms.items():
        groups[key(form)][form] = n
    ambiguous = {key: group for key, group in groups.items()
                 if len(group) > 1 and sorted(group.values())[-2] >= _MIN_CONTEXT}
    seen: defaultdict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for text in texts:
        tokens = _TOKEN.findall(text.lower())
        for i, token in enumerate(tokens):
            k = key(token)
            if k in ambiguous and token in ambiguous[k]:  # (a placeholder is in no group)
                if i:
                    seen[k, "<", context_word(tokens[i - 1])][token] += 1
                if i + 1 < len(tokens):
                    seen[k, ">", context_word(tokens[i + 1])][token] += 1
    lines = []
    for (k, side, word), counts in sorted(seen.items()):
        usual = max(ambiguous[k], key=lambda f: (ambiguous[k][f], f == k))
        form, n = counts.most_common(1)[0]
        if form != usual and n >= _MIN_CONTEXT and n >= 2 * counts[usual]:
            lines.append(f"{k}\t{side}\t{word}\t{form}")
    return lines


if __name__ == "__main__":
    main()
