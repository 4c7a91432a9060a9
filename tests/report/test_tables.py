from __future__ import annotations

import pandas as pd
import pytest

from policytext.report.tables import COLUMNS
from policytext.report.tables import _dates, analysis_frame, typed


@pytest.mark.parametrize("name", list(COLUMNS))
def test_an_empty_table_has_its_columns_and_types(name):
    df = typed(name, [])
    assert list(df.columns) == [c for c, _ in COLUMNS[name]]
    for col, kind in COLUMNS[name]:
        dtype = df[col].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            continue
        assert str(dtype) == {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean"}[kind], col


@pytest.mark.parametrize("iso, end, expected", [
    ("2024-06-30", True, "2024-06-30"),
    ("2024-06", True, "2024-06-30"),
    ("2024-02", True, "2024-02-29"),
    ("2024-12", True, "2024-12-31"),
    ("2024", True, "2024-12-31"),
    ("2024-04", False, "2024-04-01"),
    ("2024", False, "2024-01-01"),
    (None, True, None),
])
def test_dates(iso, end, expected):
    got = _dates(pd.Series([iso], dtype="string"), end=end)[0]
    assert (pd.isna(got) and expected is None) or got == pd.Timestamp(expected)


def _tables(**tables):
    return lambda name: typed(name, tables.get(name, []))


DOC = {"doc_id": "d1", "path": "a.txt", "title": "某局2024年工作要点", "kind": "plan", "issuer": "某局", "year": 2024}


def test_every_row_gets_its_documents_issuer_and_year():
    get = _tables(documents=[DOC], quotas=[{"doc_id": "d1", "path": "a.txt", "text": "每季度1次", "period": "quarter"},
                                           {"doc_id": None, "path": "b.txt", "text": "x", "period": "year"}])
    q = analysis_frame("quotas", get)
    assert list(q["issuer"].astype(object).fillna("-")) == ["某局", "-"]
    assert list(q["year"].astype(object).fillna(-1)) == [2024, -1]


def test_deadline_precision_keeps_what_the_iso_date_said():
    get = _tables(documents=[DOC], deadlines=[{"doc_id": "d1", "path": "a.txt", "text": t, "date": d}
                                              for t, d in (("6月底前", "2024-06-30"), ("2024年1月至3月", "2024-03"),
                                                           ("会后7日内", None))])
    d = analysis_frame("deadlines", get)
    assert list(d["date_precision"].astype(object).fillna("-")) == ["day", "month", "-"]


def test_ledger_rows_name_their_section():
    tasks = [{"doc_id": "p", "path": "p.txt", "task": "一", "parent": None, "marker": "一、", "heading": "加强政治建设"},
             {"doc_id": "p", "path": "p.txt", "task": "一/1", "parent": "一", "marker": "1.", "heading": "学习"}]
    ledger = [{"plan_id": "p", "plan": "p.txt", "summary_id": "s", "task": t, "status": "partial"}
              for t in ("一/1", "二/3")]
    get = _tables(documents=[DOC | {"doc_id": "p", "title": "计划"}, DOC | {"doc_id": "s", "year": 2025}],
                  tasks=tasks, ledger=ledger)
    df = analysis_frame("ledger", get)
    assert list(df["section"]) == ["一、加强政治建设", "二"]
    assert list(df["year"]) == [2025, 2025]  # the summary's year
    assert list(df["plan_title"]) == ["计划", "计划"]


def test_unknown_table():
    with pytest.raises(ValueError, match="no table 'nope'"):
        analysis_frame("nope", _tables())
