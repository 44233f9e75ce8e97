"""Validate the annotated corpus: schema, offsets, labels, near-duplicates across splits, no identifiers."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from planqa.corpus import SPAN_LABELS, compile_corpus
from planqa.criteria import CRITERION_IDS, VERDICTS
from planqa.masks import ANY_MASK, DATE_MASK

IDENTIFIER_PATTERNS = {
    "personnummer": re.compile(r"\b(?:19|20)?\d{6}[-+]?\d{4}\b"),
    "telefon": re.compile(r"(?:\+46|\b0)\s?7\d[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b|\b0\d{1,3}-\d{5,8}\b"),
    "e-post": re.compile(r"[\w.%+-]+@[\w.-]+\.[a-z]{2,}", re.I),
    "gatuadress": re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|gränd|torget|allén|backen|stigen)\s+\d+", re.U),
    "postnummer": re.compile(r"\b\d{3}\s\d{2}\s+[A-ZÅÄÖ][a-zåäö]+"),
}
SPLITS = ("train", "dev", "test")
# a date hidden by another tool's pseudonymisation (GUIDELINES section 4, block 87): a concrete date nobody can read
MASKED_DATE = re.compile(f"{DATE_MASK}|{ANY_MASK}")
NEAR_DUPLICATE = 0.6  # Jaccard similarity of word 5-gram shingles


def shingles(text: str, n: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i:i + n])) for i in range(max(1, len(words) - n + 1))}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def check_record(r: dict, splits: tuple[str, ...] = SPLITS) -> list[str]:
    """Schema, offsets and label values of one compiled record."""
    problems = []
    pid = r.get("id", "?")
    if r.get("split") not in splits:
        problems.append(f"{pid}: okänd split {r.get('split')!r}")
    for cid in CRITERION_IDS:
        if r["labels"].get(cid) not in VERDICTS:
            problems.append(f"{pid}: {cid} har värdet {r['labels'].get(cid)!r}")
    text = r["text"]
    for s in r["spans"]:
        if s["label"] not in SPAN_LABELS or s["label"] == "FUDATE":
            problems.append(f"{pid}: okänd spannetikett {s['label']}")
        if not (0 <= s["start"] < s["end"] <= len(text)) or text[s["start"]:s["end"]] != s["text"]:
            problems.append(f"{pid}: spannet {s['label']} {s['start']}-{s['end']} stämmer inte med texten")
    if "{" in text or "}" in text:
        problems.append(f"{pid}: texten innehåller kvarlämnad markering")
    masked = any(s.get("role") == "follow_up" and MASKED_DATE.search(s["text"]) for s in r["spans"])
    if r["labels"]["follow_up_date"] == "met" and not r["follow_up_dates"] and not masked:
        problems.append(f"{pid}: follow_up_date är met men follow_up_dates är tom")
    for name, pattern in IDENTIFIER_PATTERNS.items():
        if pattern.search(text):
            problems.append(f"{pid}: texten innehåller något som liknar {name}")
    return problems


def near_duplicates(records: list[dict]) -> list[tuple[str, str, float]]:
    """Pairs of plans in different splits whose texts overlap too much (before/after pairs share a split)."""
    sh = {r["id"]: shingles(r["text"]) for r in records}
    out = []
    for a, b in combinations(records, 2):
        if a["split"] == b["split"]:
            continue
        sim = jaccard(sh[a["id"]], sh[b["id"]])
        if sim >= NEAR_DUPLICATE:
            out.append((a["id"], b["id"], sim))
    return out


def verdict_counts(records: list[dict], split: str = "train") -> dict[str, Counter]:
    return {cid: Counter(r["labels"][cid] for r in records if r["split"] == split) for cid in CRITERION_IDS}


def validate_corpus(min_per_verdict: int = 0) -> tuple[list[str], str]:
    """All problems in the corpus, and a one-line summary."""
    records, problems = compile_corpus(skip_invalid=True)
    for r in records:
        problems += check_record(r)
    for a, b, sim in near_duplicates(records):
        problems.append(f"{a} och {b} ligger i olika delar men är nästan likadana ({sim:.2f})")
    if min_per_verdict:
        for cid, counts in verdict_counts(records).items():
            for v in VERDICTS:
                if counts[v] < min_per_verdict:
                    problems.append(f"train har bara {counts[v]} exempel av {cid}={v} (minst {min_per_verdict})")
    sizes = Counter(r["split"] for r in records)
    summary = f"{len(records)} planer ({', '.join(f'{s} {sizes[s]}' for s in SPLITS)}); {len(problems)} problem."
    return problems, summary
