"""Other placeholder conventions read as the guidelines' own: [barnet], [Elev], [PERSON_1] → [BARN].

planqa's rules and models know the child as [BARN] and the guardians as [VH1]/[VH2] (the annotation
guidelines, and what `planqa pseudonymise` writes). Plans pseudonymised elsewhere name them otherwise:
"[barnet]", "[Barnets namn]", "[Mamma]", "[Vårdnadshavare 2]", or numbered persons such as "[PERSON_1]"
(presidio's habit) or "[Person 3]". `normalise` rewrites such tokens to the guidelines' placeholders:
by the word inside the brackets, or, for a numbered person, by the evidence around the mentions that
`planqa.roles` reads ("SIP för [PERSON_1], 9 år", "mamma [PERSON_2]"). A text that already
has [BARN] keeps its child; one with [VH1] or [VH2] keeps its guardians. `Rewritten.to_original` maps
offsets in the rewritten text back to the original, so evidence points into the text the user gave.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex as re

from planqa.models import Assessment
from planqa.roles import person_roles

# a bracketed token, or a bare "NN"/"XX"/"N.N." (the inner text is the bracketed one, or the bare token itself)
_TOKEN = re.compile(r"\[([^\[\]\n]{1,40})\]|(?<![\w.])(NN|XX|N\.N\.)(?![\w.-])")
_CHILD_WORD = re.compile(r"(?:barn(?:et)?|barnets\s+(?:för)?namn|namn\s+(?:på\s+)?barn(?:et)?|elev(?:en)?|"
                         r"elevens\s+namn|ungdom(?:en)?|ungdomens\s+namn|patient(?:en)?|klient(?:en)?|"
                         r"flicka(?:n)?|pojke(?:n)?|son(?:en)?|dotter|dottern)", re.I)
_GUARDIAN_WORD = re.compile(r"(?:mamma(?:n)?|pappa(?:n)?|mor|far|modern|fadern|förälder|vårdnadshavare(?:n)?|"
                            r"vh)\s*(?P<n>[12])?", re.I)
_NUMBERED_PERSON = re.compile(r"(?:person|namn|pers)[\s_]*\d{1,2}|NN|XX|N\.N\.", re.I)
_GUIDELINE_TOKEN = re.compile(r"BARN|VH\d|NAMN_\d+|SYSKON")


@dataclass(frozen=True)
class Rewritten:
    """The rewritten text, and each rewrite as (start, end) in the original and in the rewritten text."""

    text: str
    original: str
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_original(self, pos: int, end: bool = False) -> int:
        """An offset in the rewritten text as an offset in the original (inside a rewritten token: its
        start, or its end with `end`)."""
        i = bisect.bisect_right([s[2] for s in self.spans], pos) - 1
        if i < 0:
            return pos
        o_start, o_end, n_start, n_end = self.spans[i]
        if pos >= n_end:
            return pos - n_end + o_end
        return o_end if end and pos > n_start else o_start

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        a, b = self.to_original(start), self.to_original(end, end=True)
        return a, b, self.original[a:b]


def normalise(text: str) -> Rewritten:
    """`text` with other conventions' child and guardian placeholders as [BARN], [VH1], [VH2]."""
    tokens = [(m.start(), m.end(), (m.group(1) or m.group(2)).strip()) for m in _TOKEN.finditer(text)]
    tokens = [t for t in tokens if not _GUIDELINE_TOKEN.fullmatch(t[2])]
    if not tokens:
        return _named_persons(text) if "[BARN]" not in text else Rewritten(text, text)
    has_child = "[BARN]" in text
    free_guardians = [g for g in ("[VH1]", "[VH2]") if g not in text]
    label: dict[str, str] = {}
    unnumbered: set[str] = set()  # guardian tokens without a number of their own
    for _, _, inner in tokens:
        if inner in label:
            continue
        if not has_child and _CHILD_WORD.fullmatch(inner):
            label[inner] = "[BARN]"
        elif (g := _GUARDIAN_WORD.fullmatch(inner)) and len(free_guardians) == 2:
            wanted = f"[VH{g.group('n')}]" if g.group("n") else None
            if wanted in free_guardians:
                label[inner] = wanted
            else:
                unnumbered.add(inner)
    numbered = sorted({inner for _, _, inner in tokens if _NUMBERED_PERSON.fullmatch(inner)}, key=lambda t: text.find(t))
    if numbered:
        ids = {inner: i for i, inner in enumerate(numbered, 1)}
        roles = person_roles(text, [(s, e, ids[inner]) for s, e, inner in tokens if inner in ids])
        child = not has_child and "[BARN]" not in label.values()
        for inner, pid in ids.items():
            if roles.get(pid) == "child" and child:
                label[inner] = "[BARN]"
            elif roles.get(pid) == "guardian" and len(free_guardians) == 2:
                unnumbered.add(inner)
    # guardians without a number get [VH1], [VH2] as they come, after those numbered in the text
    for inner in dict.fromkeys(inner for _, _, inner in tokens if inner in unnumbered):
        rest = [g for g in free_guardians if g not in label.values()]
        if rest:
            label[inner] = rest[0]
    return _rewritten(text, [(start, end, label[inner]) for start, end, inner in tokens if label.get(inner)])


def _rewritten(text: str, replacements: list[tuple[int, int, str]]) -> Rewritten:
    """`text` with each (start, end, new) in text order replaced by `new`, and where each went."""
    if not replacements:
        return Rewritten(text, text)
    out, spans, last, delta = [], [], 0, 0
    for start, end, new in replacements:
        out += [text[last:start], new]
        spans.append((start, end, start + delta, start + delta + len(new)))
        delta += len(new) - (end - start)
        last = end
    out.append(text[last:])
    return Rewritten("".join(out), text, spans)


def _named_persons(text: str) -> Rewritten:
    """`text` with the invented first names of a plan without placeholders as placeholders (GUIDELINES 4,
    block 84: "namnen bedöms som platshållarna"): the child's name → [BARN] ("Elins" → "[BARN]s"), the
    guardians' → [VH1]/[VH2], everybody else's → [NAMN_n]. The pseudonymiser's person finder finds the
    names and `person_labels` (by `planqa.roles`) says who is who; it runs only on texts without [BARN]."""
    from planqa.pseudonymise.engine import Finding, _person_numbers, person_labels
    from planqa.pseudonymise.lexicon import placeholder_spans
    from planqa.pseudonymise.persons import PersonRecognizer

    global _recognizer
    if _recognizer is None:
        _recognizer = PersonRecognizer()
        _recognizer.load()
    keep = placeholder_spans(text)
    found = sorted(((r.start, r.end) for r in _recognizer.analyze(text, ["PERSON"]) if r.score >= _NAME_SCORE),
                   key=lambda s: (s[0], -s[1]))
    found = _every_mention(text, found)
    persons, last = [], -1
    for start, end in found:  # overlapping findings: the first and longest
        if start >= last and not any(s < end and start < e for s, e in keep):
            persons.append(Finding("PERSON", start, end, 1.0))
            last = end
    if not persons:
        return Rewritten(text, text)
    ids = _person_numbers(text, persons)
    for a, b in zip(persons, persons[1:]):  # a nickname beside the name is the same person: Mateusz ("Mati")
        if _ALIAS_BETWEEN.fullmatch(text[a.end:b.start]):
            alias, same = ids[(b.start, b.end)], ids[(a.start, a.end)]
            ids = {k: same if v == alias else v for k, v in ids.items()}
    labels = person_labels(text, [(f.start, f.end, ids[(f.start, f.end)]) for f in persons])
    if "[BARN]" not in labels.values():  # no child found: the names say nothing the rules can use
        return Rewritten(text, text)
    return _rewritten(text, [(f.start, f.end, labels[ids[(f.start, f.end)]]) for f in persons])


def _every_mention(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` and every other place the same names stand as words: the person finder knows the listed
    names anywhere but an unlisted one ("Ploy", "Dara") only where its context shows it, often just once
    or in the genitive ("Ploys"); a genitive found alone is the name and its "s" ("Ploys" → "Ploy" + "s")."""
    names = {text[a:b] for a, b in found}
    stems = {n[:-1] for n in names if n.endswith("s") and len(n) > 3 and re.search(rf"(?<!\w){re.escape(n[:-1])}(?!\w)", text)}
    names = {n for n in names if n[:-1] not in stems} | stems
    if not names:
        return found
    pattern = re.compile(r"(?<![\w\[\-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?=s?(?![\w\-]))")
    return sorted(((m.start(), m.end()) for m in pattern.finditer(text)), key=lambda s: (s[0], -s[1]))


# between a name and its nickname: Mateusz ("Mati"), Mateusz "Mati", Mateusz (Mati)
_ALIAS_BETWEEN = re.compile(r"\s*(?:\(\s*[\"“”'’]?|[\"“”'’])\s*")
_recognizer = None  # the pseudonymiser's person finder, built on the first plan without [BARN]
_NAME_SCORE = 0.6  # the person finder's weakest guesses are no names here


def in_original(result: Assessment, rewritten: Rewritten) -> Assessment:
    """`result`, assessed on `rewritten.text`, with its evidence, entities and explanations in the original."""
    if not rewritten.spans:
        return result
    back = {}
    for o_start, o_end, n_start, n_end in rewritten.spans:
        back.setdefault(rewritten.text[n_start:n_end], rewritten.original[o_start:o_end])

    def explained(text: str) -> str:
        for new, old in back.items():
            text = text.replace(new, old)
        return text

    def moved(span):
        start, end, text = rewritten.span(span.start, span.end)
        return span.model_copy(update={"start": start, "end": end, "text": text})

    criteria = {cid: c.model_copy(update={"evidence": [moved(e) for e in c.evidence],
                                          "explanation": explained(c.explanation)})
                for cid, c in result.criteria.items()}
    return result.model_copy(update={"criteria": criteria, "entities": [moved(e) for e in result.entities]})
