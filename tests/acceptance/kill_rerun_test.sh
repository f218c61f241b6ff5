#!/usr/bin/env bash
# Issue 9, acceptance 4: `kill -9` during `kazprep run`, then a re-run, gives
# byte-identical results to an uninterrupted run, and no partial file ever
# exists under a final name: at each kill, every file of the output folder
# under its final name equals the uninterrupted run's file (temporary files
# NAME.tmp.PID aside, which the re-run removes). Kills land at KILL_POINTS
# (fractions of an uninterrupted run: text stage, training, encoding, end); the corpus is
# made from examples/ with numbered variations so a run takes a few seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kazprep=${KAZPREP:-$root/build/kazprep}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
ex=$root/examples
# Numbered variations of the example lines: different sentences, same style.
for i in $(seq 1 40); do
  sed "s/\([0-9][0-9]*\)/\1$i/g; s/\$/ ($i)/" "$ex/parallel.kk-ru.tsv" | awk -F'\t' 'NF == 2 { print $1 " " NR "\t" $2 " " NR }'
done > "$work/in/kk-ru.tsv"
for i in $(seq 1 40); do sed "s/\([0-9][0-9]*\)/\1$i/g" "$ex/parallel.kk-en.tsv"; done > "$work/in/kk-en.tsv"
for i in $(seq 1 60); do sed "s/\$/ $i./" "$ex/news.kk.raw.txt"; done > "$work/in/news.kk"
cat > "$work/job.ini" <<INI
output-dir = out
vocab-size = 2000
dev-size = 50
test-size = 50
[mono]
kk = in/news.kk
[pair]
kk-ru = in/kk-ru.tsv
kk-en = in/kk-en.tsv
INI
cd "$work"
start=$(date +%s.%N)
"$kazprep" run --config job.ini --output-dir ref --threads 2 > ref.log
total=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
echo "uninterrupted run: $total s"

status=0
fail() { echo "FAIL: $*"; status=1; }
# Files under their final names (not temporaries, not the bookkeeping of
# stamps and shards, not the report that holds times).
final_files() {
  (cd "$1" && find . -type f ! -name '*.tmp.*' ! -path './.stages/*' ! -path './shards/*' \
    ! -name 'report.json' ! -name 'report.md' | sort)
}
kills=0
for fraction in ${KILL_POINTS:-0.1 0.35 0.6 0.9}; do
  rm -rf out
  delay=$(awk -v t="$total" -v f="$fraction" 'BEGIN { printf "%.3f", t * f }')
  "$kazprep" run --config job.ini --threads 2 > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    kills=$((kills + 1))
  fi
  wait "$pid" 2>/dev/null || true
  # Nothing under a final name that differs from the uninterrupted run.
  [ -d out ] || continue
  n=0
  while read -r f; do
    n=$((n + 1))
    cmp -s "out/$f" "ref/$f" || fail "killed at ${delay}s: $f exists but differs from the uninterrupted run's"
  done < <(final_files out)
  temps=$(find out -name '*.tmp.*' | wc -l)
  echo "killed at ${delay} s: $n complete files, $temps temporary files"
  # The re-run resumes and ends with the same files.
  "$kazprep" run --config job.ini --threads 2 > rerun.log
  [ "$(find out -name '*.tmp.*' | wc -l)" = 0 ] || fail "temporary files left after the re-run"
  diff <(final_files out) <(final_files ref) > /dev/null || fail "the re-run wrote other files"
  while read -r f; do
    cmp -s "out/$f" "ref/$f" || fail "after the re-run (killed at ${delay}s): $f differs"
  done < <(final_files ref)
done
[ "$kills" -ge 3 ] || fail "only $kills runs were still going when killed (the job is too short)"
echo "$kills kills; re-runs equal the uninterrupted run: $([ $status = 0 ] && echo yes || echo no)"
exit "$status"
