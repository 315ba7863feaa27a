# shellcheck shell=bash
# Steps of an end-to-end window script that reads the kiosk's live text dump (--dump-text FILE
# without --frames) and taps with xdotool as a touch screen does. The script sets `here` (this
# folder), `dump` (the dump), `tmp` (with the kiosk's stderr in $tmp/stderr) and `wid` (the window).
fail() {
  echo "$1"; echo "screen: $(python3 "$here/dump_query.py" "$dump" screen)"
  python3 -c 'import json,sys; print(" | ".join(i.get("text","") for i in json.load(open(sys.argv[1])).get("items",[])))' "$dump" || true
  cat "$tmp/stderr"; exit 1
}
# A loaded machine (the sanitized build) draws slowly: what a step should bring is waited for, up to 15 s.
until_ok() { local i; for i in $(seq 75); do eval "$1" && return 0; sleep 0.2; done; return 1; }
on_screen() { [ "$(python3 "$here/dump_query.py" "$dump" screen)" = "$1" ]; }
screen_is() { local want="$1"; until_ok 'on_screen "$want"' || fail "expected the $1 screen ($2)"; }
shows() { local text="$1"; until_ok 'python3 "$here/dump_query.py" "$dump" has "$text"' || fail "'$1' is not on screen ($2)"; }
gone() { local text="$1"; until_ok '! python3 "$here/dump_query.py" "$dump" has "$text"' || fail "'$1' is still on screen ($2)"; }
# A tap: the pointer jumps to the item and clicks; nothing moves it in between.
tap() {
  local xy
  xy="$(python3 "$here/dump_query.py" "$dump" centre "$1")" || fail "cannot tap '$1'"
  # shellcheck disable=SC2086
  xdotool mousemove --window "$wid" $xy click 1
  sleep "${2:-0.6}"
}
