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

import sys
import types
from typing import TYPE_CHECKING

from ._version import __version__
from .analysis import SCHEMA, Analysis, analyze
from .document import Document, Notice, Paragraph
from .errors import (CorruptFileError, DecodeError, EmptyDocumentError, EncryptedPDFError,
                     HostileFileError, KindMismatchError, NoTextLayerError, PolicyTextError, TooLargeError,
                     UnsupportedFormatError)
from .ingest import from_text, read
from .spacy import nlp
from .structure import Outline, Task, build_outline

if TYPE_CHECKING:
    from .comparison import Comparison, compare

# pandas, pyarrow and matplotlib load when these are used, not when policytext is imported; nor
# does the comparison (scipy, scikit-learn and its own patterns: a sixth of `policytext extract`'s
# start), which reading and extracting never need.
_LAZY = {"Corpus": ".corpus", "read_many": ".corpus", "read_results": ".batch", "plot": ".plot",
         "Comparison": ".comparison"}


class _Facade(types.ModuleType):
    """The package's own module type, for one name: `policytext.compare` is the function, while
    the import system binds the subpackage policytext.compare to that name whenever it loads it
    (from policytext.compare import StatusModel).  A data descriptor on the module's class wins
    over that binding, so the function stays, and still loads only when first asked for."""

    @property
    def compare(self):
        got = self.__dict__.get("_compare")
        if got is None:
            from .comparison import compare as got

            self.__dict__["_compare"] = got
        return got

    @compare.setter
    def compare(self, value) -> None:
        if not (isinstance(value, types.ModuleType) and value.__name__ == f"{__name__}.compare"):
            self.__dict__["_compare"] = value  # (anything else assigned replaces it, as usual)


sys.modules[__name__].__class__ = _Facade


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
