"""What a draft has left unfilled: a form's placeholder text and the writer's notes to self.

A draft pasted for the self-check while the meeting is still going on ("[Ange datum]", "Klicka här för att
ange text", "??", "XX", "TODO", "fyll i sen") shows nothing where those stand (GUIDELINES section 4): the
assessment does not count them, and the coordinator should see them listed with their lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A form's placeholder text or a note to fill a field in later, without anchors (read case-insensitively). The rules
# (planqa.rules) read a field holding only this as empty; `unfilled` lists where it stands.
PLACEHOLDER = (
    r"klicka (?:eller tryck )?här för att (?:ange|skriva|lägga till) \w+"  # a Word form's content control
    r"|\[[^\]\n]{0,40}?\b(?:ange|fyll|skriv|beskriv|klicka|lägg till)\w*\b[^\]\n]{0,60}\]"  # "[Ange datum]", "[Här fyller du i]"
    r"|fyll(?:s)? i (?:sen(?:are)?|efter(?:åt|hand|\s+mötet))\b")
UNFILLED = re.compile(
    rf"{PLACEHOLDER}"
    r"|(?-i:\bTODO\b|(?<![\w-])X{2,}(?![\w-]))"  # "TODO: datum?", "XX"; in lower case words or initials
    r"|(?<![\w?])\?{2,}(?![\w?])",  # "??" as a value, not "Varför??" in a quotation
    re.IGNORECASE)


@dataclass(frozen=True)
class Unfilled:
    start: int
    end: int
    text: str
    line: int  # 1-based


def unfilled(text: str) -> list[Unfilled]:
    """The placeholders and notes to self in `text`, in order."""
    return [Unfilled(m.start(), m.end(), m.group(), text.count("\n", 0, m.start()) + 1) for m in UNFILLED.finditer(text)]


def draft_warnings(text: str, shown: int = 4) -> list[str]:
    """A Swedish note listing the unfilled places (empty for a finished plan)."""
    found = unfilled(text)
    if not found:
        return []
    listed = ", ".join(f"rad {u.line} ”{u.text}”" for u in found[:shown])
    more = f" och {len(found) - shown} till" if len(found) > shown else ""
    what = "ofyllt fält eller anteckning" if len(found) == 1 else "ofyllda fält eller anteckningar"
    return [(f"Utkastet är inte färdigt: {len(found)} {what} ({listed}{more}). Det som står där räknas inte; "
             "fyll i eller ta bort dem.")]
