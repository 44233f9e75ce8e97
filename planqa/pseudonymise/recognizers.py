"""presidio recognizers for Swedish identifiers (all `supported_language="sv"`).

Pattern recognizers compile without IGNORECASE: capital letters carry meaning here
(a street name, a unit name). No recognizer logs or raises with the matched text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import re
from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from planqa.actors import _actor_pattern, _role_pattern
from planqa.pseudonymise import lexicon

LANG = "sv"
FLAGS = re.DOTALL | re.MULTILINE  # no IGNORECASE: case is evidence
UPPER = "A-ZÅÄÖÆØÜÉÈÁÀÍÓÚÇŠŽĐČĆŁŚŻŹŃÖİŞĞÎÊÂ"
LOWER = "a-zåäöæøüéèáàíóúçšžđčćłśżźńöışğîêâ"


class SvPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer for Swedish text, compiled once with the standard `re` module.

    presidio's own loop recompiles nothing but is slow on every call (timestamps,
    explanations); this one matches the same `Pattern` list directly. A pattern with a
    group named `v` reports that group's span (instead of a variable-width look-behind).
    `PREFILTER`, when set, is a cheap regex that must occur somewhere for any match.
    """

    PREFILTER: str | None = None
    ENTITY = ""
    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] = []

    def __init__(self, flags: int = FLAGS) -> None:
        super().__init__(supported_entity=self.ENTITY, name=f"Sv{self.ENTITY.title()}Recognizer",
                         supported_language=LANG, patterns=list(self.PATTERNS), context=list(self.CONTEXT),
                         global_regex_flags=flags)
        self._compiled = []
        for p in self.patterns:
            try:
                rx = re.compile(p.regex, flags)
            except re.error:
                rx = regex.compile(p.regex, flags)
            self._compiled.append((p, rx, "v" in rx.groupindex))
        self._prefilter = re.compile(self.PREFILTER) if self.PREFILTER else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self._prefilter is not None and self._prefilter.search(text) is None:
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        results = []
        for pattern, rx, grouped in self._compiled:
            for m in rx.finditer(text):
                start, end = m.span("v") if grouped else m.span()
                if end > start:
                    results.append(RecognizerResult(self.ENTITY, start, end, pattern.score,
                                                    recognition_metadata=dict(meta)))
        return self.check(text, EntityRecognizer.remove_duplicates(results)) if results else []

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Validate and re-score matches (checksums, exclusions); default keeps all."""
        return results


# ---------------------------------------------------------------------------
# Personnummer and samordningsnummer
# ---------------------------------------------------------------------------


def luhn_ok(digits10: str) -> bool:
    """Luhn check of the 10-digit form YYMMDDNNNC."""
    total = 0
    for i, ch in enumerate(digits10[:9]):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(digits10[9])


def date_ok(digits10: str, century: str | None = None) -> bool:
    """Month and day plausible; day + 60 is a samordningsnummer."""
    year, month, day = int(digits10[0:2]), int(digits10[2:4]), int(digits10[4:6])
    if day > 60:
        day -= 60
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    full_year = int(century) * 100 + year if century else 2000 + year
    try:
        _dt.date(full_year, month, day)
    except ValueError:
        return day <= 31 and century is None  # 29 feb of an unknown century
    return True


class PersonnummerRecognizer(SvPatternRecognizer):
    """YYMMDD-NNNN, YYYYMMDD-NNNN, with '+', with a space, without separator.

    Valid date and Luhn check -> 1.0. A failed checksum is still someone's (mistyped)
    number: it stays, with a lower score that clears the gate when written with a
    separator. Context words (pnr, personnummer, född) add to the score.
    """

    ENTITY = "PERSONNUMMER"
    PREFILTER = r"\d{6}"
    PATTERNS = [
        Pattern("pnr_separated", r"(?<![\w+\-/.,:])(?:1[89]|20)?\d{6}[ ]?[-+–][ ]?\d{4}(?![\w\-/])", 0.6),
        Pattern("pnr_space", r"(?<![\w+\-/.,:])(?:1[89]|20)?\d{6} \d{4}(?![\w\-/]|[ ]\d)", 0.45),
        Pattern("pnr_plain", r"(?<![\w+\-/.,:])(?:1[89]|20)?\d{10}(?![\w\-/])", 0.45),
    ]
    CONTEXT = ["pnr", "personnummer", "personnr", "pers.nr", "p-nr", "samordningsnummer",
               "samordningsnr", "född", "födelsedatum", "id-nummer", "idnr", "personnumret"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        kept = []
        for r in results:
            value = text[r.start:r.end]
            digits = "".join(ch for ch in value if ch.isdigit())
            if len(digits) not in (10, 12):
                continue
            century = digits[:2] if len(digits) == 12 else None
            d10 = digits[-10:]
            separated = any(ch in "-+–" for ch in value)
            valid_date = date_ok(d10, century)
            if valid_date and luhn_ok(d10):
                # ten digits from 0 without a dash may as well be a phone number
                r.score = 1.0 if (separated or century or not d10.startswith("0")) else 0.55
            elif valid_date:
                r.score = 0.6 if (separated or century) else 0.4
            else:
                r.score = 0.5 if separated else 0.2
            kept.append(r)
        return kept


# ---------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------

_SEP = r"[ \u00a0\-–]?"


class TelefonRecognizer(SvPatternRecognizer):
    ENTITY = "TELEFON"
    PREFILTER = r"(?:\+|\b0)\d"
    PATTERNS = [
        # +46 70 123 45 67, +46 (0)8-123 45 67, 0046 40 12 34 56
        Pattern("tel_intl", r"(?<![\w+])(?:\+|00[ ]?)46[ \u00a0\-]?(?:\(0\)[ \u00a0]?)?\d(?:" + _SEP
                + r"\d){6,9}(?!\w)", 0.75),
        # mobile 070-123 45 67, 0701234567, 073 123 45 67
        Pattern("tel_mobile", r"(?<![\w+\-/.,:])07[02369](?:" + _SEP + r"\d){7}(?![\w\-/]|[ ]\d)", 0.75),
        # landline with area code: 08-123 45 67, 040-12 34 56, 0410-123 45, (08) 123 45 67
        Pattern("tel_area", r"(?<![\w+\-/.,:])(?:0[1-9]\d{0,2}|\(0[1-9]\d{0,2}\))(?:[ \u00a0]?[\-–/][ \u00a0]?|[ \u00a0])"
                r"\d(?:" + _SEP + r"\d){4,7}(?![\w\-/]|[ ]\d)", 0.6),
    ]
    CONTEXT = ["tel", "telefon", "telefonnummer", "telefonnr", "tfn", "mobil", "mobilnummer",
               "mobiltelefon", "mobilnr", "sms", "ring", "ringa", "nås", "växel", "direkt", "tel.nr",
               "telnr", "nummer", "kontaktuppgifter", "mob"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        kept = []
        for r in results:
            digits = "".join(ch for ch in text[r.start:r.end] if ch.isdigit())
            if text[r.start] == "+" or digits.startswith("0046"):
                national = digits[4:] if digits.startswith("0046") else digits[2:]
                ok = 7 <= len(national) <= 10
            else:
                ok = 8 <= len(digits) <= 10
            if ok:
                kept.append(r)
        return kept


# ---------------------------------------------------------------------------
# E-mail: a regex, no tldextract (its default makes a network fetch)
# ---------------------------------------------------------------------------


class EpostRecognizer(SvPatternRecognizer):
    ENTITY = "EMAIL"
    PREFILTER = r"@"
    PATTERNS = [
        Pattern("email", r"(?<![\w.+\-])[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
                r"@(?:\w(?:[\w\-]*\w)?\.)+[^\W\d_]{2,24}(?![\w\-])", 0.95),
    ]
    CONTEXT = ["e-post", "epost", "mejl", "mail", "e-mail", "email", "e-postadress", "mejladress"]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if "@" not in text:
            return []
        # match only in windows around each '@': the local part is searched from the left
        # otherwise, at every word of the text
        results = []
        done = -1
        for at in (m.start() for m in re.finditer("@", text)):
            lo = max(done + 1, text.rfind(" ", 0, max(at - 80, 0)) + 1, 0)
            hi = min(len(text), at + 260)
            for r in super().analyze(text[lo:hi], entities, nlp_artifacts):
                r.start += lo
                r.end += lo
                if r.start <= at < r.end and r.start > done:
                    results.append(r)
                    done = r.end
        return results


# ---------------------------------------------------------------------------
# Street addresses and postal codes
# ---------------------------------------------------------------------------

_STREET_SUFFIX = (
    r"(?:gatan|gata|vägen|väg|gränd|gränden|stigen|stig|allén|allé|backe|backen|torget|torg|platsen|"
    r"plan|leden|led|stråket|slingan|esplanaden|kajen|promenaden|hagen|liden|vången|höjden|ringen|"
    r"gården|tået|bryggan|kroken|svängen|udden|vallen|ängen|lyckan|bergen|stranden|parken|"
    r"gärdet|åsen)"
)
_CAPWORD = f"[{UPPER}][{LOWER}]+"
_HOUSE = r"\d{1,4}(?:[ ]?[A-Za-z](?!\w))?(?:[ ]?-[ ]?\d{1,4})?"
_FLAT = (r"(?:,?[ ](?:lgh|lägenhet|läg\.|lgh\.)[ ]?(?:nr[ .]?)?\d{3,4}"
         r"|,?[ ](?:\d[ ])?(?:tr|trappor|vån|våning)\b\.?(?:[ ]\d)?)*")


class AdressRecognizer(SvPatternRecognizer):
    ENTITY = "ADRESS"
    PREFILTER = r"\d|c/o"
    PATTERNS = [
        # Storgatan 12 B, Stora Nygatan 5, Ringvägen 5, lgh 1102
        Pattern("street_compound", rf"(?<!\w)(?:(?:{_CAPWORD}|S:t)[ ])?{_CAPWORD}{_STREET_SUFFIX}[ ]{_HOUSE}{_FLAT}"
                r"(?!\w)", 0.75),
        # Drottning Kristinas väg 12
        Pattern("street_words", rf"(?<!\w)(?:{_CAPWORD}[ ]){{1,3}}(?:väg|gata|gränd|stig|allé|torg|plats|backe)"
                rf"[ ]{_HOUSE}{_FLAT}(?!\w)", 0.7),
        Pattern("flat", r"(?<!\w)(?:lgh|[Ll]ägenhet(?:snummer)?|[Ll]gh)\.?[ ]?(?:nr\.?[ ]?)?\d{4}(?!\w)", 0.6),
        Pattern("care_of", rf"(?<!\w)c/o[ ]+(?:{_CAPWORD}|[{UPPER}][{LOWER}]*-[{UPPER}][{LOWER}]+)"
                rf"(?:[ ](?:{_CAPWORD}|[{UPPER}][{LOWER}]*-[{UPPER}][{LOWER}]+)){{0,2}}", 0.75),
        Pattern("box", r"(?<!\w)Box[ ]\d{1,5}(?!\w)", 0.5),
    ]
    CONTEXT = ["adress", "bor", "bostadsadress", "folkbokförd", "postadress", "hemadress", "gatuadress",
               "besöksadress", "boende", "flyttat", "flyttar"]


_TOWN = rf"[{UPPER}][{LOWER}]+(?:[ \-][{UPPER}][{LOWER}]+)?"


class PostnummerRecognizer(SvPatternRecognizer):
    ENTITY = "POSTNUMMER"
    PREFILTER = r"[1-9]\d{2}[ \u00a0]?\d{2}"
    PATTERNS = [
        Pattern("postcode_town", rf"(?<![\w\-+/.,])(?:SE-?[ ]?)?[1-9]\d{{2}}[ \u00a0]\d{{2}}[ \t]+{_TOWN}(?!\w)", 0.85),
        Pattern("postcode_town_nospace", rf"(?<![\w\-+/.,])(?:SE-?[ ]?)?[1-9]\d{{4}}[ \t]+{_TOWN}(?!\w)", 0.65),
        Pattern("postcode", r"(?<![\w\-+/.,])(?:SE-?[ ]?)?[1-9]\d{2}[ \u00a0]\d{2}(?![\w\-/]|[ ]\d|,\d)", 0.4),
    ]
    CONTEXT = ["postnummer", "postnr", "postadress", "ort", "adress", "bor", "postort"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out = []
        for r in results:
            words = text[r.start:r.end].split()
            # "123 45 Maj" is no town; a keep-word after the number is no town either
            if len(words) > 1 and (words[-1].lower() in lexicon.MONTHS or words[-1].lower() in lexicon.not_names()):
                r.score = 0.4
                r.end = r.start + len(" ".join(words[:2])) if words[0].isdigit() else r.end
            out.append(r)
        return out


# ---------------------------------------------------------------------------
# Case and journal numbers
# ---------------------------------------------------------------------------

_DNR_LABEL = (r"(?:[Dd]nr|DNR|[Dd]iarienr|[Dd]iarienummer|[Dd]iarie-nr|[Ää]rendenr|[Ää]rendenummer|[Ää]rende-?id|"
              r"[Ää]rende|[Jj]ournalnr|[Jj]ournalnummer|[Jj]ournal-?id|[Aa]ktnr|[Aa]ktnummer|[Rr]eferensnummer|"
              r"[Rr]eferensnr|[Rr]ef\.?[ ]?nr|[Rr]eg\.?[ ]?nr|[Ll]öpnummer|[Ll]öpnr|[Bb]eslutsnummer|[Uu]tredningsnr)")
_DNR_ID = rf"(?:[{UPPER}]{{1,8}}(?:[ \-]|(?=\d)))?\d+(?:[./:\-][\dA-Z]+)*(?:[ ]?[\-/][ ]?\d+)?"


class DiarienummerRecognizer(SvPatternRecognizer):
    ENTITY = "DIARIENUMMER"
    PREFILTER = r"\d{2}"
    PATTERNS = [
        Pattern("dnr_label", rf"(?<!\w){_DNR_LABEL}\.?[ ]?(?:nr\.?)?[ ]?[:.]?[ \t]{{0,3}}(?P<v>{_DNR_ID})(?!\w)", 0.9),
        Pattern("dnr_bare", rf"(?<![\w\-/])[{UPPER}]{{2,6}}[ \-]?(?:19|20)\d{{2}}[/:.\-]\d{{1,6}}"
                r"(?:[\-./:]\d{1,5})?(?![\w\-/])", 0.65),
    ]
    CONTEXT = ["dnr", "diarienummer", "ärendenummer", "ärende", "journalnummer", "akt", "referens"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out = []
        for r in results:
            value = text[r.start:r.end]
            if sum(ch.isdigit() for ch in value) < 3:
                continue
            if re.fullmatch(r"(?:19|20)\d{2}", value):  # "ärende 2024": a year
                continue
            out.append(r)
        return out


# ---------------------------------------------------------------------------
# Units: schools, HVB homes, preschools
# ---------------------------------------------------------------------------

GENERIC_SCHOOLS = frozenset(w.lower() for w in (
    "Grundskolan", "Förskolan", "Gymnasieskolan", "Grundsärskolan", "Särskolan", "Gymnasiesärskolan",
    "Specialskolan", "Resursskolan", "Kulturskolan", "Folkhögskolan", "Högskolan", "Sommarskolan",
    "Friskolan", "Hemskolan", "Gymnasiet", "Grundskola", "Förskola", "Gymnasieskola", "Skolan", "Skola",
    "Musikskolan", "Dansskolan", "Simskolan", "Trafikskolan", "Sjukhusskolan", "Fritids", "Fritidshemmet",
    "Familjehemmet", "Jourhemmet", "Behandlingshemmet", "Korttidshemmet", "Hemmet", "Gården", "Skolgården",
    "Fritidsgården", "Gymnasium", "Förskolegården", "Kommunala", "Anpassade", "Vårdnadshavare",
))
_UNIT_TYPES = (r"(?:HVB|HVB-hemmet|[Hh]vb-hemmet|[Bb]ehandlingshemmet|[Ff]örskolan|[Ff]örskola|[Bb]oendet|"
               r"[Kk]orttidsboendet|[Kk]orttidshemmet|[Ss]tödboendet|[Ff]ritidsgården|[Ff]amiljecentralen|"
               r"[Ff]ritidshemmet|[Ee]nheten|[Aa]vdelning(?:en)?|[Rr]esursskolan|[Gg]ruppboendet|[Ss]ärskolan|"
               r"[Ff]amiljeenheten|[Ss]tödgruppen|[Öö]ppenvården|[Uu]ngdomsmottagningen|[Mm]ottagningen|"
               r"[Gg]ymnasiet|[Ff]ritids|[Vv]illa|[Ss]kolan[ ]för)")


class EnhetRecognizer(SvPatternRecognizer):
    ENTITY = "ENHET"
    PATTERNS = [
        # Söderskolan, Ekbackeskolan, Vipangymnasiet, Rosengårdsskolan; a genitive s is left out
        Pattern("school_compound", rf"(?<![\w\-])[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?"
                r"(?:skolan|skola|gymnasiet|gymnasium|förskolan|förskola|fritids|fritidshemmet|gården|hemmet)"
                r"(?=s?(?![\w\-]))", 0.75),
        # HVB Solgläntan, förskolan Humlan, korttidsboendet Lärkan: the name part only
        Pattern("unit_named", rf"(?<![\w\-]){_UNIT_TYPES}[ ](?P<v>[{UPPER}][{LOWER}]+(?:[ \-][{UPPER}][{LOWER}]+)?)"
                r"(?=s?(?![\w\-]))", 0.7),
    ]
    CONTEXT = ["skola", "enhet", "boende", "placerad", "placering", "går", "elev", "klass", "hvb"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out = []
        not_names = lexicon.not_names()
        for r in results:
            low = text[r.start:r.end].lower()
            first = low.split()[0]
            if low in GENERIC_SCHOOLS or low in not_names or first in lexicon.MONTHS or first in lexicon.WEEKDAYS:
                continue
            if _is_keep_word(text[r.start:r.end]):
                continue
            out.append(r)
        return out


@lru_cache(maxsize=4096)
def _is_keep_word(words: str) -> bool:
    """An agency or role surface form (BUP, socialtjänsten, Kuratorn), per planqa.actors."""
    return bool(_actor_pattern().fullmatch(words) or _role_pattern().fullmatch(words))


# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Person names
# ---------------------------------------------------------------------------

_WORD_RE = re.compile(rf"[{UPPER}{LOWER}](?:[{UPPER}{LOWER}'’]|-(?=[{UPPER}{LOWER}]))*")
_BREAK_CHARS = set(".!?:;•*|\t\n\r–—\"”“()[]{}=>#")


class _Tok:
    __slots__ = ("text", "start", "end", "low", "cap", "initial", "line", "stop")

    def __init__(self, text: str, start: int, end: int, initial: bool, line: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.low = text.lower()
        first = text[0]
        self.cap = first.isupper() and not (len(text) > 1 and text.isupper())
        self.initial = initial
        self.line = line
        self.stop = False


def _tokens(text: str) -> list[_Tok]:
    toks = []
    line = 0
    last = 0
    for m in _WORD_RE.finditer(text):
        s = m.start()
        gap = text[last:s]
        line += gap.count("\n")
        before = gap.rstrip(" \u00a0")
        prev_char = before[-1] if before else (text[s - 1] if s else "\n")
        if not toks:
            initial = True
        elif before and (before[-1] in _BREAK_CHARS or before[-1].isdigit() and "\n" in gap):
            initial = True
        elif "\n" in gap:
            initial = True
        elif before and before.endswith("-") and before.strip() == "-":
            initial = True
        else:
            initial = prev_char in _BREAK_CHARS
        toks.append(_Tok(m.group(), s, m.end(), initial, line))
        last = m.end()
    return toks


class PersonRecognizer(EntityRecognizer):
    """First names and surnames from lookup lists, plus context rules.

    A name from the lists counts unless it is also an ordinary word (Sten, Ros, Hans), which
    counts only in name context or capitalised in the middle of a sentence. Unknown
    capitalised words count in strong name context: a role or family word before
    ("kurator Jonas"), a form field ("Vårdnadshavare: ..."), a role after ("Jonas, mentor"),
    a signature line, next to another name ("Sara Abdulkadir"), "X och Y" with one a name.
    """

    SCORE_CONTEXT = 0.9
    SCORE_LEXICON = 0.85
    SCORE_WEAK = 0.6  # a listed name alone at the start of a sentence

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="SvPersonRecognizer", supported_language=LANG)

    def load(self) -> None:
        self.first = lexicon.first_names()
        self.sur = lexicon.surnames()
        self.names = self.first | self.sur
        self.ambiguous = lexicon.word_names()
        self.not_names = lexicon.not_names()
        self.stop = frozenset(_STOPWORDS)
        self.triggers = frozenset(lexicon.FAMILY_WORDS + lexicon.ROLE_WORDS)
        self.labels = frozenset(lexicon.LABEL_WORDS)
        self.greetings = frozenset(lexicon.GREETINGS)
        self.naming = frozenset(lexicon.NAMING_VERBS)
        self.locative = frozenset(lexicon.LOCATIVE_WORDS)
        self.months = frozenset(lexicon.MONTHS + lexicon.WEEKDAYS)

    # -- lexicon lookups -----------------------------------------------------------------
    def _in_lex(self, word: str) -> bool:
        if word in self.names:
            return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            if len(parts) > 1 and all(p in self.names or p.capitalize() in self.names for p in parts[1:]):
                return parts[0] in self.names or parts[0].lower() in ("al", "el", "abu", "bin", "ibn")
        return False

    def _lookup(self, tok: _Tok) -> tuple[bool, int]:
        """(is a listed name, length of the name without a genitive s)."""
        w = tok.text.rstrip("'’")
        if self._in_lex(w):
            return True, len(w)
        if len(w) > 3 and w.endswith("s") and self._in_lex(w[:-1]):
            return True, len(w) - 1
        return False, len(w)

    def _blocked(self, tok: _Tok) -> bool:
        low = tok.low.rstrip("'’")
        return (low in self.not_names or low in self.months or low in self.triggers
                or (low.endswith("s") and low[:-1] in self.not_names))

    def _is_ambiguous(self, tok: _Tok, length: int) -> bool:
        return tok.text[:length] in self.ambiguous or tok.low in self.stop

    # -- main ------------------------------------------------------------------------------
    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        toks = _tokens(text)
        if not toks:
            return []
        holes = lexicon.placeholder_spans(text)

        def in_placeholder(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in holes)

        def keep_word(i: int) -> bool:
            """The token, or the token and the next one or two, is an agency or role ("Maria Ungdom")."""
            if _is_keep_word(toks[i].text):
                return True
            j = i + 1
            while j < len(toks) and j <= i + 2 and text[toks[j - 1].end:toks[j].start] == " ":
                if _is_keep_word(text[toks[i].start:toks[j].end]):
                    return True
                j += 1
            return False

        n = len(toks)
        score = [0.0] * n
        length = [len(t.text) for t in toks]
        listed = [False] * n
        candidate = [False] * n  # capitalised, not a keep-word
        for i, t in enumerate(toks):
            is_listed, ln = self._lookup(t)
            length[i] = ln
            listed[i] = is_listed
            candidate[i] = (t.cap and len(t.text) >= 2 and not self._blocked(t) and not keep_word(i)
                            and not (holes and in_placeholder(t.start, t.end)))
            t.stop = t.low in self.stop

        def prev_words(i: int, k: int) -> str:
            """The k words before token i, lower case, when nothing but spaces/colons lie between."""
            words = []
            j = i - 1
            pos = toks[i].start
            while j >= 0 and len(words) < k:
                gap = text[toks[j].end:pos]
                if gap.strip(" \u00a0:,") and gap.strip(" \u00a0") not in (":",):
                    break
                if "\n" in gap:
                    break
                words.append(toks[j].low)
                pos = toks[j].start
                j -= 1
            return " ".join(reversed(words))

        def gap_before(i: int) -> str:
            return text[toks[i - 1].end:toks[i].start] if i > 0 else text[:toks[i].start]

        def gap_after(i: int) -> str:
            return text[toks[i].end:toks[i + 1].start] if i + 1 < n else text[toks[i].end:]

        def directly_after_trigger(i: int) -> bool:
            g = gap_before(i)
            if i == 0 or "\n" in g or g.strip(" \u00a0:") not in ("",):
                return False
            p1 = lexicon.lemma(toks[i - 1].text)
            if p1 in self.triggers or toks[i - 1].low in self.naming:
                return True
            return prev_words(i, 2) in self.triggers

        def after_label(i: int) -> bool:
            """Token starts the value of a form field whose label names a person."""
            # find start of the segment: previous ':' on the same line
            line_start = text.rfind("\n", 0, toks[i].start) + 1
            seg = text[line_start:toks[i].start]
            colon = seg.rfind(":")
            if colon < 0:
                return False
            label = seg[:colon].strip(" \t-•*|").lower()
            label = re.sub(r"\s+", " ", label)
            value_before = seg[colon + 1:]
            # only a few name-ish tokens between label and here (lists: "Närvarande: A, B och C")
            if len(value_before) > 80:
                return False
            if label in self.labels or lexicon.lemma(label) in self.triggers:
                return True
            last = label.split(" ")[-1] if label else ""
            return last in self.labels or lexicon.lemma(last) in self.triggers

        def role_after(i: int) -> bool:
            """'Jonas, mentor' / 'Sara Ahmed (kurator)' / 'Omar – socialsekreterare'."""
            j = i + 1
            g = gap_after(i)
            if j >= n or "\n" in g:
                return False
            if g.strip() in (",", "(", "–", "-", "—", ", (") or g.strip() == "":
                lem = lexicon.lemma(toks[j].text)
                if lem in lexicon.ROLE_WORDS or lem in lexicon.FAMILY_WORDS:
                    return g.strip() != ""
            return False

        def signature_line(i: int) -> bool:
            """A line of one to four capitalised words after a greeting line, or before a role line."""
            t = toks[i]
            line_start = text.rfind("\n", 0, t.start) + 1
            line_end = text.find("\n", t.end)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end].strip(" \t-/")
            words = line.replace(",", " ").split()
            if not (1 <= len(words) <= 4) or not all(w[:1].isupper() for w in words):
                return False
            prev_end = line_start - 1
            prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1 if prev_end > 0 else 0
            prev_line = text[prev_start:max(prev_end, 0)].strip(" \t,!.").lower()
            if prev_line and (prev_line in self.greetings or prev_line.split(",")[0] in self.greetings):
                return True
            if line.lower().startswith(("mvh ", "hälsningar ", "/")):
                return True
            return False

        # pass 1: seeds
        for i, t in enumerate(toks):
            if not candidate[i]:
                continue
            amb = self._is_ambiguous(t, length[i])
            ctx = directly_after_trigger(i) or after_label(i) or role_after(i) or signature_line(i)
            if listed[i] and not amb:
                score[i] = self.SCORE_CONTEXT if ctx else (self.SCORE_LEXICON if not t.initial else self.SCORE_WEAK)
            elif ctx:
                score[i] = self.SCORE_CONTEXT
            elif listed[i] and amb and not t.initial:
                prev_low = toks[i - 1].low if i else ""
                score[i] = 0.0 if prev_low in self.locative else self.SCORE_LEXICON - 0.1
            if score[i] and not listed[i] and i and toks[i - 1].low in self.locative and not ctx:
                score[i] = 0.0

        # pass 2: neighbours of names (first name + surname, "X och Y"), until nothing changes
        def joined(i: int) -> bool:
            """token i and i+1 are parts of one name: one space between, same line."""
            return i + 1 < n and text[toks[i].end:toks[i + 1].start] in (" ", "\u00a0") and length[i] == len(toks[i].text)

        changed = True
        rounds = 0
        while changed and rounds < 4:
            changed = False
            rounds += 1
            for i in range(n):
                if score[i] or not candidate[i]:
                    # lower-case particles inside a name: "Omar al-Khatib", "Ludwig von Essen"
                    if not score[i] and i and score[i - 1] and joined(i - 1) and re.match(
                            r"^(?:al|el|bin|ibn|abu|von|van|af|de|da|di|der|den)(?:-[A-ZÅÄÖ]|$)", toks[i].text):
                        if toks[i].text.find("-") > 0 or (i + 1 < n and toks[i + 1].cap and joined(i)):
                            score[i] = score[i - 1]
                            changed = True
                    continue
                t = toks[i]
                amb = self._is_ambiguous(t, length[i])
                left = i > 0 and score[i - 1] >= self.SCORE_WEAK and joined(i - 1)
                right = i + 1 < n and score[i + 1] >= self.SCORE_WEAK and joined(i)
                new = 0.0
                if left and not t.initial:
                    new = self.SCORE_CONTEXT if not t.stop or listed[i] else 0.0
                elif right and (listed[i] or not t.stop):
                    new = self.SCORE_CONTEXT
                else:
                    g = gap_before(i)
                    if i >= 2 and toks[i - 1].low in ("och", "eller", "samt") and score[i - 2] >= self.SCORE_LEXICON \
                            and g == " " and gap_after(i - 2).strip() == "" and (listed[i] or not t.initial):
                        new = self.SCORE_CONTEXT if not t.stop else 0.0
                    elif i >= 1 and gap_before(i).strip() == "," and score[i - 1] >= self.SCORE_LEXICON \
                            and listed[i] and not amb:
                        new = self.SCORE_CONTEXT
                if new:
                    score[i] = new
                    changed = True
            # a weak sentence-initial name followed by a name is a full name
            for i in range(n - 1):
                if score[i] and score[i + 1] and joined(i):
                    best = max(score[i], score[i + 1], self.SCORE_LEXICON)
                    if score[i] != best or score[i + 1] != best:
                        score[i] = score[i + 1] = best

        # pass 3: every other capitalised occurrence of a confirmed name is the name
        confirmed = {toks[i].text[:length[i]] for i in range(n) if score[i] >= self.SCORE_LEXICON}
        for i, t in enumerate(toks):
            if score[i] >= self.SCORE_LEXICON or not candidate[i]:
                continue
            base = t.text[:length[i]]
            if base not in confirmed and not (t.text.endswith("s") and t.text[:-1] in confirmed):
                continue
            if self._is_ambiguous(t, length[i]) and t.initial:
                continue
            if t.text.endswith("s") and t.text[:-1] in confirmed and base != t.text[:-1]:
                length[i] = len(t.text) - 1
            score[i] = self.SCORE_LEXICON

        # merge adjacent name tokens into spans
        results = []
        i = 0
        while i < n:
            if not score[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and score[j + 1] and joined(j):
                j += 1
            s, e = toks[i].start, toks[j].start + length[j]
            sc = max(score[i:j + 1])
            results.append(RecognizerResult("PERSON", s, e, sc, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
            i = j + 1
        return results


# Swedish function words (spaCy's stop list, plus a few); a capitalised one is not a name
# by itself.
def _load_stopwords() -> Iterable[str]:
    from spacy.lang.sv.stop_words import STOP_WORDS

    return set(STOP_WORDS) | {"hen", "hens", "barnet", "eleven", "samt", "ska", "bör", "kan", "får",
                               "även", "också", "enligt", "inför", "under", "efter", "före", "kl",
                               "vecka", "veckor", "dag", "dagar", "idag", "imorgon", "igår"}


_STOPWORDS = frozenset(_load_stopwords())


def all_recognizers() -> list[EntityRecognizer]:
    return [PersonnummerRecognizer(), TelefonRecognizer(), EpostRecognizer(), AdressRecognizer(),
            PostnummerRecognizer(), DiarienummerRecognizer(), EnhetRecognizer(), PersonRecognizer()]
