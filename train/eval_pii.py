"""Evaluate the pseudonymiser on the PII corpus: recall and precision per entity type.

Runs planqa's recognizers and presidio's own predefined recognizers (those that apply to
Swedish text: e-mail, phone with region SE, Swedish personnummer and organisationsnummer,
IBAN, credit card, IP, URL, date) on the same texts in the same run, and counts how many
keep-words (agencies, roles, diagnoses, dates, placeholders) each damages.

- recall: a gold span counts as found when predictions of the same type cover all its
  letters and digits; "removed" counts any type.
- precision: a prediction counts as right when it overlaps a gold span of its type.
- keep damaged: a keep-word overlapped by any prediction.

Tune on `--split train` only; the test split's contexts are never seen while tuning.

    python train/eval_pii.py [--split test] [--write annotations/pii/METRICS.md] [--errors 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planqa.pseudonymise import MIN_SCORE, find_identifiers, get_engine, pseudonymise  # noqa: E402
from planqa.pseudonymise import lexicon  # noqa: E402

CORPUS = ROOT / "annotations" / "pii" / "pii.jsonl"
EXTERNAL = ROOT.parent / "shared" / "external" / "personnummer-testdata.json"
TYPES = ("PERSON", "PERSONNUMMER", "TELEFON", "EMAIL", "ADRESS", "POSTNUMMER", "DIARIENUMMER", "ENHET")
TARGETS = {"PERSONNUMMER": 1.0, "TELEFON": 1.0, "EMAIL": 1.0, "PERSON": 0.98, "ADRESS": 0.98}
PRESIDIO_MAP = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "TELEFON", "SE_PERSONNUMMER": "PERSONNUMMER"}


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


# ---------------------------------------------------------------------------------------------
# presidio's own recognizers, offline
# ---------------------------------------------------------------------------------------------


def presidio_default_analyzer():
    """presidio's predefined recognizers that apply to Swedish text, for language 'sv'.

    Their context words are presidio's (mostly English). The e-mail recognizer validates
    with tldextract; here tldextract uses its bundled suffix list, no network.
    """
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SeOrganisationsnummerRecognizer,
        SePersonnummerRecognizer,
        UrlRecognizer,
    )

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str):
            return offline(pattern_text).fqdn != ""

    class OfflineUrlRecognizer(UrlRecognizer):
        def validate_result(self, pattern_text: str):
            return offline(pattern_text).fqdn != "" if hasattr(UrlRecognizer, "validate_result") else None

    recs = [
        OfflineEmailRecognizer(supported_language="sv"),
        PhoneRecognizer(supported_language="sv", supported_regions=("SE",)),
        SePersonnummerRecognizer(supported_language="sv"),
        SeOrganisationsnummerRecognizer(supported_language="sv"),
        IbanRecognizer(supported_language="sv"),
        CreditCardRecognizer(supported_language="sv"),
        IpRecognizer(supported_language="sv"),
        OfflineUrlRecognizer(supported_language="sv"),
        DateRecognizer(supported_language="sv"),
    ]
    registry = RecognizerRegistry(recognizers=recs, supported_languages=["sv"])
    engine = get_engine().nlp_engine
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["sv"],
                              default_score_threshold=MIN_SCORE)

    def find(text: str) -> list[tuple[str, int, int]]:
        return [(PRESIDIO_MAP.get(r.entity_type, r.entity_type), r.start, r.end)
                for r in analyzer.analyze(text, language="sv")]

    return find


def planqa_find(text: str) -> list[tuple[str, int, int]]:
    return [(f.entity_type, f.start, f.end) for f in find_identifiers(text)]


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------


def covered(span: dict, preds: list[tuple[str, int, int]], text: str, etype: str | None) -> bool:
    need = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
    have = set()
    for t, s, e in preds:
        if etype is None or t == etype:
            have.update(range(s, e))
    return all(i in have for i in need)


def evaluate(rows: list[dict], find, errors: int = 0, label: str = "") -> dict:
    tp_r = defaultdict(int)
    n_gold = defaultdict(int)
    removed = defaultdict(int)
    tp_p = defaultdict(int)
    n_pred = defaultdict(int)
    keep_total = keep_damaged = 0
    keep_by = defaultdict(lambda: [0, 0])
    person_split = {"i listorna": [0, 0], "utanför listorna": [0, 0], "namn som är ord": [0, 0]}
    names = lexicon.first_names() | lexicon.surnames()
    words = lexicon.word_names()
    shown = 0
    times = []
    for r in rows:
        text = r["text"]
        t0 = time.perf_counter()
        preds = find(text)
        times.append(time.perf_counter() - t0)
        for s in r["spans"]:
            lab = s["label"]
            n_gold[lab] += 1
            ok = covered(s, preds, text, lab)
            tp_r[lab] += ok
            removed[lab] += covered(s, preds, text, None)
            if lab == "PERSON":
                parts = s["text"].replace("-", " ").split()
                key = ("namn som är ord" if any(p in words for p in parts) else
                       "i listorna" if all(p in names for p in parts) else "utanför listorna")
                person_split[key][0] += ok
                person_split[key][1] += 1
            if not ok and shown < errors:
                shown += 1
                ctx = text[max(0, s["start"] - 40):s["end"] + 30].replace("\n", "⏎")
                got = [(t, text[a:b]) for t, a, b in preds if a < s["end"] and s["start"] < b]
                print(f"[{label}] MISS {lab} {s['text']!r} in {r['id']}: …{ctx}… got {got}")
        for t, s_, e in preds:
            n_pred[t] += 1
            hit = any(g["label"] == t and g["start"] < e and s_ < g["end"] for g in r["spans"])
            tp_p[t] += hit
            if not hit and shown < errors:
                shown += 1
                ctx = text[max(0, s_ - 40):e + 30].replace("\n", "⏎")
                print(f"[{label}] FALSE {t} {text[s_:e]!r} in {r['id']}: …{ctx}…")
        for k in r["keep"]:
            keep_total += 1
            bad = any(s_ < k["end"] and k["start"] < e for _, s_, e in preds)
            keep_damaged += bad
            keep_by[k["label"]][0] += bad
            keep_by[k["label"]][1] += 1
            if bad and shown < errors:
                shown += 1
                print(f"[{label}] KEEP damaged {k['label']} {k['text']!r} in {r['id']}")
    per_type = {}
    for t in sorted(set(n_gold) | set(n_pred)):
        per_type[t] = {
            "gold": n_gold[t], "recall": tp_r[t] / n_gold[t] if n_gold[t] else None,
            "removed": removed[t] / n_gold[t] if n_gold[t] else None,
            "pred": n_pred[t], "precision": tp_p[t] / n_pred[t] if n_pred[t] else None,
        }
    return {
        "per_type": per_type, "keep_total": keep_total, "keep_damaged": keep_damaged,
        "keep_by": dict(keep_by), "person_split": person_split,
        "ms_per_text": 1000 * statistics.median(times) if times else 0.0,
    }


def external_check() -> tuple[int, int]:
    """Every number of the external list, in every format, alone and in a sentence."""
    data = json.loads(EXTERNAL.read_text(encoding="utf-8"))
    total = found = 0
    for item in data:
        for key in ("long_format", "short_format", "separated_format", "separated_long"):
            value = item[key]
            for text, start in ((value, 0), (f"Barnets pnr är {value} enligt ansökan.", 15)):
                total += 1
                hits = [f for f in find_identifiers(text) if f.entity_type == "PERSONNUMMER"
                        and f.start <= start and f.end >= start + len(value)]
                found += bool(hits)
    return found, total


def source_check() -> tuple[int, int, int, int, int]:
    """planqa on the annotated SIP plans (annotations/source, placeholders and a few first names).

    Returns (plans, findings outside the annotated PERSON spans, of those at gate strength,
    keep spans ACTOR/ROLE/DATE damaged, keep spans in all).
    """
    from planqa.corpus import parse_source
    from planqa.pseudonymise import GATE_THRESHOLDS

    plans = outside = gated = damaged = keep_total = 0
    for path in sorted((ROOT / "annotations" / "source").glob("*.md")):
        try:
            plan = parse_source(path.read_text(encoding="utf-8"))
        except Exception:  # a plan being written: not ours to judge here
            continue
        plans += 1
        text = plan.text
        findings = find_identifiers(text)
        persons = [(s.start, s.end) for s in plan.spans if s.label == "PERSON"]
        for f in findings:
            if not (f.entity_type == "PERSON" and any(a < f.end and f.start < b for a, b in persons)):
                outside += 1
                gated += f.score >= GATE_THRESHOLDS.get(f.entity_type, 2.0)
        keep = [(s.start, s.end) for s in plan.spans if s.label in ("ACTOR", "ROLE", "DATE")]
        keep_total += len(keep)
        damaged += sum(any(f.start < b and a < f.end for f in findings) for a, b in keep)
    return plans, outside, gated, damaged, keep_total


def benchmark(rows: list[dict], tokens: int = 450, repeat: int = 30) -> tuple[float, int]:
    """Median ms of find_identifiers on a plan of about `tokens` tokens (after load)."""
    import re

    text = ""
    for r in rows:
        text += r["text"] + "\n"
        if len(re.findall(r"\w+|[^\w\s]", text)) >= tokens:
            break
    words = re.findall(r"\w+|[^\w\s]", text)
    find_identifiers(text)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        find_identifiers(text)
        runs.append(time.perf_counter() - t0)
    t_pseudo = []
    for _ in range(5):
        t0 = time.perf_counter()
        pseudonymise(text)
        t_pseudo.append(time.perf_counter() - t0)
    return 1000 * statistics.median(runs), len(words)


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(res_planqa: dict, res_presidio: dict) -> str:
    lines = ["| typ | guld | planqa recall | planqa precision | presidio recall | presidio precision |",
             "|---|---:|---:|---:|---:|---:|"]
    for t in TYPES:
        a = res_planqa["per_type"].get(t, {})
        b = res_presidio["per_type"].get(t, {})
        target = f" (mål {TARGETS[t]:.2f})" if t in TARGETS else ""
        lines.append(f"| {t}{target} | {a.get('gold', 0)} | {fmt(a.get('recall'))} | {fmt(a.get('precision'))} | "
                     f"{fmt(b.get('recall'))} | {fmt(b.get('precision'))} |")
    extra = sorted(set(res_presidio["per_type"]) - set(TYPES))
    for t in extra:
        b = res_presidio["per_type"][t]
        lines.append(f"| presidio {t} (ingen guldtyp) | – | – | – | – | 0 av {b['pred']} rätt |")
    kp, kd = res_planqa["keep_total"], res_planqa["keep_damaged"]
    pp, pd = res_presidio["keep_total"], res_presidio["keep_damaged"]
    lines.append(f"| skyddade ord skadade (mål ≤ 1 %) | {kp} | {kd} ({100 * kd / max(kp, 1):.2f} %) | | "
                 f"{pd} ({100 * pd / max(pp, 1):.2f} %) | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("train", "test", "all"))
    ap.add_argument("--write", type=Path, help="write the figures as Markdown to this file")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses/false hits (fictional values)")
    ap.add_argument("--no-presidio", action="store_true")
    args = ap.parse_args(argv)

    rows = load(args.split)
    t0 = time.perf_counter()
    get_engine()
    load_s = time.perf_counter() - t0
    res_planqa = evaluate(rows, planqa_find, args.errors, "planqa")
    res_presidio = (evaluate(rows, presidio_default_analyzer(), 0, "presidio") if not args.no_presidio
                    else {"per_type": {}, "keep_total": 0, "keep_damaged": 0})
    ext_found, ext_total = external_check()
    src_plans, src_outside, src_gated, src_damaged, src_keep = source_check()
    bench_ms, bench_tokens = benchmark(rows)

    out = [f"# PII-korpusen: mätvärden ({args.split}, {len(rows)} texter)", "",
           "Kommandot: `python train/eval_pii.py --split test --write annotations/pii/METRICS.md`", "",
           table(res_planqa, res_presidio), "",
           "Recall: ett guldspann räknas som hittat när förutsägelser av samma typ täcker alla dess bokstäver "
           "och siffror. Precision: en förutsägelse är rätt när den överlappar ett guldspann av sin typ. "
           "Skadat skyddat ord: ett skyddat ord (verksamhet, roll, diagnos, datum, platshållare) som "
           "överlappas av någon förutsägelse. Tröskel för båda: poäng ≥ " + f"{MIN_SCORE}.", "",
           "presidio = presidios egna fördefinierade igenkännare som gäller svensk text (e-post, telefon med "
           "region SE, svenskt personnummer och organisationsnummer, IBAN, kort, IP, URL, datum) för språket "
           "\"sv\"; presidio har ingen svensk namnigenkänning utan en NER-modell, och ingen modell laddas här.", "",
           "## Namn (planqa)", "", "| namn | hittade | av |", "|---|---:|---:|"]
    for k, (ok, n) in res_planqa["person_split"].items():
        out.append(f"| {k} | {ok} | {n} |")
    out += ["", "## Identifierarna borta oavsett typ (planqa)", "", "| typ | andel borttagna |", "|---|---:|"]
    for t in TYPES:
        a = res_planqa["per_type"].get(t)
        if a:
            out.append(f"| {t} | {fmt(a['removed'])} |")
    out += ["", "## Skyddade ord (planqa)", "", "| slag | skadade | av |", "|---|---:|---:|"]
    for k, (bad, n) in sorted(res_planqa["keep_by"].items()):
        out.append(f"| {k} | {bad} | {n} |")
    out += ["", "## De annoterade SIP-planerna", "",
            f"planqa på annotations/source ({src_plans} planer, redan avidentifierade med platshållare men med "
            f"en del förnamn kvar): {src_outside} fynd utanför de annoterade PERSON-spannen (varav {src_gated} "
            f"med spärrstyrka; flera är förnamn som annotatörerna inte märkt), {src_damaged} av {src_keep} "
            "verksamheter, roller och datum skadade.", ""]
    out += ["", "## Extern testlista", "",
            f"shared/external/personnummer-testdata.json: {ext_found} av {ext_total} hittade (varje nummer i fyra "
            "format, ensamt och i en mening).", "",
            "## Hastighet", "",
            f"Laddning av motorn: {load_s:.1f} s. find_identifiers på en plan om {bench_tokens} tokens: "
            f"median {bench_ms:.1f} ms (efter laddning). Median per korpustext: {res_planqa['ms_per_text']:.1f} ms.",
            ""]
    report = "\n".join(out)
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
