#!/usr/bin/env bash
# Issue 14, "Bad input, named", in the real window:
# 1. The window is resized (1920x1080 -> 1024x600) while the PIN pad is open: the pad stays whole
#    inside the window (no key cut off, nothing drawn over anything) and a PIN typed by taps signs in.
# 2. Touch only — the pointer jumps to a tab or a button and clicks, and never moves in between: the
#    tapped dashboard tab is the selected one on the next frames (its label drawn as the selected
#    tab's, the old tab's as an unselected one's), and a tapped button does what it says.
# 3. A language switched mid-quiz: the question, its answers and the feedback already shown change
#    language, not only the buttons. 4. The same mid-review: the card under review changes language.
# Runs on an X display of its own (tests/window/own_display.sh).
# usage: e2e_resize_touch_language.sh BIN_DIR OUTDIR
set -euo pipefail
bin="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source "$here/demo_db.sh"
demo_db "$bin/trainer" "$tmp/k.db"
dump="$tmp/drawn.json"
source "$here/touch_steps.sh" # fail, until_ok, screen_is, shows, tap
start() { # STDIN KIOSK-ARGS...: starts the kiosk with a live dump, waits for its window
  local input="$1"; shift
  rm -f "$dump"
  "$bin/kiosk" --db "$tmp/k.db" --dump-text "$dump" "$@" < "$input" 2>> "$tmp/stderr" &
  pid=$!
  wid="$(timeout 20 xdotool search --sync --name "Service standards" | head -1)"
  xdotool windowactivate --sync "$wid" 2>/dev/null || true
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# 1. The PIN pad open at 1920x1080, the window made 1024x600 under it.
start /dev/null --lang en --size 1920x1080
screen_is decks "at start"
tap "Sign in"
screen_is login "after Sign in"
tap "Marek Nowak"
screen_is pin "after picking a name"
xdotool windowsize "$wid" 1024 600
fits() {
  python3 - "$dump" <<'EOF'
import json, os, sys
sys.path.insert(0, os.environ["HERE"])
import check_dump
drawn = json.load(open(sys.argv[1], encoding="utf-8"))
items = drawn["items"]
if drawn.get("screen") != "pin" or not items or max(it["x"] + it["w"] for it in items) > 1024:
    sys.exit(1)  # not laid out at the new size yet
outside = [it["text"] for it in items if it["x"] < 0 or it["y"] < 0 or it["x"] + it["w"] > 1024 or it["y"] + it["h"] > 600]
problems = check_dump.check(drawn, {"screen": "pin", "lang": "en", "i18n": None, "key": [], "text": [],
                                    "absent": [], "known-clipped": []}, False)
for digit in "0123456789":
    if digit not in [it["text"] for it in items]:
        problems.append(f"the key {digit} is not on the pad")
if outside:
    problems.append(f"outside the 1024x600 window: {outside}")
print("\n".join(problems))
sys.exit(2 if problems else 0)
EOF
}
export HERE="$here"
ok=1
for _ in $(seq 75); do
  set +e; fits > "$tmp/fits"; rc=$?; set -e
  [ "$rc" = 1 ] && { sleep 0.2; continue; }
  [ "$rc" = 0 ] && ok=0
  break
done
[ "$ok" = 0 ] || fail "the PIN pad after the resize to 1024x600: $(cat "$tmp/fits")"
shows "Sign in" "the pad's Sign in button after the resize"
for d in 7 7 7 7; do tap "$d" 0.25; done
tap "Sign in" 3
screen_is home "after Marek's PIN typed by taps on the resized pad"

# 2. Touch only: his dashboard's tabs, tapped with no pointer motion in between.
tap "EN" 1 # Marek's own language is Polish
xdotool windowsize "$wid" 1920 1080 # (his home's buttons below "what waits" need no scrolling then)
until_ok 'python3 "$here/dump_query.py" "$dump" has "Team dashboard"' || fail "no Team dashboard button at 1920x1080"
tap "Team dashboard" 1.5
screen_is dashboard "after tapping the dashboard button"
selected() { # TEXT: prints the colour the item's text is drawn in
  python3 -c 'import json,sys; print(next((i["color"] for i in json.load(open(sys.argv[1]))["items"] if i["text"] == sys.argv[2] or i["text"].startswith(sys.argv[2] + " ")), ""))' "$dump" "$1"
}
first_tab_before="$(selected "Team")"
tap "Sign-offs" 0.2
shows "Oldest request first" "the Sign-offs tab's content"
# A few frames on, with the pointer still where the tap left it: the tapped tab shows as selected,
# the old one does not (the selected tab's label is drawn in the colour the old one had).
until_ok '[ "$(selected "Sign-offs")" = "$first_tab_before" ] && [ "$(selected "Team")" != "$first_tab_before" ]' ||
  fail "after a tap on Sign-offs (no mouse motion) the tabs read: Team $(selected Team), Sign-offs $(selected Sign-offs); selected is $first_tab_before"
tap "Quality" 0.2
until_ok '[ "$(selected "Quality")" = "$first_tab_before" ] && [ "$(selected "Sign-offs")" != "$first_tab_before" ]' ||
  fail "after a tap on Quality the Sign-offs tab still reads as selected"
# A button by touch: Sign off opens the sign-off of Anna's observed call.
tap "Sign-offs" 0.6
tap "Sign off" 1
screen_is signoff "after tapping Sign off"
stop

# 3. Mid-quiz: Emily answers the first question of a knowledge module in English, then taps PL.
module=k-no-repeat-calls
json="$here/../../content/modules/$module.json"
pages=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['pages']))" "$json")
field() { python3 -c "import json,sys; q=json.load(open(sys.argv[1]))['quiz']['questions'][0]; print($2)" "$json"; }
echo 3333 > "$tmp/pin"
start "$tmp/pin" --lang en --size 1280x800 --login emily.carter --pin-stdin --open "module:$module"
screen_is module "Emily's module"
for _ in $(seq "$pages"); do xdotool key Right; sleep 0.4; done
xdotool key Return; sleep 0.6             # start the quiz
shows "$(field "$json" "q['prompt']['en']")" "the first question in English"
xdotool key 1; sleep 0.3; xdotool key Return   # pick option 1, check it
feedback_shown() { # LANG: the feedback of one of the first question's answers is on screen
  python3 - "$dump" "$json" "$1" <<'EOF'
import json, sys
joined = "\n".join(i["text"] for i in json.load(open(sys.argv[1], encoding="utf-8"))["items"])
q = json.load(open(sys.argv[2], encoding="utf-8"))["quiz"]["questions"][0]
sys.exit(0 if any(o["feedback"][sys.argv[3]] in joined for o in q["options"]) else 1)
EOF
}
until_ok 'feedback_shown en' || fail "no feedback shown after checking the answer"
tap "PL" 1
shows "$(field "$json" "q['prompt']['pl']")" "the question after switching to Polish mid-quiz"
python3 - "$dump" "$json" <<'EOF' || fail "the quiz did not change language with the buttons"
import json, sys
texts = [i["text"] for i in json.load(open(sys.argv[1], encoding="utf-8"))["items"]]
q = json.load(open(sys.argv[2], encoding="utf-8"))["quiz"]["questions"][0]
joined = "\n".join(texts)
problems = []
for o in q["options"]:
    if o["text"]["pl"] not in joined: problems.append("answer not in Polish: " + o["text"]["pl"])
    if o["text"]["en"] in joined: problems.append("answer still in English: " + o["text"]["en"])
if not any(o["feedback"]["pl"] in joined for o in q["options"]): problems.append("the feedback shown is not in Polish")
if any(o["feedback"]["en"] in joined for o in q["options"]): problems.append("English feedback still shown")
if q["prompt"]["en"] in joined: problems.append("the question is still in English")
print("\n".join(problems)); sys.exit(1 if problems else 0)
EOF
stop

# 4. Mid-review: Dmitri turns his first card in Russian, then taps EN: the card is in English.
echo 2222 > "$tmp/pin"
start "$tmp/pin" --lang ru --size 1280x800 --login dmitri.volkov --pin-stdin --open review
screen_is review "Dmitri's review"
xdotool key space; sleep 0.8
python3 -c 'import json,sys; print("\n".join(i["text"] for i in json.load(open(sys.argv[1]))["items"]))' "$dump" > "$tmp/ru.txt"
tap "EN" 1
python3 -c 'import json,sys; print("\n".join(i["text"] for i in json.load(open(sys.argv[1]))["items"]))' "$dump" > "$tmp/en.txt"
python3 - "$tmp/ru.txt" "$tmp/en.txt" "$here/../../content" <<'EOF' || fail "the card under review did not change language"
import glob, json, sys
ru, en = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
# The card on screen: the one whose Russian title was drawn before the switch.
for path in glob.glob(sys.argv[3] + "/**/*.json", recursive=True):
    try:
        data = json.load(open(path, encoding="utf-8"))
    except ValueError:
        continue
    cards = data.get("cards", []) if isinstance(data, dict) else []
    for c in cards:
        t = c.get("text", {}) if isinstance(c, dict) else {}
        if isinstance(t, dict) and "ru" in t and "en" in t and t["ru"].get("title", "\0") in ru:
            ok = t["en"]["title"] in en and t["ru"]["title"] not in en
            print(f"card {c.get('id')}: ru '{t['ru']['title']}' -> en {'ok' if ok else 'NOT switched'}")
            sys.exit(0 if ok else 1)
print("no card title of the content found on the review screen"); sys.exit(1)
EOF
stop
echo "resize under the PIN pad, touch-only tabs and buttons, language switched mid-quiz and mid-review: ok"
