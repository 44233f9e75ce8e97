"""Which date mentions in a plan are the plan's follow-up: context rules and a learned scorer.

A follow-up date is announced: on a line or in a sentence that says so ("Uppföljning:",
"Planen följs upp ...", "Nästa SIP-möte ...", "Vi ses igen ...", "... kallar till nytt
möte ..."), or first under a heading such as "Uppföljning" / "Nästa möte". The meeting's
own date, dates before it (a passed follow-up in a follow-up document), birthdays,
appointments and "extra möte vid behov" beside a real date are not follow-ups.

The cues above are features of a small logistic regression (with the words around the
mention) trained on the corpus by train/ner.py and shipped as models/ner/followup.json;
without that file the cues are used as rules. Dates on or before the plan date are never
follow-ups either way.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from planqa.dates import LEADING_WORD, DateMention, find_dates, find_plan_date, masked_plan_date
from planqa.text import folded_re

__all__ = ["Scorer", "fit_scorer", "follow_up_dates", "follow_up_mentions", "load_scorer"]

SCORER_PATH = Path(__file__).resolve().parents[1] / "models" / "ner" / "sip_merge" / "followup.json"

# The next meeting also as a compound ("nästa vårdplansmöte", "nytt nätverksmöte"), a review of the plan
# ("Planen revideras ...", "Nästa genomgång är ...") as genomförandeplaner write it.
FOLLOW_UP_CUE = folded_re(
    r"\buppf(?:öljning\w*|ölj(?:\.|s)?|\.|:)|följ(?:s|as|a|er)\s+upp|(?:nästa|nytt|ny)\s+(?:(?:sip-?\s?|samordnings)?"
    r"(?:möte|träff|sip|uppföljning|gång|genomgång|sammanträde)|[\wåäö-]+(?:möte|sammanträde))|ses\s+igen|hörs\s+igen|träffas\s+igen"
    r"|återses|utvärder(?:as|ing)|revider(?:as|ing)|kalla(?:r|s)?\s+till|ses\s+(?:vi|ni)\s+igen|stäms\s+av|^\s*ses\b"
    # a bilingual plan's English follow-up (GUIDELINES 4, block 74: what is said in English counts as in Swedish)
    r"|\bfollow(?:ed)?[\s-]?up\b|\bnext\s+(?:meeting|review|sip)\b|\bmeet\s+again\b",
    re.IGNORECASE)
# after the date in the same sentence: "23/4, vi skickar kallelse"
AFTER_CUE = folded_re(r"kallelse|kallar|ses\s+(?:igen|då)|följs\s+upp|utvärderas", re.IGNORECASE)
NOT_FOLLOW_UP = re.compile(
    r"ursprung|tidigare|var\s+(?:planerad|satt|bokad)|planerades|inställ|ställdes\s+in|flyttad|flyttades"
    r"|född|födelse|läkar|tandläkar|återbesök|provtagning|vaccin|inskriv|utredning|upprätta|hölls|genomförd|extra|annars|förra"
    r"|föregående|gamla|senaste|skulle|följts|hade|från\s*$|sedan\s*$|av\s+sip|mötet\s+(?:i\s+dag|idag)",
    re.IGNORECASE)
# anywhere later in the sentence: the follow-up that did not happen
CANCELLED = re.compile(r"inställ|ställdes\s+in|flyttades|sköts\s+upp|blev\s+av|genomförd|hölls"
                       r"|\b(?:ej|inte)\s+(?:en\s+)?uppföljning", re.IGNORECASE)  # "(internt, ej uppföljning av SIP)"
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\[\"”-])|\n")  # not "uppf. 12/6"
_CLAUSE_BREAK = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\[\"”-])|[;,](?=\s)|\s(?:och|men|samt)\s(?!\d)|\n|\|")
# (a symbol or emoji that marks the line, as a participation tool's export writes "📅 efter sportlovet", "➡️ ...", is
# a bullet: GUIDELINES 4, block 75)
_LABEL_PREFIX = re.compile(r"^[\s\-*•|\u2190-\u2bff\U0001f300-\U0001faff\ufe0f]*(?:(?:\[[xX✓✔]\]|[☒☑])\s*)?(?:[\wåäöÅÄÖ.]+(?:\s+[\wåäöÅÄÖ.]+){0,2}\s*:)?\s*$")
_TRAILING_LEADING_WORDS = re.compile(rf"(?:\b(?:{LEADING_WORD.pattern}))+$", re.IGNORECASE)
BRACKETED_LINE = re.compile(r"^\s*\([^()]*\)\s*$")
# A slide deck exported to text numbers its slides' titles ("Slide 14: Nästa gång", "Bild 3 – Mål")
SLIDE_NUMBER = re.compile(r"^\s*(?:slide|bild)\s*\d{1,3}\s*[:.–-]\s*", re.IGNORECASE)
_HEADING_LINE = re.compile(r"^\s*(?:#+\s*|\d+[.)]\s*)?(?P<h>[^\n:|]{2,50}?)\s*:?\s*$")


@dataclass(frozen=True)
class _Context:
    before: str  # the sentence up to the mention
    after: str  # the sentence after the mention
    clause: str  # the clause just before the mention
    after_clause: str  # the clause just after it
    heading: str  # the heading the mention sits under, when it is the first text after it
    row: str = ""  # in a table row, the row's cells before the mention ("| Läkarbesök | BUP | 4/12 |")


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
    line_start = text.rfind("\n", 0, m.start) + 1
    row = text[line_start:m.start] if "|" in text[line_start:m.start] else ""
    return _Context(text[s_start:m.start], text[m.end:s_end], clause, after_clause, _heading_above(text, m.start), row)


def _not_follow_up(ctx: _Context) -> bool:
    """Words around the mention say it is another time (an appointment, a birthday, a passed meeting); in a
    table row the row's other cells say it ("| Läkarbesök, uppföljning av medicin | BUP | 2024-12-04 |")."""
    return bool(NOT_FOLLOW_UP.search(ctx.clause) or NOT_FOLLOW_UP.search(ctx.after_clause)
                or NOT_FOLLOW_UP.search(ctx.row))


def _heading_above(text: str, pos: int) -> str:
    """The heading of the block the mention opens ("6. Uppföljning\nDatum: 10 juni"), or "". A bracketed
    line between them (a template's instruction) is passed over."""
    line_start = text.rfind("\n", 0, pos) + 1
    # "Uppföljning: Efter sommarlovet": the words a date span leaves out still belong to its value
    if not _LABEL_PREFIX.match(_TRAILING_LEADING_WORDS.sub("", text[line_start:pos])):
        return ""  # other words before the mention on its line
    end, seen = line_start - 1, 0
    while end > 0 and seen < 4:
        start = text.rfind("\n", 0, end) + 1
        line, end = text[start:end], start - 1
        if not line.strip() or BRACKETED_LINE.match(line):
            continue  # a template's instruction under its heading ("7. Uppföljning\n(Ange datum och vem som kallar)")
        seen += 1
        line = SLIDE_NUMBER.sub("", line)
        if ":" in line.rstrip()[:-1]:
            continue  # a "label: value" line of the same block
        m = _HEADING_LINE.match(line)
        return m.group("h") if m else ""
    return ""


def _rule_score(ctx: _Context) -> float:
    if _not_follow_up(ctx) or CANCELLED.search(ctx.after):
        return 0.05
    if FOLLOW_UP_CUE.search(ctx.before):
        return 0.9
    if FOLLOW_UP_CUE.search(ctx.heading) and not _NEGATED.search(ctx.heading):
        return 0.8
    if AFTER_CUE.search(ctx.after):
        return 0.7
    return 0.05


_WORDS = re.compile(r"[a-zåäö]+")
_NEGATED = re.compile(r"\b(?:inte|ej)\b", re.IGNORECASE)
# A follow-up field label in the other words coordinators write for "Uppföljning:" ("Utvärdering:", "Utvärdering av
# planen:", "Uppföljning av planen:", "Nästa uppföljningsmöte:") alone before the time on its line: the scorer's word
# features read it as the label it stands for (GUIDELINES 4, block 65: "utvärdering av planen är uppföljning"), so that
# the time's score does not hang on which synonym the form uses. "Uppföljning av SIP" is left out (it may date the
# plan followed up, GUIDELINES 4).
FOLLOW_UP_LABEL_SYNONYM = folded_re(r"^\W*(?:\d{1,2}[.)]\s*)?(?:utvärdering(?: av planen)?|uppföljning av planen|"
                                    r"nästa uppföljningsmöte)\s*:\s*$", re.IGNORECASE)


def _label_cell(row: str) -> str | None:
    """In a table row whose cell holds nothing before the mention, the cell before it as a field label
    ("| Nästa uppföljning | 17/2 kl 15 |" reads as "Nästa uppföljning: 17/2 kl 15"), else None."""
    cells = row.split("|")
    if len(cells) < 3 or cells[-1].strip() or not cells[-2].strip():
        return None
    return cells[-2].strip().lower() + ":"


def features(text: str, m: DateMention, ctx: _Context, rank: int, plan_date: datetime.date | None) -> dict[str, float]:
    """Context features of one mention: the rule cues, its kind and the words around it."""
    f = {"kind=" + m.kind: 1.0, "rule": _rule_score(ctx), "rank=" + str(min(rank, 2)): 1.0,
         "cue_before": float(bool(FOLLOW_UP_CUE.search(ctx.before))),
         "cue_clause": float(bool(FOLLOW_UP_CUE.search(ctx.clause))),
         "cue_heading": float(bool(FOLLOW_UP_CUE.search(ctx.heading))),
         "heading_negated": float(bool(_NEGATED.search(ctx.heading))),
         "after_cue": float(bool(AFTER_CUE.search(ctx.after))),
         "not_clause": float(_not_follow_up(ctx)),
         "cancelled": float(bool(CANCELLED.search(ctx.after))),
         "tail": float(m.start > 0.7 * len(text)),
         "unresolved": float(m.kind != "vague" and (m.iso is None or plan_date is None))}
    clause, before = ctx.clause.lower(), ctx.before.lower()
    if FOLLOW_UP_LABEL_SYNONYM.match(text[text.rfind("\n", 0, m.start) + 1:m.start]):
        clause = before = "uppföljning:"  # the synonym read as the label it stands for
    elif (label := _label_cell(ctx.row)) is not None:
        clause = label  # "| Nästa uppföljning | 17/2 |": the label cell is the field label "Nästa uppföljning:"
    for w in _WORDS.findall(clause)[-4:]:
        f["w=" + w] = 1.0
    for w in _WORDS.findall(before)[-10:]:
        f["s=" + w] = 1.0
    for w in _WORDS.findall(ctx.after.lower())[:4]:
        f["a=" + w] = 1.0
    for w in _WORDS.findall(ctx.heading.lower()):
        f["h=" + w] = 1.0
    return f


@dataclass
class Scorer:
    """A linear model over `features`: P(follow-up) = sigmoid(bias + sum of weights)."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def prob(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, path: Path) -> None:
        weights = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) > 1e-6}
        path.write_text(json.dumps({"bias": round(self.bias, 5), "weights": weights}, ensure_ascii=False, indent=0),
                        encoding="utf-8")

    @classmethod
    def from_json(cls, path: Path) -> Scorer:
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=d["weights"], bias=d["bias"])


@lru_cache(maxsize=4)
def load_scorer(path: Path = SCORER_PATH) -> Scorer | None:
    """The shipped scorer (models/ner/followup.json), or None when there is none."""
    try:
        return Scorer.from_json(path)
    except (OSError, ValueError, KeyError):
        return None


def _candidates(text: str, mentions: list[DateMention], plan_date: datetime.date | None):
    """(mention, context, features) for every mention that is not on or before the plan date."""
    sentence_of: dict[int, int] = {}
    meeting = masked_plan_date(text)  # "Datum: <DATE_TIME>": the meeting's own date, masked (GUIDELINES 4, block 87)
    for m in sorted(mentions, key=lambda m: m.start):
        ctx = _context(text, m)
        s_start = m.start - len(ctx.before)
        rank = sentence_of.get(s_start, 0)
        sentence_of[s_start] = rank + 1
        if m.iso is not None and plan_date is not None and m.iso <= plan_date.isoformat() or m == meeting:
            yield m, None, None  # the meeting itself, or a date that has passed
        else:
            yield m, ctx, features(text, m, ctx, rank, plan_date)


def fit_scorer(examples: list[tuple[str, list[DateMention], datetime.date | None, list[bool]]],
               c: float = 1.0) -> Scorer:
    """Fit a logistic regression on (text, mentions, plan date, is-follow-up per mention) examples."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for text, mentions, plan_date, gold in examples:
        flag = {m: g for m, g in zip(mentions, gold, strict=True)}
        for m, _, feats in _candidates(text, mentions, plan_date):
            if feats is not None:
                xs.append(feats)
                ys.append(int(flag[m]))
    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    lr = LogisticRegression(C=c, max_iter=2000).fit(x, ys)
    weights = dict(zip(vec.get_feature_names_out().tolist(), lr.coef_[0].tolist(), strict=True))
    return Scorer(weights=weights, bias=float(lr.intercept_[0]))


def follow_up_mentions(text: str, mentions: list[DateMention], plan_date: datetime.date | None,
                       scorer: Scorer | str | None = "default") -> list[tuple[DateMention, float]]:
    """Each mention (in the order given) with the probability that it is the plan's follow-up time.

    `scorer`: a `Scorer`, "default" (the shipped one, else the rules) or "rules"/None (rules only).
    """
    if scorer == "default":
        scorer = load_scorer()
    if isinstance(scorer, str):
        scorer = None
    probs: dict[DateMention, float] = {}
    for m, ctx, feats in _candidates(text, mentions, plan_date):
        if feats is None:
            probs[m] = 0.0
        else:
            probs[m] = round(scorer.prob(feats) if scorer is not None else _rule_score(ctx), 4)
    return [(m, probs[m]) for m in mentions]


def follow_up_dates(text: str, plan_date: datetime.date | None = None, scorer: Scorer | str | None = "default"
                    ) -> tuple[list[str], list[DateMention], list[DateMention]]:
    """(follow-up ISO dates, the concrete mentions they come from, vague follow-up mentions).

    Without `plan_date` the plan's own date is looked up in the text. A concrete mention whose
    year cannot be resolved is returned among the mentions but gives no ISO date.
    """
    if plan_date is None:
        plan_date = find_plan_date(text)
    mentions = find_dates(text, plan_date)
    chosen = [m for m, p in follow_up_mentions(text, mentions, plan_date, scorer) if p >= 0.5]
    concrete = [m for m in chosen if m.kind != "vague"]
    vague = [m for m in chosen if m.kind == "vague"]
    iso = sorted({m.iso for m in concrete if m.iso})
    return iso, concrete, vague
