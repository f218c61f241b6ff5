#!/usr/bin/env bash
# Issue 8, acceptance 4: the Snakemake workflow (scripts/Snakefile) on a small
# sharded corpus, run twice, locally with 2 cores and through a single-node
# Slurm cluster (scripts/slurm-cluster.sh), each output compared byte for
# byte with one `kazprep run` of the same config. Exit 77 (skipped, with the
# reason) when snakemake is missing; the Slurm half is skipped with a message
# where a cluster cannot be started (not root, slurm-wlm/munge missing), and
# fails when KAZPREP_REQUIRE_SLURM=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kazprep=${KAZPREP:-$root/build/kazprep}
if ! command -v snakemake >/dev/null; then
  echo "SKIP: snakemake is not installed (scripts/setup.sh installs it)"
  exit 77
fi
work=$(mktemp -d)
cluster_up=0
cleanup() {
  [ "$cluster_up" = 1 ] && "$root/scripts/slurm-cluster.sh" down "$work/slurm" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# The corpus, from the examples: each file twice (duplicates across shards),
# a pair as two line-aligned files, a CRLF copy, and FLORES when present.
ex=$root/examples
in=$work/input
mkdir -p "$in"
cat "$ex/parallel.kk-ru.tsv" "$ex/parallel.kk-ru.tsv" > "$in/kk-ru.tsv"
cut -f1 "$ex/parallel.kk-en.tsv" > "$in/a.kk"
cut -f2 "$ex/parallel.kk-en.tsv" > "$in/a.en"
cat "$in/a.kk" "$in/a.kk" > "$in/kk-en.kk"
cat "$in/a.en" "$in/a.en" > "$in/kk-en.en"
cat "$ex/news.kk.raw.txt" "$ex/news.kk.raw.txt" > "$in/news.kk"
sed 's/$/\r/' "$ex/news.kk.raw.txt" > "$in/news-crlf.kk"
cat > "$work/job.ini" <<INI
output-dir = out-run
vocab-size = 500
dev-size = 8
test-size = 8
spm-sample = 150
[mono]
kk = input/news.kk
kk = input/news-crlf.kk
[pair]
kk-ru = input/kk-ru.tsv
kk-en = input/kk-en.kk | input/kk-en.en
INI
flores=${KAZPREP_SHARED_DATA:-$root/../shared/data}/flores200_devtest
if [ -d "$flores" ]; then
  echo "ru-en = $flores/rus_Cyrl.devtest | $flores/eng_Latn.devtest" >> "$work/job.ini"
  echo "(with FLORES ru-en from $flores)"
fi

"$kazprep" run --config "$work/job.ini" > "$work/run.log"
status=0
compare() {  # compare the output folder $1 with out-run
  local out=$1 what=$2
  if diff -r -x report.json -x report.md -x .stages -x shards -x .workflow \
      "$work/out-run" "$out" > "$work/diff.txt"; then
    echo "PASS: $what equals kazprep run ($(find "$out" -maxdepth 2 -type f -not -path '*/.*' | wc -l) files)"
  else
    echo "FAIL: $what differs from kazprep run:"
    head -20 "$work/diff.txt"
    status=1
  fi
}
smk() {  # smk OUT_DIR SNAKEMAKE_OPTIONS...
  local out=$1
  shift
  snakemake -s "$root/scripts/Snakefile" --quiet "$@" \
    --config job="$work/job.ini" out="$out" shards=3 threads=1 kazprep="$kazprep"
}

start=$(date +%s)
if smk "$work/out-local" --directory "$work/local" --cores 2 > "$work/local.log" 2>&1; then
  echo "snakemake --cores 2: $(( $(date +%s) - start )) s"
  compare "$work/out-local" "snakemake --cores 2 (3 shards)"
else
  echo "FAIL: snakemake --cores 2:"
  tail -30 "$work/local.log"
  status=1
fi

set +e
"$root/scripts/slurm-cluster.sh" up "$work/slurm" > "$work/slurm-up.log" 2>&1
up=$?
set -e
if [ "$up" = 3 ]; then
  echo "SKIP (Slurm half): $(tail -1 "$work/slurm-up.log")"
  if [ "${KAZPREP_REQUIRE_SLURM:-0}" = 1 ]; then status=1; fi
  exit "$status"
elif [ "$up" != 0 ]; then
  echo "FAIL: the single-node Slurm cluster did not start:"
  cat "$work/slurm-up.log"
  exit 1
fi
cluster_up=1
export SLURM_CONF=$work/slurm/slurm.conf USER=${USER:-$(id -un)}
sinfo
start=$(date +%s)
if smk "$work/out-slurm" --directory "$work/slurm-run" --profile "$root/scripts/slurm-profile" \
    --jobs 3 --default-resources slurm_partition=main runtime=10 mem_mb=1000 \
    > "$work/slurm.log" 2>&1; then
  jobs=$(grep -c "submitted with SLURM jobid" "$work/slurm.log" || true)
  echo "snakemake --slurm: $(( $(date +%s) - start )) s, $jobs Slurm jobs"
  [ "$jobs" -ge 9 ] || { echo "FAIL: expected 9 Slurm jobs (3 text, merge, train, 3 encode, finish)"; status=1; }
  compare "$work/out-slurm" "snakemake --slurm (3 shards)"
else
  echo "FAIL: snakemake --slurm:"
  tail -30 "$work/slurm.log"
  status=1
fi
exit "$status"
