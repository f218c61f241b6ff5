#!/usr/bin/env bash
# Configures and builds kazprep (Release) into build/; the binary is build/kazprep.
# Usage: scripts/build.sh [TARGET...]   (default: everything, tests included)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
if [ $# -gt 0 ]; then
  cmake --build build --target "$@"
else
  cmake --build build
fi
