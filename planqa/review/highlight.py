"""Plan text as HTML with entities and evidence highlighted, and the colour legend.

All plan text is HTML-escaped: a plan containing `<script>` or markup shows as text.
Overlapping spans are flattened into segments; a segment takes the colour of its shortest
(innermost) span and lists all its spans in the hover title.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from planqa.models import Assessment

# kind -> (Swedish name, background colour)
KINDS: dict[str, tuple[str, str]] = {
    "ACTOR": ("Aktör", "#cfe2ff"),
    "ROLE": ("Roll", "#c5f6fa"),
    "PERSON": ("Person (platshållare)", "#e9ecef"),
    "DATE": ("Datum", "#fff3bf"),
    "FUDATE": ("Uppföljningsdatum", "#ffc078"),
    "GOAL": ("Mål", "#b2f2bb"),
    "ACTIVITY": ("Insats", "#d3f9d8"),
    "VOICE": ("Barnets röst", "#e5dbff"),
    "EVIDENCE": ("Övrig evidens", "#fff0f0"),
}
FOCUS_STYLE = "outline:2px solid #c92a2a;outline-offset:1px;"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str  # a key of KINDS


def kind_of(label: str, role: str | None = None) -> str:
    """Map an entity or evidence label to a highlight kind."""
    label = label.upper()
    if label == "FUDATE" or (label == "DATE" and role == "follow_up"):
        return "FUDATE"
    return label if label in KINDS else "EVIDENCE"


def spans_of(assessment: Assessment) -> list[Span]:
    """Entity and evidence spans of an assessment, without duplicates."""
    spans = {Span(e.start, e.end, kind_of(e.label, e.role)) for e in assessment.entities}
    for result in assessment.criteria.values():
        spans |= {Span(ev.start, ev.end, kind_of(ev.label)) for ev in result.evidence}
    covered = {(s.start, s.end) for s in spans if s.kind != "EVIDENCE"}
    return sorted(s for s in spans if s.kind != "EVIDENCE" or (s.start, s.end) not in covered)


def highlight(text: str, spans: Iterable[Span], focus: Iterable[tuple[int, int]] = ()) -> str:
    """The text as escaped HTML with `<mark>`s for spans; `focus` spans get a red outline."""
    n = len(text)
    spans = [Span(max(0, s.start), min(n, s.end), s.kind) for s in spans]
    spans = [s for s in spans if s.start < s.end]
    focus = [(max(0, a), min(n, b)) for a, b in focus if a < b]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans), *(x for f in focus for x in f)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b])
        active = sorted((s for s in spans if s.start <= a and b <= s.end), key=lambda s: s.end - s.start)
        focused = any(fa <= a and b <= fb for fa, fb in focus)
        if not active and not focused:
            out.append(piece)
            continue
        style = f"background:{KINDS[active[0].kind][1]};" if active else ""
        style += FOCUS_STYLE if focused else ""
        title = ", ".join(dict.fromkeys(KINDS[s.kind][0] for s in active)) or "Evidens för valt kriterium"
        out.append(f'<mark style="{style}padding:0 1px;border-radius:2px" title="{html.escape(title)}">'
                   f"{piece}</mark>")
    body = "".join(out)
    return ('<div class="planqa-text" style="white-space:pre-wrap;font-family:sans-serif;'
            f'font-size:0.95rem;line-height:1.6">{body}</div>')


def legend(kinds: Iterable[str] | None = None) -> str:
    """HTML colour legend for the given kinds (all kinds by default)."""
    shown = [k for k in KINDS if kinds is None or k in set(kinds)]
    items = "".join(f'<span style="background:{KINDS[k][1]};padding:1px 6px;margin:0 6px 4px 0;'
                    f'border-radius:3px;display:inline-block">{html.escape(KINDS[k][0])}</span>'
                    for k in shown)
    return f'<div class="planqa-legend" style="font-family:sans-serif;font-size:0.85rem">{items}</div>'
