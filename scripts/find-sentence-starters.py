#!/usr/bin/env python3
"""Lists candidate sentence starters for models/abbreviations/<lang>.starters.txt.

  find-sentence-starters.py TEXT [MIN=40]

A candidate is a capitalised word seen at least MIN times at the start of a
sentence (first in the line, or after . ! ? ...), at most 1% as often
capitalised right after a lower-case word, and at least MIN times in lower
case. Prints: count at a start, count capitalised mid-sentence, count in lower
case, word. A person then picks the pronouns, conjunctions and sentence
adverbs (never single letters, which may be initials).
"""
import re,sys,collections
t=open(sys.argv[1],encoding='utf-8').read()
n=int(sys.argv[2]) if len(sys.argv)>2 else 40
start=collections.Counter(); mid=collections.Counter(); low=collections.Counter()
for line in t.split('\n'):
    toks=line.split()
    for i,w in enumerate(toks):
        core=w.strip('«»"()[],.;:!?—–-…')
        if not core or not core[0].isalpha(): continue
        if core[0].isupper() and core[1:].islower() or (len(core)==1 and core.isupper()):
            if i==0 or re.search(r'[.!?…]["»)]*$',toks[i-1]): start[core]+=1
            elif toks[i-1][-1].isalpha() and toks[i-1][0].islower(): mid[core]+=1
        elif core.islower(): low[core]+=1
rows=[]
for w,c in start.items():
    if c>=n and mid[w]<=c*0.01 and low[w.lower()]>=n:
        rows.append((c,w,mid[w],low[w.lower()]))
for r in sorted(rows,reverse=True): print(r[0], r[2], r[3], r[1])
