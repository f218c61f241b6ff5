#!/usr/bin/env bash
# Builds a benchmark corpus of Kazakh news from ../shared/data by repetition.
# Usage: bench/make-corpus.sh OUT_FILE [MEGABYTES=110] [DATA_DIR=../shared/data]
# Sources: the raw Kazakh web news of the apertium corpus (with its real noise),
# NTREX and FLORES Kazakh references, UD Kazakh KTB and the Tatoeba kk-ru set.
set -euo pipefail
out=${1:?usage: bench/make-corpus.sh OUT_FILE [MEGABYTES] [DATA_DIR]}
mb=${2:-110}
data=${3:-$(dirname "$0")/../../shared/data}
[ -d "$data" ] || { echo "make-corpus: no data folder $data" >&2; exit 1; }
one=$(mktemp)
trap 'rm -f "$one"' EXIT
for f in "$data"/apertium_kaz_rus_corpus/CORPUS/*kaz* \
         "$data"/ntrex128/newstest2019-ref.kaz.txt \
         "$data"/flores200_devtest/kaz_Cyrl.devtest \
         "$data"/ud_kk_ktb/kk_ktb-ud-test.sents.txt \
         "$data"/tatoeba/kaz-rus.tatoeba-test-v2021-08-07.kaz; do
  cat "$f"
  [ -z "$(tail -c 1 "$f")" ] || echo  # files without a final newline
done > "$one"
size=$(stat -c %s "$one")
target=$((mb * 1000 * 1000))
: > "$out.tmp"
while [ "$(stat -c %s "$out.tmp")" -lt "$target" ]; do cat "$one" >> "$out.tmp"; done
mv "$out.tmp" "$out"
echo "make-corpus: $out, $(stat -c %s "$out") bytes ($((size)) bytes of source text repeated)"
