"""Every plot rendered to PNG: not blank, every Chinese glyph found in a font, no global state."""
from __future__ import annotations

import io
import warnings

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")

import policytext  # noqa: E402
from policytext import plot  # noqa: E402
from policytext.plot import fonts  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return policytext.read_many(CORPUS)


def render(fig) -> np.ndarray:
    """fig as RGB pixels, failing on any glyph the fonts lack (it would be drawn as a box)."""
    from PIL import Image

    buf = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buf, format="png", dpi=60)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing[:3]
    return np.asarray(Image.open(buf).convert("RGB"))


def inked(pixels: np.ndarray) -> float:
    """Share of pixels that are not background white."""
    return float((pixels.min(axis=2) < 235).mean())


PLOTS = [
    ("quotas", lambda c: plot.quotas(c.frame("quotas"))),
    ("slogans", lambda c: plot.slogans(c.frame("slogans"))),
    ("units", lambda c: plot.units(c.frame("units"))),
    ("status by section", lambda c: plot.status(c.frame("ledger"))),
    ("status by unit", lambda c: plot.status(c.frame("ledger"), by="unit")),
    ("status by plan", lambda c: plot.status(c.frame("ledger"), by="plan")),
]


@pytest.mark.parametrize("name, make", PLOTS, ids=[p[0] for p in PLOTS])
def test_every_plot_draws_something_legible(corpus, name, make):
    from matplotlib.figure import Figure

    fig = make(corpus)
    assert isinstance(fig, Figure)
    assert inked(render(fig)) > 0.03
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
    assert any("\u4e00" <= ch <= "\u9fff" for t in texts for ch in t), "no Chinese label at all"
    assert fig._repr_png_().startswith(b"\x89PNG")


def test_the_check_fails_without_a_cjk_font():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.subplots().set_title("各部分任务落实情况", fontfamily="DejaVu Sans")
    with pytest.raises(AssertionError, match="missing from font"):
        render(fig)


def test_the_labels_are_the_data(corpus):
    units = corpus.frame("units")
    fig = plot.units(units, top=5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    top = units.drop_duplicates(["doc_id", "task", "name", "role"])["name"].value_counts(sort=True)
    assert labels[0] == top.index[0] and len(labels) == 5


def test_status_of_one_comparison_per_section():
    c = policytext.compare(policytext.read(CORPUS / "plan_tax_party_2024.txt"),
                           policytext.read(CORPUS / "summary_tax_party_2024.txt"))
    fig = plot.status(c)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].startswith("一、加强政治建设") and len(labels) == len({i.task.path.split("/")[0] for i in c.items})
    widths = sum(p.get_width() for p in fig.axes[0].patches)
    assert widths == len(c.items)


@pytest.mark.parametrize("fn, frame", [(plot.quotas, "quotas"), (plot.slogans, "slogans"), (plot.units, "units"),
                                       (plot.status, "ledger")])
def test_empty_frames_say_so(corpus, fn, frame):
    fig = fn(corpus.frame(frame).iloc[:0])
    assert any("没有" in t.get_text() for t in fig.findobj(matplotlib.text.Text))
    render(fig)


@pytest.mark.parametrize("fn, frame, match", [
    (plot.quotas, "units", r"frame\('quotas'\).*missing columns: period"),
    (plot.units, "quotas", r"missing columns: name, role"),
    (plot.status, "quotas", r"missing columns: status, lead, support"),
])
def test_the_wrong_frame_is_named(corpus, fn, frame, match):
    with pytest.raises(ValueError, match=match):
        fn(corpus.frame(frame))


def test_status_by_must_be_known(corpus):
    with pytest.raises(ValueError, match="by must be"):
        plot.status(corpus.frame("ledger"), by="year")


def test_plots_leave_no_global_state(corpus):
    import matplotlib.pyplot as plt

    before = dict(matplotlib.rcParams)
    figures = plt.get_fignums()
    plot.slogans(corpus.frame("slogans"))
    assert dict(matplotlib.rcParams) == before
    assert plt.get_fignums() == figures


def test_the_shipped_font_comes_first_and_another_can_be_put_before_it():
    shipped = fonts.models_dir() / fonts.SHIPPED
    fams = fonts.families()
    assert fams[0] == fonts.SHIPPED_FAMILY and fams[-1] == "DejaVu Sans"
    assert fonts.families(font=shipped)[0] == fonts.SHIPPED_FAMILY
    assert fonts.families(font="Some Family")[:2] == ["Some Family", fonts.SHIPPED_FAMILY]


def test_no_cjk_font_at_all_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "models_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts, "SYSTEM_CJK", ())
    with pytest.raises(FileNotFoundError, match="no system CJK font was found"):
        fonts.families()
    with pytest.raises(FileNotFoundError, match="no such font file"):
        fonts.families(font=tmp_path / "missing.otf")


def test_the_shipped_font_covers_the_corpus():
    from fontTools.ttLib import TTFont

    cmap = TTFont(fonts.models_dir() / fonts.SHIPPED).getBestCmap()
    text = "".join(d.text for d in policytext.read_many(CORPUS))
    missing = {ch for ch in text if ch.isprintable() and not ch.isspace() and ord(ch) not in cmap}
    assert not missing
