"""Train planqa's spaCy NER on the annotated corpus and write models/ner/ with metrics.json.

Trains tok2vec + NER (ACTOR, ROLE, PERSON, DATE) with train/ner.cfg on the train split
(seeded, CPU), picks per label whether the model, the gazetteer or both give the entities and
whether model DATEs are widened to planqa.dates mentions (by F1 on the dev split), and reports
entity P/R/F1 per label on dev and test, follow-up date exact match, date-normaliser accuracy
and throughput relative to bare tokenisation.

Usage: python train/ner.py [--out models/ner] [--max-steps N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from planqa.corpus import load_corpus
from planqa.dates import find_dates, leading_words, normalise
from planqa.followup import Scorer, fit_scorer, follow_up_dates
from planqa.integrity import write_manifest
from planqa.nlp import ENT_LABELS, PLACEHOLDER, RULER_KEY, make_merge
from planqa.readable import readable

CONFIG = ROOT / "train" / "ner.cfg"
MODES = ("model", "ruler", "both")


def as_read(record: dict) -> dict:
    """The record as the assessors read it (`planqa.readable`: the same length, HTML tags, struck text and
    comments as spaces, entities decoded, broken words joined): the NER is trained and scored on the text it
    tags at run time. Each span is trimmed of the spaces a repair left in it and dropped when nothing is left."""
    text = readable(record["text"])
    if text == record["text"]:
        return record
    spans = []
    for s in record["spans"]:
        start, end = s["start"], s["end"]
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end = start + len(piece.strip())
        if end > start:
            spans.append(s | {"start": start, "end": end, "text": text[start:end]})
    return record | {"text": text, "spans": spans}


def gold_spans(record: dict) -> set[tuple[int, int, str]]:
    return {(s["start"], s["end"], s["label"]) for s in record["spans"] if s["label"] in ENT_LABELS}


def to_doc(nlp: spacy.Language, record: dict) -> Doc:
    """A training Doc: the record's text with its ACTOR/ROLE/PERSON/DATE spans as entities."""
    doc = nlp.make_doc(record["text"])
    spans = [doc.char_span(s, e, label=lab) for s, e, lab in gold_spans(record)]
    doc.ents = filter_spans([s for s in spans if s is not None])
    for tok in doc:  # the IO tags the entity tagger learns
        tok.tag_ = tok.ent_type_ or "O"
    return doc


def write_docbin(nlp: spacy.Language, records: list[dict], path: Path) -> None:
    DocBin(docs=[to_doc(nlp, r) for r in records]).to_disk(path)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n_gold": n_gold}


def overlap_score(pred: list[set], gold: list[set]) -> dict[str, dict[str, float]]:
    """Lenient P/R/F1 per label: a span counts when it overlaps one of the same label."""
    out = {}
    for lab in ENT_LABELS:
        hit_p = n_p = hit_g = n_g = 0
        for p_set, g_set in zip(pred, gold, strict=True):
            ps = [s for s in p_set if s[2] == lab]
            gs = [s for s in g_set if s[2] == lab]
            n_p, n_g = n_p + len(ps), n_g + len(gs)
            hit_p += sum(any(a < d and c < b for c, d, *_ in gs) for a, b, *_ in ps)
            hit_g += sum(any(a < d and c < b for c, d, *_ in ps) for a, b, *_ in gs)
        p, r = (hit_p / n_p if n_p else 0.0), (hit_g / n_g if n_g else 0.0)
        out[lab] = {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}
    return out


def score(pred: list[set], gold: list[set]) -> dict[str, dict[str, float]]:
    """Exact-match entity P/R/F1 per label, overall (micro) and PERSON without placeholders."""
    tp, npred, ngold = Counter(), Counter(), Counter()
    for p_set, g_set in zip(pred, gold, strict=True):
        for key, keep in (("", lambda s: True),
                          ("PERSON_NAMES", lambda s: s[2] == "PERSON" and not s[3])):
            ps = {s[:3] for s in p_set if keep(s)}
            gs = {s[:3] for s in g_set if keep(s)}
            if key:
                tp[key] += len(ps & gs)
                npred[key] += len(ps)
                ngold[key] += len(gs)
                continue
            for lab in ENT_LABELS:
                tp[lab] += len({s for s in ps & gs if s[2] == lab})
                npred[lab] += len({s for s in ps if s[2] == lab})
                ngold[lab] += len({s for s in gs if s[2] == lab})
    out = {lab: prf(tp[lab], npred[lab], ngold[lab]) for lab in (*ENT_LABELS, "PERSON_NAMES")}
    out["overall"] = prf(sum(tp[x] for x in ENT_LABELS), sum(npred[x] for x in ENT_LABELS),
                         sum(ngold[x] for x in ENT_LABELS))
    return out


def _mark(spans: set[tuple[int, int, str]], text: str) -> set[tuple[int, int, str, bool]]:
    """Add whether a span is a bracket placeholder (scored apart for PERSON)."""
    return {(s, e, lab, bool(PLACEHOLDER.fullmatch(text[s:e]))) for s, e, lab in spans}


def unmerged_docs(nlp: spacy.Language, records: list[dict]) -> list[Doc]:
    """`records` through the pipeline up to (not including) sip_merge."""
    with nlp.select_pipes(disable=[n for n in ("sip_merge",) if n in nlp.pipe_names]):
        return list(nlp.pipe(r["text"] for r in records))


def evaluate(nlp: spacy.Language, records: list[dict], modes: dict[str, dict[str, str]],
             snap: frozenset[str] = frozenset(), docs: list[Doc] | None = None) -> dict:
    """Entity scores of each source configuration (label -> model/ruler/both) on `records`; the
    modes named in `snap` also widen model DATEs to planqa.dates mentions (planqa.nlp.snap_dates).
    `docs`: `unmerged_docs(nlp, records)` when the caller has them already."""
    docs = unmerged_docs(nlp, records) if docs is None else docs
    gold = [_mark(gold_spans(r), r["text"]) for r in records]
    out = {}
    for name, sources in modes.items():
        merge = make_merge(nlp, "merge", sources, RULER_KEY, name in snap)
        pred = []
        for doc, r in zip(docs, records, strict=True):
            d = merge(doc.copy())
            pred.append(_mark({(e.start_char, e.end_char, e.label_) for e in d.ents}, r["text"]))
        out[name] = score(pred, gold) | {"overlap": overlap_score(pred, gold),
                                         "DATE_without_preposition": score(
                                             [_strip_prepositions(p, r["text"]) for p, r in zip(pred, records)],
                                             [_strip_prepositions(g, r["text"]) for g, r in zip(gold, records)],
                                         )["DATE"]}
    return out


def _strip_prepositions(spans: set[tuple], text: str) -> set[tuple]:
    """DATE spans without the leading words that annotations/GUIDELINES.md leaves outside
    ("i", "till", "efter", "senast" …; planqa.dates.leading_words). The corpus follows that rule
    (train/relabel_dates.py), so this equals exact DATE F1 unless predicted spans break it: a
    sanity check of the boundaries, kept from when the corpus had "i december" and "december"
    about equally often for the same thing."""
    return {(leading_words(text, s, e) if lab == "DATE" else s, e, lab, *rest) for s, e, lab, *rest in spans}


def follow_up_exact(nlp: spacy.Language, records: list[dict]) -> dict[str, float]:
    """Share of plans whose set of follow-up ISO dates equals the gold set: from the pipeline's DATE
    entities and from planqa.dates mentions, learned scorer and rules, with the plan date found in
    the text or given (the corpus plan_date, as a caller with metadata would pass it)."""
    merge = nlp.get_pipe("sip_merge")
    hits = Counter()
    for r, unmerged in zip(records, unmerged_docs(nlp, records), strict=True):
        gold = sorted(r["follow_up_dates"])
        plan_date = datetime.date.fromisoformat(r["plan_date"]) if r["plan_date"] else None
        for name, given in (("pipeline", None), ("pipeline_gold_plan_date", plan_date)):
            doc = unmerged.copy()  # the tokens, NER and gazetteer once; the merge with each plan date
            doc._.plan_date = given
            doc = merge(doc)
            hits[name] += sorted({e._.normalised for e in doc.ents if e._.follow_up and e._.normalised}) == gold
        for name, scorer in (("dates_learned", nlp.get_pipe("sip_merge").scorer), ("dates_rules", "rules")):
            hits[name] += follow_up_dates(r["text"], scorer=scorer)[0] == gold
            hits[name + "_gold_plan_date"] += follow_up_dates(r["text"], plan_date, scorer=scorer)[0] == gold
    n = len(records)
    return {k: round(v / n, 4) for k, v in sorted(hits.items())} | {"n": n}


def normaliser_accuracy(records: list[dict]) -> dict[str, float]:
    """Gold follow-up DATE spans resolved with the gold plan date: ISO set equal to the gold dates."""
    hits = n = 0
    for r in records:
        spans = [s for s in r["spans"] if s.get("role") == "follow_up"]
        if not spans:
            continue
        plan_date = datetime.date.fromisoformat(r["plan_date"]) if r["plan_date"] else None
        iso = sorted({normalise(s["text"], plan_date, r["text"][max(0, s["start"] - 40):s["start"]])[0]
                      for s in spans} - {None})
        hits += iso == sorted(r["follow_up_dates"])
        n += 1
    return {"accuracy": round(hits / n, 4) if n else 0.0, "n_plans": n}


def throughput(nlp: spacy.Language, texts: list[str], repeats: int = 3) -> dict[str, float]:
    """Plans per CPU-second on one core, the pipeline vs bare spacy.blank("sv") tokenisation.

    CPU time (best of `repeats`, the two interleaved) rather than wall time, so that other
    processes on the machine disturb the ratio less.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    bare = spacy.blank("sv")
    runs = {"tokenizer": lambda: list(bare.pipe(texts, batch_size=64)),
            "pipeline": lambda: list(nlp.pipe(texts, batch_size=64))}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for name, run in runs.items():
            t = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - t)
    tok, full = len(texts) / best["tokenizer"], len(texts) / best["pipeline"]
    return {"tokenizer_plans_per_s": round(tok, 1), "pipeline_plans_per_s": round(full, 1),
            "ratio": round(full / tok, 3), "n_docs": len(texts)}


def fit_follow_up(records: list[dict]) -> Scorer:
    """The follow-up scorer fitted on `records` (mentions from planqa.dates, gold FUDATE spans)."""
    examples = []
    for r in records:
        plan_date = datetime.date.fromisoformat(r["plan_date"]) if r["plan_date"] else None
        mentions = find_dates(r["text"], plan_date)
        gold = [(s["start"], s["end"]) for s in r["spans"] if s.get("role") == "follow_up"]
        examples.append((r["text"], mentions, plan_date,
                         [any(m.start < e and s < m.end for s, e in gold) for m in mentions]))
    return fit_scorer(examples)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner")
    ap.add_argument("--max-steps", type=int, default=None)
    args = ap.parse_args(argv)

    from spacy.cli.train import train

    records = [as_read(r) for r in load_corpus()]
    by_split = {s: [r for r in records if r["split"] == s] for s in ("train", "dev", "test")}
    print("plans:", {s: len(v) for s, v in by_split.items()}, flush=True)
    nlp0 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "planqa.sv_tokenizer.v1"}}})
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_docbin(nlp0, by_split["train"], tmp / "train.spacy")
        write_docbin(nlp0, by_split["dev"], tmp / "dev.spacy")
        overrides = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")}
        if args.max_steps:
            overrides["training.max_steps"] = args.max_steps
        t0 = time.perf_counter()
        train(CONFIG, tmp / "out", use_gpu=-1, overrides=overrides)
        train_s = time.perf_counter() - t0
        nlp = spacy.load(tmp / "out" / "model-best")

    nlp.add_pipe("sip_gazetteer")  # every label, to compare with the model
    modes = {m: dict.fromkeys(ENT_LABELS, m) for m in MODES}
    dev_docs = unmerged_docs(nlp, by_split["dev"])
    dev = evaluate(nlp, by_split["dev"], modes, docs=dev_docs)
    sources = {lab: max(MODES, key=lambda m: (dev[m][lab]["f"], m == "model")) for lab in ENT_LABELS}
    # then whether to widen model DATEs to planqa.dates mentions, also by DATE F1 on dev
    variants = {"unsnapped": sources, "snapped": sources}
    dev |= evaluate(nlp, by_split["dev"], variants, frozenset({"snapped"}), docs=dev_docs)
    snap = sources["DATE"] != "ruler" and dev["snapped"]["DATE"]["f"] > dev["unsnapped"]["DATE"]["f"]
    dev["combined"] = dev["snapped" if snap else "unsnapped"]
    modes |= variants
    test = evaluate(nlp, by_split["test"], modes, frozenset({"snapped"}))
    test["combined"] = test["snapped" if snap else "unsnapped"]
    # ship the gazetteer only for the labels it gives, and the follow-up scorer fitted on train
    nlp.remove_pipe("sip_gazetteer")
    nlp.add_pipe("sip_gazetteer", config={"labels": [lab for lab in ENT_LABELS if sources[lab] != "model"]})
    nlp.add_pipe("sip_merge", config={"sources": sources, "snap_dates": snap}).scorer = fit_follow_up(
        by_split["train"])

    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    # the training run's temporary corpus paths are not part of the model (and differ per run)
    config = args.out / "config.cfg"
    config.write_text(re.sub(r'^(train|dev) = "[^"\n]*"$', r"\1 = null", config.read_text(encoding="utf-8"),
                             flags=re.MULTILINE), encoding="utf-8")
    metrics = {
        "command": "python train/ner.py",
        "trained": datetime.date.today().isoformat(),
        "plans": {s: len(v) for s, v in by_split.items()},
        "train_seconds": round(train_s, 1),
        "sources": sources,
        "snap_dates": snap,
        "entities": {"dev": dev, "test": test},
        "follow_up_exact_match": {s: follow_up_exact(nlp, by_split[s]) for s in ("dev", "test")},
        "date_normaliser_follow_up_spans": {s: normaliser_accuracy(by_split[s]) for s in ("dev", "test")},
        "speed": throughput(nlp, [r["text"] for r in records][:300]),
        "size_bytes": sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file()),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    write_manifest(args.out)  # load_pipeline refuses the model unless every file matches
    print(json.dumps({k: metrics[k] for k in ("plans", "sources", "snap_dates", "follow_up_exact_match", "speed")},
                     indent=1))
    for split in ("dev", "test"):
        for lab, s in metrics["entities"][split]["combined"].items():
            if lab == "overlap":
                continue
            print(f"{split:5} {lab:13} P={s['p']:.3f} R={s['r']:.3f} F1={s['f']:.3f} n={s['n_gold']}")


if __name__ == "__main__":
    main()
