"""Scanned pages saved as images are read by OCR, each frame of a TIFF a page."""
from __future__ import annotations

import pytest

import policytext
from policytext.errors import CorruptFileError, NoTextLayerError, TooLargeError, UnsupportedFormatError
from policytext.ingest import ocr as O
from tests.ingest.scan_pdfs import scan_images

needs_ocr = pytest.mark.skipif(not O.available(), reason="the OCR extra (policytext[ocr]) is not installed")


@pytest.fixture(scope="module")
def pages():
    return scan_images()


@pytest.fixture(scope="module")
def long_scan():
    """The short plan with a third section long enough to run onto a second page."""
    from policytext import from_text
    from policytext.evaluation.scans import render
    from tests.ingest.scan_pdfs import NOISY_SMALL, SHORT_PLAN

    lines = SHORT_PLAN.splitlines()
    work = ["考勤管理", "公务接待", "公车使用", "办公用房", "差旅报销", "会议管理", "文件收发", "档案归档",
            "保密管理"]
    more = ["三、加强制度建设"] + [f"{i}.修订完善{w}制度，明确{w}各环节的审批权限和办理流程，{w}台账于每月{i}日前报送"
                                   f"综合科，由综合科负责汇总，确保真实准确、按时报送。" for i, w in enumerate(work, 4)]
    return render(from_text("\n".join(lines[:-2] + more + lines[-2:]), path="long.txt"), NOISY_SMALL)


@needs_ocr
@pytest.mark.parametrize("suffix, options", [(".png", {}), (".jpg", {"quality": 80}), (".bmp", {})])
def test_single_page_images_read_like_a_scanned_pdf(tmp_path, pages, suffix, options):
    path = tmp_path / f"学习要点{suffix}"
    pages[0].convert("RGB").save(path, **options)
    doc = policytext.read(path)
    assert doc.format == "image" and doc.pages == 1 and doc.meta["ocr"]["pages"] == [1]
    assert doc.meta["ocr"]["doc_number"] == "江测〔2024〕12号"  # the letterhead is metadata, not text
    a = policytext.analyze(doc)
    assert a.document.kind == "plan" and len(a.tasks) == 5
    assert [q.text for q in a.quotas] == ["每季度至少开展1次", "每半年至少组织1次", "全年不少于2次"]
    spans = [(q.start, q.end, q.text) for q in [*a.quotas, *a.deadlines]] + [(u.start, u.end, u.name) for u in a.units]
    assert len(spans) >= 6
    for start, end, text in spans:
        assert doc.text[start:end] == text
        page, at = doc.locate(start)
        assert page == 1 and doc.meta["ocr"]["page_text"]["1"][at] == text[0]


@needs_ocr
def test_multi_page_tiff_is_one_document_with_its_pages(tmp_path, long_scan):
    assert len(long_scan) == 2
    path = tmp_path / "扫描.tif"
    long_scan[0].save(path, save_all=True, append_images=long_scan[1:], compression="tiff_lzw")
    doc = policytext.read(path)
    assert doc.pages == 2 and doc.meta["ocr"]["pages"] == [1, 2]
    a = policytext.analyze(doc)
    assert [t.path for t in a.tasks] == ["一", "一/1", "一/2", "二", "二/3", "三", *(f"三/{i}" for i in range(4, 13))]
    assert doc.locate(a.tasks[0].start)[0] == 1 and doc.locate(a.tasks[-1].start)[0] == 2
    assert "— 1 —" not in doc.text and "-1-" not in doc.text  # the page footer is furniture
    assert [d.text for d in a.deadlines][-1] == "每月12日前"


@needs_ocr
def test_a_blank_image_is_empty(tmp_path):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (800, 1100), "white").save(path)
    with pytest.raises(policytext.EmptyDocumentError, match=r"blank.png: OCR found no text on the image"):
        policytext.read(path)


@pytest.mark.parametrize("data, error, match", [
    (b"\x89PNG\r\n\x1a\n not really", CorruptFileError, "not a readable image"),
    (b"plain text saved as .png", CorruptFileError, "not a readable image"),
])
def test_broken_images_are_named(tmp_path, data, error, match, monkeypatch):
    monkeypatch.setattr(O, "available", lambda: False)  # the file is refused as such, OCR or not
    path = tmp_path / "x.png"
    path.write_bytes(data)
    with pytest.raises(error, match=f"x.png: {match}"):
        policytext.read(path)


def test_a_truncated_image_is_corrupt(tmp_path, pages, monkeypatch):
    monkeypatch.setattr(O, "available", lambda: False)
    path = tmp_path / "cut.png"
    pages[0].save(path)
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(CorruptFileError, match="cut.png: damaged image"):
        policytext.read(path)


def test_a_decompression_bomb_is_too_large(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(O, "available", lambda: False)
    path = tmp_path / "bomb.png"
    Image.new("1", (20000, 10000)).save(path)  # 200 million pixels in a few kilobytes
    assert path.stat().st_size < 100_000
    with pytest.raises(TooLargeError, match="bomb.png: too many pixels"):
        policytext.read(path)


def test_images_without_ocr_say_what_to_install_or_that_ocr_is_off(tmp_path, pages, monkeypatch):
    path = tmp_path / "p.png"
    pages[0].save(path)
    with pytest.raises(NoTextLayerError, match=r"p.png: an image has no text layer and OCR is off"):
        policytext.read(path, ocr="off")
    monkeypatch.setattr(O, "available", lambda: False)
    with pytest.raises(NoTextLayerError, match=r"p.png: an image is read by OCR, which is not installed: "
                                                r"pip install 'policytext\[ocr\]'"):
        policytext.read(path)


def test_other_pictures_are_still_unsupported(tmp_path):
    path = tmp_path / "x.gif"
    path.write_bytes(b"GIF89a")
    with pytest.raises(UnsupportedFormatError, match="x.gif: an animation is not supported"):
        policytext.read(path)

