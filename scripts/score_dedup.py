#!/usr/bin/env python3
"""Scores `wirediff dedup --format jsonl` output against a bench gold file.

usage: score_dedup.py GOLD.json PRED.jsonl

Counts duplicate and derived pairs as predicted related pairs, leaves the
gold's ignore list out of both sides (as shared/bench/run_peers.py does), and
prints precision, recall, F1, recall by gold kind and relation agreement.
"""
import json
import sys


def main():
    gold = json.load(open(sys.argv[1]))
    truth = {frozenset((p["a"], p["b"])): p["relation"] for p in gold["pairs"]}
    ignore = {frozenset((a, b)) for a, b, *_ in gold["ignore"]}
    pred = {}
    story = 0
    for line in open(sys.argv[2]):
        p = json.loads(line)
        if p["relation"] == "same-story":
            story += 1
            continue
        pred[frozenset((p["a"], p["b"]))] = p["relation"]
    scored = {k: v for k, v in pred.items() if k not in ignore}
    tp = [k for k in scored if k in truth]
    p = len(tp) / len(scored) if scored else 0.0
    r = len(tp) / len(truth) if truth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    by = {}
    for k, v in truth.items():
        hit = by.setdefault(v, [0, 0])
        hit[1] += 1
        hit[0] += k in scored
    agree = sum(scored[k] == truth[k] for k in tp)
    print(f"P {p:.4f} R {r:.4f} F1 {f:.4f}  tp {len(tp)} fp {len(scored) - len(tp)} "
          f"fn {len(truth) - len(tp)}  same-story {story}")
    print("recall by kind: " + ", ".join(f"{k} {h[0] / h[1]:.3f}" for k, h in sorted(by.items())))
    print(f"relation agrees on {agree}/{len(tp)}")


if __name__ == "__main__":
    main()
