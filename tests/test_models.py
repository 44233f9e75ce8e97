from __future__ import annotations

import re

import pytest

from conftest import SHARED
from planqa.criteria import CRITERIA, CRITERION_IDS, DIMENSION_CRITERIA
from planqa.models import CriterionResult, band, check_complete, dimension_scores


def test_criterion_ids_are_exactly_those_of_the_shared_spec():
    spec = (SHARED / "domain" / "criteria.md").read_text(encoding="utf-8")
    criteria_part = spec.split("## Criteria", 1)[1].split("## Dimension", 1)[0]
    spec_ids = re.findall(r"^- `([a-z_]+)`", criteria_part, flags=re.M)
    assert tuple(spec_ids) == CRITERION_IDS


def test_dimensions_have_the_spec_sizes():
    assert {d: len(ids) for d, ids in DIMENSION_CRITERIA.items()} == {
        "completeness": 5, "follow_up": 2, "child_centredness": 3}
    assert all(c.reference and c.name for c in CRITERIA)


@pytest.mark.parametrize("score,expected", [(1.0, "god"), (0.75, "god"), (0.74, "delvis"), (0.4, "delvis"),
                                            (0.39, "brist"), (0.0, "brist")])
def test_band_edges(score, expected):
    assert band(score) == expected


def test_dimension_scores_count_met_partial_not_met():
    verdicts = dict.fromkeys(CRITERION_IDS, "met")
    verdicts.update(follow_up_date="partial", follow_up_responsible="not_met", child_voice="not_met")
    scores = dimension_scores(verdicts)
    assert scores["completeness"].score == 1.0 and scores["completeness"].band == "god"
    assert scores["follow_up"].score == 0.25 and scores["follow_up"].band == "brist"
    assert scores["child_centredness"].score == round(4 / 6, 4) and scores["child_centredness"].band == "delvis"


def test_check_complete_rejects_missing_or_extra_ids():
    result = CriterionResult(verdict="met", confidence=0.9, explanation="x")
    check_complete(dict.fromkeys(CRITERION_IDS, result))
    with pytest.raises(ValueError):
        check_complete(dict.fromkeys(CRITERION_IDS[:-1], result))
    with pytest.raises(ValueError):
        check_complete({**dict.fromkeys(CRITERION_IDS, result), "extra": result})
