#!/usr/bin/env bash
# Lines per second of `kazprep langid` and `kazprep clean` (single thread and
# two), whole process, on FLORES devtest kk+ru+en repeated to about 300,000
# lines. Usage: bench/langid.sh [DATA_DIR=../shared/data]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
kazprep=${KAZPREP:-build/kazprep}
corpus=$(mktemp)
trap 'rm -f "$corpus"' EXIT
for _ in $(seq 100); do
  cat "$data"/flores200_devtest/{kaz_Cyrl,rus_Cyrl,eng_Latn}.devtest
done > "$corpus"
lines=$(wc -l < "$corpus")
echo "corpus: FLORES devtest kk, ru, en x100: $lines lines, $(stat -c %s "$corpus") bytes; $(date -u +%F)"
echo
echo "| command | seconds | lines/s |"
echo "|---|---|---|"
for cmd in "langid --threads 1" "langid --threads 2" "clean --lang kk --threads 1" "clean --lang kk --threads 2"; do
  /usr/bin/time -f "%e" -o /tmp/kazprep-langid.time $kazprep $cmd "$corpus" > /dev/null
  t=$(cat /tmp/kazprep-langid.time)
  awk -v c="kazprep $cmd" -v t="$t" -v n="$lines" 'BEGIN { printf "| %s | %.2f | %.0f |\n", c, t, n / t }'
done
