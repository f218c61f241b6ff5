#!/usr/bin/env bash
# Issue 5: typo correction on the held-out typo sets of scripts/eval-typos.sh
# must not fall below what it measured when this test was written (precision
# first; the issue's own targets, 0.95 / 0.75 / 1 clean change per 2,000
# words, are met only in part, see bench/RESULTS.md). A change that moves
# these figures updates them here with the measurement that justifies it.
# Last: forms attested in web text (bench/RESULTS.md, fifth session): recall
# +0.05 on every set (dev 0.6875 -> 0.7396, X-WMT 0.7052 / 0.6971 -> 0.7548 /
# 0.7668), precision -0.005 on dev and -0.009 on dev-whole (one clean-side
# change more, `ақайғаны` -> `азайғаны`, a typo of the reference); then the
# lexicon's sole candidate: recall up to +0.02, the development set's
# clean-side changes 13 -> 15 (`көреткен`, `жабарлады`: typos of the
# reference, put right), which count against dev and dev-whole.
# Then keyboard costs (models/typos/keyboard.tsv: a far substitution costs
# two edits): dev 0.8944/0.7500 -> 0.9042/0.7865, tune 0.9439/0.7184 ->
# 0.9574/0.7468 (2.44 -> 2.09 clean), X-WMT 0.9589/0.7713 and 0.9701/0.7788
# -> 0.9837/0.8292 and 0.9882/0.8029 (0.33 -> 0.00 clean).
# Exit 77 (skipped) without ../shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${KAZPREP_SHARED:-$root/../shared}
if [ ! -d "$shared/data/ntrex128" ] || [ ! -d "$shared/data/xwmt" ]; then
  echo "SKIP: $shared/data is not present (a fresh clone has none)"
  exit 77
fi
export KAZPREP=${KAZPREP:-$root/build/kazprep}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
table=$(HUNSPELL_BASELINE=0 scripts/eval-typos.sh "$work" "$shared/data")
echo "$table"
status=0
check() {  # SET MIN_PRECISION MIN_RECALL MAX_CLEAN_CHANGES_PER_2000
  local row
  row=$(echo "$table" | awk -F' *[|] *' -v s="$1" '$2 == s { print $6, $7, $8 }')
  if [ -z "$row" ] || ! echo "$row" | awk -v p="$2" -v r="$3" -v c="$4" \
    '{ exit !($1 >= p && $2 >= r && $3 <= c) }'; then
    echo "FAIL: $1: precision, recall, clean changes ${row:-missing}; want >= $2, >= $3, <= $4"
    status=1
  fi
}
check dev 0.90 0.78 5.0
check tune 0.95 0.74 2.1
check xwmt-1 0.98 0.82 0.1
check xwmt-2 0.98 0.80 0.1
check dev-whole 0.84 0.86 5.0
exit $status
