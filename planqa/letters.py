"""Damaged å, ä and ö read as the letters they were, at the same offsets.

A plan can reach planqa with its Swedish letters damaged: a UTF-8 file read as Windows-1252 or Latin-1
("mÃ¥l", "fÃ¶rskola", "Ã–vrigt", "â€“" for a dash, "Â" before a space), a replacement mark or a question mark
for the letter ("m\ufffdl", "f?rskola"), or the letters typed without their dots and rings ("malet ar att [BARN]
ska ga i skolan", "Socialtjansten", sometimes "maal", "foerskola"). GUIDELINES 4 (block 86): the plan is read as
by a reader who sees past the damage. The rules' patterns spell "mål", "förskola", "socialtjänsten", so this
stage writes the letters back, keeping the text's length like the other repairs of `planqa.readable`:

- `read_mojibake`: each UTF-8 sequence read a byte a character is decoded.
- `restore_letters`: a word with "\ufffd" or "?" for a letter is read as the form with å, ä or ö in its place that
  the lexicon knows; in a plan that has lost its letters (hardly any å/ä/ö, many words whose folded form the
  lexicon knows), each such word is written as its form with the letters ("ar" → "är", "uppfoljning" →
  "uppföljning", "foerskola" → "förskola"), while a folded form that is itself the commoner word
  stays ("har"). The lexicon (`planqa/data/letters.txt`) holds the train split's word forms with å/ä/ö and the
  plain forms they fold to, with their counts (train/letters_lexicon.py).

A line that got shorter is padded with spaces at its end (padding after each word, as `planqa.markup` does for
"&ouml;", would leave two spaces inside nearly every line of such a plan); `mojibake_offsets` and
`letters_offsets` give the way back for evidence (`back`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "letters.txt"
CONTEXT_PATH = Path(__file__).resolve().parent / "data" / "letters_context.txt"

_FOLD = str.maketrans("åäöÅÄÖ", "aaoAAO")
_SPELL_OUT = {"å": "aa", "ä": "ae", "ö": "oe"}
_MARK = str.maketrans(dict.fromkeys("åäö", "?"))

# Each byte as Windows-1252 shows it (Latin-1 where Windows-1252 has no character: "\x81", "\x9d"), and back.
_BYTE_CHARS = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
_CHAR_BYTES = {char: bytes([b]) for b, char in enumerate(_BYTE_CHARS)} | {chr(b): bytes([b]) for b in range(128, 160)}


def _shown(first: int, last: int) -> str:
    """A character class of the characters bytes `first` to `last` show as, in either reading."""
    chars = {_BYTE_CHARS[b] for b in range(first, last + 1)} | {chr(b) for b in range(first, last + 1)}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# A UTF-8 sequence read one byte a character: a lead byte and its continuation bytes ("Ã¶" for "ö", "â€“" for
# "–", "â˜’" for "☒"); what does not decode as UTF-8 stays as it is.
_FOLLOW = _shown(0x80, 0xBF)
_SEQUENCE = rf"{_shown(0xC2, 0xDF)}{_FOLLOW}|{_shown(0xE0, 0xEF)}{_FOLLOW}{{2}}|{_shown(0xF0, 0xF4)}{_FOLLOW}{{3}}"
_MOJIBAKE = re.compile(_SEQUENCE)
# A no-break space's first byte left before the space it became ("Â\xa0" read, then a plain space).
_NBSP_LEAD = re.compile(r"Â(?= )")

# A word of letters (a placeholder's "[BARN]" is no word: it follows "[").
_WORD = re.compile(r"(?<![\[\w])[A-Za-zÅÄÖåäöéÉ]+(?![\w])")
# A word with replacement marks or question marks for letters: marks inside, or at the start before
# letters ("?vrigt", "?VRIGT"), or at the end after letters ("p?").
_MARKED = re.compile(r"(?<![\w?\ufffd])(?:[?\ufffd]{1,2}(?=[A-Za-zåäö]))?[A-Za-zÅÄÖåäöé]+"
                     r"(?:[?\ufffd]{1,2}[A-Za-zÅÄÖåäöé]+)*[?\ufffd]{0,2}(?![\w])")
_MARKS = re.compile(r"[?\ufffd]{1,2}")
# A word or a number, the company a word is read in; the last one before a point.
_TOKEN = re.compile(r"\[[^\]\s]{1,20}\]|[A-Za-zÅÄÖåäöéÉ0-9]+")
_LAST_TOKEN = re.compile(r"(\[[^\]\s]{1,20}\]|[A-Za-zÅÄÖåäöéÉ0-9?\ufffd]+)[^A-Za-zÅÄÖåäöéÉ0-9?\ufffd\]]*$")
_INNER_QUESTION = re.compile(r"[A-Za-z]\?[A-Za-z]")


def read_mojibake(text: str) -> str:
    """`text` with its mojibake sequences decoded and a stray "Â" before a space as a space; each line that got
    shorter is padded with spaces at its end, so the text keeps its length (`mojibake_offsets` maps back)."""
    return in_lines(text, _mojibake_changes(text))


def mojibake_offsets(text: str) -> list[int] | None:
    """Per offset of `read_mojibake(text)`, the offset in `text` (`back` reads a span with it); None where the
    text has no mojibake."""
    return offsets(text, _mojibake_changes(text))


def _mojibake_changes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, decoded) per mojibake sequence and per stray "Â" before a space, in text order."""
    if not _has_mojibake(text):
        return []
    changes = [(m.start(), m.end(), _decoded(m)) for m in _MOJIBAKE.finditer(text)]
    changes += [(m.start(), m.end(), " ") for m in _NBSP_LEAD.finditer(text)]
    return sorted(c for c in changes if c[2] != text[c[0]:c[1]])


def _has_mojibake(text: str) -> bool:
    """Whether the text holds a mojibake sequence (the cheap test first: the lead of å, ä, ö, é, of the dashes,
    quotes and signs, of a no-break space or of an emoji, "Ã", "â", "Â" or "ð")."""
    return (not text.isascii() and ("Ã" in text or "â" in text or "Â" in text or "ð" in text)
            and (_MOJIBAKE.search(text) is not None or _NBSP_LEAD.search(text) is not None))


def _decoded(m: re.Match[str]) -> str:
    """The sequence's bytes read as UTF-8 (a space of another kind or a byte-order mark as a plain space, as
    `planqa.readable.visible` writes them); a sequence that is no UTF-8 stays as it is."""
    try:
        char = b"".join(_CHAR_BYTES[c] for c in m.group()).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return m.group()
    return " " if char.isspace() or char == "\ufeff" else char


def restore_letters(text: str) -> str:
    """`text` with its words that stand for words with å, ä or ö written with them; a line that got shorter
    ("foerskolan" → "förskolan") is padded with spaces at its end (`letters_offsets` maps back)."""
    return in_lines(text, _changes(text))


def letters_offsets(text: str) -> list[int] | None:
    """Per offset of `restore_letters(text)`, the offset in `text`; None where no word got shorter."""
    return offsets(text, _changes(text))


def damaged(text: str) -> bool:
    """Whether the stage would write `text` anew: mojibake, or words with marks for, or without, their å, ä and ö
    (`train/letters_lexicon.py` leaves such a text out, so that "malet" counts as no ordinary word)."""
    readable = read_mojibake(text)
    return readable != text or bool(_changes(readable))


def in_lines(text: str, changes: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, new) in text order replaced by `new` (no longer than what it replaces), and
    each line that got shorter padded with spaces at its end: the same length, and every line at its offsets."""
    if not changes:
        return text
    out, last, short = [], 0, 0
    for start, end, new in changes:
        line_end = _line_end(text, last)
        if short and start >= line_end:
            out += [text[last:line_end], " " * short]
            last, short = line_end, 0
        out += [text[last:start], new]
        short += end - start - len(new)
        last = end
    line_end = _line_end(text, last)
    out += [text[last:line_end], " " * short, text[line_end:]]
    return "".join(out)


def offsets(text: str, changes: list[tuple[int, int, str]]) -> list[int] | None:
    """Per offset of `in_lines(text, changes)` and its end, the offset in `text`: a character of a replacement
    points to what it replaces, the padding to its line's end; None where nothing got shorter."""
    if all(end - start == len(new) for start, end, new in changes):
        return None
    back: list[int] = []
    last, short = 0, 0
    for start, end, new in changes:
        line_end = _line_end(text, last)
        if short and start >= line_end:
            back += range(last, line_end)
            back += [line_end] * short
            last, short = line_end, 0
        back += range(last, start)
        back += [start] * len(new) if len(new) <= 1 else [start + min(i, end - start - 1) for i in range(len(new))]
        short += end - start - len(new)
        last = end
    line_end = _line_end(text, last)
    back += range(last, line_end)
    back += [line_end] * short
    back += range(line_end, len(text) + 1)
    return back


def back(start: int, end: int, offsets: list[int] | None) -> tuple[int, int]:
    """A span read with `offsets` (from `mojibake_offsets` or `letters_offsets`) in the text before the stage: a
    start at what its first character replaces, an end after what its last character replaces."""
    if offsets is None:
        return start, end
    return offsets[start], offsets[end]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _changes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, restored word) per word of `text` that `restore_letters` writes anew, in text order."""
    changes = _marked_words(text) if ("\ufffd" in text or "?" in text) else []
    if _lost_letters(text, len(changes)):
        lexicon = _lexicon()
        marked = {start for start, _, _ in changes}
        tokens = list(_TOKEN.finditer(text))
        for i, m in enumerate(tokens):
            word = m.group()
            key = word.lower()
            restored = lexicon.folded.get(key) or lexicon.spelt.get(key)
            if key in lexicon.ambiguous:
                before = context_word(tokens[i - 1].group(), lexicon) if i else ""
                after = context_word(tokens[i + 1].group(), lexicon) if i + 1 < len(tokens) else ""
                restored = lexicon.context.get((key, "<", before)) or lexicon.context.get((key, ">", after)) or restored
            if restored and restored != key and m.start() not in marked and _WORD.fullmatch(word) and _is_word(m):
                changes.append((m.start(), m.end(), cased(restored, word)))
        changes.sort()
    return changes


def _marked_words(text: str) -> list[tuple[int, int, str]]:
    """Words with "\ufffd" or "?" for a letter whose form with å, ä or ö the lexicon knows; a "?" only in a plan
    that shows it between letters (else it ends a question)."""
    questions = _INNER_QUESTION.search(text) is not None
    if "\ufffd" not in text and not questions:
        return []
    out = []
    for m in _MARKED.finditer(text):
        word = m.group()
        if "\ufffd" not in word and not (questions and "?" in word):
            continue
        capital, company = _starts_sentence(text, m.start(), m.end()), _company(text, m.start(), m.end())
        restored = _with_letters(word, capital, company)
        asked = word.rstrip("?")  # a question's mark after a word with marks: "Vad h?nder?"
        if not restored and asked != word and _MARKS.search(asked):
            restored = _with_letters(asked, capital, company)
            restored = restored and restored + word[len(asked):]
        if restored:
            out.append((m.start(), m.end(), restored))
    return out


def _company(text: str, start: int, end: int) -> tuple[str, str]:
    """The context words (`context_word`) before and after the word at `start`:`end`, "" where there is none."""
    before = _LAST_TOKEN.search(text, max(0, start - 40), start)
    after = _TOKEN.match(text, end + len(text[end:end + 40]) - len(text[end:end + 40].lstrip(" \t\n.,;:!?")))
    return (context_word(before.group(1)) if before else "", context_word(after.group()) if after else "")


def _starts_sentence(text: str, start: int, end: int) -> bool:
    """Whether a word at `start`:`end` begins the text, a line, a sentence, a field's value, a list item or a
    column (after a tab or wide spaces), or is a field's label (a colon after it)."""
    before = text[max(0, start - 40):start]
    stripped = before.rstrip(" \t")
    return (not stripped or stripped[-1] in "\n.!?:-•|" or before.endswith(("\t", "  "))
            or text.startswith(":", end))


def _with_letters(word: str, capital: bool, company: tuple[str, str]) -> str | None:
    """The word with each run of marks as the å, ä or ö that makes a lexicon form (the commonest, or the one its
    `company` asks for: "9 ?r" år), cased as the word (a mark that starts it as a capital letter where `capital`:
    "?vrigt" beginning a line); None where none does or the marks stand for no letter (a question's "?" after a
    known word)."""
    parts = _MARKS.split(word.lower())
    if len(parts) > 4:
        return None
    lexicon = _lexicon()
    counts = lexicon.counts
    best, best_count = None, 0
    candidates = [parts[0] + "".join(c + p for c, p in zip(letters, parts[1:]))
                  for letters in _combinations(len(parts) - 1)]
    for candidate in candidates:
        if counts.get(candidate, 0) > best_count:
            best, best_count = candidate, counts[candidate]
    for key in (marked(best), folded(best)) if best is not None else ():
        if key in lexicon.ambiguous:
            chosen = lexicon.context.get((key, "<", company[0])) or lexicon.context.get((key, ">", company[1]))
            if chosen in candidates:
                best = chosen
                break
    if best is None or (word.endswith("?") and counts.get(word.rstrip("?").lower(), 0) >= best_count):
        return None
    letters = _MARKS.sub("", word)
    shown = _MARKS.sub("X" if letters.isupper() and len(letters) > 1 else "x", word)  # one letter a run
    if capital and shown.startswith("x"):
        shown = "X" + shown[1:]
    return cased(best, shown)


def _combinations(n: int) -> list[str]:
    combos = [""]
    for _ in range(n):
        combos = [c + letter for c in combos for letter in "åäö"]
    return combos


def _lost_letters(text: str, marked: int = 0) -> bool:
    """Whether the plan has lost its å, ä and ö: they are rare (the cheap test: under one character in 200; in
    Swedish prose about one in 25), and more of its words have a lexicon form with the letters than there are
    words with them or with a mark for them (`marked`), at least three."""
    lettered = sum(text.count(c) for c in "åäöÅÄÖ") + marked
    if lettered * 200 >= len(text):
        return False
    lexicon = _lexicon()
    restorable = with_letters = 0
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word in lexicon.folded or word in lexicon.spelt:
            restorable += 1
        elif word != word.translate(_FOLD):
            with_letters += 1
    return restorable >= 3 and restorable > with_letters + marked


def _is_word(m: re.Match[str]) -> bool:
    """Whether the token is a word of its own: no placeholder's inside after "[", no part of "NAMN_1", "a1b" or of
    a word with a mark for a letter ("b?sta")."""
    text, start, end = m.string, m.start(), m.end()
    before, after = text[start - 1:start], text[end:end + 1]
    return not (before.isalnum() or before in ("[", "_", "?", "\ufffd") or after.isalnum() or after in ("_", "\ufffd")
                or (after == "?" and text[end + 1:end + 2].isalpha()))


def context_word(token: str, lexicon: _Lexicon | None = None) -> str:
    """A word as the context table keys it: lower case and folded, a number as "0", a placeholder without its
    number ("[namn_]"); an aa/ae/oe spelling read first, with `lexicon`."""
    word = token.lower()
    if word.startswith("["):
        return "".join(c for c in word if not c.isdigit())
    if any(c.isdigit() for c in word):
        return "0"
    if lexicon is not None and word in lexicon.spelt:
        word = lexicon.spelt[word]
    return folded(word)


def cased(restored: str, word: str) -> str:
    """`restored` (lower case) in the case of `word`: upper case, a capital first letter, or as it is."""
    if word.isupper() and len(word) > 1:
        return restored.upper()
    if word[:1].isupper():
        return restored[:1].upper() + restored[1:]
    return restored


def folded(word: str) -> str:
    """The word without dots and rings: å and ä as a, ö as o."""
    return word.translate(_FOLD)


def marked(word: str) -> str:
    """The word with "?" for each å, ä and ö."""
    return word.translate(_MARK)


def spelt_out(word: str) -> str:
    """The word with å, ä and ö spelt as aa, ae and oe."""
    return "".join(_SPELL_OUT.get(c, c) for c in word)


class _Lexicon:
    """The word forms with their counts, the folded and spelt-out forms each stands for, where the form with
    å, ä or ö is the commoner, and the company in which a folded form stands for its rarer word."""

    def __init__(self, counts: dict[str, int], context: dict[tuple[str, str, str], str]) -> None:
        self.counts = counts
        self.folded = self._keyed(folded)
        self.spelt = self._keyed(spelt_out)
        self.context = context  # (folded form, "<" or ">", the word before or after) → the form read there
        self.ambiguous = frozenset(key for key, _, _ in context)

    def _keyed(self, key) -> dict[str, str]:
        best: dict[str, str] = {}
        for word, n in self.counts.items():
            k = key(word)
            if k != word and n > self.counts.get(k, 0) and n > self.counts.get(best.get(k, ""), 0):
                best[k] = word
        return best


def read_counts(path: Path) -> dict[str, int]:
    """A lexicon file's word forms and counts (`word<TAB>count` a line, `#` comments)."""
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, n = line.split("\t")
            counts[word] = int(n)
    return counts


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    counts = read_counts(LEXICON_PATH)
    context = {}
    for line in CONTEXT_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, side, word, form = line.split("\t")
            context[key, side, word] = form
    return _Lexicon(counts, context)


