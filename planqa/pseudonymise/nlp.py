"""presidio's NLP side for Swedish: tokens, lemmas, and context enhancement.

Tokens come from a regex (`process_text`) or from a spaCy Doc the caller already has
(`artifacts_from_doc`); a spaCy pipeline can be given as an object or a local path, never as
a model name (presidio would try to download it). Lemmas come from `lexicon.lemma`, a lookup
of the words the recognizers' context lists use; stop words from spaCy's Swedish list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from planqa.pseudonymise.lexicon import lemma


class SwedishNlpEngine(SpacyNlpEngine):
    """presidio NlpEngine over a spaCy Swedish pipeline, built offline.

    `nlp`: a loaded spaCy `Language` to share (for example the NLP stage's pipeline);
    `path`: a local directory of a saved pipeline. With neither, no spaCy pipeline is built.
    """

    engine_name = "planqa-sv"

    def __init__(self, nlp: Language | None = None, path: str | Path | None = None) -> None:
        if path is not None and not Path(path).exists():
            raise FileNotFoundError("spaCy-pipelinen finns inte på den angivna sökvägen")
        super().__init__(
            models=[{"lang_code": "sv", "model_name": str(path) if path else "blank:sv"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PER": "PERSON", "PRS": "PERSON", "PERSON": "PERSON"},
                labels_to_ignore=[],
            ),
        )
        self._given = nlp
        self._path = Path(path) if path else None

    def load(self) -> None:
        """Load a given or saved pipeline; the default needs none (`process_text` tokenizes by regex)."""
        if self._given is not None:
            self.nlp = {"sv": self._given}
        elif self._path is not None:
            self.nlp = {"sv": spacy.load(self._path)}
        else:
            self.nlp = {}  # spacy.blank("sv") would cost 0.25 s at every start for nothing

    def get_supported_languages(self) -> list[str]:
        return ["sv"]  # also without a spaCy pipeline (the base class asks for a non-empty self.nlp)

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokens by a regex (words with inner hyphens/dots, or single symbols), made on first use.

        Several times faster than the spaCy tokenizer, and all the recognizers and the
        context enhancer need. To share the NLP stage's tokenisation, pass
        `artifacts_from_doc(doc)` to the analyzer instead.
        """
        return RegexTokenArtifacts(text, self)

    def artifacts_from_doc(self, doc: Doc) -> NlpArtifacts:
        """NlpArtifacts from an already processed spaCy Doc (one tokenisation shared with the NLP stage).

        Entities of the Doc are not used: planqa's recognizers do not read spaCy NER.
        Lemmas are looked up lazily by the context enhancer (`lexicon.lemma`).
        """
        return NlpArtifacts(entities=[], tokens=[t.text for t in doc], tokens_indices=[t.idx for t in doc],
                            lemmas=[], nlp_engine=self, language="sv", scores=[])

    def is_stopword(self, word: str, language: str) -> bool:
        return word in STOP_WORDS

    def is_punct(self, word: str, language: str) -> bool:
        return bool(word) and all(not ch.isalnum() for ch in word)


_TOKEN_RE = re.compile(r"\w+(?:[-.:@/']\w+)*|[^\w\s]")


class RegexTokenArtifacts(NlpArtifacts):
    """NlpArtifacts whose tokens (`_TOKEN_RE`) are made when first read.

    Only the context enhancer reads them, and only for a plan with a finding of a recognizer
    with context words: most plans are never tokenised.
    """

    def __init__(self, text: str, nlp_engine: SwedishNlpEngine) -> None:
        self._text = text
        super().__init__(entities=[], tokens=None, tokens_indices=None, lemmas=[], nlp_engine=nlp_engine,
                         language="sv", scores=[])

    def _tokenise(self) -> None:
        self._tokens, self._indices = [], []
        for m in _TOKEN_RE.finditer(self._text):
            self._tokens.append(m.group())
            self._indices.append(m.start())

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokenise()
        return self._tokens

    @tokens.setter
    def tokens(self, value: list[str] | None) -> None:
        self._tokens = value

    @property
    def tokens_indices(self) -> list[int]:
        if self._indices is None:
            self._tokenise()
        return self._indices

    @tokens_indices.setter
    def tokens_indices(self, value: list[int] | None) -> None:
        self._indices = value


class SwedishContextEnhancer(ContextAwareEnhancer):
    """Raise a result's score when a context word of its recognizer stands near it.

    Whole-word comparison of lemmas (so "tel" does not match "hotell"), a window of
    `prefix` tokens before and `suffix` after the match. Logs nothing about the text.
    """

    def __init__(self, factor: float = 0.35, min_score: float = 0.4, prefix: int = 6, suffix: int = 3) -> None:
        super().__init__(context_similarity_factor=factor, min_score_with_context_similarity=min_score,
                         context_prefix_count=prefix, context_suffix_count=suffix)

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                              nlp_artifacts: NlpArtifacts, recognizers: list[EntityRecognizer],
                              context: list[str] | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None or not raw_results:
            return raw_results
        by_id = {r.id: r for r in recognizers}
        extra = {w.lower() for w in context or []}
        for result in raw_results:
            meta = result.recognition_metadata or {}
            rec = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if rec is None or not rec.context or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            # read here, not before the loop: a plan without such findings is never tokenised
            idx, tokens = nlp_artifacts.tokens_indices, nlp_artifacts.tokens
            first = bisect_left(idx, result.start)
            last = bisect_left(idx, result.end)
            window = [str(t) for t in tokens[max(0, first - self.context_prefix_count):first]]
            window += [str(t) for t in tokens[last:last + self.context_suffix_count]]
            words = {lemma(w) for w in window} | extra
            if words & _context_set(rec):
                result.score = min(max(result.score + self.context_similarity_factor,
                                       self.min_score_with_context_similarity), ContextAwareEnhancer.MAX_SCORE)
                meta[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return raw_results


def _context_set(rec: EntityRecognizer) -> frozenset[str]:
    cached = getattr(rec, "_planqa_context", None)
    if cached is None:
        cached = frozenset(lemma(w) for w in rec.context)
        rec._planqa_context = cached
    return cached
