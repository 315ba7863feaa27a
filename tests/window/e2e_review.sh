#!/usr/bin/env bash
# End to end in the real window, as a person would: open Sign in, type a name and Enter, type the
# PIN, start a review, turn and grade three cards. Then the database must hold the login and the
# three reviews (committed before each next card showed). usage: e2e_review.sh BIN_DIR OUTDIR
set -euo pipefail
bin="$1" out="$2"
mkdir -p "$out"
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$bin/trainer" --db "$tmp/k.db" demo create > /dev/null   # people and some weeks of history
count() { sqlite3 "$tmp/k.db" "SELECT count(*) FROM events WHERE type='$1' AND person_id='emily.carter'"; }
reviews_before="$(count card.reviewed)"
"$bin/kiosk" --db "$tmp/k.db" --lang en --size 1280x800 2> "$tmp/stderr" &
pid=$!
wid="$(timeout 20 xdotool search --sync --name "Service standards" | head -1)"
step() { sleep "${2:-0.6}"; }
sleep 2.5   # the first frame: the app and fonts are built on a thread (slower under the sanitizers)
xdotool mousemove --window "$wid" 960 40 click 1; step       # Sign in (top right)
xdotool type --delay 40 "emily"; step 0.3; xdotool key Return; step
xdotool type --delay 40 "3333"; xdotool key Return; step 5    # PIN; Argon2 runs off the UI thread
xdotool key Return; step                                      # Start review (Enter on the home screen)
for _ in 1 2 3; do
  xdotool key space; step 0.5                                 # turn the card
  xdotool key 3; step 0.8                                     # Good
done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
reviews=$(( $(count card.reviewed) - reviews_before ))
logins="$(count auth.login)"
echo "logins=$logins reviews=$reviews"
if [ "$logins" != 1 ] || [ "$reviews" != 3 ]; then
  echo "expected 1 login and 3 reviews"; cat "$tmp/stderr"; exit 1
fi
# Issue 12: what the window wrote is exactly what a rebuild from the events gives.
"$bin/trainer" --db "$tmp/k.db" rebuild --check || { echo "the live tables differ from a rebuild"; exit 1; }
