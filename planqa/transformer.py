"""Optional transformer backend: a fine-tuned local transformer for the segment classifier and the NER.

Everything loads from a local directory (`local_files_only=True`, `HF_HUB_OFFLINE=1`); a
model id is never resolved and nothing is downloaded. `train_transformer` fine-tunes, from
one base model directory,

    segments/  a multi-label sequence classifier: is a segment the child's voice, a goal, an activity?
    ner/       a token classifier (BIO over ACTOR, ROLE, PERSON, DATE)
    criteria/  the per-criterion calibrated heads of `planqa.trained`, fed with the
               transformer's segment probabilities instead of the TF-IDF segment heads
    metrics.json  dev figures, epochs, seconds per epoch, device

with early stopping on dev, a fixed seed, a GPU with mixed precision when there is one and
the CPU otherwise. `TransformerAssessor` scores plans with the same output contract as the
default assessor. Needs the extra `transformer` (torch, transformers, tokenizers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from planqa import rules
from planqa.features import SEGMENT_KINDS, PlanView
from planqa.integrity import verify_manifest, write_manifest
from planqa.models import Assessment, Entity, Plan
from planqa.readable import reads_plan_text
from planqa.segments import segment_input, training_data
from planqa.text import Segment, segments
from planqa.trained import C_GRID, MODEL_FILE, VARIANTS, TrainedAssessor

if TYPE_CHECKING:  # pragma: no cover
    import torch

VERSION = "transformer-1"
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "models" / "transformer"
SEGMENT_DIR, NER_DIR, CRITERIA_DIR = "segments", "ner", "criteria"
METRICS_FILE = "metrics.json"
SETTINGS_FILE = "settings.json"
NER_LABELS = ("ACTOR", "ROLE", "PERSON", "DATE")  # as planqa.nlp.ENT_LABELS
BIO = ("O", *(f"{p}-{label}" for label in NER_LABELS for p in "BI"))
SEGMENT_MAX_LENGTH = 128
NER_MAX_LENGTH = 256
NER_STRIDE = 64
Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- optional dependencies ------------------------------------------------------------------
def _libs():
    """torch and transformers, offline; a Swedish message when the extra is not installed."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import torch
        import transformers
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("Transformer-backenden kräver tilläggspaketen torch, transformers och tokenizers: "
                           "pip install torch==2.13.0 && pip install -e '.[transformer]'") from exc
    transformers.logging.set_verbosity_error()  # "newly initialized head" and similar notices
    transformers.logging.disable_progress_bar()
    return torch, transformers


def _local_dir(path: str | Path, what: str) -> Path:
    """A local model directory, or a Swedish error: a model id is never looked up anywhere."""
    path = Path(path)
    if not path.is_dir() or not (path / "config.json").exists():
        raise FileNotFoundError(f"{path}: {what} finns inte som lokal mapp med config.json. planqa laddar aldrig "
                                "ned modeller; kopiera modellmappen till maskinen och ange sökvägen till den.")
    return path


def pick_device(device: str | None = None) -> torch.device:
    torch, _ = _libs()
    if device:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _amp_dtype(device: torch.device):
    """bf16 where the GPU has it, else fp16; None on the CPU (full precision)."""
    torch, _ = _libs()
    if device.type != "cuda":
        return None
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def _autocast(device: torch.device):
    torch, _ = _libs()
    dtype = _amp_dtype(device)
    return torch.autocast(device_type="cuda", dtype=dtype) if dtype is not None else contextlib.nullcontext()


def _grad_scaler(device: torch.device):
    """A loss scaler for fp16 on GPU; a disabled one otherwise."""
    torch, _ = _libs()
    enabled = _amp_dtype(device) == torch.float16
    if hasattr(torch, "amp") and hasattr(torch.amp, "GradScaler"):
        return torch.amp.GradScaler("cuda", enabled=enabled)
    return torch.cuda.amp.GradScaler(enabled=enabled)  # pragma: no cover - torch < 2.3


def seed_everything(seed: int) -> None:
    torch, _ = _libs()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def device_name(device: torch.device) -> str:
    torch, _ = _libs()
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    return f"cpu ({torch.get_num_threads()} threads)"


def _pad(rows: list[list[int]], value: int, torch) -> Any:
    width = max((len(r) for r in rows), default=0)
    return torch.tensor([r + [value] * (width - len(r)) for r in rows], dtype=torch.long)


def _batch(ids: list[list[int]], pad_id: int, device, torch) -> dict:
    input_ids = _pad(ids, pad_id, torch)
    mask = _pad([[1] * len(r) for r in ids], 0, torch)
    return {"input_ids": input_ids.to(device), "attention_mask": mask.to(device)}


# -- data ------------------------------------------------------------------------------------
def segment_data(records: list[dict]) -> tuple[list[str], np.ndarray, list[str]]:
    """Segment inputs, a (n, 3) 0/1 label matrix over SEGMENT_KINDS, and each segment's plan id."""
    xs, _, groups = training_data(records, SEGMENT_KINDS[0])
    ys = np.zeros((len(xs), len(SEGMENT_KINDS)), dtype=np.float32)
    for j, kind in enumerate(SEGMENT_KINDS):
        xk, yk, _ = training_data(records, kind)
        assert xk == xs, "segment inputs differ between kinds"
        ys[:, j] = yk
    return xs, ys, groups


def gold_entities(record: dict) -> list[tuple[int, int, str]]:
    """The record's ACTOR/ROLE/PERSON/DATE spans, overlaps resolved longest first, by start."""
    spans = sorted(((s["start"], s["end"], s["label"]) for s in record["spans"] if s["label"] in NER_LABELS),
                   key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if all(e <= a or s >= b for a, b, _ in taken):
            taken.append((s, e, label))
    return sorted(taken)


def _encode_windows(tokenizer, text: str, max_length: int, stride: int) -> dict:
    """Overlapping token windows over a whole plan, with character offsets and special-token masks."""
    return tokenizer(text, truncation=True, max_length=max_length, stride=stride, return_overflowing_tokens=True,
                     return_offsets_mapping=True, return_special_tokens_mask=True)


def ner_windows(tokenizer, record: dict, max_length: int = NER_MAX_LENGTH, stride: int = NER_STRIDE
                ) -> list[tuple[list[int], list[int]]]:
    """(input ids, BIO label ids) per window of a record; -100 on special tokens."""
    text = record["text"]
    gold = gold_entities(record)
    owner = np.full(len(text) + 1, -1, dtype=np.int64)
    for i, (s, e, _) in enumerate(gold):
        owner[s:e] = i
    label_id = {label: i for i, label in enumerate(BIO)}
    enc = _encode_windows(tokenizer, text, max_length, stride)
    out = []
    for ids, offsets, special in zip(enc["input_ids"], enc["offset_mapping"], enc["special_tokens_mask"]):
        labels = []
        for (s, e), sp in zip(offsets, special):
            if sp or e <= s:
                labels.append(-100)
                continue
            hit = owner[s:e]
            hit = hit[hit >= 0]
            if not hit.size:
                labels.append(label_id["O"])
                continue
            gs, _, label = gold[int(hit[0])]
            labels.append(label_id[f"{'B' if s <= gs else 'I'}-{label}"])
        out.append((list(ids), labels))
    return out


def decode_bio(starts: np.ndarray, ends: np.ndarray, tags: np.ndarray) -> list[tuple[int, int, str]]:
    """Entity character spans from per-token BIO tags (tokens in text order); I- after O starts an entity."""
    spans: list[tuple[int, int, str]] = []
    current: list | None = None
    for s, e, t in zip(starts.tolist(), ends.tolist(), tags.tolist()):
        tag = BIO[t]
        if tag == "O":
            current = None
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and current is not None and current[2] == label:
            current[1] = e
            continue
        current = [s, e, label]
        spans.append(current)
    return [(s, e, label) for s, e, label in spans]


def _f1(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def entity_scores(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict:
    """Exact-match entity precision/recall/F1 per label and micro over all labels."""
    counts = {label: [0, 0, 0] for label in NER_LABELS}
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        for s in ps:
            counts[s[2]][0 if s in gs else 1] += 1
        for s in gs - ps:
            counts[s[2]][2] += 1
    out = {label: _f1(*c) for label, c in counts.items()}
    out["micro"] = _f1(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return out


def segment_scores(y: np.ndarray, probs: np.ndarray, threshold: float = 0.5) -> dict:
    """F1 (and precision/recall) per segment kind at `threshold`, and their mean."""
    out = {}
    for j, kind in enumerate(SEGMENT_KINDS):
        pred, gold = probs[:, j] >= threshold, y[:, j] >= 0.5
        out[kind] = _f1(int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum()))
    out["mean_f1"] = round(float(np.mean([out[k]["f1"] for k in SEGMENT_KINDS])), 4)
    return out


# -- inference ------------------------------------------------------------------------------
def predict_segments(model, tokenizer, inputs: list[str], device, batch_size: int = 64,
                     max_length: int = SEGMENT_MAX_LENGTH) -> np.ndarray:
    """(n, 3) probabilities over SEGMENT_KINDS; batches sorted by length, one forward pass each."""
    torch, _ = _libs()
    probs = np.zeros((len(inputs), len(SEGMENT_KINDS)), dtype=np.float32)
    if not inputs:
        return probs
    ids = tokenizer(inputs, truncation=True, max_length=max_length)["input_ids"]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    was_training = model.training
    model.eval()
    with torch.inference_mode(), _autocast(device):
        for a in range(0, len(order), batch_size):
            chunk = order[a:a + batch_size]
            logits = model(**_batch([ids[i] for i in chunk], tokenizer.pad_token_id, device, torch)).logits
            probs[chunk] = torch.sigmoid(logits.float()).cpu().numpy()
    model.train(was_training)
    return probs


def predict_entities(model, tokenizer, text: str, device, max_length: int = NER_MAX_LENGTH,
                     stride: int = NER_STRIDE, batch_size: int = 64) -> list[tuple[int, int, str]]:
    """Entity spans of a whole plan: all windows in one forward pass (per `batch_size`), the
    probabilities of tokens seen in two windows averaged, then BIO-decoded."""
    torch, _ = _libs()
    if not text.strip():
        return []
    enc = _encode_windows(tokenizer, text, max_length, stride)
    windows = enc["input_ids"]
    was_training = model.training
    model.eval()
    starts, ends, rows = [], [], []
    with torch.inference_mode(), _autocast(device):
        for a in range(0, len(windows), batch_size):
            logits = model(**_batch(windows[a:a + batch_size], tokenizer.pad_token_id, device, torch)).logits
            probs = torch.softmax(logits.float(), dim=-1).cpu().numpy()
            for w, p in enumerate(probs, start=a):
                for j, ((s, e), sp) in enumerate(zip(enc["offset_mapping"][w], enc["special_tokens_mask"][w])):
                    if not sp and e > s:
                        starts.append(s)
                        ends.append(e)
                        rows.append(p[j])
    model.train(was_training)
    if not rows:
        return []
    keys = np.array(starts, dtype=np.int64) * (len(text) + 1) + np.array(ends, dtype=np.int64)
    unique, inverse = np.unique(keys, return_inverse=True)
    summed = np.zeros((len(unique), len(BIO)), dtype=np.float64)
    np.add.at(summed, inverse, np.array(rows))
    return decode_bio(unique // (len(text) + 1), unique % (len(text) + 1), summed.argmax(axis=1))


# -- training -------------------------------------------------------------------------------
def _fine_tune(model, batches: Callable[[int], Iterable[tuple[dict, Any]]], steps_per_epoch: int,
               loss_fn: Callable, evaluate: Callable[[], tuple[float, dict]], *, device, epochs: int,
               patience: int, lr: float, weight_decay: float = 0.01, warmup: float = 0.1, name: str = "",
               log: Log = _stderr) -> dict:
    """AdamW with linear warm-up/decay; evaluate on dev after each epoch, keep the best weights,
    stop after `patience` epochs without improvement. Returns the training history."""
    torch, transformers = _libs()
    model.to(device)
    no_decay = ("bias", "LayerNorm.weight", "layer_norm.weight", "norm.weight")
    params = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
         "weight_decay": weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(params, lr=lr)
    total = max(1, steps_per_epoch * epochs)
    schedule = transformers.get_linear_schedule_with_warmup(optimizer, int(warmup * total), total)
    scaler = _grad_scaler(device)
    best_score, best_state, best_epoch, bad, best_details = -1.0, None, 0, 0, {}
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        start, losses = time.perf_counter(), []
        for inputs, target in batches(epoch):
            with _autocast(device):
                logits = model(**inputs).logits
            loss = loss_fn(logits.float(), target)
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            schedule.step()
            losses.append(float(loss.detach()))
        if device.type == "cuda":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        t0 = time.perf_counter()
        score, details = evaluate()
        history.append({"epoch": epoch, "train_loss": round(float(np.mean(losses)) if losses else 0.0, 4),
                        "dev_score": round(score, 4), "seconds": round(seconds, 2),
                        "eval_seconds": round(time.perf_counter() - t0, 2)})
        log(f"{name}: epok {epoch}, förlust {history[-1]['train_loss']:.4f}, dev {score:.3f}, {seconds:.1f} s")
        if score > best_score + 1e-6:
            best_score, best_epoch, bad = score, epoch, 0
            best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
            best_details = details
        else:
            bad += 1
            if bad >= patience:
                log(f"{name}: ingen förbättring på {patience} epoker; stoppar tidigt.")
                break
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    per_epoch = [h["seconds"] for h in history]
    return {"epochs_run": len(history), "best_epoch": best_epoch, "best_dev_score": round(best_score, 4),
            "seconds_per_epoch": round(float(np.mean(per_epoch)), 2), "history": history,
            "dev": best_details}


def _load_base(transformers, base_model: Path, kind: str):
    common = {"local_files_only": True, "ignore_mismatched_sizes": True}
    if kind == "segments":
        return transformers.AutoModelForSequenceClassification.from_pretrained(
            base_model, num_labels=len(SEGMENT_KINDS), problem_type="multi_label_classification",
            id2label=dict(enumerate(SEGMENT_KINDS)), label2id={k: i for i, k in enumerate(SEGMENT_KINDS)},
            **common)
    return transformers.AutoModelForTokenClassification.from_pretrained(
        base_model, num_labels=len(BIO), id2label=dict(enumerate(BIO)),
        label2id={k: i for i, k in enumerate(BIO)}, **common)


def train_segment_model(base_model: Path, tokenizer, train: list[dict], dev: list[dict], *, device, epochs: int,
                        patience: int, lr: float, batch_size: int, seed: int, log: Log = _stderr,
                        max_length: int = SEGMENT_MAX_LENGTH, name: str = "segment") -> tuple[Any, dict]:
    """Fine-tune the multi-label voice/goal/activity classifier; (model, training report)."""
    torch, transformers = _libs()
    seed_everything(seed)
    model = _load_base(transformers, base_model, "segments").to(device)
    xs, ys, _ = segment_data(train)
    dev_xs, dev_ys, _ = segment_data(dev)
    ids = tokenizer(xs, truncation=True, max_length=max_length)["input_ids"]
    positive = ys.sum(axis=0)
    # as class_weight="balanced" in the TF-IDF heads: positives weigh neg/pos, capped
    pos_weight = torch.tensor(np.clip((len(ys) - positive) / np.maximum(positive, 1), 1.0, 20.0),
                              dtype=torch.float32, device=device)
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    targets = torch.tensor(ys)

    def batches(epoch: int):
        order = np.random.default_rng(seed + epoch).permutation(len(ids))
        for a in range(0, len(order), batch_size):
            chunk = order[a:a + batch_size].tolist()
            inputs = _batch([ids[i] for i in chunk], tokenizer.pad_token_id, device, torch)
            yield inputs, targets[chunk].to(device)

    def evaluate():
        scores = segment_scores(dev_ys, predict_segments(model, tokenizer, dev_xs, device, max_length=max_length))
        return scores["mean_f1"], scores

    counts = ", ".join(f"{k} {int(p)}" for k, p in zip(SEGMENT_KINDS, positive))
    log(f"{name}: {len(xs)} segment i train ({counts} positiva), {len(dev_xs)} i dev")
    report = _fine_tune(model, batches, -(-len(ids) // batch_size), bce, evaluate, device=device, epochs=epochs,
                        patience=patience, lr=lr, name=name, log=log)
    report.update(train_segments=len(xs), dev_segments=len(dev_xs),
                  train_positives={k: int(p) for k, p in zip(SEGMENT_KINDS, positive)})
    return model, report


def train_ner_model(base_model: Path, tokenizer, train: list[dict], dev: list[dict], *, device, epochs: int,
                    patience: int, lr: float, batch_size: int, seed: int, log: Log = _stderr,
                    max_length: int = NER_MAX_LENGTH, stride: int = NER_STRIDE) -> tuple[Any, dict]:
    """Fine-tune the BIO token classifier over ACTOR, ROLE, PERSON, DATE; (model, training report)."""
    torch, transformers = _libs()
    seed_everything(seed)
    model = _load_base(transformers, base_model, "ner").to(device)
    windows = [w for r in train for w in ner_windows(tokenizer, r, max_length, stride)]
    gold_dev = [gold_entities(r) for r in dev]
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)

    def batches(epoch: int):
        order = np.random.default_rng(seed + epoch).permutation(len(windows))
        for a in range(0, len(order), batch_size):
            chunk = [windows[i] for i in order[a:a + batch_size]]
            inputs = _batch([ids for ids, _ in chunk], tokenizer.pad_token_id, device, torch)
            labels = _pad([labels for _, labels in chunk], -100, torch).to(device)
            yield inputs, labels

    def loss_fn(logits, labels):
        return ce(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))

    def evaluate():
        pred = [predict_entities(model, tokenizer, r["text"], device, max_length, stride) for r in dev]
        scores = entity_scores(gold_dev, pred)
        return scores["micro"]["f1"], scores

    log(f"ner: {len(windows)} fönster ({max_length} token, överlapp {stride}) från {len(train)} planer")
    report = _fine_tune(model, batches, -(-len(windows) // batch_size), loss_fn, evaluate, device=device,
                        epochs=epochs, patience=patience, lr=lr, name="ner", log=log)
    report.update(train_windows=len(windows), dev_entities=sum(len(g) for g in gold_dev))
    return model, report


def _out_of_fold_segment_probs(base_model: Path, tokenizer, train: list[dict], dev: list[dict], folds: int,
                               **kw) -> dict[str, np.ndarray]:
    """Per train plan, segment probabilities from a model fine-tuned without that plan (k folds by plan)."""
    from sklearn.model_selection import GroupKFold

    ids = [r["id"] for r in train]
    out: dict[str, np.ndarray] = {}
    for k, (fit_idx, held_idx) in enumerate(GroupKFold(folds).split(ids, groups=ids), start=1):
        model, _ = train_segment_model(base_model, tokenizer, [train[i] for i in fit_idx], dev,
                                       name=f"segment, veck {k}/{folds}", **kw)
        for i in held_idx:
            segs = [s for s in segments(train[i]["text"]) if not s.is_heading]
            inputs = [segment_input(s) for s in segs]
            out[train[i]["id"]] = predict_segments(model, tokenizer, inputs, kw["device"],
                                                   max_length=kw.get("max_length", SEGMENT_MAX_LENGTH))
        del model
    return out


def train_transformer(base_model: Path, train: list[dict], dev: list[dict], out: Path | None = None, *,
                      epochs: int = 8, patience: int = 2, lr: float = 5e-5, batch_size: int = 16,
                      ner_batch_size: int = 8, seed: int = 0, oof_folds: int = 0,
                      segment_max_length: int = SEGMENT_MAX_LENGTH, ner_max_length: int = NER_MAX_LENGTH,
                      ner_stride: int = NER_STRIDE,
                      c_grid: tuple[float, ...] = C_GRID, variants: tuple[str, ...] = VARIANTS,
                      device: str | None = None, log: Log = _stderr) -> Path:
    """Fine-tune the segment classifier and the NER from the local `base_model` directory, fit the
    criterion heads on their segment probabilities, and save everything to `out`
    (default models/transformer/). Returns the output directory.

    `oof_folds` >= 2 gives the criterion heads out-of-fold segment probabilities for the train
    plans (k extra fine-tunes); 0 uses the final model's in-sample predictions (recorded in
    metrics.json).
    """
    torch, transformers = _libs()
    started = time.perf_counter()
    base_model = _local_dir(base_model, "basmodellen")
    out = Path(out) if out else DEFAULT_DIR
    dev_ = pick_device(device)
    tokenizer = transformers.AutoTokenizer.from_pretrained(base_model, local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        raise ValueError(f"{base_model}: tokeniseraren är inte en snabb (Rust-)tokeniserare; NER behöver "
                         "teckenpositioner (offset mapping). Spara modellen med tokenizer.json.")
    amp = str(_amp_dtype(dev_)).replace("torch.", "") if _amp_dtype(dev_) else None
    log(f"Finjusterar {base_model.name} på {device_name(dev_)}{f' med blandad precision ({amp})' if amp else ''}; "
        f"{len(train)} train- och {len(dev)} dev-planer.")
    common = {"device": dev_, "epochs": epochs, "patience": patience, "lr": lr, "seed": seed, "log": log}
    segment_model, segment_report = train_segment_model(base_model, tokenizer, train, dev, batch_size=batch_size,
                                                        max_length=segment_max_length, **common)
    ner_model, ner_report = train_ner_model(base_model, tokenizer, train, dev, batch_size=ner_batch_size,
                                            max_length=ner_max_length, stride=ner_stride, **common)

    assessor = TransformerAssessor(c_grid=c_grid, variants=variants)
    assessor.attach(tokenizer, segment_model, ner_model, dev_)
    assessor.settings.update(segment_max_length=segment_max_length, ner_max_length=ner_max_length,
                             ner_stride=ner_stride)
    if oof_folds >= 2:
        assessor.train_segment_probs = _out_of_fold_segment_probs(
            base_model, tokenizer, train, dev, oof_folds, batch_size=batch_size, max_length=segment_max_length,
            **common)
        train_views = f"out-of-fold ({oof_folds} folds by plan)"
    else:
        train_views = "in-sample (the final segment model's predictions on the plans it was fine-tuned on)"
    log("Anpassar kriteriemodellerna på transformerns segmentsannolikheter …")
    t0 = time.perf_counter()
    assessor.fit(train, dev, version=f"{VERSION}:{base_model.name}", log=log)
    assessor.train_segment_probs = None
    criteria_seconds = time.perf_counter() - t0
    metrics = {
        "version": assessor.model_version,
        "base_model": base_model.name,
        "device": device_name(dev_),
        "mixed_precision": amp,
        "seed": seed,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "parameters": int(sum(p.numel() for p in segment_model.parameters())),
        "train_plans": len(train),
        "dev_plans": len(dev),
        "settings": assessor.settings,
        "segments": {"dev_f1": {k: segment_report["dev"][k]["f1"] for k in SEGMENT_KINDS}, **segment_report},
        "ner": {"dev_f1": {k: ner_report["dev"][k]["f1"] for k in (*NER_LABELS, "micro")}, **ner_report},
        "criteria": {"train_views": train_views, "seconds": round(criteria_seconds, 2),
                     "selection": assessor.meta.get("selection", {})},
        "total_seconds": round(time.perf_counter() - started, 2),
    }
    assessor.save(out, metrics)
    log(f"Segment dev-F1: {metrics['segments']['dev_f1']}; NER dev-F1: {metrics['ner']['dev_f1']}.")
    return out


# -- the assessor ---------------------------------------------------------------------------
class TransformerAssessor(TrainedAssessor):
    """The trained assessor with a fine-tuned transformer for segment probabilities and entities."""

    fit_workers = 1  # no forking a process that holds torch models

    def __init__(self, c_grid: tuple[float, ...] = C_GRID, variants: tuple[str, ...] = VARIANTS) -> None:
        super().__init__(c_grid, variants)
        self.tokenizer = None
        self.segment_model = None
        self.ner_model = None
        self.device = None
        self.settings = {"segment_max_length": SEGMENT_MAX_LENGTH, "ner_max_length": NER_MAX_LENGTH,
                         "ner_stride": NER_STRIDE}
        self.train_segment_probs: dict[str, np.ndarray] | None = None  # set only while fitting

    def attach(self, tokenizer, segment_model, ner_model, device) -> TransformerAssessor:
        self.tokenizer, self.device = tokenizer, device
        self.segment_model, self.ner_model = segment_model.to(device).eval(), ner_model.to(device).eval()
        return self

    # -- features -------------------------------------------------------------------------
    def segment_probs(self, segs: list[Segment]) -> dict[str, list[float]]:
        """Probability per segment and kind; all non-heading segments in one forward pass, headings 0."""
        body = [s for s in segs if not s.is_heading]
        probs = predict_segments(self.segment_model, self.tokenizer, [segment_input(s) for s in body], self.device,
                                 batch_size=max(1, len(body)), max_length=self.settings["segment_max_length"])
        return self._spread(segs, probs)

    @staticmethod
    def _spread(segs: list[Segment], probs: np.ndarray) -> dict[str, list[float]]:
        it = iter(probs.tolist())
        rows = [[0.0] * len(SEGMENT_KINDS) if s.is_heading else next(it) for s in segs]
        return {kind: [float(r[j]) for r in rows] for j, kind in enumerate(SEGMENT_KINDS)}

    def view(self, text: str) -> PlanView:
        ctx = rules.build_context(text)
        return PlanView(ctx, rules.assess_rules(ctx), self.segment_probs(ctx.segs))

    def _out_of_fold_views(self, records: list[dict], oof: dict | None = None) -> list[PlanView]:
        """Views of the plans: their out-of-fold probabilities where known (train plans with `oof_folds`),
        else the model's own (in-sample for train, early-stopping data for dev)."""
        known = self.train_segment_probs or {}
        views = []
        for r in records:
            if r["id"] not in known:
                views.append(self.view(r["text"]))
                continue
            ctx = rules.build_context(r["text"])
            probs = self._spread(ctx.segs, self.train_segment_probs[r["id"]])
            views.append(PlanView(ctx, rules.assess_rules(ctx), probs))
        return views

    def entities(self, text: str, plan_date: dt.date | None = None) -> list[Entity]:
        """The NER's entities with normalised actor names, ISO dates and the follow-up role."""
        from planqa.actors import normalise_actor
        from planqa.dates import DateMention, normalise
        from planqa.followup import follow_up_mentions

        spans = predict_entities(self.ner_model, self.tokenizer, text, self.device,
                                 max_length=self.settings["ner_max_length"], stride=self.settings["ner_stride"])
        out, dates = [], []
        for s, e, label in spans:
            surface = text[s:e]
            normalised = None
            if label == "ACTOR":
                normalised = normalise_actor(surface)
            elif label == "DATE":
                normalised, kind = normalise(surface, plan_date, before=text[max(0, s - 40):s])
                dates.append((len(out), DateMention(s, e, surface, normalised, kind)))
            out.append(Entity(start=s, end=e, label=label, text=surface, normalised=normalised))
        if dates:
            scored = follow_up_mentions(text, [m for _, m in dates], plan_date)
            for (i, _), (_, p) in zip(dates, scored):
                if p >= 0.5:
                    out[i] = out[i].model_copy(update={"role": "follow_up"})
        return out

    # -- prediction -----------------------------------------------------------------------
    @reads_plan_text
    def assess(self, plan: Plan) -> Assessment:
        torch, _ = _libs()
        with torch.inference_mode():
            base = super().assess(plan)
            plan_date = dt.date.fromisoformat(base.plan_date) if base.plan_date else None
            ents = self.entities(plan.text, plan_date)
        actors = sorted({e.normalised for e in ents if e.label == "ACTOR" and e.normalised})
        return base.model_copy(update={"entities": ents, "actors": actors,
                                       "coordinator": coordinator(plan.text, ents) or base.coordinator})

    # -- persistence ----------------------------------------------------------------------
    def save(self, directory: str | Path, metrics: dict | None = None) -> Path:
        """Models and tokenizer (save_pretrained, safetensors), criterion heads (arrays), metrics;
        a SHA-256 manifest in each folder."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for sub, model in ((SEGMENT_DIR, self.segment_model), (NER_DIR, self.ner_model)):
            model.save_pretrained(directory / sub, safe_serialization=True)
            self.tokenizer.save_pretrained(directory / sub)
            write_manifest(directory / sub)
        self.segment_vectorizers, self.segment_heads = [], None  # the TF-IDF segment heads are not used here
        super().save(directory / CRITERIA_DIR)
        (directory / SETTINGS_FILE).write_text(json.dumps(self.settings, indent=2), encoding="utf-8")
        if metrics is not None:
            (directory / METRICS_FILE).write_text(json.dumps(metrics, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")
        write_manifest(directory)
        return directory

    @classmethod
    def load(cls, directory: str | Path, device: str | None = None) -> TransformerAssessor:
        """Load a saved transformer backend; every file is checked against its manifest first."""
        _, transformers = _libs()
        directory = Path(directory)
        if not (directory / CRITERIA_DIR / MODEL_FILE).exists():
            raise FileNotFoundError(f"{directory}: ingen transformermodell finns här. Träna en med 'planqa train "
                                    "--backend transformer --base-model MAPP'.")
        for folder in (directory, directory / SEGMENT_DIR, directory / NER_DIR):
            verify_manifest(folder)
        heads = TrainedAssessor.load(directory / CRITERIA_DIR)
        self = cls()
        vars(self).update(vars(heads))  # criterion heads, meta and whatever else TrainedAssessor keeps
        if (directory / SETTINGS_FILE).exists():
            self.settings.update(json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8")))
        opts = {"local_files_only": True, "use_safetensors": True}
        tokenizer = transformers.AutoTokenizer.from_pretrained(directory / SEGMENT_DIR, local_files_only=True)
        segment_model = transformers.AutoModelForSequenceClassification.from_pretrained(directory / SEGMENT_DIR,
                                                                                        **opts)
        ner_model = transformers.AutoModelForTokenClassification.from_pretrained(directory / NER_DIR, **opts)
        return self.attach(tokenizer, segment_model, ner_model, pick_device(device))


def coordinator(text: str, ents: list[Entity]) -> str | None:
    """The normalised NER actor in the first segment that states the overall responsibility."""
    for seg in segments(text):
        if rules.OVERALL.search(seg.text):
            names = [e.normalised for e in ents
                     if e.label == "ACTOR" and e.normalised and seg.start <= e.start < seg.end]
            if names:
                return names[0]
    return None


# -- scratch models (tests, benchmarks) -----------------------------------------------------
SIZES = {
    "tiny": {"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 128},
    "base": {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 3072},
}


def build_scratch_model(directory: str | Path, texts: Iterable[str], size: str = "tiny",
                        vocab_size: int = 2000) -> Path:
    """A randomly initialised BERT with a WordPiece tokenizer trained on `texts`, saved as a local
    base model directory. For tests and benchmarks only: it is not pretrained."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

    _, transformers = _libs()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=specials, show_progress=False)
    tok.train_from_iterator(texts, trainer)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)])
    tok.decoder = decoders.WordPiece()
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                                cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                                model_max_length=512)
    fast.save_pretrained(directory)
    config = transformers.BertConfig(vocab_size=tok.get_vocab_size(), max_position_embeddings=512, **SIZES[size])
    transformers.BertModel(config).save_pretrained(directory)
    return directory


def benchmark(base_model: Path | None, size: str, train_plans: int, dev_plans: int, score_plans: int,
              epochs: int, out_json: Path | None = None, log: Log = _stderr) -> dict:
    """Fine-tune on a slice, then time scoring: transformer backend vs the default CPU pipeline."""
    import tempfile

    from planqa.assess import load_assessor
    from planqa.corpus import load_corpus

    records = load_corpus()
    train = [r for r in records if r["split"] == "train"][:train_plans]
    dev = [r for r in records if r["split"] == "dev"][:dev_plans]
    plans = [Plan(id=r["id"], text=r["text"]) for r in records if r["split"] == "test"][:score_plans]
    with tempfile.TemporaryDirectory() as tmp:
        if base_model is None:
            base_model = build_scratch_model(Path(tmp) / "base", (r["text"] for r in records), size,
                                             vocab_size=2000 if size == "tiny" else 30000)
        out = train_transformer(base_model, train, dev, Path(tmp) / "model", epochs=epochs, patience=epochs,
                                lr=5e-4 if size == "tiny" else 5e-5, c_grid=(1.0,), variants=("numeric+focus",),
                                log=log)
        metrics = json.loads((out / METRICS_FILE).read_text(encoding="utf-8"))
        assessor = TransformerAssessor.load(out)
        assessor.assess(plans[0])  # warm-up
        torch, _ = _libs()
        t0 = time.perf_counter()
        for p in plans:
            assessor.assess(p)
        if assessor.device.type == "cuda":
            torch.cuda.synchronize()
        transformer_rate = len(plans) / (time.perf_counter() - t0)
    default = load_assessor()
    default.assess(plans[0])
    t0 = time.perf_counter()
    for p in plans:
        default.assess(p)
    default_rate = len(plans) / (time.perf_counter() - t0)
    words = np.mean([len(p.text.split()) for p in plans])
    result = {
        "size": size, "device": metrics["device"], "mixed_precision": metrics["mixed_precision"],
        "parameters": metrics["parameters"], "train_plans": len(train), "dev_plans": len(dev),
        "segment_seconds_per_epoch": metrics["segments"]["seconds_per_epoch"],
        "ner_seconds_per_epoch": metrics["ner"]["seconds_per_epoch"],
        "train_segments": metrics["segments"]["train_segments"], "train_windows": metrics["ner"]["train_windows"],
        "criteria_seconds": metrics["criteria"]["seconds"],
        "score_plans": len(plans), "mean_words": round(float(words)),
        "transformer_plans_per_s": round(transformer_rate, 2),
        "default_backend": default.model_version, "default_plans_per_s": round(default_rate, 2),
        "dev_f1_segments": metrics["segments"]["dev_f1"], "dev_f1_ner": metrics["ner"]["dev_f1"],
    }
    if out_json:
        out_json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> None:
    """python -m planqa.transformer bench [--size tiny|base] [--base-model DIR] ..."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m planqa.transformer")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bench", help="Tid per epok och bedömningstakt för transformer-backenden.")
    b.add_argument("--size", choices=sorted(SIZES), default="tiny", help="storlek på en slumpinitierad BERT")
    b.add_argument("--base-model", type=Path, default=None, help="lokal förtränad modell i stället")
    b.add_argument("--train-plans", type=int, default=360)
    b.add_argument("--dev-plans", type=int, default=78)
    b.add_argument("--score-plans", type=int, default=76)
    b.add_argument("--epochs", type=int, default=1)
    b.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    result = benchmark(args.base_model, args.size, args.train_plans, args.dev_plans, args.score_plans,
                       args.epochs, args.json)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
