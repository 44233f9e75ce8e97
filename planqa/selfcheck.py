"""Coordinator self-check: a short, prioritised list of concrete fixes for a SIP draft.

The fixes come from the assessment and its evidence (which activity lacks a responsible
party, which goal cannot be followed up), so a complete plan gets few or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planqa import rules
from planqa.models import Assessment

# the order in which missing things hurt a plan most (the audits' main findings first)
PRIORITY = ("follow_up_date", "overall_responsibility", "responsibility_per_action", "goals_present",
            "child_voice", "child_goals", "goals_evaluable", "follow_up_responsible", "consent",
            "needs_described", "child_participation", "guardian_participation")


@dataclass(frozen=True)
class Fix:
    criterion: str
    severity: str  # "not_met" | "partial"
    message: str  # Swedish
    line: int | None = None  # 1-based line in the draft the fix is about
    start: int | None = None
    end: int | None = None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _child(text: str) -> str:
    return "[BARN]" if "[BARN]" in text else "barnet"


MESSAGES = {
    ("follow_up_date", "not_met"): "Ingen tid för uppföljning: skriv datum och vem som kallar.",
    ("follow_up_date", "partial"): "Tiden för uppföljning är vag ({quote}): skriv ett datum eller en vecka.",
    ("follow_up_responsible", "not_met"): "Det står inte vem som kallar till uppföljningen: skriv vilken "
                                          "verksamhet eller person som gör det.",
    ("follow_up_responsible", "partial"): "Vem som kallar till uppföljningen är otydligt: skriv ut verksamheten "
                                          "eller personen (inte bara 'vi').",
    ("overall_responsibility", "not_met"): "Ingen samordningsansvarig: skriv vilken huvudman och verksamhet som "
                                           "har det övergripande ansvaret för planen.",
    ("overall_responsibility", "partial"): "Det övergripande ansvaret är otydligt: skriv uttryckligen vem som är "
                                           "samordningsansvarig.",
    ("goals_present", "not_met"): "Planen saknar mål: skriv vad som ska vara annorlunda för {child} och när.",
    ("goals_present", "partial"): "Bara ett eller allmänna mål: skriv ett mål för varje behov som planen tar upp.",
    ("goals_evaluable", "not_met"): "Målen går inte att följa upp: lägg till nivå, frekvens eller tidsram "
                                    "(t.ex. 'minst 4 dagar i veckan till v. 12').",
    ("goals_evaluable", "partial"): "Alla mål går inte att följa upp: lägg till nivå, frekvens eller tidsram.",
    ("child_goals", "not_met"): "Målen beskriver vad verksamheterna ska göra — formulera dem utifrån vad "
                                "{child} ska kunna.",
    ("child_goals", "partial"): "Några mål beskriver vad verksamheterna ska göra — formulera dem utifrån vad "
                                "{child} ska kunna.",
    ("child_voice", "not_met"): "Barnets egen röst saknas: vad säger {child} själv?",
    ("child_voice", "partial"): "Barnets röst återges bara allmänt eller genom vuxna: skriv vad {child} själv "
                                "säger eller önskar.",
    ("child_participation", "not_met"): "Det framgår inte hur {child} har deltagit: skriv hur, eller varför inte.",
    ("child_participation", "partial"): "Barnets delaktighet nämns utan innehåll: skriv hur {child} deltog "
                                        "(på mötet, samtal före, bildstöd …).",
    ("consent", "not_met"): "Samtycke saknas: skriv vem som har samtyckt till SIP och informationsutbyte.",
    ("consent", "partial"): "Samtycket är vagt: skriv vem som lämnat det och hur (skriftligt/muntligt).",
    ("needs_described", "not_met"): "Behoven saknas: beskriv vad {child} behöver hjälp med i vardagen.",
    ("needs_described", "partial"): "Behoven är vagt beskrivna: skriv konkret vad som är svårt för {child} och "
                                    "när.",
    ("responsibility_per_action", "not_met"): "Insatserna saknar ansvarig: skriv vilken verksamhet eller roll "
                                              "som gör varje insats.",
    ("responsibility_per_action", "partial"): "Några insatser saknar ansvarig: skriv vilken verksamhet eller roll "
                                              "som gör varje insats.",
    ("guardian_participation", "not_met"): "Vårdnadshavarnas deltagande eller syn framgår inte: skriv vad de "
                                           "tycker och om de deltog.",
    ("guardian_participation", "partial"): "Vårdnadshavarna nämns men inte deras syn: skriv vad de själva säger.",
}


def _activity_fixes(text: str, ctx: rules.Context) -> list[Fix]:
    """One fix per activity line that names nobody responsible ('Aktivitet 3 saknar ansvarig verksamhet')."""
    fixes = []
    for number, seg in enumerate(rules.activity_segments(ctx), start=1):
        if rules.activity_has_agent(ctx, seg):
            continue
        who = " (bara 'vi'/'man')" if rules.WE.search(seg.text) else ""
        fixes.append(Fix("responsibility_per_action", "partial",
                         f"Aktivitet {number} saknar ansvarig verksamhet{who}: ”{_quote(seg.text.strip('-•*| '))}”.",
                         _line_of(text, seg.start), seg.start, seg.end))
    return fixes


def fixes_for(text: str, assessment: Assessment, limit: int | None = 6) -> list[Fix]:
    """Prioritised fixes for a draft: not_met before partial, then by PRIORITY."""
    child = _child(text)
    ctx = rules.build_context(text)
    goals = ctx.goals
    example = {  # the goal a partial verdict is about
        "child_goals": next((g for g in goals if rules.AGENCY_FRAMED.search(rules._strip_label(g.text))), None),
        "goals_evaluable": next((g for g in goals if not rules.goal_measurable(ctx, g)), None),
    }
    out: list[Fix] = []
    for severity in ("not_met", "partial"):
        for cid in PRIORITY:
            result = assessment.criteria[cid]
            if result.verdict != severity:
                continue
            no_goals = assessment.criteria["goals_present"].verdict == "not_met"
            if no_goals and cid in ("goals_evaluable", "child_goals"):
                continue  # "the plan has no goals" already says it
            if cid == "responsibility_per_action":
                per_activity = _activity_fixes(text, ctx)
                if per_activity:
                    out += per_activity
                    continue
            ev = result.evidence[0] if result.evidence else None
            message = MESSAGES[(cid, severity)].format(child=child, quote=f"”{_quote(ev.text)}”" if ev else "")
            message = message.replace(" ()", "")
            if cid in example and severity == "partial":
                ev = example[cid]
                if ev:
                    message += f" Till exempel: ”{_quote(ev.text.strip('|- '))}”."
            out.append(Fix(cid, severity, message, _line_of(text, ev.start) if ev else None,
                           ev.start if ev else None, ev.end if ev else None))
    return out[:limit] if limit else out


def format_fixes(fixes: list[Fix], warnings: Sequence[str] = ()) -> str:
    """The fixes as a numbered Swedish list for the terminal, after the assessment's warnings (an unfinished
    draft, tracked changes, another language)."""
    notes = [f"Obs! {w}" for w in warnings]
    if not fixes:
        return "\n".join([*notes, "Inga brister hittades. Planen innehåller det som granskningarna letar efter."])
    lines = [*notes, f"{len(fixes)} förbättringar, viktigast först:"]
    for i, f in enumerate(fixes, start=1):
        where = f" (rad {f.line})" if f.line else ""
        lines.append(f"{i}. {f.message}{where}")
    return "\n".join(lines)
