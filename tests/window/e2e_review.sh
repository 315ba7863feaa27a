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
source "$(dirname "$0")/demo_db.sh"
demo_db "$bin/trainer" "$tmp/k.db"   # people and some weeks of history
count() { sqlite3 "$tmp/k.db" "SELECT count(*) FROM events WHERE type='$1' AND person_id='emily.carter'"; }
reviews_before="$(count card.reviewed)"
here="$(cd "$(dirname "$0")" && pwd)"
dump="$tmp/drawn.json"
"$bin/kiosk" --db "$tmp/k.db" --lang en --size 1280x800 --dump-text "$dump" 2> "$tmp/stderr" &
pid=$!
wid="$(timeout 20 xdotool search --sync --name "Service standards" | head -1)"
# Wait for what the window shows (its live text dump), not a guessed time.
wait_screen() { python3 "$here/dump_query.py" "$dump" wait-screen "$1" || { cat "$tmp/stderr"; exit 1; }; }
step() { sleep "${1:-0.3}"; }
wait_screen decks                                             # the first frame (built on a thread)
xdotool mousemove --window "$wid" 960 40 click 1              # Sign in (top right)
wait_screen login
xdotool type --delay 40 "emily"; step; xdotool key Return
wait_screen pin
xdotool type --delay 40 "3333"; xdotool key Return
wait_screen home                                              # Argon2 runs off the UI thread
xdotool key Return                                            # Start review (Enter on the home screen)
wait_screen review
for n in 1 2 3; do
  xdotool key space; step 0.5                                 # turn the card
  xdotool key 3                                               # Good
  # The grade is committed before the next card shows.
  for _ in $(seq 50); do [ "$(( $(count card.reviewed) - reviews_before ))" -ge "$n" ] && break; sleep 0.2; done
  step
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
