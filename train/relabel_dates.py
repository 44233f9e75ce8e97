"""Relabel DATE/FUDATE span boundaries in annotations/source/ to the rule in GUIDELINES.md.

The rule (annotations/GUIDELINES.md, "DATE"): a DATE span starts at the time expression
itself. Leading words that only place it in time ("i", "till", "före", "senast", "från",
"sedan", "under", "innan", "efter", "inför", "fram till", "fr.o.m.", "någon gång", "ca" …;
`planqa.dates.LEADING_WORD`, the same rule the rule-based date finder follows) stay outside.
Words without which there is no time expression stay inside: "om åtta veckor", "inom en
månad", "efter tre veckor", "vid behov", "i vår", "i höstas". "den" before a day is part of
the date, and so are "början/mitten/slutet av". A year and a clock time written right after
the date belong to it ("16/4 2024", "25/3 -25 kl 14.00", "tis 14/4 kl 14.15"); a clock time
after a comma does not ("2025-05-20, kl 13.00").

What it does, per DATE/FUDATE span of every source plan:
  lead-out   "{DATE:efter sommarlovet}"  -> "efter {DATE:sommarlovet}"
  pull-in    "den {DATE:12 september}"    -> "{DATE:den 12 september}"  (also "i" + season
             or day adverb: "i vår", "i går", "i fredags"; "början/mitten/slutet av")
  trail-in   "{DATE:16/4} 2024", "{DATE:19/11} kl 14"  -> the year/time inside
  trail-out  "{DATE:2025-05-20, kl 13.00}" -> "{DATE:2025-05-20}, kl 13.00"
Only markup moves: the plan text without markup is byte-identical before and after, and every
other span is unchanged (checked for each file before it is written). Running it again
changes nothing. Each changed span is logged to annotations/relabel/log-dates.tsv as
plan id, label, old span, new span, rule (written only when something changed).

Usage: python train/relabel_dates.py [--dry-run]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planqa.corpus import _OPEN, parse_source, strip_markup
from planqa.dates import _AMOUNT, _DAY_ADVERB, _SEASON_ADVERB, leading_words

SOURCE = ROOT / "annotations" / "source"
LOG = ROOT / "annotations" / "relabel" / "log-dates.tsv"
LABELS = ("DATE", "FUDATE")

_L = r"(?<![\wåäöÅÄÖ])"
# words right before a span that belong inside it, with what the span must then start with
_PULL_IN = [
    (re.compile(_L + r"den[ \t]+$", re.IGNORECASE), re.compile(r"\d")),
    (re.compile(_L + r"i[ \t]+$", re.IGNORECASE), re.compile(f"(?:{_SEASON_ADVERB}|{_DAY_ADVERB})", re.IGNORECASE)),
    (re.compile(_L + r"(?:början|mitten|slutet)[ \t]+av[ \t]+$", re.IGNORECASE), re.compile(r"\S")),
    (re.compile(_L + r"(?:om|inom|efter)[ \t]+$", re.IGNORECASE), re.compile(_AMOUNT, re.IGNORECASE)),
    (re.compile(_L + r"vid[ \t]+$", re.IGNORECASE), re.compile(r"behov\b", re.IGNORECASE)),
]
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_TIME = rf"[ \t]+(?:kl\.?|klockan)[ \t]*{_CLOCK}(?:[ \t]*[-–][ \t]*{_CLOCK})?(?![\d.:]\d)"
_YEAR_AFTER = re.compile(r"[ \t]*(?:-[ \t]?\d{2}|(?:19|20)\d{2})(?![\d/-])")
_TIME_AFTER = re.compile(_TIME, re.IGNORECASE)
_DAY_MONTH_END = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}$")
_COMMA_TIME_END = re.compile(rf",[ \t]*(?:kl\.?|klockan)[ \t]*{_CLOCK}(?:[ \t]*[-–][ \t]*{_CLOCK})?\s*$",
                             re.IGNORECASE)
_HAS_TIME = re.compile(r"(?<![\wåäö])(?:kl\.?|klockan)[ \t]*\d", re.IGNORECASE)


def _spans(body: str) -> list[tuple[str, int, int, int]]:
    """(label, index of "{", index after "LABEL:", index of the closing "}") of every span."""
    out, stack = [], []
    i = 0
    while i < len(body):
        m = _OPEN.match(body, i)
        if m:
            stack.append((m.group(1), i, m.end()))
            i = m.end()
            continue
        if body[i] == "}" and stack:
            label, o, c = stack.pop()
            out.append((label, o, c, i))
        i += 1
    return out


def _clean(marked: str) -> str:
    return strip_markup(marked)[0].strip()


def relabel_span(body: str, o: int, c: int, e: int) -> tuple[int, int, str, list[str]] | None:
    """The new markup for body[start:end] of one span (start, end, markup, rules), or None."""
    opener, content = body[o:c], body[c:e]
    rules: list[str] = []
    start, end = o, e + 1
    pulled = ""
    line_before = body[body.rfind("\n", 0, o) + 1:o]
    ws = len(content) - len(content.lstrip())
    for before, must_start in _PULL_IN:
        m = before.search(line_before)
        if m and must_start.match(content, ws) and not re.search(r"[{}]", m.group()):
            pulled = m.group()
            start = o - len(pulled)
            rules.append("pull-in")
            break
    lead = ""
    if not pulled:
        k = leading_words(body, c + ws, e)
        if k > c + ws and not re.search(r"[{}]", body[c:k]):
            lead, content = body[c:k], body[k:e]
            rules.append("lead-out")
    tail_out = ""
    m = _COMMA_TIME_END.search(content)
    if m and "{" not in m.group() and "}" not in m.group():
        content, tail_out = content[:m.start()], content[m.start():]
        rules.append("trail-out")
    trail = ""
    after = body[e + 1:]
    clean_content = _clean(content)
    if not tail_out:
        m = _YEAR_AFTER.match(after) if _DAY_MONTH_END.search(clean_content) else None
        if m:
            trail = m.group()
            rules.append("trail-in year")
        if not _HAS_TIME.search(clean_content) and (t := _TIME_AFTER.match(after, len(trail))):
            trail = after[:t.end()]
            rules.append("trail-in time")
        end = e + 1 + len(trail)
    if not rules:
        return None
    new = lead + opener + pulled + content + trail + "}" + tail_out
    return start, end, new, rules


def relabel_body(body: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    """The relabelled body and one (label, old span, new span, rules) per changed span."""
    changes = []
    # from the last span to the first: an edit only moves characters inside its own stretch
    for label, o, c, e in sorted(_spans(body), key=lambda s: -s[1]):
        if label not in LABELS:
            continue
        edit = relabel_span(body, o, c, e)
        if edit is None:
            continue
        start, end, new, rules = edit
        old_span, new_span = _clean(body[c:e]), None
        body = body[:start] + new + body[end:]
        o2 = body.index("{" + label + ":", start)
        e2 = next(x[3] for x in _spans(body) if x[1] == o2)
        new_span = _clean(body[o2 + len(label) + 2:e2])
        changes.append((label, old_span, new_span, "+".join(rules)))
    return body, changes[::-1]


def check_same(old_raw: str, new_raw: str) -> None:
    """Refuse a relabel that changes the text or any span other than DATE boundaries."""
    old, new = parse_source(old_raw), parse_source(new_raw)
    if old.text != new.text or old.header != new.header:
        raise SystemExit("texten eller huvudet ändrades: avbryter")
    def others(plan):
        return sorted((s.start, s.end, s.label, s.role) for s in plan.spans if s.label != "DATE")

    def date_roles(plan):
        return sorted(s.role or "" for s in plan.spans if s.label == "DATE")

    if others(old) != others(new):
        raise SystemExit("andra spann än DATE ändrades: avbryter")
    if date_roles(old) != date_roles(new):
        raise SystemExit("antalet DATE-spann ändrades: avbryter")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="skriv bara ut vad som skulle ändras")
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--log", type=Path, default=LOG)
    args = ap.parse_args(argv)

    rows, counts = [], {}
    for path in sorted(args.source.glob("p*.md")):
        raw = path.read_text(encoding="utf-8")
        _, head, body = raw.split("---", 2)
        new_body, changes = relabel_body(body)
        if not changes:
            continue
        new_raw = "---" + head + "---" + new_body
        check_same(raw, new_raw)
        for label, old, new, rule in changes:
            rows.append((path.stem, label, old, new, rule))
            for r in rule.split("+"):
                counts[r] = counts.get(r, 0) + 1
        if not args.dry_run:
            path.write_text(new_raw, encoding="utf-8")
    print(f"{len(rows)} spann ändrade i {len({r[0] for r in rows})} planer: {counts}")
    if rows and not args.dry_run:
        args.log.parent.mkdir(parents=True, exist_ok=True)
        with args.log.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write("\t".join(x.replace("\t", " ").replace("\n", "\\n") for x in row) + "\n")
        print(f"logg: {args.log.relative_to(ROOT) if args.log.is_relative_to(ROOT) else args.log}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
