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
            "unreported_words", "text_len", "clauses", "list_marks", "clause_cover",
            "rule_implemented", "rule_partial", "rule_missing",
            "pair_median", "pair_rank", "pair_tasks", "owned", "close_reports", "set_aside")
HARD_FLAGS = frozenset({"quota_unmet", "placeholder", "deadline_missed", "negated"})
MIN_TASKS = 200  # fewer labelled tasks than this fit no trees (the thresholds alone decide)
# …and a plan of fewer judged tasks than this is left to the thresholds: the trees read a task
# against its pair's others, and were fitted on pairs of 12 labelled tasks and more
MIN_PAIR_TASKS = 8
# A verdict the trees give less than this probability is marked for an inspector's review.  Chosen
# on the opened splits' out-of-fold probabilities (one folder held out of the fit at a time): the
# 13% of tasks under it held 56% of the errors, and the rest were right 96% of the time.
REVIEW_BELOW = 0.85


def needs_review(certainty: float | None) -> bool:
    """The trees are unsure of a verdict they gave (None: the thresholds decided, no mark)."""
    return certainty is not None and certainty < REVIEW_BELOW

_BLOCK = 128  # rows scored together by the trees (128 x 6,300 splits: 6 MB of tests)


def vectors(features: Sequence[Any], rule_statuses: Sequence[str]) -> np.ndarray:
    """One row per task: its features (model.Features) and the thresholds' verdict."""
    rows = []
    for f, s in zip(features, rule_statuses):
        reqs = f.requirement_best
        rows.append([f.best, f.negated, f.future, f.problem, f.negated_partial, f.quota_unmet, f.placeholder,
                     f.deadline_missed, f.reported, f.counts_only, f.loose, f.on_time,
                     len(reqs), min(reqs, default=0.0), sum(reqs) / len(reqs) if reqs else 0.0, max(reqs, default=0.0),
                     *f.quota_counts, *f.limit_counts, f.unreported_words, f.text_len, f.clauses, f.list_marks, f.clause_cover,
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
        """(n, n_classes) raw scores.  Every split of every tree is tested for every row at once;
        each failed test (the row goes right) rules out the leaves left of it, and the leaf a row
        reaches is the leftmost one no test ruled out (the QuickScorer way: a few passes over an
        array of rows x splits, instead of one gather per level of every tree)."""
        X = np.asarray(X, dtype=np.float64)
        if len(X) > _BLOCK:  # (rows x splits arrays stay small: a block of rows at a time)
            return np.concatenate([self.raw(X[i:i + _BLOCK]) for i in range(0, len(X), _BLOCK)])
        n = len(X)
        x = X[:, self._split_feature]
        right = x > self._split_threshold
        if np.isnan(x).any():
            right = np.where(np.isnan(x), ~self._split_missing_left, right)
        # (each tree's splits padded to the same count with tests that never fail)
        if self._width:
            masks = np.where(right, self._split_mask, self._all).reshape(n, len(self.roots), self._width)
            alive = np.bitwise_and.reduce(masks, axis=2)
        else:  # (every tree one leaf)
            alive = np.full((n, len(self.roots)), self._all)
        first = np.log2((alive & (~alive + 1)).astype(np.float64)).astype(np.int64)  # the leftmost leaf left
        per_tree = self._leaf_value[np.arange(len(self.roots)), first]
        return self.baseline + per_tree.reshape(n, -1, len(self.classes)).sum(axis=1)

    def __post_init__(self) -> None:
        # each tree's leaves numbered left to right, and for each split the leaves left of it
        # (its left subtree's) as a bit mask; splits grouped by tree
        feats, thrs, mls, masks, first, values = [], [], [], [], [], []
        widest = 1
        for root in self.roots.tolist():
            leaves: list[int] = []
            splits: list[tuple[int, list[int]]] = []

            def walk(node: int) -> list[int]:
                if self.leaf[node]:
                    leaves.append(node)
                    return [len(leaves) - 1]
                at = len(splits)
                splits.append((node, []))
                left = walk(int(self.left[node]))
                splits[at] = (node, left)
                return left + walk(int(self.right[node]))

            walk(int(root))
            widest = max(widest, len(leaves))
            first.append(len(feats))
            for node, left in splits:
                feats.append(int(self.feature[node]))
                thrs.append(float(self.threshold[node]))
                mls.append(bool(self.missing_left[node]))
                masks.append(sum(1 << i for i in left))
            values.append([float(self.value[v]) for v in leaves])
        if widest > 63:
            raise ValueError("the stage's trees have more than 63 leaves")
        full = (1 << widest) - 1
        bits = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64) if np.iinfo(t).bits >= widest)
        width = widest - 1  # splits of a tree of widest leaves at most

        def pad(col: list, fill) -> np.ndarray:
            ends = first[1:] + [len(col)]
            return np.array([v for a, b in zip(first, ends) for v in (col[a:b] + [fill] * width)[:width]])

        leaf_value = np.zeros((len(values), widest))
        for i, v in enumerate(values):
            leaf_value[i, :len(v)] = v
        derived = {"_split_feature": pad(feats, 0).astype(np.int64).reshape(-1),
                   "_split_threshold": pad(thrs, np.inf).astype(np.float64).reshape(-1),
                   "_split_missing_left": pad(mls, True).astype(bool).reshape(-1),
                   "_split_mask": pad([full & ~m for m in masks], full).astype(bits).reshape(-1),
                   "_all": bits(full), "_width": width, "_leaf_value": leaf_value}
        for k, v in derived.items():  # (a frozen dataclass's arrays derived once)
            object.__setattr__(self, k, v)

    def status(self, X: np.ndarray) -> list[str]:
        if not len(X):
            return []
        return [self.classes[i] for i in self.raw(X).argmax(axis=1)]

    def proba(self, X: np.ndarray) -> np.ndarray:
        """(n, n_classes) class probabilities (sklearn's predict_proba: a softmax of raw)."""
        if not len(X):
            return np.zeros((0, len(self.classes)))
        raw = self.raw(X)
        e = np.exp(raw - raw.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

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
