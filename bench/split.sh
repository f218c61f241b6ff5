#!/usr/bin/env bash
# Issue 6: `kazprep split` next to ICU's sentence BreakIterator
# (bench/icu_split.cc), in the same run.
#  1. Whole-process speed, single thread, on the same corpus: median and best
#     of RUNS runs, MB/s (10^6 bytes) and peak memory; `cat` for scale.
#  2. F1 of both on the development sets (scripts/eval-split.sh, scored by
#     ../shared/eval/split_f1.py).
# Usage: bench/split.sh [CORPUS] [RUNS=5]
#   CORPUS defaults to a 110 MB Kazakh corpus made by bench/make-corpus.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh  # sets corpus, runs, bytes, kazprep from the arguments
icu=${ICU_SPLIT:-build/bench/icu_split}

echo "corpus: $corpus, $bytes bytes, $(wc -l < "$corpus") lines; $runs runs each; $(nproc) cores; $(date -u +%F)"
echo
echo "| command | median s | MB/s (median) | MB/s (best) | peak MB |"
echo "|---|---|---|---|---|"
measure "cat" cat
measure "icu_split --lang kk (ICU sentence BreakIterator)" "$icu" --lang kk
measure "kazprep split --lang kk --threads 1" "$kazprep" split --lang kk --threads 1
measure "kazprep split --lang kk --threads 2" "$kazprep" split --lang kk --threads 2
echo
echo "F1 on the development sets (scripts/eval-split.sh):"
echo
echo "| set | kazprep split | ICU BreakIterator |"
echo "|---|---|---|"
ours=$(scripts/eval-split.sh "$kazprep split")
theirs=$(scripts/eval-split.sh "$icu")
join <(echo "$ours" | awk '{ sub("F1=", "", $NF); print $1, $NF }' | sort) \
     <(echo "$theirs" | awk '{ sub("F1=", "", $NF); print $1, $NF }' | sort) |
  awk '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
