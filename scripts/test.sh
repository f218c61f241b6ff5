#!/usr/bin/env bash
# Sets up, builds and runs every test: the format check and the ctest suite
# (unit, golden CLI and property tests). Tests that need ../shared/data skip
# with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
./scripts/check-format.sh
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 600
