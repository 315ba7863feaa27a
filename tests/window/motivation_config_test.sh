#!/usr/bin/env bash
# Issue 16 point 5 at the kiosk: a motivation config naming a module the content does not have is
# refused at start as the CLI refuses it — the log names file:line:column and the module, the
# lead's dashboard says calmly that the default rules are used (banner.motivation_config), and the
# window still renders. usage: motivation_config_test.sh BIN_DIR LANG OUTDIR
set -euo pipefail
bin="$1" lang="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/demo_db.sh"
demo_db "$bin/trainer" "$tmp/k.db"
cat > "$tmp/motivation.json" <<'JSON'
{
  "period": "month",
  "training": {"modules": ["k-journey-stages", "no-such-module"]}
}
JSON
png="$out/motivation-config-$lang.png"
echo 7777 | TRAINER_MOTIVATION_CONFIG="$tmp/motivation.json" "$bin/kiosk" --db "$tmp/k.db" --lang "$lang" \
  --size 1280x800 --frames 4 --screenshot "$png" --dump-text "$tmp/drawn.json" \
  --login marek.nowak --pin-stdin --open dashboard 2> "$tmp/stderr" || { cat "$tmp/stderr"; exit 1; }
grep -q "kiosk: motivation rules not used" "$tmp/stderr" || { echo "no log line:"; cat "$tmp/stderr"; exit 1; }
grep -q "motivation.json:3:[0-9]*.*no-such-module" "$tmp/stderr" || { echo "the log does not name file:line:column and the module:"; cat "$tmp/stderr"; exit 1; }
python3 "$here/check_png.py" "$png" 1280 800
python3 "$here/check_dump.py" "$tmp/drawn.json" --lang "$lang" --i18n "$here/../../assets/i18n" \
  --screen dashboard --key banner.motivation_config
