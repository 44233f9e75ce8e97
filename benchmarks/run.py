"""planqa's benchmarks: one command, figures into benchmarks/RESULTS.md.

Usage: python benchmarks/run.py [--sizes 100,1000,10000] [--train] [--out benchmarks/RESULTS.md]

The headline is a ratio measured in the same run, so it survives noisy shared machines:
batch throughput on one core divided by that of the bare spaCy Swedish tokenizer over the
same texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANQA = str(Path(sys.executable).parent / "planqa")
RSS_WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def corpus_texts() -> list[dict]:
    from planqa.corpus import load_corpus

    return [{"id": r["id"], "text": r["text"]} for r in load_corpus()]


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds else float("inf")


def bench_tokenizer(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("sv")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return rate(len(texts), time.perf_counter() - start)


def bench_batch(plans, workers: int, gate: bool) -> float:
    from planqa.batch import score_plans

    list(score_plans(plans[:4], workers=1, gate=gate))  # load models first
    start = time.perf_counter()
    n = sum(1 for _ in score_plans(plans, workers=workers, gate=gate))
    return rate(n, time.perf_counter() - start)


def bench_latency(plans, assessor) -> dict:
    """The self-check path: gate + assessment + fixes, one plan at a time after load."""
    from planqa.batch import gate_message
    from planqa.selfcheck import fixes_for

    times = []
    for plan in plans:
        start = time.perf_counter()
        gate_message(plan)
        fixes_for(plan.text, assessor.assess(plan))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def bench_stages(plans, assessor) -> dict:
    """Milliseconds per plan of each stage alone, one plan at a time (where a plan's time goes)."""
    import spacy

    from planqa import rules
    from planqa.batch import gate_message
    from planqa.nlp import analyse

    inner, nlp, blank = assessor.inner, assessor.nlp, spacy.blank("sv")
    stages = {
        "tokenizer": lambda p: blank(p.text),
        "pii_gate": gate_message,
        "ner": lambda p: analyse(nlp, p.text),
        "rule_context": lambda p: rules.build_context.__wrapped__(p.text),
        "rule_verdicts": lambda p: rules.assess_rules(rules.build_context.__wrapped__(p.text)),
        "segment_classifiers": lambda p: inner.view(p.text),
        "trained_verdicts": inner.assess,
        "whole_assessment": assessor.assess,
    }
    out = {}
    for name, stage in stages.items():
        for plan in plans[:10]:
            stage(plan)
        start = time.perf_counter()
        for plan in plans:
            rules.build_context.cache_clear()
            stage(plan)
        out[name] = round((time.perf_counter() - start) / len(plans) * 1000, 1)
    return out


def bench_cold_start(path: Path, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([PLANQA, "score", str(path)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 2)


def bench_pseudonymise(texts: list[str]) -> float:
    from planqa.pseudonymise import pseudonymise

    pseudonymise(texts[0])
    start = time.perf_counter()
    for t in texts:
        pseudonymise(t)
    return rate(len(texts), time.perf_counter() - start)


def bench_stream(records: list[dict], n: int, workers: int, tmp: Path) -> dict:
    """Score n plans streamed from a JSONL file in a fresh process; throughput and peak RSS."""
    path = tmp / f"plans-{n}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            r = records[i % len(records)]
            f.write(json.dumps({"id": f"{r['id']}-{i}", "text": r["text"]}, ensure_ascii=False) + "\n")
    cmd = [PLANQA, "score", str(path), "--assume-pseudonymised", "--workers", str(workers), "--out", os.devnull]
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *cmd], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    rss_kb, code = out.stdout.split()
    return {"plans": n, "workers": workers, "plans_per_s": rate(n, seconds), "peak_rss_mb": round(int(rss_kb) / 1024),
            "exit": int(code)}


def bench_training() -> dict:
    out = {}
    for name, script in (("classifiers", "train/classifiers.py"), ("ner", "train/ner.py")):
        if not (ROOT / script).exists():
            continue
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(ROOT / script), "--out", str(Path(tmp) / name)], check=True,
                           capture_output=True)
        out[name] = round(time.perf_counter() - start, 1)
    return out


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--train", action="store_true", help="also time training all models")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args()
    from planqa.lean import keep_out_heavy_libraries

    keep_out_heavy_libraries([])  # as the `planqa` command does for the default backend
    from planqa.models import Plan

    records = corpus_texts()
    texts = [r["text"] for r in records]
    plans = [Plan(id=r["id"], text=r["text"]) for r in records]
    words = statistics.mean(len(t.split()) for t in texts)
    res: dict = {"plans": len(plans), "mean_words": round(words)}
    print("tokenizer …", flush=True)
    res["tokenizer"] = bench_tokenizer(texts)
    print("batch, 1 core …", flush=True)
    res["batch_1"] = bench_batch(plans, 1, gate=True)
    res["batch_1_nogate"] = bench_batch(plans, 1, gate=False)
    print("batch, 2 workers …", flush=True)
    res["batch_2"] = bench_batch(plans, 2, gate=True)
    print("latency …", flush=True)
    from planqa.assess import load_assessor

    assessor = load_assessor()
    res["latency"] = bench_latency(plans[:200], assessor)
    print("stages …", flush=True)
    res["stages_ms"] = bench_stages(plans[:200], assessor)
    print("cold start …", flush=True)
    res["cold_start_s"] = bench_cold_start(ROOT / "demo" / "sip-skolfranvaro.txt")
    print("pseudonymisation …", flush=True)
    res["pseudonymise"] = bench_pseudonymise(texts[:200])
    with tempfile.TemporaryDirectory() as tmp:
        res["stream"] = []
        for n in (int(s) for s in args.sizes.split(",")):
            for workers in (1, 2) if n <= 1000 else (2,):
                print(f"stream {n} plans, {workers} workers …", flush=True)
                res["stream"].append(bench_stream(records, n, workers, Path(tmp)))
    if args.train:
        print("training …", flush=True)
        res["training_s"] = bench_training()
    res["ratio"] = round(res["batch_1"] / res["tokenizer"], 3)
    res["ratio_nogate"] = round(res["batch_1_nogate"] / res["tokenizer"], 3)
    res["speedup_2"] = round(res["batch_2"] / res["batch_1"], 2)
    write_results(res, args)
    print(json.dumps(res, indent=2))


def write_results(res: dict, args) -> None:
    cmd = "python benchmarks/run.py " + " ".join(a for a in sys.argv[1:])
    lines = [
        "# planqa benchmarks", "",
        f"Measured {dt.date.today().isoformat()} on {machine()}.",
        f"Command: `{cmd.strip()}`. Corpus: {res['plans']} plans, {res['mean_words']} words on average.", "",
        "| measure | result | target |", "|---|---|---|",
        f"| bare spaCy sv tokenizer, 1 core | {res['tokenizer']} plans/s | (reference) |",
        f"| batch scoring, 1 core, with PII gate | {res['batch_1']} plans/s | |",
        f"| **ratio to tokenizer, with gate** | **{res['ratio']}** | ≥ 0.15 |",
        f"| batch scoring, 1 core, gate skipped (`--assume-pseudonymised`) | {res['batch_1_nogate']} plans/s "
        f"(ratio {res['ratio_nogate']}) | |",
        f"| batch scoring, 2 workers, with gate | {res['batch_2']} plans/s ({res['speedup_2']}×) | ≥ 1.7× |",
        f"| single plan, self-check path (gate + assess + fixes) | p50 {res['latency']['p50_ms']} ms, "
        f"p95 {res['latency']['p95_ms']} ms | p50 < 50 ms |",
        f"| cold start `planqa score` one plan | {res['cold_start_s']} s | < 2 s |",
        f"| pseudonymisation | {res['pseudonymise']} plans/s | |",
    ]
    for s in res["stream"]:
        lines.append(f"| stream {s['plans']} plans from JSONL, {s['workers']} worker(s), gate skipped | "
                     f"{s['plans_per_s']} plans/s, peak RSS {s['peak_rss_mb']} MB | < 500 MB |")
    for name, seconds in res.get("training_s", {}).items():
        lines.append(f"| training {name} | {seconds} s | all < 5 min |")
    lines += ["", "Peak RSS is the largest resident set of any one process (the parent or a worker).", ""]
    stages = res.get("stages_ms", {})
    if stages:
        lines += ["Where one plan's time goes: each stage alone, one plan at a time, 200 plans "
                  "(stages include what they build on: the rule verdicts include the rule context, the segment "
                  "classifiers the rule verdicts, the trained verdicts the segment classifiers; the whole "
                  "assessment adds the NER).", "",
                  "| stage | ms per plan |", "|---|---|"]
        lines += [f"| {name} | {ms} |" for name, ms in stages.items()]
        lines.append("")
    kept = ""  # sections measured elsewhere (the transformer backend) survive a rerun
    if args.out.exists():
        old = args.out.read_text(encoding="utf-8")
        if "## Transformer backend" in old:
            kept = old[old.index("## Transformer backend"):]
    args.out.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")


if __name__ == "__main__":
    main()
