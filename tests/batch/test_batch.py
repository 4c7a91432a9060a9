import shutil

import pytest

import policytext
from policytext.batch import Progress, read_results, run_batch
from policytext.batch.store import BatchError
from policytext.report.tables import COLUMNS
from tests.batch.conftest import assert_same_tables, make_archive
from tests.conftest import CORPUS


def test_every_table_with_its_columns_and_keys(reference):
    r = read_results(reference)
    assert list(r) == ["documents", "tasks", "quotas", "deadlines", "units", "slogans", "dates", "warnings",
                       "errors", "skipped", "pairs", "ledger"]
    for name in r:
        assert list(r[name].columns) == [c for c, _ in COLUMNS[name]], name
    docs = r.documents
    assert len(docs) == 6 and docs.doc_id.str.len().eq(64).all()
    assert set(r.tasks.doc_id) == set(docs.doc_id)  # every row joins its document
    assert str(docs["year"].dtype) == "Int64" and str(docs["kind"].dtype) == "category"


def test_rows_equal_the_analysis_of_each_document(reference):
    r = read_results(reference)
    row = r.documents.set_index("path").loc["2024/税务/plan_tax_party_2024.txt"]
    a = policytext.analyze(policytext.read(CORPUS / "plan_tax_party_2024.txt"))
    assert (row.tasks, row.quotas, row.issuer, row.year) == (len(a.tasks), len(a.quotas), "江州市税务局机关党委", 2024)
    q = r.quotas[r.quotas.path == "2024/税务/plan_tax_party_2024.txt"]
    assert list(q.text) == [x.text for x in a.quotas] and list(q.start) == [x.start for x in a.quotas]


def test_every_failure_is_a_row(reference):
    e = read_results(reference).errors
    assert sorted(zip(e.path, e.code)) == [("broken.pdf", "corrupt"), ("empty.txt", "empty"),
                                           ("旧文件.doc", "corrupt")]
    assert e.reason.str.contains("\n").sum() == 0


def test_every_file_not_read_is_listed_with_its_reason(reference):
    s = read_results(reference).skipped
    assert list(s.path) == ["notes.md", "数据局.zip!数据局/说明.xlsx"]
    assert list(s["size"]) == [len("ignored: not a document kind"), len(b"not a document kind we read")]
    assert s.reason.iloc[0] == "not a document: a '.md' file (policytext reads .txt, .docx, .pdf, .doc, .wps, .png, .jpg, .jpeg, .tif, .tiff, .bmp)"
    assert s.reason.iloc[1].startswith("not a document: a spreadsheet") and s.doc_id.isna().all()


def test_pairs_and_ledger(reference):
    r = read_results(reference)
    p = r.pairs
    assert (p.status == "paired").sum() == 3 and set(p.summary.dropna()) == {
        "2024/税务/summary_tax_party_2024.txt", "2024/交通/summary_transport_style_2024.txt",
        "数据局.zip!数据局/summary_datagov_2024.txt"}
    led = r.ledger
    one = policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt")
    tax = led[led.summary == "2024/税务/summary_tax_party_2024.txt"]
    assert list(tax.status) == [i.status for i in one.items]


def test_archive_excel_is_one_sheet_with_an_issuer_column(reference):
    from openpyxl import load_workbook
    wb = load_workbook(reference / "ledger.xlsx")
    assert wb.sheetnames == ["配对情况", "督查台账"]
    ws = wb["督查台账"]
    assert ws["A2"].value == "发文单位" and ws.freeze_panes == "A3"
    issuers = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert issuers.count("江州市税务局机关党委") == 14
    assert set(issuers) == {"江州市交通运输局", "江州市数据资源局", "江州市税务局机关党委"}


def test_duckdb_reads_the_tables(reference):
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(f"SELECT count(*) FROM '{reference}/quotas.parquet' q JOIN '{reference}/documents.parquet' d "
                   "USING (doc_id) WHERE d.kind = 'plan'").fetchall()[0][0]
    assert n == (read_results(reference).quotas.merge(read_results(reference).documents, on="doc_id")
                 .query("kind == 'plan'").shape[0]) > 0


def test_parallel_run_gives_the_same_tables(archive, reference, tmp_path):
    run_batch(archive, tmp_path, jobs=2, compare=True)
    assert_same_tables(reference, tmp_path)


def test_rerun_skips_what_is_done_and_follows_changes(tmp_path):
    arch = make_archive(tmp_path / "a")
    out = tmp_path / "out"
    first = run_batch(arch, out, jobs=1)
    assert (first.resumed, first.failed) == (0, 3)
    again = run_batch(arch, out, jobs=1)
    assert again.resumed == 9 and again.rows == first.rows  # all 9 sources were done: nothing redone
    (arch / "empty.txt").unlink()
    shutil.copy(CORPUS / "plan_edu_safety_2025.txt", arch / "2024" / "new.txt")
    changed = run_batch(arch, out, jobs=1)
    docs = read_results(out).documents
    assert changed.resumed == 8 and "2024/new.txt" in set(docs.path)
    assert "empty.txt" not in set(read_results(out).errors.path)  # gone from the archive, gone from the tables


def test_progress_reports(tmp_path):
    arch = make_archive(tmp_path / "a")
    seen: list[Progress] = []
    run_batch(arch, tmp_path / "out", jobs=1, progress=seen.append)
    assert seen[0].done == 0 and seen[-1].done == seen[-1].total == 9 and seen[-1].errors == 3


@pytest.mark.parametrize("kw, message", [
    ({"engine": "spark"}, "engine must be one of"), ({"jobs": 0}, "jobs must be at least 1"),
    ({"scheduler": "tcp://x:8786"}, "needs engine='dask'"), ({"pairs": "p.csv"}, "only used with compare"),
])
def test_bad_arguments(tmp_path, kw, message):
    with pytest.raises(ValueError, match=message):
        run_batch(tmp_path, tmp_path / "out", **kw)


def test_read_results_without_a_run(tmp_path):
    with pytest.raises(BatchError, match="no batch results here"):
        read_results(tmp_path)
    with pytest.raises(KeyError, match="no table 'ledger'"):
        (tmp_path / "o").mkdir()
        run_batch(make_archive(tmp_path / "a"), tmp_path / "o", jobs=1)
        read_results(tmp_path / "o")["ledger"]


def test_pairs_file_overrides(archive, tmp_path):
    csv = tmp_path / "pairs.csv"
    csv.write_text("plan,summary\n2024/税务/plan_tax_party_2024.txt,2024/税务/summary_tax_party_2024.txt\n",
                   encoding="utf-8")
    run_batch(archive, tmp_path / "out", jobs=1, compare=True, pairs=csv)
    p = read_results(tmp_path / "out").pairs
    assert list(p.status) == ["paired"] and list(p.source) == ["file"]


@pytest.mark.parametrize("content, message", [
    ("a,b\nx,y\n", "columns plan and summary"),
    ("plan,summary\nnope.txt,2024/税务/summary_tax_party_2024.txt\n", "line 2: plan 'nope.txt' is not a document"),
])
def test_bad_pairs_file(archive, tmp_path, content, message):
    csv = tmp_path / "pairs.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(BatchError, match=message):
        run_batch(archive, tmp_path / "out", jobs=1, compare=True, pairs=csv)


class Job(str):
    @property
    def key(self):
        return str(self)

    @property
    def path(self):
        return f"{self}.txt"


def crash_on_b(job):
    from policytext.batch.work import Done
    if job == "b":
        import os
        os._exit(1)  # as a segfault in a native library would
    return Done(job.key, {}, False)


def test_a_crashing_worker_is_one_failed_document():
    from policytext.batch import engines

    got = {d.key: d for d in engines.run_local(crash_on_b, [Job(x) for x in "abcd"], 2)}
    assert sorted(got) == ["a", "b", "c", "d"]
    assert got["b"].failed and got["b"].rows["errors"][0]["code"] == "worker_crashed"
    assert not any(got[k].failed for k in "acd")


def _shuffled_engine(monkeypatch):
    """Serial runs whose results arrive in reverse order, as a pool's may."""
    import policytext.batch.engines as engines

    monkeypatch.setattr(engines, "run_serial", lambda fn, jobs: reversed([fn(j) for j in jobs]))


def test_the_export_keeps_archive_order_whatever_order_results_come_in(archive, reference, tmp_path, monkeypatch):
    _shuffled_engine(monkeypatch)
    run_batch(archive, tmp_path, jobs=1, compare=True)
    assert_same_tables(reference, tmp_path)


def test_too_many_waiting_results_fall_back_to_the_store(archive, reference, tmp_path, monkeypatch):
    from policytext.batch import InOrder

    _shuffled_engine(monkeypatch)
    monkeypatch.setattr(InOrder, "MAX_WAITING", 2)
    gave_up = []
    real = InOrder._give_up
    monkeypatch.setattr(InOrder, "_give_up", lambda self: (gave_up.append(1), real(self)))
    run_batch(archive, tmp_path, jobs=1, compare=True)
    assert gave_up
    assert not list(tmp_path.glob(".*.tmp"))
    assert_same_tables(reference, tmp_path)
