#!/usr/bin/env bash
# Issue 16, a disk that fills after the kiosk started: an agent grades a card while the disk holding
# the database has no room (tests/disk_full/disk_full_shim.c, preloaded; `touch FLAG` fills the disk,
# `rm FLAG` gives the room back).
# - The grade is not called saved: the card stays, the screen says calmly that the disk is full and
#   the answer waits (review.save_retry_disk_full, in the person's language), the database holds no
#   new review, and every event committed before the disk filled is still there.
# - Once there is room again the waiting grade is committed, the screen says so only then
#   (review.saved_late), and the next grade is saved as usual; the live tables match a rebuild.
# Runs on an X display of its own (tests/window/own_display.sh).
# usage: e2e_grade_disk_full.sh BIN_DIR SHIM LANG OUTDIR
set -euo pipefail
bin="$1" shim="$2" lang="$3" out="$4"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
case "$lang" in # a demo agent who reads this language (README, the demo people)
  en) who=emily pin=3333 person=emily.carter ;;
  pl) who=anna pin=1111 person=anna.kowalska ;;
  ru) who=dmitri pin=2222 person=dmitri.volkov ;;
  *) echo "no demo agent for $lang"; exit 2 ;;
esac
tr_text() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]])' \
  "$here/../../assets/i18n/$lang.json" "$1"; }
full_text="$(tr_text review.save_retry_disk_full)"
saved_text="$(tr_text review.saved_late)"
source "$here/demo_db.sh"
mkdir "$tmp/full"
demo_db "$bin/trainer" "$tmp/full/k.db"
flag="$tmp/disk-is-full"
q() { sqlite3 "$tmp/full/k.db" ".timeout 5000" "$1"; }
count() { q "SELECT count(*) FROM events WHERE type='card.reviewed' AND person_id='$person'"; }
before="$(count)"
dump="$tmp/drawn.json"
TRAINER_TEST_DISK_FULL="$tmp/full" TRAINER_TEST_DISK_FULL_FLAG="$flag" LD_PRELOAD="$shim" \
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
  "$bin/kiosk" --db "$tmp/full/k.db" --lang "$lang" --size 1280x800 --dump-text "$dump" 2> "$tmp/stderr" &
pid=$!
wid="$(timeout 20 xdotool search --sync --name "Service standards" | head -1)"
fail() { echo "$1"; echo "screen: $(python3 "$here/dump_query.py" "$dump" screen 2>/dev/null)"; cat "$tmp/stderr"; exit 1; }
until_ok() { local i; for i in $(seq $(( ${2:-20} * 5 ))); do eval "$1" && return 0; sleep 0.2; done; return 1; }
screen_is() { [ "$(python3 "$here/dump_query.py" "$dump" screen 2>/dev/null)" = "$1" ]; }
shows() { python3 "$here/dump_query.py" "$dump" has "$1" 2>/dev/null; }
until_ok '[ -f "$dump" ]' 30 || fail "the kiosk drew no frame"
xdotool mousemove --window "$wid" 960 40 click 1
until_ok 'screen_is login' || fail "Sign in did not open"
xdotool type --delay 60 "$who"; sleep 0.3; xdotool key Return
until_ok 'screen_is pin' || fail "no PIN pad for $who"
xdotool type --delay 60 "$pin"; xdotool key Return
until_ok 'screen_is home' 30 || fail "the PIN did not sign $who in"
xdotool key Return
until_ok 'screen_is review' || fail "the review did not start"
xdotool key space; sleep 0.5; xdotool key 3
until_ok '[ "$(( $(count) - before ))" = 1 ]' || fail "the first grade was not saved while there was room"

# 1. The disk fills. What is committed stays; the next grade waits and the screen says why.
xdotool key space; sleep 0.5
q "SELECT id FROM events ORDER BY id" > "$tmp/events-before"
touch "$flag"
xdotool key 3
until_ok 'shows "$full_text"' || fail "the screen does not say the disk is full and the answer waits"
import -window "$wid" "$out/grade-disk-full-$lang.png"
shows "$saved_text" && fail "the screen calls the answer saved on a full disk"
screen_is review || fail "the card left the screen before its grade was saved"
sleep 1 # a few more attempts of the writer, still refused
[ "$(( $(count) - before ))" = 1 ] || fail "a review was written on a full disk?"
q "SELECT id FROM events ORDER BY id" > "$tmp/events-full"
cmp -s "$tmp/events-before" "$tmp/events-full" || fail "the events changed while the disk was full"
kill -0 "$pid" 2>/dev/null || fail "the kiosk exited on a full disk"
# 2. Room again: the waiting grade is committed, and only now the screen says saved.
rm -f "$flag"
until_ok '[ "$(( $(count) - before ))" = 2 ]' || fail "the waiting grade was not saved once there was room"
until_ok 'shows "$saved_text"' || fail "the screen does not say the waiting answer is saved"
shows "$full_text" && fail "the disk-full line stays after the answer was saved"
xdotool key space; sleep 0.5; xdotool key 4
until_ok '[ "$(( $(count) - before ))" = 3 ]' || fail "a grade after the disk had room again was not saved"
q "SELECT id FROM events ORDER BY id" > "$tmp/events-after"
[ -z "$(comm -23 "$tmp/events-before" "$tmp/events-after")" ] || fail "an event committed before the disk filled is gone"
kill -TERM "$pid"; until_ok '! kill -0 "$pid" 2>/dev/null' 20 || fail "the kiosk did not exit after SIGTERM"
wait "$pid" 2>/dev/null || true; pid=""
grep -q "grade not saved yet: .*the disk holding this database is full" "$tmp/stderr" ||
  fail "the log does not say the grade waited for disk space"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged after the full disk"
"$bin/trainer" --db "$tmp/full/k.db" rebuild --check > /dev/null || fail "the live tables differ from a rebuild"
echo "grade on a disk that filled after start ($lang): not called saved, told calmly, nothing lost, saved once there was room: ok"
