"""numpy TF-IDF and linear heads give the same numbers as scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from planqa.vectors import Tfidf, concat, dense, linear_scores, linear_scores_many, to_csr

DOCS = [
    "Mål: [BARN] ska gå i skolan fyra dagar i veckan till v. 12.",
    "BUP:s psykolog träffar [BARN] varannan vecka. Ansvarig: BUP.",
    "Jag vill ha en lugn plats på rasten, säger [BARN].",
    "Uppföljning 2025-03-14 kl 13.00, socialtjänsten kallar.",
    "Vårdnadshavarna samtycker till informationsöverföring mellan skola och BUP.",
    "a I ö å ä Ö",
]
VECTORIZERS = [
    TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True),
    TfidfVectorizer(ngram_range=(1, 1), lowercase=False),
    TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=1, sublinear_tf=True, max_features=300),
    TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3)),
]


def as_dense(features, size):
    out = np.zeros(size)
    out[features[0]] = features[1]
    return out


@pytest.mark.parametrize("vectorizer", VECTORIZERS, ids=lambda v: f"{v.analyzer}{v.ngram_range}")
@given(text=st.text(alphabet=st.sampled_from(list("abc åäöÅÄ:.-[]\n\t 12")), max_size=60))
@settings(max_examples=60, deadline=None)
def test_features_equal_scikit_learn(vectorizer, text):
    vectorizer.fit(DOCS)
    ours = Tfidf.from_sklearn(vectorizer)
    for doc in [*DOCS, text]:
        expected = vectorizer.transform([doc]).toarray()[0]
        assert np.allclose(as_dense(ours.features(doc), ours.size), expected, atol=1e-12)


def test_state_round_trip_and_unsupported_options():
    vectorizer = VECTORIZERS[0].fit(DOCS)
    ours = Tfidf.from_sklearn(vectorizer)
    settings_, arrays = ours.to_state()
    again = Tfidf.from_state(settings_, arrays)
    assert again.vocabulary == ours.vocabulary and np.array_equal(again.idf, ours.idf)
    with pytest.raises(ValueError, match="not supported"):
        Tfidf.from_sklearn(TfidfVectorizer(stop_words=["och"]).fit(DOCS))
    with pytest.raises(ValueError, match="not supported"):
        Tfidf.from_sklearn(TfidfVectorizer(norm="l1").fit(DOCS))


def test_linear_scores_over_concatenated_blocks_equal_scikit_learn():
    words, chars = (Tfidf.from_sklearn(v.fit(DOCS)) for v in VECTORIZERS[:3:2])
    rows = [concat([dense([i, -i / 2]), words.features(d), chars.features(d)], [2, words.size, chars.size])
            for i, d in enumerate(DOCS)]
    x = to_csr(rows, 2 + words.size + chars.size)
    model = LogisticRegression().fit(x, [0, 1, 2, 0, 1, 2])
    ours = np.array([linear_scores(model.coef_, model.intercept_, r) for r in rows])
    assert np.allclose(ours, model.decision_function(x))


@pytest.mark.parametrize("vectorizer", VECTORIZERS, ids=lambda v: f"{v.analyzer}{v.ngram_range}")
def test_features_of_many_texts_equal_scikit_learn_row_by_row(vectorizer):
    ours = Tfidf.from_sklearn(vectorizer.fit(DOCS))
    texts = [*DOCS, "", "   ", "zzz qqq"]  # rows without any known term stay empty
    rows, cols, values = ours.features_many(texts)
    got = np.zeros((len(texts), ours.size))
    got[rows, cols] = values
    assert np.allclose(got, vectorizer.transform(texts).toarray(), atol=1e-12)
    assert ours.features_many([])[0].size == 0


def test_linear_scores_of_many_rows_equal_scikit_learn():
    words, chars = (Tfidf.from_sklearn(v.fit(DOCS)) for v in VECTORIZERS[:3:2])
    x = to_csr([concat([words.features(d), chars.features(d)], [words.size, chars.size]) for d in DOCS],
               words.size + chars.size)
    model = LogisticRegression().fit(x, [0, 1, 2, 0, 1, 2])
    ours = linear_scores_many(model.coef_, model.intercept_, len(DOCS),
                              [words.features_many(DOCS), chars.features_many(DOCS)], [words.size, chars.size])
    assert np.allclose(ours, model.decision_function(x))
