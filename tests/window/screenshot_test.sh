#!/usr/bin/env bash
# Renders the real kiosk window (under the ctest run's X display, Xvfb in scripts/test) and
# checks the PNG. usage: screenshot_test.sh KIOSK LANG SCREEN OUTDIR [extra kiosk args...]
set -euo pipefail
kiosk="$1" lang="$2" screen="$3" out="$4"
shift 4
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
png="$out/$screen-$lang.png"
# --demo-db TRAINER: start from a demo database (people, PINs) made by the trainer CLI.
if [ "${1:-}" = "--demo-db" ]; then
  "$2" --db "$tmp/kiosk.db" demo create > /dev/null
  shift 2
fi
# --pin PIN: the PIN typed for --login PERSON --pin-stdin (signed-in screens: --open WHAT).
pin=""
if [ "${1:-}" = "--pin" ]; then
  pin="$2"
  shift 2
fi
size=1280x800
for a in "$@"; do [ "$a" = "--desk" ] && size=560x720; done
rm -f "$png"
if ! echo "$pin" | "$kiosk" --db "$tmp/kiosk.db" --lang "$lang" --size "$size" --frames 4 --screenshot "$png" "$@" \
  2> "$tmp/stderr"; then
  echo "kiosk failed (DISPLAY=${DISPLAY:-none}):"; cat "$tmp/stderr"; exit 1
fi
if grep -v '^kiosk: .*missing translation' "$tmp/stderr" | grep -q .; then
  echo "kiosk wrote to stderr:"; cat "$tmp/stderr"; exit 1
fi
exec python3 "$here/check_png.py" "$png" "${size%x*}" "${size#*x}"
