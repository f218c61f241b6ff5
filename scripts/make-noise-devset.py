#!/usr/bin/env python3
"""Build a line-aligned (clean, noisy) development set for `kazprep normalize`.

Purpose
    The normalizer is accepted when held-out news sentences with injected web
    noise normalize to exactly what their clean originals normalize to, on at
    least 99.5 % of lines. This script builds such a set for development: it
    samples real sentences, injects typical web noise into about 80 % of them
    and records which kinds of noise each line received. Score it with
    scripts/eval-normalizer.sh.

Usage
    scripts/make-noise-devset.py --lang kk --out-prefix /tmp/noise/kk \\
        [--input FILE]... [--max-lines 3000] [--seed 1] [--data-dir DIR]

    --input FILE   plain UTF-8 text, one sentence or segment per line
                   (repeatable). Without --input, the default files below are
                   read from --data-dir (default: ../shared/data next to the
                   repository).
    --max-lines N  lines to sample (default 3000; all eligible lines if fewer)
    --seed S       random seed (default 1); the output depends only on the
                   inputs (and their order), --lang, --max-lines and --seed.

Default data (FILE paths relative to --data-dir; provenance in its SOURCES.md)
    kk: ntrex128/newstest2019-ref.kaz.txt, flores200_devtest/kaz_Cyrl.devtest,
        ud_kk_ktb/kk_ktb-ud-test.sents.txt
    ru: ntrex128/newstest2019-ref.rus.txt, flores200_devtest/rus_Cyrl.devtest
    en: ntrex128/newstest2019-src.eng.txt, flores200_devtest/eng_Latn.devtest

Outputs (line-aligned, UTF-8, LF)
    PREFIX.clean   the sampled original lines, unchanged
    PREFIX.noisy   the same lines with noise injected (identical for `none`)
    PREFIX.kinds   per line: the noise kinds injected, comma-separated in the
                   order they were applied, or `none`

Sampling
    Lines shorter than 20 characters are skipped, exact duplicates are kept
    once, then N lines are drawn at random and written in input order. Each
    line stays clean with probability 0.2 (`none`). Otherwise, with
    probability 0.03 each (capped at 3 % of all lines), the line gets one of
    the mojibake kinds alone; else 1-3 kinds are drawn from those that apply
    to the line (that would change it) and applied in the fixed order of the
    list below, so that e.g. `nfd` always comes last. A kind is recorded only
    if it changed the line.

Noise kinds
    lookalike-latin    kk/ru: in one Cyrillic word of >= 3 letters, 1-2
                       letters with a Latin look-alike become the Latin letter
                       (а е о р с х у і һ / А В Е К М Н О Р С Т Х І -> a e o p
                       c x y i h / A B E K M H O P C T X I); the word always
                       keeps at least one Cyrillic letter.
                       en: in one Latin word of >= 3 letters, one letter
                       becomes its Cyrillic look-alike (a e o p c x y i, and
                       the capitals A B C E H K M O P T X).
    codepoint          kk only: all occurrences of one of ә Ә ң Ң ө Ө become
                       ə Ə ӊ Ӊ ɵ Ɵ (U+0259 U+018F U+04CA U+04C9 U+0275
                       U+019F), as a badly configured keyboard or font does.
    quotes-ascii       kk/ru: every « » „ “ ” becomes ASCII "; en: every “ ”.
    dash               one spaced dash (` - `, ` – ` or ` — `) becomes one of
                       the other two (not between two numbers).
    ellipsis           one `…` becomes `...`, or one `...` becomes `…`.
    space-before-punct a space is inserted before one , . : ; ! ? ) or » that
                       follows a letter and does not continue into a word or a
                       number (not inside abbreviations like т.б. or U.S.).
    missing-space-after-comma
                       the space after one comma between two letters is
                       removed (word, word -> word,word); never between digits.
    invisible          1-2 of U+00AD (soft hyphen), U+200B (zero width space),
                       U+FEFF (BOM), U+200E (LRM) inserted between two letters
                       of a word.
    spaces             1-2 of: a space becomes NBSP U+00A0, a space is
                       doubled, a space becomes a tab, 1-2 leading spaces,
                       1-2 trailing spaces.
    nfd                the line is decomposed to NFD (й ё é ... become base
                       letter + combining mark).
    mojibake-cp1252    the whole line, encoded as UTF-8, decoded as cp1252;
                       the bytes cp1252 leaves undefined (81 8D 8F 90 9D) map to
                       U+0081 ... as browsers do. Alone, at most 3 % of lines.
    mojibake-cp1251    the same with cp1251 (undefined 98 -> U+0098). Alone, at
                       most 3 % of lines.

    URLs, e-mail addresses, @handles, #tags and digits are never changed
    (except by the two whole-line mojibake kinds).

Licence note
    The input corpora (NTREX-128, FLORES-200, UD Kazakh-KTB: CC BY-SA 4.0) are
    not copied into this repository; write the generated sets outside it
    (e.g. /tmp/noise/) and do not commit them.
"""

import argparse
import codecs
import os
import random
import re
import sys
import unicodedata

DEFAULT_INPUTS = {
    "kk": [
        "ntrex128/newstest2019-ref.kaz.txt",
        "flores200_devtest/kaz_Cyrl.devtest",
        "ud_kk_ktb/kk_ktb-ud-test.sents.txt",
    ],
    "ru": ["ntrex128/newstest2019-ref.rus.txt", "flores200_devtest/rus_Cyrl.devtest"],
    "en": ["ntrex128/newstest2019-src.eng.txt", "flores200_devtest/eng_Latn.devtest"],
}

MIN_CHARS = 20
P_CLEAN = 0.2
P_MOJIBAKE = 0.03  # per mojibake kind, among the noisy lines (about 2.4 % of all)
MAX_MOJIBAKE_SHARE = 0.03  # per mojibake kind

# ---------------------------------------------------------------------------
# Character classes and protected spans

CYR_TO_LAT = dict(zip("аеорсхуіһАВЕКМНОРСТХІ", "aeopcxyihABEKMHOPCTXI"))
LAT_TO_CYR = dict(zip("aeopcxyiABCEHKMOPTX", "аеорсхуіАВСЕНКМОРТХ"))
KK_CODEPOINTS = dict(zip("әӘңҢөӨ", "\u0259\u018f\u04ca\u04c9\u0275\u019f"))
INVISIBLES = ["\u00ad", "\u200b", "\ufeff", "\u200e"]
QUOTES = {"kk": "«»„“”", "ru": "«»„“”", "en": "“”"}
SPACED_DASHES = [" - ", " – ", " — "]

PROTECTED_RE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # URLs with a scheme or www.
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}\b(?:/\S*)?"  # bare domains
    r"|(?<!\w)[@#]\w+"  # @handles and #tags
    r"|\d"  # digits
)
WORD_RE = re.compile(r"[^\W\d_]+")  # maximal runs of letters


def protected_mask(line):
    """Per character: True if it lies in a URL, e-mail, handle, tag or digit."""
    mask = [False] * len(line)
    for m in PROTECTED_RE.finditer(line):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def is_cyrillic(ch):
    return "\u0400" <= ch <= "\u052f"


def is_latin(ch):
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def free_words(line, mask, script_test, min_len):
    """Unprotected letter runs of at least min_len letters, all of one script."""
    return [
        m
        for m in WORD_RE.finditer(line)
        if m.end() - m.start() >= min_len
        and not any(mask[m.start() : m.end()])
        and all(script_test(c) for c in m.group())
    ]


def replace_at(line, i, text, length=1):
    return line[:i] + text + line[i + length :]


# ---------------------------------------------------------------------------
# Noise kinds: each takes (line, rng, lang) and returns the changed line, or
# None when the kind does not apply to the line (it would not change it).


def noise_lookalike_latin(line, rng, lang):
    mask = protected_mask(line)
    if lang == "en":
        table, script, n_max = LAT_TO_CYR, is_latin, 1
    else:
        table, script, n_max = CYR_TO_LAT, is_cyrillic, 2
    words = [w for w in free_words(line, mask, script, 3) if any(c in table for c in w.group())]
    if not words:
        return None
    w = rng.choice(words)
    positions = [w.start() + k for k, c in enumerate(w.group()) if c in table]
    n = min(rng.randint(1, n_max), len(positions), len(w.group()) - 1)
    for i in rng.sample(positions, n):
        line = replace_at(line, i, table[line[i]])
    return line


def noise_codepoint(line, rng, lang):
    if lang != "kk":
        return None
    mask = protected_mask(line)
    present = sorted({c for i, c in enumerate(line) if c in KK_CODEPOINTS and not mask[i]})
    if not present:
        return None
    letter = rng.choice(present)
    return "".join(
        KK_CODEPOINTS[c] if c == letter and not mask[i] else c for i, c in enumerate(line)
    )


def noise_quotes_ascii(line, rng, lang):
    mask = protected_mask(line)
    quotes = QUOTES[lang]
    out = "".join('"' if c in quotes and not mask[i] else c for i, c in enumerate(line))
    return out if out != line else None


def noise_dash(line, rng, lang):
    mask = protected_mask(line)
    spots = []
    for i in range(1, len(line) - 2):
        if line[i : i + 3] not in SPACED_DASHES:
            continue
        if mask[i - 1] and i + 3 < len(line) and mask[i + 3]:  # between two numbers
            continue
        spots.append(i)
    if not spots:
        return None
    i = rng.choice(spots)
    other = rng.choice([d for d in SPACED_DASHES if d != line[i : i + 3]])
    return replace_at(line, i, other, 3)


def noise_ellipsis(line, rng, lang):
    mask = protected_mask(line)
    spots = [(m.start(), m.end(), "...") for m in re.finditer("…", line)]
    spots += [(m.start(), m.end(), "…") for m in re.finditer(r"(?<!\.)\.\.\.(?!\.)", line)]
    spots = [s for s in spots if not any(mask[s[0] : s[1]])]
    if not spots:
        return None
    start, end, text = rng.choice(spots)
    return line[:start] + text + line[end:]


def noise_space_before_punct(line, rng, lang):
    mask = protected_mask(line)
    spots = []
    for i in range(1, len(line)):
        c = line[i]
        if c not in ",.:;!?)»" or mask[i] or mask[i - 1] or not line[i - 1].isalpha():
            continue
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if nxt.isalnum():  # т.б., U.S., 3:0, word,word
            continue
        if c == "." and nxt == ".":  # an ellipsis written as dots
            continue
        spots.append(i)
    if not spots:
        return None
    return replace_at(line, rng.choice(spots), " ", 0)


def noise_missing_space_after_comma(line, rng, lang):
    mask = protected_mask(line)
    spots = [
        m.start() + 1
        for m in re.finditer(r"(?<=[^\W\d_]), (?=[^\W\d_])", line)
        if not mask[m.start() - 1] and not mask[m.start() + 2]
    ]
    if not spots:
        return None
    return replace_at(line, rng.choice(spots), "", 1)


def noise_invisible(line, rng, lang):
    for _ in range(rng.randint(1, 2)):
        mask = protected_mask(line)
        spots = [
            i
            for i in range(1, len(line))
            if line[i - 1].isalpha() and line[i].isalpha() and not mask[i - 1] and not mask[i]
        ]
        if not spots:
            break
        line = replace_at(line, rng.choice(spots), rng.choice(INVISIBLES), 0)
    return line if any(c in line for c in INVISIBLES) else None


def noise_spaces(line, rng, lang):
    original = line
    replacement = {"nbsp": "\u00a0", "double": "  ", "tab": "\t"}
    ops = ["nbsp", "double", "tab", "leading", "trailing"]
    for op in rng.sample(ops, rng.randint(1, 2)):
        if op == "leading":
            line = " " * rng.randint(1, 2) + line
        elif op == "trailing":
            line = line + " " * rng.randint(1, 2)
        else:
            mask = protected_mask(line)
            spaces = [i for i, c in enumerate(line) if c == " " and not mask[i]]
            if spaces:
                line = replace_at(line, rng.choice(spaces), replacement[op])
    return line if line != original else None


def noise_nfd(line, rng, lang):
    out = unicodedata.normalize("NFD", line)  # digits and ASCII URLs are unaffected
    return out if out != line else None


def _undefined_bytes_as_c1(err):
    """Decode each byte a codec leaves undefined as the code point of that value."""
    return "".join(chr(b) for b in err.object[err.start : err.end]), err.end


codecs.register_error("kazprep-c1", _undefined_bytes_as_c1)


def _mojibake(line, codec):
    out = line.encode("utf-8").decode(codec, errors="kazprep-c1")
    return out if out != line else None


def noise_mojibake_cp1252(line, rng, lang):
    return _mojibake(line, "cp1252")


def noise_mojibake_cp1251(line, rng, lang):
    return _mojibake(line, "cp1251")


# Combinable kinds, in the order they are applied.
COMBINABLE = [
    ("lookalike-latin", noise_lookalike_latin),
    ("codepoint", noise_codepoint),
    ("quotes-ascii", noise_quotes_ascii),
    ("dash", noise_dash),
    ("ellipsis", noise_ellipsis),
    ("space-before-punct", noise_space_before_punct),
    ("missing-space-after-comma", noise_missing_space_after_comma),
    ("invisible", noise_invisible),
    ("spaces", noise_spaces),
    ("nfd", noise_nfd),
]
MOJIBAKE = [
    ("mojibake-cp1252", noise_mojibake_cp1252),
    ("mojibake-cp1251", noise_mojibake_cp1251),
]


def add_noise(line, rng, lang, mojibake_left):
    """Return (noisy line, list of kinds applied) for one sampled line."""
    if rng.random() < P_CLEAN:
        return line, []
    r = rng.random()
    for k, (name, fn) in enumerate(MOJIBAKE):
        if P_MOJIBAKE * k <= r < P_MOJIBAKE * (k + 1) and mojibake_left[name] > 0:
            out = fn(line, rng, lang)
            if out is not None:
                mojibake_left[name] -= 1
                return out, [name]
    # Draw 1-3 kinds among those that apply to the original line (probed with
    # a throw-away generator), then apply them in the fixed COMBINABLE order.
    applicable = [name for name, fn in COMBINABLE if fn(line, random.Random(0), lang) is not None]
    chosen = set(rng.sample(applicable, min(rng.randint(1, 3), len(applicable))))
    kinds = []
    for name, fn in COMBINABLE:
        if name in chosen:
            out = fn(line, rng, lang)
            if out is not None and out != line:  # an earlier kind may have removed the target
                line = out
                kinds.append(name)
    return line, kinds


# ---------------------------------------------------------------------------


def read_lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        for raw in f:
            yield raw.rstrip("\n").rstrip("\r")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", required=True, choices=["kk", "ru", "en"])
    ap.add_argument("--input", action="append", default=[], metavar="FILE")
    ap.add_argument("--max-lines", type=int, default=3000, metavar="N")
    ap.add_argument("--out-prefix", required=True, metavar="PREFIX")
    ap.add_argument("--seed", type=int, default=1)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument(
        "--data-dir",
        default=os.path.normpath(os.path.join(here, "..", "..", "shared", "data")),
        help="where the default inputs are looked up (default: %(default)s)",
    )
    args = ap.parse_args()

    inputs = args.input or [os.path.join(args.data_dir, p) for p in DEFAULT_INPUTS[args.lang]]
    seen, pool = set(), []
    for path in inputs:
        for line in read_lines(path):
            if len(line) >= MIN_CHARS and line not in seen:
                seen.add(line)
                pool.append(line)
    if not pool:
        sys.exit("make-noise-devset: no line of at least %d characters in the input" % MIN_CHARS)

    rng = random.Random(args.seed)
    picked = sorted(rng.sample(range(len(pool)), min(args.max_lines, len(pool))))
    cap = int(MAX_MOJIBAKE_SHARE * len(picked))
    mojibake_left = {name: cap for name, _ in MOJIBAKE}

    out_dir = os.path.dirname(args.out_prefix)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    counts = {}
    with open(args.out_prefix + ".clean", "w", encoding="utf-8", newline="\n") as fc, open(
        args.out_prefix + ".noisy", "w", encoding="utf-8", newline="\n"
    ) as fn, open(args.out_prefix + ".kinds", "w", encoding="utf-8", newline="\n") as fk:
        for idx in picked:
            clean = pool[idx]
            noisy, kinds = add_noise(clean, rng, args.lang, mojibake_left)
            fc.write(clean + "\n")
            fn.write(noisy + "\n")
            fk.write((",".join(kinds) or "none") + "\n")
            for k in kinds or ["none"]:
                counts[k] = counts.get(k, 0) + 1

    summary = ", ".join("%s %d" % kv for kv in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(
        "make-noise-devset: %s: %d lines (of %d eligible in %d files) -> %s.{clean,noisy,kinds}; %s"
        % (args.lang, len(picked), len(pool), len(inputs), args.out_prefix, summary),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
