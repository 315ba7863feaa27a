#!/usr/bin/env bash
# Renders the real kiosk window (under the ctest run's X display, Xvfb in scripts/test) and
# checks the PNG and what the frame drew (--dump-text: the screen, its key strings, no clipped text).
# usage: screenshot_test.sh KIOSK LANG SCREEN OUTDIR [checks...] [--demo-db TRAINER] [--pin PIN] [kiosk args...]
# checks (tests/window/check_dump.py): --screen NAME, --key CATALOG_KEY, --text STR, --date DAY, --absent STR,
# --allow-clipped, --known-clipped STR; catalog keys are looked up in LANG. --own-evaluations PERSON (with --demo-db):
# the dates of PERSON's three newest QA evaluations, as `trainer scores list` gives them, must show.
set -euo pipefail
kiosk="$1" lang="$2" screen="$3" out="$4"
shift 4
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
png="$out/$screen-$lang.png"
checks=()
own=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screen|--key|--text|--date|--absent|--known-clipped) checks+=("$1" "$2"); shift 2 ;;
    --allow-clipped) checks+=("$1"); shift ;;
    --own-evaluations) own="$2"; shift 2 ;;
    *) break ;;
  esac
done
# --demo-db TRAINER: start from a demo database (people, PINs) made by the trainer CLI.
if [ "${1:-}" = "--demo-db" ]; then
  source "$here/demo_db.sh"
  demo_db "$2" "$tmp/kiosk.db"
  if [ -n "$own" ]; then
    dates="$("$2" --db "$tmp/kiosk.db" scores list --person "$own" --json --as "$own" | python3 -c '
import json, sys
print("\n".join(sorted({e["date"] for e in json.load(sys.stdin)}, reverse=True)[:3]))')"
    [ -n "$dates" ] || { echo "no evaluations of $own in the demo database"; exit 1; }
    while read -r d; do checks+=(--date "$d"); done <<< "$dates"
  fi
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
if ! echo "$pin" | "$kiosk" --db "$tmp/kiosk.db" --lang "$lang" --size "$size" --frames 4 --screenshot "$png" \
  --dump-text "$tmp/drawn.json" "$@" \
  2> "$tmp/stderr"; then
  echo "kiosk failed (DISPLAY=${DISPLAY:-none}):"; cat "$tmp/stderr"; exit 1
fi
if grep -v '^kiosk: .*missing translation' "$tmp/stderr" | grep -q .; then
  echo "kiosk wrote to stderr:"; cat "$tmp/stderr"; exit 1
fi
python3 "$here/check_png.py" "$png" "${size%x*}" "${size#*x}"
cp "$tmp/drawn.json" "$out/$screen-$lang.json"
exec python3 "$here/check_dump.py" "$tmp/drawn.json" --lang "$lang" --i18n "$here/../../assets/i18n" ${checks[@]+"${checks[@]}"}
