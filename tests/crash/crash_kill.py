#!/usr/bin/env python3
"""Crash-kill test (issue #8): a child grades cards and prints each event id after its commit
returned; we kill it with SIGKILL at random moments, then check the database it left:

  - the app opens it and its review caches equal a rebuild from the events (crash_child verify),
  - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check is empty,
  - every id the child printed is in the events table,

and restart the child on the same file, until --kills kills and --reviews stored reviews.
First, --create-kills times, a child is killed while it creates a new database: what it leaves
must be either no database or one the app opens and that passes the same checks.
Exit 0 when every check held; 1 with the first broken check named.
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print(f"crash-kill: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def check_database(db, child, reported):
    verify = subprocess.run([child, "verify", db], capture_output=True, text=True)
    if verify.returncode != 0:
        fail(f"crash_child verify {db}: exit {verify.returncode}\n{verify.stdout}{verify.stderr}")
    con = sqlite3.connect(db)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            fail(f"integrity_check: {integrity[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            fail(f"foreign_key_check: {fk[:5]}")
        stored = {r[0] for r in con.execute("SELECT id FROM events")}
        missing = [i for i in reported if i not in stored]
        if missing:
            fail(f"{len(missing)} of {len(reported)} reported event ids are not in the events table, "
                 f"e.g. {missing[0]}")
        return con.execute("SELECT count(*) FROM events WHERE type = 'card.reviewed'").fetchone()[0]
    finally:
        con.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", required=True, help="path to the crash_child executable")
    ap.add_argument("--content", required=True, help="content folder the child reviews")
    ap.add_argument("--kills", type=int, default=10, help="at least this many SIGKILLs")
    ap.add_argument("--reviews", type=int, default=200, help="at least this many stored reviews")
    ap.add_argument("--create-kills", type=int, default=10, help="kills while a new database is created")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time; printed)")
    ap.add_argument("--work", default=None, help="directory for the database (default: a temp dir)")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else int(time.time() * 1000) % 1_000_000
    rng = random.Random(seed)
    work = args.work or tempfile.mkdtemp(prefix="crash-kill-")
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "crash.db")
    for suffix in ("", "-wal", "-shm", ".verify"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    print(f"crash-kill: seed {seed}, database {db}", flush=True)

    # Phase 1: kills during creation (open, migrations, first checkpoint), each on a new file.
    t0 = time.monotonic()
    done = subprocess.run([args.child, "run", db, args.content, "0", "0"], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"the child could not create a database: {done.stderr}")
    create_time = time.monotonic() - t0
    created = 0
    for i in range(args.create_kills):
        fresh = os.path.join(work, f"create-{i}.db")
        child = subprocess.Popen([args.child, "run", fresh, args.content, "0"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.0, 1.5 * create_time))
        child.send_signal(signal.SIGKILL)
        _, err = child.communicate()
        if child.returncode != -signal.SIGKILL:
            fail(f"the creating child ended by itself (exit {child.returncode}):\n{err.decode()}")
        if os.path.exists(fresh):
            check_database(fresh, args.child, [])
            created += 1
        for name in os.listdir(work):
            if name.startswith(f"create-{i}.db"):
                os.remove(os.path.join(work, name))
    print(f"crash-kill: {args.create_kills} kills while creating a database ({create_time * 1000:.0f} ms): "
          f"{args.create_kills - created} left no database, {created} a sound one", flush=True)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)

    # Phase 2: kills during reviews, restarting on the same file.
    reported = []
    kills = reviews = 0
    rate = None  # reviews per second after start-up, learned from the rounds so far
    started = time.monotonic()
    while kills < args.kills or reviews < args.reviews:
        # Mostly kill mid-review; one round in eight lands in start-up (open, content, queue).
        if rng.random() < 0.125:
            delay = rng.uniform(0.0, create_time)
        elif rate is None:
            delay = create_time + rng.uniform(0.0, 0.3)
        else:
            want = max(args.reviews - reviews, 0) / max(args.kills - kills, 1)
            delay = create_time + min(max(rng.uniform(0.2, 1.8) * want / rate, 0.005), 2.0)
        out_path = os.path.join(work, f"round-{kills}.out")
        with open(out_path, "wb") as out:
            t0 = time.monotonic()
            child = subprocess.Popen([args.child, "run", db, args.content, str(rng.randrange(1 << 31))],
                                     stdout=out, stderr=subprocess.PIPE)
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate()
            lived = time.monotonic() - t0
        if child.returncode != -signal.SIGKILL:
            fail(f"the child ended by itself (exit {child.returncode}) before the kill:\n{err.decode()}")
        with open(out_path, "rb") as f:
            text = f.read().decode()
        os.remove(out_path)
        lines = text.split("\n")[:-1]  # a line without its newline was not reported
        reported.extend(lines)
        kills += 1
        if os.path.exists(db):
            reviews = check_database(db, args.child, reported)
        if len(lines) >= 5 and lived > create_time:
            now = len(lines) / (lived - create_time)
            rate = now if rate is None else 0.5 * rate + 0.5 * now

    elapsed = time.monotonic() - started
    print(f"crash-kill: {kills} kills, {reviews} reviews stored, {len(reported)} reported ids all present, "
          f"integrity ok, no foreign-key violations, caches equal a rebuild ({elapsed:.1f} s)")
    if args.work is None:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)


if __name__ == "__main__":
    main()
