"""policytext: audit Chinese policy plans and summaries.

    >>> import policytext
    >>> doc = policytext.read("corpus/plan_party_building.txt")
    >>> result = policytext.analyze(doc)
    >>> [t.path for t in result.tasks][:3]
    >>> corpus = policytext.read_many("corpus/")         # many documents, as DataFrames
    >>> corpus.frame("quotas")
    >>> policytext.read_results("out/batch").frame("ledger")   # a batch run's tables
"""
from __future__ import annotations

from ._version import __version__
from .analysis import SCHEMA, Analysis, analyze
from .comparison import Comparison, compare
from .document import Document, Notice, Paragraph
from .errors import (CorruptFileError, DecodeError, EmptyDocumentError, EncryptedPDFError,
                     HostileFileError, KindMismatchError, NoTextLayerError, PolicyTextError, TooLargeError,
                     UnsupportedFormatError)
from .ingest import from_text, read
from .spacy import nlp
from .structure import Outline, Task, build_outline

# pandas, pyarrow and matplotlib load when these are used, not when policytext is imported.
_LAZY = {"Corpus": ".corpus", "read_many": ".corpus", "read_results": ".batch", "plot": ".plot"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name], __name__)
        return module if name == "plot" else getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _document_html(doc: Document) -> str:
    """In Jupyter a Document shows its analysis: the outline with every field marked.  Attached
    here, in the facade, because document.py sits below the analysis it would need."""
    return analyze(doc)._repr_html_()


Document._repr_html_ = _document_html  # type: ignore[attr-defined]

__all__ = [
    "SCHEMA", "Analysis", "Comparison", "Corpus", "Document", "Paragraph", "Notice", "Outline", "Task",
    "analyze", "build_outline", "compare", "from_text", "nlp", "plot", "read", "read_many", "read_results",
    "__version__", "PolicyTextError", "CorruptFileError", "DecodeError", "EmptyDocumentError", "KindMismatchError",
    "EncryptedPDFError", "HostileFileError", "NoTextLayerError", "TooLargeError",
    "UnsupportedFormatError",
]
