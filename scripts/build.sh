#!/usr/bin/env bash
# Configures and builds kazprep (Release) into build/; the binary is build/kazprep.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
