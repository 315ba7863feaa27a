#!/usr/bin/env python3
"""A killed `trainer demo seed` (issue 16 point 11): SIGKILL while the seed is half-way through its
history, then check what it left and what a re-run does:

  - after the kill the database holds no event, no demo person's review and no `demo_seeded`
    marker (the whole history is one transaction), and PRAGMA integrity_check is "ok";
  - a re-run completes and writes exactly what a seed into a fresh database writes (the seed is
    deterministic), so nothing of the killed run is left on top;
  - a second re-run is refused, naming the database, and changes nothing.
Exit 0 when every check held; 1 with the first broken check named.
"""
import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print(f"demo-seed-kill: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def counts(db):
    con = sqlite3.connect(db)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            fail(f"{db}: integrity_check: {integrity[:5]}")
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        by_type = dict(con.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall())
        marker = con.execute("SELECT count(*) FROM meta WHERE key='demo_seeded'").fetchone()[0]
        return events, by_type, marker
    finally:
        con.close()


def seed(trainer, db, args, check=True):
    r = subprocess.run([trainer, "--db", db, "demo", "seed", *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        fail(f"demo seed into {db}: exit {r.returncode}\n{r.stdout}{r.stderr}")
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trainer", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--work", default=None)
    o = ap.parse_args()
    work = o.work or tempfile.mkdtemp(prefix="demo-seed-kill-")
    os.makedirs(work, exist_ok=True)
    args = ["--content", o.content, "--agents", "6", "--days", "90", "--seed", "7"]

    # The reference: the same seed into a fresh database, not killed.
    fresh = os.path.join(work, "fresh.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(fresh + suffix):
            os.remove(fresh + suffix)
    seed(o.trainer, fresh, args)
    want = counts(fresh)
    if want[0] == 0 or want[2] != 1:
        fail(f"the reference seed wrote {want[0]} events and {want[2]} markers")

    killed = os.path.join(work, "killed.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(killed + suffix):
            os.remove(killed + suffix)
    subprocess.run([o.trainer, "--db", killed, "init"], check=True, capture_output=True)
    before = counts(killed)
    child = subprocess.Popen([o.trainer, "--db", killed, "demo", "seed", *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Kill once the seed reports day 30 of 90: a third of the history is written, nothing committed.
    deadline = time.time() + 120
    line = ""
    while time.time() < deadline:
        line = child.stderr.readline()
        if not line or "day 30 /" in line:
            break
    if "day 30 /" not in line:
        child.kill()
        fail(f"the seed never reported day 30 (last line {line!r})")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    after_kill = counts(killed)
    if after_kill != before:
        fail(f"a killed seed left {after_kill[0] - before[0]} events and {after_kill[2]} markers behind")

    seed(o.trainer, killed, args)
    rerun = counts(killed)
    if rerun[0] - before[0] != want[0] or rerun[2] != 1:
        fail(f"the re-run after the kill holds {rerun[0] - before[0]} events (a fresh seed writes {want[0]})")
    if {k: v - before[1].get(k, 0) for k, v in rerun[1].items()} != want[1]:
        fail(f"the re-run's events by type differ from a fresh seed's: {rerun[1]} vs {want[1]}")

    again = seed(o.trainer, killed, args, check=False)
    if again.returncode == 0 or "already holds a demo history" not in again.stderr or killed not in again.stderr:
        fail(f"a second seed was not refused naming the file: exit {again.returncode}, {again.stderr!r}")
    if counts(killed) != rerun:
        fail("the refused second seed changed the database")
    print(f"demo-seed-kill: ok (killed at day 30; re-run wrote {want[0]} events, as a fresh seed; "
          "a second run refused)")


if __name__ == "__main__":
    main()
