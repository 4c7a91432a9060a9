"""A jieba tokenizer with its own dictionary instance, serialised with the pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from spacy.tokens import Doc
from spacy.util import DummyTokenizer, get_words_and_spaces
from spacy.vocab import Vocab


class JiebaTokenizer(DummyTokenizer):
    """Words from a private jieba.Tokenizer; user words travel in to_disk/to_bytes, so a saved
    pipeline needs no file outside its folder."""

    def __init__(self, vocab: Vocab, words: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.words: tuple[str, ...] = tuple(words)
        self._seg = None

    def load_userdict(self, path: str | Path) -> "JiebaTokenizer":
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        self.words = tuple(dict.fromkeys(self.words + tuple(l.split()[0] for l in lines if l.strip())))
        self._seg = None
        return self

    def _segmenter(self):
        if self._seg is None:
            from ..segment import make_segmenter

            self._seg = make_segmenter(self.words)
        return self._seg

    def __call__(self, text: str) -> Doc:
        words = [w for w in self._segmenter().cut(text) if w]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        return "\n".join(self.words).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> "JiebaTokenizer":
        self.words = tuple(w for w in data.decode("utf-8").split("\n") if w)
        self._seg = None
        return self

    def to_disk(self, path: str | Path, **kwargs) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **kwargs) -> "JiebaTokenizer":
        return self.from_bytes(Path(path).read_bytes())


def create_tokenizer() -> Callable[..., JiebaTokenizer]:
    """Registered as policytext.JiebaTokenizer.v1 (spacy_tokenizers entry point)."""

    def make(nlp) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make
