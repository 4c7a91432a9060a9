"""The HTML report in a real browser: headless Debian chromium loads the page, a task is
clicked, its evidence must be highlighted and scrolled into view; a filter button is clicked;
a screenshot is taken and must not be blank.  Skips when chromium is not installed
(apt-get install chromium)."""
import json
import re
import shutil
import subprocess

import pytest

import policytext
from policytext.compare import StatusModel
from tests.compare.conftest import CORPUS

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1200,600"]
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium not installed (apt-get install chromium)")

# Run after the page's own script: a real click on a task, then on a filter button; the
# results go into the DOM, which --dump-dom prints.
PROBE = """<script>
(function(){
  var t=[].find.call(document.querySelectorAll('.task'),function(x){return x.dataset.path===%s});
  t.click();
  var pane=document.getElementById('summary'), hl=document.querySelectorAll('mark.hl'), box=pane.getBoundingClientRect();
  var r=hl.length?hl[0].getBoundingClientRect():null;
  var out={active:document.querySelectorAll('.task.active').length, hl:[].map.call(hl,function(m){return m.id}),
           wanted:t.dataset.evidence.split(' ').filter(Boolean), scrollTop:pane.scrollTop,
           visible:!!r&&r.top>=box.top&&r.bottom<=box.bottom};
  document.querySelector('.filters button[data-status="implemented"]').click();
  out.dimmed=document.querySelectorAll('.task.implemented.dim').length;
  out.implemented=document.querySelectorAll('.task.implemented').length;
  out.others_dimmed=document.querySelectorAll('.task.dim:not(.implemented)').length;
  var pre=document.createElement('pre');pre.id='probe';pre.textContent=JSON.stringify(out);document.body.appendChild(pre);
})();
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    c = policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt",
                           model=StatusModel.load())
    task = "四/12"  # its evidence is the last section of the summary: far below the fold
    folder = tmp_path_factory.mktemp("html")
    html = c.to_html()
    path = folder / "probe.html"
    path.write_text(html.replace("</body>", PROBE % json.dumps(task) + "</body>"), encoding="utf-8")
    return path, folder


def _run(*args, timeout=90):
    return subprocess.run([BROWSER, *FLAGS, *args], capture_output=True, text=True, timeout=timeout)


def test_click_highlights_and_scrolls_to_the_evidence(page):
    path, _ = page
    out = _run("--dump-dom", path.as_uri())
    m = re.search(r'<pre id="probe">(.*?)</pre>', out.stdout)
    assert m, out.stderr[-2000:]
    probe = json.loads(m.group(1).replace("&quot;", '"'))
    assert probe["active"] == 1
    assert probe["wanted"] and sorted(probe["hl"]) == sorted(probe["wanted"])
    assert probe["scrollTop"] > 0 and probe["visible"]
    assert probe["dimmed"] == probe["implemented"] > 0 and probe["others_dimmed"] == 0


def test_screenshot_is_not_blank(page):
    from PIL import Image, ImageStat

    path, folder = page
    shot = folder / "report.png"
    out = _run(f"--screenshot={shot}", path.as_uri())
    assert shot.exists(), out.stderr[-2000:]
    img = Image.open(shot).convert("RGB")
    assert img.size == (1200, 600)
    assert max(ImageStat.Stat(img).stddev) > 20  # text and colours, not an empty page
    colours = img.getcolors(maxcolors=1 << 20) or []
    assert any(abs(r - 0xFF) < 8 and abs(g - 0xD5) < 12 and abs(b - 0x4F) < 16 for _, (r, g, b) in colours), \
        "the highlighted evidence colour is not on screen"
