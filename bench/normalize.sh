#!/usr/bin/env bash
# Whole-process speed of `kazprep normalize` (single thread) next to
# `uconv -x any-nfc` (Debian icu-devtools) and `cat`, on the same corpus in the
# same run: median and best of RUNS runs, MB/s (10^6 bytes) and peak memory.
# Usage: bench/normalize.sh [CORPUS] [RUNS=5]
#   CORPUS defaults to a 110 MB Kazakh corpus made by bench/make-corpus.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh  # sets corpus, runs, bytes, kazprep from the arguments

echo "corpus: $corpus, $bytes bytes; $runs runs each; $(nproc) cores; $(date -u +%F)"
echo
echo "| command | median s | MB/s (median) | MB/s (best) | peak MB |"
echo "|---|---|---|---|---|"
measure "cat" cat
measure "uconv -x any-nfc" uconv -x any-nfc
measure "kazprep normalize --lang kk --typos off --threads 1" "$kazprep" normalize --lang kk --typos off --threads 1
measure "kazprep normalize --lang kk --threads 1 (typos safe, the default)" "$kazprep" normalize --lang kk --threads 1
measure "kazprep normalize --lang kk --threads 2 (typos safe)" "$kazprep" normalize --lang kk --threads 2
