#!/usr/bin/env bash
# Issue 6, acceptance 1: F1 of `kazprep split` on the development sets
# (scripts/eval-split.sh, scored by ../shared/eval/split_f1.py) at least:
# UD KTB documents 0.97, UD Taiga paragraphs from line 3 0.90, UD PUD
# documents 0.995, UD EWT paragraphs 0.85; and the seed article splits exactly
# into seed-news.kk.sentences.txt. Exit 77 (skipped) without ../shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${KAZPREP_SHARED:-$root/../shared}
if [ ! -d "$shared/data/ud_kk_ktb" ] || [ ! -f "$shared/eval/split_f1.py" ]; then
  echo "SKIP: $shared/data or $shared/eval is not present (a fresh clone has none)"
  exit 77
fi
kazprep=${KAZPREP:-$root/build/kazprep}
scores=$(KAZPREP_SHARED=$shared "$root/scripts/eval-split.sh" "$kazprep split")
echo "$scores"
status=0
check() {  # SET MIN_F1
  local f1
  f1=$(echo "$scores" | awk -v s="$1" '$1 == s { sub("F1=", "", $NF); print $NF }')
  if [ -z "$f1" ] || ! awk -v f="$f1" -v m="$2" 'BEGIN { exit !(f >= m) }'; then
    echo "FAIL: $1 F1 ${f1:-missing} < $2"
    status=1
  fi
}
check ktb-docs 0.97
check taiga-paras-from-3 0.90
check pud-docs 0.995
check ewt-paras 0.85
if ! "$kazprep" split --lang kk "$shared/examples/seed-news.kk.normalized.txt" |
    diff - "$shared/examples/seed-news.kk.sentences.txt"; then
  echo "FAIL: the seed does not split into seed-news.kk.sentences.txt"
  status=1
fi
exit $status
