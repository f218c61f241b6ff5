#!/usr/bin/env bash
# Issue 3, acceptance 4: news sentences with injected noise normalize to what
# their clean originals normalize to on at least 99.5% of lines, for kk, ru and
# en (dev sets built from ../shared/data by scripts/make-noise-devset.py).
# Exit 77 (skipped) when the shared data is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${KAZPREP_SHARED_DATA:-$root/../shared/data}
if [ ! -d "$data" ]; then
  echo "SKIP: $data is not present (a fresh clone has none)"
  exit 77
fi
export KAZPREP=${KAZPREP:-$root/build/kazprep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in kk ru en; do
  python3 "$root/scripts/make-noise-devset.py" --lang "$lang" --data-dir "$data" \
    --out-prefix "$tmp/$lang" > /dev/null
  MIN_RATE=99.5 "$root/scripts/eval-normalizer.sh" "$tmp/$lang" "$lang" 2> "$tmp/$lang.err" \
    | sed -n '1,4p'
done
