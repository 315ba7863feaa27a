#!/usr/bin/env bash
# Issue 16, "a database on a full disk when the kiosk starts": the database's folder has no room
# (tests/disk_full/disk_full_shim.c, preloaded: no file there may grow). The kiosk must start and
# draw, say calmly that progress cannot be opened or saved (banner.disk_full) while the standards
# can still be browsed, log the file and the next step, and change nothing: the database is
# byte-for-byte as it was and no log beside it holds anything.
# usage: disk_full_test.sh BIN_DIR SHIM LANG OUTDIR
set -euo pipefail
bin="$1" shim="$2" lang="$3" out="$4"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$here/demo_db.sh"
mkdir "$tmp/full"
demo_db "$bin/trainer" "$tmp/full/k.db"
before="$(sha256sum < "$tmp/full/k.db")"
png="$out/disk-full-$lang.png"
TRAINER_TEST_DISK_FULL="$tmp/full" LD_PRELOAD="$shim" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
  "$bin/kiosk" --db "$tmp/full/k.db" --lang "$lang" --size 1280x800 --frames 4 --screenshot "$png" \
  --dump-text "$tmp/drawn.json" 2> "$tmp/stderr" || { echo "the kiosk failed:"; cat "$tmp/stderr"; exit 1; }
fail() { echo "$1"; cat "$tmp/stderr"; exit 1; }
grep -q "kiosk: $tmp/full/k.db: the disk holding this database is full" "$tmp/stderr" ||
  fail "the log does not name the database and say its disk is full:"
grep -q "df -h $tmp/full" "$tmp/stderr" || fail "the log does not give the next step:"
[ "$(sha256sum < "$tmp/full/k.db")" = "$before" ] || fail "the database changed on a full disk"
[ ! -s "$tmp/full/k.db-wal" ] || fail "something was written to the log beside the database"
python3 "$here/check_png.py" "$png" 1280 800
python3 "$here/check_dump.py" "$tmp/drawn.json" --lang "$lang" --i18n "$here/../../assets/i18n" \
  --screen decks --key banner.disk_full --key decks.heading
