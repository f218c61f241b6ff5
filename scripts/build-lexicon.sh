#!/usr/bin/env bash
# Builds models/typos/kk.lexicon.tsv, the default Kazakh lexicon (model card:
# models/typos/README.md), from ../shared/data. Run from the repository root.
set -euo pipefail
data=${1:-../shared/data}
head -n 1609 "$data/ntrex128/newstest2019-ref.kaz.txt" > /tmp/ntrex-kaz-train.txt   # lines 1610- are the typo dev set
cut -f2 "$data/kaznerd/kaznerd_test.tok.tsv" "$data/kaznerd/kaznerd_valid.tok.tsv" > /tmp/kaznerd-text.txt
build/kazprep lexicon build --lang kk --min-count 1 --min-bigram-count 1 -o models/typos/kk.lexicon.tsv \
  "$data/flores200_devtest/kaz_Cyrl.devtest" /tmp/ntrex-kaz-train.txt \
  "$data/ud_kk_ktb/kk_ktb-ud-test.sents.txt" "$data/ud_kk_ktb/kk_ktb-ud-train.sents.txt" \
  "$data/tatoeba/kaz-rus.tatoeba-test-v2021-08-07.kaz" "$data/tatoeba/eng-kaz.tatoeba-test-v2021-08-07.kaz" \
  /tmp/kaznerd-text.txt "$data/xwmt/xwmt.kk-en-ru.kk" "$data"/apertium_kaz_rus_corpus/CORPUS/*kaz*
