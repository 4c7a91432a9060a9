"""Evidence retrieval: which summary sentences speak about a plan task.

Two TF-IDF spaces are combined.  Character 2-3-grams catch shared wording even where jieba
cuts differently; jieba words, with the generic words of every plan (开展, 全年, 工作) left
out and each synonym group of the concept lexicon added as one more token, catch paraphrase:
a task about 讲党课 and a sentence about 作专题辅导 share the token 〔党课〕.  A pair that shares
no content word at all is scored down, which keeps 食品安全抽检 away from a 作风 task that
only shares 检查 and 全年."""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer

from .. import lexicon
from ..segment import fast_segmenter

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NOT_CHARS = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")
# How much and how often, not what: 每季度, 不少, 四次, 3篇.
_QUANTITY = re.compile(r"^(?:每|全年|不少|不低|至少|累计)|[0-9０-９]|^[一二三四五六七八九十两]+[次个项名篇期场批人]$")


def words(text: str) -> list[str]:
    """Content words and concept tokens of a text."""
    generic = lexicon.generic_words()
    concepts = lexicon.concepts()
    out = [w for w in fast_segmenter().cut(text, False)
           if len(w) >= 2 and w not in generic and _KEEP.search(w) and not _QUANTITY.search(w)]
    out += ["〔" + concepts.of[m.group()] + "〕" for m in concepts.regex.finditer(text)]
    return out


def char_ngrams(text: str, sizes: tuple[int, int] = (2, 3)) -> list[str]:
    """Character n-grams of each run of CJK or Latin letters, padded with a space at both ends
    (scikit-learn's char_wb); digits and punctuation separate runs."""
    lo, hi = sizes
    out: list[str] = []
    for run in _NOT_CHARS.split(text):
        if not run:
            continue
        run = f" {run} "  # a run's first and last characters make grams of their own (开 , 次 )
        for n in range(lo, hi + 1):
            out.extend(run[i:i + n] for i in range(len(run) - n + 1))
    return out


class EvidenceAligner(BaseEstimator):
    """Scores (query, sentence) pairs in [0, 1].

    Parameters
    ----------
    char_weight : share of the character n-gram similarity in the score (the rest is words).
    ngram_range : character n-gram sizes.
    no_content_factor : multiplies the score of a pair that shares no content word or concept.
    """

    def __init__(self, char_weight: float = 0.5, ngram_range: tuple[int, int] = (2, 3),
                 no_content_factor: float = 0.5) -> None:
        self.char_weight = char_weight
        self.ngram_range = ngram_range
        self.no_content_factor = no_content_factor

    def _check(self) -> None:
        if not 0.0 <= self.char_weight <= 1.0:
            raise ValueError(f"char_weight must be between 0 and 1, got {self.char_weight!r}")
        if not 0.0 <= self.no_content_factor <= 1.0:
            raise ValueError(f"no_content_factor must be between 0 and 1, got {self.no_content_factor!r}")
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi:
            raise ValueError(f"ngram_range must be (low, high) with 1 <= low <= high, got {self.ngram_range!r}")

    def fit(self, sentences: Sequence[str], y=None) -> "EvidenceAligner":
        """Learn both vocabularies and their IDF from the documents' sentences."""
        self._check()
        if isinstance(sentences, str) or not len(sentences):
            raise ValueError("fit needs a non-empty list of sentences")
        texts = list(sentences)  # repeats count in the IDF, as they occur in the documents
        self._memo: dict[tuple[str, str], list[str]] = {}  # each text is analysed once
        # The vocabularies are built here in first-seen order and handed over, which spares
        # TfidfVectorizer its alphabetical sort (a third of the fitting time).
        char_vocab = dict.fromkeys(g for t in texts for g in self._grams(t))
        word_vocab = dict.fromkeys(w for t in texts for w in self._words(t))
        self.char_vectorizer_ = TfidfVectorizer(analyzer=self._grams, sublinear_tf=True, dtype=np.float32, lowercase=False,
                                                vocabulary={g: i for i, g in enumerate(char_vocab)})
        self.word_vectorizer_ = TfidfVectorizer(analyzer=self._words, sublinear_tf=True, dtype=np.float32, lowercase=False,
                                                vocabulary={w: i for i, w in enumerate(word_vocab)}) \
            if word_vocab else None
        self._rows = {}
        for i, t in enumerate(texts):
            self._rows.setdefault(t, i)
        self._fitted_char = self.char_vectorizer_.fit_transform(texts)
        # No content word anywhere: words cannot help, characters still can.
        self._fitted_word = self.word_vectorizer_.fit_transform(texts) if self.word_vectorizer_ else None
        return self

    def _words(self, text: str) -> list[str]:
        got = self._memo.get(("w", text))
        if got is None:
            got = self._memo["w", text] = words(text)
        return got

    def _grams(self, text: str) -> list[str]:
        got = self._memo.get(("c", text))
        if got is None:
            got = self._memo["c", text] = char_ngrams(text, self.ngram_range)
        return got

    def transform(self, texts: Sequence[str]):
        if not hasattr(self, "char_vectorizer_"):
            raise ValueError("EvidenceAligner is not fitted yet: call fit(sentences) first")
        # Texts seen in fit keep the rows computed there; only new ones are analysed.
        texts = list(texts)
        new = list(dict.fromkeys(t for t in texts if t not in self._rows))
        at = {t: i for i, t in enumerate(new)}
        fitted_n = self._fitted_char.shape[0]
        pick = [self._rows[t] if t in self._rows else fitted_n + at[t] for t in texts]

        def rows(vectorizer, fitted):
            if vectorizer is None:
                return None
            m = sp.vstack([fitted, vectorizer.transform(new)], format="csr") if new else fitted
            return m[pick]

        return rows(self.char_vectorizer_, self._fitted_char), rows(self.word_vectorizer_, self._fitted_word)

    def score(self, queries: Sequence[str], sentences: Sequence[str]) -> np.ndarray:
        """Similarity of every query to every sentence, shape (len(queries), len(sentences))."""
        qc, qw = self.transform(queries)
        sc, sw = self.transform(sentences)
        char_sim = (qc @ sc.T).toarray()
        if qw is None:
            return char_sim * self.no_content_factor
        word_sim = (qw @ sw.T).toarray()
        score = self.char_weight * char_sim + (1.0 - self.char_weight) * word_sim
        return np.where(word_sim > 0, score, score * self.no_content_factor)
