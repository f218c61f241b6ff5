#!/usr/bin/env bash
# Builds models/typos/kk.attested.txt (model card: models/typos/README.md):
# the Kazakh word forms of Tesseract's Kazakh model, which Google built from
# Kazakh web text (Debian's tesseract-ocr-kaz, tessdata_fast, Apache-2.0).
# The typo corrector takes them as candidates, not as known words: web text
# has its typos too (болган, керк). Run from the repository root, with
# Debian's tesseract-ocr and tesseract-ocr-kaz installed (not needed to
# build or run kazprep):
#   scripts/build-attested.sh [TRAINEDDATA] [OUT=models/typos/kk.attested.txt]
# Kept: words of three or more letters of the Kazakh alphabet (not the
# Bashkir ҡ ҙ ӛ of the list), lower-case or in capitals (lower-cased, so
# names written in capitals come in: алматы, ақш); capitalised words and
# mixed case are left out.
set -euo pipefail
traineddata=${1:-$(ls /usr/share/tesseract-ocr/*/tessdata/kaz.traineddata 2> /dev/null | head -n 1)}
out=${2:-models/typos/kk.attested.txt}
if [ -z "$traineddata" ] || [ ! -r "$traineddata" ]; then
  echo "build-attested.sh: no kaz.traineddata (apt-get install tesseract-ocr tesseract-ocr-kaz)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
combine_tessdata -u "$traineddata" "$tmp/kaz." > /dev/null 2>&1
dawg2wordlist "$tmp/kaz.lstm-unicharset" "$tmp/kaz.lstm-word-dawg" "$tmp/words" > /dev/null 2>&1
version=$(dpkg-query -W -f='${Version}' tesseract-ocr-kaz 2> /dev/null || echo unknown)
{
  echo "# Kazakh word forms attested in web text: the word list (lstm-word-dawg) of Tesseract's"
  echo "# Kazakh model, Debian tesseract-ocr-kaz $version (tessdata_fast, Apache-2.0, Google),"
  echo "# lower-cased; built by scripts/build-attested.sh. One word a line."
  python3 - "$tmp/words" << 'EOF' | LC_ALL=C sort -u
import sys
letters = set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
for line in open(sys.argv[1], encoding="utf-8"):
    w = line.strip()
    if w.isupper():
        w = w.lower()
    elif not w.islower():
        continue
    if len(w) >= 3 and all(c in letters for c in w):
        print(w)
EOF
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "build-attested.sh: $(grep -vc '^#' "$out") words in $out" >&2
