"""`policytext ledger apply`: an edited ledger back into Excel, HTML and JSON; bad input is one
line and exit 2."""
import json
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from policytext.cli import cli
from tests.conftest import CORPUS

PLAN, SUMMARY = "plan_tax_party_2024.txt", "summary_tax_party_2024.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def ledger(tmp_path):
    for name in (PLAN, SUMMARY):
        shutil.copy(CORPUS / name, tmp_path / name)
    out = tmp_path / "台账.xlsx"
    r = run("compare", tmp_path / PLAN, tmp_path / SUMMARY, "-o", out)
    assert r.exit_code == 0, r.output
    return out


def set_verdict(path, row, value, author="李四"):
    wb = load_workbook(path)
    wb["督查台账"].cell(row, 10).value = value  # 核查结论
    wb.properties.lastModifiedBy = author
    wb.save(path)


def test_apply_writes_every_output_in_place_and_twice_is_the_same(ledger, tmp_path):
    set_verdict(ledger, 3, "已落实")
    html, js = tmp_path / "报告.html", tmp_path / "台账.json"
    r = run("ledger", "apply", ledger, "--by", "张三", "-o", ledger, "-o", html, "-o", js)
    assert r.exit_code == 0, r.output
    assert "1 inspector verdict(s), 1 row(s) changed by this apply" in r.stderr and r.stdout == ""
    first = json.loads(js.read_text(encoding="utf-8"))
    (item,) = [i for i in first["items"] if "override" in i]
    assert item["task"] == "一/1" and item["status"] == "partial"
    assert item["override"]["status"] == "implemented" and item["override"]["by"] == "张三"
    assert load_workbook(ledger)["督查台账"].cell(3, 10).value == "已落实"
    assert "人工·已落实" in html.read_text(encoding="utf-8")

    r = run("ledger", "apply", ledger, "-o", js)
    assert r.exit_code == 0 and "0 row(s) changed" in r.stderr
    assert json.loads(js.read_text(encoding="utf-8")) == first


def test_apply_without_outputs_prints_the_json(ledger):
    r = run("ledger", "apply", ledger)
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["schema"] == "policytext/1" and not any("override" in i for i in d["items"])


def _one_line_error(r, *parts):
    assert r.exit_code == 2, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policytext: ") and "Traceback" not in r.output
    for p in parts:
        assert p in lines[0]


def test_unknown_verdict(ledger):
    set_verdict(ledger, 4, "基本落实")
    _one_line_error(run("ledger", "apply", ledger), str(ledger), "row 4 (任务 一/2)", "“基本落实”")


def test_not_a_policytext_workbook(tmp_path):
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    _one_line_error(run("ledger", "apply", other), "not a ledger written by policytext")


def test_changed_and_missing_sources(ledger, tmp_path):
    (tmp_path / PLAN).write_text("某局2024年工作要点\n一、任务\n1.开展学习。", encoding="utf-8")
    _one_line_error(run("ledger", "apply", ledger), "changed since the ledger was written")
    (tmp_path / PLAN).unlink()
    _one_line_error(run("ledger", "apply", ledger), "give --plan PATH if it moved")
    _one_line_error(run("ledger", "apply", ledger, "--plan", tmp_path / "no.txt"), "no such file (given as --plan)")


def test_vanished_task_is_a_warning(ledger):
    wb = load_workbook(ledger)
    wb["督查台账"].cell(3, 2).value = "九/99"  # 任务编号
    wb.save(ledger)
    r = run("ledger", "apply", ledger)
    assert r.exit_code == 0
    assert "policytext: warning: " in r.stderr and "九/99" in r.stderr and "Traceback" not in r.output


def test_bad_output_name_is_a_usage_error(ledger):
    r = run("ledger", "apply", ledger, "-o", "out.csv")
    assert r.exit_code == 2 and "must end in" in r.output


def test_unknown_option_fails_fast(ledger):
    r = run("ledger", "apply", ledger, "--who", "张三")
    assert r.exit_code == 2 and "No such option" in r.output


def test_help_text_on_every_option_and_an_example():
    from policytext.cli import ledger_apply

    for p in ledger_apply.params:
        if p.param_type_name == "option":
            assert p.help, p.name
    import inspect

    doc = inspect.cleandoc(ledger_apply.help)
    assert doc.endswith("policytext ledger apply 台账.xlsx --by 张三 -o 台账.xlsx -o 报告.html")
    assert "\b\nExample:\n" in doc
    r = run("ledger", "apply", "--help")
    assert r.exit_code == 0 and "Example:\n    policytext ledger apply 台账.xlsx" in r.output
    assert run("ledger", "--help").exit_code == 0
