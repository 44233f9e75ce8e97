"""Swedish date expressions in SIP plans: find them and resolve them to ISO dates.

Swedes write the day first ("14/3" is 14 March). A year-less date takes its next
occurrence on or after the plan date; a week number ("v. 12") resolves to the Monday of
that ISO week. A date is concrete whatever its form (GUIDELINES 4, block 93): six digits
("260321") and "26-03-21" are year-month-day, "2026.03.21" and "2026/03/21" year first,
"21.3.2026", "21-3-2026", "21/3 -26" and "21.3" day first ("21.3" only where the words
around it make it a date: it is also a section number, a clock time or a decimal), "v.12/26"
and "v 12 -26" week 12 of 2026, "den tjugoförsta mars 2026" as concrete as its digits. Vague and relative expressions ("efter sommarlovet", "om åtta veckor",
"vid behov") are found and labelled `vague` with no date: they are never turned into a
made-up day. Durations ("i tre år"), frequencies ("två gånger i veckan") and ages are not
dates.

Span boundaries follow annotations/GUIDELINES.md: a mention starts at the time expression
itself. Leading words that only place it in time ("i", "till", "före", "senast", "från",
"sedan", "under", "efter", "någon gång", "ca" …, see `LEADING_WORD`) are outside the
mention but still read: "efter sommarlovet" is found as "sommarlovet", and "efter 14/3" as
"14/3" of kind `vague`. Words without which there is no time expression stay inside ("om
åtta veckor", "inom en månad", "efter tre veckor", "vid behov", "i vår", "i höstas").

Hand-written patterns rather than dateparser: dateparser reads "4/3" month-first and
knows neither Swedish week numbers nor school holidays, which are most of what plans say.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from planqa.masks import ANY_MASK, DATE_MASK
from planqa.text import folded_re, lower_case_text, lower_case_variant

__all__ = ["LEADING_WORD", "DateMention", "find_dates", "find_plan_date", "leading_words", "masked_plan_date", "normalise"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    iso: str | None  # resolved ISO date (YYYY-MM-DD); None when vague/relative/unresolvable
    kind: str  # "absolute" | "week" | "vague"


MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_FULL = r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
_MONTH_ANY = _MONTH_FULL[:-1] + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b\.?)"
MONTH_NAME = _MONTH_ANY  # a month's name or abbreviation, as regex source for other modules' patterns
# abbreviations that may stand alone ("jul" alone is Christmas, "mar"/"jun" are too rare)
_MONTH_ALONE = _MONTH_FULL[:-1] + r"|(?:jan|feb|apr|aug|sept|okt|nov|dec)\b\.?)"
_WEEKDAY = (r"(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?"
            r"|(?:mån|tis|ons|tors|tor|fre|lör|sön)\b\.?)")
_YEAR4 = r"(?:19|20)\d{2}"
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_TIME = rf"(?:\s*(?:kl\.?|klockan)\s*{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?)"
_B = r"(?<![\wåäöÅÄÖ/.:-])"  # left word boundary that also rejects "3/14/3" and "1.5"
_E = r"(?![\wåäöÅÄÖ])"  # right word boundary
# words that come before a date and belong to its span; "efter"/"tidigast" make it vague
_PRE = r"(?:(?P<pre>(?:någon gång(?:\s+(?:efter|i|under|runt|kring))?|efter|tidigast|ungefär|ca\.?|cirka|runt|omkring|kring)(?:\s+den)?)\s+)?"
_DAYPRE = rf"(?:{_WEEKDAY}\s+)?(?:den\s+)?"
# a d/m "date" followed by one of these is a fraction or a count ("3/4 av tiden", "4/5 dagar")
# (also a scale's step: "7/10 på skalan", "7/10 poäng")
_NOT_DM = r"(?!\s*(?:av|del|delar|dagar|dag|tid|lektioner|timmar|tim|h|veckor|ggr|gånger|%|pass|poäng|på\s+skalan)\b)"
# a number followed by its unit is an amount, no date ("260321 kr", "21.3 procent", "2.5 poäng")
_NOT_NUMBER = r"(?!\s*(?:kr|kronor|sek|:-|procent|poäng|p|mg|ml|kg|g|km|m|cm|mm|min|minuter|st|år|mån)(?![\wåäö]))"

_ABSOLUTE = [
    # 2025-03-14, 2025-3-14; GUIDELINES 4, block 93 ("ett uttryck som entydigt anger en dag är ett konkret datum
    # oavsett form"): 26-03-21 (two digits each: year, month, day), 21-3-2026 and 21-03-2026 (day first, a
    # four-digit year). The forms that block adds are alternatives of the patterns there were, so that they cost
    # no scan of their own.
    (rf"{_B}{_PRE}{_DAYPRE}(?:(?P<iy>{_YEAR4})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\d-])"
     rf"|(?P<ky>\d{{2}})-(?P<km>0[1-9]|1[0-2])-(?P<kd>0[1-9]|[12]\d|3[01])(?![\d-]|[./:]\d)"
     rf"|(?P<hd>\d{{1,2}})-(?P<hm>\d{{1,2}})-(?P<hy>{_YEAR4})(?![\d-])){_TIME}?"),
    # 20250314 (not a personal identity number: no "-NNNN" after it); 260321 (YYMMDD, as health care writes it; not
    # a personal identity number's "-NNNN", "+NNNN" or " NNNN" after it, nor an amount)
    (rf"{_B}{_PRE}{_DAYPRE}(?:(?P<cy>{_YEAR4})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?![\d-])"
     rf"|(?P<xy>\d{{2}})(?P<xm>0[1-9]|1[0-2])(?P<xd>0[1-9]|[12]\d|3[01])"
     rf"(?!\d|\s?[-+–]\s?\d|\s\d{{4}}(?!\d)|[./,:]\d){_NOT_NUMBER}){_TIME}?"),
    # 14/3, 14/3-25, 13/2 -24, 14/3 2025, 14/3/2025, tisdag 4/3 kl 13.00
    (rf"{_B}{_PRE}{_DAYPRE}(?P<dd>\d{{1,2}})/(?P<dm>\d{{1,2}})"
    # (a fraction's or count's word after it, "3/4 av tiden", only where no year follows: "1/10 2025 av SIP:en")
    rf"(?:(?:\s?-\s?|/)(?P<dy>(?:19|20)?\d{{2}})(?![\d/])|\s+(?P<dy4>{_YEAR4})(?!\d)|(?![\d/]){_NOT_DM})(?![\d/])"
    rf"{_TIME}?"),
    # 16.9.2025, 18.03.2025 (day first, with a four-digit year: "1.5" and "3.2" are numbers); block 93: 2026.03.21 and
    # 2026/03/21 (year first, the same separator twice), and 21.3 (day first, no year) only where the words around it
    # say it is a date (`_dotted_day_month_in_context`)
    (rf"{_B}{_PRE}{_DAYPRE}(?:(?P<pd>\d{{1,2}})\.(?P<pm>\d{{1,2}})\.(?P<py>{_YEAR4})(?![\d]|\.\d)"
     rf"|(?P<ry>{_YEAR4})(?P<rs>[./])(?P<rm>\d{{1,2}})(?P=rs)(?P<rd>\d{{1,2}})(?!\d|[./]\d)"
     rf"|(?P<qd>\d{{1,2}})\.(?P<qm>\d{{1,2}})(?!\d|[.,]\d|\s*[-–]\s*\d{{1,2}}[.:]\d{{2}}){_NOT_DM}{_NOT_NUMBER})"
     rf"{_TIME}?"),
    # den 14 mars, 14 mars 2025, tisdagen den 6 februari 2024, 3:e april
    (rf"{_B}{_PRE}{_DAYPRE}(?P<td>\d{{1,2}})(?::e|:a)?\s+(?P<tm>{_MONTH_ANY})(?![\wåäö])"
    rf"(?:\s+(?P<ty>{_YEAR4})(?!\d)|\s?-\s?(?P<ty2>\d{{2}})(?![\d/-]))?{_TIME}?"),
]
# Another pseudonymiser's mask for a date (`planqa.masks`; GUIDELINES 4, block 87: "ett maskerat datum där
# uppföljningen står är ett konkret datum"): Presidio's "<DATE_TIME>" or "XXXX-XX-XX" anywhere, a mask that hides
# anything ("█████", "[MASKERAT]") where a date's "den" or weekday stands before it ("torsdag den █████"). Found as an
# absolute date that cannot be read (no ISO date).
_MASKED_DATES = [rf"{_B}{_PRE}{_DAYPRE}(?P<mask>{DATE_MASK})(?![\wåäöÅÄÖ-]){_TIME}?",
                 rf"{_B}{_PRE}(?:{_WEEKDAY}\s+den|{_WEEKDAY}|den)\s+(?P<mask>{ANY_MASK})"]
# Numbers as a dictated plan spells them ("den fjärde mars", "tjugonde i elfte", "vecka elva", "klockan halv två",
# the year "tjugotjugofem"/"tjugosex"): the same dates as their digits, the span the same whole expression.
_UNIT_WORDS = ("ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio")
_TEENS = ("tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton")
_ORD_UNITS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde")
_ORD_TEENS = ("tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde",
              "artonde", "nittonde")
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNIT_WORDS + _TEENS, 1)} | {"en": 1}
for _tens, _n in (("tjugo", 20), ("trettio", 30), ("fyrtio", 40), ("femtio", 50)):
    CARDINALS[_tens] = _n
    CARDINALS.update({_tens + w: _n + i for i, w in enumerate(_UNIT_WORDS, 1)} | {_tens + "en": _n + 1})
del _tens, _n
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORD_UNITS + _ORD_TEENS, 1)} | {"tjugonde": 20, "trettionde": 30}
ORDINALS.update({"tjugo" + w: 20 + i for i, w in enumerate(_ORD_UNITS, 1)} | {"trettioförsta": 31})


def _alternation(words) -> str:
    """Words as one regex alternation, the longest first ("tjugofem" before "tjugo")."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_ORD_DAY = _alternation(ORDINALS)
_ORD_MONTH = _alternation(w for w, n in ORDINALS.items() if 3 <= n <= 12)  # "i elfte"; not "andra i första"
_WORD_HOUR = _alternation(w for w, n in CARDINALS.items() if n <= 24)
_WORD_YEAR = (r"(?P<sy>(?:tvåtusen|tjugo)(?:tjugo|trettio)(?:" + "|".join(_UNIT_WORDS) + r")?"
              r"|(?:tjugo|trettio)(?:" + "|".join(_UNIT_WORDS) + r"))(?![\wåäö])")
_WORD_TIME = rf"(?:\s+(?:kl\.?|klockan)\s+(?:halv\s+|kvart\s+(?:över|i)\s+)?{_WORD_HOUR}(?![\wåäö]))"
_WORD_DATE = (rf"{_B}{_PRE}{_DAYPRE}(?P<sd>{_ORD_DAY})\s+(?:(?P<sm>{_MONTH_FULL})|i\s+(?P<sn>{_ORD_MONTH})"
              rf"(?!\s+(?:klass|ring|hand|led|omgång)))(?![\wåäö])(?:\s+{_WORD_YEAR}|\s+(?P<sy4>{_YEAR4})(?!\d))?"
              rf"(?:{_TIME}|{_WORD_TIME})?")
# "vecka elva", not a count after it ("vecka två dagar") or a duration before it ("en vecka tre gånger")
_WORD_WEEK = (rf"(?<!\ben\s)(?<!\bper\s)(?<!\bvarje\s){_B}{_PRE}vecka\s+(?P<ws>{_alternation(CARDINALS)})(?![\wåäö])"
              r"(?!\s+(?:dagar|dag|gånger|ggr|timmar|tim|minuter|veckor|månader|år|pass|av)\b)")

# "v.12/26", "v 12 -26" (GUIDELINES 4, block 93: the Monday of week 12 2026): a year of this century's 20s or 30s
# after a slash, or after a dash with a space before it and none after it (as "13/2 -24"); "v. 10-12" is a range
_WEEK_YEAR = r"(?:20)?[23]\d"
_WEEK = (rf"{_B}{_PRE}(?:vecka|v\.?)[ \t]?(?P<w1>\d{{1,2}})"
         rf"(?:/(?P<wy2>{_WEEK_YEAR})(?![\d/.]\d|\d)|[ \t]+-(?P<wy3>{_WEEK_YEAR})(?![\d.:/-]))?(?!\d|[/.:]\d)"
         rf"(?:[ \t]*[-–][ \t]*(?P<w2>\d{{1,2}})(?!\d))?"
         rf"(?:(?:\s+|/|,\s*)(?P<wy>{_YEAR4})(?!\d))?")

_NUM = (r"(?:\d+|en och en halv|ett och ett halvt|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo"
        r"|ett par|ett fåtal|några)")
# also the weeks a note shortens to "v" ("om 6 v", "efter 3 v."), like "mån"
# (also "manader" in text that lost its å/ä/ö, as the actors are read there)
_UNIT = r"(?:dagar|dag|veckor|vecka|v\b\.?|månader|månad|manader|manad|mån\b\.?|år|halvår|terminer|termin)(?![\wåäö])"
_SPAN_PRE = (r"(?:(?:någon gång\s+)?(?:(?:(?:i|under|mot)\s+)?(?:början|mitten|slutet)\s+av|efter|tidigast"
             r"|före|innan|inför|till|fram till|från|sedan|senast|runt|kring|omkring|under|vid|över|i)\s+)")
_DEF_SEASON = r"(?:våren|hösten|sommaren|vintern)"
_TERM = r"(?:vårterminen|höstterminen|vt|ht|terminsstart(?:en)?|terminsslut(?:et)?|skolstart(?:en)?" \
        r"|läsårsstart(?:en)?|skolavslutning(?:en)?|sommaruppehåll(?:et)?|läsårets\s+(?:start|slut|början))"
_HOLIDAY_LOV = r"(?:sommar|jul|sport|höst|påsk|vinter|novembers?)lov(?:et)?"
_HOLIDAY = r"(?:jul(?:en)?|påsk(?:en)?|nyår(?:et)?|årsskiftet|midsommar(?:en)?|semestern|semestrarna|trettondagen)"
_NEXT = r"(?:nästa|kommande)\s+(?:vecka|månad|termin|läsår|år|höst|vår|sommar)\b"
# "i vår" only as the season (also at a line's end), not "i vår familj"
_I_VAR = (r"i\s+vår(?=[ \t]*(?:$|\r?\n)|\s*(?:[^\w\s]|(?:och|eller|ska|kommer|så|igen|men|när|har|är|blir|kan|får|tas"
          r"|följs|ses|träffas|med|inför|vi|någon)\b))")

_VAGUE = [
    rf"{_B}{_SPAN_PRE}?(?:om|inom|efter)\s+(?:ca\.?\s+|cirka\s+|ungefär\s+)?{_NUM}\s+{_UNIT}",
    rf"{_B}{_SPAN_PRE}?{_NEXT}",
    rf"{_B}(?:vid\s+behov|omgående|snarast(?:\s+möjligt)?){_E}",
    rf"{_B}(?:någon gång\s+|sedan\s+)?{_I_VAR}",
    rf"{_B}(?:någon gång\s+|sedan\s+)?i\s+(?:höst|sommar|vinter|våras|höstas|somras|vintras|påskas|julas){_E}",
    rf"{_B}{_SPAN_PRE}{_DEF_SEASON}(?:\s+{_YEAR4})?{_E}",
    rf"{_B}{_DEF_SEASON}\s+{_YEAR4}{_E}",
    rf"{_B}{_SPAN_PRE}?(?:{_TERM})(?:\s?-?(?:{_YEAR4}|\d{{2}}))?{_E}",
    rf"{_B}{_SPAN_PRE}?{_HOLIDAY_LOV}{_E}",
    rf"{_B}{_SPAN_PRE}{_HOLIDAY}{_E}",
    rf"{_B}{_SPAN_PRE}?{_MONTH_ALONE}(?:\s+{_YEAR4})?(?:\s*[-–]\s*{_MONTH_ALONE}(?:\s+{_YEAR4})?)?{_E}",
    rf"{_B}(?:(?:i|sedan|från|under|till)\s+)?{_YEAR4}(?![\d:/-]|\s*§)",
    # the term or school year in a span ("i slutet av terminen", "mot slutet av läsåret", "före terminens slut")
    rf"{_B}{_SPAN_PRE}(?:terminen|läsåret|(?:terminens|läsårets)\s+slut){_E}",
]

# The boundary rule of annotations/GUIDELINES.md: a leading word or phrase that only places the
# time expression in time is outside the span. Not "i" before a bare season adverb ("i vår",
# "i höstas") or a day adverb ("i går", "i fredags"), "efter" before an amount ("efter tre veckor"), "vid" before "behov": there the
# word is part of the expression. "om", "inom", "den", "nästa", "början av" … are never leading
# words. Applied again to what is left: "sedan i våras" -> "i våras", "någon gång efter v. 20" -> "v. 20".
_SEASON_ADVERB = r"(?:vår|höst|sommar|vinter|våras|höstas|somras|vintras|påskas|julas)(?![\wåäö])"
# A day or part of a day that "i" makes an adverb ("i går", "i morgon", "i kväll", "i fredags", "i fjol"):
# without "i" there is no time expression, so "i" is inside the span, as before a season.
_DAY_ADVERB = (r"(?:dag|går|förrgår|morgon|övermorgon|morse|kväll|natt|eftermiddag|förmiddag|fjol|"
               r"(?:mån|tis|ons|tors|fre|lör|sön)dags)(?![\wåäö])")
_AMOUNT = rf"(?:(?:ca\.?|cirka|ungefär)\s+)?{_NUM}\s+{_UNIT}"
LEADING_WORD = re.compile(
    r"(?:någon\s+gång|fram\s+till|till\s+och\s+med|från\s+och\s+med|och\s+med|fr\.?\s?o\.?\s?m\.?"
    r"|t\.?\s?o\.?\s?m\.?|med\s+start|start"
    rf"|i(?!\s+(?:{_SEASON_ADVERB}|{_DAY_ADVERB}))|efter(?!\s+{_AMOUNT})|vid(?!\s+behov)"
    r"|på|till|från|sedan|sen|under|före|innan|inför|över|mot|senast|tidigast|runt|kring|omkring"
    r"|ca\.?|cirka|ungefär|redan|tidigare|preliminärt)\s+",
    re.IGNORECASE)


def leading_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the time expression in text[start:end] begins once the leading words are left out
    (`start` when there are none; never the end: a span is not emptied)."""
    end = len(text) if end is None else end
    while (m := LEADING_WORD.match(text, start, end)) and m.end() < end:
        start = m.end()
    return start


_FLAGS = re.IGNORECASE
# Per pattern, strings one of which every match contains: a substring test on the lowered text
# skips the patterns that cannot match, which is most of them on a line (find_dates runs per line
# and per entity). The three characters that re.IGNORECASE matches to an ASCII letter but
# str.lower() does not are folded first.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_ABS_KEYS = [("-",), tuple("0123456789"), ("/",), (".", "/"), _MONTH_KEYS]
_ABS_RE = [(re.compile(p, _FLAGS), keys) for p, keys in zip(_ABSOLUTE, _ABS_KEYS, strict=True)]
_WEEK_RE = re.compile(_WEEK, _FLAGS)
_WORD_DATE_RE = re.compile(_WORD_DATE, _FLAGS)
_WORD_WEEK_RE = re.compile(_WORD_WEEK, _FLAGS)
_MASKED_DATE_RE = [re.compile(p, _FLAGS) for p in _MASKED_DATES]
_MASK_KEYS = ("<date", "xxxx-", "█", "■", "****", "[mask", "[redacted]", "[dolt]")
_MASK_IN_MENTION = [re.compile(DATE_MASK, re.IGNORECASE), re.compile(ANY_MASK, re.IGNORECASE)]
_WORD_DATE_KEYS = _MONTH_KEYS + tuple(w for w, n in ORDINALS.items() if 3 <= n <= 12)
_VAGUE_KEYS = [
    ("dag", "veck", "mån", "manad", "år", "termin", " v"),
    ("nästa", "kommande"),
    ("behov", "omgående", "snarast"),
    ("vår",),
    ("höst", "sommar", "vinter", "vår", "somras", "vintras", "påsk", "jul"),
    ("våren", "hösten", "sommaren", "vintern"),
    ("våren", "hösten", "sommaren", "vintern"),
    ("termin", "vt", "ht", "skolstart", "läsår", "skolavslutning", "sommaruppehåll"),
    ("lov",),
    ("jul", "påsk", "nyår", "årsskift", "midsommar", "semester", "semestrar", "trettondag"),
    _MONTH_KEYS,
    tuple("0123456789"),
    ("termin", "läsår"),
]
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_VAGUE_RE = [(re.compile(p, _FLAGS), keys) for p, keys in zip(_VAGUE, _VAGUE_KEYS, strict=True)]
_VAGUE_PRE = re.compile(r"efter|tidigast|någon gång|ungefär|ca|cirka|runt|omkring|kring", _FLAGS)
# the same words right before a span that starts at the date itself ("efter {14/3}")
_VAGUE_BEFORE = re.compile(r"(?<![\wåäö])(?:efter|tidigast|någon\s+gång(?:\s+(?:efter|i|under|runt|kring))?"
                           r"|ungefär|ca\.?|cirka|runt|omkring|kring)\s+$", _FLAGS)


def _safe_date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _next_occurrence(month: int, day: int, plan_date: datetime.date | None) -> datetime.date | None:
    """The first (day, month) on or after the plan date; None without a plan date."""
    if plan_date is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    for year in range(plan_date.year, plan_date.year + 5):  # 29/2 may need a leap year
        d = _safe_date(year, month, day)
        if d is not None and d >= plan_date:
            return d
    return None


def _week_monday(week: int, year: int | None, plan_date: datetime.date | None) -> datetime.date | None:
    """Monday of ISO week `week`: of `year`, else the next such week on or after the plan date."""
    if not 1 <= week <= 53:
        return None
    if year is None:
        if plan_date is None:
            return None
        iso_year, plan_week, _ = plan_date.isocalendar()
        year = iso_year if week >= plan_week else iso_year + 1
    try:
        return datetime.date.fromisocalendar(year, week, 1)
    except ValueError:  # week 53 in a year that has 52
        return None


def _year2(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _century_year(text: str) -> int:
    """A two-digit year that leads a date ("260321", "26-03-21"): 1951-2050, as a birth date may also be written."""
    y = int(text)
    return y + 2000 if y <= 50 else y + 1900


def _word_year(text: str) -> int:
    """A spelled-out year: "tjugotjugofem" and "tvåtusentjugofem" are 2025, "tjugosex" is 2026."""
    low = text.lower()
    for prefix in ("tvåtusen", "tjugo"):
        if low.startswith(prefix) and CARDINALS.get(low[len(prefix):], 0) >= 20:
            return 2000 + CARDINALS[low[len(prefix):]]
    return 2000 + CARDINALS[low]


def _resolve_words(g: dict[str, str | None], plan_date: datetime.date | None) -> datetime.date | None:
    """A spelled-out day and month ("fjärde mars", "tjugonde i elfte") with its year, if any."""
    day = ORDINALS[g["sd"].lower()]
    month = MONTHS[g["sm"].lower()] if g.get("sm") else ORDINALS[g["sn"].lower()]
    if g.get("sy"):
        return _safe_date(_word_year(g["sy"]), month, day)
    if g.get("sy4"):  # "den tjugoförsta mars 2026": the year in digits (GUIDELINES 4, block 93)
        return _safe_date(int(g["sy4"]), month, day)
    return _next_occurrence(month, day, plan_date)


def _resolve_absolute(m: re.Match[str], plan_date: datetime.date | None) -> datetime.date | None:
    g = m.groupdict()
    if g.get("sd"):
        return _resolve_words(g, plan_date)
    if g.get("iy"):
        return _safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g.get("cy"):
        return _safe_date(int(g["cy"]), int(g["cm"]), int(g["cd"]))
    if g.get("pd"):
        return _safe_date(int(g["py"]), int(g["pm"]), int(g["pd"]))
    if g.get("ry"):
        return _safe_date(int(g["ry"]), int(g["rm"]), int(g["rd"]))
    if g.get("ky"):
        return _safe_date(_century_year(g["ky"]), int(g["km"]), int(g["kd"]))
    if g.get("xy"):
        return _safe_date(_century_year(g["xy"]), int(g["xm"]), int(g["xd"]))
    if g.get("hd"):
        return _safe_date(int(g["hy"]), int(g["hm"]), int(g["hd"]))
    if g.get("qd"):
        return _next_occurrence(int(g["qm"]), int(g["qd"]), plan_date)
    if g.get("dd"):
        day, month = int(g["dd"]), int(g["dm"])
        year = g.get("dy") or g.get("dy4")
        return _safe_date(_year2(year), month, day) if year else _next_occurrence(month, day, plan_date)
    day, month = int(g["td"]), MONTHS[g["tm"].lower().rstrip(".")]
    if g.get("ty") or g.get("ty2"):
        return _safe_date(_year2(g["ty"] or g["ty2"]), month, day)
    return _next_occurrence(month, day, plan_date)


def _valid_absolute(m: re.Match[str]) -> bool:
    """Reject what cannot be a day and month at all (e.g. "24/7", "50/50", "3 mar")."""
    g = m.groupdict()
    if g.get("dd"):
        day, month = int(g["dd"]), int(g["dm"])
        return 1 <= day <= 31 and 1 <= month <= 12 and m.group() != "24/7"
    if g.get("td"):
        return 1 <= int(g["td"]) <= 31
    if g.get("pd"):
        return 1 <= int(g["pd"]) <= 31 and 1 <= int(g["pm"]) <= 12
    if g.get("ry") or g.get("ky") or g.get("xy"):
        return not _CASE_NUMBER_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    if g.get("hd"):
        return 1 <= int(g["hd"]) <= 31 and 1 <= int(g["hm"]) <= 12
    if g.get("qd"):
        return 1 <= int(g["qd"]) <= 31 and 1 <= int(g["qm"]) <= 12 and _dotted_day_month_in_context(m)
    return True


# A number that a label says is a case's, a phone's or a reference ("Dnr 2026/03/21", "ärendenr 260321"): no date.
_CASE_NUMBER_BEFORE = folded_re(
    r"(?<![\wåäö])(?:dnr|diarienr|diarienummer|ärende(?:nummer|nr)?|nr|nummer|ref|id|tel|telefon|mobil|konto"
    r"|org\.?nr)\.?:?\s*\Z", re.IGNORECASE)
# "21.3" is also a section ("4.2 Samtal"), a clock time ("kl 9.15") or a decimal: day first only where a weekday or
# "den" stands in it ("tors 19.3", "den 21.3"), a clock time follows ("21.3 kl 13"), a date's or follow-up's word or
# a preposition of time stands right before it ("Uppföljning: 21.3", "Nästa möte 21.3", "till 21.3"), it fills a table
# row's first cell alone under a time's heading, or it is the whole expression read (`normalise` of a mention's text)
_DOTTED_DATE_BEFORE = folded_re(
    r"(?:(?:datum|möte[t]?|träff(?:en|as)?)"  # also in a compound ("Mötesdatum:", "SIP-möte", "nätverksträff")
    r"|(?<![\wåäö])(?:i\s?dag|uppf\w*\.?|ses(?:\s+igen)?|igen|kallar|kallas|senast|till|från"
    r"|fr\.?\s?o\.?\s?m\.?|t\.?\s?o\.?\s?m\.?|före|innan|efter|tidigast|start|slut))[ \t]*[:=|;]?[ \t]*\Z", re.IGNORECASE)
_DAY_BEFORE = re.compile(rf"(?:{_WEEKDAY}|den)[ \t]+\Z", re.IGNORECASE)
# a table cell that holds the date alone, in a column headed by a time ("| När | Vad |\n|---|---|\n| 8.12 |
# uppföljning |", "| Insats | Ansvarig | Klart |\n ... | | 26.2 |"; not "| Skattning | 2.5 |" nor a numbered row
# "| 4.1 | Bedömning |")
_CELL_BEFORE = re.compile(r"\|[ \t]*\Z")
_CELL_AFTER = re.compile(r"[ \t]*\|")
_TIME_COLUMN = re.compile(r"[ \t]*(?:när|till när|datum|tid|tidpunkt|dag|date|when|klart|klart senast|senast|deadline)"
                          r"[ \t]*\Z", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:kl\.?|klockan)\s*\d", re.IGNORECASE)


def _dotted_day_month_in_context(m: re.Match[str]) -> bool:
    """Whether a dotted day and month without a year ("21.3") is a date: see `_DOTTED_DATE_BEFORE`."""
    text, start = m.string, m.start("qd")
    if "\n" in text[m.start():start]:
        return False  # a weekday at the end of the line before ("varje måndag\n5.5 Logoped ...")
    if _DAY_BEFORE.search(text, m.start(), start) or not text[:start].strip() and not text[m.end():].strip():
        return True  # a weekday or "den" in the match, or the whole expression
    if m.group("qd").startswith("0") and len(m.group("qm")) == 2:
        return False  # "senast 08.10": a clock time's hour
    return bool(_DOTTED_DATE_BEFORE.search(text, max(0, start - 40), start) or _CLOCK_AFTER.match(text, m.end("qm"))
                or _CELL_BEFORE.search(text, max(0, start - 40), start) and _CELL_AFTER.match(text, m.end())
                and _date_column(text, start))


def _date_column(text: str, pos: int) -> bool:
    """Whether the table cell at `pos` is in a column headed by a time ("| När | Vad |", "| Insats | Klart |")."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("|", line_start, pos)
    while line_start > 0:  # up to the table's first row
        above = text.rfind("\n", 0, line_start - 1) + 1
        if not text[above:line_start].lstrip().startswith("|"):
            break
        line_start = above
    line_end = text.find("\n", line_start)
    cells = text[line_start:line_end if line_end >= 0 else len(text)].split("|")
    return column < len(cells) and bool(_TIME_COLUMN.fullmatch(cells[column].rstrip()))


def _kind(m: re.Match[str], kind: str) -> str:
    """The match's kind, or 'vague' when a leading word makes it so ("någon gång efter v. 20")."""
    return "vague" if m.group("pre") and _VAGUE_PRE.search(m.group("pre")) else kind


@lru_cache(maxsize=256)  # the NER reads the plan without its date, the rules with it
def _matches(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """(start of the whole match including leading words, start without them, kind, match) per match, before
    resolving: the kind is 'absolute' or 'week' (resolved with the plan date) or 'vague'."""
    found: list[tuple[int, str, re.Match[str]]] = []
    has_digit = any(map(str.isdigit, text))
    lowered = lower_case_text(text)
    low = text.translate(_FOLD).lower() if lowered is None else lowered

    def scan(rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches on the lower-cased text without re.IGNORECASE where that keeps every offset (several times
        faster; a match's groups are then lower-cased, its offsets the same)."""
        return rx.finditer(text) if lowered is None else lower_case_variant(rx).finditer(lowered)

    for rx, keys in _ABS_RE if has_digit else ():
        for m in scan(rx) if any(k in low for k in keys) else ():
            if not _valid_absolute(m):
                continue
            found.append((m.start(), _kind(m, "absolute"), m))
    for m in scan(_WEEK_RE) if has_digit and "v" in low else ():
        if not 1 <= int(m.group("w1")) <= 53:
            continue
        found.append((m.start(), _kind(m, "week"), m))
    for m in scan(_WORD_DATE_RE) if any(k in low for k in _WORD_DATE_KEYS) else ():
        found.append((m.start(), _kind(m, "absolute"), m))
    for m in scan(_WORD_WEEK_RE) if "vecka " in low else ():
        if CARDINALS[m.group("ws").lower()] <= 53:
            found.append((m.start(), _kind(m, "week"), m))
    for rx in _MASKED_DATE_RE if any(k in low for k in _MASK_KEYS) else ():
        for m in scan(rx):
            found.append((m.start(), _kind(m, "absolute"), m))
    for rx, keys in _VAGUE_RE:
        for m in scan(rx) if any(k in low for k in keys) else ():
            found.append((m.start(), "vague", m))
    return tuple((whole, leading_words(text, m.start(), m.end()), kind, m) for whole, kind, m in found)


# A scanned plan's digits that OCR read as letters ("2O26-04-1O", "l2/3", "5/2 2O26"): O/o as 0 and l/I as 1 in a
# token of digits and date separators that has a digit. Each letter becomes one digit, so a mention keeps its place.
OCR_DIGIT_TOKEN = re.compile(r"(?<![\wåäöÅÄÖ])(?=[\dOolI/.-]*\d)[\dOolI]{1,4}(?:[-/.][\dOolI]{1,4}){0,2}(?![\wåäöÅÄÖ])")
_OCR_LETTERS = str.maketrans("OolI", "0011")


def _ocr_digits(text: str) -> str:
    """The text with OCR-misread digits repaired (`OCR_DIGIT_TOKEN`), the same length."""
    return OCR_DIGIT_TOKEN.sub(lambda m: m.group().translate(_OCR_LETTERS), text)


def _candidates(text: str, plan_date: datetime.date | None) -> list[tuple[int, DateMention]]:
    """(start of the whole match including leading words, mention without them) per match; read with OCR-misread
    digits repaired, the mention's text as the plan writes it."""
    out = []
    for whole, start, kind, m in _matches(_ocr_digits(text)):
        if kind == "absolute":
            d = None if m.groupdict().get("mask") else _resolve_absolute(m, plan_date)
        elif kind == "week":
            week = CARDINALS[m.group("ws").lower()] if "ws" in m.groupdict() else int(m.group("w1"))
            g = m.groupdict()
            year = next((_year2(g[k]) for k in ("wy", "wy2", "wy3") if g.get(k)), None)
            d = _week_monday(week, year, plan_date)
        else:
            d = None
        iso = d.isoformat() if d else None
        out.append((whole, DateMention(start, m.end(), text[start:m.end()], iso, kind)))
    return out


def find_dates(text: str, plan_date: datetime.date | None = None) -> list[DateMention]:
    """All date expressions in `text`, longest first where they overlap, in text order.

    A mention leaves out its leading words (`LEADING_WORD`), which still decide whether it is
    vague; which of two overlapping expressions wins is decided with them.
    """
    if not isinstance(text, str) or not text:
        return []
    return list(_find_dates(text, plan_date))


@lru_cache(maxsize=64)  # the rules, the NER's gazetteer and the follow-up scorer all read the same plan
def _find_dates(text: str, plan_date: datetime.date | None) -> tuple[DateMention, ...]:
    rank = {"absolute": 0, "week": 1, "vague": 2}
    cands = sorted(_candidates(text, plan_date), key=lambda c: (-(c[1].end - c[0]), rank[c[1].kind], c[0]))
    taken: list[tuple[int, DateMention]] = []
    for whole, c in cands:
        if all(c.end <= t_whole or whole >= t.end for t_whole, t in taken):
            taken.append((whole, c))
    return tuple(sorted((c for _, c in taken), key=lambda c: c.start))


def normalise(expr: str, plan_date: datetime.date | None = None, before: str = "") -> tuple[str | None, str]:
    """Resolve one date expression to (ISO date or None, kind).

    The first resolvable mention in `expr` wins; an expression with no recognisable date is
    (None, "vague"). `before` is the text just before `expr`: a span that starts at the date
    itself leaves "efter", "tidigast", "någon gång", "ca" … outside, and after them a date is
    vague ("efter 14/3"), as `find_dates` reads it.
    """
    if not isinstance(expr, str) or not isinstance(plan_date, datetime.date | None):
        return None, "vague"
    if isinstance(before, str) and before and _VAGUE_BEFORE.search(before[-40:]):
        return None, "vague"
    return _normalise(expr, plan_date)


@lru_cache(maxsize=8192)
def _normalise(expr: str, plan_date: datetime.date | None) -> tuple[str | None, str]:
    for m in find_dates(expr, plan_date):
        if m.kind != "vague":
            return m.iso, m.kind
    return None, "vague"


_PLAN_CUE = re.compile(
    r"datum|möte|mötet|hölls|upprättad|upprättades|daterad|anteckn|uppföljning av|denna uppföljning|\bsip\b",
    re.IGNORECASE)
_NOT_PLAN_CUE = re.compile(
    r"planer|var satt|ursprung|tidigare|föregående|förra|född|födelse|nästa|ny sip|kalla|följs upp"
    r"|återbesök|inskriv|skjut|flytta|senast|(?:till|från)\s+$", re.IGNORECASE)
# also the adjective before the meeting ("Uppföljande SIP-möte 2026-10-13" is the next meeting, not this one)
_FOLLOW_UP_WORD = re.compile(r"(?<!denna )uppföljning(?!\s+av\b)|uppföljande\s+(?:sip-?)?möte", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;!?]\s|,\s|\s(?:och|men|samt)\s")
_FOLLOWUP_DOC = re.compile(r"uppföljning|uppföljande", re.IGNORECASE)
# In a follow-up document, the plan it follows up ("SIP som gjordes 2024-11-19", "upprättad 5/3").
_EARLIER_PLAN = re.compile(r"upprättad|gjordes|gjord\b", re.IGNORECASE)


def _year_hint(text: str) -> int | None:
    """The most frequent four-digit year in the text, for a year-less meeting date."""
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    return int(max(years, key=years.count)) if years else None


def _plan_date_candidates(text: str, head: int) -> list[DateMention]:
    """Date mentions on the lines that can hold the plan date: near the top or with a cue word."""
    out: list[DateMention] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        # near the top also a date in words, as a dictated plan gives it ("mötet tisdag tjugosjunde januari ...")
        if pos < head or any(map(str.isdigit, line)) and _PLAN_CUE.search(line):
            out += [DateMention(m.start + pos, m.end + pos, m.text, m.iso, m.kind) for m in find_dates(line)]
        pos += len(line)
    return out


def find_plan_date(text: str) -> datetime.date | None:
    """The plan's (meeting's) own date, or None.

    A full date on a line that says it is the meeting or plan date ("Datum för mötet:",
    "SIP-möte 13/2 -24", "Uppföljningsmöte hölls ...") wins; else the first full date near
    the top that is not an earlier plan, a planned follow-up or a birthday.
    """
    if not isinstance(text, str) or not text:
        return None
    return _find_plan_date(text)


@lru_cache(maxsize=64)
def _find_plan_date(text: str) -> datetime.date | None:
    best = _plan_date_mention(text)
    return datetime.date.fromisoformat(best[2]) if best and best[2] else None


def masked_plan_date(text: str) -> DateMention | None:
    """The masked date (another pseudonymiser's "Datum: <DATE_TIME>") that stands where the plan's own date would:
    it wins over every readable date as `find_plan_date` weighs them. The meeting's own date, no follow-up."""
    if not isinstance(text, str) or not text or not any(k in text.lower() for k in _MASK_KEYS):
        return None
    best = _plan_date_mention(text)
    return best[3] if best and best[2] is None else None


@lru_cache(maxsize=64)
def _plan_date_mention(text: str) -> tuple[int, int, str | None, DateMention] | None:
    """(score, start, ISO date, mention) of the best plan-date candidate; a masked date's ISO date is None."""
    head = min(len(text), max(400, len(text) // 6))
    followup_doc = bool(_FOLLOWUP_DOC.search(text[:150]))
    hint = _year_hint(text)
    best: tuple[int, int, str | None, DateMention] | None = None
    for m in _plan_date_candidates(text, head):
        if m.kind != "absolute":
            continue
        masked = _is_masked(m)
        iso = m.iso or normalise(m.text, datetime.date(hint, 1, 1) if hint else None)[0]
        if iso is None and not masked:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_before = text[max(line_start, m.start - 80):m.start]
        before = _CLAUSE_BREAK.split(line_before)[-1]
        score = 0
        if _PLAN_CUE.search(line_before):
            score += 2
        if _NOT_PLAN_CUE.search(before) or (followup_doc and _EARLIER_PLAN.search(before)):
            score -= 3
        if _FOLLOW_UP_WORD.search(before):
            # in a follow-up document the follow-up meeting is this plan's date; elsewhere it is later
            score += 2 if followup_doc and m.start < head else -3
        if m.start < head:
            score += 1
        if m.iso is None and score < 2:
            continue  # a year-less date only where the line says it is the meeting date
        if score > 0 and (best is None or score > best[0]):
            best = (score, m.start, None if masked else iso, m)
    return best


def _is_masked(m: DateMention) -> bool:
    """Whether a mention is a masked date (`_MASKED_DATES`)."""
    return any(rx.search(m.text) for rx in _MASK_IN_MENTION)
