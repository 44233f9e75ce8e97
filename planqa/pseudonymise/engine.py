"""The analyzer (built once), overlap resolution and placeholder replacement."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import regex as re
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult

from planqa.pseudonymise.lexicon import placeholder_spans
from planqa.pseudonymise.nlp import SwedishContextEnhancer, SwedishNlpEngine
from planqa.pseudonymise.recognizers import all_recognizers
from planqa.roles import person_roles

ENTITY_TYPES = ("PERSON", "PERSONNUMMER", "TELEFON", "EMAIL", "ADRESS", "POSTNUMMER", "DIARIENUMMER", "ENHET")
PLACEHOLDERS = {
    "PERSON": "[NAMN_{n}]", "PERSONNUMMER": "[PERSONNUMMER]", "TELEFON": "[TELEFON]", "EMAIL": "[E-POST]",
    "ADRESS": "[ADRESS]", "POSTNUMMER": "[POSTNUMMER]", "DIARIENUMMER": "[DNR]", "ENHET": "[ENHET]",
}
MIN_SCORE = 0.4  # replaced by pseudonymise()
# the gate stops scoring on these; ENHET (a school, a unit) does not identify a person
GATE_THRESHOLDS = {
    "PERSONNUMMER": 0.5, "TELEFON": 0.6, "EMAIL": 0.5, "ADRESS": 0.6, "POSTNUMMER": 0.6,
    "DIARIENUMMER": 0.8, "PERSON": 0.8,
}
# when two findings overlap with the same score and length, the earlier type here wins
_PRIORITY = {t: i for i, t in enumerate(
    ("EMAIL", "PERSONNUMMER", "TELEFON", "DIARIENUMMER", "ADRESS", "POSTNUMMER", "ENHET", "PERSON"))}


@dataclass(frozen=True, slots=True)
class Finding:
    """An identifier's type, position and score; never its value."""

    entity_type: str
    start: int
    end: int
    score: float

    def __str__(self) -> str:
        return f"{self.entity_type} vid tecken {self.start}–{self.end} (säkerhet {self.score:.2f})"


class PseudonymEngine:
    """presidio AnalyzerEngine for Swedish plus planqa's post-processing."""

    def __init__(self, nlp=None) -> None:
        self.nlp_engine = SwedishNlpEngine(nlp=nlp)
        self.nlp_engine.load()
        registry = RecognizerRegistry(recognizers=all_recognizers(), supported_languages=["sv"])
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["sv"],
            context_aware_enhancer=SwedishContextEnhancer(), default_score_threshold=MIN_SCORE,
        )
        self._anonymizer = None  # built on the first replace(): the gate never needs it

    # -- finding -----------------------------------------------------------------------
    def analyze(self, text: str, nlp_artifacts=None) -> list[RecognizerResult]:
        """Raw presidio results (before planqa's overlap resolution)."""
        if nlp_artifacts is None:
            nlp_artifacts = self.nlp_engine.process_text(text, "sv")
        return self.analyzer.analyze(text, language="sv", nlp_artifacts=nlp_artifacts)

    def find(self, text: str, nlp_artifacts=None) -> list[Finding]:
        if not isinstance(text, str):
            raise TypeError("texten måste vara en sträng")
        if not text.strip():
            return []
        results = self.analyze(text, nlp_artifacts)
        keep = placeholder_spans(text)
        results = [r for r in results if not any(s < r.end and r.start < e for s, e in keep)]
        chosen = _resolve_overlaps(results)
        chosen = _propagate_units(text, chosen)
        return [Finding(r.entity_type, r.start, r.end, round(float(r.score), 3)) for r in chosen]

    # -- replacing -----------------------------------------------------------------------
    def replace(self, text: str, findings: list[Finding]) -> tuple[str, dict[str, int], dict[str, str]]:
        if not findings:
            return text, {}, {}
        from presidio_anonymizer import AnonymizerEngine
        from presidio_anonymizer.entities import OperatorConfig
        from presidio_anonymizer.entities import RecognizerResult as AnonResult

        persons = [f for f in findings if f.entity_type == "PERSON"]
        person_ids = _person_numbers(text, persons)
        labels = person_labels(text, [(f.start, f.end, person_ids[(f.start, f.end)]) for f in persons])
        results, operators, mapping, counts = [], {}, {}, {}
        seen_unnumbered: dict[str, int] = {}
        for f in findings:
            value = text[f.start:f.end]
            if f.entity_type == "PERSON":
                label = labels[person_ids[(f.start, f.end)]]
                mapping.setdefault(label, value)
                etype = f"PERSON_{person_ids[(f.start, f.end)]}"
            else:
                label = PLACEHOLDERS[f.entity_type]
                seen_unnumbered[label] = seen_unnumbered.get(label, 0) + 1
                mapping[f"{label}#{seen_unnumbered[label]}"] = value
                etype = f.entity_type
            operators[etype] = OperatorConfig("replace", {"new_value": label})
            results.append(AnonResult(entity_type=etype, start=f.start, end=f.end, score=f.score))
            counts[f.entity_type] = counts.get(f.entity_type, 0) + 1
        if self._anonymizer is None:
            self._anonymizer = AnonymizerEngine()
        out = self._anonymizer.anonymize(text, results, operators=operators, merge_entities_with_spaces=False)
        return out.text, counts, mapping


def _resolve_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Keep non-overlapping findings: confident ones (>= 0.5) longest first, then by score."""
    ranked = sorted(results, key=lambda r: (
        -(r.score >= 0.5), -(r.end - r.start) if r.score >= 0.5 else 0, -r.score,
        _PRIORITY.get(r.entity_type, 99), r.start))
    taken = bytearray(max((r.end for r in results), default=0))
    chosen: list[RecognizerResult] = []
    for r in ranked:
        if not any(taken[r.start:r.end]):
            taken[r.start:r.end] = b"\x01" * (r.end - r.start)
            chosen.append(r)
    chosen.sort(key=lambda r: r.start)
    return chosen


def _propagate_units(text: str, chosen: list[RecognizerResult]) -> list[RecognizerResult]:
    """A unit name found once ("HVB Solgläntan") is the unit wherever it stands alone."""
    names = {text[r.start:r.end] for r in chosen if r.entity_type == "ENHET" and r.score >= 0.6}
    if not names:
        return chosen
    # a unit's name elsewhere is the unit, even where the name rules took it for a person
    chosen = [r for r in chosen if not (r.entity_type == "PERSON" and text[r.start:r.end] in names)]
    extra = []
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?=s?(?![\w\-]))")
    for m in pattern.finditer(text):
        if all(m.end() <= c.start or c.end <= m.start() for c in chosen + extra):
            extra.append(RecognizerResult("ENHET", m.start(), m.end(), 0.7))
    return sorted(chosen + extra, key=lambda r: r.start) if extra else chosen


def person_labels(text: str, mentions: list[tuple[int, int, int]]) -> dict[int, str]:
    """Person number -> placeholder: [BARN] for the child, [VH1]/[VH2] for the guardians (`roles`), [NAMN_n]
    for everybody else, numbered by first appearance after any [NAMN_n] the text already has."""
    roles = person_roles(text, mentions)
    next_name = max((int(n) for n in re.findall(r"\[NAMN_(\d+)\]", text)), default=0) + 1
    guardians = iter(g for g in ("[VH1]", "[VH2]") if g not in text)
    labels: dict[int, str] = {}
    for pid in sorted({pid for _, _, pid in mentions}):
        role = roles.get(pid)
        label = "[BARN]" if role == "child" else next(guardians, None) if role == "guardian" else None
        if label is None:
            label, next_name = PLACEHOLDERS["PERSON"].format(n=next_name), next_name + 1
        labels[pid] = label
    return labels


def _person_numbers(text: str, persons: list[Finding]) -> dict[tuple[int, int], int]:
    """Number persons by first appearance; a lone first name or surname joins the full name it is part of."""
    values = [(f, text[f.start:f.end]) for f in persons]
    fulls: list[tuple[int, str, set[str]]] = []  # (id, full name, its parts)
    ids: dict[tuple[int, int], int] = {}
    next_id = 1
    # full names first, in order of appearance
    by_value: dict[str, int] = {}
    for f, v in values:
        key = " ".join(v.split()).casefold()
        parts = set(re.split(r"[\s]+", key))
        if len(parts) < 2:
            continue
        if key not in by_value:
            # the same person written fuller or shorter ("Sara Ahmed" / "Sara Maria Ahmed")
            match = next((pid for pid, _, p in fulls if parts <= p or p <= parts), None)
            if match is None:
                match, next_id = next_id, next_id + 1
            by_value[key] = match
            fulls.append((match, key, parts))
    for f, v in values:
        key = " ".join(v.split()).casefold()
        if key in by_value:
            ids[(f.start, f.end)] = by_value[key]
            continue
        owners = [(pid, full) for pid, full, p in fulls if key in p or key in full.split("-")]
        if owners:
            owner_ids = {pid for pid, _ in owners}
            if len(owner_ids) == 1:
                ids[(f.start, f.end)] = owners[0][0]
                continue
            # shared surname or first name: the nearest full-name mention before this one
            before = [(g.start, by_value[" ".join(text[g.start:g.end].split()).casefold()])
                      for g in persons if g.start < f.start and
                      " ".join(text[g.start:g.end].split()).casefold() in by_value and
                      by_value[" ".join(text[g.start:g.end].split()).casefold()] in owner_ids]
            ids[(f.start, f.end)] = before[-1][1] if before else min(owner_ids)
            continue
        by_value[key] = next_id
        next_id += 1
        ids[(f.start, f.end)] = by_value[key]
    # renumber by first appearance in the text
    order: dict[int, int] = {}
    for f in sorted(persons, key=lambda f: f.start):
        order.setdefault(ids[(f.start, f.end)], len(order) + 1)
    return {k: order[v] for k, v in ids.items()}


_engine: PseudonymEngine | None = None
_engine_lock = threading.Lock()


def get_engine() -> PseudonymEngine:
    """The shared engine, built on first use."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = PseudonymEngine()
    return _engine
