"""Export an audit: Excel workbook, CSV of all decisions, Swedish summary paragraph in Markdown."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from planqa.criteria import BY_ID, CRITERION_IDS, DIMENSIONS
from planqa.review.labels import DIMENSION_SV, METHOD_SV, MISSING_SV, VERDICT_SV, decimal_sv, pct
from planqa.review.results import Snapshot, agreement, criterion_stats, plan_rows

CSV_COLUMNS = ("plan_id", "criterion", "kriterium", "auto_verdict", "confidence", "needs_review",
               "final_verdict", "changed", "comment", "reviewer", "reviewed_at")
CLAUSES_PER_SENTENCE = 3


def _ci(k: int, n: int, lo: float, hi: float) -> str:
    return f"{pct(k / n)} %, 95 % KI {pct(lo)}–{pct(hi)} %"


def findings_sentences(snap: Snapshot) -> str:
    """'I 14 av 30 granskade planer (47 %, 95 % KI 30–64 %) saknas datum för uppföljning, i …'."""
    stats = [s for s in criterion_stats(snap.reviewed_decisions()) if s.counts["not_met"]]
    if not snap.reviewed:
        return "Inga planer i urvalet har granskats ännu."
    if not stats:
        return f"Alla {len(snap.reviewed)} granskade planer uppfyller samtliga kriterier helt eller delvis."
    stats.sort(key=lambda s: -s.counts["not_met"])  # stable: registry order among ties
    sentences = []
    for i in range(0, len(stats), CLAUSES_PER_SENTENCE):
        clauses = []
        for j, s in enumerate(stats[i:i + CLAUSES_PER_SENTENCE]):
            k, n = s.counts["not_met"], s.n
            ci = _ci(k, n, *s.interval("not_met"))
            plans = "granskade planer" if n > 1 else "granskad plan"
            head = f"I {k} av {n} {plans}" if j == 0 else f"i {k}"
            clauses.append(f"{head} ({ci}) {MISSING_SV[s.criterion]}")
        text = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " och " + clauses[-1]
        sentences.append(text + ".")
    return " ".join(sentences)


def method_sentences(snap: Snapshot) -> str:
    """How the sample was drawn, how much of it is reviewed, and how often the auditor agreed."""
    if snap.sample is None:
        return "Inget urval har dragits."
    s, info = snap.sample, snap.audit
    where = ", ".join(x for x in (info.name, info.organisation, info.period) if x)
    text = (f"Underlaget är ett {s.definition.describe()} bland {s.population} inlästa planer ({where}), "
            f"draget {s.created_at[:10]}.")
    if len(snap.reviewed) < len(s.plan_ids):
        text += (f" {len(snap.reviewed)} av urvalets {len(s.plan_ids)} planer har granskats; "
                 "andelarna avser de granskade planerna.")
    agr = agreement(snap.reviewed_decisions())
    if agr.n:
        kappa = f"; Cohens kappa {decimal_sv(agr.kappa)}" if agr.kappa is not None else ""
        text += (f" Granskarna behöll planqas bedömning i {agr.agree} av {agr.n} kriteriebedömningar "
                 f"({pct(agr.share)} %{kappa}).")
    return text


def summary_markdown(snap: Snapshot) -> str:
    """Two Swedish paragraphs, ready to paste into an audit report."""
    return findings_sentences(snap) + "\n\n" + method_sentences(snap) + "\n"


def decisions_csv(snap: Snapshot) -> str:
    """One row per sampled plan × criterion (ids and verdict codes, for further analysis)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for d in snap.decisions:
        w.writerow([d.plan_id, d.criterion, BY_ID[d.criterion].name, d.auto, f"{d.confidence:.3f}",
                    int(d.needs_review), d.final or "", "" if d.final is None else int(d.final != d.auto),
                    d.comment, d.reviewer, d.reviewed_at])
    return buf.getvalue()


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list], widths: dict[int, int] | None = None):
    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    ws.freeze_panes = "B2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = (widths or {}).get(i, max(10, min(40, len(h) + 2)))
    return ws


def workbook_bytes(snap: Snapshot) -> bytes:
    """The audit as an .xlsx workbook: plans × criteria, decisions, results, sample, log."""
    wb = Workbook()
    wb.remove(wb.active)
    sv = VERDICT_SV.get

    # plans x criteria: auto and final verdict side by side
    by_key = {(d.plan_id, d.criterion): d for d in snap.decisions}
    reviewed = set(snap.reviewed)
    stratum = [f"Stratum ({snap.stratum_field})"] if snap.stratum_field else []
    header = ["Plan", "Granskad"] + stratum + [DIMENSION_SV[d] for d in DIMENSIONS]
    for c in CRITERION_IDS:
        header += [f"{BY_ID[c].name} – auto", f"{BY_ID[c].name} – slutlig"]
    rows = []
    for r in plan_rows(snap):
        row = [r["plan"], "ja" if r["plan"] in reviewed else "nej"] + ([r["stratum"]] if stratum else [])
        row += [r[d] for d in DIMENSIONS]
        for c in CRITERION_IDS:
            d = by_key[(r["plan"], c)]
            row += [sv(d.auto), sv(d.final) or ""]
        rows.append(row)
    ws = _sheet(wb, "Planer", header, rows, {1: 16})
    first = 3 + len(stratum)
    for col in range(first, first + len(DIMENSIONS)):
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "0.00"

    _sheet(wb, "Bedömningar",
           ["Plan", "Kriterium", "Kriterie-id", "Auto", "Säkerhet", "Behöver granskas", "Slutlig", "Ändrad",
            "Kommentar", "Granskare", "Tid (UTC)"],
           [[d.plan_id, BY_ID[d.criterion].name, d.criterion, sv(d.auto), round(d.confidence, 3),
             "ja" if d.needs_review else "nej", sv(d.final) or "",
             "" if d.final is None else ("ja" if d.final != d.auto else "nej"), d.comment, d.reviewer,
             d.reviewed_at] for d in snap.decisions],
           {1: 16, 2: 30, 9: 40})

    stats_rows = []
    for s in criterion_stats(snap.reviewed_decisions()):
        row = [BY_ID[s.criterion].name, s.criterion, DIMENSION_SV[BY_ID[s.criterion].dimension], s.n]
        for v in ("met", "partial", "not_met"):
            lo, hi = s.interval(v)
            row += [s.counts[v], round(s.share(v), 4), round(lo, 4), round(hi, 4)]
        row.append(round(s.agreement, 4))
        stats_rows.append(row)
    header = ["Kriterium", "Kriterie-id", "Dimension", "Granskade planer"]
    for v in ("met", "partial", "not_met"):
        name = VERDICT_SV[v]
        header += [f"{name} (antal)", f"{name} (andel)", f"{name} KI låg", f"{name} KI hög"]
    ws = _sheet(wb, "Resultat", header + ["Överensstämmelse auto/granskare"], stats_rows, {1: 30, 3: 30})
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = "0.0%"

    info = snap.audit
    meta: list[list] = [["Granskning", info.name], ["Organisation", info.organisation], ["Period", info.period],
                        ["Modellversion", ", ".join(snap.model_versions)]]
    if snap.sample:
        s = snap.sample
        meta += [["Urvalsmetod", METHOD_SV[s.definition.method]], ["Beskrivning", s.definition.describe()],
                 ["Stratifieringsfält", s.definition.stratum_field or ""], ["Önskat antal", s.definition.n],
                 ["Slumpfrö", s.definition.seed], ["Dragen (UTC)", s.created_at],
                 ["Population (inlästa planer)", s.population], ["Kontrollsumma population", s.population_sha256],
                 ["Planer i urvalet", len(s.plan_ids)], ["Granskade planer", len(snap.reviewed)], []]
        if s.strata:
            meta += [["Stratum", "Population", "Urval"]] + [[k, p, d] for k, p, d in
                                                           ((k, *v) for k, v in s.strata.items())] + [[]]
        meta += [["Ordning", "Plan"]] + [[i, pid] for i, pid in enumerate(s.plan_ids, start=1)]
    else:
        meta.append(["Urval", "inget urval har dragits"])
    ws = _sheet(wb, "Urval", ["Uppgift", "Värde"], meta, {1: 30, 2: 70})
    ws.auto_filter.ref = None

    _sheet(wb, "Logg", ["Tid (UTC)", "Plan", "Kriterie-id", "Auto", "Bedömning", "Kommentar", "Granskare"],
           [[e["at"], e["plan_id"], e["criterion"], sv(e["auto_verdict"]) or "", sv(e["verdict"]),
             e["comment"], e["reviewer"]] for e in snap.log], {1: 22, 2: 16, 3: 24, 6: 40})

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
