#!/usr/bin/env bash
# Scores `kazprep normalize` on a noise development set made by
# scripts/make-noise-devset.py: normalizes PREFIX.clean and PREFIX.noisy with
# `--typos off` (dropped when the binary does not know the option) and counts
# the lines where normalize(noisy) == normalize(clean) exactly, overall and per
# noise kind (scripts/eval_normalizer.py). The first 10 failures go to stderr.
#
# Usage: scripts/eval-normalizer.sh PREFIX LANG
#   PREFIX  e.g. /tmp/noise/kk (reads PREFIX.clean, PREFIX.noisy, PREFIX.kinds)
#   LANG    kk, ru or en
# Environment: KAZPREP (default build/kazprep in this repository), MIN_RATE
#   (fail with exit 3 below this exact-match percentage),
#   THREADS (normalizer threads, default 1).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PREFIX LANG" >&2; exit 2; }
prefix=$1 lang=$2
root=$(cd "$(dirname "$0")/.." && pwd)
kazprep=${KAZPREP:-$root/build/kazprep}
threads=${THREADS:-1}
for ext in clean noisy kinds; do
  [ -f "$prefix.$ext" ] || { echo "eval-normalizer: missing $prefix.$ext" >&2; exit 1; }
done
[ -x "$kazprep" ] || { echo "eval-normalizer: no binary at $kazprep (set KAZPREP)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

opts=(--typos off)
if ! printf 'x\n' | "$kazprep" normalize --lang "$lang" "${opts[@]}" >/dev/null 2>"$tmp/err"; then
  if grep -q -- '--typos' "$tmp/err"; then
    echo "eval-normalizer: '--typos off' not known to this binary; running without it" >&2
    opts=()
  else
    cat "$tmp/err" >&2
    exit 1
  fi
fi

for ext in clean noisy; do
  "$kazprep" normalize --lang "$lang" --threads "$threads" ${opts[@]+"${opts[@]}"} \
    -o "$tmp/norm.$ext" "$prefix.$ext"
done

echo "eval-normalizer: $prefix ($lang), $kazprep normalize ${opts[*]-}"
python3 "$root/scripts/eval_normalizer.py" "$prefix.kinds" "$tmp/norm.noisy" "$tmp/norm.clean" ${MIN_RATE:+--min-rate "$MIN_RATE"} \
  --noisy "$prefix.noisy" --clean "$prefix.clean"
