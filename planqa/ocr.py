"""OCR's digit-for-letter confusions inside a word read as the letters they stand for, at the same offsets.

A scan read by OCR gives "l" as "1" and "o" as "0" inside words ("socia1tjänsten", "de1tog", "m0rgon"), and a
rule that looks for "socialtjänsten" or "deltog" misses them. Between two lower-case letters a "1" or a "0" is
no number in Swedish text, so `read_letters` writes "l" and "o" there; the text keeps its length and offsets.
"""

from __future__ import annotations

import re

_DIGIT_IN_WORD = re.compile(r"(?<=[a-zåäöé])[10](?=[a-zåäöé])")
_LETTER = {"1": "l", "0": "o"}


def read_letters(text: str) -> str:
    """`text` with each "1" or "0" between two lower-case letters read as "l" or "o"."""
    if "1" not in text and "0" not in text:
        return text
    return _DIGIT_IN_WORD.sub(lambda m: _LETTER[m.group()], text)
