from __future__ import annotations

import re
import shutil
from html import unescape

import pytest

import policytext
from policytext.display import _marked
from policytext.extract.fields import FIELDS
from tests.conftest import CORPUS

TEXT = "江州市某局2024年工作要点\n一、加强建设\n1.每季度至少开展1次“三会一课”，由办公室牵头，2024年6月底前完成。<script>x</script>\n"


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_a_document_shows_its_outline_with_every_field_marked():
    doc = policytext.from_text(TEXT)
    page = doc._repr_html_()
    a = policytext.analyze(doc)
    assert a.quotas and a.units and a.slogans and a.deadlines
    for f in FIELDS:
        assert f"background:{f.colours[0]}" in page and f.label in page
    for path in (t.path for t in a.tasks):
        assert f">{path}</span>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_marks_cover_the_text_once_even_when_spans_overlap():
    text = "每季度至少开展1次专题学习"
    spans = [(0, 9, "quota", "q"), (3, 12, "slogan", "s"), (5, 7, "unit", "u")]
    html = _marked(text, 0, len(text), spans)
    assert _plain(html) == text
    assert html.count("<mark") == 5  # [0,3) [3,5) [5,7) [7,9) [9,12); 习 after them is unmarked
    assert 'title="q；s；u"' in html


def test_a_real_plan_renders_every_task():
    a = policytext.analyze(policytext.read(CORPUS / "plan_tax_party_2024.txt"))
    page = a._repr_html_()
    assert len(re.findall(r"background:#1f4e78", page)) == len(a.tasks)
    assert _plain(page).count("每季度至少开展1次") >= 1


def test_a_corpus_shows_what_it_holds_without_reading(tmp_path):
    shutil.copy(CORPUS / "plan_tax_party_2024.txt", tmp_path / "计划.txt")
    c = policytext.read_many(tmp_path)
    (tmp_path / "计划.txt").unlink()
    page = c._repr_html_()
    assert "计划.txt" in page and "1 份文件" in page


@pytest.mark.parametrize("n, shown", [(3, 3), (25, 20)])
def test_long_corpus_listing_is_cut(tmp_path, n, shown):
    for i in range(n):
        (tmp_path / f"{i:02}.txt").write_text("文本", encoding="utf-8")
    page = policytext.read_many(tmp_path)._repr_html_()
    assert page.count("<tr><td>") == shown
    assert (f"共 {n} 份" in page) == (n > shown)
