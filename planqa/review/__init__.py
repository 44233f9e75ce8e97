"""The auditor's review view: audits in SQLite, sampling, review, results and export.

`run_app` starts the Streamlit app (`app.py` at the project root); the modules hold the logic:
db (one SQLite file per audit), loading (read, gate, assess, store), sampling, reviewing,
highlight (escaped HTML), results (shares, Wilson intervals, agreement), export.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"
AUDIT_DIR_ENV = "PLANQA_AUDIT_DIR"
DEFAULT_AUDIT_DIR = Path.home() / "planqa" / "granskningar"


def audit_dir(value: str | Path | None = None) -> Path:
    """Where audits live: the given folder, else $PLANQA_AUDIT_DIR, else ~/planqa/granskningar."""
    return Path(value or os.environ.get(AUDIT_DIR_ENV) or DEFAULT_AUDIT_DIR).expanduser()


def app_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The app's own options (after `--` on the streamlit command line); unknown ones are ignored."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--demo", action="store_true")
    p.add_argument("--audit-dir")
    ns, _ = p.parse_known_args(list(argv))
    return ns


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="planqa app", description="Startar granskningsvyn i webbläsaren.")
    p.add_argument("--demo", action="store_true", help="öppna en granskning med de medföljande demoplanerna")
    p.add_argument("--audit-dir", help=f"mapp för granskningarna (standard: ${AUDIT_DIR_ENV} eller "
                                       f"{DEFAULT_AUDIT_DIR})")
    p.add_argument("--port", type=int, default=8501, help="port (standard: 8501)")
    p.add_argument("--address", default="localhost",
                   help="adress att lyssna på (standard: localhost, bara den här datorn)")
    return p


def app_command(args: Sequence[str] = ()) -> list[str]:
    """The `streamlit run app.py …` command line for `planqa app` arguments."""
    from planqa.review.loading import MAX_UPLOAD_MB

    ns = _parser().parse_args(list(args))
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP),
           "--server.port", str(ns.port), "--server.address", ns.address, "--server.headless", "true",
           "--server.fileWatcherType", "none", "--server.maxUploadSize", str(MAX_UPLOAD_MB),
           "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "viewer", "--theme.base", "light", "--"]
    return cmd + ["--audit-dir", str(audit_dir(ns.audit_dir))] + (["--demo"] if ns.demo else [])


def run_app(args: Sequence[str] = ()) -> int:
    """`planqa app [--demo] [--audit-dir DIR] [--port N] [--address HOST]`: start the review app."""
    cmd = app_command(args)
    if not APP.exists():
        print(f"planqa app: hittar inte {APP}; starta från en utcheckning av planqa.", file=sys.stderr)
        return 2
    port, address = cmd[cmd.index("--server.port") + 1], cmd[cmd.index("--server.address") + 1]
    print(f"planqa: granskningsvyn startar på http://{address}:{port} (avsluta med Ctrl+C)", flush=True)
    if hasattr(os, "execv"):  # become the server: a signal to planqa reaches streamlit itself
        os.execv(cmd[0], cmd)
    try:  # pragma: no cover - platforms without exec
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
