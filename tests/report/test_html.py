import base64
import io
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

import policytext
from policytext.compare import StatusModel
from policytext.report.html import render
from policytext.report.index import IndexEntry, render_index

PLAN = "某局2024年工作要点\n一、任务\n1.开展<script>alert('plan')</script>学习。每季度至少开展1次专题学习。\n2.编发简报。全年不少于12期。"
SUMMARY = "某局2024年工作总结\n一、情况\n全年开展<script>alert('summary')</script>专题学习4次。\n二、下一步打算\n拟编发简报12期。"
# Everything that could end an attribute, an element, the style sheet or the script.
HOSTILE = "</style></script><script>alert(\"x\")</script>'&amp;\"<b>"


class Page(HTMLParser):
    """The page as a browser's parser sees it: elements, attribute values, text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [v for _, v in attrs if v]

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def comparison():
    return policytext.compare(policytext.from_text(PLAN), policytext.from_text(SUMMARY), model=StatusModel.load())


@pytest.fixture(scope="module")
def page(comparison):
    return comparison, comparison.to_html()


def test_document_text_is_escaped(page):
    _, html = page
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#x27;plan&#x27;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the page's own


def _hostile(c, where):
    plan, summary = c.plan.document, c.summary.document
    if where == "text":
        text = plan.text + HOSTILE
        return replace(c, plan=replace(c.plan, document=replace(plan, text=text)))
    if where == "title":
        return replace(c, plan=replace(c.plan, document=replace(plan, title=HOSTILE)),
                       summary=replace(c.summary, document=replace(summary, title=HOSTILE)))
    if where == "path":
        return replace(c, plan=replace(c.plan, document=replace(plan, title="", path=HOSTILE)))
    it = c.items[0]
    if where == "task path":
        return replace(c, items=(replace(it, task=replace(it.task, path=HOSTILE)), *c.items[1:]))
    return replace(c, items=(replace(it, reason=HOSTILE), *c.items[1:]))


@pytest.mark.parametrize("where", ["text", "title", "path", "task path", "reason"])
def test_hostile_text_stays_text_in_the_report(comparison, where):
    html = render(_hostile(comparison, where), font=False)
    parsed = Page(html)
    assert parsed.tags.count("script") == 1 and parsed.tags.count("style") == 1 and "b" not in parsed.tags
    assert HOSTILE in "".join(parsed.text) or HOSTILE in parsed.attrs


@pytest.mark.parametrize("field", ["plan", "summary", "issuer", "reason", "report"])
def test_hostile_text_stays_text_in_the_index(field):
    paired = IndexEntry("p.txt", "s.txt", "某局", 2024, "paired", "同一发文单位",
                        {"implemented": 1, "partial": 0, "missing": 2}, "s-0123456789ab.html")
    failed = IndexEntry("p2.txt", "s2.txt", "某局", 2024, "failed", "读取失败")
    alone = IndexEntry(None, "s3.txt", "某局", 2024, "unpaired", "未找到某局的计划")
    entries = [replace(e, **{field: HOSTILE}) if getattr(e, field) is not None else e for e in (paired, failed, alone)]
    html = render_index(entries, font=False)
    parsed = Page(html)
    assert "script" not in parsed.tags and parsed.tags.count("style") == 1 and "b" not in parsed.tags
    text, attrs = "".join(parsed.text), " ".join(parsed.attrs)
    if field == "report":  # a link: percent-encoded, so no quote or bracket survives
        assert 'href="%3C/style%3E%3C/script%3E' in html
    else:
        assert HOSTILE in text
    assert "1</td>" in html and "比对失败：" in html


def test_index_lists_pairs_failures_and_unpaired():
    entries = [IndexEntry("a/计划.txt", "a/总结.txt", "甲局", 2024, "paired", "r",
                          {"implemented": 3, "partial": 1, "missing": 0}, "总结-0123456789ab.html"),
               IndexEntry("b/p.txt", "b/s.txt", "乙局", 2024, "failed", "文件已损坏"),
               IndexEntry(None, "c/s.txt", None, None, "unpaired", "总结未写明发文单位，无法配对")]
    html = render_index(entries, font=False)
    assert re.search(r'<td class="n implemented">3</td><td class="n partial">1</td><td class="n missing">0</td>'
                     r'<td><a href="%E6%80%BB%E7%BB%93-0123456789ab.html">', html)
    assert "比对失败：文件已损坏" in html and "总结未写明发文单位，无法配对" in html
    assert "配对 2 组（比对失败 1）" in html and "未配对 1 份" in html
    assert entries[0].to_dict()["totals"] == {"implemented": 3, "partial": 1, "missing": 0}


def test_self_contained(page):
    _, html = page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html
    assert re.findall(r"url\(([a-z]+):", html) == ["data"]  # the embedded font, nothing fetched


def test_the_font_is_embedded_and_cut_to_the_page(page):
    from fontTools.ttLib import TTFont

    _, html = page
    b64 = re.search(r'@font-face\{font-family:"PolicyText Sans SC";src:url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)',
                    html).group(1)
    font = TTFont(io.BytesIO(base64.b64decode(b64)))
    cmap = set(font.getBestCmap())
    cjk = {ord(ch) for ch in html if "\u4e00" <= ch <= "\u9fff"}
    assert cjk and cjk <= cmap  # every Chinese character of the page, 落实 of the script included
    assert len(cmap) < 3 * len(set(html))  # a subset, not the font's 7,000 characters
    assert "PolicyText Sans SC" in re.search(r"body\{[^}]*\}", html).group(0)


def test_without_the_font(comparison):
    html = render(comparison, font=False)
    assert "@font-face" not in html and "url(" not in html


def test_tasks_and_evidence_are_linked(page):
    c, html = page
    for n, it in enumerate(c.items):
        assert f'id="t{n}" data-status="{it.status}"' in html
    first = c.items[0]
    assert first.status == "implemented" and first.evidence
    ids = re.search(r'id="t0"[^>]*data-evidence="([^"]*)"', html).group(1).split()
    assert ids and all(f'<mark class="ev" id="{i}"' in html for i in ids)
    assert 'data-status="missing"' in html and "未落实（1）" in html


def test_every_task_is_reachable_by_keyboard_and_flagged_ones_marked(page):
    c, html = page
    tags = re.findall(r'<span class="task [^>]*>', html)
    assert len(tags) == len(c.items)
    for n, (tag, it) in enumerate(zip(tags, c.items)):
        assert 'tabindex="0" role="button" aria-pressed="false"' in tag and f'aria-describedby="r-t{n}"' in tag
        assert ('data-flagged="1"' in tag) == (it.status != "implemented" or bool(it.flags)), tag
    assert 'id="next"' in html and 'id="prev"' in html and "n / j 下一个待核查任务" in html


def test_badge_shows_verdict_and_flags(comparison):
    it = comparison.items[0]
    html = render(replace(comparison, items=(replace(it, flags=("weak_evidence",)),)), font=False)
    assert re.search(r'<span class="badge implemented"><span class="verdict">已落实</span>'
                     r'<span class="flag" title="weak_evidence">证据不足</span></span>', html)


def test_print_styles(page):
    _, html = page
    css = html[html.index("@media print"):]
    assert "print-color-adjust:exact" in html and ".bar{display:none}" in css and ".pane{overflow:visible" in css


def test_write_to_file_and_notebook_table(page, tmp_path):
    c, html = page
    assert c.to_html(tmp_path / "r.html") == html
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    table = c._repr_html_()
    assert table.count("<tr>") == len(c.items) + 1 and "&lt;script&gt;" in table
