#!/usr/bin/env bash
# Regenerates the README's screenshots from a demo database with the kiosk's tour mode
# (kiosk --tour ... --tour-png; README "Every screen at every size"). Run under a display
# (xvfb-run -a -s "-screen 0 1920x1080x24" docs/screenshots/regenerate.sh build/bin), then look at
# every PNG before committing.
set -euo pipefail
bin="${1:-build/bin}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin/trainer" --db "$tmp/demo.db" demo create > /dev/null
tour() { # NAME LANGS SIZES SCREENS [sign-in: PERSON PIN]
  local name="$1" langs="$2" sizes="$3" screens="$4" who="${5:-}" pin="${6:-}"
  cp "$tmp/demo.db" "$tmp/$name.db"; cp "$tmp/demo.db.pinkey" "$tmp/$name.db.pinkey" # the PIN key travels with it
  local args=(--db "$tmp/$name.db" --size "${sizes%%,*}" --frames 4 --tour "$tmp/$name" --tour-png
              --tour-screens "$screens" --tour-langs "$langs" --tour-sizes "$sizes")
  [ -n "$who" ] && args+=(--login "$who" --pin-stdin)
  echo "$pin" | "$bin/kiosk" "${args[@]}"
}
take() { cp "$tmp/$1.png" "$here/$2.png"; } # TOUR/STEM -> README name
lock_out() { # PERSON: five wrong PINs in the kiosk, so the lead's home and team list show a lockout
  for _ in 1 2 3 4 5; do
    echo 0000 | "$bin/kiosk" --db "$tmp/demo.db" --login "$1" --pin-stdin --frames 2 --size 640x480 > /dev/null
  done
  # The first wait is 30 s and the tours take longer: keep the lock for the hour they need.
  sqlite3 "$tmp/demo.db" "UPDATE auth_throttle SET locked_until_ms = locked_until_ms + 3600000 WHERE person_id = '$1'"
}
tour anon en,pl,ru 1280x800 "decks,card-back:complaints-and-hard-moments,search:klient,pin:anna.kowalska"
take anon/decks-en-1280x800 decks-en
take anon/card-back_complaints-and-hard-moments-ru-1280x800 card-back-ru
take anon/search_klient-pl-1280x800 search-pl
take anon/pin_anna.kowalska-en-1280x800 pin-en
tour emily en 1280x800 "tracks" emily.carter 3333
take emily/tracks-en-1280x800 tracks-en
tour dmitri en 1280x800 "review-back" dmitri.volkov 2222
take dmitri/review-back-en-1280x800 review-en
lock_out emily.carter # Marek's team list (team-pl.png) and home show her locked sign-in, with Unlock
tour marek en,pl,ru 1280x800,1024x600 "home,team,dashboard,heatmap,phases,quality,person:anna.kowalska,signoff:anna.kowalska/s-observed-call,sign:anna.kowalska/s-observed-call" marek.nowak 7777
take marek/team-pl-1280x800 team-pl
take marek/dashboard-ru-1280x800 dashboard-ru
take marek/heatmap-en-1280x800 heatmap-en
take marek/phases-en-1280x800 phases-en
take marek/quality-en-1280x800 quality-en
take marek/person_anna.kowalska-en-1280x800 person-en
take marek/signoff_anna.kowalska_s-observed-call-pl-1280x800 signoff-pl
take marek/home-en-1280x800 lead-home-en
take marek/home-ru-1024x600 lead-home-ru-1024x600
take marek/signoff_anna.kowalska_s-observed-call-ru-1024x600 signoff-ru-1024x600
take marek/sign_anna.kowalska_s-observed-call-pl-1024x600 sign-pl-1024x600
tour natalia en 1280x800 "evaluate:piotr.wisniewski" natalia.ivanova 8888
take natalia/evaluate_piotr.wisniewski-en-1280x800 evaluation-en
tour anna ru 1280x800 "module:s-observed-call" anna.kowalska 1111
take anna/module_s-observed-call-ru-1280x800 skills-ru
"$bin/kiosk" --db "$tmp/anon.db" --lang en --desk --search "next step" --frames 4 --screenshot "$here/desk-en.png"
# quiz-feedback-en.png and scenario-en.png show answers given in a session: not regenerated here.
echo "written to $here; look at each before committing"
