#!/usr/bin/env python3
"""Print the evaluation figures and fail when one falls below the baseline.

usage: gate.py WIREDIFF EVAL_DIR BASELINE.json

Each figure comes from a scorer in EVAL_DIR (../shared/eval, beside the
checkout); BASELINE.json holds the lowest figure each may fall to. Raise a
baseline in the same commit that raises the figure. When EVAL_DIR is absent
the gate says so and passes: the figures need the shared data.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return out.stdout + out.stderr


def main():
    binary, eval_dir, baseline_path = sys.argv[1:4]
    if not os.path.isdir(eval_dir):
        print(f"skipped: {eval_dir} is absent, no evaluation figures")
        return 0
    baseline = json.load(open(baseline_path))
    figures = {}

    seg = os.path.join(eval_dir, "score_segmentation.py")
    for key, rules in (("golden_rules_en", "golden_rules_en.jsonl"),
                       ("golden_rules_pysbd48", "golden_rules_en_pysbd48.jsonl")):
        text = run([sys.executable, seg, binary, os.path.join(eval_dir, "golden_rules_en", rules)])
        m = re.search(r"golden rules: (\d+)/(\d+)", text)
        figures[key] = int(m.group(1)) if m else 0
        print(f"{key}: {m.group(0) if m else 'no figure'}")

    seeds = sorted(os.listdir("seeds"))
    afp = next(os.path.join("seeds", s) for s in seeds if "afp" in s)
    reuters = next(os.path.join("seeds", s) for s in seeds if "reuters" in s)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
        subprocess.run([binary, "compare", afp, reuters, "--format", "json"], stdout=tmp, check=False)
    text = run([sys.executable, os.path.join(eval_dir, "score_seeds.py"), tmp.name])
    print("".join("  " + l + "\n" for l in text.splitlines()), end="")
    m = re.search(r"score: (\d+)/(\d+)", text)
    figures["seeds_checks"] = int(m.group(1)) if m else 0

    texts = os.path.join(eval_dir, "polnear-dev", "text")
    files = sorted(os.path.join(texts, f) for f in os.listdir(texts) if f.endswith(".txt"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
        subprocess.run([binary, "quotes", *files, "--format", "json"], stdout=tmp, check=False)
    text = run([sys.executable, os.path.join(eval_dir, "score_quotes.py"), tmp.name,
                os.path.join(eval_dir, "polnear-dev", "attributions.jsonl")])
    m = re.search(r"quotes: recall ([\d.]+) speaker ([\d.]+) precision ([\d.]+)", text)
    if m:
        figures["quotes_recall"], figures["quotes_speaker"], figures["quotes_precision"] = map(float, m.groups())
    print(f"polnear quotes: {m.group(0) if m else 'no figure'}")

    failed = [k for k, low in baseline.items() if figures.get(k, 0) < low]
    for k in failed:
        print(f"REGRESSION {k}: {figures.get(k)} < baseline {baseline[k]}")
    print(f"gate: {len(baseline) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
