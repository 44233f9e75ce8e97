"""Compute the corpus figures of annotations/DATASHEET.md: sizes, distributions, agreement.

Usage: python train/datasheet.py   (rewrites the part between the GENERATED markers)
Agreement compares the first labels (annotations/source) with the blind second labels
(annotations/blind/*.yaml) per criterion with Cohen's kappa.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import yaml
from sklearn.metrics import cohen_kappa_score

from planqa.corpus import ANNOTATIONS, load_corpus
from planqa.criteria import CRITERION_IDS, DIMENSIONS, VERDICTS
from planqa.models import dimension_scores

START, END = "<!-- GENERATED: train/datasheet.py -->", "<!-- END GENERATED -->"


def agreement(records: list[dict], directory: Path = ANNOTATIONS / "blind") -> tuple[list[str], int]:
    by_id = {r["id"]: r for r in records}
    blind = {}
    for path in sorted(directory.glob("p*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data and data.get("id") in by_id:
            blind[data["id"]] = data
    if not blind:
        return ["No blind labels yet."], 0
    rows = ["| criterion | plans | raw agreement | Cohen's κ |", "|---|---|---|---|"]
    kappas = []
    for cid in CRITERION_IDS:
        first = [by_id[i]["labels"][cid] for i in blind]
        second = [blind[i]["labels"][cid] for i in blind]
        raw = sum(a == b for a, b in zip(first, second)) / len(first)
        kappa = cohen_kappa_score(first, second)
        kappas.append(kappa)
        rows.append(f"| {cid} | {len(first)} | {raw:.2f} | {kappa:.2f} |")
    rows.append(f"| **mean** | | | **{statistics.mean(kappas):.2f}** |")
    fu = sum(sorted(map(str, blind[i].get("follow_up_dates") or [])) == sorted(by_id[i]["follow_up_dates"])
             for i in blind)
    rows += ["", f"Follow-up dates identical in {fu} of {len(blind)} plans."]
    return rows, len(blind)


def pooled_agreement(records: list[dict]) -> tuple[list[str], int]:
    """The writers' labels against all never-adjudicated blind labels of the writer blocks, pooled:
    how far two labellers agree, per criterion and per dimension band (the models' ceiling)."""
    by_id = {r["id"]: r for r in records}
    blind = {}
    for folder in blind_block_folders():
        for path in sorted((ANNOTATIONS / "blind" / folder).glob("p*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data and data.get("id") in by_id:
                blind[data["id"]] = data
    ids = sorted(blind)
    rows = ["| criterion or band | plans | raw agreement | Cohen's κ |", "|---|---|---|---|"]
    for cid in CRITERION_IDS:
        first = [by_id[i]["labels"][cid] for i in ids]
        second = [blind[i]["labels"][cid] for i in ids]
        raw = sum(a == b for a, b in zip(first, second)) / len(ids)
        rows.append(f"| {cid} | {len(ids)} | {raw:.2f} | {cohen_kappa_score(first, second):.2f} |")
    for dim in DIMENSIONS:
        first = [dimension_scores(by_id[i]["labels"])[dim].band for i in ids]
        second = [dimension_scores(blind[i]["labels"])[dim].band for i in ids]
        raw = sum(a == b for a, b in zip(first, second)) / len(ids)
        rows.append(f"| band: {dim} | {len(ids)} | {raw:.2f} | {cohen_kappa_score(first, second):.2f} |")
    return rows, len(ids)


def table(counter: Counter, keys=None) -> str:
    keys = keys or sorted(counter, key=lambda k: -counter[k])
    return ", ".join(f"{k} {counter[k]}" for k in keys)


def blind_block_folders() -> list[str]:
    """The blind labellings of new writer blocks (annotations/blind/blocks6-9, ...), in block order."""
    folders = [p.name for p in (ANNOTATIONS / "blind").glob("blocks*-*") if p.is_dir()]
    return sorted(folders, key=lambda name: int(name.removeprefix("blocks").split("-")[0]))


def generate() -> str:
    records = load_corpus()
    splits = Counter(r["split"] for r in records)
    words = [len(r["text"].split()) for r in records]
    lines = [START, "", f"**{len(records)} plans**: train {splits['train']}, dev {splits['dev']}, "
             f"test {splits['test']}; {sum(words)} words; plan length {min(words)}–{max(words)} words "
             f"(median {statistics.median(words):.0f}).", ""]
    lines += [f"- formats: {table(Counter(r['format'] for r in records))}",
              f"- ages: 0–5 {sum(r['age'] <= 5 for r in records)}, 6–12 "
              f"{sum(6 <= r['age'] <= 12 for r in records)}, 13–17 {sum(r['age'] >= 13 for r in records)}",
              f"- themes: {table(Counter(t for r in records for t in r['themes']))}",
              f"- actors: {table(Counter(a for r in records for a in r['actors']))}",
              f"- before/after pairs: {sum(bool(r.get('pair_of')) for r in records)}",
              f"- spans: {table(Counter(s['label'] for r in records for s in r['spans']))}; "
              f"follow-up DATE spans {sum(s.get('role') == 'follow_up' for r in records for s in r['spans'])}",
              "", "Verdicts per criterion in **train** (met / partial / not_met) and in all splits:", "",
              "| criterion | train met | train partial | train not_met | all met | all partial | all not_met |",
              "|---|---|---|---|---|---|---|"]
    for cid in CRITERION_IDS:
        tr = Counter(r["labels"][cid] for r in records if r["split"] == "train")
        al = Counter(r["labels"][cid] for r in records)
        lines.append(f"| {cid} | " + " | ".join(str(tr[v]) for v in VERDICTS) + " | "
                     + " | ".join(str(al[v]) for v in VERDICTS) + " |")
    rows, n = agreement(records)
    before = (ANNOTATIONS / "blind" / "AGREEMENT_BEFORE_ADJUDICATION.md")
    lines += ["", f"### Agreement: blind second labelling ({n} plans)", "",
              "**Before adjudication** (the figure to quote: first labels as written against the blind labels;",
              f"from `{before.relative_to(ANNOTATIONS.parent)}`):", ""]
    if before.exists():
        lines += [line for line in before.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    lines += ["", "**After** the decisions of GUIDELINES.md 4.1 were applied to the whole corpus (higher by",
              "construction, since the decisions settled the cases the two passes disagreed on):", "", *rows]
    for folder in blind_block_folders():
        blocks = folder.removeprefix("blocks").replace("-", "–")
        rows, n = agreement(records, ANNOTATIONS / "blind" / folder)
        lines += ["", f"### Agreement: blocks {blocks}, blind second labelling ({n} train/dev plans, before any "
                      "adjudication)", "",
                  "The writers' labels against blind labels by a separate session that saw only the",
                  f"guidelines and the plain text (`annotations/blind/{folder}/`). Nothing was adjudicated; the "
                  "re-checks of steps 10 and 12, which never saw the blind labels, changed labels of p0712 and "
                  "p0791, and the rows compare with the labels as they are now.", "", *rows]
    rows, n = pooled_agreement(records)
    lines += ["", f"### Agreement: all writer blocks pooled ({n} train/dev plans, never adjudicated)", "",
              "The blocks' tables above taken together: the writers' labels as they are now against the blind",
              "labels, per criterion and per dimension band (bands computed from the 12 labels as planqa computes",
              "them). This is how far two careful labellers agree, so it bounds what any model can reach against",
              "one of them.", "", *rows]
    rows, n = agreement(records, ANNOTATIONS / "blind" / "needs-k")
    lines += ["", f"### Agreement: the needs_described not_met plans of step 18, blind second labelling ({n} train/dev "
                  "plans)", "",
              "Two plans per house style of p1082–p1145, labelled blind by a separate session "
              "(`annotations/blind/needs-k/`); nothing adjudicated.", "", *rows]
    lines += ["", END]
    return "\n".join(lines)


def main() -> None:
    path = ANNOTATIONS / "DATASHEET.md"
    text = path.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    path.write_text(before + generate() + after, encoding="utf-8")
    print(f"updated {path}")


if __name__ == "__main__":
    main()
