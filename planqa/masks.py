"""Another pseudonymiser's masks: the marks other tools leave where they hid a person, a date or an organisation.

planqa's own pseudonymiser writes the guidelines' [BARN], [VH1], [VH2], [NAMN_n]. Other tools write their own
marks: Presidio's default anonymizer the entity type in angle brackets ("<PERSON>" for everybody, the child, the
parents and the staff alike, "<DATE_TIME>", "<ORGANIZATION>", "<LOCATION>", ...), redaction tools a black bar
("█████", "■■■■") or a word ("[MASKERAT]", "[REDACTED]", "****"), and "XXXX-XX-XX" for a date. GUIDELINES 4
(block 87): a mask stands for something the plan had and is read by its place. This module names the marks and
reads nothing itself: `planqa.placeholders` reads a masked person as the guidelines' placeholder its context
makes it, `planqa.dates` a masked date as a concrete date that cannot be read, and `planqa.actors` a masked
organisation as a party. A draft's blanks ("XX", "??", "[Ange datum]") are no masks (GUIDELINES' draft row).
"""

from __future__ import annotations

import re

# Presidio's mark for a person: every person, whoever it is.
PERSON_MASK = re.compile(r"<PERSON>")
# Presidio's mark for an organisation (an agency, a school, a unit).
ORGANISATION_MASK = re.compile(r"<ORGANI[SZ]ATION>")
# A mark for a date: Presidio's, and a redaction tool's date with every digit an X (not a draft's "XX" or "ÅÅÅÅ-MM-DD").
DATE_MASK = r"<DATE_TIME>|<DATE>|X{4}-X{2}-X{2}"
# A mask that hides anything, a person, a date or a name: a black bar, a run of stars, a masking word in brackets.
ANY_MASK = r"█{2,}|■{2,}|\*{4,}|\[(?:MASKERAT|MASKERAD|MASKERAS|REDACTED|MASKED|DOLT)\]"
ANY_MASK_RE = re.compile(ANY_MASK, re.IGNORECASE)


def has_mask(text: str) -> bool:
    """Whether `text` may hold a mask (a cheap test on characters every mask has)."""
    if "<" in text or "█" in text or "■" in text or "****" in text:
        return True
    upper = text.upper()
    return "XXXX-" in upper or "[MASK" in upper or "[REDACTED]" in upper or "[DOLT]" in upper
