"""Scanned PDFs: OCR, cleanup of letterhead, number line, seal and page numbers, offsets."""
from __future__ import annotations

import numpy as np
import pytest

import policytext
from policytext.errors import NoTextLayerError
from policytext.ingest import ocr as O
from policytext.ingest.pdf import _Line, page_state
from policytext.evaluation.scans import CLEAN, reference_text
from tests.ingest.scan_pdfs import SHORT_PLAN, build_pdf, scan_images, short_plan

needs_ocr = pytest.mark.skipif(not O.available(), reason="the OCR extra (policytext[ocr]) is not installed")


@pytest.mark.parametrize("line, expected", [
    ("(一)压实工作责任", "（一）压实工作责任"),
    ("(牵头单位:局办公室;配合单位:机关党委)", "（牵头单位：局办公室；配合单位：机关党委）"),
    ("全年不少于1,000人次,9:30前到岗", "全年不少于1,000人次，9:30前到岗"),
    ("是否完成?是!", "是否完成？是！"),
    ("(1)ABC", "(1)ABC"),  # no Chinese on the line: left as read
    ("第一条 没有半角标点", "第一条 没有半角标点"),
])
def test_half_width_punctuation_in_chinese_becomes_full_width(line, expected):
    assert O._full_width(line) == expected


def _lines(*texts):
    return [_Line(t, 1, [(0, 0)]) for t in texts]


@pytest.mark.parametrize("texts, state", [
    (("一、加强学习，每月至少学习1次。",), "ok"),
    ((), "empty"),
    (("— 3 —",), "empty"),
    (("(cid:12)(cid:7)(cid:88)(cid:3)(cid:41)",), "garbage"),
    (("\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd江州市\ufffd\ufffd\ufffd\ufffd\ufffd",), "garbage"),
    (("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a",), "garbage"),
    (("一、加强学习(cid:3)，每月至少学习1次，全年不少于12次。",), "ok"),
])
def test_page_state(texts, state):
    assert page_state(_lines(*texts)) == state


def _quad(x0, y0, x1, y1, angle_deg=0.0):
    import math

    t = math.tan(math.radians(angle_deg))
    return [(x0, y0), (x1, y0 + (x1 - x0) * t), (x1, y1 + (x1 - x0) * t), (x0, y1)]


def test_rows_join_boxes_on_a_line_and_deskew():
    boxes = [
        (_quad(300, 100, 1400, 140, 1.0), "一、加强理论学习，提高政治判断力和执行力", 0.99),
        (_quad(200, 200, 800, 240, 1.0), "各科室配合完成", 0.98),
        (_quad(820, 212, 1100, 252, 1.0), "相关工作", 0.90),
    ]
    skew = O._skew(boxes)
    assert skew == pytest.approx(1.0, abs=0.01)
    rows = O._rows(boxes, skew, (800, 1100))
    assert [r.text for r in rows] == ["一、加强理论学习，提高政治判断力和执行力", "各科室配合完成相关工作"]
    # after turning back, both rows start where they were drawn, however far along the page
    assert rows[1].x0 < rows[0].x0
    assert rows[1].confidence == pytest.approx((0.98 * 7 + 0.90 * 4) / 11)


def test_red_ink_is_masked_but_dark_text_under_it_is_not():
    img = np.full((40, 40, 3), 245, dtype=np.uint8)
    img[5:10, :] = (207, 34, 38)  # seal ink
    img[20:25, :] = (60, 8, 10)  # black text seen through the seal
    img[30:35, :] = (10, 10, 10)  # black text
    red = O._red_mask(img)
    assert red[5:10].all() and not red[20:].any()
    grey = O._without_red(img, red)
    assert (grey[5:10] > 200).all() and (grey[20:25] < 80).all() and (grey[30:35] < 30).all()


@pytest.mark.parametrize("kwargs, match", [({"threads": 0}, "threads"), ({"min_confidence": 1.5}, "min_confidence")])
def test_engine_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        O.OcrEngine(**kwargs)


def test_bad_ocr_mode(tmp_path):
    p = build_pdf(tmp_path / "t.pdf", [("text", ["江州市测试局2024年学习工作要点", "一、加强学习"])])
    with pytest.raises(ValueError, match="ocr must be"):
        policytext.read(p, ocr="sometimes")


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory):
    return build_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf", [("image", scan_images()[0])])


@pytest.fixture(scope="module")
def scanned(scan_pdf):
    if not O.available():
        pytest.skip("the OCR extra (policytext[ocr]) is not installed")
    return policytext.read(scan_pdf)


@needs_ocr
def test_scan_is_read_with_cleanup(scanned):
    doc = scanned
    assert doc.format == "pdf" and doc.pages == 1
    assert doc.title == "江州市测试局2024年学习工作要点" and doc.kind == "plan"
    assert doc.text == reference_text(short_plan())  # paragraphs rejoined, furniture gone
    ocr = doc.meta["ocr"]
    assert ocr["pages"] == [1] and ocr["confidence"] > 0.95
    assert ocr["letterhead"] == "江州市测试局文件" and ocr["doc_number"] == "江测〔2024〕12号"
    assert ocr["seal_pages"] == [1]
    assert all(p.source == "ocr" and p.page == 1 for p in doc.paragraphs)
    d = doc.to_dict()
    assert d["ocr"]["doc_number"] == "江测〔2024〕12号" and "page_text" not in d["ocr"]


@needs_ocr
def test_every_ocr_character_traces_back_to_the_page_reading(scanned):
    doc = scanned
    page_text = doc.meta["ocr"]["page_text"]
    for i, ch in enumerate(doc.text):
        where = doc.locate(i)
        if where is None:
            assert ch == "\n"
            continue
        page, offset = where
        assert page_text[str(page)][offset] == ch
        assert doc.page_of(i) == page


@needs_ocr
def test_scan_outline_and_fields_match_the_original(scanned):
    a, b = policytext.analyze(short_plan()).to_dict(), policytext.analyze(scanned).to_dict()
    assert [t["path"] for t in b["tasks"]] == [t["path"] for t in a["tasks"]] == ["一", "一/1", "一/2", "二", "二/3"]
    for field in ("quotas", "deadlines", "units", "slogans"):
        assert b[field] == a[field] and b[field]  # same text, so the same offsets
    for span in b["quotas"]:
        assert scanned.text[span["start"]:span["end"]] == span["text"]


@needs_ocr
def test_clean_scan_at_300_dpi(tmp_path):
    p = build_pdf(tmp_path / "clean.pdf", [("image", scan_images(CLEAN)[0])])
    assert policytext.read(p).text == SHORT_PLAN


@needs_ocr
def test_mixed_pdf_reads_only_the_scanned_page_by_ocr(tmp_path):
    imgs = scan_images()
    p = build_pdf(tmp_path / "mixed.pdf", [("text", ["江州市测试局关于报送材料的通知", "一、报送范围", "1.各科室每月5日前报送1次。"]),
                                           ("image", imgs[0])])
    doc = policytext.read(p)
    assert doc.meta["ocr"]["pages"] == [2]
    sources = {(para.page, para.source) for para in doc.paragraphs}
    assert sources == {(1, "body"), (2, "ocr")}
    assert "2024年6月底前完成全员轮训" in doc.text and "各科室每月5日前报送1次" in doc.text


@needs_ocr
def test_garbage_text_layer_is_read_by_ocr(tmp_path):
    p = build_pdf(tmp_path / "cid.pdf", [("garbage", scan_images()[0])])
    doc = policytext.read(p)
    assert "(cid:" not in doc.text and "三会一课" in doc.text
    assert doc.meta["ocr"]["pages"] == [1]
    with pytest.raises(NoTextLayerError, match=r"unreadable.*policytext\[ocr\]"):
        policytext.read(p, ocr="off")


@needs_ocr
def test_ocr_always_reads_a_text_page_too(tmp_path):
    p = build_pdf(tmp_path / "t.pdf", [("text", ["江州市测试局关于报送材料的通知", "一、报送范围", "1.各科室每月5日前报送1次。"])])
    doc = policytext.read(p, ocr="always")
    assert doc.meta["ocr"]["pages"] == [1]
    assert "各科室每月5日前报送1次" in doc.text


def test_without_the_extra_a_scan_says_how_to_enable_it(scan_pdf, tmp_path, monkeypatch):
    monkeypatch.setattr(O, "available", lambda: False)
    with pytest.raises(NoTextLayerError, match=r"no text layer on 1 of 1 pages.*pip install 'policytext\[ocr\]'"):
        policytext.read(scan_pdf)
    mixed = build_pdf(tmp_path / "mixed.pdf", [("text", ["江州市测试局关于报送材料的通知", "一、报送范围", "1.各科室每月5日前报送1次。"]),
                                               ("text", ["二、报送要求", "2.每季度至少报送1次工作进展情况。"]),
                                               ("image", scan_images()[0])])
    doc = policytext.read(mixed)
    [w] = doc.warnings
    assert w.code == "page_without_text" and "page 3" in w.message and "policytext[ocr]" in w.message


def test_ocr_always_without_the_extra_is_an_import_error(scan_pdf, monkeypatch):
    monkeypatch.setattr(O, "available", lambda: False)
    monkeypatch.setattr(O, "require", lambda: (_ for _ in ()).throw(ImportError(f"x: {O.INSTALL}")))
    with pytest.raises(ImportError, match=r"policytext\[ocr\]"):
        policytext.read(scan_pdf, ocr="always")


class _FakeEngine:
    """An engine that 'reads' lines given by the test: paragraph logic without the models."""

    name = "fake"

    def __init__(self, lines):
        self.lines = lines

    def read(self, image, first_page=True):
        return O.PageReading(tuple(self.lines), 1654, 2339, 0.0)


def test_low_confidence_lines_are_warned_about(scan_pdf, monkeypatch):
    lines = [O.OcrLine("江州市测试局2024年学习工作要点", 300, 300, 1350, 360, 0.99),
             O.OcrLine("一、加强理论学习", 300, 450, 700, 490, 0.99),
             O.OcrLine("1.每季度至少开展1次专题学习，由办公室牵头。", 300, 530, 1300, 570, 0.62)]
    monkeypatch.setattr(O, "available", lambda: True)
    monkeypatch.setattr(O, "engine", lambda threads=None: _FakeEngine(lines))
    doc = policytext.read(scan_pdf)
    assert doc.text.split("\n") == [l.text for l in lines]
    [w] = doc.warnings
    assert w.code == "ocr_low_confidence" and "0.62" in w.message
    assert doc.text[w.start:w.end] == lines[2].text
    assert any(x.code == "ocr_low_confidence" for x in policytext.analyze(doc).warnings)


def test_red_rule_and_letterhead_region():
    w, h = 1000, 1400
    xs = np.arange(100, 900)
    rule = np.concatenate([np.full(len(xs), 300.0), np.full(len(xs), 301.0)])  # a line across
    heading = np.repeat(np.arange(100.0, 200.0), 30)  # letterhead characters above it
    assert O._red_rule(np.concatenate([heading, rule]), w, h) == pytest.approx(304, abs=4)
    assert O._red_rule(heading, w, h) is None  # text alone is no rule
    assert O._red_rule(np.full(2000, 1000.0), w, h) is None  # red in the lower half: a seal
    first = [O.OcrLine("江税〔2024〕12号", 400, 240, 600, 270, 0.99)]
    assert O._letterhead_without_rule(heading, first, h) == pytest.approx(203)
    assert O._letterhead_without_rule(np.full(50, 120.0), first, h) is None  # a speck of red
