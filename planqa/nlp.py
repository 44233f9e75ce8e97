"""The Swedish spaCy pipeline of planqa: tokenizer, segmentation, gazetteer, trained NER, merge.

    tokenizer  spacy.blank("sv") rules plus splits plans need ("BUP:s", "BUP-kontakt", "|", "]")
    sip_sentencizer   sentence starts at line breaks, bullets, table cells and sentence ends
    tok2vec, ner      trained: ACTOR, ROLE, PERSON, DATE by a small CNN tok2vec and a per-token
                      entity tagger (IOEntityTagger; train/ner.py, train/ner.cfg)
    sip_gazetteer     ACTOR/ROLE from planqa.actors, PERSON placeholders, DATE from planqa.dates
                      (spans start at the time expression, leading "i", "till", "efter" … outside,
                      as in annotations/GUIDELINES.md)
    sip_merge         per label, take the model's spans, the gazetteer's, or both (the better
                      one on the dev split, chosen at training time); if chosen so on dev, widen a
                      model DATE that is part of a planqa.dates mention to it; set the attributes

Attributes: `Span._.normalised` (actor name such as "bup", or the ISO date of a DATE),
`Span._.follow_up` (True for the plan's follow-up DATE), `Doc._.plan_date`.
Use `load_pipeline()` and `analyse()`; without a shipped model the pipeline is rules only.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, IS_TITLE, IS_UPPER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from planqa.actors import ACTORS, ROLES, normalise_actor
from planqa.dates import DateMention, find_dates, find_plan_date, normalise
from planqa.followup import Scorer, follow_up_mentions, load_scorer
from planqa.integrity import verify_manifest
from planqa.models import Entity

__all__ = ["DEFAULT_MODEL_DIR", "ENT_LABELS", "analyse", "blank_pipeline", "entities", "load_pipeline"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
ENT_LABELS = ("ACTOR", "ROLE", "PERSON", "DATE")
PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
RULER_KEY = "ruler"
_SCORE_FOLLOW_UP = "planqa_score_follow_up"  # Doc.user_data flag: run the follow-up scorer

for _name, _obj in (("normalised", Span), ("follow_up", Span), ("plan_date", Doc)):
    if not _obj.has_extension(_name):
        _obj.set_extension(_name, default=None)


@spacy.registry.tokenizers("planqa.sv_tokenizer.v1")
def make_tokenizer():
    """Swedish rules plus: genitive ":s" and "|" split off, hyphen/slash/brackets split inside words."""

    def create(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        prefixes = [r"\|", r"/", r"\["] + list(d.prefixes)
        suffixes = [r"(?<=[\wåäöÅÄÖ\]]):[a-zåäö]{1,2}", r"\|", r"\]"] + list(d.suffixes)
        infixes = list(d.infixes) + [
            r"\|", r"(?<=[^\W\d_])[-–](?=[^\W_])", r"(?<=[^\W_])[-–](?=[^\W\d_])", r"(?<=\D)/|/(?=\D)",
            r"[\[\]]", r"(?<=\d)[-–](?=v\b)",
        ]
        return Tokenizer(
            nlp.vocab, rules=d.tokenizer_exceptions, prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search, infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=d.token_match, url_match=d.url_match)

    return create


_QUOTES = {"[", '"', "”", "»", "-", "–"}


@Language.component("sip_sentencizer")
def sip_sentencizer(doc: Doc) -> Doc:
    """Sentence starts after line breaks (headings, bullets, rows), table cells ("|") and after
    . ! ? : before a capital, quote or bracket. Vectorised: a Python loop over tokens is too slow."""
    n = len(doc)
    if n == 0:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE, IS_TITLE, IS_UPPER])
    orth, space = arr[:, 0], arr[:, 1].astype(bool)
    strings = doc.vocab.strings
    newline = {o for o in np.unique(orth[space]).tolist() if "\n" in strings[o]}
    pipe, ends = strings.add("|"), {strings.add(x) for x in (".", "!", "?", ":")}
    capital = arr[:, 2].astype(bool) | arr[:, 3].astype(bool) | np.isin(orth, [strings.add(q) for q in _QUOTES])
    after_newline = np.isin(orth, list(newline)) if newline else np.zeros(n, dtype=bool)
    is_pipe = orth == pipe
    line_start = np.zeros(n, dtype=bool)
    line_start[1:] = after_newline[:-1]
    inner_pipe = is_pipe & ~line_start  # "| a | b |": cells start after the inner pipes
    prev = line_start.copy()
    prev[1:] |= inner_pipe[:-1]
    after_end = np.zeros(n, dtype=bool)
    after_end[1:] = np.isin(orth[:-1], list(ends))
    start = ~space & ~inner_pipe & (prev | (after_end & capital))
    start[0] = True
    # text right after leading whitespace also starts a sentence
    first_word = int(np.argmax(~space)) if (~space).any() else 0
    start[first_word] = True
    doc.from_array([SENT_START], np.where(start, 1, -1).astype("int64").astype("uint64").reshape(-1, 1))
    return doc


class IOEntityTagger(Tagger):
    """NER as token tagging: each token gets an entity label or "O"; a run of one label is an entity.

    A softmax over tok2vec vectors has no sequential decoding, so it runs at about twice the
    speed of spaCy's transition-based NER, which alone would exceed the speed budget.
    """

    def set_annotations(self, docs, batch_tag_ids) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        labels = self.labels
        outside = labels.index("O") if "O" in labels else -1
        for doc, ids in zip(docs, batch_tag_ids, strict=True):
            ids = np.asarray(ids.get() if hasattr(ids, "get") else ids)
            doc.set_ents(_runs(doc, ids, labels, outside), default="outside")


def _runs(doc: Doc, ids: np.ndarray, labels: tuple[str, ...], outside: int) -> list[Span]:
    spans: list[Span] = []
    start = prev = -2
    for i in np.flatnonzero(ids != outside).tolist() + [-1]:
        if i == prev + 1 and ids[i] == ids[prev]:
            prev = i
            continue
        if start >= 0:
            while start <= prev and doc[start].is_space:
                start += 1
            while prev >= start and doc[prev].is_space:
                prev -= 1
            if start <= prev:
                spans.append(Span(doc, start, prev + 1, label=labels[ids[start]]))
        start = prev = i
    return spans


@Language.factory("sip_io_ner", assigns=["doc.ents"],
                  default_config={"scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_io_ner(nlp: Language, name: str, model, scorer):
    return IOEntityTagger(nlp.vocab, model, name, scorer=scorer)


_W = "\\wåäöÅÄÖ-"


@lru_cache(maxsize=1)
def _gazetteer_regex() -> re.Pattern[str]:
    """planqa.actors' forms in one pattern with a single word-boundary gate (7x faster than
    actors.find_actors, same matches) plus roles and bracket placeholders."""
    parts = [f"(?P<a{i}>{'|'.join(forms)})" for i, forms in enumerate(ACTORS.values())]
    parts.append(f"(?P<role>{'|'.join(ROLES)})")
    return re.compile(f"(?<![{_W}])(?:{'|'.join(parts)})(?![{_W}])|(?P<person>{PLACEHOLDER.pattern})",
                      re.IGNORECASE)


def gazetteer_spans(text: str) -> list[tuple[int, int, str, str | None]]:
    """ACTOR (with normalised name), ROLE and placeholder PERSON mentions as (start, end, label, name)."""
    names = list(ACTORS)
    out = []
    for m in _gazetteer_regex().finditer(text):
        group = m.lastgroup or ""
        if group == "role":
            out.append((m.start(), m.end(), "ROLE", None))
        elif group == "person":
            out.append((m.start(), m.end(), "PERSON", None))
        else:
            name = names[int(group[1:])]
            if name == "skolan" and m.group().lower().startswith("klass"):
                continue  # as in planqa.actors.find_actors
            out.append((m.start(), m.end(), "ACTOR", name))
    return out


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc (spaCy joins it from the tokens again on every access)."""
    text = doc.user_data.get("planqa_text")
    if text is None:
        text = doc.user_data["planqa_text"] = doc.text
    return text


@Language.factory("sip_gazetteer", default_config={"key": RULER_KEY, "labels": list(ENT_LABELS)})
def make_gazetteer(nlp: Language, name: str, key: str, labels: list[str]):
    """Rule spans into doc.spans[key]: ACTOR/ROLE (planqa.actors), PERSON placeholders, DATE (planqa.dates)."""
    wanted = set(labels)

    def gazetteer(doc: Doc) -> Doc:
        if not wanted:
            doc.spans[key] = []
            return doc
        text = doc_text(doc)
        found = [(s, e, lab) for s, e, lab, _ in gazetteer_spans(text) if lab in wanted] if wanted - {"DATE"} else []
        if "DATE" in wanted:
            found += [(m.start, m.end, "DATE") for m in find_dates(text)]
        spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in found]
        doc.spans[key] = filter_spans([s for s in spans if s is not None])
        return doc

    return gazetteer


_SNAP_WINDOW = 6  # tokens each side: enough for "torsdagen den 13 februari 2025 kl. 14.00–15.15"


def snap_dates(doc: Doc, ents: list[Span]) -> list[Span]:
    """A model DATE that lies inside one longer planqa.dates mention on its line becomes that
    mention: the per-token tagger sometimes leaves part of an expression out ("vid" of "vid
    behov", "feb" of "början av feb", the clock time of "torsdagen den 13 februari kl. 14.00").
    planqa.dates runs only on a few tokens around each model DATE (not on doc.text, which spaCy
    builds from all tokens), to keep the pipeline fast."""
    out = []
    for ent in ents:
        if ent.label_ == "DATE":
            window = doc[max(0, ent.start - _SNAP_WINDOW):min(len(doc), ent.end + _SNAP_WINDOW)]
            text, base = window.text, window.start_char
            a, b = ent.start_char - base, ent.end_char - base
            start = text.rfind("\n", 0, a) + 1  # within the line
            end = text.find("\n", b)
            end = len(text) if end < 0 else end
            inside = [m for m in find_dates(text[start:end]) if m.start <= a - start and b - start <= m.end]
            if len(inside) == 1 and inside[0].end - inside[0].start > b - a:
                span = doc.char_span(base + start + inside[0].start, base + start + inside[0].end, label="DATE",
                                     alignment_mode="expand")
                ent = span if span is not None else ent
        out.append(ent)
    return out


class Merge:
    """Combine model entities and gazetteer spans per label ("model", "ruler" or "both"), optionally
    snap model DATEs to planqa.dates mentions (`snap_dates`), and set the attributes. Holds the
    follow-up scorer (saved as followup.json in its directory)."""

    def __init__(self, sources: dict[str, str], key: str = RULER_KEY, snap_dates: bool = False) -> None:
        self.sources = sources
        self.key = key
        self.snap_dates = snap_dates
        self.scorer: Scorer | None = None

    def __call__(self, doc: Doc) -> Doc:
        src = self.sources
        ruler = list(doc.spans[self.key]) if self.key in doc.spans else []
        model = [e for e in _ents(doc) if src.get(e.label_, "model") in ("model", "both")]
        if self.snap_dates:
            model = snap_dates(doc, model)
        chosen = [s for s in ruler if src.get(s.label_) == "ruler"]
        extra = [s for s in ruler if src.get(s.label_) == "both"]
        ents = filter_spans(model + chosen)  # longest wins, model before ruler on ties
        taken = [(e.start, e.end) for e in ents]
        ents += [s for s in extra if all(s.end <= a or s.start >= b for a, b in taken)]
        ents.sort(key=lambda e: e.start)
        doc.ents = ents
        set_attributes(doc, self.scorer if self.scorer is not None else "rules", ents)
        return doc

    def to_disk(self, path: str | Path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.scorer is not None:
            self.scorer.to_json(path / "followup.json")

    def from_disk(self, path: str | Path, exclude=()) -> Merge:
        self.scorer = load_scorer(Path(path) / "followup.json")
        return self


@Language.factory("sip_merge", default_config={"sources": dict.fromkeys(ENT_LABELS, "ruler"), "key": RULER_KEY,
                                               "snap_dates": False})
def make_merge(nlp: Language, name: str, sources: dict[str, str], key: str, snap_dates: bool = False) -> Merge:
    return Merge(sources, key, snap_dates)


def _ents(doc: Doc) -> list[Span]:
    """doc.ents, read from the token arrays (the Doc.ents getter is slow on long documents)."""
    arr = doc.to_array([ENT_IOB, ENT_TYPE])
    starts = np.flatnonzero(arr[:, 0] == 3).tolist() + [len(doc)]
    spans = []
    for i, start in enumerate(starts[:-1]):
        end = start + 1
        while end < starts[i + 1] and arr[end, 0] == 1:
            end += 1
        spans.append(Span(doc, start, end, label=int(arr[start, 1])))
    return spans


def set_attributes(doc: Doc, scorer: Scorer | str | None = "rules", ents: list[Span] | None = None) -> None:
    """Normalised actor names, ISO dates and the follow-up flag on doc.ents (or `ents`, the same)."""
    text = doc_text(doc)
    plan_date = doc._.plan_date
    if plan_date is None:
        plan_date = doc._.plan_date = find_plan_date(text)
    dates: list[tuple[Span, DateMention]] = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ == "ACTOR":
            ent._.normalised = normalise_actor(ent.text)
        elif ent.label_ == "DATE":
            # a span starts at the date itself: "efter" etc. before it make it vague (planqa.dates)
            iso, kind = normalise(ent.text, plan_date, text[max(0, ent.start_char - 40):ent.start_char])
            ent._.normalised = iso
            dates.append((ent, DateMention(ent.start_char, ent.end_char, ent.text, iso, kind)))
    if not doc.user_data.get(_SCORE_FOLLOW_UP, True):
        return  # the caller decides the follow-up role (analyse's follow_up_spans)
    scored = follow_up_mentions(text, [m for _, m in dates], plan_date, scorer)
    for (ent, _), (_, p) in zip(dates, scored, strict=True):
        ent._.follow_up = p >= 0.5


def blank_pipeline() -> Language:
    """The rule-only pipeline: tokenizer, sentencizer, gazetteer and merge (no trained model)."""
    nlp = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "planqa.sv_tokenizer.v1"}}})
    nlp.add_pipe("sip_sentencizer")
    nlp.add_pipe("sip_gazetteer")
    nlp.add_pipe("sip_merge")
    return nlp


def load_pipeline(model_dir: str | Path | None = None) -> Language:
    """The trained pipeline from `model_dir` (default models/ner); rule-only when none is shipped."""
    path = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
    if not (path / "config.cfg").exists():
        if model_dir is not None:
            raise FileNotFoundError(f"ingen spaCy-modell i {path}")
        return blank_pipeline()
    verify_manifest(path)  # refuse a changed or unknown model before spaCy reads it
    # the tokenizer is built by planqa.sv_tokenizer.v1 from the config; reading its saved
    # copy (the same rules again) would only add 0.1 s to every start
    return spacy.load(path, exclude=["tokenizer"])


def analyse(nlp: Language, text: str, plan_date: datetime.date | None = None,
            follow_up_spans: list[tuple[int, int]] | None = None) -> tuple[Doc, list[Entity]]:
    """Run the pipeline on one plan; return the Doc and its entities as `planqa.models.Entity`.

    With `follow_up_spans` (character spans the caller has already judged to be the follow-up, as
    the assessor's verdict evidence), a DATE overlapping one of them gets the role "follow_up" and
    the pipeline's own follow-up scorer is not run.
    """
    doc = nlp.make_doc(text)
    doc.user_data["planqa_text"] = text  # what doc_text would join from the tokens again
    doc.user_data[_SCORE_FOLLOW_UP] = follow_up_spans is None
    doc._.plan_date = plan_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc, entities(doc, follow_up_spans)


def entities(doc: Doc, follow_up_spans: list[tuple[int, int]] | None = None) -> list[Entity]:
    """doc.ents as `planqa.models.Entity` (role "follow_up" on the plan's follow-up dates: those the
    pipeline scored so, or with `follow_up_spans` the DATEs that overlap one of them)."""
    out = []
    for e in doc.ents:
        if follow_up_spans is None:
            follow_up = bool(e._.follow_up)
        else:
            follow_up = e.label_ == "DATE" and any(s < e.end_char and e.start_char < t for s, t in follow_up_spans)
        out.append(Entity(start=e.start_char, end=e.end_char, label=e.label_, text=e.text,
                          normalised=e._.normalised, role="follow_up" if follow_up else None))
    return out
