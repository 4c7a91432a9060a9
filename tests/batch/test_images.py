"""A batch reads scanned images by OCR, and lists every file it does not read, with the reason."""
from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from policytext.batch import read_results, run_batch
from policytext.cli import cli
from policytext.ingest import ocr as O
from tests.conftest import CORPUS
from tests.ingest.scan_pdfs import scan_images


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    if not O.available():
        pytest.skip("the OCR extra (policytext[ocr]) is not installed")
    root = tmp_path_factory.mktemp("archive")
    page = scan_images()[0]
    (root / "扫描件").mkdir()
    page.save(root / "扫描件" / "学习要点.png")
    page.save(root / "扫描件" / "两页.tif", save_all=True, append_images=[page.rotate(0)])
    buf = root / "page.jpg"
    page.convert("RGB").save(buf, quality=85)
    with zipfile.ZipFile(root / "旧档案.zip", "w") as z:
        z.write(buf, "2023/学习要点.jpg")
        z.writestr("2023/目录.xlsx", b"PK not read")
    buf.unlink()
    shutil.copy(CORPUS / "plan_tax_party_2024.txt", root / "plan_tax_party_2024.txt")
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (root / "README").write_text("说明")
    os.mkfifo(root / "管道")
    result = tmp_path_factory.mktemp("out")
    summary = run_batch(root, result, jobs=1)
    assert (summary.documents, summary.failed, summary.skipped) == (4, 0, 4)
    return result


def test_images_are_documents_read_by_ocr(out):
    docs = read_results(out).frame("documents").set_index("path")
    assert list(docs.index) == ["plan_tax_party_2024.txt", "扫描件/两页.tif", "扫描件/学习要点.png",
                                "旧档案.zip!2023/学习要点.jpg"]
    scans = docs.loc[["扫描件/学习要点.png", "扫描件/两页.tif", "旧档案.zip!2023/学习要点.jpg"]]
    assert list(scans["format"]) == ["image"] * 3 and list(scans["pages"]) == [1, 2, 1]
    assert list(scans["ocr_pages"]) == [1, 2, 1] and (scans["ocr_confidence"] > 0.9).all()
    assert (scans["kind"] == "plan").all() and list(scans["quotas"]) == [3, 6, 3]
    assert docs.loc["plan_tax_party_2024.txt", "ocr_pages"] == 0


def test_every_other_file_is_listed_as_skipped(out):
    s = read_results(out).frame("skipped")
    assert list(s.path) == [".DS_Store", "README", "旧档案.zip!2023/目录.xlsx", "管道"]
    reasons = dict(zip(s.path, s.reason))
    assert reasons[".DS_Store"] == "not a document: a hidden file"
    assert reasons["README"] == "not a document: the file has no extension"
    assert reasons["旧档案.zip!2023/目录.xlsx"].startswith("not a document: a spreadsheet")
    assert reasons["管道"] == "not a regular file (a pipe, socket or device)"
    assert len(read_results(out).frame("errors")) == 0


def test_the_cli_says_how_many_files_it_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(CORPUS / "plan_tax_party_2024.txt", tmp_path / "a" / "plan.txt")
    (tmp_path / "a" / "表.xlsx").write_bytes(b"x")
    r = CliRunner().invoke(cli, ["batch", str(tmp_path / "a"), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert f"1 files skipped as not documents, each with its reason -> {tmp_path / 'out'}/skipped.parquet" in r.output
    assert read_results(tmp_path / "out").frame("skipped").path.tolist() == ["表.xlsx"]
