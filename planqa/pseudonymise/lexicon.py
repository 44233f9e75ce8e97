"""Word lists for the pseudonymiser: names, name-context triggers, keep-words, lemmas.

Names come from `planqa.wordlists` (the lists in `planqa/data/names/`). Everything else is
small closed classes kept here, next to the rules that use them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from planqa.wordlists import first_names, not_names, places, surnames, word_names  # noqa: F401

# Words that make the capitalised word right after them a name ("mamma Sara", "kurator Jonas").
# Lower case base forms; `lemma()` maps inflected forms (mamman, kuratorn) onto them.
FAMILY_WORDS = (
    "mamma", "pappa", "mormor", "morfar", "farmor", "farfar", "bror", "syster",
    "storebror", "lillebror", "storasyster", "lillasyster", "halvbror", "halvsyster", "styvpappa",
    "styvmamma", "bonuspappa", "bonusmamma", "farbror", "morbror", "faster", "moster", "kusin",
    "dotter", "barnet", "eleven", "flickan", "pojken", "sonen", "dottern", "vårdnadshavare",
    "vh", "förälder", "fosterförälder", "familjehemsmamma", "familjehemspappa", "kontaktfamilj",
    "mamman", "pappan", "tjejen", "killen", "ungdomen", "partner", "sambo", "fru", "make",
    "maka", "styvbror", "styvsyster", "tvillingbror", "tvillingsyster", "fostermamma", "fosterpappa",
    "familjehemmet", "jourhemmet", "familjen", "systern", "brodern", "brorsan", "morsan", "farsan",
)
ROLE_WORDS = (
    "kurator", "skolkurator", "mentor", "rektor", "biträdande", "socialsekreterare", "handläggare",
    "biståndshandläggare", "psykolog", "läkare", "barnläkare", "överläkare", "arbetsterapeut",
    "logoped", "specialpedagog", "speciallärare", "kontaktperson", "familjebehandlare",
    "sjuksköterska", "skolsköterska", "elevassistent", "syv", "fysioterapeut", "behandlare",
    "klassföreståndare", "lärare", "pedagog", "förskollärare", "dietist", "tolk", "ombud",
    "familjehemssekreterare", "samordnare", "samordningsansvarig", "planeringsansvarig",
    "enhetschef", "avdelningschef", "chef", "sektionschef", "utredare", "barnsekreterare",
    "fritidsledare", "resursperson", "assistent", "boendestödjare", "stödperson", "advokat",
    "jurist", "polis", "kontaktsjuksköterska", "habiliteringsassistent", "specialistsjuksköterska",
    "skolpsykolog", "skolläkare", "socionom", "studievägledare", "klasslärare", "ämneslärare",
    "habiliteringspsykolog", "sjukgymnast", "handledare", "familjepedagog",
    "socialpedagog", "boendehandledare", "elevhälsosamordnare", "hälsoskötare",
    "lss-handläggare", "kontaktman", "barnmorska", "tandläkare", "audionom", "kontaktpedagog",
    "förskolechef", "skolchef", "coach", "mentorn", "talpedagog", "barnombud", "god man", "särskilt förordnad vårdnadshavare",
)
# A colon after these (a form field) makes the next capitalised words a name.
LABEL_WORDS = (
    "namn", "barnets namn", "elevens namn", "ungdomens namn", "vårdnadshavare", "vårdnadshavare 1",
    "vårdnadshavare 2", "förälder", "förälder 1", "förälder 2", "mamma", "pappa", "kontaktperson",
    "handläggare", "ansvarig", "ansvarig handläggare", "upprättad av", "upprättat av", "underskrift",
    "signatur", "sammankallande", "deltagare", "närvarande", "frånvarande", "förhinder",
    "från", "till", "kopia", "kopia till", "avsändare", "mottagare", "samordningsansvarig",
    "planeringsansvarig", "sekreterare", "protokollförare", "ordförande", "mentor", "kurator",
    "rektor", "socialsekreterare", "behandlare", "god man", "ombud", "barn", "elev", "ungdom",
    "skriven av", "skrivet av", "antecknat av", "antecknad av", "ansvariga", "kontakt",
    "syskon", "kontaktuppgifter", "tolk", "läkare", "psykolog", "ansvarig för insatsen",
    "ansvarig för uppföljning", "sign", "sign.", "handläggande socialsekreterare", "utredare",
    "remittent", "patient", "sökande", "anmälare", "klient", "elev", "brukare", "kallad av", "sammanställt av",
)
GREETINGS = (
    "mvh", "hälsningar", "hälsning", "vänliga hälsningar", "med vänlig hälsning", "vänlig hälsning",
    "bästa hälsningar", "varma hälsningar", "hälsar", "/", "ha det bra", "tack på förhand", "tack",
    "allt gott", "hej då",
)
# "heter Sara", "kallas Jonte"
NAMING_VERBS = ("heter", "hette", "kallas", "kallad", "kallar", "namnet", "tilltalsnamn")
# "i Lund", "från Borås": a capitalised word after these is a place, not a name
LOCATIVE_WORDS = ("i", "på", "från", "till", "mot", "utanför", "nära", "norr", "söder", "via", "vid", "inom")
# months that are also names (Maj, Juni, Jan) are in word_names.txt instead
MONTHS = (
    "januari", "februari", "mars", "april", "juli", "augusti", "september", "oktober", "november",
    "december", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
)
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def inflections(base: str) -> set[str]:
    """Common Swedish inflected forms of a noun-like word (definite, plural, genitive)."""
    forms = {base}
    if base.endswith("nummer"):
        stem = base[: -len("nummer")]
        forms |= {stem + "numret", stem + "numrets", stem + "numren", stem + "nummer"}
    if base.endswith("a"):
        forms |= {base + "n", base[:-1] + "or", base[:-1] + "orna"}
    elif base.endswith("e"):
        forms |= {base + "n", base + "t", base + "r", base + "rna", base + "na"}
    else:
        forms |= {base + "en", base + "et", base + "er", base + "erna", base + "ar", base + "arna",
                  base + "n", base + "na"}
    forms |= {f + "s" for f in list(forms) if not f.endswith("s")}
    return forms


# Base forms whose inflections the lemmatiser knows: context words of the recognizers,
# and the trigger words above.
_LEMMA_BASES = (
    "personnummer", "samordningsnummer", "nummer", "telefonnummer", "mobilnummer", "telefon",
    "mobil", "mobiltelefon", "adress", "postadress", "hemadress", "bostadsadress", "gatuadress",
    "e-postadress", "mejladress", "mailadress", "mejl", "mail", "e-post", "postnummer", "ort",
    "diarienummer", "ärendenummer", "journalnummer", "ärende", "skola", "enhet", "boende",
    "lägenhet", "växel", "födelsedatum", "födelsedag", "id-nummer",
) + FAMILY_WORDS + ROLE_WORDS


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in _LEMMA_BASES:
        for form in inflections(base):
            table.setdefault(form, base)
    for base in _LEMMA_BASES:  # a base form is always its own lemma
        table[base] = base
    return table


def lemma(word: str) -> str:
    """Lemma of a word for context matching: a lookup of the domain's words, else lower case."""
    low = word.lower().strip(".:")
    return _lemma_table().get(low, low)


_PLACEHOLDER_RE = re.compile(r"\[[A-ZÅÄÖa-zåäö0-9_\- ]{1,40}\]")


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """[BARN], [VH1], [NAMN_2], [PERSON_1] ...: placeholders that must survive and never match."""
    return [m.span() for m in _PLACEHOLDER_RE.finditer(text)]
