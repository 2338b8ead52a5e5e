#!/usr/bin/env python3
"""Fits the same-event model's weights (src/corpus/event.rs `model`) on one
half of the public sets and scores them on either half.

usage: calibrate_events.py [WIREDIFF] [--half calib|check] [--fit calib|check]
                           [--weights shipped|fit] [--threshold T]

Halves: GVA incidents of even id and BASIL events whose uuid starts with an
even hex digit are `calib`, the odd ones `check` (a pair counts in a half
when either report is in it, as in score_gva_dedup.py). `--fit` is the half
the weights are fitted on (`calib` by default), `--half` the one printed
(both when omitted); `--weights shipped` scores the weights in event.rs
instead of fitting (to confirm them on the check half).

Features come from `dedup --trace-candidates` (every verified candidate
pair with its rare-word cosine and event signals); labels from the gold.
Pairs dedup calls duplicate or derived are decided on coverage, not by
this model: they count as predicted, as in the scorers. Logistic
regression by Newton's method (a handful of features: no numpy needed),
positives weighted up to the negatives' total (F1 cares about both).
"""
import argparse
import collections
import itertools
import json
import math
import re
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("wirediff", nargs="?", default="target/release/wirediff")
ap.add_argument("--half", choices=["calib", "check"])
ap.add_argument("--fit", choices=["calib", "check"], default="calib")
ap.add_argument("--weights", choices=["shipped", "fit"], default="fit")
ap.add_argument("--threshold", type=float)
args = ap.parse_args()

NAMES = ["BIAS", "WORDS", "DATE_AGREES", "DATE_DIFFERS", "GAP_LOG2", "PERSON_SHARED",
         "PEOPLE_DIFFER", "PLACE_SHARED", "PLACES_DIFFER", "COUNT_SHARED"]


def features(cos, e):
    """The model's inputs, as `same_event_score` in event.rs reads them."""
    g = e["published_gap"]
    d = e["date_agrees"]
    # Follow-ups are published long after the event they refer back to:
    # the publication gap counts only when the event days do not agree.
    gap = math.log2(1 + g) if g is not None and d is not True else 0.0
    return [1.0, math.sqrt(max(e["event_words"], 0.0)), 1.0 if d is True else 0.0, 1.0 if d is False else 0.0, gap,
            min(e["people_shared"], 3), 1.0 if e["people_differ"] else 0.0,
            min(e["places_shared"], 3), 1.0 if e["places_differ"] else 0.0,
            min(e.get("counts_shared", 0), 2)]


def load(path, key, even):
    rows = [json.loads(line) for line in open(path)]
    gold = {r["id"]: r[key] for r in rows}
    out = subprocess.run([args.wirediff, "dedup", path, "--format", "jsonl", "--trace-candidates"],
                         capture_output=True, text=True)
    copies = set()
    for line in out.stdout.splitlines():
        p = json.loads(line)
        if p["relation"] != "same-story":
            copies.add(frozenset((p["a"], p["b"])))
    half = {i: "calib" if even(g) else "check" for i, g in gold.items()}
    data = []
    for line in out.stderr.splitlines():
        if line.split(None, 1)[:1] != ["candidate"]:
            continue
        _, a, b, cos, ev = line.split(None, 4)
        if frozenset((a, b)) in copies:
            continue
        halves = {half[a], half[b]}
        data.append((features(float(cos), json.loads(ev)), gold[a] == gold[b], halves))
    truth = collections.Counter()
    copies_tp = collections.Counter()
    copies_n = collections.Counter()
    by = collections.defaultdict(list)
    for i, g in gold.items():
        by[g].append(i)
    for ids in by.values():
        for _ in itertools.combinations(ids, 2):
            truth[half[ids[0]]] += 1
    for p in copies:
        a, b = tuple(p)
        for h in {half[a], half[b]}:
            copies_n[h] += 1
            copies_tp[h] += gold[a] == gold[b]
    return data, truth, copies_tp, copies_n


def solve(m, v):
    """Gaussian elimination with partial pivoting: m x = v."""
    n = len(v)
    a = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(n):
            if r != c and a[c][c]:
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
    return [a[i][n] / a[i][i] if a[i][i] else 0.0 for i in range(n)]


def fit(data, l2=1.0, iters=25):
    k = len(NAMES)
    w = [0.0] * k
    pos = sum(y for _, y, _ in data)
    c1 = (len(data) - pos) / max(pos, 1)
    for _ in range(iters):
        grad = [l2 * w[j] if j else 0.0 for j in range(k)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for x, y, _ in data:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            c = c1 if y else 1.0
            for i in range(k):
                grad[i] += c * (p - y) * x[i]
                for j in range(i, k):
                    hess[i][j] += c * p * (1 - p) * x[i] * x[j]
        for i in range(k):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def shipped():
    src = open("src/corpus/event.rs").read()
    got = dict(re.findall(r"pub const ([A-Z0-9_]+): f32 = (-?[0-9.]+);", src))
    return [float(got.get(n, 0.0)) for n in NAMES], float(got.get("SAME_EVENT", 0.8))


def score(sets, w, half, t):
    tp = n = truth = 0
    for data, tr, ctp, cn in sets:
        truth += tr[half]
        tp += ctp[half]
        n += cn[half]
        for x, y, h in data:
            if half in h and 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x)))) >= t:
                n += 1
                tp += y
    P = tp / n if n else 0.0
    R = tp / truth if truth else 0.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


gva = load("../shared/eval/gva/articles.jsonl", "incident", lambda i: int(i) % 2 == 0)
basil = load("../shared/eval/basil/articles.jsonl", "event", lambda u: int(u[0], 16) % 2 == 0)
if args.weights == "fit":
    train = [d for d in gva[0] + basil[0] if args.fit in d[2]]
    w = fit(train)
    t = args.threshold
    if t is None:
        # The line that maximises the fitted half's mean F1 over the two sets.
        grid = [x / 100 for x in range(50, 96)]
        t = max(grid, key=lambda t: sum(score([s], w, args.fit, t)[2] for s in (gva, basil)))
else:
    w, t = shipped()
    t = args.threshold if args.threshold is not None else t
for k, v in zip(NAMES, w):
    print(f"{k} {v:.2f}")
print(f"SAME_EVENT {t:.2f}")
for half in [args.half] if args.half else ["calib", "check"]:
    for name, s in (("gva", gva), ("basil", basil)):
        P, R, F = score([s], w, half, t)
        print(f"{name} {half}: P {P:.3f} R {R:.3f} F1 {F:.3f}")
