#!/usr/bin/env python3
"""Kazakh typo development set (issue 5): clean news sentences and the same
sentences with synthetic typos in about 5% of the longer lower-case words.

Input: already normalized Kazakh text (one sentence or segment per line; make it
with `kazprep normalize --lang kk --typos off`). Sentences used here must be kept
out of the lexicon: the shipped lexicon leaves out NTREX Kazakh lines 1610-1997
(the last 25 documents) for this purpose. The data is not copied into the
repository; write the outputs outside it.

Typos, each replacing one word (Cyrillic, lower-case, at least 5 letters):
  keyboard  a Kazakh letter typed as its Russian-keyboard letter (қ->к, ә->а ...)
  delete    one letter left out
  insert    one letter typed twice
  replace   one letter replaced by a Kazakh-keyboard neighbour
  swap      two neighbouring letters swapped

Two more kinds, for robustness figures (not in the default set):
  --second P      with probability P a typo gets a second one on top (kind
                  "first+second": two errors in one word)
  --whole-word    every typo is the whole word typed on a Russian keyboard
                  (all its Kazakh letters replaced: қазақстан -> казакстан),
                  in words with at least two Kazakh letters (kind "russian-word")

  make-typo-devset.py --input CLEAN.txt --out-prefix PREFIX [--rate 0.05] [--seed 1]
                      [--second P | --whole-word]
writes PREFIX.clean, PREFIX.noisy (line-aligned) and PREFIX.typos (TSV: line,
word index, original, typo, kind).
"""
import argparse
import random
import re

WORD = re.compile(r"[^\W\d_]+")
KEYBOARD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "әіңғүұқөһ"]


def neighbours(c):
    for row in ROWS:
        k = row.find(c)
        if k >= 0:
            return [row[j] for j in (k - 1, k + 1) if 0 <= j < len(row)]
    return []


def cyrillic_lower(w):
    return all("\u0430" <= c <= "\u04ff" for c in w)


def typo(word, rng):
    kinds = ["keyboard", "delete", "insert", "replace", "swap"]
    weights = [35, 20, 15, 15, 15]
    for _ in range(10):
        kind = rng.choices(kinds, weights)[0]
        i = rng.randrange(len(word))
        if kind == "keyboard":
            spots = [k for k, c in enumerate(word) if c in KEYBOARD]
            if not spots:
                continue
            i = rng.choice(spots)
            new = word[:i] + KEYBOARD[word[i]] + word[i + 1:]
        elif kind == "delete":
            new = word[:i] + word[i + 1:]
        elif kind == "insert":
            new = word[:i + 1] + word[i] + word[i + 1:]
        elif kind == "replace":
            options = neighbours(word[i])
            if not options:
                continue
            new = word[:i] + rng.choice(options) + word[i + 1:]
        else:
            if i + 1 >= len(word) or word[i] == word[i + 1]:
                continue
            new = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if new != word:
            return new, kind
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--out-prefix", required=True)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--second", type=float, default=0.0)
    ap.add_argument("--whole-word", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines = [l.rstrip("\n") for l in open(a.input, encoding="utf-8")]
    with open(a.out_prefix + ".clean", "w", encoding="utf-8") as clean, \
            open(a.out_prefix + ".noisy", "w", encoding="utf-8") as noisy, \
            open(a.out_prefix + ".typos", "w", encoding="utf-8") as log:
        for n, line in enumerate(lines, 1):
            out, pos, index = [], 0, 0
            for m in WORD.finditer(line):
                w = m.group(0)
                new = w
                if a.whole_word and sum(c in KEYBOARD for c in w) < 2:
                    pass
                elif len(w) >= 5 and cyrillic_lower(w) and rng.random() < a.rate:
                    if a.whole_word:
                        t, kind = "".join(KEYBOARD.get(c, c) for c in w), "russian-word"
                    else:
                        t, kind = typo(w, rng)
                    # (no random draw unless --second: the default set stays the same)
                    if t and a.second > 0 and rng.random() < a.second:
                        t2, kind2 = typo(t, rng)
                        if t2 and t2 != w:
                            t, kind = t2, kind + "+" + kind2
                    if t:
                        new = t
                        log.write("%d\t%d\t%s\t%s\t%s\n" % (n, index, w, t, kind))
                out.append(line[pos:m.start()] + new)
                pos = m.end()
                index += 1
            out.append(line[pos:])
            clean.write(line + "\n")
            noisy.write("".join(out) + "\n")


if __name__ == "__main__":
    main()
