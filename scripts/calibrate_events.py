#!/usr/bin/env python3
"""Fits the same-event model's weights (src/corpus/event.rs `model`) on the
calibration halves: GVA incidents of even id and BASIL events whose uuid
starts with an even hex digit. Prints the weights and, with them, F1 on
both halves (the odd halves are the check).

usage: calibrate_events.py [WIREDIFF]

Features come from `dedup --trace-candidates` (every verified candidate
pair with its rare-word cosine and event signals); labels from the gold.
Plain logistic regression by gradient descent (no numpy needed).
"""
import json
import math
import subprocess
import sys

wd = sys.argv[1] if len(sys.argv) > 1 else "target/release/wirediff"


def load(path, key, half_of):
    rows = [json.loads(l) for l in open(path)]
    gold = {r["id"]: r[key] for r in rows}
    out = subprocess.run([wd, "dedup", path, "--format", "jsonl", "--trace-candidates"],
                         capture_output=True, text=True)
    copies = set()
    for line in out.stdout.splitlines():
        p = json.loads(line)
        if p["relation"] != "same-story":
            copies.add(frozenset((p["a"], p["b"])))
    data = []
    for line in out.stderr.splitlines():
        if not line.split(None, 1)[:1] == ["candidate"]:
            continue
        _, a, b, cos, ev = line.split(None, 4)
        if frozenset((a, b)) in copies:
            continue
        e = json.loads(ev)
        half = "calib" if half_of(gold[a]) or half_of(gold[b]) else "check"
        data.append((features(float(cos), e), gold[a] == gold[b], half))
    truth = {"calib": 0, "check": 0}
    from collections import Counter
    for h, ids in (("calib", [i for i in gold if half_of(gold[i])]), ("check", [i for i in gold if not half_of(gold[i])])):
        c = Counter(gold[i] for i in ids)
        truth[h] = sum(n * (n - 1) // 2 for n in c.values())
    return data, truth, len(copies)


def features(cos, e):
    g = e["published_gap"]
    d = e["date_agrees"]
    return [1.0, cos, 1.0 if d is True else 0.0, 1.0 if d is False else 0.0,
            math.log2(1 + g) if g is not None else 0.0,
            min(e["people_shared"], 3), 1.0 if e["people_differ"] else 0.0,
            min(e["places_shared"], 3), 1.0 if e["places_differ"] else 0.0]


NAMES = ["BIAS", "COSINE", "DATE_AGREES", "DATE_DIFFERS", "GAP_LOG2", "PERSON_SHARED",
         "PEOPLE_DIFFER", "PLACE_SHARED", "PLACES_DIFFER"]


def fit(data, iters=3000, lr=0.5, l2=1e-3):
    w = [0.0] * len(NAMES)
    n = len(data)
    pos = sum(y for _, y, _ in data)
    for _ in range(iters):
        grad = [0.0] * len(w)
        for x, y, _ in data:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            # positives weighted up to the negatives' total: F1 cares about both
            c = (n - pos) / pos if y else 1.0
            for k, xk in enumerate(x):
                grad[k] += c * (p - y) * xk
        for k in range(len(w)):
            w[k] -= lr * (grad[k] / n + (l2 * w[k] if k else 0))
    return w


def score(data, truth, copies_tp, w, half, t):
    pred = [y for x, y, h in data if h == half and 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x)))) >= t]
    tp = sum(pred) + copies_tp
    P = tp / (len(pred) + copies_tp) if pred else 0
    R = tp / truth[half]
    return P, R, 2 * P * R / (P + R) if P + R else 0


gva, gva_truth, _ = load("../shared/eval/gva/articles.jsonl", "incident", lambda i: int(i) % 2 == 0)
basil, basil_truth, _ = load("../shared/eval/basil/articles.jsonl", "event", lambda u: int(u[0], 16) % 2 == 0)
train = [d for d in gva + basil if d[2] == "calib"]
w = fit(train)
for k, v in zip(NAMES, w):
    print(f"{k} {v:.2f}")
for t in (0.5, 0.6, 0.7, 0.8):
    for name, data, truth in (("gva", gva, gva_truth), ("basil", basil, basil_truth)):
        for half in ("calib", "check"):
            P, R, F = score(data, truth, 0, w, half, t)
            print(f"t {t} {name} {half}: P {P:.3f} R {R:.3f} F1 {F:.3f}")
