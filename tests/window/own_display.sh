#!/usr/bin/env bash
# Runs a command on an X display of its own (a fresh Xvfb), so a test that types and clicks with
# xdotool, or resizes its window, never shares keyboard focus or screen with a test running beside
# it: ctest can run these tests in parallel instead of one at a time (RUN_SERIAL).
# Xvfb picks a free display number itself and writes it to a pipe (-displayfd), so two tests that
# start at once cannot race for the same number as `xvfb-run -a` can.
# usage: own_display.sh COMMAND [ARGS...]
set -euo pipefail
fifo_dir="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$fifo_dir"
}
trap cleanup EXIT
mkfifo "$fifo_dir/display"
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3> "$fifo_dir/display" 2> "$fifo_dir/xvfb.log" &
xvfb_pid=$!
display=""
read -r -t 20 display < "$fifo_dir/display" || true
if [ -z "$display" ]; then
  echo "own_display.sh: Xvfb did not start:"; cat "$fifo_dir/xvfb.log"; exit 1
fi
export DISPLAY=":$display"
unset XAUTHORITY
status=0
"$@" || status=$?
exit "$status"
