"""jieba word segmentation with policytext's user dictionary, in a private jieba.Tokenizer so
the global jieba that users may configure themselves is never touched."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

USER_FREQ = 20_000  # high enough that jieba keeps 党组理论学习中心组 whole


def make_segmenter(words: Iterable[str]):
    try:
        import jieba
    except ImportError as e:  # pragma: no cover - a core dependency, but say what to do
        raise ImportError("word segmentation needs jieba: pip install jieba") from e
    seg = jieba.Tokenizer()
    for w in words:
        seg.add_word(w, USER_FREQ)
    return seg


@lru_cache(maxsize=1)
def segmenter():
    """The segmenter with models/jieba_userdict.txt loaded (built once per process)."""
    from .lexicon import models_dir

    path = models_dir() / "jieba_userdict.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return make_segmenter(line.split()[0] for line in lines if line.strip())


@lru_cache(maxsize=1)
def fast_segmenter():
    """rjieba (jieba's algorithm and dictionary in Rust) with the same user words: the
    comparison segments every sentence of both documents, and rjieba does it about 40 times
    faster than jieba with the same words (tests/test_segment.py checks they agree)."""
    try:
        import rjieba
    except ImportError as e:  # pragma: no cover - a core dependency, but say what to do
        raise ImportError("the comparison needs rjieba: pip install rjieba") from e
    from .lexicon import models_dir

    seg = rjieba.Jieba()
    for line in (models_dir() / "jieba_userdict.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seg.add_word(line.split()[0], USER_FREQ, None)
    return seg
