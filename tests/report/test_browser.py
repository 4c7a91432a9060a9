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
    (folder / "plain.html").write_text(html, encoding="utf-8")
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


class DevTools:
    """Chromium driven over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-terminated JSON):
    real key presses (Input.dispatchKeyEvent), not events made up by a script in the page."""

    def __init__(self, url, env=None):
        import fcntl
        import os

        def high(fd):  # above 4, so that placing the pipes at 3 and 4 cannot overwrite one of them
            new = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
            os.close(fd)
            return new

        cmd_r, self.cmd_w = map(high, os.pipe())
        self.out_r, out_w = map(high, os.pipe())
        args = [a for a in FLAGS if not a.startswith("--window-size")] + ["--window-size=1200,800"]

        def pipes_at_3_and_4():  # in the child; the originals are close-on-exec
            os.dup2(cmd_r, 3)
            os.dup2(out_w, 4)

        self.proc = subprocess.Popen([BROWSER, *args, "--remote-debugging-pipe", "about:blank"],
                                     preexec_fn=pipes_at_3_and_4, close_fds=False, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self.buf, self.n, self.events = b"", 0, []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Page.navigate", url=url, session=True)
        self.wait_event("Page.loadEventFired")

    def _read(self):
        import os

        while b"\0" not in self.buf:
            chunk = os.read(self.out_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, session=False, **params):
        import os

        self.n += 1
        msg = {"id": self.n, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.n:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, name):
        while not any(e.get("method") == name for e in self.events):
            self.events.append(self._read())

    def js(self, expression):
        r = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True)
        return r["result"].get("value")

    def press(self, key, code, keycode, text=None):
        down = {"type": "keyDown" if text else "rawKeyDown", "key": key, "code": code,
                "windowsVirtualKeyCode": keycode}
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", session=True, **down)
        self.call("Input.dispatchKeyEvent", session=True, type="keyUp", key=key, code=code, windowsVirtualKeyCode=keycode)

    def close(self):
        import os

        try:
            self.call("Browser.close")
        except (OSError, RuntimeError):
            pass  # already gone
        os.close(self.cmd_w)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.out_r)


STATE = """JSON.stringify({focused:document.activeElement.id, active:[].map.call(document.querySelectorAll('.task.active'),
  function(t){return t.id}), hl:[].map.call(document.querySelectorAll('mark.hl'),function(m){return m.id}).sort(),
  ring:getComputedStyle(document.activeElement).outlineStyle,
  flagged:[].map.call(document.querySelectorAll('.task[data-flagged]'),function(t){return t.id})})"""


def test_keyboard_selects_and_steps_through_flagged_tasks(page):
    _, folder = page
    tools = DevTools((folder / "plain.html").as_uri())
    try:
        tools.press("Tab", "Tab", 9)
        s = json.loads(tools.js(STATE))
        # buttons come first in the tab order; tab on until the first task has the focus
        for _ in range(10):
            if s["focused"] == "t0":
                break
            tools.press("Tab", "Tab", 9)
            s = json.loads(tools.js(STATE))
        assert s["focused"] == "t0" and s["active"] == [] and s["ring"] == "solid"  # focused, visibly, not selected
        tools.press("Enter", "Enter", 13, "\r")
        s = json.loads(tools.js(STATE))
        wanted = sorted(tools.js("document.getElementById('t0').dataset.evidence").split())
        assert s["active"] == ["t0"] and wanted and s["hl"] == wanted
        after = [t for t in s["flagged"] if int(t[1:]) > 0]  # flagged tasks after t0, in page order
        assert len(after) >= 2 and len(after) < len(s["flagged"]) + 1
        tools.press("n", "KeyN", 78, "n")
        s = json.loads(tools.js(STATE))
        assert s["active"] == [after[0]] and s["focused"] == after[0]
        tools.press("j", "KeyJ", 74, "j")
        assert json.loads(tools.js(STATE))["active"] == [after[1]]
        tools.press("p", "KeyP", 80, "p")
        assert json.loads(tools.js(STATE))["active"] == [after[0]]
        tools.press(" ", "Space", 32, " ")  # Space selects the focused task too
        assert json.loads(tools.js(STATE))["active"] == [after[0]]
        tools.js("document.getElementById('next').click()")
        assert json.loads(tools.js(STATE))["active"] == [after[1]]
    finally:
        tools.close()


def _pdf_text_x(page, needle):
    """The x of the first character of needle on a pypdfium2 page, or None."""
    text = page.get_textpage()
    found = text.search(needle).get_next()
    return None if found is None else text.get_charbox(found[0])[0]


def test_print_puts_plan_and_summary_side_by_side_with_colours(page):
    import pypdfium2 as pdfium

    _, folder = page
    pdf_path = folder / "report.pdf"
    out = _run("--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", (folder / "plain.html").as_uri())
    assert pdf_path.exists(), out.stderr[-2000:]
    pdf = pdfium.PdfDocument(pdf_path)
    first = pdf[0]
    width, _ = first.get_size()
    plan_x = _pdf_text_x(first, "计划：")
    summary_x = _pdf_text_x(first, "总结：")
    assert plan_x is not None and summary_x is not None
    assert plan_x < width / 2 < summary_x
    # no scrolling panes: the last lines of both documents are printed somewhere
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert len(pdf) > 1 and "2024年12月" in text.replace("\r\n", "")
    assert "上一个待核查" not in text and "部分落实：" in text  # buttons hidden, reasons shown
    def colours(i):
        return {rgb for _, rgb in pdf[i].render(scale=1).to_pil().convert("RGB").getcolors(maxcolors=1 << 20)}

    def near(c, seen):
        return any(all(abs(a - b) < 10 for a, b in zip(c, x)) for x in seen)
    green, yellow, red = (0xE2, 0xF4, 0xE6), (0xFF, 0xF3, 0xC4), (0xFD, 0xE2, 0xE4)  # the task fills
    assert near(green, colours(0)) and near(yellow, colours(0))
    assert any(near(red, colours(i)) for i in range(len(pdf)))


LATIN_FONTCONFIG = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>"""

# Two different characters drawn in the body's fonts: real glyphs differ; tofu boxes (the
# .notdef glyph) are alike, and no glyph at all leaves no ink.
GLYPHS = """document.fonts.load('48px "PolicyText Sans SC"', '落实').then(function(){
  var c=document.createElement('canvas');c.width=c.height=64;var g=c.getContext('2d');
  function draw(ch){g.clearRect(0,0,64,64);g.font='48px '+getComputedStyle(document.body).fontFamily;
    g.fillText(ch,4,52);return [].slice.call(g.getImageData(0,0,64,64).data).filter(function(v,i){return i%4==3});}
  var a=draw('落'),b=draw('实');
  return JSON.stringify({same:a.join()===b.join(),ink:a.filter(function(v){return v>0}).length});
})"""


def test_embedded_font_shows_cjk_without_any_system_cjk_font(page, tmp_path):
    """With fontconfig knowing one Latin-only font (an ASCII cut of the shipped font: chromium
    draws no text at all when fontconfig has no font), no system CJK font exists even where
    fonts-noto-cjk is installed.  The page still shows real Chinese glyphs from the embedded
    font; the same page with the @font-face removed shows boxes or nothing."""
    import os

    from PIL import Image, ImageChops

    from policytext.report.webfont import subset

    _, folder = page
    html = (folder / "plain.html").read_text(encoding="utf-8")
    stripped = re.sub(r"@font-face\{[^}]*\}", "", html)
    assert stripped != html
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "latin.otf").write_bytes(subset("".join(map(chr, range(32, 127)))))
    conf = tmp_path / "fonts.conf"
    conf.write_text(LATIN_FONTCONFIG.format(fonts=tmp_path / "fonts", cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    shots, glyphs = {}, {}
    for name, text in (("embedded", html), ("stripped", stripped)):
        p = tmp_path / f"{name}.html"
        p.write_text(text, encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        out = subprocess.run([BROWSER, *FLAGS, f"--screenshot={shot}", p.as_uri()], capture_output=True, text=True,
                             timeout=90, env=env)
        assert shot.exists(), out.stderr[-2000:]
        shots[name] = Image.open(shot).convert("L")
        tools = DevTools(p.as_uri(), env=env)
        try:
            glyphs[name] = json.loads(tools.js(GLYPHS))
        finally:
            tools.close()
    assert not glyphs["embedded"]["same"] and glyphs["embedded"]["ink"] > 100, glyphs
    assert glyphs["stripped"]["same"] or glyphs["stripped"]["ink"] == 0, glyphs  # the test can tell
    assert ImageChops.difference(shots["embedded"], shots["stripped"]).getbbox() is not None
