#!/usr/bin/env bash
# Issue 14, "Bad input, named": the people a real roster has that the demo has not — a 60-character
# name with no spaces, a person with no PIN, a lead whose team has no members — on every screen they
# reach, at 1024x600, 1366x768 and 1920x1080 in en, pl and ru (kiosk --tour). Each dump is checked
# by check_tour.py (the right screen, nothing cut off, nothing drawn over other text, the signed-in
# name shown), and here for what each case must say.
# usage: bad_input_tour_test.sh KIOSK TRAINER OUTDIR
set -euo pipefail
kiosk="$1" trainer="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$here/demo_db.sh"
demo_db "$trainer" "$tmp/kiosk.db"
db=(--db "$tmp/kiosk.db")
long="Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaf" # 60 characters, no space
[ "${#long}" -eq 60 ] || { echo "the long name is ${#long} characters, not 60"; exit 1; }
"$trainer" "${db[@]}" people add x.long --name "$long" --role agent --team team-north --locale pl > /dev/null
echo 4826 | "$trainer" "${db[@]}" pin set x.long > /dev/null
"$trainer" "${db[@]}" people add x.nopin --name "Zofia Nowicka-Brzęczyszczykiewicz" --role agent --team team-north > /dev/null
"$trainer" "${db[@]}" people add x.lead --name "Lena Lindqvist" --role lead --team team-empty > /dev/null
echo 5937 | "$trainer" "${db[@]}" pin set x.lead > /dev/null
sizes="1024x600,1366x768,1920x1080"
failed=0
tour() { # NAME SCREENS COUNT [PIN PERSON DISPLAY]
  local name="$1" screens="$2" count="$3" pin="${4:-}" who="${5:-}" display="${6:-}"
  local dir="$out/bad-input-$name" args=()
  rm -rf "$dir"
  [ -n "$who" ] && args=(--login "$who" --pin-stdin)
  if ! echo "$pin" | "$kiosk" "${db[@]}" --size 1024x600 --frames 4 --tour "$dir" --tour-screens "$screens" \
         --tour-langs en,pl,ru --tour-sizes "$sizes" "${args[@]}" 2> "$tmp/stderr"; then
    echo "kiosk failed on the $name tour:"; cat "$tmp/stderr"; exit 1
  fi
  local check=()
  [ -n "$display" ] && check=(--signed-in "$display")
  python3 "$here/check_tour.py" "$dir" "$count" "${check[@]}" || failed=1
}
# Nobody signed in: the names grid with both, and the keypad of each.
tour anonymous "login,pin:x.long,pin:x.nopin" 27
# The long-named agent's own screens: her name in the top bar is cut, never drawn over the buttons.
tour agent "home,review,scores" 27 4826 x.long "$long"
# Her lead: the team table, the mastery map and her page.
tour lead "team,dashboard,heatmap,person:x.long" 36 7777 marek.nowak "Marek Nowak"
# A lead of a team with no members: every tab says there is nothing yet, none fails.
tour empty-team "home,dashboard,heatmap,phases,quality,signoffs" 54 5937 x.lead "Lena Lindqvist"

expect() { # DUMP TEXT: TEXT must be on that screen
  if ! python3 "$here/check_dump.py" "$1" --allow-clipped --text "$2" > "$tmp/out"; then
    cat "$tmp/out"; failed=1
  fi
}
catalog() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]].split("{")[0].strip())' "$here/../../assets/i18n/$1.json" "$2"; }
for lang in en pl ru; do
  # No PIN: the keypad says so in words, instead of a keypad that can never work.
  expect "$out/bad-input-anonymous/pin_x.nopin-$lang-1024x600.json" "$(catalog "$lang" login.no_pin)"
  # An empty team: the dashboard says it is empty rather than drawing empty charts.
  expect "$out/bad-input-empty-team/heatmap-$lang-1024x600.json" "$(catalog "$lang" dash.empty)"
done
# The 60-character name is cut with an ellipsis in the team table's row of the lead's dashboard, or
# shown whole where there is room; either way it is on screen (at 1920x1080, where its row is in view).
python3 - "$out/bad-input-lead" "$long" <<'EOF' || failed=1
import glob, json, sys
folder, name = sys.argv[1], sys.argv[2]
bad = 0
for path in sorted(glob.glob(folder + "/dashboard-*-1920x1080.json")):
    items = json.load(open(path, encoding="utf-8"))["items"]
    if not any(it["text"] == name or (it["text"].endswith("…") and name.startswith(it["text"][:-1]) and len(it["text"]) > 8)
               for it in items):
        print(f"{path}: the 60-character name is not in the team table, whole or cut")
        bad = 1
sys.exit(bad)
EOF
exit $failed
