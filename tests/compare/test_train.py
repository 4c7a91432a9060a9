import json

import pytest

from policytext.errors import LabelError
from policytext.evaluation.pairs import cross_validate, load_pair, load_pairs


def test_every_pair_labels_every_judged_task(corpus):
    pairs = load_pairs(corpus)
    assert len(pairs) >= 6
    assert sum(len(p.labels) for p in pairs) >= 90
    statuses = {s for p in pairs for s in p.labels}
    assert statuses == {"implemented", "partial", "missing"}
    flags = {f for p in pairs for fs in p.label_flags for f in fs}
    assert {"quota_unmet", "placeholder", "future_only", "negated", "deadline_missed"} <= flags


def test_labels_must_match_the_tasks(corpus, tmp_path):
    body = json.loads((corpus / "tax_party_2024.pair.json").read_text(encoding="utf-8"))
    for name in (body["plan"], body["summary"]):
        (tmp_path / name).write_bytes((corpus / name).read_bytes())
    del body["labels"]["一/1"]
    body["labels"]["九/9"] = {"status": "missing"}
    (tmp_path / "t.pair.json").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LabelError, match=r"unlabelled \['一/1'\], unknown \['九/9'\]"):
        load_pair(tmp_path / "t.pair.json")


@pytest.mark.parametrize("content, message", [("[]", "not a pair file"), ('{"plan": 1}', "not a pair file"),
                                              ('{"plan": "a.txt", "summary": "b.txt"}', "no labels")])
def test_bad_pair_files(tmp_path, content, message):
    (tmp_path / "x.pair.json").write_text(content)
    with pytest.raises(LabelError, match=message):
        load_pair(tmp_path / "x.pair.json")


def test_no_pairs(tmp_path):
    with pytest.raises(LabelError, match="no plan/summary pairs"):
        load_pairs(tmp_path)


def test_cross_validation_holds_each_pair_out(corpus):
    pairs = load_pairs(corpus)
    score = cross_validate(pairs)
    assert len(score.rows) == sum(len(p.labels) for p in pairs)
    assert 0 <= score.accuracy <= 1 and 0 <= score.macro_f1 <= 1
    with pytest.raises(ValueError, match="at least two"):
        cross_validate(pairs[:1])


def test_cross_validation_can_hold_a_folder_out_at_a_time(corpus, monkeypatch):
    """Pairs written together (a round's folder) are held out together: a fold per group."""
    import policytext.evaluation.pairs as ev

    pairs = load_pairs(corpus)
    groups = ["a" if k % 2 else "b" for k in range(len(pairs))]
    fitted_on = []
    real_fit = ev.fit
    monkeypatch.setattr(ev, "fit", lambda ps, model=None: fitted_on.append(len(ps)) or real_fit(ps, model))
    score = ev.cross_validate(pairs, groups)
    assert sorted(fitted_on) == sorted([groups.count("a"), groups.count("b")])  # two folds, each fitted on the other group
    assert len(score.rows) == sum(len(p.labels) + len(p.unjudged) for p in pairs)
    with pytest.raises(ValueError, match="one group per pair"):
        ev.cross_validate(pairs, groups[:-1])
    with pytest.raises(ValueError, match="at least two groups"):
        ev.cross_validate(pairs, ["a"] * len(pairs))
