"""Which named person is the child and which are the guardians, so that placeholders say so.

The annotation guidelines (and every model planqa ships) write the child as [BARN], the guardians as
[VH1]/[VH2] and everybody else as [NAMN_1], [NAMN_2] …; the assessment reads "[BARN] säger …" as the
child's voice. A person counts as the child or a guardian only on evidence in the text around their
name: a form field ("Barn: Elsa", "Elev:", "SIP för Elsa"), an age after the name ("Elsa, 9 år"), a
family word ("mamma Karin", "Karin (mamma)", "Vårdnadshavare: Karin"). Failing any field, the child is
the person named clearly most often, if nothing in the text makes that person an adult.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex as re

# right before the name, on the same line
_CHILD_BEFORE = re.compile(
    r"(?:\b(?:barn|barnet|barnets\s+namn|elev|elevens\s+namn|ungdom|ungdomen|patient|klient|gäller|avser|"
    r"ärende|namn)\s*:\s*"
    r"|\bsip(?:en)?\s*(?:för|gällande|avseende|[–\-,|:])?\s*"
    r"|\b(?:plan|planen|planer|uppföljning|uppföljningen)\s+(?:för|gällande|avseende)\s+"
    r"|\b(?:min|vår|individuell|samordnad)\s+plan\s*[–\-,|:]?\s*"
    r"|\bjag\s+heter\s+"
    r"|\b(?:barnet|sonen|dottern|eleven|ungdomen|flickan|pojken|vår\s+son|vår\s+dotter)\s+)$", re.I)
# right after the name: an age or a school year
_CHILD_AFTER = re.compile(r"^(?:\s*[,(]?\s*(?:\d{1,2}\s*(?:år|mån)|född|f\.\s*\d|åk\s*\d|\d{4}-\d\d)"
                          r"|\s+(?:är|blir|fyller)\s+\d{1,2}\s+år\b|\s+(?:går|börjar)\s+(?:i\s+)?(?:åk|årskurs|förskole)"
                          r")", re.I)
_GUARDIAN_WORDS = r"(?:mamma|mamman|pappa|pappan|mor|modern|far|fadern|vårdnadshavare|vårdnadshavaren|vh|förälder)"
_GUARDIAN_BEFORE = re.compile(rf"\b{_GUARDIAN_WORDS}\s*\d?\s*:?\s*$", re.I)
# a role word after the name belongs to it only where nothing name-like follows the role word: "Karin (mamma)",
# "Karin, mamma till Elsa", but not "Elsa, mamma Karin" in a list of participants
_ROLE_ENDS = r"(?=\s*(?:[),;.:]|$|\s(?:till|åt|på|vid|från|i|inom|hos|och|som|\d)\b))"
_GUARDIAN_AFTER = re.compile(rf"^\s*(?:[,(|]|–|-)?\s*(?:\w+s\s+)?{_GUARDIAN_WORDS}\s*\d?{_ROLE_ENDS}", re.I)
# a role after the name makes the person an adult: "Lena Berg, kurator", "Lena (skolsköterska)"
# staff titles, as a word's end ("skolkurator", "BVC-sköterska", "socialsekreterare")
STAFF_TITLES = (r"kurator|sköterska|läkare|psykolog|lärare|sekreterare|handläggare|rektor|mentor|pedagog|behandlare|"
                r"samordnare|assistent|terapeut|kontaktperson|socionom")
_ADULT_AFTER = re.compile(rf"^\s*(?:[,(|]|–|-)?\s*(?:\w+s\s+)?(?:\w*(?:{STAFF_TITLES}|"
                          r"chef|coach|polis|utredare|specialist|mormor|morfar|"
                          rf"farmor|farfar|moster|faster|morbror|farbror)\w*|bup|soc|skolan|elevhälsan){_ROLE_ENDS}", re.I)
_ADULT_BEFORE = re.compile(r"\b(?:kurator|skolsköterska|sjuksköterska|läkare|psykolog|lärare|mentor|rektor|"
                           r"handläggare|socialsekreterare|samordnare|behandlare|specialpedagog|assistent|"
                           r"kontaktperson|kontaktpolis|ordförande|sammankallande|samordningsansvarig|"
                           r"ansvarig|antecknat\s+av|skrivet\s+av)\s*:?\s*$", re.I)
# "Jag heter Maja och är socialsekreterare": the writer's own name, with a role, is an adult's (GUIDELINES 4,
# block 84: the names are read as the placeholders would be; the child is the one the plan is about)
_ADULT_IS = re.compile(rf"^\s*(?:,|och)?\s*(?:är|jobbar\s+som|arbetar\s+som)\s+(?:\w+\s+){{0,2}}?\w*(?:{STAFF_TITLES})",
                       re.I)
# a role word in the plural after two names joined by "och" belongs to both: "Sara och Mikael (vårdnadshavare)",
# "Sara och Mikael, föräldrar"; not a singular one, "Sara och Mikael (pappa)" (GUIDELINES 4, block 84: the names are
# read as the placeholders would be)
_PAIR_JOIN = re.compile(r"\s*(?:och|o|&)\s+")
_PAIR_GUARDIAN_AFTER = re.compile(rf"^\s*(?:[,(|]|–|-)?\s*(?:\w+s\s+)?(?:vårdnadshavare|vårdnadshavarna|föräldrar|"
                                  rf"föräldrarna|vh){_ROLE_ENDS}", re.I)  # words for both, not "(pappa)"
WINDOW = 45
MOST_OFTEN = 3  # the most-named person is the child only if named at least this often, and alone at the top


def person_roles(text: str, mentions: Sequence[tuple[int, int, int]]) -> dict[int, str]:
    """Person number -> "child" or "guardian" for those the text shows to be one; `mentions` are
    (start, end, person number). Nobody is the child when the text already has a [BARN] placeholder."""
    child_ev, guardian_ev, adult_ev, count = Counter(), Counter(), Counter(), Counter()
    for pid in _guardian_pairs(text, mentions):
        guardian_ev[pid] += 1
    for start, end, pid in mentions:
        count[pid] += 1
        is_child, other = mention_evidence(text, start, end)
        child_ev[pid] += is_child
        if other == "guardian":
            guardian_ev[pid] += 1
        elif other == "adult":
            adult_ev[pid] += 1
    roles: dict[int, str] = {}
    child = None
    if "[BARN]" not in text:
        candidates = [p for p in child_ev if child_ev[p] > guardian_ev[p] + adult_ev[p]]
        if candidates:
            child = max(candidates, key=lambda p: (child_ev[p], count[p]))
        elif count:
            (top, n), *rest = count.most_common(2)
            if n >= MOST_OFTEN and (not rest or rest[0][1] < n) and not guardian_ev[top] and not adult_ev[top]:
                child = top
    if child is not None:
        roles[child] = "child"
    for pid in sorted(guardian_ev, key=lambda p: min(s for s, _, q in mentions if q == p)):
        # once another person is the child, a tie (a date after the name: "samtycke av Karin 2025-03-18") is no child
        if pid != child and (guardian_ev[pid] > child_ev[pid] or child is not None and guardian_ev[pid] == child_ev[pid]):
            roles[pid] = "guardian"
    return roles


def mention_evidence(text: str, start: int, end: int) -> tuple[bool, str | None]:
    """What the words around one mention of a person show, on its line: whether it is the child ("SIP för …",
    "…, 9 år"), and whether a guardian ("mamma …", "… (pappa)") or another adult ("kurator …", "…, BUP")."""
    before = text[max(0, start - WINDOW):start].rsplit("\n", 1)[-1]
    after = text[end:end + WINDOW].split("\n", 1)[0]
    is_child = bool(_CHILD_BEFORE.search(before) or _CHILD_AFTER.search(after))
    if _GUARDIAN_BEFORE.search(before) or _GUARDIAN_AFTER.search(after):
        return is_child, "guardian"
    if _ADULT_BEFORE.search(before) or _ADULT_AFTER.search(after) or _ADULT_IS.search(after):
        return is_child, "adult"
    return is_child, None


def _guardian_pairs(text: str, mentions: Sequence[tuple[int, int, int]]) -> list[int]:
    """The first of two names joined by "och" with a guardian word after the second ("Sara och Mikael
    (vårdnadshavare)", "Sara och Mikael, föräldrar"), and the second where the word is a plural one ("föräldrar")
    that `_GUARDIAN_AFTER` does not read; the second's singular role word it reads itself."""
    starts = {start: (end, pid) for start, end, pid in mentions}
    out = []
    for start, end, pid in mentions:
        join = _PAIR_JOIN.match(text, end, end + 6)
        second = starts.get(join.end()) if join else None
        if second is None or second[1] == pid:
            continue
        after = text[second[0]:second[0] + WINDOW].split("\n", 1)[0]
        if _PAIR_GUARDIAN_AFTER.search(after):
            out.append(pid)
            if not _GUARDIAN_AFTER.search(after):
                out.append(second[1])
    return out
