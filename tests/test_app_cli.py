"""`planqa app --demo` starts the review app on localhost and it answers."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

from test_cli import PLANQA


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_planqa_app_demo_serves_on_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen([PLANQA, "app", "--demo", "--port", str(port), "--audit-dir", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    assert r.read().decode() == "ok"
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("the app did not answer within 60 s")
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0]
    assert f"127.0.0.1:{port}" in out or f"localhost:{port}" in out
