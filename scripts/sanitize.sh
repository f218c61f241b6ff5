#!/usr/bin/env bash
# The sanitizer half of the test command: builds everything with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer (any finding aborts) into
# build-san/, with the libFuzzer targets of tests/fuzz/, runs the whole ctest
# suite there, then each fuzzer for FUZZ_SECONDS on a copy of its committed
# seed corpus (tests/fuzz/corpus/<target>).
# Usage: scripts/sanitize.sh [FUZZ_SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
CC=clang CXX=clang++ cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKAZPREP_SANITIZE=address,undefined -DKAZPREP_FUZZ=ON -DKAZPREP_BUILD_BENCH=OFF > /dev/null
cmake --build build-san
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# TypoDevSets only measures figures (the Release half runs it); under the
# sanitizers it took 134 s of about 460, while the corrector's code paths run
# here through its unit, property and fuzz tests.
ctest --test-dir build-san --output-on-failure -j "$(nproc)" --timeout 1200 -E '^TypoDevSets$'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for fuzzer in build-san/tests/fuzz/*_fuzz; do
  name=$(basename "$fuzzer" _fuzz)
  mkdir -p "$work/$name"
  echo "fuzz: $name for ${seconds} s on tests/fuzz/corpus/$name"
  if ! "$fuzzer" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$work/$name-" "$work/$name" "tests/fuzz/corpus/$name" > "$work/$name.log" 2>&1; then
    tail -40 "$work/$name.log"
    for crash in "$work/$name"-*; do
      [ -f "$crash" ] && { echo "input that broke it ($crash):"; od -c "$crash" | head -20; }
    done
    echo "FAIL: fuzzer $name found a problem"
    exit 1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$name.log" | tr '\n' ' '
  echo "(corpus $(ls "$work/$name" | wc -l) new units)"
done
echo "sanitize: the suite and every fuzzer passed under AddressSanitizer and UBSan"
