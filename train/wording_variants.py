"""How brittle the rules are to wording a coordinator may choose differently without changing what the plan says.

Each plan of the split gets ONE meaning-preserving rewrite at a time (seeded, deterministic, applied only where
the pattern occurs): other heading or field-label synonyms, another list style, another date format, another
name for the same agency, the follow-up section moved before the goals. The rewritten and the original text are
scored with the rules (the shipped assessor's verdicts are the rules' on every criterion); the script prints per
kind of rewrite how many plans it touched, how many verdicts moved and the mean accuracy of the touched plans
against the labels, original vs rewritten, and then the moved verdicts per criterion. A moved verdict is
brittleness: the rewrite does not change what a careful reader would label.
Usage: python train/wording_variants.py [--split train] [--seed 7] [--kinds headings,dates] [--moves] [--show KIND]
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
from collections import Counter
from collections.abc import Callable

from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.models import Plan
from planqa.rules import RuleAssessor

# Heading or field label -> labels that mean the same under GUIDELINES. Left out as unsafe: "Nuläge" and
# "Barnets situation" for "Behov" (a description of how things are now is not always a need), "Barnets
# perspektiv" for "Barnets synpunkter" (an adult's account of the child's perspective is not the child's own
# words), "Återkoppling" for "Uppföljning" (feedback to someone, not a review of the plan), "Vem"/"Utförare"
# for a field "Ansvarig" outside a table (at the top of a plan it names who holds the plan).
HEADING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "Mål": ("Målsättning", "Målbild", "Vad vill vi uppnå"),
    "Insatser": ("Åtgärder", "Stödinsatser", "Vad görs"),
    "Insats": ("Åtgärd", "Stödinsats"),
    "Ansvarig": ("Ansvar",),
    "Samordningsansvarig": ("Huvudansvarig", "Ansvarig för planen"),
    "Uppföljning": ("Utvärdering", "Uppföljning av planen"),
    "Nästa uppföljning": ("Nästa möte", "Nästa uppföljningsmöte"),
    "Nästa möte": ("Nästa uppföljning",),
    "Behov": ("Behovsbild", "Barnets behov"),
    "Barnets behov": ("Behov", "Behovsbild"),
    "Barnets synpunkter": ("Barnets röst", "Vad [BARN] tycker", "Barnets syn"),
    "Barnets röst": ("Barnets synpunkter", "Vad [BARN] tycker"),
    "Närvarande": ("Deltagare", "Medverkande"),
    "Deltagare": ("Närvarande", "Medverkande"),
    "Samtycke": ("Samtycke till samverkan",),
}
# In a table's header row a column "Ansvarig" may also be written as these.
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "Ansvarig": ("Vem", "Utförare", "Ansvar"),
    "Insats": ("Åtgärd", "Vad"),
    "Insatser": ("Åtgärder",),
}
_LABELS = "|".join(sorted(map(re.escape, HEADING_SYNONYMS), key=len, reverse=True))
# A heading line ("## Mål", "5. MÅL", "**Mål**") or a field label at a line start ("Mål: ...").
HEADING_LINE = re.compile(
    rf"^(?P<pre>[ \t]*(?:#+[ \t]*)?(?:\d{{1,2}}[.)][ \t]*)?(?:\*\*)?)(?P<label>{_LABELS})"
    rf"(?P<post>(?:\*\*)?[ \t]*(?::|$))", re.IGNORECASE | re.MULTILINE)

BULLET_STYLES = ("-", "*", "•", "–", "1.", "1)", "a)", "")
SUB_NUMBER = re.compile(r"^[ \t]*\d{1,2}\.\d{1,2}\.?[ \t]")  # an outline's sub-item ("5.1 ...")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*•–]|\d{1,2}[.)]|[a-h][.)])[ \t]+(?=\S)")

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
_MONTH_RE = "|".join(MONTHS)
# A full date with its year: 2025-03-14, 14/3 2025, 14/3-2025, 14 mars 2025, 14:e mars 2025.
FULL_DATE = re.compile(
    rf"\b(?:(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|(?P<sd>[0-3]?\d)/(?P<sm>1[0-2]|0?[1-9])[ -](?P<sy>20\d\d)"
    rf"|(?P<wd>[0-3]?\d)(?::[ae])? (?P<wm>{_MONTH_RE}) (?P<wy>20\d\d))\b(?![-/]\d)", re.IGNORECASE)
DATE_FORMATS = ("iso", "slash", "words", "den_words")

# Agency -> names coordinators write for the same agency (definite form, genitive built by adding "s").
AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "socialtjänsten": ("soc", "socialförvaltningen", "Socialtjänsten"),
    "soc": ("socialtjänsten",),
    "BUP": ("barn- och ungdomspsykiatrin",),
    "barn- och ungdomspsykiatrin": ("BUP",),
    "elevhälsan": ("EHT", "elevhälsoteamet"),
    "elevhälsoteamet": ("EHT", "elevhälsan"),
    "skolan": ("Skolan",),
    "BVC": ("barnavårdscentralen",),
}
AGENCY = re.compile(
    r"(?<![\w\-/])(?P<name>socialtjänsten|soc|BUP|barn- och ungdomspsykiatrin|elevhälsan|elevhälsoteamet"
    r"|skolan|BVC)(?P<gen>:?s)?(?![\w\-/]|\.\w)", re.IGNORECASE)  # not "soc.sekr", "BUP-mottagningen"

# Section headings for the reordering: a standalone heading line (markdown, numbered or capitals).
_SECTION_HEAD = re.compile(r"^[ \t]*(?:#+[ \t]*|\d{1,2}[.)][ \t]*)?(?:\*\*)?(?P<title>[A-ZÅÄÖ][^\n:|]{1,40}?)"
                           r"(?:\*\*)?[ \t]*:?[ \t]*$")
_KNOWN_TITLE = re.compile(r"(?i)^(?:mål|insatser|uppföljning|nästa uppföljning|nästa möte|samtycke|behov|bakgrund|"
                          r"övrigt|närvarande|deltagare|barnets (?:synpunkter|röst|behov)|vårdnadshavarnas synpunkter|"
                          r"ansvar|samordningsansvar\w*|vem gör vad)$")
_GOAL_TITLE = re.compile(r"(?i)^(?:mål|målsättning|mål för insatserna|övergripande mål|mina mål)$")
_FOLLOW_TITLE = re.compile(r"(?i)^(?:uppföljning|nästa uppföljning|nästa möte|uppföljning av planen)$")


def _match_case(model: str, word: str) -> str:
    """`word` in the case of `model`: capitals, capitalised or as written."""
    if model.isupper() and len(model) > 1 and not word.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def headings(text: str, rng: random.Random) -> str:
    """Heading and field-label synonyms, one choice per label per plan; table header cells too."""
    choice: dict[str, str] = {}

    def pick(label: str, table: dict[str, tuple[str, ...]]) -> str:
        key = next(k for k in table if k.lower() == label.lower())
        return choice.setdefault(f"{id(table)}{key}", rng.choice(table[key]))

    def heading(m: re.Match) -> str:
        label = m.group("label")
        return m.group("pre") + _match_case(label, pick(label, HEADING_SYNONYMS)) + m.group("post")

    out = HEADING_LINE.sub(heading, text)
    lines = out.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.lstrip().startswith("|") and re.match(r"^\s*\|[\s:|-]*-[\s:|-]*$", lines[i + 1]):
            cells = line.split("|")
            for j, cell in enumerate(cells):
                label = cell.strip()
                if any(label.lower() == k.lower() for k in COLUMN_SYNONYMS):
                    cells[j] = cell.replace(label, _match_case(label, pick(label, COLUMN_SYNONYMS)))
            lines[i] = "|".join(cells)
    return "\n".join(lines)


def _marker(style: str, n: int) -> str:
    if style in ("1.", "1)"):
        return f"{n}{style[1]}"
    if style == "a)":
        return f"{chr(ord('a') + (n - 1) % 26)})"
    return style


def _one_list(markers: list[str]) -> bool:
    """The markers make one list: all the same symbol, or numbers or letters that count on by one (not a numbered
    heading over its own numbered items, "7. Mål" over "1. ...", "2. ...")."""
    if len(set(markers)) == 1 and not markers[0][0].isalnum():
        return True
    keys = [int(m[:-1]) if m[0].isdigit() else ord(m[0]) if m[0].isalpha() else None for m in markers]
    return None not in keys and len({m[-1] for m in markers}) == 1 \
        and all(b == a + 1 for a, b in itertools.pairwise(keys))


def _flat_lists(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each flat list: two or more consecutive marked lines at one indentation, with no marked line
    (at any indentation) just before or after and no item that heads lines of its own ("6. Mål:"), so nested
    outlines ("1. Mål" over "   1. ...") are left alone."""
    runs, i = [], 0
    while i < len(lines):
        if not LIST_ITEM.match(lines[i]):
            i += 1
            continue
        end = i
        while end < len(lines) and LIST_ITEM.match(lines[end]):
            end += 1
        items = [LIST_ITEM.match(line) for line in lines[i:end]]
        heads = any(line.rstrip().endswith(":") for line in lines[i:end])  # "6. Mål:" over its "6.1 ..." lines
        heads = heads or end < len(lines) and bool(SUB_NUMBER.match(lines[end]))  # "5. Mål" over "   5.1 ..."
        if end - i >= 2 and len({m.group("indent") for m in items}) == 1 and _one_list([m["marker"] for m in items]) \
                and not heads:
            runs.append((i, end))
        i = end
    return runs


def bullets(text: str, rng: random.Random) -> str:
    """Every flat list in another marker style (-, *, •, –, 1., 1), a), none), one style per plan."""
    lines = text.split("\n")
    runs = _flat_lists(lines)
    if not runs:
        return text
    used = {LIST_ITEM.match(lines[runs[0][0]]).group("marker")}
    style = rng.choice([s for s in BULLET_STYLES if _marker(s, 1) not in used])
    for start, end in runs:
        for n, i in enumerate(range(start, end), 1):
            m = LIST_ITEM.match(lines[i])
            marker = _marker(style, n)
            lines[i] = m.group("indent") + (f"{marker} " if marker else "") + lines[i][m.end():]
    return "\n".join(lines)


def _render_date(year: int, month: int, day: int, fmt: str, preceded_by_den: bool) -> str:
    if fmt == "iso":
        return f"{year}-{month:02d}-{day:02d}"
    if fmt == "slash":
        return f"{day}/{month} {year}"
    if fmt == "words" or preceded_by_den:
        return f"{day} {MONTHS[month - 1]} {year}"
    return f"den {day}:e {MONTHS[month - 1]} {year}"


def dates(text: str, rng: random.Random) -> str:
    """Every full date (with its year) in another format, one format per plan; weeks and relative dates stay."""
    found = list(FULL_DATE.finditer(text))
    if not found:
        return text
    first = found[0]
    current = "iso" if first.group("iy") else "slash" if first.group("sy") else "words"
    fmt = rng.choice([f for f in DATE_FORMATS if f != current])

    def render(m: re.Match) -> str:
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        elif m.group("sy"):
            y, mo, d = int(m.group("sy")), int(m.group("sm")), int(m.group("sd"))
        else:
            y, mo, d = int(m.group("wy")), MONTHS.index(m.group("wm").lower()) + 1, int(m.group("wd"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group(0)
        den = text[max(0, m.start() - 4):m.start()].lower() == "den "
        sentence_start = m.start() == 0 or text[m.start() - 1] == "\n"
        out = _render_date(y, mo, d, fmt, den)
        return out[:1].upper() + out[1:] if sentence_start and out.startswith("den") else out

    return FULL_DATE.sub(render, text)


# An abbreviation's full stop, which ends no sentence ("Enl. soc är ...", "t.ex. BUP").
ABBREVIATION = re.compile(r"(?i)(?<!\w)(?:enl|bl\.a|t\.ex|ev|ca|resp|pga|p\.g\.a|inkl|ang|dvs|kontakt|tel|ssk|jfr)\.$")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t*#-•–")
    return not before or before[-1] in ".!?:\n|" and not ABBREVIATION.search(before)


def agencies(text: str, rng: random.Random) -> str:
    """Other names for the same agency (soc, socialförvaltningen, BUP spelled out, EHT, ...), one per plan."""
    choice: dict[str, str] = {}

    def name(m: re.Match) -> str:
        written, gen = m.group("name"), m.group("gen") or ""
        key = next(k for k in AGENCY_NAMES if k.lower() == written.lower())
        start = _sentence_start(text, m.start())
        if key == "skolan":  # only the capitalised "Skolan" mid-sentence, as some coordinators write it
            return m.group(0) if start or written != "skolan" else "Skolan" + gen
        if key == "soc" and written not in ("soc", "Soc"):
            return m.group(0)
        new = choice.setdefault(key, rng.choice(AGENCY_NAMES[key]))
        if gen:
            gen = ":s" if new.isupper() else "s"
        if start and not new.isupper():
            new = new[:1].upper() + new[1:]
        return new + gen

    return AGENCY.sub(name, text)


def _sections(lines: list[str]) -> list[int]:
    """Indices of standalone heading lines that open a section (a blank line or the text start before), in Markdown,
    bold, capitals or a plain known title ("Mål", "Samtycke"); numbered headings are left out (moved, "7. Uppföljning"
    before "4. Mål" reads oddly)."""
    heads = []
    for i, line in enumerate(lines):
        m = _SECTION_HEAD.match(line)
        if not m or (i and lines[i - 1].strip()) or i + 1 >= len(lines) or not lines[i + 1].strip():
            continue
        title = m.group("title").strip()
        styled = line.lstrip().startswith(("#", "**")) or title.isupper() or _KNOWN_TITLE.match(title)
        if styled and not re.match(r"\s*(?:#+\s*)?\d", line):  # numbered sections would come out of order
            heads.append(i)
    return heads


def section_order(text: str, rng: random.Random) -> str:
    """The follow-up section moved before the goals section, where both are headed sections in the same style
    and the follow-up section is followed by another heading (so the signature stays at the end)."""
    lines = text.split("\n")
    heads = _sections(lines)
    title = {i: _SECTION_HEAD.match(lines[i]).group("title").strip() for i in heads}
    goals = [i for i in heads if _GOAL_TITLE.match(title[i])]
    follows = [k for k, i in enumerate(heads) if _FOLLOW_TITLE.match(title[i])]
    if len(goals) != 1 or len(follows) != 1 or follows[0] + 1 >= len(heads):
        return text
    g, f_start, f_end = goals[0], heads[follows[0]], heads[follows[0] + 1]
    if f_start < g:
        return text
    moved = lines[f_start:f_end]
    if moved[-1].strip():
        moved.append("")
    rest = lines[:f_start] + lines[f_end:]
    return "\n".join(rest[:g] + moved + rest[g:])


REWRITES: dict[str, Callable[[str, random.Random], str]] = {
    "headings": headings,
    "bullets": bullets,
    "dates": dates,
    "agencies": agencies,
    "section_order": section_order,
}


def rewrite_all(records: list[dict], kind: str, seed: int) -> dict[str, str]:
    """The rewritten text of every plan that `kind` changes, by id (one seeded generator per plan)."""
    out = {}
    for r in records:
        new = REWRITES[kind](r["text"], random.Random(f"{seed}:{kind}:{r['id']}"))
        if new != r["text"]:
            out[r["id"]] = new
    return out


def verdicts(assessor: RuleAssessor, pid: str, text: str) -> dict[str, str]:
    a = assessor.assess(Plan(id=pid, text=text))
    return {c: a.criteria[c].verdict for c in CRITERION_IDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kinds", default=",".join(REWRITES), help="comma-separated kinds of rewrite")
    parser.add_argument("--moves", action="store_true", help="list every moved verdict (id, criterion)")
    parser.add_argument("--show", metavar="KIND", help="print three rewritten plans of KIND and stop")
    args = parser.parse_args()
    records = load_corpus(args.split)
    if args.show:
        for pid, text in list(rewrite_all(records, args.show, args.seed).items())[:3]:
            print(f"===== {pid}\n{text}\n")
        return
    assessor = RuleAssessor()
    original = {r["id"]: verdicts(assessor, r["id"], r["text"]) for r in records}
    labels = {r["id"]: r["labels"] for r in records}
    kinds = args.kinds.split(",")
    moved_by: dict[str, Counter] = {}
    print(f"{len(records)} {args.split}-planer, regelbedömningen; en omskrivning i taget (seed {args.seed})")
    print(f"{'omskrivning':14s} {'planer':>6s} {'flyttade':>8s}  acc före  acc efter")
    for kind in kinds:
        changed = rewrite_all(records, kind, args.seed)
        moved: Counter = Counter()
        right_before = right_after = 0
        for pid, text in changed.items():
            new = verdicts(assessor, pid, text)
            for c in CRITERION_IDS:
                right_before += original[pid][c] == labels[pid][c]
                right_after += new[c] == labels[pid][c]
                if new[c] != original[pid][c]:
                    moved[c] += 1
                    if args.moves:
                        print(f"  {kind} {pid} {c}: {original[pid][c]} -> {new[c]} (guld {labels[pid][c]})")
        moved_by[kind] = moved
        n = len(changed) * len(CRITERION_IDS) or 1
        print(f"{kind:14s} {len(changed):6d} {sum(moved.values()):8d}  {right_before / n:8.3f}  {right_after / n:9.3f}")
    print("\nflyttade domar per kriterium")
    print(f"{'kriterium':28s}" + "".join(f"{k[:13]:>14s}" for k in kinds))
    for c in CRITERION_IDS:
        print(f"{c:28s}" + "".join(f"{moved_by[k][c]:14d}" for k in kinds))


if __name__ == "__main__":
    main()
