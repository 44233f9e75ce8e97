"""Light text structure shared by the rule-based stages: segments (sentences/lines) and headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

_FOLDED = {"å": "[åa]", "ä": "[äa]", "ö": "[öo]", "Å": "[ÅA]", "Ä": "[ÄA]", "Ö": "[ÖO]"}


def fold_diacritics(pattern: str) -> str:
    """The regex pattern with its literal å/ä/ö also matching a/a/o, as in text pasted through a system that
    lost them ("Nasta mote", "uppfoljning", "Ansvarig for SIP"); character classes are left as they are."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        else:
            out.append(_FOLDED.get(ch, ch))
    return "".join(out)


def folded_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """re.compile of the pattern with `fold_diacritics` applied."""
    return re.compile(fold_diacritics(pattern), flags)


# A pattern's escapes and group names (kept as they are) and the rest of its source (lower-cased).
_PATTERN_PART = re.compile(r"\\.|\(\?P[<=]\w+[>)]|[^\\(]+|\(", re.S)


def lower_case_variant(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The re.IGNORECASE pattern for lower-cased text: its letters lower-cased, without the flag (case-insensitive
    Unicode matching of long alternations is several times slower). Its matches on `text.lower()` have the
    offsets of the pattern's matches on `text` wherever lower-casing keeps the length."""
    return _compile_lower_case(pattern.pattern, pattern.flags)


@cache  # keyed by the source string, whose hash is kept (a compiled pattern's hash is not)
def _compile_lower_case(source: str, flags: int) -> re.Pattern[str]:
    parts = _PATTERN_PART.findall(source)
    lowered = "".join(part if part.startswith(("\\", "(?P")) else part.lower() for part in parts)
    return re.compile(lowered, flags & ~re.IGNORECASE)


# What re.IGNORECASE matches to an ASCII letter but str.lower() keeps ("İ" lower-cases to two characters).
_CASE_FOLD = str.maketrans({"ı": "i", "ſ": "s"})


@lru_cache(maxsize=1024)  # the rules read each segment's text with many patterns
def lower_case_text(text: str) -> str | None:
    """The text lower-cased for `lower_case_variant` patterns, or None where that would move offsets."""
    low = text.lower()
    if len(low) != len(text):
        return None
    return low.translate(_CASE_FOLD) if "ı" in low or "ſ" in low else low


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\[\"”»-])")
# Abbreviations that stand before their complement (prepositions, conjunctions, adverbs: "enl. [NAMN_2]", "t.ex.
# ”pappa är sjuk”", "ev. BUP-kontakt", "ang. [BARN]s mående"): their full stop never ends a sentence, whatever word
# follows. Abbreviations that end a list or a phrase ("m.m.", "osv.", "etc.", "m.fl.") and nouns and units ("soc.",
# "mån.", "min.", "v.") are left out on purpose: after them a capital or a placeholder starts a new sentence ("tog
# 45 min. [NAMN_1] informerade", "utredning hos soc. [BARN] behöver"). GUIDELINES 4, block 57: "en förkortning ...
# räknas när en noggrann läsare förstår vad den står för", and no careful reader takes "Enl. [NAMN_2] vill [BARN] …"
# for two sentences.
NON_FINAL_ABBREVIATIONS = frozenset({
    "enl.", "ang.", "avs.", "betr.", "inkl.", "exkl.", "fr.", "fr.o.m.", "t.o.m.", "t.ex.", "bl.a.", "pga.", "p.g.a.",
    "m.h.a.", "s.k.", "f.d.", "dvs.", "d.v.s.", "resp.", "el.", "ev.", "ca.", "kl.", "jfr.", "jmf.", "ffa.",
})
# Lower-case single letters that abbreviate a preposition ("samtal m. [BARN]"); upper-case "M." letters a section.
_NON_FINAL_LOWER_CASE = frozenset({"m."})
# A law's name after "kap." continues the reference ("enligt 11 kap. SoL", "10 kap. OSL"); a plain word starts a new
# sentence ("OSL 26 kap. Planen ska följas upp").
_CHAPTER = "kap."
_LAW_NAME = re.compile(r"[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ]+\b")
_HEADING = re.compile(r"^\s*(?:#+\s*)?(?P<h>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ /&()–-]{1,60}?)\s*:?\s*$")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s*$")
_LIST_MARKER = re.compile(r"(?:[-–•*]|\d{1,2}[.)]|[a-z][.)])\s")  # a marked item is no unmarked list's line
# Not one item of a plain list: a label, a heading's note in brackets, a form's blank, a running header's gap,
# a page footer, a slide's rule, a question, a header naming the child ("Mål (vad ska)", "Underskrift ____",
# "Sida 2", "--- Bild 6 ---", "Vad är svårt just nu", "[BARN], 8 år"). A form's blank is a run of underscores: the
# one underscore of a name placeholder ("[NAMN_2] skickar anmälan") leaves the line an item.
_NOT_ITEM_LIKE = re.compile(r"[#|:(§—]|_{2}|-{2}|\s{3}|^vad\s|\bsida\s\d|^\[\w+\],", re.I)
_INLINE_HEADING = re.compile(r"^\s*(?:#+\s*)?(?P<h>[A-ZÅÄÖ][\wåäöÅÄÖ /&()–-]{1,40}?)\s*:\s+\S")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    section: str  # lower-cased heading of the section the segment is in ("" before any heading)
    is_heading: bool = False


def _is_heading_line(line: str, after_item: bool = False) -> str | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    m = _HEADING.match(stripped)
    if not m:
        return None
    # a heading is short, ends with ':' or is markdown/upper case, and has no sentence end
    if stripped.endswith(":") or stripped.startswith("#") or stripped.isupper():
        return _heading_name(m.group("h"))
    if len(stripped.split()) <= 4 and not stripped.endswith((".", "?", "!")) \
            and not (after_item and len(stripped.split()) >= 3 and _unmarked_item_line(stripped)):
        return _heading_name(m.group("h"))  # "Insatser", "Nästa möte" still head a section after an item
    return None


def _heading_name(heading: str) -> str:
    """A heading as a section name: lower case, runs of spaces as one ("Vem gör      vad" pasted from a case system
    with its columns' padding names the section "vem gör vad"; GUIDELINES 4, block 79: pasted text is read "som en
    webbläsare skulle visa den", which shows a run of spaces as one)."""
    return " ".join(heading.split()).lower()


def _unmarked_item_line(line: str) -> bool:
    """A line of a list written one item a line without markers: plain text, no heading, no sentence end, no
    label ("Vikt minst 50 kg vid nästa uppföljning" / "God följsamhet till måltidsschemat"). A short line right
    after it is the list's next item, not a heading (GUIDELINES 4, block 50: "en uppräkning i löptext är en
    uppräkning; ingenting blir bättre eller sämre av att layouten gått förlorad")."""
    stripped = line.strip()
    return bool(stripped) and not _LIST_MARKER.match(stripped) and not stripped.endswith((".", "?", "!", ":")) \
        and not stripped.isupper() and 3 <= len(stripped.split()) <= 12 and not _NOT_ITEM_LIKE.search(stripped)


_LETTERED_ROW = re.compile(r"^\s*[a-z]([.)])\s")  # "b) Bättre skolresultat", "c. Fortsatta samtal"


def _lettered_row(line: str, above: str, below: str) -> bool:
    """A short lettered line next to another lettered line of the same style, no empty line between ("a) [BARN] tar
    sitt insulin ..." / "b) Bättre skolresultat"): an item of a lettered list, as the same line with a dash is, not
    a heading; a lettered line that ends with ':' or stands among lines of another kind ("a) Skolan" over "- ...")
    may still head a part (GUIDELINES 4, block 50: "en uppräkning i löptext är en uppräkning")."""
    m = _LETTERED_ROW.match(line)
    if not m or line.rstrip().endswith(":"):
        return False
    return any((n := _LETTERED_ROW.match(other)) is not None and n.group(1) == m.group(1) for other in (above, below))


def segments(text: str, split_sentences: bool = True) -> list[Segment]:
    """Split a plan into lines and, within lines, sentences; track the current section heading.

    With `split_sentences=False` each non-empty line is one segment (list items, table rows).
    """
    out: list[Segment] = []
    section = ""
    pos = 0
    after_item = False  # the line above is an item of a list without markers (`_unmarked_item_line`)
    lines = text.splitlines(keepends=True)
    above = ""  # the line above ("" after an empty line)
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        start = pos
        pos += len(line)
        if not body.strip():
            after_item = False
            above = ""
            continue
        heading = _is_heading_line(body, after_item)
        if heading is not None and _lettered_row(body, above, lines[i + 1].rstrip("\r\n") if i + 1 < len(lines) else ""):
            heading = None
        above = body
        after_item = heading is None and bool(out) and _unmarked_item_line(body)  # not the plan's title line
        if heading is not None:
            section = heading
            out.append(Segment(start, start + len(body), body, section, True))
            continue
        inline = _INLINE_HEADING.match(body)
        line_section = _heading_name(inline.group("h")) if inline else section
        last = 0
        for m in (_SENT_END.finditer(body) if split_sentences else ()):
            piece = body[last:m.start()]
            if _ITEM_NUMBER.match(piece):
                continue  # "1. [BARN] ska …": the number belongs to the item
            if _abbreviation_continues(piece, body[m.end():m.end() + 8]):
                continue  # "Enl. [NAMN_2] vill [BARN] …": the abbreviation's full stop ends no sentence
            if piece.strip():
                out.append(_segment(start + last, piece, line_section))
            last = m.end()
        out.append(_segment(start + last, body[last:], line_section))
    return [s for s in out if s.text.strip()]


def _abbreviation_continues(before: str, after: str) -> bool:
    """Whether the full stop that ends `before` closes an abbreviation that the sentence goes on after
    (`NON_FINAL_ABBREVIATIONS`; "kap." before a law's name), so that `after` is no new sentence."""
    words = before[-12:].split()
    if not words:
        return False
    word = words[-1].lstrip("([\"”»")
    if word in _NON_FINAL_LOWER_CASE:
        return True
    low = word.lower()
    if low in NON_FINAL_ABBREVIATIONS:
        return True
    return low == _CHAPTER and bool(_LAW_NAME.match(after))


def _segment(start: int, piece: str, section: str) -> Segment:
    lead = len(piece) - len(piece.lstrip())
    clean = piece.strip()
    return Segment(start + lead, start + lead + len(clean), clean, section)
