#!/usr/bin/env python3
"""`trainer xapi push` against a scripted fake LRS (tests/xapi/fake_lrs.py), one failure mode per
case: nothing is marked sent that the LRS did not store, and a later push resumes exactly there.
Usage: push_test.py CASE TRAINER_BIN CONTENT_DIR WORK_DIR"""
import base64
import json
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_lrs import FakeLrs  # noqa: E402
from push_files import auth_file, fresh_database, demo_database  # noqa: E402

case, trainer, content, work = sys.argv[1:5]
work = os.path.join(work, case)
db = fresh_database(work, "push.db")
auth = auth_file(work, "key", "secret")
FAST = ["--backoff-ms", "5", "--timeout", "1"]


def t(*args, env=None, check=True):
    r = subprocess.run([trainer, "--db", db, "--content", content, *args], capture_output=True, text=True,
                       env={**os.environ, **(env or {})})
    if check and r.returncode != 0:
        sys.exit(f"trainer {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def push(lrs, *extra, env=None):
    return t("xapi", "push", "--lrs", lrs.url, "--auth-file", auth, *FAST, *extra, env=env, check=False)


def expect(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def cursor(lrs):
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT through_seq FROM xapi_push_state WHERE lrs = ?", (lrs.url,)).fetchone()
    return row[0] if row else 0


def seq_of(statement_id, events):
    # The statement ids are the events' UUIDs (imported QA evaluations: a UUID v5 of theirs).
    return events[statement_id]


demo_database(db, lambda: (t("init"), t("demo", "create")))
statements = json.loads(t("export", "xapi", "--since", "2000-01-01", "--out", "-").stdout)
ids = [s["id"] for s in statements]
with sqlite3.connect(db) as c:
    seqs = {row[1].lower(): row[0] for row in c.execute("SELECT seq, id FROM events")}
    max_seq = c.execute("SELECT max(seq) FROM events").fetchone()[0]
expect(len(ids) > 40, f"the demo gives enough statements to batch ({len(ids)})")
expect(all(i in seqs for i in ids[:40]), "the first statements' ids are their events' ids")
lrs = FakeLrs()

if case == "happy":
    r = push(lrs, "--batch", "7")
    expect(r.returncode == 0, f"exit 0: {r.stderr}")
    expect(list(lrs.stored) == ids, "every statement stored once, in order")
    posts = lrs.posts()
    expect(all(len(json.loads(p[4])) <= 7 for p in posts), "batches of at most 7")
    expect(len(posts) == (len(ids) + 6) // 7, f"{len(posts)} POSTs for {len(ids)} statements")
    good = "Basic " + base64.b64encode(b"key:secret").decode()
    expect(all(p[3].get("Authorization") == good for p in posts), "Basic auth on every request")
    expect(all(p[3].get("X-Experience-API-Version") == "1.0.3" for p in posts), "the version header")
    expect(all(p[2] == "/xAPI/statements" for p in posts), "POST to <endpoint>/statements")
    expect(all("version" not in s for s in lrs.stored.values()), "no version set by the sender")
    expect(cursor(lrs) >= seqs[ids[-1]], "the cursor is past the last statement")
    again = push(lrs)
    expect(again.returncode == 0 and len(lrs.posts()) == len(posts), "a second push sends nothing")
    expect("sent 0 statements" in again.stderr, again.stderr)
    # The audit names the endpoint, never the secret (not even in the database file).
    audit = t("audit").stdout
    expect("export.xapi_push" in audit and lrs.url in audit, "the push is in the audit log")
    t("backup", os.path.join(work, "copy.db"))
    with open(os.path.join(work, "copy.db"), "rb") as f:
        expect(b"secret" not in f.read(), "no credential stored anywhere in the database")
    # Credentials from the environment work the same; a URL with credentials is refused.
    lrs2 = FakeLrs()
    r = t("xapi", "push", "--lrs", lrs2.url, *FAST, env={"TRAINER_LRS_KEY": "key", "TRAINER_LRS_SECRET": "secret"},
          check=False)
    expect(r.returncode == 0 and len(lrs2.stored) == len(ids), f"env credentials: {r.stderr}")
    r = t("xapi", "push", "--lrs", lrs2.url.replace("http://", "http://key:secret@"), check=False)
    expect(r.returncode == 2 and "credentials" in r.stderr, f"credentials in the URL refused: {r.stderr}")
    r = t("xapi", "push", "--lrs", lrs2.url, check=False,
          env={"TRAINER_LRS_KEY": "", "TRAINER_LRS_SECRET": ""})
    expect(r.returncode == 2 and "--auth-file" in r.stderr, f"no credentials: {r.stderr}")
    os.chmod(auth, 0o644)
    r = push(lrs2)
    expect(r.returncode == 0 and "chmod 600" in r.stderr, f"a readable auth file is warned about: {r.stderr}")

elif case == "unauthorised":
    lrs.post_plan = ["401"]
    r = push(lrs, "--batch", "10")
    expect(r.returncode == 4, f"exit 4: {r.returncode} {r.stderr}")
    expect("refused the credentials (HTTP 401)" in r.stderr, r.stderr)
    expect(len(lrs.posts()) == 1, "a 401 is not retried")
    expect(cursor(lrs) == 0 and not lrs.stored, "nothing marked sent")
    # A wrong secret: the LRS itself says 401.
    with open(auth, "w") as f:
        f.write("key:wrong\n")
    r = push(lrs)
    expect(r.returncode == 4 and cursor(lrs) == 0, f"wrong secret: {r.stderr}")

elif case == "bad-statement":
    bad = ids[9]
    lrs.invalid_ids = {bad}
    r = push(lrs, "--batch", "7")
    expect(r.returncode == 1, f"exit 1: {r.returncode} {r.stderr}")
    expect(bad in r.stderr and "HTTP 400" in r.stderr and "scripted" in r.stderr, f"names the statement: {r.stderr}")
    expect(f"(event {bad}, " in r.stderr, "names the event and its type")
    expect(list(lrs.stored) == ids[:9], f"the statements before it are stored, none after ({len(lrs.stored)})")
    expect(cursor(lrs) == seqs[ids[8]], f"marked through the 9th statement's event ({cursor(lrs)})")
    # Fixed at the LRS's end: the next push resumes at the bad statement and sends the rest once.
    lrs.invalid_ids = set()
    before = len(lrs.posts())
    r = push(lrs, "--batch", "7")
    expect(r.returncode == 0 and list(lrs.stored) == ids, f"resumed: {r.stderr}")
    resent = [s["id"] for p in lrs.posts()[before:] for s in json.loads(p[4])]
    expect(resent == ids[9:], "nothing stored before was sent again")

elif case == "server-error":
    lrs.post_plan = ["500", "503", "ok"]
    r = t("xapi", "push", "--lrs", lrs.url, "--auth-file", auth, "--backoff-ms", "150", "--batch", "500",
          check=False)
    expect(r.returncode == 0 and list(lrs.stored) == ids, f"retried after 500 and 503: {r.stderr}")
    times = [p[0] for p in lrs.posts()[:3]]
    expect(times[1] - times[0] >= 0.15 and times[2] - times[1] >= 0.30,
           f"exponential back-off: waits {times[1] - times[0]:.3f}, {times[2] - times[1]:.3f}")
    # Always 500: retried --retries times, then stopped with nothing marked.
    lrs2 = FakeLrs()
    lrs2.post_plan = ["500"] * 10
    r = push(lrs2, "--retries", "3")
    expect(r.returncode == 3 and "after 4 tries" in r.stderr and "HTTP 500" in r.stderr, r.stderr)
    expect(len(lrs2.posts()) == 4 and cursor(lrs2) == 0, "4 tries, nothing marked")

elif case == "timeout":
    lrs.timeout_s = 2.5
    lrs.post_plan = ["timeout"]
    r = push(lrs, "--retries", "0", "--batch", "5")
    expect(r.returncode == 3 and "imeout" in r.stderr, f"a timeout stops: {r.returncode} {r.stderr}")
    expect(cursor(lrs) == 0 and not lrs.stored, "nothing marked sent")
    # The LRS stored the batch but the answer was lost: the retry sends the same ids, the LRS keeps
    # one copy, and everything is marked once the LRS acknowledges.
    lrs2 = FakeLrs()
    lrs2.timeout_s = 2.5
    lrs2.post_plan = ["store-then-timeout"]
    r = push(lrs2, "--retries", "2", "--batch", "5")
    expect(r.returncode == 0 and list(lrs2.stored) == ids, f"retried after a lost answer: {r.stderr}")
    first = [s["id"] for s in json.loads(lrs2.posts()[0][4])]
    second = [s["id"] for s in json.loads(lrs2.posts()[1][4])]
    expect(first == second == ids[:5], "the same batch sent again")

elif case == "resume":
    lrs.post_plan = ["ok", "ok", "ok"] + ["500"] * 3
    r = push(lrs, "--batch", "6", "--retries", "2")
    expect(r.returncode == 3, f"stopped: {r.stderr}")
    expect(list(lrs.stored) == ids[:18], f"three batches stored ({len(lrs.stored)})")
    expect(cursor(lrs) == seqs[ids[17]], "marked through the third batch")
    before = len(lrs.posts())
    r = push(lrs, "--batch", "6")
    expect(r.returncode == 0 and list(lrs.stored) == ids, f"resumed: {r.stderr}")
    resent = [s["id"] for p in lrs.posts()[before:] for s in json.loads(p[4])]
    expect(resent == ids[18:], "resumed after the last acknowledged statement")
    expect(cursor(lrs) == max_seq or cursor(lrs) >= seqs[ids[-1]], "cursor at the end")

elif case == "conflict":
    # An ADL-style LRS answers 409 for a known id even when the statement is the same: counted as
    # stored after a GET shows the LRS has it.
    lrs.conflict_on_existing = True
    lrs.stored[ids[3]] = statements[3]
    r = push(lrs, "--batch", "10")
    expect(r.returncode == 0 and set(lrs.stored) == set(ids), f"same statement under 409: {r.stderr}")
    expect(any(p[1] == "GET" and ids[3] in p[2] for p in lrs.requests), "checked by GET")
    # A different statement under one of our ids: not stored, the run stops there.
    lrs2 = FakeLrs()
    other = dict(statements[12], verb={"id": "http://adlnet.gov/expapi/verbs/voided"})
    lrs2.stored[ids[12]] = other
    r = push(lrs2, "--batch", "10")
    expect(r.returncode == 1 and "different statement" in r.stderr and ids[12] in r.stderr, r.stderr)
    expect(cursor(lrs2) == seqs[ids[11]], "marked through the statement before it")
    expect(ids[13] not in lrs2.stored, "nothing after it sent")
    # A 409 whose statement the LRS cannot show: not counted as stored.
    lrs3 = FakeLrs()
    lrs3.conflict_on_existing = True
    lrs3.get_missing = True
    lrs3.stored[ids[0]] = statements[0]
    r = push(lrs3, "--batch", "10")
    expect(r.returncode == 1 and "does not return it" in r.stderr and cursor(lrs3) == 0, r.stderr)

else:
    sys.exit("unknown case " + case)
lrs.close()
print(case, "ok")
