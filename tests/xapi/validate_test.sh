#!/usr/bin/env bash
# The exported xAPI statements checked by an independent validator: Learning Locker's
# xapi-validation (npm), installed once into the build folder (no global install).
# Usage: validate_test.sh TRAINER_BIN CONTENT_DIR WORK_DIR
set -euo pipefail
bin="$1" content="$2" work="$3"
here="$(cd "$(dirname "$0")" && pwd)"
npm_dir="$work/npm"
mkdir -p "$npm_dir"
if [ ! -d "$npm_dir/node_modules/xapi-validation" ]; then
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" xapi-validation@2.1.4 >/dev/null
fi
db="$work/xapi.db"
rm -f "$db" "$db-wal" "$db-shm"
t() { "$bin" --db "$db" --content "$content" "$@"; }
t init >/dev/null
t demo create >/dev/null
t demo seed --agents 3 --days 20 >/dev/null
# QA evaluations from both shipped exports, people with e-mails in three scripts.
people="$(t people list)"
add() { # the demo already has some of the samples' agents
  grep -q "^$1"$'\t' <<<"$people" || t people add "$1" --name "$1" --role agent --team Samples --external-id "$2" >/dev/null
}
add anna.kowalska anna.kowalska@example.com; add emily.carter emily.carter@example.com
add lukasz.zak 'łukasz.żak@example.com'; add dmitrij.ivanov 'дмитрий.иванов@example.com'
add dmitri.volkov dmitri.volkov@example.com; add olga.smirnova olga.smirnova@example.com
add piotr.wisniewski piotr.wisniewski@example.com
maps="$content/quality/mappings"
t scores import "$maps/maestroqa-sample.csv" --mapping "$maps/maestroqa.json" >/dev/null
t scores import "$maps/zendesk-qa-sample.csv" --mapping "$maps/zendesk-qa.json" >/dev/null
for actor in opaque external_id email; do
  t export xapi --since 2000-01-01 --actor "$actor" --out "$work/statements-$actor.json" 2>/dev/null
  NODE_PATH="$npm_dir/node_modules" node "$here/validate.js" "$work/statements-$actor.json"
done
