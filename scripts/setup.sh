#!/usr/bin/env bash
# Installs every build and test dependency of kazprep from Debian's packages.
# Idempotent: does nothing when everything is installed. Runs as root or
# through sudo. Nothing else is downloaded.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config clang-format python3 python3-yaml
  clang libclang-rt-14-dev
  libicu-dev icu-devtools
  libsentencepiece-dev sentencepiece
  libboost-program-options-dev libcld2-dev libhunspell-dev hunspell-kk
  googletest libgtest-dev libbenchmark-dev
  snakemake slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
