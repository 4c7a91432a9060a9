"""The ledger as it prints: converted to PDF by LibreOffice, every page carries every column
header (no column split off onto pages of its own) and no wrapped text is cut to one line."""
import re
import subprocess

import pytest

import policytext
from policytext.compare import StatusModel
from policytext.ingest.convert import soffice
from policytext.report.ledger import COLUMNS, rows
from tests.compare.conftest import CORPUS

pytestmark = [pytest.mark.oracle,
              pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")]

A4_LANDSCAPE = (842, 595)  # points


def _convert(xlsx, tmp_path, to="pdf"):
    """The workbook converted by LibreOffice, in a profile of its own (as ingest/convert.py runs it)."""
    out = tmp_path / to
    cmd = [soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--invisible",
           "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to",
           {"pdf": "pdf", "xlsx": "xlsx:Calc MS Excel 2007 XML"}[to], "--outdir", str(out), str(xlsx)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
                   stdin=subprocess.DEVNULL)
    return out / f"{xlsx.stem}.{to}"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    import pypdfium2 as pdfium

    tmp = tmp_path_factory.mktemp("print")
    c = policytext.compare(CORPUS / "plan_datagov_2024.pdf", CORPUS / "summary_datagov_2024.txt",
                           model=StatusModel.load())
    pdf = pdfium.PdfDocument(_convert(c.to_excel(tmp / "ledger.xlsx"), tmp))
    pages = [(tuple(round(x) for x in pdf[i].get_size()), pdf[i].get_textpage().get_text_range())
             for i in range(len(pdf))]
    assert "项数" in pages[-1][1] and "占比" in pages[-1][1]  # 汇总 prints last, on one page
    # the ledger's pages carry its footer (第 1 页，共 N 页), 汇总's do not
    return c, [(size, text) for size, text in pages if "页，共" in text]


def test_every_page_is_a4_landscape_with_every_column_header(printed):
    c, pages = printed
    assert 1 <= len(pages) <= len(c.items) // 2
    for size, text in pages:
        assert size == A4_LANDSCAPE
        flat = _flat(text)
        missing = [h for h in COLUMNS if h not in flat]
        assert not missing, f"a page without the columns {missing}"
        assert "计划：" in flat and "核查日期：" in flat  # the title row repeats too


def test_long_texts_print_whole(printed):
    c, pages = printed
    flat = "".join(_flat(text) for _, text in pages)
    ledger = rows(c.items)
    longest = max(ledger, key=lambda r: len(r.evidence))
    assert len(longest.evidence) > 45 and "\n" in longest.evidence  # several sentences, many lines in the cell
    assert _flat(longest.evidence) in flat
    for r in ledger:  # every evidence cell and every reason, not one line of each
        assert _flat(r.evidence) in flat, r.task
        assert _flat(r.reason) in flat, r.task


def test_a_ledger_saved_by_libreoffice_applies_unchanged(tmp_path):
    """An inspector who opens and saves the ledger in LibreOffice Calc: the hidden sheet, the
    cells and the task paths survive, so nothing reads as an edit."""
    from openpyxl import load_workbook

    from policytext.comparison import apply_ledger

    model = StatusModel.load()
    c = policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt", model=model)
    saved = _convert(c.to_excel(tmp_path / "ledger.xlsx"), tmp_path, to="xlsx")
    applied = apply_ledger(saved, model=model)
    assert (applied.changed, applied.warnings, applied.comparison.overrides) == (0, (), ())
    wb = load_workbook(saved)
    assert wb["_policytext"].sheet_state == "hidden"
    assert wb["督查台账"].data_validations.dataValidation[0].formula1 == '"已落实,部分落实,未落实"'
