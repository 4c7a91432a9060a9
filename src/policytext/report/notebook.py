"""Rich display in Jupyter of a corpus: a short listing of what it holds, without reading it.
(An analysed document's display is policytext.display, below the report layer.)"""
from __future__ import annotations

import html
from collections import Counter


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def corpus_html(corpus, shown: int = 20) -> str:
    """What a Corpus holds, without reading it: the count by format and the first paths."""
    formats = Counter(s.suffix.lstrip(".") for s in corpus.sources)
    summary = "，".join(f"{k} {n}" for k, n in sorted(formats.items()))
    rows = "".join(f"<tr><td>{_e(s.path)}</td><td style=\"text-align:right\">{s.size:,}</td></tr>"
                   for s in corpus.sources[:shown])
    more = f"<tr><td colspan=2>……共 {len(corpus)} 份</td></tr>" if len(corpus) > shown else ""
    refused = f"；{len(corpus.refused)} 份无法打开" if corpus.refused else ""
    return (f"<div><b>Corpus：{len(corpus)} 份文件</b>（{_e(summary)}）{refused}"
            f"<table><thead><tr><th>路径</th><th>字节</th></tr></thead><tbody>{rows}{more}</tbody></table></div>")
