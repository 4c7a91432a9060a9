"""Scoring against gold annotations (files FILE.gold.json in the contract's schema)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .analysis import analyze
from .ingest import read


@dataclass(frozen=True)
class OutlineScore:
    name: str
    gold: int
    predicted: int
    matched: int
    headings_right: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def heading_accuracy(self) -> float:
        return self.headings_right / self.matched if self.matched else 1.0


def _norm(s: str) -> str:
    return "".join(s.split())


def score_outline(name: str, gold_tasks: list[dict], predicted: list[dict]) -> OutlineScore:
    """Paths matched as a multiset (a duplicated path counts twice); headings compared
    between the k-th gold and k-th predicted task of the same path."""
    g = Counter(t["path"] for t in gold_tasks)
    p = Counter(t["path"] for t in predicted)
    matched = sum(min(g[k], p[k]) for k in g)
    by_path: dict[str, list[str]] = defaultdict(list)
    for t in predicted:
        by_path[t["path"]].append(t["heading"])
    seen: Counter[str] = Counter()
    right = 0
    for t in gold_tasks:
        k = seen[t["path"]]
        seen[t["path"]] += 1
        if k < len(by_path.get(t["path"], [])) and _norm(by_path[t["path"]][k]) == _norm(t["heading"]):
            right += 1
    return OutlineScore(name, sum(g.values()), sum(p.values()), matched, right)


def evaluate_folder(docs_dir: Path, gold_dir: Path) -> list[OutlineScore]:
    rows = []
    for gold_file in sorted(Path(gold_dir).glob("*.gold.json")):
        doc_path = Path(docs_dir) / gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        predicted = analyze(read(doc_path)).to_dict()
        rows.append(score_outline(doc_path.name, gold["tasks"], predicted["tasks"]))
    return rows


def format_table(rows: list[OutlineScore]) -> str:
    head = f"{'document':44} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'head.acc':>8}"
    lines = ["outline", head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.name[:44]:44} {r.gold:5d} {r.predicted:5d} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.heading_accuracy:8.3f}")
    total = OutlineScore("ALL (micro)", sum(r.gold for r in rows), sum(r.predicted for r in rows),
                         sum(r.matched for r in rows), sum(r.headings_right for r in rows))
    lines.append("-" * len(head))
    lines.append(f"{total.name:44} {total.gold:5d} {total.predicted:5d} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.heading_accuracy:8.3f}")
    return "\n".join(lines)
