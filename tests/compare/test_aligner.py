import re

import numpy as np
import pytest
from sklearn.base import clone

from policytext.compare import EvidenceAligner
from policytext.compare.aligner import words


def test_estimator_api():
    a = EvidenceAligner(char_weight=0.3)
    assert a.get_params()["char_weight"] == 0.3
    assert clone(a).get_params() == a.get_params()
    assert a.fit(["开展专题学习", "召开警示教育大会"]) is a
    assert hasattr(a, "char_vectorizer_")


@pytest.mark.parametrize("kw, message", [
    ({"char_weight": 1.5}, "char_weight"), ({"no_content_factor": -1}, "no_content_factor"),
    ({"ngram_range": (3, 2)}, "ngram_range"), ({"ngram_range": (2, 4)}, "ngram_range"),
])
def test_bad_parameters_are_rejected_at_fit(kw, message):
    with pytest.raises(ValueError, match=message):
        EvidenceAligner(**kw).fit(["一句话"])


def test_unfitted_and_empty():
    with pytest.raises(ValueError, match="not fitted"):
        EvidenceAligner().score(["a"], ["b"])
    with pytest.raises(ValueError, match="non-empty"):
        EvidenceAligner().fit([])


def test_concepts_and_generic_words():
    w = words("支部书记每年至少讲1次专题党课，全年开展工作")
    assert "〔党课〕" in w
    assert not {"开展", "全年", "工作", "每年"} & set(w)


@pytest.mark.parametrize("plan, report, concept", [
    ("成立专项整治工作领导小组", "成立工作专班，统筹调度整治工作", "〔领导小组〕"),
    ("组织网格员逐户走访", "网格员挨家挨户上门摸排", "〔走访〕"),
    ("实现辖区物业服务企业党组织全覆盖", "物业公司党组织全部建立", "〔物业企业〕"),
])
def test_a_paraphrase_shares_its_concept(plan, report, concept):
    assert concept in words(plan) and concept in words(report)


def test_paraphrase_beats_an_unrelated_sentence():
    task = "支部书记每年至少讲1次专题党课"
    good = "委党组书记为全系统党员作廉洁从业专题辅导1次"
    other = "全年抽检机关食堂样品12批次"
    s = EvidenceAligner().fit([task, good, other]).score([task], [good, other])
    assert s.shape == (1, 2) and s[0, 0] > 2 * s[0, 1]


def test_shared_generic_words_are_not_evidence():
    task = "每季度检查一次公务用车和公务接待情况"
    real = "对公务用车和公务接待情况开展季度检查，全年检查4次"
    trap = "配合市市场监管局开展食品安全抽检，全年抽检机关食堂样品12批次"
    s = EvidenceAligner().fit([task, real, trap]).score([task], [real, trap])
    assert s[0, 0] > 0.5 > 0.2 > s[0, 1]


def test_scores_are_bounded_and_deterministic():
    texts = ["开展专题学习4次", "召开警示教育大会1次", "编发简报12期"]
    a = EvidenceAligner().fit(texts).score(texts, texts)
    b = EvidenceAligner().fit(texts).score(texts, texts)
    assert np.array_equal(a, b) and (a >= 0).all() and (a <= 1.0001).all()


def test_tfidf_equals_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from policytext.compare.aligner import Tfidf
    fit_texts = ["开展专题学习4次", "召开警示教育大会1次", "编发简报12期", "", "开展专题学习4次", "警示教育"]
    new_texts = ["专题警示教育大会", "无关内容", ""]
    ours = Tfidf()
    a = ours.fit_transform([char_ngrams(t) for t in fit_texts])
    theirs = TfidfVectorizer(analyzer=char_ngrams, sublinear_tf=True, dtype=np.float32, lowercase=False,
                             vocabulary=ours.vocabulary_)
    b = theirs.fit_transform(fit_texts)
    assert np.allclose(a.toarray(), b.toarray(), atol=1e-6)
    assert np.allclose(ours.transform([char_ngrams(t) for t in new_texts]).toarray(),
                       theirs.transform(new_texts).toarray(), atol=1e-6)


def char_ngrams(text: str, sizes: tuple[int, int] = (2, 3)) -> list[str]:
    """The grams as strings, one slice at a time: the definition char_gram_codes must match."""
    lo, hi = sizes
    out: list[str] = []
    for run in re.split(r"[^\u4e00-\u9fffA-Za-z]+", text):
        if run:
            run = f" {run} "
            for n in range(lo, hi + 1):
                out.extend(g for g in (run[i:i + n] for i in range(len(run) - n + 1)) if g.strip())
    return out


def _decode(code: int) -> str:
    out = []
    while code:
        out.append(chr(code & ((1 << 21) - 1)))
        code >>= 21
    return "".join(reversed(out))


@pytest.mark.parametrize("sizes", [(2, 3), (1, 3), (1, 1), (3, 3)])
def test_coded_grams_are_char_ngrams(sizes):
    from collections import Counter

    from policytext.compare.aligner import char_gram_codes
    texts = ["开展专题学习4次", "", "。", "a", "学", "  开展，学习  ", "ABC def", "“三会一课”落实到位；", "x1y2z"]
    rows, codes = char_gram_codes(texts, sizes)
    got = [Counter() for _ in texts]
    for r, c in zip(rows.tolist(), codes.tolist()):
        got[r][_decode(c).replace("\x00", "")] += 1
    assert got == [Counter(char_ngrams(t, sizes)) for t in texts]
