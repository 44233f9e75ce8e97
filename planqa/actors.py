"""Gazetteer of SIP actors (verksamheter) and roles: surface forms -> normalised names.

Closed classes, so a lookup list beats a model here. Used by the entity ruler of the NLP
pipeline and by the rule-based assessor. Matching is case-insensitive on whole words,
accepts Swedish inflections (bestämd form, genitive -s, "bup:s") and text that lost å/ä/ö.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from planqa import wordlists
from planqa.masks import ORGANISATION_MASK
from planqa.text import fold_diacritics, lower_case_text, lower_case_variant

# normalised name -> regular-expression alternatives (lower case, whole words)
ACTORS: dict[str, list[str]] = {
    "socialtjänsten": [
        r"socialtjänst(?:en)?s?", r"soc(?:en)?", r"socialförvaltning(?:en)?s?", r"ifo",
        r"individ- och familjeomsorg(?:en)?s?", r"barn- och familj(?:eenheten)?", r"bof",
        r"socialkontor(?:et)?s?", r"familjeenhet(?:en)?s?", r"socialnämnd(?:en)?s?",
        r"barn- och ungdomsenhet(?:en)?s?", r"öppenvård(?:en)?s?",
    ],
    "bup": [r"bup(?::s|s)?", r"bup-mottagning(?:en)?s?", r"barn- och ungdomspsykiatri(?:n)?s?",
            r"barnpsykiatri(?:n)?s?"],
    "habiliteringen": [r"habilitering(?:en)?s?", r"hab(?:ben)?s?", r"barnhabilitering(?:en)?s?",
                       r"barn- och ungdomshabilitering(?:en)?s?"],
    "elevhälsan": [r"elevhälsa(?:n)?s?", r"eht", r"elevhälsoteam(?:et)?s?", r"skolhälsovård(?:en)?s?",
                   r"elevhälsoteamet", r"centrala elevhälsan"],
    "skolan": [r"skola(?:n)?s?", r"skolans", r"grundskola(?:n)?s?", r"gymnasi(?:et|eskola(?:n)?)s?",
               r"grundsärskola(?:n)?s?", r"anpassad(?:e)? grundskola(?:n)?", r"klass(?:en)?s?"],
    "förskolan": [r"förskola(?:n)?s?", r"förskoleklass(?:en)?"],
    "bvc": [r"bvc", r"barnavårdscentral(?:en)?s?"],
    "barnmedicin": [r"barn- och ungdomsmedicin(?:ska mottagningen)?", r"bum", r"barnklinik(?:en)?s?",
                    r"barnmottagning(?:en)?s?", r"barnmedicin(?:en)?s?", r"barnläkarmottagning(?:en)?"],
    "primärvården": [r"primärvård(?:en)?s?", r"vårdcentral(?:en)?s?", r"vc"],
    "första_linjen": [r"första linjen(?: barn och unga)?", r"ungdomsmottagning(?:en)?s?", r"umo"],
    "lss": [r"lss(?:-handläggning(?:en)?|-verksamhet(?:en)?|-enhet(?:en)?)?", r"korttidsboende(?:t)?s?",
            r"korttids", r"funktionsstöd(?:et)?"],
    "försäkringskassan": [r"försäkringskassa(?:n)?s?", r"fk"],
    "polisen": [r"polis(?:en)?s?"],
    "hvb": [r"hvb(?::ts?|:s|-hem(?:met)?s?)?", r"behandlingshem(?:met)?s?"],
    "familjehem": [r"familjehem(?:met)?s?", r"familjehemsföräldrar(?:na)?", r"jourhem(?:met)?", r"fh(?::s)?"],
    "vuxenpsykiatrin": [r"vuxenpsykiatri(?:n)?s?", r"vup"],
    "beroendevården": [r"maria ungdom", r"beroendemottagning(?:en)?s?", r"mini-maria", r"beroendevård(?:en)?",
                       r"mottagning(?:en)? för unga med missbruk"],  # GUIDELINES 1, the table of verksamheter
    "fritids": [r"fritids(?:hemmet)?", r"fritidsgård(?:en)?s?"],
    "tandvården": [r"folktandvård(?:en)?s?", r"tandvård(?:en)?s?"],
    # the municipality's activity responsibility for young people out of school (GUIDELINES 1: `annan`)
    # and a women's shelter (GUIDELINES 4: "kvinnojour, öppna förskolan: `annan`")
    "annan": [r"kaa", r"(?:det )?(?:kommunala )?aktivitetsansvar(?:et)?s?", r"kvinnojour(?:en)?s?"],
}

ROLES: list[str] = [
    r"samordningsansvarig", r"planeringsansvarig", r"huvudansvarig", r"samordnare",
    r"kurator(?:n)?", r"skolkurator(?:n)?", r"skolsköterska(?:n)?", r"mentor(?:n)?", r"rektor(?:n)?",
    r"socialsekreterare(?:n)?", r"handläggare(?:n)?", r"biståndshandläggare(?:n)?", r"psykolog(?:en)?",
    r"läkare(?:n)?", r"barnläkare(?:n)?", r"arbetsterapeut(?:en)?", r"logoped(?:en)?",
    r"specialpedagog(?:en)?", r"kontaktperson(?:en)?", r"familjebehandlare(?:n)?", r"sjuksköterska(?:n)?",
    r"elevassistent(?:en)?", r"studie- och yrkesvägledare(?:n)?", r"syv", r"fysioterapeut(?:en)?",
    r"behandlare(?:n)?", r"klassföreståndare(?:n)?", r"lärare(?:n)?", r"pedagog(?:en)?",
    r"förskollärare(?:n)?", r"dietist(?:en)?", r"tolk(?:en)?", r"god man", r"familjehemssekreterare(?:n)?",
    r"coach(?:en)?",
]

# Text pasted through a system that lost å/ä/ö ("Forskolan", "Socialtjansten") names the same actors.
ACTORS = {name: [fold_diacritics(form) for form in forms] for name, forms in ACTORS.items()}
ROLES = [fold_diacritics(form) for form in ROLES]

_WORD = r"(?<![\wåäöÅÄÖ-]){}(?![\wåäöÅÄÖ-])"


@lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    """One alternation of every surface form (no groups: fast); the name is looked up per match."""
    forms = sorted((f for fs in ACTORS.values() for f in fs), key=len, reverse=True)
    return re.compile(_WORD.format("(?:" + "|".join(forms) + ")"), re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile("(?:" + "|".join(forms) + ")", re.IGNORECASE)) for name, forms in ACTORS.items()]


@lru_cache(maxsize=4096)
def _name_of(surface: str) -> str | None:
    return next((name for name, rx in _name_patterns() if rx.fullmatch(surface)), None)


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    return re.compile(_WORD.format("(?:" + "|".join(ROLES) + ")"), re.IGNORECASE)


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for the gazetteer's re.IGNORECASE patterns, run on the lower-cased text where that
    keeps every offset and the text has no "ı" or "ſ" (which re.IGNORECASE matches to "i" and "s" but `str.lower`
    keeps): several times faster, and a match's lower-cased text is the same (the patterns match only letters,
    spaces, hyphens and colons)."""
    low = lower_case_text(text)
    if low is None or "ı" in text or "ſ" in text:
        return pattern.finditer(text)
    return lower_case_variant(pattern).finditer(low)


def find_actors(text: str) -> list[tuple[int, int, str]]:
    """All actor mentions as (start, end, normalised name)."""
    out = []
    for m in _finditer(_actor_pattern(), text):
        surface = m.group()
        name = _name_of(surface.lower())
        # "klass" alone names the school only in context; leave it out
        if name is None or (name == "skolan" and surface.lower().startswith("klass")):
            continue
        out.append((m.start(), m.end(), name))
    return out


def normalise_actor(surface: str) -> str | None:
    """Normalised name of an actor surface form, or None if it is not a known actor."""
    return _name_of(surface.strip().lower())


def find_roles(text: str) -> list[tuple[int, int, str]]:
    """All role mentions as (start, end, lower-cased surface)."""
    return [(m.start(), m.end(), m.group().lower()) for m in _finditer(_role_pattern(), text)]


# Local unit and team names (GUIDELINES 4, block 85: "en enhet eller ett team är en verksamhet ... en insats som en
# namngiven enhet utför har en ansvarig också när det inte går att säga vilken huvudman enheten hör till").
# A capitalised compound whose head is an agency word ("Familjeteamet", "Resursenheten", "Njurmottagningen",
# "Björkskolan", "Elevstödet"); "gruppen" only as a unit's kind of group ("Mottagningsgruppen", not "Barngruppen").
UNIT_HEAD = (r"(?:team(?:et)?|enhet(?:en)?|mottagning(?:en)?|verksamheten|klinik(?:en)?|skolan|"
             r"central(?:en)?|hälsan|huset|(?:mottagnings|utrednings|behandlings|resurs|stöd)gruppen)")
UNIT_COMPOUND = re.compile(r"(?<![\wåäöÅÄÖ-])[A-ZÅÄÖ][a-zåäö]{2,}(?:s|-)?" + UNIT_HEAD + r"(?![\wåäöÅÄÖ-])")
# A unit's own name right after its kind ("Familjeteamet Kompassen", "Team Ung", "Mottagningen Tornet",
# "BUP Ängen", "Förskolan Solgläntan"): the name, used bare later ("Kompassen", "Tornet"), is the same party.
UNIT_KIND = re.compile(r"(?<![\wåäöÅÄÖ-])(?:[A-ZÅÄÖ][a-zåäö]*(?:s|-)?" + UNIT_HEAD + r"|[Tt]eam|[A-ZÅÄÖ]{2,5}|"
                       r"(?:Enhet|Mottagning|Klinik|Central)(?:en)?|Verksamheten|Skolan)"
                       r" (?P<name>[A-ZÅÄÖ][a-zåäö]{2,})(?![\wåäöÅÄÖ:-])")
# A name that the plan explains by an agency in brackets ("Gläntan (BUP:s mottagning)", "Sjöbris (HVB för barn)",
# "ÄTL (ätstörningsteamet Linjen, BUP)").
UNIT_GLOSS = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<name>[A-ZÅÄÖ][a-zåäö]{2,}|[A-ZÅÄÖ]{2,5})[ \t]*"
                        r"\((?P<gloss>[^()\n]{2,60})\)")
# A unit's own name in the genitive before its kind ("Tallidens skola", "Kvarnbackens gymnasium", "Lärkans förskola"):
# the name, used bare later ("[NAMN_3] (rektor, Talliden)"), is the same party.
UNIT_GENITIVE = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<name>[A-ZÅÄÖ][a-zåäö]{2,})s (?P<kind>[a-zåäö]{3,})(?![\wåäöÅÄÖ-])")
# Words that open a unit kind's following capitalised word without naming it ("Team Och", "BUP Hon").
_NOT_UNIT_NAME = frozenset(("och", "eller", "samt", "hon", "han", "hen", "de", "vi", "jag", "det", "den", "som",
                            "har", "ska", "kan", "är", "var", "barn", "barnet", "mamma", "pappa", "sip", "närv", "unga",
                            "remiss"))
# Endings of an adjective or an action noun, no unit's name ("BUP Neuropsykiatriska teamet", "Hjälpmedelsbedömning
# (barnkliniken)": the intervention with its responsible in brackets).
_NOT_UNIT_ENDING = re.compile(r"(?:iska|iga|liga|ade|alt|ning|ling|else|tion|ande|ende)$")


def find_units(text: str, known: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Local unit and team names the gazetteer lacks, as (start, end, normalised name): compounds with an agency
    head ("Resursenheten"), a name after its kind ("Team Ung", "Familjeteamet Kompassen"), in the genitive before
    it ("Tallidens skola") or explained in brackets ("Gläntan (BUP:s mottagning)"), and every later bare use of
    such a name ("Kompassen ringer ..."), and another pseudonymiser's masked organisation ("<ORGANIZATION>",
    `planqa.masks`). The name is the agency its kind or gloss names where the gazetteer knows it, else `annan`. Spans that overlap a known actor are left out. First names and the child's placeholder are no
    units (only capitalised words are read)."""
    taken = [(a, b) for a, b, _ in known]

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    out: list[tuple[int, int, str]] = []
    names: dict[str, str] = {}
    for m in UNIT_COMPOUND.finditer(text):
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), normalise_actor(m.group()) or "annan"))
    for m in UNIT_KIND.finditer(text):
        name = m.group("name")
        if not _unit_name(name):
            continue
        kind = text[m.start():m.start("name")].strip()
        if not (kind.lower() == "team" or re.search(UNIT_HEAD + "$", kind, re.IGNORECASE) or normalise_actor(kind)):
            continue
        names.setdefault(name, normalise_actor(kind) or _agency_in(kind) or "annan")
    for m in UNIT_GENITIVE.finditer(text):
        kind = m.group("kind")
        agency = normalise_actor(kind) or ("skolan" if kind == "gymnasium" else None)
        opens_sentence = re.search(r"(?:^|[.!?:]\s*|\n\s*)$", text[max(0, m.start() - 4):m.start()]) is not None
        if (agency or re.fullmatch(UNIT_HEAD, kind)) and _unit_name(m.group("name")) and not opens_sentence \
                and m.group("name") + "s" not in wordlists.first_names():  # "Tobias skola": a person's
            names.setdefault(m.group("name"), agency or "annan")
    for m in UNIT_GLOSS.finditer(text):
        name = m.group("name")
        gloss = m.group("gloss")
        # the gloss opens with the agency or a unit word ("BUP:s mottagning", "HVB för barn", "ätstörningsteamet
        # Linjen, BUP"); an acronym only with a unit word in its gloss
        first = find_actors(gloss)
        opens = bool(first and first[0][0] <= 1) or re.match(r"\W*[a-zåäö]*" + UNIT_HEAD, gloss, re.IGNORECASE) is not None
        if opens and _unit_name(name) and (not name.isupper() or re.search(UNIT_HEAD, gloss, re.IGNORECASE)):
            names.setdefault(name, _agency_in(gloss) or "annan")
    # another pseudonymiser's mask for an organisation ("<ORGANIZATION> kallar"): a party whose name is hidden
    # (GUIDELINES 4, block 87: "en maskerad ... verksamhet på den ansvariges plats är en namngiven ansvarig")
    for m in ORGANISATION_MASK.finditer(text) if "<" in text else ():
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), "annan"))
    if names:
        rx = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<name>" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                        + r")(?:s|:s)?(?![\wåäöÅÄÖ-])")
        for m in rx.finditer(text):
            if free(m.start(), m.end()) and not any(x < m.end() and m.start() < y for x, y, _ in out):
                out.append((m.start(), m.end(), names[m.group("name")]))
    return sorted(out)


def _unit_name(word: str) -> bool:
    """A capitalised word that can be a unit's own name: no function word, first name, place, known actor or role,
    nor a capitalised word that is never a name."""
    return (word.lower() not in _NOT_UNIT_NAME and not _NOT_UNIT_ENDING.search(word)
            and word not in wordlists.first_names() and word not in wordlists.places()
            and word.lower() not in wordlists.not_names() and not normalise_actor(word)
            and not _role_pattern().fullmatch(word.lower()))


def _agency_in(text: str) -> str | None:
    """The first agency the gazetteer finds in a short text ("BUP:s mottagning" -> bup), or a unit head's `annan`."""
    found = find_actors(text)
    if found:
        return found[0][2]
    return "annan" if re.search(UNIT_HEAD, text, re.IGNORECASE) else None
