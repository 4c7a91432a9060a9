import re

import pytest

import policytext
from policytext.compare import StatusModel

PLAN = "某局2024年工作要点\n一、任务\n1.开展<script>alert('plan')</script>学习。每季度至少开展1次专题学习。\n2.编发简报。全年不少于12期。"
SUMMARY = "某局2024年工作总结\n一、情况\n全年开展<script>alert('summary')</script>专题学习4次。\n二、下一步打算\n拟编发简报12期。"


@pytest.fixture(scope="module")
def page():
    c = policytext.compare(policytext.from_text(PLAN), policytext.from_text(SUMMARY), model=StatusModel.load())
    return c, c.to_html()


def test_document_text_is_escaped(page):
    _, html = page
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#x27;plan&#x27;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the page's own


def test_self_contained(page):
    _, html = page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_tasks_and_evidence_are_linked(page):
    c, html = page
    for n, it in enumerate(c.items):
        assert f'id="t{n}" data-status="{it.status}"' in html
    first = c.items[0]
    assert first.status == "implemented" and first.evidence
    ids = re.search(r'id="t0"[^>]*data-evidence="([^"]*)"', html).group(1).split()
    assert ids and all(f'<mark class="ev" id="{i}"' in html for i in ids)
    assert 'data-status="missing"' in html and "未落实（1）" in html


def test_write_to_file_and_notebook_table(page, tmp_path):
    c, html = page
    assert c.to_html(tmp_path / "r.html") == html
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    table = c._repr_html_()
    assert table.count("<tr>") == len(c.items) + 1 and "&lt;script&gt;" in table
