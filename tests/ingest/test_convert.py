""".doc and .wps through LibreOffice: numbering kept, clear errors when it cannot be done."""
from __future__ import annotations

import os
import shutil
import time

import pytest

import policytext
from policytext.errors import ConversionError, CorruptFileError, MissingToolError
from policytext.ingest.convert import soffice
from tests.conftest import CORPUS

needs_lo = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def _outline(doc):
    return [(t["path"], t["heading"]) for t in policytext.analyze(doc).to_dict()["tasks"]]


@needs_lo
@pytest.mark.parametrize("name, fmt", [("plan_transport.doc", "doc"), ("plan_transport.wps", "wps")])
def test_legacy_word_keeps_rendered_numbering(data, name, fmt):
    doc = policytext.read(data / name)
    original = policytext.read(CORPUS / "plan_transport_style_2024.docx")
    assert doc.format == fmt and doc.path == str(data / name)
    assert doc.meta["converted_by"].startswith("LibreOffice")
    assert doc.title == original.title and doc.kind == "plan"
    assert _outline(doc) == _outline(original)  # 一、（一）1. rendered as Word shows them
    assert doc.meta["auto_numbered_paragraphs"] == original.meta["auto_numbered_paragraphs"]
    out = policytext.analyze(doc).to_dict()
    assert out["document"]["format"] == fmt and out["document"]["converted_by"].startswith("LibreOffice")


def test_docx_under_a_doc_name_needs_no_conversion(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_SOFFICE", str(tmp_path / "no-such-soffice"))
    p = tmp_path / "misnamed.doc"
    shutil.copy(CORPUS / "plan_transport_style_2024.docx", p)
    doc = policytext.read(p)
    assert doc.format == "doc" and doc.meta["converted_by"] is None and doc.kind == "plan"


@pytest.mark.parametrize("name, content, error, match", [
    ("junk.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, CorruptFileError, "without a Word document stream"),
    ("text.wps", "一、这是文本文件".encode(), CorruptFileError, "not a WPS document"),
    ("short.doc", b"\xd0\xcf\x11\xe0 legacy", CorruptFileError, "not a legacy Word .doc"),
])
def test_not_a_word_file(tmp_path, name, content, error, match):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(error, match=match) as info:
        policytext.read(p)
    assert str(p) in str(info.value)


def test_missing_libreoffice_says_what_to_install(data, monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYTEXT_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(MissingToolError, match="LibreOffice.*not installed.*apt-get install libreoffice-writer"):
        policytext.read(data / "plan_transport.wps")


def _fake_soffice(tmp_path, body: str) -> str:
    exe = tmp_path / "soffice"
    exe.write_text("#!/bin/sh\n" + body + "\n")
    exe.chmod(0o755)
    return str(exe)


def test_a_hung_libreoffice_is_killed_at_the_time_limit(data, tmp_path, monkeypatch):
    pidfile = tmp_path / "pid"
    monkeypatch.setenv("POLICYTEXT_SOFFICE", _fake_soffice(tmp_path, f"echo $$ > {pidfile}; sleep 60"))
    monkeypatch.setenv("POLICYTEXT_SOFFICE_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(ConversionError, match=r"did not convert .* within 1 s"):
        policytext.read(data / "plan_transport.doc")
    assert time.monotonic() - started < 30
    pid = int(pidfile.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_libreoffice_failure_is_reported(data, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_SOFFICE", _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1"))
    with pytest.raises(ConversionError, match="exit 1.*could not be loaded"):
        policytext.read(data / "plan_transport.doc")


def test_libreoffice_writing_nothing_is_reported(data, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_SOFFICE", _fake_soffice(tmp_path, "exit 0"))
    with pytest.raises(ConversionError, match="could not read a legacy Word .doc"):
        policytext.read(data / "plan_transport.doc")


def test_cli_error_for_doc_without_libreoffice(data, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from policytext.cli import cli

    monkeypatch.setenv("POLICYTEXT_SOFFICE", str(tmp_path / "none"))
    result = CliRunner().invoke(cli, ["extract", str(data / "plan_transport.doc")])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"policytext: {data / 'plan_transport.doc'}: ") and "LibreOffice" in line
