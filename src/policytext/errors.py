"""Typed errors. Every error names the file it is about and says why, in one line."""
from __future__ import annotations


class PolicyTextError(Exception):
    """Base of every error policytext raises on purpose.

    ``code`` is a stable machine-readable name (batch error tables use it);
    ``str(err)`` is the one-line message "FILE: reason".
    """

    code = "error"

    def __init__(self, path: object, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = " ".join(reason.splitlines())  # one line, whatever a library's message held
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class FileAccessError(PolicyTextError):
    """The file cannot be opened at all: missing, a folder, no permission, a symlink loop."""

    code = "unreadable"


class OutputError(PolicyTextError):
    """An output (ledger, report, table) cannot be written: a read-only folder, a full disk."""

    code = "output"


class ChangedFileError(PolicyTextError):
    """The file changed (or vanished) between being listed and being read: read it again."""

    code = "changed"


class UnsupportedFormatError(PolicyTextError):
    code = "unsupported_format"


class DecodeError(PolicyTextError):
    code = "decode_error"


class EmptyDocumentError(PolicyTextError):
    code = "empty"


class CorruptFileError(PolicyTextError):
    code = "corrupt"


class EncryptedPDFError(PolicyTextError):
    code = "encrypted"


class NoTextLayerError(PolicyTextError):
    code = "no_text_layer"


class HostileFileError(PolicyTextError):
    """A file built to exhaust resources or reach outside itself (zip bomb, XML entities)."""

    code = "hostile"


class TooLargeError(PolicyTextError):
    code = "too_large"


class ModelsNotFoundError(PolicyTextError):
    """The data under models/ (lexicons, the saved pipeline) cannot be found."""

    code = "models_not_found"


class MissingToolError(PolicyTextError):
    """Reading this file needs a program that is not installed (LibreOffice for .doc/.wps)."""

    code = "missing_tool"


class ConversionError(PolicyTextError):
    """The converting program failed on the file or ran past its time limit."""

    code = "conversion_failed"


class KindMismatchError(PolicyTextError):
    """A comparison whose plan reads as a summary, or whose summary reads as a plan."""

    code = "kind_mismatch"


class LedgerError(PolicyTextError):
    """A workbook that is not a policytext ledger, or cells that cannot be read as verdicts."""

    code = "bad_ledger"


class SourceMissingError(PolicyTextError):
    """A plan or summary a ledger was made from cannot be found."""

    code = "source_missing"


class SourceChangedError(PolicyTextError):
    """A plan or summary changed since its ledger was written (its SHA-256 differs)."""

    code = "source_changed"


class LabelError(PolicyTextError):
    """A pair file, or the labels in it, that cannot be read."""

    code = "bad_labels"


class FirstScoreError(PolicyTextError):
    """A split's FIRST_SCORE.log that does not hold its first score."""

    code = "bad_first_score"


class BatchError(PolicyTextError):
    """The batch itself cannot go on (its output folder, a pairs file), as opposed to one document."""

    code = "batch"
