import pytest

from policytext.evaluate import evaluate_folder, format_table, score_outline
from tests.conftest import CORPUS, ROOT


def test_score_outline_counts_duplicates_and_headings():
    gold = [{"path": "一", "heading": "甲"}, {"path": "一/(一)", "heading": "乙"}, {"path": "一/(一)", "heading": "丙"}]
    pred = [{"path": "一", "heading": "甲"}, {"path": "一/(一)", "heading": "乙"}, {"path": "二", "heading": "丁"}]
    s = score_outline("x", gold, pred)
    assert (s.matched, s.precision, s.recall, s.heading_accuracy) == (2, 2 / 3, 2 / 3, 1.0)


def test_corpus_meets_the_aims():
    rows = evaluate_folder(CORPUS, CORPUS)
    assert len(rows) >= 7
    assert min(r.f1 for r in rows) >= 0.98
    assert min(r.heading_accuracy for r in rows) >= 0.95
    assert "ALL (micro)" in format_table(rows)


def test_seeds_meet_the_aims(seeds):
    rows = evaluate_folder(seeds, ROOT / "tests" / "gold" / "seeds")
    assert len(rows) == 5
    assert min(r.f1 for r in rows) >= 0.98 and min(r.heading_accuracy for r in rows) >= 0.95
