"""An inspector edits the ledger in a spreadsheet; `apply_ledger` keeps the edits as overrides,
and the ledger, the HTML report and the JSON written from it show them next to the machine's."""
import json
import shutil

import pytest
from openpyxl import Workbook, load_workbook

import policytext
from policytext.compare import StatusModel
from policytext.compare.overrides import Override
from policytext.comparison import apply_ledger
from policytext.errors import LedgerError, SourceChangedError, SourceMissingError
from policytext.report.ledger import COLUMNS
from tests.compare.conftest import CORPUS

COL = {name: k for k, name in enumerate(COLUMNS, 1)}


@pytest.fixture(scope="module")
def model():
    return StatusModel.load()


@pytest.fixture
def ledger(tmp_path, model):
    """A ledger of copies of the tax pair (so that tests may change or move them)."""
    for name in ("plan_tax_party_2024.txt", "summary_tax_party_2024.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    c = policytext.compare(tmp_path / "plan_tax_party_2024.txt", tmp_path / "summary_tax_party_2024.txt", model=model)
    return c.to_excel(tmp_path / "台账.xlsx")


def edit(path, changes, by="李四"):
    """Change cells as an inspector would: {task: {column: value}}, saved by `by`."""
    wb = load_workbook(path)
    ws = wb["督查台账"]
    rows = {ws.cell(r, COL["任务编号"]).value: r for r in range(3, ws.max_row + 1)}
    for task, cells in changes.items():
        for name, value in cells.items():
            ws.cell(rows[task], COL[name]).value = value
    wb.properties.lastModifiedBy = by
    wb.save(path)


def cells(path, task):
    ws = load_workbook(path)["督查台账"]
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, COL["任务编号"]).value == task:
            return {name: ws.cell(r, k).value for name, k in COL.items()}
    raise KeyError(task)


def test_round_trip(ledger, tmp_path, model):
    edit(ledger, {"一/1": {"核查结论": "已落实", "说明": "经现场核查，轮训已于5月完成。"},
                  "二/4": {"备注": "请补充支部活动记录"}})
    applied = apply_ledger(ledger, model=model)
    assert applied.warnings == () and applied.changed == 2
    c = applied.comparison
    ov = c.overridden
    assert set(ov) == {"一/1", "二/4"}
    one = ov["一/1"]
    assert (one.status, one.reason, one.note, one.by) == ("implemented", "经现场核查，轮训已于5月完成。", "", "李四")
    assert one.at.endswith("Z") and len(one.at) == 20  # the workbook's modified time, UTC
    machine = {i.task.path: i for i in c.items}
    assert (ov["二/4"].status, ov["二/4"].reason) == (machine["二/4"].status, machine["二/4"].reason)
    assert ov["二/4"].note == "请补充支部活动记录"

    out_x, out_h, out_j = tmp_path / "out.xlsx", tmp_path / "out.html", tmp_path / "out.json"
    c.to_excel(out_x)
    c.to_html(out_h)
    out_j.write_text(json.dumps(c.to_dict(), ensure_ascii=False), encoding="utf-8")

    d = json.loads(out_j.read_text(encoding="utf-8"))
    item = next(i for i in d["items"] if i["task"] == "一/1")
    assert item["status"] == "partial"  # the machine's verdict is kept
    assert item["override"] == {"status": "implemented", "reason": "经现场核查，轮训已于5月完成。", "note": "",
                                "by": "李四", "at": one.at}
    assert d["totals"] == c.totals and d["reviewed_totals"]["implemented"] == c.totals["implemented"] + 1
    assert sum("override" in i for i in d["items"]) == 2

    row = cells(out_x, "一/1")
    assert row["核查结论"] == "已落实" and row["说明"] == "经现场核查，轮训已于5月完成。"
    assert row["标记"].startswith("人工核定（系统结论：部分落实；李四，") and "数量未达标" in row["标记"]
    assert cells(out_x, "二/4")["备注"] == "请补充支部活动记录"
    totals = {r[0]: r for r in load_workbook(out_x)["汇总"].iter_rows(values_only=True) if r[0]}
    assert totals["核查结论"][3] == "人工核定后" and totals["已落实"][3] == d["reviewed_totals"]["implemented"]

    page = out_h.read_text(encoding="utf-8")
    assert "人工·已落实" in page and "系统·部分落实" in page and "〔人工核定：李四" in page
    assert 'class="task implemented" id="t0"' in page


def test_applying_twice_changes_nothing_and_earlier_overrides_survive(ledger, tmp_path, model):
    edit(ledger, {"一/1": {"核查结论": "已落实"}})
    first = apply_ledger(ledger, model=model).comparison
    again = first.to_excel(tmp_path / "again.xlsx")
    second = apply_ledger(again, by="王五", model=model)
    assert second.changed == 0 and second.comparison.overrides == first.overrides  # still 李四's, at his time
    assert apply_ledger(ledger, model=model).comparison.overrides == first.overrides

    edit(again, {"二/5": {"核查结论": "部分落实"}}, by="王五")  # a second inspector adds to the first
    third = apply_ledger(again, model=model).comparison.overridden
    assert (third["一/1"].by, third["二/5"].by) == ("李四", "王五")


def test_editing_back_to_the_machine_verdict_removes_the_override(ledger, tmp_path, model):
    edit(ledger, {"一/1": {"核查结论": "已落实"}})
    c = apply_ledger(ledger, model=model).comparison
    out = c.to_excel(tmp_path / "o.xlsx")
    machine = next(i for i in c.items if i.task.path == "一/1")
    edit(out, {"一/1": {"核查结论": "部分落实", "说明": machine.reason}})
    back = apply_ledger(out, model=model)
    assert back.comparison.overrides == () and back.changed == 1


def test_by_overrides_the_workbook_author(ledger, model):
    edit(ledger, {"一/1": {"核查结论": "未落实"}}, by="")
    assert apply_ledger(ledger, model=model).comparison.overridden["一/1"].by is None  # nobody named
    assert apply_ledger(ledger, by="张三", model=model).comparison.overridden["一/1"].by == "张三"


@pytest.mark.parametrize("value, match", [
    ("基本落实", "row 3 \\(任务 一/1\\): 核查结论 is “基本落实”, not one of 已落实、部分落实、未落实"),
    (None, "核查结论 is empty"),
])
def test_unknown_verdict_is_an_error(ledger, model, value, match):
    edit(ledger, {"一/1": {"核查结论": value}})
    with pytest.raises(LedgerError, match=match):
        apply_ledger(ledger, model=model)


def test_verdict_with_spaces_is_read(ledger, model):
    edit(ledger, {"一/1": {"核查结论": " 已落实 "}})
    assert apply_ledger(ledger, model=model).comparison.overridden["一/1"].status == "implemented"


def test_workbooks_not_written_by_policytext(tmp_path, model):
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    with pytest.raises(LedgerError, match="not a ledger written by policytext"):
        apply_ledger(other, model=model)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(LedgerError, match="not an Excel workbook"):
        apply_ledger(junk, model=model)
    with pytest.raises(LedgerError, match="no such file"):
        apply_ledger(tmp_path / "none.xlsx", model=model)


def test_a_changed_source_is_refused(ledger, tmp_path, model):
    plan = tmp_path / "plan_tax_party_2024.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n补充一条。", encoding="utf-8")
    with pytest.raises(SourceChangedError, match="the plan .* changed since the ledger was written"):
        apply_ledger(ledger, model=model)


def test_a_moved_source_is_found_with_an_option(ledger, tmp_path, model):
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(tmp_path / "summary_tax_party_2024.txt", moved / "总结.txt")
    with pytest.raises(SourceMissingError, match="give --summary PATH if it moved"):
        apply_ledger(ledger, model=model)
    edit(ledger, {"一/1": {"核查结论": "已落实"}})
    c = apply_ledger(ledger, summary=moved / "总结.txt", model=model).comparison
    assert c.overridden["一/1"].status == "implemented"
    with pytest.raises(SourceMissingError, match="no such file \\(given as --plan\\)"):
        apply_ledger(ledger, plan=tmp_path / "nowhere.txt", summary=moved / "总结.txt", model=model)
    with pytest.raises(SourceChangedError):  # another file under the right name
        apply_ledger(ledger, summary=tmp_path / "plan_tax_party_2024.txt", model=model)


def test_rows_of_unknown_or_vanished_tasks_are_warnings(ledger, model):
    edit(ledger, {"一/1": {"任务编号": "九/99", "核查结论": "已落实"}})
    applied = apply_ledger(ledger, model=model)
    assert applied.comparison.overrides == ()
    (w,) = applied.warnings
    assert "row 3 (任务 九/99): this task is not one the ledger was written with" in w

    wb = load_workbook(ledger)  # a ledger whose records name a task the plan no longer has
    meta = wb["_policytext"]
    for row in meta.iter_rows():
        if row[1].value == "九/99" or row[1].value == "一/1":
            row[1].value = "九/99"
    wb.save(ledger)
    applied = apply_ledger(ledger, model=model)
    assert any("the task no longer exists in the plan" in w for w in applied.warnings)


def test_a_ledger_made_from_text_cannot_be_applied(tmp_path, model):
    c = policytext.compare(policytext.from_text("某局2024年工作要点\n一、任务\n1.开展学习。每季度至少开展1次学习。"),
                           policytext.from_text("某局2024年工作总结\n一、情况\n全年开展学习4次。"), model=model)
    with pytest.raises(LedgerError, match="compared from text"):
        apply_ledger(c.to_excel(tmp_path / "t.xlsx"), model=model)


def test_with_overrides_checks_tasks_and_statuses(model):
    c = policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt", model=model)
    with pytest.raises(ValueError, match="task '九/99'"):
        c.with_overrides([Override("九/99", "missing", "", "", None, None)])
    with pytest.raises(ValueError, match="status 'done'"):
        c.with_overrides([Override("一/1", "done", "", "", None, None)])
    assert "override" not in json.dumps(c.to_dict()) and "reviewed_totals" not in c.to_dict()
