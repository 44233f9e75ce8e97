"""Warn when a plan does not look Swedish: planqa's models and rules are Swedish only."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.U)
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")
_NOT_LATIN = re.compile(r"[^a-zA-ZåäöÅÄÖéÉüÜ]+")
SWEDISH = frozenset("och att det som en på är för med har inte till av ska vi hen han hon den de om men "
                    "sig från kan vid var också efter när eller barnet skolan mål behov insats samtycke "
                    "uppföljning ansvarig möte jag vill".split())
ENGLISH = frozenset("the and to of is in that for with will be are this on has not child school goal".split())


def language_warnings(text: str) -> list[str]:
    """Swedish warnings for a text in another language or script (empty for Swedish text)."""
    found = _WORD.findall(text)
    letters = "".join(found)
    if len(letters) < 40:
        return []
    arabic = sum(map(len, _ARABIC.findall(letters))) / len(letters)
    if arabic > 0.3:
        return ["Texten är till stor del skriven med arabisk skrift. planqa bedömer bara svenska planer; "
                "bedömningen är inte tillförlitlig."]
    latin = 1 - sum(map(len, _NOT_LATIN.findall(letters))) / len(letters)
    if latin < 0.7:
        return ["Texten är till stor del skriven med annan skrift än latinsk. planqa bedömer bara svenska "
                "planer; bedömningen är inte tillförlitlig."]
    words = [w.lower() for w in found]
    sv = sum(w in SWEDISH for w in words)
    en = sum(w in ENGLISH for w in words)
    if len(words) >= 20 and en > 2 * sv:
        return ["Texten ser ut att vara på engelska. planqa bedömer bara svenska planer; bedömningen är inte "
                "tillförlitlig."]
    return []
