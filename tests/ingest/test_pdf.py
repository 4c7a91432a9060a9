import pypdfium2 as pdfium
import pytest

import policytext
from policytext.errors import CorruptFileError, EncryptedPDFError, NoTextLayerError
from tests.conftest import CORPUS


def _page_texts(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("path", [CORPUS / "plan_datagov_2024.pdf", "data/wrapped.pdf"])
def test_every_character_traces_back_to_its_page(path, data):
    path = path if path.__class__ is not str else data / path.split("/")[1]
    doc = policytext.read(path)
    pages = _page_texts(path)
    for i, ch in enumerate(doc.text):
        where = doc.locate(i)
        if where is None:
            assert ch == "\n"  # paragraph separators are the only characters the cleaner adds
            continue
        page, offset = where
        assert pages[page - 1][offset] == ch
        assert doc.page_of(i) == page


def test_cleanup_drops_furniture_and_rejoins_lines():
    doc = policytext.read(CORPUS / "plan_datagov_2024.pdf")
    assert doc.pages == 4
    assert doc.title == "江州市数据资源局数字政府建设三年行动方案（2024—2026年）"
    assert "— 1 —" not in doc.text and "江州市数据资源局文件" not in doc.text
    assert "2024年6月底前建成市公共数据平台" in doc.text  # generated spaces gone, wrap rejoined
    lines = doc.text.split("\n")
    assert "②新生儿出生一件事；" in lines  # a numbered line is never joined to the previous
    assert doc.meta["furniture_lines_dropped"] == 8


def test_wrapped_numbered_lines_and_page_label(data):
    doc = policytext.read(data / "wrapped.pdf")
    result = policytext.analyze(doc)
    assert [t.path for t in result.tasks] == [str(i) for i in range(1, 31)]
    assert "第 1 页" not in doc.text and "第1页" not in doc.text
    assert all(t.heading.startswith(f"加强第{i + 1}项节能工作") for i, t in enumerate(result.tasks))


@pytest.mark.parametrize("name, error, match", [
    ("encrypted.pdf", EncryptedPDFError, "encrypted"),
    ("scanned.pdf", NoTextLayerError, "no text layer"),
    ("corrupt.pdf", CorruptFileError, "damaged PDF"),
    ("not_a_pdf.pdf", CorruptFileError, "not a PDF"),
])
def test_bad_pdfs(data, name, error, match):
    with pytest.raises(error, match=match) as info:
        policytext.read(data / name, ocr="off")
    assert name in str(info.value)
