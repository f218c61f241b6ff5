# Sourced by the whole-process benchmarks (bench/normalize.sh, bench/split.sh)
# from the project root, with their arguments: [CORPUS] [RUNS=5]. CORPUS
# defaults to a 110 MB Kazakh corpus made by bench/make-corpus.sh.
corpus=${1:-/tmp/kazprep-bench-kk.txt}
runs=${2:-5}
[ -f "$corpus" ] || bench/make-corpus.sh "$corpus" 110 >&2
kazprep=${KAZPREP:-build/kazprep}
bytes=$(stat -c %s "$corpus")

# measure NAME COMMAND...: runs COMMAND $runs times with $corpus on stdin and
# prints a table row "| NAME | median s | MB/s (median) | MB/s (best) | peak MB |"
# (MB = 10^6 bytes of $corpus, whose size is $bytes).
measure() {
  local name=$1; shift
  local times=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o /tmp/kazprep-bench.time "$@" < "$corpus" > /dev/null
    read -r t m < /tmp/kazprep-bench.time
    times+=("$t"); [ "$m" -gt "$peak" ] && peak=$m
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median best
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  best=$(echo "$sorted" | head -1)
  awk -v n="$name" -v m="$median" -v b="$best" -v p="$peak" -v s="$bytes" \
    'BEGIN { printf "| %s | %.2f | %.1f | %.1f | %d |\n", n, m, s/1e6/m, s/1e6/b, p/1024 }'
}
