"""End to end in a real headless Chromium: open the demo audit, draw a sample, review a plan.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe), so no
extra package is needed. Set PLANQA_SCREENSHOT=path to also keep the review screenshot
(docs/img/review.png in the README is made that way).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from planqa.criteria import CRITERION_IDS
from planqa.review import app_command
from planqa.review.db import AuditDB

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1600, 1000

pytestmark = pytest.mark.slow


class Browser:
    """Headless Chromium with one page, commanded over the DevTools pipe."""

    def __init__(self, profile: Path):
        cmd_r, self._cmd_w = os.pipe()
        self._resp_r, resp_w = os.pipe()

        def fds_3_and_4():  # Chromium reads commands on fd 3 and writes replies on fd 4
            a, b = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(resp_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)  # dup2 leaves 3 and 4 inheritable; Python's other fds are not
            os.dup2(b, 4)

        profile.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "--force-device-scale-factor=1",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            close_fds=False, preexec_fn=fds_3_and_4,  # noqa: PLW1509 -- the test starts no threads
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(resp_w)
        self._id, self._buf, self.session = 0, b"", None
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                  mobile=False)

    def send(self, method: str, timeout: float = 30, **params) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            while b"\0" in self._buf:
                raw, self._buf = self._buf.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            ready, _, _ = select.select([self._resp_r], [], [], max(0.0, deadline - time.time()))
            if not ready:
                raise TimeoutError(method)
            chunk = os.read(self._resp_r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while not self.js(expression):
            if time.time() > deadline:
                raise TimeoutError(f"{expression}\n--- page text ---\n{self.text()[:3000]}")
            time.sleep(0.25)

    def text(self) -> str:
        return self.js("document.body ? document.body.innerText : ''") or ""

    def settle(self, timeout: float = 60) -> None:
        """Wait until the app has finished its run and drawn every widget."""
        self.wait_for("document.querySelector('[data-testid=\"stApp\"]') !== null"
                      " && !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
                      " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout)

    def click(self, find: str, what: str) -> None:
        """Click, with the mouse, the centre of the element the JS expression `find` gives."""
        box = self.js(f"""(() => {{ const e = {find}; if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        assert box, f"nothing to click: {what}"
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def click_button(self, label: str) -> None:
        # a button with a keyboard shortcut shows the shortcut after its label
        self.click(f"[...document.querySelectorAll('button')].find(b => b.innerText.trim() === {json.dumps(label)}"
                   f" || b.innerText.trim().startsWith({json.dumps(label + chr(10))}))", label)

    def click_label(self, text: str, within: str = "document") -> None:
        self.click(f"[...{within}.querySelectorAll('label')].find(l => l.innerText.trim() === {json.dumps(text)})",
                   text)

    def type_into(self, selector: str, text: str) -> None:
        assert self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                       "if (e) e.focus(); return !!e; })()"), selector
        self.send("Input.insertText", text=text)
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13)

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"]))

    def close(self) -> None:
        os.close(self._cmd_w)
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._resp_r)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`planqa app --demo` on a free port, with its audits in a temporary folder."""
    port = free_port()
    audits = tmp_path / "granskningar"
    cmd = app_command(["--demo", "--audit-dir", str(audits), "--port", str(port), "--address", "127.0.0.1"])
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("streamlit did not start:\n" + (tmp_path / "streamlit.log").read_text()[-3000:])
        time.sleep(0.3)
    yield url, audits
    proc.terminate()
    proc.wait(15)
    log.close()


@pytest.fixture
def browser(tmp_path):
    if CHROMIUM is None:
        pytest.fail("chromium is missing: apt-get install -y chromium")
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


def test_review_a_plan_in_chromium(server, browser, tmp_path):
    url, audits = server
    browser.send("Page.navigate", url=url)
    browser.wait_for("document.body && document.body.innerText.includes('Demogranskning')"
                     " && document.body.innerText.includes('Inlästa planer')", timeout=120)
    browser.settle()

    sidebar = "document.querySelector('[data-testid=\"stSidebar\"]')"
    browser.click_label("Urval", within=sidebar)
    browser.wait_for("document.body.innerText.includes('Dra urval')")
    browser.settle()
    browser.click_button("Dra urval")
    browser.wait_for("document.body.innerText.includes('Nuvarande urval')")
    browser.settle()

    browser.click_label("Granska", within=sidebar)
    browser.wait_for("document.body.innerText.includes('Spara och nästa')"
                     " && document.querySelector('.planqa-text') !== null")
    browser.settle()
    assert "planer i urvalet granskade" in browser.text()
    name_box = '[data-testid="stSidebar"] input[aria-label="Granskare"]'
    browser.type_into(name_box, "Revisor Chromium")
    browser.wait_for(f"document.querySelector({json.dumps(name_box)}).value === 'Revisor Chromium'")
    time.sleep(0.5)  # let the name reach the server before the form is sent

    db = AuditDB(audits / "demo.sqlite3")
    sample = db.current_sample()
    assert sample is not None and db.reviews() == {}
    browser.js("window.scrollTo(0, 0)")
    browser.screenshot(shot := tmp_path / "review.png")
    group = "document.querySelector('[role=\"radiogroup\"][aria-label=\"Samtycke\"]')"
    browser.wait_for(f"{group} !== null")
    current = browser.js(f"{group}.querySelector('input:checked').parentElement.innerText.trim()")
    override = "Ej uppfyllt" if current != "Ej uppfyllt" else "Uppfyllt"
    browser.click_label(override, within=group)
    browser.click_button("Spara och nästa")
    browser.wait_for("document.body.innerText.includes('granskningen sparades')", timeout=60)

    reviews = db.reviews()
    assert len(reviews) == len(CRITERION_IDS)
    (plan_id,) = {pid for pid, _ in reviews}
    assert reviews[(plan_id, "consent")].verdict == {"Ej uppfyllt": "not_met", "Uppfyllt": "met"}[override]
    assert {r.reviewer for r in reviews.values()} == {"Revisor Chromium"}
    assert "1 av" in browser.text()

    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    if target := os.environ.get("PLANQA_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
