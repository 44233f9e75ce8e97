"""Person names: lookup lists plus Swedish context rules, as a presidio EntityRecognizer.

Rules, in order of strength (scores in brackets; the gate blocks from 0.8):

- a role or family word right before ("kurator Jonas", "mamma Saras"), a form field
  ("Vårdnadshavare: ..."), a role right after ("Jonas, mentor"), a signature line, a
  personnummer right after ("Sara (120315-...)") [0.9];
- a name from the lists, in the middle of a sentence [0.85]; at the start of a sentence
  only with a verb after ("Sara har ...") [0.85], otherwise [0.6];
- a listed name that is also a word (Sten, Ros, Hans, Per) counts in the middle of a
  sentence [0.75] or with a verb after [0.8], never as "Hans mamma", "Per vecka";
- next to a name: a surname after a first name, "X och Y", "X (Y)" [0.9];
- an unknown capitalised word in the middle of a sentence that is no place, agency or
  institution [0.6];
- every other occurrence of a name confirmed in the text [0.85].

Genitives: "Saras" is found as "Sara" (+ "s") when "Sara" is a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from planqa.actors import _actor_pattern, _role_pattern
from planqa.pseudonymise import lexicon

LANG = "sv"
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*")
_BREAK = set(".!?:;•*|\t–—\"”“([{=>#☐☑✓")
_PNR_AFTER = re.compile(r"[ \t]*[,(][ \t]*(?:född|f\.|pnr:?)?[ \t]*(?:\d{2})?\d{6}[ ]?[-+]?[ ]?\d{4}")
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
_LIST_SPLIT = re.compile(r"[\s,&/]+")
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|von|van|af|de|da|di|der|den)(?:-[^\W\d_]|$)")
_SUFFIX_NOT_NAME = (
    "ionen", "verket", "jouren", "ningen", "heten", "kassan", "styrelsen", "nämnden", "centralen",
    "mottagningen", "enheten", "huset", "kontoret", "tjänsten", "förvaltningen", "avdelningen", "rätten",
    "myndigheten", "inspektionen", "kliniken", "boendet", "hemmet", "gården", "skolan", "gymnasiet",
    "stiftelsen", "föreningen", "förbundet", "kommun", "kommunen", "regionen", "landstinget", "sjukhuset",
    "lasarettet", "akuten", "appen", "programmet", "metoden", "modellen", "planen", "lagen", "balken",
    "konventionen", "syndrom", "sjukdom", "dagen", "veckan", "lovet", "terminen", "året",
)
# schools and units are ENHET, not persons: "Söderskolan", "Björkbacken"s "HVB-hemmet"
_UNIT_SUFFIXES = ("skolan", "skola", "skolans", "gymnasiet", "gymnasium", "förskolan", "hemmet", "gården",
                  "fritids", "boendet")
# letters of other alphabets' names (Bożena, Birgül, Dževad): no Swedish common noun has them
_FOREIGN_LETTERS = re.compile(r"[ąćęłńśźżçğışüčšžđřěůőűãõñîâêôûàèìòùáíóúýÿœæø]")
VERBS = frozenset("""
är var blir blev har hade går gick säger sa sade vill ville ska skall skulle kan kunde får fick bor bodde
berättar berättade tycker tyckte behöver behövde tränar kommer kom mår mådde gillar önskar önskade uppger
uppgav ansvarar ringer ringde deltar deltog träffar träffade vet visste brukar bokar skickar kontaktar pratar
mailar mejlar hämtar lämnar börjar började slutar saknar känner kände upplever beskriver beskrev menar anser
ser såg fyller jobbar arbetar studerar läser hjälper stöttar följer sköter tar tog gör gjorde meddelar
meddelade samtycker godkänner föreslår föreslog kallar heter hette verkar bokade kallade skickade hälsade
undrar undrade frågar frågade svarar svarade lovar lovade mailade ringer ansvarade stannar stannade
åker åkte kör körde tackar sover sov äter åt leker lekte spelar spelade vågar vågade orkar orkade hoppas
hälsar skriver skrev hörde hör läste får önskar deltog avböjde uteblev medverkade närvarade informerades
kallades
""".split())


# Endings of weak verbs in the past tense and passive ("Närvarade", "Kallades", "Informerades", "Meddelats"); not
# "-des"/"-tes", which surnames have (Fernandes, Fuentes).
_VERB_ENDINGS = ("ade", "ades", "ats")
_CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-zåäö]|\.(?:\s|$)")


def starts_clause(text: str, word: _Tok) -> bool:
    """The word is a verb form that a clause goes on from ("Kallades inte.", "Deltog via telefon.", "Närvarade."):
    a listed verb or a weak verb's past tense or passive, followed by a lower-case word or a full stop. A form
    field's answer that starts so ("Vårdnadshavare: Kallades inte.") is no name."""
    low = word.low
    verb = low in VERBS or (len(low) >= 6 and low.endswith(_VERB_ENDINGS))
    return verb and bool(_CLAUSE_GOES_ON.match(text, word.end))


@lru_cache(maxsize=4096)
def is_keep_word(words: str) -> bool:
    """An agency or role surface form (BUP, socialtjänsten, Kuratorn, Maria Ungdom), per planqa.actors."""
    return bool(_actor_pattern().fullmatch(words) or _role_pattern().fullmatch(words))


_DISEASE_AFTER = re.compile(r"\s*(?:syndrom|sjukdom)")  # "Tourettes syndrom", "Crohns sjukdom"
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–•*☐☑]|\d+[.)])[ \t]*")
_BULLET_LINE = re.compile(r"[ \t]*(?:[-–•*☐☑>]|\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)]|\(?[a-z]\))?[ \t]*")


class _Tok:
    __slots__ = ("text", "start", "end", "gap", "low", "cap", "initial")

    def __init__(self, text: str, start: int, end: int, gap: str, initial: bool) -> None:
        self.text, self.start, self.end, self.gap, self.initial = text, start, end, gap, initial
        self.low = text.lower()
        # a capital first letter and no capitals inside a word part: "SoL", "HbA1c", "BVC-besök" are no names
        self.cap = text[0].isupper() and _capitalised(text)


def _capitalised(text: str) -> bool:
    """No capitals after the first letter of any hyphen-separated part (the first letter is upper)."""
    parts = text.split("-")
    if len(parts[0]) > 1 and parts[0].isupper():
        return False
    return all(_no_capitals(part[1:]) for part in parts)


def _no_capitals(word: str) -> bool:
    # islower() is the quick answer for the usual word; it is False for a word without cased letters
    return word.islower() or not any(c.isupper() for c in word)


def tokens(text: str) -> list[_Tok]:
    """Words with their position and the text before them (`gap`, from the previous word or the
    text's start); `initial` when a word starts a sentence, line or field."""
    toks: list[_Tok] = []
    last = 0
    for m in _WORD_RE.finditer(text):
        s = m.start()
        gap = text[last:s]
        if not toks or "\n" in gap or "  " in gap or "\t" in gap:
            initial = True
        elif len(toks[-1].text) == 1 and _BULLET_LINE.fullmatch(text, text.rfind("\n", 0, s) + 1, s):
            initial = True  # "a) Sara": a bullet has at most one letter, so a longer word before is none
        else:
            before = gap.rstrip(" \u00a0")
            ch = before[-1] if before else ""  # only spaces since the last word: no break
            initial = ch in _BREAK or (ch == "-" and gap.strip() == "-") or (ch == "'" and gap.strip() == "'")
        last = m.end()
        toks.append(_Tok(m.group(), s, last, gap, initial))
    return toks


def _in_keep_word(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i is part of an agency or role name of one to three words joined by single spaces
    ("BUP", "Maria Ungdom", "god man")."""
    first = i  # the earliest word joined to i, at most two back
    while first > max(0, i - 2) and toks[first].gap == " ":
        first -= 1
    last = i  # the latest word joined to i, at most two on
    while last < min(i + 2, len(toks) - 1) and toks[last + 1].gap == " ":
        last += 1
    for a in range(first, i + 1):
        for b in range(i, min(a + 2, last) + 1):
            if is_keep_word(text[toks[a].start:toks[b].end]):
                return True
    return False


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """[start, end) overlaps one of `spans` (sorted, non-overlapping)."""
    k = bisect_left(spans, (end,)) - 1  # the last span starting before `end`
    return k >= 0 and spans[k][1] > start


class PersonRecognizer(EntityRecognizer):
    SCORE_CONTEXT = 0.9
    SCORE_LEXICON = 0.85
    SCORE_AMBIGUOUS = 0.75
    SCORE_WEAK = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="SvPersonRecognizer", supported_language=LANG)

    def load(self) -> None:
        from spacy.lang.sv.stop_words import STOP_WORDS

        self.names = lexicon.first_names() | lexicon.surnames()
        self.ambiguous = lexicon.word_names()
        self.not_names = lexicon.not_names()
        self.places = lexicon.places()
        self.stop = frozenset(STOP_WORDS) | {"hen", "hens", "samt", "ska", "bör", "även", "också", "enligt",
                                             "inför", "efter", "före", "kl", "idag", "både", "varje", "ingen",
                                             "inget", "inga", "alla", "båda", "vissa", "några", "många"}
        self.triggers = frozenset(lexicon.FAMILY_WORDS + lexicon.ROLE_WORDS)
        self.labels = frozenset(lexicon.LABEL_WORDS)
        self.greetings = frozenset(lexicon.GREETINGS)
        self.naming = frozenset(lexicon.NAMING_VERBS)
        self.locative = frozenset(lexicon.LOCATIVE_WORDS)
        self.time_words = frozenset(lexicon.MONTHS + lexicon.WEEKDAYS)

    # -- word classes ----------------------------------------------------------------------
    def _listed(self, word: str) -> bool:
        if word in self.names:
            return True
        if "-" in word:  # Anna-Karin, Ahmed-Lindqvist, Al-Hassan
            parts = [p for p in word.split("-") if p]
            if len(parts) > 1 and all(p in self.names or p.capitalize() in self.names for p in parts[1:]):
                return parts[0] in self.names or parts[0].lower() in ("al", "el", "abu", "bin", "ibn")
        return False

    def _blocked(self, tok: _Tok) -> bool:
        low = tok.low
        if low in self.not_names or low in self.time_words or low in self.triggers:
            return True
        if len(low) > 4 and low.endswith("s") and (low[:-1] in self.not_names or low[:-1] in self.time_words):
            return True
        return lexicon.lemma(low) in self.triggers

    # -- main ------------------------------------------------------------------------------
    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        toks = tokens(text)
        n = len(toks)
        if not n:
            return []
        holes = lexicon.placeholder_spans(text)

        def joined(i: int) -> bool:
            """Tokens i and i+1 are one name: a single space between, and i is no genitive."""
            return i + 1 < n and toks[i + 1].gap in (" ", "\u00a0") and length[i] == len(toks[i].text)

        listed = [False] * n
        length = [0] * n
        cand = [False] * n
        for i, t in enumerate(toks):
            w = t.text.rstrip("'’")
            length[i] = len(w)
            if self._listed(w):
                listed[i] = True
            elif len(w) > 3 and w.endswith("s") and self._listed(w[:-1]) and not self._verb_after(toks, i, text):
                listed[i] = True
                length[i] = len(w) - 1
            cand[i] = (t.cap and len(t.text) >= 2 and not self._blocked(t)
                       and not (holes and _overlaps(holes, t.start, t.end))
                       and not _DISEASE_AFTER.match(text, t.end, t.end + 10)
                       and not t.low.endswith(_UNIT_SUFFIXES)
                       and not _in_keep_word(toks, i, text))
        # a name that is also a word, or a stop word (read for candidates only)
        amb = [cand[i] and (toks[i].text[:length[i]] in self.ambiguous or toks[i].low in self.stop)
               for i in range(n)]
        score = [0.0] * n

        # pass 1: each word on its own and its immediate context
        for i, t in enumerate(toks):
            if not cand[i]:
                continue
            ctx = (listed[i] or (t.low not in self.stop and not starts_clause(text, t))) and (
                self._trigger_before(toks, i, text) or self._after_label(text, t.start, t.end)
                or self._role_after(toks, i, text) or self._signature_line(text, t.start, t.end)
                or bool(_PNR_AFTER.match(text, t.end)))
            verb = self._verb_after(toks, i, text)
            after_loc = i > 0 and toks[i - 1].low in self.locative
            place = t.text[:length[i]] in self.places
            if ctx:
                score[i] = self.SCORE_CONTEXT
            elif listed[i] and not amb[i]:
                score[i] = self.SCORE_LEXICON if (not t.initial or verb) else self.SCORE_WEAK
                if place and after_loc:
                    score[i] = 0.0
            elif listed[i]:  # a name that is also a word
                if not t.initial and not (after_loc and place):
                    score[i] = self.SCORE_AMBIGUOUS
                elif t.initial and verb:
                    score[i] = 0.8
            elif t.low not in self.stop and not place and not t.low.endswith(_SUFFIX_NOT_NAME) and len(t.text) >= 3:
                if not t.initial and not after_loc and not text.startswith(":", t.end):
                    score[i] = self.SCORE_WEAK
                elif _FOREIGN_LETTERS.search(t.low) and not text.startswith(":", t.end):
                    score[i] = self.SCORE_WEAK

        # pass 2: neighbours of names
        for _ in range(4):
            changed = False
            for i in range(n):
                if score[i] >= self.SCORE_LEXICON:
                    continue
                t = toks[i]
                if not cand[i]:
                    # lower-case particles inside a name: "Omar al-Khatib", "Ludwig von Essen"
                    if (i and score[i - 1] and joined(i - 1) and _PARTICLE.match(t.text)
                            and ("-" in t.text or (i + 1 < n and toks[i + 1].cap and joined(i)))):
                        score[i] = max(score[i - 1], self.SCORE_LEXICON)
                        changed = True
                    continue
                new = 0.0
                left = i > 0 and score[i - 1] >= self.SCORE_WEAK and joined(i - 1)
                right = i + 1 < n and score[i + 1] >= self.SCORE_WEAK and joined(i)
                ok_word = listed[i] or t.low not in self.stop
                if (left and not t.initial and ok_word) or (right and ok_word):
                    new = self.SCORE_CONTEXT
                elif ok_word and self._coordinated(toks, i, score, text):
                    new = self.SCORE_CONTEXT
                elif ok_word and self._parenthesised(toks, i, score, listed, text):
                    new = self.SCORE_CONTEXT
                if new > score[i]:
                    score[i] = new
                    changed = True
            # both parts of a full name get the stronger score ("Sara Ahmed" at a line start)
            for i in range(n - 1):
                if score[i] and score[i + 1] and joined(i):
                    best = max(score[i], score[i + 1], self.SCORE_LEXICON)
                    if score[i] < best or score[i + 1] < best:
                        score[i] = score[i + 1] = best
                        changed = True
            if not changed:
                break

        # pass 3: the first words of list items ("☐ Sara: ringer BUP", "- Omar skickar kallelse")
        # are names when another item of the same list starts with a name
        self._list_items(toks, text, score, cand, listed)

        # pass 4: other occurrences of names found in the text
        found: dict[str, float] = {}
        for i in range(n):
            if score[i] >= self.SCORE_WEAK:
                base = toks[i].text[:length[i]]
                found[base] = max(found.get(base, 0.0), score[i])
        for i, t in enumerate(toks):
            if score[i] >= self.SCORE_LEXICON or not cand[i]:
                continue
            base = t.text[:length[i]]
            if base not in found:
                if t.text.endswith("s") and t.text[:-1] in found and not self._verb_after(toks, i, text):
                    length[i] = len(t.text) - 1
                    base = t.text[:-1]
                else:
                    continue
            genitive = length[i] < len(t.text.rstrip("'’"))
            if amb[i] and t.initial and not genitive and not self._verb_after(toks, i, text) and not (
                    i + 1 < n and score[i + 1] and joined(i)):
                continue
            new = min(found[base], self.SCORE_LEXICON)
            if new > score[i]:
                score[i] = new

        # merge adjacent name words into spans
        results = []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        i = 0
        while i < n:
            if not score[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and score[j + 1] and joined(j):
                j += 1
            results.append(RecognizerResult("PERSON", toks[i].start, toks[j].start + length[j], max(score[i:j + 1]),
                                            recognition_metadata=dict(meta)))
            i = j + 1
        return results

    # -- context rules -----------------------------------------------------------------------
    def _trigger_before(self, toks: list[_Tok], i: int, text: str) -> bool:
        """'mamma Sara', 'kurator Jonas', 'heter Sara', 'god man Omar' (same line, nothing but ':' between)."""
        if i == 0:
            return False
        between = toks[i].gap
        if "\n" in between or between.strip(" \u00a0:") != "":
            return False
        prev = toks[i - 1]
        if lexicon.lemma(prev.low) in self.triggers or prev.low in self.naming:
            return True
        if i >= 2 and prev.gap == " ":
            return f"{toks[i - 2].low} {prev.low}" in self.triggers
        return False

    def _after_label(self, text: str, start: int, end: int) -> bool:
        """The word is in the value of a form field naming a person ('Vårdnadshavare: ...')."""
        line_start = text.rfind("\n", 0, start) + 1
        seg = text[line_start:start]
        colon = seg.rfind(":")
        if colon < 0 or len(seg) - colon > 80:
            return False
        value = seg[colon + 1:]
        if text.startswith(":", end) or not self._name_list(value):
            return False
        label = " ".join(seg[:colon].strip(" \t-•*|>☐").lower().split())
        if not label or label.count(" ") > 3:
            return False
        if label in self.labels or lexicon.lemma(label) in self.triggers:
            return True
        last = label.split(" ")[-1]
        return last in self.labels or lexicon.lemma(last) in self.triggers

    def _name_list(self, value: str) -> bool:
        """What stands between a form label's colon and a word: other names, commas, "och", roles."""
        if len(value) > 80 or any(ch.isdigit() or ch in ".!?;:\"[]" for ch in value):
            return False
        for word in _LIST_SPLIT.split(_BRACKETED.sub(" ", value)):
            if word and not (word[0].isupper() or word in ("och", "samt") or lexicon.lemma(word) in self.triggers):
                return False
        return True

    def _role_after(self, toks: list[_Tok], i: int, text: str) -> bool:
        """'Jonas, mentor' / 'Sara Ahmed (kurator)' / 'Omar – socialsekreterare'."""
        j = i + 1
        while j < len(toks) and toks[j].gap == " " and toks[j].cap and j <= i + 2:
            j += 1  # skip the rest of a full name
        if j >= len(toks):
            return False
        between = toks[j].gap
        if "\n" in between or between.strip() not in (",", "("):
            return False
        lem = lexicon.lemma(toks[j].low)
        if between.strip() == "(" and lem in lexicon.FAMILY_WORDS:  # "Hämtning (pappa)" is a task
            return toks[i].text in self.names
        return lem in self.triggers

    def _signature_line(self, text: str, start: int, end: int) -> bool:
        """A line of one to four capitalised words after a greeting line, or '/Name', 'Mvh Name'."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        low = line.lower()
        for g in ("mvh ", "hälsningar ", "hälsningar, ", "/"):
            if low.startswith(g) and start >= line_start + len(g) - 1:
                rest = line[len(g):].split()
                return 1 <= len(rest) <= 4 and all(w[:1].isupper() for w in rest)
        words = line.replace(",", " ").split()
        if not (1 <= len(words) <= 4) or not all(w[:1].isupper() for w in words):
            return False
        if line_start < 2:
            return False
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start:line_start - 1].strip(" \t,!.").lower()
        return prev in self.greetings or prev.split(",")[0] in self.greetings

    def _list_items(self, toks: list[_Tok], text: str, score: list[float], cand: list[bool],
                    listed: list[bool]) -> None:
        firsts = []  # (token index, line number) of the first word of each list item
        line_no = 0
        last_end = 0
        for i, t in enumerate(toks):
            if i and "\n" not in t.gap:
                continue  # a word after another one on its line starts no list item
            line_no += text.count("\n", last_end, t.start)
            last_end = t.start
            line_start = text.rfind("\n", 0, t.start) + 1
            if line_start < t.start and _LIST_ITEM.fullmatch(text, line_start, t.start):
                after = text[t.end:t.end + 2]
                if after.startswith(":") or after.startswith(" (") or self._verb_after(toks, i, text):
                    firsts.append((i, line_no))
        blocks: list[list[int]] = []
        prev_line = -2
        for i, ln in firsts:
            if ln == prev_line + 1 and blocks:
                blocks[-1].append(i)
            else:
                blocks.append([i])
            prev_line = ln
        for block in blocks:
            if len(block) < 2 or not any(score[i] >= self.SCORE_LEXICON or (listed[i] and cand[i]) for i in block):
                continue
            for i in block:
                if cand[i] and toks[i].low not in self.stop and not score[i] >= 0.8:
                    score[i] = 0.8

    def _verb_after(self, toks: list[_Tok], i: int, text: str) -> bool:
        j = i + 1
        return j < len(toks) and toks[j].gap == " " and toks[j].low in VERBS

    def _coordinated(self, toks: list[_Tok], i: int, score: list[float], text: str) -> bool:
        """'Sara och Omar', 'Omar och Sara' when the other one is a name."""
        n = len(toks)
        if i >= 2 and toks[i - 1].low in ("och", "eller", "samt") and score[i - 2] >= self.SCORE_AMBIGUOUS:
            if toks[i - 1].gap == " " and not toks[i].gap.strip():
                return True
        if i + 2 < n and toks[i + 1].low in ("och", "eller", "samt") and score[i + 2] >= self.SCORE_AMBIGUOUS:
            if toks[i + 1].gap == " " and not toks[i + 2].gap.strip():
                return True
        return False

    def _parenthesised(self, toks: list[_Tok], i: int, score: list[float], listed: list[bool], text: str) -> bool:
        """'Carl (Sten)', 'Saga (Frost)': a name with another name in brackets."""
        n = len(toks)
        if i >= 1 and toks[i].gap == " (" and text.startswith(")", toks[i].end):
            return score[i - 1] >= self.SCORE_WEAK or listed[i] or listed[i - 1]
        if i + 1 < n and toks[i + 1].gap == " (" and text.startswith(")", toks[i + 1].end):
            return score[i + 1] >= self.SCORE_WEAK or listed[i] or listed[i + 1]
        return False
