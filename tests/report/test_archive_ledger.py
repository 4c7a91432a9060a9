"""The archive ledger (batch --compare): one filterable 督查台账 sheet with the issuer as a column,
the 配对情况 sheet, written row by row with progress reports."""
import pytest
from openpyxl import load_workbook

from policytext.report.excel import ARCHIVE_COLUMNS, PROGRESS_EVERY, write_archive_ledger

HEAD = 2
COL = {name: k for k, name in enumerate(ARCHIVE_COLUMNS, 1)}


def ledger_row(n, issuer="甲局", plan="甲/plan.txt", summary="甲/summary.txt", status="partial", **kw):
    verdict = {"implemented": "已落实", "partial": "部分落实", "missing": "未落实"}[status]
    row = {"issuer": issuer, "plan": plan, "summary": summary, "number": n, "task": f"一/{n}",
           "content": "每季度至少开展1次专题学习。" * 3, "lead": "机关党委", "support": "", "deadlines": "",
           "quotas": "", "evidence": "全年开展专题学习3次。", "status": status, "verdict": verdict,
           "flags": "quota_unmet", "reason": "部分落实：数量未达标。", "score": 0.5, "on_time": "—"}
    row.update(kw)
    return row


PAIRS = [{"plan": "甲/plan.txt", "summary": "甲/summary.txt", "issuer": "甲局", "year": 2024, "status": "paired",
          "reason": ""},
         {"plan": "乙/plan.txt", "summary": "乙/summary.txt", "issuer": "乙局", "year": 2024, "status": "paired",
          "reason": ""},
         {"plan": None, "summary": "丙/summary.txt", "issuer": "丙局", "year": 2023, "status": "unpaired",
          "reason": "未找到同一单位同一年度的计划"}]


def test_one_sheet_with_an_issuer_column_and_the_pairs(tmp_path):
    rows = [ledger_row(1), ledger_row(2, status="implemented", flags=""),
            ledger_row(1, issuer="乙局", plan="乙/plan.txt", summary="乙/summary.txt", status="missing",
                       flags="future_only,weak_evidence")]
    wb = load_workbook(write_archive_ledger(rows, PAIRS, tmp_path / "ledger.xlsx"))
    assert wb.sheetnames == ["配对情况", "督查台账"]
    ws = wb["督查台账"]
    assert [c.value for c in ws[HEAD]] == list(ARCHIVE_COLUMNS)
    assert ws.auto_filter.ref == f"A2:{chr(ord('A') + len(ARCHIVE_COLUMNS) - 1)}5"
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
    assert [ws.cell(r, COL["发文单位"]).value for r in (3, 4, 5)] == ["甲局", "甲局", "乙局"]
    assert ws.cell(5, COL["标记"]).value == "仅有计划表述；证据不足"
    assert ws.cell(5, COL["核查结论"]).value == "未落实" and ws.cell(5, COL["备注"]).value is None
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == f"{chr(ord('A') + COL['核查结论'] - 1)}3:{chr(ord('A') + COL['核查结论'] - 1)}5"
    pairs = list(wb["配对情况"].iter_rows(values_only=True))
    assert pairs[1][:5] == ("甲/plan.txt", "甲/summary.txt", "甲局", 2024, "已配对") and pairs[1][6:] == (1, 1, 0)
    assert pairs[2][6:] == (0, 0, 1)
    assert pairs[3][:6] == (None, "丙/summary.txt", "丙局", 2023, "未配对", "未找到同一单位同一年度的计划")
    assert pairs[3][6:] == (None, None, None)


@pytest.mark.parametrize("row, expected", [
    ({"on_time": "未到期"}, "未到期"),  # as the batch ledger table gives it
    ({"on_time": None, "deadlines": ""}, "—"),  # a ledger table from before the column: no deadline
    ({"on_time": None, "deadlines": "6月底前", "flags": "deadline_missed"}, "否"),
    ({"on_time": None, "deadlines": "6月底前", "flags": ""}, None),  # cannot be told: left empty
])
def test_on_time_column(tmp_path, row, expected):
    ws = load_workbook(write_archive_ledger([ledger_row(1, **row)], [], tmp_path / "l.xlsx"))["督查台账"]
    assert ws.cell(3, COL["是否按期完成"]).value == expected


def test_progress_while_writing(tmp_path):
    n = 2 * PROGRESS_EVERY + 7
    seen = []
    write_archive_ledger((ledger_row(k) for k in range(1, n + 1)), PAIRS[:1], tmp_path / "l.xlsx", total=n,
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, n), (PROGRESS_EVERY, n), (2 * PROGRESS_EVERY, n), (n, n)]
    assert load_workbook(tmp_path / "l.xlsx", read_only=True)["督查台账"].max_row == n + HEAD


def test_batch_reports_the_ledger_stage(tmp_path):
    from policytext.batch import Progress, run_batch
    from tests.batch.conftest import make_archive

    seen: list[Progress] = []
    run_batch(make_archive(tmp_path / "a"), tmp_path / "out", jobs=1, compare=True, progress=seen.append)
    ledger = [p for p in seen if p.stage == "ledger"]
    assert ledger[0].done == 0 and ledger[-1].done == ledger[-1].total > 0
    assert [p.stage for p in seen].index("ledger") > [p.stage for p in seen].index("comparisons")
    ws = load_workbook(tmp_path / "out" / "ledger.xlsx", read_only=True)["督查台账"]
    assert ws.max_row == ledger[-1].total + HEAD
