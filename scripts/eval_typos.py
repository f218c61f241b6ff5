#!/usr/bin/env python3
"""Scores typo correction on a dev set from make-typo-devset.py (issue 5).

  eval_typos.py PREFIX FIXED_NOISY FIXED_CLEAN
FIXED_NOISY and FIXED_CLEAN are PREFIX.noisy and PREFIX.clean after correction.
Word by word (the typos keep the word count): a typo corrected to the original is
a true positive, any other change is a false positive; recall is over all typos.
Also the changes made to the clean text, per 2,000 words.
"""
import re
import sys

WORD = re.compile(r"[^\W\d_]+")


def words(path):
    return [WORD.findall(l) for l in open(path, encoding="utf-8")]


def main(prefix, fixed_noisy, fixed_clean):
    clean, noisy = words(prefix + ".clean"), words(prefix + ".noisy")
    fixed, fixed_c = words(fixed_noisy), words(fixed_clean)
    tp = fp = typos = total = changed_clean = 0
    wrong = []
    for c, n, f, fc in zip(clean, noisy, fixed, fixed_c):
        if not (len(c) == len(n) == len(f) == len(fc)):
            continue
        for wc, wn, wf, wfc in zip(c, n, f, fc):
            total += 1
            changed_clean += wfc != wc
            if wn != wc:
                typos += 1
            if wf != wn:
                if wf == wc:
                    tp += 1
                else:
                    fp += 1
                    wrong.append((wn, wf, wc))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / typos if typos else 1.0
    print("words %d, typos %d, corrected %d, wrong changes %d" % (total, typos, tp, fp))
    print("precision %.4f  recall %.4f" % (p, r))
    print("changes on clean text: %d in %d words = %.2f per 2,000 words"
          % (changed_clean, total, 2000.0 * changed_clean / max(total, 1)))
    for wn, wf, wc in wrong[:15]:
        print("wrong: %s -> %s (was %s)" % (wn, wf, wc), file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
