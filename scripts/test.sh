#!/usr/bin/env bash
# Sets up, builds and runs every test: the format check and the ctest suite
# (unit, golden CLI, property, acceptance, Snakemake/Slurm and kill tests),
# then the same suite in a clang AddressSanitizer + UBSan build with each
# libFuzzer target run briefly on its seed corpus (scripts/sanitize.sh;
# KAZPREP_FUZZ_SECONDS, default 10). Tests that need ../shared/data skip with
# a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
./scripts/check-format.sh
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 600
./scripts/sanitize.sh "${KAZPREP_FUZZ_SECONDS:-10}"
