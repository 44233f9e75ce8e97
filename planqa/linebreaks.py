"""Line breaks a plan lost, put back: a plan typed into a web form or a system field that kept no line breaks.

Such a plan is one long paragraph (or a few) in which the headings run into the text ("… i skolan Barnets
behov: [BARN] har svårt … Mål [BARN] ska …"), lists into runs ("- skolan ger … - BUP ger …") and table rows
into each other ("| Skolan | v. 10 | | BUP | v. 12 |"). The rules read a plan by its lines (a heading opens a
section, a field's value stands on its line, a list item is a line), so `restore_line_breaks` turns the space
before each such heading, field label, list item and table row back into a line break, and the space after a
section heading too, so that the heading stands on its own line. It only reads texts whose lines are
paragraph-long on average (`FLAT_LINE_LENGTH`): a plan with its layout is left as it is. A space becomes a
line break, so the text keeps its length and every offset (GUIDELINES 4: judge the plan as if the line
breaks were there).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Mean length of the non-empty lines from which a text counts as flat (the corpus's plans with their layout: at
# most about 420; a plan that lost its line breaks: its whole length, 800 and more).
FLAT_LINE_LENGTH = 450
# A line shorter than this is left as it is even in a flat text.
LONG_LINE = 160

# Section headings that open a section in SIP forms, with or without a colon ("Mål", "Barnets behov",
# "Insatser och ansvar", "Nästa möte", "Vem gör vad"), as written and in capitals ("BARNETS RÖST", "MÅL").
_HEAD_OWNERS = ("barnets", "elevens", "ungdomens", "[barn]s", "mina", "min", "mitt", "vårdnadshavarnas", "föräldrarnas",
                "nästa", "reviderade", "nya", "övergripande", "vår", "vårt")
_HEADS = ("mål", "målen", "delmål", "insatser", "insatser och ansvar", "insatser framåt", "åtgärder", "aktiviteter",
          "behov", "behoven", "bakgrund", "bakgrund och behov", "nuläge", "läget", "samtycke", "uppföljning", "möte",
          "deltagare", "närvarande", "övrigt", "samordning", "samordningsansvar", "samordningsansvarig", "delaktighet",
          "röst", "syn", "synpunkter", "perspektiv", "önskemål", "plan", "beslut", "överenskommelser",
          "ansvarsfördelning", "vem gör vad", "om mig", "det här ska hända", "det här ska göras")


def _alternatives(words: tuple[str, ...], case: Callable[[str], str]) -> str:
    return "|".join(re.escape(case(w)) for w in sorted(words, key=len, reverse=True))


def _heading(case: Callable[[str], str]) -> str:
    """The headings in one case: an owner word ("Barnets") or none, then the heading ("behov")."""
    return (rf"(?:(?:{_alternatives(_HEAD_OWNERS, case)})\s(?:{_alternatives(_HEADS, str.lower)}|"
            rf"{_alternatives(_HEADS, str.upper)})|{_alternatives(_HEADS, case)})")


# A section heading followed by the start of its text ("Mål [BARN] ska", "MÅL hen ska"), or by a colon and its
# text, or by a colon at the line's end (an empty last field); a capitalised heading needs a capital, a
# bracket, a digit or a list mark after it, one in capitals anything but a word in capitals that carries a
# phrase on (`_PHRASE_GOES_ON`): in a plan written in capitals "MÖTE", "PLAN" and "BEHOV" are words of a
# sentence there ("KALLAR TILL MÖTE V. 12", "INDIVIDUELL PLAN FÖR [BARN]", "HAR BEHOV AV STÖD"; GUIDELINES 4,
# block 92).
_PHRASE_GOES_ON = ("av", "för", "och", "i", "på", "med", "om", "till", "v", "kl", "som", "att", "från", "inom",
                   "hos", "vid", "efter", "inför", "under", "mellan", "eller", "samt", "enligt", "kring")
_CAPS_GOES_ON = rf"(?:{_alternatives(_PHRASE_GOES_ON, str.upper)})(?![\wåäöÅÄÖ])"
SECTION_HEADING = re.compile(
    rf"(?<=\S) (?:(?=[A-ZÅÄÖ\[]){_heading(str.capitalize)}(?:(?P<bare> )(?=[A-ZÅÄÖ\[0-9•-])|:(?P<colon> )(?=\S)|:$)"
    rf"|{_heading(str.upper)}(?![\wåäöÅÄÖ])(?:(?P<caps_bare> )(?=\S)(?!{_CAPS_GOES_ON})|:(?P<caps_colon> )(?=\S)|:$))")
# Any other field label: a capitalised word and up to four lower-case ones before a colon ("Ansvarig:", "Nästa
# uppföljning:", "Samtycke från vh:", an empty "Övrigt:" at the line's end), or two to four words in capitals
# ("BARNETS SYN:", "VH SYN:").
FIELD_LABEL = re.compile(r"(?<=\S) (?=(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:[ /&-]{1,3}[a-zåäö0-9(][\wåäö()]*){0,4}"
                         r"|[A-ZÅÄÖ]{2,}(?:[ /&-]{1,3}[A-ZÅÄÖ]{2,}){1,3}):(?:\s|$))")
BULLET = re.compile(r"(?<=\S) (?=[•▪◦●■]\s)")
# A dash or star list item ("- Skolan ger …"), counted only where a line has two or more.
DASH_ITEM = re.compile(r"(?<=\S) (?=[-–*] +[A-ZÅÄÖ\[])")
# A numbered item after a sentence end ("… v. 10. 2. BUP ger …"), counted only next to its neighbour's number.
NUMBERED_ITEM = re.compile(r"(?<=[.!?:;]) (?=(?P<number>\d{1,2})[.)] +[A-ZÅÄÖ\[])")
# Two table rows run together ("… | | Skolan …").
TABLE_ROW = re.compile(r"(?<=\|) (?=\|)")


def is_flat(text: str) -> bool:
    """Whether the text's non-empty lines are paragraph-long on average (`FLAT_LINE_LENGTH`)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and sum(map(len, lines)) / len(lines) >= FLAT_LINE_LENGTH


def line_breaks(line: str) -> list[int]:
    """Offsets in `line` of the spaces that were line breaks: before headings, field labels, list items and table
    rows, and after a section heading. None unless there are two or more such places."""
    headings = list(SECTION_HEADING.finditer(line))
    labels = list(FIELD_LABEL.finditer(line))
    before = {m.start() for m in headings} | {m.start() for m in labels}
    before |= {m.start() for pattern in (BULLET, TABLE_ROW) for m in pattern.finditer(line)}
    dashes = [m.start() for m in DASH_ITEM.finditer(line)]
    before |= set(dashes) if len(dashes) >= 2 else set()
    numbers = [(int(m.group("number")), m.start()) for m in NUMBERED_ITEM.finditer(line)]
    values = {n for n, _ in numbers}
    before |= {at for n, at in numbers if n - 1 in values or n + 1 in values}
    # not inside a longer heading or label ("BARNETS SYN:" holds "SYN:")
    extents = [(m.start(), m.end()) for m in headings] + [(m.start(), m.end("label")) for m in labels]
    before = {at for at in before if not any(start < at < end for start, end in extents)}
    if len(before) < 2:
        return []
    after = {m.start(g) for m in headings for g in ("bare", "colon", "caps_bare", "caps_colon") if m.group(g)}
    return sorted(before | after)


def restore_line_breaks(text: str) -> str:
    """`text` with its lost line breaks put back where the text is flat (`is_flat`); the same length."""
    if not is_flat(text):
        return text
    out = []
    for line in text.split("\n"):
        if len(line) >= LONG_LINE:
            chars = list(line)
            for at in line_breaks(line):
                chars[at] = "\n"
            line = "".join(chars)
        out.append(line)
    return "\n".join(out)


def line_break_warnings(text: str) -> list[str]:
    """A Swedish note for a plan read with its lost line breaks put back (empty for a plan with its layout)."""
    if restore_line_breaks(text) == text:
        return []
    return [("Planen saknar radbrytningar: planqa har läst den med rubriker, fält och listpunkter på egna rader "
             "(riktlinjerna avsnitt 4). Se efter att rubrikerna har hittats rätt.")]
