#!/usr/bin/env bash
# Issue 7, acceptance 1: the kk-ru, kk-en and ru-en pairs of FLORES devtest,
# NTREX, Tatoeba, X-WMT and PUD (../shared/data) go through `kazprep run`;
# for every pair the outputs have equal line counts; spm-decode of every
# output line equals the normalized sentence it came from; no dev or test
# sentence occurs in any training file. Exit 77 (skipped) without the data.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${KAZPREP_SHARED_DATA:-$root/../shared/data}
if [ ! -d "$data/flores200_devtest" ]; then
  echo "SKIP: $data is not present (a fresh clone has none)"
  exit 77
fi
kazprep=${KAZPREP:-$root/build/kazprep}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
f=$data/flores200_devtest n=$data/ntrex128 t=$data/tatoeba x=$data/xwmt/xwmt.kk-en-ru
cat > "$work/job.ini" <<INI
output-dir = $work/out
vocab-size = 8000
dev-size = 300
test-size = 300
[pair]
kk-ru = $f/kaz_Cyrl.devtest | $f/rus_Cyrl.devtest
kk-en = $f/kaz_Cyrl.devtest | $f/eng_Latn.devtest
ru-en = $f/rus_Cyrl.devtest | $f/eng_Latn.devtest
kk-ru = $n/newstest2019-ref.kaz.txt | $n/newstest2019-ref.rus.txt
kk-en = $n/newstest2019-ref.kaz.txt | $n/newstest2019-src.eng.txt
ru-en = $n/newstest2019-ref.rus.txt | $n/newstest2019-src.eng.txt
kk-ru = $t/kaz-rus.tatoeba-test-v2021-08-07.kaz | $t/kaz-rus.tatoeba-test-v2021-08-07.rus
kk-en = $t/eng-kaz.tatoeba-test-v2021-08-07.kaz | $t/eng-kaz.tatoeba-test-v2021-08-07.eng
kk-ru = $x.kk | $x.ru
kk-en = $x.kk | $x.en
ru-en = $x.ru | $x.en
ru-en = $data/ud_ru_pud/ru_pud-ud-test.sents.txt | $data/ud_ru_pud/ru_pud-ud-test.english_text.txt
INI
start=$(date +%s)
"$kazprep" run --config "$work/job.ini" > "$work/run.log"
echo "kazprep run over the shared pairs: $(( $(date +%s) - start )) s"
out=$work/out
status=0
fail() { echo "FAIL: $*"; status=1; }
for pair in kk-ru kk-en ru-en; do
  s=${pair%-*} g=${pair#*-}
  for part in train dev test; do
    a=$(wc -l < "$out/text/$part.$pair.$s") b=$(wc -l < "$out/text/$part.$pair.$g")
    c=$(wc -l < "$out/$part.$pair.$s") d=$(wc -l < "$out/$part.$pair.$g")
    [ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$a" = "$d" ] || fail "$part.$pair: $a $b $c $d lines"
    [ "$a" -gt 0 ] || fail "$part.$pair is empty"
    echo "$part.$pair: $a lines"
    for lang in "$s" "$g"; do
      "$kazprep" spm-decode --model "$out/spm.model" "$out/$part.$pair.$lang" |
        cmp -s - "$out/text/$part.$pair.$lang" || fail "spm-decode($part.$pair.$lang) differs from the text"
    done
  done
done
# No dev or test sentence (of a language) in any training file of that
# language, also as one sentence of a longer line (both sides split with
# kazprep split).
python3 - "$out" "$kazprep" <<'PY' || status=1
import glob, os, subprocess, sys
out, kazprep = sys.argv[1], sys.argv[2]
def sentences(path, lang):
    text = subprocess.run([kazprep, "split", "--lang", lang, path], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")
    lines = set(open(path, encoding="utf-8").read().split("\n"))
    return (set(text.split("\n")) | lines) - {""}
held, train = {}, {}
for path in glob.glob(os.path.join(out, "text", "*.*-*.*")) + glob.glob(os.path.join(out, "text", "mono.*")):
    name = os.path.basename(path)
    lang = name.rsplit(".", 1)[1]
    kind = name.split(".")[0]
    if kind in ("dev", "test"):
        held.setdefault(lang, set()).update(sentences(path, lang))
    elif kind in ("train", "mono"):
        train.setdefault(lang, set()).update(sentences(path, lang))
bad = sum(len(held[l] & train.get(l, set())) for l in held)
print("dev/test sentences also in train (lines or their sentences): %d (of %d held-out sentences)"
      % (bad, sum(len(v) for v in held.values())))
sys.exit(1 if bad else 0)
PY
exit $status
