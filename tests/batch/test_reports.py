"""Per-pair HTML reports and their index page in batch runs with --compare."""
import re

from policytext.batch import read_results, run_batch


def test_a_report_per_pair_and_an_index(reference):
    reports = reference / "reports"
    pairs = read_results(reference).pairs
    paired = pairs[pairs.status == "paired"]
    pages = sorted(p.name for p in reports.glob("*.html") if p.name != "index.html")
    assert len(pages) == len(paired) == 3
    index = (reports / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">查看报告</a>', index)
    assert sorted(links) == pages  # these names are ASCII: quote() leaves them as they are
    for row in pairs.itertuples():
        assert (row.summary or row.plan).rpartition("/")[2] in index
        if row.status == "unpaired":
            assert row.reason in index
    tax = next(reports.glob("summary_tax_party_2024-*.html")).read_text(encoding="utf-8")
    assert "@font-face" in tax and tax.count('class="task ') == 14
    ledger = read_results(reference).ledger
    n = ledger[ledger.summary == "2024/税务/summary_tax_party_2024.txt"].status.value_counts()
    assert re.search(rf'<td class="n implemented">{n["implemented"]}</td><td class="n partial">{n["partial"]}</td>',
                     index)
    assert not list(reports.glob(".*"))  # no temporary file left


def test_resume_keeps_reports_and_redoes_only_a_lost_one(archive, tmp_path):
    out = tmp_path / "out"
    run_batch(archive, out, jobs=1, compare=True)
    reports = out / "reports"
    pages = {p.name: p.stat().st_mtime_ns for p in reports.glob("summary_*.html")}
    lost = sorted(pages)[0]
    (reports / lost).unlink()
    (reports / "summary_gone-0123456789ab.html").write_text("a pair the archive no longer has")
    (reports / "notes.html").write_text("the user's own file")
    seen = []
    run_batch(archive, out, jobs=1, compare=True, progress=seen.append)
    comparisons = [p for p in seen if p.stage == "comparisons"]
    assert comparisons[-1].total == 1 and comparisons[-1].resumed == 2  # only the lost report's pair
    now = {p.name: p.stat().st_mtime_ns for p in reports.glob("summary_*.html")}
    assert sorted(now) == sorted(pages)  # the lost one back, the stale one gone
    assert all(now[k] == v for k, v in pages.items() if k != lost)  # the others untouched
    assert (reports / "notes.html").read_text() == "the user's own file"
