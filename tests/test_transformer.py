"""The transformer backend on a tiny BERT built here from scratch: fine-tune → save → load → score.

No pretrained model and no download: a WordPiece tokenizer is trained on the corpus texts and
a 2-layer BERT (hidden 64) is initialised at random, then the whole path runs on a slice of
the corpus. Skipped when the extra `transformer` (torch, transformers, tokenizers) is missing.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("tokenizers")

from conftest import DEMO

from planqa.corpus import load_corpus
from planqa.criteria import CRITERION_IDS
from planqa.models import Plan, check_complete
from planqa.trained import ModelIntegrityError
from planqa.transformer import (
    BIO,
    NER_LABELS,
    TransformerAssessor,
    build_scratch_model,
    decode_bio,
    gold_entities,
    ner_windows,
    train_transformer,
)


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_corpus()


@pytest.fixture(scope="module")
def base_model(corpus, tmp_path_factory) -> Path:
    """A tiny BERT from scratch: WordPiece (vocab ~2000) trained on the corpus, 2 layers, hidden 64."""
    return build_scratch_model(tmp_path_factory.mktemp("tiny") / "base", (r["text"] for r in corpus), size="tiny",
                               vocab_size=2000)


@pytest.fixture(scope="module")
def trained(corpus, base_model, tmp_path_factory) -> Path:
    """`planqa train --backend transformer --base-model DIR --out OUT` on 30 train / 10 dev plans, 1 epoch."""
    from functools import partial

    from threadpoolctl import threadpool_limits
    from typer.testing import CliRunner

    import planqa.corpus
    import planqa.transformer
    from planqa.cli import app

    out = tmp_path_factory.mktemp("model") / "transformer"
    small = {"train": [r for r in corpus if r["split"] == "train"][:30],
             "dev": [r for r in corpus if r["split"] == "dev"][:10]}
    fast = partial(train_transformer, epochs=1, lr=1e-3, seed=0, c_grid=(1.0,), variants=("numeric+focus",))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny models and small solvers run faster on one thread than on contended cores
    try:
        with pytest.MonkeyPatch.context() as mp, threadpool_limits(limits=1):
            mp.setattr(planqa.corpus, "load_corpus", lambda split=None, path=None: small[split])
            mp.setattr(planqa.transformer, "train_transformer", fast)
            result = CliRunner().invoke(app, ["train", "--backend", "transformer", "--base-model", str(base_model),
                                              "--out", str(out)])
    finally:
        torch.set_num_threads(threads)
    assert result.exit_code == 0, result.output
    assert "Transformermodellen sparad" in result.stderr
    return out


@pytest.fixture(scope="module")
def assessor(trained) -> TransformerAssessor:
    return TransformerAssessor.load(trained)


def test_the_scratch_base_model_is_tiny_and_local(base_model):
    from transformers import AutoConfig, AutoTokenizer

    config = AutoConfig.from_pretrained(base_model, local_files_only=True)
    assert (config.num_hidden_layers, config.hidden_size, config.num_attention_heads,
            config.intermediate_size) == (2, 64, 2, 128)
    tokenizer = AutoTokenizer.from_pretrained(base_model, local_files_only=True)
    assert tokenizer.is_fast and len(tokenizer) <= 2000
    assert tokenizer.tokenize("Barnet går på BUP")  # Swedish letters survive the normaliser
    assert "å" in "".join(tokenizer.tokenize("går"))


def test_bio_labels_from_the_spans_decode_back_to_the_spans(corpus, base_model):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base_model, local_files_only=True)
    record = next(r for r in corpus if r["split"] == "train" and len(r["text"]) > 2500)
    gold = gold_entities(record)
    assert gold and {label for *_, label in gold} <= set(NER_LABELS)
    windows = ner_windows(tokenizer, record)
    assert len(windows) > 1  # a long plan is split into overlapping windows
    enc = tokenizer(record["text"], add_special_tokens=False, return_offsets_mapping=True)
    first = windows[0][1][1:-1]  # drop the special tokens
    offsets = enc["offset_mapping"][:len(first)]
    spans = decode_bio(np.array([s for s, _ in offsets]), np.array([e for _, e in offsets]), np.array(first))
    covered = offsets[-1][1]
    expected = [g for g in gold if g[1] <= covered]
    assert len(set(spans) & set(expected)) >= 0.9 * len(expected)
    assert all(label in range(len(BIO)) or label == -100 for _, labels in windows for label in labels)


def test_a_model_id_is_never_looked_up(corpus, tmp_path):
    with pytest.raises(FileNotFoundError, match="lokal mapp"):
        train_transformer(Path("KB/bert-base-swedish-cased"), corpus[:2], corpus[2:3], tmp_path / "out")


def test_training_saves_models_heads_metrics_and_manifests(trained):
    for sub in ("segments", "ner", "criteria"):
        assert (trained / sub / "MANIFEST.sha256").exists()
    assert (trained / "segments" / "model.safetensors").exists() and (trained / "ner" / "tokenizer.json").exists()
    metrics = json.loads((trained / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["segments"]["dev_f1"]) == {"voice", "goal", "activity"}
    assert set(metrics["ner"]["dev_f1"]) == {*NER_LABELS, "micro"}
    for part in ("segments", "ner"):
        assert metrics[part]["epochs_run"] == 1 and metrics[part]["seconds_per_epoch"] > 0
        assert all(0.0 <= f <= 1.0 for f in metrics[part]["dev_f1"].values())
    assert metrics["device"].startswith("cuda" if torch.cuda.is_available() else "cpu")
    assert metrics["criteria"]["train_views"].startswith("in-sample")
    assert set(metrics["criteria"]["selection"]) == set(CRITERION_IDS)


def test_the_loaded_backend_scores_a_plan_with_the_same_contract(assessor, trained, good_plan_text):
    from planqa.assess import assess, load_assessor

    plan = Plan(id="p", text=good_plan_text)
    result = assess(plan, assessor)
    check_complete(result.criteria)
    assert list(result.criteria) == list(CRITERION_IDS)
    assert result.model_version.startswith("transformer-1")
    for r in result.criteria.values():
        assert r.verdict in ("met", "partial", "not_met") and 0.0 <= r.confidence <= 1.0 and r.explanation
        for e in r.evidence:
            assert good_plan_text[e.start:e.end] == e.text
    for e in result.entities:
        assert e.label in NER_LABELS and good_plan_text[e.start:e.end] == e.text
    assert set(result.dimensions) == {"completeness", "follow_up", "child_centredness"}
    again = load_assessor(trained, backend="transformer").assess(plan)
    assert {c: r.verdict for c, r in again.criteria.items()} == {c: r.verdict for c, r in result.criteria.items()}
    assert [(e.start, e.end, e.label) for e in again.entities] == [(e.start, e.end, e.label) for e in result.entities]


def test_segment_probabilities_cover_every_segment(assessor, good_plan_text):
    view = assessor.view(good_plan_text)
    for kind in ("voice", "goal", "activity"):
        probs = view.segment_probs[kind]
        assert len(probs) == len(view.ctx.segs) and all(0.0 <= p <= 1.0 for p in probs)
        assert all(p == 0.0 for s, p in zip(view.ctx.segs, probs) if s.is_heading)


def test_loading_and_scoring_open_no_network_connection(trained, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the transformer backend tried to open a network connection")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = TransformerAssessor.load(trained).assess(Plan(id="p", text="Mål: [BARN] ska gå till skolan."))
    assert list(result.criteria) == list(CRITERION_IDS)


def test_a_changed_model_file_is_refused(trained, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(trained, copy)
    with (copy / "ner" / "model.safetensors").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelIntegrityError):
        TransformerAssessor.load(copy)


def test_planqa_score_with_the_transformer_backend(trained):
    from typer.testing import CliRunner

    from planqa.cli import app

    result = CliRunner().invoke(app, ["score", str(DEMO / "sip-skolfranvaro.txt"), "--backend", "transformer",
                                      "--model-dir", str(trained), "--assume-pseudonymised"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(record["criteria"]) == list(CRITERION_IDS)
    assert record["model_version"].startswith("transformer-1")
    assert set(record["dimensions"]) == {"completeness", "follow_up", "child_centredness"}


def test_out_of_fold_probabilities_become_the_train_views(assessor, corpus):
    from planqa.text import segments

    record = next(r for r in corpus if r["split"] == "train")
    body = [s for s in segments(record["text"]) if not s.is_heading]
    probs = np.linspace(0.0, 1.0, 3 * len(body), dtype=np.float32).reshape(len(body), 3)
    assessor.train_segment_probs = {record["id"]: probs}
    try:
        [view] = assessor._out_of_fold_views([record])
    finally:
        assessor.train_segment_probs = None
    goal = [p for s, p in zip(view.ctx.segs, view.segment_probs["goal"]) if not s.is_heading]
    assert goal == pytest.approx(probs[:, 1].tolist())
    assert all(p == 0.0 for s, p in zip(view.ctx.segs, view.segment_probs["voice"]) if s.is_heading)
