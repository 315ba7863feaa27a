#!/usr/bin/env bash
# Issue 14, "Bad input, named": a module with no pages. What the product does (content/README.md):
# - "pages": [] is refused at load, naming the file, line and column; the folder is refused as a
#   whole, so the kiosk keeps the last good content (its copy in the database) and says which file
#   was refused — the module still opens with the pages it had, in every language, at every size;
#   with no last good copy at all, the person is still greeted by name on a calm home.
# - The nearest the validator allows — one page, its title and text one English word each, no
#   picture, no cards — opens as "Page 1 of 1" in en, pl and ru (English shown where a language is
#   missing) at every size, nothing cut off (check_tour.py).
# usage: module_no_pages_test.sh KIOSK TRAINER OUTDIR
set -euo pipefail
kiosk="$1" trainer="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$here/demo_db.sh"
module=k-no-repeat-calls
failed=0
catalog() { # LANG KEY: the text before its first placeholder (a plural's first form)
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; v=v if isinstance(v,str) else list(v.values())[0]; print(v.split("{")[0].strip())' "$src/assets/i18n/$1.json" "$2"
}
tour() { # NAME CONTENT-DIR DB COUNT: the module and the home at three sizes in three languages
  local dir="$out/module-no-pages-$1"
  rm -rf "$dir"
  if ! echo 3333 | "$kiosk" --db "$3" --content "$2" --size 1024x600 --frames 4 --tour "$dir" \
         --tour-screens "module:$module,home" --tour-langs en,pl,ru --tour-sizes 1024x600,1366x768,1920x1080 \
         --login emily.carter --pin-stdin 2> "$tmp/stderr"; then
    echo "kiosk failed on the $1 tour:"; cat "$tmp/stderr"; exit 1
  fi
  python3 "$here/check_tour.py" "$dir" "$4" --signed-in "Emily Carter" || failed=1
}
expect() { # DUMP TEXT
  python3 "$here/check_dump.py" "$1" --allow-clipped --text "$2" > "$tmp/out" || { cat "$tmp/out"; failed=1; }
}
edit_pages() { # FOLDER PYTHON-EXPR: sets the module's "pages" in a copy of the content
  rm -rf "$1"; mkdir -p "$1"; cp -r "$src/content" "$1/"
  python3 - "$1/content/modules/$module.json" "$2" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
m["pages"] = eval(sys.argv[2])
json.dump(m, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF
}

# 1. "pages": [] — the validator names the file and where.
edit_pages "$tmp/empty" "[]"
if "$trainer" content validate --content "$tmp/empty/content" > "$tmp/validate" 2>&1; then
  echo "a module with no pages passed validation"; failed=1
fi
grep -q "modules/$module.json:[0-9]*:[0-9]*: error: /pages: expected one or more" "$tmp/validate" ||
  { echo "the refusal does not name the file, line and /pages:"; cat "$tmp/validate"; failed=1; }

# 2. A kiosk that ran on good content keeps it: the module opens with its own pages, the banner names the file.
demo_db "$trainer" "$tmp/k.db"
echo 3333 | "$kiosk" --db "$tmp/k.db" --content "$src/content" --size 1024x600 --frames 4 \
  --login emily.carter --pin-stdin --open "module:$module" --dump-text "$tmp/good.json" 2> /dev/null
python3 "$here/check_dump.py" "$tmp/good.json" --screen module > "$tmp/out" ||
  { echo "the module did not open on good content:"; cat "$tmp/out"; exit 1; }
tour kept "$tmp/empty/content" "$tmp/k.db" 18
for lang in en pl ru; do
  page1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"][0]["title"][sys.argv[2]])' "$src/content/modules/$module.json" "$lang")
  expect "$out/module-no-pages-kept/module_$module-$lang-1024x600.json" "$page1"
  expect "$out/module-no-pages-kept/module_$module-$lang-1024x600.json" "$(catalog "$lang" banner.content_refused)"
  expect "$out/module-no-pages-kept/module_$module-$lang-1024x600.json" "$module.json"
done

# 3. No last good copy at all (a new kiosk on the broken folder): a calm home that greets by name.
demo_db "$trainer" "$tmp/fresh.db"
echo 3333 | "$kiosk" --db "$tmp/fresh.db" --content "$tmp/empty/content" --size 1024x600 --frames 4 \
  --login emily.carter --pin-stdin --dump-text "$tmp/fresh.json" 2> /dev/null
expect "$tmp/fresh.json" "$(catalog en home.greeting) Emily Carter"
python3 "$here/check_dump.py" "$tmp/fresh.json" --screen home > "$tmp/out" || { cat "$tmp/out"; failed=1; }

# 4. The smallest module the validator takes: one page, one English word of title and of text.
edit_pages "$tmp/tiny" '[{"title": {"en": "Listen"}, "text": {"en": "Breathe."}}]'
"$trainer" content validate --content "$tmp/tiny/content" > "$tmp/validate" 2>&1 ||
  { echo "the one-page module was refused:"; cat "$tmp/validate"; failed=1; }
demo_db "$trainer" "$tmp/tiny.db"
tour tiny "$tmp/tiny/content" "$tmp/tiny.db" 18
for lang in en pl ru; do
  for size in 1024x600 1366x768 1920x1080; do
    d="$out/module-no-pages-tiny/module_$module-$lang-$size.json"
    expect "$d" "Listen"
    expect "$d" "Breathe."
    expect "$d" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["onb.page_of"].replace("{n}","1").replace("{total}","1"))' "$src/assets/i18n/$lang.json")"
  done
done
exit $failed
