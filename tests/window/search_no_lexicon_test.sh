#!/usr/bin/env bash
# Issue 19, bad input: the word-form lexicon missing (or corrupt) next to the content. Search
# still finds by exact words and prefixes, the agent sees results and no alarm, and the log names
# the file that is missing. usage: search_no_lexicon_test.sh KIOSK LANG QUERY TITLE OUTDIR [corrupt]
set -euo pipefail
kiosk="$1" lang="$2" query="$3" title="$4" out="$5" mode="${6:-missing}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/../../content" "$tmp/content"
if [ "$mode" = corrupt ]; then
  printf 'not a lexicon\n\x01\x02' > "$tmp/content/search/lexicon.tsv"
  want="lexicon.tsv"
else
  rm "$tmp/content/search/lexicon.tsv"
  want="$tmp/content/search/lexicon.tsv"
fi
png="$out/search-no-lexicon-$mode-$lang.png"
"$kiosk" --db "$tmp/k.db" --content "$tmp/content" --lang "$lang" --size 1280x800 --frames 4 \
  --screenshot "$png" --dump-text "$tmp/drawn.json" --search "$query" 2> "$tmp/stderr" || { cat "$tmp/stderr"; exit 1; }
grep -q "kiosk: search without the word-form lexicon: .*$want" "$tmp/stderr" ||
  { echo "the log does not name the lexicon ($want):"; cat "$tmp/stderr"; exit 1; }
if grep -v 'kiosk: search without the word-form lexicon' "$tmp/stderr" | grep -v 'missing translation' | grep -q .; then
  echo "kiosk logged more than the missing lexicon:"; cat "$tmp/stderr"; exit 1
fi
python3 "$here/check_png.py" "$png" 1280 800
python3 "$here/check_dump.py" "$tmp/drawn.json" --lang "$lang" --i18n "$here/../../assets/i18n" \
  --screen search --text "$title" --absent lexicon --absent Hunspell
