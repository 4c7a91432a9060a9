from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from policytext.batch import read_results
from tests.conftest import CORPUS

PAIR_FILES = ["plan_tax_party_2024.txt", "summary_tax_party_2024.txt", "plan_transport_style_2024.docx",
              "summary_transport_style_2024.txt", "plan_datagov_2024.pdf", "summary_datagov_2024.txt"]


def make_archive(root: Path) -> Path:
    """A small archive as they come: nested folders, a zip, every format, broken files."""
    (root / "2024" / "税务").mkdir(parents=True)
    (root / "2024" / "交通").mkdir(parents=True)
    for name in PAIR_FILES[:2]:
        shutil.copy(CORPUS / name, root / "2024" / "税务" / name)
    for name in PAIR_FILES[2:4]:
        shutil.copy(CORPUS / name, root / "2024" / "交通" / name)
    with zipfile.ZipFile(root / "数据局.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name in PAIR_FILES[4:]:
            z.write(CORPUS / name, f"数据局/{name}")
        z.writestr("数据局/说明.xlsx", b"not a document kind we read")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (root / "empty.txt").write_bytes(b"")
    (root / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    (root / "notes.md").write_text("ignored: not a document kind")
    return root


def tables(out: Path) -> dict[str, pd.DataFrame]:
    r = read_results(out)
    return {name: r[name] for name in r}


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    assert sorted(ta) == sorted(tb)
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Path:
    return make_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="session")
def reference(archive, tmp_path_factory) -> Path:
    """The tables of one uninterrupted serial run with comparisons, to compare others with."""
    from policytext.batch import run_batch

    out = tmp_path_factory.mktemp("reference")
    run_batch(archive, out, jobs=1, compare=True)
    return out
