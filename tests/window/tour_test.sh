#!/usr/bin/env bash
# Every screen at every size in every language, in one kiosk start (kiosk --tour, kiosk/tour.hpp):
# renders each target at 1024x600, 1366x768 and 1920x1080 in en, pl and ru (or the --tour-sizes
# given), then tests/window/check_tour.py checks each dump: the right screen, no text cut off, no
# text drawn over other text.
# With --who NAME, the signed-in person's name must show in the top bar of every screen (whole or
# shortened as kiosk/widgets.hpp fitted_name shortens it), at every size.
# usage: tour_test.sh KIOSK TRAINER OUTDIR NAME SCREENS [--who NAME] [--pin PIN --login PERSON] [kiosk args...]
set -euo pipefail
kiosk="$1" trainer="$2" out="$3" name="$4" screens="$5"
shift 5
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pin="" who=()
if [ "${1:-}" = "--who" ]; then who=(--signed-in "$2"); shift 2; fi
if [ "${1:-}" = "--pin" ]; then pin="$2"; shift 2; fi
sizes="1024x600,1366x768,1920x1080"
for a in "$@"; do [ "$a" = "--tour-sizes" ] && sizes=""; done
source "$here/demo_db.sh"
demo_db "$trainer" "$tmp/kiosk.db"
dir="$out/tour-$name"
rm -rf "$dir"
args=(--db "$tmp/kiosk.db" --size 1024x600 --frames 4 --tour "$dir" --tour-screens "$screens" --tour-langs en,pl,ru)
[ -n "$sizes" ] && args+=(--tour-sizes "$sizes")
if ! echo "$pin" | "$kiosk" "${args[@]}" "$@" 2> "$tmp/stderr"; then
  echo "kiosk failed (DISPLAY=${DISPLAY:-none}):"; cat "$tmp/stderr"; exit 1
fi
if grep -v '^kiosk: .*missing translation' "$tmp/stderr" | grep -q .; then
  echo "kiosk wrote to stderr:"; cat "$tmp/stderr"; exit 1
fi
n_screens=$(awk -F, '{print NF}' <<< "$screens")
n_sizes=3
if [ -z "$sizes" ]; then
  # the caller's --tour-sizes: count its entries
  prev=""; for a in "$@"; do [ "$prev" = "--tour-sizes" ] && n_sizes=$(awk -F, '{print NF}' <<< "$a"); prev="$a"; done
fi
exec python3 "$here/check_tour.py" "$dir" $((n_screens * 3 * n_sizes)) "${who[@]}"
