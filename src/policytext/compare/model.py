"""The status model: a handful of thresholds over the evidence features of a task, fitted on
the hand-labelled pairs in corpus/ by deterministic coordinate search (so `policytext train`
rebuilds models/compare_model.json bit for bit), and read as plain rules.

Status and flags:
- no affirmative evidence above ``evidence_``, no figure reported for one of the task's
  quotas and no completion dated after its deadline (11月中旬才全部完成) → missing (future_only / negated say what the
  summary does say), unless a negation is about some subjects only (部分科室未能…) → partial;
- evidence, and any of quota_unmet, placeholder, deadline_missed, a relevant negation, or weak
  evidence (below ``strong`` or covering less than ``coverage`` of the task's requirements)
  → partial; otherwise implemented;
- no evidence in the report itself but a close sentence among the problems (简报编发不够及时，
  上半年编发**期) → partial."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Sequence

import numpy as np
from sklearn.base import BaseEstimator

from .status import FLAGS, IMPLEMENTED, MISSING, PARTIAL, STATUSES  # noqa: F401  (FLAGS re-exported)


class Verdict(NamedTuple):
    """A task's status and flags, and how sure the trees are of that status (0–1, None where
    the thresholds alone decided)."""

    status: str
    flags: tuple[str, ...]
    certainty: float | None

MODEL_FILE = "compare_model.json"
FORMAT = "policytext-status-model/3"
_THRESHOLDS_ONLY = "policytext-status-model/2"  # a file without the second stage, still read
PARAMS = ("evidence", "strong", "coverage", "negation", "negation_share", "future", "problem", "future_flag",
          "negation_flag")
DEFAULTS = {"evidence": 0.2, "strong": 0.2, "coverage": 0.0, "negation": 0.25, "negation_share": 0.0, "future": 0.2,
            "problem": 0.3, "future_flag": 0.2, "negation_flag": 0.25}
_COVERAGE_GRID = (0.0, 0.2, 0.25, 0.34, 0.4, 0.5, 0.6, 0.67, 0.75)
_LATE_SHARE = 0.75
_COUNT_SHARE = 0.6  # a bare count loosely tied to the task, in a report this weak, is another task's
_PLACEHOLDER_SHARE = 0.75  # a placeholder in evidence this weak still reports the task
_SHARE_GRID = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True)
class Features:
    """What the evidence says about one task, independent of any threshold."""

    best: float  # best score of a sentence reporting it as done
    requirement_best: tuple[float, ...]  # per requirement sentence of the task
    negated: float  # best score of a negated sentence
    negated_partial: bool  # that sentence negates for some subjects only (部分…未能)
    future: float  # best score of an intention or a 下一步 sentence
    problem: float  # best score of a sentence in 存在问题 that is not negated (简报编发不够及时)
    quota_unmet: bool
    placeholder: bool
    deadline_missed: bool
    reported: bool = False  # the summary states a figure for one of the task's quotas
    counts_only: bool = False  # and every such figure is a bare count of events or things (2次, 312家)
    loose: bool = False  # and each is tied to its requirement by one shared word at most (简报12期 for …通报)
    on_time: bool = False  # a completion dated in the evidence keeps the task's time limit (9月下旬召开 for 9月底前)
    # what the second stage reads besides (stage.py): the checks' verdicts counted,
    quota_counts: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # all, met, unmet, unreported, unverifiable
    limit_counts: tuple[int, int, int, int] = (0, 0, 0, 0)  # all, met, missed, unreported
    # the share of the words only an unreported quota's clause has that the summary uses anywhere
    # (冲锋舟2艘 beside 编织袋、救生衣 met: does the summary ever speak of 冲锋舟?)
    unreported_words: float = 1.0
    text_len: int = 0  # the judged text's length, its clause marks and its list marks (、)
    clauses: int = 0
    list_marks: int = 0
    # the least share of a clause's words the best evidence uses, over the task's clauses: a part
    # of a compound task nothing reports (1.0: no clause says enough to tell)
    clause_cover: float = 1.0
    # …and the pair: the median best report over its tasks, the share of its tasks this one
    # beats, and how many there are
    pair_median: float = 0.0
    pair_rank: float = 0.0
    pair_tasks: int = 0
    # …and the task's best report: this task's score over the best any task scores on it (1.0:
    # no task fits it better), how many reports come close, and whether it was set aside as
    # about another group or object
    owned: float = 1.0
    close_reports: int = 0
    set_aside: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"best": self.best, "requirement_best": list(self.requirement_best), "negated": self.negated,
                "negated_partial": self.negated_partial, "future": self.future, "problem": self.problem, "quota_unmet": self.quota_unmet,
                "placeholder": self.placeholder, "deadline_missed": self.deadline_missed,
                "reported": self.reported}


def _hard_flags(f: Features, negated: bool) -> list[str]:
    flags = [name for name, on in (("quota_unmet", f.quota_unmet), ("placeholder", f.placeholder),
                                   ("deadline_missed", f.deadline_missed), ("negated", negated)) if on]
    return flags


def negation_holds(f: Features, t: dict[str, float]) -> bool:
    """The best negated sentence is about the task: it scores at least ``negation`` and at least
    ``negation_share`` of the best report (a weaker 尚未 beside a strong report is about
    something else: 理念尚未真正树立 beside 合规指标权重设置为5%)."""
    return f.negated >= t["negation"] and f.negated >= t["negation_share"] * f.best


def negation_flagged(f: Features, t: dict[str, float]) -> bool:
    """A task the report never says was done is flagged negated on its own threshold: the summary
    may say plainly, in few shared words, that it was not done (专题读书班没有办起来)."""
    return f.negated >= t.get("negation_flag", t["negation"]) and f.negated >= t["negation_share"] * f.best


def _missing_flags(f: Features, t: dict[str, float]) -> tuple[str, ...]:
    """What a task judged missing is flagged with (decide()'s last branch)."""
    flags = ["future_only"] if f.future >= t.get("future_flag", t["future"]) else []
    if negation_holds(f, t) or negation_flagged(f, t):
        flags.append("negated")
    return tuple(flags)


_FUTURE_OVER = 1.5
_NEG_OVER = 2.0
_NEG_PROBLEM = 0.9  # a negation about as close to the task as the best problem says it was not done


def decide(f: Features, t: dict[str, float]) -> tuple[str, tuple[str, ...]]:
    negated = negation_holds(f, t)
    # a late completion rescues a weakly worded report (该项目4月中旬才完成), not a date from a
    # sentence that hardly speaks of the task (已于10月底前完成整改销号 beside 随手拍奖励机制)
    late = f.deadline_missed and f.best >= _LATE_SHARE * t["evidence"]
    # …and so does one on time, in a report that neither says the task is undone nor plans it
    on_time = f.on_time and f.best >= _LATE_SHARE * t["evidence"] and not negated and f.future < t["future"]
    # a bare count (312家) beside words that mostly say the task is planned (下半年将…完成300家
    # 检查) is another task's, and so is one loosely tied to it beside words that hardly speak of
    # it (简报12期 for 明察暗访不少于2轮): it reports nothing of this one
    reported = f.reported and not (f.counts_only and f.future >= t["future"] and f.future > _FUTURE_OVER * f.best) \
        and not (f.loose and not f.placeholder and f.best < _COUNT_SHARE * t["evidence"])
    if negated and not f.negated_partial and not f.placeholder and f.best < t["evidence"] \
            and f.negated >= max(t["evidence"], _NEG_OVER * f.best):
        # a figure or a date beside words that hardly speak of the task, while the summary says
        # plainly that it was not done (专项检查尚未开展): they are another task's
        reported = late = on_time = False
    if f.best >= t["evidence"] or reported or late or on_time:
        flags = _hard_flags(f, negated)
        reqs = f.requirement_best
        covered = sum(r >= t["evidence"] for r in reqs) / len(reqs) if reqs else 1.0
        # A figure reported for the task's own quota is evidence however the wording differs.
        if f.best >= t["evidence"] and (f.best < t["strong"] or covered < t["coverage"]):
            flags.append("weak_evidence")
        return (PARTIAL if flags else IMPLEMENTED), tuple(flags)
    if negated and f.negated_partial:
        return PARTIAL, ("negated",)
    if f.placeholder and f.best >= _PLACEHOLDER_SHARE * t["evidence"]:
        # an unfilled number in a report that speaks, if weakly, of the task (“三进”活动开展X次):
        # something was reported, and its figure cannot be checked
        return PARTIAL, ("placeholder",)
    # done, but reported among the problems (简报编发不够及时); not when the problem is that it
    # was not done (考核细则尚未修订出台), which is a negation at least as close to the task
    if f.problem >= t["problem"] and not (negated and f.negated >= _NEG_PROBLEM * f.problem):
        return PARTIAL, tuple(_hard_flags(f, negated) or ["weak_evidence"])
    # (a task the report never says was done is flagged as only planned on a looser reading of
    # its plans than the one that keeps a weak report from counting as done)
    return MISSING, _missing_flags(f, t)


class _Decider:
    """decide() over every task at once, for the threshold search: the same rules on arrays of
    the features, giving the same statuses and flag sets (a test holds the two equal).  One
    objective over thousands of tasks is a few numpy operations instead of a Python loop."""

    _STATUS = {s: i for i, s in enumerate(STATUSES)}
    _BIT = {name: 1 << i for i, name in enumerate(("quota_unmet", "placeholder", "deadline_missed", "negated",
                                                   "weak_evidence", "future_only"))}

    def __init__(self, X: Sequence[Features]) -> None:
        def col(get, dtype=float):
            return np.array([get(f) for f in X], dtype=dtype)

        self.best, self.neg, self.fut, self.prob = (col(lambda f, a=a: getattr(f, a)) for a in ("best", "negated", "future", "problem"))
        (self.negp, self.qu, self.ph, self.dm, self.rep, self.counts, self.loose, self.ot) = (
            col(lambda f, a=a: getattr(f, a), bool) for a in ("negated_partial", "quota_unmet", "placeholder", "deadline_missed",
                                                              "reported", "counts_only", "loose", "on_time"))
        width = max((len(f.requirement_best) for f in X), default=0)
        self.reqs = np.full((len(X), max(width, 1)), -np.inf)
        for i, f in enumerate(X):
            self.reqs[i, :len(f.requirement_best)] = f.requirement_best
        self.n_reqs = col(lambda f: len(f.requirement_best), np.int64)

    def flag_bits(self, flags: Sequence[Sequence[str]]):
        return np.array([sum(self._BIT[f] for f in set(g)) for g in flags], dtype=np.int64)

    def __call__(self, t: dict[str, float]):
        """(status index per task, in STATUSES order; flag bits per task)."""
        ev, best, neg, fut = t["evidence"], self.best, self.neg, self.fut
        negated = (neg >= t["negation"]) & (neg >= t["negation_share"] * best)
        close = best >= _LATE_SHARE * ev
        late = self.dm & close
        on_time = self.ot & close & ~negated & (fut < t["future"])
        reported = self.rep & ~(self.counts & (fut >= t["future"]) & (fut > _FUTURE_OVER * best)) \
            & ~(self.loose & ~self.ph & (best < _COUNT_SHARE * ev))
        plain_no = negated & ~self.negp & ~self.ph & (best < ev) & (neg >= np.maximum(ev, _NEG_OVER * best))
        reported, late, on_time = reported & ~plain_no, late & ~plain_no, on_time & ~plain_no
        said = (best >= ev) | reported | late | on_time
        b = self._BIT
        hard = (self.qu * b["quota_unmet"]) | (self.ph * b["placeholder"]) | (self.dm * b["deadline_missed"]) \
            | (negated * b["negated"])
        covered = np.where(self.n_reqs > 0, (self.reqs >= ev).sum(axis=1) / np.maximum(self.n_reqs, 1), 1.0)
        weak = (best >= ev) & ((best < t["strong"]) | (covered < t["coverage"]))
        flags_said = hard | (weak * b["weak_evidence"])
        part_neg = ~said & negated & self.negp
        part_ph = ~said & ~part_neg & self.ph & (best >= _PLACEHOLDER_SHARE * ev)
        part_prob = ~said & ~part_neg & ~part_ph & (self.prob >= t["problem"]) & ~(negated & (neg >= _NEG_PROBLEM * self.prob))
        missing = ~said & ~part_neg & ~part_ph & ~part_prob
        s = self._STATUS
        status = np.where(said, np.where(flags_said != 0, s[PARTIAL], s[IMPLEMENTED]), s[PARTIAL])
        status = np.where(missing, s[MISSING], status)
        flags = np.where(said, flags_said, 0)
        flags = np.where(part_neg, b["negated"], flags)
        flags = np.where(part_ph, b["placeholder"], flags)
        flags = np.where(part_prob, np.where(hard != 0, hard, b["weak_evidence"]), flags)
        flagged = negated | ((neg >= t["negation_flag"]) & (neg >= t["negation_share"] * best))
        flags = np.where(missing, ((fut >= t["future_flag"]) * b["future_only"]) | (flagged * b["negated"]), flags)
        return status, flags


def _macro_f1_codes(y, pred) -> float:
    """macro_f1 of status indices (as macro_f1 computes it, class by class in STATUSES order)."""
    scores = []
    for c in range(len(STATUSES)):
        tp = int(((y == c) & (pred == c)).sum())
        fp = int(((y != c) & (pred == c)).sum())
        fn = int(((y == c) & (pred != c)).sum())
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


def macro_f1(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    scores = []
    for c in STATUSES:
        tp = sum(a == c and b == c for a, b in zip(y_true, y_pred))
        fp = sum(a != c and b == c for a, b in zip(y_true, y_pred))
        fn = sum(a == c and b != c for a, b in zip(y_true, y_pred))
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


def _likelier_problem(p: np.ndarray, classes: Sequence[str]) -> str:
    """partial or missing, whichever the trees give more (partial on a tie)."""
    return PARTIAL if p[classes.index(PARTIAL)] >= p[classes.index(MISSING)] else MISSING


class StatusModel(BaseEstimator):
    """Thresholds fitted by coordinate search, then boosted trees that may re-read a verdict
    (stage.py).

    Parameters
    ----------
    rounds : passes over the thresholds (the search stops early when nothing changes).
    decimals : candidate thresholds are the observed feature values rounded to this many
        decimals, which makes the fit exact and repeatable.
    stage_iter : boosting rounds of the second stage; 0 fits none (the thresholds alone decide).
    stage_rate, stage_leaves, stage_min_leaf, stage_l2 : its learning rate, leaves per tree,
        fewest tasks per leaf and L2 penalty (cross-validated by folder, session 24).
    done_above : the trees' probability a task was implemented must reach this for the verdict
        to say so; under it the task goes to the likelier of partial and missing, flagged for an
        inspector.  An inspector pays more for a problem missed than for one checked in vain:
        0 keeps the most likely status.  Session 34 chose 0.75 on out-of-fold probabilities
        (one folder held out at a time): the least that brought flag recall to its aim of 0.95
        there (0.927 → 0.955, precision 0.954 → 0.916, accuracy 0.923 → 0.911).
    """

    def __init__(self, rounds: int = 4, decimals: int = 2, stage_iter: int = 300, stage_rate: float = 0.03,
                 stage_leaves: int = 8, stage_min_leaf: int = 40, stage_l2: float = 1.0,
                 done_above: float = 0.75) -> None:
        self.rounds = rounds
        self.decimals = decimals
        self.stage_iter = stage_iter
        self.stage_rate = stage_rate
        self.stage_leaves = stage_leaves
        self.stage_min_leaf = stage_min_leaf
        self.stage_l2 = stage_l2
        self.done_above = done_above

    def _check(self) -> None:
        if self.rounds < 1:
            raise ValueError(f"rounds must be at least 1, got {self.rounds!r}")
        if not (isinstance(self.stage_iter, int) and self.stage_iter >= 0):
            raise ValueError(f"stage_iter must be a whole number of rounds (0 for none), got {self.stage_iter!r}")
        if not 0 < self.stage_rate <= 1:
            raise ValueError(f"stage_rate must be above 0 and at most 1, got {self.stage_rate!r}")
        if self.stage_leaves < 2 or self.stage_min_leaf < 1 or self.stage_l2 < 0:
            raise ValueError(f"the stage needs at least 2 leaves, 1 task per leaf and no negative penalty, got "
                             f"{self.stage_leaves!r}, {self.stage_min_leaf!r}, {self.stage_l2!r}")
        if not 0 <= self.done_above < 1:
            raise ValueError(f"done_above must be at least 0 and below 1, got {self.done_above!r}")

    def fit(self, X: Sequence[Features], y: Sequence[str],
            flags: Sequence[Sequence[str]] | None = None) -> "StatusModel":
        """Fit the thresholds to the gold statuses y; ties between equally good thresholds go to
        those whose flags agree with the gold ``flags`` (one per task) more often.  Then the
        trees, on the thresholds' verdicts and the features, to the same statuses."""
        self._check()
        if len(X) != len(y) or not len(X):
            raise ValueError(f"fit needs as many labels as tasks (and at least one), got {len(X)} and {len(y)}")
        if flags is not None and len(flags) != len(y):
            raise ValueError(f"fit needs as many flag lists as labels, got {len(flags)} and {len(y)}")
        bad = sorted(set(y) - set(STATUSES))
        if bad:
            raise ValueError(f"unknown status labels {bad}; use {', '.join(STATUSES)}")
        values = sorted({round(v, self.decimals) for f in X
                         for v in (f.best, f.negated, f.future, f.problem, *f.requirement_best)})
        # A threshold just above each observed value, and one below them all.
        grid = [0.0] + [round(v + 10 ** -self.decimals, self.decimals) for v in values]
        grids = {"evidence": grid, "strong": grid, "coverage": list(_COVERAGE_GRID),
                 "negation": grid, "negation_share": list(_SHARE_GRID), "future": grid, "problem": grid,
                 "future_flag": grid, "negation_flag": grid}
        t = dict(DEFAULTS)

        decider = _Decider(X)
        y_codes = np.array([_Decider._STATUS[s] for s in y], dtype=np.int64)
        gold_bits = decider.flag_bits(flags) if flags is not None else None

        def objective(th: dict[str, float]) -> tuple[float, float, float]:
            pred, bits = decider(th)
            acc = int((pred == y_codes).sum()) / len(y)
            # (a flag the inspector reads, such as negated, is right or wrong on its own)
            agree = 0.0 if gold_bits is None else int((bits == gold_bits).sum()) / len(y)
            return (round(_macro_f1_codes(y_codes, pred), 12), round(acc, 12), round(agree, 12))

        best = objective(t)
        for _ in range(self.rounds):
            changed = False
            for name in PARAMS:
                for v in grids[name]:
                    trial = {**t, name: v}
                    if trial["strong"] < trial["evidence"]:  # strong evidence is at least evidence
                        trial["strong" if name == "evidence" else "evidence"] = v
                    score = objective(trial)
                    if score > best:  # strictly better: the first (smallest) value wins ties
                        best, t, changed = score, trial, True
            if not changed:
                break
        self.thresholds_ = t
        self.train_score_ = {"macro_f1": best[0], "accuracy": best[1], "tasks": len(y)}
        self.stage_ = None
        if self.stage_iter:
            from .stage import fit_trees, vectors

            rule = [STATUSES[i] for i in decider(t)[0]]
            self.stage_ = fit_trees(vectors(X, rule), y, {
                "max_iter": self.stage_iter, "learning_rate": self.stage_rate, "max_leaf_nodes": self.stage_leaves,
                "min_samples_leaf": self.stage_min_leaf, "l2_regularization": self.stage_l2})
            if self.stage_ is not None:
                staged = [s for s, _ in self.decide_all(X)]
                self.train_score_["staged_accuracy"] = round(sum(a == b for a, b in zip(staged, y)) / len(y), 12)
        return self

    def _thresholds(self) -> dict[str, float]:
        if not hasattr(self, "thresholds_"):
            raise ValueError("StatusModel is not fitted: call fit() or StatusModel.load()")
        return self.thresholds_

    def decide(self, f: Features) -> tuple[str, tuple[str, ...]]:
        return self.decide_all([f])[0]

    def decide_all(self, X: Sequence[Features]) -> list[tuple[str, tuple[str, ...]]]:
        """(status, flags) of every task: the thresholds' verdicts, re-read by the trees (the
        tasks of one pair at once: the trees are walked for all of them together)."""
        return [(v.status, v.flags) for v in self.verdicts(X)]

    def verdicts(self, X: Sequence[Features]) -> list["Verdict"]:
        """decide_all's verdicts, each with the trees' probability of its status (None where the
        thresholds alone decide: no trees, or a plan of fewer than MIN_PAIR_TASKS tasks)."""
        t = self._thresholds()
        out = [Verdict(*decide(f, t), None) for f in X]
        stage = getattr(self, "stage_", None)
        if stage is None or not out:
            return out
        from .stage import MIN_PAIR_TASKS, restage, vectors

        at = [i for i, f in enumerate(X) if f.pair_tasks >= MIN_PAIR_TASKS]
        proba = stage.proba(vectors([X[i] for i in at], [out[i].status for i in at]))
        done_above = self.done_above
        for i, p in zip(at, proba):
            f, v = X[i], out[i]
            missing_flags, hard = _missing_flags(f, t), tuple(_hard_flags(f, negation_holds(f, t)))
            s, fl = restage(v.status, v.flags, stage.classes[int(p.argmax())], missing_flags, hard)
            if s == IMPLEMENTED and p[stage.classes.index(IMPLEMENTED)] < done_above:
                s, fl = restage(s, fl, _likelier_problem(p, stage.classes), missing_flags, hard)
            out[i] = Verdict(s, fl, round(float(p[stage.classes.index(s)]), 4))
        return out

    def predict(self, X: Sequence[Features]) -> list[str]:
        return [s for s, _ in self.decide_all(X)]

    def fingerprint(self) -> str:
        """sha256 of to_json(), kept once computed (the trees make the file long to write for
        every comparison); new thresholds or other trees (a refit) compute it again."""
        thresholds, stage = tuple(sorted(self._thresholds().items())), getattr(self, "stage_", None)
        got = getattr(self, "_fingerprint", None)
        if got is None or got[0] != thresholds or got[1] is not stage:
            got = self._fingerprint = (thresholds, stage,
                                       "sha256:" + hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()[:16])
        return got[2]

    def to_json(self) -> str:
        body = {"format": FORMAT, "params": self.get_params(), "thresholds": self._thresholds(),
                "train_score": self.train_score_}
        text = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True)
        stage = getattr(self, "stage_", None)
        if stage is None:
            return text + "\n"
        # the trees' arrays one line each: the thresholds above stay readable
        arrays = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}"
                            for k, v in stage.to_dict().items())
        return text[:-2] + ',\n  "stage": {\n' + arrays + "\n  }\n}\n"

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path | None = None) -> "StatusModel":
        from ..errors import ModelsNotFoundError
        from ..lexicon import models_dir

        path = Path(path) if path is not None else models_dir() / MODEL_FILE
        try:
            body = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as e:
            raise ModelsNotFoundError(path, f"cannot read the status model ({e.strerror}); "
                                            "rebuild it with `policytext train`") from None
        except ValueError as e:
            raise ModelsNotFoundError(path, f"the status model is not valid JSON ({e})") from None
        if body.get("format") not in (FORMAT, _THRESHOLDS_ONLY) or set(body.get("thresholds", {})) != set(PARAMS):
            raise ModelsNotFoundError(path, f"not a {FORMAT} file; rebuild it with `policytext train`")
        params = dict(body.get("params", {}))
        if body["format"] == _THRESHOLDS_ONLY:
            params["stage_iter"] = 0  # (a model file of session 23 or before: thresholds alone)
        model = cls(**params)
        model.thresholds_ = {k: float(v) for k, v in body["thresholds"].items()}
        model.train_score_ = body.get("train_score", {})
        model.stage_ = None
        if "stage" in body:
            from .stage import Trees

            try:
                model.stage_ = Trees.from_dict(body["stage"])
            except (ValueError, KeyError, TypeError) as e:
                raise ModelsNotFoundError(path, f"the status model's stage cannot be read ({e}); "
                                                "rebuild it with `policytext train`") from None
        return model
