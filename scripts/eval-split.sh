#!/bin/bash
# Scores a sentence splitter on the development sets of issue 6 with
# ../shared/eval/split_f1.py. Usage:
#   scripts/eval-split.sh [SPLITTER_CMD]    (default: build/kazprep split)
# SPLITTER_CMD is run as `SPLITTER_CMD --lang L < paragraphs > sentences`
# (e.g. "build/bench/icu_split" for ICU's BreakIterator). Prints one line per
# set; with SHOW=N also the first N errors of each set. Needs ../shared/data.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${KAZPREP_SHARED:-$here/../shared}/data
scorer=${KAZPREP_SHARED:-$here/../shared}/eval/split_f1.py
cmd=${1:-$here/build/kazprep split}
if [[ ! -d $data/ud_kk_ktb || ! -f $scorer ]]; then
  echo "eval-split: skipped, ../shared/data or ../shared/eval is absent" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# set name, language, paragraphs, gold sentences
run() {
  local name=$1 lang=$2 paras=$3 gold=$4
  $cmd --lang "$lang" < "$paras" > "$tmp/$name.out"
  printf '%-22s ' "$name"
  python3 "$scorer" score --paras "$paras" --gold "$gold" --pred "$tmp/$name.out" --show "${SHOW:-0}"
}
run ktb-docs kk "$data/ud_kk_ktb/kk_ktb-ud-test.docs.txt" "$data/ud_kk_ktb/kk_ktb-ud-test.sents.txt"
# Taiga: lines 1 and 2 of the paragraphs are not paragraphs (122 unrelated
# sentences joined; see SOURCES.md): scored from line 3.
tail -n +3 "$data/ud_ru_taiga/ru_taiga-ud-test.paras.txt" > "$tmp/taiga.paras"
tail -n +123 "$data/ud_ru_taiga/ru_taiga-ud-test.sents.txt" > "$tmp/taiga.sents"
run taiga-paras-from-3 ru "$tmp/taiga.paras" "$tmp/taiga.sents"
run pud-docs ru "$data/ud_ru_pud/ru_pud-ud-test.docs.txt" "$data/ud_ru_pud/ru_pud-ud-test.sents.txt"
run ewt-paras en "$data/ud_en_ewt/en_ewt-ud-test.paras.txt" "$data/ud_en_ewt/en_ewt-ud-test.sents.txt"
# Like the held-out news sets (acceptance 2): gold sentences that end in
# punctuation, in paragraphs of 10.
for set in "ktb kk ud_kk_ktb/kk_ktb-ud-test" "pud ru ud_ru_pud/ru_pud-ud-test"; do
  read -r name lang file <<< "$set"
  python3 "$scorer" punctuated --gold "$data/$file.sents.txt" > "$tmp/$name.punct"
  python3 "$scorer" paras --gold "$tmp/$name.punct" --chunk 10 > "$tmp/$name.punct.paras"
  run "$name-punctuated" "$lang" "$tmp/$name.punct.paras" "$tmp/$name.punct"
done
ex=${KAZPREP_SHARED:-$here/../shared}/examples
run seed kk "$ex/seed-news.kk.normalized.txt" "$ex/seed-news.kk.sentences.txt"
