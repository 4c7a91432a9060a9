import dataclasses
import json

import numpy as np
import pytest

from policytext.compare import StatusModel
from policytext.compare.model import Features
from policytext.compare.stage import FEATURES, MIN_PAIR_TASKS, REVIEW_BELOW, Trees, restage, vectors
from policytext.errors import ModelsNotFoundError


def _fitted(seed: int = 0, nan: bool = False):
    from sklearn.ensemble import HistGradientBoostingClassifier

    rs = np.random.RandomState(seed)
    X = rs.rand(600, 5)
    if nan:
        X[rs.rand(600, 5) < 0.05] = np.nan
    y = (np.nan_to_num(X[:, 0]) * 3).astype(int)
    return HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=8, random_state=0).fit(X, y), rs


@pytest.mark.parametrize("nan", [False, True])
def test_the_trees_predict_what_sklearn_predicts(nan):
    clf, rs = _fitted(nan=nan)
    X = rs.rand(400, 5)
    if nan:
        X[rs.rand(400, 5) < 0.1] = np.nan
    trees = Trees.of(clf)
    assert np.allclose(trees.raw(X), clf._raw_predict(X), rtol=0, atol=1e-12)
    assert trees.status(X) == [("implemented", "partial", "missing")[i] for i in clf.predict(X)]
    assert trees.status(X[:0]) == []


@pytest.mark.parametrize("nan", [False, True])
def test_the_trees_probabilities_are_sklearns(nan):
    clf, rs = _fitted(2, nan=nan)
    X = rs.rand(300, 5)
    if nan:
        X[rs.rand(300, 5) < 0.1] = np.nan
    trees = Trees.of(clf)
    assert np.allclose(trees.proba(X), clf.predict_proba(X), rtol=0, atol=1e-12)
    assert trees.proba(X[:0]).shape == (0, 3)


def _stub(status: str, raw: tuple[float, float, float] | None = None) -> Trees:
    """Trees that always say status: one leaf per class, the baseline deciding (raw: the
    baseline's scores of implemented, partial and missing instead)."""
    base = list(raw) if raw else [3.0 if s == status else 0.0 for s in ("implemented", "partial", "missing")]
    z = [0, 0, 0]
    return Trees.from_dict({"features": list(FEATURES), "classes": ["implemented", "partial", "missing"],
                            "baseline": base, "roots": [0, 1, 2], "feature": z, "threshold": [0.0] * 3,
                            "missing_left": z, "left": z, "right": z, "value": [0.0] * 3, "leaf": [1, 1, 1]})


def test_trees_round_trip_and_refuse_other_features():
    clf, rs = _fitted(1)
    trees = Trees.of(clf)
    X = rs.rand(50, 5)
    again = Trees.from_dict(json.loads(json.dumps(trees.to_dict())))
    assert np.array_equal(again.raw(X), trees.raw(X))
    with pytest.raises(ValueError, match="other features"):
        Trees.from_dict(dict(trees.to_dict(), features=["best"]))
    with pytest.raises(ValueError, match="malformed"):
        Trees.from_dict(dict(trees.to_dict(), value=[0.0]))


@pytest.mark.parametrize("status, flags, new, want", [
    ("implemented", (), "implemented", ("implemented", ())),
    ("implemented", (), "partial", ("partial", ("weak_evidence",))),
    ("implemented", (), "missing", ("missing", ("future_only",))),
    ("missing", ("future_only",), "implemented", ("implemented", ())),
    ("missing", (), "partial", ("partial", ("placeholder",))),  # the checks' own flag first
    ("partial", ("weak_evidence",), "implemented", ("implemented", ())),
    ("partial", ("weak_evidence",), "missing", ("missing", ("future_only",))),
    # what the checks found wanting is never cleared back to implemented…
    ("partial", ("quota_unmet",), "implemented", ("partial", ("quota_unmet",))),
    ("partial", ("deadline_missed", "weak_evidence"), "implemented", ("partial", ("deadline_missed", "weak_evidence"))),
    # …though the trees may judge it missing
    ("partial", ("negated",), "missing", ("missing", ("future_only",))),
])
def test_restage(status, flags, new, want):
    hard = ("placeholder",) if status == "missing" else ()
    assert restage(status, flags, new, ("future_only",), hard) == want


def test_restage_gives_weak_evidence_to_a_missing_task_found_in_part_without_a_check():
    assert restage("missing", (), "partial", (), ()) == ("partial", ("weak_evidence",))


def _model(stage: Trees | None) -> StatusModel:
    m = StatusModel()
    m.thresholds_ = {"evidence": 0.3, "strong": 0.3, "coverage": 0.0, "negation": 0.2, "negation_share": 0.4,
                     "future": 0.36, "problem": 0.7, "future_flag": 0.2, "negation_flag": 0.2}
    m.train_score_ = {}
    m.stage_ = stage
    return m


def test_small_plans_are_left_to_the_thresholds():
    """The trees read a task against its pair's others: a plan of a few tasks has none to speak of."""
    done = Features(0.8, (0.8,), 0.0, False, 0.0, 0.0, False, False, False)
    model = _model(_stub("missing"))
    assert model.decide(dataclasses.replace(done, pair_tasks=MIN_PAIR_TASKS - 1)) == ("implemented", ())
    assert model.decide(dataclasses.replace(done, pair_tasks=MIN_PAIR_TASKS)) == ("missing", ())
    assert _model(None).decide(dataclasses.replace(done, pair_tasks=40)) == ("implemented", ())


def test_vectors_follow_the_feature_names():
    f = Features(0.5, (0.2, 0.6), 0.1, False, 0.0, 0.0, True, False, False, quota_counts=(2, 1, 1, 0, 0),
                 text_len=40, pair_median=0.4, pair_rank=0.75, pair_tasks=20)
    row = dict(zip(FEATURES, vectors([f], ["partial"])[0]))
    assert row["requirement_min"] == 0.2 and row["requirement_mean"] == pytest.approx(0.4)
    assert row["quotas_unmet"] == 1 and row["quota_unmet"] == 1 and row["rule_partial"] == 1
    assert row["rule_implemented"] == 0 and row["pair_rank"] == 0.75 and row["text_len"] == 40


def _synthetic(n: int = 300, seed: int = 0):
    rs = np.random.RandomState(seed)
    X, y = [], []
    for _ in range(n):
        best, fut = float(rs.rand()), float(rs.rand() * 0.5)
        X.append(Features(round(best, 4), (round(best, 4),), 0.0, False, round(fut, 4), 0.0, False, False, False,
                          text_len=int(rs.randint(20, 200)), pair_median=0.4, pair_rank=0.5, pair_tasks=20))
        y.append("implemented" if best > 0.45 else "partial" if best > 0.3 else "missing")
    return X, y


def test_fit_fits_the_trees_repeatably_and_not_on_too_few_tasks():
    X, y = _synthetic()
    a, b = StatusModel(stage_iter=20).fit(X, y), StatusModel(stage_iter=20).fit(X, y)
    assert a.stage_ is not None and a.to_json() == b.to_json()
    assert "staged_accuracy" in a.train_score_
    assert StatusModel(stage_iter=0).fit(X, y).stage_ is None
    assert StatusModel(stage_iter=20).fit(X[:50], y[:50]).stage_ is None  # too few tasks to learn from


def test_a_model_file_with_trees_loads_back(tmp_path):
    X, y = _synthetic(seed=1)
    m = StatusModel(stage_iter=20).fit(X, y)
    loaded = StatusModel.load(m.save(tmp_path / "m.json"))
    assert loaded.to_json() == m.to_json()
    assert loaded.decide_all(X) == m.decide_all(X)
    assert loaded.fingerprint() == m.fingerprint()


def test_a_model_file_of_thresholds_only_still_loads(tmp_path):
    body = json.loads(_model(None).to_json())
    body["format"] = "policytext-status-model/2"
    body["params"] = {"decimals": 2, "rounds": 4}
    p = tmp_path / "old.json"
    p.write_text(json.dumps(body))
    old = StatusModel.load(p)
    assert old.stage_ is None and old.stage_iter == 0


def test_unreadable_trees_are_a_clean_error(tmp_path):
    body = json.loads(_model(None).to_json())
    body["stage"] = {"features": ["best"]}
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(body))
    with pytest.raises(ModelsNotFoundError, match="stage cannot be read"):
        StatusModel.load(p)


@pytest.mark.parametrize("kw, message", [
    ({"stage_iter": -1}, "stage_iter must be"),
    ({"stage_iter": 1.5}, "stage_iter must be"),
    ({"stage_rate": 0}, "stage_rate must be"),
    ({"stage_leaves": 1}, "at least 2 leaves"),
    ({"stage_min_leaf": 0}, "at least 2 leaves"),
])
def test_bad_stage_parameters(kw, message):
    X, y = _synthetic(20)
    with pytest.raises(ValueError, match=message):
        StatusModel(**kw).fit(X, y)


def test_the_fingerprint_follows_a_refit():
    X, y = _synthetic()
    m = StatusModel(stage_iter=10).fit(X, y)
    first = m.fingerprint()
    assert m.fingerprint() == first
    m.stage_ = None
    assert m.fingerprint() != first


def test_verdicts_carry_the_trees_certainty_of_the_final_status():
    done = Features(0.8, (0.8,), 0.0, False, 0.0, 0.0, False, False, False, pair_tasks=20)
    unmet = Features(0.8, (0.8,), 0.0, False, 0.0, 0.0, True, False, False, pair_tasks=20)  # quota_unmet
    e = np.exp(3.0)
    sure_of_one = round(float(e / (e + 2)), 4)  # the stub's baseline: 3 for its class, 0 for the others
    stub = _model(_stub("implemented"))
    assert stub.verdicts([done]) == [("implemented", (), sure_of_one)]
    # the checks keep a task with an unmet figure partial: the certainty is the trees' of partial
    assert stub.verdicts([unmet]) == [("partial", ("quota_unmet",), round(float(1 / (e + 2)), 4))]
    # where the thresholds alone decide there is no certainty
    assert stub.verdicts([dataclasses.replace(done, pair_tasks=MIN_PAIR_TASKS - 1)])[0].certainty is None
    assert _model(None).verdicts([done])[0].certainty is None
    assert stub.decide_all([done, unmet]) == [(v.status, v.flags) for v in stub.verdicts([done, unmet])]


@pytest.mark.parametrize("raw, done_above, want", [
    ((3.0, 0.0, 0.0), 0.7, ("implemented", ())),  # p = 0.91
    ((1.0, 0.0, 0.0), 0.5, ("implemented", ())),  # p = 0.58: the most likely status
    ((1.0, 0.0, 0.0), 0.7, ("partial", ("weak_evidence",))),  # …not likely enough to say done
    ((1.0, 0.0, 0.5), 0.7, ("missing", ("future_only",))),  # missing likelier than partial
    ((1.0, 0.2, 0.2), 0.0, ("implemented", ())),
])
def test_done_only_when_the_trees_are_sure_enough(raw, done_above, want):
    done = Features(0.8, (0.8,), 0.0, False, 0.4, 0.0, False, False, False, pair_tasks=20)
    model = _model(_stub("implemented", raw))
    model.done_above = done_above
    status, flags, certainty = model.verdicts([done])[0]
    assert (status, flags) == want
    p = np.exp(raw) / np.exp(raw).sum()
    assert certainty == round(float(p[("implemented", "partial", "missing").index(status)]), 4)


@pytest.mark.parametrize("done_above", [-0.1, 1.0, 1.5])
def test_bad_done_above(done_above):
    X, y = _synthetic(20)
    with pytest.raises(ValueError, match="done_above must be"):
        StatusModel(done_above=done_above).fit(X, y)


@pytest.mark.parametrize("certainty, review", [
    (None, False), (0.3, True), (REVIEW_BELOW - 0.0001, True), (REVIEW_BELOW, False), (0.99, False)])
def test_an_item_is_marked_for_review_under_the_certainty_floor(certainty, review):
    from policytext.compare.judge import Item

    item = Item(None, 0, 0, "", "implemented", 0.5, (), "", (), (), (), (), None, certainty)
    assert item.review is review
