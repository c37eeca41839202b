"""Offline by design: the whole app runs with network sockets forbidden.

A `sitecustomize` on PYTHONPATH makes every process (the command line, the batch's workers, the
window and its analysis worker) refuse to create an internet socket or resolve a host name, and
write down who tried. A full analysis, every export, a two-worker batch and the window's
screenshot must all pass without a single attempt. Local (AF_UNIX) sockets stay allowed: they are
how processes on one machine talk, not a network.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GUARD = '''
import os, socket, traceback
_LOG = os.environ["DRD_NETWORK_LOG"]
def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {what}\\n" + "".join(traceback.format_stack(limit=8)) + "\\n")
    raise OSError(f"network access is forbidden in this test: {what}")
class _Socket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _refuse(f"socket({family})")
        super().__init__(family, type, proto, fileno)
socket.socket = _Socket
socket.create_connection = lambda *a, **k: _refuse(f"create_connection{a[:1]}")
socket.getaddrinfo = lambda *a, **k: _refuse(f"getaddrinfo{a[:1]}")
socket.gethostbyname = lambda *a, **k: _refuse(f"gethostbyname{a[:1]}")
'''


def _env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
            "DRD_NETWORK_LOG": str(tmp_path / "network.log"), "QT_QPA_PLATFORM": "offscreen"}


def _main(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_guard_itself_refuses_a_connection(tmp_path: Path) -> None:
    env = _env(tmp_path)
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('example.org', 80))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "forbidden" in probe.stderr
    assert "create_connection" in (tmp_path / "network.log").read_text(encoding="utf-8")


def test_analysis_exports_batch_and_window_open_no_network(tmp_path: Path, seeds: dict) -> None:
    env = _env(tmp_path)
    pdf = seeds["caidian-union-2023-final-accounts"].pdf
    outs = [str(tmp_path / f"out{s}") for s in (".xlsx", ".docx", ".pdf", ".csv", ".json")]
    check = _main(env, "check", str(pdf), *[a for o in outs for a in ("--export", o)])
    assert check.returncode == 0, check.stderr
    assert all(Path(o).stat().st_size > 0 for o in outs)
    batch = _main(env, "check", str(pdf.parent), "--jobs", "2", "--summary", str(tmp_path / "s.xlsx"))
    assert batch.returncode in (0, 2) and (tmp_path / "s.xlsx").is_file(), batch.stderr
    shot = _main(env, "gui", str(pdf), "--screenshot", str(tmp_path / "w.png"))
    assert shot.returncode == 0 and (tmp_path / "w.png").stat().st_size > 10_000, shot.stderr
    log = tmp_path / "network.log"
    assert not log.exists(), log.read_text(encoding="utf-8")
