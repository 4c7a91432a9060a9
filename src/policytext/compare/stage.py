"""The second stage of the status model: boosted trees that re-read a task's status from the
same features the thresholds see, with the thresholds' own verdict and the pair's context (how
well the pair's other tasks are reported) as inputs.

The thresholds are read as plain rules; each one alone cannot say that a report at 0.26 among
a talk's weak reports is done while one at 0.31 beside an unreported figure of a compound task
is not.  The trees are fitted by scikit-learn on the labelled pairs and kept as plain arrays
(models/compare_model.json), so judging needs no pickle and the file rebuilds bit for bit.

What the trees may not do: clear a task the checks found wanting (an unmet figure, a missed
limit, an unfilled number, a negation) back to implemented.  A verdict they change gets the
flags its new status would carry: weak_evidence when a report is judged to cover only part of
the task, future_only / negated on their own thresholds when it is judged missing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from .status import IMPLEMENTED, MISSING, PARTIAL, STATUSES

# The features the trees read, in this order (a model file names them, and is refused if they differ).
FEATURES = ("best", "negated", "future", "problem", "negated_partial", "quota_unmet", "placeholder",
            "deadline_missed", "reported", "counts_only", "loose", "on_time",
            "requirements", "requirement_min", "requirement_mean", "requirement_max",
            "quotas", "quotas_met", "quotas_unmet", "quotas_unreported", "quotas_unverifiable",
            "limits", "limits_met", "limits_missed", "limits_unreported",
            "unreported_words", "text_len", "clauses", "list_marks",
            "rule_implemented", "rule_partial", "rule_missing",
            "pair_median", "pair_rank", "pair_tasks", "owned", "close_reports", "set_aside")
HARD_FLAGS = frozenset({"quota_unmet", "placeholder", "deadline_missed", "negated"})
MIN_TASKS = 200  # fewer labelled tasks than this fit no trees (the thresholds alone decide)
# …and a plan of fewer judged tasks than this is left to the thresholds: the trees read a task
# against its pair's others, and were fitted on pairs of 12 labelled tasks and more
MIN_PAIR_TASKS = 8


def vectors(features: Sequence[Any], rule_statuses: Sequence[str]) -> np.ndarray:
    """One row per task: its features (model.Features) and the thresholds' verdict."""
    rows = []
    for f, s in zip(features, rule_statuses):
        reqs = f.requirement_best
        rows.append([f.best, f.negated, f.future, f.problem, f.negated_partial, f.quota_unmet, f.placeholder,
                     f.deadline_missed, f.reported, f.counts_only, f.loose, f.on_time,
                     len(reqs), min(reqs, default=0.0), sum(reqs) / len(reqs) if reqs else 0.0, max(reqs, default=0.0),
                     *f.quota_counts, *f.limit_counts, f.unreported_words, f.text_len, f.clauses, f.list_marks,
                     s == IMPLEMENTED, s == PARTIAL, s == MISSING, f.pair_median, f.pair_rank, f.pair_tasks,
                     f.owned, f.close_reports, f.set_aside])
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))


@dataclass(frozen=True)
class Trees:
    """A fitted HistGradientBoostingClassifier's trees as flat arrays: every tree's nodes one
    after another, children as indices into the same arrays.  status(X) is its predict()."""

    classes: tuple[str, ...]
    baseline: np.ndarray  # (n_classes,) raw score before any tree
    roots: np.ndarray  # (n_trees,) the first node of each tree; tree k adds to class k % n_classes
    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray

    @classmethod
    def of(cls, clf) -> "Trees":
        """From a fitted sklearn HistGradientBoostingClassifier on numerical features."""
        roots, parts, at = [], [], 0
        for per_iteration in clf._predictors:
            for tree in per_iteration:
                n = tree.nodes
                roots.append(at)
                parts.append((n["feature_idx"], n["num_threshold"], n["missing_go_to_left"],
                              n["left"] + at, n["right"] + at, n["value"], n["is_leaf"]))
                at += len(n)
        cols = [np.concatenate([p[i] for p in parts]) for i in range(7)]
        return cls(tuple(STATUSES[int(c)] for c in clf.classes_), np.asarray(clf._baseline_prediction, float).ravel(),
                   np.array(roots, np.int64), cols[0].astype(np.int64), cols[1].astype(np.float64), cols[2].astype(bool),
                   cols[3].astype(np.int64), cols[4].astype(np.int64), cols[5].astype(np.float64), cols[6].astype(bool))

    def raw(self, X: np.ndarray) -> np.ndarray:
        """(n, n_classes) raw scores: every tree walked for every row at once, one level per step
        (a leaf's children are itself, so rows that reach one stay there)."""
        X = np.asarray(X, dtype=np.float64)
        node = np.broadcast_to(self.roots.astype(np.int32), (len(X), len(self.roots))).copy()
        rows = (np.arange(len(X), dtype=np.int32) * X.shape[1])[:, None]
        flat, nan = X.ravel(), bool(np.isnan(X).any())
        for _ in range(self._depth):
            x = flat[rows + self._feature[node]]
            right = ~(x <= self.threshold[node])
            if nan:
                right = np.where(np.isnan(x), ~self.missing_left[node], right)
            node = self._child[2 * node + right]  # (int32 throughout: half the memory to move)
        per_tree = self.value[node].reshape(len(X), -1, len(self.classes))
        return self.baseline + per_tree.sum(axis=1)

    def __post_init__(self) -> None:
        # children side by side (left, right), a leaf its own child; and the deepest path
        idx = np.arange(len(self.leaf))
        child = np.stack([np.where(self.leaf, idx, self.left), np.where(self.leaf, idx, self.right)], axis=1)
        depth, node = 0, self.roots.copy()
        frontier = node[~self.leaf[node]]
        while len(frontier):
            depth += 1
            nxt = np.concatenate([self.left[frontier], self.right[frontier]])
            frontier = nxt[~self.leaf[nxt]]
        object.__setattr__(self, "_child", child.ravel().astype(np.int32))
        object.__setattr__(self, "_feature", self.feature.astype(np.int32))
        object.__setattr__(self, "_depth", depth)

    def status(self, X: np.ndarray) -> list[str]:
        if not len(X):
            return []
        return [self.classes[i] for i in self.raw(X).argmax(axis=1)]

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "classes": list(self.classes), "baseline": self.baseline.tolist(),
                "roots": self.roots.tolist(), "feature": self.feature.tolist(), "threshold": self.threshold.tolist(),
                "missing_left": self.missing_left.astype(int).tolist(), "left": self.left.tolist(),
                "right": self.right.tolist(), "value": self.value.tolist(), "leaf": self.leaf.astype(int).tolist()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Trees":
        if tuple(d.get("features", ())) != FEATURES:
            raise ValueError("the stage was fitted on other features")
        n = len(d["feature"])
        cols = [d[k] for k in ("threshold", "missing_left", "left", "right", "value", "leaf")]
        if any(len(c) != n for c in cols) or set(d["classes"]) - set(STATUSES):
            raise ValueError("the stage's trees are malformed")
        return cls(tuple(d["classes"]), np.array(d["baseline"], np.float64), np.array(d["roots"], np.int64),
                   np.array(d["feature"], np.int64), np.array(d["threshold"], np.float64),
                   np.array(d["missing_left"], bool), np.array(d["left"], np.int64), np.array(d["right"], np.int64),
                   np.array(d["value"], np.float64), np.array(d["leaf"], bool))


def fit_trees(X: np.ndarray, y: Sequence[str], params: dict[str, Any]) -> Trees | None:
    """Boosted trees for y over the rows X, or None when there are too few tasks or statuses to
    learn from.  One thread: the sums over samples then add up in one order, and the fit is
    the same on every machine."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    codes = np.array([STATUSES.index(s) for s in y], dtype=np.int64)
    if len(codes) < MIN_TASKS or len(set(codes.tolist())) < len(STATUSES):
        return None
    clf = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **params)
    with threadpool_limits(1):
        clf.fit(X, codes)
    return Trees.of(clf)


def restage(status: str, flags: tuple[str, ...], new: str, missing_flags: tuple[str, ...],
            hard: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The verdict after the trees: status/flags the thresholds gave, new the trees' status.
    missing_flags: what a missing task would be flagged on its thresholds (future_only, negated);
    hard: the checks' flags (quota_unmet, placeholder, deadline_missed, negated)."""
    if new == status or (new == IMPLEMENTED and HARD_FLAGS & set(flags)):
        return status, flags
    if new == IMPLEMENTED:
        return IMPLEMENTED, ()
    if new == PARTIAL:
        return PARTIAL, (hard or ("weak_evidence",)) if status == MISSING else ("weak_evidence",)
    return MISSING, missing_flags
