import io
import unicodedata

import pytest

from policytext.batch import Progress, run_batch
from policytext.batch.progress import LABELS, Reporter, bar, clock, columns, label, line


def width(s: str) -> int:
    """Columns a terminal gives s: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "FW" else 1 for c in s)


def drawn(text: str) -> list[str]:
    """Each state a terminal shows: what follows a carriage return, up to the next one or a newline."""
    return [seg for ln in text.split("\n") for seg in ln.split("\r") if seg]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("seconds, shown", [(None, "--:--"), (0, "00:00"), (59.6, "01:00"), (3725, "1:02:05")])
def test_clock(seconds, shown):
    assert clock(seconds) == shown


@pytest.mark.parametrize("stage, expected", [
    ("documents", ("文档", "documents", "docs")),
    ("pairing", ("配对", "pairing", "summaries")),
    ("comparisons", ("比对", "comparisons", "pairs")),
    ("ledger", ("台账", "ledger", "rows")),
    ("export", ("export", "export", "items")),  # a stage nobody listed keeps its name
])
def test_stage_labels(stage, expected):
    assert label(stage) == expected


PROGRESS = [
    Progress("documents", 50, 200, 3, 10.0, resumed=20),
    Progress("documents", 0, 5000, 0, 0.0),
    Progress("comparisons", 2499, 2500, 117, 3725.0, resumed=2500),
    Progress("ledger", 31000, 31000, 0, 2.5),
    Progress("a_stage_with_a_rather_long_name", 123456, 999999, 12345, 99999.0, resumed=777777),
    Progress("pairing", 0, 0, 0, 0.0),
]


@pytest.mark.parametrize("cols", [80, 40])
@pytest.mark.parametrize("p", PROGRESS, ids=lambda p: f"{p.stage}-{p.done}")
def test_bar_fits_the_terminal(p, cols):
    shown = bar(p, cols)
    assert width(shown) <= cols - 1  # the last column is left free: filling it wraps on some terminals
    assert "\n" not in shown and "\r" not in shown


@pytest.mark.parametrize("cols, expected", [
    (120, ["文档:", "25%", "50/200", "00:10<00:30", "5.00docs/s", "errors 3", "+20 earlier"]),
    (80, ["文档:", "25%", "50/200", "errors 3", "+20 earlier"]),
    (40, ["文档:", "25%", "50/200", "00:30"]),  # narrow: the counts before the clock and the rate
])
def test_bar_keeps_what_matters_most(cols, expected):
    shown = bar(PROGRESS[0], cols)
    for part in expected:
        assert part in shown, shown


def test_log_line():
    assert line(PROGRESS[0]) == "文档 documents: 50/200 (25%), 5.0 docs/s, 3 errors, about 00:30 left, 20 done before"
    assert line(Progress("export", 1, 2, 0, 1.0)) == "export export: 1/2 (50%), 1.0 items/s, 0 errors, about 00:01 left"


@pytest.mark.parametrize("cols", ["80", "40"])
def test_terminal_reporter_stays_within_the_width(monkeypatch, cols):
    monkeypatch.setenv("COLUMNS", cols)  # a stream without a terminal of its own: COLUMNS says how wide
    out = FakeTerminal()
    with Reporter(stream=out, every=0.0) as r:
        for stage, total in [("documents", 5000), ("pairing", 2500), ("comparisons", 2500), ("ledger", 30000)]:
            for done in range(0, total + 1, total // 10):
                r(Progress(stage, done, total, done // 100, 1.0 + done / 50, resumed=1234))
    states = drawn(out.getvalue())
    assert len(states) > 40
    assert max(width(s) for s in states) <= int(cols) - 1
    finals = out.getvalue().split("\n")
    assert [f.rpartition("\r")[2].split(":")[0] for f in finals[:-1]] == ["文档", "配对", "比对", "台账"]
    assert finals[-1] == ""  # every bar ended its line


def test_terminal_reporter_throttles_and_ends_each_stage_on_its_own_line():
    out, now = FakeTerminal(), iter([0.0, 0.05, 0.3, 0.31, 0.32, 0.33])
    r = Reporter(stream=out, every=0.2, now=lambda: next(now), width=lambda stream: 80)
    for done in (1, 2, 3, 4):
        r(Progress("documents", done, 4, 0, done * 1.0))
    r(Progress("pairing", 0, 2, 0, 0.0))  # a new stage is drawn at once
    r.close()
    states = drawn(out.getvalue())
    shown = [s.split("|")[0] for i, s in enumerate(states) if i == 0 or s != states[i - 1]]  # close() redraws
    assert shown == ["文档:  25%", "文档:  75%", "文档: 100%", "配对:   0%"]
    assert "4/4 [00:04<00:00" in states[2]
    assert out.getvalue().count("\n") == 2


def test_close_ends_an_unfinished_bar():
    out = FakeTerminal()
    r = Reporter(stream=out, width=lambda stream: 80)
    r(Progress("documents", 3, 10, 0, 1.0))
    assert not out.getvalue().endswith("\n")
    r.close()
    r.close()  # twice is harmless
    assert out.getvalue().endswith("\n") and out.getvalue().count("\n") == 1


def test_log_reporter_writes_plain_lines():
    got: list[str] = []
    r = Reporter(log=got.append, every=10.0, now=iter([0.0, 1.0, 11.0, 12.0]).__next__)
    r(Progress("documents", 0, 4, 0, 0.0))  # nothing done yet: no line
    r(Progress("documents", 1, 4, 0, 1.0))  # within 10 s of the start: no line
    r(Progress("documents", 2, 4, 0, 11.0))
    r(Progress("documents", 4, 4, 1, 12.0))  # the last one is always shown
    assert got == ["文档 documents: 2/4 (50%), 0.2 docs/s, 0 errors, about 00:11 left",
                   "文档 documents: 4/4 (100%), 0.3 docs/s, 1 errors, about 00:00 left"]


def test_reporter_needs_one_target():
    with pytest.raises(ValueError, match="either"):
        Reporter()


@pytest.mark.parametrize("env, expected", [("100", 100), ("40", 40), ("", 80), ("wide", 80)])
def test_columns_of_a_stream_without_a_terminal(monkeypatch, env, expected):
    monkeypatch.setenv("COLUMNS", env)
    assert columns(io.StringIO()) == expected


def test_known_stages_cover_the_batch():
    assert set(LABELS) == {"documents", "pairing", "comparisons", "ledger"}


def _stages(archive, out, **kw):
    seen: list[Progress] = []
    run_batch(archive, out, jobs=1, compare=True, progress=seen.append, **kw)
    return seen


def test_run_batch_reports_pairing(archive, tmp_path):
    seen = _stages(archive, tmp_path)
    stages = [p.stage for p in seen]
    assert stages.index("documents") < stages.index("pairing") < stages.index("comparisons")
    pairing = [p for p in seen if p.stage == "pairing"]
    assert [(p.done, p.total) for p in pairing] == [(n, 3) for n in range(4)]  # the archive's 3 summaries
    assert all(p.errors == 0 and p.elapsed >= 0 for p in pairing)


def test_pairing_from_a_file_reports_its_lines(archive, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("plan,summary\n2024/税务/plan_tax_party_2024.txt,2024/税务/summary_tax_party_2024.txt\n"
                     "2024/交通/plan_transport_style_2024.docx,2024/交通/summary_transport_style_2024.txt\n",
                     encoding="utf-8")
    seen = _stages(archive, tmp_path / "out", pairs=pairs)
    assert [(p.done, p.total) for p in seen if p.stage == "pairing"] == [(0, 2), (1, 2), (2, 2)]
