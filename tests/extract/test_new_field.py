"""Adding a field is one new extractor module and one line in extract/fields.py: done here to a
copy of the package, and the new field then shows in the JSON, the batch tables and their
DataFrames, the notebook display, the spaCy span groups and the evaluation."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT

MODULE = '''"""Budget amounts: 安排资金120万元."""
from __future__ import annotations

import re
from typing import Iterator

from .._record import Record, frozen
from ._common import task_path

_AMOUNT = re.compile(r"(?:安排|投入)资金(?P<n>[0-9]+)万元")


@frozen
class Budget(Record):
    text: str
    start: int
    end: int
    task: str | None
    amount: int


def budgets(doc, outline, notices) -> Iterator[Budget]:
    for m in _AMOUNT.finditer(doc.text):
        yield Budget(m.group(), m.start(), m.end(), task_path(outline, m.start()), int(m.group("n")) * 10_000)
'''

LINE = ('    Field("budgets", Budget, budgets, "budget", "预算资金", ("#eeeeee", "#333333"), '
        'lambda b: f"预算：{b.amount}元", ("amount",)),\n')

PROBE = '''
import json
import policytext
from policytext.report.tables import COLUMNS, DOC_TABLES, document_rows
from policytext.evaluation.extraction import TYPED

a = policytext.analyze(policytext.from_text("某局2024年工作要点\\n一、保障\\n1.安排资金120万元用于培训。"))
rows = document_rows(a, "id", "x.txt")
nlp = policytext.nlp()
doc = nlp(a.document.text)
print(json.dumps({
    "json": a.to_dict()["budgets"],
    "attr": [b.amount for b in a.budgets],
    "columns": [c for c, _ in COLUMNS["budgets"]],
    "tables": "budgets" in DOC_TABLES,
    "rows": rows["budgets"],
    "count": rows["documents"][0]["budgets"],
    "display": "预算资金 1" in a._repr_html_(),
    "spacy": [s.text for s in doc.spans["budget"]],
    "typed": list(TYPED["budgets"]),
}, ensure_ascii=False))
'''


def test_a_new_field_is_one_module_and_one_registry_line(tmp_path):
    copy = tmp_path / "policytext"
    shutil.copytree(ROOT / "src" / "policytext", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "extract" / "budgets.py").write_text(MODULE, encoding="utf-8")
    fields = copy / "extract" / "fields.py"
    text = fields.read_text(encoding="utf-8")
    text = text.replace("from .deadlines import", "from .budgets import Budget, budgets\nfrom .deadlines import", 1)
    text = text.replace("\n)\nBY_NAME", "\n" + LINE + ")\nBY_NAME", 1)
    assert LINE in text
    fields.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "POLICYTEXT_MODELS": str(ROOT / "models")}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["json"] == [{"text": "安排资金120万元", "start": 19, "end": 28, "task": "一/1", "amount": 1200000}]
    assert got["attr"] == [1200000]
    assert got["columns"] == ["doc_id", "path", "task", "text", "start", "end", "amount"] and got["tables"]
    assert got["rows"] == [{"doc_id": "id", "path": "x.txt", "task": "一/1", "text": "安排资金120万元", "start": 19,
                            "end": 28, "amount": 1200000}]
    assert got["count"] == 1 and got["display"]
    assert got["spacy"] and all("120" in s for s in got["spacy"])
    assert got["typed"] == ["amount"]
