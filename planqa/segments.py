"""Segment classifiers: is a sentence/line the child's own voice, a goal, an activity?

Trained on the corpus span annotations (VOICE, GOAL, ACTIVITY): a segment is positive
when an annotated span covers most of it. Logistic regression over word and character
n-grams, with the segment's section heading as context.
"""

from __future__ import annotations

from planqa.text import Segment, segments

SPAN_OF_KIND = {"voice": "VOICE", "goal": "GOAL", "activity": "ACTIVITY"}


def segment_input(seg: Segment) -> str:
    """What a segment classifier sees: heading and text."""
    return f"{seg.section} :: {seg.text}"


def segment_labels(text: str, spans: list[dict], kind: str) -> tuple[list[Segment], list[int]]:
    """Segments of an annotated plan and whether each is mostly covered by a span of `kind`."""
    label = SPAN_OF_KIND[kind]
    covering = [(s["start"], s["end"]) for s in spans if s["label"] == label]
    segs = [s for s in segments(text) if not s.is_heading]
    ys = []
    for seg in segs:
        covered = sum(max(0, min(seg.end, e) - max(seg.start, s)) for s, e in covering)
        ys.append(int(covered >= 0.5 * (seg.end - seg.start)))
    return segs, ys


def new_segment_vectorizers() -> list:
    """Word and character n-gram vectorizers (unfitted, scikit-learn), side by side for all segment heads."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=3, sublinear_tf=True, max_features=30000)]


def training_data(records: list[dict], kind: str) -> tuple[list[str], list[int], list[str]]:
    """Segment inputs, labels and the plan id of each segment (for grouped cross-validation)."""
    xs, ys, groups = [], [], []
    for r in records:
        segs, labels = segment_labels(r["text"], r["spans"], kind)
        xs += [segment_input(s) for s in segs]
        ys += labels
        groups += [r["id"]] * len(segs)
    return xs, ys, groups
