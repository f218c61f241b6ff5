#!/usr/bin/env bash
# Checks the line contracts of the kazprep binary on every file under a data
# folder (default ../shared/data): normalize keeps the line count, split keeps
# every non-space character, and spm-decode(spm-encode(x)) == x for every line
# of the split output (model trained on the embedded example's job).
# Usage: scripts/check-contracts.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
kazprep=build/kazprep
[ -x "$kazprep" ] || { echo "check-contracts: build first (scripts/build.sh)" >&2; exit 1; }
[ -d "$data" ] || { echo "check-contracts: no data folder $data" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kazprep" run --output-dir "$tmp/job" > /dev/null
model="$tmp/job/spm.model"
files=0; failed=0
while IFS= read -r -d '' f; do
  files=$((files + 1))
  lines_in=$(awk 'END { print NR }' "$f")
  lines_out=$("$kazprep" normalize --threads 2 "$f" | awk 'END { print NR }')
  "$kazprep" split --threads 2 "$f" > "$tmp/split"
  "$kazprep" spm-encode --threads 2 --model "$model" "$tmp/split" \
    | "$kazprep" spm-decode --threads 2 --model "$model" > "$tmp/back"
  same_chars=$(python3 - "$f" "$tmp/split" <<'PY'
import sys
strip = lambda p: "".join(open(p, encoding="utf-8", errors="surrogateescape").read().split())
print("yes" if strip(sys.argv[1]) == strip(sys.argv[2]) else "no")
PY
)
  if [ "$lines_in" != "$lines_out" ] || [ "$same_chars" != yes ] || ! cmp -s "$tmp/split" "$tmp/back"; then
    echo "FAIL $f: lines $lines_in -> $lines_out, split keeps characters: $same_chars, spm round trip: $(cmp -s "$tmp/split" "$tmp/back" && echo yes || echo no)"
    failed=$((failed + 1))
  fi
done < <(find "$data" -type f -print0 | sort -z)
echo "check-contracts: $files files, $failed failed"
[ "$failed" -eq 0 ]
