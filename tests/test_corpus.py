from __future__ import annotations

import logging
import shutil

import pandas as pd
import pytest

import policytext
from policytext.batch import read_results, run_batch
from policytext.report.tables import COLUMNS, DOC_TABLES
from policytext.errors import PolicyTextError
from policytext.report.tables import PERIODS
from tests.batch.conftest import make_archive
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return make_archive(tmp_path_factory.mktemp("corpus_archive"))


@pytest.fixture(scope="module")
def corpus(archive):
    return policytext.read_many(archive)


def test_sources_in_a_fixed_order_named_as_the_user_named_them(archive, corpus):
    root = archive.as_posix()
    assert corpus.paths == sorted(corpus.paths, key=lambda p: p)
    assert f"{root}/2024/税务/plan_tax_party_2024.txt" in corpus.paths
    assert f"{root}/数据局.zip!数据局/plan_datagov_2024.pdf" in corpus.paths
    assert not any(p.endswith(("notes.md", "说明.xlsx")) for p in corpus.paths)


def test_files_and_folders_together():
    c = policytext.read_many([CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt"])
    assert c.paths == [(CORPUS / "plan_tax_party_2024.txt").as_posix(), (CORPUS / "summary_tax_party_2024.txt").as_posix()]
    assert len(policytext.read_many([CORPUS, CORPUS / "plan_tax_party_2024.txt"])) == len(policytext.read_many(CORPUS))


@pytest.mark.parametrize("paths, error, match", [
    ("no/such/folder", PolicyTextError, "no such folder or file"),
    ([], ValueError, "at least one"),
])
def test_bad_paths(paths, error, match):
    with pytest.raises(error, match=match):
        policytext.read_many(paths)


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_bad_jobs(jobs):
    with pytest.raises(ValueError, match="jobs must be"):
        policytext.read_many(CORPUS, jobs=jobs)


def test_iterating_reads_lazily_and_skips_what_cannot_be_read(tmp_path, caplog):
    for name in ("plan_tax_party_2024.txt", "summary_tax_party_2024.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7 garbage")
    c = policytext.read_many(tmp_path)
    (tmp_path / "summary_tax_party_2024.txt").unlink()  # gone after listing: nothing was read yet
    with caplog.at_level(logging.WARNING, logger="policytext.corpus"):
        docs = list(c)
    assert [d.path for d in docs] == [(tmp_path / "plan_tax_party_2024.txt").as_posix()]
    assert "bad.pdf" in caplog.text and "summary_tax_party_2024.txt" in caplog.text
    errors = c.frame("errors")
    assert sorted(p.rsplit("/", 1)[1] for p in errors["path"]) == ["bad.pdf", "summary_tax_party_2024.txt"]
    assert errors["reason"].str.len().min() > 0


@pytest.mark.parametrize("name", DOC_TABLES + ("pairs", "ledger"))
def test_every_table_has_its_columns_and_rows(corpus, name):
    df = corpus.frame(name)
    stored = [c for c, _ in COLUMNS[name]]
    assert [c for c in df.columns if c in stored] == stored
    if name not in ("documents", "pairs", "ledger"):
        assert list(df.columns[:4]) == ["doc_id", "path", "issuer", "year"]
    assert len(df) > 0


@pytest.mark.parametrize("name, column, check", [
    ("quotas", "period", lambda s: isinstance(s.dtype, pd.CategoricalDtype) and s.cat.ordered
     and tuple(s.cat.categories) == PERIODS),
    ("units", "role", lambda s: isinstance(s.dtype, pd.CategoricalDtype) and set(s.cat.categories) == {"lead", "responsible", "support"}),
    ("ledger", "status", lambda s: list(s.cat.categories) == ["implemented", "partial", "missing"] and s.cat.ordered),
    ("quotas", "year", lambda s: s.dtype == "Int64"),
    ("quotas", "start", lambda s: s.dtype == "Int64"),
    ("quotas", "value", lambda s: s.dtype == "Float64"),
    ("quotas", "placeholder", lambda s: s.dtype == "boolean"),
    ("deadlines", "date", lambda s: pd.api.types.is_datetime64_dtype(s.dtype)),
    ("deadlines", "date_from", lambda s: pd.api.types.is_datetime64_dtype(s.dtype)),
    ("tasks", "issuer", lambda s: s.dtype == "string"),
    ("documents", "kind", lambda s: list(s.cat.categories) == ["plan", "summary", "unknown"]),
    ("errors", "code", lambda s: isinstance(s.dtype, pd.CategoricalDtype)),
])
def test_typed_columns(corpus, name, column, check):
    assert check(corpus.frame(name)[column])


def test_issuer_and_year_come_from_the_document(corpus):
    docs = corpus.frame("documents").set_index("doc_id")
    quotas = corpus.frame("quotas")
    assert (quotas["issuer"] == quotas["doc_id"].map(docs["issuer"])).all()
    assert quotas.loc[quotas["path"].str.endswith("plan_tax_party_2024.txt"), "year"].eq(2024).all()


def test_offsets_point_into_the_documents(corpus):
    texts = {d.path: d.text for d in corpus}
    for name, col in (("quotas", "text"), ("deadlines", "text"), ("units", "name")):
        df = corpus.frame(name)
        assert all(texts[p][s:e] == t for p, s, e, t in zip(df["path"], df["start"], df["end"], df[col])), name


def test_a_corpus_and_a_batch_run_give_the_same_frames(archive, corpus, tmp_path):
    run_batch(archive, tmp_path / "out", jobs=1, compare=True)
    results = read_results(tmp_path / "out")
    prefix = archive.as_posix() + "/"
    for name in DOC_TABLES + ("pairs", "ledger"):
        ours = corpus.frame(name)
        for col in ("path", "plan", "summary"):
            if col in ours.columns:
                ours[col] = ours[col].str.removeprefix(prefix)
        pd.testing.assert_frame_equal(ours, results.frame(name), obj=name)


def test_jobs_2_gives_the_same_frames(archive, corpus):
    two = policytext.read_many(archive, jobs=2)
    for name in ("documents", "quotas", "errors"):
        pd.testing.assert_frame_equal(two.frame(name), corpus.frame(name), obj=name)


def test_comparisons_follow_the_pairs(corpus):
    comparisons = list(corpus.comparisons())
    ledger = corpus.frame("ledger")
    assert len(comparisons) == (corpus.frame("pairs")["status"] == "paired").sum() == 3
    for c in comparisons:
        rows = ledger[ledger["summary"] == c.summary.document.path]
        assert rows["status"].value_counts().reindex(list(c.totals)).tolist() == list(c.totals.values())


def test_unknown_table(corpus):
    with pytest.raises(ValueError, match="no table 'quota'"):
        corpus.frame("quota")


def test_display_does_not_read(tmp_path):
    shutil.copy(CORPUS / "plan_tax_party_2024.txt", tmp_path / "a.txt")
    c = policytext.read_many(tmp_path)
    (tmp_path / "a.txt").unlink()
    assert "a.txt" in c._repr_html_() and "1 documents" in repr(c)
