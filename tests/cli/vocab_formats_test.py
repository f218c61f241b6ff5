#!/usr/bin/env python3
"""Issue 7, acceptance 4: the vocabularies `kazprep spm-export` writes parse as
the toolkits parse them.

  marian   Marian loads a YAML map piece -> id (DefaultVocab::load, yaml-cpp):
           parsed here with a YAML parser; every piece of the model, ids 0..n-1
           once each, </s> and <unk> present.
  fairseq  fairseq's Dictionary.add_from_file: each line rstrip()ed, an optional
           " #fairseq:overwrite" flag, rsplit(" ", 1) into word and an int count;
           a word already present (the 4 specials <s> <pad> </s> <unk> come
           first) is an error.
  opennmt  OpenNMT-py vocabulary files: "token<TAB>count" per line; the specials
           it adds itself (<unk> <blank> <s> </s>) must not be listed.
Usage: vocab_formats_test.py KAZPREP_BINARY
"""
import os
import subprocess
import sys
import tempfile

import yaml

kazprep = sys.argv[1]
work = tempfile.mkdtemp()
text = os.path.join(work, "text.txt")
with open(text, "w", encoding="utf-8") as f:
    for i in range(300):
        f.write('Қазақстан "тәуелсіз" ел: key #%d \\back\\slash {a} [b] - ? ! * & %% @ `q` \'s\' |\n' % i)
        f.write("Бүгін Астанада жиын өтті, ол сағат 10:30-да басталды.\n")
        f.write("In 2024, the U.S. economy grew by 3.5%; prices rose.\n")
        f.write("Вчера в Алматы прошло совещание №%d.\n" % i)


def run(*args):
    subprocess.run([kazprep, *args], check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


prefix = os.path.join(work, "m")
run("spm-train", "--input", text, "--model-prefix", prefix, "--vocab-size", "400",
    "--user-defined-symbols", "<sep>")
pieces = [line.split("\t")[0] for line in open(prefix + ".vocab", encoding="utf-8").read().split("\n") if line]
n = len(pieces)
out = {}
for fmt in ("marian", "fairseq", "opennmt"):
    path = os.path.join(work, "vocab." + fmt)
    run("spm-export", "--model", prefix + ".model", "--format", fmt, "-o", path, text)
    out[fmt] = open(path, encoding="utf-8").read()

failures = []
def check(cond, what):
    if not cond:
        failures.append(what)

# Marian
m = yaml.safe_load(out["marian"])
check(isinstance(m, dict), "marian: not a YAML map")
check(len(m) == n, "marian: %d entries for %d pieces" % (len(m), n))
check(sorted(m.values()) == list(range(n)), "marian: ids are not 0..n-1 once each")
check(all(m.get(p) == i for i, p in enumerate(pieces)), "marian: a piece maps to another id")
check("</s>" in m and "<unk>" in m, "marian: </s> or <unk> missing")

# fairseq (Dictionary.add_from_file)
symbols = ["<s>", "<pad>", "</s>", "<unk>"]
seen = set(symbols)
lines = out["fairseq"].splitlines()
for line in lines:
    line = line.rstrip()
    if line.endswith(" #fairseq:overwrite"):
        line = line[: -len(" #fairseq:overwrite")]
    try:
        word, field = line.rsplit(" ", 1)
        int(field)
    except ValueError:
        failures.append("fairseq: bad line %r" % line)
        continue
    check(word not in seen, "fairseq: duplicate word %r" % word)
    check(not any(c.isspace() for c in word), "fairseq: white space in %r" % word)
    seen.add(word)
check(len(lines) == n - 3, "fairseq: %d words, expected %d (all but <unk> <s> </s>)" % (len(lines), n - 3))
check("<sep>" in seen, "fairseq: the user-defined symbol is missing")

# OpenNMT-py
tokens = []
for line in out["opennmt"].split("\n")[:-1]:
    fields = line.split("\t")
    check(len(fields) == 2 and fields[1].isdigit(), "opennmt: bad line %r" % line)
    tokens.append(fields[0])
check(len(tokens) == len(set(tokens)) == n - 3, "opennmt: %d tokens, expected %d unique" % (len(tokens), n - 3))
check(not set(tokens) & {"<unk>", "<blank>", "<s>", "</s>"}, "opennmt: lists a special it adds itself")
counts = [int(l.split("\t")[1]) for l in out["opennmt"].split("\n")[:-1]]
check(counts == sorted(counts, reverse=True), "opennmt: not most frequent first")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("vocab formats: marian %d, fairseq %d, opennmt %d entries parse" % (len(m), len(lines), len(tokens)))
