"""Other placeholder conventions read as the guidelines' own: [barnet], [Elev], [PERSON_1] → [BARN].

planqa's rules and models know the child as [BARN] and the guardians as [VH1]/[VH2] (the annotation
guidelines, and what `planqa pseudonymise` writes). Plans pseudonymised elsewhere name them otherwise:
"[barnet]", "[Barnets namn]", "[Mamma]", "[Vårdnadshavare 2]", or numbered persons such as "[PERSON_1]"
(presidio's habit) or "[Person 3]". `normalise` rewrites such tokens to the guidelines' placeholders:
by the word inside the brackets, or, for a numbered person, by the evidence around the mentions that
`planqa.roles` reads ("SIP för [PERSON_1], 9 år", "mamma [PERSON_2]"). Another pseudonymiser's masked persons
(`planqa.masks`: Presidio's one "<PERSON>" for everybody, "█████", "[MASKERAT]") are read mention by mention from
their context (`_masked_persons`, GUIDELINES 4, block 87). A text that already
has [BARN] keeps its child; one with [VH1] or [VH2] keeps its guardians. `Rewritten.to_original` maps
offsets in the rewritten text back to the original, so evidence points into the text the user gave.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

import regex as re

from planqa.dates import find_dates
from planqa.masks import ANY_MASK_RE, DATE_MASK, PERSON_MASK, has_mask
from planqa.models import Assessment
from planqa.roles import STAFF_TITLES, mention_evidence, person_roles

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
    """`text` with other conventions' child and guardian placeholders as [BARN], [VH1], [VH2], and another
    pseudonymiser's masked persons as the placeholders their context makes them (`_masked_persons`)."""
    masked = _masked_persons(text) if has_mask(text) else []
    tokens = [(m.start(), m.end(), (m.group(1) or m.group(2)).strip()) for m in _TOKEN.finditer(text)]
    tokens = [t for t in tokens if not _GUIDELINE_TOKEN.fullmatch(t[2]) and not ANY_MASK_RE.fullmatch(text, t[0], t[1])]
    if not tokens:
        if masked:
            return rewrite(text, masked)
        return _named_persons(text) if "[BARN]" not in text else Rewritten(text, text)
    new = {n for _, _, n in masked}
    has_child = "[BARN]" in text or "[BARN]" in new
    free_guardians = [g for g in ("[VH1]", "[VH2]") if g not in text and g not in new]
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
    return rewrite(text, sorted(masked + [(start, end, label[inner]) for start, end, inner in tokens
                                             if label.get(inner)]))


def _masked_persons(text: str) -> list[tuple[int, int, str]]:
    """(start, end, placeholder) for each person another pseudonymiser masked (GUIDELINES 4, block 87: "en maskerad
    person är en person och läses efter sammanhanget som en platshållare"). Presidio writes one "<PERSON>" for
    everybody, so each mention is read on its own by the words around it (`planqa.roles.mention_evidence`,
    `_MASK_CHILD_AFTER`): the child → [BARN] (a text with its own [BARN] keeps it), a guardian → [VH1]/[VH2] (the
    mother's and the father's apart, as they come), another adult → a new [NAMN_n] per mention (one mask cannot say
    that two mentions are the same person). A "<PERSON>" without a cue is the child, the person the plan is about
    and names far more often than anyone else (as `planqa.roles` takes the most-named person), except where it
    speaks, reports or does the work ("<PERSON> berättade att", "<PERSON> kallar", "<PERSON> träffar <PERSON>",
    "Studieplan – <PERSON>"): "ord som sammanhanget inte knyter till barnet är inte barnets röst", and the one who
    does the work is the responsible, so there it is a [NAMN_n]; a speaker under a heading of the guardians' or the
    child's views ("Mammans synpunkter", "Barnets röst", or a label before it on its line) is the one the heading
    names. A title, an agency or a table cell after a mask reads it too ("<PERSON> kurator skolan", "| <PERSON> | mamma
    |"). A mask that hides anything ("█████", "[MASKERAT]") is read as a person where its context shows one, and,
    once the text shows that it hides persons with it, also where a clause is about it ("- █████ ska kunna åka buss"),
    as the child like "<PERSON>"; a mask inside a unit's or place's name ("█████skolan", "förskolan ****"), the
    legend of the masks ("■■■■ = maskerat") and a date's mask ("den █████", `planqa.dates`) are no persons."""
    found = [(m.start(), m.end(), True) for m in PERSON_MASK.finditer(text)] if "<" in text else []
    found += [(m.start(), m.end(), False) for m in ANY_MASK_RE.finditer(text)]
    if not found:
        return []
    dated = [(d.start, d.end) for d in find_dates(text) if d.kind != "vague" and d.iso is None]
    found = sorted(f for f in found if not any(a <= f[0] < b for a, b in dated))
    has_child = "[BARN]" in text
    free_guardians = [g for g in ("[VH1]", "[VH2]") if g not in text]
    next_name = max((int(n) for n in re.findall(r"\[NAMN_(\d+)\]", text)), default=0) + 1
    parents: dict[str, str] = {}  # "mother"/"father" -> the guardian placeholder given
    out: list[tuple[int, int, str]] = []
    last_guardian = (-1, "")  # the line start and placeholder of the last guardian given
    subjects: list[tuple[int, int]] = []  # uncued masks that hide anything at a clause's start ("- █████ ska ...")
    for i, (start, end, is_person) in enumerate(found):
        if _MASK_IN_NAME.match(text, end) or _MASK_IN_NAME_BEFORE.search(text, max(0, start - 30), start) \
                or _MASK_LEGEND.match(text, end):
            continue  # part of a unit's or place's name ("█████skolan", "förskolan ****"), or the legend's "■■■■ ="
        is_child, other = mention_evidence(text, start, end)
        is_child = is_child or _MASK_CHILD_AFTER.match(text, end) is not None
        if other is None and not is_child and (_MASK_ADULT_AFTER.match(text, end)
                                               or _MASK_AGENCY_BEFORE.search(text, max(0, start - 30), start)):
            other = "adult"  # "<PERSON>, ssk BUP", "<PERSON>, behandlingsass, <ORGANIZATION>", "Soc (<PERSON>) kallar"
        if other is None and not is_child and _MASK_GUARDIAN_CELL.match(text, end):
            other = "guardian"
        line = text.rfind("\n", 0, start) + 1
        if other is None and not is_child and _GUARDIANS_LABEL.search(text, max(0, start - 25), start) \
                and _PAIR_JOIN.match(text, end) and i + 1 < len(found) \
                and _PAIR_JOIN.fullmatch(text, end, found[i + 1][0]):
            other = "guardian"  # the first of "vårdnadshavarna ■■■■ och ■■■■"
        if other is None and i > 0 and out and out[-1][0] == found[i - 1][0] and out[-1][2] in ("[VH1]", "[VH2]") \
                and _GUARDIANS_LABEL.search(text, max(0, found[i - 1][0] - 25), found[i - 1][0]) \
                and _PAIR_JOIN.fullmatch(text, found[i - 1][1], start):
            other = "guardian"  # "Vårdnadshavare: <PERSON> och <PERSON>"
        speaker = other is None and not is_child and _MASK_SPEAKS.match(text, end) is not None
        heading = (_label_before(text, line, start) or _heading_above(text, line)) if speaker else ""
        if speaker and _GUARDIAN_VIEW.search(heading):  # "Mammans synpunkter" / "<PERSON> berättade att ..."
            other = "guardian"
        elif speaker and _CHILD_VIEW.search(heading):  # "Barnets röst" / "<PERSON> säger att ..."
            is_child = True
        if is_child and other is None and not has_child:
            new = "[BARN]"
        elif other == "guardian" and not is_child and free_guardians:
            new = _guardian(text, start, end, free_guardians, parents, last_guardian if last_guardian[0] == line else None,
                            heading)
            last_guardian = (line, new)
        elif other is not None or is_child or _speaker_or_agent(text, start, end) or is_person and has_child:
            new, next_name = f"[NAMN_{next_name}]", next_name + 1
        elif is_person:  # no cue: the person the plan is about, named far more often than anyone else
            new = "[BARN]"
        else:
            if not has_child and _MASK_SUBJECT_BEFORE.search(text, line, start) and _MASK_SUBJECT_AFTER.match(text, end):
                subjects.append((start, end))
            continue
        out.append((start, end, new))
    if subjects and any(ANY_MASK_RE.fullmatch(text, s, e) for s, e, _ in out):
        # the text hides persons with this mask too: an uncued one that a clause is about is the child, as "<PERSON>"
        out = sorted(out + [(s, e, "[BARN]") for s, e in subjects])
    return out


def _label_before(text: str, line: int, start: int) -> str:
    """A label that starts the line before a mask ("Elevens synpunkter: ■■■■ har sagt ..."), or ""."""
    label = text[line:start].strip()
    return label[:-1] if label.endswith(":") and len(label.split()) <= 6 else ""


def _heading_above(text: str, line: int) -> str:
    """The nearest heading above the line that starts at `line` (a short line without a full stop), or ""."""
    end = line - 1
    for _ in range(_HEADING_LOOKBACK):
        if end < 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end].strip().lstrip("#").strip()
        if above and len(above.split()) <= 6 and not above.endswith((".", ",", ";")):
            return above
        end = start - 1
    return ""


def _guardian(text: str, start: int, end: int, free: list[str], parents: dict[str, str],
              beside: tuple[int, str] | None, heading: str = "") -> str:
    """The guardian placeholder for a masked guardian: the number the text gives ("vårdnadshavare 2"), else the
    mother's or the father's as first given, else the other one than a guardian just before on the line."""
    after = text[end:end + 20].split("\n", 1)[0]
    before = text[max(0, start - 20):start].rsplit("\n", 1)[-1]
    parent = None
    for words in (after, before, heading):  # the words right after the mask first: "<PERSON> (pappa), <PERSON> (mamma)"
        if (n := _GUARDIAN_NUMBER.search(words)) and f"[VH{n.group(1)}]" in free:
            return f"[VH{n.group(1)}]"
        parent = parent or ("mother" if _MOTHER.search(words) else "father" if _FATHER.search(words) else None)
    if parent in parents:
        return parents[parent]
    taken = set(parents.values()) if parent else {beside[1]} if beside else set()
    new = next((g for g in free if g not in taken), free[0])
    if parent:
        parents[parent] = new
    return new


# after a masked person, words that make it the child: a family member or school of its own ("<PERSON>s mamma",
# "<PERSON>s klass"), a birth date that is masked too ("<PERSON>, f. <DATE_TIME>"), or "som planen gäller"
_MASK_CHILD_AFTER = re.compile(
    r"s\s+(?:mamma|pappa|föräldrar|vårdnadshavare|mormor|morfar|farmor|farfar|syskon|bror|syster|lillebror|"
    r"lillasyster|storebror|storasyster|skola|förskola|klass|mentor|lärare|klasskamrater|kompisar)\b"
    r"|\s*\(\s*(?:barnet|eleven|ungdomen|sonen|dottern)\b"
    rf"|\s*[,(]?\s*(?:f\.|född|pnr\.?|personnummer:?)\s*(?:{DATE_MASK}|█{{2,}}|■{{2,}})"
    r"|\s*,\s*(?:[^,\n]{1,30},\s*)?som\s+(?:planen|sip(?:-planen|:en|en)?|mötet)\s+(?:gäller|handlar\s+om)\b", re.I)


# a mask glued to a word ("█████skolan", not the genitive "<PERSON>s mamma") or after a unit or place word
# ("förskolan ****", "konferensrum █████", "boendet på ****"): part of a name that is no person
_MASK_IN_NAME = re.compile(r"[^\W\d_](?<!s(?=[\s,.:;)]))|s[^\W\d_]")
_MASK_IN_NAME_BEFORE = re.compile(
    r"(?:[^\W\d_]|\b(?:\w*(?:skolan|skola|förskolan|förskola|rum|rummet|boendet|boende|hemmet|jouren|mottagningen|"
    r"avdelningen|enheten|gatan|vägen)|bor[ \t]+(?:på|i)|adress)[ \t]+)\Z", re.I)
# the legend of a text's masks: "■■■■ = maskerat", "Maskerat: <PERSON>, <DATE_TIME>, <LOCATION>"
_MASK_LEGEND = re.compile(r"[ \t]*(?:=|,[ \t]*<[A-Z_]+>)")
# a title, an abbreviated one or an agency after a masked person, with or without a comma, a parenthesis or a table's
# bar, and no other mask after it: "<PERSON>, ssk BUP", "<PERSON> kurator skolan", "<PERSON> (tolk)", "| <PERSON> | BUP |"
# (one mask for everybody: "<PERSON>, kurator <PERSON>" gives the title to the mask after it)
_MASK_ADULT_AFTER = re.compile(
    rf"[ \t]*[,(|]?[ \t]*(?:[\wåäö]+-)?(?:\w*(?:{STAFF_TITLES}|gymnast)\w*|tolk|ssk|usk|skolssk|"
    r"behandlingsass\w*|beh\.?\s?ass|soc\.?\s?sekr\w*|specped|spec\.\s?ped|läk|bup|bvc|soc|socialtjänsten|"
    r"elevhälsan|habiliteringen|<ORGANI[SZ]ATION>)(?![\wåäö])(?![ \t]*(?:<PERSON>|█|■|\*{4}|\[))", re.I)
# a guardian word in the table cell after a masked person: "| <PERSON> | mamma |" (`planqa.roles` reads a role word
# after a name only where the clause ends, which a table's bar does not say)
_MASK_GUARDIAN_CELL = re.compile(r"[ \t]*\|[ \t]*(?:mamma|pappa|mor|far|förälder|vårdnadshavare|vh)[ \t]*\d?[ \t]*\|",
                                 re.I)
# an agency right before the parenthesis a masked person stands in: "Soc (<PERSON>) kallar", "BUP (<PERSON>)"
_MASK_AGENCY_BEFORE = re.compile(r"\b(?:soc|socialtjänsten|skolan|förskolan|elevhälsan|bup|bvc|hvb|habiliteringen|"
                                 r"<ORGANI[SZ]ATION>)\s*\(\s*\Z", re.I)
# where a clause begins: the line's start, a list item's mark, a label's colon or a full stop
_MASK_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:]\s+|^\s*(?:[-–•*]|\d+[.)])\s*)\Z", re.M)
# a verb right after it: "█████ ska kunna åka buss", "[REDACTED] var med hela mötet"
_MASK_SUBJECT_AFTER = re.compile(r"\s+(?:ska|skall|har|hade|är|var|vill|kan|kunde|får|fick|behöver|går|gick|"
                                 r"tycker|klarar|kommer|mår|deltar|deltog)\b", re.I)


def _speaker_or_agent(text: str, start: int, end: int) -> bool:
    """A masked person who speaks, reports or does the work ("<PERSON> berättade att", "<PERSON> kallar",
    "<PERSON> träffar <PERSON>", "Studieplan – <PERSON>"): words or work the context does not tie to the child."""
    line_end = text.find("\n", end)
    return _MASK_AGENT_AFTER.match(text, end) is not None or _MASK_ACTS_ON.match(text, end) is not None or (
        _MASK_AGENT_BEFORE.search(text, max(0, start - 4), start) is not None
        and _MASK_SLOT_END.match(text, end, line_end if line_end >= 0 else len(text)) is not None)


# verbs of speaking or telling
_SPEECH_VERBS = (r"säger|sa|sade|sagt|berättar|berättade|berättat|beskriver|beskrev|beskrivit|uppger|uppgav|menar|menade|"
                 r"tycker|tyckte|framför|framförde")
# a verb of speaking or reporting, or of a professional's work, right after a masked person
_MASK_AGENT_AFTER = re.compile(
    rf"\s+(?:har\s+|hade\s+|ska\s+|skall\s+|kommer\s+att\s+|och\s+\S+\s+)?(?:{_SPEECH_VERBS}|"
    r"påpekar|påpekade|betonar|betonade|lyfter|lyfte|informerar|informerade|informerat|"
    r"ansvarar|ansvarade|kallar|kallade|ringer|ringde|kontaktar|kontaktade|bokar|bokade|skickar|skickade|samordnar|"
    r"leder|ledde|hälsade|inledde|gick\s+igenom|går\s+igenom|följer\s+upp|återkopplar|dokumenterar|antecknade|"
    r"utreder|bedömer|bedömde|erbjuder|erbjöd|ordnar|ordnade)\b", re.I)
# a masked person who does something to another in the same clause ("<PERSON> träffar <PERSON> varje måndag",
# "<PERSON> låter <PERSON> sitta närmast dörren"): the one who acts on a person of the plan is an adult
_MASK_ACTS_ON = re.compile(r"\s+(?!(?:och|samt|eller|med|&)\b)[\wåäöÅÄÖ]+(?:\s+[\wåäöÅÄÖ]+){0,3}\s+<PERSON>(?!s\b)")
# an activity's responsible after a dash at its end ("Studieplan i matte – <PERSON>")
_MASK_AGENT_BEFORE = re.compile(r"\s[–—-]\s*$")
_MASK_SLOT_END = re.compile(r"\s*(?:[,;.(]|$)")
# a label for both guardians before the first of two joined masks ("Vårdnadshavare: <PERSON> och <PERSON>")
_GUARDIANS_LABEL = re.compile(r"\b(?:vårdnadshavare|vårdnadshavarna|föräldrar|föräldrarna|vh)\s*:?\s*$", re.I)
_PAIR_JOIN = re.compile(r"\s*(?:och|o|&|,)\s*", re.I)
_GUARDIAN_NUMBER = re.compile(r"\b(?:vårdnadshavare|vh)\s*([12])\b", re.I)
_MOTHER = re.compile(r"\b(?:mamma|mammas|mamman|mammans|mor|modern|moderns)\b", re.I)
_FATHER = re.compile(r"\b(?:pappa|pappas|pappan|pappans|far|fadern|faderns)\b", re.I)
# a verb of speaking or telling right after a masked person ("<PERSON> säger att", "<PERSON> har berättat")
_MASK_SPEAKS = re.compile(rf"\s+(?:har\s+|hade\s+)?(?:{_SPEECH_VERBS}|uttrycker|uttryckte)\b", re.I)
# a heading over the views of the guardians or of the child: the speaker under it is the one it names
# ("Vårdnadshavarens synpunkter", "Vad mamma säger"; "Barnets röst", "Elevens egna ord", "Vad barnet säger")
_VIEW = r"(?:röst|syn|synpunkter|perspektiv|ord|tankar|önskemål|önskningar|åsikter|berättelse|bild|upplevelse)"
_GUARDIAN_VIEW = re.compile(rf"\b(?:vårdnadshavar(?:e|en|na|nas|ens)|föräldrar(?:na|nas)?|mammans?|mammas|pappans?|pappas)"
                            rf"\s+(?:egna\s+)?{_VIEW}\b|\bvad\s+(?:mamma|pappa|vårdnadshavarna|vårdnadshavaren|"
                            rf"föräldrarna)\s+(?:säger|tycker|vill|berättar)\b", re.I)
_CHILD_VIEW = re.compile(rf"\b(?:barnets|elevens|ungdomens)\s+(?:egna\s+)?{_VIEW}\b"
                         rf"|\bvad\s+(?:barnet|eleven|ungdomen)\s+(?:säger|tycker|vill|berättar)\b", re.I)
_HEADING_LOOKBACK = 6  # lines read back for the heading over a masked speaker


def rewrite(text: str, replacements: list[tuple[int, int, str]]) -> Rewritten:
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
    return rewrite(text, [(f.start, f.end, labels[ids[(f.start, f.end)]]) for f in persons])


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

    return moved_back(result, rewritten, explained)


def moved_back(result: Assessment, rewritten: Rewritten,
               explained: Callable[[str], str] | None = None) -> Assessment:
    """`result`, assessed on `rewritten.text`, with its evidence and entities at their offsets in
    `rewritten.original`, and its explanations passed through `explained` where one is given."""
    if not rewritten.spans:
        return result

    def moved(span):
        start, end, text = rewritten.span(span.start, span.end)
        return span.model_copy(update={"start": start, "end": end, "text": text})

    def criterion(c):
        update = {"evidence": [moved(e) for e in c.evidence]}
        if explained is not None:
            update["explanation"] = explained(c.explanation)
        return c.model_copy(update=update)

    criteria = {cid: criterion(c) for cid, c in result.criteria.items()}
    return result.model_copy(update={"criteria": criteria, "entities": [moved(e) for e in result.entities]})
