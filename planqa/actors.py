"""Gazetteer of SIP actors (verksamheter) and roles: surface forms -> normalised names.

Closed classes, so a lookup list beats a model here. Used by the entity ruler of the NLP
pipeline and by the rule-based assessor. Matching is case-insensitive on whole words,
accepts Swedish inflections (bestämd form, genitive -s, "bup:s") and text that lost å/ä/ö.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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
    "familjehem": [r"familjehem(?:met)?s?", r"familjehemsföräldrar(?:na)?", r"jourhem(?:met)?"],
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
