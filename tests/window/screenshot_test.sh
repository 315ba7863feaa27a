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
rm -f "$png"
if ! "$kiosk" --db "$tmp/kiosk.db" --lang "$lang" --size 1280x800 --frames 4 --screenshot "$png" "$@" \
  2> "$tmp/stderr"; then
  echo "kiosk failed (DISPLAY=${DISPLAY:-none}):"; cat "$tmp/stderr"; exit 1
fi
if grep -v '^kiosk: .*missing translation' "$tmp/stderr" | grep -q .; then
  echo "kiosk wrote to stderr:"; cat "$tmp/stderr"; exit 1
fi
exec python3 "$here/check_png.py" "$png" 1280 800
