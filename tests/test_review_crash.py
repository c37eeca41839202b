"""Pulling the plug loses nothing: a child recording review actions is SIGKILLed at random moments.

After each kill the database must pass `PRAGMA integrity_check`, hold every action the child had
reported as saved (it reports only after the call returned), and its hash chain and replayed state
must still verify. Some kills land while the child starts up and opens (or creates) the review.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from core.review import db
from core.review.replay import check
from tests.conftest import ROOT

RUNS = 60
SHA = "c4" * 32

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _run_and_kill(data_dir: Path, run: int, rng: random.Random) -> list[tuple[str, str]]:
    """Start the child, kill it at a random moment, return the (action, key) it reported saved."""
    child = subprocess.Popen([sys.executable, "-m", "tests.review_child", str(data_dir), SHA,
                              str(run)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             encoding="utf-8")
    assert child.stdout is not None
    first = ""
    try:
        if run % 5 == 4:  # anywhere from interpreter start to the first actions
            time.sleep(rng.uniform(0.0, 0.25))
        else:
            assert child.stdout.readline() == "ready\n"
            if run % 5 < 2:  # among the actions, however slowly the first one (a new signing
                first = child.stdout.readline()  # key, a loaded machine) comes
            time.sleep(rng.uniform(0.0, 0.2))
    finally:  # the child loops forever: it must never outlive a failed assertion
        os.kill(child.pid, signal.SIGKILL)
    out = first + child.stdout.read()
    child.stdout.close()
    assert child.wait(timeout=30) == -signal.SIGKILL
    return [tuple(line.split()[2:4]) for line in out.splitlines() if line.startswith("saved ")]


def _check(path: Path, saved: list[tuple[str, str]], run: int) -> int:
    """Assert the database is sound and holds every saved action; return the event count."""
    if not path.exists():
        assert not saved
        return 0
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"run {run}"
        if db.version(conn) < db.SCHEMA_VERSION:  # killed before the schema was committed
            assert not saved
            return 0
        for action, key in saved:
            found = conn.execute("SELECT COUNT(*) FROM events WHERE action = ? AND "
                                 "instr(data, ?) > 0", (action, key)).fetchone()[0]
            assert found == 1, f"run {run}: reported saved but missing: {action} {key}"
        report = check(conn, SHA)
        assert report.ok, f"run {run}: {report.problem}"
        return report.count


def test_sigkill_at_random_moments_loses_no_saved_action(tmp_path: Path) -> None:
    rng = random.Random(20240605)
    path = tmp_path / f"{SHA}.review.sqlite"
    started = time.monotonic()
    total_saved, kills_mid_actions, count = 0, 0, 0
    for run in range(RUNS):
        saved = _run_and_kill(tmp_path, run, rng)
        total_saved += len(saved)
        kills_mid_actions += bool(saved)
        new_count = _check(path, saved, run)
        assert new_count >= count + len(saved)  # earlier runs' actions are all still there
        count = new_count
    assert kills_mid_actions >= RUNS // 2, "most kills should land while actions are running"
    print(f"\ncrash test: {RUNS} kills, {kills_mid_actions} mid-actions, {total_saved} actions "
          f"reported saved, {count} events in the log, {time.monotonic() - started:.1f} s")
