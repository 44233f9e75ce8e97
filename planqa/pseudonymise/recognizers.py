"""presidio recognizers for Swedish identifiers (all `supported_language="sv"`).

Pattern recognizers compile without IGNORECASE: capital letters carry meaning here
(a street name, a unit name). No recognizer logs or raises with the matched text.
"""

from __future__ import annotations

import datetime as _dt

import re

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from planqa.pseudonymise import lexicon
from planqa.pseudonymise.persons import PersonRecognizer, is_keep_word

LANG = "sv"
FLAGS = re.DOTALL | re.MULTILINE  # no IGNORECASE: case is evidence
UPPER = "A-ZÅÄÖÆØÜÉÈÁÀÍÓÚÇŠŽĐČĆŁŚŻŹŃİŞĞÎÊÂĄĘÓ"
LOWER = "a-zåäöæøüéèáàíóúçšžđčćłśżźńıışğîêâąęóß"


class SvPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer for Swedish text, compiled once with the standard `re` module.

    presidio's own loop recompiles nothing but is slow on every call (timestamps,
    explanations); this one matches the same `Pattern` list directly. A pattern with a
    group named `v` reports that group's span (instead of a variable-width look-behind).
    `PREFILTER`, when set, is a cheap regex that must occur somewhere for any match;
    `REQUIRES` maps a pattern's name to a cheap regex (a literal, mostly) that every match of
    that pattern contains, so the pattern's slower scan is skipped in texts without it.
    """

    PREFILTER: str | None = None
    REQUIRES: dict[str, str] = {}
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
            required = re.compile(self.REQUIRES[p.name]) if p.name in self.REQUIRES else None
            self._compiled.append((p, rx, "v" in rx.groupindex, required))
        self._prefilter = re.compile(self.PREFILTER) if self.PREFILTER else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self._prefilter is not None and self._prefilter.search(text) is None:
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        results = []
        for pattern, rx, grouped, required in self._compiled:
            if required is not None and required.search(text) is None:
                continue
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
            in_brackets = r.start > 0 and text[r.start - 1] == "("  # "Sara Ahmed (0512034567)"
            if valid_date and luhn_ok(d10):
                # ten digits from 0 without a dash may as well be a phone number
                r.score = 1.0 if (separated or century or not d10.startswith("0")) else 0.55
            elif valid_date:
                r.score = 0.6 if (separated or century) else 0.4
            else:
                r.score = 0.5 if separated else 0.2
            if in_brackets and valid_date:
                r.score = max(r.score, 0.8)
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
    REQUIRES = {"tel_intl": r"46", "tel_mobile": r"07[02369]"}
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

_STREET_SUFFIXES = (
    "gatan gata vägen väg gränd gränden stigen stig allén allé backe backen torget torg platsen plan leden led "
    "stråket slingan esplanaden kajen promenaden hagen liden vången höjden ringen gården tået bryggan kroken "
    "svängen udden vallen ängen lyckan bergen stranden parken gärdet åsen").split()
# "the whole word ends with a street suffix", checked by look-behinds after a possessive word:
# no backtracking through every capitalised word of the text
_STREET_SUFFIX = "(?:" + "|".join(f"(?<={x})" for x in _STREET_SUFFIXES) + ")"
_CAPWORD = f"[{UPPER}][{LOWER}]++"
_NAMEWORD = rf"[{UPPER}][{LOWER}]*(?:-[{UPPER}]?[{LOWER}]+)*"
_HOUSE = r"\d{1,4}(?:[ ]?[A-Za-z](?!\w))?(?:[ ]?-[ ]?\d{1,4})?"
_FLAT = (r"(?:,?[ ](?:lgh|lägenhet|läg\.|lgh\.)[ ]?(?:nr[ .]?)?\d{3,4}"
         r"|,?[ ](?:\d[ ])?(?:tr|trappor|vån|våning)\b\.?(?:[ ]\d)?)*")


class AdressRecognizer(SvPatternRecognizer):
    ENTITY = "ADRESS"
    PREFILTER = r"\d|c/o"
    PATTERNS = [
        # Storgatan 12 B, Stora Nygatan 5, Ringvägen 5, lgh 1102
        Pattern("street_compound", rf"(?<!\w)(?:(?:{_CAPWORD}|S:t)[ ])?[{UPPER}][{LOWER}]{{2,}}+{_STREET_SUFFIX}[ ]{_HOUSE}{_FLAT}"
                r"(?!\w)", 0.75),
        # Karl XI:s väg 3, Lilla Torget 7
        Pattern("street_regnal", rf"(?<!\w)(?:{_CAPWORD}[ ])+[IVX]+:s[ ](?:väg|gata|gatan|vägen|plats|torg|allé)"
                rf"[ ]{_HOUSE}{_FLAT}(?!\w)", 0.75),
        Pattern("street_plain", rf"(?<!\w)(?:Stora|Lilla|Gamla|Nya|Norra|Södra|Östra|Västra)[ ]"
                rf"(?:Torget|Torg|Gatan|Vägen|Gränd|Backen|Allén|Strandgatan|Torggatan)[ ]{_HOUSE}{_FLAT}(?!\w)", 0.75),
        # Drottning Kristinas väg 12
        Pattern("street_words", rf"(?<!\w)(?:{_CAPWORD}[ ]){{1,3}}(?:väg|gata|gränd|stig|allé|torg|plats|backe)"
                rf"[ ]{_HOUSE}{_FLAT}(?!\w)", 0.7),
        Pattern("flat", r"(?<!\w)(?:lgh|[Ll]ägenhet(?:snummer)?|[Ll]gh)\.?[ ]?(?:nr\.?[ ]?)?\d{4}(?!\w)", 0.6),
        Pattern("care_of", rf"(?<!\w)c/o[ ]+{_NAMEWORD}(?:[ ]{_NAMEWORD}){{0,2}}(?![\w\-])", 0.75),
        Pattern("box", r"(?<!\w)Box[ ]\d{1,5}(?!\w)", 0.5),
    ]
    REQUIRES = {
        "street_regnal": r":s ", "street_plain": r"(?:Stora|Lilla|Gamla|Nya|Norra|Södra|Östra|Västra) ",
        "street_words": r" (?:väg|gata|gränd|stig|allé|torg|plats|backe) \d", "flat": r"[Ll]gh|ägenhet",
        "care_of": r"c/o", "box": r"Box \d",
    }
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
            if len(words) > 1 and words[-1].lower() in lexicon.MONTHS:
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
_DNR_ID = rf"(?:[{UPPER}][{UPPER}{LOWER}]{{0,7}}(?:[ \-]|(?=\d)))?\d+(?:[./:\-][\dA-Z]+)*(?:[ ]?[\-/][ ]?\d+)?"


class DiarienummerRecognizer(SvPatternRecognizer):
    ENTITY = "DIARIENUMMER"
    PREFILTER = r"\d{2}"
    PATTERNS = [
        Pattern("dnr_label", rf"(?<!\w){_DNR_LABEL}\.?[ ]?(?:nr\.?)?[ ]?[:.]?[ \t]{{0,3}}(?P<v>{_DNR_ID})(?!\w)", 0.9),
        Pattern("dnr_bare", rf"(?<![\w\-/])[{UPPER}]{{2,6}}[ \-]?(?:19|20)\d{{2}}[/:.\-]\d{{1,6}}"
                r"(?:[\-./:]\d{1,5})?(?![\w\-/])", 0.65),
    ]
    # every label holds one of these; a bare number has capitals right before its year
    REQUIRES = {"dnr_label": r"nr|NR|nummer|rende|ournal", "dnr_bare": rf"[{UPPER}][ \-]?(?:19|20)\d\d[/:.\-]\d"}
    CONTEXT = ["dnr", "diarienummer", "ärendenummer", "ärende", "journalnummer", "akt", "referens"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out = []
        for r in results:
            value = text[r.start:r.end]
            if sum(ch.isdigit() for ch in value) < 3:
                continue
            if re.fullmatch(r"(?:19|20)\d{2}", value):  # "ärende 2024": a year
                continue
            if re.search(r"(?:19|20)\d{2}-[01]\d-[0-3]\d$", value):  # "SIP 2024-10-01": a date
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
    "Högstadieskolan", "Mellanstadieskolan", "Lågstadieskolan", "Lägerskolan", "Sömnskola", "Sömnskolan",
    "Känsloskola", "Känsloskolan", "Föräldraskola", "Föräldraskolan", "Cykelskola", "Simskola",
    "Hundskola", "Språkskola", "Sommarskola", "Lovskola", "Lovskolan", "Läxhjälpsskola", "Ridskola",
    "Ridskolan", "Fotbollsskola", "Fotbollsskolan", "Grundsärskola", "Särskola", "Resursskola",
))
_UNIT_TYPES = (r"(?:HVB|HVB-hemmet|[Hh]vb-hemmet|[Bb]ehandlingshemmet|[Ff]örskolan|[Ff]örskola|[Bb]oendet|"
               r"[Kk]orttidsboendet|[Kk]orttidshemmet|[Ss]tödboendet|[Ff]ritidsgården|[Ff]amiljecentralen|"
               r"[Ff]ritidshemmet|[Ee]nheten|[Aa]vdelning(?:en)?|[Rr]esursskolan|[Gg]ruppboendet|[Ss]ärskolan|"
               r"[Ff]amiljeenheten|[Ss]tödgruppen|[Öö]ppenvården|[Uu]ngdomsmottagningen|[Mm]ottagningen|"
               r"[Gg]ymnasiet|[Ff]ritids|[Vv]illa|[Ss]kolan[ ]för)")


_SCHOOL_SUFFIXES = ("skolan", "skola", "gymnasiet", "gymnasium", "förskolan", "förskola", "fritids",
                    "fritidshemmet", "gården", "hemmet")
# the whole word ends with a school suffix, or its genitive (trimmed off in check())
_SCHOOL_SUFFIX = "(?:" + "|".join(f"(?<={x})|(?<={x}s)" for x in _SCHOOL_SUFFIXES) + ")"


class EnhetRecognizer(SvPatternRecognizer):
    ENTITY = "ENHET"
    PATTERNS = [
        # Söderskolan, Ekbackeskolan, Vipangymnasiet, Rosengårdsskolan; a genitive s is left out
        Pattern("school_compound", rf"(?<![\w\-])[{UPPER}][{LOWER}]++(?:-[{UPPER}]?[{LOWER}]++)?+{_SCHOOL_SUFFIX}"
                r"(?![\w\-])", 0.75),
        # HVB Solgläntan, förskolan Humlan, korttidsboendet Lärkan: the name part only
        Pattern("unit_named", rf"(?<![\w\-]){_UNIT_TYPES}[ ](?P<v>[{UPPER}][{LOWER}]+(?:[ \-][{UPPER}][{LOWER}]+)?)"
                r"(?=s?(?![\w\-]))", 0.7),
    ]
    CONTEXT = ["skola", "enhet", "boende", "placerad", "placering", "går", "elev", "klass", "hvb"]

    def check(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out = []
        not_names = lexicon.not_names()
        for r in results:
            if text[r.end - 1] == "s" and text[r.start:r.end - 1].endswith(_SCHOOL_SUFFIXES):
                r.end -= 1  # "Söderskolans": the genitive s stays
            low = text[r.start:r.end].lower()
            first = low.split()[0]
            if low in GENERIC_SCHOOLS or low in not_names or first in lexicon.MONTHS or first in lexicon.WEEKDAYS:
                continue
            if is_keep_word(text[r.start:r.end]):
                continue
            out.append(r)
        return out


def all_recognizers() -> list[EntityRecognizer]:
    return [PersonnummerRecognizer(), TelefonRecognizer(), EpostRecognizer(), AdressRecognizer(),
            PostnummerRecognizer(), DiarienummerRecognizer(), EnhetRecognizer(), PersonRecognizer()]
