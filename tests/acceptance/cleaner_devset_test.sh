#!/usr/bin/env bash
# Issue 4, acceptance 2: documents of real news sentences wrapped in site
# templates (scripts/make-clean-devset.py, from ../shared/data): at least 99.5%
# of article lines kept and at least 95% of template lines dropped, for kk, ru
# and en. Exit 77 (skipped) when the shared data is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${KAZPREP_SHARED_DATA:-$root/../shared/data}
if [ ! -d "$data" ]; then
  echo "SKIP: $data is not present (a fresh clone has none)"
  exit 77
fi
kazprep=${KAZPREP:-$root/build/kazprep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in kk ru en; do
  python3 "$root/scripts/make-clean-devset.py" --lang "$lang" --data-dir "$data" \
    --out-prefix "$tmp/$lang" > /dev/null
  "$kazprep" clean --lang "$lang" --rejects "$tmp/$lang.rejects.tsv" "$tmp/$lang.txt" \
    > "$tmp/$lang.kept.txt"
  echo "== $lang"
  python3 "$root/scripts/eval_clean.py" "$tmp/$lang" "$tmp/$lang.rejects.tsv" \
    --min-kept 99.5 --min-dropped 95 2> /dev/null | sed -n '2,5p'
done
