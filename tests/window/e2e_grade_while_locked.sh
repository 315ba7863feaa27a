#!/usr/bin/env bash
# Issue 16 point 8 at the window: another program (the sqlite3 shell, as a big import) holds the
# database's write lock while an agent grades a card.
# - The window keeps drawing: after the grade it shows the calm "not saved yet" line while the lock
#   is held, the card stays on screen and the database has no new review.
# - Once the lock is gone the grade is committed (the grade writer, trainer/cards/grade_writer.hpp)
#   and the screen says so ("Your previous answer is saved now") — only then.
# - Nothing is lost on exit: a second grade waits behind a new lock, the kiosk is stopped (SIGTERM)
#   meanwhile, the lock goes, and the grade is in the database when the kiosk has exited.
# Runs on an X display of its own (tests/window/own_display.sh). usage: e2e_grade_while_locked.sh BIN_DIR OUTDIR
set -euo pipefail
bin="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
pid="" holder=""
cleanup() {
  touch "$tmp/release1" "$tmp/release2" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  [ -n "$holder" ] && kill "$holder" 2>/dev/null
  wait 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/demo_db.sh"
demo_db "$bin/trainer" "$tmp/k.db"
count() { sqlite3 "$tmp/k.db" "SELECT count(*) FROM events WHERE type='card.reviewed' AND person_id='emily.carter'"; }
before="$(count)"
dump="$tmp/drawn.json"
"$bin/kiosk" --db "$tmp/k.db" --lang en --size 1280x800 --dump-text "$dump" 2> "$tmp/stderr" &
pid=$!
wid="$(timeout 20 xdotool search --sync --name "Service standards" | head -1)"
fail() { echo "$1"; echo "screen: $(python3 "$here/dump_query.py" "$dump" screen 2>/dev/null)"; cat "$tmp/stderr"; exit 1; }
# Waits up to $2 seconds (default 20) for the command in $1 to succeed.
until_ok() { local i; for i in $(seq $(( ${2:-20} * 5 ))); do eval "$1" && return 0; sleep 0.2; done; return 1; }
screen_is() { [ "$(python3 "$here/dump_query.py" "$dump" screen 2>/dev/null)" = "$1" ]; }
shows() { python3 "$here/dump_query.py" "$dump" has "$1" 2>/dev/null; }
# A lock held by another program until the file $1 appears.
hold_lock() {
  rm -f "$tmp/locked"
  # (.timeout: the kiosk may be writing at that moment; BEGIN must wait for it, not fail)
  sqlite3 "$tmp/k.db" ".timeout 10000" "BEGIN IMMEDIATE;" \
    ".shell touch $tmp/locked; while [ ! -f $1 ]; do sleep 0.05; done" "COMMIT;" &
  holder=$!
  until_ok '[ -f "$tmp/locked" ]' 10 || fail "the lock holder did not start"
  if sqlite3 "$tmp/k.db" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; then fail "the lock holder does not hold the write lock"; fi
}
until_ok '[ -f "$dump" ]' 30 || fail "the kiosk drew no frame"
xdotool mousemove --window "$wid" 960 40 click 1
until_ok 'screen_is login' || fail "Sign in did not open"
xdotool type --delay 60 "emily"; sleep 0.3; xdotool key Return
until_ok 'screen_is pin' || fail "no PIN pad for Emily"
xdotool type --delay 60 "3333"; xdotool key Return
until_ok 'screen_is home' 30 || fail "Emily's PIN did not sign her in"
xdotool key Return
until_ok 'screen_is review' || fail "the review did not start"
xdotool key space; sleep 0.5

# 1. A grade while another program holds the lock: the window goes on drawing and says it waits.
hold_lock "$tmp/release1"
xdotool key 3
until_ok 'shows "could not be saved yet"' || fail "the window did not say the grade waits (frozen?)"
import -window "$wid" "$out/grade-while-locked-en.png"
[ "$(( $(count) - before ))" = 0 ] || fail "a review was written while another program held the lock?"
screen_is review || fail "the card left the screen before its grade was saved"
touch "$tmp/release1"; wait "$holder"; holder=""
# 2. The lock is gone: committed, and only now the screen says saved.
until_ok '[ "$(( $(count) - before ))" = 1 ]' || fail "the grade was not committed after the lock was released"
until_ok 'shows "previous answer is saved now"' || fail "the screen does not say the waiting grade is saved"
import -window "$wid" "$out/grade-saved-after-lock-en.png"
# Another program reads what the kiosk committed after that program let go (the lock loss of
# trainer/store/open_files.hpp): the next grade must reach the file too.
xdotool key space; sleep 0.5; xdotool key 4
until_ok '[ "$(( $(count) - before ))" = 2 ]' || fail "a grade after the lock was not seen by another program"

# 3. Stopped while a grade waits: the grade is committed before the kiosk exits.
xdotool key space; sleep 0.5
hold_lock "$tmp/release2"
xdotool key 3
until_ok 'shows "could not be saved yet"' || fail "the second grade did not wait"
kill -TERM "$pid"
sleep 1
touch "$tmp/release2"; wait "$holder"; holder=""
until_ok '! kill -0 "$pid" 2>/dev/null' 20 || fail "the kiosk did not exit after SIGTERM"
wait "$pid" 2>/dev/null || true; pid=""
[ "$(( $(count) - before ))" = 3 ] || fail "the grade pending at exit was lost"
grep -q "grade not saved yet" "$tmp/stderr" || fail "the log does not say the grade waited"
"$bin/trainer" --db "$tmp/k.db" rebuild --check > /dev/null || fail "the live tables differ from a rebuild"
echo "grade behind a lock: window kept drawing, saved only after commit, nothing lost at exit: ok"
