"""The index page of a batch run's reports (reports/index.html): every pair with its totals
and a link to its report, every comparison that failed and every unpaired document with the
reason.  Self-contained like the reports, with the shipped font embedded."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Mapping, Sequence
from urllib.parse import quote

from .html import _e, page
from ..compare.status import VERDICT, css

_CSS = """
main{padding:12px 16px}
h2{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;font-size:13px;width:100%}
td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f0f4f8}td.n{text-align:right;white-space:nowrap}
""" + css("td.{s}", (("background", "light"),)) + """
td.failed{color:#9c0006}
a:focus-visible{outline:3px solid #e65100;outline-offset:1px}
@media print{thead{display:table-header-group}tr{break-inside:avoid}}
"""


@dataclass(frozen=True)
class IndexEntry:
    """One row of the index: a pair (status paired or failed) or an unpaired document."""

    plan: str | None
    summary: str | None
    issuer: str | None
    year: int | None
    status: str  # paired | failed | unpaired
    reason: str
    totals: Mapping[str, int] | None = None  # implemented/partial/missing of a compared pair
    report: str | None = None  # the report's file name, beside the index

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["totals"] = dict(self.totals) if self.totals is not None else None
        return d


def _cell(x: object, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f"<td{c}>{_e('' if x is None else str(x))}</td>"


def _pair_row(n: int, e: IndexEntry) -> str:
    cells = [f'<td class="n">{n}</td>', _cell(e.issuer), _cell(e.year), _cell(e.plan), _cell(e.summary)]
    if e.status == "failed" or e.totals is None:
        cells.append(f'<td class="failed" colspan="4">比对失败：{_e(e.reason)}</td>')
    else:
        cells += [f'<td class="n {s}">{int(e.totals.get(s, 0))}</td>' for s in VERDICT]
        link = (f'<a href="{_e(quote(e.report))}">查看报告</a>' if e.report else "")
        cells.append(f"<td>{link}</td>")
    return f"<tr>{''.join(cells)}</tr>"


def render_index(entries: Sequence[IndexEntry], title: str = "批量核查报告", font: bool = True) -> str:
    pairs = [e for e in entries if e.status != "unpaired"]
    alone = [e for e in entries if e.status == "unpaired"]
    failed = sum(e.status == "failed" for e in pairs)
    sums = {s: sum(int((e.totals or {}).get(s, 0)) for e in pairs) for s in VERDICT}
    totals = "".join(f"<span>{VERDICT[s]} {n}</span>" for s, n in sums.items())
    head = "".join(f"<th>{h}</th>" for h in ("序号", "发文单位", "年度", "计划", "总结", *VERDICT.values(), "报告"))
    pair_rows = "".join(_pair_row(n, e) for n, e in enumerate(pairs, 1))
    alone_rows = "".join(f'<tr><td class="n">{n}</td>{_cell(e.plan or e.summary)}'
                         f'{_cell("计划" if e.plan else "总结")}{_cell(e.issuer)}{_cell(e.reason)}</tr>'
                         for n, e in enumerate(alone, 1))
    body = (f"<header><h1>{_e(title)}</h1><div class=\"totals\"><span>配对 {len(pairs)} 组"
            f"（比对失败 {failed}）</span><span>未配对 {len(alone)} 份</span>{totals}</div></header><main>"
            f"<h2>已配对</h2><table><thead><tr>{head}</tr></thead><tbody>{pair_rows}</tbody></table>"
            "<h2>未配对的文件</h2><table><thead><tr><th>序号</th><th>文件</th><th>类型</th><th>发文单位</th>"
            f"<th>原因</th></tr></thead><tbody>{alone_rows}</tbody></table></main>")
    return page(title, _CSS, body, font=font)
