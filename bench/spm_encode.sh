#!/usr/bin/env bash
# Issue 7: `kazprep spm-encode` next to Debian's `spm_encode` (same model,
# same file, same run): whole-process time, median and best of RUNS runs.
# The text is the benchmark corpus normalized (kk, typos off); the model a
# unigram model of 8000 pieces trained by kazprep on its first 100,000 lines.
# Also checks that both write the same pieces.
# Usage: bench/spm_encode.sh [CORPUS] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh  # sets corpus, runs, bytes, kazprep from the arguments
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kazprep" normalize --lang kk --typos off < "$corpus" > "$work/text"
head -n 100000 "$work/text" > "$work/train"
"$kazprep" spm-train --input "$work/train" --model-prefix "$work/m" --vocab-size 8000 2> /dev/null
corpus=$work/text
bytes=$(stat -c %s "$corpus")
spm_encode --model "$work/m.model" < "$corpus" > "$work/a"
"$kazprep" spm-encode --model "$work/m.model" --threads 2 < "$corpus" > "$work/b"
cmp -s "$work/a" "$work/b" && same="identical" || same="DIFFERENT"

echo "text: $corpus normalized, $bytes bytes, $(wc -l < "$corpus") lines; model: 8000 pieces;" \
  "$runs runs each; $(nproc) cores; $(date -u +%F); outputs $same"
echo
echo "| command | median s | MB/s (median) | MB/s (best) | peak MB |"
echo "|---|---|---|---|---|"
measure "spm_encode (Debian sentencepiece $(dpkg-query -W -f='${Version}' sentencepiece))" \
  spm_encode --model "$work/m.model"
measure "kazprep spm-encode --threads 1" "$kazprep" spm-encode --model "$work/m.model" --threads 1
measure "kazprep spm-encode --threads 2" "$kazprep" spm-encode --model "$work/m.model" --threads 2
