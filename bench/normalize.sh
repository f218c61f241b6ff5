#!/usr/bin/env bash
# Whole-process speed of `kazprep normalize` (single thread) next to
# `uconv -x any-nfc` (Debian icu-devtools) and `cat`, on the same corpus in the
# same run: median and best of RUNS runs, MB/s (10^6 bytes) and peak memory.
# Usage: bench/normalize.sh [CORPUS] [RUNS=5]
#   CORPUS defaults to a 110 MB Kazakh corpus made by bench/make-corpus.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/kazprep-bench-kk.txt}
runs=${2:-5}
[ -f "$corpus" ] || bench/make-corpus.sh "$corpus" 110 >&2
kazprep=${KAZPREP:-build/kazprep}
bytes=$(stat -c %s "$corpus")

measure() {  # NAME COMMAND...: prints "NAME median best peakKB"
  local name=$1; shift
  local times=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o /tmp/kazprep-bench.time "$@" < "$corpus" > /dev/null
    read -r t m < /tmp/kazprep-bench.time
    times+=("$t"); [ "$m" -gt "$peak" ] && peak=$m
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median best
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  best=$(echo "$sorted" | head -1)
  awk -v n="$name" -v m="$median" -v b="$best" -v p="$peak" -v s="$bytes" \
    'BEGIN { printf "| %s | %.2f | %.1f | %.1f | %d |\n", n, m, s/1e6/m, s/1e6/b, p/1024 }'
}

echo "corpus: $corpus, $bytes bytes; $runs runs each; $(nproc) cores; $(date -u +%F)"
echo
echo "| command | median s | MB/s (median) | MB/s (best) | peak MB |"
echo "|---|---|---|---|---|"
measure "cat" cat
measure "uconv -x any-nfc" uconv -x any-nfc
measure "kazprep normalize --lang kk --typos off --threads 1" "$kazprep" normalize --lang kk --typos off --threads 1
measure "kazprep normalize --lang kk --threads 1 (typos safe, the default)" "$kazprep" normalize --lang kk --threads 1
measure "kazprep normalize --lang kk --threads 2 (typos safe)" "$kazprep" normalize --lang kk --threads 2
