"""Batch runs read scans by OCR and .doc/.wps through LibreOffice without being asked, and a
rerun after installing either reads what failed for want of it."""
from __future__ import annotations

import shutil

import pytest

from policytext.batch import read_results, run_batch
from policytext.batch import store as store_module
from policytext.ingest import ocr as O
from policytext.ingest.convert import soffice
from tests.conftest import CORPUS, DATA
from tests.ingest.scan_pdfs import build_pdf, scan_images

pytestmark = [
    pytest.mark.skipif(not O.available(), reason="the OCR extra (policytext[ocr]) is not installed"),
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.fixture()
def archive(tmp_path):
    root = tmp_path / "archive"
    (root / "扫描件").mkdir(parents=True)
    build_pdf(root / "扫描件" / "学习要点.pdf", [("image", scan_images()[0])])
    shutil.copy(DATA / "plan_transport.doc", root / "交通方案.doc")
    shutil.copy(CORPUS / "plan_tax_party_2024.txt", root / "plan_tax_party_2024.txt")
    return root


def test_batch_reads_scans_and_legacy_word(archive, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(archive, out, jobs=2)
    assert summary.failed == 0
    docs = read_results(out).frame("documents").set_index("path")
    scan = docs.loc["扫描件/学习要点.pdf"]
    assert scan["ocr_pages"] == 1 and scan["ocr_confidence"] > 0.95 and scan["doc_number"] == "江测〔2024〕12号"
    assert scan["kind"] == "plan" and scan["tasks"] == 5
    assert docs.loc["交通方案.doc", "format"] == "doc" and docs.loc["交通方案.doc", "tasks"] > 10
    assert docs.loc["plan_tax_party_2024.txt", "ocr_pages"] == 0
    assert docs["ocr_confidence"].isna().sum() == 2


def test_rerun_after_installing_the_extras_reads_what_failed(archive, tmp_path, monkeypatch):
    out = tmp_path / "out"
    with monkeypatch.context() as m:  # jobs=1 runs in this process, where the patches hold
        m.setattr(O, "available", lambda: False)
        m.setenv("POLICYTEXT_SOFFICE", str(tmp_path / "no-soffice"))
        first = run_batch(archive, out, jobs=1)
    assert first.failed == 2
    errors = read_results(out).frame("errors")
    assert sorted(errors["code"].astype(str)) == ["missing_tool", "no_text_layer"]
    again = run_batch(archive, out, jobs=1)
    assert again.failed == 0 and again.resumed == 1  # the text file was not read again
    reference = tmp_path / "reference"
    run_batch(archive, reference, jobs=1)
    for name in ("documents", "tasks", "quotas", "errors"):
        a, b = read_results(out).frame(name), read_results(reference).frame(name)
        assert a.equals(b), name


def test_state_of_another_table_layout_is_done_again(archive, tmp_path, monkeypatch, caplog):
    out = tmp_path / "out"
    monkeypatch.setattr(store_module, "LAYOUT", "an-older-layout")
    run_batch(archive, out, jobs=1)
    monkeypatch.undo()
    summary = run_batch(archive, out, jobs=1)
    assert summary.resumed == 0 and summary.failed == 0
    assert "written by another version" in caplog.text


def test_state_of_other_analysis_code_is_done_again(archive, tmp_path, monkeypatch, caplog):
    """An upgrade (other code or models) redoes what an earlier run kept: a resumed batch never
    mixes old verdicts with new ones."""
    out = tmp_path / "out"
    monkeypatch.setattr(store_module, "analysis_fingerprint", lambda: "an-older-release")
    first = run_batch(archive, out, jobs=1)
    monkeypatch.undo()
    again = run_batch(archive, out, jobs=1)
    assert first.resumed == 0 and again.resumed == 0 and again.failed == first.failed
    assert "analysis code or models" in caplog.text
    same = run_batch(archive, out, jobs=1)
    assert same.resumed > 0  # the same code resumes as before


def test_state_from_before_the_fingerprint_is_kept(archive, tmp_path):
    import sqlite3

    out = tmp_path / "out"
    first = run_batch(archive, out, jobs=1)
    db = sqlite3.connect(out / store_module.STATE)
    db.execute("DELETE FROM meta WHERE name = 'analysis'")
    db.commit()
    db.close()
    again = run_batch(archive, out, jobs=1)
    assert first.resumed == 0 and again.resumed > 0  # kept, and the fingerprint recorded from now on
    db = sqlite3.connect(out / store_module.STATE)
    assert db.execute("SELECT value FROM meta WHERE name = 'analysis'").fetchone() == (store_module.analysis_fingerprint(),)
    db.close()
