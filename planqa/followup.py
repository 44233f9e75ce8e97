"""Which date mentions in a plan are the plan's follow-up: rules over the mention's context.

A follow-up date is announced: on a line or in a sentence that says so ("Uppföljning:",
"Planen följs upp ...", "Nästa SIP-möte ...", "Vi ses igen ...", "... kallar till nytt
möte ..."), or first under a heading such as "Uppföljning" / "Nästa möte". The meeting's
own date, dates before it (a passed follow-up in a follow-up document), birthdays,
appointments and "extra möte vid behov" beside a real date are not follow-ups.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from planqa.dates import DateMention, find_dates, find_plan_date

__all__ = ["follow_up_dates", "follow_up_mentions"]

FOLLOW_UP_CUE = re.compile(
    r"uppf(?:öljning\w*|ölj(?:\.|s)?|\.)|följ(?:s|as|a)\s+upp|(?:nästa|nytt|ny)\s+(?:sip-?\s?|samordnings)?"
    r"(?:möte|träff|sip|uppföljning)|ses\s+igen|träffas\s+igen|återses|utvärder(?:as|ing)|kalla(?:r|s)?\s+till"
    r"|ses\s+(?:vi|ni)\s+igen|stäms\s+av",
    re.IGNORECASE)
# after the date in the same sentence: "23/4, vi skickar kallelse"
AFTER_CUE = re.compile(r"kallelse|kallar|ses\s+(?:igen|då)|följs\s+upp|utvärderas", re.IGNORECASE)
NOT_FOLLOW_UP = re.compile(
    r"ursprung|tidigare|var\s+(?:planerad|satt|bokad)|planerades|inställ|ställdes\s+in|flyttad|flyttades"
    r"|född|födelse|läkar|tandläkar|återbesök|utredning|upprätta|hölls|genomförd|extra|annars|förra"
    r"|föregående|gamla|senaste|skulle|följts|hade|från\s*$|sedan\s*$|av\s+sip|mötet\s+(?:i\s+dag|idag)",
    re.IGNORECASE)
# anywhere later in the sentence: the follow-up that did not happen
CANCELLED = re.compile(r"inställ|ställdes\s+in|flyttades|sköts\s+upp|blev\s+av|genomförd|hölls", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")
_CLAUSE_BREAK = re.compile(r"[.!?;,](?=\s)|\s(?:och|men|samt)\s(?!\d)|\n|\|")
_LABEL_PREFIX = re.compile(r"^[\s\-*•|]*(?:[\wåäöÅÄÖ.]+(?:\s+[\wåäöÅÄÖ.]+){0,2}\s*:)?\s*$")
_HEADING_LINE = re.compile(r"^\s*(?:#+\s*|\d+[.)]\s*)?(?P<h>[^\n:|]{2,50}?)\s*:?\s*$")


@dataclass(frozen=True)
class _Context:
    before: str  # the sentence up to the mention
    after: str  # the sentence after the mention
    clause: str  # the clause just before the mention
    after_clause: str  # the clause just after it
    heading: str  # the heading the mention sits under, when it is the first text after it


def _context(text: str, m: DateMention) -> _Context:
    window = max(text.rfind("\n", 0, m.start) + 1, m.start - 400)  # a sentence lies within its line
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, window, m.start)]
    s_start = breaks[-1] if breaks else window
    nxt = _SENTENCE_BREAK.search(text, m.end)
    s_end = nxt.start() if nxt else len(text)
    clause_breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, s_start, m.start)]
    clause = text[clause_breaks[-1] if clause_breaks else s_start:m.start]
    after_break = _CLAUSE_BREAK.search(text, m.end, s_end)
    after_clause = text[m.end:after_break.start() if after_break else s_end]
    return _Context(text[s_start:m.start], text[m.end:s_end], clause, after_clause, _heading_above(text, m.start))


def _heading_above(text: str, pos: int) -> str:
    """The heading of the block the mention opens ("6. Uppföljning\nDatum: 10 juni"), or ""."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not _LABEL_PREFIX.match(text[line_start:pos]):
        return ""  # other words before the mention on its line
    end, seen = line_start - 1, 0
    while end > 0 and seen < 4:
        start = text.rfind("\n", 0, end) + 1
        line, end = text[start:end], start - 1
        if not line.strip():
            continue
        seen += 1
        if ":" in line.rstrip()[:-1]:
            continue  # a "label: value" line of the same block
        m = _HEADING_LINE.match(line)
        return m.group("h") if m else ""
    return ""


def _score(text: str, m: DateMention, plan_date: datetime.date | None) -> float:
    if m.iso is not None and plan_date is not None and m.iso <= plan_date.isoformat():
        return 0.0  # the meeting itself, or a date that has passed
    ctx = _context(text, m)
    if NOT_FOLLOW_UP.search(ctx.clause) or NOT_FOLLOW_UP.search(ctx.after_clause) or CANCELLED.search(ctx.after):
        return 0.05
    if FOLLOW_UP_CUE.search(ctx.before):
        return 0.9
    if FOLLOW_UP_CUE.search(ctx.heading):
        return 0.8
    if AFTER_CUE.search(ctx.after):
        return 0.7
    return 0.05


def follow_up_mentions(text: str, mentions: list[DateMention],
                       plan_date: datetime.date | None) -> list[tuple[DateMention, float]]:
    """Each mention with the probability that it is the plan's follow-up time."""
    return [(m, _score(text, m, plan_date)) for m in mentions]


def follow_up_dates(text: str, plan_date: datetime.date | None = None
                    ) -> tuple[list[str], list[DateMention], list[DateMention]]:
    """(follow-up ISO dates, the concrete mentions they come from, vague follow-up mentions).

    Without `plan_date` the plan's own date is looked up in the text. A concrete mention whose
    year cannot be resolved is returned among the mentions but gives no ISO date.
    """
    if plan_date is None:
        plan_date = find_plan_date(text)
    mentions = find_dates(text, plan_date)
    chosen = [m for m, p in follow_up_mentions(text, mentions, plan_date) if p >= 0.5]
    concrete = [m for m in chosen if m.kind != "vague"]
    vague = [m for m in chosen if m.kind == "vague"]
    iso = sorted({m.iso for m in concrete if m.iso})
    return iso, concrete, vague
