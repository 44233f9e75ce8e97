"""Teaching packs for trainers: example plans filtered by verdicts, with evidence and questions.

Examples come from the annotated corpus (the annotated verdicts) or from the trainer's own
pseudonymised plans (the assessor's verdicts). A pack is written as HTML (highlighted
evidence) and Markdown, with discussion questions per criterion and before/after pairs.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from pathlib import Path

from planqa.criteria import BY_ID, CRITERION_IDS, VERDICTS
from planqa.models import Assessment, Plan
from planqa.review.highlight import highlight, legend, spans_of
from planqa.review.labels import VERDICT_SV

QUESTIONS = {
    "needs_described": "Vad är det [BARN] behöver hjälp med i vardagen, enligt texten? Vad skulle du vilja veta mer om?",
    "goals_present": "Vilka mål finns? Finns det ett mål för varje behov som planen tar upp?",
    "goals_evaluable": "Hur skulle ni veta vid uppföljningen om målet är nått? Vad behöver läggas till?",
    "responsibility_per_action": "Vem gör vad? Finns det insatser där det är oklart vem som ansvarar?",
    "overall_responsibility": "Vem håller i planen? Hur vet familjen vem de ska vända sig till?",
    "follow_up_date": "När följs planen upp? Vad händer om ingen tid står?",
    "follow_up_responsible": "Vem kallar till uppföljningen, och hur får alla veta det?",
    "child_voice": "Var hörs barnets egen röst? Vad är barnets ord och vad är de vuxnas tolkning?",
    "child_participation": "Hur har barnet fått delta? Hur hade mötet kunnat anpassas efter barnets ålder?",
    "child_goals": "Beskriver målen vad som ska bli annorlunda för barnet, eller vad verksamheterna ska göra?",
    "consent": "Vem har samtyckt, och till vad? Räcker det som står?",
    "guardian_participation": "Hur kommer vårdnadshavarnas syn fram? Hur påverkar den planen?",
}

PRESETS: dict[str, dict[str, str]] = {
    "uppföljning-saknas": {"follow_up_date": "not_met"},
    "barnfokuserade-mål": {"child_goals": "met", "goals_present": "met"},
    "verksamhetsmål": {"child_goals": "not_met", "goals_present": "met"},
    "barnets-röst": {"child_voice": "met"},
    "barnets-röst-saknas": {"child_voice": "not_met"},
    "ansvar-oklart": {"overall_responsibility": "not_met"},
}


@dataclass
class Example:
    plan: Plan
    verdicts: dict[str, str]  # the verdicts the example is chosen by (annotated or assessed)
    source: str  # "annoterad" or "bedömd"
    assessment: Assessment | None = None  # the assessor's view: evidence and explanations


def explanation(e: Example, cid: str) -> str:
    """The assessor's explanation, or a note where it disagrees with the annotated verdict."""
    auto = e.assessment.criteria[cid]
    if auto.verdict == e.verdicts[cid]:
        return auto.explanation
    return (f"Annoterat som {VERDICT_SV[e.verdicts[cid]].lower()}; planqa bedömde "
            f"{VERDICT_SV[auto.verdict].lower()}: {auto.explanation}")


def parse_where(items: list[str]) -> dict[str, str]:
    """Parse ["follow_up_date=not_met", ...]; raise ValueError with a Swedish message on bad input."""
    where = {}
    for item in items:
        cid, _, verdict = item.partition("=")
        if cid not in CRITERION_IDS:
            raise ValueError(f"okänt kriterium {cid!r}; giltiga: {', '.join(CRITERION_IDS)}")
        if verdict not in VERDICTS:
            raise ValueError(f"okänt utfall {verdict!r} för {cid}; giltiga: met, partial, not_met")
        where[cid] = verdict
    return where


def matches(verdicts: dict[str, str], where: dict[str, str]) -> bool:
    return all(verdicts.get(cid) == v for cid, v in where.items())


def choose(examples: list[Example], where: dict[str, str], n: int, seed: int = 0) -> list[Example]:
    """Up to n matching examples: the most otherwise-complete first (so one failure stands out), seeded ties."""
    hits = [e for e in examples if matches(e.verdicts, where)]
    rng = random.Random(seed)
    rng.shuffle(hits)
    hits.sort(key=lambda e: -sum(v == "met" for c, v in e.verdicts.items() if c not in where))
    return hits[:n]


def pairs(examples: list[Example], records: list[dict]) -> list[tuple[Example, Example]]:
    """Before/after pairs from the corpus (`pair_of` names the weaker plan)."""
    by_id = {e.plan.id: e for e in examples}
    return [(by_id[r["pair_of"]], by_id[r["id"]]) for r in records
            if r.get("pair_of") and r["pair_of"] in by_id and r["id"] in by_id]


def _verdict_rows_md(e: Example) -> list[str]:
    rows = ["| Kriterium | Bedömning | Förklaring |", "|---|---|---|"]
    for cid in CRITERION_IDS:
        rows.append(f"| {BY_ID[cid].name} | {VERDICT_SV[e.verdicts[cid]]} | "
                    f"{explanation(e, cid).replace('|', '/')} |")
    return rows


def render_markdown(title: str, chosen: list[Example], where: dict[str, str],
                    before_after: list[tuple[Example, Example]]) -> str:
    lines = [f"# {title}", "", _selection_text(where, len(chosen)), ""]
    for i, e in enumerate(chosen, start=1):
        lines += [f"## Exempel {i} ({e.source})", "", *("> " + line for line in e.plan.text.splitlines()), "",
                  *_verdict_rows_md(e), "", "**Diskussionsfrågor**", ""]
        lines += [f"- {QUESTIONS[cid]}" for cid in (where or CRITERION_IDS[:3])]
        lines.append("")
    for before, after in before_after:
        lines += [f"## Före och efter: {before.plan.id} → {after.plan.id}", "", "**Före**", "",
                  *("> " + line for line in before.plan.text.splitlines()), "", "**Efter**", "",
                  *("> " + line for line in after.plan.text.splitlines()), "",
                  "Vad har ändrats, och vilka kriterier uppfylls nu?", ""]
    return "\n".join(lines)


def _selection_text(where: dict[str, str], n: int) -> str:
    if not where:
        return f"{n} exempel."
    parts = [f"{BY_ID[c].name}: {VERDICT_SV[v].lower()}" for c, v in where.items()]
    return f"{n} exempel där " + "; ".join(parts) + "."


def render_html(title: str, chosen: list[Example], where: dict[str, str],
                before_after: list[tuple[Example, Example]]) -> str:
    esc = html.escape
    body = [f"<h1>{esc(title)}</h1>", f"<p>{esc(_selection_text(where, len(chosen)))}</p>", legend()]
    for i, e in enumerate(chosen, start=1):
        rows = "".join(f"<tr><td>{esc(BY_ID[c].name)}</td><td>{esc(VERDICT_SV[e.verdicts[c]])}</td>"
                       f"<td>{esc(explanation(e, c))}</td></tr>" for c in CRITERION_IDS)
        questions = "".join(f"<li>{esc(QUESTIONS[c])}</li>" for c in (where or CRITERION_IDS[:3]))
        body += [f"<h2>Exempel {i} ({esc(e.source)})</h2>", highlight(e.plan.text, spans_of(e.assessment)),
                 f"<table><tr><th>Kriterium</th><th>Bedömning</th><th>Förklaring</th></tr>{rows}</table>",
                 f"<h3>Diskussionsfrågor</h3><ul>{questions}</ul>"]
    for before, after in before_after:
        body += [f"<h2>Före och efter</h2><div class='pair'><div><h3>Före</h3>"
                 f"{highlight(before.plan.text, spans_of(before.assessment))}</div><div><h3>Efter</h3>"
                 f"{highlight(after.plan.text, spans_of(after.assessment))}</div></div>",
                 "<p>Vad har ändrats, och vilka kriterier uppfylls nu?</p>"]
    style = ("body{font-family:sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
             "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;"
             "text-align:left;vertical-align:top}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}")
    return (f"<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>{esc(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n")


def write_pack(out_dir: Path, title: str, chosen: list[Example], where: dict[str, str],
               before_after: list[tuple[Example, Example]]) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md = out_dir / "undervisningspaket.md"
    page = out_dir / "undervisningspaket.html"
    md.write_text(render_markdown(title, chosen, where, before_after), encoding="utf-8")
    page.write_text(render_html(title, chosen, where, before_after), encoding="utf-8")
    return md, page


def corpus_examples(records: list[dict]) -> list[Example]:
    """Examples from compiled corpus records, chosen by their annotated verdicts."""
    return [Example(Plan(id=r["id"], text=r["text"]), r["labels"], "annoterad") for r in records]


def assess_shown(chosen: list[Example], before_after: list[tuple[Example, Example]], assessor) -> None:
    """Assess the examples a pack shows (only those: the corpus is large)."""
    for e in {id(x): x for x in chosen + [x for pair in before_after for x in pair]}.values():
        if e.assessment is None:
            e.assessment = assessor.assess(e.plan)


def corpus_pack(where: dict[str, str], n: int, assessor, seed: int = 0, with_pairs: bool = True,
                title: str = "Exempel på SIP-planer") -> tuple[str, str, int]:
    """A pack from the annotated corpus: (markdown, html, number of examples)."""
    from planqa.corpus import load_corpus

    records = load_corpus()
    examples = corpus_examples(records)
    chosen = choose(examples, where, n, seed)
    before_after = pairs(examples, records)[:2] if with_pairs else []
    assess_shown(chosen, before_after, assessor)
    return (render_markdown(title, chosen, where, before_after), render_html(title, chosen, where, before_after),
            len(chosen))
