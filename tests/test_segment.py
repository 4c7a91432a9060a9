"""rjieba serves the comparison for speed; it must cut exactly as jieba does with our words."""
import pytest

import policytext
from policytext.segment import fast_segmenter, segmenter
from tests.conftest import CORPUS


@pytest.mark.parametrize("path", sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx", ".pdf")))
def test_rjieba_agrees_with_jieba(path):
    text = policytext.read(CORPUS / path).text
    assert fast_segmenter().cut(text, False) == segmenter().lcut(text, HMM=False)


def test_user_words_are_kept_whole():
    assert "党组理论学习中心组" in fast_segmenter().cut("党组理论学习中心组每季度学习", False)
