#!/usr/bin/env python3
"""The baseline of issue 5: every lower-case word Hunspell rejects replaced by
its first suggestion (words without one are left as they are; capitalised
words are left alone, as the corrector leaves names). A suggestion of several
words is written without its spaces and hyphens, so that the text keeps its
word count for scripts/eval_typos.py (it counts as a change all the same).

  hunspell-first-suggestion.py DICT < IN > OUT     (DICT: /usr/share/hunspell/kk_KZ)
Line-aligned; the words are those scripts/eval_typos.py scores.
"""
import re
import subprocess
import sys

WORD = re.compile(r"[^\W\d_]+")


def main(dictionary):
    lines = sys.stdin.read().split("\n")
    words = sorted({w for line in lines for w in WORD.findall(line) if w.islower()})
    # hunspell -a: one result line per word ("*", "+", "-": accepted;
    # "& w n o: s1, s2": suggestions; "# w o": none), an empty line after each.
    run = subprocess.run(["hunspell", "-d", dictionary, "-a"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True)
    first = {}
    results = [r for r in run.stdout.split("\n")[1:] if r]
    if len(results) != len(words):  # zip below would pair words with other words' results
        sys.exit("hunspell answered %d times for %d words" % (len(results), len(words)))
    for word, result in zip(words, results):
        if result.startswith("&"):
            first[word] = re.sub(r"[\s-]", "", result.split(": ", 1)[1].split(", ")[0])
    out = [WORD.sub(lambda m: first.get(m.group(0), m.group(0)), line) for line in lines]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
