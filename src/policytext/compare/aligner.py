"""Evidence retrieval: which summary sentences speak about a plan task.

Two TF-IDF spaces are combined.  Character 2-3-grams catch shared wording even where jieba
cuts differently; jieba words, with the generic words of every plan (开展, 全年, 工作) left
out and each synonym group of the concept lexicon added as one more token, catch paraphrase:
a task about 讲党课 and a sentence about 作专题辅导 share the token 〔党课〕.  A pair that shares
no content word at all is scored down, which keeps 食品安全抽检 away from a 作风 task that
only shares 检查 and 全年."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator

from .. import lexicon
from ..segment import fast_segmenter

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NOT_CHARS = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")
# How much and how often, not what: 每季度, 不少, 四次, 3篇.
_QUANTITY = re.compile(r"^(?:每|全年|不少|不低|至少|累计)|[0-9０-９]|^[一二三四五六七八九十两]+[次个项名篇期场批人]$")


@lru_cache(maxsize=1 << 16)
def _content(w: str) -> bool:
    return len(w) >= 2 and w not in lexicon.generic_words() and bool(_KEEP.search(w)) and not _QUANTITY.search(w)


def words(text: str) -> list[str]:
    """Content words and concept tokens of a text."""
    concepts = lexicon.concepts()
    out = [w for w in fast_segmenter().cut(text, False) if _content(w)]
    out += ["〔" + concepts.of[m.group()] + "〕" for m in concepts.regex.finditer(text)]
    return out


_BITS = 21  # every code point fits in 21 bits, so three of them make one 63-bit n-gram code
_SPACE = 32


def char_gram_codes(texts: Sequence[str], sizes: tuple[int, int] = (2, 3)) -> tuple[np.ndarray, np.ndarray]:
    """(row, code) of the character n-grams of every text, each gram's code points packed into
    one uint64.  The grams are scikit-learn's char_wb grams: those of each run of CJK or Latin
    letters padded with a space at both ends (开 , 次 are grams of their own), digits and
    punctuation separating runs; 1-grams are letters only.  The texts are padded, joined and
    cut in one pass of array operations instead of one Python slice per gram."""
    lo, hi = sizes
    cleaned = [_NOT_CHARS.sub(" ", t) for t in texts]
    joined = "".join(f" {t} " for t in cleaned)
    lengths = [len(t) + 2 for t in cleaned]
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    row_of = np.repeat(np.arange(len(texts)), lengths)
    rows, codes = [], []
    for n in range(lo, hi + 1):
        m = len(cps) - n + 1
        if m <= 0:
            continue
        code = np.zeros(m, dtype=np.uint64)
        for k in range(n):
            code = (code << np.uint64(_BITS)) | cps[k:k + m]
        # char_wb grams never hold a space inside, nor consist of spaces only: such a gram
        # would straddle two runs, or two texts.
        ok = np.ones(m, dtype=bool)
        for k in range(1, n - 1):
            ok &= cps[k:k + m] != _SPACE
        if n == 1:
            ok &= cps[:m] != _SPACE
        elif n == 2:
            ok &= (cps[:m] != _SPACE) | (cps[1:1 + m] != _SPACE)
        rows.append(row_of[:m][ok])
        codes.append(code[ok])
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    return np.concatenate(rows), np.concatenate(codes)


class Tfidf:
    """TF-IDF computed as scikit-learn's TfidfVectorizer(sublinear_tf=True) does (smooth idf,
    l2 rows; a test holds the two equal), over tokens the caller has already coded: strings
    through a dict, or integer codes (char n-grams) through a sorted array.  Counting and
    weighting are whole-array numpy operations: TfidfVectorizer's per-document Python loop
    was half the time of a comparison."""

    def fit_transform(self, token_lists: Sequence[Sequence[str]]) -> sp.csr_matrix:
        vocab: dict[str, int] = {}
        ids = [vocab.setdefault(t, len(vocab)) for toks in token_lists for t in toks]
        self.vocabulary_ = vocab
        rows = np.repeat(np.arange(len(token_lists)), [len(t) for t in token_lists])
        return self._fit(rows, np.asarray(ids, dtype=np.int64), len(token_lists), len(vocab))

    def transform(self, token_lists: Sequence[Sequence[str]]) -> sp.csr_matrix:
        vocab = self.vocabulary_
        coded = [[vocab[t] for t in toks if t in vocab] for toks in token_lists]
        rows = np.repeat(np.arange(len(coded)), [len(c) for c in coded])
        return self._weigh(self._counts(rows, np.asarray([i for c in coded for i in c], dtype=np.int64),
                                        len(coded)))

    def fit_codes(self, rows: np.ndarray, codes: np.ndarray, n: int) -> sp.csr_matrix:
        self.codes_, ids = np.unique(codes, return_inverse=True)
        return self._fit(rows, ids.reshape(-1), n, len(self.codes_))

    def transform_codes(self, rows: np.ndarray, codes: np.ndarray, n: int) -> sp.csr_matrix:
        at = np.searchsorted(self.codes_, codes)
        known = at < len(self.codes_)
        known[known] = self.codes_[at[known]] == codes[known]
        return self._weigh(self._counts(rows[known], at[known], n))

    def _fit(self, rows: np.ndarray, ids: np.ndarray, n: int, n_features: int) -> sp.csr_matrix:
        self.n_features_ = n_features
        m = self._counts(rows, ids, n)
        df = np.bincount(m.indices, minlength=n_features)
        self.idf_ = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        return self._weigh(m)

    def _counts(self, rows: np.ndarray, ids: np.ndarray, n: int) -> sp.csr_matrix:
        m = sp.csr_matrix((np.ones(len(ids), dtype=np.float32), (rows, ids)), shape=(n, self.n_features_))
        m.sum_duplicates()
        return m

    def _weigh(self, m: sp.csr_matrix) -> sp.csr_matrix:
        np.log(m.data, out=m.data)
        m.data += 1.0
        m.data *= self.idf_[m.indices]
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        norms = np.sqrt(np.bincount(rows, weights=m.data.astype(np.float64) ** 2, minlength=m.shape[0]))
        m.data /= norms[rows].astype(np.float32)
        return m


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
        if not 1 <= lo <= hi <= 3:
            raise ValueError(f"ngram_range must be (low, high) with 1 <= low <= high <= 3, got {self.ngram_range!r}")

    def fit(self, sentences: Sequence[str], y=None) -> "EvidenceAligner":
        """Learn both vocabularies and their IDF from the documents' sentences."""
        self._check()
        if isinstance(sentences, str) or not len(sentences):
            raise ValueError("fit needs a non-empty list of sentences")
        texts = list(sentences)  # repeats count in the IDF, as they occur in the documents
        self._memo: dict[tuple[str, str], list[str]] = {}  # each text is analysed once
        self._rows: dict[str, int] = {}
        for i, t in enumerate(texts):
            self._rows.setdefault(t, i)
        self.char_vectorizer_ = Tfidf()
        self._fitted_char = self.char_vectorizer_.fit_codes(*char_gram_codes(texts, self.ngram_range), len(texts))
        word_lists = [self._words(t) for t in texts]
        # No content word anywhere: words cannot help, characters still can.
        self.word_vectorizer_ = Tfidf() if any(word_lists) else None
        self._fitted_word = self.word_vectorizer_.fit_transform(word_lists) if self.word_vectorizer_ else None
        return self

    def _words(self, text: str) -> list[str]:
        got = self._memo.get(("w", text))
        if got is None:
            got = self._memo["w", text] = words(text)
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
            if new:
                added = vectorizer.transform_codes(*char_gram_codes(new, self.ngram_range), len(new)) \
                    if vectorizer is self.char_vectorizer_ else vectorizer.transform([self._words(t) for t in new])
                fitted = sp.vstack([fitted, added], format="csr")
            return fitted[pick]

        return rows(self.char_vectorizer_, self._fitted_char), rows(self.word_vectorizer_, self._fitted_word)

    def score(self, queries: Sequence[str], sentences: Sequence[str]) -> np.ndarray:
        """Similarity of every query to every sentence, shape (len(queries), len(sentences))."""
        return self.score_against(queries, self.against(sentences))

    def against(self, sentences: Sequence[str]) -> tuple:
        """The sentences' vectors, transposed once, for score_against: scoring queries in blocks
        against the same sentences does not transform them again for every block."""
        sc, sw = self.transform(sentences)
        return sc.T.tocsr(), (sw.T.tocsr() if sw is not None else None)

    def score_sparse(self, queries: Sequence[str], against: tuple, prune: float = 0.0):
        """score_against as a sparse matrix (CSR), without the pairs scoring under prune: the
        same values where kept, in memory that grows with the pairs that share something."""
        sc_t, sw_t = against
        qc, qw = self.transform(queries)
        char = (qc @ sc_t).tocsr()
        if qw is None:
            return _pruned(char * self.no_content_factor, prune)
        word = (qw @ sw_t).tocsr()
        cw, f = self.char_weight, self.no_content_factor
        # Where a content word is shared: cw x char + (1 - cw) x word; where none is: cw x f x
        # char, which is never more, so the maximum of the two parts is the score everywhere.
        pattern = sp.csr_matrix((np.ones(word.nnz, dtype=bool), word.indices, word.indptr), shape=word.shape)
        shared = _pruned(char.multiply(pattern) * cw + word * (1.0 - cw), prune)
        char.data *= cw * f  # in place: char is not needed as it was any more
        alone = _pruned(char, prune)
        return shared.maximum(alone).tocsr() if alone.nnz else shared

    def score_against(self, queries: Sequence[str], against: tuple) -> np.ndarray:
        sc_t, sw_t = against
        qc, qw = self.transform(queries)
        char_sim = (qc @ sc_t).toarray()
        if qw is None:
            return char_sim * self.no_content_factor
        word_sim = (qw @ sw_t).toarray()
        no_content = word_sim == 0
        char_sim *= self.char_weight  # in place: these are queries x sentences, large
        word_sim *= 1.0 - self.char_weight
        char_sim += word_sim
        char_sim[no_content] *= self.no_content_factor
        return char_sim


def _pruned(m, prune: float):
    """m (CSR) without the entries under prune."""
    m = m.tocsr()
    if prune > 0:
        m.data[m.data < prune] = 0.0
        m.eliminate_zeros()
    return m
