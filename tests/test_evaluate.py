from policytext.evaluation.extraction import AIMS, evaluate_folder, format_table, score_field, score_outline, totals
from tests.conftest import CORPUS, ROOT


def test_score_outline_counts_duplicates_and_headings():
    gold = [{"path": "一", "heading": "甲"}, {"path": "一/(一)", "heading": "乙"}, {"path": "一/(一)", "heading": "丙"}]
    pred = [{"path": "一", "heading": "甲"}, {"path": "一/(一)", "heading": "乙"}, {"path": "二", "heading": "丁"}]
    s = score_outline("x", gold, pred)
    assert (s.matched, s.precision, s.recall, s.heading_accuracy) == (2, 2 / 3, 2 / 3, 1.0)


def test_score_field_needs_overlap_and_equal_typed_fields():
    gold = [{"start": 0, "end": 5, "period": "year", "every": 1, "comparator": ">=", "value": 1, "value_max": None,
             "unit": "次", "per_year": 1, "placeholder": False, "subject": None, "action": "讲党课"}]
    same = [dict(gold[0], start=3, end=9)]
    assert score_field("quotas", gold, same).f1 == 1.0
    assert score_field("quotas", gold, [dict(gold[0], start=5, end=9)]).matched == 0  # touching is not overlap
    assert score_field("quotas", gold, [dict(gold[0], value=2)]).matched == 0
    assert score_field("quotas", gold, same + same).precision == 0.5  # one-to-one
    s1 = {"text": "四风", "kind": "quoted", "count": 2, "spans": [[0, 2], [9, 11]]}
    assert score_field("slogans", [s1], [dict(s1, spans=[[9, 11], [20, 22]])]).matched == 1
    assert score_field("slogans", [s1], [dict(s1, kind="numeric")]).matched == 0


def test_corpus_meets_the_aims():
    rows = evaluate_folder(CORPUS, CORPUS)
    assert len(rows) >= 7
    assert min(r.outline.f1 for r in rows) >= 0.98
    assert min(r.outline.heading_accuracy for r in rows) >= 0.95
    for field, score in totals(rows).items():
        assert score.f1 >= AIMS[field], field
    table = format_table(rows)
    assert "ALL (micro)" in table and "quotas" in table and "slogans" in table


def test_seeds_meet_the_aims(seeds):
    rows = evaluate_folder(seeds, ROOT / "tests" / "gold" / "seeds")
    assert len(rows) == 5
    assert min(r.outline.f1 for r in rows) >= 0.98 and min(r.outline.heading_accuracy for r in rows) >= 0.95
    for field, score in totals(rows).items():
        assert score.f1 >= AIMS[field], field
