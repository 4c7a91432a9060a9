import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from policytext.cli import cli
from tests.conftest import CORPUS

GOLDEN = Path(__file__).parent / "data" / "golden" / "compare_tax.json"
PLAN, SUMMARY = CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt"


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_compare_json_matches_golden():
    """Regenerate after an intended change with:
    policytext compare corpus/plan_tax_party_2024.txt corpus/summary_tax_party_2024.txt > tests/data/golden/compare_tax.json"""
    r = run("compare", PLAN, SUMMARY, "--format", "json")
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for d in (got, want):
        for side in ("plan", "summary"):
            d[side].pop("path", None)  # absolute or relative, depending on where tests run
    assert got == want


def test_compare_writes_ledger_and_report(tmp_path):
    xlsx, html, js = tmp_path / "ledger.xlsx", tmp_path / "out" / "report.html", tmp_path / "c.json"
    r = run("compare", PLAN, SUMMARY, "-o", xlsx, "-o", html, "-o", js)
    assert r.exit_code == 0, r.output
    assert r.stdout == ""  # -o without --format prints nothing but where things went (stderr)
    assert load_workbook(xlsx)["督查台账"].max_row == 16  # a title row, the header, 14 tasks
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(js.read_text(encoding="utf-8"))["schema"] == "policytext/1"


def test_compare_text_format():
    r = run("compare", PLAN, SUMMARY, "--format", "text")
    assert r.exit_code == 0 and "implemented 4, partial 6, missing 4" in r.stdout and "部分落实" in r.stdout


def test_bad_output_suffix_fails_fast(tmp_path):
    r = run("compare", PLAN, SUMMARY, "-o", tmp_path / "ledger.doc")
    assert r.exit_code == 2 and "must end in .json, .xlsx, .html" in r.output
    assert not (tmp_path / "ledger.doc").exists()


def test_missing_file_is_one_line_exit_2(tmp_path):
    r = run("compare", PLAN, tmp_path / "nope.txt")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"policytext: {tmp_path / 'nope.txt'}: no such file"]


def test_bad_model_is_one_line_exit_2(tmp_path):
    (tmp_path / "m.json").write_text("{}")
    r = run("compare", PLAN, SUMMARY, "--model", tmp_path / "m.json")
    assert r.exit_code == 2 and "not a policytext-status-model/3 file" in r.stderr


def test_train_reproduces_the_shipped_model(tmp_path, monkeypatch):
    """By default `train` fits every opened split, and rebuilds the shipped file bit for bit."""
    from policytext.cli import TRAINING, UNOPENED

    monkeypatch.chdir(CORPUS.parent)  # the default folders are relative to the repository
    r = run("train", "-o", tmp_path / "m.json")
    assert r.exit_code == 0, r.output
    pairs = sum(len(list(Path(d).glob("*.pair.json"))) for d in TRAINING)
    assert f"in {pairs} pairs" in r.stdout
    assert not set(UNOPENED) & set(TRAINING)
    shipped = (CORPUS.parent / "models" / "compare_model.json").read_bytes()
    assert (tmp_path / "m.json").read_bytes() == shipped


@pytest.mark.parametrize("value, code", [("0", 0), ("0.6", 0), ("1", 2), ("-0.1", 2), ("most", 2)])
def test_train_takes_the_operating_point(tmp_path, value, code):
    """--done-above is kept in the model file (compare --model then says implemented only above it)."""
    r = run("train", "--corpus", CORPUS, "--done-above", value, "-o", tmp_path / "m.json")
    assert r.exit_code == code, r.output
    if code:
        assert "--done-above" in r.stderr and "Traceback" not in r.stderr
    else:
        assert json.loads((tmp_path / "m.json").read_text())["params"]["done_above"] == float(value)


def test_train_without_pairs_is_exit_2(tmp_path):
    r = run("train", "--corpus", tmp_path, "-o", tmp_path / "m.json")
    assert r.exit_code == 2 and "no plan/summary pairs" in r.stderr


def test_compare_pairs_writes_every_pair(tmp_path):
    r = run("compare-pairs", CORPUS, "-o", tmp_path)
    assert r.exit_code == 0, r.output
    names = sorted(p.name[: -len(".pair.json")] for p in CORPUS.glob("*.pair.json"))
    for n in names:
        for ext in (".xlsx", ".html", ".json"):
            assert (tmp_path / f"{n}{ext}").is_file()
        assert f"{n}: implemented" in r.stdout


def test_compare_pairs_records_a_broken_pair_and_goes_on(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("plan_tax_party_2024.txt", "summary_tax_party_2024.txt"):
        (src / name).write_bytes((CORPUS / name).read_bytes())
    (src / "a.pair.json").write_text(json.dumps({"plan": "plan_tax_party_2024.txt", "summary": "gone.txt"}))
    (src / "b.pair.json").write_text(json.dumps({"plan": "plan_tax_party_2024.txt",
                                                 "summary": "summary_tax_party_2024.txt"}))
    r = run("compare-pairs", src, "-o", tmp_path / "out")
    assert r.exit_code == 2
    assert "gone.txt: no such file" in r.stderr and "b: implemented 4" in r.stdout


@pytest.mark.parametrize("name, full", [("ledger.xlsx", ".ledger.xlsx.tmp"), ("report.html", "report.html"),
                                        ("c.json", "c.json")])
def test_a_full_disk_is_one_line_and_exit_2(tmp_path, name, full):
    (tmp_path / full).symlink_to("/dev/full")  # every write there fails with ENOSPC
    r = run("compare", PLAN, SUMMARY, "-o", tmp_path / name)
    assert r.exit_code == 2, r.output
    assert r.stderr.strip().splitlines() == [f"policytext: {tmp_path / name}: cannot write "
                                             f"{'the ledger' if name.endswith('.xlsx') else 'it'}: No space left on device"]


@pytest.mark.parametrize("args, says", [
    ((SUMMARY, PLAN), ["reads as a summary (title: 工作总结)", "reads as a plan (title: 工作要点)", "look swapped"]),
    ((SUMMARY, CORPUS / "summary_datagov_2024.txt"), ["the plan", "reads as a summary", "give a plan"]),
    ((PLAN, CORPUS / "plan_datagov_2024.pdf"), ["the summary", "reads as a plan (title: 行动方案)"]),
])
def test_kinds_are_checked_unless_forced(args, says):
    r = run("compare", *args, "--format", "text")
    assert r.exit_code == 2 and len(r.stderr.splitlines()) == 1 and "Traceback" not in r.output
    assert all(s in r.stderr for s in says) and "--force" in r.stderr
    forced = run("compare", *args, "--format", "text", "--force")
    assert forced.exit_code == 0 and "implemented" in forced.stdout


def test_library_raises_a_typed_error():
    import policytext
    from policytext.errors import KindMismatchError

    with pytest.raises(KindMismatchError, match="look swapped"):
        policytext.compare(SUMMARY, PLAN)
    assert policytext.compare(SUMMARY, PLAN, force=True).items
