import json

import pytest

from policytext.compare import StatusModel
from policytext.compare.model import DEFAULTS, Features, decide, macro_f1
from policytext.errors import ModelsNotFoundError

T = dict(DEFAULTS, evidence=0.3, strong=0.4, coverage=0.5, negation=0.3, future=0.3, problem=0.5)


def F(best=0.0, reqs=(), neg=0.0, partial=False, fut=0.0, prob=0.0, unmet=False, ph=False, late=False, rep=False,
      counts=False, loose=False, on_time=False):
    return Features(best, tuple(reqs), neg, partial, fut, prob, unmet, ph, late, rep, counts, loose, on_time)


@pytest.mark.parametrize("f, status, flags", [
    (F(0.8, (0.8,)), "implemented", ()),
    (F(0.8, (0.8,), unmet=True), "partial", ("quota_unmet",)),
    (F(0.8, (0.8,), ph=True), "partial", ("placeholder",)),
    (F(0.8, (0.8,), late=True), "partial", ("deadline_missed",)),
    (F(0.8, (0.8,), neg=0.5), "partial", ("negated",)),
    (F(0.35, (0.35,)), "partial", ("weak_evidence",)),  # above evidence, below strong
    (F(0.8, (0.8, 0.1, 0.1)), "partial", ("weak_evidence",)),  # one requirement in three covered
    (F(0.1), "missing", ()),
    (F(0.1, fut=0.6), "missing", ("future_only",)),
    (F(0.1, neg=0.6), "missing", ("negated",)),
    (F(0.1, neg=0.6, partial=True), "partial", ("negated",)),  # 部分科室未能…
    (F(0.1, prob=0.6), "partial", ("weak_evidence",)),  # reported among the problems
    (F(0.1, prob=0.6, ph=True), "partial", ("placeholder",)),
    (F(0.1, rep=True), "implemented", ()),  # its own figure reported: evidence, however worded
    # …but not while the summary says plainly, in words that speak of the task far more, that it
    # was not done (专项检查尚未开展): the figure is another task's
    (F(0.1, rep=True, neg=0.45), "missing", ("negated",)),
    (F(0.2, rep=True, neg=0.35), "partial", ("negated",)),  # the negation not twice as strong
    (F(0.1, rep=True, neg=0.45, partial=True), "partial", ("negated",)),  # 其余…尚未: some was done
    # a completion dated within the limit in a weakly worded best report (9月下旬我们召开了…家长会)
    (F(0.25, on_time=True), "implemented", ()),
    (F(0.2, on_time=True), "missing", ()),  # too weak a report for its date to count
    (F(0.25, on_time=True, fut=0.6), "missing", ("future_only",)),  # the task is only planned
    # a bare count (312家) beside words that mostly say the task is planned: another task's figure
    (F(0.2, rep=True, counts=True, fut=0.6), "missing", ("future_only",)),
    (F(0.2, rep=True, fut=0.6), "implemented", ()),  # a measure (达到32.4万吨) is the task's
    (F(0.2, rep=True, counts=True, fut=0.25), "implemented", ()),  # the plan is not the stronger word
    # a bare count tied to the task by one shared word, beside words that hardly speak of it (简报12期
    # for 明察暗访不少于2轮, sharing 通报): another task's
    (F(0.15, rep=True, counts=True, loose=True), "missing", ()),
    (F(0.15, rep=True, counts=True), "implemented", ()),  # tied by its words (网络巡查…共计14次)
    (F(0.15, rep=True, counts=True, loose=True, ph=True), "partial", ("placeholder",)),  # unfilled: reported
    (F(0.1, rep=True, ph=True, neg=0.5), "partial", ("placeholder", "negated")),
    (F(0.25, late=True), "partial", ("deadline_missed",)),  # 11月中旬才全部完成: done, late
    (F(0.1, late=True), "missing", ()),  # a completion date beside no report of the task
    (F(0.25, ph=True), "partial", ("placeholder",)),  # “三进”活动开展X次: weakly worded, unfilled
    (F(0.1, ph=True), "missing", ()),  # an unfilled number beside no report of the task
])
def test_decide(f, status, flags):
    assert decide(f, T) == (status, flags)


@pytest.mark.parametrize("f, status, flags", [
    (F(0.8, (0.8,), neg=0.35), "implemented", ()),  # a weak 尚未 beside a strong report is about something else
    (F(0.8, (0.8,), neg=0.5), "partial", ("negated",)),
    (F(0.1, neg=0.35), "missing", ("negated",)),
])
def test_a_negation_must_come_close_to_the_best_report(f, status, flags):
    assert decide(f, dict(T, negation_share=0.6)) == (status, flags)


def test_a_task_never_reported_is_flagged_as_planned_on_its_own_threshold():
    t = dict(T, future=0.3, future_flag=0.2)
    assert decide(F(0.1, fut=0.25), t) == ("missing", ("future_only",))
    # the flag's threshold decides no status: a weak report beside the plan is not made missing
    assert decide(F(0.25, on_time=True, fut=0.25), t) == ("implemented", ())
    # a model saved before the flag had a threshold of its own reads the status one
    old = {k: v for k, v in t.items() if k != "future_flag"}
    assert decide(F(0.1, fut=0.25), old) == ("missing", ())


def test_a_task_never_reported_is_flagged_negated_on_its_own_threshold():
    t = dict(T, negation=0.3, negation_flag=0.15, negation_share=0.4)
    assert decide(F(0.1, neg=0.2), t) == ("missing", ("negated",))
    assert decide(F(0.8, (0.8,), neg=0.2), t) == ("implemented", ())  # a status still needs the negation threshold
    assert decide(F(0.1, neg=0.2), {k: v for k, v in t.items() if k != "negation_flag"}) == ("missing", ())


def test_fit_is_reproducible_and_learns_a_threshold():
    X = [F(0.9, (0.9,)), F(0.7, (0.7,)), F(0.15), F(0.1, fut=0.5), F(0.6, (0.6,), unmet=True), F(0.05)]
    y = ["implemented", "implemented", "missing", "missing", "partial", "missing"]
    a, b = StatusModel().fit(X, y), StatusModel().fit(X, y)
    assert a.to_json() == b.to_json()
    assert a.predict(X) == y
    assert 0.15 < a.thresholds_["evidence"] <= 0.6


def test_fit_breaks_ties_between_equal_statuses_by_the_gold_flags():
    # both tasks are missing whatever the negation threshold; only the first says 尚未
    X, y = [F(0.05, neg=0.2), F(0.05, neg=0.1)], ["missing", "missing"]
    plain = StatusModel().fit(X, y)
    flagged = StatusModel().fit(X, y, [("negated",), ()])
    assert [plain.decide(f) for f in X] == [("missing", ())] * 2
    assert [flagged.decide(f) for f in X] == [("missing", ("negated",)), ("missing", ())]


@pytest.mark.parametrize("X, y, kw, message", [
    ([], [], {}, "as many labels"), ([F()], ["done"], {}, "unknown status"),
    ([F()], ["missing"], {"rounds": 0}, "rounds"),
    ([F()], ["missing"], {"flags": [(), ()]}, "as many flag lists"),
])
def test_bad_fit_arguments(X, y, kw, message):
    params = {k: v for k, v in kw.items() if k != "flags"}
    with pytest.raises(ValueError, match=message):
        StatusModel(**params).fit(X, y, kw.get("flags"))


def test_unfitted():
    with pytest.raises(ValueError, match="not fitted"):
        StatusModel().predict([F()])


def test_save_load_roundtrip(tmp_path):
    m = StatusModel().fit([F(0.9, (0.9,)), F(0.1)], ["implemented", "missing"])
    back = StatusModel.load(m.save(tmp_path / "m.json"))
    assert back.thresholds_ == m.thresholds_ and back.to_json() == m.to_json()


@pytest.mark.parametrize("content, message", [(None, "cannot read"), ("{", "not valid JSON"),
                                              ('{"format": "x"}', "not a policytext-status-model")])
def test_load_errors(tmp_path, content, message):
    p = tmp_path / "m.json"
    if content is not None:
        p.write_text(content)
    with pytest.raises(ModelsNotFoundError, match=message):
        StatusModel.load(p)


def test_shipped_model_is_what_train_rebuilds(corpus, tmp_path):
    """The shipped model is reproducible bit for bit from the labelled pairs."""
    from policytext.evaluation.pairs import fit, load_pairs

    from policytext.cli import TRAINING
    from tests.conftest import ROOT

    shipped = StatusModel.load()
    rebuilt = fit([p for d in TRAINING for p in load_pairs(ROOT / d)])
    assert rebuilt.to_json() == shipped.to_json(), "models/compare_model.json is stale: run `make train`"
    assert json.loads(shipped.to_json())["format"] == "policytext-status-model/3"


def test_macro_f1():
    assert macro_f1(["partial", "missing"], ["partial", "missing"]) == 1.0
    assert macro_f1(["partial"], ["missing"]) == 0.0


@pytest.mark.parametrize("seed", range(4))
def test_the_searchs_decider_is_decide_on_every_task(seed):
    """The threshold search decides all tasks at once on arrays; it must give decide()'s status
    and flags for every task, thresholds on the features' own values (ties) included."""
    import random

    from policytext.compare.model import PARAMS, STATUSES, _Decider

    rng = random.Random(seed)
    grid = [0.0, 0.1, 0.2, 0.24, 0.3, 0.31, 0.4, 0.5, 0.65, 0.8]

    def score() -> float:
        return rng.choice(grid) if rng.random() < 0.3 else round(rng.random(), 2)

    X = [Features(best=score(), requirement_best=tuple(score() for _ in range(rng.randrange(4))), negated=score(),
                  negated_partial=rng.random() < 0.2, future=score(), problem=score(),
                  quota_unmet=rng.random() < 0.2, placeholder=rng.random() < 0.15, deadline_missed=rng.random() < 0.15,
                  reported=rng.random() < 0.4, counts_only=rng.random() < 0.3, loose=rng.random() < 0.3,
                  on_time=rng.random() < 0.15)
         for _ in range(400)]
    decider = _Decider(X)
    for _ in range(20):
        t = {name: rng.choice(grid) for name in PARAMS}
        t["negation_share"] = rng.choice([0.0, 0.4, 1.0])
        t["coverage"] = rng.choice([0.0, 0.34, 0.67])
        t["strong"] = max(t["strong"], t["evidence"])
        status, bits = decider(t)
        for f, s, b in zip(X, status.tolist(), bits.tolist()):
            want_status, want_flags = decide(f, t)
            assert (STATUSES[s], b) == (want_status, int(decider.flag_bits([want_flags])[0])), (f, t)
