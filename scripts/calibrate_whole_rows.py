#!/usr/bin/env python3
"""Calibrates the score below which an aligned pair is drawn as two whole
sentences instead of a word diff (render/parts.rs, WHOLE_BELOW).

A word diff reads when most of the pair's words are shown unchanged; when
more than half are struck out or added, it is red and green soup and two
whole sentences read better. For every alignment of real same-event pairs
(BASIL: the outlets of one event, compared two by two) this takes the score
and the share of unchanged words in the diff, then picks the threshold that
best predicts "at least half unchanged" from "score >= threshold". It is
chosen on the events of one half (develop) and checked on the other.

usage: calibrate_whole_rows.py BINARY BASIL_ARTICLES_JSONL
"""

import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict


def points(binary, arts):
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, a in enumerate(arts):
            p = os.path.join(tmp, f"{k}.json")
            with open(p, "w") as f:
                json.dump(a, f)
            paths.append(p)
        for pa, pb in itertools.combinations(paths, 2):
            r = subprocess.run(
                [binary, "compare", pa, pb, "--format", "json"],
                capture_output=True, text=True, check=False,
            )
            if r.returncode != 0:
                continue
            for al in json.loads(r.stdout)["alignments"]:
                if al["kind"] == "same":
                    continue
                n = {"equal": 0, "delete": 0, "insert": 0}
                for op in al["diff"]:
                    n[op["op"]] += len(op["text"].split())
                total = sum(n.values())
                if total:
                    out.append((al["score"], n["equal"] * 2 / (total + n["equal"])))
    return out


def accuracy(pts, t):
    ok = sum((s >= t) == (share >= 0.5) for s, share in pts)
    return ok / len(pts) if pts else 0.0


def main():
    binary, basil = sys.argv[1], sys.argv[2]
    events = defaultdict(list)
    with open(basil) as f:
        for line in f:
            a = json.loads(line)
            events[a["event"]].append(a)
    keys = sorted(events)
    halves = {"develop": keys[0::2], "check": keys[1::2]}
    pts = {h: [p for e in ks for p in points(binary, events[e])] for h, ks in halves.items()}
    grid = [x / 100 for x in range(20, 91)]
    best = max(grid, key=lambda t: (accuracy(pts["develop"], t), -abs(t - 0.5)))
    for h in ("develop", "check"):
        print(f"{h}: {len(pts[h])} alignments, accuracy at {best:.2f}: {accuracy(pts[h], best):.3f}"
              f" (at 0.30: {accuracy(pts[h], 0.30):.3f}, at 0.60: {accuracy(pts[h], 0.60):.3f})")
    print(f"threshold: {best:.2f}")


if __name__ == "__main__":
    main()
