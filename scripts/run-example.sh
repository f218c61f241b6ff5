#!/usr/bin/env bash
# Sets up, builds and runs the main job on the embedded example; outputs go to
# kazprep-example/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh kazprep  # the binary only; scripts/test.sh builds the tests
./build/kazprep run --output-dir "${1:-kazprep-example}"
