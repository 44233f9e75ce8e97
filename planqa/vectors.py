"""TF-IDF features and linear heads at prediction time, with numpy only.

Training fits scikit-learn's `TfidfVectorizer` and `LogisticRegression`; `Tfidf.from_sklearn`
and the head dicts keep just their arrays. Scoring then needs neither scikit-learn nor scipy
(2-6 s of imports and, per call, more validation than arithmetic), and a saved model is plain
arrays plus vocabularies: numpy's `.npz` without pickle and JSON.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import chain

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_WHITE_SPACES = re.compile(r"\s\s+")

Features = tuple[np.ndarray, np.ndarray]  # column indices, values


@dataclass
class Tfidf:
    """A fitted TF-IDF vectorizer: same features as scikit-learn's, from its vocabulary and idf."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    lowercase: bool
    sublinear_tf: bool
    vocabulary: dict[str, int]
    idf: np.ndarray
    _word_columns: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_sklearn(cls, vectorizer) -> "Tfidf":
        """The arrays of a fitted `TfidfVectorizer` with the options planqa uses (checked)."""
        params = vectorizer.get_params()
        expected = {"analyzer": params["analyzer"], "token_pattern": r"(?u)\b\w\w+\b", "norm": "l2", "use_idf": True,
                    "strip_accents": None, "stop_words": None, "preprocessor": None, "tokenizer": None,
                    "binary": False}
        unsupported = {k: params[k] for k, v in expected.items() if params[k] != v}
        if unsupported or params["analyzer"] not in ("word", "char_wb"):
            raise ValueError(f"TfidfVectorizer options not supported at prediction time: {unsupported}")
        return cls(params["analyzer"], tuple(params["ngram_range"]), params["lowercase"], params["sublinear_tf"],
                   {term: int(i) for term, i in vectorizer.vocabulary_.items()}, np.asarray(vectorizer.idf_))

    @property
    def size(self) -> int:
        return len(self.idf)

    def terms(self, text: str) -> list[str]:
        """The n-grams of `text`, as scikit-learn's analyzer makes them."""
        if self.lowercase:
            text = text.lower()
        low, high = self.ngram_range
        out: list[str] = []
        if self.analyzer == "word":
            tokens = _TOKEN.findall(text)
            for n in range(low, min(high, len(tokens)) + 1):
                out += tokens if n == 1 else [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
            return out
        for word in _WHITE_SPACES.sub(" ", text).split():
            word = f" {word} "
            for n in range(low, high + 1):
                if len(word) <= n:  # a short word counts once, whole
                    out.append(word)
                    break
                out += [word[i:i + n] for i in range(len(word) - n + 1)]
        return out

    def features(self, text: str) -> Features:
        """L2-normalised TF-IDF weights of the vocabulary terms in `text`."""
        columns = self._columns(text)
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols, tf = np.unique(np.array(columns, dtype=np.int64), return_counts=True)
        values = (np.log(tf) + 1.0 if self.sublinear_tf else tf.astype(float)) * self.idf[cols]
        norm = math.sqrt(float(values @ values))
        return cols, (values / norm if norm > 0 else values)

    def features_many(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`features` of many texts in one numpy pass: (row, column, value) arrays, rows in order."""
        columns = [self._columns(t) for t in texts]
        lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
        if not lengths.sum():
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        flat = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=int(lengths.sum()))
        keys, tf = np.unique(np.repeat(np.arange(len(texts), dtype=np.int64), lengths) * self.size + flat,
                             return_counts=True)
        rows, cols = np.divmod(keys, self.size)
        values = (np.log(tf) + 1.0 if self.sublinear_tf else tf.astype(float)) * self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts)))
        return rows, cols, values / np.where(norms > 0, norms, 1.0)[rows]

    def _columns(self, text: str) -> list[int]:
        """Vocabulary columns of the terms of `text`, one per occurrence."""
        if self.analyzer == "char_wb":
            return self._char_columns(text.lower() if self.lowercase else text)
        return [j for j in map(self.vocabulary.get, self.terms(text)) if j is not None]

    def _char_columns(self, text: str) -> list[int]:
        """Vocabulary columns of the character n-grams of each word (they never cross words: cached per word)."""
        cache, vocabulary, out = self._word_columns, self.vocabulary, []
        for word in text.split():
            columns = cache.get(word)
            if columns is None:
                columns = [j for j in map(vocabulary.get, self.terms(word)) if j is not None]
                if len(cache) >= 200_000:
                    cache.clear()
                cache[word] = columns
            out += columns
        return out

    def to_state(self) -> tuple[dict, dict[str, np.ndarray]]:
        """JSON-able settings and vocabulary (terms in column order) plus the idf array."""
        terms = [""] * len(self.vocabulary)
        for term, j in self.vocabulary.items():
            terms[j] = term
        return ({"analyzer": self.analyzer, "ngram_range": list(self.ngram_range), "lowercase": self.lowercase,
                 "sublinear_tf": self.sublinear_tf, "terms": terms}, {"idf": self.idf})

    @classmethod
    def from_state(cls, settings: dict, arrays: dict[str, np.ndarray]) -> "Tfidf":
        return cls(settings["analyzer"], tuple(settings["ngram_range"]), settings["lowercase"],
                   settings["sublinear_tf"], {t: j for j, t in enumerate(settings["terms"])}, arrays["idf"])


def concat(parts: list[Features], sizes: list[int]) -> Features:
    """Feature blocks side by side (each block's columns shifted by the sizes before it)."""
    offsets = np.cumsum([0, *sizes[:-1]])
    cols = np.concatenate([c + o for (c, _), o in zip(parts, offsets)]) if parts else np.zeros(0, dtype=np.int64)
    vals = np.concatenate([v for _, v in parts]) if parts else np.zeros(0)
    return cols, vals


def dense(values: np.ndarray) -> Features:
    """A dense vector as features (every column present)."""
    return np.arange(len(values), dtype=np.int64), np.asarray(values, dtype=float)


def linear_scores(coef: np.ndarray, intercept: np.ndarray, x: Features) -> np.ndarray:
    """coef @ x + intercept for one sparse row x."""
    cols, vals = x
    return coef[:, cols] @ vals + intercept


def linear_scores_many(coef: np.ndarray, intercept: np.ndarray, n_rows: int,
                       blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]], sizes: list[int]) -> np.ndarray:
    """coef @ x + intercept for n_rows sparse rows given as (row, column, value) blocks side by side."""
    out = np.tile(intercept, (n_rows, 1)).astype(float)
    for (rows, cols, values), offset in zip(blocks, np.cumsum([0, *sizes[:-1]])):
        for k in range(coef.shape[0]):
            out[:, k] += np.bincount(rows, weights=coef[k, cols + offset] * values, minlength=n_rows)
    return out


def to_csr(rows: list[Features], n_features: int):
    """Rows as a scipy CSR matrix (training only: scikit-learn's estimators want one)."""
    from scipy.sparse import csr_matrix

    indptr = np.cumsum([0, *(len(c) for c, _ in rows)])
    cols = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
    vals = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
    return csr_matrix((vals, cols, indptr), shape=(len(rows), n_features))
