"""Ordinary typing mistakes read as the words the writer meant.

A plan written in a hurry and never proofread has slips: a letter dropped, swapped, doubled or hit on the key next
to it ("uppföjning", "ansvarg", "vårdnadshavre", "måål"), words split or run together ("upp följning", "elev
hälsan", "nästamöte", "skolankallar"), no space after a full stop or comma ("möte.Skolan"), a word typed twice
("att att"). The rules' patterns spell the words that matter correctly, so one slip hides such a word.
GUIDELINES 4 (block 90): judge what the writer meant where it can be read unambiguously. `mend` reads the text
after `planqa.readable`'s repairs and writes:

- a word that is no known word form as the one frequent form one edit away (a letter dropped, added, replaced or
  two neighbours swapped), the domain's key words first; nothing where two candidates are about as likely;
- two words as one where the joined form is a frequent word and the two are no common phrase ("upp följning");
- an unknown word as two where both halves are frequent words and only one cut makes them ("nästamöte");
- a space after a full stop or comma that has none between words ("möte.Skolan", "12/3,soc"), and a word typed
  twice as once ("att att").

Words of under `MIN_LENGTH` letters, capitalised words inside a sentence (names), abbreviations in capitals
(a heading in capitals is mended, as `planqa.capitals` leaves it so: "UPPFÖJNING:"),
placeholders, numbers and lines in English stay as they are. Known words are the TRAIN split's word forms
(`planqa/data/words.txt`, train/spelling_lexicon.py), so a slip that a real word makes is never mended.
The text changes length: `mend` gives a `planqa.placeholders.Rewritten`, and `planqa.placeholders.moved_back` maps
an assessment's evidence back.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from functools import lru_cache
from pathlib import Path

from planqa.capitals import ABBREVIATIONS
from planqa.language import ENGLISH
from planqa.letters import cased, read_counts
from planqa.placeholders import Rewritten, rewrite
from planqa.wordlists import first_names, places, surnames

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "words.txt"

MIN_LENGTH = 4  # shorter words have too many neighbours to mend; a doubled letter is mended from this length
MIN_EDITED = 6  # a letter dropped, added or replaced is mended from this length, never the first or the last
MIN_PART = 4  # each part of a run-together pair has this many letters
MIN_CUT = 100  # and is seen this often in the train split
MIN_TARGET = 20  # a mended word, a joined or a split word's part is seen this often in the train split
JOIN_LEAD = 20  # a joined word is seen this many times as often as its parts as a phrase
CLEAR_LEAD = 5  # the chosen candidate is seen this many times as often as the next
PLAUSIBLE = 10  # an unknown word whose each three letters are seen in this many known words looks like a word
# Stems of the words the criteria turn on: a candidate among others that starts with one of them is chosen
KEY_STEMS = ("uppfölj", "ansvar", "vårdnadshav", "socialtjänst", "mål", "kallar", "elevhälsa", "skolan",
             "samordn", "insats", "behov", "samtycke", "förälder", "föräldrar", "mamma", "pappa", "kurator",
             "mentor", "rektor", "psykolog", "habilitering", "förskola", "möte", "nästa", "delmål")
# Letters a Swedish word form ends in when inflected ("skolas", "mentors", "mötet", "kallade")
_INFLECTED_ENDS = "adenrst"
# Small words that are never typed twice on purpose
# ("för för" is Swedish: "programmet för för tidigt födda")
_NEVER_TWICE = frozenset(["att", "och", "ska", "som", "med", "till", "på", "av", "är", "vill", "kan", "inte"])

# A verb form's ending → the endings of the same verb's other forms: an unknown word that ends in one of them on a
# stem whose other form is known is that verb's form, no slip ("besökt", "mötte", "samtyckte" beside "besöker",
# "möter", "samtycker"; "sparat" beside "sparar"; "trycka" beside "trycker")
_VERB_FORMS = {"a": ("er", "ar"), "er": ("a", "te", "de"), "de": ("er",), "te": ("er",), "t": ("er",),
               "tt": ("er", "a"), "ar": ("a", "ade"), "ade": ("ar", "a"), "at": ("ar", "a"), "ad": ("ar", "a")}
_VOWELS = frozenset("aeiouyåäöé")  # a vowel added is a slip more often than a word ("förest")
# Each key's neighbours on a Swedish keyboard (a row's key sits between two keys of the row above)
_KEY_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
_NEAR_KEYS = {key: "".join(row[max(0, i - 1):i] + row[i + 1:i + 2]
                           + (_KEY_ROWS[r - 1][i:i + 2] if r else "")
                           + (_KEY_ROWS[r + 1][max(0, i - 1):i + 1] if r + 1 < len(_KEY_ROWS) else ""))
              for r, row in enumerate(_KEY_ROWS) for i, key in enumerate(row)}

_WORD_BEFORE = re.compile(r"[\[\w\-/@.]")  # a character a word does not follow
_WORD_AFTER = re.compile(r"[\w\]\-/@]")  # a character a word is not followed by
_LOWER_WORD = re.compile(r"[a-zåäöé]+")  # the words of a lower-cased text, for the cheap test
_TWICE = re.compile(rf"\b({'|'.join(sorted(_NEVER_TWICE))}) \1\b", re.IGNORECASE)
# A full stop before a capital, or a comma before a letter, after a word, a number or a placeholder, no space after it
_NO_SPACE = re.compile(r"[.,](?:(?<=[a-zåäö0-9]{2}[.,])|(?<=\][.,]))"
                       r"(?:(?<=\.)(?=[A-ZÅÄÖ][a-zåäö])|(?<=,)(?=[A-Za-zÅÄÖåäö\[]))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•\-–|*\t]|\d[.)])[ \t\"'(]*$")


def mend(text: str) -> Rewritten:
    """`text` with its typing mistakes mended, and where each change went (`Rewritten.spans`)."""
    low = text.lower()
    tokens = _LOWER_WORD.findall(low)
    changes = _spaces(text) + _twice(text, tokens) + _words(text, low, tokens)
    if not changes:
        return Rewritten(text, text)
    changes.sort()
    kept, last = [], -1
    for start, end, new in changes:  # overlapping changes: the first wins
        if start >= last:
            kept.append((start, end, new))
            last = end
    return rewrite(text, kept)


def _spaces(text: str) -> list[tuple[int, int, str]]:
    """A full stop before a capital or a comma before a letter with no space after it: the mark and a space."""
    if "." not in text and "," not in text:
        return []
    return [(m.start(), m.end(), m.group() + " ") for m in _NO_SPACE.finditer(text)]


def _twice(text: str, tokens: list[str]) -> list[tuple[int, int, str]]:
    """A small word typed twice in a row ("att att") as once (the cheap test first: the text's `tokens`, its
    lower-case words, hold such a word twice in a row)."""
    if not _NEVER_TWICE.intersection(map(_same, tokens, tokens[1:])):
        return []
    return [(m.start(), m.end(), m.group(1)) for m in _TWICE.finditer(text)]


def _same(first: str, second: str) -> str:
    return first if first == second else ""


def _words(text: str, low: str, tokens: list[str]) -> list[tuple[int, int, str]]:
    """Unknown words mended or cut in two, and two words that are one word's parts joined (the cheap test first:
    of the `tokens` of the lower-cased text `low`, the unknown ones that have a mend, the pairs that make a joined
    word)."""
    lexicon = _lexicon()
    mends = {w: new for w in set(tokens).difference(lexicon.counts)
             if len(w) >= MIN_LENGTH and (new := lexicon.mended(w))}
    pairs = lexicon.joins.intersection(map(operator.add, tokens, tokens[1:]))
    if not mends and not pairs:
        return []
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): no offsets to share
        return []
    changes = []
    for key, new in mends.items():
        for start, end in _found(low, key):
            word = text[start:end]
            if _mendable(text, start, word) and not _english(text, start):
                changes.append((start, end, cased(new, word)))
    split = {(a, b) for a, b in itertools.pairwise(tokens) if a + b in pairs and lexicon.not_phrase(a, b)}
    for first, second in split:
        changes += [(start, end, first + second) for start, end in _found(low, f"{first} {second}")
                    if text[start:end].islower()]
    return changes


def _found(low: str, key: str) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of `key` in the lower-cased text `low` as a word of its own: not inside a
    placeholder, another word, a hyphenated word, a path or an address."""
    found, start = [], low.find(key)
    while start >= 0:
        end = start + len(key)
        if ((start == 0 or _WORD_BEFORE.match(low, start - 1) is None)
                and (end == len(low) or _WORD_AFTER.match(low, end) is None)):
            found.append((start, end))
        start = low.find(key, end)
    return found


def _mendable(text: str, start: int, word: str) -> bool:
    """Whether a word may be a slip: lower case, capitalised where a sentence, line or field starts, or in
    capitals with `MIN_EDITED` letters or more; no name or place, no abbreviation in capitals."""
    if word.islower():
        return True
    if word.isupper():  # a heading or label in capitals ("UPPFÖJNING:"), which `planqa.capitals` keeps so
        return len(word) >= MIN_EDITED and word not in ABBREVIATIONS and not _name(word.title())
    if not word[0].isupper() or not word[1:].islower():
        return False
    before = text[max(0, start - 30):start].rsplit("\n", 1)[-1]
    return _SENTENCE_START.search(before) is not None and not _name(word)


def _name(word: str) -> bool:
    return word in first_names() or word in surnames() or word in places()


def _english(text: str, start: int) -> bool:
    """Whether the word's line reads as English (two or more of `planqa.language.ENGLISH`'s words)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].lower()
    return sum(1 for w in re.findall(r"[a-zåäöé]+", line) if w in ENGLISH) >= 2


class _Lexicon:
    """The known word forms with their counts, a deletion index of the frequent ones, and the joined words."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        names = first_names() | surnames()
        frequent = [w for w, n in counts.items() if n >= MIN_TARGET and " " not in w and w.title() not in names]
        self.frequent = frozenset(frequent)
        self.deletions: dict[str, list[str]] = {}  # a frequent word with one letter deleted → the words
        for word in frequent:
            if len(word) >= MIN_LENGTH - 1:
                for d in _deletions(word):
                    self.deletions.setdefault(d, []).append(word)
        self.seen: dict[str, str | None] = {}  # unknown words and what `mended` made of them
        self.sorted = sorted(w for w in counts if " " not in w)
        self.joins = frozenset(w for w in frequent if len(w) >= 6)  # words that two split parts may make
        self.trigrams: dict[str, int] = {}  # three letters in a row (start and end marked) → known words with them
        for word in self.sorted:
            marked = f"#{word}#"
            for trigram in {marked[i:i + 3] for i in range(len(marked) - 2)}:
                self.trigrams[trigram] = self.trigrams.get(trigram, 0) + 1

    def not_phrase(self, first: str, second: str) -> bool:
        """Whether the two words are no phrase of their own: the joined word is seen `JOIN_LEAD` times as often as
        the phrase, and where both are words, each has four letters or more and the phrase is never seen ("in om"
        and "var för" stay)."""
        phrase = self.counts.get(f"{first} {second}", 0)
        if first in self.counts and second in self.counts:
            return phrase == 0 and min(len(first), len(second)) >= MIN_LENGTH
        return phrase * JOIN_LEAD < self.counts[first + second]

    def mended(self, word: str) -> str | None:
        """An unknown lower-case word as the frequent word it is a slip for, or as two frequent words (each word
        worked out once)."""
        if word not in self.seen:
            if len(self.seen) > 100_000:  # a long-running service forgets now and then
                self.seen.clear()
            self.seen[word] = self.nearest(word) or self.cut(word)
        return self.seen[word]

    def nearest(self, word: str) -> str | None:
        """The one frequent word one edit from `word` (a key word first), or None."""
        candidates = set(self.deletions.get(word, ()))  # a letter dropped
        for d in _deletions(word):
            if d in self.frequent:  # a letter added
                candidates.add(d)
            candidates.update(c for c in self.deletions.get(d, ()) if _one_edit(word, c))  # replaced, swapped
        candidates = {c for c in candidates if _slip(word, c)}
        if not candidates or self.word_form(word):
            return None
        if self.plausible(word):  # a consonant added or a letter replaced between two plausible words: no clear slip
            candidates = {c for c in candidates if not _word_like_edit(word, c)}
            if not candidates:
                return None
        for chosen in ([c for c in candidates if c.startswith(KEY_STEMS)],  # a key word
                       [c for c in candidates if c[0] == word[0] and c[-1] == word[-1]]):  # the word's ends kept
            if len(chosen) == 1:
                return chosen[0]
            candidates = chosen or candidates
        ranked = sorted(candidates, key=self.counts.__getitem__, reverse=True)
        if len(ranked) == 1 or self.counts[ranked[0]] >= CLEAR_LEAD * self.counts[ranked[1]]:
            return ranked[0]
        return None

    def word_form(self, word: str) -> bool:
        """Whether `word` is a known word with a genitive or passive "s" ("skolas") or another form of a known verb
        (`_VERB_FORMS`)."""
        if word.endswith("s") and word[:-1] in self.counts:
            return True
        return any(word.endswith(end) and len(word) - len(end) >= 3
                   and any(word[:-len(end)] + other in self.counts for other in others)
                   for end, others in _VERB_FORMS.items())

    def plausible(self, word: str) -> bool:
        """Whether each three letters of `word` (its start and end marked) are seen in `PLAUSIBLE` known words."""
        marked = f"#{word}#"
        return all(self.trigrams.get(marked[i:i + 3], 0) >= PLAUSIBLE for i in range(len(marked) - 2))

    def cut(self, word: str) -> str | None:
        """`word` as two frequent words where exactly one cut makes them ("nästamöte"), or None."""
        cuts = [(word[:i], word[i:]) for i in range(MIN_PART, len(word) - MIN_PART + 1)
                if self.counts.get(word[:i], 0) >= MIN_CUT and self.counts.get(word[i:], 0) >= MIN_CUT]
        if len(cuts) != 1 or self._head(cuts[0][0]):
            return None
        return " ".join(cuts[0])

    def _head(self, part: str) -> bool:
        """Whether a known word starts with `part` and goes on for three letters or more: then `part` begins
        compounds ("personal" in "personalgruppen") and a word starting with it is no run-together pair."""
        i = bisect.bisect_right(self.sorted, part)
        return any(len(w) >= len(part) + 3 for w in itertools.takewhile(lambda w: w.startswith(part), self.sorted[i:]))


def _slip(word: str, meant: str) -> bool:
    """Whether `word` is a likely slip for `meant`, one edit away, never at the first letter: two neighbours
    swapped (words of five letters or more), a letter doubled, and in words of `MIN_EDITED` letters or more a
    letter dropped (not the last), one hit on a key next to its neighbour's or one replaced by its key's
    neighbour (not in the ending, and a replaced one in longer words): "minns" finns, "digitala" digitalt,
    "skötas" sköts, "burken" buren, "täcker" tycker and "klocka" klicka are other words. A key word is mended
    from five letters, and in its ending where the slip ends the word in a letter no inflection ends in
    ("skolam", "mentoe")."""
    at = next((i for i, (a, b) in enumerate(zip(word, meant)) if a != b), min(len(word), len(meant)))
    if at == 0:
        return False
    key = meant.startswith(KEY_STEMS)
    shortest = 5 if key else MIN_EDITED
    ending = len(word) - 2 if not key or word[-1] in _INFLECTED_ENDS else len(word)
    if len(word) == len(meant):
        if word[at + 1:at + 2] == meant[at] and word[at] == meant[at + 1:at + 2]:
            return len(word) >= 5  # swapped
        return (len(word) >= (shortest if key else MIN_EDITED + 1) and at < ending
                and meant[at] in _NEAR_KEYS.get(word[at], ""))
    if len(word) == len(meant) + 1:  # a letter too many
        if word[at] in (word[at - 1], word[at + 1:at + 2]):
            return True  # doubled
        near = _NEAR_KEYS.get(word[at], "")
        return len(word) >= shortest and at < ending and (word[at - 1] in near or word[at + 1:at + 2] in near)
    return len(meant) >= shortest and (at < len(meant) - 1 or key and word[-1] not in _INFLECTED_ENDS)  # dropped


def _word_like_edit(word: str, meant: str) -> bool:
    """Whether `word` is `meant` with a consonant added (not doubled) or one letter replaced by another, the edits
    that make one word of another ("kontrakt" kontakt, "trappar" tappar, "grunden" grinden)."""
    at = next((i for i, (a, b) in enumerate(zip(word, meant)) if a != b), len(meant))
    if len(word) == len(meant) + 1:
        return word[at] not in _VOWELS and word[at] not in (word[at - 1], word[at + 1:at + 2])
    return len(word) == len(meant) and word[at + 1:] == meant[at + 1:]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(word: str, other: str) -> bool:
    """Whether two words of the same length differ in one letter or in two neighbours swapped."""
    if len(word) != len(other):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]])


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(read_counts(LEXICON_PATH))
