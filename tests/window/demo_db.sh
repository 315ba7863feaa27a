# shellcheck shell=bash
# demo_db TRAINER DEST: puts a demo database (people, PINs, some weeks of history) at DEST.
# ctest makes one at the start of a run ("window: the demo database ...", its path in DEMO_DB) and
# every window test starts from a copy of it, instead of seeding its own for ~3 s under the
# sanitizers. Run by hand, without DEMO_DB, a test seeds its own with `trainer demo create`.
demo_db() {
  local trainer="$1" dest="$2"
  if [ -n "${DEMO_DB:-}" ] && [ -f "$DEMO_DB" ]; then
    install -m 600 "$DEMO_DB" "$dest"
    # The PIN key lives beside the database (SECURITY.md): without it no demo PIN would match.
    [ -f "$DEMO_DB.pinkey" ] && install -m 600 "$DEMO_DB.pinkey" "$dest.pinkey"
  else
    "$trainer" --db "$dest" demo create > /dev/null
  fi
}
