"""Initials that stand for the people responsible, and whether the plan itself explains them.

Some plans give who does what by initials or signature codes ("Ansv: AK", "KL/soc", "– IN", a table column
"Ansv." with "PL"), with or without a list that says who they are ("AK = [NAMN_2], kurator, skolan", "Närvarande:
HB, psykolog BUP", a signature block "IN – [NAMN_1], BVC-sjuksköterska"). GUIDELINES 4 (block 89): initials that
the text ties to a role or an agency are a named responsible party, initials with the agency beside them ("KL/soc",
"HB (BUP)") name the agency, and initials nothing explains are a person without role or agency, no responsible
party. This module reads the codes (2–3 capitals that are no agency's or other known abbreviation) and which of
them the plan explains, much as `planqa.roles` reads who a named person is from the words around the name.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex as re

from planqa.actors import normalise_actor
from planqa.roles import STAFF_TITLES

# 2–3 capitals standing alone ("AK", "ÅB", "JH/RR"), not part of a compound ("CF-teamet", "TF-KBT") or a placeholder
CODE = re.compile(r"(?<![\w\[\-])[A-ZÅÄÖ]{2,3}(?![\w\]\-])")
# capitals that are no one's initials: laws, methods, diagnoses, school subjects, measures, role shorthand, the
# young person on a residential home ("UH"); agencies are `planqa.actors`' own (BUP, BVC, LSS, HVB, IFO, EHT ...)
NOT_INITIALS = frozenset((
    "SIP", "LVU", "LVM", "SOL", "HSL", "OSL", "LSU", "KBT", "DBT", "FBT", "NPF", "ASD", "ADD", "OCD", "JIA", "CP",
    "CF", "GAS", "IUP", "APL", "ADL", "PEP", "SDQ", "PHQ", "EEG", "EKG", "BMI", "CGM", "SD", "SO", "SV", "NO",
    "SFI", "CSN", "SYV", "SSK", "AT", "KP", "OT", "VH", "GM", "UH", "US", "ELH", "MU", "UM", "TBD", "TBA", "XX",
    "REF", "KPI", "II", "III", "IV", "VI", "HT", "VT", "OK", "NA", "ID", "IT", "TV", "AM", "PM",
))
# what may stand between a code and the role or agency that explains it: "=", "–", ":", "(", ",", "/" or a table
# cell's bar, a person placeholder (all on the code's line) ("AK = [NAMN_2], kurator"), a preposition ("NÖ från BVC")
_GAP = re.compile(r"[ \t]*(?:[=:(,/|–—-][ \t]*)?(?:\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\][ \t]*[,)]?[ \t]*)?"
                  r"(?:(?:från|på|vid|i|inom|hos)[ \t]+)?")
# a staff title as a word or a compound's end ("psykolog", "BVC-sjuksköterska", "LSS-handläggare")
_TITLE = re.compile(rf"[\wåäöÅÄÖ-]*(?:{STAFF_TITLES}|dietist|logoped|rektor|fysioterapeut)\w*", re.I)


def codes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) for every 2–3 capital code that may be someone's initials, on lines that are not all
    capitals (a heading "MÅL OCH INSATSER" has none)."""
    if not CODE.search(text):
        return []
    out = []
    for m in CODE.finditer(text):
        code = m.group()
        if code in NOT_INITIALS or normalise_actor(code):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if any(ch.islower() for ch in line):
            out.append((m.start(), m.end(), code))
    return out


def explained_codes(text: str, found: Sequence[tuple[int, int, str]],
                    parties: Sequence[tuple[int, int, str]]) -> frozenset[str]:
    """The codes the plan ties to a role or an agency somewhere: the role or agency (a party of `parties`, or a
    staff title) right after the code on its line ("AK = [NAMN_2], kurator", "HB dietist BUM", "KL/soc", "NÖ från
    BVC", "IN – [NAMN_1], BVC-sjuksköterska"), or a party right before it ("psykolog HB")."""
    starts = sorted(a for a, _, _ in parties)
    ends = {b for _, b, _ in parties}
    out = set()
    for start, end, code in found:
        if code in out:
            continue
        gap = _GAP.match(text, end)
        at = gap.end()
        if at < len(text) and text[at] != "\n" and (_party_at(starts, at) or _TITLE.match(text, at)):
            out.add(code)
        elif start >= 1 and text[start - 1] == " " and start - 1 in ends:
            out.add(code)
    return frozenset(out)


def _party_at(starts: list[int], pos: int) -> bool:
    """A party mention starts at pos."""
    i = bisect.bisect_left(starts, pos)
    return i < len(starts) and starts[i] == pos


# a value made only of codes: "JH", "JH/RR", "NS, HW", "PL o MS"
_CODES_ONLY = re.compile(r"^\W*[A-ZÅÄÖ]{2,3}(?:\s*(?:/|,|&|\+|och|o)\s*[A-ZÅÄÖ]{2,3})*\W*$")


def unexplained_only(value: str, explained: frozenset[str]) -> bool:
    """The value names the responsible only by codes the plan does not explain ("Ansv: JH", "| NS/HW |"): a person
    without role or agency, no responsible party (GUIDELINES 4, block 89)."""
    if not _CODES_ONLY.match(value):
        return False
    found = [m.group() for m in CODE.finditer(value)]
    return bool(found) and not any(c in NOT_INITIALS or normalise_actor(c) or c in explained for c in found)


# initials, a slash and the word after it ("KL/soc", "BT/hab")
_SLASH_AFTER_CODE = re.compile(r"(?<![\w\[\-])([A-ZÅÄÖ]{2,3})\s*/\s*(?=([\wåäöÅÄÖ]+))")


def agency_slash_spaced(value: str) -> str:
    """The value with the slash between initials and their agency ("KL/soc", "YM/soc") put as a space, same
    length: that slash names one person's agency (GUIDELINES 4, block 89), it joins no two parties."""
    if "/" not in value:
        return value
    return _SLASH_AFTER_CODE.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1)))
                                 if normalise_actor(m.group(2)) and m.group(1) not in NOT_INITIALS else m.group(),
                                 value)
