#!/usr/bin/env bash
# Issue 8 figures, whole process, one run each (the corpora are large):
#  1. `kazprep normalize | kazprep split` peak memory (each process) on 100 MB
#     and on 1 GB of Kazakh news (bench/make-corpus.sh, by repetition);
#  2. 1 vs 2 threads for normalize, split and spm-encode on 100 MB, with a
#     byte-identical check;
#  3. normalize + split single-threaded against `wc -l` on the same 1 GB file.
# Usage: bench/scale.sh [WORK_DIR=/tmp/kazprep-scale]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/kazprep-scale}
mkdir -p "$work"
kazprep=${KAZPREP:-build/kazprep}
[ -f "$work/kk100.txt" ] || bench/make-corpus.sh "$work/kk100.txt" 100 >&2
[ -f "$work/kk1000.txt" ] || bench/make-corpus.sh "$work/kk1000.txt" 1000 >&2

seconds() { awk '{print $1}' "$1"; }
peak_mb() { awk '{printf "%.0f", $2/1024}' "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%F)"
echo
echo "| run | file | s | MB/s | peak MB (normalize / split) |"
echo "|---|---|---|---|---|"
for f in kk100 kk1000; do
  bytes=$(stat -c %s "$work/$f.txt")
  start=$(date +%s.%N)
  /usr/bin/time -f "%e %M" -o "$work/n.time" "$kazprep" normalize --lang kk --threads 1 < "$work/$f.txt" |
    /usr/bin/time -f "%e %M" -o "$work/s.time" "$kazprep" split --lang kk --threads 1 > /dev/null
  end=$(date +%s.%N)
  awk -v f="$f" -v b="$bytes" -v s="$start" -v e="$end" -v n="$(peak_mb "$work/n.time")" \
    -v p="$(peak_mb "$work/s.time")" \
    'BEGIN { printf "| normalize \\| split, 1 thread each | %s | %.1f | %.1f | %s / %s |\n", f, e-s, b/1e6/(e-s), n, p }'
done
echo
echo "| command (kk100, 100 MB) | 1 thread s | 2 threads s | speed-up | output |"
echo "|---|---|---|---|---|"
"$kazprep" normalize --lang kk --typos off < "$work/kk100.txt" > "$work/norm.txt"
head -n 100000 "$work/norm.txt" > "$work/train.txt"
"$kazprep" spm-train --input "$work/train.txt" --model-prefix "$work/m" --vocab-size 8000 2> /dev/null
for cmd in "normalize --lang kk" "normalize --lang kk --typos off" "split --lang kk" "spm-encode --model $work/m.model"; do
  in=$work/kk100.txt
  [[ $cmd == spm-encode* || $cmd == split* ]] && in=$work/norm.txt
  for t in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/t$t.time" $kazprep $cmd --threads $t < "$in" > "$work/out$t"
  done
  cmp -s "$work/out1" "$work/out2" && same=identical || same=DIFFERENT
  awk -v c="${cmd%% --model*}" -v a="$(seconds "$work/t1.time")" -v b="$(seconds "$work/t2.time")" -v s="$same" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %s |\n", c, a, b, a/b, s }'
done
echo
bytes=$(stat -c %s "$work/kk1000.txt")
/usr/bin/time -f "%e %M" -o "$work/wc.time" wc -l < "$work/kk1000.txt" > /dev/null
for typos in safe off; do
  start=$(date +%s.%N)
  "$kazprep" normalize --lang kk --typos $typos --threads 1 < "$work/kk1000.txt" |
    "$kazprep" split --lang kk --threads 1 > /dev/null
  end=$(date +%s.%N)
  awk -v b="$bytes" -v w="$(seconds "$work/wc.time")" -v s="$start" -v e="$end" -v t="$typos" \
    'BEGIN { printf "normalize (typos %s) | split, 1 thread: %.1f MB/s; wc -l: %.1f MB/s; ratio %.3f\n", t, b/1e6/(e-s), b/1e6/w, w/(e-s) }'
done
