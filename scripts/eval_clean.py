#!/usr/bin/env python3
"""Score a `kazprep clean` run on a development set made by make-clean-devset.py.

Usage
    scripts/eval_clean.py PREFIX REJECTS_TSV [--min-kept 99.5] [--min-dropped 95]

    PREFIX       the dev set: PREFIX.labels (one label per line of PREFIX.txt)
                 and PREFIX.txt (used to show the text of the lines)
    REJECTS_TSV  the cleaner's --rejects file: TSV with the columns file,
                 document, line, reason, text (an optional header line is
                 skipped); `line` is the 1-based line number in the input
                 file, `text` has \\t \\n \\r \\\\ escaped. If it lists several
                 input files, only the rows of PREFIX.txt are used.

Example
    build/kazprep clean --lang kk --threads 1 --rejects /tmp/cleandev/kk.rejects.tsv \\
        /tmp/cleandev/kk.txt > /tmp/cleandev/kk.kept.txt
    scripts/eval_clean.py /tmp/cleandev/kk /tmp/cleandev/kk.rejects.tsv

Prints (stdout)
    article lines kept %, template lines dropped %, foreign lines dropped %,
    template and foreign lines together dropped %, per template reason (the
    <reason> of `template:<reason>` labels) the % dropped, and which cleaner
    reasons dropped the article, template and foreign lines. Boundary lines
    (the empty lines between documents) are not counted.
    To stderr: the first 10 article lines that were dropped (with the
    cleaner's reason) and the first 10 template lines that were kept, with
    their line number, label and text.

Exit status
    0  article kept >= --min-kept and template dropped >= --min-dropped (and
       template + foreign together >= --min-dropped)
    3  one of these thresholds is missed
    2  usage or input errors (missing files, a rejected line number beyond
       the end of PREFIX.txt, a rejected text that differs from the line)
"""

import argparse
import os
import sys


def read_lines(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        return [line.rstrip("\n") for line in f]


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], "\\" + s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def pct(a, b):
    return 100.0 * a / b if b else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prefix", metavar="PREFIX")
    ap.add_argument("rejects", metavar="REJECTS_TSV")
    ap.add_argument("--min-kept", type=float, default=99.5, metavar="PCT",
                    help="minimum %% of article lines kept (default 99.5)")
    ap.add_argument("--min-dropped", type=float, default=95.0, metavar="PCT",
                    help="minimum %% of template lines dropped (default 95)")
    args = ap.parse_args()

    try:
        labels = read_lines(args.prefix + ".labels")
        texts = read_lines(args.prefix + ".txt")
        rows = read_lines(args.rejects)
    except OSError as e:
        print("eval_clean: %s" % e, file=sys.stderr)
        return 2
    if len(labels) != len(texts):
        print("eval_clean: %s.labels has %d lines, %s.txt %d" % (args.prefix, len(labels), args.prefix, len(texts)),
              file=sys.stderr)
        return 2

    # The rows of the rejects file that belong to PREFIX.txt.
    parsed = []
    for n, row in enumerate(rows, 1):
        if not row:
            continue
        f = row.split("\t", 4)
        if len(f) < 4 or not f[2].isdigit():
            if n == 1:
                continue  # header
            print("eval_clean: %s:%d: expected file, document, line, reason, text" % (args.rejects, n),
                  file=sys.stderr)
            return 2
        parsed.append((f[0], int(f[2]), f[3], unescape(f[4]) if len(f) > 4 else None, n))
    files = sorted(set(p[0] for p in parsed))
    if len(files) > 1:
        want = os.path.realpath(args.prefix + ".txt")
        parsed = [p for p in parsed if p[0] == "-" or os.path.realpath(p[0]) == want]
    dropped = {}
    for _, line, reason, text, n in parsed:
        if line < 1 or line > len(labels):
            print("eval_clean: %s:%d: line %d is not in %s.txt (%d lines)" % (args.rejects, n, line, args.prefix,
                                                                             len(labels)), file=sys.stderr)
            return 2
        if text is not None and text != texts[line - 1]:
            print("eval_clean: %s:%d: the text of line %d differs from %s.txt: %r" % (args.rejects, n, line,
                                                                                   args.prefix, text[:80]),
                  file=sys.stderr)
            return 2
        dropped[line] = reason

    totals, drops = {}, {}  # per label
    by_reason = {"article": {}, "template": {}, "foreign": {}}
    lost_articles, kept_templates = [], []
    for i, label in enumerate(labels, 1):
        if label == "boundary":
            continue
        kind = label.split(":", 1)[0]
        totals[label] = totals.get(label, 0) + 1
        if i in dropped:
            drops[label] = drops.get(label, 0) + 1
            r = dropped[i]
            if kind in by_reason:
                by_reason[kind][r] = by_reason[kind].get(r, 0) + 1
            if kind == "article":
                lost_articles.append((i, r, texts[i - 1]))
        elif kind == "template":
            kept_templates.append((i, label, texts[i - 1]))

    def total(kind):
        return sum(n for k, n in totals.items() if k.split(":", 1)[0] == kind)

    def dropped_n(kind):
        return sum(n for k, n in drops.items() if k.split(":", 1)[0] == kind)

    art_n, art_d = total("article"), dropped_n("article")
    tpl_n, tpl_d = total("template"), dropped_n("template")
    for_n, for_d = total("foreign"), dropped_n("foreign")
    art_kept = pct(art_n - art_d, art_n)
    tpl_dropped = pct(tpl_d, tpl_n)
    both_dropped = pct(tpl_d + for_d, tpl_n + for_n)

    print("dev set            %s (%d lines, %d rejected rows used)" % (args.prefix, len(labels), len(dropped)))
    print("article kept       %7.2f %%  (%d of %d)" % (art_kept, art_n - art_d, art_n))
    print("template dropped   %7.2f %%  (%d of %d)" % (tpl_dropped, tpl_d, tpl_n))
    print("foreign dropped    %7.2f %%  (%d of %d)" % (pct(for_d, for_n), for_d, for_n))
    print("template+foreign   %7.2f %%  (%d of %d)" % (both_dropped, tpl_d + for_d, tpl_n + for_n))
    print("per template reason (dropped / lines):")
    for label in sorted(k for k in totals if k.startswith("template:")):
        print("  %-16s %7.2f %%  (%d of %d)" % (label.split(":", 1)[1], pct(drops.get(label, 0), totals[label]),
                                               drops.get(label, 0), totals[label]))
    for label in sorted(k for k in totals if k.startswith("foreign:")):
        print("  %-16s %7.2f %%  (%d of %d)" % (label, pct(drops.get(label, 0), totals[label]),
                                               drops.get(label, 0), totals[label]))
    for kind in ("template", "foreign", "article"):
        if by_reason[kind]:
            print("cleaner reasons for dropped %s lines: %s" % (
                kind, ", ".join("%s %d" % (r, n) for r, n in sorted(by_reason[kind].items(), key=lambda x: -x[1]))))

    if lost_articles:
        print("first dropped article lines (%d in all):" % len(lost_articles), file=sys.stderr)
        for i, r, t in lost_articles[:10]:
            print("  line %d [%s] %s" % (i, r, t), file=sys.stderr)
    if kept_templates:
        print("first kept template lines (%d in all):" % len(kept_templates), file=sys.stderr)
        for i, label, t in kept_templates[:10]:
            print("  line %d [%s] %s" % (i, label, t), file=sys.stderr)

    ok = art_kept >= args.min_kept and tpl_dropped >= args.min_dropped and both_dropped >= args.min_dropped
    print("result             %s (article kept >= %g %%, template dropped >= %g %%)" % (
        "PASS" if ok else "FAIL", args.min_kept, args.min_dropped))
    return 0 if ok else 3


if __name__ == "__main__":
    sys.exit(main())
