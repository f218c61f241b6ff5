#!/usr/bin/env python3
"""Counts words that mix Latin and Cyrillic letters (issue 3, acceptance 5).

A word is a run of letters (\\w without digits and _). It is "mixed" when it holds
both Latin letters (including ə Ə ɵ Ɵ) and Cyrillic letters, and "otherwise
Cyrillic" when, in addition, every Latin letter in it is a look-alike of a
Cyrillic one (a e o p c x y i h ë ə ɵ and A B E K M H O P C T X I Ë Ə Ɵ) and
it has a Cyrillic letter that looks like no Latin letter: the words the
normalizer must repair.

  count-mixed-script.py FILE...         # prints one line per file and a total
"""
import re
import sys
import unicodedata

LATIN_ALIKE = set("aeopcxyihëəǝɵABEKMHOPCTXIËƏƟ")
CYRILLIC_ALIKE = set("аеорсхуіһѕјАВЕКМНОРСТХІЅЈ")
WORD = re.compile(r"[^\W\d_]+")


def script(ch):
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "L"
    if name.startswith("CYRILLIC"):
        return "C"
    return "O"


def classify(word):
    latin = [c for c in word if script(c) == "L"]
    cyrillic = [c for c in word if script(c) == "C"]
    if not latin or not cyrillic:
        return None
    otherwise_cyrillic = all(c in LATIN_ALIKE for c in latin) and any(
        c not in CYRILLIC_ALIKE for c in cyrillic)
    return "otherwise-cyrillic" if otherwise_cyrillic else "mixed"


def main(paths):
    total = {"words": 0, "mixed": 0, "otherwise-cyrillic": 0}
    for path in paths:
        counts = {"words": 0, "mixed": 0, "otherwise-cyrillic": 0}
        examples = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                for w in WORD.findall(line):
                    counts["words"] += 1
                    kind = classify(w)
                    if kind:
                        counts["mixed"] += 1
                        if kind == "otherwise-cyrillic":
                            counts["otherwise-cyrillic"] += 1
                            if len(examples) < 3:
                                examples.append(w)
        for k in total:
            total[k] += counts[k]
        print("%s\twords %d\tmixed %d\totherwise-cyrillic %d\t%s" % (
            path, counts["words"], counts["mixed"], counts["otherwise-cyrillic"], " ".join(examples)))
    print("TOTAL\twords %d\tmixed %d\totherwise-cyrillic %d" % (
        total["words"], total["mixed"], total["otherwise-cyrillic"]))


if __name__ == "__main__":
    main(sys.argv[1:])
