#!/usr/bin/env bash
# Builds models/typos/kk.lexicon.tsv, the default Kazakh lexicon (model card:
# models/typos/README.md), from ../shared/data. Run from the repository root.
#   scripts/build-lexicon.sh [DATA=../shared/data] [OUT=models/typos/kk.lexicon.tsv] [LEAVE_OUT...]
# LEAVE_OUT names source files (by base name, e.g. kaz_Cyrl.devtest) to leave
# out: the lexicons that held-out typo sets are scored against
# (scripts/eval-typos.sh).
set -euo pipefail
data=${1:-../shared/data}
out=${2:-models/typos/kk.lexicon.tsv}
shift $(($# < 2 ? $# : 2))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n 1609 "$data/ntrex128/newstest2019-ref.kaz.txt" > "$tmp/ntrex-kaz-train.txt"   # lines 1610- are the typo dev set
cut -f2 "$data/kaznerd/kaznerd_test.tok.tsv" "$data/kaznerd/kaznerd_valid.tok.tsv" > "$tmp/kaznerd-text.txt"
sources=()
for f in "$data/flores200_devtest/kaz_Cyrl.devtest" "$tmp/ntrex-kaz-train.txt" \
  "$data/ud_kk_ktb/kk_ktb-ud-test.sents.txt" "$data/ud_kk_ktb/kk_ktb-ud-train.sents.txt" \
  "$data/tatoeba/kaz-rus.tatoeba-test-v2021-08-07.kaz" "$data/tatoeba/eng-kaz.tatoeba-test-v2021-08-07.kaz" \
  "$tmp/kaznerd-text.txt" "$data/xwmt/xwmt.kk-en-ru.kk" "$data"/apertium_kaz_rus_corpus/CORPUS/*kaz*; do
  keep=1
  for name in "$@"; do [ "$(basename "$f")" = "$name" ] && keep=0; done
  [ "$keep" = 1 ] && sources+=("$f")
done
"${KAZPREP:-build/kazprep}" lexicon build --lang kk --min-count 1 --min-bigram-count 1 -o "$out" "${sources[@]}"
