"""Synthetic scans: the pages a printed plan makes, and the OCR evaluation over them."""
from __future__ import annotations

import pytest

import policytext
from policytext.errors import NoTextLayerError
from policytext.ingest import ocr as O
from policytext.evaluation.scans import CLEAN, NOISY, ScanStyle, reference_text, render, signature_start, to_pdf
from tests.ingest.scan_pdfs import SHORT_PLAN, short_plan


@pytest.mark.parametrize("kwargs, match", [
    ({"dpi": 50}, "dpi"), ({"dpi": 700}, "dpi"), ({"noise": -1}, "noise"), ({"angle": 15}, "angle"),
])
def test_style_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ScanStyle(**kwargs)


def test_pages_are_a4_at_the_style_dpi_with_red_letterhead_and_seal():
    import numpy as np

    [page] = render(short_plan(), CLEAN)
    assert page.size == (round(210 * 300 / 25.4), round(297 * 300 / 25.4))
    a = np.asarray(page).astype(int)
    red = (a[..., 0] - np.maximum(a[..., 1], a[..., 2]) > 80)
    h = a.shape[0]
    assert red[: h // 5].sum() > 5000  # letterhead and rule
    assert red[h // 5:].sum() > 5000  # the seal
    noisy = render(short_plan(), NOISY)[0]
    assert noisy.size[0] < page.size[0]  # 150 dpi
    assert np.asarray(noisy).std() != a.std()


def test_rendering_is_deterministic():
    import numpy as np

    a, b = render(short_plan(), NOISY)[0], render(short_plan(), NOISY)[0]
    assert np.array_equal(np.asarray(a), np.asarray(b))


def test_a_scan_pdf_has_no_text_layer(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(to_pdf(render(short_plan(), NOISY), NOISY.dpi))
    with pytest.raises(NoTextLayerError):
        policytext.read(p, ocr="off")


@pytest.mark.parametrize("lines, start", [
    (["一、任务", "江州市测试局", "2024年1月15日"], 1),
    (["一、任务", "2024年1月15日"], 1),
    (["一、任务", "1.每月学习1次。"], 2),
])
def test_signature_start(lines, start):
    assert signature_start([(None, t) for t in lines]) == start


def test_reference_text_is_the_paragraphs():
    assert reference_text(short_plan()) == SHORT_PLAN


@pytest.mark.skipif(not O.available(), reason="the OCR extra (policytext[ocr]) is not installed")
def test_ocr_evaluation_scores_a_folder(tmp_path):
    from policytext.evaluation.ocr import evaluate_scans, format_scan_table

    (tmp_path / "plan_short.txt").write_text(SHORT_PLAN, encoding="utf-8")
    (tmp_path / "summary_short.txt").write_text("不是计划", encoding="utf-8")  # only plans are scanned
    rows = evaluate_scans(tmp_path)
    assert [(r.name, r.style) for r in rows] == [("plan_short.txt", "clean"), ("plan_short.txt", "noisy")]
    for r in rows:
        assert r.char_accuracy >= 0.98 and r.outline.f1 == 1.0 and r.paragraphs_same == r.paragraphs == 9
        assert r.letterhead_removed and r.seal_found and r.seal_expected
    table = format_scan_table(rows)
    assert "aim: chars >= 0.98, outline F1 >= 0.95: ok" in table


def test_ocr_evaluation_counts_errors():
    from policytext.evaluation.extraction import OutlineScore
    from policytext.evaluation.ocr import ScanScore, format_scan_table

    r = ScanScore("p.txt", "clean", 2, 4.0, 1000, 50, OutlineScore("p", 10, 10, 8, 8), 0.9, 10, 11, 7,
                  True, False, True)
    assert r.char_accuracy == 0.95
    table = format_scan_table([r])
    assert "LOW" in table and "0.9500" in table and "0/1" in table
