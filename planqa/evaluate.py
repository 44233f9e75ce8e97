"""Evaluate assessors against the annotated corpus: per criterion, per dimension band, calibration."""

from __future__ import annotations

from collections.abc import Iterable

from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix, f1_score

from planqa.criteria import CRITERION_IDS, DIMENSIONS, VERDICTS
from planqa.models import Assessment, Plan, dimension_scores

BANDS = ("god", "delvis", "brist")


def predictions(assessor, records: Iterable[dict]) -> list[Assessment]:
    return [assessor.assess(Plan(id=r["id"], text=r["text"])) for r in records]


def calibration(confidences: list[float], correct: list[bool], bins: int = 5) -> dict:
    """Expected calibration error and a reliability table (mean confidence vs accuracy per bin)."""
    table, ece, n = [], 0.0, len(confidences)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not idx:
            continue
        conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}–{hi:.1f}", "n": len(idx), "confidence": round(conf, 3),
                      "accuracy": round(acc, 3)})
    return {"ece": round(ece, 4), "table": table}


def _kappa(gold: list[str], pred: list[str]) -> float:
    if len(set(gold) | set(pred)) < 2:
        return 1.0 if gold == pred else 0.0
    return float(cohen_kappa_score(gold, pred))


def score_predictions(records: list[dict], preds: list[Assessment]) -> dict:
    """All figures for one assessor on one set of records."""
    out: dict = {"n": len(records), "criteria": {}, "dimensions": {}}
    all_conf, all_correct = [], []
    for cid in CRITERION_IDS:
        gold = [r["labels"][cid] for r in records]
        pred = [p.criteria[cid].verdict for p in preds]
        conf = [p.criteria[cid].confidence for p in preds]
        correct = [g == p for g, p in zip(gold, pred)]
        all_conf += conf
        all_correct += correct
        out["criteria"][cid] = {
            "accuracy": round(accuracy_score(gold, pred), 4),
            "macro_f1": round(f1_score(gold, pred, labels=list(VERDICTS), average="macro", zero_division=0), 4),
            "kappa": round(_kappa(gold, pred), 4),
            "confusion": confusion_matrix(gold, pred, labels=list(VERDICTS)).tolist(),
            "needs_review": sum(p.criteria[cid].needs_review for p in preds),
        }
    for dim in DIMENSIONS:
        gold = [dimension_scores(r["labels"])[dim].band for r in records]
        pred = [p.dimensions[dim].band for p in preds]
        out["dimensions"][dim] = {"accuracy": round(accuracy_score(gold, pred), 4),
                                  "kappa": round(_kappa(gold, pred), 4),
                                  "confusion": confusion_matrix(gold, pred, labels=list(BANDS)).tolist()}
    out["calibration"] = calibration(all_conf, all_correct)
    fu_gold = [sorted(r["follow_up_dates"]) for r in records]
    fu_pred = [sorted(p.follow_up_dates) for p in preds]
    out["follow_up_dates_exact"] = round(sum(g == p for g, p in zip(fu_gold, fu_pred)) / max(1, len(records)), 4)
    out["mean_accuracy"] = round(sum(c["accuracy"] for c in out["criteria"].values()) / len(CRITERION_IDS), 4)
    out["mean_kappa"] = round(sum(c["kappa"] for c in out["criteria"].values()) / len(CRITERION_IDS), 4)
    return out


def report_markdown(results: dict[str, dict], split: str) -> str:
    """A Markdown report comparing assessors (name -> score_predictions output)."""
    names = list(results)
    n = next(iter(results.values()))["n"]
    lines = [f"# planqa evaluation on the {split} split ({n} plans)", ""]
    head = "| criterion | " + " | ".join(f"{m} acc | {m} F1 | {m} κ" for m in names) + " |"
    lines += [head, "|---|" + "---|" * (3 * len(names))]
    for cid in CRITERION_IDS:
        cells = []
        for m in names:
            c = results[m]["criteria"][cid]
            cells += [f"{c['accuracy']:.2f}", f"{c['macro_f1']:.2f}", f"{c['kappa']:.2f}"]
        lines.append(f"| {cid} | " + " | ".join(cells) + " |")
    cells = []
    for m in names:
        cells += [f"{results[m]['mean_accuracy']:.2f}", "", f"{results[m]['mean_kappa']:.2f}"]
    lines.append("| **mean** | " + " | ".join(cells) + " |")
    lines += ["", "| dimension band | " + " | ".join(f"{m} acc | {m} κ" for m in names) + " |",
              "|---|" + "---|" * (2 * len(names))]
    for dim in DIMENSIONS:
        cells = []
        for m in names:
            d = results[m]["dimensions"][dim]
            cells += [f"{d['accuracy']:.2f}", f"{d['kappa']:.2f}"]
        lines.append(f"| {dim} | " + " | ".join(cells) + " |")
    lines += ["", "| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names),
              "| follow-up dates exact match | " + " | ".join(f"{results[m]['follow_up_dates_exact']:.2f}"
                                                          for m in names) + " |",
              "| calibration error (ECE) | " + " | ".join(f"{results[m]['calibration']['ece']:.3f}"
                                                       for m in names) + " |", ""]
    for m in names:
        lines += [f"Reliability of {m} (confidence vs accuracy, all criteria pooled):", "",
                  "| confidence bin | n | mean confidence | accuracy |", "|---|---|---|---|"]
        lines += [f"| {row['bin']} | {row['n']} | {row['confidence']:.2f} | {row['accuracy']:.2f} |"
                  for row in results[m]["calibration"]["table"]]
        lines.append("")
    lines += ["Confusion matrices (rows gold, columns predicted; order met, partial, not_met):", ""]
    for m in names:
        lines.append(f"- {m}: " + "; ".join(f"{cid} {results[m]['criteria'][cid]['confusion']}"
                                            for cid in CRITERION_IDS))
    return "\n".join(lines) + "\n"
