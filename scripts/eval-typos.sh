#!/usr/bin/env bash
# Issue 5 figures: typo correction scored on synthetic typos in sentences kept
# out of the lexicon they are corrected with (scripts/make-typo-devset.py,
# scripts/eval_typos.py). Run after a build (KAZPREP: the binary, default
# build/kazprep):
#   scripts/eval-typos.sh [WORK=/tmp/kazprep-typos] [DATA=../shared/data]
# Sets (5% of the longer lower-case words get a typo unless said otherwise):
#   dev         NTREX Kazakh lines 1610-1997, seed 1, the shipped lexicon
#               (which leaves those lines out)
#   tune        FLORES devtest, seed 2, a lexicon without FLORES and X-WMT:
#               the set the corrector's constants were chosen on
#   flores-3..6 the same sentences and lexicon, seeds 3 to 6
#   xwmt-1, -2  the Kazakh side of X-WMT, seeds 1 and 2, a lexicon without X-WMT
#   dev-whole, tune-whole    whole words typed on a Russian keyboard (--whole-word --rate 0.1)
#   dev-second, tune-second  half the typos with a second one on top (--second 0.5)
#   dev-hunspell the dev set corrected by Hunspell-kk's first suggestion
#               (scripts/hunspell-first-suggestion.py), the baseline; 45 s,
#               left out with HUNSPELL_BASELINE=0
# "clean" is the changes made to the same sentences without typos, per 2,000
# words (real typos of the reference count as changes).
set -euo pipefail
work=${1:-/tmp/kazprep-typos}
data=${2:-../shared/data}
kazprep=${KAZPREP:-build/kazprep}
mkdir -p "$work"
for name in noflores noxwmt; do
  rm -rf "${work:?}/$name"
  cp -r models "$work/$name"
done
scripts/build-lexicon.sh "$data" "$work/noflores/typos/kk.lexicon.tsv" kaz_Cyrl.devtest xwmt.kk-en-ru.kk 2> /dev/null
scripts/build-lexicon.sh "$data" "$work/noxwmt/typos/kk.lexicon.tsv" xwmt.kk-en-ru.kk 2> /dev/null
sed -n 1610,1997p "$data/ntrex128/newstest2019-ref.kaz.txt" | "$kazprep" normalize --lang kk --typos off > "$work/dev.txt"
"$kazprep" normalize --lang kk --typos off "$data/flores200_devtest/kaz_Cyrl.devtest" > "$work/flores.txt"
"$kazprep" normalize --lang kk --typos off "$data/xwmt/xwmt.kk-en-ru.kk" > "$work/xwmt.txt"

echo "| set | typos | corrected | wrong changes | precision | recall | clean changes per 2,000 words |"
echo "|---|---|---|---|---|---|---|"
# score NAME SOURCE RULES make-typo-devset options...
score() {
  local name=$1 source=$2 rules=$3
  shift 3
  python3 scripts/make-typo-devset.py --input "$work/$source.txt" --out-prefix "$work/$name" "$@" > /dev/null
  local args=(normalize --lang kk --threads 1)
  [ -n "$rules" ] && args+=(--rules "$work/$rules")
  for side in noisy clean; do "$kazprep" "${args[@]}" "$work/$name.$side" > "$work/$name.$side.fixed"; done
  table_row "$name" "$work/$name" "$work/$name.noisy.fixed" "$work/$name.clean.fixed"
}
# table_row NAME PREFIX FIXED_NOISY FIXED_CLEAN
table_row() {
  local name=$1
  python3 scripts/eval_typos.py "$2" "$3" "$4" 2> /dev/null |
    awk -v n="$name" '/^words/ { gsub(",", ""); t = $4; c = $6; w = $9 }
      /^precision/ { p = $2; r = $4 } /^changes on clean/ { k = $(NF - 3) }
      END { printf "| %s | %d | %d | %d | %s | %s | %s |\n", n, t, c, w, p, r, k }'
}
score dev dev "" --seed 1
score tune flores noflores --seed 2
for seed in 3 4 5 6; do score "flores-$seed" flores noflores --seed "$seed"; done
score xwmt-1 xwmt noxwmt --seed 1
score xwmt-2 xwmt noxwmt --seed 2
score dev-whole dev "" --seed 1 --whole-word --rate 0.1
score tune-whole flores noflores --seed 2 --whole-word --rate 0.1
score dev-second dev "" --seed 1 --second 0.5
score tune-second flores noflores --seed 2 --second 0.5
[ "${HUNSPELL_BASELINE:-1}" = 1 ] || exit 0
for side in noisy clean; do
  python3 scripts/hunspell-first-suggestion.py /usr/share/hunspell/kk_KZ < "$work/dev.$side" > "$work/dev.$side.hunspell"
done
table_row dev-hunspell "$work/dev" "$work/dev.noisy.hunspell" "$work/dev.clean.hunspell"
