#!/usr/bin/env python3
"""`trainer xapi push` end to end against a real LRS (Learning Locker's statement service, started by
tests/xapi/lrs_service.sh): what the LRS stored is read back, checked with the independent validator
(npm xapi-validation) and compared with what the trainer exported; a second push sends only what is
new. Usage: lrs_push_e2e.py LRS_STATE_DIR TRAINER_BIN CONTENT_DIR WORK_DIR"""
import base64
import json
import os
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from push_files import auth_file, fresh_database, demo_database  # noqa: E402

state, trainer, content, work = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(state, "url")) as f:
    url = f.read().strip()
db = fresh_database(work, "e2e.db")
auth = auth_file(work, "trainer-e2e", "s3cret")
HEADERS = {"X-Experience-API-Version": "1.0.3",
           "Authorization": "Basic " + base64.b64encode(b"trainer-e2e:s3cret").decode()}


def t(*args):
    r = subprocess.run([trainer, "--db", db, "--content", content, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"trainer {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def expect(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def lrs_get(path):
    req = urllib.request.Request(url + path, headers=HEADERS)
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def stored_in_lrs(ours):
    """Every statement the LRS holds with one of our ids, as the LRS returns it."""
    return {i: lrs_get("/statements?statementId=" + i) for i in ours}


def validate(statements):
    path = os.path.join(work, "stored.json")
    with open(path, "w") as f:
        json.dump(statements, f)
    r = subprocess.run(["node", os.path.join(here, "validate.js"), path], capture_output=True, text=True,
                       env={**os.environ, "NODE_PATH": os.path.join(state, "npm", "node_modules")})
    expect(r.returncode == 0, "xapi-validation on what the LRS stored: " + r.stdout[-2000:])
    return r.stdout.strip()


demo_database(db, lambda: (t("init"), t("demo", "create")))
ours = json.loads(t("export", "xapi", "--since", "2000-01-01", "--actor", "opaque", "--out", "-").stdout)
# One of them is already in the LRS (sent by an earlier tool run, say): the push must not fail or
# store it twice.
req = urllib.request.Request(url + "/statements", data=json.dumps([ours[5]]).encode(), method="POST",
                             headers={**HEADERS, "Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=10).read()

r = t("xapi", "push", "--lrs", url, "--auth-file", auth, "--batch", "40")
expect(f"sent {len(ours)} statements" in r.stderr, r.stderr)
stored = stored_in_lrs([s["id"] for s in ours])
for s in ours:
    got = stored[s["id"]]
    for key in ("actor", "verb", "object", "result", "timestamp"):
        if key in s:
            expect(got.get(key) == s[key]  # numbers compare by value: the LRS may write 4 for 4.0
                   or key == "actor" and got["actor"].get("account") == s["actor"].get("account")
                   or key == "object" and got["object"].get("id") == s["object"]["id"],
                   f"{s['id']}: the LRS's {key} differs: {got.get(key)} vs {s[key]}")
    expect(got["context"].get("registration") == s["context"].get("registration"), "registration kept")
print("stored:", validate(list(stored.values())))


def count_in_lrs():
    # One page: the LRS pages by stored time, and statements stored in the same millisecond may
    # fall on both sides of a page boundary.
    page = lrs_get("/statements?limit=5000")
    expect(not page.get("more"), "every statement on one page")
    return len(page["statements"])


expect(count_in_lrs() == len(ours), "the LRS holds each statement once, nothing else")

# New learning after the push: only that is sent the next time.
before = len(ours)
t("review", "grade", "anna.kowalska", json.loads(t("cards", "list", "--json").stdout)[0]["id"], "3")
ours = json.loads(t("export", "xapi", "--since", "2000-01-01", "--out", "-").stdout)
expect(len(ours) == before + 1, f"one new statement ({len(ours)} vs {before})")
r = t("xapi", "push", "--lrs", url, "--auth-file", auth)
expect("sent 1 statement to" in r.stderr, "only the new statement is sent: " + r.stderr)
new = lrs_get("/statements?statementId=" + ours[-1]["id"])
expect(new["verb"]["id"] == ours[-1]["verb"]["id"], "the new statement is in the LRS")
validate([new])
r = t("xapi", "push", "--lrs", url, "--auth-file", auth)
expect("sent 0 statements" in r.stderr, r.stderr)
n_after = count_in_lrs()
expect(n_after == before + 1, f"still each statement once ({n_after} vs {before + 1})")
print("e2e ok:", before + 1, "statements in the LRS")
