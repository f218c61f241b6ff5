#!/usr/bin/env python3
"""Score a normalizer on a noise development set (see make-noise-devset.py).

Usage
    scripts/eval_normalizer.py KINDS NORM_NOISY NORM_CLEAN [--noisy NOISY --clean CLEAN]

    KINDS       PREFIX.kinds: per line the injected noise kinds, comma-separated, or `none`
    NORM_NOISY  the normalizer's output for PREFIX.noisy
    NORM_CLEAN  the normalizer's output for PREFIX.clean
    --noisy/--clean  the raw PREFIX.noisy/.clean, to also report how many lines
                match before normalization (the do-nothing baseline)

A line passes when normalize(noisy) == normalize(clean), exactly. Prints (stdout)
the totals, the pass rate overall and on the noisy lines only, and per kind the
lines containing it and the lines where it is the only kind; the first 10
failures go to stderr as `kinds | norm(noisy) | norm(clean)`, with invisible,
control and non-ASCII space characters written as <U+XXXX>.
Exit status 0, or 1 when the files are not line-aligned.
"""

import argparse
import sys
import unicodedata


def read_lines(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        return [line.rstrip("\n") for line in f]


def visible(s):
    """Spell out characters that do not show on a terminal as <U+XXXX>."""

    def hidden(c):
        cat = unicodedata.category(c)
        return cat in ("Cc", "Cf", "Zl", "Zp") or (cat == "Zs" and c != " ")

    return "".join("<U+%04X>" % ord(c) if hidden(c) else c for c in s)


def pct(k, n):
    return "%6.2f%%" % (100.0 * k / n) if n else "     -"


def main():
    ap = argparse.ArgumentParser(description="Score normalize(noisy) == normalize(clean).")
    ap.add_argument("kinds")
    ap.add_argument("norm_noisy")
    ap.add_argument("norm_clean")
    ap.add_argument("--noisy")
    ap.add_argument("--clean")
    ap.add_argument("--show", type=int, default=10, help="failures shown on stderr (default 10)")
    ap.add_argument("--min-rate", type=float, default=None,
                    help="exit 3 when the exact-match rate (percent) is below this")
    args = ap.parse_args()

    kinds = [k.split(",") if k != "none" else [] for k in read_lines(args.kinds)]
    nn, nc = read_lines(args.norm_noisy), read_lines(args.norm_clean)
    if not (len(kinds) == len(nn) == len(nc)):
        print(
            "eval-normalizer: not line-aligned: %d kinds, %d normalized noisy, "
            "%d normalized clean lines" % (len(kinds), len(nn), len(nc)),
            file=sys.stderr,
        )
        return 1
    raw_same = None
    if args.noisy and args.clean:
        rn, rc = read_lines(args.noisy), read_lines(args.clean)
        if len(rn) == len(rc) == len(kinds):
            raw_same = sum(a == b for a, b in zip(rn, rc))

    total = len(kinds)
    ok = [a == b for a, b in zip(nn, nc)]
    noisy_idx = [i for i, k in enumerate(kinds) if k]
    clean_idx = [i for i, k in enumerate(kinds) if not k]
    noisy_ok, clean_ok = sum(ok[i] for i in noisy_idx), sum(ok[i] for i in clean_idx)
    print("lines:            %d (%d with noise, %d clean)" % (total, len(noisy_idx), len(clean_idx)))
    print("exact matches:    %d  %s" % (sum(ok), pct(sum(ok), total)))
    print("  on noisy lines: %d/%d  %s" % (noisy_ok, len(noisy_idx), pct(noisy_ok, len(noisy_idx))))
    print("  on clean lines: %d/%d  %s" % (clean_ok, len(clean_idx), pct(clean_ok, len(clean_idx))))
    if raw_same is not None:
        print("without normalizing (noisy == clean): %d  %s" % (raw_same, pct(raw_same, total)))

    names = sorted({k for ks in kinds for k in ks})
    width = max([len(n) for n in names] + [4])
    print()
    print("%-*s  %19s  %19s" % (width, "kind", "lines with it", "only this kind"))
    for name in names:
        having = [i for i, ks in enumerate(kinds) if name in ks]
        alone = [i for i in having if len(kinds[i]) == 1]
        h, a = sum(ok[i] for i in having), sum(ok[i] for i in alone)
        print(
            "%-*s  %5d/%-5d %s  %5d/%-5d %s"
            % (width, name, h, len(having), pct(h, len(having)), a, len(alone), pct(a, len(alone)))
        )

    shown = 0
    for i, good in enumerate(ok):
        if good:
            continue
        if shown == 0:
            print("first failures (line: kinds | norm(noisy) | norm(clean)):", file=sys.stderr)
        if shown == args.show:
            break
        print(
            "%d: %s | %s | %s"
            % (i + 1, ",".join(kinds[i]) or "none", visible(nn[i]), visible(nc[i])),
            file=sys.stderr,
        )
        shown += 1
    if args.min_rate is not None and 100.0 * sum(ok) / max(total, 1) < args.min_rate:
        print("eval-normalizer: exact-match rate below %.2f%%" % args.min_rate, file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
