import zipfile

import pytest

from policytext.errors import HostileFileError, PolicyTextError, TooLargeError
from policytext.ingest import archive as A


def paths(root):
    return [x.path if isinstance(x, A.Source) else ("SKIP", x.path) if isinstance(x, A.Skipped)
            else ("ERR", x.path, x.code) for x in A.walk(root)]


def test_walk_order_zip_members_and_ignored_files(archive):
    assert paths(archive) == [
        "2024/交通/plan_transport_style_2024.docx", "2024/交通/summary_transport_style_2024.txt",
        "2024/税务/plan_tax_party_2024.txt", "2024/税务/summary_tax_party_2024.txt",
        "broken.pdf", "empty.txt", ("SKIP", "notes.md"), "数据局.zip!数据局/plan_datagov_2024.pdf",
        "数据局.zip!数据局/summary_datagov_2024.txt", ("SKIP", "数据局.zip!数据局/说明.xlsx"), "旧文件.doc"]


def test_member_reads_under_its_archive_path(archive):
    src = next(x for x in A.walk(archive) if isinstance(x, A.Source) and x.member)
    doc, doc_id = src.read()
    assert doc.path == "数据局.zip!数据局/plan_datagov_2024.pdf" and doc.pages and len(doc_id) == 64


def test_same_bytes_same_id_wherever_they_are(tmp_path, archive):
    from tests.conftest import CORPUS
    (tmp_path / "a").mkdir()
    data = (CORPUS / "summary_datagov_2024.txt").read_bytes()
    (tmp_path / "a" / "x.txt").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as z:
        z.writestr("y.txt", data)
    ids = {x.path: x.read()[1] for x in A.walk(tmp_path)}
    assert ids["a/x.txt"] == ids["z.zip!y.txt"]


@pytest.mark.parametrize("member", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "C:/evil.txt"])
def test_members_pointing_outside_are_refused(tmp_path, member):
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as z:
        z.writestr(member, "一、任务\n1.开展学习。")
    (got,) = list(A.walk(tmp_path))
    assert isinstance(got, HostileFileError) and "outside the archive" in str(got)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_repetitive_member_is_text_not_a_bomb(tmp_path, monkeypatch):
    line = "一、加强学习。每月开展1次集中学习。\n".encode("utf-8")
    with zipfile.ZipFile(tmp_path / "z.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("plan.txt", line * 200_000)  # about 10 MB, compresses several hundred to one
    (src,) = list(A.walk(tmp_path))
    assert src.size > 300 * z.getinfo("plan.txt").compress_size
    assert src.read()[0].text.count("加强学习") == 200_000
    monkeypatch.setattr(A, "MAX_INFLATE_SECONDS", -1.0)  # what a bomb that inflates for ever meets
    with pytest.raises(HostileFileError, match=r"z.zip!plan.txt: refused: inflating took more than"):
        src.read()


def test_oversized_member(tmp_path, monkeypatch):
    monkeypatch.setattr(A, "MAX_MEMBER_BYTES", 10)
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as z:
        z.writestr("big.txt", "一、任务\n1.开展学习。")
    (src,) = list(A.walk(tmp_path))
    with pytest.raises(TooLargeError, match="z.zip!big.txt"):
        src.read()


def test_unreadable_zip_is_an_error_entry(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really")
    (got,) = list(A.walk(tmp_path))
    assert isinstance(got, PolicyTextError) and got.code == "corrupt" and got.path == "bad.zip"


def test_member_errors_name_the_member(tmp_path):
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as z:
        z.writestr("d/empty.txt", "")
    (src,) = list(A.walk(tmp_path))
    with pytest.raises(PolicyTextError, match=r"^z.zip!d/empty.txt: file is empty$"):
        src.read()


def test_missing_root():
    with pytest.raises(PolicyTextError, match="no such folder"):
        list(A.walk("/nonexistent/archive"))


def test_key_changes_with_content(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("一、任务\n1.开展学习。", encoding="utf-8")
    (a,) = list(A.walk(tmp_path))
    f.write_text("一、任务\n1.开展学习，每月1次。", encoding="utf-8")
    (b,) = list(A.walk(tmp_path))
    assert a.key != b.key and a.path == b.path
