"""The trained assessor on a small model built here from a slice of the corpus."""

from __future__ import annotations

import pytest

from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.models import Plan
from planqa.trained import REVIEW_BELOW, ModelIntegrityError, TrainedAssessor


def first_plans(split: str, n: int, least: int = 2) -> list[dict]:
    """The split's first `n` plans, plus later ones until every criterion has `least` plans of each verdict
    (the calibration folds need them; the corpus's order puts some rare verdicts late)."""
    records = load_corpus(split)
    chosen = records[:n]
    for record in records[n:]:
        short = {(c, v) for c in CRITERION_IDS for v in ("met", "partial", "not_met")
                 if sum(r["labels"][c] == v for r in chosen) < least}
        if not short:
            break
        if any((c, record["labels"][c]) in short for c in CRITERION_IDS):
            chosen.append(record)
    return chosen


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    train = first_plans("train", 40)
    dev = first_plans("dev", 12)
    model = TrainedAssessor(c_grid=(1.0,), variants=("numeric+focus",)).fit(train, dev, version="test",
                                                                              log=lambda *_: None)
    directory = model.save(tmp_path_factory.mktemp("model") / "assessor")
    return model, directory


def test_saved_model_reloads_and_predicts_the_same(small_model, good_plan_text):
    model, directory = small_model
    loaded = TrainedAssessor.load(directory)
    plan = Plan(id="p", text=good_plan_text)
    a, b = model.assess(plan), loaded.assess(plan)
    assert list(b.criteria) == list(CRITERION_IDS)
    assert {c: r.verdict for c, r in a.criteria.items()} == {c: r.verdict for c, r in b.criteria.items()}
    assert all(abs(a.criteria[c].confidence - b.criteria[c].confidence) < 1e-9 for c in CRITERION_IDS)
    for r in b.criteria.values():
        assert 0.0 <= r.confidence <= 1.0 and r.explanation
        assert r.needs_review == (r.confidence < REVIEW_BELOW)
        for e in r.evidence:
            assert good_plan_text[e.start:e.end] == e.text


def test_no_goals_means_goal_quality_not_met(small_model, monkeypatch):
    from planqa.models import CriterionResult

    model, _ = small_model

    def fake(cid, view, text=None):
        verdict = "not_met" if cid == "goals_present" else "met"
        return CriterionResult(verdict=verdict, confidence=0.9, explanation="x")

    monkeypatch.setattr(model, "_criterion", fake)
    a = model.assess(Plan(id="p", text="Anteckningar. Mamma var med. Vi hörs."))
    assert a.criteria["goals_evaluable"].verdict == "not_met"
    assert a.criteria["child_goals"].verdict == "not_met"
    assert a.criteria["consent"].verdict == "met"


def test_a_tampered_model_file_is_refused(small_model, tmp_path):
    import shutil

    _, directory = small_model
    copy = tmp_path / "copy"
    shutil.copytree(directory, copy)
    with (copy / "assessor.npz").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="kontrollsumman"):
        TrainedAssessor.load(copy)
    (copy / "MANIFEST.sha256").unlink()
    with pytest.raises(ModelIntegrityError, match="saknas"):
        TrainedAssessor.load(copy)


def test_saved_model_is_plain_arrays_and_loads_without_scikit_learn(small_model):
    import subprocess
    import sys
    import zipfile

    _, directory = small_model
    with zipfile.ZipFile(directory / "assessor.npz") as z:
        assert z.namelist() and all(n.endswith(".npy") for n in z.namelist())
    code = ("import sys; from planqa.trained import TrainedAssessor; from planqa.models import Plan; "
            f"a = TrainedAssessor.load({str(directory)!r}); a.assess(Plan(id='p', text='Mål: [BARN] ska gå i skolan.')); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'skops') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_choice_is_the_simplest_setting_near_the_best_on_the_dev_plans():
    from planqa.trained import CV_FOLDS, SIMPLER_WITHIN

    train, dev = first_plans("train", 60), first_plans("dev", 15)
    model = TrainedAssessor(c_grid=(0.1, 1.0), variants=("rule", "numeric"), choose_on="dev").fit(
        train, dev, version="test", log=lambda *_: None)
    assert str(CV_FOLDS) in model.meta["fitted_on"]
    for cid, chosen in model.meta["selection"].items():
        assert chosen["variant"] in ("rule", "numeric") and chosen["C"] in (0.1, 1.0), cid
        assert chosen["dev_best_macro_f1"] - SIMPLER_WITHIN <= chosen["dev_macro_f1"] <= chosen["dev_best_macro_f1"]
        searched = [(r["variant"], r["C"]) for r in chosen["search"]]
        assert searched == [(v, c) for v in ("rule", "numeric") for c in (0.1, 1.0)], cid
        # nothing simpler than the choice came as close to the best
        simpler = chosen["search"][:searched.index((chosen["variant"], chosen["C"]))]
        assert all(r["dev_macro_f1"] < chosen["dev_best_macro_f1"] - SIMPLER_WITHIN for r in simpler), cid


def test_the_choice_can_be_scored_on_all_plans_and_prefer_the_rule_by_a_margin():
    train, dev = first_plans("train", 60), first_plans("dev", 15)
    model = TrainedAssessor(c_grid=(1.0,), variants=("rule", "numeric"), simpler_within=0.05, choose_on="all").fit(
        train, dev, version="test", log=lambda *_: None)
    assert "all plans'" in model.meta["fitted_on"] and "within 0.05" in model.meta["fitted_on"]
    for cid, chosen in model.meta["selection"].items():
        assert chosen["cv_best_macro_f1"] - 0.05 <= chosen["cv_macro_f1"] <= chosen["cv_best_macro_f1"], cid
        rule = chosen["search"][0]
        if chosen["variant"] == "numeric":  # the rule only gives way to a clearly better head
            assert rule["cv_macro_f1"] < chosen["cv_best_macro_f1"] - 0.05, cid
        else:
            assert rule["cv_macro_f1"] >= chosen["cv_best_macro_f1"] - 0.05, cid
    with pytest.raises(ValueError):
        TrainedAssessor(choose_on="test")


def test_choice_folds_hold_out_whole_styles_when_styles_are_given():
    import numpy as np

    from planqa.trained import CV_FOLDS, choice_folds

    y = np.array(["met", "partial", "not_met"] * 20)
    styles = [f"w{i % 7}" for i in range(60)]
    folds = choice_folds(y, styles)
    assert len(folds) == CV_FOLDS
    for fit_index, held_index in folds:
        assert not {styles[i] for i in fit_index} & {styles[i] for i in held_index}
    assert sorted(i for _, held in folds for i in held) == list(range(60))
    # by plan: every fold holds plans of most styles
    assert all(len({styles[i] for i in held}) > 3 for _, held in choice_folds(y))


def test_fit_with_styles_says_so_and_needs_one_style_per_plan():
    train, dev = first_plans("train", 40), first_plans("dev", 12)
    styles = [("a", "b", "c", "d", "e", "f")[i % 6] for i in range(len(train) + len(dev))]
    model = TrainedAssessor(c_grid=(1.0,), variants=("rule",)).fit(train, dev, version="test", log=lambda *_: None,
                                                                  styles=styles)
    assert "whole house styles held out" in model.meta["fitted_on"]
    with pytest.raises(ValueError):
        TrainedAssessor(c_grid=(1.0,), variants=("rule",)).fit(train, dev, log=lambda *_: None, styles=styles[:-1])


def test_fit_runs_with_one_blas_thread_and_gives_the_threads_back(monkeypatch):
    from threadpoolctl import threadpool_info

    seen = []

    def record(self, *args):
        seen.extend(pool["num_threads"] for pool in threadpool_info())
        return self

    monkeypatch.setattr(TrainedAssessor, "_fit", record)
    before = [pool["num_threads"] for pool in threadpool_info()]
    TrainedAssessor().fit([], [], log=lambda *_: None)
    assert seen and set(seen) == {1}
    assert [pool["num_threads"] for pool in threadpool_info()] == before


def test_platt_fits_the_sigmoid_that_scikit_learn_fits():
    import numpy as np
    from sklearn.calibration import _sigmoid_calibration

    from planqa.trained import platt

    rng = np.random.default_rng(0)
    scores = rng.normal(size=300)
    positive = scores + rng.normal(scale=0.8, size=300) > 0.3
    assert platt(scores, positive) == pytest.approx(_sigmoid_calibration(scores, positive.astype(int)), abs=1e-5)


def test_dev_calibration_follows_how_often_the_dev_plans_are_right():
    """Scores that are always right on train and right two times in three on dev: calibrated on all plans the
    confidence is high, on the dev plans it comes down towards what dev shows."""
    import numpy as np

    from planqa.trained import calibrated_proba, choice_folds, dev_calibrated_head

    rng = np.random.default_rng(1)
    y = np.array(["met", "not_met"] * 150)
    dev = np.zeros(300, dtype=bool)
    dev[200:] = True
    signal = np.where(y == "met", 1.0, -1.0)
    wrong = dev & (rng.random(300) < 1 / 3)
    x = (np.where(wrong, -signal, signal) + rng.normal(scale=0.1, size=300)).reshape(-1, 1)
    head = dev_calibrated_head(x, y, dev, choice_folds(y), c=1.0)
    proba = calibrated_proba(head, x[:, 0:1] * head["coef"][0] + head["intercept"])
    confidence = proba.max(axis=1)
    assert head["classes"] == ["met", "not_met"] and head["cal_a"].shape == (1,)
    assert 0.55 < confidence[dev].mean() < 0.8  # dev plans are right about 2 times in 3
    with pytest.raises(ValueError):
        TrainedAssessor(calibrate_on="test")
