"""Words hyphenated at a line end ("upp-\\nföljning"), as PDF conversion and OCR leave them, joined again.

A rule looks for "uppföljning", not for "upp-" and "följning" on two lines, and a field's value must
stand on the field's line ("Samordnings-\\nansvarig: BUP"). Such a break is a soft wrap, not a line of
the plan, so `join_hyphenated` writes the word whole and the two lines as one, padded with spaces: the
text keeps its length and every offset outside the broken words; `in_text` puts evidence that ends or
starts inside a joined word back on the word's ends in the text as given. A hyphen before "och", "eller" … is a
suspended compound ("skol-\\noch fritidsverksamhet") and stays.
"""

from __future__ import annotations

import re

# A lower-case word part, a hyphen at the line end and the word's lower-case rest on the next line, with the
# punctuation right after it (which stays with the word, before the moved line break).
_BROKEN = re.compile(r"(?<=[a-zåäöé]{2})-[ \t]*\n[ \t]*(?P<rest>(?P<letters>[a-zåäöé]+)(?![-\w])[.,;:!?)]*)")
_SUSPENDED = frozenset({"och", "eller", "samt", "resp", "respektive", "som", "till", "el"})


def broken_words(text: str) -> list[tuple[int, int, int]]:
    """(hyphen, end of the word's rest, end of the rest once joined) per word broken at a line end."""
    if "-" not in text or "\n" not in text:
        return []
    return [(m.start(), m.end(), m.start() + len(m.group("rest"))) for m in _BROKEN.finditer(text)
            if m.group("letters") not in _SUSPENDED]


def join_hyphenated(text: str) -> str:
    """`text` with each word broken at a line end written whole and its two lines joined (same length)."""
    words = broken_words(text)
    if not words:
        return text
    out, last = [], 0
    for hyphen, end, joined_end in words:
        rest = text[end - (joined_end - hyphen):end]
        out += [text[last:hyphen], rest, " " * (end - joined_end)]
        last = end
    out.append(text[last:])
    return "".join(out)


def in_text(start: int, end: int, words: list[tuple[int, int, int]]) -> tuple[int, int]:
    """A span of the joined text as a span of the text as given: a start or an end inside a joined word's rest
    or its filler moves to the word's hyphen or to the end of its rest."""
    for hyphen, word_end, _ in words:
        if hyphen < start < word_end:
            start = hyphen
        if hyphen < end < word_end:
            end = word_end
    return start, end
