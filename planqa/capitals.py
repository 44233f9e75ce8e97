"""Words in capitals read as ordinary text: headings, field labels, paragraphs or whole plans in capitals.

Plans reach planqa with capitals where ordinary text has none: headings and labels ("MÅL", "ANSVARIG:"),
paragraphs, table rows or the whole plan from an older case system, an export that upper-cases fields or caps
lock, and single words within a sentence ("SKOLAN ansvarar för anpassningar", "12/3 KL 13"). The rules were
written on ordinary text, so `lower_capitals` writes such words in lower case, keeping a sentence's first
letter upper and a known first name or place capitalised (GUIDELINES 4: capitals do not change what the text
says, judge it as the same text in lower case). What is capitals in ordinary text too is kept: abbreviations
(`ABBREVIATIONS`: BUP, BVC, LSS, SIP, KBT ...), initials and other short codes ("AK", "KL/soc"), placeholders
("[BARN]", "<PERSON>") and masks ("XX", "NN"). A short word is lowered only among other capitals
(`SHORT_WORDS`: "I", "OCH", "PÅ", "MÅL"), on a line in capitals, on a line of its own, or as a time ("KL 13",
"V. 12"). A heading in capitals on a line of its own stays as it is, as the rules read it as a heading (a
heading in capitals is a heading), unless the plan is largely in capitals and capitals follow it. Only the
case changes, so the text keeps its length and every offset; `planqa.readable` runs this last.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from planqa.initials import NOT_INITIALS
from planqa.text import NON_FINAL_ABBREVIATIONS
from planqa.wordlists import first_names, not_names, places, word_names

# Swedish words of up to three letters (and the shortest English ones, for a plan's English part), lowered only
# among other capitals, after a number ("10 ÅR") or on a line of their own; "KL" and "V" also before a time.
SHORT_WORDS = frozenset("""
i å o v och att på med har om är en ska av för det som vid ha var när den jag de ett år hon vi hen men kan sig
upp två kl får vad här går få gå gör sin hur så tar han ut sa hos mig in bra nu dag tre tid min där se åk hem
mer via ej då än maj ser tas vem rum ny ta mål per nya kom bli bor fem jul syn ses vet du man ord enl sen tog
fr del dem ggr sex mån äta mat oro mot ca ger kap ner må oss tio ev ja åt hör åka ute nej arg dig sju vår pga
ge ont god mår bo ni råd avd ang all typ dit små lek tim låg fel stå års ur tis ok sak din okt ex bil jan feb
ges bad nov kg bör div rör dom hög bok dec väl lag hus hot hit akt nio sov gav gås rad max ske lär tel mkt ned
par fre kör aug hel ro ju nås såg tag kök beh slå nå egen eget sitt mitt ons tor lör sön mån ggr st fm em
soc hab fsk ssk pat osv knä fri sms
the and for has not are was she his her our you can who
""".split())
# Short words that are no one's initials, lowered on a line in capitals whatever stands beside them ("[VH1] OCH
# [VH2]"); two-letter words as "EN", "IN" or "DE" may be initials there ("IN – [NAMN_1], BVC").
LINE_WORDS = frozenset(word for word in SHORT_WORDS if len(word) > 2) | {"i", "på", "av", "är", "så", "då", "åk"}
# Abbreviations written in capitals in ordinary text: agencies (`planqa.actors`), diagnoses and methods, and
# what `planqa.initials` knows is no one's initials, less those that are also short words ("VI", "OK").
ABBREVIATIONS = (NOT_INITIALS - {word.upper() for word in SHORT_WORDS}) | frozenset((
    "BUP", "BVC", "BMM", "BUM", "LSS", "HVB", "IFO", "EHT", "ELH", "KAA", "VUP", "UMO", "BOF", "FK", "VC", "AF",
    "ADHD", "PTSD", "AST", "ABC", "ÄTL", "LUL", "FBU", "HLR", "NPF", "IQ", "WISC", "SOL", "SSPF", "BBIC", "TAKK",
    "AKK", "ESSENCE",
))
# Abbreviations with full stops, lowered wherever they stand in capitals ("T.EX.", "BL.A.", "T.O.M.").
DOTTED = frozenset(("t.ex.", "bl.a.", "t.o.m.", "fr.o.m.", "p.g.a.", "m.m.", "m.fl.", "d.v.s.", "s.k.", "o.s.v.",
                    "f.d.", "m.h.a.", "e.d.", "t.v.", "o.d."))
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[A-ZÅÄÖ]{1,3}\.){2,4}")
# A run of capitals standing as a word or part of one ("SKOLAN", "SIP-MÖTET", the "S" of "[BARN]S"), also with an
# å, ä or ö in lower case between capitals, as an upper-cased export's mojibake is read back ("FRÃ¥N": "FRåN").
_CAPS = re.compile(r"(?<![^\W\d_])(?<![\[<])[A-ZÅÄÖÉÜ]+(?:[åäö][A-ZÅÄÖÉÜ]+)*(?![^\W\d_])(?![\]>_])")
# The cheap check: a word of two capitals or more outside a placeholder ("[BARN]", "[NAMN_1]"), to be looked up
# (`_candidate`).
_CANDIDATE = re.compile(r"(?<![^\W\d_])(?<![\[<])(?:[A-ZÅÄÖÉÜ]{2,}|[A-ZÅÄÖÉÜ]+(?:[åäö][A-ZÅÄÖÉÜ]+)+)"
                        r"(?![^\W\d_])(?![\]>_])")
# Placeholders and masks whose capitals stay: "[BARN]", "[BARNETS NAMN]", "<PERSON>".
_BRACKETED = re.compile(r"\[[^\]\n]{1,40}\]|<[^>\n]{1,40}>")
# A heading on a line of its own, as `planqa.text` reads one: short, letters and a few marks after a section
# number, a colon at most at the end ("BARNETS SYNPUNKTER", "## MÅL:", "DEL 3. VEM GÖR VAD OCH NÄR"); in
# capitals the rules read it as a heading whatever its length, so it is left in capitals (GUIDELINES 4,
# block 92: a heading in capitals is a heading).
HEADING_LINE = re.compile(r"^\s*(?:#+\s*)?(?:(?:[A-ZÅÄÖ]+\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+)?"
                          r"[A-ZÅÄÖ][\wåäöÅÄÖ /&()–-]{1,60}?\s*:?\s*$")
HEADING_LENGTH = 60
# The share of a plan's lines in capitals (one in this many) from which its headings are told by what follows.
CAPS_SHARE = 3
# A time or a week after the word ("KL 13", "KL. 13.00", "V.12", "V 12").
_TIME_AFTER = re.compile(r"\.?[ \t]?\d")
# What may stand between a sentence's start and its first word: quotes, brackets, emphasis and heading marks.
_OPENERS = "\"'“”‘’«(*_#>"
_LIST_MARKS = "-–•*▪◦●■"


def lower_capitals(text: str) -> str:
    """`text` with its words in capitals that are no abbreviation, code or placeholder in lower case, a
    sentence's first letter and a known name's kept upper; the same length. A text without such a word is
    returned as it is."""
    if not any(map(_candidate, _CANDIDATE.findall(text))):
        return text
    runs = list(_CAPS.finditer(text))
    bracketed = [m.span() for m in _BRACKETED.finditer(text)]
    bracket_starts = [b_start for b_start, _ in bracketed]
    headings, caps_lines = _capital_lines(text)
    chars = list(text)
    changed = False
    for i, m in enumerate(runs):
        start, end = m.span()
        b = bisect.bisect_right(bracket_starts, start) - 1
        line_start = text.rfind("\n", 0, start) + 1
        if b >= 0 and start < bracketed[b][1] or line_start in headings \
                or not _lowered(text, runs, i, line_start in caps_lines):
            continue
        word = m.group()
        lowered = word.lower()
        if _keeps_capital(text, start, word):
            lowered = word[0] + lowered[1:]
        chars[start:end] = lowered
        changed = True
    for m in _DOTTED.finditer(text):
        if m.group().lower() in DOTTED:
            lowered = m.group().lower()
            chars[m.start():m.end()] = m.group(0)[0] + lowered[1:] if _keeps_capital(text, m.start(), "") else lowered
            changed = True
    return "".join(chars) if changed else text


def _candidate(word: str) -> bool:
    """Whether a word in capitals may be one to lower: no abbreviation, four letters or more or a short word."""
    return word not in ABBREVIATIONS and (len(word) >= 4 or word.lower() in SHORT_WORDS)


def _capital_lines(text: str) -> tuple[set[int], set[int]]:
    """The starts of the lines that are headings in capitals and stay so, and of all lines in capitals. A heading
    stays in a plan written in ordinary case, and in a plan where a third of the lines or more are in capitals (a
    caps-lock plan or paragraphs in capitals, where a short line in capitals may as well be a goal or an item)
    when a line in ordinary case follows it."""
    lines, starts, pos = text.split("\n"), [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    filled = [i for i, line in enumerate(lines) if line.strip()]
    upper = {i for i in filled if lines[i].isupper()}
    headings = [i for i in upper if len(lines[i].strip()) <= HEADING_LENGTH and HEADING_LINE.match(lines[i])]
    caps_lines = {starts[i] for i in upper}
    if len(upper) * CAPS_SHARE < len(filled):
        return {starts[i] for i in headings}, caps_lines
    following = dict(itertools.pairwise(filled))
    return {starts[i] for i in headings if i in following and following[i] not in upper}, caps_lines


def _lowered(text: str, runs: list[re.Match[str]], i: int, caps_line: bool) -> bool:
    """Whether the run of capitals `runs[i]` is a word to write in lower case; `caps_line`: its line is in
    capitals, where a short word of `LINE_WORDS` is a word whatever stands beside it ("[VH1] OCH [VH2]")."""
    m = runs[i]
    word, start = m.group(), m.start()
    if word in ABBREVIATIONS or len(set(word)) == 1 and len(word) > 1:  # "BUP", a mask "XX", "NNN"
        return False
    if start and (text[start - 1] == "]" or text[start - 1] == ":" and _caps_before(text, start - 1)
                  or text[start - 2:start] == "]:"):
        return True  # a suffix: "[BARN]S", "[BARN]:S", "BUP:S", "SIP:EN"
    if len(word) >= 4:
        return True
    if word.lower() not in SHORT_WORDS:
        return False  # initials and codes ("AK", "JH")
    if word in ("KL", "V") and _TIME_AFTER.match(text, m.end()) or start > 1 and text[start - 2].isdigit() \
            and text[start - 1] in " \t":
        return True  # "KL 13", "V.12", "10 ÅR", "3 GGR"
    return caps_line and word.lower() in LINE_WORDS or _among_capitals(text, runs, i) \
        or len(word) > 1 and _alone_on_line(text, m.start(), m.end())


def _caps_before(text: str, end: int) -> bool:
    """Whether a word in capitals ends at `end`."""
    return end > 1 and text[end - 1].isupper() and text[end - 2].isupper()


def _among_capitals(text: str, runs: list[re.Match[str]], i: int) -> bool:
    """Whether a neighbouring word in capitals on the same line, past any abbreviations and single letters, is a
    word to lower (four letters or more, or a short word): "I SKOLAN", "BUP OCH BVC KALLAR", but not "AK, KL/soc"."""
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(runs) and _adjacent(text, runs[min(j, j + step)], runs[max(j, j + step)]):
            j += step
            neighbour = runs[j].group()
            if neighbour not in ABBREVIATIONS and len(neighbour) > 1:
                if len(neighbour) >= 4 or neighbour.lower() in SHORT_WORDS:
                    return True
                break
    return False


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether two runs of capitals stand on one line with nothing but spaces and punctuation between."""
    between = text[first.end():second.start()]
    return "\n" not in between and not any(c.isalnum() or c in "[]<>" for c in between)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether the word is the only word on its line ("MÅL", "MÅL:", "## SYN")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]
    return not any(c.isalnum() or c == "[" for c in line)


def _keeps_capital(text: str, start: int, word: str) -> bool:
    """Whether the lowered word keeps its first letter upper: it starts a sentence, a line, a field's value or a
    table cell, or it is a known first name or place ("ELIN", "MALMÖ")."""
    if start and text[start - 1] in "]:":
        return False
    if len(word) >= 4 and _is_name(word.capitalize()):
        return True
    i = start
    while i and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0 or text[i - 1] in "\n|":
        return True
    if text[i - 1] not in " \t":
        return False
    k = i - 1
    while k and text[k - 1] in " \t":
        k -= 1
    if text[k - 1] == "." and _last_token(text, k).lower() in NON_FINAL_ABBREVIATIONS:
        return False  # "T.EX. PÅ MÅNDAGAR"
    if k == 0 or text[k - 1] in "\n.!?:;|":
        return True
    line_start = text.rfind("\n", 0, k) + 1
    return text[k - 1] in _LIST_MARKS and not text[line_start:k - 1].strip()  # "- SKOLAN", "• BUP"


def _last_token(text: str, end: int) -> str:
    """The text from the last space or line break before `end` to `end`."""
    return text[max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1:end]


def _is_name(word: str) -> bool:
    return word in _names() and word.lower() not in not_names()


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """First names and places that are no ordinary words."""
    return (first_names() | places()) - word_names()
