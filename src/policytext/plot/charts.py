"""The four plots, each from the DataFrames Corpus.frame() and Results.frame() give.

Every function builds its own Figure (never pyplot, so no current figure or global state is
touched) and returns it; a notebook shows it, fig.savefig() writes it."""
from __future__ import annotations

import io
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterable

from ..compare.status import Status
from ..extract.fields import ROLE_LABELS
from .fonts import apply, require_matplotlib

require_matplotlib()
from matplotlib.figure import Figure  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PERIOD_LABELS = {"day": "每日", "week": "每周", "half_month": "每半月", "month": "每月", "quarter": "每季度",
                 "half_year": "每半年", "year": "每年", "term": "每学期", "once": "每次", "total": "累计/总量"}
ROLE_COLOURS = {"lead": "#1f4e78", "responsible": "#5b9bd5", "support": "#a5c8e8"}
_MAX_ROWS = 40


class Chart(Figure):
    """A matplotlib Figure that shows itself as a PNG in Jupyter, with or without pyplot."""

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=100, bbox_inches="tight")
        return buf.getvalue()


def _figure(rows: int, width: float = 10.0, cols: int = 1, **kw):
    fig = Chart(figsize=(width, min(2.0 + 0.32 * max(rows, 3), 16.0)), layout="constrained")
    axes = fig.subplots(1, cols, **kw)
    return fig, axes


def _need(df: "pd.DataFrame", what: str, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in getattr(df, "columns", ())]
    if missing:
        raise ValueError(f"plot.{what}() takes frame({what!r}) of a Corpus or of read_results(); "
                         f"missing columns: {', '.join(missing)}")


def _empty(message: str, font):
    fig, ax = _figure(3, width=6)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color="#666")
    return apply(fig, font)


def _short(s: str, n: int = 18) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _doc_label(path: str) -> str:
    return _short(PurePosixPath(str(path).split("!")[-1]).stem, 24)


def quotas(frame: "pd.DataFrame", font: str | Path | None = None):
    """Quota periods and values per document: how many quotas each period has (left), and each
    quota's yearly equivalent (right, log scale: 每季度1次 is 4 a year; a total is its value)."""
    _need(frame, "quotas", ("path", "period", "value", "per_year"))
    df = frame[frame["value"].notna()].copy()
    if df.empty:
        return _empty("没有可绘制的量化指标", font)
    df["doc"] = df["path"].map(_doc_label)
    docs = list(dict.fromkeys(df["doc"]))[:_MAX_ROWS]
    df = df[df["doc"].isin(docs)]
    periods = [p for p in PERIOD_LABELS if (df["period"] == p).any()]
    fig, (left, right) = _figure(len(docs), width=12, cols=2, sharey=True)
    import matplotlib

    cmap = matplotlib.colormaps["tab10"]
    colour = {p: cmap(i % 10) for i, p in enumerate(PERIOD_LABELS)}
    counts = df.groupby(["doc", "period"], observed=True).size().unstack(fill_value=0)
    _stacked(left, counts, docs, docs, [(p, colour[p], PERIOD_LABELS[p]) for p in periods])
    left.set_xlabel("量化指标数")
    left.set_title("各文件量化指标的周期")
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=min(len(periods), 5), fontsize=8,
                frameon=False)
    _whole(left)
    yearly = df["per_year"].astype("Float64").fillna(df["value"].astype("Float64"))
    row = {d: i for i, d in enumerate(docs)}
    for p in periods:
        sel = (df["period"] == p).to_numpy()
        ys = [row[d] + _jitter(k) for k, d in enumerate(df["doc"][sel])]
        right.scatter(yearly[sel].astype(float).clip(lower=0.1), ys, color=colour[p], s=28, alpha=0.8,
                      edgecolors="white", linewidths=0.5)
    right.set_xscale("log")
    right.set_xlabel("年化数值（对数刻度）")
    right.set_title("每项指标的年化数值")
    right.grid(axis="x", alpha=0.3)
    return apply(fig, font)


def _jitter(k: int) -> float:
    return ((k * 7919) % 11 - 5) / 25  # fixed, so the same data draws the same picture


def slogans(frame: "pd.DataFrame", top: int = 15, font: str | Path | None = None):
    """Fixed formulations (“三会一课”, 四个意识) by year and by issuer: occurrences per cell."""
    _need(frame, "slogans", ("text", "count", "issuer", "year"))
    if frame.empty:
        return _empty("没有可绘制的固定提法", font)
    total = frame.groupby("text", observed=True)["count"].sum().sort_values(ascending=False, kind="stable")
    names = list(total.index[:top])
    df = frame[frame["text"].isin(names)].copy()
    df["year"] = df["year"].astype("Int64").astype("string").fillna("年份不详")
    df["issuer"] = df["issuer"].astype("string").fillna("发文单位不详").map(lambda s: _short(s, 12))
    fig, axes = _figure(len(names), width=13, cols=2, sharey=True)
    for ax, col, title in zip(axes, ("year", "issuer"), ("按年份", "按发文单位")):
        table = df.pivot_table(index="text", columns=col, values="count", aggfunc="sum", fill_value=0,
                               observed=True).reindex(names).fillna(0)
        _heatmap(ax, table, title)
    axes[0].set_yticks(range(len(names)), [_short(n, 14) for n in names])
    return apply(fig, font)


def _heatmap(ax, table: "pd.DataFrame", title: str) -> None:
    values = table.to_numpy(dtype=float)
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(values.max(), 1))
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=30, ha="right")
    ax.set_title(title)
    hi = values.max()
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if values[i, j]:
                ax.text(j, i, f"{values[i, j]:g}", ha="center", va="center", fontsize=8,
                        color="white" if values[i, j] > hi / 2 else "#222")


def units(frame: "pd.DataFrame", top: int = 20, font: str | Path | None = None):
    """Tasks per responsible unit, split by role (牵头 / 负责 / 配合): a task counts once per
    unit and role however often the unit is named in it."""
    _need(frame, "units", ("doc_id", "task", "name", "role"))
    if frame.empty:
        return _empty("没有可绘制的责任单位", font)
    df = frame.drop_duplicates(["doc_id", "task", "name", "role"])
    counts = df.groupby(["name", "role"], observed=True).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    names = list(counts.index)
    fig, ax = _figure(len(names), width=9)
    _stacked(ax, counts, names, [_short(n, 16) for n in names],
             [(r, ROLE_COLOURS[r], label) for r, label in ROLE_LABELS.items() if r in counts.columns])
    ax.set_xlabel("任务数")
    _whole(ax)
    ax.set_title("各责任单位承担的任务")
    ax.legend(title="角色", loc="lower right")
    return apply(fig, font)


def status(ledger, by: str = "section", font: str | Path | None = None):
    """Implementation status (已落实 / 部分落实 / 未落实) per plan section, per responsible unit
    (by="unit": each task counts for its lead and supporting units) or per plan (by="plan").
    ledger: frame("ledger") of a Corpus or a batch run, or a Comparison."""
    if hasattr(ledger, "to_frame") and hasattr(ledger, "items"):
        ledger = ledger.to_frame()
    if by not in ("section", "unit", "plan"):
        raise ValueError(f"by must be 'section', 'unit' or 'plan', got {by!r}")
    _need(ledger, "ledger", ("task", "status", "lead", "support"))
    if ledger.empty:
        return _empty("没有可绘制的核查结果", font)
    df = _groups(ledger, by)
    if df.empty:
        return _empty("核查结果中没有责任单位", font)
    counts = df.groupby(["group", "status"], observed=True, sort=False).size().unstack(fill_value=0)
    groups = list(dict.fromkeys(df["group"]))
    if by == "unit":  # the units carrying most tasks first
        groups = sorted(groups, key=lambda g: -int(counts.loc[g].sum()))
    groups = groups[:_MAX_ROWS]
    counts = counts.reindex(groups).fillna(0)
    fig, ax = _figure(len(groups), width=10)
    base = _stacked(ax, counts, groups, [_short(g, 26) for g in groups],
                    [(s.value, s.colours.strong.lower(), s.label) for s in Status])
    done = [int(v) for v in counts["implemented"]] if "implemented" in counts.columns else [0] * len(groups)
    for i, (d, total) in enumerate(zip(done, base)):
        ax.text(total, i, f" {d / total:.0%}" if total else "", va="center", fontsize=8, color="#333")
    ax.set_xlabel("任务数（右侧为已落实比例）")
    ax.set_title({"section": "各部分任务落实情况", "unit": "各责任单位任务落实情况", "plan": "各计划任务落实情况"}[by])
    ax.legend(loc="lower right")
    ax.set_xlim(0, max(base) * 1.12 + 0.5)
    _whole(ax)
    return apply(fig, font)


def _stacked(ax, counts: "pd.DataFrame", rows: list, labels: list[str], series: list[tuple]) -> list[int]:
    """Horizontal bars, one per row of counts (in rows' order, top down), stacked by the
    (column, colour, legend label) of series; a column counts lacks is zero.  Returns the totals."""
    table = counts.reindex(index=rows, columns=[c for c, _, _ in series], fill_value=0).fillna(0)
    base = [0] * len(rows)
    for col, colour, label in series:
        n = [int(v) for v in table[col]]
        ax.barh(range(len(rows)), n, left=base, color=colour, label=label)
        base = [b + v for b, v in zip(base, n)]
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    return base


def _whole(ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _groups(ledger: "pd.DataFrame", by: str) -> "pd.DataFrame":
    import pandas as pd

    status_ = ledger["status"].astype(object)
    if by == "unit":
        rows = [(u, s) for lead, sup, s in zip(ledger["lead"], ledger["support"], status_)
                for u in dict.fromkeys(_names(lead) + _names(sup))]
        return pd.DataFrame(rows, columns=["group", "status"]).sort_values("group", kind="stable")
    plan = None
    if "plan_title" in ledger.columns:  # 江州市教育局2025年安全工作计划 → 2025年安全工作计划
        issuer = ledger["issuer"].astype(object) if "issuer" in ledger.columns else [None] * len(ledger)
        plan = pd.Series([t.removeprefix(i) if isinstance(t, str) and isinstance(i, str) else t
                          for t, i in zip(ledger["plan_title"].astype(object), issuer)], index=ledger.index)
    if by == "plan":
        if plan is None:
            raise ValueError("by='plan' needs frame('ledger') of a Corpus or a batch run (a plan_title column)")
        return pd.DataFrame({"group": plan.astype(object).fillna("（无标题）"), "status": status_})
    section = ledger["section"] if "section" in ledger.columns else ledger["task"].map(lambda p: str(p).split("/")[0])
    label = section.astype(object).fillna("（无）")
    if plan is not None and plan.nunique() > 1:
        label = [f"{_short(p, 12)} · {s}" for p, s in zip(plan.astype(object).fillna(""), label)]
    return pd.DataFrame({"group": label, "status": status_})


def _names(cell) -> list[str]:
    return [x for x in str(cell).split("、") if x] if isinstance(cell, str) else []
